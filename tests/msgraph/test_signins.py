"""Get-, Update- and Remove-MgOauth2PermissionGrant (Microsoft.Graph.Identity.SignIns)
against the emulator: a grant per seeded user, then the List and Get sets
(filters, paging with -All and -PageSize, -Top, -CountVariable, -Property),
PATCH in both parameter sets, DELETE with -PassThru, -WhatIf, Graph's 404
as the SDK's record, the default table view."""

from __future__ import annotations

import os
from typing import Iterator

import pytest

from pwshlike.plugins.manager import PluginHost

from .conftest import GraphShell
from .test_grants import CLIENT, GRANT, RESOURCE, connect

USERS = 12


@pytest.fixture(scope="module")
def shell(home) -> Iterator[GraphShell]:
    host = PluginHost(environ={**os.environ, "PWSHLIKE_PLUGIN_CACHE": "0"})
    session = GraphShell(host)
    session.run(f"$global:emulator = Start-PwshlikeEmulator -AutoSignIn -UserCount {USERS}")
    connect(session)
    session.run("$global:grants = foreach ($user in (Get-MgUser -All)) { New-MgOauth2PermissionGrant "
                f"-ClientId {CLIENT} -ConsentType Principal -PrincipalId $user.Id -ResourceId {RESOURCE} "
                "-Scope 'User.Read' }")
    assert session.errors() == []
    yield session
    session.run("if (Get-MgContext) { $null = Disconnect-MgGraph }; Stop-PwshlikeEmulator")
    host.shutdown()


def test_list_and_get(shell: GraphShell) -> None:
    count = shell.value("(Invoke-MgGraphRequest GET 'v1.0/oauth2PermissionGrants?$top=999').value.Count")
    assert count > USERS
    listed = shell.run("Get-MgOauth2PermissionGrant")
    assert len(listed) == count and all(type(g).full_name == GRANT for g in listed)
    assert shell.value("(Get-MgOauth2PermissionGrant -All -PageSize 5).Count") == count
    ids = shell.value(", @(Get-MgOauth2PermissionGrant -All -PageSize 5 | ForEach-Object Id)")
    assert len(set(ids)) == count and set(shell.value(", @($grants.Id)")) <= set(ids)
    assert shell.value("(Get-MgOauth2PermissionGrant -PageSize 5).Count") == 5     # one page without -All
    assert shell.value("(Get-MgOauth2PermissionGrant -Top 7 -PageSize 5).Count") == 7
    principal = shell.value("$grants[3].PrincipalId")
    [one] = shell.run(f"Get-MgOauth2PermissionGrant -Filter \"principalId eq '{principal}' and "
                      f"clientId eq '{CLIENT}'\"")
    assert one.id == shell.value("$grants[3].Id") and one.scope == "User.Read" and one.consent_type == "Principal"
    [got] = shell.run(f"Get-MgOauth2PermissionGrant -OAuth2PermissionGrantId {one.id}")
    assert got.id == one.id and got.resource_id == RESOURCE
    [selected] = shell.run(f"Get-MgOauth2PermissionGrant -OAuth2PermissionGrantId {one.id} -Property id,scope")
    assert selected.scope == "User.Read" and selected.client_id is None
    shell.run("Remove-Variable c -Scope Global -ErrorAction Ignore")
    assert len(shell.run("Get-MgOauth2PermissionGrant -Top 2 -CountVariable c -ConsistencyLevel eventual")) == 2
    assert shell.value("$c") == count
    assert shell.errors() == []


def test_update_both_sets_and_what_if(shell: GraphShell) -> None:
    grant = shell.value("$grants[0]")
    assert shell.run(f"Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId {grant.id} "
                     "-Scope 'User.Read Mail.Read'") == []
    assert shell.value(f"(Get-MgOauth2PermissionGrant -OAuth2PermissionGrantId {grant.id}).Scope") == \
        "User.Read Mail.Read"
    shell.run(f"Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId {grant.id} "
              "-BodyParameter (@{SCOPE = 'openid'} | ConvertTo-Json | ConvertFrom-Json -AsHashtable)")
    assert shell.value(f"(Get-MgOauth2PermissionGrant -OAuth2PermissionGrantId {grant.id}).Scope") == "openid"
    assert shell.errors() == []
    what_if = shell.result(f"Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId {grant.id} -Scope 'x' -WhatIf")
    assert shell.value(f"(Get-MgOauth2PermissionGrant -OAuth2PermissionGrantId {grant.id}).Scope") == "openid"
    assert what_if.text == (
        'What if: Performing the operation "Update-MgOauth2PermissionGrant_UpdateExpanded" on target '
        "\"Call remote 'PATCH /oauth2PermissionGrants/{oAuth2PermissionGrant-id}' operation\".\n")
    record = shell.failure(f"Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId {grant.id} -ConsentType Some")
    assert record.fully_qualified_error_id == "InvalidGrant,Update-MgOauth2PermissionGrant"


def test_remove_pass_thru_what_if_and_not_found(shell: GraphShell) -> None:
    grant = shell.value("$grants[-1]")
    what_if = shell.result(f"Remove-MgOauth2PermissionGrant -OAuth2PermissionGrantId {grant.id} -WhatIf -PassThru")
    assert what_if.output == []
    assert what_if.text == (
        'What if: Performing the operation "Remove-MgOauth2PermissionGrant_Delete" on target '
        "\"Call remote 'DELETE /oauth2PermissionGrants/{oAuth2PermissionGrant-id}' operation\".\n")
    assert shell.run(f"Get-MgOauth2PermissionGrant -OAuth2PermissionGrantId {grant.id}")
    assert shell.run(f"Remove-MgOauth2PermissionGrant -OAuth2PermissionGrantId {grant.id} -PassThru") == [True]
    record = shell.failure(f"Get-MgOauth2PermissionGrant -OAuth2PermissionGrantId {grant.id}")
    assert record.fully_qualified_error_id == \
        "Request_ResourceNotFound,Microsoft.Graph.PowerShell.Cmdlets.GetMgOauth2PermissionGrant_Get"
    record = shell.failure(f"Remove-MgOauth2PermissionGrant -OAuth2PermissionGrantId {grant.id}")
    assert record.fully_qualified_error_id == \
        "Request_ResourceNotFound,Microsoft.Graph.PowerShell.Cmdlets.RemoveMgOauth2PermissionGrant_Delete"
    record = shell.failure(f"Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId {grant.id} -Scope openid")
    assert record.fully_qualified_error_id == \
        "Request_ResourceNotFound,Microsoft.Graph.PowerShell.Cmdlets.UpdateMgOauth2PermissionGrant_UpdateExpanded"
    shell.run("$global:grants = $grants[0..($grants.Count - 2)]")


def test_bad_filter_and_default_view(shell: GraphShell) -> None:
    record = shell.failure("Get-MgOauth2PermissionGrant -Filter \"scope eq\"")
    assert record.fully_qualified_error_id.endswith(
        ",Microsoft.Graph.PowerShell.Cmdlets.GetMgOauth2PermissionGrant_List")
    grant = shell.value("$grants[1]")
    [text] = shell.run(f"Get-MgOauth2PermissionGrant -OAuth2PermissionGrantId {grant.id} | Out-String -Width 300")
    lines = text.strip("\n").splitlines()
    assert lines[0].split() == ["Id", "ClientId", "ConsentType", "PrincipalId", "ResourceId", "Scope"]
    assert lines[2].split()[:3] == [grant.id, CLIENT, "Principal"]


def test_counts(shell: GraphShell) -> None:
    shell.run("$Error.Clear()")
    count = shell.value("(Invoke-MgGraphRequest GET 'v1.0/oauth2PermissionGrants?$top=999').value.Count")
    assert shell.run("Get-MgOauth2PermissionGrantCount -ConsistencyLevel eventual") == [count]
    principal_grants = shell.value("$grants.Count")
    assert shell.run(f"Get-MgOauth2PermissionGrantCount -ConsistencyLevel eventual "
                     f"-Filter \"clientId eq '{CLIENT}' and consentType eq 'Principal'\"") == [principal_grants]
    assert shell.run("Get-MgServicePrincipalCount -ConsistencyLevel eventual") == \
        [len(shell.run("Get-MgServicePrincipal -All"))]
    assert shell.run("Get-MgContractCount -ConsistencyLevel eventual") == [len(shell.run("Get-MgContract -All"))]
    assert shell.errors() == []
