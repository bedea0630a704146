"""XML text to nodes and back, for ``xml_dom``'s XmlDocument: LoadXml and
Load parse with the standard library's expat (imported on first use) and
report .NET's XmlException wording; OuterXml, InnerXml and Save print
nodes as .NET's XmlWriter does (Save indents by two spaces, except inside
mixed content).

It builds nodes through the document's own factory methods and reads them
by ``NodeType``, so it sits below the node classes and never imports them.
"""

from __future__ import annotations

import os
import re
from typing import Any, Optional

from .errors import (
    DirectoryNotFoundException, DotNetException, FileNotFoundException, UnauthorizedAccessException,
)

# XmlNodeType numbers this module reads.
ELEMENT, ATTRIBUTE, TEXT, CDATA, INSTRUCTION, COMMENT, DOCUMENT, DOCTYPE, FRAGMENT = 1, 2, 3, 4, 7, 8, 9, 10, 11
WHITESPACE, SIGNIFICANT_WHITESPACE, DECLARATION = 13, 14, 17


class XmlException(DotNetException):
    """``System.Xml.XmlException``: a text that is not well formed."""

    full_name = "System.Xml.XmlException"
    default_message = "An XML error has occurred."


def read_xml_file(path: str) -> str:
    """A file's text for XmlDocument.Load: a BOM or the declaration's
    encoding decides, UTF-8 otherwise; .NET's messages when it cannot be read."""
    full = os.path.abspath(path)
    try:
        with open(full, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        if not os.path.isdir(os.path.dirname(full)):
            raise DirectoryNotFoundException(f"Could not find a part of the path '{full}'.") from None
        raise FileNotFoundException(f"Could not find file '{full}'.") from None
    except (IsADirectoryError, PermissionError):
        raise UnauthorizedAccessException(f"Access to the path '{full}' is denied.") from None
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    declared = re.match(rb'<\?xml[^>]*encoding=["\']([\w.\-]+)', data)
    codec = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return data.decode(codec, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


class _Builder:
    """Receives expat's events and grows the tree under ``root`` through
    the document's factories; whitespace-only text is dropped unless the
    document preserves whitespace (then it becomes XmlWhitespace nodes)."""

    def __init__(self, document: Any, root: Any, parser: Any, data: bytes) -> None:
        self.document = document
        self.parser = parser
        self.data = data
        self.stack: list[Any] = [root]
        self.text: list[str] = []
        self.cdata = False
        self.open_names: list[str] = []
        self.open_at: list[tuple[int, int]] = []
        self.seen_root = False

    def flush(self) -> None:
        if not self.text:
            return
        text = "".join(self.text)
        self.text = []
        if text.strip() == "":
            if not self.document.preserve_whitespace or len(self.stack) == 1:
                return
            self.stack[-1].append_child(self.document.create_whitespace(text))
        else:
            self.stack[-1].append_child(self.document.create_text_node(text))

    def start(self, name: str, attributes: list[str]) -> None:
        self.flush()
        element = self.document.create_element(name)
        for i in range(0, len(attributes), 2):
            node = self.document.create_attribute(attributes[i])
            node.value = attributes[i + 1]
            element.set_attribute_node(node)
        self.stack[-1].append_child(element)
        self.stack.append(element)
        element.is_empty = _self_closing(self.data, self.parser.CurrentByteIndex)
        self.open_names.append(name)
        self.open_at.append((self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 2))
        self.seen_root = True

    def end(self, name: str) -> None:
        self.flush()
        self.stack.pop()
        self.open_names.pop()
        self.open_at.pop()

    def characters(self, data: str) -> None:
        self.text.append(data)

    def start_cdata(self) -> None:
        self.flush()
        self.cdata = True

    def end_cdata(self) -> None:
        text = "".join(self.text)
        self.text = []
        self.cdata = False
        self.stack[-1].append_child(self.document.create_cdata_section(text))

    def comment(self, data: str) -> None:
        self.flush()
        self.stack[-1].append_child(self.document.create_comment(data))

    def instruction(self, target: str, data: str) -> None:
        self.flush()
        self.stack[-1].append_child(self.document.create_processing_instruction(target, data))

    def declaration(self, version: Optional[str], encoding: Optional[str], standalone: int) -> None:
        self.stack[-1].append_child(self.document.create_xml_declaration(
            version or "1.0", encoding or "", {1: "yes", 0: "no"}.get(standalone, "")))

    def doctype(self, name: str, system_id: Optional[str], public_id: Optional[str], _subset: int) -> None:
        self.flush()
        self.stack[-1].append_child(self.document.create_document_type(name, public_id, system_id, None))


def _self_closing(data: bytes, start: int) -> bool:
    """Whether the start tag at ``start`` ends in ``/>``: `<a/>` prints
    back as written and `<a></a>` stays written out in full."""
    quote = 0
    for i in range(start + 1, len(data)):
        byte = data[i]
        if quote:
            if byte == quote:
                quote = 0
        elif byte in (34, 39):
            quote = byte
        elif byte == 62:
            return data[i - 1] == 47
    return False


def parse_into(document: Any, root: Any, text: str, fragment: bool = False) -> None:
    """Parses ``text`` and appends its nodes to ``root``; XmlException
    when it is not well formed."""
    from xml.parsers import expat
    parser = expat.ParserCreate("utf-8")  # the text is decoded already; its declaration must not re-decode it
    parser.ordered_attributes = True
    parser.buffer_text = True
    if text.startswith("\ufeff"):
        text = text[1:]
    data = text.encode("utf-8")
    builder = _Builder(document, root, parser, data)
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.characters
    parser.StartCdataSectionHandler = builder.start_cdata
    parser.EndCdataSectionHandler = builder.end_cdata
    parser.CommentHandler = builder.comment
    parser.ProcessingInstructionHandler = builder.instruction
    if not fragment:
        parser.XmlDeclHandler = builder.declaration
        parser.StartDoctypeDeclHandler = builder.doctype
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise _xml_error(exc, text, builder) from None
    builder.flush()


def _xml_error(exc: Any, text: str, builder: _Builder) -> XmlException:
    """.NET's wording for the common ways a text is not well formed."""
    from xml.parsers import expat
    errors = expat.errors
    line, column = exc.lineno, exc.offset + 1
    where = f" Line {line}, position {column}."
    message = errors.messages[exc.code]
    if message == errors.XML_ERROR_NO_ELEMENTS:
        if builder.open_names:
            names = ", ".join(reversed(builder.open_names))
            return XmlException(f"Unexpected end of file has occurred. The following elements are not closed: "
                                f"{names}.{where}")
        return XmlException("Root element is missing.")
    lines = text.splitlines()
    rest = lines[line - 1][column - 1:] if 0 < line <= len(lines) else ""
    word = re.match(r"[^\s=/>;&<]*", rest.lstrip("</&")).group(0)
    if message == errors.XML_ERROR_TAG_MISMATCH and builder.open_names:
        start_line, start_column = builder.open_at[-1]
        return XmlException(f"The '{builder.open_names[-1]}' start tag on line {start_line} position "
                            f"{start_column} does not match the end tag of '{word}'.{where}")
    if message == errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT:
        if rest.startswith("<") and rest[1:2].isalpha():
            return XmlException(f"There are multiple root elements.{where}")
        return XmlException(f"Data at the root level is invalid.{where}")
    before = lines[line - 1][:column - 1] if 0 < line <= len(lines) else ""
    if message == errors.XML_ERROR_INVALID_TOKEN and before.rstrip().endswith("=") and rest[:1] not in "'\"":
        quotes = "'\"' or '''"
        return XmlException(f"'{rest[:1]}' is an unexpected token. The expected token is {quotes}.{where}")
    if message in (errors.XML_ERROR_SYNTAX, errors.XML_ERROR_INVALID_TOKEN) and not builder.seen_root:
        return XmlException(f"Data at the root level is invalid.{where}")
    if message == errors.XML_ERROR_DUPLICATE_ATTRIBUTE:
        return XmlException(f"'{word}' is a duplicate attribute name.{where}")
    if message == errors.XML_ERROR_UNDEFINED_ENTITY:
        return XmlException(f"Reference to undeclared entity '{word}'.{where}")
    if message == errors.XML_ERROR_UNCLOSED_TOKEN:
        return XmlException(f"Unexpected end of file while parsing Name has occurred.{where}")
    return XmlException(f"{message[:1].upper()}{message[1:]}.{where}")


# --- nodes to text (XmlWriter) -------------------------------------------------------------------

def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(text: str) -> str:
    return _escape_text(text).replace('"', "&quot;")


def _start_tag(element: Any) -> str:
    attributes = "".join(f' {a.name}="{_escape_attribute(a.value)}"' for a in element.attribute_list())
    return f"<{element.name}{attributes}"


def _leaf_text(node: Any) -> str:
    """The markup of a node that has no children to lay out."""
    kind = node.node_type
    if kind == CDATA:
        return f"<![CDATA[{node.value}]]>"
    if kind == COMMENT:
        return f"<!--{node.value}-->"
    if kind in (TEXT, WHITESPACE, SIGNIFICANT_WHITESPACE):
        return _escape_text(node.value)
    if kind == DECLARATION:
        return f"<?xml {node.value}?>"
    if kind == INSTRUCTION:
        return f"<?{node.target} {node.data}?>" if node.data else f"<?{node.target}?>"
    if kind == DOCTYPE:
        text = f"<!DOCTYPE {node.doctype}"
        if node.public_id:
            text += f' PUBLIC "{node.public_id}" "{node.system_id or ""}"'
        elif node.system_id:
            text += f' SYSTEM "{node.system_id}"'
        return text + (f"[{node.internal_subset}]" if node.internal_subset else "") + ">"
    if kind == ATTRIBUTE:
        return f'{node.name}="{_escape_attribute(node.value)}"'
    return ""


def write_node(node: Any) -> str:
    """OuterXml: the node's markup without added whitespace."""
    kind = node.node_type
    if kind == ELEMENT:
        start = _start_tag(node)
        children = node.child_list()
        if not children:
            return start + (" />" if node.is_empty else f"></{node.name}>")
        return f"{start}>{''.join(write_node(c) for c in children)}</{node.name}>"
    if kind in (DOCUMENT, FRAGMENT):
        return "".join(write_node(c) for c in node.child_list())
    return _leaf_text(node)


def _write_indented(node: Any, level: int, out: list[str]) -> None:
    """One node of Save's layout: each element on its own line, two
    spaces a level, except inside mixed content (an element holding text
    keeps its children inline, as XmlTextWriter does)."""
    pad = "  " * level
    if node.node_type != ELEMENT:
        out.append(pad + _leaf_text(node))
        return
    children = [c for c in node.child_list() if c.node_type != WHITESPACE]
    mixed = any(c.node_type in (TEXT, CDATA, SIGNIFICANT_WHITESPACE) for c in children)
    if mixed or not children:
        out.append(pad + write_node(node))
        return
    out.append(pad + _start_tag(node) + ">")
    for child in children:
        _write_indented(child, level + 1, out)
    out.append(pad + f"</{node.name}>")


def document_text(document: Any) -> str:
    """What Save writes: the indented markup, lines ending in ``\\n``."""
    return indented_text(document.child_list())


def indented_text(nodes: Any) -> str:
    """Nodes laid out as Save lays out a document's (what XElement.ToString shows)."""
    out: list[str] = []
    for child in nodes:
        if child.node_type != WHITESPACE:
            _write_indented(child, 0, out)
    return "\n".join(out)


def save_document(document: Any, path: str) -> None:
    """XmlDocument.Save(path), relative to the process's directory as in
    .NET.  The declaration's encoding decides the bytes: UTF-8 with a BOM
    when it names utf-8, UTF-8 without one when there is no declaration."""
    declaration = next((c for c in document.child_list() if c.node_type == DECLARATION), None)
    codec = declaration.encoding if declaration is not None and declaration.encoding else "utf-8"
    text = document_text(document)
    try:
        data = text.encode(codec, errors="xmlcharrefreplace")
    except LookupError:
        codec, data = "utf-8", text.encode("utf-8")
    normal = codec.lower().replace("-", "")
    if declaration is not None and normal == "utf8":
        data = b"\xef\xbb\xbf" + data
    full = os.path.abspath(path)
    try:
        with open(full, "wb") as handle:
            handle.write(data)
    except FileNotFoundError:
        raise DirectoryNotFoundException(f"Could not find a part of the path '{full}'.") from None
    except (IsADirectoryError, PermissionError):
        raise UnauthorizedAccessException(f"Access to the path '{full}' is denied.") from None
