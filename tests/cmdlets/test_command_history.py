"""Get-History, Add-History, Clear-History, Invoke-History and what feeds
them: lines the interactive shell or stdin runs, hosting invocations with
AddToHistory; never scripts or -Command text."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from pwshlike.host.console import ConsoleHost
from pwshlike.host.session import Session, build_session


@pytest.fixture
def shell() -> Session:
    host = ConsoleHost(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO())
    return build_session(host, interactive=True)


def typed(shell: Session, *lines: str) -> str:
    """Runs lines as the interactive shell does; returns what they printed."""
    start = shell.host.stdout.tell()
    for line in lines:
        shell.run(line, add_to_history=True)
    shell.host.stdout.seek(start)
    return shell.host.stdout.read()


def errors(shell: Session) -> list[str]:
    return [str(record.fully_qualified_error_id) for record in shell.context.get_variable_value("Error")]


def command_lines(shell: Session) -> list[str]:
    return typed(shell, "(Get-History).CommandLine -join '§'").strip().split("§")


def test_typed_lines_are_recorded_when_they_end(shell: Session) -> None:
    typed(shell, "$x = 1", "Get-History | ForEach-Object CommandLine")
    assert command_lines(shell) == ["$x = 1", "Get-History | ForEach-Object CommandLine"]
    # the running line never sees itself
    assert typed(shell, "(Get-History).Count") == "3\n"


def test_scripts_and_plain_runs_are_not_recorded(shell: Session) -> None:
    shell.run("$y = 2")
    assert typed(shell, "@(Get-History).Count") == "0\n"


def test_table_view_and_entry_properties(shell: Session) -> None:
    typed(shell, "Start-Sleep -Milliseconds 1100", "throw 'boom'")
    table = typed(shell, "Get-History")
    lines = table.strip("\n").split("\n")
    assert lines[0] == "  Id     Duration CommandLine"
    assert lines[1] == "  --     -------- -----------"
    assert lines[2].startswith("   1        1.1") and lines[2].endswith(" Start-Sleep -Milliseconds 1100")
    assert lines[3].endswith(" throw 'boom'")
    assert typed(shell, "(Get-History -Id 2).ExecutionStatus.ToString()") == "Failed\n"
    assert typed(shell, "(Get-History -Id 1).GetType().FullName") == "Microsoft.PowerShell.Commands.HistoryInfo\n"
    assert typed(shell, "(Get-History -Id 1).Duration.TotalSeconds -ge 1.1") == "True\n"


def test_get_history_id_and_count(shell: Session) -> None:
    typed(shell, "'a'", "'b'", "'c'", "'d'")
    assert typed(shell, "(Get-History -Count 2).Id -join ','") == "3,4\n"
    assert typed(shell, "(Get-History -Id 3 -Count 2).Id -join ','") == "2,3\n"
    assert typed(shell, "(Get-History 1, 4).CommandLine -join ','") == "'a','d'\n"
    typed(shell, "Get-History -Id 99")
    assert errors(shell)[0] == "GetHistoryNoHistoryForId,Microsoft.PowerShell.Commands.GetHistoryCommand"
    typed(shell, "Get-History -Id 1, 2 -Count 1")
    assert errors(shell)[0] == "GetHistoryNoCountWithMultipleIds,Microsoft.PowerShell.Commands.GetHistoryCommand"


def test_maximum_history_count_keeps_the_newest(shell: Session) -> None:
    typed(shell, "$MaximumHistoryCount = 2", "'a'", "'b'")
    assert typed(shell, "(Get-History).Id -join ','") == "2,3\n"


def test_clear_history_by_id_count_and_command_line(shell: Session) -> None:
    typed(shell, "'a'", "'b'", "Get-Date", "Get-Location", "'e'", "'f'")
    typed(shell, "Clear-History -Id 2")
    assert command_lines(shell)[:2] == ["'a'", "Get-Date"]
    typed(shell, "Clear-History -CommandLine Get*")
    assert "Get-Date" not in command_lines(shell) and "Get-Location" not in command_lines(shell)
    typed(shell, "Clear-History -Count 1 -Newest")   # the entry above
    typed(shell, "Clear-History -Count 1")           # 'a'
    # 'a' (1), 'b' (2), Get-Date (3), Get-Location (4) and line 11 are gone
    assert typed(shell, "(Get-History).Id -join ','") == "5,6,7,8,9,10,12,13\n"
    typed(shell, "clhy")
    # only the Clear-History line itself, recorded once it ended; ids are never reused
    assert typed(shell, "Get-History | ForEach-Object { \"$($_.Id) $_\" }") == "15 clhy\n"


def test_clear_history_what_if_keeps_everything(shell: Session) -> None:
    typed(shell, "'a'")
    out = typed(shell, "Clear-History -WhatIf")
    assert out == ('What if: Performing the operation "Clear-History" on target '
                   '"This command will clear all the entries from the session history.".\n')
    assert typed(shell, "@(Get-History).Count") == "2\n"


def test_invoke_history_echoes_runs_and_records_the_command(shell: Session) -> None:
    typed(shell, "$n = 40", "$n + 2")
    assert typed(shell, "r") == "$n + 2\n42\n"
    assert typed(shell, "Invoke-History 1") == "$n = 40\n"
    assert typed(shell, "ihy '$n +'") == "$n + 2\n42\n"
    assert command_lines(shell)[2:5] == ["$n + 2", "$n = 40", "$n + 2"]
    assert typed(shell, "$x = Invoke-History 2; $x") == "$n + 2\n42\n"


@pytest.mark.parametrize("argument,error_id", [
    ("99", "InvokeHistoryNoHistoryForId"),
    ("0", "InvokeHistoryInvalidIdGetHistory"),
    ("nothing-like-this", "InvokeHistoryNoHistoryForCommandline"),
])
def test_invoke_history_errors(shell: Session, argument: str, error_id: str) -> None:
    typed(shell, "'a'")
    typed(shell, f"Invoke-History {argument}")
    assert errors(shell)[0] == f"{error_id},Microsoft.PowerShell.Commands.InvokeHistoryCommand"


def test_invoke_history_with_no_history(shell: Session) -> None:
    typed(shell, "Invoke-History")
    assert errors(shell)[0] == ("InvokeHistoryNoLastHistoryEntryFound,"
                                "Microsoft.PowerShell.Commands.InvokeHistoryCommand")
    assert "Cannot locate most recent history." in shell.host.stderr.getvalue()


def test_invoke_history_detects_a_loop(shell: Session) -> None:
    typed(shell, "Invoke-History 1")   # fails: nothing to run, but is entry 1
    typed(shell, "Invoke-History 1")
    assert errors(shell)[0] == "InvokeHistoryLoopDetected,Microsoft.PowerShell.Commands.InvokeHistoryCommand"


def test_add_history_round_trip_through_csv(shell: Session, tmp_path) -> None:
    csv = tmp_path / "history.csv"
    typed(shell, "'a'", "'b'", f"Get-History | Export-Csv '{csv}'")
    out = typed(shell, f"Import-Csv '{csv}' | Add-History -Passthru | ForEach-Object {{ \"$($_.Id) $_\" }}")
    # the Add-History line itself is entry 4; the imported entries follow it
    assert out == "5 'a'\n6 'b'\n"
    assert command_lines(shell)[3] == f"Import-Csv '{csv}' | Add-History -Passthru | ForEach-Object " \
                                      "{ \"$($_.Id) $_\" }"
    typed(shell, "[pscustomobject]@{CommandLine = 'x'} | Add-History")
    assert errors(shell)[0] == "AddHistoryInvalidInput,Microsoft.PowerShell.Commands.AddHistoryCommand"


def test_hosting_invocation_with_add_to_history(shell: Session) -> None:
    out = typed(shell, "$ps = [powershell]::Create('CurrentRunspace'); "
                       "$settings = [System.Management.Automation.PSInvocationSettings]::new(); "
                       "$settings.AddToHistory = $true; $null = $ps.AddScript('1 + 1').Invoke($null, $settings); "
                       "(Get-History | Select-Object -Last 1).CommandLine")
    assert out == "1 + 1\n"


def test_stdin_lines_are_history_but_command_text_is_not() -> None:
    def run(*args: str, stdin: str = "") -> str:
        return subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", *args], input=stdin,
                              capture_output=True, text=True, timeout=60).stdout
    assert run("-Command", "-", stdin="'a'\n(Get-History).CommandLine\n") == "a\n'a'\n"
    assert run("-Command", "'a'; @(Get-History).Count") == "a\n0\n"


def test_my_invocation_history_id_is_the_running_lines(shell: Session) -> None:
    typed(shell, "'a'", "function f { $MyInvocation.HistoryId }")
    assert typed(shell, "$MyInvocation.HistoryId; f") == "3\n3\n"
