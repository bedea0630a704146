"""A failed conversion is pwsh's PSInvalidCastException, which is an
InvalidCastException and reaches scripts as a RuntimeException: traps and
catch blocks for either type take it."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.mark.parametrize("type_name", ["InvalidCastException", "System.Management.Automation.RuntimeException",
                                       "System.Management.Automation.PSInvalidCastException"])
def test_catch_by_either_type(type_name):
    assert Shell().text(f"try {{ [int] 'abc' }} catch [{type_name}] {{ 'caught' }} catch {{ 'catch-all' }}") == \
        ["caught"]


def test_trap_for_invalid_cast_continues():
    shell = Shell()
    assert shell.text("trap [InvalidCastException] { 'trapped'; continue }; [int] 'abc'; 'after'") == \
        ["trapped", "after"]


def test_the_error_is_an_invalid_cast():
    assert Shell().text("try { [int] 'abc' } catch { $_.Exception -is [InvalidCastException];"
                        " $_.FullyQualifiedErrorId }") == ["True", "InvalidCastFromStringToInteger"]
