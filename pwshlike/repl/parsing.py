"""The parse of the text being edited, shared by everything that asks.

Highlighting, the Enter key (complete or continue?) and the prompt's error
marker all look at the same buffer text, often in one keystroke; parsing it
once and keeping the result for that text keeps editing cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pwshlike.language import ParseResult


class InputParser:
    """``parse_input`` with a cache of the last text parsed."""

    __slots__ = ("_text", "_result")

    def __init__(self) -> None:
        self._text: str | None = None
        self._result: ParseResult | None = None

    def parse(self, text: str) -> ParseResult:
        if text != self._text or self._result is None:
            # Imported here, not at the top: the key bindings hold an
            # InputParser, and the first prompt is drawn before the
            # language package is loaded (its buffer is empty).
            from pwshlike.language import parse_input
            self._result = parse_input(text)
            self._text = text
        return self._result

    def needs_more_input(self, text: str) -> bool:
        """True when the parser says only more input could complete
        ``text``: an open brace, hashtable or string, a trailing pipe or
        backtick (pwsh's ``IncompleteInput`` errors)."""
        return bool(text) and any(error.incomplete_input for error in self.parse(text).errors)

    def has_syntax_error(self, text: str) -> bool:
        """True when ``text`` has a parse error more input would not fix.
        An empty buffer is answered without the parser, so the first
        prompt can be drawn before the parser module is loaded."""
        return bool(text) and any(not error.incomplete_input for error in self.parse(text).errors)


def preload_parser() -> None:
    """Imports the parser on a background thread.  The first prompt does
    not need it (its buffer is empty), the first keystroke does: loading it
    while the user starts typing keeps both the start-up and the first key
    fast.  Python's import lock makes a key that comes sooner simply wait."""
    import importlib
    import sys
    import threading
    if "pwshlike.language.parser" in sys.modules:
        return

    def load() -> None:
        importlib.import_module("pwshlike.language.parser")

    threading.Thread(target=load, name="pwshlike-parser-preload", daemon=True).start()
