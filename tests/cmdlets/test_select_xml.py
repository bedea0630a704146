"""Select-Xml: queries over files, documents and text, the SelectXmlInfo
objects it writes (and how they print), and its errors."""

from __future__ import annotations

from helpers.session import Shell


def _files(tmp_path):
    (tmp_path / "a.xml").write_text("<r>\n  <b c='1'>hello</b>\n  <b c='2'>world</b>\n</r>\n")
    (tmp_path / "bad.xml").write_text("<a><b>\n")
    return tmp_path


def test_path_gives_select_xml_info_per_node(tmp_path):
    shell = Shell(location=str(_files(tmp_path)))
    script = """
    $r = Select-Xml -Path ./a.xml -XPath '//b[@c=2]'
    $r.Path; $r.Pattern; $r.Node.'#text'; "$r"; $r.GetType().FullName
    (Select-Xml -LiteralPath ./a.xml -XPath '//b').Count
    """
    target = str(tmp_path / "a.xml")
    assert shell.text(script) == [target, "//b[@c=2]", "world", f"world:{target}",
                                  "Microsoft.PowerShell.Commands.SelectXmlInfo", "2"]


def test_default_view_is_node_path_pattern_table(tmp_path):
    shell = Shell(location=str(_files(tmp_path)))
    text = "\n".join(shell.text("Select-Xml -Path ./a.xml -XPath '//b' | Out-String"))
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    target = str(tmp_path / "a.xml")
    assert lines[0].split() == ["Node", "Path", "Pattern"]
    assert lines[2].split() == ["b", target, "//b"]


def test_xml_and_content_with_namespace():
    shell = Shell()
    script = """
    [xml]$x = "<a xmlns='urn:x'><b>hello</b><c>world</c></a>"
    $n = Select-Xml -Xml $x -XPath '//p:c' -Namespace @{p = 'urn:x'}
    $n.Path; $n.ToString()
    ($x | Select-Xml -XPath '//*').Count; @($x | Select-Xml -XPath '//b').Count
    Select-Xml -Content '<a><b>one<c>two</c></b></a>' -XPath '//b' | ForEach-Object ToString
    """
    assert shell.text(script) == ["InputStream", "world", "3", "0", "one<c>two</c>"]


def test_errors(tmp_path):
    shell = Shell(location=str(_files(tmp_path)))
    shell.run("""
    Select-Xml -Path ./bad.xml -XPath '//b' -ErrorAction SilentlyContinue
    Select-Xml -Content 'hello' -XPath foo -ErrorAction SilentlyContinue
    Select-Xml -Path env:HOME -XPath foo -ErrorAction SilentlyContinue
    Select-Xml -Xml ([xml]'<a/>') -XPath foo -Namespace @{c = $null} -ErrorAction SilentlyContinue
    """)
    assert shell.error_ids() == [
        "ProcessingFile,Microsoft.PowerShell.Commands.SelectXmlCommand",
        "InvalidCastToXmlDocument,Microsoft.PowerShell.Commands.SelectXmlCommand",
        "ProcessingFile,Microsoft.PowerShell.Commands.SelectXmlCommand",
        "PrefixError,Microsoft.PowerShell.Commands.SelectXmlCommand",
    ]
    first = shell.errors()[-1]
    assert str(first.exception.message).startswith(f"The file '{tmp_path / 'bad.xml'}' cannot be read: Unexpected "
                                                   "end of file has occurred.")
