"file" + 16
"1" + 2
1 + "2"
"!" * 3
2 * "3"
$array = 1,2,3
($array + 16) -join ','
($array + "file") -join ','
($array * 2) -join ','
(@("!") * 4) -join ''
+ '123'
(+ '123').GetType().Name
$a = 1,2,3
$b = "A","B","C"
$a + $b
