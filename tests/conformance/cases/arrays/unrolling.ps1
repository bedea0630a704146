function Get-Three { return 1, 2, 3 }
(Get-Three).Count
$r = Get-Three
$r.GetType().Name
function Get-Wrapped { return , (1, 2, 3) }
$w = @(Get-Wrapped)
$w.Count
$w[0].Count
function Get-Nothing { }
$x = Get-Nothing
$null -eq $x
@(Get-Nothing).Count
function Get-One { 'only' }
$o = Get-One
$o.GetType().Name
@(Get-One).Count
$single = 1 | ForEach-Object { $_ }
$single.GetType().Name
(1, 2, 3 | ForEach-Object { $_ }).Count
$nested = (1, 2), (3, 4)
($nested | ForEach-Object { $_.Count }) -join ','
@($nested).Count
