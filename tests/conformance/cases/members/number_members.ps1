(5).ToString('D3')
(255).ToString('x')
(10).CompareTo(5)
(3).Equals(3)
(3.14159).ToString('F2')
(1234).ToString().Length
$n = 42
$n.GetType().FullName
$n.Count
$n[0]
$null.Count
'str'.Count
@(1).Length
