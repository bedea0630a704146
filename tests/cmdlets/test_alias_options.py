"""Set-Alias and New-Alias take -Option and -Description as pwsh's do: the
alias keeps them, a read-only alias changes only with -Force and a constant
one never (AliasNotWritable)."""

from __future__ import annotations

from helpers.session import Shell


def test_options_and_description_are_kept() -> None:
    shell = Shell()
    assert shell.text("Set-Alias -Name today -Value Get-Date -Option ReadOnly -Description 'the date'; "
                      "$a = Get-Alias today; $a.Options; $a.Description; "
                      "Set-Alias ll Get-ChildItem -Option AllScope; (Get-Alias ll).Options; "
                      "Set-Alias plain Get-Item; (Get-Alias plain).Options") == [
        "ReadOnly", "the date", "AllScope", "None"]


def test_read_only_needs_force_and_constant_never_changes() -> None:
    shell = Shell()
    shell.run("Set-Alias today Get-Date -Option ReadOnly; Set-Alias today Get-Item")
    assert shell.text("(Get-Alias today).Definition") == ["Get-Date"]
    assert shell.error_ids() == ["AliasNotWritable,Microsoft.PowerShell.Commands.SetAliasCommand"]
    assert str(shell.errors()[0]) == ("Alias was not written because alias today is read-only or constant and "
                                      "cannot be written to.")
    shell.run("Set-Alias today Get-Item -Force")
    assert shell.text("(Get-Alias today).Definition; (Get-Alias today).Options") == ["Get-Item", "ReadOnly"]
    shell.run("$Error.Clear(); New-Alias fixed Get-Date -Option Constant; New-Alias fixed Get-Item -Force")
    assert shell.text("(Get-Alias fixed).Definition") == ["Get-Date"]
    assert shell.error_ids() == ["AliasNotWritable,Microsoft.PowerShell.Commands.NewAliasCommand"]
