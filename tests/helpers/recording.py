"""A host that records what the engine shows, for tests of every layer."""

from __future__ import annotations

from typing import Any, Optional


class RecordingHost:
    """Keeps each line the engine writes, tagged by kind: ``write``,
    ``line``, ``error``, ``warning``, ``verbose``, ``debug``, ``information``.

    With ``answers`` it plays a person at the console: ``read_line`` returns
    them in order and the host counts as interactive (prompts allowed)."""

    def __init__(self, answers: Optional[list[str]] = None) -> None:
        self.lines: list[tuple[str, str]] = []
        self.answers = list(answers or [])
        self.non_interactive = answers is None

    def write(self, text: str, foreground: Any = None, background: Any = None) -> None:
        self.lines.append(("write", text))

    def write_line(self, text: str = "", foreground: Any = None, background: Any = None) -> None:
        self.lines.append(("line", text))

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

    def kind(self, *kinds: str) -> list[str]:
        """The text of every line of the given kinds, in order."""
        return [text for k, text in self.lines if k in kinds]
