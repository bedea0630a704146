#!/usr/bin/env pwshlike
# Grant delegated consent for a partner application in every customer tenant.
#
# A Cloud Solution Provider signs its admin in once, lists its customers
# (Get-MgContract), and in each customer tenant, through delegated admin
# privileges, consents to the application's delegated permissions on
# Microsoft Graph (New-MgOauth2PermissionGrant). A grant that already exists
# is updated instead (Update-MgOauth2PermissionGrant), so the script can run
# again whenever the scopes change.
#
# With -Environment Emulator (the default) and no emulator running, it starts
# one and runs twice, the second time with one more scope, to show both paths.
param(
    [string] $Environment = 'Emulator',
    [string] $PartnerTenantId,
    [string] $PublicClientId,
    [string] $ClientAppId,
    [string[]] $Scope = @('User.Read')
)

$GraphAppId = '00000003-0000-0000-c000-000000000000'

function Connect-Tenant {
    # Redeems the partner admin's refresh token in one tenant and connects Graph with the result.
    param([string] $TenantId)
    $token = New-PartnerAccessToken -Environment $Environment -RefreshToken $script:admin.RefreshToken `
        -ApplicationId $PublicClientId -Tenant $TenantId -Scopes 'https://graph.microsoft.com/.default'
    Connect-MgGraph -Environment $Environment -NoWelcome `
        -AccessToken (ConvertTo-SecureString $token.AccessToken -AsPlainText -Force)
}

function Grant-CustomerConsent {
    # One row per customer: created, updated, or why not.
    param([object[]] $Contracts, [string] $ScopeText)
    foreach ($contract in $Contracts) {
        $row = [ordered]@{ Customer = $contract.DisplayName; Domain = $contract.DefaultDomainName
                           Action = ''; Scope = $ScopeText }
        try {
            Connect-Tenant -TenantId $contract.CustomerId
            $client = Get-MgServicePrincipal -Filter "appId eq '$ClientAppId'" -ErrorAction Stop
            $graph = Get-MgServicePrincipal -Filter "appId eq '$GraphAppId'" -ErrorAction Stop
            $grant = @{ clientId = $client.Id; consentType = 'AllPrincipals'; resourceId = $graph.Id
                        scope = $ScopeText }
            try {
                $null = New-MgOauth2PermissionGrant -BodyParameter $grant -ErrorAction Stop
                $row.Action = 'Created'
            } catch {
                if (-not $_.FullyQualifiedErrorId.StartsWith('Request_MultipleObjectsWithSameKeyValue')) { throw }
                $existing = Get-MgOauth2PermissionGrant -ErrorAction Stop `
                    -Filter "clientId eq '$($client.Id)' and consentType eq 'AllPrincipals' and resourceId eq '$($graph.Id)'"
                Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId $existing.Id -Scope $ScopeText -ErrorAction Stop
                $row.Action = 'Updated'
            }
        } catch {
            # The error id is Azure AD's or Graph's code (AADSTS50076: this customer demands MFA).
            $row.Action = 'Failed: ' + $_.FullyQualifiedErrorId.Split(',')[0]
        } finally {
            if (Get-MgContext) { $null = Disconnect-MgGraph }
        }
        [pscustomobject]$row
    }
}

$env:PWSHLIKE_TOKEN_CACHE = 'memory'
$ownEmulator = $null
if ($Environment -eq 'Emulator' -and -not $PartnerTenantId) {
    $ownEmulator = Start-PwshlikeEmulator -AutoSignIn
    $PartnerTenantId = $ownEmulator.TenantId
    $PublicClientId = $ownEmulator.PublicClientId
}
try {
    # The partner admin signs in once (a device code; the emulator approves it at once).
    $script:admin = New-PartnerAccessToken -Environment $Environment -UseDeviceAuthentication `
        -ApplicationId $PublicClientId -Tenant $PartnerTenantId `
        -Scopes 'https://api.partnercenter.microsoft.com/user_impersonation' 3>$null
    "Signed in as $($admin.Account.Username)"

    # The customers, from the partner tenant's contracts.
    Connect-Tenant -TenantId $PartnerTenantId
    $contracts = @(Get-MgContract -All)
    if (-not $ClientAppId) {
        $ClientAppId = (Get-MgServicePrincipal -Filter "displayName eq 'Contoso Partner Portal'").AppId
    }
    $null = Disconnect-MgGraph
    "$($contracts.Count) customers; consenting for application $ClientAppId"

    $results = @(Grant-CustomerConsent -Contracts $contracts -ScopeText ($Scope -join ' '))
    if ($ownEmulator) {
        # The same run again with one more scope: the grants now exist, so they are updated.
        $results += Grant-CustomerConsent -Contracts $contracts -ScopeText (($Scope + 'Directory.Read.All') -join ' ')
    }
    $results | Format-Table Customer, Domain, Action, Scope
}
finally {
    if ($ownEmulator) { Stop-PwshlikeEmulator }
}
