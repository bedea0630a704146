"""Get-History -Id @() -Count n fails as pwsh does (its code reads the
first id of the empty array: .NET's IndexOutOfRangeException), not with
Python's IndexError reaching the engine."""

from __future__ import annotations

from helpers.session import Shell


def test_empty_id_with_count():
    shell = Shell()
    shell.run("Get-History -Id @() -Count 1")
    assert [str(e) for e in shell.errors()] == ["Index was outside the bounds of the array."]
