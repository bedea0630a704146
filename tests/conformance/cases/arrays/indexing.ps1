$a = 0 .. 9
$a[0]
$a[2]
$a[-1]
$a[-3]
$a[1..4] -join ','
$a[-3..-1] -join ','
$a[-1..-3] -join ','
$a[2..-2] -join ','
$a[0..-2] -join ','
$a[0,2+4..6] -join ','
$a[+0..2+4..6+8] -join ','
$a[0, 2, 4] -join ','
$null -eq $a[20]
$a.Count
$a.Length
$a.Rank
$a.GetType().Name
