'PowerShell' -match 'shell'
'PowerShell' -cmatch 'shell'
'PowerShell' -match '^Power\w+'
'bag' -notmatch 'b[iou]g'
$string = 'The last logged on user was CONTOSO\jsmith'
$string -match 'was (?<domain>.+)\\(?<user>.+)'
$Matches.domain
$Matches.user
$Matches[0]
'abc123' -match '(\d)(\d)'
$Matches[0]
$Matches[1]
$Matches[2]
('Rhell', 'Chell', 'Mel', 'Smell', 'Shell' -match 'hell') -join ','
('Bag', 'Beg', 'Big', 'Bog', 'Bug' -notmatch 'b[iou]g') -join ','
'xyz' -match 'q'
$Matches[0]
