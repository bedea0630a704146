"""``[semver]`` (System.Management.Automation.SemanticVersion): SemVer 2.0
versions ``major.minor.patch[-prerelease][+build]`` parsed, printed and
ordered as pwsh's class does: the build label takes no part in ordering
or equality, a prerelease sorts before its release, and prerelease parts
compare numerically when both are numbers, else ordinally."""

from __future__ import annotations

import functools
import re
from typing import Any, Optional

from .conversions import convert_to_integer, to_string
from .errors import FormatException, PSArgumentException, PSArgumentNullException

_UNIT = r"(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)"


@functools.lru_cache(maxsize=None)
def _pattern(name: str) -> "re.Pattern[str]":
    """pwsh's regular expressions, compiled on first use (not at start-up)."""
    return re.compile({
        "numbers": r"^(?P<major>\d+)(\.(?P<minor>\d+))?(\.(?P<patch>\d+))?$",
        "pre": rf"^{_UNIT}(?:\.{_UNIT})*$",
        "build": r"^[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*$",
        "label": rf"^(?P<pre>{_UNIT}(?:\.{_UNIT})*)?(?:\+(?P<build>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$",
    }[name])


_INT_MAX = 2**31 - 1
# What Int32.Parse('') says: pwsh rethrows that FormatException for any malformed version.
_BAD_FORMAT = "The input string '' was not in a correct format."


def _argument_error(name: str) -> PSArgumentException:
    return PSArgumentException(f'Cannot process argument because the value of argument "{name}" is not valid. '
                               f'Change the value of the "{name}" argument and run the operation again.',
                               param_name=name)


class SemanticVersion:
    """One semantic version; labels are None when absent."""

    __slots__ = ("Major", "Minor", "Patch", "PreReleaseLabel", "BuildLabel")
    full_name = "System.Management.Automation.SemanticVersion"
    PS_MEMBERS = {"Major": "Major", "Minor": "Minor", "Patch": "Patch", "PreReleaseLabel": "PreReleaseLabel",
                  "BuildLabel": "BuildLabel", "CompareTo": "compare_to", "Equals": "__eq__",
                  "ToString": "__str__"}

    def __init__(self, major: int, minor: int = 0, patch: int = 0, pre: Optional[str] = None,
                 build: Optional[str] = None) -> None:
        for name, number in (("major", major), ("minor", minor), ("patch", patch)):
            if number < 0:
                raise _argument_error(name)
        if pre and not _pattern("pre").match(pre):
            raise FormatException("preReleaseLabel")
        if build and not _pattern("build").match(build):
            raise FormatException("buildLabel")
        self.Major, self.Minor, self.Patch = major, minor, patch
        self.PreReleaseLabel = pre or None
        self.BuildLabel = build or None

    @classmethod
    def parse(cls, text: Optional[str]) -> "SemanticVersion":
        """``[semver]::Parse``: 'M[.m[.p]][-pre][+build]', all parts checked."""
        if text is None:
            raise PSArgumentNullException("Value cannot be null.", param_name="version")
        found = cls.try_parse(text)
        if found is None:
            raise FormatException(_BAD_FORMAT if text else "version")
        return found

    @classmethod
    def try_parse(cls, text: str) -> Optional["SemanticVersion"]:
        if not text or text[-1] in "-+.":
            return None
        dash, plus = text.find("-"), text.find("+")
        pre = build = None
        if plus != -1 and (dash == -1 or dash > plus):
            numbers, build = text[:plus], text[plus + 1:]
        elif dash != -1:
            numbers = text[:dash]
            pre, build = (text[dash + 1:plus], text[plus + 1:]) if plus != -1 else (text[dash + 1:], None)
        else:
            numbers = text
        match = _pattern("numbers").match(numbers)
        if match is None or pre == "" or build == "" or (pre and not _pattern("pre").match(pre)) or \
                (build and not _pattern("build").match(build)):
            return None
        parts = [int(match.group(g) or 0) for g in ("major", "minor", "patch")]
        if max(parts) > _INT_MAX:
            return None
        return cls(parts[0], parts[1], parts[2], pre, build)

    def compare_to(self, other: Any) -> int:
        if other is None:
            return 1
        if not isinstance(other, SemanticVersion):
            raise _argument_error("version")
        for a, b in ((self.Major, other.Major), (self.Minor, other.Minor), (self.Patch, other.Patch)):
            if a != b:
                return 1 if a > b else -1
        return _compare_labels(self.PreReleaseLabel, other.PreReleaseLabel)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SemanticVersion) and self.compare_to(other) == 0 and \
            self.PreReleaseLabel == other.PreReleaseLabel

    def __lt__(self, other: "SemanticVersion") -> bool:
        return self.compare_to(other) < 0

    def __gt__(self, other: "SemanticVersion") -> bool:
        return self.compare_to(other) > 0

    def __hash__(self) -> int:
        return hash((self.Major, self.Minor, self.Patch, self.PreReleaseLabel))

    def __str__(self) -> str:
        text = f"{self.Major}.{self.Minor}.{self.Patch}"
        if self.PreReleaseLabel:
            text += "-" + self.PreReleaseLabel
        if self.BuildLabel:
            text += "+" + self.BuildLabel
        return text

    def __repr__(self) -> str:
        return f"SemanticVersion({str(self)!r})"


def _compare_labels(a: Optional[str], b: Optional[str]) -> int:
    if not a:
        return 0 if not b else 1
    if not b:
        return -1
    units_a, units_b = a.split("."), b.split(".")
    for x, y in zip(units_a, units_b):
        x_number, y_number = _int32(x), _int32(y)
        if x_number is not None and y_number is not None:
            if x_number != y_number:
                return -1 if x_number < y_number else 1
        elif x_number is not None:
            return -1
        elif y_number is not None:
            return 1
        elif x != y:
            return -1 if x < y else 1
    return (len(units_a) > len(units_b)) - (len(units_a) < len(units_b))


def _int32(text: str) -> Optional[int]:
    return int(text) if text.isdigit() and int(text) <= _INT_MAX else None


_ABSENT = object()


def new_semantic_version(first: Any, minor: Any = _ABSENT, patch: Any = _ABSENT, label: Any = _ABSENT,
                         build: Any = _ABSENT) -> SemanticVersion:
    """The constructors: (string), (Version), (major[, minor[, patch]]),
    (major, minor, patch, label) and (major, minor, patch, pre, build).
    A Version is known by its Revision (this module sits below the one
    that defines it)."""
    if minor is _ABSENT and (first is None or isinstance(first, str)):
        return SemanticVersion.parse(first)
    if minor is _ABSENT and hasattr(first, "Revision"):
        if first.Revision > 0:
            raise _argument_error("version")
        return SemanticVersion(first.Major, first.Minor, max(first.Build, 0))
    numbers = [convert_to_integer(a) for a in (first, minor, patch) if a is not _ABSENT]
    if build is not _ABSENT:
        return SemanticVersion(*numbers, *(None if a is None else to_string(a) for a in (label, build)))
    if label is not _ABSENT:
        match = _pattern("label").match(to_string(label) if label is not None else "")
        if match is None:
            raise FormatException("label")
        return SemanticVersion(*numbers, match.group("pre"), match.group("build"))
    return SemanticVersion(*numbers)
