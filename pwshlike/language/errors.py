"""Parse errors and PowerShell's message texts for them.

``MESSAGES`` (in :mod:`.parse_messages`, loaded with the first error: a
script that parses cleanly needs none of it) holds the ParserStrings.resx
texts (PowerShell's own wording) for every error id the tokenizer and
parser report.  As in PowerShell, a message is run through ``format`` only
when it has arguments, so a text like IncompleteDollarVariableReference
keeps its doubled braces.
"""

from __future__ import annotations

from .ast import Extent

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class ParseError:
    """One parse error: PowerShell's ``ParseError``.

    ``incomplete_input`` is True when only more input could fix the error
    (a missing closing brace, an unterminated string, a trailing pipe...);
    the REPL uses it to ask for a continuation line.
    """

    __slots__ = ("error_id", "message", "extent", "incomplete_input")

    def __init__(self, error_id: str, message: str, extent: Extent,
                 incomplete_input: bool = False) -> None:
        self.error_id = error_id
        self.message = message
        self.extent = extent
        self.incomplete_input = incomplete_input

    def __repr__(self) -> str:
        return (f"ParseError({self.error_id!r}, {self.message!r}, line {self.extent.start_line} "
                f"col {self.extent.start_column}{', incomplete' if self.incomplete_input else ''})")

    def __str__(self) -> str:
        return f"At line:{self.extent.start_line} char:{self.extent.start_column}\n{self.message}"


def message(error_id: str, args: tuple = ()) -> str:
    """PowerShell's message for ``error_id``; formatted only with arguments."""
    from .parse_messages import MESSAGES
    text = MESSAGES[error_id]
    return text.format(*args) if args else text


def __getattr__(name: str) -> Any:
    if name == "MESSAGES":  # the table, for code that reads it whole
        from .parse_messages import MESSAGES
        return MESSAGES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
