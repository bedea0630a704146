"""Set-Variable with a delay-bind script block for -Name: each input object
names the variable; a block that throws is the binding error for that
object, and the command does not later treat the block itself as names
(Python's "'ScriptBlock' object is not iterable")."""

from __future__ import annotations

from helpers.session import Shell


def test_delay_bind_name():
    shell = Shell()
    assert shell.text("[pscustomobject]@{Name='zz'} | Set-Variable { $_.Name } -Value 5; $zz") == ["5"]


def test_delay_bind_name_that_throws():
    shell = Shell()
    shell.run("'' | Set-Variable -Force { throw 'boom' } -WhatIf")
    assert shell.error_ids()[-1] == "ScriptBlockArgumentInvocationFailed,Microsoft.PowerShell.Commands.SetVariableCommand"
