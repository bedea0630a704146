"""Building the request the web cmdlets send, and wording what comes back.

pwsh's rules: a URI without a scheme gets ``http://``; a dictionary -Body
on a GET becomes the query string and on other methods an
``application/x-www-form-urlencoded`` body (keys and values encoded like
.NET's WebUtility.UrlEncode); a string body is encoded with the
Content-Type's charset, UTF-8 by default; POST and PUT without a
Content-Type send ``application/x-www-form-urlencoded``.
"""

from __future__ import annotations

import locale
import os
import platform
import re
from typing import Any, Optional
from urllib.parse import quote_plus, urlsplit, urlunsplit

from pwshlike.runtime.automatic import PS_VERSION
from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.values import Hashtable, PSCustomObject

FORM_URLENCODED = "application/x-www-form-urlencoded"


def absolute_uri(text: str) -> str:
    """pwsh's CheckProtocol: a URI that is not absolute gets ``http://``."""
    parts = urlsplit(text)
    if parts.scheme and parts.netloc:
        return text
    return "http://" + text


def url_encode(text: str) -> str:
    """.NET's WebUtility.UrlEncode: spaces as ``+``, ``-_.!*()`` kept,
    everything else percent-encoded in upper-case hex."""
    return quote_plus(text, safe="!*()").replace("~", "%7E")


def form_encode(dictionary: Any) -> str:
    pairs = []
    for key in dictionary.keys():
        value = dictionary[key]
        encoded_value = "" if value is None else url_encode(to_string(value))
        pairs.append(f"{url_encode(to_string(key))}={encoded_value}")
    return "&".join(pairs)


def with_query(uri: str, query: str) -> str:
    """``uri`` with ``query`` appended to any query it already has."""
    parts = urlsplit(uri)
    merged = f"{parts.query}&{query}" if parts.query else query
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", merged, parts.fragment))


def is_dictionary(value: Any) -> bool:
    return isinstance(value, (Hashtable, dict)) and not isinstance(value, PSCustomObject)


def body_bytes(body: Any, content_type: Optional[str]) -> bytes:
    """The bytes of a -Body: ``byte[]`` as is, a dictionary form-encoded,
    anything else as its string in the Content-Type's charset (UTF-8)."""
    from pwshlike.dotnet.values import TypedArray
    if isinstance(body, (bytes, bytearray)):
        return bytes(body)
    if isinstance(body, TypedArray) and body.element_type is not None and \
            body.element_type.full_name == "System.Byte":
        return bytes(int(b) for b in body)
    text = form_encode(body) if is_dictionary(body) else to_string(body)
    return text.encode(_charset(content_type), errors="replace")


def _charset(content_type: Optional[str]) -> str:
    import codecs
    match = re.search(r"charset\s*=\s*\"?([^\";]+)", content_type or "", re.IGNORECASE)
    if match:
        try:
            return codecs.lookup(match.group(1).strip()).name
        except LookupError:
            pass
    return "utf-8"


def user_agent() -> str:
    """pwsh's default User-Agent: ``Mozilla/5.0 (<platform>; <OS>; <culture>) PowerShell/<version>``."""
    version = ".".join(str(part) for part in PS_VERSION)
    return f"Mozilla/5.0 ({platform.system() or 'Unix'}; {_os_description()}; {_culture()}) PowerShell/{version}"


def _os_description() -> str:
    try:
        name = platform.freedesktop_os_release().get("PRETTY_NAME")
        if name:
            return name
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}".strip()


def _culture() -> str:
    name = os.environ.get("LC_ALL") or os.environ.get("LANG") or (locale.getlocale()[0] or "")
    name = name.split(".", 1)[0]
    if not name or name in ("C", "POSIX"):
        return "en-US"
    return name.replace("_", "-")


def error_details(body: str, content_type: str) -> str:
    """pwsh's FormatErrorMessage: JSON and XML bodies pretty-printed after a
    newline, anything else with its HTML tags removed."""
    from .web_response import is_json, is_xml
    if is_json(content_type):
        formatted = _pretty_json(body)
        if formatted is not None:
            return "\n" + formatted
    elif is_xml(content_type):
        formatted = _pretty_xml(body)
        if formatted is not None:
            return "\n" + formatted
    return re.sub(r"<[^>]*>", "", body)


class _Number(str):
    """A JSON number kept as written."""


class _Object(list):
    """A JSON object's ``(name, value)`` pairs in document order."""


def _pretty_json(text: str) -> Optional[str]:
    """Indented as System.Text.Json writes it (two spaces, numbers as
    written, its default escaping of HTML-sensitive and non-ASCII
    characters)."""
    import json
    try:
        value = json.loads(text, object_pairs_hook=_Object, parse_int=_Number, parse_float=_Number,
                           parse_constant=_Number)
    except ValueError:
        return None
    return _write_json(value, 0)


def _write_json(value: Any, level: int) -> str:
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, _Number):
        return str(value)
    if isinstance(value, str):
        return _json_string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _Object):
        if not value:
            return "{}"
        items = (f"{inner}{_json_string(k)}: {_write_json(v, level + 1)}" for k, v in value)
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if not value:
        return "[]"
    return "[\n" + ",\n".join(inner + _write_json(v, level + 1) for v in value) + "\n" + pad + "]"


def _json_string(text: str) -> str:
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch in "\n\r\t\b\f":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}[ch])
        elif code < 0x20 or code > 0x7E or ch in "\"<>&'+`":
            if code > 0xFFFF:
                code -= 0x10000
                out.append(f"\\u{0xD800 + (code >> 10):04X}\\u{0xDC00 + (code & 0x3FF):04X}")
            else:
                out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _pretty_xml(text: str) -> Optional[str]:
    from xml.dom import minidom
    from xml.parsers.expat import ExpatError
    try:
        document = minidom.parseString(text)
    except ExpatError:
        return None
    pretty = document.documentElement.toprettyxml(indent="  ")
    return "\n".join(line for line in pretty.splitlines() if line.strip())
