"""Jobs: Start-Job's child process and its streams, Start-ThreadJob, the
``&`` operator, Get/Receive/Wait/Stop/Remove-Job and their errors, and
that no job process outlives the shell.  Every test removes its jobs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s(tmp_path: Path) -> Iterator[Session]:
    shell = Session(location=str(tmp_path))
    yield shell
    shell.run("Get-Job | Remove-Job -Force")


def test_start_job_round_trip(s: Session) -> None:
    assert s.run("Start-Job { 1; 'two' } | Receive-Job -Wait -AutoRemoveJob") == [1, "two"]
    assert s.run("Get-Job") == []


def test_job_objects_come_back_deserialized(s: Session) -> None:
    s.run("$o = Start-Job { [pscustomobject]@{ Name = 'n'; Size = 3 }; Get-Date } | Receive-Job -Wait")
    assert s.run("$o[0].PSTypeNames[0]; $o[0].Size; $o[1].GetType().Name") == [
        "Deserialized.System.Management.Automation.PSCustomObject", 3, "DateTime"]


def test_streams_come_back_on_their_own_streams(s: Session) -> None:
    out = s.run("Start-Job { Write-Warning 'w1'; Write-Verbose 'v1' -Verbose; Write-Error 'e1'; 'out' } | "
                "Receive-Job -Wait -Verbose")
    assert out == ["out"]
    assert s.warnings() == ["w1"]
    assert s.verbose() == ["v1"]
    assert [str(e) for e in s.errors()] == ["e1"]
    assert s.error_ids() == ["Microsoft.PowerShell.Commands.WriteErrorException"]
    assert s.one("$Error[0].CategoryInfo.Activity") == "Write-Error"
    assert s.one("$Error[0].Exception.GetType().FullName") == "System.Management.Automation.RemoteException"


def test_arguments_input_using_and_initialization(s: Session) -> None:
    assert s.run("$n = 10; Start-Job { param($a) $a + $using:n } -ArgumentList 5 | Receive-Job -Wait") == [15]
    assert s.run("1, 2 | Start-Job { $input | ForEach-Object { $_ * 3 } } | Receive-Job -Wait") == [3, 6]
    assert s.run("Start-Job { Get-Greeting } -InitializationScript { function Get-Greeting { 'hi' } } | "
                 "Receive-Job -Wait") == ["hi"]


def test_job_block_runs_as_a_command(s: Session) -> None:
    assert s.run("1, 2 | Start-Job { process { \"p$_\" } } | Receive-Job -Wait") == ["p1", "p2"]
    assert s.run("Start-Job { param($a, $b) \"$a-$b\"; $args } -ArgumentList 1, 2, 3 | Receive-Job -Wait") == [
        "1-2", 3]
    assert s.run("Start-Job { $MyInvocation.MyCommand.ScriptBlock } | Receive-Job -Wait") == [
        " $MyInvocation.MyCommand.ScriptBlock "]


def test_job_runs_in_current_location_or_working_directory(s: Session, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    assert s.run("Start-Job { (Get-Location).Path } | Receive-Job -Wait") == [str(tmp_path)]
    assert s.run("Start-Job { (Get-Location).Path } -WorkingDirectory ./sub | Receive-Job -Wait") == [
        str(tmp_path / "sub")]
    s.run("Start-Job { 1 } -WorkingDirectory ./nope")
    assert s.error_ids() == ["DirectoryNotFoundException,Microsoft.PowerShell.Commands.StartJobCommand"]


def test_terminating_error_fails_the_job(s: Session) -> None:
    s.run("$j = Start-Job { 'before'; throw 'bad' } | Wait-Job")
    assert s.text("$j.State") == ["Failed"]
    assert s.run("Receive-Job $j") == ["before"]
    assert [str(e) for e in s.errors()] == ["bad"]
    assert s.one("$j.JobStateInfo.Reason.Message") == "bad"


def test_job_ids_names_and_table(s: Session) -> None:
    s.run("$a = Start-Job { 1 } -Name first; $b = Start-ThreadJob { 2 }; $a, $b | Wait-Job | Out-Null")
    assert s.run("$b.Id - $a.Id; $a.ChildJobs.Count; $a.Name; $b.Name -eq \"Job$($b.Id)\"") == [2, 1, "first", True]
    table = s.one("Get-Job | Out-String").splitlines()
    assert table[1].split() == ["Id", "Name", "PSJobTypeName", "State", "HasMoreData", "Location", "Command"]
    assert table[3].split()[1:] == ["first", "BackgroundJob", "Completed", "True", "localhost", "1"]
    assert table[4].split()[2:] == ["ThreadJob", "Completed", "True", "PowerShell", "2"]


def test_receive_keep_and_has_more_data(s: Session) -> None:
    s.run("$j = Start-Job { 7 } | Wait-Job")
    assert s.run("Receive-Job $j -Keep; $j.HasMoreData; Receive-Job $j; $j.HasMoreData") == [7, True, 7, False]


def test_remove_running_job_needs_force(s: Session) -> None:
    s.run("$j = Start-Job { Start-Sleep 30 }; Remove-Job $j")
    assert s.error_ids() == ["JobObjectNotFinishedCannotBeRemoved,Microsoft.PowerShell.Commands.RemoveJobCommand"]
    assert str(s.errors()[0]) == (
        f"The command cannot remove the job with the job ID {s.one('$j.Id')} because the job is not finished. "
        "To remove the job, first stop the job, or use the Force parameter. (Parameter 'Job')")
    s.run("Remove-Job $j -Force")
    assert s.run("Get-Job").__len__() == 0
    assert s.text("$j.State") == ["Stopped"]


def test_wait_timeout_and_stop(s: Session) -> None:
    started = time.monotonic()
    assert s.run("$j = Start-Job { Start-Sleep 30 }; Wait-Job $j -Timeout 1") == []
    assert time.monotonic() - started < 20
    s.run("Stop-Job $j")
    assert s.text("$j.State") == ["Stopped"]
    assert s.run("(Wait-Job $j).Id -eq $j.Id") == [True]


def test_wait_any_returns_first_finished(s: Session) -> None:
    s.run("$slow = Start-ThreadJob { Start-Sleep 5 }; $fast = Start-ThreadJob { 1 }")
    assert s.run("(Wait-Job $slow, $fast -Any).Id -eq $fast.Id") == [True]


def test_unknown_id_and_name(s: Session) -> None:
    s.run("Get-Job -Id 9999; Get-Job -Name nosuch")
    assert s.error_ids() == ["JobWithSpecifiedSessionNotFound,Microsoft.PowerShell.Commands.GetJobCommand",
                             "JobWithSpecifiedNameNotFound,Microsoft.PowerShell.Commands.GetJobCommand"]


def test_start_job_refuses_runas32_and_other_ps_versions(s: Session) -> None:
    s.run("Start-Job {} -RunAs32; Start-Job {} -PSVersion 2.0")
    assert s.error_ids() == ["RunAs32NotSupported,Microsoft.PowerShell.Commands.StartJobCommand",
                             "ParameterBindingFailed,Microsoft.PowerShell.Commands.StartJobCommand"]


def test_thread_job_keeps_live_objects_and_streams(s: Session) -> None:
    s.run("$list = [System.Collections.Generic.List[int]]::new()")
    s.run("Start-ThreadJob { ($using:list).Add(4); Write-Warning 'tw'; 'done' } | Receive-Job -Wait -AutoRemoveJob")
    assert s.run("$list") == [4]
    assert s.warnings() == ["tw"]


def test_thread_job_throttle_and_arguments(s: Session) -> None:
    result = s.run("1..4 | ForEach-Object { Start-ThreadJob { param($i) $i * 2 } -ArgumentList $_ -ThrottleLimit 2 }"
                   " | Receive-Job -Wait -AutoRemoveJob")
    assert sorted(result) == [2, 4, 6, 8]


def test_background_operator(s: Session, tmp_path: Path) -> None:
    s.run("$x = 4; $j = $x * 2 &")
    assert s.text("$j.PSJobTypeName; $j.Command") == ["BackgroundJob", "${using:x} * 2"]
    assert s.run("Receive-Job $j -Wait") == [8]
    assert s.run("$k = Get-Location | ForEach-Object Path &; Receive-Job $k -Wait") == [str(tmp_path)]


def test_job_processes_end_with_the_shell(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid.txt"
    script = (f"$j = Start-Job {{ $PID | Set-Content '{pid_file}'; Start-Sleep 60 }}; "
              f"while (-not (Test-Path '{pid_file}')) {{ Start-Sleep -Milliseconds 50 }}; 'started'")
    result = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-Command", script],
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, cwd=tmp_path)
    assert result.stdout.strip() == "started"
    pid = int(pid_file.read_text().strip())
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.05)
    assert not _alive(pid)


def test_programs_that_jobs_run_end_with_the_shell_or_the_job(tmp_path: Path) -> None:
    program = "sh -c 'echo $$ > {0}.pid; exec sleep 60'"
    script = (f"$a = Start-Job {{ {program.format('a')} }}; $b = Start-ThreadJob {{ {program.format('b')} }}; "
              f"$c = {program.format('c')} &; $d = Start-ThreadJob {{ {program.format('d')}; 'after' }}; "
              "while ((Test-Path a.pid, b.pid, c.pid, d.pid) -contains $false) { Start-Sleep -Milliseconds 50 }; "
              "Start-Sleep -Milliseconds 200; "
              "Stop-Job $d; $d.State; Receive-Job $d")
    result = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-Command", script],
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, cwd=tmp_path)
    assert result.stdout.split() == ["Stopped"]
    pids = [int((tmp_path / f"{name}.pid").read_text()) for name in "abcd"]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in pids):
        time.sleep(0.05)
    assert [pid for pid in pids if _alive(pid)] == []


def _alive(pid: int) -> bool:
    """Running (a zombie counts as gone, but the shell reaps its jobs anyway)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/status") as status:
            return not any(line.startswith("State:") and "Z" in line.split()[1] for line in status)
    except OSError:
        return False


def test_file_path_jobs_and_their_errors(s: Session, tmp_path: Path) -> None:
    (tmp_path / "job.ps1").write_text('param($x)\n"file $x"\n')
    assert s.run("Start-Job -FilePath ./job.ps1 -ArgumentList 7 | Receive-Job -Wait") == ["file 7"]
    assert s.run("Start-ThreadJob -FilePath ./job.ps1 -ArgumentList 8 | Receive-Job -Wait") == ["file 8"]
    s.run("Start-Job -FilePath ./nope.ps1; Start-Job -FilePath ./job.txt; Start-Job -FilePath ./j*.ps1")
    assert s.error_ids() == ["PathNotFound,Microsoft.PowerShell.Commands.StartJobCommand",
                             "System.ArgumentException,Microsoft.PowerShell.Commands.StartJobCommand",
                             "System.ArgumentException,Microsoft.PowerShell.Commands.StartJobCommand"]


def test_stop_job_ends_a_thread_jobs_thread(s: Session, tmp_path: Path) -> None:
    ticks = tmp_path / "ticks.txt"
    s.run(f"$j = Start-ThreadJob {{ while ($true) {{ try {{ Add-Content '{ticks}' x }} catch {{ }}; "
          "Start-Sleep -Milliseconds 20 } }")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not ticks.exists():
        time.sleep(0.02)
    s.run("Stop-Job $j")
    time.sleep(0.3)
    count = len(ticks.read_text())
    time.sleep(0.5)
    assert len(ticks.read_text()) == count
    assert s.text("$j.State") == ["Stopped"]
    assert s.run("Start-ThreadJob { 5 } | Receive-Job -Wait") == [5]


def test_a_job_object_given_by_position_to_get_job_is_a_name(s: Session) -> None:
    s.run("$j = Start-Job { 1 }; Remove-Job $j -Force; Get-Job $j")
    assert s.error_ids() == ["JobWithSpecifiedNameNotFound,Microsoft.PowerShell.Commands.GetJobCommand"]


def test_a_running_thread_job_does_not_hold_up_the_shells_exit(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-Command",
                             "$j = Start-ThreadJob { while ($true) { Start-Sleep -Milliseconds 100 } }; 'bye'"],
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, cwd=tmp_path)
    assert result.stdout.strip() == "bye"
    assert result.returncode == 0


def test_receive_switches_that_need_wait(s: Session) -> None:
    s.run("$j = Start-ThreadJob { 1 }; Receive-Job $j -AutoRemoveJob; Receive-Job $j -WriteJobInResults")
    assert s.error_ids() == ["InvalidOperation,Microsoft.PowerShell.Commands.ReceiveJobCommand"] * 2
    assert str(s.errors()[1]) == "The -AutoRemoveJob parameter cannot be used without the -Wait parameter"


def test_records_come_back_in_the_order_the_job_wrote_them(s: Session) -> None:
    assert s.run("Start-Job { 1; Write-Warning w; 2 } | Receive-Job -Wait 3>&1 | ForEach-Object { \"$_\" }") == [
        "1", "w", "2"]


def test_progress_and_has_more_data(s: Session) -> None:
    s.run("$j = Start-Job { Start-Sleep 1; Write-Progress -Activity act -Status st -PercentComplete 50 }")
    assert s.run("$j.HasMoreData") == [True]  # a background job's results are open while it runs
    s.run("Wait-Job $j | Out-Null")
    assert s.run("$p = $j.ChildJobs[0].Progress; $p.Count; $p[0].Activity; $p[0].PercentComplete") == [1, "act", 50]
    assert s.run("$j.HasMoreData; Receive-Job $j; $j.HasMoreData") == [True, False]
    assert s.run("$t = Start-ThreadJob { Start-Sleep 1 }; $t.HasMoreData") == [False]


def test_child_jobs_are_found_by_id_but_not_removed(s: Session) -> None:
    s.run("$j = Start-Job { 7 }; $c = $j.ChildJobs[0]")
    assert s.run("(Wait-Job -Id $c.Id).Id -eq $c.Id; Receive-Job -Id $c.Id") == [True, 7]
    s.run("Remove-Job -Id $c.Id")
    assert s.error_ids() == ["CannotRemoveJob,Microsoft.PowerShell.Commands.RemoveJobCommand"]
    assert s.run("(Get-Job).Count") == [1]


def test_thread_job_progress_goes_to_the_job(s: Session) -> None:
    s.run("$t = Start-ThreadJob { Write-Progress -Activity a -Status s -PercentComplete 10 } | Wait-Job")
    assert s.run("$t.ChildJobs[0].Progress[0].Activity; $t.HasMoreData") == ["a", True]
