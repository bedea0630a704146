function Sw { param([switch]$Force, $Name = 'n') "$($Force.IsPresent) $Name" }
Sw
Sw -Force
Sw -Force:$false
Sw -Force:$true
Sw -Name x -Force
Sw -Force -Name y
function Check { param([switch]$On) if ($On) { 'on' } else { 'off' } }
Check
Check -On
