switch (1, 2, 3) {
    2 { 'two'; continue }
    default { "other $_" }
}
'--'
switch (1, 2, 3) {
    2 { 'two'; break }
    default { "other $_" }
}
'--'
foreach ($x in 1..3) {
    switch ($x) { 2 { break } }
    "loop $x"
}
'--'
:outerLoop foreach ($x in 1..3) {
    switch ($x) { 2 { break outerLoop } }
    "labeled $x"
}
'--'
switch ('a', 'b') {
    'a' { "first: $_"; $switch.MoveNext() | Out-Null; "moved: $($switch.Current)" }
    'b' { 'b never reached' }
}
