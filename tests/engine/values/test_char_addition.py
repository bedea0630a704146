"""``+`` with a [char] operand: pwsh's BinaryAdd turns a char on the left
into a one-character string and concatenates whatever is on the right; a
char on the right of a number adds as its code point."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def test_char_plus_string_concatenates(s: Session) -> None:
    assert s.run("[char]':' + '/x'") == [":/x"]


def test_char_plus_number_concatenates_too(s: Session) -> None:
    assert s.run("$r = [char]'a' + 1; $r; $r.GetType().FullName") == ["a1", "System.String"]
    assert s.run("[char]'a' + [char]'b'") == ["ab"]
    assert s.run("([char]'a' + $null).GetType().Name") == ["String"]


def test_number_plus_char_adds_the_code_point(s: Session) -> None:
    assert s.run("1 + [char]'a'") == [98]


def test_other_char_arithmetic_stays_numeric(s: Session) -> None:
    assert s.run("[char]'b' - 1") == [97]
