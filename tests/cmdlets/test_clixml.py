"""CLIXML: Export-Clixml/Import-Clixml files, PSSerializer, and the format
itself (pwsh's element names, references, depth, string encoding)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from helpers.session import Shell as Session
from pwshlike.dotnet.clixml import deserialize, serialize
from pwshlike.dotnet.values import ArrayList, Hashtable, Int64, PSCustomObject


@pytest.fixture
def s(tmp_path: Path) -> Session:
    return Session(location=str(tmp_path))


def test_export_writes_pwsh_layout(s: Session, tmp_path: Path) -> None:
    s.run("[pscustomobject]@{ Name = 'a'; Count = 3 } | Export-Clixml ./o.xml")
    assert (tmp_path / "o.xml").read_text() == (
        '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">\n'
        '  <Obj RefId="0">\n'
        '    <TN RefId="0">\n'
        '      <T>System.Management.Automation.PSCustomObject</T>\n'
        '      <T>System.Object</T>\n'
        '    </TN>\n'
        '    <MS>\n'
        '      <S N="Name">a</S>\n'
        '      <I32 N="Count">3</I32>\n'
        '    </MS>\n'
        '  </Obj>\n'
        '</Objs>')


def test_round_trip_keeps_primitive_types(s: Session) -> None:
    result = s.run("""
        $values = [long]5, [byte]7, 2.5, [decimal]1.25, 'text', $true, [datetime]'2024-01-02 03:04:05',
                  [timespan]'01:02:03.5', [guid]'7a6f3c8e-0f4e-4a3b-9d33-3c2f4f7bb8a1', [version]'1.2.3'
        $values | Export-Clixml ./v.xml
        Import-Clixml ./v.xml | ForEach-Object { $_.GetType().Name }
    """)
    assert result == ["Int64", "Byte", "Double", "Decimal", "String", "Boolean", "DateTime", "TimeSpan", "Guid",
                      "Version"]
    assert s.text("(Import-Clixml ./v.xml)[7]") == ["01:02:03.5000000"]


def test_complex_objects_come_back_deserialized(s: Session, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    s.run("Get-Item ./sub | Export-Clixml ./d.xml; $d = Import-Clixml ./d.xml")
    assert s.one("$d.PSTypeNames[0]") == "Deserialized.System.IO.DirectoryInfo"
    assert s.one("$d.Name") == "sub"
    assert s.one("$d.ToString()") == str(tmp_path / "sub")
    assert s.run("@($d.PSObject.Methods | Where-Object Name -eq 'Delete').Count") == [0]


def test_depth_turns_deeper_objects_into_strings(s: Session) -> None:
    s.run("Get-Item / | Export-Clixml ./d.xml -Depth 1; $d = Import-Clixml ./d.xml")
    assert s.one("$d.Root") == "/"
    assert s.one("$d.Root.GetType().Name") == "String"


def test_collections_and_hashtables(s: Session) -> None:
    s.run("@{ list = 1, 'two'; n = $null } | Export-Clixml ./h.xml; $h = Import-Clixml ./h.xml")
    assert s.one("$h.GetType().Name") == "Hashtable"
    assert s.one("$h.list.GetType().FullName") == "System.Collections.ArrayList"
    assert s.run("$h.list") == [1, "two"]
    assert s.run("$null -eq $h.n") == [True]


def test_no_clobber_and_missing_folder_are_pwsh_errors(s: Session, tmp_path: Path) -> None:
    (tmp_path / "o.xml").write_text("x")
    s.run("1 | Export-Clixml ./o.xml -NoClobber")
    s.run("1 | Export-Clixml ./missing/o.xml")
    s.run("Import-Clixml ./nope.xml")
    assert s.error_ids() == ["NoClobber,Microsoft.PowerShell.Commands.ExportClixmlCommand",
                             "FileOpenFailure,Microsoft.PowerShell.Commands.ExportClixmlCommand",
                             "PathNotFound,Microsoft.PowerShell.Commands.ImportClixmlCommand"]
    messages = [str(e) for e in reversed(s.errors())]
    assert messages[0] == f"The file '{tmp_path / 'o.xml'}' already exists."
    assert messages[1] == f"Could not find a part of the path '{tmp_path / 'missing' / 'o.xml'}'."
    assert (tmp_path / "o.xml").read_text() == "x"


def test_malformed_file_is_an_xml_error(s: Session, tmp_path: Path) -> None:
    (tmp_path / "bad.xml").write_text("<Objs><S>unclosed")
    s.run("Import-Clixml ./bad.xml")
    assert s.error_ids() == ["System.Xml.XmlException,Microsoft.PowerShell.Commands.ImportClixmlCommand"]


@pytest.mark.parametrize(("text", "message"), [
    ("<Objs><bad\n", "Unexpected end of file while parsing Name has occurred. Line 1, position 7."),
    ("hello", "Data at the root level is invalid. Line 1, position 1."),
    ("<Objs></Objs><x/>", "There are multiple root elements. Line 1, position 14."),
])
def test_malformed_file_reports_dotnet_words(s: Session, tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "bad.xml").write_text(text)
    assert s.run("try { Import-Clixml ./bad.xml } catch { $_.Exception.Message }") == [message]


def test_skip_and_first(s: Session) -> None:
    s.run("1..5 | Export-Clixml ./n.xml")
    assert s.run("Import-Clixml ./n.xml -Skip 1 -First 2") == [2, 3]


def test_secure_string_is_hex_as_on_linux(s: Session, tmp_path: Path) -> None:
    s.run("ConvertTo-SecureString 'pw' -AsPlainText -Force | Export-Clixml ./s.xml")
    assert "<SS>70007700</SS>" in (tmp_path / "s.xml").read_text()
    assert s.one("Import-Clixml ./s.xml | ConvertFrom-SecureString -AsPlainText") == "pw"


def test_psserializer_round_trip(s: Session) -> None:
    xml = s.one("[System.Management.Automation.PSSerializer]::Serialize([pscustomobject]@{ a = 1 })")
    assert xml.startswith('<Objs Version="1.1.0.1"')
    s.run("$x = [System.Management.Automation.PSSerializer]::Serialize([pscustomobject]@{ a = 1 })")
    assert s.one("([System.Management.Automation.PSSerializer]::Deserialize($x)).a") == 1
    s.run("$list = [System.Management.Automation.PSSerializer]::DeserializeAsList("
          "[System.Management.Automation.PSSerializer]::Serialize(@(1, 2)))")
    assert s.run("$list.Count; $list[0].Count") == [1, 2]


def test_strings_encode_control_characters_and_escape_sequences() -> None:
    text = serialize(["a\r\nb_x c", "\U0001F600"], indent=None)
    assert "<S>a_x000D__x000A_b_x005F_x c</S>" in text
    assert "<S>_xD83D__xDE00_</S>" in text
    assert deserialize(text) == ["a\r\nb_x c", "\U0001F600"]


def test_the_same_object_twice_is_a_reference() -> None:
    obj = PSCustomObject({"a": 1})
    text = serialize([obj, obj], indent=None)
    assert '<Ref RefId="0" />' in text
    first, second = deserialize(text)
    assert first is second


def test_repeated_type_names_are_tnref() -> None:
    text = serialize([PSCustomObject({"a": 1}), PSCustomObject({"a": 2})], indent=None)
    assert '<TNRef RefId="0" />' in text


def test_dates_and_durations_use_xml_forms() -> None:
    utc = datetime.datetime(2024, 1, 2, 3, 4, 5, 120000, tzinfo=datetime.timezone.utc)
    text = serialize([utc, datetime.timedelta(days=1, hours=2, seconds=3.5), datetime.timedelta(0),
                      float("inf"), Int64(2**40)], indent=None)
    assert "<DT>2024-01-02T03:04:05.12Z</DT>" in text
    assert "<TS>P1DT2H3.5S</TS>" in text
    assert "<TS>PT0S</TS>" in text
    assert "<Db>INF</Db>" in text
    assert "<I64>1099511627776</I64>" in text
    assert deserialize(text)[:3] == [utc, datetime.timedelta(days=1, hours=2, seconds=3.5), datetime.timedelta(0)]


def test_read_gives_arraylist_and_hashtable() -> None:
    back = deserialize(serialize([[1, 2], Hashtable({"k": "v"})], indent=None))
    assert isinstance(back[0], ArrayList) and back[0] == [1, 2]
    assert isinstance(back[1], Hashtable) and back[1]["K"] == "v"


def test_deserialized_objects_use_their_original_types_view(s: Session, tmp_path: Path) -> None:
    s.run("Get-Location | Export-Clixml ./p.xml")
    lines = [line.rstrip() for line in s.one("Import-Clixml ./p.xml | Out-String").splitlines() if line.strip()]
    assert lines == ["Path", "----", str(tmp_path)]


def test_encoding_writes_a_bom(s: Session, tmp_path: Path) -> None:
    s.run("'x' | Export-Clixml ./u.xml -Encoding unicode")
    data = (tmp_path / "u.xml").read_bytes()
    assert data.startswith(b"\xff\xfe<\x00O\x00b\x00j\x00s\x00")
    assert s.run("Import-Clixml ./u.xml") == ["x"]


def test_an_object_that_refers_to_itself_round_trips() -> None:
    obj = PSCustomObject({"n": 1})
    obj.set_property("self", obj)
    back = deserialize(serialize([obj], indent=None))[0]
    assert back.get_property("self") is back
