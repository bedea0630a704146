for ($i = 0; $i -lt 3; $i++) { $i }
for ($($i = 0; $j = 0); $i -lt 3; $($i++; $j += 2)) { "$i $j" }
$k = 1
for (; $k -le 2; $k++) { "k=$k" }
$n = 0
for (;;) { $n++; if ($n -ge 4) { break } }
$n
for ($i = 0
  $i -lt 2
  $i++) {
  "newline form $i"
}
for ($i = 0; $i -le 6; $i += 3) { $i }
$vals = for ($i = 1; $i -le 3; $i++) { $i * $i }
$vals -join ','
