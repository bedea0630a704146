function Multi { 'one'; 'two'; return 'three'; 'never' }
Multi
$r = Multi
$r.Count
function Quiet { $null = 'x'; [void]'y'; 'z' | Out-Null; $x = 'assigned'; 'real' }
Quiet
function Expr { 1 + 1; "text"; $true }
(Expr) -join ','
function Loop { foreach ($i in 1..3) { $i } }
(Loop).Count
function Method { 'abc'.ToUpper(); [void]'abc'.ToUpper() }
Method
function Empty { }
$e = Empty
$null -eq $e
