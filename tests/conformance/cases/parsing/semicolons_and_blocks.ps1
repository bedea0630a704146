'one'; 'two'
if ($true) { 'a'; 'b' }
$x = 1; if ($x) { 'x is truthy' }; 'after'
function OneLine { 'one line fn' }; OneLine
& { 'in block'; 'second' }
$(); 'empty subexpression is fine'
