"""``-ErrorAction Suspend`` (and the other -XxxAction common parameters)
converts but pwsh's command runtime refuses it: the binder reports
ParameterBindingFailed naming the command, for cmdlets and advanced
functions alike."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.mark.parametrize("parameter", ["ErrorAction", "WarningAction", "InformationAction", "ProgressAction"])
def test_suspend_fails_binding_on_a_cmdlet(parameter: str):
    shell = Shell()
    script = f"""
    try {{ Write-Output x -{parameter} Suspend }} catch {{ $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }}
    """
    assert shell.text(script) == ["ParameterBindingFailed,Microsoft.PowerShell.Commands.WriteOutputCommand",
                                  "WriteError"]


def test_suspend_fails_binding_on_an_advanced_function_with_pwsh_message():
    shell = Shell()
    script = """
    function f { [CmdletBinding()] param() 'ran' }
    try { f -ErrorAction Suspend } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
    """
    assert shell.text(script) == [
        "ParameterBindingFailed,f",
        "Cannot bind parameter 'ErrorAction' to the target. Exception setting \"ErrorAction\": \"The Suspend "
        "ActionPreference value is reserved for future use and is not supported at this time. For more "
        "information about preference variables, see the Help topic, \"about_Preference_Variables.\"\""]


def test_other_action_values_still_bind():
    shell = Shell()
    assert shell.text("function f { [CmdletBinding()] param() 'ran' }; f -ErrorAction Ignore; f -ea stop") == [
        "ran", "ran"]


def test_null_action_fails_binding_with_the_cast_inside():
    shell = Shell()
    script = """
    try { Test-Path ./nothing-here -ErrorAction $null } catch {
        $_.FullyQualifiedErrorId; $_.Exception.InnerException.InnerException.GetType().Name }
    $splat = @{ InformationAction = [System.Management.Automation.Internal.AutomationNull]::Value }
    try { Write-Output x @splat } catch { $_.FullyQualifiedErrorId }
    """
    assert shell.text(script) == ["ParameterBindingFailed,Microsoft.PowerShell.Commands.TestPathCommand",
                                  "PSInvalidCastException",
                                  "ParameterBindingFailed,Microsoft.PowerShell.Commands.WriteOutputCommand"]


def test_an_unambiguous_prefix_names_the_enum_value():
    shell = Shell()
    script = """
    function f { [CmdletBinding()] param() 'ran' }
    f -ErrorAction Ig
    try { Write-Output x -ErrorAction S } catch { $_.FullyQualifiedErrorId }
    function g { param([System.DayOfWeek] $day) $day }
    try { g -day Mon } catch { $_.FullyQualifiedErrorId }
    """
    # 'S' could be SilentlyContinue, Stop or Suspend; a script's own typed parameter converts strictly.
    assert shell.text(script) == ["ran",
                                  "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.WriteOutputCommand",
                                  "ParameterArgumentTransformationError,g"]
