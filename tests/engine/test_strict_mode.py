"""Set-StrictMode: each version's errors, and the setting's scoping."""

from __future__ import annotations

import pytest

from helpers.session import Shell

_UNDEFINED = "The variable '$zz' cannot be retrieved because it has not been set."


def _caught(shell: Shell, statement: str) -> list[str]:
    return shell.text(f"try {{ {statement} }} catch {{ $_.FullyQualifiedErrorId; "
                      "$_.CategoryInfo.Category; $_.Exception.Message }")


def test_version_1_unset_variable_is_an_error_except_in_strings():
    shell = Shell()
    shell.run("Set-StrictMode -Version 1")
    assert _caught(shell, "$zz") == ["VariableIsUndefined", "InvalidOperation", _UNDEFINED]
    assert shell.text('"[$zz]"') == ["[]"]
    assert shell.text("$o = [pscustomobject]@{ a = 1 }; \"[$($o.b)]\"; (1, 2)[7] -eq $null") == ["[]", "True"]


def test_version_2_missing_properties_strings_and_method_syntax():
    shell = Shell()
    shell.run("Set-StrictMode -Version 2.0; $o = [pscustomobject]@{ a = 1 }; $h = @{ k = 2 }")
    assert _caught(shell, '"[$zz]"')[0] == "VariableIsUndefined"
    assert _caught(shell, "$o.b") == [
        "PropertyNotFoundStrict", "InvalidOperation",
        "The property 'b' cannot be found on this object. Verify that the property exists."]
    assert _caught(shell, "$h.nokey")[0] == "PropertyNotFoundStrict"
    assert shell.text("$o.a; $h.k; (1, 2).Count; 'abc'.Length; $null -eq $null.Anything") == [
        "1", "2", "2", "3", "True"]
    shell.run("function f($a, $b) { \"f $a $b\" }")
    assert _caught(shell, "f(1, 2)")[:2] == ["StrictModeFunctionCallWithParens", "InvalidOperation"]
    assert shell.text("f (1, 2); f 1 2") == ["f 1 2 ", "f 1 2"]
    assert shell.text("(1, 2)[7] -eq $null") == ["True"]


@pytest.mark.parametrize("version", ["3", "Latest", "7.4"])
def test_version_3_index_out_of_range(version):
    shell = Shell()
    shell.run(f"Set-StrictMode -Version {version}; $a = 1, 2")
    assert _caught(shell, "$a[5]") == ["System.IndexOutOfRangeException", "OperationStopped",
                                       "Index was outside the bounds of the array."]
    assert _caught(shell, "'abc'[10]")[0] == "System.IndexOutOfRangeException"
    assert shell.text("$a[-1]; $a[0]") == ["2", "1"]


def test_setting_is_scoped_and_off_turns_it_off():
    shell = Shell()
    script = """
    function strict { Set-StrictMode -Version 1; try { $zz } catch { 'inner error' } }
    strict
    "outer: [$zz]"
    Set-StrictMode -Version 2
    function loose { Set-StrictMode -Off; "loose: [$zz] [$((1).nothing)]" }
    loose
    try { $zz } catch { 'still strict here' }
    Set-StrictMode -Off
    "off: [$zz]"
    """
    assert shell.text(script) == ["inner error", "outer: []", "loose: [] []", "still strict here", "off: []"]


def test_invalid_versions_are_rejected():
    shell = Shell()
    error_id, _category, message = _caught(shell, "Set-StrictMode -Version 8")
    assert error_id == "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SetStrictModeCommand"
    assert message == (
        "Cannot validate argument on parameter 'Version'. The \"8.0\" argument does not contain a valid "
        "PowerShell version. Supply a valid version number and then try the command again.")


def test_a_version_that_is_not_one_fails_binding_as_a_conversion():
    shell = Shell()
    shell.run("Set-StrictMode -Version abc")
    assert shell.error_ids() == ["CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.SetStrictModeCommand"]
    assert str(shell.errors()[0]) == ("Cannot bind parameter 'Version'. Cannot convert value \"abc\" to type "
                                      "\"System.Version\". Error: \"Version string portion was too short or too long. "
                                      "(Parameter 'input')\"")
