$s = 'ab', 'cde', 'f'
$s.Length
($s | ForEach-Object Length) -join ','
$s.ToUpper() -join ','
$objs = [pscustomobject]@{ Name = 'a'; N = 1 }, [pscustomobject]@{ Name = 'b'; N = 2 }
$objs.Name -join ','
$objs.N -join ','
$objs.Count
$objs[1].Name
(@('x', 'yy')).Length
