switch (3) {
    1 { "It's one." }
    2 { "It's two." }
    3 { "It's three." }
    4 { "It's four." }
    3 { "Three again." }
}
switch (1, 4, -1, 3, "Hello", 2, 1) {
    {$_ -lt 0} { continue }
    {$_ -isnot [int32]} { break }
    {$_ % 2} { "$_ is Odd" }
    {-not ($_ % 2)} { "$_ is Even" }
}
switch ("fourteen") {
    1 { "It's one."; break }
    2 { "It's two."; break }
    "fo*" { "That's too many." }
    default { "No matches" }
}
switch ("Test") {
    { $_ -is [string] } { "Found a string" }
    "Test" { "This $_ executes as well" }
}
$r = switch (2) { 1 { 'a' } 2 { 'b' } default { 'c' } }
$r
switch (5) { '5' { 'string five matches int' } }
switch ('ABC') { 'abc' { 'lower' } 'ABC' { 'upper' } }
switch (@()) { default { 'never' } }
'after empty'
