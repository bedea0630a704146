$x = 1
$c = { $x }.GetNewClosure()
$x = 2
& $c
& { $x }
function Make-Adder($n) { { param($v) $v + $n }.GetNewClosure() }
$add5 = Make-Adder 5
$add10 = Make-Adder 10
& $add5 10
& $add10 10
function Make-Greeter { param($Greeting) { param($Who) "$Greeting, $Who" }.GetNewClosure() }
$hello = Make-Greeter 'Hello'
& $hello 'World'
