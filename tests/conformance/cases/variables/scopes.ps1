$x = 'script'
function Show { $x }
Show
function Change { $x = 'local'; $x }
Change
$x
function ChangeScript { $script:x = 'changed' }
ChangeScript
$x
function Outer { $v = 'outer'; Inner }
function Inner { $v }
Outer
function SetGlobal { $global:g = 'G' }
SetGlobal
$g
$global:g
$n = 1
function Inc { $n += 1; $n }
Inc
$n
& { $x = 'inner' }
$x
. { $dotted = 'dot' }
$dotted
$local:x
function Nested { function InnerFn { 'inner fn' }; InnerFn }
Nested
$null -eq (Get-Command InnerFn -ErrorAction SilentlyContinue)
