$ErrorActionPreference = 'Stop'
'a'
Write-Error 'boom'
'b'
