"""Get-Member shows .NET signatures for the members of common types
(``datetime AddDays(double value)``, overloads joined by ", "), declared
property types, the XML adapter's properties, and -View."""

from __future__ import annotations

from helpers.session import Shell


def test_method_and_property_definitions():
    shell = Shell()
    script = """
    (Get-Date | Get-Member AddDays).Definition
    (Get-Date | Get-Member Subtract).Definition
    ('x' | Get-Member Substring).Definition
    ('x' | Get-Member Length).Definition
    (Get-Date | Get-Member DayOfWeek).Definition
    ([timespan]1 | Get-Member TotalSeconds).Definition
    (Get-Member -InputObject ([System.Collections.Generic.List[string]]::new()) -Name Add).Definition
    """
    assert shell.text(script) == [
        "datetime AddDays(double value)",
        "timespan Subtract(datetime value), datetime Subtract(timespan value)",
        "string Substring(int startIndex), string Substring(int startIndex, int length)",
        "int Length {get;}", "System.DayOfWeek DayOfWeek {get;}", "double TotalSeconds {get;}",
        "void Add(string item), void ICollection[string].Add(string item), int IList.Add(System.Object value)"]


def test_split_lists_dotnet_overloads():
    shell = Shell()
    definition = shell.one("('x' | Get-Member Split).Definition")
    assert definition.startswith("string[] Split(char separator, System.StringSplitOptions options = "
                                 "System.StringSplitOptions.None), string[] Split(char separator, int count, ")
    assert "params object[]" not in definition


def test_file_members(tmp_path):
    (tmp_path / "f.txt").write_text("x")
    shell = Shell(location=str(tmp_path))
    script = """
    $f = Get-Item ./f.txt
    ($f | Get-Member Length).Definition; ($f | Get-Member CopyTo).Definition
    """
    assert shell.text(script) == ["long Length {get;}", "System.IO.FileInfo CopyTo(string destFileName), "
                                  "System.IO.FileInfo CopyTo(string destFileName, bool overwrite)"]


def test_xml_adapter_properties_and_view():
    shell = Shell()
    script = """
    $x = [xml]"<a id='1'><b>t</b><c><d/></c></a>"
    ($x.a | Get-Member -MemberType Property).Definition -join ' | '
    $r = $x | Get-Member -View Adapted
    ($r | Where-Object Name -eq a).Definition
    @($r | Where-Object Name -in 'CreateElement', 'CreateNode').Count
    $o = [pscustomobject]@{ p = 1 }
    ($o | Get-Member -View Extended).Name -join ','
    """
    assert shell.text(script) == [
        "string b {get;set;} | System.Xml.XmlElement c {get;} | string id {get;set;}",
        "System.Xml.XmlElement a {get;}", "2", "p"]


def test_intptr_static_properties():
    shell = Shell()
    assert shell.text("([System.IntPtr] | Get-Member -MemberType Property -Static | Sort-Object Name).Name") == [
        "MaxValue", "MinValue", "Size", "Zero"]


def test_arraylist_members():
    shell = Shell()
    script = """
    $a = [System.Collections.ArrayList]::new()
    (Get-Member -InputObject $a -Name Add).Definition; (Get-Member -InputObject $a -Name Count).Definition
    """
    assert shell.text(script) == ["int Add(System.Object value), int IList.Add(System.Object value)",
                                  "int Count {get;}"]


def test_tuple_lists_only_its_own_items():
    shell = Shell()
    text = "\n".join(shell.text("[System.Tuple]::Create(1, 'a') | Out-String"))
    rows = [line.split() for line in text.splitlines() if line.strip()]
    assert rows == [["Item1", "Item2"], ["-----", "-----"], ["1", "a"]]
    assert shell.text("([System.Tuple]::Create(1, 'a') | Get-Member -MemberType Property).Definition") == [
        "int Item1 {get;}", "string Item2 {get;}"]


def test_static_method_definitions():
    shell = Shell()
    script = """
    ([string] | Get-Member -Static IsNullOrEmpty).Definition
    ([System.IO.Path] | Get-Member -Static GetExtension).Definition
    ([math] | Get-Member -Static Pow).Definition
    """
    assert shell.text(script) == ["static bool IsNullOrEmpty(string value)",
                                  "static string GetExtension(string path)", "static double Pow(double x, double y)"]
