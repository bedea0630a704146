"""String scanning: single- and double-quoted strings, here-strings, the
expansions inside them (``$name``, ``$(...)``) and the verbatim argument
after ``--%``.  A mixin of :class:`.tokenizer.Tokenizer`, so the scanner's
calls stay plain method calls on one object.
"""

from __future__ import annotations

from .scan_tables import (DOUBLE_QUOTES, K, K_EXPANDABLE, K_GENERIC, K_HERE_EXPANDABLE, K_HERE_STRING,
                          K_STRING, LazyPattern, LINE_REST_RE, MODE_EXPRESSION, RawToken, SINGLE_QUOTES,
                          VAR_START_ASCII, WHITESPACE, WS_RE)
from .tokens import F_HAS_PARTS, F_IN_ERROR

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_SQ_BODY_RE = LazyPattern("[^'\u2018\u2019\u201a\u201b\\x00]*")
_DQ_BODY_RE = LazyPattern("[^\"\u201c\u201d\u201e`$\\x00]*")
_HERE_DQ_BODY_RE = LazyPattern("[^`$\\r\\n\\x00]*")
_SUBEXPR_BODY_RE = LazyPattern("[^()`\"\u201c\u201d\u201e\\x00]*")


class StringScanner:
    """The string rules of PowerShell's tokenizer.cs (ScanStringLiteral,
    ScanStringExpandable, ScanHereStringLiteral/Expandable)."""

    # --- strings --------------------------------------------------------------------

    def _scan_single_body(self, pos: int, buf: list[str]) -> tuple[int, bool]:
        """Body of a '...' string from ``pos`` (after the quote); returns the
        position after the closing quote and whether it was terminated."""
        text = self.text
        start = pos - 1
        body = _SQ_BODY_RE
        while True:
            m = body.match(text, pos)
            end = m.end()
            if end > pos:
                buf.append(m.group())
            pos = end
            c = text[pos]
            if c == "\0":
                if pos >= self.n:
                    self.pos = pos
                    self._incomplete(start, "TerminatorExpectedAtEndOfString", "'")
                    return pos, False
                buf.append(c)
                pos += 1
                continue
            # A quote: doubled means one literal quote.
            if text[pos + 1] in SINGLE_QUOTES:
                buf.append(text[pos + 1])
                pos += 2
                continue
            return pos + 1, True

    def _scan_double_body(self, pos: int, buf: list[str], parts: list[Any], nested: list[RawToken],
                          _here: bool) -> tuple[int, bool]:
        """Body of a "..." string from ``pos`` (after the quote): escapes,
        doubled quotes and ``$`` expansions.  Literal text goes to ``buf``;
        each expansion flushes ``buf`` into ``parts`` and adds its token."""
        text = self.text
        start = pos - 1
        body = _DQ_BODY_RE
        while True:
            m = body.match(text, pos)
            end = m.end()
            if end > pos:
                buf.append(m.group())
            pos = end
            c = text[pos]
            if c == "$":
                new_pos = self._dollar_in_string(pos, buf, parts, nested, False)
                if new_pos == pos:
                    buf.append("$")
                    pos += 1
                else:
                    pos = new_pos
            elif c == "`":
                c1 = text[pos + 1]
                if c1 == "\0" and pos + 1 >= self.n:
                    buf.append("`")
                    pos += 1
                else:
                    pos = self._escape(c1, pos, buf)
            elif c == "\0":
                if pos >= self.n:
                    self.pos = pos
                    self._incomplete(start, "TerminatorExpectedAtEndOfString", '"')
                    return pos, False
                buf.append(c)
                pos += 1
            elif text[pos + 1] in DOUBLE_QUOTES:
                buf.append(text[pos + 1])
                pos += 2
            else:
                return pos + 1, True

    def _dollar_in_string(self, pos: int, buf: list[str], parts: list[Any], nested: list[RawToken],
                          here: bool) -> int:
        """``$`` inside a string or bare word: a variable or ``$(...)`` becomes
        a nested token; returns ``pos`` unchanged when it is a literal ``$``."""
        text = self.text
        c1 = text[pos + 1]
        if c1 == "(":
            tok = self._subexpression(pos, here)
        elif c1 == "{" or c1 in VAR_START_ASCII or (c1 > "\x7f" and c1.isalnum()):
            tokens, mode = self.tokens, self.mode
            self.tokens = []
            self.mode = MODE_EXPRESSION
            try:
                tok = self._variable(pos, False, True)
            finally:
                self.tokens = tokens
                self.mode = mode
        else:
            return pos
        if buf:
            parts.append("".join(buf))
            buf.clear()
        parts.append(tok)
        nested.append(tok)
        return self.pos

    def _subexpression(self, pos: int, here: bool) -> RawToken:
        """``$(...)`` inside a string, read as text by counting parentheses
        (as PowerShell does); parsed later as a nested script."""
        text = self.text
        i = pos + 2
        depth = 1
        out = ["$("]
        skips: list[int] = []
        body = _SUBEXPR_BODY_RE
        in_error = False
        while True:
            m = body.match(text, i)
            if m.end() > i:
                out.append(m.group())
                i = m.end()
            c = text[i]
            if c == "(":
                depth += 1
                out.append(c)
                i += 1
            elif c == ")":
                out.append(c)
                i += 1
                depth -= 1
                if depth == 0:
                    break
            elif c == "\0":
                if i >= self.n:
                    self.pos = i
                    self._incomplete(pos, "IncompleteDollarSubexpressionReference")
                    in_error = True
                    break
                out.append(c)
                i += 1
            else:
                # A backtick or double quote: with a double quote after it, the
                # first character only escapes the quote.
                c1 = text[i + 1]
                if not here and c1 in DOUBLE_QUOTES:
                    skips.append(self.offset(i))
                    out.append(c1)
                    i += 2
                else:
                    out.append(c)
                    i += 1
        self.pos = i
        if self.skips:
            skips = sorted(self.skips + skips)
        return [K.Unknown, self.offset(pos), self.offset(i), ("".join(out), skips or None), F_IN_ERROR if in_error else 0]

    def _string_literal(self, c: str, pos: int) -> RawToken:
        buf: list[str] = []
        end, ok = self._scan_single_body(pos + 1, buf)
        self.pos = end
        return self._tok(K_STRING, pos, end, "".join(buf), 0 if ok else F_IN_ERROR)

    def _string_expandable(self, c: str, pos: int) -> RawToken:
        text = self.text
        # Fast path: no escapes, no expansions.
        m = _DQ_BODY_RE.match(text, pos + 1)
        end = m.end()
        c2 = text[end]
        if c2 in DOUBLE_QUOTES and text[end + 1] not in DOUBLE_QUOTES:
            self.pos = end + 1
            return self._tok(K_EXPANDABLE, pos, end + 1, m.group())
        buf: list[str] = []
        parts: list[Any] = []
        nested: list[RawToken] = []
        end, ok = self._scan_double_body(pos + 1, buf, parts, nested, False)
        self.pos = end
        value = "".join(buf) if not parts else join_value(self.source.text, parts, buf)
        tok = self._tok(K_EXPANDABLE, pos, end, value, 0 if ok else F_IN_ERROR)
        if nested:
            if buf:
                parts.append("".join(buf))
            tok[4] |= F_HAS_PARTS
            tok.append(parts)
            tok.append(nested)
        return tok

    def _here_string(self, pos: int, expandable: bool) -> RawToken:
        """``@' ... '@`` / ``@" ... "@``: the header must end its line and the
        footer must start a line."""
        text = self.text
        quotes = DOUBLE_QUOTES if expandable else SINGLE_QUOTES
        kind = K_HERE_EXPANDABLE if expandable else K_HERE_STRING
        i = pos + 2
        m = WS_RE.match(text, i)
        if m is not None:
            i = m.end()
        c = text[i]
        if c == "\r":
            i += 2 if text[i + 1] == "\n" else 1
        elif c == "\n":
            i += 1
        else:
            if c == "\0" and i >= self.n:
                self.pos = i
                self._incomplete(pos, "TerminatorExpectedAtEndOfString", text[pos + 1] + "@")
                return self._tok(kind, pos, i, "", F_IN_ERROR)
            self._error(i, i + 1, "UnexpectedCharactersAfterHereStringHeader")
            while True:
                c = text[i]
                if c in quotes and text[i + 1] == "@":
                    i += 2
                    break
                if c == "\r" or c == "\n" or (c == "\0" and i >= self.n):
                    break
                i += 1
            self.pos = i
            return self._tok(kind, pos, i, "", F_IN_ERROR)
        buf: list[str] = []
        parts: list[Any] = []
        nested: list[RawToken] = []
        false_footer = -1
        line_start = True
        first_line = True
        in_error = False
        while True:
            if line_start:
                line_start = False
                # Is this line the footer?
                c = text[i]
                if c in quotes and text[i + 1] == "@":
                    # Drop the newline that ends the last content line.
                    if not first_line:
                        buf.pop()
                    i += 2
                    break
                first_line = False
                j = i
                while text[j] in WHITESPACE:
                    j += 1
                if j > i and text[j] in quotes and text[j + 1] == "@" and false_footer < 0:
                    false_footer = j
            c = text[i]
            if c == "\n" or c == "\r":
                if c == "\r" and text[i + 1] == "\n":
                    buf.append("\r\n")
                    i += 2
                else:
                    buf.append(c)
                    i += 1
                line_start = True
                continue
            if c == "\0" and i >= self.n:
                self.pos = i
                if false_footer >= 0:
                    self._incomplete(false_footer, "WhitespaceBeforeHereStringFooter")
                else:
                    self._incomplete(pos, "TerminatorExpectedAtEndOfString",
                                     text[pos + 1] + "@")
                in_error = True
                break
            if not expandable:
                nl = LINE_REST_RE.match(text, i).end()
                if nl > self.n:
                    nl = self.n
                if nl == i:
                    buf.append(c)
                    i += 1
                else:
                    buf.append(text[i:nl])
                    i = nl
                continue
            if c == "$":
                new_i = self._dollar_in_string(i, buf, parts, nested, True)
                if new_i == i:
                    buf.append("$")
                    i += 1
                else:
                    i = new_i
            elif c == "`":
                c1 = text[i + 1]
                if c1 == "\0" and i + 1 >= self.n:
                    buf.append("`")
                    i += 1
                else:
                    i = self._escape(c1, i, buf)
            else:
                m = _HERE_DQ_BODY_RE.match(text, i)
                if m.end() > i:
                    buf.append(m.group())
                    i = m.end()
                else:
                    buf.append(c)
                    i += 1
        self.pos = i
        value = "".join(buf) if not parts else join_value(self.source.text, parts, buf)
        tok = self._tok(kind, pos, i, value, F_IN_ERROR if in_error else 0)
        if nested:
            if buf:
                parts.append("".join(buf))
            tok[4] |= F_HAS_PARTS
            tok.append(parts)
            tok.append(nested)
        return tok

    def get_verbatim_command_argument(self) -> RawToken:
        """The rest of the line after ``--%`` (up to ``|`` or ``&&`` outside
        double quotes), taken literally."""
        text = self.text
        pos = self.pos
        m = WS_RE.match(text, pos)
        if m is not None:
            pos = m.end()
        start = pos
        in_quotes = False
        n = self.n
        while pos < n:
            c = text[pos]
            if c == "\r" or c == "\n":
                break
            if c in DOUBLE_QUOTES:
                in_quotes = not in_quotes
            elif not in_quotes and (c == "|" or (c == "&" and text[pos + 1] == "&")):
                break
            pos += 1
        self.pos = pos
        return self._tok(K_GENERIC, start, pos, text[start:pos])


def join_value(source: str, parts: list[Any], buf: list[str]) -> str:
    """A string token's value: literal text with each expansion's source text."""
    out = []
    for part in parts:
        out.append(part if isinstance(part, str) else source[part[1]:part[2]])
    out.extend(buf)
    return "".join(out)
