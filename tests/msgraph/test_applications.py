"""Get-MgServicePrincipal (Microsoft.Graph.Applications) against the
emulator: the reference page's service principals by id, by appId filter,
by search; -All, -CountVariable, -Property; 404 as the SDK's record; the
default table view."""

from __future__ import annotations

from .conftest import GraphShell
from .test_grants import CLIENT, RESOURCE, connect

PRINCIPAL = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphServicePrincipal"
GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"


def test_get_filter_search_and_list(shell: GraphShell) -> None:
    connect(shell)
    [graph] = shell.run(f"Get-MgServicePrincipal -ServicePrincipalId {RESOURCE}")
    assert type(graph).full_name == PRINCIPAL and graph.Id == RESOURCE and graph.AppId == GRAPH_APP_ID
    assert graph.ServicePrincipalType == "Application" and graph.DisplayName
    assert shell.value(f"(Get-MgServicePrincipal -ServicePrincipalId {RESOURCE}).Oauth2PermissionScopes.Count") > 0
    [found] = shell.run(f"Get-MgServicePrincipal -Filter \"appId eq '{GRAPH_APP_ID}'\"")
    assert found.Id == RESOURCE
    everything = shell.run("Get-MgServicePrincipal -All")
    assert {RESOURCE, CLIENT} <= {p.Id for p in everything}
    assert len(shell.run("Get-MgServicePrincipal -All -PageSize 1")) == len(everything)
    shell.run("Remove-Variable n -Scope Global -ErrorAction Ignore")
    searched = shell.run(f"Get-MgServicePrincipal -Search '\"displayName:{graph.DisplayName.split()[0]}\"' "
                         "-ConsistencyLevel eventual -CountVariable n")
    assert RESOURCE in [p.Id for p in searched] and shell.value("$n") == len(searched)
    [selected] = shell.run(f"Get-MgServicePrincipal -ServicePrincipalId {RESOURCE} -Property appId")
    assert selected.AppId == GRAPH_APP_ID and selected.DisplayName is None
    assert shell.errors() == []


def test_not_found_and_default_view(shell: GraphShell) -> None:
    connect(shell)
    record = shell.failure("Get-MgServicePrincipal -ServicePrincipalId 00000000-0000-0000-0000-000000000001")
    assert record.fully_qualified_error_id == \
        "Request_ResourceNotFound,Microsoft.Graph.PowerShell.Cmdlets.GetMgServicePrincipal_Get"
    record = shell.failure("Get-MgServicePrincipal -Filter \"appId ne 'x'\"")
    assert record.fully_qualified_error_id.endswith(",Microsoft.Graph.PowerShell.Cmdlets.GetMgServicePrincipal_List")
    [text] = shell.run(f"Get-MgServicePrincipal -ServicePrincipalId {RESOURCE} | Out-String -Width 300")
    lines = text.strip("\n").splitlines()
    assert lines[0].split() == ["DisplayName", "Id", "AppId", "SignInAudience", "ServicePrincipalType"]
    assert lines[2].split()[-4:] == [RESOURCE, GRAPH_APP_ID, "AzureADMultipleOrgs", "Application"]
