function Fact($n) { if ($n -le 1) { 1 } else { $n * (Fact ($n - 1)) } }
Fact 5
Fact 10
function Fib([int]$n) { if ($n -lt 2) { return $n }; (Fib ($n - 1)) + (Fib ($n - 2)) }
Fib 15
function Redefine { 'first' }
Redefine
function Redefine { 'second' }
Redefine
function global:GlobalFn { 'global fn' }
GlobalFn
function Get-Item-Custom { 'dashes ok' }
Get-Item-Custom
