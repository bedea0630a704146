$err = $null
try { throw 'kept' } catch { $err = $_ }
$err.Exception.Message
$count = 0
foreach ($i in 1..3) { try { if ($i -ne 2) { throw "fail $i" } } catch { $count++ } }
$count
function Try-In-Function { try { throw 'x' } catch { $caughtHere = 'yes' }; $caughtHere }
Try-In-Function
