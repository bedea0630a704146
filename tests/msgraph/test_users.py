"""Get-MgUser (Microsoft.Graph.Users) against the emulator, seeded with 150
extra users so that listing takes more than one page: the List set's
paging (-All, -Top beyond a page, -PageSize), -CountVariable, -Property,
-Search, the Get set by id and by user principal name, Graph's errors as
the SDK's records, the default table view."""

from __future__ import annotations

import os
from typing import Iterator

import pytest

from pwshlike.plugins.manager import PluginHost

from .conftest import GraphShell
from .test_grants import connect

USER = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphUser"
SEEDED = 150


@pytest.fixture(scope="module")
def shell(home) -> Iterator[GraphShell]:
    host = PluginHost(environ={**os.environ, "PWSHLIKE_PLUGIN_CACHE": "0"})
    session = GraphShell(host)
    session.run(f"$global:emulator = Start-PwshlikeEmulator -AutoSignIn -UserCount {SEEDED}")
    connect(session)
    session.run("$global:total = (Invoke-MgGraphRequest GET 'v1.0/users/$count' "
                "-Headers @{ConsistencyLevel = 'eventual'}) -as [int]")
    yield session
    session.run("if (Get-MgContext) { $null = Disconnect-MgGraph }; Stop-PwshlikeEmulator")
    host.shutdown()


def test_one_user_by_id_and_by_user_principal_name(shell: GraphShell) -> None:
    [first] = shell.run("Get-MgUser -Top 1")
    assert type(first).full_name == USER and first.Id and first.UserPrincipalName
    [by_id] = shell.run(f"Get-MgUser -UserId {first.Id}")
    [by_upn] = shell.run(f"Get-MgUser -UserId '{first.UserPrincipalName}'")
    assert shell.errors() == []
    assert by_id.Id == by_upn.Id == first.Id and by_upn.DisplayName == first.DisplayName
    assert shell.value(f"(Get-MgUser -UserId {first.Id}).AdditionalProperties['@odata.context']").endswith(
        "$metadata#users/$entity")
    assert by_id.UserType is None                                      # not in Graph's default properties
    assert shell.value(f"(Get-MgUser -UserId {first.Id} -Property UserType, Id).UserType") == "Member"
    assert shell.value(f"Get-MgUser -UserId {first.Id} | ForEach-Object {{ $_ -is "
                       "[Microsoft.Graph.PowerShell.Models.IMicrosoftGraphUser] }") is True


def test_paging(shell: GraphShell) -> None:
    total = shell.value("$total")
    assert total > SEEDED
    assert shell.value("(Get-MgUser).Count") == 100
    assert shell.value("(Get-MgUser -All).Count") == total
    assert shell.value("(Get-MgUser -All -PageSize 40).Count") == total
    assert shell.value("(Get-MgUser -Top 5).Count") == 5
    assert shell.value("(Get-MgUser -Top 130).Count") == 130          # a page of 100, then 30
    ids = shell.value(", @(Get-MgUser -All -PageSize 7 | ForEach-Object Id)")
    assert len(ids) == len(set(ids)) == total
    assert shell.errors() == []


def test_count_variable_filter_search_and_property(shell: GraphShell) -> None:
    shell.run("Remove-Variable n -Scope Global -ErrorAction Ignore")
    users = shell.run("Get-MgUser -Top 3 -ConsistencyLevel eventual -CountVariable n")
    assert len(users) == 3 and shell.value("$n") == shell.value("$total")
    upn = users[1].UserPrincipalName
    [found] = shell.run(f"Get-MgUser -Filter \"userPrincipalName eq '{upn}'\"")
    assert found.Id == users[1].Id
    name = users[1].DisplayName
    searched = shell.run(f"Get-MgUser -Search '\"displayName:{name}\"' -ConsistencyLevel eventual")
    assert users[1].Id in [u.Id for u in searched]
    [selected] = shell.run(f"Get-MgUser -UserId {users[0].Id} -Property DisplayName,Id")
    assert selected.DisplayName == users[0].DisplayName and selected.Id == users[0].Id and selected.Mail is None
    ordered = shell.value(", @(Get-MgUser -Top 5 -Sort 'displayName desc' | ForEach-Object DisplayName)")
    assert ordered == sorted(ordered, key=str.lower, reverse=True)
    assert shell.errors() == []


def test_graph_errors_are_the_sdks_records(shell: GraphShell) -> None:
    record = shell.failure("Get-MgUser -UserId nobody@nowhere.example")
    assert record.fully_qualified_error_id == \
        "Request_ResourceNotFound,Microsoft.Graph.PowerShell.Cmdlets.GetMgUser_Get"
    assert str(record.category_info.category) == "InvalidOperation"
    assert "\nStatus: 404 (NotFound)\nErrorCode: Request_ResourceNotFound" in record.error_details.message
    record = shell.failure("Get-MgUser -Filter \"nonsense eq 'x'\"")
    assert record.fully_qualified_error_id.endswith(",Microsoft.Graph.PowerShell.Cmdlets.GetMgUser_List")
    assert "Status: 400" in record.error_details.message
    record = shell.failure("Get-MgUser -Top 1 -ExpandProperty manager")
    assert record.fully_qualified_error_id.endswith(",Microsoft.Graph.PowerShell.Cmdlets.GetMgUser_List")
    record = shell.failure("Get-MgUser -Search '\"displayName:a\"'")              # no ConsistencyLevel
    assert "Status: 400" in record.error_details.message
    shell.run("$Error.Clear()")
    shell.run("try { Get-MgUser -PageSize 1000 } catch { $global:caught = $_ }")
    assert "Invalid page size specified `1000`. PageSize must be between 1 and 999 inclusive." in \
        shell.value("$caught.Exception.Message")


def test_default_table_view(shell: GraphShell) -> None:
    [first] = shell.run("Get-MgUser -Top 1")
    [text] = shell.run("Get-MgUser -Top 1 | Out-String -Width 200")
    lines = text.strip("\n").splitlines()
    assert lines[0].split() == ["DisplayName", "Id", "Mail", "UserPrincipalName"]
    assert first.Id in lines[2] and first.UserPrincipalName in lines[2]


def test_get_mg_user_count(shell: GraphShell) -> None:
    assert shell.run("Get-MgUserCount -ConsistencyLevel eventual") == [shell.value("$total")]
    [user] = shell.run("Get-MgUser -Top 1")
    assert shell.run(f"Get-MgUserCount -ConsistencyLevel eventual -Filter \"id eq '{user.Id}'\"") == [1]
    assert shell.value("Get-MgUserCount -ConsistencyLevel eventual | ForEach-Object { $_ -is [int] }") is True
    record = shell.failure("Get-MgUserCount")                           # Graph counts only with eventual
    assert record.fully_qualified_error_id.endswith(",Microsoft.Graph.PowerShell.Cmdlets.GetMgUserCount_Get")
