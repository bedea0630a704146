""".NET's ExplicitCapture option (plain ``( )`` groups do not capture) for
``-split`` and ``[regex]``, and group lookup by name on ``Match.Groups``."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def test_split_keeps_captured_separators_unless_explicit_capture(s: Session) -> None:
    assert s.run("'a:b' -split '(:)'") == ["a", ":", "b"]
    assert s.run("'a:b' -split '(:)', 0, 'ExplicitCapture'") == ["a", "b"]
    assert s.run("'a:b' -split '(?<c>:)', 0, 'ExplicitCapture'") == ["a", ":", "b"]


def test_escaped_and_class_parentheses_are_untouched(s: Session) -> None:
    assert s.run(r"'a(b\(c' -split '[(]', 0, 'ExplicitCapture'") == ["a", "b\\", "c"]


def test_regex_object_with_explicit_capture_numbers_only_named_groups(s: Session) -> None:
    script = ("$m = [regex]::new('(a)(?<n>b)', 'ExplicitCapture').Match('ab'); "
              "$m.Groups.Count; $m.Groups[1].Value; $m.Groups['n'].Value")
    assert s.run(script) == [2, "b", "b"]


def test_groups_index_by_name(s: Session) -> None:
    assert s.run("$m = [regex]::new('(?<n>b)').Match('ab'); $m.Groups['n'].Value; $m.Groups['1'].Value") == [
        "b", "b"]
