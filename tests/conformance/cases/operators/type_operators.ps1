$a = 1
$b = '1'
$a -is [int]
$a -is $b.GetType()
$b -isnot [int]
$a -isnot $b.GetType()
1.0 -is [double]
'x' -is [string]
$null -is [object]
@() -is [array]
(1, 2) -is [object[]]
[int] -is [type]
'42' -as [int]
('42' -as [int]).GetType().Name
$null -eq ('abc' -as [int])
('3.5' -as [double]) * 2
(5 -as [string]).GetType().Name
