param([string]$Name = 'World', [int]$Times = 2)
"Hello, $Name!"
$Times.GetType().Name
1..$Times | ForEach-Object { "time $_" }
