$i = 0
$varB = 10, 20, 30, 40
foreach ($val in $varB) {
    if ($val -eq 30) { break }
    $i++
}
"30 was found in array index $i"
for ($i = 1; $i -le 10; $i++) { if ($i -eq 4) { break }; $i }
:outer foreach ($a in 1..3) {
    foreach ($b in 1..3) {
        if ($b -eq 2) { continue outer }
        "$a-$b"
    }
}
:outer2 for ($i = 1; $i -le 3; $i++) {
    for ($j = 1; $j -le 3; $j++) {
        if ($i * $j -eq 4) { break outer2 }
        "$i*$j"
    }
}
foreach ($x in 1..5) { if ($x % 2 -eq 0) { continue }; "odd $x" }
:w while ($true) { do { break w } while ($true) }
'escaped nested loops'
