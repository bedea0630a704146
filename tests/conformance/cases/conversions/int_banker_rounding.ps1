[int]2.5
[int]3.5
[int]-2.5
[int]-3.5
[int]1.5
[int]0.5
[int]2.6
[long]2.5
[byte]250.5
[math]::Round(2.5)
[math]::Round(3.5)
[math]::Round(2.5, [MidpointRounding]::AwayFromZero)
[math]::Round(1.2345, 2)
[math]::Floor(2.7)
[math]::Ceiling(2.1)
[math]::Truncate(-2.7)
