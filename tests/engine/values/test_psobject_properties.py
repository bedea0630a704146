"""``$x.psobject.Properties``: pwsh's member collection, with its own
methods (Item, Match, Add, Remove), a name indexer, and member enumeration
over the properties for anything else."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


SETUP = "$o = [pscustomobject]@{ Name = 1; Other = 2 }; $p = $o.psobject.Properties; "


def test_item_finds_a_property_by_name_case_insensitively(s: Session) -> None:
    assert s.run(SETUP + "$p.Item('name').Value; $null -eq $p.Item('Missing')") == [1, True]


def test_indexer_by_name(s: Session) -> None:
    assert s.run(SETUP + "$p['Other'].Value") == [2]


def test_match_filters_by_wildcard(s: Session) -> None:
    assert s.run(SETUP + "$p.Match('N*').Name") == ["Name"]


def test_add_and_remove_change_the_object(s: Session) -> None:
    script = SETUP + ("$p.Add([psnoteproperty]::new('Extra', 3)); $p.Remove('Other'); "
                      "$o.Extra; $o.psobject.Properties.Name -join ','")
    assert s.run(script) == [3, "Name,Extra"]


def test_other_members_enumerate_over_the_properties(s: Session) -> None:
    assert s.run(SETUP + "$p.Name -join ','; $p.Count") == ["Name,Other", 2]
