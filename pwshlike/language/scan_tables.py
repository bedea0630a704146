"""The constants every part of the tokenizer shares: the raw token shape,
the scanning modes, token kinds as module constants (a module global is a
fast lookup on the hot paths, an enum attribute is not), PowerShell's
character classes (CharTraits) and the regular expressions both the main
scanner and the string scanner use.
"""

from __future__ import annotations

import re

from .tokens import TokenKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Tokens are plain lists while the parser works (building a list costs a
# fifth of building an object, and a large script has ~100k tokens); the
# public Token objects are made from them on demand (tokens.materialize):
#     [kind, start, end, value, dyn_flags]            (offsets into the source)
#     [kind, start, end, value, dyn_flags, parts, nested]   with F_HAS_PARTS
RawToken = list

MODE_COMMAND = 0
MODE_EXPRESSION = 1
MODE_TYPENAME = 2

K = TokenKind
K_UNKNOWN = K.Unknown
K_VARIABLE = K.Variable
K_SPLATTED = K.SplattedVariable
K_PARAMETER = K.Parameter
K_NUMBER = K.Number
K_LABEL = K.Label
K_IDENTIFIER = K.Identifier
K_GENERIC = K.Generic
K_NEWLINE = K.NewLine
K_CONTINUATION = K.LineContinuation
K_COMMENT = K.Comment
K_EOF = K.EndOfInput
K_STRING = K.StringLiteral
K_EXPANDABLE = K.StringExpandable
K_HERE_STRING = K.HereStringLiteral
K_HERE_EXPANDABLE = K.HereStringExpandable
K_REDIRECTION = K.Redirection
K_INLINESCRIPT = K.InlineScript
# (Module constants rather than ``K.Name`` on hot paths: an attribute of the
# enum class is a slow, unspecialized lookup.)
K_EQUALS = K.Equals
K_PIPE = K.Pipe
K_DOT = K.Dot
K_LBRACKET = K.LBracket
K_COLONCOLON = K.ColonColon
K_QUESTIONDOT = K.QuestionDot
K_QUESTIONLBRACKET = K.QuestionLBracket
K_LPAREN = K.LParen
K_LCURLY = K.LCurly
K_SEMI = K.Semi

# --- character classes (PowerShell's CharTraits) ------------------------------

# Whitespace: the ASCII blanks, NBSP, NEL and the Unicode separators (not newlines).
_WS_CHARS = " \t\f\v\xa0\x85\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
            "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
WHITESPACE = frozenset(_WS_CHARS)
WS_CLASS = "".join(_WS_CHARS)
# Characters that always end a bare word (ForceStartNewToken).
FORCE_NEW = frozenset("\0\t\n\v\f\r &(),;{}|") | WHITESPACE
DASHES = frozenset("-\u2013\u2014\u2015")
SINGLE_QUOTES = frozenset("'\u2018\u2019\u201a\u201b")
DOUBLE_QUOTES = frozenset("\"\u201c\u201d\u201e")
VAR_START_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_$:?^")


class LazyPattern:
    """A regular expression compiled when first used.  Compiling one costs
    50-500 µs and most scripts need few of the scanners' patterns, so
    start-up compiles only those the script being run uses.  The first use
    makes the compiled pattern's matchers this object's own attributes: a
    call then costs what it costs on a compiled pattern."""

    def __init__(self, source: str) -> None:
        self.source = source

    def __getattr__(self, name: str) -> Any:  # only reached before the first use
        compiled = re.compile(self.source)
        self.match, self.fullmatch, self.search = compiled.match, compiled.fullmatch, compiled.search
        self.finditer = compiled.finditer
        return getattr(compiled, name)


WS_RE = LazyPattern("[" + WS_CLASS + "]+")
LINE_REST_RE = LazyPattern(r"[^\r\n]*")
# First characters of what skip_newlines() may consume (non-ASCII blanks
# are whitespace too; other non-ASCII characters just take the long way).
SKIP_START = frozenset(" \t\r\n\f\v;#<`") | frozenset(chr(c) for c in range(0x80, 0x100)) \
    | WHITESPACE
