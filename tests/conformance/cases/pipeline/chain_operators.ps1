Write-Output 'First' && Write-Output 'Second'
Write-Output 'First' || Write-Output 'Second'
Write-Error 'Bad' 2>$null && Write-Output 'not shown'
Write-Error 'Bad' 2>$null || Write-Output 'fallback'
$result = Write-Output '1' && Write-Output '2'
$result -join ','
try { $(throw 'Bad') || Write-Output '2' } catch { Write-Output "Caught: $_" }
Write-Output 'Done'
try { $result2 = Write-Output 'Value' && $(throw 'Bad') } catch { }
"Result: $result2"
sh -c 'exit 1' || Write-Output 'native failed'
sh -c 'exit 0' && Write-Output 'native ok'
Write-Output 'a' && Write-Output 'b' || Write-Output 'c'
exit 0
