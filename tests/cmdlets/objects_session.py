"""The session the object/data/utility cmdlet tests share: the command
layer installed, a recording host, and helpers for output and errors."""

from __future__ import annotations

from typing import Any

from helpers.recording import RecordingHost
from pwshlike.commands import install
from pwshlike.engine import ExecutionContext, execute_script
from pwshlike.engine.conversions import to_string


class Session:
    def __init__(self) -> None:
        self.host = RecordingHost()
        self.context = ExecutionContext(self.host)
        install(self.context)

    def run(self, script: str) -> list[Any]:
        output: list[Any] = []
        execute_script(self.context, script, emit=output.append, dot_source=True)
        return output

    def text(self, script: str) -> list[str]:
        return [to_string(o) for o in self.run(script)]

    def one(self, script: str) -> Any:
        result = self.run(script)
        assert len(result) == 1, result
        return result[0]

    def errors(self) -> list[Any]:
        return list(self.context.get_variable_value("Error"))

    def error_ids(self) -> list[str]:
        return [e.fully_qualified_error_id for e in reversed(self.errors())]

    def warnings(self) -> list[str]:
        return self.host.kind("warning")
