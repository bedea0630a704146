"""Get-Verb: the approved verbs with their groups, alias prefixes and descriptions."""

from __future__ import annotations

from helpers.session import Shell as Session


def test_all_verbs_in_pwsh_order() -> None:
    s = Session()
    assert s.run("(Get-Verb).Count") == [100]
    assert s.text("(Get-Verb -Group Common).Verb[13..16]") == ["New", "Open", "Optimize", "Push"]
    assert s.text("Get-Verb | Select-Object -First 1 -ExpandProperty Group") == ["Common"]
    assert s.text("(Get-Verb).Group | Select-Object -Unique") == [
        "Common", "Communications", "Data", "Diagnostic", "Lifecycle", "Other", "Security"]


def test_verb_info_properties() -> None:
    s = Session()
    assert s.text("$v = Get-Verb -Verb add; $v.Verb; $v.AliasPrefix; $v.Group; $v.Description; "
                  "$v.GetType().FullName") == [
        "Add", "a", "Common", "Adds a resource to a container, or attaches an item to another item",
        "System.Management.Automation.VerbInfo"]


def test_filters() -> None:
    s = Session()
    assert s.text("(Get-Verb -Verb s* -Group Data).Verb") == ["Save", "Sync"]
    assert s.text("(Get-Verb -Group security, other).Verb -join ','") == [
        "Use,Block,Grant,Protect,Revoke,Unblock,Unprotect"]
    assert s.run("Get-Verb -Verb Fetch") == []
    s.run("Get-Verb -Group Nope")
    assert s.error_ids() == ["ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetVerbCommand"]


def test_default_table() -> None:
    s = Session()
    lines = s.text("Get-Verb -Verb Get, Set | Out-String -Width 120")[0].splitlines()
    assert lines[1:4] == ["Verb AliasPrefix Group  Description", "---- ----------- -----  -----------",
                          "Get  g           Common Specifies an action that retrieves a resource"]
