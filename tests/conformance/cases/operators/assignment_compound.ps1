$x = 10
$x += 5
$x
$x -= 3
$x
$x *= 2
$x
$x /= 4
$x
$x %= 4
$x
$s = 'ab'
$s += 'cd'
$s
$s *= 2
$s
$arr = 1, 2
$arr += 3
$arr -join ','
$h = @{ a = 1 }
$h += @{ b = 2 }
$h.Count
$q = 7
$q /= 2
$q
