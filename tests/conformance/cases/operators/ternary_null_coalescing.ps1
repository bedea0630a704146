$true ? 'yes' : 'no'
(1 -gt 2) ? 'a' : 'b'
$n = 5
($n % 2 -eq 0) ? 'even' : 'odd'
$x = $null
$x ?? 'default'
$y = 0
$y ?? 'default'
$e = ''
"[$($e ?? 'default')]"
$z = $null
$z ??= 5
$z
$z ??= 6
$z
$s = $null
$null -eq ${s}?.Length
$t = 'abc'
${t}?.Length
$arr = $null
$null -eq ${arr}?[0]
$arr2 = 10, 20
${arr2}?[1]
$null ?? $null ?? 'last'
