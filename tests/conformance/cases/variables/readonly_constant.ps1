Set-Variable -Name ro -Value 1 -Option ReadOnly
$ro
try { $ro = 2 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
$ro
Set-Variable -Name ro -Value 3 -Force
$ro
