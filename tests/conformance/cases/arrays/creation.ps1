$A = 22, 5, 10, 8, 12, 9, 80
$A.Count
$B = ,7
$B.Count
$B.GetType().Name
$C = 5..8
$C -join ','
$d = @("Hello World")
$d.Count
$e = @()
$e.Count
[int32[]]$ia = 1500, 2230, 3350, 4000
$ia.GetType().Name
$ia[0].GetType().Name
$ia += 5
$ia.GetType().Name
[string[]]$sa = 1, 2
$sa[0].GetType().Name
$n = @(@(1, 2))
$n.Count
$m = 1, (2, 3)
$m.Count
$m[1].Count
$m[1][0]
$j = @(1, 2), @(3, 4)
$j[1][0]
