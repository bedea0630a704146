""".NET regular expressions on top of Python's ``re``.

PowerShell's ``-match``, ``-replace``, ``-split``, ``switch -Regex`` and
``[regex]`` use .NET's dialect.  ``translate`` rewrites the constructs whose
syntax differs (``(?<name>)``, ``\\k<name>``, ``\\z``, ``\\Z``, ``\\p{L}``...)
and ``expand_replacement`` implements .NET's ``$1``/``${name}``/``$&``
substitutions.  ``Regex``, ``RegexMatch`` and ``RegexGroup`` are the objects
scripts see (``[regex]``, ``[regex]::Match``), with .NET member names.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import Any, Iterator, Optional

from .errors import ArgumentException, ArgumentOutOfRangeException, RuntimeException, ErrorCategory
from .values import EnumInfo

REGEX_OPTIONS = EnumInfo("System.Text.RegularExpressions.RegexOptions", (
    ("None", 0), ("IgnoreCase", 1), ("Multiline", 2), ("ExplicitCapture", 4), ("Compiled", 8),
    ("Singleline", 16), ("IgnorePatternWhitespace", 32), ("RightToLeft", 64), ("ECMAScript", 256),
    ("CultureInvariant", 512), ("NonBacktracking", 1024)), flags=True)

_UNICODE_CLASSES = {
    "Lu": "A-Z\u00c0-\u00d6\u00d8-\u00de\u0391-\u03a9\u0410-\u042f",
    "Ll": "a-z\u00df-\u00f6\u00f8-\u00ff\u03b1-\u03c9\u0430-\u044f",
    "N": r"\d", "Nd": r"\d", "P": r"!-/:-@\[-`{-~\u00a1-\u00bf\u2010-\u2027\u3000-\u303f",
    "Zs": " \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000", "IsBasicLatin": "\x00-\x7f",
}


def _unicode_class(name: str, negate: bool, in_class: bool) -> str:
    """A Python character-class body (or whole class) for a .NET ``\\p{X}``."""
    if name == "L":
        # Letters are "word characters that are not digits or underscore",
        # which Python can only express as a complete class.
        if in_class:
            raise ValueError("Unsupported property 'L' inside a character class")
        return r"[\W\d_]" if negate else r"[^\W\d_]"
    body = _UNICODE_CLASSES.get(name)
    if body is None:
        raise ValueError(f"Unknown property '{name}'")
    if in_class:
        if negate:
            raise ValueError(f"Unsupported negated property '{name}' inside a character class")
        return body
    return "[" + ("^" if negate else "") + body + "]"


def translate(pattern: str, explicit_capture: bool = False) -> str:
    """Rewrites a .NET pattern into Python ``re`` syntax; with .NET's
    ExplicitCapture option, plain ``( )`` groups do not capture."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            d = pattern[i + 1]
            if d == "z" and not in_class:
                out.append(r"\Z")
                i += 2
                continue
            if d == "Z" and not in_class:
                out.append(r"(?=\n?\Z)")
                i += 2
                continue
            if d in "pP" and i + 2 < n and pattern[i + 2] == "{":
                end = pattern.find("}", i + 3)
                if end > 0:
                    out.append(_unicode_class(pattern[i + 3:end], d == "P", in_class))
                    i = end + 1
                    continue
            if d == "k" and i + 2 < n and pattern[i + 2] in "<'":
                close = ">" if pattern[i + 2] == "<" else "'"
                end = pattern.find(close, i + 3)
                if end > 0:
                    name = pattern[i + 3:end]
                    out.append(f"(?P={name})" if not name.isdigit() else f"\\{name}")
                    i = end + 1
                    continue
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            elif c == "[":
                out.append("\\[")
                i += 1
                continue
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            # A ']' right after '[' or '[^' is a literal in both dialects.
            if pattern.startswith("^", i):
                out.append("^")
                i += 1
            if pattern.startswith("]", i):
                out.append("\\]")
                i += 1
            continue
        if c == "(" and pattern.startswith("(?<", i) and i + 3 < n and pattern[i + 3] not in "=!":
            end = pattern.find(">", i + 3)
            if end > 0:
                out.append(f"(?P<{pattern[i + 3:end]}>")
                i = end + 1
                continue
        if c == "(" and pattern.startswith("(?'", i):
            end = pattern.find("'", i + 3)
            if end > 0:
                out.append(f"(?P<{pattern[i + 3:end]}>")
                i = end + 1
                continue
        if c == "(" and explicit_capture and not pattern.startswith("(?", i):
            out.append("(?:")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def python_flags(options: int) -> int:
    flags = 0
    if options & 1:
        flags |= re.IGNORECASE
    if options & 2:
        flags |= re.MULTILINE
    if options & 16:
        flags |= re.DOTALL
    if options & 32:
        flags |= re.VERBOSE
    if options & 256:
        flags |= re.ASCII
    return flags


@lru_cache(maxsize=512)
def compile_pattern(pattern: str, options: int = 0) -> "re.Pattern[str]":
    """Compiles a .NET pattern (cached: scripts reuse patterns in loops).
    Raises ArgumentException with .NET's 'Invalid pattern' message."""
    translated = translate(pattern, bool(options & 4))
    try:
        return re.compile(translated, python_flags(options))
    except (re.error, ValueError) as exc:
        offset, reason = _parse_error(translated, exc)
        where = f" at offset {offset}" if offset is not None else ""
        raise ArgumentException(f"Invalid pattern '{pattern}'{where}. {reason}") from None


def _parse_error(pattern: str, exc: Exception) -> tuple[Optional[int], str]:
    """.NET's RegexParseError text and offset (the position just past what
    it could not parse) for the errors of Python's parser scripts meet:
    unbalanced parentheses and brackets, a quantifier after nothing..."""
    pos = getattr(exc, "pos", None)
    msg = getattr(exc, "msg", str(exc))
    at = pattern[pos] if pos is not None and 0 <= pos < len(pattern) else ""
    if msg.startswith("missing ), unterminated subpattern"):
        return len(pattern), "Not enough )'s."
    if msg.startswith("unbalanced parenthesis"):
        return (pos or 0) + 1, "Too many )'s."
    if msg.startswith("nothing to repeat"):
        return (pos or 0) + 1, f"Quantifier '{at}' following nothing."
    if msg.startswith("multiple repeat"):
        return (pos or 0) + 1, f"Nested quantifier '{at}'."
    if msg.startswith("unterminated character set"):
        return len(pattern), "Unterminated [] set."
    if msg.startswith("bad escape (end of pattern)"):
        return len(pattern), "Illegal \\ at end of pattern."
    if msg.startswith("bad character range"):
        return (pos or 0) + 3, "[x-y] range in reverse order."
    if msg.startswith("min repeat greater than max repeat"):
        return (pos or 0) + 1, "Illegal {x,y} with x > y."
    if msg.startswith("bad escape \\"):
        return (pos or 0) + 2, f"Unrecognized escape sequence {msg[len('bad escape '):]}."
    if msg.startswith("unknown group name"):
        return (pos or 0), f"Reference to undefined group name {msg[len('unknown group name '):]}."
    if msg.startswith("invalid group reference"):
        return (pos or 0) + 1, f"Reference to undefined group number {msg[len('invalid group reference '):]}."
    if msg.startswith(("unknown extension", "missing -, : or )", "missing :")):
        return (pos or 0) + 2, "Unrecognized grouping construct."
    return pos, f"{msg[:1].upper()}{msg[1:]}."


def regex_for_operator(pattern: str, case_sensitive: bool, options: int = 0) -> "re.Pattern[str]":
    """The compiled pattern for ``-match``/``-replace``/``-split`` (``options``
    adds RegexOptions such as ExplicitCapture); an invalid pattern is pwsh's
    InvalidRegularExpression error."""
    try:
        return compile_pattern(pattern, (0 if case_sensitive else 1) | options)
    except ArgumentException as exc:
        raise RuntimeException(
            f"The regular expression pattern {pattern} is not valid.", exc,
            error_id="InvalidRegularExpression", category=ErrorCategory.InvalidOperation,
            target_object=pattern) from None


_REPLACEMENT_RE = re.compile(r"\$(?:(\d+)|\{([^}]*)\}|([$&`'+_]))")


def expand_replacement(template: str, match: "re.Match[str]") -> str:
    """.NET replacement syntax: ``$1``, ``${name}``, ``$$``, ``$&``, `` $` ``,
    ``$'``, ``$+``, ``$_``; unknown groups stay literal as in .NET."""
    if "$" not in template:
        return template

    def sub(m: "re.Match[str]") -> str:
        number, name, special = m.groups()
        if number is not None:
            # .NET takes the longest group number that exists.
            digits = number
            while digits:
                idx = _group_by_number(match.re, int(digits))
                if idx is not None:
                    return (match.group(idx) or "") + number[len(digits):]
                digits = digits[:-1]
            return m.group(0)
        if name is not None:
            if name.isdigit():
                idx = _group_by_number(match.re, int(name))
                return (match.group(idx) or "") if idx is not None else m.group(0)
            if name in match.re.groupindex:
                return match.group(name) or ""
            return m.group(0)
        if special == "$":
            return "$"
        if special == "&":
            return match.group(0)
        if special == "`":
            return match.string[:match.start()]
        if special == "'":
            return match.string[match.end():]
        if special == "+":
            last = dotnet_groups(match.re)[-1][1]
            return (match.group(last) or "") if last else ""
        return match.string
    return _REPLACEMENT_RE.sub(sub, template)


@lru_cache(maxsize=512)
def dotnet_groups(compiled: "re.Pattern[str]") -> tuple[tuple[str, int], ...]:
    """(.NET group name, Python group index) in .NET order.  .NET numbers
    unnamed groups first and named groups after them, where Python numbers
    all groups left to right."""
    names_by_index = {v: k for k, v in compiled.groupindex.items()}
    unnamed = [i for i in range(compiled.groups + 1) if i not in names_by_index]
    named = [(names_by_index[i], i) for i in sorted(names_by_index)]
    return tuple((str(i), py) for i, py in enumerate(unnamed)) + tuple(named)


def _group_by_number(compiled: "re.Pattern[str]", number: int) -> Optional[int]:
    """The Python group index for a .NET group number (named groups count
    after the unnamed ones)."""
    groups = dotnet_groups(compiled)
    return groups[number][1] if 0 <= number < len(groups) else None


def group_names(compiled: "re.Pattern[str]") -> list[str]:
    """Group names in .NET order: numbered groups first, then named ones."""
    return [name for name, _ in dotnet_groups(compiled)]


class RegexGroup:
    """``System.Text.RegularExpressions.Group``."""

    __slots__ = ("_match", "_key", "Name")
    full_name = "System.Text.RegularExpressions.Group"

    def __init__(self, match: "re.Match[str]", key: Any, name: str) -> None:
        self._match = match
        self._key = key
        self.Name = name

    @property
    def Success(self) -> bool:
        return self._match.start(self._key) >= 0

    @property
    def Value(self) -> str:
        return self._match.group(self._key) or ""

    @property
    def Index(self) -> int:
        start = self._match.start(self._key)
        return start if start >= 0 else 0

    @property
    def Length(self) -> int:
        return len(self.Value)

    @property
    def Captures(self) -> list:
        return [self] if self.Success else []

    def ToString(self) -> str:
        return self.Value

    def __str__(self) -> str:
        return self.Value

    def __repr__(self) -> str:
        return f"RegexGroup({self.Name!r}, {self.Value!r})"


class GroupCollection(list):
    """``Match.Groups``: indexable by number or by name."""

    __slots__ = ("_by_name",)

    def __init__(self, groups: list[RegexGroup]) -> None:
        super().__init__(groups)
        self._by_name = {g.Name: g for g in groups}

    def lookup(self, key: Any) -> Optional[RegexGroup]:
        if isinstance(key, str) and not key.isdigit():
            return self._by_name.get(key)
        idx = int(key)
        return self[idx] if 0 <= idx < len(self) else None


class RegexMatch(RegexGroup):
    """``System.Text.RegularExpressions.Match``."""

    __slots__ = ("_groups",)
    full_name = "System.Text.RegularExpressions.Match"

    def __init__(self, match: "re.Match[str]") -> None:
        super().__init__(match, 0, "0")
        self._groups: Optional[GroupCollection] = None

    @property
    def Groups(self) -> GroupCollection:
        if self._groups is None:
            m = self._match
            self._groups = GroupCollection([RegexGroup(m, py, name) for name, py in dotnet_groups(m.re)])
        return self._groups

    def NextMatch(self) -> "RegexMatch":
        m = self._match
        pos = m.end() if m.end() > m.start() else m.end() + 1
        nxt = m.re.search(m.string, pos) if pos <= len(m.string) else None
        return RegexMatch(nxt) if nxt else EMPTY_MATCH

    def Result(self, replacement: str) -> str:
        return expand_replacement(replacement, self._match)

    @property
    def raw(self) -> "re.Match[str]":
        return self._match

    def __repr__(self) -> str:
        return f"RegexMatch({self.Value!r})"


class Regex:
    """``[regex]``: a compiled .NET pattern with its options and match
    timeout.  Python's ``re`` has no timeout: ``MatchTimeout`` is kept and
    shown as .NET shows it, but a match is not stopped when it passes."""

    __slots__ = ("pattern", "options", "compiled", "timeout")
    full_name = "System.Text.RegularExpressions.Regex"

    def __init__(self, pattern: str, options: int = 0, timeout: Optional[_dt.timedelta] = None) -> None:
        self.pattern = pattern
        self.options = int(options)
        self.compiled = compile_pattern(pattern, self.options)
        self.timeout = INFINITE_MATCH_TIMEOUT if timeout is None else _checked_timeout(timeout)

    @property
    def Options(self) -> Any:
        return REGEX_OPTIONS.value(self.options)

    @property
    def MatchTimeout(self) -> _dt.timedelta:
        return self.timeout

    @property
    def RightToLeft(self) -> bool:
        return bool(self.options & 64)

    def IsMatch(self, text: str, start: int = 0) -> bool:
        return self.compiled.search(str(text), int(start)) is not None

    def Match(self, text: str, start: int = 0, length: Optional[int] = None) -> Optional[RegexMatch]:
        """Match(input), Match(input, startat), Match(input, beginning,
        length): the last searches only that range of the text."""
        text, start = str(text), int(start)
        m = self.compiled.search(text, start) if length is None else \
            self.compiled.search(text, start, start + int(length))
        return RegexMatch(m) if m else EMPTY_MATCH

    def Matches(self, text: str, start: int = 0) -> list:
        return [RegexMatch(m) for m in self.compiled.finditer(str(text), int(start))]

    def Count(self, text: str) -> int:
        return sum(1 for _ in self.compiled.finditer(str(text)))

    def Replace(self, text: str, replacement: Any, count: int = -1, start: int = 0) -> str:
        """Replace(input, replacement or evaluator[, count[, startat]]):
        at most ``count`` replacements (-1: all) from ``startat`` on."""
        text, count, start = str(text), int(count), int(start)
        if count == 0:
            return text
        limit = count if count > 0 else 0
        if callable(replacement):
            def sub(m: "re.Match[str]") -> str:
                return str(replacement(RegexMatch(m)))
        else:
            template = str(replacement)

            def sub(m: "re.Match[str]") -> str:
                return expand_replacement(template, m)
        out: list[str] = []
        last = 0
        for done, m in enumerate(self.compiled.finditer(text, start)):
            if limit and done >= limit:
                break
            out.append(text[last:m.start()])
            out.append(sub(m))
            last = m.end()
        out.append(text[last:])
        return "".join(out)

    def Split(self, text: str, count: int = 0) -> list:
        return split(self.compiled, str(text), int(count))

    def GetGroupNames(self) -> list:
        return group_names(self.compiled)

    def GetGroupNumbers(self) -> list:
        return list(range(len(dotnet_groups(self.compiled))))

    def GroupNameFromNumber(self, number: int) -> str:
        """The group's name, '' for a number the pattern does not have."""
        groups = dotnet_groups(self.compiled)
        number = int(number)
        return groups[number][0] if 0 <= number < len(groups) else ""

    def GroupNumberFromName(self, name: str) -> int:
        """The group's number, -1 for a name the pattern does not have."""
        name = str(name)
        for number, (group, _) in enumerate(dotnet_groups(self.compiled)):
            if group == name:
                return number
        return -1

    def ToString(self) -> str:
        return self.pattern

    def __str__(self) -> str:
        return self.pattern

    def __repr__(self) -> str:
        return f"Regex({self.pattern!r})"


# Regex.InfiniteMatchTimeout: .NET's Timeout.InfiniteTimeSpan, -1 ms.
INFINITE_MATCH_TIMEOUT = _dt.timedelta(milliseconds=-1)
_MAX_TIMEOUT = _dt.timedelta(milliseconds=2147483646)


def _checked_timeout(timeout: _dt.timedelta) -> _dt.timedelta:
    """.NET's ValidateMatchTimeout: positive and under about 24.8 days, or
    InfiniteMatchTimeout."""
    if timeout == INFINITE_MATCH_TIMEOUT or _dt.timedelta(0) < timeout <= _MAX_TIMEOUT:
        return timeout
    raise ArgumentOutOfRangeException("Specified argument was out of the range of valid values.",
                                      param_name="matchTimeout")


class _EmptyMatch(RegexMatch):
    """.NET's ``Match.Empty``: what ``Regex.Match`` returns when nothing
    matches (Success is False) instead of null."""

    __slots__ = ()

    def __init__(self) -> None:
        RegexGroup.__init__(self, None, 0, "0")  # type: ignore[arg-type]
        self._groups = GroupCollection([])

    Success = property(lambda self: False)  # type: ignore[assignment]
    Value = property(lambda self: "")  # type: ignore[assignment]
    Index = property(lambda self: 0)  # type: ignore[assignment]

    def NextMatch(self) -> "RegexMatch":
        return self


EMPTY_MATCH = _EmptyMatch()


def split(compiled: "re.Pattern[str]", text: str, count: int = 0) -> list[str]:
    """``Regex.Split``: captured groups are included in the result, and a
    positive ``count`` limits the number of pieces."""
    if count == 1:
        return [text]
    maxsplit = count - 1 if count > 1 else 0
    return [p if p is not None else "" for p in compiled.split(text, maxsplit=maxsplit)]


def matches_iter(compiled: "re.Pattern[str]", text: str) -> Iterator[RegexMatch]:
    for m in compiled.finditer(text):
        yield RegexMatch(m)
