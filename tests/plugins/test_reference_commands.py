"""New-PartnerAccessToken and New-MgOauth2PermissionGrant against their
reference pages: syntax, parameter metadata, parameter-set resolution,
-WhatIf, BodyParameter conversion and Graph's "not yet" error record.
Signing in for real is tested against the emulator in tests/partnercenter."""

from __future__ import annotations

import os
import re

import pytest

from pathlib import Path

# The reference pages sit in ../shared beside the checkout, on a developer's
# machine and in CI alike: a missing folder is a failure, not a skip.
REFERENCE = str(Path(__file__).resolve().parents[3] / "shared" / "reference")
PARTNER_TYPE = "Microsoft.Store.PartnerCenter.PowerShell.Commands.NewPartnerAccessToken"

# The syntax blocks of the reference pages (-ProgressAction, a common
# parameter, left out), one string per parameter set in page order.
PARTNER_SYNTAX = [
    "New-PartnerAccessToken -AccessToken <String> -ApplicationId <String> -Scopes <String[]> "
    "[-Credential <PSCredential>] [-Environment <EnvironmentName>] [-Tenant <String>] [<CommonParameters>]",
    "New-PartnerAccessToken -RefreshToken <String> -Scopes <String[]> [-ApplicationId <String>] "
    "[-CertificateThumbprint <String>] [-Credential <PSCredential>] [-Environment <EnvironmentName>] "
    "[-Module <ModuleName>] [-ServicePrincipal] [-Tenant <String>] [<CommonParameters>]",
    "New-PartnerAccessToken -ApplicationId <String> -Credential <PSCredential> -Scopes <String[]> -Tenant <String> "
    "[-Environment <EnvironmentName>] [-ServicePrincipal] [-UseAuthorizationCode] [<CommonParameters>]",
    "New-PartnerAccessToken -ApplicationId <String> -CertificateThumbprint <String> -Scopes <String[]> "
    "-Tenant <String> [-Environment <EnvironmentName>] [-ServicePrincipal] [-UseAuthorizationCode] "
    "[<CommonParameters>]",
    "New-PartnerAccessToken -ApplicationId <String> -Scopes <String[]> [-Environment <EnvironmentName>] "
    "[-Tenant <String>] [-UseAuthorizationCode] [-UseDeviceAuthentication] [<CommonParameters>]",
    "New-PartnerAccessToken -Module <ModuleName> [-Environment <EnvironmentName>] [-RefreshToken <String>] "
    "[-Tenant <String>] [-UseAuthorizationCode] [<CommonParameters>]",
]
GRAPH_SYNTAX = [
    "New-MgOauth2PermissionGrant [-ResponseHeadersVariable <String>] [-AdditionalProperties <Hashtable>] "
    "[-ClientId <String>] [-ConsentType <String>] [-Id <String>] [-PrincipalId <String>] [-ResourceId <String>] "
    "[-Scope <String>] [-Headers <IDictionary>] [-WhatIf] [-Confirm] [<CommonParameters>]",
    "New-MgOauth2PermissionGrant -BodyParameter <IMicrosoftGraphOAuth2PermissionGrant> "
    "[-ResponseHeadersVariable <String>] [-Headers <IDictionary>] [-WhatIf] [-Confirm] [<CommonParameters>]",
]


def _page_syntax(file: str, command: str) -> list[str]:
    """The syntax blocks of a reference page, one line per block."""
    with open(os.path.join(REFERENCE, file), encoding="utf-8") as handle:
        text = handle.read()
    section = text.split("\nSyntax\n", 1)[1].split("\nDescription\n", 1)[0]
    blocks: list[list[str]] = []
    for line in (raw.strip() for raw in section.splitlines()):
        if line == command:
            blocks.append([command])
        elif blocks and line.startswith(("-", "[")) and not line.startswith("[-ProgressAction"):
            blocks[-1].append(line)
    return [" ".join(block) for block in blocks]


@pytest.mark.parametrize("file, command, expected", [
    ("New-PartnerAccessToken.txt", "New-PartnerAccessToken", PARTNER_SYNTAX),
    ("New-MgOauth2PermissionGrant.txt", "New-MgOauth2PermissionGrant", GRAPH_SYNTAX),
])
def test_the_expected_syntax_is_the_reference_pages(file, command, expected):
    assert _page_syntax(file, command) == expected


@pytest.mark.parametrize("command, expected", [("New-PartnerAccessToken", PARTNER_SYNTAX),
                                               ("New-MgOauth2PermissionGrant", GRAPH_SYNTAX)])
def test_get_command_syntax_reproduces_the_reference_pages(bundled, command, expected):
    [text] = bundled.text(f"Get-Command {command} -Syntax")
    lines = [line for line in text.split("\n") if line]
    assert [line.lower() for line in lines] == [line.lower() for line in expected]


def _metadata(session, command):
    [info] = session.run(f"Get-Command {command}")
    return info.metadata(session.context)


def test_partner_parameter_metadata(bundled):
    md = _metadata(bundled, "New-PartnerAccessToken")
    assert md.default_parameter_set is None
    assert md.parameter_sets == ["AccessToken", "RefreshToken", "ServicePrincipal", "ServicePrincipalCertificate",
                                 "User", "ByModule"]
    aliases = {p.name: p.aliases for p in md.parameters.values() if p.aliases and not p.is_common}
    assert aliases == {"ApplicationId": ("ClientId",), "Environment": ("EnvironmentName",),
                       "Module": ("ModuleName",), "Tenant": ("Domain", "TenantId"),
                       "UseAuthorizationCode": ("AuthCode",),
                       "UseDeviceAuthentication": ("DeviceCode", "DeviceAuth", "Device")}
    environment = md.parameters["environment"]
    # The page's five clouds, then pwshlike's Emulator (a documented extension).
    assert environment.accepted_values == ("AzureCloud", "AzureChinaCloud", "AzureGermanCloud", "AzurePPE",
                                           "AzureUSGovernment", "Emulator")
    assert environment.in_all_sets
    assert md.parameters["module"].accepted_values == ("ExchangeOnline",)
    for p in md.parameters.values():
        for spec in p.sets.values():
            assert spec.position is None
            assert not (spec.value_from_pipeline or spec.value_from_pipeline_by_property_name)
    assert not md.supports_should_process


def test_partner_enum_types_arrive_with_the_module(bundled):
    assert bundled.text("Import-Module PartnerCenter; "
                        "[Microsoft.Store.PartnerCenter.PowerShell.Models.Authentication.EnvironmentName]::AzurePPE; "
                        "[enum]::GetNames([Microsoft.Store.PartnerCenter.PowerShell.Models.Authentication.ModuleName])"
                        ) == ["AzurePPE", "ExchangeOnline"]


def test_graph_parameter_metadata(bundled):
    md = _metadata(bundled, "New-MgOauth2PermissionGrant")
    assert md.default_parameter_set == "CreateExpanded"
    assert md.supports_should_process and md.confirm_impact == "Medium"
    body = md.parameters["bodyparameter"]
    assert list(body.sets) == ["Create"] and body.sets["Create"].mandatory and body.sets["Create"].value_from_pipeline
    assert md.parameters["headers"].in_all_sets
    assert md.parameters["headers"].spec_for("Create").value_from_pipeline
    assert md.parameters["responseheadersvariable"].aliases == ("RHV",)
    assert md.parameters["whatif"].aliases == ("wi",) and md.parameters["confirm"].aliases == ("cf",)
    expanded = [p.name for p in md.parameters.values() if "CreateExpanded" in p.sets]
    assert expanded == ["AdditionalProperties", "ClientId", "ConsentType", "Id", "PrincipalId", "ResourceId", "Scope"]


CRED = "$cred = [pscredential]::new('app', (ConvertTo-SecureString 'secret' -AsPlainText -Force)); "


@pytest.mark.parametrize("arguments, expected", [
    ("-AccessToken t -ApplicationId a -Scopes s", "AccessToken"),
    ("-AccessToken t -ClientId a -Scopes s -Credential $cred -Tenant t -Environment AzureCloud", "AccessToken"),
    ("-RefreshToken r -Scopes s", "RefreshToken"),
    ("-RefreshToken r -Scopes s -ApplicationId a -CertificateThumbprint c -Module ExchangeOnline -ServicePrincipal "
     "-Tenant t -Credential $cred", "RefreshToken"),
    ("-ApplicationId a -Credential $cred -Scopes s -Tenant t", "ServicePrincipal"),
    ("-ApplicationId a -Credential $cred -Scopes s -Tenant t -ServicePrincipal -UseAuthorizationCode",
     "ServicePrincipal"),
    ("-ApplicationId a -CertificateThumbprint c -Scopes s -Tenant t", "ServicePrincipalCertificate"),
    ("-ApplicationId a -CertificateThumbprint c -Scopes s -Tenant t -ServicePrincipal -AuthCode",
     "ServicePrincipalCertificate"),
    ("-ApplicationId a -Scopes s", "User"),
    ("-ApplicationId a -Scopes s -UseDeviceAuthentication", "User"),
    ("-ClientId a -Scopes s -TenantId t -DeviceCode -UseAuthorizationCode -EnvironmentName Emulator", "User"),
    ("-Module ExchangeOnline", "ByModule"),
    ("-ModuleName exchangeonline -RefreshToken r -Domain contoso.com -UseAuthorizationCode", "ByModule"),
])
def test_partner_parameter_sets(bundled, unreachable_emulator, arguments, expected):
    if "Environment" not in arguments:
        arguments += " -Environment Emulator"
    result = bundled.result(f"{CRED}New-PartnerAccessToken {arguments} -Verbose")
    assert result.output == []
    [verbose] = result.verbose
    assert f"(parameter set {expected}) at " in verbose
    [record] = bundled.errors()  # nothing listens there (or the arguments are not a real token or thumbprint)
    assert record.fully_qualified_error_id.split(",")[0] in (
        "ConnectionError", "InvalidToken", "InvalidThumbprint", "ApplicationIdMissing")


@pytest.mark.parametrize("arguments, error_id", [
    ("-Scopes s", "AmbiguousParameterSet"),
    ("-AccessToken t -RefreshToken r -Scopes s", "AmbiguousParameterSet"),
    ("-ApplicationId a -Scopes s -UseDeviceAuthentication -ServicePrincipal", "AmbiguousParameterSet"),
    ("-ApplicationId a -Credential $cred -Scopes s", "AmbiguousParameterSet"),
    ("-Module ExchangeOnline -Scopes s", "MissingMandatoryParameter"),
    ("-UseDeviceAuthentication", "MissingMandatoryParameter"),
    ("-ApplicationId a -Scopes s -Environment Mars", "CannotConvertArgumentNoMessage"),
    ("-Module Teams", "CannotConvertArgumentNoMessage"),
    ("-Tenant", "MissingArgument"),
    ("-Secret x", "NamedParameterNotFound"),
    ("positional", "PositionalParameterNotFound"),
])
def test_partner_combinations_that_fail_to_bind(bundled, arguments, error_id):
    bundled.run(f"{CRED}New-PartnerAccessToken {arguments}")
    assert bundled.error_ids() == [f"{error_id},{PARTNER_TYPE}"]


@pytest.mark.parametrize("arguments, variant", [
    ("", "CreateExpanded"),
    ("-ClientId c -ConsentType AllPrincipals -ResourceId r -Scope 'User.Read openid'", "CreateExpanded"),
    ("-AdditionalProperties @{extra = 1} -Headers @{a = 1} -RHV h", "CreateExpanded"),
    ("-BodyParameter @{clientId = 'c'}", "Create"),
    ("-BodyParameter @{} -Headers @{a = 1} -ResponseHeadersVariable h", "Create"),
])
def test_graph_parameter_sets_and_what_if(bundled, arguments, variant):
    result = bundled.result(f"New-MgOauth2PermissionGrant {arguments} -WhatIf")
    assert result.output == []
    assert result.text == (
        f'What if: Performing the operation "New-MgOauth2PermissionGrant_{variant}" on target '
        f'"Call remote \'POST /oauth2PermissionGrants\' operation".\n')
    assert bundled.errors() == []


@pytest.mark.parametrize("arguments, error_id", [
    ("-BodyParameter @{} -ClientId c", "AmbiguousParameterSet"),
    ("-BodyParameter 'not a grant'", "CannotConvertArgumentNoMessage"),
    ("-Scope", "MissingArgument"),
    ("c", "PositionalParameterNotFound"),
])
def test_graph_combinations_that_fail_to_bind(bundled, arguments, error_id):
    result = bundled.result(f"New-MgOauth2PermissionGrant {arguments} -WhatIf")
    assert result.error_ids == bundled.error_ids() == [f"{error_id},New-MgOauth2PermissionGrant"]
    assert "What if" not in result.text


def test_body_parameter_is_converted_from_a_hashtable_case_insensitively(bundled):
    out = bundled.run("Import-Module Microsoft.Graph.Identity.SignIns; "
                      "$g = [Microsoft.Graph.PowerShell.Models.IMicrosoftGraphOAuth2PermissionGrant]"
                      "@{ CLIENTID = 'c'; consenttype = 'AllPrincipals'; Scope = 'a b'; tags = 1, 2 }; "
                      "$g.ClientId; $g.ConsentType; $g.Scope; $g.PrincipalId -eq $null; "
                      "$g.AdditionalProperties['Tags']; $g.GetType().FullName")
    assert out == ["c", "AllPrincipals", "a b", True, 1, 2,
                   "Microsoft.Graph.PowerShell.Models.MicrosoftGraphOAuth2PermissionGrant"]


def test_a_pipeline_grant_object_binds_to_body_parameter(bundled):
    result = bundled.result("Import-Module Microsoft.Graph.Identity.SignIns; "
                            "[Microsoft.Graph.PowerShell.Models.MicrosoftGraphOAuth2PermissionGrant]@{clientId = 'c'} | "
                            "New-MgOauth2PermissionGrant -WhatIf")
    assert result.text == (
        'What if: Performing the operation "New-MgOauth2PermissionGrant_Create" on target '
        '"Call remote \'POST /oauth2PermissionGrants\' operation".\n')


def test_the_reference_example_needs_a_connection(bundled):
    out = bundled.run("""
        Import-Module Microsoft.Graph.Identity.SignIns

        $params = @{
            clientId = "ef969797-201d-4f6b-960c-e9ed5f31dab5"
            consentType = "AllPrincipals"
            resourceId = "943603e4-e787-4fe9-93d1-e30f749aae39"
            scope = "DelegatedPermissionGrant.ReadWrite.All"
        }

        New-MgOauth2PermissionGrant -BodyParameter $params
    """)
    assert out == []
    [record] = bundled.errors()
    assert record.fully_qualified_error_id == "Microsoft.Graph.PowerShell.Cmdlets.NewMgOauth2PermissionGrant_Create"
    assert str(record.category_info.category) == "NotSpecified"
    assert str(record) == "Authentication needed. Please call Connect-MgGraph."


def test_secrets_never_appear_in_the_error(bundled):
    bundled.run(f"{CRED}New-PartnerAccessToken -ApplicationId a -Credential $cred -Scopes s -Tenant t "
                "-AccessToken eyJhbGciOiJub25lIn0.secret")
    assert bundled.errors()
    for record in bundled.errors():
        assert "secret" not in str(record) and "eyJ" not in str(record)


def test_help_is_written_for_both_commands(bundled):
    [partner] = bundled.text("Get-Help New-PartnerAccessToken -Full | Out-String")
    assert "Gets an access token from Microsoft Entra ID" in partner
    assert "Example 2: Redeem a refresh token" in partner
    [graph] = bundled.text("Get-Help New-MgOauth2PermissionGrant -Full | Out-String")
    assert "Creates a delegated permission grant" in graph
    assert re.search(r"BODYPARAMETER <IMicrosoftGraphOAuth2PermissionGrant>", graph)
    assert "System.Collections.IDictionary" in graph
