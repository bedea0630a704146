"""CLIXML: pwsh's serialization format (Export-Clixml, PSSerializer, jobs).

The writer follows pwsh's InternalSerializer (serialization.cs): the
primitive known types as their own elements (``<S>``, ``<I32>``, ``<DT>``...),
collections and dictionaries as ``<Obj>`` with ``<LST>``/``<DCT>``, every
other object as ``<Obj>`` with its type names (``<TN>``, or ``<TNRef>`` when
the same list was written before), its ``<ToString>``, its properties
(``<Props>``) and its note properties (``<MS>``).  An object met a second
time is a ``<Ref>``.  Depth is counted as pwsh counts it: a complex object
at depth 0 becomes its string; its properties get one level less; note
properties and container items keep the level.

The reader gives primitives back as their own values, lists as ArrayList,
hashtables as Hashtable, and every other object as a property bag whose
type names are ``Deserialized.<T>`` (methods are not carried), keeping the
``ToString`` text it was written with.

A SecureString is written as pwsh on Linux writes it: the hex of its
UTF-16LE text, which is *not* encrypted (pwsh has no DPAPI there).
"""

from __future__ import annotations

import base64
import datetime as _dt
import math
import re
import uuid
from decimal import Decimal
from functools import lru_cache
from typing import Any, Optional

from .conversions import dotnet_to_string, format_decimal, format_double, format_single, timespan_parts
from .credentials import SecureString
from .xml_text import XmlException
from .members import _type_names, property_list
from .netobjects import Version
from .uri import Uri
from .values import (
    ArrayList, BigInt, Byte, Char, EnumValue, Hashtable, Int16, Int64, OrderedDictionary, PSCustomObject,
    SByte, Single, UInt16, UInt32, UInt64, iter_collection,
)

NAMESPACE = "http://schemas.microsoft.com/powershell/2004/04"
VERSION = "1.1.0.1"
JOB_DEPTH = 1
EXPORT_DEPTH = 2
_MAX_DEPTH_BELOW_TOP = 50
_TOO_DEEP = "The deserialized object has too many levels of nested objects. (Deserialized objects are limited " \
    "to 50 levels of nesting.)"
_SCRIPTBLOCK = "System.Management.Automation.ScriptBlock"


class DeserializedObject(PSCustomObject):
    """An object read back from CLIXML: its properties under
    ``Deserialized.<T>`` type names, and the text its ``ToString()`` gave
    where it was written (``None`` for a property bag)."""

    __slots__ = ("serialized_text",)

    def __init__(self, properties: Any = None, type_names: Optional[list[str] | tuple[str, ...]] = None,
                 serialized_text: Optional[str] = None) -> None:
        super().__init__(properties, type_names)
        self.serialized_text = serialized_text


@lru_cache(maxsize=256)
def _deserialized_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """``Deserialized.<T>`` for each type name: one tuple that objects read
    with the same names share until one of them is edited."""
    return tuple("Deserialized." + n for n in names)


# --- text encoding (pwsh's EncodeString / XmlConvert.DecodeName) ----------------------------------

def _needs_escape(ch: str, following: str) -> bool:
    code = ord(ch)
    return code <= 0x1F or 0x7F <= code <= 0x9F or code > 0xFFFF or 0xD800 <= code <= 0xDFFF or (
        ch == "_" and following in ("x", "X"))


def encode_string(text: str) -> str:
    """Control characters, surrogates and a ``_`` before ``x`` as ``_xHHHH_``."""
    out = []
    for i, ch in enumerate(text):
        following = text[i + 1] if i + 1 < len(text) else ""
        if not _needs_escape(ch, following):
            out.append(ch)
            continue
        code = ord(ch)
        if code > 0xFFFF:  # a UTF-16 surrogate pair, as .NET holds it
            code -= 0x10000
            out.append(f"_x{0xD800 + (code >> 10):04X}__x{0xDC00 + (code & 0x3FF):04X}_")
        else:
            out.append(f"_x{code:04X}_")
    return "".join(out)


_ENCODED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def decode_string(text: str) -> str:
    if "_x" not in text and "_X" not in text:
        return text
    units = _ENCODED.sub(lambda m: chr(int(m.group(1), 16)), text)
    return units.encode("utf-16", "surrogatepass").decode("utf-16")


def _escape(text: str, attribute: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if attribute else text


# --- primitive values ---------------------------------------------------------------------------

def _double_text(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    return format_double(value)


def _single_text(value: float) -> str:
    return _double_text(value) if math.isnan(value) or math.isinf(value) else format_single(value)


def datetime_text(value: _dt.datetime) -> str:
    """XmlConvert's round-trip form: seven fraction digits without trailing
    zeros, ``Z`` for UTC, the local offset for a local time."""
    text = f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}:" \
        f"{value.second:02d}"
    if value.microsecond:
        text += "." + f"{value.microsecond:06d}0".rstrip("0")
    if value.tzinfo is not None:
        return text + "Z"
    try:
        offset = value.astimezone().utcoffset() or _dt.timedelta(0)
    except (OverflowError, ValueError):
        offset = _dt.timedelta(0)
    sign = "-" if offset < _dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def timespan_text(value: _dt.timedelta) -> str:
    """XmlConvert's ISO 8601 duration: ``PT1H2M3.5S``, ``P1D``, ``PT0S``."""
    negative, days, hours, minutes, seconds, fraction = timespan_parts(value)
    text = ("-" if negative else "") + "P" + (f"{days}D" if days else "")
    if hours or minutes or seconds or fraction or not days:
        text += "T" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
        if seconds or fraction or not (hours or minutes):
            text += str(seconds) + (("." + f"{fraction:07d}".rstrip("0")) if fraction else "") + "S"
    return text


_INTEGER_TAGS: tuple[tuple[type, str], ...] = (
    (Int64, "I64"), (Byte, "By"), (SByte, "SB"), (Int16, "I16"), (UInt16, "U16"), (UInt32, "U32"),
    (UInt64, "U64"))


def _primitive(value: Any) -> Optional[tuple[str, Optional[str]]]:
    """The element and text of a primitive known type; None for others."""
    if value is None:
        return "Nil", None
    if isinstance(value, bool):
        return "B", "true" if value else "false"
    if isinstance(value, Char):
        return "C", str(ord(value))
    if isinstance(value, str):
        return "S", value
    if isinstance(value, (EnumValue, BigInt)):
        return None
    if isinstance(value, int):
        for cls, tag in _INTEGER_TAGS:
            if isinstance(value, cls):
                return tag, str(int(value))
        return ("I32" if -2**31 <= value < 2**31 else "I64"), str(int(value))
    if isinstance(value, Single):
        return "Sg", _single_text(value)
    if isinstance(value, float):
        return "Db", _double_text(value)
    if isinstance(value, Decimal):
        return "D", format_decimal(value)
    if isinstance(value, _dt.datetime):
        return "DT", datetime_text(value)
    if isinstance(value, _dt.timedelta):
        return "TS", timespan_text(value)
    if isinstance(value, uuid.UUID):
        return "G", str(value)
    if isinstance(value, (bytes, bytearray)):
        return "BA", base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Version):
        return "Version", str(value)
    if isinstance(value, Uri):
        return "URI", value.OriginalString
    if isinstance(value, SecureString):
        return "SS", value.reveal().encode("utf-16-le").hex()
    return None


# --- writing ------------------------------------------------------------------------------------

class _Node:
    """One element to write: attributes, then text or children."""

    __slots__ = ("tag", "attrs", "text", "children")

    def __init__(self, tag: str, attrs: Optional[list[tuple[str, str]]] = None, text: Optional[str] = None) -> None:
        self.tag = tag
        self.attrs = attrs or []
        self.text = text
        self.children: list[_Node] = []

    def render(self, out: list[str], indent: Optional[str], level: int = 0) -> None:
        """Appends the element's lines to ``out``, children ``indent`` deeper
        (``indent=None``: no padding, for the one-line job records)."""
        pad = "" if indent is None else indent * level
        attrs = "".join(f' {k}="{_escape(v, True)}"' for k, v in self.attrs)
        if self.children:
            out.append(f"{pad}<{self.tag}{attrs}>")
            for child in self.children:
                child.render(out, indent, level + 1)
            out.append(f"{pad}</{self.tag}>")
        elif self.text is None:
            out.append(f"{pad}<{self.tag}{attrs} />")
        else:
            out.append(f"{pad}<{self.tag}{attrs}>{_escape(self.text)}</{self.tag}>")


class Serializer:
    """One CLIXML stream: reference ids run across all its objects."""

    def __init__(self, depth: int = EXPORT_DEPTH) -> None:
        self.depth = depth
        self._refs: dict[int, str] = {}
        self._keep: list[Any] = []  # the objects behind ``_refs``' ids stay alive while the ids do
        self._type_refs: dict[tuple[str, ...], str] = {}
        self._level = 0

    def node(self, obj: Any, name: Optional[str] = None, depth: Optional[int] = None) -> _Node:
        """The element for one object (``name`` is the property it is the value of)."""
        depth = self.depth if depth is None else depth
        attrs = [("N", encode_string(name))] if name is not None else []
        self._level += 1
        try:
            if self._level > _MAX_DEPTH_BELOW_TOP:
                return _Node("S", attrs, _TOO_DEEP)
            return self._node(obj, attrs, depth)
        finally:
            self._level -= 1

    def _node(self, obj: Any, attrs: list[tuple[str, str]], depth: int) -> _Node:
        """The element for one value: a known primitive as its own tag, a
        script block as text, an object already written as a ``<Ref>``
        (so cycles end), else an ``<Obj>`` with its type names and members
        down to ``depth`` levels."""
        known = _primitive(obj)
        if known is not None:
            tag, text = known
            return _Node(tag, attrs, None if text is None else encode_string(text))
        names = [str(n) for n in _type_names(obj)]
        if _SCRIPTBLOCK in names:
            return _Node("SBK", attrs, encode_string(dotnet_to_string(obj)))
        ref = self._refs.get(id(obj))
        if ref is not None:
            return _Node("Ref", attrs + [("RefId", ref)])
        if isinstance(obj, (Hashtable, dict)):
            node = self._start(obj, attrs, names, None)
            table = _Node("DCT")
            for key, value in obj.items():
                entry = _Node("En")
                entry.children = [self.node(key, "Key", depth), self.node(value, "Value", depth)]
                table.children.append(entry)
            node.children.append(table)
            return node
        if not isinstance(obj, (PSCustomObject, str)) and not hasattr(obj, "PS_MEMBERS"):
            items = iter_collection(obj)
            if items is not None:
                node = self._start(obj, attrs, names, None)
                body = _Node("LST" if isinstance(obj, (list, tuple)) else "IE")
                body.children = [self.node(item, None, depth) for item in items]
                node.children.append(body)
                return node
        text = obj.serialized_text if isinstance(obj, DeserializedObject) else None
        if text is None and not isinstance(obj, PSCustomObject):
            text = dotnet_to_string(obj)
        if depth <= 0:
            return _Node("S", attrs, encode_string(text if text is not None else dotnet_to_string(obj)))
        node = self._start(obj, attrs, names, text)
        if isinstance(obj, EnumValue):
            node.children.append(self.node(int(obj), None, depth))
            return node
        if isinstance(obj, PSCustomObject):
            notes = [self.node(value, name, depth) for name, value in obj.items()]
            if notes:
                members = _Node("MS")
                members.children = notes
                node.children.append(members)
            return node
        props = _Node("Props")
        for prop in _safe_properties(obj):
            props.children.append(self.node(prop[1], prop[0], depth - 1))
        if props.children:
            node.children.append(props)
        return node

    def _start(self, obj: Any, attrs: list[tuple[str, str]], names: list[str], text: Optional[str]) -> _Node:
        """``<Obj RefId>`` with its type names (or a reference to the same
        list written before) and its ToString."""
        ref = str(len(self._refs))
        self._refs[id(obj)] = ref
        self._keep.append(obj)
        node = _Node("Obj", attrs + [("RefId", ref)])
        key = tuple(names)
        if key:
            type_ref = self._type_refs.get(key)
            if type_ref is None:
                type_ref = self._type_refs[key] = str(len(self._type_refs))
                type_node = _Node("TN", [("RefId", type_ref)])
                type_node.children = [_Node("T", None, encode_string(n)) for n in names]
                node.children.append(type_node)
            else:
                node.children.append(_Node("TNRef", [("RefId", type_ref)]))
        if text is not None:
            node.children.append(_Node("ToString", None, encode_string(text)))
        return node


def _safe_properties(obj: Any) -> list[tuple[str, Any]]:
    """An object's properties; one whose getter fails is left out, as pwsh
    leaves out a property it cannot read."""
    try:
        properties = property_list(obj)
    except Exception:
        return []
    result = []
    for prop in properties:
        try:
            result.append((prop.Name, prop.Value))
        except Exception:
            continue
    return result


def serialize(objects: list[Any], depth: int = EXPORT_DEPTH, indent: Optional[str] = "  ") -> str:
    """A whole ``<Objs>`` document, one element per object; ``indent=None``
    writes it on one line."""
    serializer = Serializer(depth)
    root = _Node("Objs", [("Version", VERSION), ("xmlns", NAMESPACE)])
    root.children = [serializer.node(obj) for obj in objects]
    out: list[str] = []
    root.render(out, indent)
    return ("" if indent is None else "\n").join(out)


# --- reading ------------------------------------------------------------------------------------

class CliXmlError(XmlException):
    """Text that is not CLIXML: pwsh's reader fails with the XmlException
    of .NET's XmlReader, so this is one."""


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse_datetime(text: str) -> _dt.datetime:
    """``<DT>``'s round-trip text (XmlConvert): ``Z`` gives a UTC date, an
    offset a local one (as .NET reads it, Kind=Local), none an unspecified
    one; seven fraction digits are cut to Python's six."""
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?", text.strip())
    if match is None:
        raise CliXmlError(f"'{text}' is not a valid DateTime.")
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    micro = int((match.group(7) or "0")[:6].ljust(6, "0"))
    value = _dt.datetime(year, month, day, hour, minute, second, micro)
    zone = match.group(8)
    if zone == "Z":
        return value.replace(tzinfo=_dt.timezone.utc)
    if zone:
        sign = -1 if zone[0] == "-" else 1
        offset = _dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])) * sign
        utc = value.replace(tzinfo=_dt.timezone(offset))
        try:
            return utc.astimezone().replace(tzinfo=None)
        except (OverflowError, ValueError):
            return value
    return value


_DURATION = re.compile(r"(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d+))?S)?)?")


def _parse_timespan(text: str) -> _dt.timedelta:
    match = _DURATION.fullmatch(text.strip())
    if match is None:
        raise CliXmlError(f"'{text}' is not a valid TimeSpan.")
    sign, days, hours, minutes, seconds, fraction = match.groups()
    ticks = int((fraction or "0")[:7].ljust(7, "0"))
    value = _dt.timedelta(days=int(days or 0), hours=int(hours or 0), minutes=int(minutes or 0),
                          seconds=int(seconds or 0), microseconds=ticks // 10)
    return -value if sign else value


def _parse_double(text: str) -> float:
    special = {"INF": math.inf, "-INF": -math.inf, "NaN": math.nan}
    return special[text] if text in special else float(text)


_READERS: dict[str, Any] = {
    "S": lambda t: t, "C": lambda t: Char(chr(int(t))), "B": lambda t: t.strip() in ("true", "1"),
    "I32": int, "I64": lambda t: Int64(int(t)), "By": lambda t: Byte(int(t)), "SB": lambda t: SByte(int(t)),
    "I16": lambda t: Int16(int(t)), "U16": lambda t: UInt16(int(t)), "U32": lambda t: UInt32(int(t)),
    "U64": lambda t: UInt64(int(t)), "Db": _parse_double, "Sg": lambda t: Single(_parse_double(t)),
    "D": Decimal, "DT": _parse_datetime, "TS": _parse_timespan, "G": uuid.UUID,
    "BA": lambda t: base64.b64decode(t), "Version": lambda t: Version.parse(t), "URI": lambda t: Uri(t, 0),
    "SS": lambda t: SecureString(bytes.fromhex(t.strip()).decode("utf-16-le")),
    "XD": lambda t: t, "SBK": lambda t: t, "PR": lambda t: t,
}


class Deserializer:
    """Reads one ``<Objs>`` document; references resolve within it."""

    def __init__(self) -> None:
        self._objects: dict[str, Any] = {}
        self._types: dict[str, list[str]] = {}

    def value(self, element: Any) -> Any:
        """The value an element stands for; an unknown tag or a primitive
        whose text does not parse is a CliXmlError (pwsh's XmlException),
        never a Python error."""
        tag = _local_name(element.tag)
        if tag == "Nil":
            return None
        if tag == "Ref":
            return self._objects.get(element.get("RefId"))
        if tag == "Obj":
            return self._object(element)
        reader = _READERS.get(tag)
        if reader is None:
            raise CliXmlError(f"The element '{tag}' is not a known CLIXML element.")
        text = decode_string(element.text or "")
        try:
            return reader(text)
        except (ValueError, ArithmeticError, TypeError) as exc:
            raise CliXmlError(f"'{text}' is not a valid {tag} value.") from exc

    def _object(self, element: Any) -> Any:
        """An ``<Obj>``: a dictionary or list comes back as a Hashtable or
        ArrayList, an object with properties as a ``Deserialized.<T>``
        property bag, a wrapped primitive as itself.  The result is recorded
        under its RefId before its content is read, so a later ``<Ref>``
        (even one inside it) finds it."""
        names: list[str] = []
        text: Optional[str] = None
        base: Any = None
        has_base = False
        result: Any = None
        obj: Optional[DeserializedObject] = None
        ref = element.get("RefId")
        for child in element:
            tag = _local_name(child.tag)
            if tag == "TN":
                names = [decode_string(t.text or "") for t in child]
                self._types[child.get("RefId", "")] = names
            elif tag == "TNRef":
                names = self._types.get(child.get("RefId", ""), [])
            elif tag == "ToString":
                text = decode_string(child.text or "")
            elif tag == "DCT":
                result = OrderedDictionary() if names[:1] == [
                    "System.Collections.Specialized.OrderedDictionary"] else Hashtable()
                self._objects[ref] = result
                for entry in child:
                    pair = {e.get("N"): e for e in entry}
                    if "Key" in pair:
                        result[self.value(pair["Key"])] = self.value(pair["Value"]) if "Value" in pair else None
            elif tag in ("LST", "IE", "STK", "QUE"):
                result = ArrayList()
                self._objects[ref] = result
                result.extend(self.value(item) for item in child)
            elif tag in ("Props", "MS"):
                if obj is None:  # known before its properties are read, so they may refer to it
                    obj = self._objects[ref] = DeserializedObject(None, _deserialized_names(tuple(names)), text)
                for prop in child:
                    name = prop.get("N")
                    if name is not None and _local_name(prop.tag) != "MS":  # nested member sets are not kept
                        obj.set_property(decode_string(name), self.value(prop))
            else:
                base = self.value(child)
                has_base = True
        if result is not None:
            return result
        if obj is not None:
            return obj
        if has_base and text is None:
            return base
        obj = self._objects[ref] = DeserializedObject(None, _deserialized_names(tuple(names)), text)
        return obj


def _not_well_formed(text: str) -> CliXmlError:
    """.NET's XmlReader message for a text that is not well formed.
    ElementTree's message is Python's wording; the [xml] parser already
    words expat's errors as .NET does, so it serves here too."""
    from .xml_dom import XmlDocument
    try:
        XmlDocument().load_xml(text)
    except XmlException as exc:
        return CliXmlError(exc.message)
    return CliXmlError()


def deserialize(text: str) -> list[Any]:
    """The objects of a CLIXML document (``<Objs>``), in order."""
    from xml.etree import ElementTree
    try:
        root = ElementTree.fromstring(text.lstrip("\ufeff"))
    except ElementTree.ParseError:
        raise _not_well_formed(text) from None
    if _local_name(root.tag) != "Objs":
        raise CliXmlError("The root element of CLIXML must be 'Objs'.")
    reader = Deserializer()
    return [reader.value(child) for child in root]


# --- [System.Management.Automation.PSSerializer] ----------------------------------------------------

class PSSerializer:
    """``System.Management.Automation.PSSerializer``: static Serialize and
    Deserialize over the same format (no instances)."""

    full_name = "System.Management.Automation.PSSerializer"


def _serialize_method(source: Any, depth: Any = JOB_DEPTH) -> str:
    from .conversions import convert_to_integer
    return serialize([source], convert_to_integer(depth, "System.Int32"))


def _deserialize_method(source: Any) -> Any:
    objects = deserialize(dotnet_to_string(source))
    return objects[0] if len(objects) == 1 else objects


def _deserialize_as_list(source: Any) -> list[Any]:
    return deserialize(dotnet_to_string(source))


def register_serializer_type() -> None:
    """Makes ``[System.Management.Automation.PSSerializer]`` known (the
    package's ``__init__`` calls this on the first type lookup that misses,
    so a plain script never loads this module)."""
    from .types import register_class, register_static_members
    register_class(PSSerializer, PSSerializer.full_name)
    register_static_members(PSSerializer.full_name, lambda: {
        "serialize": ("Serialize", _serialize_method, True),
        "deserialize": ("Deserialize", _deserialize_method, True),
        "deserializeaslist": ("DeserializeAsList", _deserialize_as_list, True)})
