$h = [ordered]@{ a = 1; b = 2 }
foreach ($e in $h.GetEnumerator()) { "$($e.Key):$($e.Value)" }
$h.GetEnumerator() | ForEach-Object { $_.Key + '=' + $_.Value }
@{ a = 1 } | ForEach-Object { $_.GetType().Name }
(@{ a = 1; b = 2 } | ForEach-Object { 'item' }).Count
$plain = @{ x = 1; y = 2; z = 3 }
$sum = 0
foreach ($k in $plain.Keys) { $sum += $plain[$k] }
$sum
$n = @{ inner = @{ x = 5 }; list = 1, 2, 3 }
$n.inner.x
$n.list[2]
$n['inner']['x']
$n.inner.y = 6
$n.inner.Count
