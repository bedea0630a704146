"""A tuple has the members of its arity: ``[Tuple]::Create(1, 'a')`` shows
Item1 and Item2 only, in a table, a list and Get-Member."""

from __future__ import annotations

from helpers.session import Shell


def test_tuple_shows_only_its_items():
    shell = Shell()
    script = """
    $t = [System.Tuple]::Create(1, 'a')
    ($t | Get-Member -MemberType Property).Name -join ','
    $t | Format-List | Out-String -Stream | Where-Object { $_ }
    $t.GetType().FullName; $t.Item3 -eq $null
    """
    assert shell.text(script) == ["Item1,Item2", "Item1 : 1", "Item2 : a", "System.Tuple`2", "True"]
