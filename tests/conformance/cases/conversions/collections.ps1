$a = [int[]]('1', '2', '3')
$a.GetType().Name
$a[0] + $a[1]
([string[]](1, 2)).GetType().Name
$s = [string[]]'single'
$s.Count
$s.GetType().Name
$arr = [array]5
$arr.Count
$arr.GetType().Name
([int[]]@()).Count
$csv = 'a,b,c' -split ','
$csv.GetType().Name
[string]::Join('|', $csv)
[int[]]$typed = 1, 2
$typed += '3'
$typed[2].GetType().Name
