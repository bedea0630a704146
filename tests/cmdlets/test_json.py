"""ConvertTo-Json and ConvertFrom-Json: pwsh's layout, depth truncation
and warning, escaping, and the values JSON becomes."""

from __future__ import annotations

import datetime as _dt

import pytest

from helpers.session import Shell as Session
from pwshlike.dotnet.values import Int64, PSCustomObject


@pytest.fixture
def s() -> Session:
    return Session()


def test_pretty_print_layout(s: Session) -> None:
    text = s.one("[ordered]@{a=1; b='x'; c=@(1,2); d=@{}; e=@(); f=$null; g=1.5; h=2.0; i=$true} | ConvertTo-Json")
    assert text == ('{\n  "a": 1,\n  "b": "x",\n  "c": [\n    1,\n    2\n  ],\n  "d": {},\n  "e": [],\n'
                    '  "f": null,\n  "g": 1.5,\n  "h": 2.0,\n  "i": true\n}')


def test_compress_arrays_and_as_array(s: Session) -> None:
    assert s.run("[pscustomobject]@{n='a'; v=@(1,'b')} | ConvertTo-Json -Compress") == ['{"n":"a","v":[1,"b"]}']
    assert s.run("1, 2 | ConvertTo-Json -Compress") == ["[1,2]"]
    assert s.run("1 | ConvertTo-Json -AsArray -Compress") == ["[1]"]
    assert s.run("ConvertTo-Json -InputObject @(1) -Compress") == ["[1]"]
    assert s.run("$null | ConvertTo-Json") == ["null"]


def test_depth_truncation_and_warning(s: Session) -> None:
    text = s.one("[ordered]@{a=[ordered]@{b=[ordered]@{c=[ordered]@{d=1}}}} | ConvertTo-Json")
    assert text == ('{\n  "a": {\n    "b": {\n      "c": "System.Collections.Specialized.OrderedDictionary"\n'
                    '    }\n  }\n}')
    assert s.warnings() == ["Resulting JSON is truncated as serialization has exceeded the set depth of 2."]
    assert s.run("@{a=@{b=@{c=1}}} | ConvertTo-Json -Depth 1 -Compress") == ['{"a":{"b":"System.Collections.Hashtable"}}']
    assert s.run("@{a=@{b=1}} | ConvertTo-Json -Depth 5 -Compress") == ['{"a":{"b":1}}']


def test_string_escaping(s: Session) -> None:
    assert s.run("'a\"b\\c<>' + \"`n`t\" | ConvertTo-Json") == ['"a\\"b\\\\c<>\\n\\t"']
    assert s.run("'<&>' | ConvertTo-Json -EscapeHandling EscapeHtml") == ['"\\u003c\\u0026\\u003e"']
    assert s.run("'é' | ConvertTo-Json -EscapeHandling EscapeNonAscii") == ['"\\u00e9"']
    assert s.run("'é' | ConvertTo-Json") == ['"é"']


def test_values(s: Session) -> None:
    assert s.run("[datetime]'2020-01-02T03:04:05.25' | ConvertTo-Json") == ['"2020-01-02T03:04:05.25"']
    assert s.run("[decimal]2 | ConvertTo-Json") == ["2.0"]
    assert s.run("[ConsoleColor]::Red | ConvertTo-Json") == ["12"]
    assert s.run("[ConsoleColor]::Red | ConvertTo-Json -EnumsAsStrings") == ['"Red"']
    assert s.run("[guid]'00000000-0000-0000-0000-000000000001' | ConvertTo-Json") == [
        '"00000000-0000-0000-0000-000000000001"']


def test_from_json_objects_and_types(s: Session) -> None:
    obj = s.one("'{\"a\":1,\"b\":[1,2,{\"c\":\"2020-01-01T00:00:00Z\"}],\"d\":null,\"e\":1.5,\"f\":\"x\"}' "
                "| ConvertFrom-Json")
    assert isinstance(obj, PSCustomObject)
    assert obj.property_names() == ["a", "b", "d", "e", "f"]
    assert isinstance(obj.get_property("a"), Int64)
    date = obj.get_property("b")[2].get_property("c")
    assert date == _dt.datetime(2020, 1, 1, tzinfo=_dt.timezone.utc)
    assert obj.get_property("e") == 1.5 and obj.get_property("d") is None
    assert s.run("('\"2020-01-01\"' | ConvertFrom-Json).GetType().Name") == ["String"]


def test_from_json_as_hashtable_is_an_ordered_case_sensitive_hashtable(s: Session) -> None:
    # pwsh 7.3+ returns System.Management.Automation.OrderedHashtable: a Hashtable (so -is [hashtable]
    # holds) that keeps the JSON's key order and tells keys apart by case.
    table = s.one("'{\"B\":1,\"a\":{\"x\":2}}' | ConvertFrom-Json -AsHashtable")
    assert list(table) == ["B", "a"]
    assert s.run("$h = '{\"B\":1,\"a\":{\"x\":2}}' | ConvertFrom-Json -AsHashtable; $h -is [hashtable]; "
                 "$h.GetType().Name; $h.GetType().FullName; $h.a -is [hashtable]; "
                 "$h -is [System.Collections.Specialized.OrderedDictionary]") == [
        True, "OrderedHashtable", "System.Management.Automation.OrderedHashtable", True, False]
    assert s.run("$h = '{\"k\":1,\"K\":2}' | ConvertFrom-Json -AsHashtable; $h.Count; $h.k; $h.K; "
                 "$null -eq $h.b") == [2, 1, 2, True]


def test_from_json_arrays_enumerate_unless_no_enumerate(s: Session) -> None:
    assert s.run("'[1,2,3]' | ConvertFrom-Json") == [1, 2, 3]
    assert s.run("('[1,2,3]' | ConvertFrom-Json -NoEnumerate).Count") == [3]
    assert s.run("'[]' | ConvertFrom-Json") == []


def test_lines_are_joined_when_the_first_is_incomplete(s: Session) -> None:
    assert s.run("('{', '\"a\": 1', '}' | ConvertFrom-Json).a") == [1]
    assert s.run("'1', '2' | ConvertFrom-Json") == [1, 2]
    assert s.run("('{ // comment', '\"a\": 1 /* more */ }' | ConvertFrom-Json).a") == [1]


def test_from_json_errors(s: Session) -> None:
    s.run("'{\"a\":1,\"A\":2}' | ConvertFrom-Json")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == ("KeysWithDifferentCasingInJsonString,"
                                              "Microsoft.PowerShell.Commands.ConvertFromJsonCommand")
    assert str(error) == ("Cannot convert the JSON string because it contains keys with different casing. Please "
                          "use the -AsHashTable switch instead. The key that was attempted to be added to the "
                          "existing key 'a' was 'A'.")
    s.run("'{\"a\":1,\"a\":2}' | ConvertFrom-Json")
    assert s.errors()[0].fully_qualified_error_id.startswith("DuplicateKeysInJsonString,")
    s.run("'{bad' | ConvertFrom-Json")
    assert str(s.errors()[0]).startswith("Conversion from JSON failed with error: ")
    s.run("'[[[1]]]' | ConvertFrom-Json -Depth 2")
    assert "MaxDepth of 2 has been exceeded" in str(s.errors()[0])


def test_round_trip(s: Session) -> None:
    script = ("$o = [pscustomobject]@{Name='n'; Tags=@('a','b'); Inner=[pscustomobject]@{X=1}}\n"
              "$j = $o | ConvertTo-Json -Compress; $j; ($j | ConvertFrom-Json).Inner.X")
    assert s.run(script) == ['{"Name":"n","Tags":["a","b"],"Inner":{"X":1}}', 1]


def test_values_newtonsoft_writes_as_strings_or_nulls(s: Session) -> None:
    assert s.run("[double]::NaN, [float]::PositiveInfinity, [double]::NegativeInfinity | ConvertTo-Json -Compress") \
        == ['["NaN","Infinity","-Infinity"]']
    assert s.run("[ordered]@{c = [System.DBNull]::Value; d = [NullString]::Value} | ConvertTo-Json -Compress") \
        == ['{"c":null,"d":null}']
    assert s.run("[uri]'http://example.com' | ConvertTo-Json") == ['"http://example.com"']
    assert s.run("[DateTime]::new(2024, 6, 15, 10, 30, 0, [DateTimeKind]::Utc) | ConvertTo-Json") \
        == ['"2024-06-15T10:30:00Z"']
    assert s.run("ConvertTo-Json -InputObject @() -Compress") == ["[]"]


def test_depth_truncation_casts_to_string(s: Session) -> None:
    assert s.run("@{ Child = @{ Items = 1, 2, 3 } } | ConvertTo-Json -Depth 1 -Compress 3>$null") \
        == ['{"Child":{"Items":"1 2 3"}}']


def test_added_properties_of_values(s: Session) -> None:
    s.run("$arr = 1, 2, 3\n"
          "Add-Member -InputObject $arr -NotePropertyName ArrayName -NotePropertyValue A\n"
          "$h = [ordered]@{ a = 1 }\n"
          "$h | Add-Member -NotePropertyName Extra -NotePropertyValue e\n"
          "$t = 'text' | Add-Member -NotePropertyName Extra -NotePropertyValue e -PassThru")
    assert s.run("ConvertTo-Json -InputObject $arr -Compress") == ['{"value":[1,2,3],"ArrayName":"A"}']
    assert s.run("$h | ConvertTo-Json -Compress") == ['{"a":1,"Extra":"e"}']
    # A string keeps its plain form.
    assert s.run("$t | ConvertTo-Json -Compress") == ['"text"']


def test_timespan_properties_in_dotnet_order(s: Session) -> None:
    text = s.one("[timespan]::new(1, 2, 3, 4, 5) | ConvertTo-Json -Compress")
    assert text.startswith('{"Ticks":937840050000,"Days":1,"Hours":2,"Milliseconds":5,"Microseconds":0,'
                           '"Nanoseconds":0,"Minutes":3,"Seconds":4,"TotalDays":1.0854630208333333,')
    assert text.endswith('"TotalNanoseconds":93784005000000.0,"TotalMinutes":1563.06675,"TotalSeconds":93784.005}')


def test_added_properties_of_a_uri_and_of_dbnull() -> None:
    s = Session()  # its own session: [DBNull]::Value is one object, and keeps what is added to it
    s.run("$u = Add-Member -InputObject ([uri]'https://example.com') -NotePropertyName P -NotePropertyValue t "
          "-PassThru\n"
          "$d = Add-Member -InputObject ([System.DBNull]::Value) -NotePropertyName P -NotePropertyValue t -PassThru")
    assert s.run("$u, $d | ConvertTo-Json -Compress") == [
        '[{"value":"https://example.com","P":"t"},{"value":null,"P":"t"}]']
