"""Tables as pwsh 7 prints them.  Expected texts marked "pwsh test" are the
expectations of PowerShell's own Format-Table.Tests.ps1; the others follow
the TableWriter/ColumnWidthManager rules they exercise."""

from __future__ import annotations

from pwshlike.dotnet.values import Hashtable, PSCustomObject
from pwshlike.formatting import TableColumn, TableView
from pwshlike.formatting.output import Outputter
from pwshlike.formatting.shape import FormatParameters, Shaper, ShapeSettings

from .conftest import Shell, lines_of, registry_with


def test_objects_with_up_to_four_properties_are_a_table_sized_to_their_values(shell: Shell) -> None:
    # pwsh test: "Should render header/row correctly where values are wider than header w/ implicit autosize"
    script = '[pscustomobject]@{abc="1234";bcd="123"},[pscustomobject]@{abc="1";bcd="1234"} | Format-Table | Out-String'
    assert shell.value(script) == "\nabc  bcd\n---  ---\n1234 123\n1    1234\n\n"
    script = '[pscustomobject]@{abc="123";bcd="1234"},[pscustomobject]@{abc="1";bcd="123"} | Out-String'
    assert shell.value(script) == "\nabc bcd\n--- ---\n123 1234\n1   123\n\n"


def test_numbers_are_right_aligned_and_strings_left_aligned(shell: Shell) -> None:
    # pwsh test: "Should render header correctly where header is shorter than column width with justification"
    assert shell.value('[PSCustomObject]@{a="abc";b=123} | Format-Table | Out-String') == "\na     b\n-     -\nabc 123\n\n"
    assert shell.value('[PSCustomObject]@{a="abc";b="abc"} | Format-Table | Out-String') == "\na   b\n-   -\nabc abc\n\n"
    assert shell.value('[PSCustomObject]@{a=123;b="abc"} | Format-Table | Out-String') == "\n  a b\n  - -\n123 abc\n\n"
    assert shell.value('[PSCustomObject]@{a=123;b=123} | Format-Table | Out-String') == "\n  a   b\n  -   -\n123 123\n\n"


def test_booleans_are_right_aligned_and_floats_show_two_decimals() -> None:
    obj = PSCustomObject({"Name": "x", "Ok": True, "Ratio": 1234.56789, "Small": 0.5})
    assert lines_of(obj) == ["", "Name   Ok   Ratio Small", "----   --   ----- -----",
                             "x    True 1234.57  0.50", ""]


def test_wrapped_rows_continue_under_their_column(shell: Shell) -> None:
    # pwsh test: "Should render rows correctly when wrapped"
    right = shell.value('[pscustomobject]@{A=1;B=2;Name="This`nIs some random`nmultiline content"} '
                        '| Format-Table -Wrap | Out-String')
    assert right == "\nA B Name\n- - ----\n1 2 This\n    Is some random\n    multiline content\n\n"
    left = shell.value('[pscustomobject]@{Name="This`nIs some random`nmultiline content";A=1;B=2} '
                       '| Format-Table -Wrap | Out-String')
    assert left == ("\nName                                  A B\n----                                  - -\n"
                    "This                                  1 2\nIs some random\nmultiline content\n\n")
    middle = shell.value('[pscustomobject]@{A=1;Name="This`nIs some random`nmultiline content";B=2} '
                         '| Format-Table -Wrap | Out-String')
    assert middle == ("\nA Name                                  B\n- ----                                  -\n"
                      "1 This                                  2\n  Is some random\n  multiline content\n\n")


def test_calculated_column_with_width_and_center_alignment(shell: Shell) -> None:
    # pwsh test: "Should be formatted correctly if width is declared and using center alignment"
    script = "[pscustomobject] @{ one = 1 } | Format-Table @{ l='one'; e='one'; width=10; alignment='center' } | Out-String"
    assert shell.value(script) == "\n   one\n   ---\n    1\n\n"


def test_double_width_characters_take_two_cells(shell: Shell) -> None:
    # pwsh test: "Should be formatted correctly with double byte wide chars"
    script = '[pscustomobject]@{"\u54c7" = "62"; "dbda" = "KM"; "\u6d88\u606f" = "\u5343"} | Format-Table | Out-String'
    assert shell.value(script) == "\n\u54c7 dbda \u6d88\u606f\n-- ---- ----\n62 KM   \u5343\n\n"


def test_no_trailing_whitespace_in_header_or_rows(shell: Shell) -> None:
    # pwsh tests: "should not add trailing whitespace to the header / to rows"
    assert shell.value('"hello" | Format-Table -Property foo -Force | Out-String') == "\nfoo\n---\n\n\n"
    assert shell.value("[pscustomobject]@{a=1;b=2} | Format-Table -HideTableHeaders | Out-String") == "\n1 2\n\n"
    # Rows are not trimmed: an empty last cell leaves the padding of the cells before it.
    assert shell.value('"line1","line2" | Format-Table -Property fox,bar -Force | Out-String') == \
        "\nfox bar\n--- ---\n    \n    \n\n"


def test_empty_input_gives_no_table(shell: Shell) -> None:
    # pwsh test: "Format-Table with '<testName>' should return $null"
    assert shell.value('@{} | Format-Table -Property "foo","bar" | Out-String') == ""
    assert shell.value('$null | Format-Table -Property "foo","bar" | Out-String') == ""


def test_hashtables_are_name_value_tables_with_a_30_cell_name_column() -> None:
    table = Hashtable()
    table["a"] = 1
    table["array"] = list(range(256))
    table["n" * 40] = "x" * 100
    assert lines_of(table, width=60) == [
        "",
        "Name                           Value",
        "----                           -----",
        "a                              1",
        "array                          {0, 1, 2, 3\u2026}",
        "n" * 29 + "\u2026 " + "x" * 28 + "\u2026",
        "",
    ]


def test_enumeration_limit_is_the_global_variable(shell: Shell) -> None:
    assert "test                           {1, 2, 3, 4\u2026}" in shell.out("@{test = 1..10}")
    shell.out("$global:FormatEnumerationLimit = 1")
    assert "test                           {1\u2026}" in shell.out("@{test = 1..10}")
    shell.out("$global:FormatEnumerationLimit = -1")
    assert "test                           {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}" in shell.out("@{test = 1..10}")


def test_wide_tables_shrink_the_last_column_and_drop_columns_that_cannot_fit() -> None:
    obj = PSCustomObject({"A": "a" * 10, "B": "b" * 10, "C": "c" * 30})
    assert lines_of(obj, width=30) == ["", "A          B          C", "-          -          -",
                                       "aaaaaaaaaa bbbbbbbbbb ccccccc\u2026", ""]
    # C cannot fit and is dropped; B shrinks.  Only the header labels' line is
    # built like a wrapped row, without padding after its last visible cell.
    assert lines_of(obj, width=15) == ["", "A          B", "-          -   ", "aaaaaaaaaa bbb\u2026", ""]


def test_later_objects_use_the_first_objects_columns() -> None:
    assert lines_of(PSCustomObject({"a": 1}), PSCustomObject({"b": 2}), PSCustomObject({"a": 3})) == \
        ["", "a", "-", "1", " ", "3", ""]


def test_scalars_keep_their_place_among_rows() -> None:
    obj = PSCustomObject({"a": "x"})
    assert lines_of(obj, "text", obj) == ["", "a", "-", "x", "text", "x", ""]


def test_group_by_starts_a_group_with_a_header_when_the_value_changes(shell: Shell) -> None:
    out = shell.out('1..4 | % { [pscustomobject]@{K = if ($_ -le 2) {"low"} else {"high"}; N = $_} } '
                    '| Format-Table -GroupBy K N')
    # pwsh 7 writes no blank line after a table group (OutCommandInner.ProcessGroupEnd).
    assert out == "\n   K: low\n\nN\n-\n1\n2\n   K: high\n\nN\n-\n3\n4\n\n"


def test_calculated_property_labels_format_strings_and_script_columns(shell: Shell) -> None:
    out = shell.out('[pscustomobject]@{Size = 1536} | Format-Table @{n="KB"; e={$_.Size / 1KB}; f="N1"}, '
                    '{$_.Size * 2}')
    assert out == "\n KB $_.Size * 2\n -- -----------\n1.5        3072\n\n"


def test_implicit_sizing_uses_the_rows_that_arrive_within_300_ms() -> None:
    now = [0.0]
    outputter = Outputter(80, 80, clock=lambda: now[0])
    shaper = Shaper(ShapeSettings(registry_with()))

    def send(obj: object) -> None:
        packets: list = []
        shaper.process(obj, packets)
        for packet in packets:
            outputter.process(packet)

    send(PSCustomObject({"V": "a"}))
    send(PSCustomObject({"V": "bb"}))
    now[0] = 1.0
    send(PSCustomObject({"V": "ccc"}))  # arrives after the window: still sizes the columns, then they are fixed
    send(PSCustomObject({"V": "dddd"}))
    packets: list = []
    shaper.finish(packets)
    for packet in packets:
        outputter.process(packet)
    outputter.finish()
    assert outputter.take() == ["", "V", "-", "a", "bb", "ccc", "dd\u2026", ""]


def test_autosize_sizes_columns_from_every_row(shell: Shell) -> None:
    out = shell.out('1..3 | % { [pscustomobject]@{N = "x" * $_} } | Format-Table -AutoSize')
    assert out == "\nN\n-\nx\nxx\nxxx\n\n"


def test_view_columns_with_fixed_widths_alignment_and_truncation(shell: Shell) -> None:
    registry = registry_with()
    registry.add(TableView("Default", ["Test.Format"], [
        TableColumn("First", "LongLongHeader", 4, "Left"),
        TableColumn("Second", "Header2", 7, "Right"),
        TableColumn("Third", "Header3", 5, "Center"),
    ]))
    shell.use_registry(registry)

    def test_object(first: object, second: object, third: object) -> None:
        obj = PSCustomObject({"First": first, "Second": second, "Third": third},
                             type_names=["Test.Format", "System.Management.Automation.PSCustomObject"])
        shell.session.context.set_variable_value("o", obj)

    # pwsh test: "Format-Table should correctly render rows: narrow values"
    test_object(1, 2, 3)
    narrow = shell.value("$o | Format-Table | Out-String")
    assert narrow == ("\nLong Header2 Heade\nLong          r3\nHead\ner\n---- ------- -----\n"
                      "1          2   3\n\n")
    # pwsh test: "wide values" (right-aligned values keep their end)
    test_object("12345", "12345678", "123456")
    wide = shell.value("$o | Format-Table | Out-String")
    assert wide == ("\nLong Header2 Heade\nLong          r3\nHead\ner\n---- ------- -----\n"
                    "123\u2026 \u2026345678 1234\u2026\n\n")
    # pwsh test: "wide values with wrap, all 3 columns"
    wrapped = shell.value("$o | Format-Table -Wrap | Out-String")
    assert wrapped == ("\nLong Header2 Heade\nLong          r3\nHead\ner\n---- ------- -----\n"
                       "1234 1234567 12345\n5          8   6\n\n")


def test_table_header_style_with_ansi_rendering(shell: Shell) -> None:
    # pwsh test: 'Table header should use TableHeader'
    shell.out("$PSStyle.OutputRendering = 'Ansi'")
    result = shell.value("([pscustomobject]@{foo = 1} | Format-Table | Out-String).Trim()")
    assert result == "\x1b[32;1mfoo\x1b[0m\n\x1b[32;1m---\x1b[0m\n  1"


def test_repeat_header_writes_the_header_again_after_each_screenful() -> None:
    shaper = Shaper(ShapeSettings(registry_with()), "table", FormatParameters(repeat_header=True))
    outputter = Outputter(40, 40, screen_rows=6)
    packets: list = []
    for n in range(1, 7):
        shaper.process(PSCustomObject({"N": n}), packets)
    shaper.finish(packets)
    for packet in packets:
        outputter.process(packet)
    outputter.finish()
    assert outputter.take() == ["", "N", "-", "1", "2", "", "N", "-", "3", "4", "", "N", "-", "5", "6", ""]
