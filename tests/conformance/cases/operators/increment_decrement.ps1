$i = 5
$i++
$i
$j = $i++
$j
$i
$k = ++$i
$k
$i--
--$i
$i
$a = 0
$b = @(1, 2)
$c = @(-1, -2)
$b[$a] = $c[$a++]
$b -join ','
$a
$u = $null
$u++
$u
