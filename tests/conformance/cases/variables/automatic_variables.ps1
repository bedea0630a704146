function A { $args.Count; $args[0]; $args -join ',' }
A 1 2 3
function NoArgs { $args.Count }
NoArgs
(1, 2, 3 | ForEach-Object { $_ * 2 }) -join ','
(1, 2 | ForEach-Object { $PSItem + 10 }) -join ','
[System.IO.Path]::GetFileName($PSCommandPath)
$MyInvocation.MyCommand.Name
$PSScriptRoot -eq [System.IO.Path]::GetDirectoryName($PSCommandPath)
function Named { $MyInvocation.MyCommand.Name }
Named
$PID -gt 0
$PID -is [int]
$PSVersionTable.PSVersion.Major -ge 7
$PSVersionTable.PSEdition
$IsCoreCLR
$true.GetType().Name
$null -eq $null
"The value of `$ErrorActionPreference is '$ErrorActionPreference'."
