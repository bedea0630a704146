$x = 1
$?
Write-Error 'x' -ErrorAction SilentlyContinue
$?
function Test-WriteError {
    Write-Error "Bad" -ErrorAction SilentlyContinue
    "The `$? variable is: $?"
}
Test-WriteError
"Now the `$? variable is: $?"
Write-Output 'ok' | Out-Null
$?
