"""Stop-Process, Wait-Process and Start-Process on real child processes:
what each returns, the processes' state afterwards, and pwsh's error ids
and messages."""

from __future__ import annotations

import subprocess
import time

from helpers.session import Shell


def _sleeper(seconds: str = "30") -> subprocess.Popen:
    return subprocess.Popen(["sleep", seconds])


def _gone(child: subprocess.Popen) -> bool:
    try:
        child.wait(timeout=5)
    except subprocess.TimeoutExpired:
        child.kill()
        return False
    return True


def test_stop_process_by_id_kills_and_passes_the_process_through():
    child = _sleeper()
    out = Shell().text(f"Stop-Process -Id {child.pid} -PassThru | ForEach-Object {{ $_.Name; $_.HasExited }}")
    assert _gone(child)
    assert out == ["sleep", "True"]


def test_stop_process_whatif_leaves_the_process_running():
    child = _sleeper()
    try:
        shell = Shell()
        shell.run(f"Get-Process -Id {child.pid} | Stop-Process -WhatIf")
        assert child.poll() is None
        assert shell.host.kind("line") == [
            f'What if: Performing the operation "Stop-Process" on target "sleep ({child.pid})".']
    finally:
        child.kill()
        child.wait()


def test_stop_process_input_object_and_unknown_name():
    child = _sleeper()
    shell = Shell()
    shell.run(f"$p = Get-Process -Id {child.pid}; Stop-Process $p; Stop-Process -Name no-such-proc-xyz 2>$null")
    assert _gone(child)
    assert shell.error_ids() == ["NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.StopProcessCommand"]


def test_wait_process_timeout_is_process_not_terminated():
    child = _sleeper()
    try:
        shell = Shell()
        started = time.monotonic()
        shell.run(f"Wait-Process -Id {child.pid} -Timeout 1 2>$null")
        assert 0.9 <= time.monotonic() - started < 5
        assert shell.error_ids() == ["ProcessNotTerminated,Microsoft.PowerShell.Commands.WaitProcessCommand"]
        assert shell.text("$Error[0].Exception.GetType().FullName; $Error[0].Exception.Message") == [
            "System.TimeoutException",
            f'This command stopped operation because process "sleep ({child.pid})" is not stopped in the '
            "specified time-out."]
    finally:
        child.kill()
        child.wait()


def test_wait_process_returns_when_the_process_ends_and_refuses_itself():
    child = _sleeper("0.3")
    shell = Shell()
    out = shell.text(f"Wait-Process -Id {child.pid} -PassThru | ForEach-Object Id; Wait-Process -Id $PID, 0 2>$null")
    assert out == [str(child.pid)] and _gone(child)
    assert shell.error_ids() == ["WaitOnIdleProcess,Microsoft.PowerShell.Commands.WaitProcessCommand",
                                 "WaitOnItself,Microsoft.PowerShell.Commands.WaitProcessCommand"]


def test_start_process_wait_passthru_exit_code_and_redirected_output(tmp_path):
    out_file = tmp_path / "out.txt"
    shell = Shell()
    out = shell.text(f"""
    $p = Start-Process sh -ArgumentList '-c', '"echo one; echo; echo two >&2; echo three; exit 3"' `
        -RedirectStandardOutput '{out_file}' -RedirectStandardError '{tmp_path}/err.txt' -PassThru -Wait
    $p.HasExited; $p.ExitCode; $p.Name
    """)
    assert out == ["True", "3", "sh"]
    assert out_file.read_text() == "one\nthree\n"
    assert (tmp_path / "err.txt").read_text() == "two\n"


def test_start_process_input_environment_and_working_directory(tmp_path):
    (tmp_path / "in.txt").write_text("from a file")
    shell = Shell()
    shell.run(f"""
    Start-Process cat -RedirectStandardInput '{tmp_path}/in.txt' -RedirectStandardOutput '{tmp_path}/cat.txt' -Wait
    Start-Process sh -ArgumentList '-c', '"echo $PWD $PL_X"' -WorkingDirectory '{tmp_path}' `
        -Environment @{{ PL_X = 'set' }} -RedirectStandardOutput '{tmp_path}/env.txt' -Wait
    """)
    assert (tmp_path / "cat.txt").read_text() == "from a file\n"
    assert (tmp_path / "env.txt").read_text() == f"{tmp_path} set\n"


def test_start_process_errors():
    shell = Shell()
    shell.run("""
    try { Start-Process no-such-program-xyz } catch { $caught = $_ }
    Start-Process sleep 1 -RedirectStandardOutput x.txt -RedirectStandardError x.txt 2>$null
    Start-Process sleep 1 -WorkingDirectory /no/such/dir 2>$null
    """)
    assert shell.error_ids() == [
        "InvalidOperationException,Microsoft.PowerShell.Commands.StartProcessCommand",
        "InvalidOperationException,Microsoft.PowerShell.Commands.StartProcessCommand",
        "DirectoryNotFoundException,Microsoft.PowerShell.Commands.StartProcessCommand"]
    message = shell.text("$caught.Exception.Message")[0]
    assert message.startswith("This command cannot be run due to the error: An error occurred trying to start "
                              "process 'no-such-program-xyz' with working directory '")
    assert message.endswith("'. No such file or directory")
    assert shell.text("$Error[1].Exception.Message") == [
        'This command cannot be run because "RedirectStandardOutput" and "RedirectStandardError" are same. Give '
        "different inputs and Run your command again."]


def test_start_process_output_file_that_cannot_be_created_and_odd_environment_names(tmp_path):
    shell = Shell()
    shell.run(f"""
    try {{ Start-Process sleep 5 -RedirectStandardOutput '{tmp_path}/no/dir/out.txt' -Wait }} catch {{ $caught = $_ }}
    Start-Process sh -ArgumentList '-c', '"echo $PL_A"' -Environment @{{ 'PL_A=B' = 'c'; '' = 'z' }} `
        -RedirectStandardOutput '{tmp_path}/env.txt' -Wait
    """)
    assert shell.text("$caught.FullyQualifiedErrorId; $caught.Exception.Message") == [
        "System.IO.DirectoryNotFoundException,Microsoft.PowerShell.Commands.StartProcessCommand",
        f"Could not find a part of the path '{tmp_path}/no/dir/out.txt'."]
    # .NET writes the pair as 'PL_A=B=c', so the program's PL_A is 'B=c'
    assert (tmp_path / "env.txt").read_text() == "B=c\n"


def test_kill_and_wait_for_exit_methods():
    child = _sleeper()
    out = Shell().text(f"""
    $p = Get-Process -Id {child.pid}
    $p.WaitForExit(100); $p.Kill(); $p.WaitForExit(5000); $p.HasExited
    """)
    assert _gone(child)
    assert out == ["False", "True", "True"]


def test_wait_process_any_returns_after_the_first_one_ends():
    quick, slow = _sleeper("0.2"), _sleeper()
    try:
        shell = Shell()
        started = time.monotonic()
        shell.run(f"Wait-Process -Id {quick.pid}, {slow.pid} -Any -Timeout 10")
        assert time.monotonic() - started < 5
        assert slow.poll() is None and shell.error_ids() == []
    finally:
        slow.kill()
        slow.wait()
        quick.wait()


def test_empty_names_and_paths_are_rejected_as_pwsh_rejects_them():
    shell = Shell()
    shell.run("""
    try { Get-Process -Name '' } catch {}
    try { Start-Process sleep -WorkingDirectory '' } catch {}
    """)
    assert shell.error_ids() == ["ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetProcessCommand",
                                 "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.StartProcessCommand"]
