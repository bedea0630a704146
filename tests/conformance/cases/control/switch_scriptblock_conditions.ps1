$var = @{ A = 10; B = 'abc' }
foreach ($key in [string[]]('A', 'B')) {
    switch ($var[$key].GetType()) {
        { $_ -eq [int32] } { "$key + 10 = $($var[$key] + 10)" }
        { $_ -eq [string] } { "$key = $($var[$key])" }
    }
}
switch (15) {
    { $_ -gt 10 } { 'greater than 10' }
    { $_ -gt 20 } { 'greater than 20' }
    { $_ % 5 -eq 0 } { 'multiple of 5' }
}
$test = @{ Test = 'test' }
switch -Exact ($test) {
    'System.Collections.Hashtable' { 'Hashtable string coercion' }
    'test' { 'Hashtable value' }
}
