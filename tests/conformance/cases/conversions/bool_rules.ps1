[bool]0
[bool]1
[bool]-1
[bool]''
[bool]'False'
[bool]'0'
[bool]' '
[bool]$null
[bool]@()
[bool]@(0)
[bool]@(1)
[bool]@(0, 0)
[bool]@($false)
[bool]0.0
[bool]@{value = 0}
if ("") { 'yes' } else { 'no' }
if ('hello') { 'yes' } else { 'no' }
if ([double]0.0) { 'yes' } else { 'no' }
[bool]::Parse('false')
[bool]::Parse('True')
