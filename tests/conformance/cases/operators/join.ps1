-join ("a", "b", "c")
"a", "b", "c" -join ", "
(1, 2, 3) -join '+'
'single' -join ','
$z = "WIND", "S P", "ERSHELL"
-join $z
$z -join '/'
(1..4 -join '') + '!'
