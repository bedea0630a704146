"""Get-Host and $Host, Clear-Host, Get-Uptime and Get-PSCallStack."""

from __future__ import annotations

import datetime as _dt
import subprocess
import sys
import time

import pytest

from helpers.session import Shell


@pytest.fixture
def s() -> Shell:
    return Shell()


def pwsh(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", *args], capture_output=True,
                          text=True, timeout=60)


def test_get_host_is_dollar_host() -> None:
    out = pwsh("-Command", "(Get-Host) -eq $Host; (Get-Host).PSObject.TypeNames[0]; "
                           "$Host.Version.Major, $Host.Version.Minor; $Host.InstanceId -eq (Get-Host).InstanceId; "
                           "$Host.InstanceId.GetType().FullName").stdout
    assert out == "True\nSystem.Management.Automation.Internal.Host.InternalHost\n7\n4\nTrue\nSystem.Guid\n"


def test_host_list_view_in_pwsh_order() -> None:
    out = pwsh("-Command", "Get-Host | Format-List").stdout
    names = [line.split(":")[0].strip() for line in out.strip().split("\n")]
    assert names == ["Name", "Version", "InstanceId", "UI", "CurrentCulture", "CurrentUICulture", "PrivateData",
                     "DebuggerEnabled", "IsRunspacePushed", "Runspace"]
    assert "Name             : ConsoleHost" in out


def test_raw_ui_without_a_terminal_reports_dotnets_wrap_size() -> None:
    out = pwsh("-Command", "$r = $Host.UI.RawUI; \"$($r.WindowSize) $($r.BufferSize) $($r.CursorSize) "
                           "$($r.KeyAvailable)\"; $r.WindowTitle = 'x'; $r.WindowTitle").stdout
    assert out == "80,40 80,40 100 False\nx\n"


def test_private_data_colours() -> None:
    out = pwsh("-Command", "$p = $Host.PrivateData; \"$($p.ErrorForegroundColor) $($p.WarningForegroundColor) "
                           "$($p.ProgressBackgroundColor) $([int]$p.ErrorBackgroundColor)\"; "
                           "$Host.PrivateData.WarningForegroundColor = 'Magenta'; "
                           "$Host.PrivateData.WarningForegroundColor").stdout
    assert out == "Red Yellow Yellow -1\nMagenta\n"


def test_host_ui_writes_to_the_console() -> None:
    result = pwsh("-Command", "$Host.UI.WriteLine('a'); $Host.UI.Write('b'); $Host.UI.WriteLine(); "
                              "$Host.UI.WriteErrorLine('bad'); $Host.UI.WriteWarningLine('careful')")
    assert result.stdout == "a\nb\nWARNING: careful\n"
    assert result.stderr == "bad\n"


def test_clear_host_writes_the_terminals_clear_sequence() -> None:
    expected = subprocess.run(["clear"], capture_output=True, text=True, env={"TERM": "xterm"}).stdout
    result = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-Command",
                             "Clear-Host; cls; (Get-Command Clear-Host).CommandType"],
                            capture_output=True, text=True, timeout=60, env={"TERM": "xterm", "PATH": "/usr/bin:/bin"})
    assert expected.startswith("\x1b")
    assert result.stdout == expected * 2 + "Function\n"


def test_get_uptime_is_whole_seconds_of_the_monotonic_clock(s: Shell) -> None:
    uptime = s.one("Get-Uptime")
    assert isinstance(uptime, _dt.timedelta) and uptime.microseconds == 0
    assert abs(uptime.total_seconds() - time.monotonic()) < 5
    since = s.one("Get-Uptime -Since")
    assert abs((_dt.datetime.now() - since) - uptime) < _dt.timedelta(seconds=5)
    s.run("Get-Uptime -Since:$false -Foo")
    assert s.error_ids() == ["NamedParameterNotFound,Microsoft.PowerShell.Commands.GetUptimeCommand"]


def test_get_pscallstack_in_a_script(tmp_path) -> None:
    script = tmp_path / "stack.ps1"
    script.write_text("function Inner($a) { Get-PSCallStack }\n"
                      "function Outer { Inner -a 5 extra }\n"
                      "Outer\n"
                      "function Vars { $mine = 42; (Get-PSCallStack)[0].GetFrameVariables()['mine'].Value }\n"
                      "Vars\n"
                      "\"$((Get-PSCallStack)[0])\"\n")
    out = pwsh("-File", str(script)).stdout
    assert out.split("\n")[:6] == [
        "",
        "Command   Arguments    Location",
        "-------   ---------    --------",
        "Inner     {a=5, extra} stack.ps1: line 1",
        "Outer     {}           stack.ps1: line 2",
        "stack.ps1 {}           stack.ps1: line 3",
    ]
    assert "\n42\n" in out
    assert f"at <ScriptBlock>, {script}: line 6\n" in out


def test_get_pscallstack_at_the_top_level(s: Shell) -> None:
    frames = s.run("Get-PSCallStack")
    assert [frame.command for frame in frames] == ["<ScriptBlock>"]
    assert [frame.location for frame in frames] == ["<No file>"]


def test_prompt_for_choice_as_pwshs_console() -> None:
    script = ('$c = $Host.UI.PromptForChoice("Delete files", "Are you sure?", @("&Yes", "&No"), 1)\n?\nmaybe\ny\n'
              '"got $c"\n'
              '$d = [System.Management.Automation.Host.ChoiceDescription]::new("Ba&nana", "yellow")\n'
              '$Host.UI.PromptForChoice("", "Pick", @("&Apple", $d), -1)\nbanana\n'
              '$Host.UI.PromptForChoice("", "", @("&Apple"), 0)\n\n')
    result = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-Command", "-"], input=script,
                            capture_output=True, text=True, timeout=60)
    prompt = '[Y] Yes  [N] No  [?] Help (default is "N"): '
    assert result.stdout == ("\nDelete files\nAre you sure?\n" + prompt + "Y - \nN - \n" + prompt + prompt +
                             "got 0\nPick\n[A] Apple  [N] Banana  [?] Help 1\n"
                             '[A] Apple  [?] Help (default is "A"): 0\n')
