"""``System.Xml.Linq`` (XDocument, XElement, XAttribute, XName): the LINQ
to XML classes scripts use to read XML (``Parse``/``Load``, ``Root``,
``Elements``, ``Descendants``, ``Attribute``, ``Value``) and build it.

They are views over ``xml_dom``'s nodes, so parsing, printing and editing
are the XmlDocument's; unlike ``[xml]`` nothing here is adapted (an
element's children are reached through methods, as in C#).  Names are
XNames: ``'item'`` or ``'{urn:x}item'`` for a namespaced one.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from . import xml_dom as dom
from .conversions import to_string
from .errors import ArgumentException, ArgumentNullException, InvalidOperationException
from .values import iter_collection
from .xml_text import indented_text, parse_into, read_xml_file, save_document, write_node


class XName:
    """``{namespace}local``; compares equal to its string form."""

    __slots__ = ("local_name", "namespace_name")
    full_name = "System.Xml.Linq.XName"
    PS_MEMBERS = {"LocalName": "local_name", "NamespaceName": "namespace_name", "Namespace": "namespace",
                  "ToString": "__str__", "Equals": "__eq__"}

    def __init__(self, local_name: str, namespace_name: str = "") -> None:
        self.local_name = local_name
        self.namespace_name = namespace_name

    @staticmethod
    def get(value: Any) -> "XName":
        if isinstance(value, XName):
            return value
        if value is None:
            raise ArgumentNullException(None, param_name="expandedName")
        text = to_string(value)
        if text.startswith("{"):
            namespace, _, local = text[1:].partition("}")
            return XName(local, namespace)
        return XName(text)

    @property
    def namespace(self) -> "XNamespace":
        return XNamespace(self.namespace_name)

    def matches(self, node: Any) -> bool:
        return node.local_name == self.local_name and node.namespace_uri == self.namespace_name

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            other = XName.get(other)
        return isinstance(other, XName) and (self.local_name, self.namespace_name) == (
            other.local_name, other.namespace_name)

    def __hash__(self) -> int:
        return hash((self.local_name, self.namespace_name))

    def __str__(self) -> str:
        return f"{{{self.namespace_name}}}{self.local_name}" if self.namespace_name else self.local_name


class XNamespace:
    __slots__ = ("namespace_name",)
    full_name = "System.Xml.Linq.XNamespace"
    PS_MEMBERS = {"NamespaceName": "namespace_name", "GetName": "get_name", "ToString": "__str__"}

    def __init__(self, namespace_name: str) -> None:
        self.namespace_name = namespace_name

    def get_name(self, local: Any) -> XName:
        return XName(to_string(local), self.namespace_name)

    def __str__(self) -> str:
        return self.namespace_name


def _wrap(node: Any) -> Any:
    """The LINQ view of a DOM node."""
    if node is None:
        return None
    if isinstance(node, dom.XmlElement):
        return XElement(node)
    if isinstance(node, dom.XmlAttribute):
        return XAttribute(node)
    if isinstance(node, dom.XmlDocument):
        return XDocument(node)
    if isinstance(node, dom.XmlComment):
        return XComment(node)
    return XText(node)


def _filter(nodes: Any, name: Any) -> list:
    wanted = XName.get(name) if name is not None else None
    return [XElement(n) for n in nodes if isinstance(n, dom.XmlElement) and (wanted is None or wanted.matches(n))]


class XObject:
    """What every LINQ node shares: the DOM node behind it."""

    __slots__ = ("node",)

    def __init__(self, node: Any) -> None:
        self.node = node

    def __eq__(self, other: object) -> bool:
        return isinstance(other, XObject) and other.node is self.node

    def __hash__(self) -> int:
        return id(self.node)

    @property
    def document(self) -> Optional["XDocument"]:
        owner = self.node.owner_document
        return XDocument(owner) if owner is not None and _root_of(self.node) is owner else None

    @property
    def parent(self) -> Optional["XElement"]:
        parent = self.node.owner_element if isinstance(self.node, dom.XmlAttribute) else self.node.parent_node
        return XElement(parent) if isinstance(parent, dom.XmlElement) else None

    @property
    def node_type(self) -> Any:
        return self.node.node_type_value

    def remove(self) -> None:
        node = self.node
        if isinstance(node, dom.XmlAttribute):
            owner = node.owner_element
            if owner is None:
                raise InvalidOperationException("The parent is missing.")
            owner.remove_attribute(node.name)
            return
        if node.parent_node is None:
            raise InvalidOperationException("The parent is missing.")
        node.parent_node.remove_child(node)


def _root_of(node: Any) -> Any:
    while node.parent_node is not None:
        node = node.parent_node
    return node


class XNode(XObject):
    __slots__ = ()

    @property
    def next_node(self) -> Any:
        return _wrap(self.node.next_sibling)

    @property
    def previous_node(self) -> Any:
        return _wrap(self.node.previous_sibling)

    def ancestors(self, name: Any = None) -> list:
        found = []
        parent = self.node.parent_node
        while isinstance(parent, dom.XmlElement):
            found.append(parent)
            parent = parent.parent_node
        return _filter(found, name)

    def __str__(self) -> str:
        return write_node(self.node)


class XText(XNode):
    __slots__ = ()
    full_name = "System.Xml.Linq.XText"
    PS_MEMBERS = {"Value": "value", "NodeType": "node_type", "Parent": "parent", "Remove": "remove",
                  "ToString": "__str__"}

    @property
    def value(self) -> str:
        return self.node.value

    @value.setter
    def value(self, text: Any) -> None:
        self.node.value = to_string(text)


class XComment(XText):
    __slots__ = ()
    full_name = "System.Xml.Linq.XComment"


class XContainer(XNode):
    """Elements and documents: children, queries and adding content."""

    __slots__ = ()

    def nodes(self) -> list:
        return [_wrap(c) for c in self.node.child_list() if not isinstance(c, (dom.XmlDeclaration,
                                                                               dom.XmlWhitespace))]

    def elements(self, name: Any = None) -> list:
        return _filter(self.node.child_list(), name)

    def element(self, name: Any) -> Optional["XElement"]:
        found = _filter(self.node.child_list(), name)
        return found[0] if found else None

    def descendants(self, name: Any = None) -> list:
        return _filter(self.node.iter_descendants(), name)

    def descendant_nodes(self) -> list:
        return [_wrap(n) for n in self.node.iter_descendants() if not isinstance(n, dom.XmlWhitespace)]

    @property
    def first_node(self) -> Any:
        nodes = self.nodes()
        return nodes[0] if nodes else None

    @property
    def last_node(self) -> Any:
        nodes = self.nodes()
        return nodes[-1] if nodes else None

    def _document(self) -> dom.XmlDocument:
        return self.node if isinstance(self.node, dom.XmlDocument) else self.node.owner_document

    def add(self, *content: Any) -> None:
        for item in _flatten(content):
            self._add_one(item)

    def _add_one(self, item: Any) -> None:
        document = self._document()
        if isinstance(item, XAttribute):
            if not isinstance(self.node, dom.XmlElement):
                raise ArgumentException("An attribute cannot be added to content.")
            self.node.set_attribute_node(_adopt(item.node, document))
        elif isinstance(item, XObject):
            node = item.node
            if node.parent_node is not None:
                node = node.clone_node(True)
            self.node.append_child(_adopt(node, document))
        else:
            text = to_string(item)
            last = self.node.last_child
            if isinstance(last, dom.XmlText):
                last.text += text
            else:
                self.node.append_child(document.create_text_node(text))

    def remove_nodes(self) -> None:
        dom.XmlNode.remove_all(self.node)


def _flatten(content: Any) -> Iterator[Any]:
    for item in content:
        if item is None:
            continue
        items = iter_collection(item)
        if items is not None and not isinstance(item, str):
            yield from _flatten(items)
        else:
            yield item


def _adopt(node: Any, document: dom.XmlDocument) -> Any:
    """A node built on its own (``XElement::new``) joins ``document``."""
    if node.owner_document is document:
        return node
    return document.import_node(node, True)


_LINQ_MEMBERS = {
    "Nodes": "nodes", "Elements": "elements", "Element": "element", "Descendants": "descendants",
    "DescendantNodes": "descendant_nodes", "FirstNode": "first_node", "LastNode": "last_node", "Add": "add",
    "RemoveNodes": "remove_nodes", "NextNode": "next_node", "PreviousNode": "previous_node",
    "Ancestors": "ancestors", "NodeType": "node_type", "Parent": "parent", "Document": "document",
    "Remove": "remove", "ToString": "__str__",
}


class XElement(XContainer):
    """``XElement``: a name, attributes, and the text of its descendants as Value."""

    __slots__ = ()
    full_name = "System.Xml.Linq.XElement"
    PS_MEMBERS = dict(_LINQ_MEMBERS, Name="name", Value="value", HasAttributes="has_attributes",
                      HasElements="has_elements", IsEmpty="is_empty", FirstAttribute="first_attribute",
                      LastAttribute="last_attribute", Attributes="attributes", Attribute="attribute",
                      SetAttributeValue="set_attribute_value", SetElementValue="set_element_value",
                      SetValue="set_value", RemoveAttributes="remove_attributes", RemoveAll="remove_all",
                      DescendantsAndSelf="descendants_and_self", AncestorsAndSelf="ancestors_and_self")

    @property
    def name(self) -> XName:
        return XName(self.node.local_name, self.node.namespace_uri)

    @name.setter
    def name(self, value: Any) -> None:
        self.node.qualified = XName.get(value).local_name

    @property
    def value(self) -> str:
        return self.node.inner_text

    @value.setter
    def value(self, text: Any) -> None:
        self.set_value(text)

    def set_value(self, text: Any) -> None:
        if text is None:
            raise ArgumentNullException(None, param_name="value")
        self.node.inner_text = to_string(text)

    @property
    def has_attributes(self) -> bool:
        return bool(self.node.attribute_list())

    @property
    def has_elements(self) -> bool:
        return any(isinstance(c, dom.XmlElement) for c in self.node.child_list())

    @property
    def is_empty(self) -> bool:
        return not self.node.child_list()

    def attributes(self, name: Any = None) -> list:
        wanted = XName.get(name) if name is not None else None
        return [XAttribute(a) for a in self.node.attribute_list() if wanted is None or wanted.matches(a)]

    def attribute(self, name: Any) -> Optional["XAttribute"]:
        found = self.attributes(name)
        return found[0] if found else None

    @property
    def first_attribute(self) -> Optional["XAttribute"]:
        found = self.attributes()
        return found[0] if found else None

    @property
    def last_attribute(self) -> Optional["XAttribute"]:
        found = self.attributes()
        return found[-1] if found else None

    def set_attribute_value(self, name: Any, value: Any) -> None:
        xname = XName.get(name)
        existing = self.attribute(xname)
        if value is None:
            if existing is not None:
                existing.remove()
            return
        if existing is not None:
            existing.node.value = to_string(value)
        else:
            self.node.set_attribute_node(XAttribute.build(xname, value, self.node.owner_document).node)

    def set_element_value(self, name: Any, value: Any) -> None:
        existing = self.element(name)
        if value is None:
            if existing is not None:
                existing.remove()
            return
        if existing is None:
            existing = XElement(self.node.owner_document.create_element(XName.get(name).local_name))
            self.node.append_child(existing.node)
        existing.set_value(value)

    def remove_attributes(self) -> None:
        self.node.remove_all_attributes()

    def remove_all(self) -> None:
        self.node.remove_all()

    def descendants_and_self(self, name: Any = None) -> list:
        return _filter([self.node, *self.node.iter_descendants()], name)

    def ancestors_and_self(self, name: Any = None) -> list:
        return _filter([self.node], name) + self.ancestors(name)

    def __str__(self) -> str:
        return indented_text([self.node])


class XDocument(XContainer):
    """``XDocument``: a declaration (not part of ToString) and a Root element."""

    __slots__ = ()
    full_name = "System.Xml.Linq.XDocument"
    PS_MEMBERS = dict(_LINQ_MEMBERS, Root="root", Declaration="declaration", Save="save")

    @property
    def root(self) -> Optional[XElement]:
        element = self.node.document_element
        return XElement(element) if element is not None else None

    @property
    def declaration(self) -> Optional["XDeclaration"]:
        found = next((c for c in self.node.child_list() if isinstance(c, dom.XmlDeclaration)), None)
        return XDeclaration(found) if found is not None else None

    def save(self, path: Any) -> None:
        save_document(self.node, to_string(path))

    def __str__(self) -> str:
        return indented_text([c for c in self.node.child_list() if not isinstance(c, dom.XmlDeclaration)])


class XDeclaration:
    __slots__ = ("node",)
    full_name = "System.Xml.Linq.XDeclaration"
    PS_MEMBERS = {"Version": "version", "Encoding": "encoding", "Standalone": "standalone", "ToString": "__str__"}

    def __init__(self, node: Any) -> None:
        self.node = node

    @property
    def version(self) -> str:
        return self.node.version

    @property
    def encoding(self) -> str:
        return self.node.encoding

    @property
    def standalone(self) -> str:
        return self.node.standalone

    def __str__(self) -> str:
        return f"<?xml {self.node.value}?>"


class XAttribute(XObject):
    """``XAttribute``: prints as ``name="value"``."""

    __slots__ = ()
    full_name = "System.Xml.Linq.XAttribute"
    PS_MEMBERS = {"Name": "name", "Value": "value", "Parent": "parent", "NodeType": "node_type",
                  "IsNamespaceDeclaration": "is_namespace_declaration", "Remove": "remove", "SetValue": "set_value",
                  "NextAttribute": "next_attribute", "PreviousAttribute": "previous_attribute",
                  "ToString": "__str__"}

    @staticmethod
    def build(name: Any, value: Any, document: Optional[dom.XmlDocument] = None) -> "XAttribute":
        if value is None:
            raise ArgumentNullException(None, param_name="value")
        xname = XName.get(name)
        owner = document if document is not None else dom.XmlDocument()
        node = owner.create_attribute(xname.local_name, xname.namespace_name) if xname.namespace_name else \
            owner.create_attribute(xname.local_name)
        node.value = to_string(value)
        return XAttribute(node)

    @property
    def name(self) -> XName:
        return XName(self.node.local_name, self.node.namespace_uri)

    @property
    def value(self) -> str:
        return self.node.value

    @value.setter
    def value(self, text: Any) -> None:
        self.set_value(text)

    def set_value(self, text: Any) -> None:
        self.node.value = to_string(text)

    @property
    def is_namespace_declaration(self) -> bool:
        return self.node.name == "xmlns" or self.node.prefix == "xmlns"

    def _sibling(self, step: int) -> Optional["XAttribute"]:
        owner = self.node.owner_element
        if owner is None:
            return None
        items = owner.attribute_list()
        index = next(i for i, a in enumerate(items) if a is self.node) + step
        return XAttribute(items[index]) if 0 <= index < len(items) else None

    @property
    def next_attribute(self) -> Optional["XAttribute"]:
        return self._sibling(1)

    @property
    def previous_attribute(self) -> Optional["XAttribute"]:
        return self._sibling(-1)

    def __str__(self) -> str:
        return write_node(self.node)


# --- constructors and statics ------------------------------------------------------------------

def new_element(name: Any, *content: Any) -> XElement:
    """``[XElement]::new(name, content...)``: content may be text, elements,
    attributes or collections of them."""
    if isinstance(name, XElement):
        return XElement(name.node.clone_node(True))
    xname = XName.get(name)
    document = dom.XmlDocument()
    node = document.create_element(xname.local_name, xname.namespace_name) if xname.namespace_name else \
        document.create_element(xname.local_name)
    document.append_child(node)
    element = XElement(node)
    element.add(*content)
    return element


def new_document(*content: Any) -> XDocument:
    document = XDocument(dom.XmlDocument())
    document.add(*content)
    return document


def parse_document(text: Any) -> XDocument:
    if text is None:
        raise ArgumentNullException(None, param_name="text")
    document = dom.XmlDocument()
    document.preserve_whitespace = False
    parse_into(document, document, to_string(text))
    return XDocument(document)


def load_document(path: Any) -> XDocument:
    if path is None:
        raise ArgumentNullException(None, param_name="uri")
    return parse_document(read_xml_file(to_string(path)))


def element_statics() -> dict[str, tuple[str, Any, bool]]:
    return {"parse": ("Parse", lambda text, *options: parse_document(text).root, True),
            "load": ("Load", lambda path, *options: load_document(path).root, True)}


def document_statics() -> dict[str, tuple[str, Any, bool]]:
    return {"parse": ("Parse", lambda text, *options: parse_document(text), True),
            "load": ("Load", lambda path, *options: load_document(path), True)}
