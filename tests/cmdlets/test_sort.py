"""Sort-Object: PowerShell comparison rules, keys, directions, -Unique,
-Top/-Bottom and stability."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def test_numbers_and_descending(s: Session) -> None:
    assert s.run("3, 1, 2, 10 | Sort-Object") == [1, 2, 3, 10]
    assert s.run("3, 1, 2, 10 | Sort-Object -Descending") == [10, 3, 2, 1]


def test_strings_ignore_case_unless_case_sensitive(s: Session) -> None:
    assert s.run("'b', 'A', 'a', 'B' | Sort-Object") == ["A", "a", "b", "B"]
    assert s.run("'B', 'b', 'A', 'a' | Sort-Object -CaseSensitive") == ["a", "A", "b", "B"]


def test_strings_sort_as_strings_and_dates_as_dates(s: Session) -> None:
    assert s.run("'10', '9', '100' | Sort-Object") == ["10", "100", "9"]
    assert s.text("([datetime]'2020-02-01', [datetime]'2019-12-31' | Sort-Object | % Year) -join ','") == [
        "2019,2020"]


def test_null_first_and_missing_property_last_in_both_directions(s: Session) -> None:
    script = ("$o = [pscustomobject]@{N='a'; V=2}, [pscustomobject]@{N='b'}, [pscustomobject]@{N='c'; V=$null},"
              " [pscustomobject]@{N='d'; V=1}\n")
    assert s.text(script + "($o | Sort-Object V).N -join ','") == ["c,d,a,b"]
    assert s.text(script + "($o | Sort-Object V -Descending).N -join ','") == ["a,d,c,b"]


def test_several_keys_with_per_key_direction(s: Session) -> None:
    script = ("$o = [pscustomobject]@{N='x'; V=2}, [pscustomobject]@{N='y'; V=1}, [pscustomobject]@{N='z'; V=2}\n"
              "($o | Sort-Object V, @{Expression='N'; Descending=$true}).N -join ','")
    assert s.text(script) == ["y,z,x"]
    assert s.text("('bb','a','ccc' | Sort-Object { $_.Length } -Descending) -join ','") == ["ccc,bb,a"]
    assert s.text("('bb','a' | Sort-Object @{e={$_.Length}; asc=$false}) -join ','") == ["bb,a"]


def test_stable_for_equal_keys(s: Session) -> None:
    script = "(1..9 | ForEach-Object { [pscustomobject]@{K = $_ % 3; I = $_} } | Sort-Object K).I -join ','"
    assert s.text(script) == ["3,6,9,1,4,7,2,5,8"]


def test_unique_top_bottom(s: Session) -> None:
    assert s.run("'a', 'A', 'b', 'a' | Sort-Object -Unique") == ["a", "b"]
    assert s.run("5, 3, 9, 1 | Sort-Object -Top 2") == [1, 3]
    assert s.run("5, 3, 9, 1 | Sort-Object -Top 2 -Descending") == [9, 5]
    assert s.run("5, 3, 9, 1 | Sort-Object -Bottom 2") == [5, 9]


def test_wildcard_property_and_hashtable_errors(s: Session) -> None:
    script = "($o = [pscustomobject]@{A1=2; A2='x'}, [pscustomobject]@{A1=1; A2='y'}) | Sort-Object A* | % A2"
    assert s.run(script) == ["y", "x"]
    s.run("1 | Sort-Object @{Foo=1}")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == "DictionaryKeyIllegal,Microsoft.PowerShell.Commands.SortObjectCommand"
    assert str(error) == "The Foo key is not valid."


def test_top_validates_range(s: Session) -> None:
    s.run("1 | Sort-Object -Top 0")
    assert s.errors()[0].fully_qualified_error_id.startswith("ParameterArgumentValidationError")


def test_empty_input_gives_nothing(s: Session) -> None:
    assert s.run("@() | Sort-Object") == []


def test_equal_objects_end_up_where_dotnet_list_sort_puts_them(s: Session) -> None:
    # pwsh sorts with .NET's unstable List.Sort: for three items its order of the two equal
    # names is reversed here, and -Unique keeps the first of them.
    s.run("$e = [pscustomobject]@{F = 'john'; L = 'smith'}, [pscustomobject]@{F = 'joesph'; L = 'smith'}, "
          "[pscustomobject]@{F = 'john'; L = 'smyth'}")
    assert s.run("($e | Sort-Object L -Descending).F -join ','") == ["john,joesph,john"]
    assert s.run("($e | Sort-Object L -Descending -Unique).F -join ','") == ["john,joesph"]
    # -Stable keeps equal objects in input order.
    assert s.run("($e | Sort-Object L -Descending -Stable).F -join ','") == ["john,john,joesph"]


def test_introsort_sorts_like_a_full_sort() -> None:
    import random
    from pwshlike.commands.builtins.introsort import introsort
    rng = random.Random(7)
    for size in (0, 1, 2, 3, 5, 16, 17, 40, 300):
        values = [rng.randint(0, 9) for _ in range(size)]
        result = list(values)
        introsort(result, lambda a, b: (a > b) - (a < b))
        assert result == sorted(values)
