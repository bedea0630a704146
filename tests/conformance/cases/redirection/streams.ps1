$out = Write-Error 'err' 2>&1
$out.GetType().Name
"$out"
$x = & { 'o1'; Write-Error 'e1'; 'o2' } 2>&1
$x.Count
$x[0]
$x[1] -is [System.Management.Automation.ErrorRecord]
$x[2]
Write-Error 'gone' 2>$null
'after null redirect'
Write-Output 'silent' > $null
$w = Write-Warning 'careful' 3>&1
$w.GetType().Name
$w.Message
$i = Write-Host 'via host' 6>&1
$i.GetType().Name
"$i"
Write-Host 'hidden host' 6>$null
$all = & { 'out'; Write-Warning 'warn'; Write-Error 'oops' } *>&1
$all.Count
'end'
