"""``System.Uri`` (``[uri]``): absolute and relative URIs with .NET's parts,
escaping and printing, and the static helpers scripts use
(``EscapeDataString``, ``UnescapeDataString``, ``TryCreate``...).

.NET keeps two forms: ``AbsoluteUri`` (and the part properties) escaped,
``ToString()`` unescaped.  On Linux a rooted path (``/tmp/x``) is an
implicit file URI, as .NET treats it on Unix.  Relative URIs only hold
their text; reading a part of one is .NET's InvalidOperationException.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional

from .conversions import to_string
from .errors import ArgumentNullException, InvalidOperationException, UriFormatException
from .values import EnumInfo, PSReference

URI_HOST_NAME_TYPE = EnumInfo("System.UriHostNameType", (
    ("Unknown", 0), ("Basic", 1), ("Dns", 2), ("IPv4", 3), ("IPv6", 4)))

_DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21, "ws": 80, "wss": 443, "file": -1, "mailto": 25,
                  "ldap": 389, "net.tcp": 808, "net.pipe": -1, "gopher": 70, "nntp": 119, "news": -1,
                  "telnet": 23, "uuid": -1}
# Schemes whose URIs have an authority (``//host``) and hierarchical paths.
_AUTHORITY_SCHEMES = frozenset(("http", "https", "ftp", "ws", "wss", "file", "ldap", "net.tcp", "net.pipe",
                                "gopher", "nntp", "telnet"))
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_RESERVED = frozenset(":/?#[]@!$&'()*+,;=")
_NOT_FORMAT = "Invalid URI: The format of the URI could not be determined."
_KIND_ABSOLUTE, _KIND_RELATIVE = 1, 2


def _escape(text: str, keep: frozenset) -> str:
    out = []
    for ch in text:
        if ch in keep:
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


def escape_data_string(value: Any) -> str:
    """``Uri.EscapeDataString``: everything but RFC 3986's unreserved characters."""
    if value is None:
        raise ArgumentNullException(None, param_name="stringToEscape")
    return _escape(to_string(value), _UNRESERVED)


def escape_uri_string(value: Any) -> str:
    """``Uri.EscapeUriString``: keeps reserved characters and existing escapes."""
    if value is None:
        raise ArgumentNullException(None, param_name="stringToEscape")
    return _escape_keeping_escapes(to_string(value), _UNRESERVED | _RESERVED)


def _escape_keeping_escapes(text: str, keep: frozenset) -> str:
    parts = re.split(r"(%[0-9A-Fa-f]{2})", text)
    return "".join(p if i % 2 else _escape(p, keep) for i, p in enumerate(parts))


def unescape_data_string(value: Any) -> str:
    """``Uri.UnescapeDataString``: %XX sequences back to characters (UTF-8)."""
    if value is None:
        raise ArgumentNullException(None, param_name="stringToUnescape")
    from urllib.parse import unquote
    return unquote(to_string(value))


def _unescape_for_display(text: str) -> str:
    """What ToString shows: escapes decoded except those that would change
    the meaning (reserved characters and '%')."""
    def decode(match: re.Match) -> str:
        ch = chr(int(match.group(1), 16))
        return match.group(0) if ch in _RESERVED or ch == "%" or ord(ch) < 0x20 else ch
    return re.sub(r"%([0-9A-Fa-f]{2})", decode, text)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 5.2.4, which .NET applies to hierarchical paths."""
    output: list[str] = []
    segments = path.split("/")
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
            continue
        if segment == "..":
            if len(output) > 1:
                output.pop()
            if last:
                output.append("")
            continue
        output.append(segment)
    return "/".join(output) if output != [""] else "/"


class Uri:
    """One URI; ``_parts`` holds scheme, user info, host, port, path, query
    and fragment (escaped) of an absolute one."""

    __slots__ = ("OriginalString", "_absolute", "_scheme", "_user", "_host", "_port", "_path", "_query",
                 "_fragment", "_implicit_file", "__weakref__")  # weakref: Add-Member's side table
    full_name = "System.Uri"
    # .NET's declaration order, which Format-List follows.
    PS_MEMBERS = {
        "AbsolutePath": "absolute_path", "AbsoluteUri": "absolute_uri", "LocalPath": "local_path",
        "Authority": "authority", "HostNameType": "host_name_type", "IsDefaultPort": "is_default_port",
        "IsFile": "is_file", "IsLoopback": "is_loopback", "PathAndQuery": "path_and_query", "Segments": "segments",
        "IsUnc": "is_unc", "Host": "host", "Port": "port", "Query": "query", "Fragment": "fragment",
        "Scheme": "scheme", "OriginalString": "OriginalString", "DnsSafeHost": "host", "IdnHost": "host",
        "IsAbsoluteUri": "is_absolute_uri", "UserEscaped": "user_escaped", "UserInfo": "user_info",
        "ToString": "__str__", "Equals": "__eq__", "GetLeftPart": "get_left_part",
        "IsBaseOf": "is_base_of", "MakeRelativeUri": "make_relative_uri", "GetComponents": "get_components",
        "IsWellFormedOriginalString": "is_well_formed_original_string",
    }

    def __init__(self, text: str, kind: int = _KIND_ABSOLUTE) -> None:
        self.OriginalString = text
        self._absolute = False
        self._scheme = self._user = self._host = self._path = self._query = self._fragment = ""
        self._port = -1
        self._implicit_file = False
        stripped = text.strip()
        parsed = self._parse(stripped)
        if kind == _KIND_ABSOLUTE and not parsed:
            raise UriFormatException("Invalid URI: The URI is empty." if stripped == "" else _NOT_FORMAT)
        if kind == _KIND_RELATIVE and parsed:
            if not self._implicit_file:
                raise UriFormatException("Invalid URI: A relative URI cannot be created because the "
                                         "'uriString' parameter represents an absolute URI.")
            self._absolute = self._implicit_file = False

    def _parse(self, text: str) -> bool:
        """Fills the parts from an absolute URI; False when ``text`` is not one."""
        if text.startswith("/") and not text.startswith("//"):
            self._set_file(text)
            return True
        match = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):(.*)$", text, re.S)
        if match is None or len(match.group(1)) == 1:
            return False
        scheme, rest = match.group(1).lower(), match.group(2)
        rest, _, fragment = rest.partition("#")
        rest, question, query = rest.partition("?")
        if scheme in _AUTHORITY_SCHEMES or rest.startswith("//"):
            if not rest.startswith("//"):
                if scheme in _AUTHORITY_SCHEMES and scheme != "file":
                    return False
                authority, path = "", rest
            else:
                authority, slash, path = rest[2:].replace("\\", "/").partition("/")
                path = slash + path
            user, at, hostport = authority.rpartition("@")
            host, port = hostport, -1
            port_match = re.match(r"^(\[[^\]]*\]|[^:]*):(\d*)$", hostport)
            if port_match:
                host = port_match.group(1)
                if port_match.group(2):
                    port = int(port_match.group(2))
                    if port > 65535:
                        raise UriFormatException("Invalid URI: Invalid port specified.")
            if not host and scheme not in ("file",):
                raise UriFormatException("Invalid URI: The hostname could not be parsed.")
            self._user = user if at else ""
            self._host = host.lower()
            self._port = port if port >= 0 else _DEFAULT_PORTS.get(scheme, -1)
            path = _remove_dot_segments(path) if path else "/"
        elif scheme == "mailto":
            user, at, host = rest.rpartition("@")
            self._user, self._host, path = (user, host.lower(), "") if at else ("", "", rest)
            self._port = _DEFAULT_PORTS["mailto"]
        else:
            path = rest
            self._port = _DEFAULT_PORTS.get(scheme, -1)
        self._absolute = True
        self._scheme = scheme
        self._path = _escape_keeping_escapes(path, _UNRESERVED | _RESERVED)
        self._query = "?" + _escape_keeping_escapes(query, _UNRESERVED | _RESERVED) if question else ""
        self._fragment = "#" + _escape_keeping_escapes(fragment, _UNRESERVED | _RESERVED | {"#"}) if fragment \
            else ""
        return True

    def _set_file(self, path: str) -> None:
        self._absolute = True
        self._implicit_file = True
        self._scheme = "file"
        self._path = _escape(_remove_dot_segments(path), _UNRESERVED | (_RESERVED - {"?", "#"}))

    # --- parts ---------------------------------------------------------------------------------

    def _require_absolute(self) -> None:
        if not self._absolute:
            raise InvalidOperationException("This operation is not supported for a relative URI.")

    def _part(self, value: Any) -> Any:
        self._require_absolute()
        return value

    @property
    def is_absolute_uri(self) -> bool:
        return self._absolute

    @property
    def scheme(self) -> str:
        return self._part(self._scheme)

    @property
    def host(self) -> str:
        return self._part(self._host.strip("[]") if self._host.startswith("[") else self._host)

    @property
    def port(self) -> int:
        return self._part(self._port)

    @property
    def is_default_port(self) -> bool:
        return self._part(self._port == _DEFAULT_PORTS.get(self._scheme, -1))

    @property
    def user_info(self) -> str:
        return self._part(self._user)

    @property
    def authority(self) -> str:
        self._require_absolute()
        return self._host if self.is_default_port else f"{self._host}:{self._port}"

    @property
    def absolute_path(self) -> str:
        return self._part(self._path)

    @property
    def local_path(self) -> str:
        self._require_absolute()
        if self._scheme == "file":
            return unescape_data_string(self._path)
        return _unescape_for_display(self._path)

    @property
    def query(self) -> str:
        return self._part(self._query)

    @property
    def fragment(self) -> str:
        return self._part(self._fragment)

    @property
    def path_and_query(self) -> str:
        return self._part(self._path + self._query)

    @property
    def segments(self) -> list:
        path = self._part(self._path)
        return re.findall(r"[^/]*/|[^/]+$", path) if path else []

    @property
    def host_name_type(self) -> Any:
        self._require_absolute()
        host = self._host
        if re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}", host):
            kind = "IPv4"
        elif host.startswith("["):
            kind = "IPv6"
        elif host == "" and self._scheme == "file":
            kind = "Basic"
        elif re.fullmatch(r"[A-Za-z0-9\-_.]+", host):
            kind = "Dns"
        else:
            kind = "Basic"
        return URI_HOST_NAME_TYPE.value(URI_HOST_NAME_TYPE.members[kind])

    @property
    def is_file(self) -> bool:
        return self._part(self._scheme == "file")

    @property
    def is_unc(self) -> bool:
        return self._part(self._scheme == "file" and self._host != "")

    @property
    def is_loopback(self) -> bool:
        self._require_absolute()
        host = self._host
        return host in ("localhost", "[::1]", "") and self._scheme == "file" or host in ("localhost", "[::1]") \
            or host.startswith("127.")

    @property
    def user_escaped(self) -> bool:
        return False

    @property
    def absolute_uri(self) -> str:
        self._require_absolute()
        return self._left("Fragment")

    def _left(self, part: str) -> str:
        scheme = self._scheme
        if scheme == "mailto":
            text = f"mailto:{self._user}@{self._host}" if self._host else f"mailto:{self._path}"
        elif scheme in _AUTHORITY_SCHEMES or self._host:
            user = f"{self._user}@" if self._user else ""
            text = f"{scheme}://{user}{self.authority}"
        else:
            text = f"{scheme}:"
            if part == "Scheme":
                return text
            return text + self._path + (self._query if part in ("Query", "Fragment") else "") + \
                (self._fragment if part == "Fragment" else "")
        if part == "Scheme":
            return f"{scheme}://" if scheme in _AUTHORITY_SCHEMES else f"{scheme}:"
        if part == "Authority":
            return text
        text += self._path if scheme != "mailto" else ""
        if part == "Path":
            return text
        text += self._query
        return text if part == "Query" else text + self._fragment

    def get_left_part(self, part: Any) -> str:
        self._require_absolute()
        names = {0: "Scheme", 1: "Authority", 2: "Path", 3: "Query"}
        text = to_string(part)
        name = names.get(int(part)) if isinstance(part, int) else text.capitalize()
        if name not in ("Scheme", "Authority", "Path", "Query"):
            from .errors import ArgumentException
            raise ArgumentException("The value of the 'part' parameter is not valid.", param_name="part")
        return self._left(name)

    def get_components(self, components: Any, format_: Any = None) -> str:
        return self.absolute_uri

    def is_base_of(self, other: Any) -> bool:
        target = other if isinstance(other, Uri) else Uri(to_string(other), 0)
        if not target._absolute:
            target = combine(self, target)
        base = self._left("Path")
        base = base[:base.rfind("/") + 1]
        return target._left("Path").lower().startswith(base.lower())

    def make_relative_uri(self, other: Any) -> "Uri":
        target = other if isinstance(other, Uri) else Uri(to_string(other))
        if target._left("Authority").lower() != self._left("Authority").lower():
            return target
        base = self._path.split("/")[:-1]
        parts = target._path.split("/")
        common = 0
        while common < min(len(base), len(parts) - 1) and base[common] == parts[common]:
            common += 1
        relative = "../" * (len(base) - common) + "/".join(parts[common:]) + target._query + target._fragment
        return Uri(relative, 0)

    def is_well_formed_original_string(self) -> bool:
        return is_well_formed(self.OriginalString, 0)

    def __str__(self) -> str:
        if not self._absolute:
            return self.OriginalString
        if self._implicit_file:
            return unescape_data_string(self._path)
        return _unescape_for_display(self._left("Fragment"))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            try:
                other = Uri(other, 0)
            except UriFormatException:
                return False
        if not isinstance(other, Uri):
            return False
        if self._absolute != other._absolute:
            return False
        if not self._absolute:
            return self.OriginalString == other.OriginalString
        return self._left("Query").lower() == other._left("Query").lower() if self._scheme == other._scheme \
            else False

    def __hash__(self) -> int:
        return hash(self._left("Query").lower() if self._absolute else self.OriginalString)

    def __repr__(self) -> str:
        return f"Uri({str(self)!r})"


def combine(base: Uri, relative: Any) -> Uri:
    """``[uri]::new($base, 'rel')``: RFC 3986 resolution against an absolute base."""
    if not isinstance(base, Uri) or not base._absolute:
        raise InvalidOperationException("This operation is not supported for a relative URI.")
    text = relative.OriginalString if isinstance(relative, Uri) else to_string(relative)
    if isinstance(relative, Uri) and relative._absolute:
        return relative
    probe = Uri(text, 0)
    if probe._absolute and not probe._implicit_file:
        return probe
    from urllib.parse import urljoin
    return Uri(urljoin(base._left("Fragment"), text.replace("\\", "/")), _KIND_ABSOLUTE)


def new_uri(first: Any, second: Any = None, kind_type: Optional[Callable[[Any], Any]] = None) -> Uri:
    """The constructors: (string), (string, UriKind), (Uri, string) and (Uri, Uri)."""
    if first is None:
        raise ArgumentNullException(None, param_name="uriString")
    if isinstance(first, Uri):
        return combine(first, second)
    if second is None:
        return Uri(to_string(first), _KIND_ABSOLUTE)
    kind = int(kind_type(second)) if kind_type is not None else int(second)
    return Uri(to_string(first), kind)


def is_well_formed(text: Any, kind: Any) -> bool:
    """``Uri.IsWellFormedUriString``: parses in that kind and needs no escaping."""
    if text is None:
        return False
    raw = to_string(text)
    try:
        uri = Uri(raw, int(kind))
    except UriFormatException:
        return False
    if re.search(r"[\s\"<>\\^`{|}]", raw) or re.search(r"%(?![0-9A-Fa-f]{2})", raw):
        return False
    return not uri._implicit_file


def _set_ref(ref: Any, value: Any) -> None:
    if isinstance(ref, PSReference):
        ref.Value = value


def static_table(kind_type: Callable[[Any], Any]) -> dict[str, tuple[str, Any, bool]]:
    """``[uri]::...``: the escaping helpers, TryCreate and the scheme names."""
    def try_create(first: Any, second: Any, ref: Any) -> bool:
        try:
            uri = new_uri(first, second, kind_type) if not isinstance(first, Uri) else combine(first, second)
        except (UriFormatException, InvalidOperationException, ArgumentNullException):
            _set_ref(ref, None)
            return False
        _set_ref(ref, uri)
        return True

    def check_scheme_name(name: Any) -> bool:
        return name is not None and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*", to_string(name)) is not None

    methods: dict[str, Any] = {
        "EscapeDataString": escape_data_string, "UnescapeDataString": unescape_data_string,
        "EscapeUriString": escape_uri_string, "TryCreate": try_create,
        "IsWellFormedUriString": lambda text, kind: is_well_formed(text, kind_type(kind)),
        "CheckSchemeName": check_scheme_name,
        "IsHexDigit": lambda ch: to_string(ch) in "0123456789abcdefABCDEF" and len(to_string(ch)) == 1,
        "Compare": lambda a, b, *rest: (0 if a == b else (-1 if str(a) < str(b) else 1)),
    }
    props = {"UriSchemeHttp": "http", "UriSchemeHttps": "https", "UriSchemeFile": "file", "UriSchemeFtp": "ftp",
             "UriSchemeMailto": "mailto", "UriSchemeNews": "news", "UriSchemeNntp": "nntp",
             "UriSchemeWs": "ws", "UriSchemeWss": "wss", "UriSchemeGopher": "gopher",
             "UriSchemeNetTcp": "net.tcp", "UriSchemeNetPipe": "net.pipe", "SchemeDelimiter": "://"}
    table: dict[str, tuple[str, Any, bool]] = {}
    for name, value in props.items():
        table[name.lower()] = (name, (lambda v=value: v), False)
    for name, func in methods.items():
        table[name.lower()] = (name, func, True)
    return table

