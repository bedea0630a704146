"""Preference variables hold ActionPreference values (``-is
[ActionPreference]``); the session's own refuse Suspend when set, and a
Suspend a script put in a variable of its own is refused, and reset to the
default, when a command reads it (System.NotSupportedException naming the
command).  A .NET exception escaping any cmdlet names the cmdlet in its
FullyQualifiedErrorId, as pwsh wraps it."""

from __future__ import annotations

from helpers.session import Shell


def test_action_preference_variables_hold_enum_values():
    shell = Shell()
    script = """
    (Get-Variable -Name *Preference -Scope Global |
        Where-Object Value -Is [System.Management.Automation.ActionPreference]).Name -join ','
    "$ErrorActionPreference"
    """
    assert shell.text(script) == [
        "DebugPreference,ErrorActionPreference,InformationPreference,ProgressPreference,VerbosePreference,"
        "WarningPreference", "Continue"]


def test_global_preference_refuses_suspend():
    shell = Shell()
    script = """
    try { Set-Variable WarningPreference -Scope Global -Value Suspend } catch {
        $_.FullyQualifiedErrorId; $_.CategoryInfo.Reason }
    "$global:WarningPreference"
    """
    assert shell.text(script) == ["RuntimeException", "ArgumentTransformationMetadataException", "Continue"]


def test_a_local_suspend_is_refused_when_read_and_reset():
    shell = Shell()
    script = """
    & {
        $WarningPreference = 'Suspend'
        try { Write-Warning 'w' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message.Substring(0, 60) }
        "$WarningPreference"
    }
    """
    assert shell.text(script) == [
        "System.NotSupportedException,Microsoft.PowerShell.Commands.WriteWarningCommand",
        "The Suspend ActionPreference value is reserved for future us", "Continue"]
