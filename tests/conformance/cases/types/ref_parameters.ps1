$parsed = 0
[int]::TryParse('123', [ref]$parsed)
$parsed
[int]::TryParse('x', [ref]$parsed)
function Set-Ref([ref]$r) { $r.Value = 'changed' }
$v = 'orig'
Set-Ref ([ref]$v)
$v
$box = [ref]5
$box.Value += 1
$box.Value
