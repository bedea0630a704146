function Get-Value { 'first'; return 'second'; 'never' }
Get-Value
function Early($n) { if ($n -gt 5) { return 'big' }; 'small' }
Early 10
Early 1
$r = & { return 5 }
$r
function Get-Nothing { return }
$null -eq (Get-Nothing)
(1..3 | ForEach-Object { if ($_ -eq 2) { return }; $_ }) -join ','
function In-Loop { foreach ($i in 1..5) { if ($i -eq 3) { return "returned at $i" }; $i } }
In-Loop
'before script return'
return
'after script return'
