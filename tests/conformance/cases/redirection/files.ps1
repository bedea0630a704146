$f = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "pwshlike-redir-$PID.txt")
'line1' > $f
'line2' >> $f
[System.IO.File]::ReadAllLines($f) -join '|'
1, 2 > $f
[System.IO.File]::ReadAllLines($f) -join '|'
& { Write-Error 'to file' } 2> $f
[System.IO.File]::ReadAllText($f).Contains('to file')
& { 'kept'; Write-Error 'err to file' } 2> $f
'x' | Out-File -FilePath $f
[System.IO.File]::ReadAllLines($f) -join '|'
'y' | Out-File -FilePath $f -Append
[System.IO.File]::ReadAllLines($f) -join '|'
[System.IO.File]::Delete($f)
[System.IO.File]::Exists($f)
