"Lastname:FirstName:Address" -split ":"
"Lastname:FirstName:Address" -split "(:)"
$c = "Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune"
$c -split ",", 5
'--'
$c -split ",", -5
'--'
"a,b,c,d", "e,f,g,h" -split ",", 3
'--'
"This.is.a.test" -split ".", 0, "simplematch"
'--'
"Mercury,Venus,Earth" -cSplit 'V'
'--'
-split "red yellow blue green"
'--'
-split "1 2", "a b"
'--'
'Chocolate-Vanilla-Strawberry-Blueberry' -split '(-)', 3
'--'
('a1b2c3' -split '\d') -join '|'
("Mercury,Venus,Earth" -split {$_ -eq "e"}) -join '|'
