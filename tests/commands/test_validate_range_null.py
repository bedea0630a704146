"""ValidateRange refuses $null with pwsh's message instead of comparing it
(Select-Object -Index $null reached Python's comparison of None and int)."""

from __future__ import annotations

from helpers.session import Shell

NULL_COLLECTION = ("Cannot validate argument on parameter 'Index'. The argument is null, empty, or an element of "
                   "the argument collection contains a null value. Supply a collection that does not contain any "
                   "null values and then try the command again.")


def test_select_object_index_null():
    shell = Shell()
    shell.run("1, 2 | Select-Object -Index $null")
    records = shell.errors()
    assert [str(r) for r in records] == [NULL_COLLECTION]
    assert shell.error_ids() == ["ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SelectObjectCommand"]


def test_untyped_script_parameter_null():
    shell = Shell()
    shell.run("function Test-Range { param([ValidateRange(1, 5)]$x) $x }; Test-Range $null")
    assert "The argument is null, empty" in str(shell.errors()[0])
    assert shell.text("Test-Range 4") == ["4"]
