"""``System.Xml.Linq``: XDocument/XElement parsing and queries (Root,
Elements, Descendants, Attribute, Value), building elements with
attributes and text, and the indented ToString."""

from __future__ import annotations

from helpers.session import Shell

DOC = """$d = [System.Xml.Linq.XDocument]::Parse("<?xml version='1.0'?><root><item id='1'><name>a</name></item>
<item id='2'><name>b</name></item></root>")
"""


def test_queries():
    shell = Shell()
    script = DOC + """
    $d.Root.Name.LocalName; @($d.Root.Elements('item')).Count
    ($d.Descendants('name') | ForEach-Object { $_.Value }) -join ','
    $d.Root.Element('item').Attribute('id').Value
    $d.Root.Elements('item') | Where-Object { $_.Attribute('id').Value -eq '2' } | ForEach-Object { $_.Element('name').Value }
    $d.Declaration.Version; $d.Root.GetType().FullName
    [System.Xml.Linq.XElement]::Parse('<a><b>1</b></a>').Element('b').Value
    """
    assert shell.text(script) == ["root", "2", "a,b", "1", "b", "1.0", "System.Xml.Linq.XElement", "1"]


def test_build_and_print():
    shell = Shell()
    script = DOC + """
    $e = [System.Xml.Linq.XElement]::new('server', [System.Xml.Linq.XAttribute]::new('name', 'web1'), 'up')
    $e.ToString()
    $d.Root.Add($e)
    $d.Root.Element('server').SetAttributeValue('port', 80)
    $d.Root.Element('item').Remove()
    $d.ToString()
    """
    assert shell.text(script) == ['<server name="web1">up</server>',
                                  '<root>\n  <item id="2">\n    <name>b</name>\n  </item>\n'
                                  '  <server name="web1" port="80">up</server>\n</root>']


def test_load_and_save(tmp_path):
    source = tmp_path / "in.xml"
    source.write_text("<r><x k='v'/></r>")
    target = tmp_path / "out.xml"
    shell = Shell()
    script = f"""
    $d = [System.Xml.Linq.XDocument]::Load('{source}')
    $d.Root.Element('x').Attribute('k').Value
    $d.Save('{target}')
    """
    assert shell.text(script) == ["v"]
    assert target.read_text() == '<r>\n  <x k="v" />\n</r>'
