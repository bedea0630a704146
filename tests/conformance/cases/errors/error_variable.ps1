$Error.Clear()
Write-Error 'e1' -ErrorAction SilentlyContinue
$Error.Count
$Error[0].Exception.Message
Write-Error 'e2' -ErrorAction Ignore
$Error.Count
Write-Error 'e3' -ErrorAction SilentlyContinue
$Error[0].ToString()
$Error.Count
Write-Error 'e4' -ErrorAction SilentlyContinue -ErrorVariable ev
$ev.Count
$ev[0].Exception.Message
