function Emit { 1; 2; 3 }
(Emit | ForEach-Object { $_ * 100 }) -join ','
function Upper { process { $_.ToUpper() } }
('a', 'b' | Upper) -join ''
function Head { param([int]$N) begin { $i = 0 } process { if ($i -lt $N) { $_ }; $i++ } }
(1..10 | Head -N 3) -join ','
function Pair { process { ,@($_, $_) } }
$pairs = 1, 2 | Pair
$pairs.Count
$pairs[1] -join '-'
