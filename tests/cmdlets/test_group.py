"""Group-Object: GroupInfo objects, sorting of same-typed keys, -NoElement,
-AsHashTable/-AsString and their errors."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def test_groups_are_sorted_and_case_insensitive(s: Session) -> None:
    groups = s.run("'b', 'a', 'B', 'c', 'a' | Group-Object")
    assert [(g.Name, g.Count, list(g.Group), list(g.Values)) for g in groups] == [
        ("a", 2, ["a", "a"], ["a"]), ("b", 2, ["b", "B"], ["b"]), ("c", 1, ["c"], ["c"])]
    # Lower case sorts first among otherwise equal strings (culture order).
    assert s.text("('B', 'b' | Group-Object -CaseSensitive).Name -join ','") == ["b,B"]


def test_mixed_key_types_keep_first_seen_order(s: Session) -> None:
    assert s.text("(2, 'x', 1, 2 | Group-Object).Name -join ','") == ["2,x,1"]


def test_properties_and_script_blocks(s: Session) -> None:
    script = ("$o = [pscustomobject]@{T='a'; N=1}, [pscustomobject]@{T='b'; N=2}, [pscustomobject]@{T='a'; N=2}\n")
    assert s.text(script + "($o | Group-Object T, N).Name -join '|'") == ["a, 1|a, 2|b, 2"]
    assert s.text(script + "($o | Group-Object { $_.N % 2 }).Name -join '|'") == ["0|1"]
    assert s.text("(1..5 | Group-Object { $_ -gt 2 } | % Count) -join ','") == ["2,3"]


def test_group_info_type_and_no_element(s: Session) -> None:
    assert s.text("('a' | Group-Object).GetType().FullName") == ["Microsoft.PowerShell.Commands.GroupInfo"]
    group = s.one("'a', 'a' | Group-Object -NoElement")
    assert (group.Name, group.Count, list(group.Group)) == ("a", 2, [])


def test_as_hashtable(s: Session) -> None:
    script = ("$h = [pscustomobject]@{T='a'; N=1}, [pscustomobject]@{T='b'; N=2} | Group-Object T -AsHashTable\n"
              "$h.GetType().Name; $h['A'][0].N; $h.b.N")
    assert s.text(script) == ["Hashtable", "1", "2"]
    assert s.text("(1, 2 | Group-Object { $_ } -AsHashTable -AsString).Keys -join ','") == ["1,2"]


def test_switch_errors(s: Session) -> None:
    s.run("1 | Group-Object -AsString")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == "ArgumentException,Microsoft.PowerShell.Commands.GroupObjectCommand"
    assert str(error) == ("The command cannot be run because the AsString parameter requires that you specify "
                          "the AsHashtable parameter.")
    s.run("[pscustomobject]@{A=1;B=2} | Group-Object A, B -AsHashTable")
    assert str(s.errors()[0]).startswith("The command cannot be run because using the AsHashTable parameter with "
                                         "more than one property")
