2 -gt 4 -and 1
(2 -gt 4) -and 1
2 -gt (4 -and 1)
[string]@('Windows','PowerShell','2.0')[0]
([string]@('Windows','PowerShell','2.0'))[0]
"{0}" -f 1 + 1
-not $true -eq $false
1 + 2 -eq 3
1..3 -join ','
$x = 1 + 2 * 3
$x
