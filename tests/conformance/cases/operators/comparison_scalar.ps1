2 -eq 2
2 -eq 3
'abc' -eq 'ABC'
'abc' -ceq 'ABC'
'abc' -ieq 'ABC'
'abc' -ne 'def'
'abc' -cne 'ABC'
8 -gt 6
8 -ge 8
6 -lt 8
8 -le 8
'a' -lt 'z'
1 -eq '1.0'
'1.0' -eq 1
'10' -lt 9
10 -lt '9'
'abc' -eq 'abc', 'def'
'abc' -ne 'abc', 'def'
$false -eq ''
