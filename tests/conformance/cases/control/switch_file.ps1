$f = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "pwshlike-switch-$PID.txt")
[System.IO.File]::WriteAllLines($f, [string[]]('alpha', 'beta', 'gamma', 'Beta'))
switch -Wildcard -File $f { 'b*' { "B: $_" } 'g*' { "G: $_" } }
switch -Regex -CaseSensitive -File $f { '^B' { "cs: $_" } }
switch -File $f { 'gamma' { 'stop at gamma'; break } default { "line $_" } }
[System.IO.File]::Delete($f)
