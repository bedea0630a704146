function Sum { $t = 0; foreach ($i in $input) { $t += $i }; $t }
1, 2, 3 | Sum
function All { "All Values: $input" }
"one", "two", "three" | All
function Proc { process { "got $input" } }
'one', 'two' | Proc
function Count-Input { @($input).Count }
1..5 | Count-Input
Count-Input
$sb = { $input | ForEach-Object { $_ + 1 } }
(1, 2 | & $sb) -join ','
