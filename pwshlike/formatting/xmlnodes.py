"""A small element tree with line numbers, for reading ``.ps1xml`` files.

pwsh's errors about format and type files name the line (types) or the
XPath (formats) of the node at fault; the standard library's ElementTree
keeps neither, so this builds its own nodes with pyexpat, imported only
when a file is read.  Local files only: no DTDs or entities are fetched.
"""

from __future__ import annotations

from typing import Iterator, Optional, Union


class XmlNode:
    """An element: local name (prefix dropped), text, children, line."""

    __slots__ = ("name", "text", "children", "line", "parent", "attributes")

    def __init__(self, name: str, line: int, parent: Optional["XmlNode"], attributes: dict[str, str]) -> None:
        self.name = name
        self.text = ""
        self.children: list[XmlNode] = []
        self.line = line
        self.parent = parent
        self.attributes = attributes

    def child(self, name: str) -> Optional["XmlNode"]:
        """The first child called ``name`` (case-sensitive, as pwsh's schema)."""
        return next((c for c in self.children if c.name == name), None)

    def all(self, name: str) -> list["XmlNode"]:
        return [c for c in self.children if c.name == name]

    def child_text(self, name: str) -> Optional[str]:
        found = self.child(name)
        return None if found is None else found.text.strip()

    def xpath(self) -> str:
        """``/Configuration/ViewDefinitions/View[2]/TableControl``: the path
        pwsh's format loader shows, with 1-based indexes among siblings."""
        parts: list[str] = []
        node: Optional[XmlNode] = self
        while node is not None:
            if node.parent is None:
                parts.append(node.name)
            else:
                same = [c for c in node.parent.children if c.name == node.name]
                parts.append(f"{node.name}[{same.index(node) + 1}]" if len(same) > 1 else node.name)
            node = node.parent
        return "/" + "/".join(reversed(parts))

    def __iter__(self) -> Iterator["XmlNode"]:
        return iter(self.children)


class XmlSyntaxError(Exception):
    """The file is not well-formed XML; ``line`` and ``position`` (1-based) locate it."""

    def __init__(self, message: str, line: int, position: int) -> None:
        super().__init__(f"{message} Line {line}, position {position}.")
        self.line = line
        self.position = position


def parse_xml(text: Union[str, bytes]) -> XmlNode:
    """The root element of ``text`` (bytes: encoded as its BOM or XML
    declaration says, UTF-8 by default); raises XmlSyntaxError."""
    from xml.parsers import expat
    parser = expat.ParserCreate()
    root: list[XmlNode] = []
    stack: list[XmlNode] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        parent = stack[-1] if stack else None
        node = XmlNode(name.rpartition(":")[2], parser.CurrentLineNumber, parent, attributes)
        if parent is None:
            root.append(node)
        else:
            parent.children.append(node)
        stack.append(node)

    def end(_name: str) -> None:
        stack.pop()

    def data(chunk: str) -> None:
        if stack:
            stack[-1].text += chunk

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        message = expat.ErrorString(exc.code)
        raise XmlSyntaxError(message[:1].upper() + message[1:] + ".", exc.lineno, exc.offset + 1) from None
    return root[0]


def read_xml_file(path: str) -> XmlNode:
    """Reads and parses a file (UTF-8 or UTF-16, as Windows editors save
    .ps1xml files); OSError and XmlSyntaxError go to the caller."""
    with open(path, "rb") as handle:
        data = handle.read()
    return parse_xml(data)
