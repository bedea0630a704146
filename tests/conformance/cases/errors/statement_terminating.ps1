$zero = 0
'before'
1 / $zero
'after statement-terminating error'
function Test-NT { Write-Error 'non-terminating' 2>$null; 'still running' }
Test-NT
function Test-T { throw 'terminating'; 'never' }
try { Test-T } catch { 'caught terminating' }
exit 0
