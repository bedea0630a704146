#!/usr/bin/env pwshlike
# pwshlike quickstart: a Cloud Solution Provider's sign-ins and consent, offline.
#
# Starts pwshlike's Azure AD emulator on this machine and signs in to it with
# New-PartnerAccessToken exactly as you would against Azure: only
# -Environment Emulator differs. Every request below is real HTTPS, answered
# by the emulator, through the same MSAL library the cloud sign-ins use.
param(
    [string] $Scope = 'https://api.partnercenter.microsoft.com/user_impersonation'
)

# Keep this demo's tokens out of your own token cache.
$env:PWSHLIKE_TOKEN_CACHE = 'memory'

# 1. An Azure AD of our own: a partner tenant, three customer tenants, an
#    application with a secret and a certificate, and a partner admin.
#    -AutoSignIn approves sign-ins without a browser, for unattended runs.
$emulator = Start-PwshlikeEmulator -AutoSignIn
"Emulator listening at $($emulator.Endpoint)"
"Partner tenant  $($emulator.TenantId)"
"Customers       $($emulator.CustomerTenantIds -join ', ')"
''

try {
    # 2. The partner's application signs in with its own secret
    #    (client credentials): no user involved.
    $app = New-PartnerAccessToken -Environment Emulator -ServicePrincipal `
        -ApplicationId $emulator.ApplicationId -Credential $emulator.Credential `
        -Tenant $emulator.TenantId -Scopes 'https://api.partnercenter.microsoft.com/.default'
    'Application token (client credentials):'
    $app

    # 3. The partner admin signs in with a device code. The emulator approves
    #    it on the first poll; against Azure you would enter the code shown.
    $admin = New-PartnerAccessToken -Environment Emulator -UseDeviceAuthentication `
        -ApplicationId $emulator.PublicClientId -Tenant $emulator.TenantId -Scopes $Scope
    "Signed in as $($admin.Account.Username):"
    $admin

    # 4. Delegated admin privileges: the partner's refresh token is redeemed
    #    for each customer tenant, here for Microsoft Graph. One customer
    #    demands multi-factor authentication, as Azure AD's conditional
    #    access can: that tenant answers with AADSTS50076.
    foreach ($customer in $emulator.CustomerTenantIds) {
        try {
            $token = New-PartnerAccessToken -Environment Emulator -RefreshToken $admin.RefreshToken `
                -ApplicationId $emulator.PublicClientId -Tenant $customer `
                -Scopes 'https://graph.microsoft.com/.default'
            '{0}  Graph token for {1}, expires {2:u}' -f $customer, $token.Account.Username, $token.ExpiresOn
        } catch {
            '{0}  {1}' -f $customer, $_.Exception.Message.Split(':')[0] + ': multi-factor authentication required'
        }
    }
    ''

    # 5. A wrong secret: Azure AD's error, with its AADSTS code.
    $wrong = [pscredential]::new($emulator.ApplicationId,
        (ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force))
    try {
        New-PartnerAccessToken -Environment Emulator -ServicePrincipal -ApplicationId $emulator.ApplicationId `
            -Credential $wrong -Tenant $emulator.TenantId -Scopes 'https://api.partnercenter.microsoft.com/.default'
    } catch {
        "A wrong secret fails with $($_.CategoryInfo.Category), $($_.FullyQualifiedErrorId):"
        $_.Exception.Message
    }
    ''

    # 6. Microsoft Graph with the admin's token: grant delegated consent
    #    with the reference page's own request, list the grant, remove it.
    $graph = New-PartnerAccessToken -Environment Emulator -RefreshToken $admin.RefreshToken `
        -ApplicationId $emulator.PublicClientId -Tenant $emulator.TenantId `
        -Scopes 'https://graph.microsoft.com/.default'
    Connect-MgGraph -Environment Emulator -NoWelcome `
        -AccessToken (ConvertTo-SecureString $graph.AccessToken -AsPlainText -Force)
    $params = @{
        clientId    = "ef969797-201d-4f6b-960c-e9ed5f31dab5"
        consentType = "AllPrincipals"
        resourceId  = "943603e4-e787-4fe9-93d1-e30f749aae39"
        scope       = "DelegatedPermissionGrant.ReadWrite.All"
    }
    $grant = New-MgOauth2PermissionGrant -BodyParameter $params
    "Delegated consent granted in the partner tenant (grant $($grant.Id.Substring(0, 8))…):"
    Get-MgOauth2PermissionGrant -Filter "clientId eq '$($params.clientId)'" |
        Format-Table ConsentType, Scope, ResourceId
    Remove-MgOauth2PermissionGrant -OAuth2PermissionGrantId $grant.Id
    "Grants left for the client: $(@(Get-MgOauth2PermissionGrant -Filter "clientId eq '$($params.clientId)'").Count)"
    $null = Disconnect-MgGraph
}
finally {
    Stop-PwshlikeEmulator
}
