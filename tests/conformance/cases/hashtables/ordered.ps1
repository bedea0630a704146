$o = [ordered]@{ z = 1; a = 2; m = 3 }
$o.Keys -join ','
$o.Values -join ','
$o.GetType().Name
$o[0]
$o['a']
$o.b = 4
$o.Keys -join ','
$o.Remove('a')
$o.Keys -join ','
$o.Contains('z')
$o.Count
foreach ($k in $o.Keys) { "$k=$($o[$k])" }
$o.Z
