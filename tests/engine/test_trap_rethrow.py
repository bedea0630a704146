"""A trap whose body throws leaves its block: the trap does not catch its own
rethrow (it used to run again until the call depth overflowed)."""

from __future__ import annotations

from helpers.session import Shell


def test_rethrowing_trap_ends_the_function_with_the_cast_error():
    shell = Shell()
    script = """
    function f { trap { 'trapped'; throw $_ }; [int]'x'; 'not reached' }
    try { f } catch { "caught $($_.FullyQualifiedErrorId) $($_.CategoryInfo.Category)" }
    """
    assert shell.text(script) == ["trapped", "caught InvalidCastFromStringToInteger InvalidArgument"]


def test_rethrow_from_inner_trap_reaches_the_outer_trap():
    shell = Shell()
    script = """
    function f {
        trap { 'outer'; continue }
        if ($true) { trap { 'inner'; throw $_ }; [int]'x'; 'skipped' }
        'next'
    }
    f
    """
    assert shell.text(script) == ["inner", "outer", "next"]
