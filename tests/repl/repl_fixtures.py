"""Fixtures for the interactive shell's tests: a session whose console writes
to StringIO, a Repl driven through prompt_toolkit's pipe input, and a key
feeder that types as a person does.  Each test module imports the ones it
uses by name (a conftest.py here would shadow the ``from conftest import``
of other test directories)."""

from __future__ import annotations

import io
from typing import Iterator

import pytest
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from pwshlike.host.console import ConsoleHost
from pwshlike.host.session import Session, build_session
from pwshlike.repl.app import Repl


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    for name in ("NO_COLOR", "PWSHLIKE_EDIT_MODE", "PWSHLIKE_COLOR_STYLE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def session() -> Session:
    host = ConsoleHost(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO())
    return build_session(host, interactive=True)


@pytest.fixture
def pipe() -> Iterator[object]:
    with create_pipe_input() as pipe_input:
        yield pipe_input


@pytest.fixture
def repl(session: Session, pipe: object) -> Repl:
    return Repl(session, input=pipe, output=DummyOutput(), history=InMemoryHistory())


class KeyFeeder:
    """Types each chunk only once the prompt it is meant for is up (the
    shell's own prompt or a command's prompt through the host reader), as a
    person would.  ``("then", keys)`` types more at the same prompt after a
    pause; ``("signal", seconds)`` sends Ctrl+C's SIGINT to the process that
    long after the previous chunk."""

    def __init__(self, pipe, monkeypatch: pytest.MonkeyPatch) -> None:
        import threading
        from prompt_toolkit import PromptSession
        self.pipe = pipe
        self.started = 0
        self._condition = threading.Condition()
        original = PromptSession.prompt
        feeder = self

        def counting_prompt(session_self, *args, **kwargs):
            with feeder._condition:
                feeder.started += 1
                feeder._condition.notify_all()
            return original(session_self, *args, **kwargs)

        monkeypatch.setattr(PromptSession, "prompt", counting_prompt)

    def feed(self, *chunks) -> "threading.Thread":
        import os
        import signal
        import threading
        import time

        def run() -> None:
            prompts = 0
            for chunk in chunks:
                if isinstance(chunk, tuple) and chunk[0] == "signal":
                    time.sleep(chunk[1])
                    os.kill(os.getpid(), signal.SIGINT)
                    continue
                if isinstance(chunk, tuple):  # ("then", keys): more typing at the same prompt
                    time.sleep(0.05)
                    self.pipe.send_text(chunk[1])
                    continue
                prompts += 1
                with self._condition:
                    self._condition.wait_for(lambda: self.started >= prompts, timeout=10)
                time.sleep(0.05)
                self.pipe.send_text(chunk)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        return thread


@pytest.fixture
def feeder(pipe, monkeypatch) -> KeyFeeder:
    return KeyFeeder(pipe, monkeypatch)
