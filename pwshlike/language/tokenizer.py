"""PowerShell's mode-aware tokenizer.

PowerShell tokenizes on demand: the parser asks for one token at a time and
says how to read it.  In *command* (argument) mode ``Get-Item`` and ``7z``
are bare words, ``-Path`` is a parameter and keywords are recognised; in
*expression* mode ``-eq`` is an operator, ``7`` a number and ``-5`` a
negative number; *type-name* mode reads ``System.IO.File`` as one name.
The rules here follow PowerShell's ``tokenizer.cs`` closely, because many
user-visible behaviours ("``$a.b`` in a string expands only ``$a``", "``a,b``
is an array argument") fall out of them.

Every token scanned is appended to ``tokens`` (comments, newlines and line
continuations included) so the REPL can highlight the input; when the
parser backtracks (``resync``) the tokens after the restore point are
dropped and scanned again.

String and here-string scanning is the :class:`.scan_strings.StringScanner`
mixin; the constants both share are in :mod:`.scan_tables`; a number's
value is computed by :mod:`.numeric`.

Speed: runs of ordinary characters (names, string bodies, digits, blanks)
are consumed with compiled regular expressions, never one character at a
time, and the input gets a ``'\\0'`` sentinel so lookahead needs no bounds
checks.
"""

from __future__ import annotations

import re

from .ast import SourceText
from .numeric import (FORMAT_BINARY, FORMAT_DECIMAL, FORMAT_HEX, number_value, SUFFIX_BIGINT, SUFFIX_DECIMAL,
                      SUFFIX_LONG, SUFFIX_NONE, SUFFIX_SHORT, SUFFIX_SIGNED_BYTE, SUFFIX_UNSIGNED)
from .scan_strings import join_value, StringScanner
from .scan_tables import (DASHES, DOUBLE_QUOTES, FORCE_NEW, K, K_COLONCOLON, K_COMMENT,
                          K_CONTINUATION, K_DOT, K_EOF, K_EQUALS, K_EXPANDABLE, K_GENERIC, K_IDENTIFIER,
                          K_INLINESCRIPT, K_LABEL, K_LBRACKET, K_LCURLY, K_LPAREN, K_NEWLINE, K_NUMBER,
                          K_PARAMETER, K_PIPE, K_QUESTIONDOT, K_QUESTIONLBRACKET, K_REDIRECTION, K_SEMI,
                          K_SPLATTED, K_STRING, K_UNKNOWN, K_VARIABLE, LazyPattern, LINE_REST_RE, MODE_COMMAND,
                          MODE_EXPRESSION, MODE_TYPENAME, RawToken, SINGLE_QUOTES, SKIP_START,
                          VAR_START_ASCII, WHITESPACE, WS_CLASS, WS_RE)
from .tokens import (F_HAS_PARTS, F_INVARIANT_DYNAMIC, F_TYPE_NAME, F_USED_COLON, KEYWORDS, OPERATORS,
                     TokenKind)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

# --- character classes and scanning expressions -----------------------------

# Characters that end a number in expression mode (ForceStartNewTokenAfterNumber).
_AFTER_NUMBER = frozenset("!#%*+-./<=>]\u2013\u2014\u2015")
_AFTER_NUMBER_TERNARY = _AFTER_NUMBER | frozenset("?:")
_IDENT_START_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_HEX = frozenset("0123456789abcdefABCDEF")
# Characters that continue a type name after a plain name (see _TYPENAME_RE).
_TYPENAME_MORE = frozenset(".`+#\\")
_SUFFIX_CHARS = {"u": SUFFIX_UNSIGNED, "U": SUFFIX_UNSIGNED, "s": SUFFIX_SHORT, "S": SUFFIX_SHORT,
                 "l": SUFFIX_LONG, "L": SUFFIX_LONG, "d": SUFFIX_DECIMAL, "D": SUFFIX_DECIMAL,
                 "y": SUFFIX_SIGNED_BYTE, "Y": SUFFIX_SIGNED_BYTE, "n": SUFFIX_BIGINT,
                 "N": SUFFIX_BIGINT}
_MULTIPLIERS = {"k": 1024, "K": 1024, "m": 1 << 20, "M": 1 << 20, "g": 1 << 30, "G": 1 << 30,
                "t": 1 << 40, "T": 1 << 40, "p": 1 << 50, "P": 1 << 50}
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r",
            "t": "\t", "v": "\v"}
_SCOPES = ("global", "local", "private", "script")
_IDENT_FOLLOW_RE = LazyPattern(r"\w*")
_TYPENAME_RE = LazyPattern(r"[\w.`+#\\]*")
_DIGITS_RE = LazyPattern(r"[0-9]*")
_HEX_RE = LazyPattern(r"[0-9a-fA-F]*")
_BIN_RE = LazyPattern(r"[01]*")
_VARNAME_RE = LazyPattern(r"(?:[\w?]|:(?!:))*")
# Parameter name characters in command mode: anything up to a terminator,
# a colon or a quote.
_PARAM_CMD_RE = LazyPattern("[^" + WS_CLASS + "{}();,|&.\\[\\r\\n\\x00:'\"\u2018\u2019\u201a\u201b"
                           "\u201c\u201d\u201e]*")
_PARAM_EXPR_RE = LazyPattern(r"[A-Za-z]*")
# Bare-word characters that need no special handling.
_GENERIC_PLAIN_RE = LazyPattern("[^" + WS_CLASS + "\\r\\n\\x00&(),;{}|`$'\"\u2018\u2019\u201a"
                               "\u201b\u201c\u201d\u201e]+")
_BRACED_VAR_RE = LazyPattern("[^}`{\"\u201c\u201d\u201e\\x00]*")
# After a newline: blanks and comments (a comment may end its line, but no
# line may be blank) and then a '|' that continues the pipeline.
_PIPE_CONTINUATION = LazyPattern(
    "[" + WS_CLASS + "]*(?:(?:#[^\\r\\n]*(?![^\\r\\n])|<#[\\s\\S]*?#>)[" + WS_CLASS + "]*"
    "(?:(?:\\r\\n|\\r|\\n)[" + WS_CLASS + "]*)?)*\\|")
# The common tokens in one match (after ASCII blanks), most frequent first:
# 1 punctuation and newlines that read the same in every mode, 2 a name
# (with ``-word`` parts: a command name like ``Get-Item`` in command mode),
# 3 other punctuation, 4 a simple ``$name``, 5 a dash and letters (parameter
# or operator), 6 digits, 7 and 8 strings without escapes or expansions,
# 9 a line comment.  next_token() checks the character after the match and
# falls back to the general scanners when it changes the meaning.  The
# string bodies exclude ASCII quotes only (a class of non-Latin-1 characters
# makes the pattern take twice as long to compile, at every start): a body
# holding one of the typographic quotes, which end strings too, is left to
# the string scanner (_SMART_SINGLE, _SMART_DOUBLE).
_FAST_MATCH = re.compile(r"[ \t]*(?:(\r\n|[\n(){},;\]])|([A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*)"
                         r"|(@\{|@\(|\$\(|[=|.\[])|(\$[A-Za-z_][A-Za-z0-9_]*)"
                         r"|(-[A-Za-z]+)|([0-9]+)"
                         "|('[^'\\x00]*')"
                         "|(\"[^\"`$\\x00]*\")"
                         r"|(#[^\r\n]*))").match
_SMART_SINGLE = ("\u2018", "\u2019", "\u201a", "\u201b")
_SMART_DOUBLE = ("\u201c", "\u201d", "\u201e")


class _Nested:
    """Saved tokenizer state while a ``$(...)`` inside a string is parsed."""

    __slots__ = ("text", "n", "pos", "base", "skips", "tokens")

    def __init__(self, tk: "Tokenizer") -> None:
        self.text = tk.text
        self.n = tk.n
        self.pos = tk.pos
        self.base = tk.base
        self.skips = tk.skips
        self.tokens = tk.tokens


class Tokenizer(StringScanner):
    """Scans one token at a time in the mode the parser asks for."""

    def __init__(self, source: SourceText, parser: Any) -> None:
        self.source = source
        self.parser = parser
        self.text = source.text + "\0"
        self.n = len(source.text)
        self.pos = 0
        # Offset of ``text`` in the source: non-zero while scanning the text of
        # a ``$(...)`` nested in a string.  When that text had doubled quotes
        # collapsed, ``skips`` lists the source offsets of the dropped
        # characters and every offset is mapped back (slow path only).
        self.base = 0
        self.skips: Optional[list[int]] = None
        self.mode = MODE_COMMAND
        self.allow_signed = False
        self.force_end_ternary = False
        self.want_simple_name = False
        # Where scanned tokens go: the token list, or a scratch list while a
        # variable inside a string is scanned (those are kept as nested tokens).
        self.tokens: list[RawToken] = []

    # --- token construction -----------------------------------------------------

    def _tok(self, kind: TokenKind, start: int, end: int, value: Any = None, dyn: int = 0) -> RawToken:
        """Make (and save) a token for local offsets ``start``..``end``."""
        if self.skips is None:
            base = self.base
            tok = [kind, start + base, end + base, value, dyn]
        else:
            tok = [kind, self._map(start), self._map(end), value, dyn]
        self.tokens.append(tok)
        return tok

    def _map(self, local: int) -> int:
        """Source offset of a local offset when characters were dropped."""
        g = self.base + local
        for s in self.skips or ():
            if s < g:
                g += 1
            else:
                break
        return g

    def _unmap(self, offset: int) -> int:
        local = offset - self.base
        for s in self.skips or ():
            if s < offset:
                local -= 1
        return local

    def offset(self, local: int) -> int:
        return local + self.base if self.skips is None else self._map(local)

    def _error(self, start: int, end: int, error_id: str, *args: Any) -> None:
        self.parser.report_error_at(self.offset(start), self.offset(end), error_id, args)

    def _incomplete(self, start: int, error_id: str, *args: Any) -> None:
        """ReportIncompleteInput from the tokenizer: the extent runs to the
        current position, and it is incomplete when that is the end."""
        end = self.pos
        self.parser.report_incomplete_at(self.offset(start), self.offset(end), error_id, args,
                                         self.is_at_end_local(end, True))

    # --- positions, restore points ----------------------------------------------

    def get_restore_point(self) -> int:
        return self.offset(self.pos)

    def resync(self, offset: int) -> None:
        """Back up to source offset ``offset``, forgetting later tokens."""
        local = offset - self.base if self.skips is None else self._unmap(offset)
        if local > self.n:
            local = self.n
        elif local < 0:
            local = 0
        self.pos = local
        tokens = self.tokens
        while tokens and (tokens[-1][0] is K_EOF or tokens[-1][2] > offset):
            tokens.pop()

    def is_at_end_local(self, end: int, check_comments: bool) -> bool:
        """True when only blanks and comments follow local offset ``end``."""
        n = self.n
        if end >= n:
            return True
        if not check_comments:
            return False
        text = self.text
        i = end
        while i < n:
            c = text[i]
            if c in WHITESPACE:
                i += 1
            elif c == "#":
                i = LINE_REST_RE.match(text, i).end()
            elif c == "<" and text[i + 1] == "#":
                close = text.find("#>", i + 2, n)
                i = n if close < 0 else close + 2
            else:
                return False
        return True

    def is_at_end(self, end_offset: int, check_comments: bool = True) -> bool:
        local = end_offset - self.base if self.skips is None else self._unmap(end_offset)
        return self.is_at_end_local(local, check_comments)

    def is_pipe_continuation(self, end_offset: int) -> bool:
        """A newline followed (after blanks and comments, but no blank line)
        by ``|`` continues the pipeline (PowerShell 7.4)."""
        i = end_offset - self.base
        text, n = self.text, self.n
        while i < n and text[i] in WHITESPACE:
            i += 1
        if i >= n or text[i] not in "|#<":  # the common case, without the pattern
            return False
        return _PIPE_CONTINUATION.match(text, i) is not None

    # --- nested scans -------------------------------------------------------------

    def start_nested(self, token: RawToken) -> _Nested:
        """Switch to scanning the text of a ``$(...)`` token found in a string."""
        state = _Nested(self)
        sub_text, skips = token[3]
        self.text = sub_text + "\0"
        self.n = len(sub_text)
        self.pos = 0
        self.base = token[1]
        self.tokens = []
        if skips:
            self.skips = skips
        return state

    def finish_nested(self, state: _Nested) -> list[RawToken]:
        nested_tokens = self.tokens
        self.text = state.text
        self.n = state.n
        self.pos = state.pos
        self.base = state.base
        self.tokens = state.tokens
        self.skips = state.skips
        return nested_tokens

    # --- blanks, newlines, comments ---------------------------------------------

    def skip_newlines(self, skip_semis: bool) -> None:
        """Skip blanks, newlines, comments, line continuations (and ``;``),
        saving their tokens."""
        text = self.text
        pos = self.pos
        c = text[pos]
        if c == " ":
            c = text[pos + 1]
        if c not in SKIP_START:
            # The common case: (a blank and) an ordinary token come next; the
            # blank is left for next_token.
            return
        # Newline tokens are made inline (not by _tok) unless offsets need mapping.
        base = self.base if self.skips is None else -1
        tokens = self.tokens
        while True:
            c = text[pos]
            if c in WHITESPACE:
                pos = WS_RE.match(text, pos).end()
            elif c == "\n":
                if base >= 0:
                    tokens.append([K_NEWLINE, pos + base, pos + 1 + base, None, 0])
                else:
                    self._tok(K_NEWLINE, pos, pos + 1)
                pos += 1
            elif c == "\r":
                end = pos + 2 if text[pos + 1] == "\n" else pos + 1
                self._tok(K_NEWLINE, pos, end)
                pos = end
            elif c == ";" and skip_semis:
                self._tok(K_SEMI, pos, pos + 1)
                pos += 1
            elif c == "#":
                pos = self._line_comment(pos)
            elif c == "<" and text[pos + 1] == "#":
                self.pos = pos
                pos = self._block_comment(pos)
            elif c == "`":
                c1 = text[pos + 1]
                if c1 == "\n" or c1 == "\r":
                    end = pos + 3 if c1 == "\r" and text[pos + 2] == "\n" else pos + 2
                    self._tok(K_CONTINUATION, pos, end)
                    pos = end
                elif c1 in WHITESPACE:
                    pos += 1
                else:
                    break
            else:
                break
        self.pos = pos

    def _line_comment(self, pos: int) -> int:
        end = LINE_REST_RE.match(self.text, pos).end()
        if end > self.n:
            end = self.n
        self._tok(K_COMMENT, pos, end)
        return end

    def _block_comment(self, pos: int) -> int:
        close = self.text.find("#>", pos + 2, self.n + 1)
        if close < 0:
            end = self.n
            self.pos = end
            self._incomplete(pos, "MissingTerminatorMultiLineComment")
        else:
            end = close + 2
        self._tok(K_COMMENT, pos, end)
        return end

    # --- the main scanner ----------------------------------------------------------

    def next_token(self) -> RawToken:
        if self.skips is not None:
            # The fast path makes tokens with unmapped offsets: bypass it.
            return self._scan_from(self.pos)
        text = self.text
        pos = self.pos
        fast = _FAST_MATCH
        while True:
            m = fast(text, pos)
            if m is not None:
                group = m.lastindex
                end = m.end()
                if group == 1:
                    self.pos = end
                    base = self.base
                    c = text[end - 1]
                    tok = [_PUNCT_KINDS[c], (end - 1 if c != "\n" else m.start(1)) + base,
                           end + base, None, 0]
                    self.tokens.append(tok)
                    return tok
                elif group == 2:
                    c2 = text[end]
                    # A name: keyword, identifier or (glued to more) a bare word.
                    mode = self.mode
                    word = m.group(2)
                    if mode == MODE_COMMAND:
                        if c2 in FORCE_NEW and not self.want_simple_name:
                            if "-" in word:
                                kind = K_GENERIC
                            else:
                                kind = KEYWORDS.get(word.lower(), K_IDENTIFIER)
                                if kind is K_INLINESCRIPT:
                                    kind = K_IDENTIFIER
                            self.pos = end
                            base = self.base
                            tok = [kind, m.start(2) + base, end + base, word, 0]
                            self.tokens.append(tok)
                            return tok
                    elif "-" in word:
                        # Only the name before the dash is a name here.
                        start = m.start(2)
                        dash = word.index("-")
                        word = word[:dash]
                        end = start + dash
                        self.pos = end
                        base = self.base
                        tok = [K_IDENTIFIER, start + base, end + base, word,
                               F_TYPE_NAME if mode == MODE_TYPENAME else 0]
                        self.tokens.append(tok)
                        return tok
                    elif c2 < "\x80" if mode == MODE_EXPRESSION else (
                            c2 < "\x80" and c2 not in _TYPENAME_MORE):
                        self.pos = end
                        base = self.base
                        tok = [K_IDENTIFIER, m.start(2) + base, end + base, word,
                               0 if mode == MODE_EXPRESSION else F_TYPE_NAME]
                        self.tokens.append(tok)
                        return tok
                    elif mode == MODE_EXPRESSION and not c2.isalnum():
                        self.pos = end
                        base = self.base
                        tok = [K_IDENTIFIER, m.start(2) + base, end + base, word, 0]
                        self.tokens.append(tok)
                        return tok
                    pos = m.start(2)
                elif group == 3:
                    symbol = m.group(3)
                    start = m.start(3)
                    c2 = text[end]
                    kind = None
                    dyn = 0
                    if symbol == "=":
                        if c2 in FORCE_NEW:
                            kind = K_EQUALS
                            dyn = F_INVARIANT_DYNAMIC
                        elif self.mode != MODE_COMMAND and c2 != "=":
                            kind = K_EQUALS
                    elif symbol == "|":
                        if c2 != "|":
                            kind = K_PIPE
                    elif symbol == ".":
                        if c2 != "." and c2 not in "0123456789" and (
                                c2 in FORCE_NEW or self.mode != MODE_COMMAND):
                            kind = K_DOT
                    elif symbol == "[":
                        if c2 in FORCE_NEW or self.mode != MODE_COMMAND:
                            kind = K_LBRACKET
                    else:
                        kind = _OPEN_KINDS[symbol]
                    if kind is not None:
                        self.pos = end
                        base = self.base
                        tok = [kind, start + base, end + base, None, dyn]
                        self.tokens.append(tok)
                        return tok
                    pos = start

                elif group == 4:
                    # ``$name``: a variable when what follows cannot continue it
                    # (it then reads the same in both modes).
                    c2 = text[end]
                    if c2 in FORCE_NEW or c2 == "." or c2 == "[" or c2 == "=":
                        self.pos = end
                        start = m.start(4)
                        base = self.base
                        tok = [K_VARIABLE, start + base, end + base, text[start + 1:end], F_INVARIANT_DYNAMIC]
                        self.tokens.append(tok)
                        return tok
                    pos = m.start(4)
                elif group == 5:
                    c2 = text[end]
                    start = m.start(5)
                    mode = self.mode
                    if mode == MODE_COMMAND:
                        if c2 in FORCE_NEW:
                            self.pos = end
                            base = self.base
                            tok = [K_PARAMETER, start + base, end + base, text[start + 1:end], 0]
                            self.tokens.append(tok)
                            return tok
                    elif mode == MODE_EXPRESSION and c2 != ":":
                        self.pos = end
                        name = text[start + 1:end]
                        base = self.base
                        kind = OPERATORS.get(name.lower())
                        if kind is None:
                            tok = [K_PARAMETER, start + base, end + base, name, 0]
                        else:
                            tok = [kind, start + base, end + base, None, 0]
                        self.tokens.append(tok)
                        return tok
                    pos = start
                elif group == 6:
                    c2 = text[end]
                    start = m.start(6)
                    if end - start < 10 and (c2 in FORCE_NEW or (
                            c2 != "." and self.mode == MODE_EXPRESSION and c2 in _AFTER_NUMBER)):
                        self.pos = end
                        base = self.base
                        tok = [K_NUMBER, start + base, end + base, int(m.group(6)), F_INVARIANT_DYNAMIC if c2 in FORCE_NEW else 0]
                        self.tokens.append(tok)
                        return tok
                    pos = start
                elif group == 7 or group == 8:
                    # A string with no doubled quote (and no escape or ``$``).
                    c2 = text[end]
                    start = m.start(group)
                    body = text[start + 1:end - 1]
                    if c2 not in (SINGLE_QUOTES if group == 7 else DOUBLE_QUOTES) and (body.isascii() or not any(
                            q in body for q in (_SMART_SINGLE if group == 7 else _SMART_DOUBLE))):
                        self.pos = end
                        base = self.base
                        tok = [K_STRING if group == 7 else K_EXPANDABLE, start + base, end + base, body, 0]
                        self.tokens.append(tok)
                        return tok
                    pos = start
                else:
                    # A line comment: save it and go on.
                    if end > self.n:
                        end = self.n
                    base = self.base
                    self.tokens.append([K_COMMENT, m.start(9) + base, end + base, None, 0])
                    pos = end
                    continue
            return self._scan_from(pos)

    def _scan_from(self, pos: int) -> RawToken:
        """The general scanner (everything the fast path leaves)."""
        text = self.text
        while True:
            c = text[pos]
            if c in WHITESPACE:
                pos = WS_RE.match(text, pos).end()
                c = text[pos]
            if c == "#":
                pos = self._line_comment(pos)
                continue
            if c == "`":
                c1 = text[pos + 1]
                if c1 == "\n" or c1 == "\r":
                    end = pos + 3 if c1 == "\r" and text[pos + 2] == "\n" else pos + 2
                    self._tok(K_CONTINUATION, pos, end)
                    pos = end
                    continue
                if c1 in WHITESPACE:
                    pos += 1
                    continue
                if pos + 1 >= self.n:
                    # A backtick at the very end: an unfinished continuation.
                    self._tok(K_CONTINUATION, pos, pos + 1)
                    self.pos = pos + 1
                    self._incomplete(pos + 1, "IncompleteString")
                    pos += 1
                    continue
                break
            if c == "<" and text[pos + 1] == "#":
                self.pos = pos
                pos = self._block_comment(pos)
                continue
            break
        handler = _DISPATCH.get(c)
        if handler is not None:
            return handler(self, c, pos)
        if c == "\0" and pos >= self.n:
            # As in PowerShell, the end-of-input token sits one past the end
            # (errors reported "at" it point there).
            tok = self._tok(K_EOF, pos + 1, pos + 1)
            self.pos = pos
            return tok
        if c.isalpha():
            return self._identifier(c, pos)
        return self._generic(pos, pos)

    # --- names --------------------------------------------------------------------

    def _identifier(self, c: str, pos: int) -> RawToken:
        text = self.text
        end = _IDENT_FOLLOW_RE.match(text, pos + 1).end()
        mode = self.mode
        if mode == MODE_TYPENAME:
            end = _TYPENAME_RE.match(text, end).end()
            self.pos = end
            return self._tok(K_IDENTIFIER, pos, end, text[pos:end], F_TYPE_NAME)
        if mode == MODE_COMMAND and not self.want_simple_name:
            if text[end] not in FORCE_NEW:
                return self._generic(pos, end)
            word = text[pos:end]
            kind = KEYWORDS.get(word.lower())
            self.pos = end
            if kind is not None and kind is not K.InlineScript:
                return self._tok(kind, pos, end, word)
            return self._tok(K_IDENTIFIER, pos, end, word)
        self.pos = end
        return self._tok(K_IDENTIFIER, pos, end, text[pos:end])

    def _label(self, pos: int) -> RawToken:
        """``:name`` in command mode: a loop label (or a bare word)."""
        text = self.text
        c = text[pos + 1]
        if not (c in _IDENT_START_ASCII or (c > "\x7f" and c.isalpha())):
            if c == "\0" and pos + 1 >= self.n:
                self.pos = pos + 1
                return self._tok(K_GENERIC, pos, pos + 1, ":")
            return self._generic(pos, pos + 1)
        end = _IDENT_FOLLOW_RE.match(text, pos + 2).end()
        if self.mode == MODE_COMMAND and text[end] not in FORCE_NEW:
            return self._generic(pos, end)
        self.pos = end
        return self._tok(K_LABEL, pos, end, text[pos + 1:end])

    # --- bare words (generic tokens) --------------------------------------------

    def _generic(self, start: int, pos: int) -> RawToken:
        """A bare word from ``start``; ``text[start:pos]`` is already known to be
        plain characters.  Quotes, backticks and ``$`` inside are processed
        (``a'b c'$x`` is one argument)."""
        text = self.text
        plain = _GENERIC_PLAIN_RE
        m = plain.match(text, pos)
        if m is not None:
            pos = m.end()
        c = text[pos]
        if c in FORCE_NEW and (c != "\0" or pos >= self.n):
            self.pos = pos
            value = text[start:pos]
            return self._tok(K_GENERIC, start, pos, value)
        # Slow path: escapes, quotes or expansions inside the word.
        parts: list[Any] = []
        buf = [text[start:pos]]
        nested: list[RawToken] = []
        while True:
            c = text[pos]
            if c in FORCE_NEW:
                if c == "\0" and pos < self.n:
                    buf.append(c)
                    pos += 1
                    continue
                break
            if c == "`":
                c1 = text[pos + 1]
                if c1 == "\0" and pos + 1 >= self.n:
                    buf.append("`")
                    pos += 1
                else:
                    pos = self._escape(c1, pos, buf)
            elif c in SINGLE_QUOTES:
                pos, _ = self._scan_single_body(pos + 1, buf)
            elif c in DOUBLE_QUOTES:
                pos, _ = self._scan_double_body(pos + 1, buf, parts, nested, False)
            elif c == "$":
                new_pos = self._dollar_in_string(pos, buf, parts, nested, False)
                if new_pos == pos:
                    buf.append("$")
                    pos += 1
                else:
                    pos = new_pos
            else:
                m = plain.match(text, pos)
                if m is None:
                    buf.append(c)
                    pos += 1
                else:
                    buf.append(m.group())
                    pos = m.end()
        self.pos = pos
        value = "".join(buf) if not parts else join_value(self.source.text, parts, buf)
        tok = self._tok(K_GENERIC, start, pos, value)
        if nested:
            if buf:
                parts.append("".join(buf))
            tok[4] |= F_HAS_PARTS
            tok.append(parts)
            tok.append(nested)
        return tok

    def _escape(self, c1: str, pos: int, buf: list[str]) -> int:
        """Append the character for the escape `` `c1 `` at ``pos``; return the
        position after it."""
        if c1 == "u":
            return self._unicode_escape(pos, buf)
        buf.append(_ESCAPES.get(c1, c1))
        return pos + 2

    def _unicode_escape(self, pos: int, buf: list[str]) -> int:
        """`` `u{hex} ``: one to six hex digits in braces."""
        text = self.text
        start = pos
        i = pos + 2
        if text[i] != "{":
            self._error(start, i, "InvalidUnicodeEscapeSequence")
            return i
        i += 1
        digits_start = i
        while True:
            c = text[i]
            count = i - digits_start
            if c == "}":
                if count == 0:
                    self._error(start, i + 1, "InvalidUnicodeEscapeSequence")
                    return i + 1
                break
            if c not in _HEX:
                if count < 6:
                    self._error(i, i + 1, "InvalidUnicodeEscapeSequence")
                else:
                    self._error(i, i + 1, "MissingUnicodeEscapeSequenceTerminator")
                return i
            if count == 6:
                self._error(i, i + 1, "TooManyDigitsInUnicodeEscapeSequence")
                return i
            i += 1
        value = int(text[digits_start:i], 16)
        if value > 0x10FFFF:
            self._error(digits_start, i, "InvalidUnicodeEscapeSequenceValue")
            return i + 1
        buf.append(chr(value))
        return i + 1

    # --- variables ----------------------------------------------------------------

    def _variable(self, pos: int, splatted: bool, in_string: bool) -> RawToken:  # noqa: C901
        """``$name``, ``@name``, ``${any name}``; in command mode a variable
        followed by other word characters is a bare word (``$a+b``)."""
        text = self.text
        i = pos + 1
        c = text[i]
        if c == "{":
            return self._braced_variable(pos, in_string)
        if not (c in VAR_START_ASCII or (c > "\x7f" and c.isalnum())):
            return self._generic(pos, i)
        if c == "$" or c == "?" or c == "^":
            end = i + 1
            if self.mode == MODE_COMMAND and text[end] not in FORCE_NEW:
                return self._generic(pos, pos)
        else:
            end = _VARNAME_RE.match(text, i).end()
            if end == i:
                end = i + 1
            c2 = text[end]
            if self.mode == MODE_COMMAND and c2 not in FORCE_NEW and c2 != "." and c2 != "[" \
                    and c2 != "=":
                return self._generic(pos, pos)
        name = text[i:end]
        self.pos = end
        dyn = F_INVARIANT_DYNAMIC if text[end] in FORCE_NEW else 0
        tok = self._tok(K_SPLATTED if splatted else K_VARIABLE, pos, end, name, dyn)
        _check_variable_path(self, name, pos, end)
        return tok

    def _braced_variable(self, pos: int, in_string: bool) -> RawToken:
        text = self.text
        i = pos + 2
        buf: list[str] = []
        closed = False
        while True:
            m = _BRACED_VAR_RE.match(text, i)
            if m.end() > i:
                buf.append(m.group())
                i = m.end()
            c = text[i]
            if c == "}":
                closed = True
                i += 1
                break
            if c == "\0":
                if i >= self.n:
                    break
                buf.append(c)
                i += 1
            elif c == "`":
                c1 = text[i + 1]
                if c1 == "\0" and i + 1 >= self.n:
                    i += 1
                    break
                i = self._escape(c1, i, buf)
            elif c == "{":
                self._error(i + 1, i + 2, "OpenBraceNeedsToBeBackTickedInVariableName")
                buf.append(c)
                i += 1
            else:
                # A double quote: inside an expandable string "" is one quote.
                if in_string:
                    c1 = text[i + 1]
                    if c1 == "\0" and i + 1 >= self.n:
                        i += 1
                        break
                    if c1 in DOUBLE_QUOTES:
                        buf.append(c1)
                        i += 2
                        continue
                buf.append(c)
                i += 1
        self.pos = i
        name = "".join(buf)
        if not closed:
            self._incomplete(pos + 1, "IncompleteDollarVariableReference")
        if not name:
            if closed:
                self._error(i - 1, i, "EmptyVariableReference")
            name = ":Error:"
        if self.mode == MODE_COMMAND:
            c1 = text[i]
            if c1 not in FORCE_NEW and c1 != "." and c1 != "[":
                return self._generic(pos, pos)
        dyn = F_INVARIANT_DYNAMIC if text[i] in FORCE_NEW else 0
        tok = self._tok(K_VARIABLE, pos, i, name, dyn)
        scope, rest = split_variable_path(name)
        if not rest:
            self._error(pos, i, "InvalidBracedVariableReference")
        return tok

    # --- parameters and dash operators --------------------------------------------

    def _dash(self, c: str, pos: int) -> RawToken:
        text = self.text
        c1 = text[pos + 1]
        if c1 in DASHES:
            return self._operator_or_word(pos, pos + 2, K.MinusMinus)
        if c1 == "=":
            return self._operator_or_word(pos, pos + 2, K.MinusEquals)
        if c1 in _IDENT_START_ASCII or c1 == "?" or (c1 > "\x7f" and c1.isalpha()):
            return self._parameter(pos)
        if self.allow_signed and (c1 in "0123456789." or (c1 > "\x7f" and c1.isdigit())):
            return self._number(pos)
        return self._operator_or_word(pos, pos + 1, K.Minus)

    def _parameter(self, pos: int) -> RawToken:
        text = self.text
        start = pos + 1
        colon = False
        if self.mode == MODE_COMMAND:
            end = _PARAM_CMD_RE.match(text, start).end()
            c = text[end]
            if c == ":":
                colon = True
                name_end = end
                end += 1
            elif c in SINGLE_QUOTES or c in DOUBLE_QUOTES:
                # Quotes are never part of a parameter: the word is an argument.
                return self._generic(pos, end)
            else:
                name_end = end
            self.pos = end
            return self._tok(K_PARAMETER, pos, end, text[start:name_end],
                             F_USED_COLON if colon else 0)
        end = _PARAM_EXPR_RE.match(text, start).end()
        if text[end] == ":":
            colon = True
        name = text[start:end]
        self.pos = end
        if self.mode == MODE_EXPRESSION:
            op = OPERATORS.get(name.lower())
            if op is not None:
                dyn = F_INVARIANT_DYNAMIC if text[end] in FORCE_NEW else 0
                return self._tok(op, pos, end, None, dyn)
        if not name:
            return self._tok(K.Minus, pos, end)
        return self._tok(K_PARAMETER, pos, end, name, F_USED_COLON if colon else 0)

    def _operator_or_word(self, pos: int, end: int, kind: TokenKind) -> RawToken:
        """CheckOperatorInCommandMode: in command mode an operator glued to
        more characters is a bare word (``=x``, ``--%``, ``*.txt``)."""
        c = self.text[end]
        if c in FORCE_NEW:
            self.pos = end
            return self._tok(kind, pos, end, None, F_INVARIANT_DYNAMIC)
        if self.mode == MODE_COMMAND:
            return self._generic(pos, end)
        self.pos = end
        return self._tok(kind, pos, end)

    # --- numbers ----------------------------------------------------------------------

    def _number(self, pos: int) -> RawToken:
        """A number starting at ``pos`` (a digit, ``.``, or a sign); a number
        glued to other characters is a bare word in command mode (``7z``)."""
        text = self.text
        c = text[pos]
        if c in "0123456789" and (c != "0" or text[pos + 1] not in "xXbB"):
            end = _DIGITS_RE.match(text, pos + 1).end()
            c2 = text[end]
            if end - pos < 10 and (c2 in FORCE_NEW or (self.mode == MODE_EXPRESSION and c2 != "."
                                                       and c2 in _AFTER_NUMBER)):
                self.pos = end
                return self._tok(K_NUMBER, pos, end, int(text[pos:end]),
                                 F_INVARIANT_DYNAMIC if c2 in FORCE_NEW else 0)
        scanned = self._scan_number(pos)
        if scanned is None:
            return self._generic(pos, pos)
        digits, fmt, suffix, real, multiplier, end = scanned
        value = number_value(digits, fmt, suffix, real, multiplier)
        if value is None:
            if self.mode != MODE_EXPRESSION:
                return self._generic(pos, pos)
            self._error(pos, end, "BadNumericConstant", text[pos:end])
        self.pos = end
        dyn = F_INVARIANT_DYNAMIC if text[end] in FORCE_NEW else 0
        return self._tok(K_NUMBER, pos, end, value, dyn)

    def _scan_number(self, pos: int) -> Optional[tuple[str, int, int, bool, int, int]]:
        """PowerShell's ScanNumberHelper: returns (digits, format, suffix,
        real, multiplier, end) or None when the characters are not a number."""
        text = self.text
        fmt = FORMAT_DECIMAL
        suffix = SUFFIX_NONE
        real = False
        multiplier = 1
        not_number = False
        out = []
        i = pos
        c = text[i]
        if c in DASHES or c == "+":
            out.append("-" if c in DASHES else "+")
            i += 1
            c = text[i]
        if c == ".":
            out.append(".")
            i, not_number = self._after_dot(i + 1, out)
            real = True
        elif c == "0" and text[i + 1] in "xXbB":
            if text[i + 1] in "xX":
                end = _HEX_RE.match(text, i + 2).end()
                out.append("0")
                out.append(text[i + 2:end])
                fmt = FORMAT_HEX
            else:
                end = _BIN_RE.match(text, i + 2).end()
                if end == i + 2 and not out:
                    not_number = True
                out.append(text[i + 2:end])
                fmt = FORMAT_BINARY
            i = end
        else:
            end = _DIGITS_RE.match(text, i).end()
            if end == i:
                return None
            out.append(text[i:end])
            i = end
            c = text[i]
            if c == "." and text[i + 1] != ".":
                out.append(".")
                real = True
                i, not_number = self._after_dot(i + 1, out)
            elif c == "e" or c == "E":
                out.append("e")
                real = True
                i, not_number = self._exponent(i + 1, out)
        c = text[i]
        flag = _SUFFIX_CHARS.get(c)
        if flag is not None:
            suffix = flag
            i += 1
            c = text[i]
            flag2 = _SUFFIX_CHARS.get(c)
            if flag2 is not None:
                i += 1
                if suffix == SUFFIX_UNSIGNED and flag2 in (SUFFIX_LONG, SUFFIX_SHORT,
                                                           SUFFIX_SIGNED_BYTE):
                    suffix |= flag2
                else:
                    not_number = True
                c = text[i]
        mult = _MULTIPLIERS.get(c)
        if mult is not None:
            multiplier = mult
            i += 1
            if text[i] in "bB":
                i += 1
            else:
                not_number = True
            c = text[i]
        if c not in FORCE_NEW:
            if self.mode != MODE_EXPRESSION or c not in (
                    _AFTER_NUMBER_TERNARY if self.force_end_ternary else _AFTER_NUMBER):
                not_number = True
        if not_number:
            return None
        return "".join(out), fmt, suffix, real, multiplier, i

    def _after_dot(self, i: int, out: list[str]) -> tuple[int, bool]:
        text = self.text
        end = _DIGITS_RE.match(text, i).end()
        out.append(text[i:end])
        if text[end] in "eE":
            out.append("e")
            return self._exponent(end + 1, out)
        return end, False

    def _exponent(self, i: int, out: list[str]) -> tuple[int, bool]:
        text = self.text
        c = text[i]
        if c == "+" or c in DASHES:
            out.append("+" if c == "+" else "-")
            i += 1
        end = _DIGITS_RE.match(text, i).end()
        out.append(text[i:end])
        return end, end == i

    # --- member access helpers (no blanks allowed before these) --------------------

    def get_member_access_operator(self, allow_lbracket: bool) -> Optional[RawToken]:
        """``.`` ``::`` ``[`` ``?.`` ``?[`` immediately after an expression."""
        text = self.text
        pos = self.pos
        c = text[pos]
        while c == "<":
            if text[pos + 1] != "#":
                return None
            pos = self._block_comment(pos)
            self.pos = pos
            c = text[pos]
        if c == ".":
            c1 = text[pos + 1]
            if c1 == ".":
                return None
            if self.mode == MODE_COMMAND and (c1 in WHITESPACE or c1 in "\0\r\n"):
                return None
            self.pos = pos + 1
            return self._tok(K_DOT, pos, pos + 1)
        if c == ":":
            if text[pos + 1] != ":":
                return None
            c2 = text[pos + 2]
            if self.mode == MODE_COMMAND and (c2 in WHITESPACE or c2 in "\0\r\n"):
                return None
            self.pos = pos + 2
            return self._tok(K_COLONCOLON, pos, pos + 2)
        if c == "[":
            if not allow_lbracket:
                return None
            self.pos = pos + 1
            return self._tok(K_LBRACKET, pos, pos + 1)
        if c == "?":
            c1 = text[pos + 1]
            if c1 == ".":
                self.pos = pos + 2
                return self._tok(K_QUESTIONDOT, pos, pos + 2)
            if c1 == "[" and allow_lbracket:
                self.pos = pos + 2
                return self._tok(K_QUESTIONLBRACKET, pos, pos + 2)
        return None

    def get_invoke_member_open_paren(self) -> Optional[RawToken]:
        pos = self.pos
        c = self.text[pos]
        if c == "(":
            self.pos = pos + 1
            return self._tok(K_LPAREN, pos, pos + 1)
        if c == "{":
            self.pos = pos + 1
            return self._tok(K_LCURLY, pos, pos + 1)
        return None

    def get_lbracket(self) -> Optional[RawToken]:
        """A ``[`` (after blanks and comments) or nothing: attributes may start
        here, but in command mode ``[abc`` must not become a bare word."""
        text = self.text
        pos = self.pos
        resync_point = pos
        resync_if_member = False
        while True:
            c = text[pos]
            if c in WHITESPACE:
                resync_if_member = True
                pos = WS_RE.match(text, pos).end()
            elif c == "#":
                resync_if_member = True
                pos = self._line_comment(pos)
            elif c == "<" and text[pos + 1] == "#":
                resync_if_member = False
                pos = self._block_comment(pos)
            elif c == "[":
                self.pos = pos + 1
                return self._tok(K_LBRACKET, pos, pos + 1)
            else:
                if (c == "." or c == ":") and resync_if_member:
                    self.resync(self.offset(resync_point))
                else:
                    self.pos = pos
                return None

    def get_assembly_name_spec(self) -> str:
        """The assembly part of ``[Type, Assembly, Version=...]``."""
        text = self.text
        pieces: list[str] = []

        def token() -> None:
            pos = self.pos
            m = WS_RE.match(text, pos)
            if m is not None:
                pos = m.end()
            start = pos
            while text[pos] not in FORCE_NEW and text[pos] not in ",=]":
                pos += 1
            self.pos = pos
            tok = self._tok(K_IDENTIFIER, start, pos, text[start:pos], F_TYPE_NAME)
            pieces.append(tok[3])
            m = WS_RE.match(text, self.pos)
            if m is not None:
                self.pos = m.end()

        token()
        while text[self.pos] == ",":
            self._tok(K.Comma, self.pos, self.pos + 1)
            self.pos += 1
            pieces.append(", ")
            token()
            if text[self.pos] == "=":
                self._tok(K.Equals, self.pos, self.pos + 1)
                self.pos += 1
                pieces.append("=")
                token()
        return "".join(pieces)


# --- per-character handlers -------------------------------------------------------


def _simple(kind: TokenKind, length: int = 1):  # type: ignore[no-untyped-def]
    def handler(tk: Tokenizer, c: str, pos: int) -> RawToken:
        tk.pos = pos + length
        return tk._tok(kind, pos, pos + length)
    return handler


def _newline(tk: Tokenizer, c: str, pos: int) -> RawToken:
    end = pos + 2 if c == "\r" and tk.text[pos + 1] == "\n" else pos + 1
    tk.pos = end
    return tk._tok(K_NEWLINE, pos, end)


def _lbracket(tk: Tokenizer, c: str, pos: int) -> RawToken:
    if tk.mode == MODE_COMMAND and tk.text[pos + 1] not in FORCE_NEW:
        return tk._generic(pos, pos + 1)
    tk.pos = pos + 1
    return tk._tok(K.LBracket, pos, pos + 1)


def _dollar(tk: Tokenizer, c: str, pos: int) -> RawToken:
    if tk.text[pos + 1] == "(":
        tk.pos = pos + 2
        return tk._tok(K.DollarParen, pos, pos + 2)
    return tk._variable(pos, False, False)


def _at(tk: Tokenizer, c: str, pos: int) -> RawToken:
    text = tk.text
    c1 = text[pos + 1]
    if c1 == "{":
        tk.pos = pos + 2
        return tk._tok(K.AtCurly, pos, pos + 2)
    if c1 == "(":
        tk.pos = pos + 2
        return tk._tok(K.AtParen, pos, pos + 2)
    if c1 in SINGLE_QUOTES:
        return tk._here_string(pos, False)
    if c1 in DOUBLE_QUOTES:
        return tk._here_string(pos, True)
    if c1 in VAR_START_ASCII or (c1 > "\x7f" and c1.isalnum()):
        return tk._variable(pos, True, False)
    tk.pos = pos + 1
    tk._error(pos, pos + 1, "UnrecognizedToken")
    return tk._tok(K_UNKNOWN, pos, pos + 1)


def _equals(tk: Tokenizer, c: str, pos: int) -> RawToken:
    return tk._operator_or_word(pos, pos + 1, K.Equals)


def _plus(tk: Tokenizer, c: str, pos: int) -> RawToken:
    c1 = tk.text[pos + 1]
    if c1 == "+":
        return tk._operator_or_word(pos, pos + 2, K.PlusPlus)
    if c1 == "=":
        return tk._operator_or_word(pos, pos + 2, K.PlusEquals)
    if tk.allow_signed and (c1 in "0123456789." or (c1 > "\x7f" and c1.isdigit())):
        return tk._number(pos)
    return tk._operator_or_word(pos, pos + 1, K.Plus)


def _star(tk: Tokenizer, c: str, pos: int) -> RawToken:
    text = tk.text
    c1 = text[pos + 1]
    if c1 == "=":
        return tk._operator_or_word(pos, pos + 2, K.MultiplyEquals)
    if c1 == ">":
        c2 = text[pos + 2]
        if c2 == ">":
            return _file_redirection(tk, pos, pos + 3, 0, True, False)
        if c2 == "&" and text[pos + 3] == "1":
            tk.pos = pos + 4
            return tk._tok(K_REDIRECTION, pos, pos + 4, ("merge", 0, 1))
        return _file_redirection(tk, pos, pos + 2, 0, False, False)
    return tk._operator_or_word(pos, pos + 1, K.Multiply)


def _slash(tk: Tokenizer, c: str, pos: int) -> RawToken:
    if tk.text[pos + 1] == "=":
        return tk._operator_or_word(pos, pos + 2, K.DivideEquals)
    return tk._operator_or_word(pos, pos + 1, K.Divide)


def _percent(tk: Tokenizer, c: str, pos: int) -> RawToken:
    if tk.text[pos + 1] == "=":
        return tk._operator_or_word(pos, pos + 2, K.RemainderEquals)
    return tk._operator_or_word(pos, pos + 1, K.Rem)


def _file_redirection(tk: Tokenizer, pos: int, end: int, stream: int, append: bool,
                      explicit: bool) -> RawToken:
    if explicit and tk.mode == MODE_EXPRESSION:
        # ``2>`` in an expression is the number 2 followed by ``>``.
        tk.pos = pos + 1
        return tk._tok(K_NUMBER, pos, pos + 1, stream)
    tk.pos = end
    return tk._tok(K_REDIRECTION, pos, end, ("file", stream, append))


def _less(tk: Tokenizer, c: str, pos: int) -> RawToken:
    tk.pos = pos + 1
    return tk._tok(K.RedirectInStd, pos, pos + 1)


def _greater(tk: Tokenizer, c: str, pos: int) -> RawToken:
    if tk.text[pos + 1] == ">":
        return _file_redirection(tk, pos, pos + 2, 1, True, False)
    return _file_redirection(tk, pos, pos + 1, 1, False, False)


def _digit(tk: Tokenizer, c: str, pos: int) -> RawToken:
    text = tk.text
    if "1" <= c <= "6" and text[pos + 1] == ">":
        stream = ord(c) - 48
        c2 = text[pos + 2]
        if c2 == ">":
            return _file_redirection(tk, pos, pos + 3, stream, True, True)
        if c2 == "&" and text[pos + 3] in "12":
            tk.pos = pos + 4
            return tk._tok(K_REDIRECTION, pos, pos + 4, ("merge", stream, ord(text[pos + 3]) - 48))
        return _file_redirection(tk, pos, pos + 2, stream, False, True)
    return tk._number(pos)


def _dot(tk: Tokenizer, c: str, pos: int) -> RawToken:
    text = tk.text
    c1 = text[pos + 1]
    if c1 == ".":
        if tk.mode == MODE_COMMAND and text[pos + 2] not in FORCE_NEW:
            return tk._generic(pos, pos + 1)
        tk.pos = pos + 2
        return tk._tok(K.DotDot, pos, pos + 2)
    if c1 in "0123456789":
        return tk._number(pos)
    if tk.mode == MODE_COMMAND and c1 not in FORCE_NEW and c1 != "$" and c1 != '"' \
            and c1 != "'":
        return tk._generic(pos, pos + 1)
    tk.pos = pos + 1
    return tk._tok(K.Dot, pos, pos + 1)


def _ampersand(tk: Tokenizer, c: str, pos: int) -> RawToken:
    if tk.text[pos + 1] == "&":
        tk.pos = pos + 2
        return tk._tok(K.AndAnd, pos, pos + 2)
    tk.pos = pos + 1
    return tk._tok(K.Ampersand, pos, pos + 1)


def _pipe(tk: Tokenizer, c: str, pos: int) -> RawToken:
    if tk.text[pos + 1] == "|":
        tk.pos = pos + 2
        return tk._tok(K.OrOr, pos, pos + 2)
    tk.pos = pos + 1
    return tk._tok(K.Pipe, pos, pos + 1)


def _exclaim(tk: Tokenizer, c: str, pos: int) -> RawToken:
    text = tk.text
    c1 = text[pos + 1]
    mode = tk.mode
    if mode == MODE_COMMAND and c1 not in FORCE_NEW:
        return tk._generic(pos, pos + 1)
    if mode == MODE_EXPRESSION:
        if c1 in _IDENT_START_ASCII or (c1 > "\x7f" and c1.isalpha()):
            return tk._generic(pos, pos + 1)
        if c1 in "0123456789.":
            # ``!1`` is "not 1" only when a number follows.
            if tk._scan_number(pos + 1) is None:
                return tk._generic(pos, pos + 1)
    tk.pos = pos + 1
    return tk._tok(K.Exclaim, pos, pos + 1)


def _colon(tk: Tokenizer, c: str, pos: int) -> RawToken:
    text = tk.text
    if text[pos + 1] == ":":
        if tk.mode == MODE_COMMAND and not tk.want_simple_name and text[pos + 2] not in FORCE_NEW:
            return tk._generic(pos, pos + 2)
        tk.pos = pos + 2
        return tk._tok(K.ColonColon, pos, pos + 2)
    if tk.mode == MODE_COMMAND:
        return tk._label(pos)
    tk.pos = pos + 1
    return tk._tok(K.Colon, pos, pos + 1)


def _question(tk: Tokenizer, c: str, pos: int) -> RawToken:
    if tk.mode != MODE_EXPRESSION:
        return tk._generic(pos, pos + 1)
    text = tk.text
    if text[pos + 1] == "?":
        if text[pos + 2] == "=":
            tk.pos = pos + 3
            return tk._tok(K.QuestionQuestionEquals, pos, pos + 3)
        tk.pos = pos + 2
        return tk._tok(K.QuestionQuestion, pos, pos + 2)
    tk.pos = pos + 1
    return tk._tok(K.QuestionMark, pos, pos + 1)


def _single_quote(tk: Tokenizer, c: str, pos: int) -> RawToken:
    return tk._string_literal(c, pos)


def _double_quote(tk: Tokenizer, c: str, pos: int) -> RawToken:
    return tk._string_expandable(c, pos)


def _letter(tk: Tokenizer, c: str, pos: int) -> RawToken:
    return tk._identifier(c, pos)


def _dash(tk: Tokenizer, c: str, pos: int) -> RawToken:
    return tk._dash(c, pos)


def _backtick(tk: Tokenizer, c: str, pos: int) -> RawToken:
    """A backtick escape starts a bare word (`` `$x `` is the text ``$x``)."""
    return tk._generic(pos, pos)


_DISPATCH: dict[str, Any] = {
    "\n": _newline, "\r": _newline,
    "(": _simple(K.LParen), ")": _simple(K.RParen), "{": _simple(K.LCurly),
    "}": _simple(K.RCurly), "]": _simple(K.RBracket), ";": _simple(K.Semi),
    ",": _simple(K.Comma), "[": _lbracket, "$": _dollar, "@": _at, "=": _equals, "+": _plus,
    "*": _star, "/": _slash, "%": _percent, "<": _less, ">": _greater, ".": _dot,
    "&": _ampersand, "|": _pipe, "!": _exclaim, ":": _colon, "?": _question, "`": _backtick,
}
for _ch in "0123456789":
    _DISPATCH[_ch] = _digit
for _ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_":
    _DISPATCH[_ch] = _letter
for _ch in DASHES:
    _DISPATCH[_ch] = _dash
for _ch in SINGLE_QUOTES:
    _DISPATCH[_ch] = _single_quote
for _ch in DOUBLE_QUOTES:
    _DISPATCH[_ch] = _double_quote


_OPEN_KINDS = {"@{": K.AtCurly, "@(": K.AtParen, "$(": K.DollarParen}
_PUNCT_KINDS = {"\n": K_NEWLINE, "\r\n": K_NEWLINE, "(": K.LParen, ")": K.RParen,
                "{": K.LCurly, "}": K.RCurly, ",": K.Comma, ";": K.Semi, "]": K.RBracket}


def split_variable_path(name: str) -> tuple[Optional[str], str]:
    """Split ``script:x`` / ``env:PATH`` into qualifier and name (PowerShell's
    VariablePath): scope qualifiers and drive names alike."""
    colon = name.find(":")
    if colon <= 0:
        return None, name
    return name[:colon], name[colon + 1:]


def _check_variable_path(tk: Tokenizer, name: str, start: int, end: int) -> None:
    colon = name.find(":")
    if colon < 0:
        if not name:
            tk._error(start, end, "InvalidVariableReference")
        return
    if colon == 0:
        return
    if colon == len(name) - 1:
        if name[:colon].lower() in _SCOPES:
            tk._error(start, end, "InvalidVariableReference")
        else:
            tk._error(start, end, "InvalidVariableReferenceWithDrive")
