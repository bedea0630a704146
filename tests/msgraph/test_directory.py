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
