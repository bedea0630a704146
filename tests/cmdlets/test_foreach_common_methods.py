"""ForEach-Object -MemberName (and .ForEach('name')) calls the methods every
object has — GetType, GetHashCode, ToString — instead of reading a missing
property ($null)."""

from __future__ import annotations

from helpers.session import Shell


def test_member_name_get_type():
    shell = Shell()
    script = """
    Get-Date | ForEach-Object GetType | ForEach-Object Name
    1 | ForEach-Object -MemberName GetType | ForEach-Object FullName
    [pscustomobject]@{a=1} | ForEach-Object GetType | ForEach-Object Name
    (7, 8).ForEach('GetHashCode') -join ','
    """
    assert shell.text(script) == ["DateTime", "System.Int32", "PSCustomObject", "7,8"]
