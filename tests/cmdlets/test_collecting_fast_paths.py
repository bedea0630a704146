"""The fast paths of the cmdlets that collect their input (Sort-Object,
Group-Object, Select-Object -Property, Measure-Object): they must give
exactly what the general paths give.

* Sort-Object's plain-key order (keys read once, ties ranked and put
  through .NET's introsort on integers) against the general comparer
  order, on random data with ties, both directions, several keys, missing
  properties, -CaseSensitive, -Unique and -Stable;
* the input sink (``Cmdlet.input_sink`` through CollectingCmdletProcessor):
  objects that do not bind still give pwsh's error, $null is skipped,
  -ErrorVariable and a caller's collectors take the full way, the pipeline
  parameter ends bound to the last object, a steppable pipeline works.
"""

from __future__ import annotations

import random

import pytest

from helpers.session import Shell as Session
from pwshlike.commands.builtins.introsort import introsort, introsort_ranks
from pwshlike.commands.builtins.propexpr import PropertyExpression, SortKey, evaluate
from pwshlike.commands.builtins.sort import _compared_order, _plain_order, _plain_single_order
from pwshlike.dotnet.values import PSCustomObject


@pytest.fixture
def s() -> Session:
    return Session()


# --- Sort-Object's orders --------------------------------------------------------------------------

def test_ranked_introsort_is_the_comparer_introsort() -> None:
    rng = random.Random(1)
    for trial in range(1500):
        n = rng.choice([0, 1, 2, 3, 5, 15, 16, 17, 40, 300, 2000])
        distinct = rng.choice([1, 2, 3, 10, n + 1])
        ranks = [rng.randrange(distinct) for _ in range(n)]
        if trial % 7 == 0:
            ranks.sort()
        elif trial % 11 == 0:
            ranks.sort(reverse=True)
        expected = list(range(n))
        introsort(expected, lambda a, b: ranks[a] - ranks[b])
        assert introsort_ranks(ranks) == expected, (n, distinct)


def _value(rng: random.Random, kind: str) -> object:
    if kind == "number":
        return rng.choice([0, 1, 2, 1.0, 2.5, -1, 3])
    if kind == "int":
        return rng.choice([0, 1, 2, 3])
    return rng.choice(["a", "A", "b", "B", "ab", "Ab", "", "b "])


def test_plain_key_order_is_the_comparer_order() -> None:
    rng = random.Random(7)
    checked = 0
    for _trial in range(2500):
        n = rng.choice([1, 2, 3, 5, 17, 40, 120])
        columns = rng.choice([0, 1, 2])
        kinds = [rng.choice(["number", "int", "string"]) for _ in range(max(columns, 1))]
        keys: list[SortKey] = []
        if columns == 0:
            objects: list[object] = [_value(rng, kinds[0]) for _ in range(n)]
        else:
            objects = []
            for i in range(n):
                obj = PSCustomObject()
                obj.set_property("Id", i)
                for c in range(columns):
                    if rng.random() > 0.1:  # sometimes missing: sorts last either way
                        obj.set_property(f"P{c}", _value(rng, kinds[c]))
                objects.append(obj)
            keys = [SortKey(PropertyExpression(f"P{c}"), rng.choice([None, True, False])) for c in range(columns)]
        descending = rng.random() < 0.5
        ascending = [(not descending) if k.ascending is None else k.ascending for k in keys] or [not descending]
        flags = (rng.random() < 0.3, rng.random() < 0.3, rng.random() < 0.3)  # case-sensitive, stable, unique
        values = [evaluate(obj, keys) for obj in objects]
        if columns <= 1:  # one key, on a flat list of values (the objects themselves without keys)
            got = _plain_single_order(objects, objects if columns == 0 else [v[0] for v in values], ascending[0],
                                      *flags)
        else:
            got = _plain_order(objects, values, ascending, *flags)
        if got is None:
            continue
        checked += 1
        want = _compared_order(objects, values, ascending, *flags)
        assert [(type(x), x if columns == 0 else id(x)) for x in got] == \
            [(type(x), x if columns == 0 else id(x)) for x in want]
    assert checked > 2000


def test_plain_order_declines_values_the_comparer_must_see() -> None:
    for values in ([1, None], [1, "a"], [1.0, float("nan")], [True, False]):
        assert _plain_single_order(values, values, True, False, False, False) is None


def test_script_block_keys_run_once_per_object(s: Session) -> None:
    assert s.run("$n = 0; $null = 1, 'a', $null, 2 | Sort-Object { $script:n++; $_ }; $n") == [3]


def test_ties_among_objects_keep_dotnet_order(s: Session) -> None:
    script = "$o = 0..40 | % { [pscustomobject]@{ K = $_ % 3; I = $_ } }; "
    assert s.text(script + "($o | Sort-Object K).I -join ','") == [
        "0,21,15,24,12,27,18,30,9,6,33,3,36,39,28,34,25,22,37,31,40,16,1,13,10,4,19,7,17,38,2,35,5,8,29,11,26,14,"
        "23,32,20"]
    assert s.text(script + "($o | Sort-Object K -Descending).I -join ','") == [
        "20,38,2,23,35,5,32,8,17,29,11,14,26,25,31,34,37,28,22,40,1,16,4,13,10,19,7,39,3,36,6,33,30,12,27,15,24,"
        "18,21,9,0"]
    assert s.text(script + "($o | Sort-Object K -Unique).I -join ','") == ["0,28,17"]
    assert s.text(script + "($o | Sort-Object K -Stable).I[0..3] -join ','") == ["0,3,6,9"]
    assert s.text(script + "($o | Sort-Object K -Bottom 5).I -join ','") == ["26,29,32,35,38"]


def test_several_keys_with_directions_and_mixed_values(s: Session) -> None:
    script = ("$o = 0..40 | % { [pscustomobject]@{ K = $_ % 3; J = \"a$($_ % 2)\"; I = $_ } }; "
              "($o | Sort-Object K, @{e='J'; d=$true}).I -join ','")
    assert s.text(script) == ["39,3,27,15,21,33,9,0,18,12,30,6,36,24,7,13,25,37,19,1,31,28,34,40,22,16,10,4,17,29,"
                              "11,23,5,35,38,2,32,14,26,8,20"]
    assert s.text("1, 1.0, 2, 1 | Sort-Object | % { $_.GetType().Name }") == ["Int32", "Double", "Int32", "Int32"]
    assert s.text("3, 'a', $null, 2.5 | Sort-Object") == ["2.5", "3", "a"]
    assert s.run("'b','A','a','B','a' | Sort-Object -CaseSensitive -Unique") == ["a", "A", "b", "B"]
    assert s.run("'b','A','a','B','a' | Sort-Object -Descending -Stable") == ["b", "B", "A", "a", "a"]


# --- the input sink ----------------------------------------------------------------------------------

def test_null_input_is_skipped_and_numbers_sort(s: Session) -> None:
    assert s.run("$null, 3, $null, 1 | Sort-Object") == [1, 3]
    assert s.run("(1..1000 | Get-Random -Count 1000 -SetSeed 4 | Sort-Object)[0, 999]") == [1, 1000]


def test_input_that_cannot_bind_still_fails_per_object(s: Session) -> None:
    assert s.run("1, 2 | Sort-Object -InputObject 5") == []
    assert s.error_ids() == ["InputObjectNotBound,Microsoft.PowerShell.Commands.SortObjectCommand"] * 2


def test_the_parameter_ends_bound_to_the_last_object(s: Session) -> None:
    s.run("Set-StrictMode -Version 2; 1, 2, 3 | Measure-Object -Property Nope -ErrorAction SilentlyContinue")
    assert s.error_ids() == ["GenericMeasurePropertyNotFound,Microsoft.PowerShell.Commands.MeasureObjectCommand"]
    assert s.run("$Error[0].InvocationInfo.BoundParameters['InputObject']") == [3]


def test_collectors_take_the_full_way(s: Session) -> None:
    assert s.run("1, 3, 2 | Sort-Object -ErrorVariable ev; $ev.Count") == [1, 2, 3, 0]
    assert s.run("function f { [CmdletBinding()] param() 3, 1, 2 | Sort-Object }; f -ErrorVariable ev") == [1, 2, 3]
    assert s.run("1, 2, 'x', 4 | Measure-Object -Sum -ErrorVariable mv -ErrorAction SilentlyContinue | "
                 "% Sum; $mv.Count") == [None, 1]


def test_non_numeric_input_writes_its_error_in_order(s: Session) -> None:
    out = s.run("1, 2, 'x', 4 | % { Write-Output \"in $_\" -NoEnumerate | Out-Host; $_ } | "
                "Measure-Object -Sum -ErrorAction SilentlyContinue | % Sum")
    assert out == [None]
    assert s.error_ids() == ["NonNumericInputObject,Microsoft.PowerShell.Commands.MeasureObjectCommand"]


def test_steppable_pipeline(s: Session) -> None:
    assert s.run("$p = { Sort-Object }.GetSteppablePipeline(); $p.Begin($true); $p.Process(3); $p.Process(1); "
                 "$p.End()") == [1, 3]


# --- the sinks against the full way -------------------------------------------------------------------
# -ErrorVariable gives the command a collector, which keeps every object on the full way: the same
# input through both must give the same output and errors.

_ATOMS = ["1", "2", "-3", "2.5", "0.1", "[double]::NaN", "'7'", "'x'", "$null", "[long]9007199254740993",
          "[long]9007199254740992", "1e300", "[decimal]1.5", "$true", "'a'", "'A'"]


def _random_input(rng: random.Random, objects: bool) -> str:
    pool = rng.sample(_ATOMS, rng.randint(1, 5))
    items = []
    for i in range(rng.randint(1, 25)):
        value, other = rng.choice(pool), rng.choice(pool)
        if not objects:
            items.append(value)
        elif rng.random() < 0.1:
            items.append(f"[pscustomobject]@{{I={i}; W={other}}}")
        else:
            items.append(f"[pscustomobject]@{{I={i}; V={value}; W={other}}}")
    return ", ".join(items)


def _both_ways(s: Session, data: str, command: str, render: str) -> tuple[list[str], list[str]]:
    results = []
    for extra in ("", " -ErrorVariable ev"):
        s.run("$Error.Clear()")
        out = s.text(f"$d = @({data}); $d | {command}{extra} -ErrorAction SilentlyContinue | {render}")
        results.append(out + s.error_ids())
    return results[0], results[1]


_MEASURE_INFO = ('% { "$($_.Property)|$($_.Count)|$($_.Sum)|$($_.Average)|$($_.Minimum)|$($_.Maximum)|'
                 '$($_.StandardDeviation)|$($_.GetType().Name)|'
                 '$(if ($null -ne $_.Maximum) { $_.Maximum.GetType() })" }')


def test_measure_sink_gives_the_full_way_figures(s: Session) -> None:
    rng = random.Random(11)
    for _ in range(60):
        objects = rng.random() < 0.5
        prop = rng.choice(["-Property V", "V, W", "W, V"]) if objects else ""
        switches = " ".join(rng.sample(["-Sum", "-Average", "-Minimum", "-Maximum", "-StandardDeviation",
                                        "-AllStats"], rng.randint(0, 3)))
        fast, full = _both_ways(s, _random_input(rng, objects), f"Measure-Object {prop} {switches}", _MEASURE_INFO)
        assert fast == full


def test_group_sink_gives_the_full_way_groups(s: Session) -> None:
    rng = random.Random(12)
    render = ('% { "$($_.Name)|$($_.Count)|$(($_.Group | % { if ($_ -is [pscustomobject]) { $_.I } else { $_ } })'
              ' -join \',\')|$($_.GetType().Name)" }')
    for _ in range(60):
        objects = rng.random() < 0.7
        prop = rng.choice(["V", "V, W", "-Property W"]) if objects else ""
        switches = " ".join(rng.sample(["-CaseSensitive", "-NoElement"], rng.randint(0, 2)))
        fast, full = _both_ways(s, _random_input(rng, objects), f"Group-Object {prop} {switches}", render)
        assert fast == full


def test_sort_sink_gives_the_full_way_order(s: Session) -> None:
    rng = random.Random(13)
    for _ in range(60):
        objects = rng.random() < 0.7
        prop = rng.choice(["V", "V, W", "@{e='V'; d=$true}, W", "{ $_.W }"]) if objects else ""
        switches = " ".join(rng.sample(["-CaseSensitive", "-Descending", "-Unique", "-Top 3"], rng.randint(0, 2)))
        render = "% { if ($_ -is [pscustomobject]) { $_.I } else { \"$_ $($_.GetType().Name)\" } }"
        fast, full = _both_ways(s, _random_input(rng, objects), f"Sort-Object {prop} {switches}", render)
        assert fast == full


def test_measure_numbers_and_text(s: Session) -> None:
    assert s.text("1..10 | Measure-Object -Sum -Average -Maximum -Minimum -StandardDeviation | % { "
                  "\"$($_.Count) $($_.Sum) $($_.Average) $($_.Maximum) $($_.Minimum) $($_.StandardDeviation) "
                  "$($_.Sum.GetType().Name) $($_.Maximum.GetType().Name)\" }") == [
        "10 55 5.5 10 1 3.02765035409749 Double Double"]
    assert s.text("'b', 'a', 'c' | Measure-Object -Maximum -Minimum | % { \"$($_.Maximum) $($_.Minimum)\" }") == [
        "c a"]
    assert s.text("'a b', 'c' | Measure-Object -Line -Word -Character | % { "
                  "\"$($_.Lines) $($_.Words) $($_.Characters)\" }") == ["2 3 4"]
    assert s.run("(1..100000 | Measure-Object -Sum).Sum") == [5000050000.0]


def test_computed_properties_take_the_full_way(s: Session) -> None:
    script = ("$o = 1..4 | % { [pscustomobject]@{ V = $_ } | Add-Member -PassThru ScriptProperty D { $this.V * 2 } }; "
              "$n = [pscustomobject]@{ V = 9 }; ")
    assert s.text(script + "($o + $n | Measure-Object -Property D -Sum).Sum") == ["20"]
    # The object without D has no key value: its group comes last, named "".
    assert s.text(script + "($o + $n | Group-Object D | % Name) -join ','") == ["2,4,6,8,"]


# --- Select-Object -Property with plain names ----------------------------------------------------------

_OBJECTS = "$o = 0..5 | % { [pscustomobject]@{ V = $_; W = \"w$_\"; X = 1 } }; "


def test_select_plain_names_duplicates_and_exclusions(s: Session) -> None:
    assert s.text(_OBJECTS + "$o | Select-Object V, v, W -ExcludeProperty w | "
                  "% { \"$($_.V) $(@($_.PSObject.Properties.Name) -join '/')\" }") == [f"{i} V" for i in range(6)]
    assert s.text(_OBJECTS + "$o | Select-Object x, V -First 1 | "
                  "% { \"$(@($_.PSObject.Properties.Name) -join '/') $($_.PSTypeNames -join '/')\" }") == [
        "x/V Selected.System.Management.Automation.PSCustomObject/System.Management.Automation.PSCustomObject/"
        "System.Object"]
    assert s.text("'abc' | Select-Object Length | % { \"$($_.Length) $($_.PSTypeNames[0])\" }") == [
        "3 Selected.System.String"]
    assert s.text("@{ a = 1; b = 2 } | Select-Object a, b | % { \"$($_.a) $($_.b)\" }") == ["1 2"]


def test_selected_objects_stay_independent(s: Session) -> None:
    script = _OBJECTS + "$r = $o | Select-Object V; "
    assert s.text(script + "$r[0].PSTypeNames.Insert(0, 'Mine'); $r[1].PSTypeNames[0]; $r[0].PSTypeNames[0]") == [
        "Selected.System.Management.Automation.PSCustomObject", "Mine"]
    assert s.text(script + "$r[0] | Add-Member NoteProperty Z 1; @($r[1].PSObject.Properties.Name) -join '/'") == [
        "V"]


def test_select_first_writes_then_stops_upstream(s: Session) -> None:
    assert s.run("$i = 0; 1..10 | % { $i++; [pscustomobject]@{ V = $_ } } | Select-Object V -First 3 | % V; $i") == [
        1, 2, 3, 3]
    assert s.run("1..10 | Select-Object -Index 2, 4") == [3, 5]


def test_select_malformed_property_stops_the_command(s: Session) -> None:
    assert s.run(_OBJECTS + "$o | Select-Object @{ Bad = 1 }") == []
    assert s.error_ids() == ["DictionaryKeyIllegal,Microsoft.PowerShell.Commands.SelectObjectCommand"]


def test_group_buckets_are_the_sorted_groups() -> None:
    from pwshlike.commands.builtins.group import GroupInfo, _plain_groups, _single_key_groups
    from pwshlike.commands.builtins.propexpr import MISSING, stable_sort
    rng = random.Random(21)
    pools = [[0, 1, 2, 3, -1], [0.0, -0.0, 1.5, 2.0, -3.25], ["a", "A", "b", "B", "ab", "Ab", ""]]
    for _ in range(400):
        pool = rng.choice(pools) + [MISSING]
        rows = [([rng.choice(pool)], i) for i in range(rng.randint(1, 40))]
        split = rng.randint(0, len(rows))  # the later ones as the input sink keeps them
        got = _single_key_groups(rows[:split], [v[0] for v, _ in rows[split:]], [o for _, o in rows[split:]],
                                 GroupInfo, False)
        assert got is not None
        expected_rows = list(rows)
        stable_sort(expected_rows, [True], False)
        expected = _plain_groups(expected_rows, GroupInfo, False)
        assert [(g.Values, g.Group) for g in got] == [(g.Values, g.Group) for g in expected]
    assert _single_key_groups([(["a"], 0)], [], [], GroupInfo, True) is None  # case-sensitive strings: sorted way
    assert _single_key_groups([([1], 0)], [1.0], [1], GroupInfo, False) is None  # mixed types
    assert _single_key_groups([([float("nan")], 0)], [], [], GroupInfo, False) is None
