"""The *-Variable cmdlets: matching, scopes, options and pwsh's errors."""

from __future__ import annotations

from helpers.session import Shell as Session


def _caught(s: Session, script: str) -> list[str]:
    """The FullyQualifiedErrorId and category a catch sees after -ErrorAction Stop."""
    return s.text(f"try {{ {script} -ErrorAction Stop }} catch {{ $_.FullyQualifiedErrorId; "
                  "$_.CategoryInfo.Reason }")


def test_not_found_is_caught_with_its_id_after_stop() -> None:
    s = Session()
    assert _caught(s, "Get-Variable -Name noSuchVariable") == [
        "VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand", "ItemNotFoundException"]
    assert _caught(s, "Clear-Variable -Name noSuchVariable") == [
        "VariableNotFound,Microsoft.PowerShell.Commands.ClearVariableCommand", "ItemNotFoundException"]
    s.run("Get-Variable -Name noSuchVariable")
    assert str(s.errors()[0]) == "Cannot find a variable with the name 'noSuchVariable'."


def test_include_and_exclude_filter_without_not_found_errors() -> None:
    s = Session()
    s.run("Set-Variable abcaVar a; Set-Variable bcdaVar b; Set-Variable aVarfoo c")
    s.run("Set-Variable -Name '*aV*' -Value new -Include '*Var*' -Exclude 'bcd*'")
    assert s.text("(Get-Variable -Name *aVar* -Scope Local).ForEach({ $_.Name + '=' + $_.Value })") == [
        "abcaVar=new", "aVarfoo=new", "bcdaVar=b"]
    # A plain name the filters leave out is not created and not reported.
    s.run("Set-Variable -Name foo1, foo2 -Value hello -Exclude foo2")
    assert s.errors() == []
    assert s.run("$foo1; $null -eq (Get-Variable foo2 -ErrorAction SilentlyContinue)") == ["hello", True]


def test_set_variable_description_only_keeps_the_value() -> None:
    s = Session()
    assert s.text("Set-Variable foo bar; Set-Variable -Name foo -Description d; $foo; (Get-Variable foo).Description"
                  ) == ["bar", "d"]


def test_set_variable_options() -> None:
    s = Session()
    assert s.text("Set-Variable p bar -Option ReadOnly -Scope Private; (Get-Variable p).Options") == [
        "ReadOnly, Private"]
    s.run("Set-Variable n 1; Set-Variable n -Option Constant")
    assert s.error_ids() == ["VariableCannotBeMadeConstant,Microsoft.PowerShell.Commands.SetVariableCommand"]
    assert str(s.errors()[0]) == ("Existing variable n cannot be made constant. Variables can be made constant "
                                  "only at creation time.")
    assert s.text("(Get-Variable n).Options") == ["None"]


def test_read_only_needs_force_and_keeps_its_option() -> None:
    s = Session()
    s.run("Set-Variable r 1 -Option ReadOnly; Set-Variable r 2")
    assert s.error_ids() == ["VariableNotWritable,Microsoft.PowerShell.Commands.SetVariableCommand"]
    assert s.text("Set-Variable r 3 -Force; $r; (Get-Variable r).Options") == ["3", "ReadOnly"]
    assert _caught(s, "Clear-Variable r") == [
        "VariableNotWritable,Microsoft.PowerShell.Commands.ClearVariableCommand",
        "SessionStateUnauthorizedAccessException"]
    assert s.text("Clear-Variable r -Force; $null -eq $r; (Get-Variable r).Options") == ["True", "ReadOnly"]


def test_set_variable_collects_pipeline_input_and_appends() -> None:
    s = Session()
    assert s.run("1, 2 | Set-Variable -Name piped; $piped.Count") == [2]
    assert s.run("$t = 1; 4..6 | Set-Variable -Name t -Append; $t -join ','") == ["1,4,5,6"]
    assert s.run("Set-Variable -Name u -Value 1; Set-Variable -Name u -Value @(2, 3) -Append; $u.Count; $u[1].Count"
                 ) == [2, 2]
    s.run("Set-Variable a, b -Value 1 -Append")
    assert s.error_ids() == ["SetVariableAppend,Microsoft.PowerShell.Commands.SetVariableCommand"]


def test_new_variable_exists_and_options() -> None:
    s = Session()
    s.run("New-Variable v 1; New-Variable v 2")
    assert s.error_ids() == ["VariableAlreadyExists,Microsoft.PowerShell.Commands.NewVariableCommand"]
    assert str(s.errors()[0]) == "A variable with name 'v' already exists."
    assert s.text("New-Variable v 3 -Force -PassThru | ForEach-Object Value") == ["3"]
    assert s.text("(New-Variable w 4 -Option Unspecified -PassThru).Options") == ["Unspecified"]
    assert s.run("New-Variable z 1 -WhatIf; $null -eq (Get-Variable z -ErrorAction SilentlyContinue)") == [True]


def test_remove_variable_works_on_the_current_scope_only() -> None:
    s = Session()
    s.run("$outer = 1; & { Remove-Variable outer }")
    assert s.error_ids() == ["VariableNotFound,Microsoft.PowerShell.Commands.RemoveVariableCommand"]
    assert s.run("& { Remove-Variable outer -Scope 1 }; $null -eq (Get-Variable outer -ErrorAction Ignore)") == [
        True]
    s.run("New-Variable c 1 -Option Constant; Remove-Variable c -Force")
    assert s.error_ids()[-1] == "VariableNotRemovable,Microsoft.PowerShell.Commands.RemoveVariableCommand"


def test_clear_variable_without_scope_hides_an_outer_variable() -> None:
    s = Session()
    # As pwsh: the child scope gets its own $null copy; the outer variable keeps its value.
    assert s.run("$foo = 'bar'; & { Clear-Variable foo; $null -eq $foo; Remove-Variable foo }; $foo") == [
        True, "bar"]
    assert s.run("& { Clear-Variable foo -Scope 1 }; $null -eq $foo") == [True]


def test_set_alias() -> None:
    s = Session()
    assert s.run("set x 5; $x") == [5]


def test_include_and_exclude_belong_only_to_the_cmdlets_that_filter_names() -> None:
    s = Session()
    assert s.run("(Get-Command New-Variable).Parameters.ContainsKey('Include')") == [False]
    assert s.run("(Get-Command Clear-Variable).Parameters.ContainsKey('Include')") == [True]
