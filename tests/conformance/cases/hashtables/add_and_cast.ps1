$h1 = @{ a = 1; b = 2 }
$h2 = @{ c = 3 }
$h3 = $h1 + $h2
$h3.Count
$h1.Count
$h3.c
$o1 = [ordered]@{ b = 1 }
$o1.Insert(0, 'a', 0)
$o1.Keys -join ','
$p = [pscustomobject]@{ Name = 'x'; Value = 2 }
$p.Name
$p.Value
$p.GetType().Name
$p.PSObject.Properties.Name -join ','
$null -eq $p.Extra
$p.Value = 3
$p.Value
$k = @{ 1 = 'one'; 'two' = 2 }
$k[1]
$k.two
