$h = @{ Number = 1; Shape = "Square"; Color = "Blue" }
$h.Count
$h.Number
$h['Shape']
$h.color
$h["COLOR"]
$h.Keys.Count
$h.ContainsKey('number')
$h.ContainsKey('Size')
$h.ContainsValue('Blue')
$h.Add('Size', 5)
$h.Count
$h['Size']
$h.Remove('Size')
$h.Count
$h.Time = 'Now'
$h.Time
$h['Extra'] = 42
$h.Extra
$null -eq $h['missing']
$null -eq $h.missing
$h.GetType().Name
$h.GetType().FullName
try { $h.Add('Number', 2) } catch { $_.FullyQualifiedErrorId }
$e = @{}
$e.Count
