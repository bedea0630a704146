"""``$?`` after an error written with -ErrorAction Ignore, and after a
condition that runs commands, as pwsh sets it: Ignore hides the error but
the command still failed (so ``&&`` stops and ``||`` runs), and an ``if`` or
loop condition that runs commands leaves ``$?`` True for its body; an
expression statement sets it True unless pwsh's rule says otherwise."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def test_ignored_error_still_fails_the_command(s: Session) -> None:
    assert s.run("Write-Error x -ErrorAction Ignore && 'next'; $?") == [False]
    assert s.run("Write-Error x -ErrorAction Ignore || 'other'") == ["other"]


def test_ignored_error_is_not_recorded(s: Session) -> None:
    assert s.run("$Error.Clear(); Get-Item '/no/such/item' -ErrorAction Ignore; $?; $Error.Count") == [False, 0]


def test_if_condition_with_commands_leaves_status_true_for_the_body(s: Session) -> None:
    assert s.run("if ('Hello' && Write-Error 'Bad' -ErrorAction Ignore) { $?; 1 } else { 'else' }") == [True, 1]
    assert s.run("if (Write-Error 'Bad' -ErrorAction Ignore && 'Hello') { 'if' } else { $?; 1 }") == [True, 1]


def test_expression_only_condition_keeps_the_earlier_status(s: Session) -> None:
    assert s.run("Write-Error x -ErrorAction Ignore; if ($true) { $? }") == [False]


@pytest.mark.parametrize(("statement", "status"), [
    ('"Hi $(Write-Error Bad 2>$null)"', True),
    ("$(Write-Error Bad 2>$null)", False),
    ("(Write-Error Bad 2>$null)", False),
    ("@(Write-Error Bad 2>$null)", False),
    ("$x = Write-Error Bad 2>$null", False),
    ('$x = "a $(Write-Error Bad 2>$null)"', True),
    ("$x = (Write-Error Bad 2>$null)", False),
    ("Write-Error Bad 2>$null; 1 + 1", True),
])
def test_expression_statements_set_status_by_pwsh_s_rule(s: Session, statement: str, status: bool) -> None:
    # pwsh's ShouldSetExecutionStatusToSuccess: an expression statement ends with $? True unless it is a
    # parenthesized command pipeline, a non-empty $( ) or an @( ) holding one.
    assert s.run(f"{statement}; $?")[-1] is status
