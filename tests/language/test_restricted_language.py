"""pwsh's restricted language checker: which constructs it refuses, with
which ids and messages (the language layer, no session)."""

from __future__ import annotations

from pwshlike.language import parse_input
from pwshlike.language.restricted import RestrictedLanguageChecker


def _ids(text: str, commands=None, variables=None, env: bool = False) -> list[str]:
    checker = RestrictedLanguageChecker(commands, variables, env)
    return [e.error_id for e in checker.check_script_block(parse_input(text).ast)]


def test_literals_and_simple_operators_pass() -> None:
    assert _ids("2 + 2; 'a', 'b'; @{ k = 1 }; -not $true; [int]'5'; $PSCulture") == []


def test_default_variable_message_lists_the_defaults() -> None:
    checker = RestrictedLanguageChecker(None, None, False)
    errors = checker.check_script_block(parse_input("2 + $a").ast)
    assert [e.error_id for e in errors] == ["VariableReferenceNotSupportedInDataSection"]
    assert errors[0].message.endswith("include the following: $PSCulture, $PSUICulture, $true, $false, $null.")
    assert errors[0].extent.text == "$a"


def test_allowed_variables_extend_the_defaults_and_star_allows_all() -> None:
    assert _ids("$a + $b", variables=["a", "b"]) == []
    checker = RestrictedLanguageChecker(None, ["a"], False)
    errors = checker.check_script_block(parse_input("$a + $c").ast)
    assert errors[0].message.endswith("include the following: $PSCulture, $PSUICulture, $true, $false, $null, $a.")
    assert _ids("$x + $env:HOME", variables=["*"]) == []


def test_environment_variables_need_the_flag() -> None:
    assert _ids("$env:HOME") == ["VariableReferenceNotSupportedInDataSection"]
    assert _ids("$env:HOME", env=True) == []


def test_commands_are_checked_against_the_allowed_list() -> None:
    assert _ids("Get-Date") == []
    assert _ids("Get-Date | Where-Object x", commands=["get-date"]) == ["CmdletNotInAllowedListForDataSection"]
    assert _ids("& $cmd", commands=[], variables=["cmd"]) == ["OperatorNotSupportedInDataSection"]
    assert _ids(". ./x.ps1") == ["DotSourcingNotSupportedInDataSection"]


def test_statements_and_expressions_refused_in_source_order() -> None:
    assert _ids("$x = 1; 'a' -match 'b'; (1..3); [regex]'a'; foreach ($i in 1) { }; { }; $h.p; $a[0]; 'x' > f",
                variables=["x", "h", "a", "i"]) == [
        "AssignmentStatementNotSupportedInDataSection", "OperatorNotSupportedInDataSection",
        "OperatorNotSupportedInDataSection", "TypeNotAllowedInDataSection",
        "ForeachStatementNotSupportedInDataSection", "ScriptBlockNotSupportedInDataSection",
        "PropertyReferenceNotSupportedInDataSection", "ArrayReferenceNotSupportedInDataSection",
        "RedirectionNotSupportedInDataSection"]


def test_named_blocks_other_than_end_are_refused() -> None:
    assert _ids("param($p) begin { } end { 1 }") == ["InvalidScriptBlockInDataSection"]
