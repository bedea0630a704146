"""Get-MgContract (Microsoft.Graph.Identity.DirectoryManagement) against the
emulator: a partner's customer tenants, by id and by filter; the default
table view; 404 as the SDK's record."""

from __future__ import annotations

from .conftest import GraphShell
from .test_grants import connect

CONTRACT = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphContract"


def test_contracts(shell: GraphShell) -> None:
    connect(shell)
    contracts = shell.run("Get-MgContract -All")
    assert contracts and all(type(c).full_name == CONTRACT for c in contracts)
    first = contracts[0]
    assert first.CustomerId and first.DefaultDomainName and first.DisplayName and first.ContractType
    [got] = shell.run(f"Get-MgContract -ContractId {first.Id}")
    assert got.CustomerId == first.CustomerId
    [filtered] = shell.run(f"Get-MgContract -Filter \"customerId eq '{first.CustomerId}'\"")
    assert filtered.Id == first.Id
    assert len(shell.run("Get-MgContract -Top 1")) == 1
    assert len(shell.run("Get-MgContract -All -PageSize 1")) == len(contracts)
    assert shell.errors() == []
    [text] = shell.run(f"Get-MgContract -ContractId {first.Id} | Out-String -Width 300")
    lines = text.strip("\n").splitlines()
    assert lines[0].split() == ["Id", "ContractType", "CustomerId", "DefaultDomainName", "DisplayName"]
    assert lines[2].split()[:4] == [first.Id, first.ContractType, first.CustomerId, first.DefaultDomainName]
    record = shell.failure("Get-MgContract -ContractId nope")
    assert record.fully_qualified_error_id == \
        "Request_ResourceNotFound,Microsoft.Graph.PowerShell.Cmdlets.GetMgContract_Get"


def test_headers_response_headers_and_skip(shell: GraphShell) -> None:
    connect(shell)
    shell.run("Remove-Variable h -ErrorAction Ignore")
    mine = "11111111-2222-3333-4444-555555555555"
    assert shell.run(f"Get-MgContract -Top 1 -Headers @{{'client-request-id' = '{mine}'}} -RHV h")
    assert shell.value("$h['client-request-id']") == mine
    # The emulator has no $skip (Graph's directory objects refuse it too): Graph's 400 as the SDK's record.
    record = shell.failure("Get-MgContract -Skip 1")
    assert record.fully_qualified_error_id.endswith(",Microsoft.Graph.PowerShell.Cmdlets.GetMgContract_List")
    assert "Status: 400" in record.error_details.message


def test_authentication_needed_before_connecting(shell: GraphShell) -> None:
    connect(shell)
    shell.run("$null = Disconnect-MgGraph")
    for command, variant in (("Get-MgContract", "GetMgContract_List"), ("Get-MgUser -UserId x", "GetMgUser_Get"),
                             ("Remove-MgOauth2PermissionGrant -OAuth2PermissionGrantId x",
                              "RemoveMgOauth2PermissionGrant_Delete")):
        record = shell.failure(command)
        assert str(record) == "Authentication needed. Please call Connect-MgGraph."
        assert record.fully_qualified_error_id == f"Microsoft.Graph.PowerShell.Cmdlets.{variant}"
    connect(shell)
