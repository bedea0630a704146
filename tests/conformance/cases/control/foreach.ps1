$letterArray = 'a', 'b', 'c', 'd'
foreach ($letter in $letterArray) { "Letter: $letter" }
foreach ($i in 1..3) { $i * 10 }
$sum = 0
foreach ($n in @()) { $sum++ }
$sum
foreach ($x in $null) { 'ran for null' }
$h = foreach ($i in 1..3) { $i * 2 }
$h -join ','
foreach ($c in 'abc') { "item $c" }
$i = 'before'
foreach ($i in 1..2) { }
$i
foreach ($k in 1, (2, 3)) { "count $($k.Count)" }
