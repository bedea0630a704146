$x = 'X'
$a = @"
Line 1 $(1+1) $x
"quoted" and 'single'
"@
$a
$b = @'
Literal $x and $(1+1)
'@
$b
$c = @"
one
two
"@
$c.Split("`n").Count
$c.Contains("`r")
@'
first
'@
