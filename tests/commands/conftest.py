"""A session with the command layer installed and a host that records."""

from __future__ import annotations

from typing import Any

import pytest

from pwshlike.commands import install
from pwshlike.engine import ExecutionContext, execute_script
from pwshlike.engine.conversions import to_string

from helpers.recording import RecordingHost


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
