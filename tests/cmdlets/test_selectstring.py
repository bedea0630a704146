"""Select-String on piped text and on files."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("alpha\nbeta\ngamma\nbeta two\ndelta\n")
    return path


def test_piped_lines_and_string_form(s: Session) -> None:
    matches = s.run("'apple', 'banana', 'Cherry' | Select-String 'an|ch'")
    assert [str(m) for m in matches] == ["banana", "Cherry"]
    first = matches[0]
    assert (first.LineNumber, first.Path, first.Pattern, first.IgnoreCase) == (2, "InputStream", "an|ch", True)
    assert s.run("('apple', 'banana' | Select-String 'A' -CaseSensitive).Count") == [0]


def test_matches_and_groups(s: Session) -> None:
    assert s.run("('hello world' | Select-String 'o (w)').Matches[0].Groups[1].Value") == ["w"]
    assert s.run("('aXbXc' | Select-String 'x' -AllMatches).Matches.Count") == [2]
    assert s.run("('aXbXc' | Select-String 'x').Matches.Count") == [1]


def test_simple_match_not_match_raw_quiet(s: Session) -> None:
    assert s.text("'a.b', 'axb' | Select-String 'a.b' -SimpleMatch") == ["a.b"]
    assert s.text("'x', 'y' | Select-String 'x' -NotMatch") == ["y"]
    assert s.run("'abc', 'x' | Select-String 'b' -Raw") == ["abc"]
    assert s.run("'abc', 'b' | Select-String 'b' -Quiet") == [True]
    assert s.run("'abc' | Select-String 'z' -Quiet") == [False]


def test_files_show_path_line_text(s: Session, text_file) -> None:
    matches = s.run(f"Select-String -Path '{text_file}' -Pattern 'beta'")
    assert [str(m) for m in matches] == [f"{text_file}:2:beta", f"{text_file}:4:beta two"]
    assert s.run(f"(Select-String -Path '{text_file}' -Pattern 'beta')[0].Filename") == ["notes.txt"]
    assert len(s.run(f"Select-String 'beta' '{text_file.parent / '*.txt'}' -List")) == 1


def test_context(s: Session, text_file) -> None:
    match = s.one(f"Select-String -Path '{text_file}' -Pattern gamma -Context 1, 2")
    assert match.Context.PreContext == ["beta"] and match.Context.PostContext == ["beta two", "delta"]
    assert str(match).split("\n") == [f"  {text_file}:2:beta", f"> {text_file}:3:gamma",
                                      f"  {text_file}:4:beta two", f"  {text_file}:5:delta"]
    # Adjacent matches do not show each other's lines as context.
    shown = s.run("1..6 | Select-String '3|4' -Context 1 | ForEach-Object { $_.ToString() }")
    assert shown == ["  2\n> 3", "> 4\n  5"]


def test_missing_file(s: Session, tmp_path) -> None:
    s.run(f"Select-String x '{tmp_path / 'none.txt'}'")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == "PathNotFound,Microsoft.PowerShell.Commands.SelectStringCommand"


def test_emphasis_and_relative_paths(s: Session, text_file) -> None:
    assert s.run("('abcb' | Select-String 'b' -AllMatches).ToEmphasizedString('')") == [
        "a\x1b[7mb\x1b[0mc\x1b[7mb\x1b[0m"]
    assert s.run("('abc' | Select-String 'B' -SimpleMatch).ToEmphasizedString('')") == ["a\x1b[7mb\x1b[0mc"]
    assert s.run("('abc' | Select-String 'b' -NoEmphasis).ToEmphasizedString('')") == ["abc"]
    shown = s.run(f"(Select-String 'gamma' '{text_file}' -NoEmphasis).ToString('{text_file.parent}')")
    assert shown == ["notes.txt:3:gamma"]
