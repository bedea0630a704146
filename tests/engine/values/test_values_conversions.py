"""LanguagePrimitives conversions (about_Type_Conversion, about_Booleans,
about_Numeric_Literals) with the values and messages pwsh 7 gives."""

import datetime
import uuid
from decimal import Decimal

import pytest

from pwshlike.dotnet.conversions import (
    convert_to, format_double, parse_number, to_bool, to_number, to_string,
)
from pwshlike.dotnet.errors import PSInvalidCastException, RuntimeException
from pwshlike.dotnet.types import resolve_type
from pwshlike.dotnet.values import (
    Byte, Char, EnumValue, GenericList, Hashtable, Int64, OrderedDictionary, PSCustomObject, Single,
    SwitchParameter, TypedArray,
)


@pytest.mark.parametrize("value, expected", [
    (None, False), ("", False), ("False", True), ("0", True), (" ", True),
    (0, False), (1, True), (-1, True), (0.0, False), (0.5, True), (Decimal(0), False),
    ([], False), ([0], False), ([1], True), (["False"], True), ([[]], False), ([[0]], True),
    ([0, 0], True), (Hashtable(), True), (PSCustomObject(), True),
    (SwitchParameter(True), True), (SwitchParameter(False), False), (Char("\0"), False), (Char("a"), True),
])
def test_is_true(value, expected):
    assert to_bool(value) is expected


@pytest.mark.parametrize("value, expected", [
    (None, ""), (True, "True"), (False, "False"), (42, "42"), (Int64(2 ** 40), "1099511627776"),
    (0.1 + 0.2, "0.3"), (1e20, "1E+20"), (1 / 3, "0.333333333333333"),
    (5.0, "5"), (1e15, "1E+15"), (1e14, "100000000000000"), (0.0001, "0.0001"), (0.00001, "1E-05"),
    (-2.5, "-2.5"), (123456789012345678.0, "1.23456789012346E+17"), (float("nan"), "NaN"),
    (float("inf"), "Infinity"), (Single(0.1), "0.1"), (Single(1e7), "1E+07"),
    (Decimal("1.50"), "1.50"), (Char("x"), "x"),
    ([1, 2, 3], "1 2 3"), ([1, [2, 3]], "1 System.Object[]"), ([None, "a"], " a"),
    (Hashtable({"a": 1}), "System.Collections.Hashtable"),
    (OrderedDictionary(), "System.Collections.Specialized.OrderedDictionary"),
    (PSCustomObject({"a": 1, "b": "x"}), "@{a=1; b=x}"),
    (PSCustomObject({"a": [1, 2], "b": None}), "@{a=System.Object[]; b=}"),
    (datetime.datetime(2024, 1, 15, 10, 30, 5), "01/15/2024 10:30:05"),
    (datetime.timedelta(days=1, hours=2, minutes=3, seconds=4), "1.02:03:04"),
    (datetime.timedelta(milliseconds=1500), "00:00:01.5000000"),
    (uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"),
    (SwitchParameter(True), "True"),
])
def test_to_string(value, expected):
    assert to_string(value) == expected


def test_to_string_uses_ofs():
    assert to_string([1, 2], ofs="-") == "1-2"


def test_type_names_print_as_full_names():
    assert to_string(resolve_type("int")) == "System.Int32"
    assert to_string([resolve_type("string")]) == "System.String"


@pytest.mark.parametrize("text, expected, expected_type", [
    ("12", 12, int), (" 12 ", 12, int), ("0x10", 16, int), ("1e3", 1000.0, float),
    ("2.5", 2.5, float), ("", 0, int), ("  ", 0, int), ("10kb", 10240, int),
    ("0xFFFFFFFF", -1, int), ("3000000000", 3000000000, Int64), ("-7", -7, int),
    ("1.5d", Decimal("1.5"), Decimal), ("5l", 5, Int64),
])
def test_to_number_parses_like_literals(text, expected, expected_type):
    result = to_number(text)
    assert result == expected
    assert type(result) is expected_type


def test_to_number_null_and_bool():
    assert to_number(None) == 0
    assert to_number(True) == 1


def test_to_number_failure_message():
    with pytest.raises(PSInvalidCastException) as info:
        to_number("abc")
    assert info.value.message == ('Cannot convert value "abc" to type "System.Int32". '
                                  'Error: "The input string \'abc\' was not in a correct format."')


def test_parse_number_rejects_garbage():
    assert parse_number("1.2.3") is None
    assert parse_number("12abc") is None


@pytest.mark.parametrize("type_name, value, expected", [
    ("int", 2.5, 2), ("int", 3.5, 4), ("int", -2.5, -2), ("int", "2.5", 2), ("int", "0x1F", 31),
    ("int", None, 0), ("int", True, 1), ("int", "", 0), ("int", " 42 ", 42), ("int", Decimal("2.5"), 2),
    ("long", "9000000000", 9000000000), ("byte", 255, 255), ("double", "1e3", 1000.0),
    ("double", None, 0.0), ("double", 3, 3.0), ("decimal", "1.10", Decimal("1.10")),
    ("decimal", 0.1, Decimal("0.1")), ("bool", "false", True), ("bool", "", False), ("bool", 0, False),
    ("bool", [], False), ("string", None, ""), ("string", [1, 2], "1 2"), ("string", 1.0, "1"),
    ("char", "a", "a"), ("char", 65, "A"),
])
def test_casts(type_name, value, expected):
    assert convert_to(value, type_name) == expected


def test_cast_types():
    assert type(convert_to(5, "long")) is Int64
    assert type(convert_to(5, "byte")) is Byte
    assert type(convert_to("x", "char")) is Char
    assert type(convert_to(1, "single")) is Single


@pytest.mark.parametrize("type_name, value, message", [
    ("int", "abc", 'Cannot convert value "abc" to type "System.Int32". '
                   'Error: "The input string \'abc\' was not in a correct format."'),
    ("int", 1e20, 'Cannot convert value "1E+20" to type "System.Int32". '
                  'Error: "Value was either too large or too small for an Int32."'),
    ("byte", 300, 'Cannot convert value "300" to type "System.Byte". '
                  'Error: "Value was either too large or too small for an unsigned byte."'),
    ("double", "x1", 'Cannot convert value "x1" to type "System.Double". '
                     'Error: "The input string \'x1\' was not in a correct format."'),
    ("char", "ab", 'Cannot convert value "ab" to type "System.Char". '
                   'Error: "String must be exactly one character long."'),
    ("int", [1, 2], 'Cannot convert the "1 2" value of type "System.Object[]" to type "System.Int32".'),
    ("hashtable", 5, 'Cannot convert the "5" value of type "System.Int32" to type "System.Collections.Hashtable".'),
    ("ConsoleColor", "purple", 'Cannot convert value "purple" to type "System.ConsoleColor". Error: '
                               '"Unable to match the identifier name purple to a valid enumerator name. '
                               'Specify one of the following enumerator names and try again:\nBlack, DarkBlue, '
                               'DarkGreen, DarkCyan, DarkRed, DarkMagenta, DarkYellow, Gray, DarkGray, Blue, '
                               'Green, Cyan, Red, Magenta, Yellow, White"'),
])
def test_cast_failures(type_name, value, message):
    with pytest.raises(PSInvalidCastException) as info:
        convert_to(value, type_name)
    assert info.value.message == message
    assert str(info.value.error_record.category_info).startswith("InvalidArgument:")


def test_cast_failure_is_a_runtime_exception():
    with pytest.raises(RuntimeException):
        convert_to("abc", "int")


def test_typed_array_conversion():
    result = convert_to(["1", 2.5, 3], "int[]")
    assert isinstance(result, TypedArray)
    assert result == [1, 2, 3]
    assert str(resolve_type("int[]")) == "System.Int32[]"
    assert convert_to(5, "string[]") == ["5"]
    assert convert_to(None, "int[]") is None


def test_generic_list_conversion():
    result = convert_to(["1", "2"], "System.Collections.Generic.List[int]")
    assert isinstance(result, GenericList)
    assert result == [1, 2]


def test_hashtable_to_pscustomobject_keeps_order_and_type_name():
    obj = convert_to(Hashtable({"b": 1, "a": 2, "PSTypeName": "My.Type"}), "pscustomobject")
    assert obj.property_names() == ["b", "a"]
    assert obj.type_names[0] == "My.Type"


def test_scalar_to_array_wraps():
    assert convert_to(5, "array") == [5]
    assert convert_to([1, 2], "object[]") == [1, 2]


def test_enum_conversions():
    red = convert_to("red", "System.ConsoleColor")
    assert isinstance(red, EnumValue) and int(red) == 12 and str(red) == "Red"
    flags = convert_to("IgnoreCase, Multiline", "System.Text.RegularExpressions.RegexOptions")
    assert int(flags) == 3 and str(flags) == "IgnoreCase, Multiline"
    assert str(convert_to(1, "System.Management.Automation.ActionPreference")) == "Stop"


def test_dates_guids_timespans():
    assert convert_to("2024-03-05", "datetime") == datetime.datetime(2024, 3, 5)
    assert convert_to("03/05/2024 14:30", "datetime") == datetime.datetime(2024, 3, 5, 14, 30)
    assert convert_to("{12345678-1234-1234-1234-123456789abc}", "guid") == \
        uuid.UUID("12345678-1234-1234-1234-123456789abc")
    assert convert_to("1.02:03:04", "timespan") == datetime.timedelta(days=1, hours=2, minutes=3, seconds=4)
    assert convert_to("00:10", "timespan") == datetime.timedelta(minutes=10)
    with pytest.raises(PSInvalidCastException) as info:
        convert_to("not a date", "datetime")
    assert info.value.message.startswith('Cannot convert value "not a date" to type "System.DateTime".')


def test_format_double_negative_zero():
    assert format_double(-0.0) == "-0"
