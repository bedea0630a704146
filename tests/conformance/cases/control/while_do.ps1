$v = 1
while ($v -le 3) { $v; $v++ }
$count = 0
do { $count++ } while ($count -lt 5)
$count
$c = 10
do { 'do-while runs once' } while ($c -lt 5)
$u = 0
do { $u++ } until ($u -ge 3)
$u
do { 'do-until runs once' } until ($true)
while ($false) { 'never' }
$w = 0
while ($true) { $w++; if ($w -eq 3) { break } }
$w
$n = 0
while ($n -lt 5) { $n++; if ($n % 2) { continue }; "even $n" }
