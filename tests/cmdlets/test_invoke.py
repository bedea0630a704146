"""Invoke-Expression, Invoke-Command and Measure-Command."""

from __future__ import annotations

import datetime as _dt

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def test_invoke_expression_runs_in_the_callers_scope(s: Session) -> None:
    assert s.run("Invoke-Expression '$z = 5; \"z=$z\"'; $z") == ["z=5", 5]
    assert s.run("'1 + 1', '2 * 3' | Invoke-Expression") == [2, 6]


def test_invoke_expression_parse_error(s: Session) -> None:
    s.run("Invoke-Expression '1 +'")
    error = s.errors()[0]
    assert "You must provide a value expression following the '+' operator." in str(error)


def test_invoke_command_scope_and_arguments(s: Session) -> None:
    assert s.run("Invoke-Command -ScriptBlock { param($a, $b) \"$a-$b-$($args -join '+')\" } "
                 "-ArgumentList 1, 2, 3, 4") == ["1-2-3+4"]
    assert s.run("Invoke-Command { $q = 1 }; \"[$q]\"") == ["[]"]
    assert s.run("Invoke-Command { $q = 1 } -NoNewScope; \"[$q]\"") == ["[1]"]


def test_invoke_command_pipeline_input(s: Session) -> None:
    assert s.run("1, 2 | Invoke-Command { $input | ForEach-Object { $_ * 10 } }") == [10, 20]
    # A block that is one pipeline of commands gets the input objects, as pwsh's steppable pipeline does.
    assert s.run("1..3 | Invoke-Command { ForEach-Object { $_ * 2 } }") == [2, 4, 6]


def test_measure_command(s: Session) -> None:
    elapsed = s.one("Measure-Command { 1..10 | Out-Null; 'discarded' }")
    assert isinstance(elapsed, _dt.timedelta) and elapsed < _dt.timedelta(seconds=5)
    assert s.run("1..3 | Measure-Command { $global:seen += @($_) } | Out-Null; $seen -join ','") == ["1,2,3"]


def test_measure_command_leaves_input_empty_and_runs_in_caller_scope(s: Session) -> None:
    # pwsh passes an empty $input to the block, whatever is piped in.
    assert s.run("1..3 | Measure-Command { $global:counts += @(@($input).Count) } | Out-Null; "
                 "$counts -join ','") == ["0,0,0"]
    assert s.run("Measure-Command { $inner = 5 } | Out-Null; $inner") == [5]
    # -InputObject given by name is $_ too.
    assert s.run("Measure-Command -InputObject 7 { $global:given = $_ } | Out-Null; $given") == [7]
