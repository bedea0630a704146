'a'.Equals('A', [StringComparison]::OrdinalIgnoreCase)
'a'.Equals('A')
[string]::Compare('abc', 'ABC', $true)
[string]::Equals('x', 'x')
'Hello'.StartsWith('hello', [StringComparison]::OrdinalIgnoreCase)
'Straße'.Length
'ABC'.ToLowerInvariant()
'a-b_c'.Split([char[]]'-_').Count
'one two  three'.Split(' ', [StringSplitOptions]::RemoveEmptyEntries).Count
