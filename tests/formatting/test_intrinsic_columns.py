"""A table column named Count or Length is blank for a later object that
has no such property: the Count and Length of 1 that member access gives
any object are no properties (pwsh's ResolveNames does not find them)."""

from __future__ import annotations

from .conftest import Shell


def test_objects_without_the_column_leave_it_blank(shell: Shell) -> None:
    script = ("[pscustomobject]@{Length=3; Count=1}, [pscustomobject]@{b=2}, [System.Diagnostics.Stopwatch]::new() "
              "| Format-Table | Out-String")
    assert shell.value(script) == "\nLength Count\n------ -----\n     3     1\n            \n            \n\n"


def test_real_length_properties_still_show(shell: Shell) -> None:
    script = "[System.Text.StringBuilder]::new('abcd') | Format-Table Length | Out-String"
    assert shell.value(script) == "\nLength\n------\n     4\n\n"
