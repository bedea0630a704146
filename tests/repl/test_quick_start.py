"""The shell drawn before the engine: ``Repl(build=...)``, which the CLI
uses when no profile runs first (``cli._quick_shell``).  The first prompt is
pwsh's default and is on screen before the session exists; the session is
built right after, before any key is handled, so completion, highlighting
and history work from the first key; what building wrote is shown above
the prompt, a prompt the session defines replaces the drawn one, and a
failure reaches the CLI as before."""

from __future__ import annotations

import io
import os
import shutil
import sys

import pytest
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.output import DummyOutput

import repl_fixtures
from helpers.terminal import Pane
from pwshlike import cli
from pwshlike.host.cmdline import parse_command_line
from pwshlike.host.console import ConsoleHost
from pwshlike.host.session import build_session
from pwshlike.repl.app import Repl

# The fixtures this module uses (an environment of its own, a pipe input, a key feeder).
_isolated_environment = repl_fixtures._isolated_environment
pipe = repl_fixtures.pipe
feeder = repl_fixtures.feeder


def prompt_text(repl) -> str:
    message = repl.prompt_session.message  # a string until the shell's first prompt() call sets it
    return "".join(text for _style, text in message()) if callable(message) else message


class Builder:
    """Builds a session on StringIO streams, noting how far the shell was."""

    def __init__(self, script: str = "", host_streams: bool = True) -> None:
        self.script = script
        self.host_streams = host_streams
        self.repl = None
        self.seen: list[tuple[int, str, object, object]] = []
        self.session = None

    def __call__(self):
        repl = self.repl
        app = repl.prompt_session.app
        self.seen.append((app.render_counter, prompt_text(repl), repl.prompt_session.lexer,
                          repl.prompt_session.completer))
        if self.host_streams:
            host = ConsoleHost(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO())
        else:
            host = ConsoleHost(stdin=io.StringIO())  # stdout and stderr: the process's, held meanwhile
        self.session = build_session(host, interactive=True)
        if self.script:
            self.session.run(self.script)
        return self.session


def quick_repl(builder: Builder, pipe) -> Repl:
    repl = Repl(build=builder, input=pipe, output=DummyOutput(), history=InMemoryHistory())
    builder.repl = repl
    return repl


def test_the_session_is_built_once_the_first_prompt_is_drawn(pipe, feeder):
    builder = Builder()
    repl = quick_repl(builder, pipe)
    assert builder.seen == []  # nothing built with the shell
    feeder.feed("Write-Outp\t 'typed at once'\r", "exit 3\r")
    assert repl.run() == 3
    assert len(builder.seen) == 1
    renders, first_prompt, lexer, completer = builder.seen[0]
    assert renders == 1 and lexer is None and completer is None
    assert first_prompt == f"PS {os.getcwd()}> " == f"PS {builder.session.context.session.location}> "
    # Tab completed the command name: the first key already had the session.
    assert builder.session.host.stdout.getvalue().split() == ["typed", "at", "once"]
    assert builder.session.host.line_reader is None  # the shell's reader is uninstalled on leaving


def test_highlighting_and_completion_come_with_the_session(pipe, feeder):
    builder = Builder()
    repl = quick_repl(builder, pipe)
    feeder.feed("\r")
    repl.read()
    assert repl.session is builder.session
    assert repl.prompt_session.lexer is not None and repl.prompt_session.completer is not None
    assert repl.completion is not None and repl.completion.context is builder.session.context


def test_a_prompt_the_session_defines_replaces_the_drawn_one(pipe, feeder):
    builder = Builder("function global:prompt { 'built> ' }")
    repl = quick_repl(builder, pipe)
    feeder.feed("\r")
    repl.read()
    assert builder.seen[0][1] == f"PS {os.getcwd()}> "
    assert prompt_text(repl) == "built> "


def test_what_building_wrote_is_shown_above_the_prompt(pipe, feeder, capsys):
    builder = Builder("Write-Warning 'a plugin is missing'; Write-Host -NoNewline 'left on the line: '",
                      host_streams=False)
    repl = quick_repl(builder, pipe)
    feeder.feed("\r")
    repl.read()
    assert capsys.readouterr().out == "WARNING: a plugin is missing\nleft on the line: "
    # Output that did not end its line stays in front of the prompt, as without the early start.
    assert prompt_text(repl) == f"left on the line: PS {os.getcwd()}> "
    # The host writes to the real streams again once the session is built.
    assert builder.session.host.stdout is sys.stdout and builder.session.host.stderr is sys.stderr


def test_a_failing_build_reaches_the_caller(pipe, feeder):
    def build():
        raise RuntimeError("the engine could not start")

    repl = Repl(build=build, input=pipe, output=DummyOutput(), history=InMemoryHistory())
    with pytest.raises(RuntimeError, match="could not start"):
        repl.run()


def test_a_terminal_ui_failing_before_the_first_prompt_still_gets_the_session(pipe, monkeypatch):
    from prompt_toolkit import PromptSession

    def failing_prompt(self, *args, **kwargs):
        raise OSError("the terminal went away")

    monkeypatch.setattr(PromptSession, "prompt", failing_prompt)
    builder = Builder()
    repl = quick_repl(builder, pipe)
    assert repl.run() is None  # the caller goes on with the plain loop, on the session built meanwhile
    assert len(builder.seen) == 1 and repl.session is builder.session
    assert "the terminal went away" in builder.session.host.stderr.getvalue()


def test_a_shell_needs_a_session_or_a_builder():
    with pytest.raises(TypeError):
        Repl(None)


def test_the_cli_starts_early_only_when_no_profile_runs_first(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr("pwshlike.repl.terminal_available", lambda: True)
    plain = parse_command_line([], False)
    no_profile = parse_command_line(["-NoProfile"], False)
    assert cli._quick_shell_possible(plain) and cli._quick_shell_possible(no_profile)
    profile = tmp_path / "powershell" / "profile.ps1"
    profile.parent.mkdir()
    profile.write_text("function prompt { 'from the profile> ' }\n")
    assert not cli._quick_shell_possible(plain)  # the profile may define the prompt: the engine comes first
    assert cli._quick_shell_possible(no_profile)
    monkeypatch.setattr("pwshlike.repl.terminal_available", lambda: False)
    assert not cli._quick_shell_possible(no_profile)


# --- in a real terminal (tmux) ------------------------------------------------------------

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed (.ci/run installs it): no terminal to drive")
COMMAND_COLOR = "\x1b[93m"  # PSReadLine's Command colour: bright yellow


def start_pane(tmp_path, *args: str, **env: str) -> Pane:
    environment = {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
                   "HOME": str(tmp_path), "TERM": "xterm-256color", "PATH": os.environ.get("PATH", ""),
                   "NO_COLOR": "", **env}
    wrapper = ["sh", "-c", '"$@"; echo "[pwshlike exited with $?]"', "sh", sys.executable, "-m", "pwshlike", *args]
    return Pane(wrapper, str(tmp_path), environment)


@needs_tmux
def test_history_completion_and_colours_from_the_first_key(tmp_path):
    history = tmp_path / "data" / "pwshlike" / "PSReadLine" / "ConsoleHost_history.txt"
    history.parent.mkdir(parents=True)
    history.write_text("Write-Output 'from the last session'\n")
    pane = start_pane(tmp_path, "-NoProfile", "-NoLogo")
    try:
        pane.wait_for_text(f"PS {tmp_path}>")
        pane.keys("Get-Dat", "Tab")  # at once: the session is there before the first key is handled
        pane.wait_for_text("Get-Date")
        assert COMMAND_COLOR + "Get-Date" in pane.screen(colors=True)
        pane.keys("C-c")
        pane.tmux("send-keys", "Up")
        pane.wait_for_text(f"PS {tmp_path}> Write-Output 'from the last session'")
        pane.keys("Enter")
        pane.wait_for_text("\nfrom the last session\n")
        pane.keys("exit 4", "Enter")
        assert pane.exit_status() == "4"
    finally:
        pane.close()


@needs_tmux
def test_a_warning_from_building_the_session_is_above_the_first_prompt(tmp_path):
    pane = start_pane(tmp_path, "-NoProfile", PWSHLIKE_PLUGINS="pwshlike_no_such_plugin")
    try:
        screen = pane.wait_for(lambda s: "no_such_plugin" in s and s.rstrip().endswith(f"PS {tmp_path}>"),
                               "the warning, then the prompt")
        assert screen.index("pwshlike ") < screen.index("WARNING: The plugin 'pwshlike_no_such_plugin'")
        assert screen.count(f"PS {tmp_path}>") == 1
        pane.keys("1 + 1", "Enter")
        pane.wait_for_text("\n2\n")
        pane.keys("C-d")
        assert pane.exit_status() == "0"
    finally:
        pane.close()


@needs_tmux
def test_a_profile_runs_before_the_first_prompt(tmp_path):
    profile = tmp_path / "config" / "powershell" / "Microsoft.PowerShell_profile.ps1"
    profile.parent.mkdir(parents=True)
    profile.write_text("function prompt { 'from the profile> ' }\n")
    pane = start_pane(tmp_path, "-NoLogo")
    try:
        pane.wait_for_text("from the profile>")
        assert "PS " not in pane.screen()
        pane.keys("exit", "Enter")
        assert pane.exit_status() == "0"
    finally:
        pane.close()
