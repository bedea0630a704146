"""A delay-bind script block given on the command line is no value until an
input object binds one: when the block fails for every object, the command
runs its end with the parameter unset, never with the block itself."""

from __future__ import annotations

from helpers.session import Shell


def test_a_failing_block_leaves_the_parameter_unset() -> None:
    shell = Shell()
    assert shell.text("'' | Get-Job -Id { throw 'boom' }; 'after'") == ["after"]
    assert shell.error_ids()[-1] == "ScriptBlockArgumentInvocationFailed,Microsoft.PowerShell.Commands.GetJobCommand"



def test_an_object_that_binds_gives_the_value() -> None:
    shell = Shell()
    assert shell.text("[pscustomobject]@{N='zz'} | Set-Variable -Name { $_.N } -Value 3; $zz") == ["3"]
