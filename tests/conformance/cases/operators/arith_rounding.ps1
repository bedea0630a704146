[int]( 5 / 2 )
[int]( 7 / 2 )
[int][Math]::Round(5 / 2, [MidpointRounding]::AwayFromZero)
[int][Math]::Ceiling(5 / 2)
[int][Math]::Floor(5 / 2)
[bigint]1 / 1.9
1 / [int]1.9
