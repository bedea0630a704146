"""Syntax highlighting from pwshlike's own tokenizer.

Every token the parser produced gets a category (command, parameter,
string, variable, number, operator, comment, type, keyword, member) from its
kind and flags, the same information PSReadLine colours by; the parts of an
expandable string (``"$name"``, ``"$(...)"``) are coloured inside it.  Parse
errors that more input would not fix are underlined in the error colour.
Pygments' PowerShellLexer takes over only if the parser gives up on the text
altogether (an unrecoverable parser error), so something is still coloured.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Iterator, Optional

from prompt_toolkit.document import Document
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.lexers import Lexer

from pwshlike.language import ParseResult, Token, TokenKind
from pwshlike.language.tokens import (F_ASSIGNMENT, F_ATTRIBUTE_NAME, F_BINARY, F_COMMAND_NAME, F_KEYWORD,
                                      F_MEMBER_NAME, F_NOT_KEYWORD, F_PUBLIC_DYNAMIC, F_TYPE_NAME, F_UNARY,
                                      STATIC_FLAGS)

from .parsing import InputParser
from .theme import CATEGORY_TOKENS, token_class

_BY_KIND = {
    TokenKind.Comment: "comment",
    TokenKind.Variable: "variable",
    TokenKind.SplattedVariable: "variable",
    TokenKind.Parameter: "parameter",
    TokenKind.Number: "number",
    TokenKind.StringLiteral: "string",
    TokenKind.StringExpandable: "string",
    TokenKind.HereStringLiteral: "string",
    TokenKind.HereStringExpandable: "string",
    TokenKind.Pipe: "operator",
    TokenKind.Ampersand: "operator",
    TokenKind.Redirection: "operator",
    TokenKind.RedirectInStd: "operator",
    TokenKind.AndAnd: "operator",
    TokenKind.OrOr: "operator",
    TokenKind.DotDot: "operator",
    TokenKind.QuestionMark: "operator",
}
_OPERATOR_FLAGS = F_BINARY | F_UNARY | F_ASSIGNMENT
_CLASSES = {category: token_class(category) for category in CATEGORY_TOKENS}
_ERROR_STYLE = " " + _CLASSES["error"] + " class:parse-error"


def token_category(token: Token) -> Optional[str]:
    """The highlighting category of one token, or None for plain text
    (arguments, brackets, separators)."""
    flags = STATIC_FLAGS[token.kind] | (token.dyn_flags & F_PUBLIC_DYNAMIC)
    if token.dyn_flags & F_NOT_KEYWORD:
        flags &= ~F_KEYWORD
    if flags & F_COMMAND_NAME:
        return "command"
    category = _BY_KIND.get(token.kind)
    if category is not None:
        return category
    if flags & (F_TYPE_NAME | F_ATTRIBUTE_NAME):
        return "type"
    if flags & F_KEYWORD:
        return "keyword"
    if flags & F_MEMBER_NAME:
        return "member"
    if flags & _OPERATOR_FLAGS and token.kind not in (TokenKind.Comma, TokenKind.Generic, TokenKind.Identifier):
        return "operator"
    return None


def highlight(text: str, result: ParseResult) -> list[StyleAndTextTuples]:
    """The styled fragments of each line of ``text``."""
    errors = _error_ranges(result, len(text))
    lines: list[StyleAndTextTuples] = [[]]
    for begin, end, style in _spans(result.tokens, 0, len(text), ""):
        for piece_begin, piece_end, marked in _split_at_errors(begin, end, errors):
            piece = text[piece_begin:piece_end]
            piece_style = style + _ERROR_STYLE if marked else style
            first, *rest = piece.split("\n")
            if first:
                lines[-1].append((piece_style, first))
            for line in rest:
                lines.append([(piece_style, line)] if line else [])
    return lines


def _spans(tokens: list[Token], begin: int, end: int, outer: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, style) covering ``[begin, end)``: each token in its
    category's style, its nested tokens (the ``$x`` in ``"a $x"``) in
    theirs, the text between tokens in the enclosing style."""
    position = begin
    for token in tokens:
        if token.end <= token.start or token.start < position or token.end > end:
            continue
        if token.start > position:
            yield position, token.start, outer
        category = token_category(token)
        style = _CLASSES[category] if category is not None else outer
        nested = token.nested
        if nested:
            yield from _spans(nested, token.start, token.end, style)
        else:
            yield token.start, token.end, style
        position = token.end
    if position < end:
        yield position, end, outer


def _error_ranges(result: ParseResult, length: int) -> list[tuple[int, int]]:
    """The merged spans of the parse errors more input would not fix."""
    ranges = sorted((error.extent.start_offset, min(error.extent.end_offset, length))
                    for error in result.errors if not error.incomplete_input)
    merged: list[tuple[int, int]] = []
    for begin, end in ranges:
        if end <= begin:
            continue
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((begin, end))
    return merged


def _split_at_errors(begin: int, end: int, errors: list[tuple[int, int]]) -> Iterator[tuple[int, int, bool]]:
    """``[begin, end)`` cut where error spans start and stop, each piece
    saying whether it lies in an error."""
    if not errors:
        yield begin, end, False
        return
    position = begin
    for error_begin, error_end in errors[max(bisect_right(errors, (begin, begin)) - 1, 0):]:
        if error_begin >= end:
            break
        if error_end <= position:
            continue
        if error_begin > position:
            yield position, error_begin, False
            position = error_begin
        stop = min(error_end, end)
        yield position, stop, True
        position = stop
    if position < end:
        yield position, end, False


class PwshLexer(Lexer):
    """prompt_toolkit lexer over pwshlike's parser (see the module docstring)."""

    def __init__(self, parser: InputParser) -> None:
        self.parser = parser
        self._fallback: Optional[Lexer] = None

    def lex_document(self, document: Document) -> Callable[[int], StyleAndTextTuples]:
        text = document.text
        if not text:
            return lambda lineno: []
        result = self.parser.parse(text)
        if text.strip() and not result.tokens:
            return self._pygments().lex_document(document)
        lines = highlight(text, result)

        def get_line(lineno: int) -> StyleAndTextTuples:
            return lines[lineno] if 0 <= lineno < len(lines) else []

        return get_line

    def _pygments(self) -> Lexer:
        if self._fallback is None:
            from prompt_toolkit.lexers import PygmentsLexer
            from pygments.lexers.shell import PowerShellLexer
            self._fallback = PygmentsLexer(PowerShellLexer)
        return self._fallback
