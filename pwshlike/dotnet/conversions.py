"""LanguagePrimitives: PowerShell's value conversions.

``to_bool`` is ``LanguagePrimitives.IsTrue``; ``to_string`` is the string
conversion used by expandable strings, ``[string]`` casts and ``-join``
(invariant culture, arrays joined by ``$OFS``); ``to_number`` turns operands
into numbers for arithmetic the way pwsh's binder does; the ``convert_*``
functions implement ``[type]value`` for the built-in types and raise
PSInvalidCastException with pwsh's messages.  ``convert_to(value, type)``
is the general entry point (the target is a PSType or a type name).

Conversions and ``types.py`` are one idea, LanguagePrimitives over the type
table, and import each other: a PSType converts through the functions here,
and these name and resolve types through ``types``.  Everything else they
use sits below them (values, errors, credentials, methodcall, netregex).
"""

from __future__ import annotations

import _datetime as _dt  # datetime's classes, without running the pure-Python twin datetime.py defines first
import functools
import re
import sys
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from .credentials import SecureString
from .errors import DotNetException, PSInvalidCastException, describe_targets_with
from .values import (
    BigInt, Byte, Char, EnumInfo, EnumValue, GenericDictionary, GenericHashSet, GenericList, Hashtable, Int16,
    INT32_MAX, INT32_MIN, Int64, INT64_MAX, INT64_MIN, iter_collection, KeyCollection, OrderedDictionary,
    PSCustomObject, SByte, Single, StringBuilder, SwitchParameter, TypedArray, UInt16, UInt32, UInt64,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional
    import uuid

ofs_provider: Optional[Callable[[], str]] = None
"""Set by the evaluator to read ``$OFS``; casts to ``[string]`` use it."""

DECIMAL_MAX = Decimal("79228162514264337593543950335")

# --- truthiness -------------------------------------------------------------------------


def to_bool(value: Any) -> bool:
    """``LanguagePrimitives.IsTrue``: $null, '', 0 and empty collections are
    false; a one-element list is as true as its element; any other object
    (including the string 'False' and an empty hashtable) is true."""
    t = type(value)
    if t is bool:
        return value
    if value is None:
        return False
    if t is int or t is float or t is str:
        return bool(value)
    if t is list or isinstance(value, (list, tuple)):
        n = len(value)
        if n == 0:
            return False
        if n == 1:
            first = value[0]
            if isinstance(first, (list, tuple)):
                return len(first) > 0
            return to_bool(first)
        return True
    if isinstance(value, Char):
        return value != "\0"
    if isinstance(value, (int, float, Decimal)):
        return value != 0
    if isinstance(value, str):
        return len(value) > 0
    if isinstance(value, SwitchParameter):
        return value.is_present
    return True


# --- numbers to text ------------------------------------------------------------------------

def _shortest_digits(value: float) -> tuple[str, int]:
    """Shortest round-trip digits of a finite non-zero double and the decimal
    exponent of the first digit (value = d.ddd * 10**exp)."""
    sign, digits, exp = Decimal(repr(float(value))).as_tuple()
    text = "".join(map(str, digits)).rstrip("0") or "0"
    sci_exp = len(digits) - 1 + exp  # type: ignore[operator]
    stripped_leading = text.lstrip("0")
    sci_exp -= len(text) - len(stripped_leading)
    return stripped_leading or "0", sci_exp


def _format_shortest(digits: str, exp: int, negative: bool, sci_threshold: int) -> str:
    if exp >= sci_threshold or exp < -4:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        text = f"{mantissa}E{'+' if exp >= 0 else '-'}{abs(exp):02d}"
    elif exp < 0:
        text = "0." + "0" * (-exp - 1) + digits
    elif len(digits) <= exp + 1:
        text = digits + "0" * (exp + 1 - len(digits))
    else:
        text = digits[:exp + 1] + "." + digits[exp + 1:]
    return "-" + text if negative else text


def _special_text(value: float, signed_zero: bool) -> Optional[str]:
    """NaN, the infinities and zero as .NET writes them in every format
    (a double keeps the sign of -0, a float does not); None for the rest."""
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0" if signed_zero and str(value).startswith("-") else "0"
    return None


def format_double(value: float) -> str:
    """``Double.ToString()`` in .NET Core 3.0+ (shortest round-trip, invariant):
    ``0.30000000000000004``, ``1E+20``, ``1E-05``, ``5``."""
    special = _special_text(value, signed_zero=True)
    if special is not None:
        return special
    digits, exp = _shortest_digits(abs(value))
    return _format_shortest(digits, exp, value < 0, 15)


def format_single(value: float) -> str:
    """``Single.ToString()``: shortest digits that round-trip through float32."""
    special = _special_text(value, signed_zero=False)
    if special is not None:
        return special
    target = Single(value)
    for precision in range(1, 10):
        candidate = f"{abs(value):.{precision}e}"
        if Single(float(candidate)) == abs(target):
            break
    mantissa, _, exp_text = candidate.partition("e")
    digits = mantissa.replace(".", "").rstrip("0") or "0"
    return _format_shortest(digits, int(exp_text), value < 0, 7)


def _general(value: float, precision: int) -> str:
    """.NET's ``"G<precision>"`` format of a double (invariant culture)."""
    special = _special_text(value, signed_zero=True)
    if special is not None:
        return special
    mantissa, _, exp_text = f"{abs(value):.{precision - 1}e}".partition("e")
    digits = mantissa.replace(".", "").rstrip("0") or "0"
    return _format_shortest(digits, int(exp_text), value < 0, precision)


def double_text(value: float) -> str:
    """A double as PowerShell makes it a string (``"$x"``, ``[string]$x``,
    output): 15 significant digits, LanguagePrimitives.DoublePrecision
    ("G15"), which pwsh kept when .NET Core 3.0 made ``ToString()`` the
    shortest round-trip text (``"$(0.1 + 0.2)"`` is ``0.3``)."""
    return _general(value, 15)


def single_text(value: float) -> str:
    """A float as PowerShell makes it a string: "G7" (SinglePrecision)."""
    return _general(value, 7)


def net_to_string(value: Any) -> str:
    """.NET's own ``ToString()`` (the method a script calls, ``-f``'s
    ``{0}``): the shortest round-trip text for doubles and floats."""
    if isinstance(value, Single):
        return format_single(value)
    if isinstance(value, float):
        return format_double(value)
    return dotnet_to_string(value)


def format_decimal(value: Decimal) -> str:
    """``Decimal.ToString()``: fixed point, keeping the scale (``1.50``)."""
    text = format(value, "f")
    return "0" if text in ("-0", "") else text


def format_datetime(value: _dt.datetime) -> str:
    """Invariant-culture ``DateTime`` text as PowerShell's string conversion
    gives it: ``MM/dd/yyyy HH:mm:ss``."""
    return f"{value.month:02d}/{value.day:02d}/{value.year:04d} {value.hour:02d}:{value.minute:02d}:{value.second:02d}"


def format_timespan(value: _dt.timedelta) -> str:
    """``TimeSpan.ToString()`` ("c" format): ``[-][d.]hh:mm:ss[.fffffff]``."""
    negative, days, hours, minutes, seconds, fraction = timespan_parts(value)
    sign = "-" if negative else ""
    text = f"{sign}{str(days) + '.' if days else ''}{hours:02d}:{minutes:02d}:{seconds:02d}"
    if fraction:
        text += f".{fraction:07d}"
    return text


def timedelta_ticks(value: _dt.timedelta) -> int:
    """A timedelta in .NET ticks (100 ns)."""
    return (value.days * 86400 + value.seconds) * 10000000 + value.microseconds * 10


def timespan_parts(value: _dt.timedelta) -> tuple[bool, int, int, int, int, int]:
    """Whether a TimeSpan is negative, then its days, hours, minutes,
    seconds and the fraction in ticks (100 ns) of its size: the pieces every
    text form of a TimeSpan (ToString, format strings, XML durations) is
    built from."""
    ticks = timedelta_ticks(value)
    days, rem = divmod(abs(ticks), 864000000000)
    hours, rem = divmod(rem, 36000000000)
    minutes, rem = divmod(rem, 600000000)
    seconds, fraction = divmod(rem, 10000000)
    return ticks < 0, days, hours, minutes, seconds, fraction


# --- objects to text ----------------------------------------------------------------------------

def to_string(value: Any, ofs: Optional[str] = None) -> str:
    """PowerShell's string conversion: $null is '', collections are joined
    with ``ofs`` (default ``$OFS`` or a space), numbers and dates use the
    invariant culture, other objects their .NET ``ToString()``."""
    t = type(value)
    if t is str:
        return value
    if value is None:
        return ""
    if t is int:
        return str(value)
    if t is bool:
        return "True" if value else "False"
    if t is float:
        return double_text(value)
    items = iter_collection(value)
    if items is not None:
        if ofs is None:
            ofs = ofs_provider() if ofs_provider is not None else " "
        return ofs.join([dotnet_to_string(v) for v in items])
    return dotnet_to_string(value)


def dotnet_to_string(value: Any) -> str:
    """The object's ``ToString()`` as PowerShell shows it (what an element of
    a joined array becomes): collections give their type name."""
    t = type(value)
    if t is str:
        return value
    if value is None:
        return ""
    if t is bool:
        return "True" if value else "False"
    if t is int:
        return str(value)
    if t is float:
        return double_text(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, EnumValue):
        return str(value)
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, Single):
        return single_text(value)
    if isinstance(value, float):
        return double_text(value)
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, _dt.datetime):
        return format_datetime(value)
    if isinstance(value, _dt.timedelta):
        return format_timespan(value)
    if is_guid(value):
        return str(value)
    if isinstance(value, PSCustomObject):
        serialized_text = getattr(value, "serialized_text", None)  # a deserialized object's own ToString
        if serialized_text is not None:
            return serialized_text
        return "@{" + "; ".join(f"{k}={dotnet_to_string(v)}" for k, v in value.items()) + "}"
    if isinstance(value, SwitchParameter):
        return "True" if value.is_present else "False"
    if isinstance(value, StringBuilder):
        return value.text()
    if isinstance(value, DotNetException):
        return value.to_string()
    if isinstance(value, (list, tuple, Hashtable, dict, GenericHashSet, KeyCollection)) or \
            type(value).__str__ is object.__str__:
        from .types import type_of
        return type_of(value).full_name
    return str(value)


# --- parsing numbers --------------------------------------------------------------------------


@functools.cache
def _number_re() -> re.Pattern[str]:
    """Compiled on first use: start-up compiles no pattern a script may never need."""
    return re.compile(
        r"""^([+-]?)(?:
            0x(?P<hex>[0-9a-f]+)
          | 0b(?P<bin>[01]+)
          | (?P<dec>(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)
        )(?P<suffix>ul|uy|us|u|l|y|s|n|d)?(?P<mult>kb|mb|gb|tb|pb)?$""",
        re.IGNORECASE | re.VERBOSE,
    )


_MULTIPLIERS = {"kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30, "tb": 1 << 40, "pb": 1 << 50}

_WHITESPACE = " \t\r\n\f\v\u00a0\u2028\u2029\u0085"


def parse_number(text: str) -> Any:
    """Parses a number as PowerShell's tokenizer reads a numeric literal
    (``0x10``, ``1e3``, ``2.5``, ``10kb``, ``5l``, ``1.5d``) after trimming
    whitespace.  Returns None when the text is not a number."""
    m = _number_re().match(text.strip(_WHITESPACE))
    if m is None:
        return None
    negative = m.group(1) == "-"
    suffix = (m.group("suffix") or "").lower()
    mult = _MULTIPLIERS.get((m.group("mult") or "").lower(), 1)
    hex_digits, bin_digits, dec = m.group("hex"), m.group("bin"), m.group("dec")
    if hex_digits is not None or bin_digits is not None:
        if suffix == "d":
            return None
        raw = int(hex_digits, 16) if hex_digits is not None else int(bin_digits, 2)
        # Hex/binary literals are bit patterns: 0xFFFFFFFF is Int32 -1.
        if not suffix:
            if raw <= 0xFFFFFFFF:
                raw = raw - (1 << 32) if raw > INT32_MAX else raw
            elif raw <= 0xFFFFFFFFFFFFFFFF:
                raw = raw - (1 << 64) if raw > INT64_MAX else raw
            else:
                return None
        value = (-raw if negative else raw) * mult
        return _typed_integer(value, suffix, allow_double=False)
    if suffix == "d":
        try:
            value_d = Decimal(dec) * mult
        except InvalidOperation:
            return None
        return -value_d if negative else value_d
    is_real = "." in dec or "e" in dec.lower()
    if is_real:
        if suffix in ("", "d"):
            value_f = float(dec) * mult
            return -value_f if negative else value_f
        # A real with an integer suffix (1.5l) must be integral after the multiplier.
        exact = Decimal(dec) * mult
        if exact != exact.to_integral_value():
            return None
        value = int(exact)
        return _typed_integer(-value if negative else value, suffix, allow_double=False)
    value = int(dec) * mult
    return _typed_integer(-value if negative else value, suffix, allow_double=True)


def _typed_integer(value: int, suffix: str, allow_double: bool) -> Any:
    if not suffix:
        if INT32_MIN <= value <= INT32_MAX:
            return value
        if INT64_MIN <= value <= INT64_MAX:
            return Int64(value)
        if abs(value) <= DECIMAL_MAX:
            return Decimal(value)
        return float(value) if allow_double else None
    cls = {"l": Int64, "u": None, "ul": UInt64, "y": SByte, "uy": Byte, "s": Int16,
           "us": UInt16, "n": BigInt}[suffix]
    if cls is None:
        cls = UInt32 if 0 <= value <= UInt32.max_value else UInt64
    if cls is not BigInt and not (cls.min_value <= value <= cls.max_value):
        return None
    return cls(value)


def to_number(value: Any, target_name: str = "System.Int32") -> Any:
    """An arithmetic operand as a number: $null is 0, booleans 0/1, chars
    their code, strings parsed like numeric literals ('' is 0).  Numbers
    pass through.  ``target_name`` names the type in the error message."""
    t = type(value)
    if t is int or t is float:
        return value
    if value is None:
        return 0
    if t is bool:
        return 1 if value else 0
    if isinstance(value, Char):
        return ord(value)
    if isinstance(value, str):
        if not value.strip(_WHITESPACE):
            return 0
        number = parse_number(value)
        if number is None:
            number = _parse_special_double(value)
        if number is None:
            raise cast_error(value, target_name,
                             f"The input string '{value}' was not in a correct format.",
                             "InvalidCastFromStringToInteger")
        return number
    if isinstance(value, (int, float, Decimal)):
        return value
    if isinstance(value, SwitchParameter):
        return 1 if value.is_present else 0
    raise cast_error(value, target_name)


def _parse_special_double(text: str) -> Optional[float]:
    s = text.strip(_WHITESPACE).lower()
    if s in ("infinity", "+infinity", "\u221e"):
        return float("inf")
    if s in ("-infinity", "-\u221e"):
        return float("-inf")
    if s == "nan":
        return float("nan")
    # .NET's Double.Parse accepts thousands separators in the float styles.
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?(e[+-]?\d+)?", s):
        return float(s.replace(",", ""))
    return None


# --- errors -------------------------------------------------------------------------------------

def cast_error(value: Any, type_name: str, inner_message: Optional[str] = None,
               error_id: Optional[str] = None, inner: Optional[BaseException] = None) -> PSInvalidCastException:
    """PSInvalidCastException with pwsh's wording:
    ``Cannot convert value "x" to type "T". Error: "..."`` when there is an
    underlying reason, else ``Cannot convert the "x" value of type "S" to type "T".``"""
    if value is None:
        message = f'Cannot convert null to type "{type_name}".'
        return PSInvalidCastException(message, inner, error_id=error_id or "InvalidCastFromNull",
                                      target_object=value)
    text = _safe_string(value)
    if inner_message is not None:
        message = f'Cannot convert value "{text}" to type "{type_name}". Error: "{inner_message}"'
        return PSInvalidCastException(message, inner, error_id=error_id or "InvalidCastWithInnerException",
                                      target_object=value)
    from .types import type_of
    source = type_of(value).full_name
    message = f'Cannot convert the "{text}" value of type "{source}" to type "{type_name}".'
    return PSInvalidCastException(message, inner, error_id=error_id or "ConvertToFinalInvalidCastException",
                                  target_object=value)


def _safe_string(value: Any) -> str:
    try:
        return to_string(value)
    except Exception:
        return repr(value)


# --- numeric conversions ---------------------------------------------------------------------

_OVERFLOW_NAMES = {
    "System.Int32": "an Int32", "System.Int64": "an Int64", "System.Byte": "an unsigned byte",
    "System.SByte": "a signed byte", "System.Int16": "an Int16", "System.UInt16": "a UInt16",
    "System.UInt32": "a UInt32", "System.UInt64": "a UInt64", "System.Char": "a character",
    "System.Decimal": "a Decimal",
}


def overflow_message(type_name: str) -> str:
    return f"Value was either too large or too small for {_OVERFLOW_NAMES.get(type_name, 'a ' + type_name)}."


_INTEGER_TYPES: dict[str, tuple[Optional[type], int, int]] = {
    "System.Int32": (None, INT32_MIN, INT32_MAX),
    "System.Int64": (Int64, INT64_MIN, INT64_MAX),
    "System.Byte": (Byte, 0, 255),
    "System.SByte": (SByte, -128, 127),
    "System.Int16": (Int16, -32768, 32767),
    "System.UInt16": (UInt16, 0, 65535),
    "System.UInt32": (UInt32, 0, 4294967295),
    "System.UInt64": (UInt64, 0, 18446744073709551615),
}


def round_half_even(value: Any) -> int:
    """Rounds a float or Decimal to the nearest integer, ties to even, as
    .NET's integer conversions do (``[int]2.5`` is 2, ``[int]3.5`` is 4)."""
    if isinstance(value, Decimal):
        return int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
    return round(value)


def convert_to_integer(value: Any, type_name: str = "System.Int32") -> int:
    """``[int]``, ``[long]``, ``[byte]``...: numbers round to even and are
    range checked, strings parse (hex too, and via double: ``[int]'2.5'``),
    $null is 0."""
    cls, lo, hi = _INTEGER_TYPES[type_name]
    t = type(value)
    if t is int and cls is None and lo <= value <= hi:
        return value
    if value is None:
        number: Any = 0
    elif isinstance(value, bool):
        number = int(value)
    elif isinstance(value, EnumValue):
        number = int(value)
    elif isinstance(value, int):
        number = int(value)
    elif isinstance(value, (float, Decimal)):
        if value != value or value in (float("inf"), float("-inf")):
            raise cast_error(value, type_name, overflow_message(type_name), "InvalidCastIConvertible")
        number = round_half_even(value)
    elif isinstance(value, Char):
        number = ord(value)
    elif isinstance(value, str):
        number = _string_to_integer(value, type_name)
    elif isinstance(value, SwitchParameter):
        number = int(value.is_present)
    else:
        raise cast_error(value, type_name)
    if not (lo <= number <= hi):
        raise cast_error(value, type_name, overflow_message(type_name), "InvalidCastIConvertible")
    return number if cls is None else cls(number)


@functools.cache
def _hex_digits() -> re.Pattern[str]:
    """Compiled on first use: start-up compiles no pattern a script may never need."""
    return re.compile(r"0[xX][0-9a-fA-F]+")


def _string_to_integer(text: str, type_name: str) -> int:
    stripped = text.strip(_WHITESPACE)
    if not stripped:
        return 0
    number = parse_number(stripped)
    if number is None:
        number = _parse_special_double(stripped)
    if number is None:
        if _hex_digits().fullmatch(stripped):
            # Int32Converter's Convert.ToInt32(digits, 16) path: too many digits overflow its parser.
            wide = type_name in ("System.Int64", "System.UInt64")
            raise cast_error(text, type_name, "Value was either too large or too small for a "
                             f"{'UInt64' if wide else 'UInt32'}.", "InvalidCastFromStringToInteger")
        raise cast_error(text, type_name, f"The input string '{text}' was not in a correct format.",
                         "InvalidCastFromStringToInteger")
    if isinstance(number, (float, Decimal)):
        if number != number or number in (float("inf"), float("-inf")):
            raise cast_error(text, type_name, overflow_message(type_name), "InvalidCastFromStringToInteger")
        return round_half_even(number)
    return int(number)


def convert_to_double(value: Any, single: bool = False) -> float:
    """``[double]`` / ``[single]``."""
    type_name = "System.Single" if single else "System.Double"
    t = type(value)
    if t is float and not single:
        return value
    if value is None:
        result = 0.0
    elif isinstance(value, bool):
        result = float(value)
    elif isinstance(value, (int, float, Decimal)):
        try:
            result = float(value)
        except OverflowError:
            raise cast_error(value, type_name, overflow_message(type_name), "InvalidCastIConvertible") from None
    elif isinstance(value, Char):
        raise cast_error(value, type_name, "Invalid cast from 'Char' to 'Double'.", "InvalidCastIConvertible")
    elif isinstance(value, str):
        stripped = value.strip(_WHITESPACE)
        if not stripped:
            result = 0.0
        else:
            number = parse_number(stripped)
            if number is None:
                number = _parse_special_double(stripped)
            if number is None:
                raise cast_error(value, type_name, f"The input string '{value}' was not in a correct format.",
                                 "InvalidCastFromStringToDoubleOrSingle")
            result = float(number)
    elif isinstance(value, SwitchParameter):
        result = float(value.is_present)
    else:
        raise cast_error(value, type_name)
    return Single(result) if single else result


def convert_to_decimal(value: Any) -> Decimal:
    """``[decimal]``."""
    type_name = "System.Decimal"
    if isinstance(value, Decimal):
        return value
    if value is None:
        return Decimal(0)
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, int):
        result = Decimal(int(value))
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise cast_error(value, type_name, overflow_message(type_name), "InvalidCastIConvertible")
        # .NET converts doubles to decimal with 15 significant digits.
        result = Decimal(format(value, ".15g")) if value else Decimal(0)
        result = _normalize_decimal(result)
    elif isinstance(value, str):
        stripped = value.strip(_WHITESPACE)
        if not stripped:
            return Decimal(0)
        number = parse_number(stripped)
        if number is None:
            raise cast_error(value, type_name, f"The input string '{value}' was not in a correct format.",
                             "InvalidCastFromStringToDecimal")
        if isinstance(number, float):
            # Parse the text itself so the written scale is kept ('1.10').
            try:
                result = Decimal(stripped)
            except InvalidOperation:
                result = Decimal(repr(number))
            if "e" in stripped.lower():
                result = _normalize_decimal(result)
        else:
            result = Decimal(int(number)) if not isinstance(number, Decimal) else number
    elif isinstance(value, SwitchParameter):
        return Decimal(int(value.is_present))
    else:
        raise cast_error(value, type_name)
    if abs(result) > DECIMAL_MAX:
        raise cast_error(value, type_name, overflow_message(type_name), "InvalidCastIConvertible")
    return result


def _normalize_decimal(value: Decimal) -> Decimal:
    """Drops an exponent form so the decimal prints in fixed point."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def convert_to_bigint(value: Any) -> BigInt:
    if isinstance(value, (float, Decimal)):
        if value != value or value in (float("inf"), float("-inf")):
            raise cast_error(value, "System.Numerics.BigInteger", overflow_message("System.Numerics.BigInteger"))
        return BigInt(int(value))
    if isinstance(value, str):
        number = parse_number(value)
        if number is None:
            raise cast_error(value, "System.Numerics.BigInteger",
                             f"The input string '{value}' was not in a correct format.")
        return BigInt(int(number))
    if value is None or isinstance(value, (int, bool)):
        return BigInt(int(value or 0))
    raise cast_error(value, "System.Numerics.BigInteger")


def convert_to_char(value: Any) -> Char:
    """``[char]``: a one-character string, or a character code."""
    type_name = "System.Char"
    if isinstance(value, Char):
        return value
    if value is None:
        return Char("\0")
    if isinstance(value, str):
        if len(value) == 1:
            return Char(value)
        raise cast_error(value, type_name, "String must be exactly one character long.",
                         "InvalidCastFromStringToChar" if value else "InvalidCastIConvertible")
    if isinstance(value, bool):
        raise cast_error(value, type_name, "Invalid cast from 'Boolean' to 'Char'.", "InvalidCastIConvertible")
    if isinstance(value, (int, float, Decimal)):
        if not isinstance(value, int) and (value != value or value in (float("inf"), float("-inf"))):
            raise cast_error(value, type_name, overflow_message(type_name), "InvalidCastIConvertible")
        number = round_half_even(value) if not isinstance(value, int) else int(value)
        if not 0 <= number <= 0xFFFF:
            raise cast_error(value, type_name, overflow_message(type_name), "InvalidCastIConvertible")
        return Char(chr(number))
    raise cast_error(value, type_name)


def convert_to_string(value: Any) -> str:
    """``[string]``: $null becomes ''."""
    return to_string(value)


# --- dates, time spans, guids ---------------------------------------------------------------

_DATE_FORMATS = (
    "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y",
    "%Y/%m/%d %H:%M:%S", "%Y/%m/%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d",
    "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y",
    "%d %B %Y %H:%M:%S", "%d %b %Y %H:%M:%S", "%a, %d %b %Y %H:%M:%S GMT",
    "%A, %B %d, %Y", "%A, %d %B %Y", "%A, %B %d, %Y %I:%M:%S %p", "%H:%M:%S", "%H:%M",
)


def parse_datetime(text: str) -> Optional[_dt.datetime]:
    """``DateTime.Parse`` with the invariant culture for the formats scripts
    use: ISO 8601 (an offset converts to local time, as .NET does), US
    ``MM/dd/yyyy [HH:mm[:ss]]``, RFC 1123 and long dates."""
    s = text.strip(_WHITESPACE)
    if not s:
        return None
    iso = s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s
    try:
        value = _dt.datetime.fromisoformat(iso)
    except ValueError:
        value = None
    if value is not None:
        if value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)
        return value
    gmt = s.endswith(" GMT")
    for fmt in _DATE_FORMATS:
        try:
            value = _dt.datetime.strptime(s, fmt)
        except ValueError:
            continue
        if fmt in ("%H:%M:%S", "%H:%M"):
            today = _dt.date.today()
            value = value.replace(year=today.year, month=today.month, day=today.day)
        if gmt:
            value = value.replace(tzinfo=_dt.timezone.utc).astimezone().replace(tzinfo=None)
        return value
    return None


def convert_to_datetime(value: Any) -> _dt.datetime:
    """``[datetime]``."""
    type_name = "System.DateTime"
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.date):
        return _dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        result = parse_datetime(value)
        if result is None:
            raise cast_error(value, type_name,
                             f"String '{value}' was not recognized as a valid DateTime.",
                             "InvalidCastParseTargetInvocationWithFormatProvider")
        return result
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        try:
            return datetime_from_ticks(int(value))
        except OverflowError:
            raise cast_error(value, type_name, "Ticks must be between DateTime.MinValue.Ticks and "
                             "DateTime.MaxValue.Ticks. (Parameter 'ticks')", "InvalidCastIConvertible") from None
    raise cast_error(value, type_name)


def datetime_from_ticks(ticks: int) -> _dt.datetime:
    """A DateTime from .NET ticks (100 ns since 0001-01-01)."""
    return _dt.datetime(1, 1, 1) + _dt.timedelta(microseconds=ticks // 10)


def datetime_ticks(value: _dt.datetime) -> int:
    delta = value.replace(tzinfo=None) - _dt.datetime(1, 1, 1)
    return timedelta_ticks(delta)


@functools.cache
def _timespan_re() -> re.Pattern[str]:
    """Compiled on first use: start-up compiles no pattern a script may never need."""
    return re.compile(
        r"^\s*(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?\s*$")


@functools.cache
def _timespan_days_colon_re() -> re.Pattern[str]:
    """Compiled on first use: start-up compiles no pattern a script may never need."""
    return re.compile(r"^\s*(-)?(\d+):(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,7}))?\s*$")


def parse_timespan(text: str) -> Optional[_dt.timedelta]:
    """``TimeSpan.Parse``: ``[-][d.]hh:mm[:ss[.fffffff]]`` or a day count."""
    s = text.strip(_WHITESPACE)
    if re.fullmatch(r"-?\d+", s):
        return _dt.timedelta(days=int(s))
    m = _timespan_re().match(s) or _timespan_days_colon_re().match(s)
    if m is None:
        return None
    neg, days, hours, minutes, seconds, fraction = m.groups()
    if int(hours) > 23 or int(minutes) > 59 or (seconds and int(seconds) > 59):
        return None
    ticks = ((int(days or 0) * 24 + int(hours)) * 60 + int(minutes)) * 60 + int(seconds or 0)
    ticks = ticks * 10000000 + int((fraction or "0").ljust(7, "0"))
    return timespan_from_ticks(-ticks if neg else ticks)


def timespan_from_ticks(ticks: int) -> _dt.timedelta:
    return _dt.timedelta(microseconds=ticks / 10) if ticks % 10 else _dt.timedelta(microseconds=ticks // 10)


def convert_to_timespan(value: Any) -> _dt.timedelta:
    """``[timespan]``: from text, or from a tick count."""
    type_name = "System.TimeSpan"
    if isinstance(value, _dt.timedelta):
        return value
    if isinstance(value, str):
        result = parse_timespan(value)
        if result is None:
            raise cast_error(value, type_name,
                             "String '" + value + "' was not recognized as a valid TimeSpan.",
                             "InvalidCastParseTargetInvocation")
        return result
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return timespan_from_ticks(int(value))
        except OverflowError:
            raise cast_error(value, type_name, "TimeSpan overflowed because the duration is too long.",
                             "InvalidCastIConvertible") from None
    raise cast_error(value, type_name)


def is_guid(value: Any) -> bool:
    """``value`` is a ``[guid]`` (a ``uuid.UUID``).  The uuid module (and
    the platform module it imports) costs a plain script's start-up several
    milliseconds, so it is imported where a Guid is made; until then there
    can be no UUID to test for."""
    module = sys.modules.get("uuid")
    return module is not None and isinstance(value, module.UUID)


def parse_guid(text: str) -> Optional[uuid.UUID]:
    import uuid
    s = text.strip(_WHITESPACE)
    if s.startswith(("{", "(")) and s.endswith(("}", ")")):
        s = s[1:-1]
    if not (len(s) == 32 and "-" not in s or len(s) == 36 and s.count("-") == 4):
        return None
    try:
        return uuid.UUID(s)
    except ValueError:
        return None


def convert_to_guid(value: Any) -> uuid.UUID:
    if is_guid(value):
        return value
    if isinstance(value, str):
        result = parse_guid(value)
        if result is None:
            raise cast_error(value, "System.Guid",
                             "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).",
                             "InvalidCastParseTargetInvocation")
        return result
    raise cast_error(value, "System.Guid")


# --- collections ------------------------------------------------------------------------------

def convert_to_hashtable(value: Any) -> Hashtable:
    if isinstance(value, Hashtable) and not isinstance(value, OrderedDictionary):
        return value
    if isinstance(value, (Hashtable, dict)):
        return Hashtable(value)
    raise cast_error(value, "System.Collections.Hashtable")


def convert_to_ordered(value: Any) -> OrderedDictionary:
    if isinstance(value, OrderedDictionary):
        return value
    if isinstance(value, (Hashtable, dict)):
        return OrderedDictionary(value)
    raise cast_error(value, "System.Collections.Specialized.OrderedDictionary")


def convert_to_pscustomobject(value: Any) -> Any:
    """``[pscustomobject]``: a dictionary becomes an object with its keys as
    properties (a ``PSTypeName`` key names the type); anything else is
    returned unchanged, as pwsh only wraps it."""
    if isinstance(value, (Hashtable, dict)):
        obj = PSCustomObject()
        for key, item in value.items():
            name = to_string(key)
            if name.lower() == "pstypename":
                obj.insert_type_name(to_string(item))
                continue
            obj.set_property(name, item)
        return obj
    return value


def convert_to_array(value: Any, element_type: Any = None) -> Optional[list]:
    """``[object[]]``/``[array]`` (``element_type`` None) or a typed array:
    $null stays $null, a scalar is wrapped, each element is converted."""
    if value is None:
        return None
    if isinstance(value, str) and element_type is not None and element_type.full_name == "System.Char":
        # A string converts to char[] character by character.
        return TypedArray([Char(c) for c in value], element_type)
    items = iter_collection(value)
    elements = list(items) if items is not None else [value]
    if element_type is None:
        return elements if type(value) is not list else value
    convert = element_type.convert
    return TypedArray([convert(e) for e in elements], element_type)


def convert_to_generic_list(value: Any, element_type: Any) -> GenericList:
    if value is None:
        return GenericList((), element_type)
    items = iter_collection(value)
    elements = list(items) if items is not None else [value]
    convert = element_type.convert if element_type is not None else (lambda v: v)
    return GenericList([convert(e) for e in elements], element_type)


def convert_to_hashset(value: Any, element_type: Any) -> GenericHashSet:
    items = iter_collection(value)
    elements = list(items) if items is not None else ([] if value is None else [value])
    convert = element_type.convert if element_type is not None else (lambda v: v)
    return GenericHashSet([convert(e) for e in elements], element_type)


def convert_to_dictionary(value: Any, key_type: Any, value_type: Any) -> GenericDictionary:
    result = GenericDictionary(key_type, value_type)
    if value is None:
        return result
    if isinstance(value, (Hashtable, dict)):
        for k, v in value.items():
            result[key_type.convert(k) if key_type else k] = value_type.convert(v) if value_type else v
        return result
    raise cast_error(value, "System.Collections.Generic.Dictionary")


def convert_to_switch(value: Any) -> SwitchParameter:
    if isinstance(value, SwitchParameter):
        return value
    return SwitchParameter(to_bool(value))


def convert_to_securestring(value: Any) -> SecureString:
    if isinstance(value, SecureString):
        return value
    raise cast_error(value, "System.Security.SecureString")


def convert_to_enum(value: Any, enum: Any) -> EnumValue:
    """An enum value from a member name (case-insensitive; comma-separated
    for flags), a number, or another enum value."""
    info: EnumInfo = enum
    type_name = info.full_name
    if isinstance(value, EnumValue):
        if value.enum is info:
            return value
        return info.value(int(value))
    if isinstance(value, bool):
        raise cast_error(value, type_name)
    if isinstance(value, int):
        return _defined_enum_value(info, int(value), value, "UndefinedIntegerToEnum")
    if value is None:
        raise PSInvalidCastException(
            f'Cannot convert null to type "{type_name}" due to enumeration values that are not valid. '
            f'Specify one of the following enumeration values and try again. The possible enumeration '
            f'values are "{",".join(info.members)}".', error_id="InvalidCastFromNull")
    text = value if isinstance(value, str) else to_string(value)
    items = iter_collection(value)
    names = [to_string(v) for v in items] if items is not None else text.split(",")
    if len(names) > 1 and not info.flags:
        raise PSInvalidCastException(
            f'Cannot convert value "{text}" to type "{type_name}" because no commas are allowed '
            f'for this enumeration.', error_id="InvalidCastEnumCommaAndNoFlags")
    total = 0
    for name in names:
        member = info.lookup(name)
        if member is None:
            number = parse_number(name.strip())
            if isinstance(number, int):
                total |= int(_defined_enum_value(info, int(number), text, "EnumParseUndefined"))
                continue
            raise PSInvalidCastException(
                f'Cannot convert value "{text}" to type "{type_name}". Error: "Unable to match the '
                f'identifier name {name.strip()} to a valid enumerator name. Specify one of the following '
                f'enumerator names and try again:\n{", ".join(info.members)}"',
                error_id="InvalidCastFromStringToEnum")
        total |= int(member)
    return info.value(total)


def _defined_enum_value(info: EnumInfo, number: int, shown: Any, error_id: str) -> EnumValue:
    """pwsh's ThrowForUndefinedEnum: a number must be one of the enum's
    values (for flags, made of its bits); an enum with a negative value
    takes any number."""
    values = info.members.values()
    if not any(v < 0 for v in values):
        if info.flags:
            all_bits = 0
            for v in values:
                all_bits |= v
            defined = number >= 0 and (number | all_bits) == all_bits
        else:
            defined = number in values
        if not defined:
            raise PSInvalidCastException(
                f'Cannot convert value "{to_string(shown)}" to type "{info.full_name}" due to enumeration values '
                f'that are not valid. Specify one of the following enumeration values and try again. The '
                f'possible enumeration values are "{",".join(info.members)}".', error_id=error_id)
    return info.value(number)


def convert_to(value: Any, pstype: Any) -> Any:
    """``LanguagePrimitives.ConvertTo``: ``pstype`` is a PSType or a type
    name (``'int'``, ``'string[]'``)."""
    if isinstance(pstype, str):
        from .types import resolve_type
        pstype = resolve_type(pstype)
    return pstype.convert(value)


def _target_type_name(value: Any) -> str:
    """The short .NET type name ``CategoryInfo.TargetType`` shows."""
    from .types import type_of
    return type_of(value).name


# ErrorRecord (in errors, below this module) names its target object by these rules.
describe_targets_with(to_string, _target_type_name)
