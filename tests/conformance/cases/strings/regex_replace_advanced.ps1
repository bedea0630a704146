'John Smith' -replace '(\w+) (\w+)', '$2, $1'
'2024-01-15' -replace '(?<y>\d+)-(?<m>\d+)-(?<d>\d+)', '${d}/${m}/${y}'
'aaa' -replace 'a', 'b'
'a+b' -match [regex]::Escape('a+b')
'x' -replace '(x)', '[$1]'
'hello world' -replace '\b(\w)', { $_.Value.ToUpper() }
'tab	sep' -replace '\t', '<TAB>'
'CamelCaseString' -creplace '([A-Z])', ' $1'
"line1`nline2" -replace '(?m)^', '> '
