"""New-MgOauth2PermissionGrant against the emulator: the reference page's
example verbatim, the SDK's error record for Graph's 409, validation before
sending, -WhatIf -Verbose's request preview."""

from __future__ import annotations

from .conftest import GraphShell

CLIENT = "ef969797-201d-4f6b-960c-e9ed5f31dab5"
RESOURCE = "943603e4-e787-4fe9-93d1-e30f749aae39"
GRANT = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphOAuth2PermissionGrant"
EXAMPLE = """
Import-Module Microsoft.Graph.Identity.SignIns

$params = @{
\tclientId = "ef969797-201d-4f6b-960c-e9ed5f31dab5"
\tconsentType = "AllPrincipals"
\tresourceId = "943603e4-e787-4fe9-93d1-e30f749aae39"
\tscope = "DelegatedPermissionGrant.ReadWrite.All"
}

New-MgOauth2PermissionGrant -BodyParameter $params
"""


def connect(shell: GraphShell) -> None:
    shell.run("Connect-MgGraph -ClientId $emulator.PublicClientId -TenantId $emulator.TenantId "
              "-Scopes DelegatedPermissionGrant.ReadWrite.All -Environment Emulator -NoWelcome; $Error.Clear()")


def test_the_reference_example_verbatim_then_the_duplicates_409(shell: GraphShell) -> None:
    connect(shell)
    [grant] = shell.run(EXAMPLE)
    assert shell.errors() == []
    assert type(grant).full_name == GRANT and grant.client_id == CLIENT and grant.resource_id == RESOURCE
    assert grant.consent_type == "AllPrincipals" and grant.scope == "DelegatedPermissionGrant.ReadWrite.All"
    assert grant.id and grant.principal_id is None
    shell.run("$Error.Clear()")
    assert shell.run("New-MgOauth2PermissionGrant -BodyParameter $params") == []
    [record] = shell.errors()
    assert record.fully_qualified_error_id == ("Request_MultipleObjectsWithSameKeyValue,Microsoft.Graph.PowerShell."
                                               "Cmdlets.NewMgOauth2PermissionGrant_Create")
    assert record.exception.message.startswith("[Request_MultipleObjectsWithSameKeyValue] : ")
    assert str(record.category_info.category) == "InvalidOperation"
    assert "\nStatus: 409 (Conflict)\nErrorCode: Request_MultipleObjectsWithSameKeyValue\nDate: " in \
        record.error_details.message
    shell.run("$Error.Clear(); New-MgOauth2PermissionGrant -BodyParameter $params")
    from pwshlike.host.errorview import format_error
    text = format_error(shell.errors()[0])
    assert text.startswith("New-MgOauth2PermissionGrant_Create: Permission entry already exists.\n\nStatus: 409")
    assert shell.value("$Error[0].InvocationInfo.MyCommand.Name") == "New-MgOauth2PermissionGrant_Create"
    shell.run(f"Invoke-MgGraphRequest DELETE v1.0/oauth2PermissionGrants/{grant.id}")


def test_expanded_parameters_and_nested_additional_properties(shell: GraphShell) -> None:
    connect(shell)
    user = shell.value("(Invoke-MgGraphRequest GET 'v1.0/users?$top=1').value[0].id")
    [grant] = shell.run(f"New-MgOauth2PermissionGrant -ClientId {CLIENT} -ConsentType Principal -PrincipalId {user} "
                        f"-ResourceId {RESOURCE} -Scope 'User.Read' -RHV headers")
    assert shell.errors() == [] and grant.principal_id == user and grant.consent_type == "Principal"
    assert shell.value("$headers.Count -gt 0")
    shell.run(f"Invoke-MgGraphRequest DELETE v1.0/oauth2PermissionGrants/{grant.id}")


def test_validation_before_sending(shell: GraphShell) -> None:
    connect(shell)
    cases = {
        f"-ClientId {CLIENT} -ConsentType Everyone -ResourceId {RESOURCE}": "ConsentType 'Everyone' is not valid",
        f"-ClientId {CLIENT} -ConsentType Principal -ResourceId {RESOURCE}": "ConsentType Principal needs PrincipalId",
        f"-ClientId {CLIENT} -ConsentType AllPrincipals -PrincipalId u -ResourceId {RESOURCE}": "leave PrincipalId out",
        f"-ClientId {CLIENT} -ConsentType AllPrincipals -ResourceId {RESOURCE} -Scope ('a' * 3851)": "at most 3850",
    }
    for arguments, text in cases.items():
        record = shell.failure(f"New-MgOauth2PermissionGrant {arguments}")
        assert text in str(record) and record.fully_qualified_error_id == \
            "InvalidGrant,New-MgOauth2PermissionGrant", (arguments, str(record))


def test_what_if_verbose_shows_the_request(shell: GraphShell) -> None:
    connect(shell)
    [preview] = shell.result(f"New-MgOauth2PermissionGrant -ClientId {CLIENT} -ConsentType AllPrincipals "
                             f"-ResourceId {RESOURCE} -WhatIf -Verbose "
                             "-AdditionalProperties @{extra = @{nested = 1}}").verbose
    assert preview.startswith("POST https://127.0.0.1:") and "/v1.0/oauth2PermissionGrants\n" in preview
    assert "SdkVersion: graph-powershell/2.25.0" in preview and "Bearer" not in preview
    assert '"extra": {\n    "nested": 1\n  }' in preview
