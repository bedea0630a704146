#!/usr/bin/env pwshlike
# A taste of pwshlike: plain PowerShell 7, run without .NET.
# Summarises delegated consent requests per customer tenant.
param(
    [string] $Partner = 'Contoso CSP',
    [ValidateRange(1, 10)] [int] $MaxScopes = 3
)

$tenants = @(
    [ordered]@{ Name = 'Fabrikam';  Domain = 'fabrikam.onmicrosoft.com';  Scopes = 'User.Read', 'Mail.Send' }
    [ordered]@{ Name = 'Northwind'; Domain = 'northwind.onmicrosoft.com'; Scopes = 'Directory.Read.All' }
    [ordered]@{ Name = 'Tailspin';  Domain = 'tailspin.onmicrosoft.com';  Scopes = @() }
)

function Get-ConsentPlan {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)] $Tenant,
        [int] $Limit
    )
    process {
        $scopes = @($Tenant.Scopes)
        if ($scopes.Count -gt $Limit) { $scopes = $scopes[0..($Limit - 1)] }
        if ($scopes.Count -eq 0) {
            Write-Warning "$($Tenant.Name) has no scopes to consent."
            return
        }
        '{0,-10} {1,-27} {2}' -f $Tenant.Name, $Tenant.Domain, ($scopes -join ' ')
    }
}

"Consent plan for $Partner"
'-' * 60
$plans = $tenants | Get-ConsentPlan -Limit $MaxScopes 3>$null
$plans
'-' * 60
"{0} of {1} tenants need consent" -f $plans.Count, $tenants.Count

try {
    [int]'not a number'
} catch [System.Management.Automation.RuntimeException] {
    "Caught: $($_.Exception.Message)"
}
