"""Numeric literal values, as PowerShell's tokenizer computes them.

``number_value`` turns the digits the tokenizer collected (sign, digits,
decimal point, exponent, a hex or binary body), the type suffix and the
multiplier into the literal's value: a plain ``int`` for Int32, ``float``
for Double, ``decimal.Decimal`` for Decimal, and for the other .NET integer
types (``1L``, ``5uy``, ``2147483648``...) a :class:`TypedNumber`: the plain
integer with the name of its type.  The language layer knows no runtime
types; the engine wraps a ``TypedNumber`` in its value class when it
compiles the constant.
"""

from __future__ import annotations

from collections import namedtuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

# Suffix flags (PowerShell's NumberSuffixFlags).
SUFFIX_NONE = 0
SUFFIX_SIGNED_BYTE = 0x1   # y
SUFFIX_UNSIGNED = 0x2      # u
SUFFIX_SHORT = 0x4         # s
SUFFIX_LONG = 0x8          # l
SUFFIX_DECIMAL = 0x10      # d
SUFFIX_BIGINT = 0x20       # n
SUFFIX_UNSIGNED_BYTE = SUFFIX_UNSIGNED | SUFFIX_SIGNED_BYTE
SUFFIX_UNSIGNED_SHORT = SUFFIX_UNSIGNED | SUFFIX_SHORT
SUFFIX_UNSIGNED_LONG = SUFFIX_UNSIGNED | SUFFIX_LONG

FORMAT_DECIMAL = 0
FORMAT_HEX = 1
FORMAT_BINARY = 2

INT32_MIN, INT32_MAX = -(1 << 31), (1 << 31) - 1
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1

# (suffix) -> (.NET type name, min, max)
_RANGES = {
    SUFFIX_SIGNED_BYTE: ("SByte", -128, 127),
    SUFFIX_UNSIGNED_BYTE: ("Byte", 0, 255),
    SUFFIX_SHORT: ("Int16", -32768, 32767),
    SUFFIX_UNSIGNED_SHORT: ("UInt16", 0, 65535),
    SUFFIX_LONG: ("Int64", INT64_MIN, INT64_MAX),
    SUFFIX_UNSIGNED_LONG: ("UInt64", 0, (1 << 64) - 1),
}

_DECIMAL_MAX = (1 << 96) - 1


# namedtuple, not a typing.NamedTuple class: see runtime.compile_support.DirectStatement
# (the class form compiles its string annotations, a millisecond of start-up).
TypedNumber = namedtuple("TypedNumber", "value type_name")
TypedNumber.__doc__ = """An integer literal of a .NET type with no plain Python equivalent:
    the value, and the type's name (``Int64``, ``UInt32``, ``UInt64``,
    ``SByte``, ``Byte``, ``Int16``, ``UInt16`` or ``BigInt``) that the
    runtime builds it as."""


def _decimal(text: str) -> Any:
    from decimal import Decimal
    return Decimal(text)


def _int_of_double(value: float) -> Optional[int]:
    """PowerShell's ``AsBigInt``: ``Math.Round`` (to even); NaN/inf fail."""
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return int(round(value))


def _fit(value: int, suffix: int, fmt: int) -> Any:
    """Apply the suffix rules to an integral value; None when it does not fit."""
    if suffix == SUFFIX_NONE:
        if INT32_MIN <= value <= INT32_MAX:
            return value
        if INT64_MIN <= value <= INT64_MAX:
            return TypedNumber(value, "Int64")
        if fmt == FORMAT_DECIMAL:
            if -_DECIMAL_MAX <= value <= _DECIMAL_MAX:
                return _decimal(str(value))
            try:
                return float(value)
            except OverflowError:
                return None
        return None
    if suffix == SUFFIX_UNSIGNED:
        if 0 <= value <= 0xFFFFFFFF:
            return TypedNumber(value, "UInt32")
        if 0 <= value <= (1 << 64) - 1:
            return TypedNumber(value, "UInt64")
        return None
    if suffix == SUFFIX_DECIMAL:
        if -_DECIMAL_MAX <= value <= _DECIMAL_MAX:
            return _decimal(str(value))
        return None
    if suffix == SUFFIX_BIGINT:
        return TypedNumber(value, "BigInt")
    spec = _RANGES.get(suffix)
    if spec is None:
        return None
    name, low, high = spec
    if low <= value <= high:
        return TypedNumber(value, name)
    return None


def number_value(digits: str, fmt: int, suffix: int, real: bool, multiplier: int) -> Any:
    """The value of a numeric literal, or None when PowerShell rejects it
    (out of range for its type, or an invalid suffix combination).

    ``digits`` is what the tokenizer collected: an optional sign, then the
    decimal digits/point/exponent, or the hex digits (with a leading ``0``
    added by the scanner) or binary digits.
    """
    try:
        if real:
            if suffix == SUFFIX_DECIMAL:
                from decimal import Decimal, InvalidOperation
                try:
                    dec = Decimal(digits) * multiplier
                except InvalidOperation:
                    return None
                if abs(dec) > _DECIMAL_MAX:
                    return None
                return dec
            value = float(digits) * multiplier
            if suffix == SUFFIX_NONE:
                return value
            as_int = _int_of_double(value)
            if as_int is None:
                return None
            return None if suffix & SUFFIX_DECIMAL else _fit(as_int, suffix, fmt)

        negative = False
        body = digits
        if fmt != FORMAT_DECIMAL:
            if body[:1] in ("-", "+"):
                negative = body[0] == "-"
                body = body[1:]
        if fmt == FORMAT_HEX:
            if not (suffix & SUFFIX_UNSIGNED):
                expected = {SUFFIX_SIGNED_BYTE: 2, SUFFIX_SHORT: 4, SUFFIX_LONG: 16}.get(
                    suffix, 8 if len(body) < 16 else 16)
                if len(body) == expected + 1:
                    body = body[1:]
            value = int(body, 16) if body else 0
            # A sign bit set in a literal of the type's full width makes it
            # negative, as .NET's hex parsing does ("0xFFFFFFFF" is -1).
            if not (suffix & SUFFIX_UNSIGNED):
                width = len(body) * 4
                if body and width in (8, 16, 32, 64) and value >> (width - 1):
                    value -= 1 << width
            if len(body) == 16 and suffix in (SUFFIX_NONE, SUFFIX_UNSIGNED):
                suffix |= SUFFIX_LONG
        elif fmt == FORMAT_BINARY:
            if not body:
                return None
            value = int(body, 2)
            width = len(body)
            # PowerShell reads a leading 1 as a sign bit only at the widths of
            # its signed types (Utils.ParseBinary): 0b11111111 is -1.
            if (not (suffix & SUFFIX_UNSIGNED) and body[:1] == "1"
                    and (width in (8, 16, 32, 64, 96) or width >= 128)):
                value -= 1 << width
            if width == 64 and suffix in (SUFFIX_NONE, SUFFIX_UNSIGNED):
                suffix |= SUFFIX_LONG
        else:
            value = int(body)
        if negative:
            value = -value
        value *= multiplier
        return _fit(value, suffix, fmt)
    except (ValueError, OverflowError):
        return None
