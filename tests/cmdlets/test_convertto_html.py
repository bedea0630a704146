"""ConvertTo-Html: pwsh's XHTML text for tables, lists, fragments and page parts."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session

STRICT = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  '
          '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">')


@pytest.fixture
def s() -> Session:
    s = Session()
    s.run("$o = [pscustomobject]@{ Name = 'a<b'; Size = 1; Note = 'café' }, [pscustomobject]@{ Name = 'c'; Size = 22 }")
    return s


def test_default_page(s: Session) -> None:
    assert s.run("$o | ConvertTo-Html") == [
        STRICT, '<html xmlns="http://www.w3.org/1999/xhtml">', "<head>", "<title>HTML TABLE</title>",
        "</head><body>", "<table>", "<colgroup><col/><col/><col/></colgroup>",
        "<tr><th>Name</th><th>Size</th><th>Note</th></tr>",
        "<tr><td>a&lt;b</td><td>1</td><td>caf&#233;</td></tr>", "<tr><td>c</td><td>22</td><td></td></tr>",
        "</table>", "</body></html>"]


def test_fragment_with_calculated_column(s: Session) -> None:
    assert s.run("$o | ConvertTo-Html -Fragment -Property Name, @{ Label = 'Double'; Expression = { $_.Size * 2 }; "
                 "Width = 20; Alignment = 'right' } -PreContent '<h1>x</h1>' -PostContent end") == [
        "<h1>x</h1>", "<table>", '<colgroup><col/><col width = "20" align = "right"/></colgroup>',
        "<tr><th>Name</th><th>Double</th></tr>", "<tr><td>a&lt;b</td><td>2</td></tr>",
        "<tr><td>c</td><td>44</td></tr>", "</table>", "end"]


def test_list_and_head_parts(s: Session) -> None:
    out = s.run("$o | ConvertTo-Html -As List -Property N* -Title T -CssUri s.css -Charset UTF-8 "
                "-Meta @{ author = 'me' } -Transitional -Body '<p>hi</p>'")
    assert out[0].startswith('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"')
    assert out[2:] == [
        "<head>", '<meta charset="UTF-8">', '<meta name="author" content="me">', "<title>T</title>",
        '<link rel="stylesheet" type="text/css" href="s.css" />', "</head><body>", "<p>hi</p>", "<table>",
        "<tr><td>Name:</td><td>a&lt;b</td></tr>", "<tr><td>Note:</td><td>caf&#233;</td></tr>",
        "<tr><td><hr></td></tr>", "<tr><td>Name:</td><td>c</td></tr>", "</table>", "</body></html>"]


def test_meta_keys(s: Session) -> None:
    out = s.run("1 | ConvertTo-Html -Meta @{ 'content-type' = 'text/html'; refresh = 5 }")
    assert out[3:5] == ['<meta http-equiv="content-type" content="text/html">', '<meta name="refresh" content="5">']
    assert s.warnings() == ["Accepted meta properties are content-type, default-style, application-name, author, "
                            "description, generator, keywords, x-ua-compatible, and viewport. The meta pair: refresh "
                            "and 5 may not function correctly."]


def test_head_replaces_title_and_values_use_tostring(s: Session) -> None:
    out = s.run("[pscustomobject]@{ List = 1, 2; Q = \"it's\" } | ConvertTo-Html -Head '<style></style>'")
    assert "<style></style>" in out and "<title>HTML TABLE</title>" not in out
    assert "<tr><td>System.Object[]</td><td>it&#39;s</td></tr>" in out


def test_bad_arguments(s: Session) -> None:
    s.run("1 | ConvertTo-Html -Property @{ bogus = 1 }")
    assert s.error_ids() == ["DictionaryKeyIllegal,Microsoft.PowerShell.Commands.ConvertToHtmlCommand"]
    assert str(s.errors()[0]) == "The bogus key is not valid."
    s.run("1 | ConvertTo-Html -CssUri ' '")
    assert s.error_ids()[-1] == "ArgumentException,Microsoft.PowerShell.Commands.ConvertToHtmlCommand"
    s.run("1 | ConvertTo-Html -Fragment -Title x")
    assert s.error_ids()[-1] == "AmbiguousParameterSet,Microsoft.PowerShell.Commands.ConvertToHtmlCommand"


def test_a_hashtable_shows_its_properties_not_its_keys(s: Session) -> None:
    out = s.run("@{ a = 1 } | ConvertTo-Html -Fragment -Property Count, Is*")
    assert out[2:4] == ["<tr><th>Count</th><th>IsReadOnly</th><th>IsFixedSize</th><th>IsSynchronized</th></tr>",
                        "<tr><td>1</td><td>False</td><td>False</td><td>False</td></tr>"]


def test_hashtable_value_types(s: Session) -> None:
    s.run("1 | ConvertTo-Html -Fragment -Property @{ Expression = 'x'; Label = 5 }")
    assert s.error_ids() == ["DictionaryKeyIllegalValue2,Microsoft.PowerShell.Commands.ConvertToHtmlCommand"]
    assert str(s.errors()[0]) == ('The "Label" key has a type, System.Int32, that is not valid; expected type is '
                                  'System.String.')
    s.run("1 | ConvertTo-Html -Fragment -Property @{ Expression = { $_ }; Width = 2.5 }")
    assert str(s.errors()[0]) == ('The "Width" key has a type, System.Double, that is not valid; expected types are '
                                  '{System.String, System.Int32}.')


@pytest.mark.parametrize("command", ["ConvertTo-Html", "Format-Table"])
def test_a_key_that_is_not_a_string_is_named_by_its_dotnet_type(s: Session, command: str) -> None:
    assert s.run(f"try {{ 1 | {command} -Property @{{ 1 = 'a' }} }} catch {{ $_.Exception.Message }}") == [
        "The Int32 key type is not valid. The key must be a string."]
