"""ConvertTo-Csv, Export-Csv, ConvertFrom-Csv and Import-Csv."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session

OBJECTS = ("$o = [pscustomobject]@{Name='a,b'; N=1; Q='say \"hi\"'; Z=$null}, "
           "[pscustomobject]@{Name='c'; N=2; Q=''; Z=@(1,2)}\n")


@pytest.fixture
def s() -> Session:
    return Session()


def test_convert_to_csv_quotes_everything_by_default(s: Session) -> None:
    assert s.run(OBJECTS + "$o | ConvertTo-Csv") == [
        '"Name","N","Q","Z"', '"a,b","1","say ""hi""",', '"c","2","","System.Object[]"']


def test_quote_options_and_delimiter(s: Session) -> None:
    assert s.run(OBJECTS + "$o | ConvertTo-Csv -UseQuotes AsNeeded") == [
        "Name,N,Q,Z", '"a,b",1,"say ""hi""",', "c,2,,System.Object[]"]
    assert s.run(OBJECTS + "$o | ConvertTo-Csv -UseQuotes Never -Delimiter ';'") == [
        "Name;N;Q;Z", 'a,b;1;say "hi";', "c;2;;System.Object[]"]
    assert s.run(OBJECTS + "$o | ConvertTo-Csv -QuoteFields n -NoHeader") == ['a,b,"1",say "hi",', 'c,"2",,System.Object[]']


def test_type_information_and_other_inputs(s: Session) -> None:
    assert s.run("[pscustomobject]@{A=1} | ConvertTo-Csv -IncludeTypeInformation") == [
        "#TYPE System.Management.Automation.PSCustomObject", '"A"', '"1"']
    assert s.run("[ordered]@{x=1; y=2} | ConvertTo-Csv") == ['"x","y"', '"1","2"']
    assert s.run("'a', 'bb' | ConvertTo-Csv") == ['"Length"', '"1"', '"2"']


def test_conflicting_switches(s: Session) -> None:
    s.run("1 | ConvertTo-Csv -QuoteFields a -UseQuotes Never")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == ("CannotSpecifyQuoteFieldsAndUseQuotes,"
                                              "Microsoft.PowerShell.Commands.ConvertToCsvCommand")


def test_convert_from_csv(s: Session) -> None:
    rows = s.run("'Name,N', 'x,1', '\"y, z\", 2 ', '', 'w' | ConvertFrom-Csv")
    assert [r.items() for r in rows] == [[("Name", "x"), ("N", "1")], [("Name", "y, z"), ("N", "2 ")],
                                         [("Name", "w"), ("N", None)]]
    rows = s.run("\"a;b`n1;2\" | ConvertFrom-Csv -Delimiter ';' -Header X, Y")
    assert [r.items() for r in rows] == [[("X", "a"), ("Y", "b")], [("X", "1"), ("Y", "2")]]


def test_quoted_fields_with_newlines_and_quotes(s: Session) -> None:
    row = s.one("\"A,B`n`\"line1`nline2`\",`\"x`\"`\"y`\"\" | ConvertFrom-Csv")
    assert row.items() == [("A", "line1\nline2"), ("B", 'x"y')]


def test_missing_headers_get_default_names_with_a_warning(s: Session) -> None:
    row = s.one("',b', '1,2' | ConvertFrom-Csv")
    assert row.items() == [("H1", "1"), ("b", "2")]
    assert s.warnings() == ['One or more headers were not specified. Default names starting with "H" have been '
                            "used in place of any missing headers."]


def test_duplicate_header_error(s: Session) -> None:
    s.run("'a,A', '1,2' | ConvertFrom-Csv")
    error = s.errors()[0]
    assert error.fully_qualified_error_id == ("AlreadyPresentPSMemberInfoInternalCollectionAdd,"
                                              "Microsoft.PowerShell.Commands.ConvertFromCsvCommand")
    assert str(error) == 'The member "A" is already present.'


def test_type_line_is_read_back(s: Session) -> None:
    names = s.run("('#TYPE My.Row', 'a', '1' | ConvertFrom-Csv).PSTypeNames")
    assert names == ["My.Row", "CSV:My.Row"]


def test_export_and_import(s: Session, tmp_path) -> None:
    path = tmp_path / "data.csv"
    s.run(OBJECTS + f"$o | Export-Csv -Path '{path}'")
    assert path.read_text() == '"Name","N","Q","Z"\n"a,b","1","say ""hi""",\n"c","2","","System.Object[]"\n'
    rows = s.run(f"Import-Csv '{path}'")
    assert [r.get_property("Name") for r in rows] == ["a,b", "c"]
    assert rows[0].get_property("Z") == ""
    s.run(f"[pscustomobject]@{{Z='z'; Name='n'; N=3; Q='q'}} | Export-Csv '{path}' -Append")
    assert path.read_text().splitlines()[-1] == '"n","3","q","z"'
    s.run(f"[pscustomobject]@{{Other=1}} | Export-Csv '{path}' -Append")
    assert s.errors()[0].fully_qualified_error_id.startswith("CannotAppendCsvWithMismatchedPropertyNames,")


def test_export_no_clobber_and_missing_import(s: Session, tmp_path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("keep\n")
    s.run(f"1 | Export-Csv '{path}' -NoClobber")
    assert s.errors()[0].fully_qualified_error_id.startswith("NoClobber,")
    assert path.read_text() == "keep\n"
    s.run(f"Import-Csv '{tmp_path / 'missing.csv'}'")
    assert s.errors()[0].fully_qualified_error_id.startswith("FileOpenFailure,")


def test_dictionary_columns_include_added_properties(s: Session) -> None:
    s.run("$items = [ordered]@{ a = 1; b = 2 }, [ordered]@{ a = 3; b = 4 }\n"
          "$items | Add-Member -MemberType NoteProperty -Name Extra -Value 'S'")
    assert s.run("$items | ConvertTo-Csv") == ['"a","b","Extra"', '"1","2","S"', '"3","4","S"']
