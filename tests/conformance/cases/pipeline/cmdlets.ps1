1..3 | ForEach-Object -Begin { 'start' } -Process { $_ } -End { 'done' }
'a', 'b' | ForEach-Object ToUpper
(1..10 | Where-Object { $_ % 3 -eq 0 }) -join ','
(1..5 | Where-Object { $_ -gt 3 } | ForEach-Object { $_ * 10 }) -join ','
$objs = [pscustomobject]@{ Name = 'a'; N = 1 }, [pscustomobject]@{ Name = 'b'; N = 2 }
$objs | Where-Object Name -eq 'b' | ForEach-Object { $_.N }
($objs | ForEach-Object Name) -join ','
(1..10 | Select-Object -First 3) -join ','
(1..10 | Select-Object -Last 2) -join ','
$null | ForEach-Object { 'ran for null' }
@() | ForEach-Object { 'ran for empty' }
(1..3 | ForEach-Object { $_; $_ * 10 }) -join ','
Write-Output 1, 2 | ForEach-Object { "item $_" }
$r = 1..3 | ForEach-Object { $_ * 2 }
$r.GetType().Name
(1..3 | ForEach-Object { [pscustomobject]@{ V = $_ } }).V -join ','
'x' | Write-Output
1..3 | ForEach-Object { if ($_ -eq 2) { 'two' } } | ForEach-Object { "got $_" }
