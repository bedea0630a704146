"""``[pscustomobject]`` objects built alike share their property names (a
shape) and PSCustomObject's default type names: one object's edits (type
names, Add-Member, Remove, Copy) must never show on another, and names keep
their order and the case they were written in."""

from __future__ import annotations

import pickle

import pytest

from helpers.session import Shell as Session
from pwshlike.dotnet import values
from pwshlike.dotnet.values import PSCustomObject


@pytest.fixture
def s() -> Session:
    return Session()


LITERAL = "function New-Thing($n) { [pscustomobject]@{ Name = $n; Other = 'x' } }; "
NAMES = "($o.psobject.Properties.Name -join ',')"


def test_objects_from_one_literal_share_their_names(s: Session) -> None:
    a, b = s.run("foreach ($i in 1..2) { [pscustomobject]@{ A = $i; B = 'b' } }")
    assert a._shape is b._shape and a._shape.shared
    assert a.type_name_tuple() is b.type_name_tuple()


def test_objects_built_one_property_at_a_time_share_their_names() -> None:
    a = PSCustomObject({"A": 1, "B": 2})
    b = PSCustomObject([("A", 3), ("B", 4)])
    assert a._shape is b._shape
    assert PSCustomObject({"a": 1, "B": 2})._shape is not a._shape  # names keep their case


def test_type_names_are_copied_on_write(s: Session) -> None:
    script = LITERAL + ("$a = New-Thing 1; $b = New-Thing 2; $a.PSTypeNames.Insert(0, 'My.Type'); "
                        "$null = $b.psobject.TypeNames.Add('Extra'); $c = New-Thing 3; "
                        "$a.PSTypeNames -join ','; $b.PSTypeNames -join ','; $c.PSTypeNames -join ','")
    assert s.run(script) == [
        "My.Type,System.Management.Automation.PSCustomObject,System.Object",
        "System.Management.Automation.PSCustomObject,System.Object,Extra",
        "System.Management.Automation.PSCustomObject,System.Object"]


def test_pstypename_key_names_the_type_and_adds_no_property(s: Session) -> None:
    script = ("$o = [pscustomobject]@{ PSTypeName = 'T1'; A = 1; ('pstypename') = 'T2' }; "
              "$o.PSTypeNames -join ','; " + NAMES + "; "
              "([pscustomobject]@{ A = 1 }).PSTypeNames -join ','")
    assert s.run(script) == ["T2,T1,System.Management.Automation.PSCustomObject,System.Object", "A",
                             "System.Management.Automation.PSCustomObject,System.Object"]


def test_add_member_and_remove_change_only_that_object(s: Session) -> None:
    script = LITERAL + ("$a = New-Thing 1; $b = New-Thing 2; "
                        "$a | Add-Member -NotePropertyName New -NotePropertyValue 5; "
                        "$b.psobject.Properties.Remove('name'); $c = New-Thing 3; "
                        "($a.psobject.Properties.Name -join ','); ($b.psobject.Properties.Name -join ','); "
                        "($c.psobject.Properties.Name -join ','); $a.New; $b.Other; $c.Name")
    assert s.run(script) == ["Name,Other,New", "Other", "Name,Other", 5, "x", 3]


@pytest.mark.parametrize("make", [
    "'A,B', '1,2', '3,4' | ConvertFrom-Csv",
    "'[{\"A\":1,\"B\":2},{\"A\":3,\"B\":4}]' | ConvertFrom-Json",
    "[pscustomobject]@{ A = 1; B = 2 }, [pscustomobject]@{ A = 3; B = 4 } | Select-Object A, B",
    "'#TYPE My.Row', 'A,B', '1,2', '3,4' | ConvertFrom-Csv",
    "[System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::"
    "Serialize(@([pscustomobject]@{ A = 1; B = 2 }, [pscustomobject]@{ A = 3; B = 4 })))",
])
def test_rows_of_a_command_are_independent(s: Session, make: str) -> None:
    script = (f"$rows = @({make}); $rows[0].PSTypeNames.Insert(0, 'Q'); "
              "$rows[0] | Add-Member -NotePropertyName C -NotePropertyValue 9; "
              "$rows[0].psobject.Properties.Remove('A'); "
              "($rows[0].psobject.Properties.Name -join ','); ($rows[1].psobject.Properties.Name -join ','); "
              "$rows[1].PSTypeNames[0] -eq 'Q'; \"$($rows[1].a) $($rows[0].b)\"")
    assert s.run(script) == ["B,C", "A,B", False, "3 2"]


@pytest.mark.parametrize("make, first", [
    ("[pscustomobject]@{ A = 1 }, [pscustomobject]@{ A = 2 } | Select-Object A",
     "Selected.System.Management.Automation.PSCustomObject"),
    ("'#TYPE My.Row', 'A', '1', '2' | ConvertFrom-Csv", "My.Row"),
])
def test_rows_share_their_type_names_until_edited(s: Session, make: str, first: str) -> None:
    a, b = s.run(make)
    assert a.type_name_tuple() is b.type_name_tuple() and a.type_name_tuple()[0] == first
    a.type_names.insert(0, "Q")
    assert b.type_name_tuple()[0] == first


def test_order_and_case_as_written(s: Session) -> None:
    script = ("$o = [pscustomobject]@{ b = 1; A = 2; c = 3 }; $o.B = 10; $o.a; " + NAMES + "; "
              "$o.psobject.Properties.Remove('A'); $o.C; " + NAMES + "; "
              "$o | Add-Member -NotePropertyName a -NotePropertyValue 4; " + NAMES + "; $o.B; $o.A")
    assert s.run(script) == [2, "b,A,c", 3, "b,c", "b,c,a", 10, 4]


def test_keys_equal_but_for_case_keep_the_first_place_and_the_last_value(s: Session) -> None:
    script = "$k = 'x'; $j = 'X'; $o = [pscustomobject]@{ $k = 1; W = 0; $j = 2 }; " + NAMES + "; $o.x"
    assert s.run(script) == ["x,W", 2]


def test_copy_is_independent_both_ways(s: Session) -> None:
    script = LITERAL + ("$c = New-Thing 1; $d = $c.psobject.Copy(); $d.Name = 10; "
                        "$d | Add-Member -NotePropertyName Z -NotePropertyValue 1; "
                        "$c.psobject.Properties.Remove('Other'); $c.PSTypeNames.Insert(0, 'Q'); "
                        "$c.Name; ($c.psobject.Properties.Name -join ','); "
                        "$d.Name; ($d.psobject.Properties.Name -join ','); $d.PSTypeNames[0]")
    assert s.run(script) == [1, "Name", 10, "Name,Other,Z",
                             "System.Management.Automation.PSCustomObject"]


def test_setting_a_missing_property_is_still_an_error(s: Session) -> None:
    script = LITERAL + "$o = New-Thing 1; try { $o.Missing = 1 } catch { $_.FullyQualifiedErrorId }; " + NAMES
    assert s.run(script) == ["PropertyNotFound", "Name,Other"]


def test_computed_members_keep_their_place(s: Session) -> None:
    script = ("$g = [pscustomobject]@{ A = 1; C = 3 }; "
              "$g | Add-Member -MemberType ScriptProperty -Name B -Value { $this.A + 1 }; "
              "$g | Add-Member -MemberType AliasProperty -Name AA -Value A; "
              "$g | Add-Member -MemberType ScriptMethod -Name M -Value { 'm' + $this.A }; "
              "$g.psobject.Properties | ForEach-Object { \"$($_.Name) $($_.MemberType) $($_.Value)\" }; "
              "$g.AA = 5; $g.M(); $g.B; "
              "$g | Add-Member -NotePropertyName b -NotePropertyValue 7 -Force; "
              "($g.psobject.Properties.Name -join ','); $g.B")
    assert s.run(script) == ["A NoteProperty 1", "C NoteProperty 3", "B ScriptProperty 2",
                             "AA AliasProperty 1", "m5", 6, "A,C,AA,b", 7]


def test_table_columns_show_a_script_property_s_value(s: Session) -> None:
    script = ("$g = [pscustomobject]@{ A = 1 }; "
              "$g | Add-Member -MemberType ScriptProperty -Name B -Value { $this.A + 1 }; "
              "($g | Format-Table A, B | Out-String).Trim()")
    assert s.run(script)[0].splitlines()[-1].split() == ["1", "2"]


def test_many_properties_keep_order_after_removals() -> None:
    obj = PSCustomObject()
    for i in range(150):
        obj.set_property(f"P{i}", i)
    for i in range(0, 150, 3):
        assert obj.remove_property(f"p{i}")
    kept = [i for i in range(150) if i % 3]
    assert obj.property_names() == [f"P{i}" for i in kept]
    assert [obj.get_property(f"p{i}") for i in kept] == kept
    obj.set_property("P0", "again")
    assert obj.items()[-1] == ("P0", "again")
    other = PSCustomObject({f"P{i}": i for i in range(150)})
    assert other.property_names() == [f"P{i}" for i in range(150)]


def test_pickle_round_trip_keeps_names_values_and_type_names() -> None:
    obj = PSCustomObject.with_type_names("My.Type", {"A": 1, "b": "two"})
    PSCustomObject({"A": 1, "b": 2, "Other": 3})  # grows a shape from obj's, which the pickle leaves out
    back = pickle.loads(pickle.dumps(obj))
    assert back._shape.grown is None
    assert back.items() == [("A", 1), ("b", "two")]
    assert back.type_name_tuple() == obj.type_name_tuple()
    back.set_property("C", 3)
    assert obj.property_names() == ["A", "b"]


def test_shared_shapes_start_afresh_when_too_many_names_were_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(values, "_SHAPE_CACHE_LIMIT", 8)
    objs = [PSCustomObject({f"K{i}": i, "Same": -i}) for i in range(40)]
    assert values._shapes_grown <= 8
    assert all(o.items() == [(f"K{i}", i), ("Same", -i)] for i, o in enumerate(objs))
    assert PSCustomObject({"X": 1})._shape is PSCustomObject({"X": 2})._shape


def test_objects_given_the_same_type_name_keep_sharing(s: Session) -> None:
    a, b = s.run("foreach ($i in 1..2) { [pscustomobject]@{ PSTypeName = 'My.Row'; A = $i } }")
    assert a.type_name_tuple() is b.type_name_tuple()
    assert a.type_name_tuple() == ("My.Row", "System.Management.Automation.PSCustomObject", "System.Object")
    c, d = s.run("$c, $d = foreach ($i in 1..2) { [pscustomobject]@{ A = $i } }; "
                 "$c, $d | Add-Member -TypeName My.Added; $c | Add-Member -TypeName Only.C; $c; $d")
    assert c.type_name_tuple()[:2] == ("Only.C", "My.Added") and d.type_name_tuple()[0] == "My.Added"


def test_a_held_type_name_list_sees_later_additions(s: Session) -> None:
    script = ("$o = [pscustomobject]@{ A = 1 }; $t = $o.PSTypeNames; $o | Add-Member -TypeName My.Later; "
              "$null = $o | Select-Object -First 1; $t[0]; $t[1]; $o.PSTypeNames.Count")
    assert s.run(script) == ["Selected.System.Management.Automation.PSCustomObject", "My.Later", 4]


def test_wide_json_objects_share_one_shape_and_keep_their_errors(s: Session) -> None:
    keys = ",".join(f'"K{i}":{i}' for i in range(200))
    a, b = s.run(f"'[{{{keys}}},{{{keys}}}]' | ConvertFrom-Json")
    assert a._shape is b._shape and b.get_property("k199") == 199 and len(a.property_names()) == 200
    script = ("foreach ($t in '{\"a\":1,\"a\":2}', '{\"a\":1,\"A\":2}', '{\"\":1}') { "
              "try { $t | ConvertFrom-Json } catch { $_.FullyQualifiedErrorId.Split(',')[0] } }")
    assert s.run(script) == ["DuplicateKeysInJsonString", "KeysWithDifferentCasingInJsonString",
                             "EmptyKeyInJsonString"]


def test_names_held_for_sharing_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(values, "_NAMES_HELD_LIMIT", 50)
    for i in range(20):
        PSCustomObject.from_names(tuple(f"N{i}_{j}" for j in range(10)), list(range(10)))
    assert values._names_held <= 50 and sum(len(k) for k in values._BY_NAMES) <= 50
