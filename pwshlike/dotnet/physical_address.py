"""``[PhysicalAddress]`` (System.Net.NetworkInformation.PhysicalAddress):
a MAC address parsed from .NET's forms (``001122334455``,
``00-11-22-33-44-55``, ``00:11:22:33:44:55``, ``0011.2233.4455``) and
printed as .NET prints it, upper-case hex without separators."""

from __future__ import annotations

from typing import Any, Optional

from .errors import ArgumentNullException, FormatException
from .values import Byte, iter_collection, TypedArray


class PhysicalAddress:
    """The address's bytes (none for ``PhysicalAddress.None``)."""

    __slots__ = ("_bytes",)
    full_name = "System.Net.NetworkInformation.PhysicalAddress"
    PS_MEMBERS = {"GetAddressBytes": "address_bytes", "Equals": "__eq__", "ToString": "__str__"}

    def __init__(self, data: Any) -> None:
        if data is None:
            raise ArgumentNullException("Value cannot be null.", param_name="address")
        if isinstance(data, bytes):
            self._bytes = data
            return
        items = iter_collection(data)
        self._bytes = bytes(int(b) & 0xFF for b in (items if items is not None else (data,)))

    def address_bytes(self) -> TypedArray:
        from .types import BYTE
        return TypedArray([Byte(b) for b in self._bytes], BYTE)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PhysicalAddress) and self._bytes == other._bytes

    def __hash__(self) -> int:
        return hash(self._bytes)

    def __str__(self) -> str:
        return self._bytes.hex().upper()


def try_parse(text: Optional[str]) -> Optional[PhysicalAddress]:
    """.NET's TryParse: $null is the empty address; separators must be
    all dashes, all colons (pairs) or all dots (groups of four)."""
    if text is None:
        return PhysicalAddress(b"")
    digits = text
    for separator, width in (("-", 2), (":", 2), (".", 4)):
        if separator in text:
            parts = text.split(separator)
            if any(len(p) != width for p in parts):
                return None
            digits = "".join(parts)
            break
    if len(digits) % 2 or any(c not in "0123456789abcdefABCDEF" for c in digits):
        return None
    return PhysicalAddress(bytes.fromhex(digits))


def parse(text: Any) -> PhysicalAddress:
    found = try_parse(None if text is None else str(text))
    if found is None:
        raise FormatException(f"An invalid physical address was specified: '{text}'.")
    return found
