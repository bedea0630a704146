"""What the web cmdlets make of an HTTP response.

Invoke-WebRequest returns a ``BasicHtmlWebResponseObject`` for text
responses (Content is a string) and a ``WebResponseObject`` otherwise
(Content is ``byte[]``); both have StatusCode, StatusDescription, Headers
(a case-insensitive dictionary of ``string[]``), RawContent and
RawContentLength.  Text is decoded with the response's charset, UTF-8 when
it names none (pwsh 7.4's default).
"""

from __future__ import annotations

import re
from typing import Any

from pwshlike.dotnet.values import EnumInfo, EnumValue, Hashtable, Int64

_TEXT_TYPES = ("application/json", "application/xml", "application/javascript", "application/xhtml+xml",
               "application/x-javascript", "application/ecmascript")


HTTP_STATUS_CODE = EnumInfo("System.Net.HttpStatusCode", (
    ("Continue", 100), ("SwitchingProtocols", 101), ("Processing", 102), ("EarlyHints", 103), ("OK", 200),
    ("Created", 201), ("Accepted", 202), ("NonAuthoritativeInformation", 203), ("NoContent", 204),
    ("ResetContent", 205), ("PartialContent", 206), ("MultiStatus", 207), ("AlreadyReported", 208),
    ("IMUsed", 226), ("Ambiguous", 300), ("MultipleChoices", 300), ("Moved", 301), ("MovedPermanently", 301),
    ("Redirect", 302), ("Found", 302), ("RedirectMethod", 303), ("SeeOther", 303), ("NotModified", 304),
    ("UseProxy", 305), ("Unused", 306), ("RedirectKeepVerb", 307), ("TemporaryRedirect", 307),
    ("PermanentRedirect", 308), ("BadRequest", 400), ("Unauthorized", 401), ("PaymentRequired", 402),
    ("Forbidden", 403), ("NotFound", 404), ("MethodNotAllowed", 405), ("NotAcceptable", 406),
    ("ProxyAuthenticationRequired", 407), ("RequestTimeout", 408), ("Conflict", 409), ("Gone", 410),
    ("LengthRequired", 411), ("PreconditionFailed", 412), ("RequestEntityTooLarge", 413),
    ("RequestUriTooLong", 414), ("UnsupportedMediaType", 415), ("RequestedRangeNotSatisfiable", 416),
    ("ExpectationFailed", 417), ("MisdirectedRequest", 421), ("UnprocessableEntity", 422),
    ("UnprocessableContent", 422), ("Locked", 423), ("FailedDependency", 424), ("UpgradeRequired", 426),
    ("PreconditionRequired", 428), ("TooManyRequests", 429), ("RequestHeaderFieldsTooLarge", 431),
    ("UnavailableForLegalReasons", 451), ("InternalServerError", 500), ("NotImplemented", 501),
    ("BadGateway", 502), ("ServiceUnavailable", 503), ("GatewayTimeout", 504),
    ("HttpVersionNotSupported", 505), ("VariantAlsoNegotiates", 506), ("InsufficientStorage", 507),
    ("LoopDetected", 508), ("NotExtended", 510), ("NetworkAuthenticationRequired", 511),
))


def status_code(number: int) -> EnumValue:
    """A status as ``[System.Net.HttpStatusCode]`` (prints as its .NET name)."""
    return HTTP_STATUS_CODE.value(number)


class HttpResponseMessage:
    """``System.Net.Http.HttpResponseMessage`` as an error's
    ``Exception.Response``: status, reason, headers and version."""

    full_name = "System.Net.Http.HttpResponseMessage"
    PS_MEMBERS = {"StatusCode": "status_code", "ReasonPhrase": "reason_phrase",
                  "IsSuccessStatusCode": "is_success_status_code", "Headers": "headers", "Version": "version"}

    def __init__(self, response: Any) -> None:
        self.status_code = status_code(response.status_code)
        self.reason_phrase: str = response.reason_phrase
        self.is_success_status_code: bool = response.is_success
        self.headers = headers_of(response)
        self.version = http_version(response)

    def __str__(self) -> str:
        return f"StatusCode: {int(self.status_code)}, ReasonPhrase: '{self.reason_phrase}', Version: {self.version}"


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def is_json(content_type: str) -> bool:
    mt = media_type(content_type)
    return mt in ("application/json", "text/json", "application/x-javascript", "text/x-javascript",
                  "application/javascript", "text/javascript") or mt.endswith("+json")


def is_xml(content_type: str) -> bool:
    mt = media_type(content_type)
    return mt in ("application/xml", "text/xml", "application/xml-external-parsed-entity",
                  "application/xml-dtd") or mt.endswith("+xml")


def is_text(content_type: str) -> bool:
    mt = media_type(content_type)
    return mt.startswith("text/") or mt in _TEXT_TYPES or is_json(content_type) or is_xml(content_type)


def charset_of(content_type: str) -> str:
    match = re.search(r"charset\s*=\s*\"?([^\";]+)", content_type, re.IGNORECASE)
    return match.group(1).strip() if match else ""


def decode_body(data: bytes, content_type: str) -> tuple[str, str]:
    """``(text, encoding name)``: the body decoded with its charset (UTF-8
    when none is named or the name is unknown)."""
    import codecs
    charset = charset_of(content_type)
    if charset:
        try:
            codec = codecs.lookup(charset)
            return data.decode(codec.name, errors="replace"), charset.lower()
        except LookupError:
            pass
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    return data.decode("utf-8", errors="replace"), "utf-8"


def headers_of(response: Any) -> Hashtable:
    """The response's headers: name -> ``string[]`` (case-insensitive)."""
    table = Hashtable()
    for name in response.headers.keys():
        values = response.headers.get_list(name)
        key = _canonical(name)
        table[key] = list(values)
    return table


def _canonical(name: str) -> str:
    """``content-type`` -> ``Content-Type`` (httpx lower-cases HTTP/2 names)."""
    if name != name.lower():
        return name
    return "-".join(part[:1].upper() + part[1:] for part in name.split("-"))


def http_version(response: Any) -> str:
    return response.http_version.replace("HTTP/", "") or "1.1"


def raw_content(response: Any, content: str) -> str:
    """pwsh's RawContent: status line, headers, blank line, content."""
    lines = [f"HTTP/{http_version(response)} {response.status_code} {response.reason_phrase}"]
    for name, values in headers_of(response).items():
        lines.append(f"{name}: {', '.join(values)}")
    return "\r\n".join(lines) + "\r\n\r\n" + content


class WebResponseObject:
    """``Microsoft.PowerShell.Commands.WebResponseObject``."""

    full_name = "Microsoft.PowerShell.Commands.WebResponseObject"
    PS_MEMBERS = {"StatusCode": "status_code", "StatusDescription": "status_description",
                  "Content": "content", "RawContent": "raw_content", "RawContentLength": "raw_content_length",
                  "Headers": "headers", "RelationLink": "relation_link"}

    def __init__(self, response: Any, relation_link: Hashtable) -> None:
        self.status_code: int = response.status_code
        self.status_description: str = response.reason_phrase
        self.headers = headers_of(response)
        self.relation_link = relation_link
        body: bytes = response.content
        self.raw_content_length = Int64(len(body))
        self.content: Any = self._content(body, response.headers.get("content-type", ""))
        self.raw_content = raw_content(response, self._raw_text(body, response.headers.get("content-type", "")))

    def _content(self, body: bytes, content_type: str) -> Any:
        from pwshlike.dotnet.types import resolve_type
        from pwshlike.dotnet.values import Byte, TypedArray
        return TypedArray((Byte(b) for b in body), resolve_type("byte"))

    def _raw_text(self, body: bytes, content_type: str) -> str:
        return decode_body(body, content_type)[0]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.status_code})"


class BasicHtmlWebResponseObject(WebResponseObject):
    """``Microsoft.PowerShell.Commands.BasicHtmlWebResponseObject``: a text
    response; its string form is the content."""

    full_name = "Microsoft.PowerShell.Commands.BasicHtmlWebResponseObject"

    def _content(self, body: bytes, content_type: str) -> Any:
        return decode_body(body, content_type)[0]

    def _raw_text(self, body: bytes, content_type: str) -> str:
        return self.content

    def __str__(self) -> str:
        return self.content


def response_object(response: Any, relation_link: Hashtable) -> WebResponseObject:
    content_type = response.headers.get("content-type", "")
    cls = BasicHtmlWebResponseObject if not content_type or is_text(content_type) else WebResponseObject
    return cls(response, relation_link)


def _register_types() -> None:
    from pwshlike.dotnet.types import register_class
    base = register_class(WebResponseObject, WebResponseObject.full_name)
    register_class(BasicHtmlWebResponseObject, BasicHtmlWebResponseObject.full_name).base = base


_register_types()
