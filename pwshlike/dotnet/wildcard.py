"""PowerShell wildcard patterns (``WildcardPattern``): ``*``, ``?``, ``[a-z]``,
``[abc]`` and backtick escapes, matched case-insensitively by default.
Used by ``-like``, ``switch -Wildcard`` and, through ``wildcard_regex``, by
cmdlets that filter names."""

from __future__ import annotations

import re
from functools import lru_cache

from .errors import WildcardPatternException


def _translate(pattern: str) -> str:
    out = ["^"]
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "`":
            if i + 1 < n:
                out.append(re.escape(pattern[i + 1]))
                i += 2
            else:
                # A trailing backtick escapes nothing and is dropped.
                i += 1
            continue
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            end = i + 1
            body: list[str] = []
            while end < n and pattern[end] != "]":
                ch = pattern[end]
                if ch == "`" and end + 1 < n:
                    body.append(re.escape(pattern[end + 1]))
                    end += 2
                    continue
                # '-' forms ranges; Python reads a leading/trailing '-' literally, as pwsh does.
                body.append(ch if ch == "-" else re.escape(ch))
                end += 1
            if end >= n:
                raise WildcardPatternException(
                    f"The specified wildcard character pattern is not valid: {pattern}",
                    error_id="RuntimeException")
            out.append("[" + "".join(body) + "]" if body else "(?!)")
            i = end
        else:
            out.append(re.escape(c))
        i += 1
    out.append("$")
    return "".join(out)


@lru_cache(maxsize=1024)
def wildcard_regex(pattern: str, case_sensitive: bool = False) -> "re.Pattern[str]":
    """The compiled regex for a wildcard pattern (cached)."""
    return re.compile(_translate(pattern), re.DOTALL | (0 if case_sensitive else re.IGNORECASE))


def wildcard_match(text: str, pattern: str, case_sensitive: bool = False) -> bool:
    """Whether the whole of ``text`` matches ``pattern``."""
    if pattern == "*":
        return True
    return wildcard_regex(pattern, case_sensitive).match(text) is not None


def contains_wildcard(pattern: str) -> bool:
    """``WildcardPattern.ContainsWildcardCharacters``: unescaped * ? [."""
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "`":
            i += 2
            continue
        if c in "*?[":
            return True
        i += 1
    return False


def escape_wildcard(text: str) -> str:
    """``WildcardPattern.Escape``: backtick before * ? [ ] and `."""
    return "".join("`" + c if c in "*?[]`" else c for c in text)


def unescape_wildcard(text: str) -> str:
    """``WildcardPattern.Unescape``."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "`" and i + 1 < len(text) and text[i + 1] in "*?[]`":
            out.append(text[i + 1])
            i += 2
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


class WildcardPattern:
    """pwsh's ``WildcardPattern`` for Python code (cmdlets filtering names):
    ``WildcardPattern("Get-*").is_match("get-item")``.  Case-insensitive
    unless ``ignore_case=False``; an unclosed ``[`` raises
    ``WildcardPatternException`` here, when the pattern is made."""

    __slots__ = ("pattern", "ignore_case", "_regex")

    def __init__(self, pattern: str, ignore_case: bool = True) -> None:
        self.pattern = pattern
        self.ignore_case = ignore_case
        self._regex = wildcard_regex(pattern, not ignore_case)

    def is_match(self, text: str) -> bool:
        """Whether the whole of ``text`` matches."""
        return self._regex.match(text) is not None

    contains_wildcard = staticmethod(contains_wildcard)
    escape = staticmethod(escape_wildcard)
    unescape = staticmethod(unescape_wildcard)

    def __repr__(self) -> str:
        return f"WildcardPattern({self.pattern!r}, ignore_case={self.ignore_case})"
