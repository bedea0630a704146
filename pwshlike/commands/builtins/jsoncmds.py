"""ConvertTo-Json and ConvertFrom-Json with pwsh 7's rules and layout.

ConvertTo-Json writes what pwsh's Newtonsoft.Json serializer writes: two
spaces of indentation, ``"name": value``, one array item per line, whole
doubles with a ``.0``, dates in ISO 8601.  Objects nested deeper than
-Depth (default 2) become their string form, with pwsh's warning.

ConvertFrom-Json turns objects into PSCustomObjects (or, with
-AsHashtable, ordered hashtables), integers into Int64, and strings that
are ISO 8601 date-times into DateTime, as pwsh 7.4 does.  Python's ``json``
module is imported only when a conversion runs.
"""

from __future__ import annotations

import datetime as _dt
import re
import uuid
from decimal import Decimal
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range, validate_set
from pwshlike.dotnet import members
from pwshlike.dotnet.psmembers import has_instance_members
from pwshlike.dotnet.conversions import dotnet_to_string, format_decimal, format_double, format_single, to_string
from pwshlike.dotnet.errors import ArgumentException, ErrorCategory, ErrorRecord, InvalidOperationException
from pwshlike.dotnet.values import (
    BigInt, Char, DBNull, EnumValue, Hashtable, Int64, NullString, OrderedHashtable, PSCustomObject, Single,
    iter_collection,
)
from pwshlike.dotnet.credentials import SecureString

# --- ConvertTo-Json -----------------------------------------------------------------------------


class _Number(str):
    """A number's JSON text, written as is."""

    __slots__ = ()


def _ensure_decimal_point(text: str) -> str:
    """Newtonsoft writes whole doubles and decimals with ``.0``."""
    if any(c in text for c in ".eE") or text in ("NaN", "Infinity", "-Infinity"):
        return text
    return text + ".0"


def _iso_datetime(value: _dt.datetime) -> str:
    """Newtonsoft's round-trip date format: seconds, then up to seven
    fraction digits without trailing zeros, then ``Z`` for UTC."""
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.year < 1000:
        text = f"{value.year:04d}" + text[text.index("-"):]
    if value.microsecond:
        text += "." + f"{value.microsecond:06d}".rstrip("0")
    if value.tzinfo is not None:
        offset = value.utcoffset() or _dt.timedelta(0)
        if offset == _dt.timedelta(0):
            text += "Z"
        else:
            sign = "-" if offset < _dt.timedelta(0) else "+"
            minutes = abs(int(offset.total_seconds())) // 60
            text += f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return text


class _Serializer:
    """pwsh's JsonObject.ProcessValue: PowerShell values to plain JSON
    values (dicts, lists, strings, numbers), truncating below ``max_depth``."""

    def __init__(self, max_depth: int, enums_as_strings: bool) -> None:
        self.max_depth = max_depth
        self.enums_as_strings = enums_as_strings
        self.truncated = False

    def value(self, obj: Any, depth: int) -> Any:
        result = self._value(obj, depth)
        if isinstance(obj, (str, _dt.datetime, PSCustomObject)) or not has_instance_members():
            return result
        return self._with_added_properties(obj, result, depth)

    def _with_added_properties(self, obj: Any, result: Any, depth: int) -> Any:
        """pwsh's AddPsProperties: the properties Add-Member put on a value
        join a dictionary's keys, or make ``{"value": ..., name: ...}`` of
        anything else (strings and dates keep their plain form)."""
        data = members.instance_members(obj)
        if data is None:
            return result
        added = data.properties(obj)
        if not added:
            return result
        target = result if isinstance(result, dict) else {"value": result}
        for name, value, _kind in added:
            if name not in target:
                target[name] = self.value(value, depth + 1)
        return target

    def _value(self, obj: Any, depth: int) -> Any:
        if obj is None or isinstance(obj, (DBNull, NullString)):
            return None
        if isinstance(obj, (bool, str)):
            return str(obj) if isinstance(obj, Char) else obj
        if isinstance(obj, EnumValue):
            return str(obj) if self.enums_as_strings else _Number(str(int(obj)))
        if isinstance(obj, int):
            return _Number(int.__repr__(obj))
        if isinstance(obj, float):
            text = format_single(obj) if isinstance(obj, Single) else format_double(obj)
            if obj != obj or obj in (float("inf"), float("-inf")):
                return text  # Newtonsoft writes NaN and the infinities as strings
            return _Number(_ensure_decimal_point(text))
        if isinstance(obj, Decimal):
            return _Number(_ensure_decimal_point(format_decimal(obj)))
        if isinstance(obj, _dt.datetime):
            return _iso_datetime(obj)
        if isinstance(obj, uuid.UUID):
            return str(obj)
        if type(obj).__name__ == "Uri":
            return obj.OriginalString
        if depth > self.max_depth:
            self.truncated = True
            return to_string(obj)  # as a [string] cast: an array's items joined by spaces
        if isinstance(obj, PSCustomObject):
            return {name: self.value(v, depth + 1) for name, v in obj.items()}
        if isinstance(obj, (Hashtable, dict)):
            return {dotnet_to_string(k): self.value(v, depth + 1) for k, v in obj.items()}
        items = iter_collection(obj)
        if items is not None:
            return [self.value(item, depth + 1) for item in items]
        return self._object(obj, depth)

    def _object(self, obj: Any, depth: int) -> dict[str, Any]:
        """Any other object: its properties (a getter that fails is left out)."""
        result: dict[str, Any] = {}
        if isinstance(obj, SecureString):
            return {"Length": _Number(str(obj.Length))}
        try:
            properties = members.property_list(obj)
        except Exception:
            return result
        for prop in properties:
            try:
                value = prop.Value
            except Exception:
                continue
            result[prop.Name] = self.value(value, depth + 1)
        return result


_JS_SEPARATORS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
                  "\f": "\\f"}
_HTML_CHARS = frozenset("<>&'\"")


def _escape_html(text: str) -> str:
    """StringEscapeHandling.EscapeHtml: also ``< > & ' "`` as \\u escapes."""
    out = ['"']
    for c in text:
        if c in _HTML_CHARS or c in _JS_SEPARATORS or ord(c) < 0x20 and c not in _SHORT_ESCAPES:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(_SHORT_ESCAPES.get(c, c))
    out.append('"')
    return "".join(out)


def _string_encoder(escape_handling: str) -> Any:
    """Quotes and escapes a string as Newtonsoft's StringEscapeHandling
    does (Python's encoder for the common cases, which escapes the same
    characters, plus the line separators JavaScript forbids)."""
    from json import encoder

    if escape_handling == "escapenonascii":
        return encoder.encode_basestring_ascii
    if escape_handling == "escapehtml":
        return _escape_html

    def default(text: str) -> str:
        quoted = encoder.encode_basestring(text)
        if any(c in text for c in _JS_SEPARATORS):
            quoted = "".join(_JS_SEPARATORS.get(c, c) for c in quoted)
        return quoted
    return default


def write_json(value: Any, compress: bool, encode: Any) -> str:
    """The JSON text of a plain value tree, indented as Newtonsoft indents."""
    parts: list[str] = []
    separator = ":" if compress else ": "

    def write(item: Any, indent: str) -> None:
        if item is None:
            parts.append("null")
        elif item is True:
            parts.append("true")
        elif item is False:
            parts.append("false")
        elif isinstance(item, _Number):
            parts.append(str.__str__(item))
        elif isinstance(item, str):
            parts.append(encode(item))
        elif isinstance(item, dict):
            if not item:
                parts.append("{}")
                return
            inner = indent + "  "
            parts.append("{")
            for index, (key, child) in enumerate(item.items()):
                if index:
                    parts.append(",")
                if not compress:
                    parts.append("\n" + inner)
                parts.append(encode(key) + separator)
                write(child, inner)
            parts.append("}" if compress else "\n" + indent + "}")
        else:
            if not item:
                parts.append("[]")
                return
            inner = indent + "  "
            parts.append("[")
            for index, child in enumerate(item):
                if index:
                    parts.append(",")
                if not compress:
                    parts.append("\n" + inner)
                write(child, inner)
            parts.append("]" if compress else "\n" + indent + "]")

    write(value, "")
    return "".join(parts)


@cmdlet("ConvertTo-Json", output_types=("System.String",), help_uri="https://go.microsoft.com/fwlink/?LinkID=2096925")
class ConvertToJsonCommand(Cmdlet):
    """Converts objects to a JSON string.

    Several input objects make a JSON array; -Depth (default 2) limits how
    deeply objects are expanded."""

    help_examples = [
        ('Example 1: An object as JSON',
         "@{ name = 'web01'; ports = 80, 443 } | ConvertTo-Json",
         'Returns indented JSON with the name and the array of ports.'),
        ('Example 2: Compact output with deeper nesting',
         'Get-Item ./app.log | Select-Object Name, Length | ConvertTo-Json -Compress',
         '-Compress writes the JSON on one line without spaces.'),
    ]

    input_object = Parameter("Object", position=0, mandatory=True, value_from_pipeline=True, allow_null=True,
                             help="The objects to convert.")
    depth = Parameter("Int32", validators=[validate_range(0, 100)], default=2,
                      help="How many levels of contained objects are included.")
    compress = Parameter("SwitchParameter", help="Omits white space and indentation.")
    enums_as_strings = Parameter("SwitchParameter", help="Writes enum values by name.")
    as_array = Parameter("SwitchParameter", help="Always writes a JSON array.")
    escape_handling = Parameter("StringEscapeHandling", converter=str,
                                validators=[validate_set(["Default", "EscapeNonAscii", "EscapeHtml"])],
                                help="Default, EscapeNonAscii or EscapeHtml.")

    def begin_processing(self) -> None:
        self._objects: list[Any] = []

    def process_record(self) -> None:
        self._objects.append(self.input_object)

    def end_processing(self) -> Iterator[str]:
        if not self._objects:
            return
        target = self._objects if len(self._objects) > 1 or self.as_array else self._objects[0]
        serializer = _Serializer(self.depth, bool(self.enums_as_strings))
        tree = serializer.value(target, 0)
        if serializer.truncated:
            self.write_warning(f"Resulting JSON is truncated as serialization has exceeded the set depth of "
                               f"{self.depth}.")
        encode = _string_encoder((self.escape_handling or "Default").lower())
        yield write_json(tree, bool(self.compress), encode)


# --- ConvertFrom-Json ----------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?"
                       r"(Z|[+-]\d{2}(?::?\d{2})?)?$")


def _parse_date(text: str) -> Optional[_dt.datetime]:
    """Newtonsoft's DateParseHandling.DateTime: an ISO 8601 date-time string
    becomes a DateTime (UTC for ``Z``, local time for an offset)."""
    match = _ISO_DATE.match(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        value = _dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second),
                             int((fraction or "0").ljust(7, "0")[:6]))
    except ValueError:
        return None
    if zone is None:
        return value
    if zone == "Z":
        return value.replace(tzinfo=_dt.timezone.utc)
    digits = zone[1:].replace(":", "")
    offset = _dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
    aware = value.replace(tzinfo=_dt.timezone(offset if zone[0] == "+" else -offset))
    return aware.astimezone().replace(tzinfo=None)


class _Pairs(list):
    """A JSON object's members in order, duplicates kept, until converted."""

    __slots__ = ()


class JsonConversionError(Exception):
    """A JSON text that cannot become PowerShell objects: the error id,
    category and message pwsh reports."""

    def __init__(self, error_id: str, message: str, category: Any) -> None:
        super().__init__(message)
        self.error_id = error_id
        self.message = message
        self.category = category


def _strip_comments(text: str) -> str:
    """Removes ``//`` and ``/* */`` comments outside strings (Newtonsoft
    accepts them)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _integer(text: str) -> Any:
    value = int(text)
    return Int64(value) if -(1 << 63) <= value < (1 << 63) else BigInt(value)


def parse_json(text: str, as_hashtable: bool, max_depth: int) -> Any:
    """A JSON text as PowerShell values; raises JsonConversionError."""
    import json
    constants = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}
    options = dict(object_pairs_hook=_Pairs, parse_int=_integer, parse_constant=constants.__getitem__)
    try:
        try:
            raw = json.loads(text, **options)
        except json.JSONDecodeError:
            raw = json.loads(_strip_comments(text), **options)
    except json.JSONDecodeError as exc:
        raise JsonConversionError("System.ArgumentException",
                                  f"Conversion from JSON failed with error: {exc.msg}. "
                                  f"Line {exc.lineno}, position {exc.colno}.", ErrorCategory.ParserError) from None
    except RecursionError:
        raise JsonConversionError("System.ArgumentException", "Conversion from JSON failed with error: "
                                  f"The reader's MaxDepth of {max_depth} has been exceeded.",
                                  ErrorCategory.ParserError) from None
    return _convert(raw, as_hashtable, max_depth, 0)


def _convert(raw: Any, as_hashtable: bool, max_depth: int, depth: int) -> Any:
    if isinstance(raw, str):
        date = _parse_date(raw) if raw[:1].isdigit() else None
        return date if date is not None else raw
    if not isinstance(raw, list):
        return raw
    if depth >= max_depth:
        raise JsonConversionError("System.ArgumentException", "Conversion from JSON failed with error: "
                                  f"The reader's MaxDepth of {max_depth} has been exceeded.",
                                  ErrorCategory.ParserError)
    if not isinstance(raw, _Pairs):
        return [_convert(item, as_hashtable, max_depth, depth + 1) for item in raw]
    if as_hashtable:
        table = OrderedHashtable()
        for key, value in raw:
            table[key] = _convert(value, as_hashtable, max_depth, depth + 1)
        return table
    # The names and values are gathered first so that objects with the same
    # keys share one shape however many keys they have (from_names).
    names: list[str] = []
    values: list[Any] = []
    seen: dict[str, str] = {}
    for key, value in raw:
        if key == "":
            raise JsonConversionError("EmptyKeyInJsonString", "The provided JSON includes a property whose name "
                                      "is an empty string, this is only supported using the -AsHashTable switch.",
                                      ErrorCategory.InvalidOperation)
        existing = seen.get(key.lower())
        if existing is not None:
            if existing == key:
                raise JsonConversionError("DuplicateKeysInJsonString", "Cannot convert the JSON string because a "
                                          f"dictionary that was converted from the string contains the duplicated "
                                          f"key '{key}'.", ErrorCategory.InvalidOperation)
            raise JsonConversionError("KeysWithDifferentCasingInJsonString", "Cannot convert the JSON string "
                                      "because it contains keys with different casing. Please use the -AsHashTable "
                                      f"switch instead. The key that was attempted to be added to the existing key "
                                      f"'{existing}' was '{key}'.", ErrorCategory.InvalidOperation)
        seen[key.lower()] = key
        names.append(key)
        values.append(_convert(value, as_hashtable, max_depth, depth + 1))
    return PSCustomObject.from_names(tuple(names), values)


@cmdlet("ConvertFrom-Json", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096606")
class ConvertFromJsonCommand(Cmdlet):
    """Converts JSON text to objects.

    Lines arriving one by one (`Get-Content file.json | ConvertFrom-Json`)
    are joined into one document when the first line alone is not JSON."""

    help_examples = [
        ('Example 1: Read a JSON file',
         '$config = Get-Content ./config.json -Raw | ConvertFrom-Json\n$config.database.host',
         'JSON objects become PSCustomObjects, so their values are read with dot notation.'),
        ('Example 2: A hashtable instead',
         '\'{"a":1,"b":2}\' | ConvertFrom-Json -AsHashtable',
         '-AsHashtable returns an ordered hashtable, which also accepts keys that differ only in case.'),
    ]

    input_object = Parameter("String", position=0, mandatory=True, value_from_pipeline=True,
                             allow_empty_string=True, help="The JSON text.")
    as_hashtable = Parameter("SwitchParameter", name="AsHashtable",
                             help="Makes ordered hashtables (OrderedHashtable, keys told apart by case) instead of objects.")
    depth = Parameter("Int32", validators=[validate_range(1, 2147483647)], default=1024,
                      help="The deepest nesting allowed.")
    no_enumerate = Parameter("SwitchParameter", help="Outputs a JSON array as one object.")

    def begin_processing(self) -> None:
        self._texts: list[str] = []

    def process_record(self) -> None:
        self._texts.append(self.input_object if self.input_object is not None else "")

    def end_processing(self) -> Iterator[Any]:
        texts = self._texts
        if not texts:
            return
        if len(texts) == 1:
            yield from self._emit(self._parse(texts[0]))
            return
        try:
            first = self._parse(texts[0], raise_error=True)
        except JsonConversionError:
            first = None
        if first is None:
            yield from self._emit(self._parse("\n".join(texts)))
            return
        yield from self._emit(first)
        for text in texts[1:]:
            yield from self._emit(self._parse(text))

    def _parse(self, text: str, raise_error: bool = False) -> Any:
        if not text.strip():
            return None
        try:
            return parse_json(text, bool(self.as_hashtable), self.depth)
        except JsonConversionError as exc:
            if raise_error:
                raise
            inner: Any = ArgumentException(exc.message) if exc.error_id.startswith("System.") else \
                InvalidOperationException(exc.message)
            self.throw_terminating_error(ErrorRecord(inner, exc.error_id, exc.category, None))
            return None

    def _emit(self, value: Any) -> Iterator[Any]:
        if isinstance(value, list) and not self.no_enumerate:
            yield from value
        else:
            yield value
