"""Start-Transcript and Stop-Transcript: pwsh's header and footer, what the
host shows written in between, the default file name, the file checks and
errors, and answers to prompts kept out of the file."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ENV = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}


def pwsh(*args: str, stdin: str | None = None, home: Path | None = None, cwd: Path | None = None):
    env = dict(ENV, **({"HOME": str(home)} if home else {}))
    return subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", *args], input=stdin,
                          capture_output=True, text=True, timeout=60, env=env, cwd=cwd)


def test_header_output_and_footer(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    result = pwsh("-Command", f"Start-Transcript -Path '{log}'; 'hello'; Write-Warning careful; "
                              "Write-Host -NoNewline a; Write-Host b; Write-Error oops; Stop-Transcript; 'after'",
                  cwd=tmp_path)
    assert result.stdout.split("\n")[0] == f"Transcript started, output file is {log}"
    assert f"Transcript stopped, output file is {log}\nafter\n" in result.stdout
    text = log.read_text(encoding="utf-8")
    assert not text.startswith("\ufeff")
    lines = text.split("\n")
    assert lines[:2] == ["**********************", "PowerShell transcript start"]
    assert re.fullmatch(r"Start time: \d{14}", lines[2])
    assert re.fullmatch(r"Username: .+\\.+", lines[3]) and lines[4] == lines[3].replace("Username", "RunAs User")
    assert lines[5] == "Configuration Name: "
    assert re.fullmatch(r"Machine: \S+ \(Unix [\d.]+\)", lines[6])
    assert lines[7].startswith("Host Application: ")
    assert re.fullmatch(r"Process ID: \d+", lines[8])
    assert lines[9] == "PSVersion: 7.4.6" and "PSEdition: Core" in lines
    assert "PSCompatibleVersions: 1.0, 2.0, 3.0, 4.0, 5.0, 5.1, 7.4.6" in lines
    body_start = lines.index("**********************", 1) + 1
    assert lines[body_start:body_start + 5] == [f"Transcript started, output file is {log}", "hello",
                                                "WARNING: careful", "ab", "Write-Error: oops"]
    assert lines[-6:] == ["Write-Error: oops", "**********************", "PowerShell transcript end",
                          lines[-3], "**********************", ""]
    assert re.fullmatch(r"End time: \d{14}", lines[-3])
    assert "after" not in lines[body_start:]


def test_minimal_header_and_invocation_header_in_a_stdin_session(tmp_path: Path) -> None:
    log = tmp_path / "min.txt"
    pwsh("-Command", "-", stdin=f"Start-Transcript '{log}' -UseMinimalHeader -IncludeInvocationHeader\n"
                                "$n = Read-Host 'Name'\nbob\n"
                                "$s = Read-Host -AsSecureString 'Secret'\nhunter2\n"
                                "\"hi $n\"\nStop-Transcript\n")
    lines = log.read_text().split("\n")
    assert lines[:2] == ["**********************", "PowerShell transcript start"]
    assert lines[3] == "**********************"
    body = lines[4:]
    assert body[0] == f"Transcript started, output file is {log}"
    assert body[1] == "**********************" and re.fullmatch(r"Command start time: \d{14}", body[2])
    assert body[4:6] == ["PS>$n = Read-Host 'Name'", "Name:"]
    text = "\n".join(lines)
    assert "hunter2" not in text and "bob" not in text.replace("hi bob", "")
    assert "PS>\"hi $n\"\nhi bob\n" in text


def test_default_path_is_in_home_with_pwshs_name(tmp_path: Path) -> None:
    result = pwsh("-Command", "Start-Transcript; 'x'; Stop-Transcript", home=tmp_path)
    files = list(tmp_path.glob("PowerShell_transcript.*.txt"))
    assert len(files) == 1
    assert re.fullmatch(r"PowerShell_transcript\.[^.]+\.[A-Za-z0-9+_=]{8}\.\d{14}\.txt", files[0].name)
    assert result.stdout.startswith(f"Transcript started, output file is {files[0]}\n")
    result = pwsh("-Command", "Start-Transcript -OutputDirectory logs | Out-Null; Stop-Transcript", home=tmp_path)
    assert len(list((tmp_path / "logs").glob("PowerShell_transcript.*.txt"))) == 1


def test_append_no_clobber_and_read_only(tmp_path: Path) -> None:
    log = tmp_path / "a.txt"
    log.write_text("before\n")
    pwsh("-Command", f"Start-Transcript '{log}' -Append | Out-Null; Stop-Transcript | Out-Null")
    assert log.read_text().startswith("before\n**********************\n")
    result = pwsh("-Command", f"Start-Transcript '{log}' -NoClobber; $Error[0].FullyQualifiedErrorId")
    assert result.stdout == "NoClobber,Microsoft.PowerShell.Commands.StartTranscriptCommand\n"
    assert f"File {log} already exists and NoClobber was specified." in result.stderr
    pwsh("-Command", f"Start-Transcript '{log}' | Out-Null; Stop-Transcript | Out-Null")
    assert not log.read_text().startswith("before")
    if os.geteuid() != 0:
        log.chmod(0o444)
        result = pwsh("-Command", f"Start-Transcript '{log}'; $Error[0].FullyQualifiedErrorId")
        assert result.stdout.endswith("FileReadOnly,Microsoft.PowerShell.Commands.StartTranscriptCommand\n")


def test_a_directory_cannot_be_the_transcript(tmp_path: Path) -> None:
    result = pwsh("-Command", f"Start-Transcript '{tmp_path}'; $Error[0].FullyQualifiedErrorId")
    assert result.stdout == "CannotStartTranscription,Microsoft.PowerShell.Commands.StartTranscriptCommand\n"
    assert (f"Transcription cannot be started due to the error: File path {tmp_path} resolves to a directory."
            in result.stderr)


def test_stop_without_a_transcript_is_pwshs_error() -> None:
    result = pwsh("-Command", "Stop-Transcript; $Error[0].FullyQualifiedErrorId")
    assert "An error occurred stopping transcription: The host is not currently transcribing." in result.stderr
    assert result.stdout == "InvalidOperation,Microsoft.PowerShell.Commands.StopTranscriptCommand\n"


def test_nested_transcripts_and_the_footer_at_exit(tmp_path: Path) -> None:
    outer, inner = tmp_path / "outer.txt", tmp_path / "inner.txt"
    pwsh("-Command", f"Start-Transcript '{outer}' | Out-Null; 'one'; Start-Transcript '{inner}' | Out-Null; "
                     "'two'; Stop-Transcript | Out-Null; 'three'")
    inner_lines = inner.read_text().split("\n")
    assert "two" in inner_lines and "three" not in inner_lines
    text = outer.read_text()
    assert "\none\ntwo\nthree\n" in text
    assert text.endswith("PowerShell transcript end\n" + text.split("\n")[-3] + "\n**********************\n")


def test_file_script(tmp_path: Path) -> None:
    script = tmp_path / "s.ps1"
    log = tmp_path / "s.txt"
    script.write_text(f"Start-Transcript -LiteralPath '{log}' | Out-Null\nGet-Item '{tmp_path}/nope'\n"
                      "Write-Verbose v -Verbose\nStop-Transcript | Out-Null\n")
    pwsh("-File", str(script))
    text = log.read_text()
    # errors as the console shows them: ConciseView with the script position
    assert (f"Get-Item: {script}:2\nLine |\n   2 |  Get-Item '{tmp_path}/nope'\n" in text and
            f"| Cannot find path '{tmp_path}/nope' because it does not exist.\nVERBOSE: v\n" in text)


@pytest.mark.parametrize("command", ["Start-Transcript -WhatIf", "Stop-Transcript -WhatIf"])
def test_what_if_changes_nothing(tmp_path: Path, command: str) -> None:
    result = pwsh("-Command", command, home=tmp_path)
    assert result.stdout.startswith("What if: Performing the operation")
    assert list(tmp_path.glob("PowerShell_transcript.*")) == []


def test_interactive_lines_follow_the_prompt(tmp_path: Path) -> None:
    import io

    from pwshlike.host.console import ConsoleHost
    from pwshlike.host.interactive import prompt_text
    from pwshlike.host.session import build_session
    session = build_session(ConsoleHost(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO()),
                            interactive=True)
    log = tmp_path / "repl.txt"
    for line in (f"Set-Location '{tmp_path}'", f"Start-Transcript '{log}'", "1 + 1", "function prompt { 'MY> ' }",
                 "'x'", "Stop-Transcript"):
        prompt_text(session)
        session.run(line, add_to_history=True)
    body = log.read_text().split("**********************\n")[2]
    assert body == (f"Transcript started, output file is {log}\n"
                    f"PS {tmp_path}> 1 + 1\n2\n"
                    f"PS {tmp_path}> function prompt {{ 'MY> ' }}\n"
                    "MY> 'x'\nx\nMY> Stop-Transcript\n")


def test_messages_carry_the_path(tmp_path: Path) -> None:
    result = pwsh("-Command", "$s = Start-Transcript ./p.txt; $t = Stop-Transcript; $s.Path; $t.Path; \"$s\"",
                  cwd=tmp_path)
    assert result.stdout == f"./p.txt\n{tmp_path}/p.txt\nTranscript started, output file is ./p.txt\n"
