$a, $b, $c = 1, 2, 3
"$a $b $c"
$first, $rest = 1, 2, 3, 4
$first
$rest -join ','
$rest.GetType().Name
$p, $q, $r = 'x', 'y'
$null -eq $r
$x = $y = 'same'
$x
$y
$m, $n = 1, 2
$m, $n = $n, $m
"$m $n"
