[regex]::Matches('a1b22c333', '\d+').Count
[regex]::Match('abc123', '\d+').Value
[regex]::Replace('hello', 'l', 'L')
[regex]::Escape('a.b*c')
[regex]::IsMatch('abc', '^a')
$r = [regex]'(\w)(\d)'
$m = $r.Match('x1 y2')
$m.Success
$m.Groups[1].Value
$m.Groups[2].Value
$m.Index
([regex]::Split('a1b2c', '\d')) -join ','
'a1b2' -match '(?<letter>[a-z])(?<digit>\d)'
$Matches.letter
$Matches['digit']
([regex]::Matches('cat bat rat', '\wat') | ForEach-Object { $_.Value }) -join ','
'ABC' -match '^abc$'
'ABC' -cmatch '^abc$'
'line1
line2' -match '^line2$'
'line1
line2' -match '(?m)^line2$'
