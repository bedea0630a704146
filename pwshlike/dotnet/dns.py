"""``[System.Net.Dns]``: the host's name and name resolution through the
system resolver (``getaddrinfo``), as .NET does on Linux; a name that does
not resolve is .NET's SocketException with the resolver's message."""

from __future__ import annotations

import socket
from typing import Any

from .conversions import to_string
from .errors import ArgumentNullException, DotNetException
from .ip_address import IPAddress, parse as parse_ip
from .types import resolve_type
from .values import TypedArray


class SocketException(DotNetException):
    """``System.Net.Sockets.SocketException``."""

    full_name = "System.Net.Sockets.SocketException"
    PS_MEMBERS = dict(DotNetException.PS_MEMBERS, SocketErrorCode="error_code", ErrorCode="code")

    def __init__(self, message: str, code: int = 11001) -> None:
        super().__init__(message)
        self.code = code

    @property
    def error_code(self) -> str:
        return "HostNotFound" if self.code == 11001 else "TryAgain"


class IPHostEntry:
    """``System.Net.IPHostEntry``: what GetHostEntry returns."""

    __slots__ = ("HostName", "Aliases", "AddressList")
    full_name = "System.Net.IPHostEntry"
    PS_MEMBERS = {"HostName": "HostName", "Aliases": "Aliases", "AddressList": "AddressList"}

    def __init__(self, host_name: str, addresses: TypedArray) -> None:
        self.HostName = host_name
        self.Aliases = TypedArray([], resolve_type("System.String"))
        self.AddressList = addresses


def _addresses(name: str) -> TypedArray:
    try:
        infos = socket.getaddrinfo(name, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise SocketException(exc.strerror or "No such host is known.") from None
    seen: dict[str, IPAddress] = {}
    for family, _, _, _, address in infos:
        text = address[0]
        if text not in seen:
            seen[text] = parse_ip(text)
    return TypedArray(list(seen.values()), resolve_type(IPAddress.full_name))


def _host_argument(value: Any, name: str = "hostNameOrAddress") -> str:
    if value is None:
        raise ArgumentNullException(None, param_name=name)
    return to_string(value)


def get_host_entry(value: Any) -> IPHostEntry:
    """By name or by address (a reverse lookup)."""
    text = _host_argument(value)
    try:
        parse_ip(text)
        is_address = True
    except DotNetException:
        is_address = False
    if is_address:
        try:
            host, _, _ = socket.gethostbyaddr(text)
        except (socket.herror, socket.gaierror) as exc:
            raise SocketException(exc.strerror or "No such host is known.") from None
        return IPHostEntry(host, _addresses(text))
    canonical = text
    try:
        canonical = socket.getaddrinfo(text, None, flags=socket.AI_CANONNAME)[0][3] or text
    except socket.gaierror as exc:
        raise SocketException(exc.strerror or "No such host is known.") from None
    return IPHostEntry(canonical, _addresses(text))


def static_table() -> dict[str, tuple[str, Any, bool]]:
    """``[System.Net.Dns]::GetHostName()``, ``GetHostAddresses``, ``GetHostEntry``."""
    return {
        "gethostname": ("GetHostName", socket.gethostname, True),
        "gethostaddresses": ("GetHostAddresses", lambda name: _addresses(_host_argument(name)), True),
        "gethostentry": ("GetHostEntry", get_host_entry, True),
    }
