"""The types of the .NET class library that admin scripts reach for, beyond
the engine's own (``typetable.py``): ``[xml]`` and its node classes with
``XmlNamespaceManager``; ``[uri]`` with its static helpers; Stopwatch,
Random and the Security.Cryptography hashing helpers; the generic
collections beyond List/Dictionary/HashSet and ``[StringComparer]``; what
``[Environment]`` returns (OperatingSystem, SpecialFolder).  Like ``typetable``, this loads on the first type
lookup that misses (the package's ``__init__`` installs both), so a script
that names none of them never imports the XML modules."""

from __future__ import annotations

from typing import Any, Callable

from . import conversions as conv
from . import xml_dom as dom
from . import datetime_offset as dto
from . import streams
from . import xml_linq as linq
from .cryptography import (
    ALGORITHMS, algorithm_statics, HashAlgorithm, Hmac, hmac_statics, random_statics, RandomNumberGenerator,
)
from .dns import IPHostEntry, static_table as dns_statics
from .engine_enums import URI_KIND
from .environment import ENVIRONMENT_VARIABLE_TARGET, OperatingSystem, SPECIAL_FOLDER
from .name_value import NameValueCollection
from .net_random import NetRandom, SHARED as RANDOM_SHARED
from .stopwatch import static_table as stopwatch_statics, Stopwatch
from .errors import FormatException, UriFormatException
from . import generic_collections as gc
from .generic_collections import family_builders
from .timezones import static_table as timezone_statics, TimeZoneInfo
from .types import OBJECT, PSType, register_generic_family, register_instance_types, register_static_members
from .uri import new_uri, static_table as uri_statics, Uri, URI_HOST_NAME_TYPE
from .values import Int64, iter_collection, StringComparer
from .xml_text import XmlException
from .xpath import XmlNamespaceManager

# (class, base class's full name or None for System.Object, accelerator)
_XML_NODES: tuple[tuple[type, str, str], ...] = (
    (dom.XmlNode, "", ""),
    (dom.XmlAttribute, "System.Xml.XmlNode", ""),
    (dom.XmlDocument, "System.Xml.XmlNode", "xml"),
    (dom.XmlDocumentFragment, "System.Xml.XmlNode", ""),
    (dom.XmlElement, "System.Xml.XmlLinkedNode", ""),
    (dom.XmlCharacterData, "System.Xml.XmlLinkedNode", ""),
    (dom.XmlText, "System.Xml.XmlCharacterData", ""),
    (dom.XmlCDataSection, "System.Xml.XmlText", ""),
    (dom.XmlComment, "System.Xml.XmlCharacterData", ""),
    (dom.XmlWhitespace, "System.Xml.XmlCharacterData", ""),
    (dom.XmlSignificantWhitespace, "System.Xml.XmlCharacterData", ""),
    (dom.XmlProcessingInstruction, "System.Xml.XmlLinkedNode", ""),
    (dom.XmlDeclaration, "System.Xml.XmlLinkedNode", ""),
    (dom.XmlDocumentType, "System.Xml.XmlLinkedNode", ""),
)


def _xml_text(value: Any) -> str:
    """pwsh converts to XmlDocument through the value's text, a
    collection's items joined by newlines (``[xml](Get-Content f)``)."""
    items = iter_collection(value)
    if items is not None and not isinstance(value, str):
        return "\n".join(conv.to_string(item) for item in items)
    return conv.to_string(value)


def convert_to_xml(value: Any) -> Any:
    """``[xml]$value``: InvalidCastToXmlDocument with the parser's message
    when the text is not well-formed XML."""
    if value is None or isinstance(value, dom.XmlDocument):
        return value
    document = dom.XmlDocument()
    try:
        document.load_xml(_xml_text(value))
    except XmlException as exc:
        raise conv.cast_error(value, "System.Xml.XmlDocument", exc.message, "InvalidCastToXmlDocument",
                              exc) from None
    return document


def register_system_types(register: Callable[..., Any], enum_type: Callable[[Any], Any]) -> None:
    _register_uri(register, enum_type)
    _register_xml(register)
    _register_linq(register)
    _register_utilities(register)
    _register_collections(register)
    for info in (ENVIRONMENT_VARIABLE_TARGET, SPECIAL_FOLDER, dom.XML_NODE_TYPE):
        enum_type(info)
    for info in (streams.FILE_MODE, streams.FILE_ACCESS, streams.FILE_SHARE, streams.SEEK_ORIGIN):
        enum_type(info)
    register(PSType(streams.FileStream.full_name, OBJECT, check=lambda v: type(v) is streams.FileStream,
                    constructor=streams.FileStream, pyclass=streams.FileStream, interfaces=("System.IDisposable",)))
    for cls in (streams.MemoryStream, streams.StreamReader, streams.StreamWriter):
        register(PSType(cls.full_name, OBJECT, check=lambda v, c=cls: isinstance(v, c), constructor=cls, pyclass=cls,
                        interfaces=("System.IDisposable",)))
    def convert_offset(value: Any) -> Any:
        if value is None or isinstance(value, dto.DateTimeOffset):
            return value
        try:
            return dto.convert(value)
        except FormatException as exc:
            raise conv.cast_error(value, dto.DateTimeOffset.full_name, exc.message,
                                  "InvalidCastParseTargetInvocation") from None

    register(PSType(dto.DateTimeOffset.full_name, OBJECT, converter=convert_offset, value_type=True,
                    check=lambda v: isinstance(v, dto.DateTimeOffset), constructor=dto.new_offset,
                    pyclass=dto.DateTimeOffset))
    register_static_members(dto.DateTimeOffset.full_name, dto.static_table)
    register(PSType(TimeZoneInfo.full_name, OBJECT, check=lambda v: isinstance(v, TimeZoneInfo), pyclass=TimeZoneInfo))
    register_static_members(TimeZoneInfo.full_name, timezone_statics)
    dns_type = register(PSType("System.Net.Dns", OBJECT, check=lambda v: False, abstract=True))
    register_static_members(dns_type.full_name, dns_statics)
    register(PSType(IPHostEntry.full_name, OBJECT, check=lambda v: isinstance(v, IPHostEntry), pyclass=IPHostEntry))
    # IntPtr: only its static members (pointer-sized values on 64-bit Linux).
    pointer = register(PSType("System.IntPtr", OBJECT, check=lambda v: False, abstract=True))
    register_static_members(pointer.full_name, lambda: {
        "maxvalue": ("MaxValue", lambda: Int64(2**63 - 1), False), "minvalue": ("MinValue", lambda: Int64(-2**63), False),
        "size": ("Size", lambda: 8, False), "zero": ("Zero", lambda: Int64(0), False)})
    register(PSType(OperatingSystem.full_name, OBJECT, check=lambda v: isinstance(v, OperatingSystem),
                    pyclass=OperatingSystem))
    collection = register(PSType("System.Collections.Specialized.NameValueCollection", OBJECT,
                                 check=lambda v: isinstance(v, NameValueCollection),
                                 constructor=NameValueCollection, interfaces=("System.Collections.IEnumerable",)))
    query = PSType("System.Web.HttpUtility+HttpQSCollection", collection, check=lambda v: False)
    register_instance_types(NameValueCollection, lambda v: query if v._query_string else collection)


def _register_uri(register: Callable[..., Any], enum_type: Callable[[Any], Any]) -> None:
    kind = enum_type(URI_KIND)
    enum_type(URI_HOST_NAME_TYPE)

    def convert_uri(value: Any) -> Any:
        if isinstance(value, Uri) or value is None:
            return value
        if isinstance(value, str):
            try:
                return Uri(value, 0)
            except UriFormatException as exc:
                raise conv.cast_error(value, Uri.full_name, exc.message, "InvalidCastFromStringToUri", exc) from None
        raise conv.cast_error(value, Uri.full_name)

    register(PSType(Uri.full_name, OBJECT, converter=convert_uri, check=lambda v: isinstance(v, Uri),
                    constructor=lambda first, second=None: new_uri(first, second, kind.convert), pyclass=Uri),
             "uri")
    register_static_members(Uri.full_name, lambda: uri_statics(kind.convert))


def _register_utilities(register: Callable[..., Any]) -> None:
    """Stopwatch, Random and the cryptography helpers."""
    register(PSType(Stopwatch.full_name, OBJECT, check=lambda v: isinstance(v, Stopwatch), constructor=Stopwatch,
                    pyclass=Stopwatch))
    register_static_members(Stopwatch.full_name, stopwatch_statics)
    register(PSType(NetRandom.full_name, OBJECT, check=lambda v: isinstance(v, NetRandom),
                    constructor=lambda seed=None: NetRandom(seed), pyclass=NetRandom))
    register_static_members(NetRandom.full_name, lambda: {"shared": ("Shared", lambda: RANDOM_SHARED, False)})

    namespace = "System.Security.Cryptography."
    hash_base = register(PSType(namespace + "HashAlgorithm", OBJECT, check=lambda v: isinstance(v, HashAlgorithm),
                                abstract=True, interfaces=("System.IDisposable",)))
    keyed = register(PSType(namespace + "KeyedHashAlgorithm", hash_base, check=lambda v: isinstance(v, Hmac),
                            abstract=True))
    hmac_base = register(PSType(namespace + "HMAC", keyed, check=lambda v: isinstance(v, Hmac), abstract=True))
    implementations: dict[str, PSType] = {}
    hmac_types: dict[str, PSType] = {}
    for name in ALGORITHMS:
        algorithm = register(PSType(namespace + name, hash_base, abstract=True,
                                    check=lambda v, n=name: isinstance(v, HashAlgorithm) and not isinstance(v, Hmac)
                                    and v.net_name == n))
        register_static_members(algorithm.full_name, lambda n=name: algorithm_statics(n))
        implementations[name] = PSType(f"{namespace}{name}+Implementation", algorithm, check=lambda v: False)
        hmac_types[name] = register(PSType(
            f"{namespace}HMAC{name}", hmac_base, check=lambda v, n=name: isinstance(v, Hmac) and v.net_name == n,
            constructor=lambda key=None, n=name: Hmac(n, key)))
        register_static_members(hmac_types[name].full_name, lambda n=name: hmac_statics(n))
    register_instance_types(HashAlgorithm, lambda v: implementations[v.net_name])
    register_instance_types(Hmac, lambda v: hmac_types[v.net_name])
    generator = register(PSType(namespace + "RandomNumberGenerator", OBJECT, abstract=True,
                                check=lambda v: isinstance(v, RandomNumberGenerator)))
    register_static_members(generator.full_name, random_statics)
    register(PSType(RandomNumberGenerator.full_name, generator, check=lambda v: isinstance(v, RandomNumberGenerator),
                    pyclass=RandomNumberGenerator))


def _register_collections(register: Callable[..., Any]) -> None:
    """Queue/Stack/SortedSet/SortedDictionary and StringComparer."""
    for short_name, build in family_builders().items():
        register_generic_family(short_name, build)
    for cls in (gc.Queue, gc.Stack, gc.SortedSet, gc.SortedDictionary, gc.ConcurrentDictionary):
        register_instance_types(cls, gc.type_of_instance)
    for t in gc.NON_GENERIC.values():
        register(t)
    comparer = register(PSType("System.StringComparer", OBJECT, check=lambda v: isinstance(v, StringComparer),
                               abstract=True))
    comparers = {"Ordinal": StringComparer("System.OrdinalComparer", False),
                 "OrdinalIgnoreCase": StringComparer("System.OrdinalIgnoreCaseComparer", True),
                 "InvariantCulture": StringComparer("System.CultureAwareComparer", False),
                 "InvariantCultureIgnoreCase": StringComparer("System.CultureAwareComparer", True),
                 "CurrentCulture": StringComparer("System.CultureAwareComparer", False),
                 "CurrentCultureIgnoreCase": StringComparer("System.CultureAwareComparer", True)}
    register_static_members(comparer.full_name, lambda: {
        name.lower(): (name, (lambda c=value: c), False) for name, value in comparers.items()})
    implementations: dict[str, PSType] = {}

    def comparer_type(value: StringComparer) -> PSType:
        t = implementations.get(value.full_name)
        if t is None:
            t = implementations[value.full_name] = PSType(value.full_name, comparer, check=lambda v: False)
        return t
    register_instance_types(StringComparer, comparer_type)


def _register_linq(register: Callable[..., Any]) -> None:
    """System.Xml.Linq: XDocument, XElement, XAttribute, XName..."""
    namespace = "System.Xml.Linq."
    base = register(PSType(namespace + "XObject", OBJECT, check=lambda v: isinstance(v, linq.XObject), abstract=True))
    node = register(PSType(namespace + "XNode", base, check=lambda v: isinstance(v, linq.XNode), abstract=True))
    container = register(PSType(namespace + "XContainer", node, check=lambda v: isinstance(v, linq.XContainer),
                                abstract=True))
    for cls, parent, constructor in ((linq.XElement, container, linq.new_element),
                                     (linq.XDocument, container, linq.new_document),
                                     (linq.XText, node, None), (linq.XComment, node, None),
                                     (linq.XAttribute, base, lambda name, value: linq.XAttribute.build(name, value))):
        register(PSType(cls.full_name, parent, check=lambda v, c=cls: type(v) is c, constructor=constructor,
                        pyclass=cls))
    register_static_members(linq.XElement.full_name, linq.element_statics)
    register_static_members(linq.XDocument.full_name, linq.document_statics)
    register(PSType(linq.XName.full_name, OBJECT, check=lambda v: isinstance(v, linq.XName),
                    converter=lambda v: v if v is None or isinstance(v, linq.XName) else linq.XName.get(v),
                    pyclass=linq.XName))
    register(PSType(linq.XNamespace.full_name, OBJECT, check=lambda v: isinstance(v, linq.XNamespace),
                    converter=lambda v: v if v is None or isinstance(v, linq.XNamespace) else linq.XNamespace(
                        conv.to_string(v)), pyclass=linq.XNamespace))
    register(PSType(linq.XDeclaration.full_name, OBJECT, check=lambda v: isinstance(v, linq.XDeclaration),
                    pyclass=linq.XDeclaration))


def _register_xml(register: Callable[..., Any]) -> None:
    by_name: dict[str, PSType] = {}
    linked = register(PSType("System.Xml.XmlLinkedNode", None, check=lambda v: isinstance(v, (
        dom.XmlElement, dom.XmlCharacterData, dom.XmlProcessingInstruction, dom.XmlDeclaration,
        dom.XmlDocumentType)), abstract=True))
    for cls, base_name, accelerator in _XML_NODES:
        base = by_name.get(base_name, linked if base_name == "System.Xml.XmlLinkedNode" else OBJECT)
        if cls is dom.XmlNode:
            linked.base = None
        t = PSType(cls.full_name, base, check=lambda v, cls=cls: isinstance(v, cls), pyclass=cls,
                   abstract=cls in (dom.XmlNode, dom.XmlCharacterData),
                   converter=convert_to_xml if cls is dom.XmlDocument else None,
                   constructor=dom.XmlDocument if cls is dom.XmlDocument else None,
                   interfaces=("System.Collections.IEnumerable", "System.ICloneable"))
        by_name[cls.full_name] = register(t, *([accelerator] if accelerator else []))
        if cls is dom.XmlNode:
            linked.base = by_name[cls.full_name]
    node_list = register(PSType("System.Xml.XmlNodeList", OBJECT, check=lambda v: isinstance(v, dom.XmlNodeList),
                                abstract=True, interfaces=("System.Collections.IEnumerable",)))
    list_types: dict[str, PSType] = {}

    def node_list_type(value: dom.XmlNodeList) -> PSType:
        """ChildNodes, SelectNodes and GetElementsByTagName name their own XmlNodeList subclasses."""
        t = list_types.get(value.full_name)
        if t is None:
            t = list_types[value.full_name] = PSType(value.full_name, node_list, check=lambda v: False)
        return t
    register_instance_types(dom.XmlNodeList, node_list_type)
    register(PSType(dom.XmlNameTable.full_name, OBJECT, check=lambda v: isinstance(v, dom.XmlNameTable),
                    constructor=dom.XmlNameTable, pyclass=dom.XmlNameTable))
    register(PSType(dom.XmlAttributeCollection.full_name, OBJECT,
                    check=lambda v: isinstance(v, dom.XmlAttributeCollection), pyclass=dom.XmlAttributeCollection))
    register(PSType(XmlNamespaceManager.full_name, OBJECT, check=lambda v: isinstance(v, XmlNamespaceManager),
                    constructor=XmlNamespaceManager, pyclass=XmlNamespaceManager))
