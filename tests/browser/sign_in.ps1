# Browser sign-in as a person runs it: start the emulator (no -AutoSignIn, so
# someone has to sign in on its pages), then New-PartnerAccessToken
# -UseAuthorizationCode, which opens $BROWSER at the sign-in page.
# -Mode Public: the User parameter set with the public client;
# -Mode Confidential: the secure application model (-ServicePrincipal -Credential).
# The last line of output is "RESULT <json>" describing what happened.
# -StatePath: the emulator's directory, in which the admin has not yet
# consented to the application (so Azure AD shows its consent page).
param([Parameter(Mandatory)][ValidateSet('Public', 'Confidential')][string]$Mode,
      [Parameter(Mandatory)][string]$StatePath)

$emulator = Start-PwshlikeEmulator -StatePath $StatePath

# What the person at the browser knows: the admin's user name and password,
# and the emulator's CA, which their browser trusts.
$env:PWSHLIKE_TEST_SIGNIN_USER = $emulator.UserCredential.UserName
$env:PWSHLIKE_TEST_SIGNIN_PASSWORD = $emulator.UserCredential.GetNetworkCredential().Password
$env:PWSHLIKE_TEST_EMULATOR_CA = $emulator.CACertificatePath
Write-Output "EMULATOR $($emulator.Endpoint)"

$token = $null
$failure = $null
try {
    if ($Mode -eq 'Public') {
        $token = New-PartnerAccessToken -Environment Emulator -ApplicationId $emulator.PublicClientId `
            -Tenant $emulator.TenantId -Scopes 'https://api.partnercenter.microsoft.com/user_impersonation' `
            -UseAuthorizationCode -WarningVariable signInWarnings -ErrorAction Stop
    } else {
        $token = New-PartnerAccessToken -Environment Emulator -ApplicationId $emulator.ApplicationId `
            -Credential $emulator.Credential -Tenant $emulator.TenantId `
            -Scopes 'https://api.partnercenter.microsoft.com/user_impersonation' `
            -ServicePrincipal -UseAuthorizationCode -WarningVariable signInWarnings -ErrorAction Stop
    }
} catch {
    $failure = [ordered]@{
        FullyQualifiedErrorId = $_.FullyQualifiedErrorId
        Message = $_.Exception.Message
        Category = $_.CategoryInfo.Category.ToString()
    }
}

$result = [ordered]@{
    Emulator = [ordered]@{ UserName = $emulator.UserName; TenantId = $emulator.TenantId
                           PublicClientId = $emulator.PublicClientId; ApplicationId = $emulator.ApplicationId }
    Warnings = @($signInWarnings | ForEach-Object { "$_" })
    Failure = $failure
    Token = $null
    Log = @(Get-PwshlikeEmulatorLog | ForEach-Object {
        [ordered]@{ Method = $_.Method; Path = $_.Path; StatusCode = $_.StatusCode } })
}
if ($token) {
    $result.Token = [ordered]@{
        TypeName = $token.PSObject.TypeNames[0]
        AccessToken = $token.AccessToken
        RefreshToken = $token.RefreshToken
        IdToken = $token.IdToken
        TenantId = $token.TenantId
        Username = $token.Account.Username
        Scopes = @($token.Scopes)
    }
}
Stop-PwshlikeEmulator
Write-Output ("RESULT " + ($result | ConvertTo-Json -Depth 5 -Compress))
