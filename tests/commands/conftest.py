"""A session with the command layer installed and a host that records."""

from __future__ import annotations

from typing import Any

import pytest

from pwshlike.commands import install
from pwshlike.engine import ExecutionContext, execute_script
from pwshlike.engine.conversions import to_string


class RecordingHost:
    """Keeps what the engine shows: text lines per stream."""

    def __init__(self, answers: list[str] | None = None) -> None:
        self.lines: list[tuple[str, str]] = []
        self.answers = list(answers or [])
        # Answers given means a person is there to prompt.
        self.non_interactive = answers is None

    def write(self, text: str, foreground: Any = None, background: Any = None) -> None:
        self.lines.append(("host", text))

    def write_line(self, text: str = "", foreground: Any = None, background: Any = None) -> None:
        self.lines.append(("host", text))

    def write_error_line(self, text: str) -> None:
        self.lines.append(("error", text))

    def write_warning_line(self, text: str) -> None:
        self.lines.append(("warning", text))

    def write_verbose_line(self, text: str) -> None:
        self.lines.append(("verbose", text))

    def write_debug_line(self, text: str) -> None:
        self.lines.append(("debug", text))

    def write_information(self, record: Any) -> None:
        self.lines.append(("information", str(record)))

    def read_line(self) -> str:
        return self.answers.pop(0)

    def stream(self, name: str) -> list[str]:
        return [text for kind, text in self.lines if kind == name]


class Session:
    def __init__(self, answers: list[str] | None = None) -> None:
        self.host = RecordingHost(answers)
        self.context = ExecutionContext(self.host)
        install(self.context)

    def run(self, script: str) -> list[Any]:
        output: list[Any] = []
        execute_script(self.context, script, emit=output.append, dot_source=True)
        return output

    def text(self, script: str) -> list[str]:
        return [to_string(o) for o in self.run(script)]

    def errors(self) -> list[Any]:
        return list(self.context.get_variable_value("Error"))


@pytest.fixture
def session() -> Session:
    return Session()


@pytest.fixture
def interactive_session():
    """A session whose host answers prompts with the given lines."""
    return Session
