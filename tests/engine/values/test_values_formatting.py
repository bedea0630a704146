""".NET format strings (standard/custom numeric, date and time-span format
strings as -f and ToString use them) and .NET regular expressions."""

import datetime
from decimal import Decimal

import pytest

from pwshlike.dotnet.errors import ArgumentException, FormatException
from pwshlike.dotnet.formatting_net import (
    composite_format, format_datetime, format_number, format_timespan,
)
from pwshlike.dotnet.netregex import Regex, compile_pattern, expand_replacement, translate
from pwshlike.dotnet.values import Byte, Int64


@pytest.mark.parametrize("value, fmt, expected", [
    (1234.5678, "N2", "1,234.57"), (1234.5678, "N0", "1,235"), (-1234.5, "N1", "-1,234.5"),
    (0.125, "F2", "0.13"), (2.5, "F0", "3"), (1234.5, "F", "1234.50"), (1234.5, "C", "$1,234.50"),
    (-5, "C", "-$5.00"), (0.1234, "P1", "12.3%"), (0.5, "P", "50.00%"), (255, "X", "FF"), (255, "x4", "00ff"),
    (-1, "X", "FFFFFFFF"), (Int64(-1), "X", "FFFFFFFFFFFFFFFF"), (Byte(10), "X2", "0A"), (7, "D3", "007"),
    (-7, "D3", "-007"), (1234.5, "E2", "1.23E+003"), (0.000123, "e3", "1.230e-004"), (12345.678, "G3", "1.23E+04"),
    (12345.678, "G7", "12345.68"), (0.1 + 0.2, "R", "0.30000000000000004"), (1.5, "G", "1.5"),
    (Decimal("2.5"), "F0", "3"), (5, "B8", "00000101"),
    (3.14159, "0.00", "3.14"), (3.1, "0.00", "3.10"), (3.14159, "#.##", "3.14"), (0.5, "#.##", ".5"),
    (0.5, "0.##", "0.5"), (1234567, "#,##0", "1,234,567"), (1234567.891, "#,##0.00", "1,234,567.89"),
    (5, "000", "005"), (0.256, "0.0%", "25.6%"), (1234567, "#,##0,K", "1,235K"), (-5, "0;(0)", "(5)"),
    (0, "0;(0);zero", "zero"), (42, "'#'0", "#42"), (12345, "0.00E+00", "1.23E+04"),
])
def test_number_formats(value, fmt, expected):
    assert format_number(value, fmt) == expected


def test_invalid_number_formats():
    with pytest.raises(FormatException):
        format_number(1.5, "D2")
    with pytest.raises(FormatException):
        format_number(1.5, "X")


@pytest.mark.parametrize("fmt, expected", [
    ("yyyy-MM-dd", "2024-03-05"), ("dd/MM/yy", "05/03/24"), ("MMM d, yyyy", "Mar 5, 2024"),
    ("dddd", "Tuesday"), ("ddd", "Tue"), ("MMMM", "March"), ("HH:mm:ss.fff", "14:05:06.789"),
    ("h:mm tt", "2:05 PM"), ("hh", "02"), ("yyyyMMddHHmmss", "20240305140506"), ("s", "2024-03-05T14:05:06"),
    ("d", "3/5/2024"), ("D", "Tuesday, March 5, 2024"), ("t", "2:05 PM"), ("T", "2:05:06 PM"),
    ("G", "3/5/2024 2:05:06 PM"), ("M", "March 5"), ("y", "March 2024"),
    ("'Date:' yyyy", "Date: 2024"), (r"yyyy\-MM", "2024-03"), ("%d", "5"), ("FFF", "789"),
])
def test_date_formats(fmt, expected):
    assert format_datetime(datetime.datetime(2024, 3, 5, 14, 5, 6, 789000), fmt) == expected


def test_utc_date_formats():
    utc = datetime.datetime(2024, 3, 5, 14, 5, 6, tzinfo=datetime.timezone.utc)
    assert format_datetime(utc, "o") == "2024-03-05T14:05:06.0000000Z"
    assert format_datetime(utc, "u") == "2024-03-05 14:05:06Z"
    assert format_datetime(utc, "r") == "Tue, 05 Mar 2024 14:05:06 GMT"


@pytest.mark.parametrize("span, fmt, expected", [
    (datetime.timedelta(hours=1, minutes=2, seconds=3), r"hh\:mm\:ss", "01:02:03"),
    (datetime.timedelta(days=2, hours=3), "%d", "2"), (datetime.timedelta(days=2, hours=3), r"d\.hh", "2.03"),
    (datetime.timedelta(minutes=5, seconds=7), r"mm\:ss", "05:07"),
    (datetime.timedelta(seconds=1.25), r"ss\.fff", "01.250"), (datetime.timedelta(hours=1), "c", "01:00:00"),
    (datetime.timedelta(days=1, hours=1), "g", "1:1:00:00"),
])
def test_timespan_formats(span, fmt, expected):
    assert format_timespan(span, fmt) == expected


def test_timespan_literal_characters_must_be_escaped():
    with pytest.raises(FormatException):
        format_timespan(datetime.timedelta(hours=1), "hh:mm")


def test_composite_format_errors():
    with pytest.raises(FormatException) as info:
        composite_format("{0", ["x"])
    assert info.value.message == "Input string was not in a correct format."
    with pytest.raises(FormatException):
        composite_format("}", [])
    assert composite_format("{0:#,##0}|{1,5:N1}", [1234, 2.25]) == "1,234|  2.3"


@pytest.mark.parametrize("pattern, expected", [
    (r"(?<year>\d{4})", r"(?P<year>\d{4})"), (r"(?'n'a)", r"(?P<n>a)"), (r"(?<n>a)\k<n>", r"(?P<n>a)(?P=n)"),
    (r"a\z", r"a\Z"), (r"a\Z", r"a(?=\n?\Z)"), (r"(?<=a)b(?<!c)", r"(?<=a)b(?<!c)"), (r"\p{L}+", r"[^\W\d_]+"),
    (r"[]a]", r"[\]a]"), (r"[^]a]", r"[^\]a]"), (r"[a[b]", r"[a\[b]"),
])
def test_translate(pattern, expected):
    assert translate(pattern) == expected


def test_dotnet_group_numbering():
    # .NET numbers unnamed groups before named ones.
    m = compile_pattern(r"(?<a>x)(y)").search("xy")
    assert expand_replacement("$1-$2-${a}", m) == "y-x-x"
    match = Regex(r"(?<a>x)(y)").Match("xy")
    assert [(g.Name, g.Value) for g in match.Groups] == [("0", "xy"), ("1", "y"), ("a", "x")]


def test_replacement_specials():
    m = compile_pattern("b").search("abc")
    assert expand_replacement("[$`|$'|$&|$$|$9]", m) == "[a|c|b|$|$9]"


def test_regex_object():
    r = Regex(r"(\d+)")
    assert r.IsMatch("a12") is True
    assert r.Match("a12b").Value == "12"
    assert r.Match("ab").Success is False
    assert [m.Value for m in r.Matches("1 22 333")] == ["1", "22", "333"]
    assert r.Replace("a1b2", "<$1>") == "a<1>b<2>"
    assert r.Split("a1b") == ["a", "1", "b"]
    assert str(r) == r"(\d+)"


def test_invalid_pattern():
    with pytest.raises(ArgumentException) as info:
        compile_pattern("(")
    assert info.value.message.startswith("Invalid pattern '(' at offset")
