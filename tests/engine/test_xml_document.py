"""``[xml]`` (System.Xml.XmlDocument): parsing by cast, PowerShell's XML
adapter (child elements and attributes as properties), editing through the
DOM and the adapter, XPath through SelectNodes, Save/Load, and the errors a
script sees for text that is not XML."""

from __future__ import annotations

import pytest

from helpers.session import Shell

DOC = """$x = [xml]"<?xml version='1.0' encoding='utf-8'?><config><server name='web1' port='80'>up</server>
<server name='web2' port='8080'>down</server><owner>ops</owner><items><item id='1'><name>a</name></item>
<item id='2'><name>b</name></item><item id='3'><name>c</name></item></items></config>"
"""


def test_dot_navigation_gives_text_nodes_and_arrays():
    shell = Shell()
    script = DOC + """
    $x.config.owner
    $x.config.server.Count
    $x.config.server[1].name
    $x.config.server[0].'#text'
    $x.config.items.item.name -join ','
    $x.config.GetType().FullName
    "$($x.config.items)"
    $x.xml
    """
    assert shell.text(script) == ["ops", "2", "web2", "up", "a,b,c", "System.Xml.XmlElement", "items",
                                  'version="1.0" encoding="utf-8"']


def test_dom_properties():
    shell = Shell()
    script = """
    $x = [xml]"<a><b x='1'>t<c/></b><d></d></a>"
    $x.DocumentElement.Name; $x.a.b.InnerText; $x.a.b.InnerXml; $x.a.OuterXml
    $x.a.b.Attributes['x'].Value; $x.a.ChildNodes.Count; $x.a.b.LocalName
    $x.a.b.GetAttribute('x'); $x.a.b.GetAttribute('none') -eq ''
    $x.a.b.FirstChild.NodeType; $x.a.b.ParentNode.Name
    """
    assert shell.text(script) == ["a", "t", 't<c />', '<a><b x="1">t<c /></b><d></d></a>', "1", "2", "b",
                                  "1", "True", "Text", "a"]


def test_edit_through_adapter_and_dom():
    shell = Shell()
    script = """
    $x = [xml]"<a><b>old</b><c x='1'/></a>"
    $x.a.b = 'new'
    $x.a.c.x = 2
    $x.a.c.SetAttribute('y', 'z')
    $e = $x.CreateElement('d'); $e.InnerText = 'added'; $null = $x.a.AppendChild($e)
    $null = $x.a.RemoveChild($x.a.SelectSingleNode('b'))
    $x.OuterXml
    """
    assert shell.text(script) == ['<a><c x="2" y="z" /><d>added</d></a>']


def test_adapter_refuses_to_set_an_element_with_attributes():
    shell = Shell()
    shell.run("""$x = [xml]"<a><c x='1'>t</c></a>"; try { $x.a.c = 'v' } catch { $err = $_ }""")
    err = shell.context.get_variable_value("err")
    assert err.fully_qualified_error_id == "XmlNodeSetRestrictionsNodeWithAttributes"
    assert str(err.exception.message) == ('Cannot set "c" because only strings can be used as values to set '
                                          'XmlNode properties.')


@pytest.mark.parametrize(("xpath", "expected"), [
    ("//item[@id='2']/name", ["b"]),
    ("/config/items/item[last()]/name", ["c"]),
    ("//item[position() > 1]/@id", ["2", "3"]),
    ("//name/text()", ["a", "b", "c"]),
    ("//server[@port > 100]/@name", ["web2"]),
    ("//item[name = 'a' or name = 'c']/@id", ["1", "3"]),
    ("//*[starts-with(name(), 'ow')]", ["ops"]),
    ("//item[not(@id = '1')][1]/name", ["b"]),
    ("//name[. = 'b']/ancestor::item/@id", ["2"]),
    ("//item[1]/following-sibling::item/name | //owner", ["ops", "b", "c"]),
])
def test_select_nodes_xpath(xpath, expected):
    shell = Shell()
    assert shell.text(DOC + f'$x.SelectNodes("{xpath}") | ForEach-Object {{ $_.InnerText }}') == expected


def test_xpath_that_is_not_a_node_set_and_bad_xpath():
    shell = Shell()
    shell.run(DOC + """
    try { $x.SelectNodes('count(//item)') } catch { $a = $_.Exception.InnerException.Message }
    try { $x.SelectNodes('//item[') } catch { $b = $_.Exception.InnerException.Message }
    try { $x.SelectNodes('//p:item') } catch { $c = $_.Exception.InnerException.Message }
    """)
    get = shell.context.get_variable_value
    assert get("a") == "Expression must evaluate to a node-set."
    assert get("b") == "'//item[' has an invalid token."
    assert get("c").startswith("Namespace Manager or XsltContext needed.")


def test_namespaces_need_a_manager():
    shell = Shell()
    script = """
    $x = [xml]"<r xmlns='urn:a' xmlns:b='urn:b'><i>1</i><b:i>2</b:i></r>"
    $x.SelectNodes('//i').Count
    $ns = [System.Xml.XmlNamespaceManager]::new($x.NameTable)
    $ns.AddNamespace('a', 'urn:a'); $ns.AddNamespace('bb', 'urn:b')
    $x.SelectSingleNode('//a:i', $ns).InnerText
    $x.SelectSingleNode('//bb:i', $ns).InnerText
    $x.r.i.Count
    $x.DocumentElement.NamespaceURI
    """
    assert shell.text(script) == ["0", "1", "2", "2", "urn:a"]


def test_bad_xml_is_pwshs_cast_error():
    shell = Shell()
    shell.run("""try { [xml]'<a><b></a>' } catch { $e1 = $_ }; try { [xml]'plain' } catch { $e2 = $_ }""")
    e1 = shell.context.get_variable_value("e1")
    e2 = shell.context.get_variable_value("e2")
    assert e1.fully_qualified_error_id == "InvalidCastToXmlDocument"
    assert str(e1.exception.message) == (
        'Cannot convert value "<a><b></a>" to type "System.Xml.XmlDocument". Error: "The \'b\' start tag on '
        'line 1 position 5 does not match the end tag of \'a\'. Line 1, position 9."')
    assert str(e2.exception.message).endswith('Error: "Data at the root level is invalid. Line 1, position 1."')


def test_save_indents_and_load_reads_back(tmp_path):
    shell = Shell()
    target = tmp_path / "out.xml"
    script = f"""
    $x = [xml]"<?xml version='1.0' encoding='utf-8'?><a><b x='1'>t</b><c><d/></c><m>x<i>y</i></m></a>"
    $x.Save('{target}')
    $y = [xml]::new(); $y.Load('{target}'); $y.a.b.x
    [xml](Get-Content '{target}') | ForEach-Object {{ $_.a.m.i }}
    """
    assert shell.text(script) == ["1", "y"]
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].decode() == ('<?xml version="1.0" encoding="utf-8"?>\n<a>\n  <b x="1">t</b>\n  <c>\n'
                                 '    <d />\n  </c>\n  <m>x<i>y</i></m>\n</a>')


def test_load_missing_file_is_dotnet_error(tmp_path):
    shell = Shell()
    missing = tmp_path / "none.xml"
    shell.run(f"try {{ ([xml]::new()).Load('{missing}') }} catch {{ $e = $_ }}")
    err = shell.context.get_variable_value("e")
    assert err.exception.inner_exception.message == f"Could not find file '{missing}'."
    assert "No such file" not in str(err.exception.message)


def test_default_output_is_a_table_of_adapted_properties():
    shell = Shell()
    text = "\n".join(shell.text("""$x = [xml]"<a><b x='1'>t</b><c>plain</c></a>"; $x.a | Out-String"""))
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    assert lines == ["b c", "- -", "b plain"]


def test_indexer_gives_the_child_element():
    shell = Shell()
    script = """
    $x = [xml]"<configuration><appSettings><add key='a' value='1'/></appSettings></configuration>"
    $x.configuration['appSettings'].GetType().Name
    $x.configuration.Item('appSettings').add.value
    $null -eq $x.configuration['none']
    """
    assert shell.text(script) == ["XmlElement", "1", "True"]


def test_unquoted_attribute_is_dotnets_message():
    shell = Shell()
    shell.run("try { [xml]'<a x=1/>' } catch { $e = $_ }")
    message = str(shell.context.get_variable_value("e").exception.message)
    assert message.endswith('Error: "\'1\' is an unexpected token. The expected token is \'"\' or \'\'\'. '
                            'Line 1, position 6."')
