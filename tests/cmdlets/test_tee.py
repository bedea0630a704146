"""Tee-Object: objects pass on at once and go to a file or a variable."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def test_variable(s: Session) -> None:
    assert s.run("1, 2, 3 | Tee-Object -Variable t | ForEach-Object { $_ * 10 }") == [10, 20, 30]
    assert s.run("$t") == [1, 2, 3]
    s.run("'one' | Tee-Object -Variable single | Out-Null")
    assert s.run("$single.GetType().Name") == ["String"]


def test_file_and_append(s: Session, tmp_path) -> None:
    path = tmp_path / "out.txt"
    assert s.run(f"'a', 'b' | Tee-Object -FilePath '{path}'") == ["a", "b"]
    assert path.read_text() == "a\nb\n"
    s.run(f"'c' | Tee-Object '{path}' -Append | Out-Null")
    assert path.read_text() == "a\nb\nc\n"


def test_streams_before_the_input_ends(s: Session) -> None:
    script = ("$seen = @()\n"
              "1, 2 | ForEach-Object { $seen += \"in $_\"; $_ } | Tee-Object -Variable v | "
              "ForEach-Object { $seen += \"out $_\" }\n$seen -join ','")
    assert s.text(script) == ["in 1,out 1,in 2,out 2"]
