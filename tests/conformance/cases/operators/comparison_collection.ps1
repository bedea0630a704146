1,2,3 -eq 2
'abc', 'def' -eq 'abc'
'abc', 'def' -ne 'abc'
'zzz', 'def', 'zzz' -eq 'zzz'
$a = (1, 2) -eq 3
$a.GetType().Name
$a.Count
$b = 5, 6, 7, 8, 9
($b -gt 7) -join ','
($b -ge 7) -join ','
($b -lt 7) -join ','
($b -le 7) -join ','
