function Get-Sum { param($a, $b = 10) $a + $b }
Get-Sum 1 2
Get-Sum 5
Get-Sum -b 1 -a 2
Get-Sum -a 'x' -b 'y'
Get-Sum -a:3 -b:4
function Simple($x, $y) { "$x-$y" }
Simple a b
Simple -y 2 -x 1
function Typed { param([int]$n) $n.GetType().Name; $n }
Typed '42'
Typed 2.5
function Defaults { param($p = "default-$(1+1)") $p }
Defaults
function NullArg { param($p = 'd') if ($null -eq $p) { 'null' } else { $p } }
NullArg
NullArg -p $null
function Arr { param([string[]]$Items) $Items.Count; $Items -join '+' }
Arr a, b, c
Arr -Items single
