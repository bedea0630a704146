[int] '0xF' -eq 0xF
[int] '0b1111' -eq 15
[int]'42'
[double]'1e3'
[double]'3.25'
[decimal]'1.10'
[long]'9000000000'
'10' -eq 10
5 * '2'
'5' * 2
[int]$null
[string]$null -eq ''
[int][char]'A'
[char]65
[char]'x' -is [char]
