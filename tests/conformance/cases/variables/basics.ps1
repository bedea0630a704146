$a = 5
$a
$A
${my var} = 'braced'
${my var}
$b = $c = 3
"$b $c"
[int]$n = '42'
$n.GetType().Name
$n = '7'
$n.GetType().Name
$n + 1
$s = 1
$s = 'now a string'
$s.GetType().Name
$u = $null
$null -eq $u
$null -eq $neverAssigned
$x = 1; $y = 2; $x + $y
