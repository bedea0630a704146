"""``PSInvocationSettings.AddToHistory``: each script parsed sets ``$^``
and ``$$`` to the first and last token of the script parsed before it in
that runspace, as pwsh's console does between command lines."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.mark.parametrize("script, first, last", [
    ("#requires", "", ""),
    ("'ignored' > `$null; Get-Date -Format o`n# a comment", "ignored", "o"),
    ("Write-Host 'Hello'", "Write-Host", "Hello"),
    ("#requires -Version 5.0`n10", "10", "10"),
])
def test_first_and_last_token_of_the_previous_script(script, first, last):
    shell = Shell()
    out = shell.text("$settings = [System.Management.Automation.PSInvocationSettings]::new();"
                     "$settings.AddToHistory = $true; $ps = [powershell]::Create();"
                     f"$null = $ps.AddScript(\"{script}\").AddScript('\"[$^][$$]\"');"
                     "$ps.Invoke(@(), $settings)")
    assert out == [f"[{first}][{last}]"]


def test_the_memory_carries_over_to_the_next_invocation():
    shell = Shell()
    out = shell.text("$settings = [System.Management.Automation.PSInvocationSettings]::new();"
                     "$settings.AddToHistory = $true; $ps = [powershell]::Create();"
                     "$null = $ps.AddScript('Get-Date | Out-Null').Invoke(@(), $settings); $ps.Commands.Clear();"
                     "$ps.AddScript('\"[$^][$$]\"').Invoke(@(), $settings)")
    assert out == ["[Get-Date][Out-Null]"]


def test_without_add_to_history_the_variables_stay_unset():
    shell = Shell()
    out = shell.text("$ps = [powershell]::Create(); $null = $ps.AddScript('Get-Date | Out-Null').AddScript('1').Invoke();"
                     "$ps.Commands.Clear(); $ps.AddScript('\"[$^][$$]\"').Invoke(@(), "
                     "[System.Management.Automation.PSInvocationSettings]::new())")
    assert out == ["[][]"]
