"""The language layer: tokenizer, parser, AST and parse errors.

``parse_input`` is the analog of pwsh's ``Parser.ParseInput``: it returns
the AST, every token (for highlighting) and the parse errors, and it never
raises, whatever the input.
"""

from __future__ import annotations

import os

from .ast import Extent, ScriptBlockAst
from .errors import ParseError, message
from .tokens import Token, TokenKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator, Optional


def __getattr__(name: str) -> Any:
    """``TokenFlags`` is made on first use (see tokens._token_flags)."""
    if name == "TokenFlags":
        from .tokens import _token_flags
        return _token_flags()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["parse_input", "ParseResult", "ParseError", "Token", "TokenKind", "TokenFlags"]


class ParseResult:
    """``ast``, ``tokens`` and ``errors`` of one parse; unpacks as a triple.

    The Token objects are made when ``tokens`` is first read: running a
    script needs only the AST, highlighting needs the tokens.
    """

    __slots__ = ("ast", "errors", "_raw_tokens", "_tokens")

    def __init__(self, ast: ScriptBlockAst, raw_tokens: list, errors: list[ParseError]) -> None:
        self.ast = ast
        self.errors = errors
        self._raw_tokens = raw_tokens
        self._tokens: Optional[list[Token]] = None

    @property
    def tokens(self) -> list[Token]:
        tokens = self._tokens
        if tokens is None:
            from .tokens import materialize

            tokens = self._tokens = materialize(self._raw_tokens, self.ast.extent.source)
            self._raw_tokens = None
        return tokens

    def __iter__(self) -> Iterator:
        return iter((self.ast, self.tokens, self.errors))

    def __repr__(self) -> str:
        return f"ParseResult({len(self.tokens)} tokens, {len(self.errors)} errors)"


def parse_input(text: str, file: Optional[str] = None) -> ParseResult:
    """Parse PowerShell source ``text`` (``file`` names it in extents)."""
    from .parser import parse

    try:
        return ParseResult(*parse(text, file))
    except Exception:
        # Like pwsh's UnrecoverableParserError: an internal failure becomes a
        # parse error instead of an exception (PWSHLIKE_DEBUG shows the bug).
        if os.environ.get("PWSHLIKE_DEBUG") == "1":
            raise
        return _unrecoverable(text, file)


def _unrecoverable(text: str, file: Optional[str]) -> ParseResult:
    from . import ast as A

    source = A.SourceText(text, file)
    extent = Extent(source, 0, len(text))
    end = A.NamedBlockAst(extent, "end", [], [], True)
    root = A.ScriptBlockAst(extent, None, None, None, end, None, None, False)
    end.parent = root
    error = ParseError("UnrecoverableParserError", message("UnrecoverableParserError"), extent)
    return ParseResult(root, [[TokenKind.EndOfInput, len(text) + 1, len(text) + 1, None, 0]],
                       [error])
