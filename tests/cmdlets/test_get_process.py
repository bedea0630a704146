"""Get-Process reads /proc: the current process by -Id, names with
wildcards, and pwsh's NoProcessFoundForGivenName/Id errors."""

from __future__ import annotations

from helpers.session import Shell


def test_current_process_by_id():
    shell = Shell()
    script = """
    $p = Get-Process -Id $PID
    $p.Id -eq $PID
    $p.SessionId -ge 0
    "$p" -like 'System.Diagnostics.Process (*)'
    (Get-Process -Name $p.ProcessName).Id -contains $PID
    """
    assert shell.text(script) == ["True", "True", "True", "True"]


def test_unknown_name_and_id_are_non_terminating_errors():
    shell = Shell()
    script = """
    Get-Process -Name no-such-process-here 2>$null
    $Error[0].FullyQualifiedErrorId
    $Error[0].Exception.Message
    Get-Process -Id 2147483647 2>$null
    $Error[0].FullyQualifiedErrorId
    (Get-Process -Name 'no-such-*' | Measure-Object).Count
    """
    assert shell.text(script) == [
        "NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand",
        'Cannot find a process with the name "no-such-process-here". Verify the process name and call the cmdlet '
        "again.",
        "NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.GetProcessCommand", "0"]
