$dir = [System.IO.Path]::GetTempPath()
$f = [System.IO.Path]::Combine($dir, "pwshlike-called-$PID.ps1")
[System.IO.File]::WriteAllText($f, "param(`$p) 'child got ' + `$p`nexit 5`n'never'")
& $f 'arg1'
$LASTEXITCODE
'caller continues'
$g = [System.IO.Path]::Combine($dir, "pwshlike-dot-$PID.ps1")
[System.IO.File]::WriteAllText($g, '$fromDot = 42; function Get-FromDot { "fn from dot" }')
. $g
$fromDot
Get-FromDot
& $g
$h = [System.IO.Path]::Combine($dir, "pwshlike-child-$PID.ps1")
[System.IO.File]::WriteAllText($h, '$childVar = "child"; "script root ok: $($PSScriptRoot -eq [System.IO.Path]::GetDirectoryName($PSCommandPath))"')
& $h
$null -eq $childVar
[System.IO.File]::Delete($f)
[System.IO.File]::Delete($g)
[System.IO.File]::Delete($h)
