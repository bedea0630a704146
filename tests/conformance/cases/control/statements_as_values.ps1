$a = foreach ($i in 1..3) { $i }
$a.Count
$b = switch (1, 2) { 1 { 'one' } 2 { 'two' } }
$b -join ','
$c = while ($false) { 'x' }
$null -eq $c
$d = $(1; 2; 3)
$d.Count
$e = @(if ($true) { 'x' })
$e.Count
$f = $( 'a'; 'b' ).Count
$f
