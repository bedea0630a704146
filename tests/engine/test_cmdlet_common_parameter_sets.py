"""``[System.Management.Automation.Cmdlet]::CommonParameters`` and
``::OptionalCommonParameters``: pwsh's names, in pwsh's order, as a
HashSet[string] (scripts build test cases and proxy commands from them)."""

from __future__ import annotations

from helpers.session import Shell


def test_common_parameters_in_pwsh_order():
    shell = Shell()
    assert shell.text("[System.Management.Automation.Cmdlet]::CommonParameters -join ','") == [
        "Verbose,Debug,ErrorAction,WarningAction,InformationAction,ProgressAction,ErrorVariable,"
        "WarningVariable,OutVariable,OutBuffer,PipelineVariable,InformationVariable"]


def test_optional_common_parameters_through_pscmdlet():
    shell = Shell()
    script = """
    $set = [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    $set.GetType().FullName
    $set -join ','
    """
    assert shell.text(script) == ["System.Collections.Generic.HashSet`1[System.String]",
                                  "WhatIf,Confirm,UseTransaction"]
