$a = 3, 1, 2
[array]::IndexOf($a, 2)
[array]::Sort($a)
$a -join ','
[array]::Reverse($a)
$a -join ','
$b = [int[]]::new(3)
$b -join ','
$b.Length
$c = [string[]]::new(2)
$null -eq $c[0]
$a.Contains(2)
$a.IndexOf(1)
$copy = $a.Clone()
$copy[0] = 99
$a[0]
