"""Get-Process: the current process by -Id, names with wildcards, pwsh's
NoProcessFoundForGivenName/Id errors, the default and -IncludeUserName
tables, and the Process members scripts read."""

from __future__ import annotations

import os
import pwd
import re
import subprocess
import sys

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


def _sleeper() -> subprocess.Popen:
    return subprocess.Popen(["sleep", "30"])


def test_default_table_has_pwsh_columns_and_the_process_row():
    child = _sleeper()
    try:
        lines = Shell().text(f"Get-Process -Id {child.pid} | Out-String -Stream")
    finally:
        child.kill()
        child.wait()
    assert lines[1] == " NPM(K)    PM(M)      WS(M)     CPU(s)      Id  SI ProcessName"
    assert lines[2] == " ------    -----      -----     ------      --  -- -----------"
    row = lines[3].split()
    assert row[0] == "0" and row[4] == str(child.pid) and row[-1] == "sleep"
    assert all(re.fullmatch(r"[\d,]+\.\d\d", cell) for cell in row[1:4])


def test_include_user_name_adds_the_owner_and_its_own_table():
    shell = Shell()
    owner = pwd.getpwuid(os.getuid()).pw_name
    assert shell.text("(Get-Process -Id $PID -IncludeUserName).UserName") == [owner]
    assert shell.text("(Get-Process -Id $PID -IncludeUserName).PSTypeNames[0]") == [
        "System.Diagnostics.Process#IncludeUserName"]
    lines = shell.text("Get-Process -Id $PID -IncludeUserName | Out-String -Stream")
    assert lines[1] == "     WS(M)   CPU(s)      Id UserName                       ProcessName"
    assert owner in lines[3] and str(os.getpid()) in lines[3]


def test_process_members_scripts_use():
    child = _sleeper()
    try:
        script = f"""
        $p = Get-Process -Id {child.pid}
        $p.Name; $p.Path; $p.CommandLine
        $p.StartTime -is [datetime]; $p.WS -gt 0; $p.CPU -ge 0; $p.Parent.Id -eq $PID; $p.HasExited
        $p.GetType().FullName
        try {{ $p.ExitCode }} catch {{ $_.Exception.InnerException.Message }}
        """
        out = Shell().text(script)
    finally:
        child.kill()
        child.wait()
    assert out[0] == "sleep" and out[1].endswith("/sleep") and out[2] == "sleep 30"
    assert out[3:8] == ["True", "True", "True", "True", "False"]
    assert out[8] == "System.Diagnostics.Process"
    assert out[9] == "Process was not started by this object, so requested information cannot be determined."


def test_input_object_and_digit_names():
    shell = Shell()
    assert shell.text("(Get-Process -Id $PID | Get-Process).Id -eq $PID") == ["True"]
    shell.run("Get-Process -Name 12345 2>$null")
    assert shell.error_ids()[-1] == "RecommendIdTagForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand"
    assert shell.text("$Error[0].Exception.Message") == [
        'Cannot find a process with the name "12345". Try running with -Id to search by Id of processes.']


def test_psutil_is_imported_only_when_a_process_cmdlet_runs():
    probe = ("import sys; from pwshlike.testing import Session; s = Session(); s.run(sys.argv[1]); "
             "print('psutil' in sys.modules)")
    def imported(script: str) -> str:
        return subprocess.run([sys.executable, "-c", probe, script], capture_output=True, text=True,
                              check=True).stdout.strip()
    assert imported("Get-Command Get-Process, Start-Process | Out-Null; 1 + 1") == "False"
    assert imported("Get-Process -Id $PID | Out-Null") == "True"


def test_modules_and_file_version_info():
    shell = Shell()
    out = shell.text("""
    $modules = Get-Process -Id $PID -Module
    $modules.GetType().FullName; $modules[0].GetType().FullName
    ($modules | Where-Object FileName -eq (Get-Process -Id $PID).Path).Count
    ($modules | Where-Object ModuleName -like 'libc.so*').Size -gt 0
    $info = Get-Process -Id $PID -FileVersionInfo
    $info.GetType().FullName; $info.FileName -eq (Get-Process -Id $PID).Path; $null -eq $info.FileVersion
    """)
    assert out == ["System.Object[]", "System.Diagnostics.ProcessModule", "1", "True",
                   "System.Diagnostics.FileVersionInfo", "True", "True"]
    lines = shell.text("Get-Process -Id $PID -Module | Select-Object -First 1 | Out-String -Stream")
    assert lines[1] == "   Size(K) ModuleName" + " " * 41 + "FileName"


def test_id_zero_is_found_without_a_main_module():
    shell = Shell()
    assert shell.text("(Get-Process -Id 0).Id; @(Get-Process -Id 0 -FileVersionInfo -ErrorAction Stop).Count") == [
        "0", "0"]
    assert shell.error_ids() == []


def test_format_list_shows_pwsh_default_display_properties():
    lines = [line for line in Shell().text("Get-Process -Id $PID | Format-List | Out-String -Stream") if line]
    assert [line.split(":")[0].strip() for line in lines] == ["Id", "Handles", "CPU", "SI", "Name"]


def test_process_types_are_known_before_a_process_cmdlet_runs():
    probe = ("import sys; from pwshlike.testing import Session; s = Session(); "
             "print(*s.run('[System.Diagnostics.Process].FullName; [System.Diagnostics.ProcessModule].Name').output, "
             "'psutil' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["System.Diagnostics.Process", "ProcessModule", "False"]
