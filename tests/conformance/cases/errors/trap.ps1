trap { "trapped: $_"; continue }
'start'
throw 'oops'
'after throw'
function f { trap { 'in trap'; continue }; 'before'; throw 'x'; 'after' }
f
function g { trap { 'trap g'; break }; throw 'y'; 'not reached' }
try { g } catch { "caught: $_" }
function Typed-Trap {
    trap [System.DivideByZeroException] { 'div trap'; continue }
    trap { 'general trap'; continue }
    $z = 0
    1 / $z
    throw 'other'
    'end of function'
}
Typed-Trap
