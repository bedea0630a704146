$env:PWSHLIKE_CONF_VAR = 'hello'
$env:PWSHLIKE_CONF_VAR
${env:PWSHLIKE_CONF_VAR}
"value: $env:PWSHLIKE_CONF_VAR"
[Environment]::GetEnvironmentVariable('PWSHLIKE_CONF_VAR')
[Environment]::SetEnvironmentVariable('PWSHLIKE_CONF_VAR2', 'from-api')
$env:PWSHLIKE_CONF_VAR2
$env:PWSHLIKE_CONF_VAR = ''
$null -eq $env:PWSHLIKE_CONF_VAR
$null -eq [Environment]::GetEnvironmentVariable('PWSHLIKE_CONF_VAR')
$null -eq $env:PWSHLIKE_CONF_NEVER_SET
$env:PWSHLIKE_CONF_VAR2 = $null
$null -eq $env:PWSHLIKE_CONF_VAR2
$env:PWSHLIKE_NUM = 5
$env:PWSHLIKE_NUM.GetType().Name
$env:PATH.Length -gt 0
