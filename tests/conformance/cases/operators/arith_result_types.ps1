(6 / 2).GetType().Name
(7 / 2).GetType().Name
(2 + 3.1).GetType().Name
2 + 3.1
(512MB).GetType().Name
(512MB * 512MB).GetType().Name
([int]::MaxValue + 1).GetType().Name
([int32]::MinValue + [uint32]::MaxValue).GetType().Name
(9223372036854775807 + 2).GetType().Name
(1L + 1).GetType().Name
(1 + 1L).GetType().Name
(1 + 1.0).GetType().Name
(1d + 1).GetType().Name
(1 + 1d).GetType().Name
9223372036854775807ul + 2
