"""``System.Xml``'s document object model (``[xml]``): XmlDocument and its
nodes, parsed with the standard library's expat and printed as .NET's
XmlWriter prints them.

Nodes keep .NET's shape rather than ElementTree's: text, CDATA, comments
and the declaration are nodes of their own and attributes (``xmlns`` ones
too) are nodes of the element, because PowerShell's XML adapter and XPath
both see them that way.  Namespace URIs are resolved from the ``xmlns``
attributes in scope when asked for, so a tree edited by script stays
consistent.  XPath lives in ``xpath.py`` and PowerShell's adapter (child
elements and attributes as properties) in ``xml_adapter.py``; this module
is the tree alone.
"""

from __future__ import annotations

import os
from typing import Any, Iterator, Optional

from .conversions import to_string
from .errors import ArgumentException, ErrorCategory, InvalidOperationException, SetValueException
from .values import EnumInfo
from .xml_text import XmlException, parse_into, read_xml_file, save_document, write_node

XML_NODE_TYPE = EnumInfo("System.Xml.XmlNodeType", tuple((n, i) for i, n in enumerate((
    "None", "Element", "Attribute", "Text", "CDATA", "EntityReference", "Entity", "ProcessingInstruction",
    "Comment", "Document", "DocumentType", "DocumentFragment", "Notation", "Whitespace", "SignificantWhitespace",
    "EndElement", "EndEntity", "XmlDeclaration"))))

_XMLNS = "http://www.w3.org/2000/xmlns/"
_XML = "http://www.w3.org/XML/1998/namespace"


class XmlNodeList(list):
    """``XmlNodeList`` (what ChildNodes and SelectNodes return): a live
    list in .NET, a snapshot here, enumerable and indexable."""

    __slots__ = ("full_name",)
    PS_MEMBERS = {"Count": "count", "Item": "item"}

    def __init__(self, nodes: Any = (), full_name: str = "System.Xml.XPathNodeList") -> None:
        super().__init__(nodes)
        self.full_name = full_name

    @property
    def count(self) -> int:
        return len(self)

    def item(self, index: Any) -> Optional["XmlNode"]:
        i = int(index)
        return self[i] if 0 <= i < len(self) else None


class XmlNameTable:
    """``System.Xml.NameTable``: .NET's table of atomized names, which
    scripts only hand to ``XmlNamespaceManager``'s constructor."""

    full_name = "System.Xml.NameTable"


class XmlNode:
    """``System.Xml.XmlNode``: the parts every node shares."""

    full_name = "System.Xml.XmlNode"
    node_type = 0
    PS_MEMBERS = {
        "Name": "name", "LocalName": "local_name", "NamespaceURI": "namespace_uri", "Prefix": "prefix",
        "NodeType": "node_type_value", "ParentNode": "parent_node", "ChildNodes": "child_nodes",
        "FirstChild": "first_child", "LastChild": "last_child", "NextSibling": "next_sibling",
        "PreviousSibling": "previous_sibling", "Attributes": "attributes", "OwnerDocument": "owner_document",
        "Value": "value", "InnerText": "inner_text", "InnerXml": "inner_xml", "OuterXml": "outer_xml",
        "HasChildNodes": "has_child_nodes", "BaseURI": "base_uri", "IsReadOnly": "is_read_only",
        "AppendChild": "append_child", "PrependChild": "prepend_child", "RemoveChild": "remove_child",
        "InsertBefore": "insert_before", "InsertAfter": "insert_after", "ReplaceChild": "replace_child",
        "RemoveAll": "remove_all", "CloneNode": "clone_node", "Clone": "clone",
        "SelectNodes": "select_nodes", "SelectSingleNode": "select_single_node", "GetEnumerator": "get_enumerator",
        "ToString": "local_name_text", "Item": "lookup",
    }

    def __init__(self, document: Optional["XmlDocument"]) -> None:
        self._document = document
        self._parent: Optional[XmlNode] = None
        self._children: list[XmlNode] = []

    # --- names -------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.local_name

    @property
    def local_name(self) -> str:
        raise NotImplementedError

    @property
    def prefix(self) -> str:
        return ""

    @property
    def namespace_uri(self) -> str:
        return ""

    # The adapter's view (members.py looks for these three methods).
    def ps_adapted_get(self, name: str) -> tuple[bool, Any]:
        return adapted_get(self, name)

    def ps_adapted_set(self, name: str, value: Any) -> bool:
        return adapted_set(self, name, value)

    def ps_adapted_properties(self) -> list[tuple[str, Any]]:
        return adapted_properties(self)

    def local_name_text(self) -> str:
        """PowerShell prints a node as its LocalName (its type data's ToString)."""
        return self.local_name

    def __str__(self) -> str:
        return self.local_name

    @property
    def node_type_value(self) -> Any:
        return XML_NODE_TYPE.value(self.node_type)

    # --- tree --------------------------------------------------------------------------------

    @property
    def owner_document(self) -> Optional["XmlDocument"]:
        return self._document

    @property
    def parent_node(self) -> Optional["XmlNode"]:
        return self._parent

    @property
    def child_nodes(self) -> XmlNodeList:
        return XmlNodeList(self._children, "System.Xml.XmlChildNodes")

    def child_list(self) -> list["XmlNode"]:
        """The children themselves (what the writer walks)."""
        return self._children

    def attribute_list(self) -> list["XmlAttribute"]:
        return []

    @property
    def has_child_nodes(self) -> bool:
        return bool(self._children)

    @property
    def first_child(self) -> Optional["XmlNode"]:
        return self._children[0] if self._children else None

    @property
    def last_child(self) -> Optional["XmlNode"]:
        return self._children[-1] if self._children else None

    def _sibling(self, step: int) -> Optional["XmlNode"]:
        parent = self._parent
        if parent is None or isinstance(self, XmlAttribute):
            return None
        index = _index_of(parent._children, self) + step
        return parent._children[index] if 0 <= index < len(parent._children) else None

    @property
    def next_sibling(self) -> Optional["XmlNode"]:
        return self._sibling(1)

    @property
    def previous_sibling(self) -> Optional["XmlNode"]:
        return self._sibling(-1)

    @property
    def attributes(self) -> Optional["XmlAttributeCollection"]:
        return None

    @property
    def base_uri(self) -> str:
        return self._document.base_uri if self._document is not None and self._document is not self else ""

    @property
    def is_read_only(self) -> bool:
        return False

    # --- values ------------------------------------------------------------------------------

    @property
    def value(self) -> Optional[str]:
        return None

    @value.setter
    def value(self, new: Any) -> None:
        raise InvalidOperationException(f"Cannot set a value on node type '{XML_NODE_TYPE.value(self.node_type)}'.")

    @property
    def inner_text(self) -> str:
        return "".join(child.inner_text for child in self._children
                       if child.node_type not in (7, 8, 17))

    @inner_text.setter
    def inner_text(self, text: Any) -> None:
        document = self._document
        assert document is not None
        self._replace_children([document.create_text_node(text)])

    @property
    def inner_xml(self) -> str:
        return "".join(child.outer_xml for child in self._children)

    @inner_xml.setter
    def inner_xml(self, text: Any) -> None:
        document = self._document
        assert document is not None
        wrapper = XmlDocumentFragment(document)
        parse_into(document, wrapper, f"<x>{to_string(text)}</x>", fragment=True)
        self._replace_children(list(wrapper._children[0]._children))

    @property
    def outer_xml(self) -> str:
        return write_node(self)

    # --- editing -----------------------------------------------------------------------------

    def _accepts(self, child: "XmlNode") -> bool:
        return False

    def _check_child(self, child: Any) -> "XmlNode":
        if not isinstance(child, XmlNode):
            raise ArgumentException("The node to be inserted is not an XmlNode.")
        if child._document is not self._document and not isinstance(self, XmlDocument) \
                or isinstance(self, XmlDocument) and child._document is not self:
            raise ArgumentException("The node to be inserted is from a different document context.")
        if not self._accepts(child):
            raise InvalidOperationException("The specified node cannot be inserted as the valid child of this "
                                            "node, because the specified node is the wrong type.")
        ancestor: Optional[XmlNode] = self
        while ancestor is not None:
            if ancestor is child:
                raise ArgumentException("The new child element is an ancestor of the current node.")
            ancestor = ancestor._parent
        return child

    def _insert(self, index: int, child: Any) -> "XmlNode":
        node = self._check_child(child)
        if isinstance(node, XmlDocumentFragment):
            moved = list(node._children)
            for offset, item in enumerate(moved):
                node._children.remove(item)
                item._parent = self
                self._children.insert(index + offset, item)
            return node
        if node._parent is not None:
            old = node._parent._children
            position = _index_of(old, node)
            del old[position]
            if old is self._children and position < index:
                index -= 1
        node._parent = self
        self._children.insert(index, node)
        return node

    def append_child(self, child: Any) -> "XmlNode":
        return self._insert(len(self._children), child)

    def prepend_child(self, child: Any) -> "XmlNode":
        return self._insert(0, child)

    def _position(self, ref: Any) -> int:
        if not isinstance(ref, XmlNode) or ref._parent is not self:
            raise ArgumentException("The reference node is not a child of this node.")
        return _index_of(self._children, ref)

    def insert_before(self, child: Any, ref: Any) -> "XmlNode":
        return self._insert(len(self._children) if ref is None else self._position(ref), child)

    def insert_after(self, child: Any, ref: Any) -> "XmlNode":
        return self._insert(0 if ref is None else self._position(ref) + 1, child)

    def remove_child(self, child: Any) -> "XmlNode":
        if not isinstance(child, XmlNode) or child._parent is not self or isinstance(child, XmlAttribute):
            raise ArgumentException("The node to be removed is not a child of this node.")
        del self._children[_index_of(self._children, child)]
        child._parent = None
        return child

    def replace_child(self, new: Any, old: Any) -> "XmlNode":
        position = self._position(old)
        self.remove_child(old)
        self._insert(position, new)
        return old

    def remove_all(self) -> None:
        for child in self._children:
            child._parent = None
        self._children = []

    def _replace_children(self, nodes: list["XmlNode"]) -> None:
        self.remove_all()
        for node in nodes:
            node._parent = self
            self._children.append(node)

    def clone_node(self, deep: Any = True) -> "XmlNode":
        raise NotImplementedError

    def clone(self) -> "XmlNode":
        return self.clone_node(True)

    def _copy_children(self, copy: "XmlNode", document: Optional["XmlDocument"]) -> None:
        for child in self._children:
            item = child._copy(document, True)
            item._parent = copy
            copy._children.append(item)

    def _copy(self, document: Optional["XmlDocument"], deep: bool) -> "XmlNode":
        raise NotImplementedError

    # --- queries -----------------------------------------------------------------------------

    def select_nodes(self, xpath: Any, namespaces: Any = None) -> XmlNodeList:
        return XmlNodeList(_XPATH.select(self, to_string(xpath), namespaces))

    def select_single_node(self, xpath: Any, namespaces: Any = None) -> Optional["XmlNode"]:
        found = _XPATH.select(self, to_string(xpath), namespaces)
        return found[0] if found else None

    def lookup(self, name: Any, namespace: Any = None) -> Optional["XmlElement"]:
        """The indexer ``$node['child']``: the first child element of that
        Name (or LocalName and namespace), not adapted."""
        wanted = to_string(name)
        for child in self._children:
            if isinstance(child, XmlElement):
                if namespace is None and child.qualified == wanted:
                    return child
                if namespace is not None and child.local_name == wanted and \
                        child.namespace_uri == to_string(namespace):
                    return child
        return None

    def get_enumerator(self) -> Iterator["XmlNode"]:
        return iter(list(self._children))

    def iter_descendants(self) -> Iterator["XmlNode"]:
        for child in self._children:
            yield child
            yield from child.iter_descendants()

    def lookup_namespace(self, prefix: str) -> Optional[str]:
        """The namespace ``prefix`` ('' = the default) stands for here."""
        if prefix == "xml":
            return _XML
        if prefix == "xmlns":
            return _XMLNS
        wanted = "xmlns:" + prefix if prefix else "xmlns"
        node: Optional[XmlNode] = self if not isinstance(self, XmlAttribute) else self._parent
        while node is not None:
            if isinstance(node, XmlElement):
                for attribute in node._attributes:
                    if attribute.qualified == wanted:
                        return attribute.text
            node = node._parent
        return None if prefix else ""


def _index_of(nodes: list[XmlNode], node: XmlNode) -> int:
    """The position of ``node`` by identity (nodes compare by identity)."""
    for i, item in enumerate(nodes):
        if item is node:
            return i
    raise ArgumentException("The node is not a child of this node.")


def _split(qualified: str) -> tuple[str, str]:
    prefix, _, local = qualified.rpartition(":")
    return prefix, local


class _QualifiedNode(XmlNode):
    """A node named by a qualified name (``prefix:local``): attributes and
    elements, whose Name, LocalName and Prefix all read it."""

    qualified: str

    @property
    def name(self) -> str:
        return self.qualified

    @property
    def local_name(self) -> str:
        return _split(self.qualified)[1]

    @property
    def prefix(self) -> str:
        return _split(self.qualified)[0]


class XmlAttribute(_QualifiedNode):
    """``XmlAttribute``: name and text; its ParentNode is $null as in .NET
    (OwnerElement names the element)."""

    full_name = "System.Xml.XmlAttribute"
    node_type = 2
    PS_MEMBERS = dict(XmlNode.PS_MEMBERS, OwnerElement="owner_element", Specified="specified")

    def __init__(self, document: Optional["XmlDocument"], qualified: str, text: str = "",
                 namespace: Optional[str] = None) -> None:
        super().__init__(document)
        self.qualified = qualified
        self.text = text
        self._namespace = namespace

    @property
    def namespace_uri(self) -> str:
        if self._namespace is not None:
            return self._namespace
        if self.qualified == "xmlns" or self.prefix == "xmlns":
            return _XMLNS
        if not self.prefix:
            return ""
        owner = self._parent
        return (owner.lookup_namespace(self.prefix) if owner is not None else None) or ""

    @property
    def parent_node(self) -> None:
        return None

    @property
    def owner_element(self) -> Optional[XmlNode]:
        return self._parent

    @property
    def specified(self) -> bool:
        return True

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, new: Any) -> None:
        self.text = to_string(new)

    @property
    def inner_text(self) -> str:
        return self.text

    @inner_text.setter
    def inner_text(self, new: Any) -> None:
        self.text = to_string(new)

    @property
    def child_nodes(self) -> XmlNodeList:
        return XmlNodeList([XmlText(self._document, self.text)] if self.text else [], "System.Xml.XmlChildNodes")

    @property
    def has_child_nodes(self) -> bool:
        return bool(self.text)

    def _copy(self, document: Optional["XmlDocument"], deep: bool) -> "XmlNode":
        return XmlAttribute(document, self.qualified, self.text, self._namespace)

    def clone_node(self, deep: Any = True) -> XmlNode:
        return self._copy(self._document, True)


class XmlAttributeCollection(list):
    """``XmlAttributeCollection``: an element's attributes, indexable by
    position or by name (``$node.Attributes['id']``)."""

    __slots__ = ("_owner",)
    full_name = "System.Xml.XmlAttributeCollection"
    PS_MEMBERS = {"Count": "count", "ItemOf": "lookup", "Append": "append_attribute",
                  "Remove": "remove_attribute", "RemoveAt": "remove_at", "RemoveAll": "remove_all",
                  "GetNamedItem": "lookup", "SetNamedItem": "append_attribute"}

    def __init__(self, owner: "XmlElement") -> None:
        super().__init__(owner._attributes)
        self._owner = owner

    @property
    def count(self) -> int:
        return len(self)

    def lookup(self, name: Any) -> Optional[XmlAttribute]:
        if isinstance(name, int) and not isinstance(name, bool):
            return self[name] if 0 <= name < len(self) else None
        return self._owner.get_attribute_node(name)

    def append_attribute(self, attribute: Any) -> XmlAttribute:
        result = self._owner.set_attribute_node(attribute)
        self[:] = self._owner._attributes
        return result

    def remove_attribute(self, attribute: Any) -> Optional[XmlAttribute]:
        if isinstance(attribute, XmlAttribute) and attribute._parent is self._owner:
            self._owner._attributes.remove(attribute)
            attribute._parent = None
            self[:] = self._owner._attributes
            return attribute
        return None

    def remove_at(self, index: Any) -> Optional[XmlAttribute]:
        i = int(index)
        return self.remove_attribute(self[i]) if 0 <= i < len(self) else None

    def remove_all(self) -> None:
        for attribute in list(self._owner._attributes):
            self.remove_attribute(attribute)


class XmlElement(_QualifiedNode):
    """``XmlElement``: a qualified name, attributes and children."""

    full_name = "System.Xml.XmlElement"
    node_type = 1
    PS_MEMBERS = dict(XmlNode.PS_MEMBERS, HasAttributes="has_attributes", IsEmpty="is_empty",
                      GetAttribute="get_attribute", SetAttribute="set_attribute",
                      RemoveAttribute="remove_attribute", HasAttribute="has_attribute",
                      GetAttributeNode="get_attribute_node", SetAttributeNode="set_attribute_node",
                      RemoveAllAttributes="remove_all_attributes", GetElementsByTagName="get_elements_by_tag_name")

    def __init__(self, document: Optional["XmlDocument"], qualified: str, namespace: Optional[str] = None) -> None:
        super().__init__(document)
        self.qualified = qualified
        self._namespace = namespace
        self._attributes: list[XmlAttribute] = []
        self.empty = True

    @property
    def namespace_uri(self) -> str:
        if self._namespace is not None:
            return self._namespace
        return self.lookup_namespace(self.prefix) or ""

    @property
    def attributes(self) -> XmlAttributeCollection:
        return XmlAttributeCollection(self)

    def attribute_list(self) -> list[XmlAttribute]:
        return self._attributes

    @property
    def has_attributes(self) -> bool:
        return bool(self._attributes)

    @property
    def is_empty(self) -> bool:
        return not self._children and self.empty

    @is_empty.setter
    def is_empty(self, value: Any) -> None:
        if value:
            XmlNode.remove_all(self)
        self.empty = bool(value)

    def _accepts(self, child: XmlNode) -> bool:
        return child.node_type in (1, 3, 4, 5, 7, 8, 11, 13, 14)

    def _insert(self, index: int, child: Any) -> XmlNode:
        self.empty = False
        return super()._insert(index, child)

    def remove_all(self) -> None:
        super().remove_all()
        self.remove_all_attributes()

    def _replace_children(self, nodes: list[XmlNode]) -> None:
        XmlNode.remove_all(self)
        for node in nodes:
            node._parent = self
            self._children.append(node)
        self.empty = False

    def get_attribute_node(self, name: Any, namespace: Any = None) -> Optional[XmlAttribute]:
        wanted = to_string(name)
        if namespace is not None:
            uri = to_string(namespace)
            return next((a for a in self._attributes if a.local_name == wanted and a.namespace_uri == uri), None)
        return next((a for a in self._attributes if a.qualified == wanted), None)

    def get_attribute(self, name: Any, namespace: Any = None) -> str:
        found = self.get_attribute_node(name, namespace)
        return found.text if found is not None else ""

    def has_attribute(self, name: Any, namespace: Any = None) -> bool:
        return self.get_attribute_node(name, namespace) is not None

    def set_attribute(self, name: Any, *rest: Any) -> Optional[str]:
        """SetAttribute(name, value) or SetAttribute(localName, namespaceURI, value)."""
        if len(rest) == 2:
            namespace, text = to_string(rest[0]), to_string(rest[1])
            found = self.get_attribute_node(name, namespace)
            if found is None:
                self.set_attribute_node(XmlAttribute(self._document, to_string(name), text, namespace or None))
                return text
            found.text = text
            return text
        if len(rest) != 1:
            raise ArgumentException("SetAttribute takes a name and a value.")
        qualified = to_string(name)
        _check_name(qualified)
        found = self.get_attribute_node(qualified)
        if found is None:
            self.set_attribute_node(XmlAttribute(self._document, qualified, to_string(rest[0])))
        else:
            found.text = to_string(rest[0])
        return None

    def set_attribute_node(self, attribute: Any) -> Optional[XmlAttribute]:
        if not isinstance(attribute, XmlAttribute):
            raise ArgumentException("The node is not an XmlAttribute.")
        if attribute._parent is not None and attribute._parent is not self:
            raise InvalidOperationException("The 'Attribute' node is already in use by another element.")
        old = self.get_attribute_node(attribute.qualified)
        if old is attribute:
            return None
        if old is not None:
            self._attributes[self._attributes.index(old)] = attribute
            old._parent = None
        else:
            self._attributes.append(attribute)
        attribute._parent = self
        return old

    def remove_attribute(self, name: Any, namespace: Any = None) -> None:
        found = self.get_attribute_node(name, namespace)
        if found is not None:
            self._attributes.remove(found)
            found._parent = None

    def remove_all_attributes(self) -> None:
        for attribute in self._attributes:
            attribute._parent = None
        self._attributes = []

    def get_elements_by_tag_name(self, name: Any, namespace: Any = None) -> XmlNodeList:
        return _elements_by_name(self, to_string(name), None if namespace is None else to_string(namespace))

    def _copy(self, document: Optional["XmlDocument"], deep: bool) -> XmlNode:
        copy = XmlElement(document, self.qualified, self._namespace)
        copy.empty = self.empty
        for attribute in self._attributes:
            item = attribute._copy(document, True)
            item._parent = copy
            copy._attributes.append(item)
        if deep:
            self._copy_children(copy, document)
        return copy

    def clone_node(self, deep: Any = True) -> XmlNode:
        return self._copy(self._document, bool(deep))


def _elements_by_name(root: XmlNode, name: str, namespace: Optional[str]) -> XmlNodeList:
    found = []
    for node in root.iter_descendants():
        if isinstance(node, XmlElement):
            if namespace is None:
                if name == "*" or node.qualified == name:
                    found.append(node)
            elif (name == "*" or node.local_name == name) and (namespace == "*" or node.namespace_uri == namespace):
                found.append(node)
    return XmlNodeList(found, "System.Xml.XmlElementList")


class XmlCharacterData(XmlNode):
    """Text-like nodes (text, CDATA, comments, whitespace): one string."""

    full_name = "System.Xml.XmlCharacterData"
    PS_MEMBERS = dict(XmlNode.PS_MEMBERS, Data="value", Length="length")
    node_name = "#text"

    def __init__(self, document: Optional["XmlDocument"], text: str) -> None:
        super().__init__(document)
        self.text = text

    @property
    def local_name(self) -> str:
        return self.node_name

    @property
    def length(self) -> int:
        return len(self.text)

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, new: Any) -> None:
        self.text = to_string(new)

    @property
    def inner_text(self) -> str:
        return self.text

    @inner_text.setter
    def inner_text(self, new: Any) -> None:
        self.text = to_string(new)

    def _copy(self, document: Optional["XmlDocument"], deep: bool) -> XmlNode:
        return type(self)(document, self.text)

    def clone_node(self, deep: Any = True) -> XmlNode:
        return self._copy(self._document, True)


class XmlText(XmlCharacterData):
    full_name = "System.Xml.XmlText"
    node_type = 3


class XmlCDataSection(XmlCharacterData):
    full_name = "System.Xml.XmlCDataSection"
    node_type = 4
    node_name = "#cdata-section"


class XmlComment(XmlCharacterData):
    full_name = "System.Xml.XmlComment"
    node_type = 8
    node_name = "#comment"


class XmlWhitespace(XmlCharacterData):
    full_name = "System.Xml.XmlWhitespace"
    node_type = 13
    node_name = "#whitespace"


class XmlSignificantWhitespace(XmlCharacterData):
    full_name = "System.Xml.XmlSignificantWhitespace"
    node_type = 14
    node_name = "#significant-whitespace"


class XmlProcessingInstruction(XmlNode):
    full_name = "System.Xml.XmlProcessingInstruction"
    node_type = 7
    PS_MEMBERS = dict(XmlNode.PS_MEMBERS, Target="target", Data="value")

    def __init__(self, document: Optional["XmlDocument"], target: str, data: str) -> None:
        super().__init__(document)
        self.target = target
        self.data = data

    @property
    def local_name(self) -> str:
        return self.target

    @property
    def value(self) -> str:
        return self.data

    @value.setter
    def value(self, new: Any) -> None:
        self.data = to_string(new)

    @property
    def inner_text(self) -> str:
        return self.data

    def _copy(self, document: Optional["XmlDocument"], deep: bool) -> XmlNode:
        return XmlProcessingInstruction(document, self.target, self.data)

    def clone_node(self, deep: Any = True) -> XmlNode:
        return self._copy(self._document, True)


class XmlDeclaration(XmlNode):
    """``<?xml version="1.0" encoding="utf-8"?>``: its Value (and what the
    adapter shows) is the text between ``xml`` and ``?>``."""

    full_name = "System.Xml.XmlDeclaration"
    node_type = 17
    PS_MEMBERS = dict(XmlNode.PS_MEMBERS, Version="version", Encoding="encoding", Standalone="standalone")

    def __init__(self, document: Optional["XmlDocument"], version: str, encoding: str, standalone: str) -> None:
        super().__init__(document)
        self.version = version
        self.encoding = encoding
        self.standalone = standalone

    @property
    def local_name(self) -> str:
        return "xml"

    @property
    def value(self) -> str:
        text = f'version="{self.version}"'
        if self.encoding:
            text += f' encoding="{self.encoding}"'
        if self.standalone:
            text += f' standalone="{self.standalone}"'
        return text

    @property
    def inner_text(self) -> str:
        return self.value

    def _copy(self, document: Optional["XmlDocument"], deep: bool) -> XmlNode:
        return XmlDeclaration(document, self.version, self.encoding, self.standalone)

    def clone_node(self, deep: Any = True) -> XmlNode:
        return self._copy(self._document, True)


class XmlDocumentType(XmlNode):
    full_name = "System.Xml.XmlDocumentType"
    node_type = 10
    PS_MEMBERS = dict(XmlNode.PS_MEMBERS, PublicId="public_id", SystemId="system_id",
                      InternalSubset="internal_subset")

    def __init__(self, document: Optional["XmlDocument"], doctype: str, system_id: Optional[str],
                 public_id: Optional[str], internal_subset: Optional[str]) -> None:
        super().__init__(document)
        self.doctype = doctype
        self.system_id = system_id
        self.public_id = public_id
        self.internal_subset = internal_subset

    @property
    def local_name(self) -> str:
        return self.doctype

    @property
    def inner_text(self) -> str:
        return ""

    def _copy(self, document: Optional["XmlDocument"], deep: bool) -> XmlNode:
        return XmlDocumentType(document, self.doctype, self.system_id, self.public_id, self.internal_subset)

    def clone_node(self, deep: Any = True) -> XmlNode:
        return self._copy(self._document, True)


class XmlDocumentFragment(XmlNode):
    full_name = "System.Xml.XmlDocumentFragment"
    node_type = 11

    @property
    def local_name(self) -> str:
        return "#document-fragment"

    def _accepts(self, child: XmlNode) -> bool:
        return child.node_type in (1, 3, 4, 5, 7, 8, 13, 14)

    def _copy(self, document: Optional["XmlDocument"], deep: bool) -> XmlNode:
        copy = XmlDocumentFragment(document)
        if deep:
            self._copy_children(copy, document)
        return copy

    def clone_node(self, deep: Any = True) -> XmlNode:
        return self._copy(self._document, bool(deep))


class XmlDocument(XmlNode):
    """``[xml]`` (System.Xml.XmlDocument): the root of a tree and the
    factory of its nodes; ``PreserveWhitespace`` decides whether
    whitespace-only text survives Load/LoadXml."""

    full_name = "System.Xml.XmlDocument"
    node_type = 9
    PS_MEMBERS = dict(
        XmlNode.PS_MEMBERS, DocumentElement="document_element", PreserveWhitespace="preserve_whitespace",
        DocumentType="document_type", NameTable="name_table", Load="load", LoadXml="load_xml", Save="save",
        CreateElement="create_element", CreateAttribute="create_attribute", CreateTextNode="create_text_node",
        CreateComment="create_comment", CreateCDataSection="create_cdata_section",
        CreateWhitespace="create_whitespace", CreateXmlDeclaration="create_xml_declaration",
        CreateProcessingInstruction="create_processing_instruction",
        CreateDocumentFragment="create_document_fragment", CreateNode="create_node", CreateDocumentType="create_document_type", ImportNode="import_node",
        GetElementsByTagName="get_elements_by_tag_name", GetElementById="get_element_by_id")

    def __init__(self) -> None:
        super().__init__(None)
        self._document = self
        self.preserve_whitespace = False
        self.source_uri = ""
        self.name_table = XmlNameTable()

    @property
    def local_name(self) -> str:
        return "#document"

    @property
    def base_uri(self) -> str:
        return self.source_uri

    @property
    def owner_document(self) -> None:
        return None

    @property
    def document_element(self) -> Optional[XmlElement]:
        return next((c for c in self._children if isinstance(c, XmlElement)), None)

    @property
    def document_type(self) -> Optional[XmlDocumentType]:
        return next((c for c in self._children if isinstance(c, XmlDocumentType)), None)

    @property
    def inner_text(self) -> str:
        return XmlNode.inner_text.fget(self)  # type: ignore[attr-defined]

    @inner_text.setter
    def inner_text(self, text: Any) -> None:
        raise InvalidOperationException("The 'InnerText' of a 'Document' node is read-only and cannot be set.")

    def _accepts(self, child: XmlNode) -> bool:
        if child.node_type not in (1, 7, 8, 10, 11, 13, 14, 17):
            return False
        if isinstance(child, XmlElement) and self.document_element is not None \
                and self.document_element is not child:
            return False
        return True

    def _check_child(self, child: Any) -> XmlNode:
        node = super()._check_child(child)
        if isinstance(node, XmlElement) and self.document_element not in (None, node):
            raise InvalidOperationException("This document already has a 'DocumentElement' node.")
        return node

    # --- loading and saving ------------------------------------------------------------------

    def load_xml(self, text: Any) -> None:
        """Replaces the content with the parsed text; a text that is not
        well formed leaves the document as it was."""
        scratch = XmlDocument()
        scratch.preserve_whitespace = self.preserve_whitespace
        parse_into(scratch, scratch, to_string(text))
        self.remove_all()
        for node in list(scratch._children):
            node._parent = self
            self._children.append(node)
            _adopt(node, self)

    def load(self, source: Any) -> None:
        path = to_string(source)
        self.load_xml(read_xml_file(path))
        self.source_uri = "file://" + os.path.abspath(path)

    def save(self, target: Any) -> None:
        save_document(self, to_string(target))

    # --- factories ---------------------------------------------------------------------------

    def create_element(self, name: Any, *rest: Any) -> XmlElement:
        """CreateElement(name), (qualifiedName, namespaceURI) or (prefix, localName, namespaceURI)."""
        if len(rest) == 2:
            prefix, local = to_string(name), to_string(rest[0])
            qualified = f"{prefix}:{local}" if prefix else local
            return XmlElement(self, qualified, to_string(rest[1]))
        qualified = to_string(name)
        _check_name(qualified)
        return XmlElement(self, qualified, to_string(rest[0]) if rest else None)

    def create_attribute(self, name: Any, *rest: Any) -> XmlAttribute:
        if len(rest) == 2:
            prefix, local = to_string(name), to_string(rest[0])
            return XmlAttribute(self, f"{prefix}:{local}" if prefix else local, "", to_string(rest[1]))
        qualified = to_string(name)
        _check_name(qualified)
        return XmlAttribute(self, qualified, "", to_string(rest[0]) if rest else None)

    def create_text_node(self, text: Any) -> XmlText:
        return XmlText(self, to_string(text))

    def create_comment(self, text: Any) -> XmlComment:
        return XmlComment(self, to_string(text))

    def create_cdata_section(self, text: Any) -> XmlCDataSection:
        return XmlCDataSection(self, to_string(text))

    def create_whitespace(self, text: Any) -> XmlWhitespace:
        return XmlWhitespace(self, to_string(text))

    def create_xml_declaration(self, version: Any, encoding: Any, standalone: Any) -> XmlDeclaration:
        if to_string(version) != "1.0":
            raise ArgumentException("Only XML version 1.0 is supported.")
        return XmlDeclaration(self, "1.0", to_string(encoding) if encoding is not None else "",
                              to_string(standalone) if standalone is not None else "")

    def create_processing_instruction(self, target: Any, data: Any) -> XmlProcessingInstruction:
        return XmlProcessingInstruction(self, to_string(target), to_string(data))

    def create_document_type(self, name: Any, public_id: Any, system_id: Any, subset: Any) -> XmlDocumentType:
        return XmlDocumentType(self, to_string(name), None if system_id is None else to_string(system_id),
                               None if public_id is None else to_string(public_id),
                               None if subset is None else to_string(subset))

    def create_node(self, kind: Any, *rest: Any) -> XmlNode:
        """CreateNode(type, name, namespaceURI) or (type, prefix, name,
        namespaceURI); the type as an XmlNodeType or its name ('element')."""
        if isinstance(kind, str):
            number = XML_NODE_TYPE.members.get(next((k for k in XML_NODE_TYPE.members if k.lower() == kind.lower()),
                                                    ""), -1)
            if kind.lower() == "cdatasection":
                number = 4
        else:
            number = int(kind)
        if len(rest) == 3:
            prefix, name, namespace = (to_string(v) if v is not None else "" for v in rest)
            qualified = f"{prefix}:{name}" if prefix else name
        else:
            qualified = to_string(rest[0]) if rest and rest[0] is not None else ""
            namespace = to_string(rest[1]) if len(rest) > 1 and rest[1] is not None else ""
        makers = {1: lambda: XmlElement(self, qualified, namespace or None),
                  2: lambda: XmlAttribute(self, qualified, "", namespace or None),
                  3: lambda: self.create_text_node(""), 4: lambda: self.create_cdata_section(""),
                  7: lambda: self.create_processing_instruction(qualified, ""), 8: lambda: self.create_comment(""),
                  11: self.create_document_fragment, 13: lambda: self.create_whitespace(""),
                  14: lambda: XmlSignificantWhitespace(self, ""), 17: lambda: self.create_xml_declaration("1.0", None,
                                                                                                         None)}
        maker = makers.get(number)
        if maker is None:
            raise ArgumentException(f"Cannot create node of type {to_string(kind)}.")
        return maker()

    def create_document_fragment(self) -> XmlDocumentFragment:
        return XmlDocumentFragment(self)

    def import_node(self, node: Any, deep: Any) -> XmlNode:
        if not isinstance(node, XmlNode) or isinstance(node, XmlDocument):
            raise InvalidOperationException("Cannot import nodes of type 'Document'.")
        return node._copy(self, bool(deep))

    def get_elements_by_tag_name(self, name: Any, namespace: Any = None) -> XmlNodeList:
        return _elements_by_name(self, to_string(name), None if namespace is None else to_string(namespace))

    def get_element_by_id(self, element_id: Any) -> None:
        # Without a DTD no attribute is of type ID, and .NET returns null.
        return None

    def _copy(self, document: Optional["XmlDocument"], deep: bool) -> XmlNode:
        copy = XmlDocument()
        copy.preserve_whitespace = self.preserve_whitespace
        if deep:
            self._copy_children(copy, copy)
            for node in copy._children:
                _adopt(node, copy)
        return copy

    def clone_node(self, deep: Any = True) -> XmlNode:
        return self._copy(None, bool(deep))


def _adopt(node: XmlNode, document: XmlDocument) -> None:
    """Makes ``document`` the owner of ``node`` and everything under it."""
    node._document = document
    for attribute in getattr(node, "_attributes", ()):
        attribute._document = document
    for child in node._children:
        _adopt(child, document)


def _check_name(name: str) -> None:
    """.NET refuses names that are not XML names when nodes are created."""
    import re
    if not re.fullmatch(r"[^\W\d.\-:][\w.\-]*(?::[^\W\d.\-:][\w.\-]*)?", name):
        first = name[:1]
        if not name:
            raise ArgumentException("The empty string '' is not a valid name.")
        code = f"0x{ord(first):02X}"
        raise XmlException(f"The '{first}' character, hexadecimal value {code}, cannot be included in a name.")


class _XPathEngine:
    """Where SelectNodes finds its XPath evaluator: ``xpath.py`` sits above
    this module (it walks these nodes) and installs itself when it loads."""

    select: Any = None


_XPATH = _XPathEngine()


def install_xpath(select: Any) -> None:
    """Called by ``xpath.py`` at import: ``select(node, expression, namespaces)``."""
    _XPATH.select = select


# --- PowerShell's XML adapter ------------------------------------------------------------------
# pwsh's XmlNodeAdapter: a node's attributes and child nodes are its properties, by LocalName and
# ignoring case, ahead of the .NET ones; members.py asks through the ps_adapted_* methods of XmlNode.

def _adapted_nodes(node: XmlNode, name: str) -> list[XmlNode]:
    """The attributes and (non-whitespace) children whose LocalName is
    ``name``, ignoring case, attributes first."""
    wanted = name.lower()
    found: list[XmlNode] = [a for a in node.attribute_list() if a.local_name.lower() == wanted]
    found.extend(c for c in node._children if not isinstance(c, XmlWhitespace) and c.local_name.lower() == wanted)
    return found


def _node_value(node: XmlNode) -> Any:
    """How the adapter shows one node: text, attributes and leaf elements
    as their text; anything with attributes or element children as itself."""
    if isinstance(node, (XmlText, XmlAttribute)):
        return node.text
    if node.attribute_list():
        return node
    children = node._children
    if not children or (len(children) == 1 and isinstance(children[0], XmlText)):
        return node.inner_text
    return node


def adapted_get(node: XmlNode, name: str) -> tuple[bool, Any]:
    """``$node.name``: (found, value); several same-named nodes give an array."""
    nodes = _adapted_nodes(node, name)
    if not nodes:
        return False, None
    if len(nodes) == 1:
        return True, _node_value(nodes[0])
    return True, [_node_value(n) for n in nodes]


def adapted_properties(node: XmlNode) -> list[tuple[str, Any]]:
    """Every adapted property, attributes then children, same names grouped."""
    groups: dict[str, tuple[str, list[XmlNode]]] = {}
    for item in [*node.attribute_list(), *node._children]:
        if not isinstance(item, XmlWhitespace):
            groups.setdefault(item.local_name.lower(), (item.local_name, []))[1].append(item)
    return [(name, _node_value(items[0]) if len(items) == 1 else [_node_value(n) for n in items])
            for name, items in groups.values()]


def _set_refused(error_id: str, name: str) -> SetValueException:
    return SetValueException(f'Cannot set "{name}" because only strings can be used as values to set XmlNode '
                             "properties.", error_id=error_id, category=ErrorCategory.NotSpecified)


def adapted_set(node: XmlNode, name: str, value: Any) -> bool:
    """``$node.name = value`` (the value as a string): False when no node
    has that name, so that a .NET property of that name is set instead."""
    nodes = _adapted_nodes(node, name)
    if not nodes:
        return False
    if len(nodes) > 1:
        raise _set_refused("XmlNodeSetRestrictionsMoreThanOneNode", name)
    target = nodes[0]
    text = to_string(value)
    if isinstance(target, (XmlText, XmlAttribute)):
        target.text = text
        return True
    if target.attribute_list():
        raise _set_refused("XmlNodeSetRestrictionsNodeWithAttributes", target.local_name)
    children = target._children
    if not children or (len(children) == 1 and isinstance(children[0], XmlText)):
        target.inner_text = text
        return True
    raise _set_refused("XmlNodeSetRestrictionsUnknownNodeType", target.local_name)
