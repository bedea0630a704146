"""The token cursor every part of the parser reads through, and the token
tables the parts share.

:class:`TokenCursor` holds what one parse has in common: the source, the
tokenizer, the single token of lookahead (``ungot``), the tokenizer mode and
the error lists.  The rule mixins (blocks, statements, pipelines,
expressions, type names) are combined with it into one class in
:mod:`.parser`, so a recursive-descent call is a plain method call on
``self`` with no extra indirection.
"""

from __future__ import annotations

import pwshlike.language.ast as A
from .ast import Extent, SourceText
from .errors import message, ParseError
from .scan_tables import DASHES, RawToken, SKIP_START
from .tokenizer import Tokenizer
from .tokens import F_INVARIANT, F_INVARIANT_DYNAMIC, STATIC_FLAGS, TokenKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

K = TokenKind
K_VARIABLE = K.Variable
K_SPLATTED = K.SplattedVariable
K_PARAMETER = K.Parameter
K_NUMBER = K.Number
K_LABEL = K.Label
K_IDENTIFIER = K.Identifier
K_GENERIC = K.Generic
K_NEWLINE = K.NewLine
K_EOF = K.EndOfInput
K_STRING = K.StringLiteral
K_EXPANDABLE = K.StringExpandable
K_HERE_STRING = K.HereStringLiteral
K_HERE_EXPANDABLE = K.HereStringExpandable
K_LPAREN = K.LParen
K_RPAREN = K.RParen
K_LCURLY = K.LCurly
K_RCURLY = K.RCurly
K_LBRACKET = K.LBracket
K_RBRACKET = K.RBracket
K_ATPAREN = K.AtParen
K_ATCURLY = K.AtCurly
K_DOLLARPAREN = K.DollarParen
K_SEMI = K.Semi
K_ANDAND = K.AndAnd
K_OROR = K.OrOr
K_AMPERSAND = K.Ampersand
K_PIPE = K.Pipe
K_COMMA = K.Comma
K_MINUSMINUS = K.MinusMinus
K_PLUSPLUS = K.PlusPlus
K_COLONCOLON = K.ColonColon
K_DOT = K.Dot
K_MINUS = K.Minus
K_EQUALS = K.Equals
K_REDIRECTION = K.Redirection
K_REDIRECT_IN = K.RedirectInStd
K_COLON = K.Colon
K_QUESTION = K.QuestionMark
K_QUESTIONDOT = K.QuestionDot
K_QUESTIONLBRACKET = K.QuestionLBracket
K_DEFAULT = K.Default
K_UNKNOWN = K.Unknown

INVARIANT = [bool(f & F_INVARIANT) for f in STATIC_FLAGS]


EMPTY: tuple = ()

BARRIER = 1


def op_name(source: str, tok: RawToken) -> str:
    """The operator name the AST uses: lower case, ASCII dash."""
    text = source[tok[1]:tok[2]].lower()
    if text[:1] in DASHES and text[0] != "-":
        text = "-" + text[1:]
    return text


def offset_before(tok: RawToken) -> int:
    """PowerShell's ``Before(token)`` offset."""
    return tok[1] - 1 if tok[1] > 0 else 0


class TokenCursor:
    """The shared state and token access of one parse (PowerShell's Parser
    fields and its token helpers: NextToken, PeekToken, SkipNewlines,
    SetTokenizerMode, Resync, SyncOnError)."""

    def __init__(self, text: str, file: Optional[str]) -> None:
        self.src = SourceText(text, file)
        self.tk = Tokenizer(self.src, self)
        self.errors: list[ParseError] = []
        self._error_keys: set[tuple[str, int, int]] = set()
        # Errors from the checks pwsh runs after parsing; they follow the
        # syntax errors, in source order.
        self.late_errors: list[ParseError] = []
        self.ungot: Optional[RawToken] = None
        self.disable_comma = False
        self.flow: list[Any] = []
        self.splats: list[A.VariableExpressionAst] = []

    # --- errors --------------------------------------------------------------------

    def _save(self, start: int, end: int, error_id: str, args: tuple, incomplete: bool,
              late: bool = False) -> None:
        key = (error_id, start, end)
        if key in self._error_keys:
            return
        self._error_keys.add(key)
        error = ParseError(error_id, message(error_id, args), Extent(self.src, start, end),
                           incomplete)
        (self.late_errors if late else self.errors).append(error)

    def report_error_at(self, start: int, end: int, error_id: str, args: tuple = ()) -> None:
        self._save(start, end, error_id, args, False)

    def report_incomplete_at(self, start: int, end: int, error_id: str, args: tuple,
                             incomplete: bool) -> None:
        self._save(start, end, error_id, args, incomplete)

    def _error(self, start: int, end: int, error_id: str, *args: Any) -> None:
        self._save(start, end, error_id, args, False)

    def _late(self, extent: Extent, error_id: str, *args: Any) -> None:
        self._save(extent.start_offset, extent.end_offset, error_id, args, False, True)

    def _incomplete(self, start: int, end: int, error_id: str, *args: Any) -> bool:
        """ReportIncompleteInput: incomplete when nothing but blanks and
        comments follow the error."""
        incomplete = self.tk.is_at_end(end, True)
        self._save(start, end, error_id, args, incomplete)
        return incomplete

    def _incomplete_at(self, start: int, end: int, detected_end: int, error_id: str,
                       *args: Any) -> bool:
        incomplete = self.tk.is_at_end(detected_end, True)
        self._save(start, end, error_id, args, incomplete)
        return incomplete

    # --- token access ----------------------------------------------------------------

    def _next(self) -> RawToken:
        tok = self.ungot
        if tok is not None:
            self.ungot = None
            return tok
        return self.tk.next_token()

    def _peek(self) -> RawToken:
        tok = self.ungot
        if tok is None:
            tok = self.ungot = self.tk.next_token()
        return tok

    def _skip_newlines(self) -> None:
        tok = self.ungot
        if tok is None:
            tk = self.tk
            text = tk.text
            pos = tk.pos
            c = text[pos]
            if c == " ":
                c = text[pos + 1]
            if c in SKIP_START:
                tk.skip_newlines(False)
        elif tok[0] is K_NEWLINE:
            self.ungot = None
            self.tk.skip_newlines(False)

    def _skip_newlines_and_semis(self) -> None:
        tok = self.ungot
        if tok is None:
            tk = self.tk
            text = tk.text
            pos = tk.pos
            c = text[pos]
            if c == " ":
                c = text[pos + 1]
            if c in SKIP_START:
                tk.skip_newlines(True)
        elif tok[0] is K_NEWLINE or tok[0] is K_SEMI:
            self.ungot = None
            self.tk.skip_newlines(True)

    def _set_mode(self, mode: int) -> None:
        tk = self.tk
        if mode != tk.mode:
            tok = self.ungot
            if tok is not None and not INVARIANT[tok[0]] \
                    and not (tok[4] & F_INVARIANT_DYNAMIC):
                self.ungot = None
                tk.resync(tok[1])
            tk.mode = mode

    def _switch_mode(self, mode: int) -> None:
        """SetTokenizerMode; the held token (if any) is rescanned when it would
        read differently in the new mode."""
        tok = self.ungot
        if tok is None:
            self.tk.mode = mode
        elif mode != self.tk.mode:
            self._set_mode(mode)

    def _resync(self, offset: int) -> None:
        self.ungot = None
        self.tk.resync(offset)

    def _restore_point(self) -> int:
        tok = self.ungot
        return tok[1] if tok is not None else self.tk.get_restore_point()

    def _sync_on_error(self, consume_closing: bool, *sync: TokenKind) -> None:
        parens = 1 if K_RPAREN in sync else 0
        curlies = 1 if K_RCURLY in sync else 0
        brackets = 1 if K_RBRACKET in sync else 0
        while True:
            tok = self._next()
            kind = tok[0]
            if kind is K_LPAREN:
                parens += 1
            elif kind is K_RPAREN:
                parens -= 1
                if parens == 0 and K_RPAREN in sync:
                    if not consume_closing:
                        self.ungot = tok
                    return
            elif kind is K_LCURLY:
                curlies += 1
            elif kind is K_RCURLY:
                curlies -= 1
                if curlies == 0 and K_RCURLY in sync:
                    if not consume_closing:
                        self.ungot = tok
                    return
            elif kind is K_LBRACKET:
                brackets += 1
            elif kind is K_RBRACKET:
                brackets -= 1
                if brackets == 0 and K_RBRACKET in sync:
                    if not consume_closing:
                        self.ungot = tok
                    return
            elif kind is K_EOF:
                self.ungot = tok
                return
            if kind in sync and parens == 0 and curlies == 0 and brackets == 0:
                return
