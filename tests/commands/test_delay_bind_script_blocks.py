"""Delay-bind script blocks: a script block given to a parameter that
takes pipeline input (and is not of type ScriptBlock or Object) runs once
per input object, with $_ set, and its output is bound."""

from __future__ import annotations

from typing import Any

import pytest

from helpers.session import Shell


@pytest.fixture
def sh(tmp_path) -> Shell:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(name)
    return Shell(location=str(tmp_path))


def only_error(sh: Shell) -> Any:
    errors = sh.errors()
    assert len(errors) == 1, errors
    return errors[0]


def test_rename_item_new_name_from_each_input_object(tmp_path, sh):
    assert sh.run("Get-ChildItem *.txt | Rename-Item -NewName { $_.BaseName + '.bak' } -PassThru | "
                  "ForEach-Object Name") == ["a.bak", "b.bak"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bak", "b.bak"]


def test_advanced_function_parameter_by_property_name(sh):
    sh.run("function Show-It { param([Parameter(ValueFromPipelineByPropertyName)][string]$Label) "
           "process { \"label=$Label\" } }")
    assert sh.run("[pscustomobject]@{ N = 1 }, [pscustomobject]@{ N = 2 } | Show-It -Label { 'n' + $_.N }") == [
        "label=n1", "label=n2"]


def test_object_and_script_block_parameters_take_the_block_itself(sh):
    assert sh.text("Write-Output { 1 }") == [" 1 "]
    assert sh.run("1, 2 | ForEach-Object { $_ * 10 }") == [10, 20]


def test_without_input_it_is_an_error(sh):
    sh.run("Rename-Item a.txt -NewName { 'z' }")
    error = only_error(sh)
    assert error.fully_qualified_error_id == \
        "ScriptBlockArgumentNoInput,Microsoft.PowerShell.Commands.RenameItemCommand"
    assert str(error) == ("Cannot evaluate parameter 'NewName' because its argument is specified as a script block "
                          "and there is no input. A script block cannot be evaluated without input.")


def test_no_output_and_failure_are_errors_for_that_object(sh):
    sh.run("Get-Item a.txt | Rename-Item -NewName { }")
    error = only_error(sh)
    assert error.fully_qualified_error_id == \
        "ScriptBlockArgumentNoOutput,Microsoft.PowerShell.Commands.RenameItemCommand"
    assert str(error) == "Cannot evaluate parameter 'NewName' because its argument input did not produce any output."
    sh.run("$Error.Clear(); Get-Item a.txt | Rename-Item -NewName { throw 'boom' }")
    error = sh.errors()[0]
    assert error.fully_qualified_error_id == \
        "ScriptBlockArgumentInvocationFailed,Microsoft.PowerShell.Commands.RenameItemCommand"
    assert str(error) == "The input to the script block for parameter 'NewName' failed. boom"
