"""The text of a function whose parameters are written after its name
(``function f($a, $b) { }``): pwsh's ScriptBlock.ToString, and so
FunctionInfo.Definition, puts them back as a ``param(...)`` line before the
body."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def test_definition_keeps_header_parameters(s: Session) -> None:
    assert s.run("function f($a, [int]$b = 2) { $a }; (Get-Command f).Definition") == [
        "param($a, [int]$b = 2)\n $a "]


def test_script_block_text_matches_definition(s: Session) -> None:
    assert s.run("function f($a) { $a }; ${function:f}.ToString(); \"$function:f\"") == [
        "param($a)\n $a ", "param($a)\n $a "]


def test_empty_header_still_gives_a_param_line(s: Session) -> None:
    assert s.run("function f() { 1 }; (Get-Command f).Definition") == ["param()\n 1 "]


def test_functions_without_header_are_unchanged(s: Session) -> None:
    assert s.run("function f { param($z) $z }; (Get-Command f).Definition") == [" param($z) $z "]


def test_the_text_recreates_a_working_function(s: Session) -> None:
    assert s.run("function f($a, $b) { $a + $b }; & ([scriptblock]::Create(\"$function:f\")) 2 3") == [5]
