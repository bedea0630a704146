"""Lists (Format-List, objects with five or more properties) and wide views."""

from __future__ import annotations

import datetime

from pwshlike.dotnet.values import PSCustomObject

from .conftest import Shell, lines_of


def test_five_or_more_properties_make_a_list_with_labels_padded_to_the_longest() -> None:
    obj = PSCustomObject({"a": 1, "bb": 2, "c": None, "d": [1, 2], "e": "five"})
    assert lines_of(obj, obj) == ["", "a  : 1", "bb : 2", "c  : ", "d  : {1, 2}", "e  : five", "",
                                  "a  : 1", "bb : 2", "c  : ", "d  : {1, 2}", "e  : five", ""]


def test_long_values_wrap_under_the_value_column_and_lines_stay_lines() -> None:
    obj = PSCustomObject({"Name": "a", "Description": "word " * 12, "Multi": "one\ntwo", "X": 1, "Y": 2})
    assert lines_of(obj, width=40) == [
        "",
        "Name        : a",
        "Description : word word word word word ",
        "              word word word word word ",
        "              word word ",
        "Multi       : one",
        "              two",
        "X           : 1",
        "Y           : 2",
        "",
    ]


def test_each_object_lists_its_own_properties() -> None:
    many = PSCustomObject({k: 1 for k in "abcde"})
    other = PSCustomObject({k: 2 for k in "vwxyz"})
    assert lines_of(many, other)[7:13] == ["v : 2", "w : 2", "x : 2", "y : 2", "z : 2", ""]


def test_format_list_properties_labels_and_missing_names(shell: Shell) -> None:
    out = shell.out("[pscustomobject]@{Alpha=1;b=2} | Format-List @{l='Label';e={$_.b * 10}}, Alpha, Missing")
    assert out == "\nLabel : 20\nAlpha : 1\n\n"
    assert shell.out("[pscustomobject]@{a=1;bb=2} | Format-List *") == "\na  : 1\nbb : 2\n\n"
    assert shell.out("[pscustomobject]@{a=1;bb=2} | Format-List b*") == "\nbb : 2\n\n"


def test_timespan_uses_its_list_view() -> None:
    assert lines_of(datetime.timedelta(minutes=1, seconds=30)) == [
        "",
        "Days              : 0",
        "Hours             : 0",
        "Minutes           : 1",
        "Seconds           : 30",
        "Milliseconds      : 0",
        "Ticks             : 900000000",
        "TotalDays         : 0.00104166666666667",
        "TotalHours        : 0.025",
        "TotalMinutes      : 1.5",
        "TotalSeconds      : 90",
        "TotalMilliseconds : 90000",
        "",
    ]


def test_format_wide_defaults_to_two_columns_over_the_width(shell: Shell) -> None:
    out = shell.value('1..3 | % { [pscustomobject]@{Name="n$_"} } | Format-Wide | Out-String -Width 20')
    assert out == "\nn1         n2\nn3" + " " * 9 + "\n\n"


def test_format_wide_column_count_and_autosize(shell: Shell) -> None:
    out = shell.value('1..5 | % { [pscustomobject]@{Name="n$_"} } | Format-Wide -Column 3 | Out-String -Width 30')
    assert out == "\nn1         n2        n3\nn4         n5        \n\n"
    out = shell.value("'aaaa','b','cc' | % { [pscustomobject]@{Id=$_} } | Format-Wide -AutoSize | Out-String -Width 20")
    assert out == "\naaaa  b    cc   \n\n"


def test_format_wide_property_and_format_string(shell: Shell) -> None:
    out = shell.value("1,2 | % { [pscustomobject]@{N=$_} } | Format-Wide @{e='N'; f='[{0}]'} -Column 2 "
                      "| Out-String -Width 12")
    assert out == "\n[1]    [2]\n\n"
