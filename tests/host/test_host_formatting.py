"""The minimal default formatter: pwsh's table/list layouts for simple objects."""

import datetime
import uuid

from pwshlike.engine.values import Hashtable, OrderedDictionary, PSCustomObject
from pwshlike.host.formatting import Formatter


def fmt(*objects, width=120):
    return Formatter(width=lambda: width)(list(objects))


def test_scalars_print_as_strings():
    assert fmt(1, "two", True, 2.5, None) == ["1", "two", "True", "2.5"]


def test_multiline_string_keeps_its_lines():
    assert fmt("a\nb") == ["a", "b"]


def test_collections_are_enumerated():
    assert fmt([1, [2, 3]]) == ["1", "2", "3"]


def test_hashtable_is_a_name_value_table_with_a_30_column_name():
    table = Hashtable()
    table["a"] = 1
    table["Longer"] = "x"
    assert fmt(table) == [
        "",
        "Name                           Value",
        "----                           -----",
        "a                              1",
        "Longer                         x",
        "",
    ]


def test_consecutive_dictionaries_share_one_table():
    first, second = OrderedDictionary(), OrderedDictionary()
    first["a"] = 1
    second["b"] = 2
    lines = fmt(first, second)
    assert lines.count("Name                           Value") == 1
    assert lines[-3:] == ["a                              1", "b                              2", ""]


def test_long_dictionary_values_are_cut_with_an_ellipsis():
    table = Hashtable()
    table["k"] = "x" * 100
    assert fmt(table, width=50)[3] == "k                              " + "x" * 18 + "\u2026"


def test_small_custom_objects_are_a_table_sized_to_content_numbers_right_aligned():
    first = PSCustomObject({"Name": "averylongname", "Count": 2})
    second = PSCustomObject({"Name": "x", "Count": 12345})
    assert fmt(first, second) == [
        "",
        "Name          Count",
        "----          -----",
        "averylongname     2",
        "x             12345",
        "",
    ]


def test_later_objects_of_the_same_type_use_the_first_objects_columns():
    lines = fmt(PSCustomObject({"a": 1}), PSCustomObject({"b": 2}))
    assert lines == ["", "a", "-", "1", "", ""]


def test_collection_property_values_show_four_items_then_an_ellipsis():
    lines = fmt(PSCustomObject({"L": [1, 2, 3, 4, 5]}), PSCustomObject({"L": ["x", "y"]}))
    assert lines[3:5] == ["{1, 2, 3, 4\u2026}", "{x, y}"]


def test_five_or_more_properties_make_a_list():
    obj = PSCustomObject({"a": 1, "bb": 2, "c": 3, "d": 4, "e": "five"})
    assert fmt(obj, obj) == ["", "a  : 1", "bb : 2", "c  : 3", "d  : 4", "e  : five", "",
                             "a  : 1", "bb : 2", "c  : 3", "d  : 4", "e  : five", ""]


def test_scalar_between_table_rows_keeps_its_place():
    obj = PSCustomObject({"a": 1})
    assert fmt(obj, "text", obj) == ["", "a", "-", "1", "text", "1", ""]


def test_different_kinds_are_separated_by_one_blank_line():
    table = Hashtable()
    table["k"] = "v"
    lines = fmt(table, PSCustomObject({"a": 1}))
    assert lines == ["", "Name                           Value", "----                           -----",
                     "k                              v", "", "a", "-", "1", ""]


def test_dates_guids_and_timespans():
    assert fmt(datetime.datetime(2025, 11, 21, 22, 40, 3)) == ["Friday, November 21, 2025 10:40:03 PM"]
    assert fmt(uuid.UUID(int=5)) == ["", "Guid", "----", "00000000-0000-0000-0000-000000000005", ""]
    lines = fmt(datetime.timedelta(hours=1, milliseconds=5))
    assert lines[1:3] == ["Days              : 0", "Hours             : 1"]
    assert "Milliseconds      : 5" in lines
    assert "TotalSeconds      : 3600.005" in lines


def test_streaming_session_emits_scalars_immediately_and_tables_at_the_end():
    session = Formatter().new_session()
    assert session.add("x") == ["x"]
    assert session.add(PSCustomObject({"a": 1})) == []
    assert session.finish() == ["", "a", "-", "1", ""]


def test_records_in_the_output_stream():
    from pwshlike.engine.errors import ErrorCategory, ErrorRecord, RuntimeException
    from pwshlike.engine.streams import VerboseRecord, WarningRecord
    record = ErrorRecord(RuntimeException("bad thing"), "X", ErrorCategory.InvalidData, None)
    assert fmt(WarningRecord("w"), VerboseRecord("v"), record) == ["WARNING: w", "VERBOSE: v",
                                                                   "InvalidData: bad thing"]
