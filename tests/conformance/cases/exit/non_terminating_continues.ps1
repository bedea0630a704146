'a'
Write-Error 'e'
'b'
exit 0
