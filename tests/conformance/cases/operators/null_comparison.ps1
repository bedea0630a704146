$a = 1, 2, $null, 4, $null, 6
$null -ne $a
($a -ne $null) -join ','
($a -eq $null).Count
$null -eq $null
$x = $null
$x -eq $null
$null -eq $x
$e = @()
$null -eq $e
($e -eq $null).Count
if ($e -eq $null) { 'truthy' } else { 'falsy' }
$a.Count
