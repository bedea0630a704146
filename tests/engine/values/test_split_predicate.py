"""``-split`` with a script block predicate, as pwsh runs it: ``$_`` is the
character as a string, ``$args`` the text and the position, and a negative
count splits from the right."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


@pytest.mark.parametrize(("count", "expected"), [
    ("", ["a", "b", "c", "d"]),
    (", 2", ["a", "b c d"]),
    (", -2", ["a b c", "d"]),
    (", -4", ["a", "b", "c", "d"]),
    (", 1", ["a b c d"]),
    (", -1", ["a b c d"]),
])
def test_counts_from_either_end(s: Session, count: str, expected: list[str]) -> None:
    assert s.run(f"'a b c d' -split {{ $_ -eq ' ' }}{count}") == expected


def test_dollar_underscore_is_a_string(s: Session) -> None:
    assert s.run("'a,b' -split { $_ -is [string] -and $_ -eq ',' }") == ["a", "b"]


def test_args_are_the_text_and_the_position(s: Session) -> None:
    assert s.run("'abc' -split { $args[0] -eq 'abc' -and $args[1] -eq 1 }") == ["a", "c"]
