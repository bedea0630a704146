[string]42
[string]1.5
[string]$true
"$(1.5)"
"$true"
[string](1, 2, 3)
"$(1, 2, 3)"
$arr = 'a', 'b'
"arr: $arr"
$OFS = '-'
"$(1, 2, 3)"
[string](1, 2, 3)
$OFS = ' '
"$(1, 2, 3)"
(42).ToString()
(255).ToString('X2')
[string][char]97
