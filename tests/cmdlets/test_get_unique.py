"""Get-Unique: dropping objects equal to the one before them."""

from __future__ import annotations

from helpers.session import Shell as Session


def test_only_neighbours_are_compared() -> None:
    s = Session()
    assert s.run("-split 'b a c a b' | Sort-Object | Get-Unique") == ["a", "b", "c"]
    assert s.run("1, 1, 2, 1 | Get-Unique") == [1, 2, 1]


def test_objects_compare_as_sort_object_does() -> None:
    s = Session()
    # 1 and '1' compare equal; 'A' and 'a' differ unless -CaseInsensitive.
    assert s.run("1, '1', 2 | Get-Unique") == [1, 2]
    assert s.run("'A', 'a', 'B' | Get-Unique") == ["A", "a", "B"]
    assert s.run("'A', 'a', 'B' | Get-Unique -CaseInsensitive") == ["A", "B"]


def test_as_string_and_on_type() -> None:
    s = Session()
    assert s.run("'x', 'X', 'x' | Get-Unique -AsString") == ["x", "X", "x"]
    assert s.run("'x', 'X', 'y' | Get-Unique -AsString -CaseInsensitive") == ["x", "y"]
    assert s.run("1, 2, 'a', 'b', 3 | gu -OnType") == [1, "a", 3]


def test_no_input_gives_nothing() -> None:
    s = Session()
    assert s.run("Get-Unique") == []
    s.run("1 | Get-Unique -AsString -OnType")
    assert s.error_ids() == ["AmbiguousParameterSet,Microsoft.PowerShell.Commands.GetUniqueCommand"]
