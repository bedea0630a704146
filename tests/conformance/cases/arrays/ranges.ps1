(1..5) -join ','
(5..1) -join ','
(-2..2) -join ','
('a'..'e') -join ''
('e'..'a') -join ''
(1..3).GetType().Name
$r = 0..9
$r[2..4] -join ','
(1..1) -join ','
$n = 3
(1..$n) -join ','
('a'..'c')[0].GetType().Name
