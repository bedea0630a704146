$a = 1, 2, 3
$a += 4
$a -join ','
$a.Count
$a[0] = 10
$a -join ','
$b = $a
$b[1] = 20
$a[1]
$c = $a + 5
$c.Count
$a.Count
$a.IsFixedSize
try { $a.Add(5) } catch { $_.Exception.GetType().FullName; $_.FullyQualifiedErrorId }
$x = 1, 2, 3
$x.Clear()
($x | ForEach-Object { $null -eq $_ }) -join ','
[int[]] $intA = 1, 2, 3
$intA.Clear()
$intA -join ','
$list = [System.Collections.Generic.List[int]]::new()
$list.Add(1)
$list.Add(2)
$list.Count
$list.Contains(2)
$list.Remove(1)
$list -join ','
