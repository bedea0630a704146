Set-Variable -Name sv -Value 5
$sv
function SetScript { Set-Variable -Name fromFn -Value 'fn' -Scope Script }
SetScript
$fromFn
Get-Variable -Name sv -ValueOnly
(Get-Variable -Name sv).Value
New-Variable -Name nv -Value 'new'
$nv
Remove-Variable -Name nv
$null -eq (Get-Variable -Name nv -ErrorAction SilentlyContinue)
