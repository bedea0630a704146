Write-Host 'host text'
Write-Host 'a' 'b'
Write-Host -NoNewline 'x'
Write-Host 'y'
Write-Host 1, 2, 3
Write-Host -Separator ',' 1 2 3
Write-Host -Object 'obj'
'output after host'
Write-Output 'wo1', 'wo2'
echo 'alias echo'
