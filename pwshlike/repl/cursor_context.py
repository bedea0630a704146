"""What the text before the cursor is, for completion.

The tokens of the text before the cursor are scanned once, left to right,
with a stack of open brackets.  Each level keeps the pieces of the statement
being written at that level (a separator, an assignment or an opening
bracket starts a new one; a closed bracket becomes a single piece of its
level).  From the innermost level and the word under the cursor follows
what to complete:

* ``command``: the first word of a statement (``Get-Co``, ``$x = Get-Co``);
* ``parameter``: a word starting with ``-`` after a command;
* ``argument``: any other word after a command (the completer pairs
  ``arguments`` with the command's metadata to tell a parameter's value,
  ``-Environment Az``, from a positional argument);
* ``variable``: ``$cre``, also inside a double-quoted string;
* ``member``: ``$token.Acc`` (``chain`` holds the variable name and the
  members before the word);
* ``hashtable_key``: a key of ``@{ ... }`` given to a parameter
  (``-BodyParameter @{ cl``); ``used_keys`` are the keys already written.

Named arguments are reported with their parameter names as typed, so the
completer can resolve them against the command's metadata.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from pwshlike.language import Token, TokenKind, parse_input
from pwshlike.language.tokens import F_ASSIGNMENT, F_COMMAND_NAME, F_MEMBER_NAME

_OPENERS = {TokenKind.LParen, TokenKind.DollarParen, TokenKind.AtParen, TokenKind.LCurly, TokenKind.AtCurly,
            TokenKind.LBracket}
_CLOSERS = {TokenKind.RParen, TokenKind.RCurly, TokenKind.RBracket}
_SEPARATORS = {TokenKind.Pipe, TokenKind.Semi, TokenKind.NewLine, TokenKind.AndAnd, TokenKind.OrOr}
_SKIPPED = {TokenKind.Comment, TokenKind.LineContinuation, TokenKind.EndOfInput}
# Tokens that can be the word being completed when the cursor touches them.
_WORDS = {TokenKind.Generic, TokenKind.Identifier, TokenKind.Parameter, TokenKind.Variable,
          TokenKind.SplattedVariable, TokenKind.Number, TokenKind.StringLiteral, TokenKind.StringExpandable,
          TokenKind.Minus}
_INVOCATION = {TokenKind.Ampersand, TokenKind.Dot}


@dataclass
class Argument:
    """One argument already typed after the command: ``name`` for
    ``-Name`` (as typed, without the dash), None for a positional value;
    ``colon`` when written ``-Name:``, and ``has_value`` once the value
    after the colon is there."""

    name: Optional[str]
    text: str = ""
    colon: bool = False
    has_value: bool = False


@dataclass
class CursorContext:
    """``kind`` (see the module docstring, or ``none``), the ``word`` being
    completed as typed and its ``start`` offset; for parameters, arguments
    and hashtable keys the ``command`` as typed and its ``arguments`` so
    far; for hashtable keys also the ``parameter_name`` the hashtable is
    given to."""

    kind: str
    word: str = ""
    start: int = 0
    command: Optional[str] = None
    arguments: list[Argument] = field(default_factory=list)
    parameter_name: Optional[str] = None
    chain: list[str] = field(default_factory=list)
    used_keys: list[str] = field(default_factory=list)


class _Piece:
    """A token, or a whole bracketed group, at one nesting level."""

    __slots__ = ("kind", "start", "end", "text", "flags", "colon", "value")

    def __init__(self, token: Token, end: Optional[int] = None) -> None:
        self.kind = token.kind
        self.start = token.start
        self.end = token.end if end is None else end
        self.text = token.text if end is None else token.source.text[token.start:end]
        self.flags = int(token.flags)
        self.colon = token.kind is TokenKind.Parameter and token.used_colon
        self.value = token.value


class _Level:
    """An open bracket (or the top level) and its statement so far."""

    __slots__ = ("opener", "pieces", "outer", "keys", "in_value")

    def __init__(self, opener: Optional[Token], outer: list[_Piece]) -> None:
        self.opener = opener
        self.pieces: list[_Piece] = []
        self.outer = outer  # the enclosing level's statement when this bracket opened
        self.keys: list[str] = []  # hashtable keys written so far
        self.in_value = False  # in a hashtable: after the '=' of the current entry


def analyze(text: str, cursor: Optional[int] = None) -> CursorContext:
    """The completion context at ``cursor`` (default: the end of ``text``)."""
    if cursor is None:
        cursor = len(text)
    tokens = [t for t in parse_input(text[:cursor]).tokens if t.kind not in _SKIPPED]
    word_token = _word_token(tokens, cursor)
    start, word = cursor, ""
    if word_token is not None:
        kind = word_token.kind
        if kind in (TokenKind.Variable, TokenKind.SplattedVariable):
            return CursorContext("variable", word_token.text, word_token.start)
        if kind in (TokenKind.StringExpandable, TokenKind.StringLiteral):
            inner = _string_variable(word_token, cursor)
            if inner is not None:
                return CursorContext("variable", inner.text, inner.start)
        if not (kind is TokenKind.Parameter and word_token.used_colon):
            # ("-Name:" stays a token: its value is what is being completed.)
            tokens.pop()
            start, word = word_token.start, word_token.text
    level = _scan(tokens)
    member = _member_context(level.pieces, word_token, word, start)
    if member is not None:
        return member
    if level.opener is not None and level.opener.kind is TokenKind.AtCurly and not level.in_value:
        return _hashtable_context(level, word, start)
    return _command_context(level.pieces, word, start)


def _word_token(tokens: list[Token], cursor: int) -> Optional[Token]:
    if not tokens:
        return None
    last = tokens[-1]
    return last if last.end == cursor and last.kind in _WORDS else None


def _string_variable(token: Token, cursor: int) -> Optional[Token]:
    """The ``$name`` at the end of an unterminated expandable string."""
    for inner in token.nested or ():
        if inner.end == cursor and inner.kind is TokenKind.Variable:
            return inner
    return None


def _scan(tokens: list[Token]) -> _Level:
    """The innermost open level after ``tokens``."""
    stack = [_Level(None, [])]
    for token in tokens:
        level = stack[-1]
        kind = token.kind
        if kind in _OPENERS:
            stack.append(_Level(token, list(level.pieces)))
        elif kind in _CLOSERS:
            if len(stack) > 1:
                opened = stack.pop()
                stack[-1].pieces.append(_Piece(opened.opener, token.end))  # type: ignore[arg-type]
        elif kind in _SEPARATORS:
            if level.opener is not None and level.opener.kind is TokenKind.AtCurly:
                _end_entry(level)
            level.pieces = []
        elif int(token.flags) & F_ASSIGNMENT:
            if level.opener is not None and level.opener.kind is TokenKind.AtCurly and not level.in_value:
                level.in_value = True
                if level.pieces:
                    level.keys.append(_key_text(level.pieces[0]))
            level.pieces = []
        else:
            level.pieces.append(_Piece(token))
    return stack[-1]


def _end_entry(level: _Level) -> None:
    if not level.in_value and level.pieces:
        level.keys.append(_key_text(level.pieces[0]))
    level.in_value = False


def _key_text(piece: _Piece) -> str:
    if piece.kind in (TokenKind.StringLiteral, TokenKind.StringExpandable) and isinstance(piece.value, str):
        return piece.value
    return piece.text


def _member_context(pieces: list[_Piece], word_token: Optional[Token], word: str,
                    start: int) -> Optional[CursorContext]:
    """``$a.b.Wor``: a Dot right before the word (or the cursor), preceded
    by a chain of member names back to a variable."""
    if word_token is not None and not int(word_token.flags) & F_MEMBER_NAME:
        return None
    if not pieces or pieces[-1].kind is not TokenKind.Dot or pieces[-1].end != start:
        return None
    chain: list[str] = []
    index = len(pieces) - 1
    expected_end = pieces[index].start
    while index > 0:
        previous = pieces[index - 1]
        if previous.end != expected_end:
            return None
        if previous.kind is TokenKind.Variable:
            chain.insert(0, str(previous.value))
            return CursorContext("member", word, start, chain=chain)
        if previous.kind in (TokenKind.Identifier, TokenKind.Generic) and previous.flags & F_MEMBER_NAME:
            chain.insert(0, previous.text)
            if index - 2 < 0 or pieces[index - 2].kind is not TokenKind.Dot:
                return None
            index -= 2
            expected_end = pieces[index].start
            continue
        return None
    return None


def _hashtable_context(level: _Level, word: str, start: int) -> CursorContext:
    """A key of ``@{`` passed to ``-Parameter`` of a command."""
    outer = level.outer
    context = CursorContext("hashtable_key", word, start, used_keys=list(level.keys))
    if outer and outer[-1].kind is TokenKind.Parameter:
        command = _command_context(outer[:-1], "", outer[-1].start)
        if command.command is not None:
            context.command = command.command
            context.arguments = command.arguments
            context.parameter_name = str(outer[-1].value)
    return context


def _command_context(pieces: list[_Piece], word: str, start: int) -> CursorContext:
    index = 0
    while index < len(pieces) and pieces[index].kind in _INVOCATION:
        index += 1
    if index == len(pieces):
        return CursorContext("command", word, start)
    head = pieces[index]
    if not head.flags & F_COMMAND_NAME:
        return CursorContext("none", word, start)
    command = head.value if head.kind in (TokenKind.StringLiteral, TokenKind.StringExpandable) else head.text
    kind = "parameter" if word.startswith("-") and not word.startswith("--") else "argument"
    return CursorContext(kind, word, start, command=str(command), arguments=_arguments(pieces[index + 1:]))


def _arguments(pieces: list[_Piece]) -> list[Argument]:
    """Arguments as the binder sees them: ``-Name`` tokens (``-Name:``
    takes the next piece as its value), and values made of adjacent pieces
    or pieces joined by commas."""
    arguments: list[Argument] = []
    previous: Optional[_Piece] = None
    for piece in pieces:
        last = arguments[-1] if arguments else None
        joined = previous is not None and (piece.start == previous.end or TokenKind.Comma in (
            piece.kind, previous.kind))
        if last is not None and last.colon and not last.has_value:
            last.has_value = True
        elif joined and last is not None:
            last.text += piece.text
        elif piece.kind is TokenKind.Parameter:
            arguments.append(Argument(str(piece.value), piece.text, colon=piece.colon))
        else:
            arguments.append(Argument(None, piece.text))
        previous = piece
    return arguments
