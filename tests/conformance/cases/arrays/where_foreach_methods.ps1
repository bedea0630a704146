$a = @(0 .. 3)
$a.ForEach({ $_ * $_ }) -join ','
("one", "two", "three").ForEach("ToUpper") -join ','
(0..9).Where{ $_ % 2 } -join ','
('hi', '', 'there').Where{ $_ } -join ','
(1..10).Where({ $_ -gt 3 }, 'First') -join ','
(1..10).Where({ $_ -gt 3 }, 'First', 2) -join ','
(1..10).Where({ $_ -gt 7 }, 'Last') -join ','
(1..6).Where({ $_ -ge 4 }, 'SkipUntil') -join ','
(1..6).Where({ $_ -ge 4 }, 'Until') -join ','
$even, $odd = (1..6).Where({ $_ % 2 -eq 0 }, 'Split')
$even -join ','
$odd -join ','
