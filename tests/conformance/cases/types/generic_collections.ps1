$list = [System.Collections.Generic.List[string]]::new()
$list.Add('x')
$list.Add('y')
$list.Count
$list[1]
$list.GetType().Name
$list -join ','
$list.Insert(0, 'w')
$list -join ','
$list.IndexOf('x')
$l2 = [System.Collections.Generic.List[int]]@(3, 1, 2)
$l2.Sort()
$l2 -join ','
$l2.Count
$l3 = [System.Collections.Generic.List[int]]::new()
$l3.Add('5')
$l3[0].GetType().Name
($l3 | ForEach-Object { $_ * 2 })
$d = [System.Collections.Generic.Dictionary[string, int]]::new()
$d['a'] = 1
$d.Add('b', 2)
$d.Count
$d.ContainsKey('a')
$d.ContainsKey('A')
$d['b']
$al = [System.Collections.ArrayList]::new()
$null = $al.Add('z')
$al.Add('w')
$al.Count
$al -join ','
