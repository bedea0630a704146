"""Get-Member prints .NET signatures for StringBuilder, Regex and its
matches, Uri, Stopwatch, Random, the generic collections (type arguments
filled in), CultureInfo, Guid and Version."""

from __future__ import annotations

from helpers.session import Shell


def test_text_types():
    shell = Shell()
    script = """
    $sb = [System.Text.StringBuilder]::new()
    ($sb | Get-Member AppendLine).Definition
    ($sb | Get-Member Remove).Definition
    ([regex]'a(b)' | Get-Member Split).Definition
    $m = [regex]::Match('ab', 'a(b)')
    ($m | Get-Member Groups).Definition
    ($m | Get-Member NextMatch).Definition
    """
    assert shell.text(script) == [
        "System.Text.StringBuilder AppendLine(), System.Text.StringBuilder AppendLine(string value)",
        "System.Text.StringBuilder Remove(int startIndex, int length)",
        "string[] Split(string input), string[] Split(string input, int count), "
        "string[] Split(string input, int count, int startat)",
        "System.Text.RegularExpressions.GroupCollection Groups {get;}",
        "System.Text.RegularExpressions.Match NextMatch()"]
    append = shell.one("([System.Text.StringBuilder]::new() | Get-Member Append).Definition")
    assert append.startswith("System.Text.StringBuilder Append(char value, int repeatCount), "
                             "System.Text.StringBuilder Append(char[] value, int startIndex, int charCount), ")
    assert "params object[]" not in append


def test_generic_collections_fill_in_type_arguments():
    shell = Shell()
    script = """
    $d = [System.Collections.Generic.Dictionary[string,int]]::new()
    ($d | Get-Member TryGetValue).Definition
    ($d | Get-Member Keys).Definition
    (Get-Member -InputObject ([System.Collections.Generic.HashSet[int]]::new()) -Name Add).Definition
    (Get-Member -InputObject ([System.Collections.Generic.Queue[string]]::new()) -Name Dequeue).Definition
    (Get-Member -InputObject ([System.Collections.Generic.Stack[int]]::new()) -Name Push).Definition
    """
    assert shell.text(script) == [
        "bool TryGetValue(string key, [ref] int value)",
        "System.Collections.Generic.Dictionary`2+KeyCollection[string,int] Keys {get;}",
        "bool Add(int item), void ICollection[int].Add(int item)",
        "string Dequeue()", "void Push(int item)"]


def test_uri_stopwatch_random_guid_version():
    shell = Shell()
    script = """
    ([uri]'https://example.com/a/b' | Get-Member Segments).Definition
    ([uri]'https://example.com/' | Get-Member MakeRelativeUri).Definition
    ([System.Diagnostics.Stopwatch]::new() | Get-Member Restart).Definition
    ([random]::new() | Get-Member Next).Definition
    ([guid]::NewGuid() | Get-Member ToByteArray).Definition
    ([version]'1.2' | Get-Member CompareTo).Definition
    ([cultureinfo]'en-US' | Get-Member Parent).Definition
    """
    assert shell.text(script) == [
        "string[] Segments {get;}", "uri MakeRelativeUri(uri uri)", "void Restart()",
        "int Next(), int Next(int maxValue), int Next(int minValue, int maxValue)",
        "byte[] ToByteArray(), byte[] ToByteArray(bool bigEndian)",
        "int CompareTo(System.Object version), int CompareTo(version value)",
        "cultureinfo Parent {get;}"]
