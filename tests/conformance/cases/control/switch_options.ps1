switch -Wildcard ("fourteen") {
    1 { "It's one."; break }
    "fo*" { "That's too many." }
}
$target = 'https://bing.com'
switch -Regex ($target) {
    '^ftp\://.*$' { "$_ is an ftp address"; break }
    '^(http[s]?)\://.*$' { "$_ is a web address that uses $($Matches[1])"; break }
}
switch -CaseSensitive ('ABC') { 'abc' { 'lower' } 'ABC' { 'upper' } }
switch -Exact ('a*') { 'a*' { 'exact' } 'a' { 'no' } }
switch -Wildcard ('a*') { 'a*' { 'wild 1' } 'a?' { 'wild 2' } 'b*' { 'no' } }
switch -Regex ('abc123') {
    '(\d+)' { "digits $($Matches[1])" }
    '^[a-z]+' { "letters $($Matches[0])" }
    '^\d' { 'no' }
}
switch -Regex -CaseSensitive ('Hello') { '^h' { 'lower h' } '^H' { 'upper H' } }
