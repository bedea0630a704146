"""``[ipaddress]`` (System.Net.IPAddress): an IPv4 or IPv6 address parsed
as .NET parses one (IPv4 in the lenient inet_aton forms: ``1.2`` is
1.0.0.2, hex and octal parts), printed in .NET's form, with its family,
bytes and the v4/v6 mappings."""

from __future__ import annotations

from typing import Any, Optional

from .errors import (
    ArgumentException, ArgumentNullException, ArgumentOutOfRangeException, FormatException, SystemException,
)
from .values import Byte, EnumInfo, iter_collection, TypedArray

ADDRESS_FAMILY = EnumInfo("System.Net.Sockets.AddressFamily", (
    ("Unknown", -1), ("Unspecified", 0), ("Unix", 1), ("InterNetwork", 2), ("InterNetworkV6", 23)))


def _ip() -> Any:
    """The ``ipaddress`` module, imported on first use (not at start-up)."""
    import ipaddress
    return ipaddress


class SocketException(SystemException):
    """What .NET throws reading a member the address family lacks
    (``Address`` of an IPv6 address, ``ScopeId`` of an IPv4 one)."""

    full_name = "System.Net.Sockets.SocketException"
    default_message = "The attempted operation is not supported for the type of object referenced."


class IPAddress:
    """One address; ``ScopeId`` is the IPv6 zone as a number (0 when none)."""

    __slots__ = ("_address", "_scope")
    full_name = "System.Net.IPAddress"
    # In .NET's order, which is how Format-List shows them.
    PS_MEMBERS = {"AddressFamily": "family", "ScopeId": "scope_id",
                  "IsIPv6Multicast": "is_v6_multicast", "IsIPv6LinkLocal": "is_link_local",
                  "IsIPv6SiteLocal": "is_site_local", "IsIPv6Teredo": "is_teredo", "IsIPv6UniqueLocal": "is_unique_local",
                  "IsIPv4MappedToIPv6": "is_mapped", "Address": "number", "IPAddressToString": "text", "GetAddressBytes": "address_bytes",
                  "MapToIPv4": "map_to_v4", "MapToIPv6": "map_to_v6", "Equals": "__eq__", "ToString": "__str__"}

    def __init__(self, address: Any, scope: int = 0) -> None:
        self._address = address
        self._scope = scope

    @property
    def family(self) -> Any:
        from .types import enum_type
        return enum_type(ADDRESS_FAMILY).convert(2 if self._address.version == 4 else 23)

    @property
    def text(self) -> str:
        return str(self)

    @property
    def number(self) -> int:
        """The obsolete ``Address``: an IPv4 address as a number, first octet in the low byte."""
        if self._address.version == 6:
            raise SocketException()
        return int.from_bytes(self._address.packed, "little")

    @property
    def scope_id(self) -> int:
        if self._address.version == 4:
            raise SocketException()
        return self._scope

    @property
    def is_teredo(self) -> bool:
        return self._address.version == 6 and self._address.teredo is not None

    @property
    def is_unique_local(self) -> bool:
        return self._address.version == 6 and (self._address.packed[0] & 0xFE) == 0xFC

    @property
    def is_link_local(self) -> bool:
        return self._address.version == 6 and self._address.is_link_local

    @property
    def is_v6_multicast(self) -> bool:
        return self._address.version == 6 and self._address.is_multicast

    @property
    def is_site_local(self) -> bool:
        return self._address.version == 6 and self._address.is_site_local

    @property
    def is_loopback(self) -> bool:
        """IPAddress.IsLoopback: 127.x.x.x, ::1, or a v4-mapped 127 address."""
        address = self.map_to_v4()._address if self.is_mapped else self._address
        return address.is_loopback

    @property
    def is_mapped(self) -> bool:
        return self._address.version == 6 and self._address.ipv4_mapped is not None

    def address_bytes(self) -> TypedArray:
        from .types import BYTE
        return TypedArray([Byte(b) for b in self._address.packed], BYTE)

    def map_to_v4(self) -> "IPAddress":
        if self._address.version == 4:
            return self
        return IPAddress(_ip().IPv4Address(self._address.packed[-4:]))

    def map_to_v6(self) -> "IPAddress":
        if self._address.version == 6:
            return self
        return IPAddress(_ip().IPv6Address(b"\0" * 10 + b"\xff\xff" + self._address.packed))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IPAddress) and self._address == other._address and self._scope == other._scope

    def __hash__(self) -> int:
        return hash(self._address)

    def __str__(self) -> str:
        address = self._address
        if address.version == 6 and address.ipv4_mapped is not None:
            text = f"::ffff:{address.ipv4_mapped}"
        else:
            text = str(address)
        return f"{text}%{self._scope}" if self._scope else text


def try_parse(text: str) -> Optional[IPAddress]:
    """.NET's IPAddress.TryParse: IPv6 (with a numeric zone) when there is
    a colon, else IPv4 in the inet_aton forms."""
    text = text.strip()
    if ":" in text:
        address, _, zone = text.strip("[]").partition("%")
        if zone and not zone.isdigit():
            return None
        try:
            return IPAddress(_ip().IPv6Address(address), int(zone or 0))
        except ValueError:
            return None
    if not text or text.endswith(".") or any(c not in "0123456789abcdefABCDEFxX." for c in text):
        return None
    import socket
    try:
        return IPAddress(_ip().IPv4Address(socket.inet_aton(text)))
    except OSError:
        return None


def parse(text: Any) -> IPAddress:
    if text is None:
        raise ArgumentNullException("Value cannot be null.", param_name="ipString")
    found = try_parse(str(text))
    if found is None:
        raise FormatException("An invalid IP address was specified.")
    return found


def new_ip_address(value: Any) -> IPAddress:
    """``[ipaddress]::new(bytes)`` (4 or 16 bytes) or ``new(long)`` (IPv4,
    the first octet in the low byte, as .NET stores it)."""
    items = iter_collection(value)
    if items is not None:
        data = bytes(int(b) & 0xFF for b in items)
        if len(data) == 4:
            return IPAddress(_ip().IPv4Address(data))
        if len(data) == 16:
            return IPAddress(_ip().IPv6Address(data))
        raise ArgumentException("An invalid IP address was specified. (Parameter 'address')")
    if value is None:
        raise ArgumentNullException("Value cannot be null.", param_name="address")
    number = int(value)
    if not 0 <= number <= 0xFFFFFFFF:
        raise ArgumentOutOfRangeException(None, param_name="newAddress")
    return IPAddress(_ip().IPv4Address(number.to_bytes(4, "little")))


class IPEndPoint:
    """``[IPEndpoint]::new(address, port)``: an address and a port (0-65535),
    printed ``1.2.3.4:80`` or ``[::1]:80``."""

    __slots__ = ("Address", "Port")
    full_name = "System.Net.IPEndPoint"
    PS_MEMBERS = {"AddressFamily": "family", "Address": "Address", "Port": "Port", "Equals": "__eq__",
                  "ToString": "__str__"}

    def __init__(self, address: Any, port: Any) -> None:
        if address is None:
            raise ArgumentNullException("Value cannot be null.", param_name="address")
        if isinstance(address, IPAddress):
            self.Address = address
        else:
            self.Address = new_ip_address(address)
        number = int(port)
        if not 0 <= number <= 0xFFFF:
            raise ArgumentOutOfRangeException(None, param_name="port")
        self.Port = number

    @property
    def family(self) -> Any:
        return self.Address.family

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IPEndPoint) and self.Address == other.Address and self.Port == other.Port

    def __hash__(self) -> int:
        return hash((self.Address, self.Port))

    def __str__(self) -> str:
        text = str(self.Address)
        return f"[{text}]:{self.Port}" if ":" in text else f"{text}:{self.Port}"
