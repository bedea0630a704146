"""The read-run loop: running inputs, exit codes, the prompt, errors that do
not end the session, Ctrl+C while a command runs, and commands' prompts
going through the shell's UI."""

from __future__ import annotations

import io
import time

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from pwshlike.host.console import ConsoleHost
from pwshlike.host.session import Session
from pwshlike.repl.hostui import HostLineReader
from repl_fixtures import _isolated_environment, feeder, pipe, repl, session  # noqa: F401 - pytest fixtures



def output_of(session) -> str:
    return session.host.stdout.getvalue()


def errors_of(session) -> str:
    return session.host.stderr.getvalue()


def prompt_text(repl) -> str:
    return "".join(text for _style, text in repl.prompt_session.message())


def test_runs_inputs_until_exit(repl, feeder, session):
    feeder.feed("Write-Output 'first'\r", "$h = @{\r", ("then", "a = 1\r"), ("then", "}\r"), "$h.a + 1\r",
                "exit 5\r")
    assert repl.run() == 5
    assert output_of(session).split() == ["first", "2"]


def test_ctrl_d_leaves_with_zero(repl, feeder):
    feeder.feed("\x04")
    assert repl.run() == 0


def test_default_prompt_and_user_prompt_function(repl, feeder, session):
    feeder.feed("\r")
    repl.read()
    assert prompt_text(repl) == f"PS {session.context.session.location}> "
    session.run("function prompt { 'pwshlike ' + (1 + 1) + '> ' }")
    feeder.feed("\r")
    repl.read()
    assert prompt_text(repl) == "pwshlike 2> "


def test_errors_do_not_end_the_session(repl, feeder, session, monkeypatch):
    real_run = Session.run
    calls = []

    def failing_once(self, text, *args, **kwargs):
        calls.append(text)
        if len(calls) == 1:
            raise ValueError("engine bug")
        return real_run(self, text, *args, **kwargs)

    monkeypatch.setattr(Session, "run", failing_once)
    feeder.feed("Write-Output 1\r", "Get-NoSuchCommand\r", "throw 'boom'\r", "Write-Output 'still here'\r",
                "exit\r")
    assert repl.run() == 0
    errors = errors_of(session)
    assert "engine bug" in errors and "Traceback" not in errors
    assert "Get-NoSuchCommand" in errors and "boom" in errors
    assert "still here" in output_of(session)


def test_ctrl_c_stops_a_running_command_and_returns_to_the_prompt(repl, feeder, session):
    feeder.feed("Start-Sleep 30\r", ("signal", 0.4), "$?\r", "exit 3\r")
    started = time.monotonic()
    assert repl.run() == 3
    assert time.monotonic() - started < 10
    assert output_of(session).split()[-1] == "False"


def test_mandatory_parameter_prompt_goes_through_the_shell(repl, feeder, session):
    feeder.feed("function Greet { param([Parameter(Mandatory)][string]$Name) \"hi $Name\" }\r",
                "Greet\r", "bob\r", "exit\r")
    assert repl.run() == 0
    output = output_of(session)
    assert "Supply values for the following parameters:" in output
    assert "hi bob" in output


def test_confirm_prompt_goes_through_the_shell(repl, feeder, session):
    feeder.feed("function Remove-Thing { [CmdletBinding(SupportsShouldProcess, ConfirmImpact='High')] param() "
                "if ($PSCmdlet.ShouldProcess('thing')) { 'removed' } else { 'kept' } }\r",
                "Remove-Thing\r", "n\r", "exit\r")
    assert repl.run() == 0
    output = output_of(session)
    assert "Are you sure you want to perform this action?" in output
    assert output.split()[-1] == "kept"


def test_host_reader_shows_what_is_on_the_line_and_masks(monkeypatch):
    seen = []
    host = ConsoleHost(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO())
    host.line_reader = lambda prompt, masked: seen.append((prompt, masked)) or "typed"
    host.write("User: ")
    assert host.read_line() == "typed"
    host.write_line("done")
    host.write("Password for user bob: ")
    assert host.read_line_masked() == "typed"
    assert seen == [("User: ", False), ("Password for user bob: ", True)]


def test_host_reader_reads_lines_and_keeps_no_history():
    with create_pipe_input() as pipe:
        reader = HostLineReader(pipe, DummyOutput())
        pipe.send_text("hunter2\r")
        assert reader("Password: ", True) == "hunter2"
        pipe.send_text("\x1b[A\r")  # Up: nothing to recall
        assert reader("Name: ", False) == ""
        pipe.send_text("\x04")
        assert reader("Name: ", False) is None


def test_ctrl_c_in_a_command_prompt_stops_the_command(repl, feeder, session):
    feeder.feed("$x = Read-Host 'Name'; 'after'\r", "\x03", "exit\r")
    assert repl.run() == 0
    assert "after" not in output_of(session)


def test_interactive_start_uses_the_shell_only_on_a_terminal(session):
    from pwshlike import repl
    assert not repl.available(session.host)  # StringIO streams, not the process's terminal


def test_output_without_a_newline_stays_in_front_of_the_prompt(repl, feeder, session):
    feeder.feed("\r")
    repl.execute("Write-Host -NoNewline 'partial '")
    repl.read()
    assert prompt_text(repl) == f"partial PS {session.context.session.location}> "


def test_a_failing_terminal_ui_hands_back_to_the_plain_reader(repl, session, monkeypatch):
    def broken(*_args, **_kwargs):
        raise OSError("terminal went away")

    monkeypatch.setattr(repl.prompt_session, "prompt", broken)
    assert repl.run() is None
    assert "terminal went away" in errors_of(session)


def test_scripts_and_commands_never_load_the_terminal_ui(tmp_path):
    import subprocess
    import sys
    script = tmp_path / "s.ps1"
    script.write_text("Write-Output 2\n")
    probe = ("import sys; from pwshlike.cli import main; main(sys.argv[1:]); "
             "sys.stderr.write(str(sorted(m for m in ('prompt_toolkit', 'pygments') if m in sys.modules)))")
    for args in (["-NoProfile", "-Command", "Write-Output 1"], ["-NoProfile", "-File", str(script)]):
        result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=60,
                                stdin=subprocess.DEVNULL)
        assert result.stderr.endswith("[]"), result.stderr
