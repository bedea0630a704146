"""Static members of the built-in types (``[math]::Round``, ``[string]::Join``,
``[datetime]::Now``, ``[IO.Path]::Combine``...), loaded the first time a
script touches ``::`` on a type.

``static_members(pstype)`` returns a table ``lower name -> (name, member,
is_method)``: a method is a plain function whose parameters give its
accepted argument counts (see ``methodcall.py``); a property is a
zero-argument function called on each read (``Now`` changes) or, for
settable ones, a ``Settable``.  Arguments arrive as PowerShell values and
each function converts them as the .NET overload would.

``statics_system.py`` holds the rest of the same tables (the classes that
reach the operating system); the two are one idea split for length and
import each other: it uses the helpers here, and ``_system`` loads it.
"""

from __future__ import annotations

import datetime as _dt
import math
import sys
import uuid
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any, Callable, Optional, Sequence

from . import conversions as conv
from .credentials import PSCredential, SecureString
from .engine_enums import BASE64_OPTIONS
from .errors import (
    ArgumentException, ArgumentNullException, ArgumentOutOfRangeException, ArithmeticException, DivideByZeroException,
    FormatException, InvalidCastException, MethodException, OverflowException,
)
from .methodcall import generic
from .netobjects import code_page_encoding, encoding, to_bytes
from .semver import SemanticVersion
from . import ip_address, physical_address
from .operators import compare, compare_strings, equals
from .types import (
    add_type_accelerator, BYTE, remove_type_accelerator, resolve_type, STRING, type_accelerators, type_of,
)
from .values import (
    Byte, Char, DB_NULL, DotNetTuple, EnumValue, GenericHashSet, Hashtable, INT32_MIN, Int64, iter_collection,
    NULL_STRING, PSReference, Single, TypedArray,
)
from .wildcard import contains_wildcard, escape_wildcard, unescape_wildcard

Table = dict[str, tuple[str, Any, bool]]


class Settable:
    """A static property with a setter (``[Console]::ForegroundColor``)."""

    __slots__ = ("getter", "setter")

    def __init__(self, getter: Callable[[], Any], setter: Callable[[Any], None]) -> None:
        self.getter = getter
        self.setter = setter

    def __call__(self) -> Any:
        return self.getter()


def make_table(props: dict[str, Any], methods: dict[str, Callable[..., Any]]) -> Table:
    table: Table = {}
    for name, getter in props.items():
        table[name.lower()] = (name, getter, False)
    for name, func in methods.items():
        table[name.lower()] = (name, func, True)
    return table


def const(value: Any) -> Callable[[], Any]:
    return lambda: value


def _d(value: Any) -> float:
    return conv.convert_to_double(value)


def _i(value: Any) -> int:
    return conv.convert_to_integer(value)


def _s(value: Any) -> str:
    return conv.to_string(value)


def _items(value: Any) -> list:
    items = iter_collection(value)
    return list(items) if items is not None else [value]


def _set_ref(ref: Any, value: Any, position: int) -> None:
    """Writes an ``out`` argument, which must be ``[ref]``."""
    if not isinstance(ref, PSReference):
        raise MethodException(
            f"Argument: '{position}' should be a System.Management.Automation.PSReference. Use [ref].",
            error_id="NonRefArgumentToRefParameterMsg")
    ref.Value = value


def bytes_array(data: bytes) -> TypedArray:
    return TypedArray([Byte(b) for b in data], BYTE)


def string_array(items: list[str]) -> TypedArray:
    return TypedArray(items, STRING)


# --- numbers ----------------------------------------------------------------------------------

def _numeric_kind(*values: Any) -> str:
    """Which .NET overload a Math method picks for these arguments."""
    if any(isinstance(v, Decimal) for v in values):
        return "decimal"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int"
    return "double"


_DECIMAL_MODES = {0: ROUND_HALF_EVEN, 1: ROUND_HALF_UP, 2: ROUND_DOWN, 3: ROUND_FLOOR, 4: ROUND_CEILING}


def _rounding_mode(mode: Any) -> int:
    return int(resolve_type("System.MidpointRounding").convert(mode))


def _round_double(value: float, digits: int, mode: int) -> float:
    if not 0 <= digits <= 15:
        raise ArgumentOutOfRangeException("Rounding digits must be between 0 and 15, inclusive.",
                                          param_name="digits")
    if value != value or value in (float("inf"), float("-inf")):
        return value
    power = 10.0 ** digits
    scaled = value * power
    if mode == 0:
        result = float(round(scaled))
    elif mode == 1:
        # .NET splits off the fraction (ModF) rather than adding 0.5, which
        # could round up in floating point.
        fraction, whole = math.modf(scaled)
        result = whole + (math.copysign(1.0, fraction) if abs(fraction) >= 0.5 else 0.0)
    elif mode == 2:
        result = float(math.trunc(scaled))
    elif mode == 3:
        result = float(math.floor(scaled))
    else:
        result = float(math.ceil(scaled))
    return result / power if digits else result


def math_round(value: Any, digits_or_mode: Any = None, mode: Any = None) -> Any:
    """``[math]::Round(x)``, ``(x, digits)``, ``(x, mode)``, ``(x, digits, mode)``;
    ties go to even unless a MidpointRounding says otherwise."""
    digits, rounding = 0, 0
    if mode is not None:
        digits, rounding = _i(digits_or_mode), _rounding_mode(mode)
    elif digits_or_mode is not None:
        if isinstance(digits_or_mode, EnumValue) or isinstance(digits_or_mode, str):
            rounding = _rounding_mode(digits_or_mode)
        else:
            digits = _i(digits_or_mode)
    if isinstance(value, Decimal):
        if not 0 <= digits <= 28:
            raise ArgumentOutOfRangeException("Decimal can only round to between 0 and 28 digits of precision.",
                                              param_name="decimals")
        return value.quantize(Decimal(1).scaleb(-digits), rounding=_DECIMAL_MODES[rounding])
    return _round_double(_d(value), digits, rounding)


def _math_unary_double(func: Callable[[float], float]) -> Callable[[Any], float]:
    def method(value: Any) -> float:
        try:
            return func(_d(value))
        except (ValueError, OverflowError):
            return float("nan")
    return method


def math_abs(value: Any) -> Any:
    if isinstance(value, Decimal):
        return abs(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if type(value) is int and value == INT32_MIN:
            raise OverflowException("Negating the minimum value of a twos complement number is invalid.")
        return type(value)(abs(value)) if type(value) is not int else abs(value)
    return abs(_d(value))


def _floor_ceiling(func: Callable[[float], float], rounding: str) -> Callable[[Any], Any]:
    def method(value: Any) -> Any:
        if isinstance(value, Decimal):
            return value.quantize(Decimal(1), rounding=rounding)
        v = _d(value)
        if v != v or v in (float("inf"), float("-inf")):
            return v
        return float(func(v))
    return method


def math_truncate(value: Any) -> Any:
    if isinstance(value, Decimal):
        return value.quantize(Decimal(1), rounding=ROUND_DOWN)
    v = _d(value)
    return v if v != v or v in (float("inf"), float("-inf")) else float(math.trunc(v))


def _min_max(pick: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def method(a: Any, b: Any) -> Any:
        kind = _numeric_kind(a, b)
        if kind == "int":
            if type(a) is type(b):
                return pick(a, b)
            return Int64(pick(int(a), int(b)))
        if kind == "decimal":
            return pick(conv.convert_to_decimal(a), conv.convert_to_decimal(b))
        x, y = _d(a), _d(b)
        if x != x or y != y:
            return float("nan")
        return pick(x, y)
    return method


def math_pow(x: Any, y: Any) -> float:
    try:
        return math.pow(_d(x), _d(y))
    except OverflowError:
        return float("inf")
    except ValueError:
        return float("nan")


def math_log(value: Any, base: Any = None) -> float:
    v = _d(value)
    if v < 0 or v != v:
        return float("nan")
    if v == 0:
        return float("-inf")
    if base is None:
        return math.log(v)
    b = _d(base)
    if b <= 0 or b == 1:
        return float("nan")
    return math.log(v) / math.log(b)


def math_sign(value: Any) -> int:
    if isinstance(value, float) and value != value:
        raise ArithmeticException("Function does not accept floating point Not-a-Number values.")
    v = value if isinstance(value, (int, Decimal)) else _d(value)
    return (v > 0) - (v < 0)


def math_clamp(value: Any, low: Any, high: Any) -> Any:
    if _d(low) > _d(high):
        raise ArgumentException(f"'{conv.to_string(low)}' cannot be greater than {conv.to_string(high)}.")
    return _min_max(min)(_min_max(max)(value, low), high)


def math_divrem(a: Any, b: Any, ref: Any = None) -> Any:
    x, y = _i(a), _i(b)
    if y == 0:
        raise DivideByZeroException()
    quotient = int(x / y)
    remainder = x - quotient * y
    if ref is not None:
        _set_ref(ref, remainder, 3)
        return quotient
    return [quotient, remainder]


def _math_table() -> Table:
    return make_table(
        {"PI": const(math.pi), "E": const(math.e), "Tau": const(math.tau)},
        {"Round": math_round, "Floor": _floor_ceiling(math.floor, ROUND_FLOOR),
         "Ceiling": _floor_ceiling(math.ceil, ROUND_CEILING), "Truncate": math_truncate,
         "Abs": math_abs, "Max": _min_max(max), "Min": _min_max(min), "Pow": math_pow,
         "Sqrt": _math_unary_double(math.sqrt), "Cbrt": _math_unary_double(lambda v: math.copysign(abs(v) ** (1 / 3), v)),
         "Exp": _math_unary_double(math.exp), "Log": math_log,
         "Log10": _math_unary_double(lambda v: math.log10(v) if v > 0 else (float("-inf") if v == 0 else float("nan"))),
         "Log2": _math_unary_double(lambda v: math.log2(v) if v > 0 else (float("-inf") if v == 0 else float("nan"))),
         "Sin": _math_unary_double(math.sin), "Cos": _math_unary_double(math.cos),
         "Tan": _math_unary_double(math.tan), "Asin": _math_unary_double(math.asin),
         "Acos": _math_unary_double(math.acos), "Atan": _math_unary_double(math.atan),
         "Sinh": _math_unary_double(math.sinh), "Cosh": _math_unary_double(math.cosh),
         "Tanh": _math_unary_double(math.tanh),
         "Atan2": lambda y, x: math.atan2(_d(y), _d(x)), "Sign": math_sign, "Clamp": math_clamp,
         "DivRem": math_divrem, "BigMul": lambda a, b: Int64(_i(a) * _i(b)),
         "IEEERemainder": lambda a, b: math.remainder(_d(a), _d(b)) if _d(b) else float("nan")})


# --- integer / floating types --------------------------------------------------------------------

def _integer_table(type_name: str) -> Table:
    t = resolve_type(type_name)
    cls_info = conv._INTEGER_TYPES[type_name]
    lo, hi = cls_info[1], cls_info[2]

    def parse(text: Any, *rest: Any) -> Any:
        s = _s(text) if text is not None else None
        if s is None:
            raise ArgumentNullException(None, param_name="s")
        stripped = _invariant_number_text(s, rest).strip()
        try:
            number = int(stripped, 10) if stripped.lstrip("+-").isdigit() else None
        except ValueError:
            number = None
        if number is None:
            raise FormatException(f"The input string '{s}' was not in a correct format.")
        if not lo <= number <= hi:
            raise OverflowException(conv.overflow_message(type_name))
        return t.convert(number)

    def try_parse(text: Any, ref: Any) -> bool:
        try:
            value = parse(text)
        except (FormatException, OverflowException, ArgumentNullException):
            _set_ref(ref, t.convert(0), 2)
            return False
        _set_ref(ref, value, 2)
        return True

    return make_table({"MaxValue": const(t.convert(hi)), "MinValue": const(t.convert(lo))},
                  {"Parse": parse, "TryParse": try_parse})


def _invariant_number_text(text: str, rest: Sequence[Any]) -> str:
    """Number text written in the culture a Parse call names (the current
    culture without one), rewritten with invariant symbols: group
    separators dropped, the decimal mark a point, the minus sign ``-``."""
    from .formatting_net import number_format
    provider = next((arg for arg in rest if type(arg).__name__ in _PROVIDER_CLASSES), None)
    nfi = number_format(provider)
    decimal, group, minus = nfi.NumberDecimalSeparator, nfi.NumberGroupSeparator, nfi.NegativeSign
    if decimal == "." and minus == "-":
        return text
    if group in (" ", "\u00a0", "\u202f"):
        text = text.replace("\u00a0", group).replace("\u202f", group).replace(" ", group)
    return text.replace(group, "\0").replace(decimal, ".").replace(minus, "-").replace("\0", ",")


def _double_parse(text: Any, *rest: Any) -> float:
    if text is None:
        raise ArgumentNullException(None, param_name="s")
    s = _s(text)
    try:
        return conv.convert_to_double(_invariant_number_text(s, rest)) if s.strip() else _raise_format(s)
    except conv.PSInvalidCastException:
        return _raise_format(s)


def _raise_format(s: str) -> Any:
    raise FormatException(f"The input string '{s}' was not in a correct format.")


def _double_table(single: bool) -> Table:
    wrap: Callable[[float], Any] = Single if single else float
    max_value = 3.4028234663852886e38 if single else sys.float_info.max
    epsilon = 1.401298464324817e-45 if single else 5e-324

    def try_parse(text: Any, ref: Any) -> bool:
        try:
            value = _double_parse(text)
        except (FormatException, ArgumentNullException):
            _set_ref(ref, wrap(0.0), 2)
            return False
        _set_ref(ref, wrap(value), 2)
        return True

    return make_table(
        {"MaxValue": const(wrap(max_value)), "MinValue": const(wrap(-max_value)),
         "Epsilon": const(wrap(epsilon)), "NaN": const(wrap(float("nan"))),
         "PositiveInfinity": const(wrap(float("inf"))), "NegativeInfinity": const(wrap(float("-inf")))},
        {"Parse": lambda text, *rest: wrap(_double_parse(text, *rest)), "TryParse": try_parse,
         "IsNaN": lambda v: _d(v) != _d(v), "IsInfinity": lambda v: _d(v) in (float("inf"), float("-inf")),
         "IsPositiveInfinity": lambda v: _d(v) == float("inf"),
         "IsNegativeInfinity": lambda v: _d(v) == float("-inf"),
         "IsFinite": lambda v: math.isfinite(_d(v))})


def _decimal_table() -> Table:
    def parse(text: Any, *rest: Any) -> Decimal:
        try:
            return conv.convert_to_decimal(_invariant_number_text(_s(text), rest))
        except conv.PSInvalidCastException:
            raise FormatException(f"The input string '{_s(text)}' was not in a correct format.") from None

    def try_parse(text: Any, ref: Any) -> bool:
        try:
            _set_ref(ref, parse(text), 2)
            return True
        except FormatException:
            _set_ref(ref, Decimal(0), 2)
            return False

    return make_table({"MaxValue": const(conv.DECIMAL_MAX), "MinValue": const(-conv.DECIMAL_MAX),
                   "Zero": const(Decimal(0)), "One": const(Decimal(1)), "MinusOne": const(Decimal(-1))},
                  {"Parse": parse, "TryParse": try_parse, "Round": math_round,
                   "Floor": _floor_ceiling(math.floor, ROUND_FLOOR),
                   "Ceiling": _floor_ceiling(math.ceil, ROUND_CEILING), "Truncate": math_truncate})


def _bool_table() -> Table:
    def parse(text: Any) -> bool:
        s = _s(text).strip()
        if s.lower() == "true":
            return True
        if s.lower() == "false":
            return False
        raise FormatException(f"String '{_s(text)}' was not recognized as a valid Boolean.")

    def try_parse(text: Any, ref: Any) -> bool:
        try:
            _set_ref(ref, parse(text), 2)
            return True
        except FormatException:
            _set_ref(ref, False, 2)
            return False

    return make_table({"TrueString": const("True"), "FalseString": const("False")},
                  {"Parse": parse, "TryParse": try_parse})


# --- strings and chars ------------------------------------------------------------------------

def string_join(separator: Any, *values: Any) -> str:
    """``[string]::Join(sep, array)`` or ``(sep, a, b, c)``."""
    if len(values) == 1:
        items = _items(values[0]) if values[0] is not None else []
    else:
        items = list(values)
    return _s(separator).join(conv.dotnet_to_string(v) for v in items)


def string_format(fmt: Any, *args: Any) -> str:
    """``[string]::Format(format, args)`` and ``Format(provider, format, args)``
    (a culture or format object first): the current culture unless one is given."""
    from .formatting_net import composite_format
    provider = None
    if args and not isinstance(fmt, str) and type(fmt).__name__ in _PROVIDER_CLASSES:
        provider, fmt, args = fmt, args[0], args[1:]
    if fmt is None:
        raise ArgumentNullException(None, param_name="format")
    if len(args) == 1 and isinstance(args[0], (list, tuple)):
        args = tuple(args[0])
    return composite_format(_s(fmt), args, provider)


# The IFormatProvider classes (cultures.py) String.Format takes as its first argument.
_PROVIDER_CLASSES = frozenset(("CultureInfo", "NumberFormatInfo", "DateTimeFormatInfo"))


def string_compare(a: Any, b: Any, mode: Any = None, *rest: Any) -> int:
    ignore_case = False
    if isinstance(mode, bool):
        ignore_case = mode
    elif mode is not None:
        comparison = int(resolve_type("System.StringComparison").convert(mode))
        ignore_case = comparison in (1, 3, 5)
    if a is None or b is None:
        return (a is not None) - (b is not None)
    return compare_strings(_s(a), _s(b), not ignore_case)


def _string_table() -> Table:
    return make_table(
        {"Empty": const("")},
        {"IsNullOrEmpty": lambda v: v is None or _s(v) == "",
         "IsNullOrWhiteSpace": lambda v: v is None or _s(v).strip() == "",
         "Join": string_join, "Format": string_format,
         "Concat": lambda *vals: "".join(conv.dotnet_to_string(v) for v in
                                         (_items(vals[0]) if len(vals) == 1 else vals)),
         "Compare": string_compare,
         "CompareOrdinal": lambda a, b: (_s(a) > _s(b)) - (_s(a) < _s(b)),
         "Equals": lambda a, b, *rest: (_s(a) == _s(b)) if not rest else string_compare(a, b, rest[0]) == 0,
         "Copy": lambda v: _s(v)})


def _char_arg(value: Any, index: Any = None) -> str:
    if index is not None:
        return _s(value)[_i(index)]
    return conv.convert_to_char(value)


def _char_predicate(test: Callable[[str], bool]) -> Callable[..., bool]:
    return lambda value, index=None: test(_char_arg(value, index))


def _is_punctuation(c: str) -> bool:
    import unicodedata
    return unicodedata.category(c).startswith("P")


def _is_symbol(c: str) -> bool:
    import unicodedata
    return unicodedata.category(c).startswith("S")


def _char_table() -> Table:
    return make_table(
        {"MaxValue": const(Char("\uffff")), "MinValue": const(Char("\0"))},
        {"IsDigit": _char_predicate(lambda c: c.isdecimal()),
         "IsNumber": _char_predicate(lambda c: c.isnumeric()),
         "IsLetter": _char_predicate(lambda c: c.isalpha()),
         "IsLetterOrDigit": _char_predicate(lambda c: c.isalpha() or c.isdecimal()),
         "IsWhiteSpace": _char_predicate(lambda c: c.isspace()),
         "IsUpper": _char_predicate(lambda c: c.isupper()),
         "IsLower": _char_predicate(lambda c: c.islower()),
         "IsPunctuation": _char_predicate(_is_punctuation),
         "IsSymbol": _char_predicate(_is_symbol),
         "IsControl": _char_predicate(lambda c: ord(c) < 32 or 127 <= ord(c) < 160),
         "IsAscii": _char_predicate(lambda c: ord(c) < 128),
         "ToUpper": lambda c: Char(_char_arg(c).upper()[:1]),
         "ToLower": lambda c: Char(_char_arg(c).lower()[:1]),
         "ConvertFromUtf32": lambda n: chr(_i(n)),
         "ConvertToUtf32": lambda s, i=0: ord(_s(s)[_i(i)]),
         "GetNumericValue": lambda c, i=None: _numeric_value(_char_arg(c, i)),
         "Parse": lambda s: conv.convert_to_char(_s(s)),
         "ToString": lambda c: _s(c)})


def _numeric_value(c: str) -> float:
    import unicodedata
    return float(unicodedata.numeric(c, -1.0))


# --- guid, dates, time spans -------------------------------------------------------------------

def _guid_parse(text: Any) -> uuid.UUID:
    result = conv.parse_guid(_s(text))
    if result is None:
        raise FormatException("Unrecognized Guid format.")
    return result


def _guid_table() -> Table:
    def try_parse(text: Any, ref: Any) -> bool:
        result = conv.parse_guid(_s(text))
        _set_ref(ref, result or uuid.UUID(int=0), 2)
        return result is not None

    return make_table({"Empty": const(uuid.UUID(int=0))},
                  {"NewGuid": lambda: uuid.uuid4(), "Parse": _guid_parse, "TryParse": try_parse,
                   "ParseExact": lambda text, fmt: _guid_parse(text)})


def _ip_table() -> Table:
    """``[ipaddress]``'s parsing and well-known addresses (a fresh object per read, as .NET's are mutable)."""
    def try_parse(text: Any, ref: Any) -> bool:
        result = ip_address.try_parse(_s(text)) if text is not None else None
        _set_ref(ref, result, 2)
        return result is not None

    def is_loopback(address: Any) -> bool:
        if not isinstance(address, ip_address.IPAddress):
            raise ArgumentNullException("Value cannot be null.", param_name="address")
        return address.is_loopback

    well_known = {"Any": "0.0.0.0", "Loopback": "127.0.0.1", "Broadcast": "255.255.255.255", "None": "255.255.255.255",
                  "IPv6Any": "::", "IPv6Loopback": "::1", "IPv6None": "::"}
    return make_table({name: (lambda text=text: ip_address.parse(text)) for name, text in well_known.items()},
                      {"Parse": ip_address.parse, "TryParse": try_parse, "IsLoopback": is_loopback})


def _mac_table() -> Table:
    """``[PhysicalAddress]::Parse``/``TryParse`` and ``::None`` (no bytes)."""
    def try_parse(text: Any, ref: Any) -> bool:
        result = physical_address.try_parse(None if text is None else _s(text))
        _set_ref(ref, result, 2)
        return result is not None

    return make_table({"None": lambda: physical_address.PhysicalAddress(b"")},
                      {"Parse": physical_address.parse, "TryParse": try_parse})


def _semver_table() -> Table:
    """``[semver]::Parse``/``TryParse``/``Compare``."""
    def try_parse(text: Any, ref: Any) -> bool:
        result = SemanticVersion.try_parse(_s(text)) if text is not None else None
        _set_ref(ref, result, 2)
        return result is not None

    def compare_versions(a: Any, b: Any) -> int:
        """The binder converts both arguments to SemanticVersion first; $null sorts first."""
        from .types import find_type
        semver = find_type(SemanticVersion.full_name)
        a, b = semver.convert(a), semver.convert(b)
        if a is None:
            return 0 if b is None else -1
        return a.compare_to(b)

    return make_table({}, {"Parse": lambda text: SemanticVersion.parse(None if text is None else _s(text)),
                           "TryParse": try_parse, "Compare": compare_versions})


def _datetime_parse(text: Any, *rest: Any) -> _dt.datetime:
    """``DateTime.Parse(s[, provider])``: the culture's numeric date and time
    patterns first (the current culture's without a provider), then the
    invariant forms."""
    if text is None:
        raise ArgumentNullException(None, param_name="s")
    from .formatting_net import date_format
    provider = next((arg for arg in rest if type(arg).__name__ in _PROVIDER_CLASSES), None)
    dtfi = date_format(provider)
    if dtfi.ShortDatePattern != "MM/dd/yyyy":
        short = dtfi.ShortDatePattern
        for pattern in (short + " " + dtfi.LongTimePattern, short + " " + dtfi.ShortTimePattern, short):
            try:
                lenient = pattern.replace("dd", "d").replace("MM", "M").replace("HH", "H").replace("hh", "h")
                return datetime_parse_exact(text, lenient.replace("/", dtfi.DateSeparator), dtfi, 0)
            except FormatException:
                continue
    result = conv.parse_datetime(_s(text))
    if result is None:
        raise FormatException(f"The string '{_s(text)}' was not recognized as a valid DateTime.")
    return result


def datetime_parse_exact(text: Any, fmt: Any, provider: Any = None, styles: Any = None) -> _dt.datetime:
    """``DateTime.ParseExact`` for custom formats (``yyyy-MM-dd HH:mm``) and
    the round-trip/sortable standard ones; month names and AM/PM designators
    are the provider's culture's (the current culture's without one)."""
    from .formatting_net import _STANDARD_DATE, date_format
    dtfi = date_format(provider)
    s = _s(text)
    formats = [_s(f) for f in _items(fmt)]
    for f in formats:
        if len(f) == 1 and f in _STANDARD_DATE:
            f = _STANDARD_DATE[f]
        import re
        try:
            m = re.fullmatch(_exact_pattern(f), s.strip() if styles is not None else s, re.IGNORECASE)
        except re.error:
            # A format naming the same field twice cannot be matched exactly.
            m = None
        if m:
            try:
                return _build_date(m.groupdict(), dtfi)
            except FormatException:  # a name that is no month: the next format may fit
                continue
    raise FormatException(f"String '{s}' was not recognized as a valid DateTime.")


_EXACT_TOKENS = {
    "yyyy": r"(?P<year>\d{4})", "yy": r"(?P<yy>\d{2})", "MMMM": r"(?P<monthname>[^\W\d_]+\.?)",
    "MMM": r"(?P<mon>[^\W\d_]+\.?)", "MM": r"(?P<month>\d{2})", "M": r"(?P<month>\d{1,2})",
    "dddd": r"(?:[A-Za-z]+)", "ddd": r"(?:[A-Za-z]{3})", "dd": r"(?P<day>\d{2})", "d": r"(?P<day>\d{1,2})",
    "HH": r"(?P<hour>\d{2})", "H": r"(?P<hour>\d{1,2})", "hh": r"(?P<hour12>\d{2})", "h": r"(?P<hour12>\d{1,2})",
    "mm": r"(?P<minute>\d{2})", "m": r"(?P<minute>\d{1,2})", "ss": r"(?P<second>\d{2})",
    "s": r"(?P<second>\d{1,2})", "tt": r"(?P<ampm>[^\W\d_]+)", "K": r"(?P<tz>Z|[+-]\d{2}:\d{2})?",
    "zzz": r"(?P<tz>[+-]\d{2}:\d{2})", "fffffff": r"(?P<frac>\d{7})", "ffffff": r"(?P<frac>\d{6})",
    "fffff": r"(?P<frac>\d{5})", "ffff": r"(?P<frac>\d{4})", "fff": r"(?P<frac>\d{3})",
    "ff": r"(?P<frac>\d{2})", "f": r"(?P<frac>\d{1})",
}


def _exact_pattern(fmt: str) -> str:
    import re
    out, i = [], 0
    keys = sorted(_EXACT_TOKENS, key=len, reverse=True)
    while i < len(fmt):
        c = fmt[i]
        if c in "'\"":
            end = fmt.find(c, i + 1)
            end = len(fmt) if end < 0 else end
            out.append(re.escape(fmt[i + 1:end]))
            i = end + 1
            continue
        if c == "\\" and i + 1 < len(fmt):
            out.append(re.escape(fmt[i + 1]))
            i += 2
            continue
        for key in keys:
            if fmt.startswith(key, i):
                out.append(_EXACT_TOKENS[key])
                i += len(key)
                break
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


def _month_number(name: str, dtfi: Any) -> int:
    """A month's number from its name in the culture (full or abbreviated,
    nominative or genitive), else from an English name's first letters."""
    from .culture_data import ENGLISH_MONTHS
    wanted = name.lower().rstrip(".")
    for names in (dtfi.MonthNames, dtfi.MonthGenitiveNames, dtfi.AbbreviatedMonthNames,
                  dtfi.AbbreviatedMonthGenitiveNames):
        for index, candidate in enumerate(names[:12]):
            if candidate and candidate.lower().rstrip(".") == wanted:
                return index + 1
    number = next((i + 1 for i, m in enumerate(ENGLISH_MONTHS) if m and m.lower().startswith(wanted[:3])), None)
    if number is None:
        raise FormatException(f"String '{name}' was not recognized as a valid DateTime.")
    return number


def _build_date(parts: dict[str, Optional[str]], dtfi: Any) -> _dt.datetime:
    year = int(parts.get("year") or 0) or (2000 + int(parts["yy"]) if parts.get("yy") else 0)
    if not year:
        year = _dt.date.today().year
    month = 1
    if parts.get("month"):
        month = int(parts["month"])  # type: ignore[arg-type]
    elif parts.get("monthname") or parts.get("mon"):
        month = _month_number(parts.get("monthname") or parts.get("mon") or "", dtfi)
    day = int(parts.get("day") or 1)
    hour = int(parts.get("hour") or 0)
    if parts.get("hour12"):
        hour = int(parts["hour12"]) % 12  # type: ignore[arg-type]
        designator = (parts.get("ampm") or "").upper()
        if designator in ("PM", dtfi.PMDesignator.upper()):
            hour += 12
    minute = int(parts.get("minute") or 0)
    second = int(parts.get("second") or 0)
    micro = int((parts.get("frac") or "0").ljust(7, "0")[:6])
    value = _dt.datetime(year, month, day, hour, minute, second, micro)
    tz = parts.get("tz")
    if tz:
        offset = _dt.timedelta(0) if tz == "Z" else _dt.timedelta(
            hours=int(tz[1:3]), minutes=int(tz[4:6])) * (1 if tz[0] == "+" else -1)
        value = value.replace(tzinfo=_dt.timezone(offset)).astimezone().replace(tzinfo=None)
    return value


def _days_in_month(year: Any, month: Any) -> int:
    import calendar
    y, m = _i(year), _i(month)
    if not 1 <= m <= 12:
        raise ArgumentOutOfRangeException("Month must be between one and twelve.", param_name="month")
    return calendar.monthrange(y, m)[1]


def _is_leap_year(year: Any) -> bool:
    import calendar
    return calendar.isleap(_i(year))


def _datetime_table() -> Table:
    def try_parse(text: Any, ref: Any) -> bool:
        result = conv.parse_datetime(_s(text)) if text is not None else None
        _set_ref(ref, result or _dt.datetime(1, 1, 1), 2)
        return result is not None

    def specify_kind(value: Any, kind: Any) -> _dt.datetime:
        k = int(resolve_type("System.DateTimeKind").convert(kind))
        naive = conv.convert_to_datetime(value).replace(tzinfo=None)
        return naive.replace(tzinfo=_dt.timezone.utc) if k == 1 else naive

    def from_file_time(ticks: Any, utc: bool = False) -> _dt.datetime:
        value = _dt.datetime(1601, 1, 1, tzinfo=_dt.timezone.utc) + _dt.timedelta(
            microseconds=conv.convert_to_integer(ticks, "System.Int64") // 10)
        return value if utc else value.astimezone().replace(tzinfo=None)

    return make_table(
        {"Now": lambda: _dt.datetime.now(), "UtcNow": lambda: _dt.datetime.now(_dt.timezone.utc),
         "Today": lambda: _dt.datetime.combine(_dt.date.today(), _dt.time()),
         "MinValue": const(_dt.datetime(1, 1, 1)),
         "MaxValue": const(_dt.datetime(9999, 12, 31, 23, 59, 59, 999999)),
         "UnixEpoch": const(_dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc))},
        {"Parse": _datetime_parse, "TryParse": try_parse, "ParseExact": datetime_parse_exact,
         "DaysInMonth": _days_in_month, "IsLeapYear": _is_leap_year,
         "SpecifyKind": specify_kind, "FromFileTime": lambda t: from_file_time(t),
         "FromFileTimeUtc": lambda t: from_file_time(t, True),
         "Compare": lambda a, b: (conv.convert_to_datetime(a) > conv.convert_to_datetime(b))
         - (conv.convert_to_datetime(a) < conv.convert_to_datetime(b))})


def _timespan_table() -> Table:
    def from_unit(unit: str) -> Callable[[Any], _dt.timedelta]:
        def method(value: Any) -> _dt.timedelta:
            try:
                return _dt.timedelta(**{unit: _d(value)})
            except OverflowError:
                raise OverflowException("TimeSpan overflowed because the duration is too long.") from None
        return method

    def parse(text: Any, *_rest: Any) -> _dt.timedelta:
        result = conv.parse_timespan(_s(text))
        if result is None:
            raise FormatException(f"String '{_s(text)}' was not recognized as a valid TimeSpan.")
        return result

    def try_parse(text: Any, ref: Any) -> bool:
        result = conv.parse_timespan(_s(text))
        _set_ref(ref, result or _dt.timedelta(0), 2)
        return result is not None

    return make_table(
        {"Zero": const(_dt.timedelta(0)), "MaxValue": const(_dt.timedelta.max),
         "MinValue": const(_dt.timedelta.min), "TicksPerSecond": const(Int64(10000000)),
         "TicksPerMillisecond": const(Int64(10000)), "TicksPerMinute": const(Int64(600000000)),
         "TicksPerHour": const(Int64(36000000000)), "TicksPerDay": const(Int64(864000000000))},
        {"FromDays": from_unit("days"), "FromHours": from_unit("hours"),
         "FromMinutes": from_unit("minutes"), "FromSeconds": from_unit("seconds"),
         "FromMilliseconds": from_unit("milliseconds"),
         "FromTicks": lambda t: conv.timespan_from_ticks(conv.convert_to_integer(t, "System.Int64")),
         "Parse": parse, "TryParse": try_parse})


# --- Convert -----------------------------------------------------------------------------------

def convert_to_base64(data: Any, *rest: Any) -> str:
    import base64
    raw = to_bytes(data)
    line_breaks = False
    if len(rest) == 1:
        line_breaks = int(conv.convert_to_enum(rest[0], BASE64_OPTIONS)) == 1
    elif len(rest) >= 2:
        offset, length = _i(rest[0]), _i(rest[1])
        raw = raw[offset:offset + length]
        line_breaks = len(rest) > 2 and int(conv.convert_to_enum(rest[2], BASE64_OPTIONS)) == 1
    text = base64.b64encode(raw).decode("ascii")
    if line_breaks:
        text = "\r\n".join(text[i:i + 76] for i in range(0, len(text), 76))
    return text


def convert_from_base64(text: Any) -> TypedArray:
    import base64
    import binascii
    if text is None:
        raise ArgumentNullException(None, param_name="s")
    s = "".join(_s(text).split())
    try:
        if len(s) % 4:
            raise binascii.Error
        return bytes_array(base64.b64decode(s, validate=True))
    except (binascii.Error, ValueError):
        raise FormatException("The input is not a valid Base-64 string as it contains a non-base 64 "
                              "character, more than two padding characters, or an illegal character "
                              "among the padding characters.") from None


def _convert_integer(type_name: str) -> Callable[..., Any]:
    def method(value: Any, base: Any = None) -> Any:
        if base is not None:
            radix = _i(base)
            if radix not in (2, 8, 10, 16):
                raise ArgumentException("Invalid Base.", param_name="fromBase")
            s = _s(value).strip()
            if radix == 16 and s.lower().startswith("0x"):
                s = s[2:]
            try:
                number = int(s, radix)
            except ValueError:
                raise FormatException("Could not find any recognizable digits.") from None
            bits = {"System.Int32": 32, "System.Int64": 64, "System.Int16": 16, "System.Byte": 8,
                    "System.UInt32": 32, "System.UInt64": 64, "System.UInt16": 16, "System.SByte": 8}[type_name]
            if radix != 10 and type_name in ("System.Int32", "System.Int64", "System.Int16", "System.SByte") \
                    and number >= 1 << (bits - 1) and number < 1 << bits:
                number -= 1 << bits
            return conv.convert_to_integer(number, type_name) if _in_range(number, type_name) else \
                _raise_overflow(type_name)
        if isinstance(value, str):
            s = value.strip()
            if not s.lstrip("+-").isdigit():
                raise FormatException(f"The input string '{value}' was not in a correct format.")
            number = int(s)
            if not _in_range(number, type_name):
                _raise_overflow(type_name)
            return conv.convert_to_integer(number, type_name)
        if value is None:
            return conv.convert_to_integer(0, type_name)
        try:
            return conv.convert_to_integer(value, type_name)
        except conv.PSInvalidCastException:
            if isinstance(value, (int, float, Decimal)):
                _raise_overflow(type_name)
            raise InvalidCastException(f"Unable to cast object of type '{type_of(value).full_name}' to type "
                                       f"'System.IConvertible'.") from None
    return method


def _in_range(number: int, type_name: str) -> bool:
    _, lo, hi = conv._INTEGER_TYPES[type_name]
    return lo <= number <= hi


def _raise_overflow(type_name: str) -> Any:
    raise OverflowException(conv.overflow_message(type_name))


def convert_to_string_base(value: Any, base: Any = None) -> str:
    if base is None:
        if isinstance(value, (_dt.datetime,)):
            from .formatting_net import format_datetime
            return format_datetime(value, "G")
        return conv.dotnet_to_string(value)
    radix = _i(base)
    if radix not in (2, 8, 10, 16):
        raise ArgumentException("Invalid Base.", param_name="toBase")
    number = int(value) if isinstance(value, int) else _i(value)
    if number < 0 and radix != 10:
        from .formatting_net import _integer_width_bits
        number &= (1 << _integer_width_bits(value if isinstance(value, int) else number)) - 1
    if radix == 10:
        return str(number)
    return format(number, {2: "b", 8: "o", 16: "x"}[radix])


def convert_to_boolean(value: Any) -> bool:
    if isinstance(value, str):
        s = value.strip().lower()
        if s in ("true", "false"):
            return s == "true"
        raise FormatException(f"String '{value}' was not recognized as a valid Boolean.")
    if value is None:
        return False
    return conv.to_bool(value)


def _convert_table() -> Table:
    import binascii
    return make_table(
        {"DBNull": const(None)},
        {"ToBase64String": convert_to_base64, "FromBase64String": convert_from_base64,
         "ToInt32": _convert_integer("System.Int32"), "ToInt64": _convert_integer("System.Int64"),
         "ToInt16": _convert_integer("System.Int16"), "ToByte": _convert_integer("System.Byte"),
         "ToSByte": _convert_integer("System.SByte"), "ToUInt16": _convert_integer("System.UInt16"),
         "ToUInt32": _convert_integer("System.UInt32"), "ToUInt64": _convert_integer("System.UInt64"),
         "ToString": convert_to_string_base, "ToBoolean": convert_to_boolean,
         "ToDouble": lambda v: _convert_float(v, False), "ToSingle": lambda v: _convert_float(v, True),
         "ToDecimal": lambda v: conv.convert_to_decimal(v),
         "ToChar": lambda v: conv.convert_to_char(v),
         "ToDateTime": lambda v: conv.convert_to_datetime(v) if v is not None else _dt.datetime(1, 1, 1),
         "ToHexString": lambda data, *r: binascii.hexlify(_slice_bytes(data, r)).decode("ascii").upper(),
         "ToHexStringLower": lambda data, *r: binascii.hexlify(_slice_bytes(data, r)).decode("ascii"),
         "FromHexString": _from_hex,
         "ChangeType": lambda v, t: conv.convert_to(v, t)})


def _slice_bytes(data: Any, rest: tuple) -> bytes:
    raw = to_bytes(data)
    if len(rest) == 2:
        raw = raw[_i(rest[0]):_i(rest[0]) + _i(rest[1])]
    return raw


def _from_hex(text: Any) -> TypedArray:
    s = _s(text)
    if len(s) % 2:
        raise FormatException("The input is not a valid hex string as its length is not a multiple of 2.")
    try:
        return bytes_array(bytes.fromhex(s))
    except ValueError:
        raise FormatException("The input is not a valid hex string as it contains a non-hex character.") from None


def _convert_float(value: Any, single: bool) -> float:
    if isinstance(value, str):
        return Single(_double_parse(value)) if single else _double_parse(value)
    return conv.convert_to_double(value, single)


# --- Text.Encoding --------------------------------------------------------------------------------

def _encoding_table() -> Table:
    def get_encoding(name: Any) -> Any:
        if isinstance(name, int) and not isinstance(name, bool) or isinstance(name, (Byte, Int64)):
            number = int(name)
            known = {65001: "utf8nobom", 20127: "ascii", 1200: "unicode", 1201: "bigendianunicode",
                     12000: "utf32", 28591: "latin1"}.get(number)
            return encoding(known) if known is not None else code_page_encoding(number)
        key = _s(name).lower().replace("-", "").replace("_", "")
        by_web_name = code_page_encoding(_s(name))
        if by_web_name is not None:
            return by_web_name
        mapping = {"utf8": "utf8nobom", "65001": "utf8nobom", "ascii": "ascii", "usascii": "ascii",
                   "20127": "ascii", "utf16": "unicode", "unicode": "unicode", "1200": "unicode",
                   "utf16be": "bigendianunicode", "unicodefffe": "bigendianunicode",
                   "1201": "bigendianunicode", "utf32": "utf32", "12000": "utf32",
                   "iso88591": "latin1", "latin1": "latin1", "28591": "latin1"}
        if key not in mapping:
            raise ArgumentException(f"'{_s(name)}' is not a supported encoding name. For information on "
                                    f"defining a custom encoding, see the documentation for the "
                                    f"Encoding.RegisterProvider method.", param_name="name")
        return encoding(mapping[key])

    return make_table(
        {"UTF8": lambda: encoding("utf8"), "ASCII": lambda: encoding("ascii"),
         "Unicode": lambda: encoding("unicode"), "BigEndianUnicode": lambda: encoding("bigendianunicode"),
         "UTF32": lambda: encoding("utf32"), "Default": lambda: encoding("utf8nobom"),
         "Latin1": lambda: encoding("latin1")},
        {"GetEncoding": get_encoding})


# --- Regex ---------------------------------------------------------------------------------------

def _regex_table() -> Table:
    from .netregex import INFINITE_MATCH_TIMEOUT, Regex
    from .operators import match_evaluator

    def make(pattern: Any, options: Any, timeout: Any = None) -> Regex:
        opts = int(resolve_type("System.Text.RegularExpressions.RegexOptions").convert(options)) \
            if options is not None else 0
        return Regex(_s(pattern), opts, conv.convert_to_timespan(timeout) if timeout is not None else None)

    def escape(text: Any) -> str:
        out = []
        for c in _s(text):
            if c in "\\*+?|{[()^$.# ":
                out.append("\\" + c)
            elif c == "\t":
                out.append("\\t")
            elif c == "\n":
                out.append("\\n")
            elif c == "\r":
                out.append("\\r")
            elif c == "\f":
                out.append("\\f")
            else:
                out.append(c)
        return "".join(out)

    def replace(text: Any, pattern: Any, replacement: Any, options: Any = None, timeout: Any = None) -> str:
        evaluator = match_evaluator(replacement)
        return make(pattern, options, timeout).Replace(_s(text), evaluator if evaluator is not None
                                                       else _s(replacement))

    return make_table({"InfiniteMatchTimeout": const(INFINITE_MATCH_TIMEOUT), "CacheSize": const(15)}, {
        "Escape": escape, "Unescape": regex_unescape,
        "IsMatch": lambda text, pattern, options=None, timeout=None: make(pattern, options, timeout).IsMatch(
            _s(text)),
        "Match": lambda text, pattern, options=None, timeout=None: make(pattern, options, timeout).Match(_s(text)),
        "Matches": lambda text, pattern, options=None, timeout=None: make(pattern, options, timeout).Matches(
            _s(text)),
        "Count": lambda text, pattern, options=None, timeout=None: make(pattern, options, timeout).Count(_s(text)),
        "Replace": replace,
        "Split": lambda text, pattern, options=None, timeout=None: string_array(
            make(pattern, options, timeout).Split(_s(text))),
    })


_UNESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "a": "\a", "e": "\x1b", "v": "\v", "b": "\b"}


def regex_unescape(text: Any) -> str:
    """``[regex]::Unescape``: .NET's character escapes (``\\t``, ``\\n``,
    ``\\uXXXX``, ``\\xXX``, octal ``\\0nn``, ``\\cX``); any other escaped
    character stands for itself."""
    import re

    def one(m: "re.Match[str]") -> str:
        body = m.group(1)
        if body[0] in "ux":
            return chr(int(body[1:], 16))
        if body[0] == "c":
            return chr(ord(body[1].upper()) - 64)
        if body[0].isdigit() and len(body) > 1:
            return chr(int(body, 8))
        return _UNESCAPES.get(body, body)
    return re.sub(r"\\(u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|c[A-Za-z]|0[0-7]{1,2}|[1-7][0-7]{2}|.)", one, _s(text),
                  flags=re.DOTALL)


# --- Array, Enum, misc ---------------------------------------------------------------------------

def _array_reverse(arr: Any, index: Any = None, length: Any = None) -> None:
    if not isinstance(arr, list):
        raise ArgumentNullException(None, param_name="array")
    if index is None:
        arr.reverse()
    else:
        i, n = _i(index), _i(length)
        arr[i:i + n] = arr[i:i + n][::-1]


def _array_sort(arr: Any, items: Any = None) -> None:
    import functools
    if not isinstance(arr, list):
        raise ArgumentNullException(None, param_name="array")
    if items is not None and hasattr(items, "invoke"):  # Sort(T[], Comparison[T]): a script block or delegate
        def cmp(a: Any, b: Any) -> int:
            result = items.invoke(a, b)
            return conv.convert_to_integer(result[0] if isinstance(result, list) and result else result)
        arr.sort(key=functools.cmp_to_key(cmp))
        return
    if items is not None and isinstance(items, list):
        pairs = sorted(zip(arr, items), key=functools.cmp_to_key(lambda a, b: compare(a[0], b[0], True)))
        arr[:] = [p[0] for p in pairs]
        items[:] = [p[1] for p in pairs]
        return
    arr.sort(key=functools.cmp_to_key(lambda a, b: compare(a, b, True)))


def _array_index_of(arr: Any, value: Any, start: Any = 0) -> int:
    for i, item in enumerate(_items(arr)):
        if i >= _i(start) and equals(item, value, True):
            return i
    return -1


def _array_last_index_of(arr: Any, value: Any) -> int:
    items = _items(arr)
    for i in range(len(items) - 1, -1, -1):
        if equals(items[i], value, True):
            return i
    return -1


def _array_create(element_type: Any, length: Any) -> TypedArray:
    t = resolve_type(element_type) if not hasattr(element_type, "convert") else element_type
    default = None if not t.is_value_type else t.new([])
    return TypedArray([default] * _i(length), t)


@generic(1)
def _array_empty(element_type: Any) -> TypedArray:
    """``[Array]::Empty[T]()``: an empty ``T[]``."""
    return TypedArray([], element_type)


def _array_table() -> Table:
    return make_table({}, {
        "Reverse": _array_reverse, "Sort": _array_sort, "IndexOf": _array_index_of,
        "LastIndexOf": _array_last_index_of,
        "Exists": lambda arr, pred: any(conv.to_bool(pred(x)) for x in _items(arr)),
        "Clear": lambda arr, index=0, length=None: _array_clear(arr, index, length),
        "CreateInstance": _array_create, "Empty": _array_empty,
        "Copy": lambda src, dst, length: _array_copy(src, dst, length),
        "Resize": _array_resize,
    })


def _array_clear(arr: Any, index: Any, length: Any) -> None:
    start = _i(index)
    end = len(arr) if length is None else start + _i(length)
    for i in range(start, end):
        arr[i] = None


def _array_copy(src: Any, dst: Any, length: Any) -> None:
    n = _i(length)
    dst[:n] = list(_items(src))[:n]


def _array_resize(ref: Any, size: Any) -> None:
    if not isinstance(ref, PSReference):
        raise MethodException("Argument: '1' should be a System.Management.Automation.PSReference. Use [ref].",
                              error_id="NonRefArgumentToRefParameterMsg")
    current = list(_items(ref.Value)) if ref.Value is not None else []
    n = _i(size)
    ref.Value = (current + [None] * n)[:n]


def _enum_type_arg(value: Any) -> Any:
    t = resolve_type(value) if isinstance(value, str) else value
    if getattr(t, "enum", None) is None:
        raise ArgumentException("Type provided must be an Enum.", param_name="enumType")
    return t


def _enum_table() -> Table:
    return make_table({}, {
        "GetNames": lambda t: string_array(list(_enum_type_arg(t).enum.members)),
        "GetValues": lambda t: _enum_type_arg(t).get_enum_values(),
        "GetName": lambda t, v: _enum_type_arg(t).enum._by_value.get(int(_enum_type_arg(t).convert(v))),
        "Parse": lambda t, s, ignore_case=True: _enum_type_arg(t).convert(_s(s)),
        "TryParse": lambda t, s, *rest: _enum_try_parse(t, s, rest),
        "IsDefined": lambda t, v: (_s(v) in _enum_type_arg(t).enum.members) if isinstance(v, str)
        else int(v) in _enum_type_arg(t).enum._by_value,
        "ToObject": lambda t, v: _enum_type_arg(t).enum.value(_i(v)),
        "GetUnderlyingType": lambda t: resolve_type(_enum_type_arg(t).enum.underlying),
    })


def _enum_try_parse(t: Any, s: Any, rest: tuple) -> bool:
    ref = rest[-1] if rest else None
    try:
        _set_ref(ref, _enum_type_arg(t).convert(_s(s)), len(rest) + 2)
        return True
    except conv.PSInvalidCastException:
        _set_ref(ref, None, len(rest) + 2)
        return False


def _enum_members_table(t: Any) -> Table:
    info = t.enum
    return make_table({name: const(info.value(number)) for name, number in info.members.items()}, {})


def _credential_table() -> Table:
    return make_table({"Empty": lambda: PSCredential("", SecureString())}, {})


def _primitives_compare(a: Any, b: Any, ignore_case: Any = True) -> int:
    return compare(a, b, not conv.to_bool(ignore_case))


def _language_primitives_table() -> Table:
    return make_table({}, {"ConvertTo": lambda v, t: conv.convert_to(v, t), "IsTrue": conv.to_bool,
                       "Compare": _primitives_compare})


def _wildcard_table() -> Table:
    return make_table({}, {"Escape": lambda s: escape_wildcard(_s(s)),
                       "Unescape": lambda s: unescape_wildcard(_s(s)),
                       "ContainsWildcardCharacters": lambda s: contains_wildcard(_s(s))})


# Cmdlet.CommonParameters and OptionalCommonParameters, in pwsh's order
# (the binder's own list, commands/common.py, is above this layer).
_COMMON_PARAMETERS = ("Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
                      "ErrorVariable", "WarningVariable", "OutVariable", "OutBuffer", "PipelineVariable",
                      "InformationVariable")
_OPTIONAL_COMMON_PARAMETERS = ("WhatIf", "Confirm", "UseTransaction")


def _cmdlet_table() -> Table:
    """``[Cmdlet]::CommonParameters``: a fresh HashSet[string] per read, so
    a script changing it changes nothing else."""
    return make_table({"CommonParameters": lambda: GenericHashSet(_COMMON_PARAMETERS, STRING),
                       "OptionalCommonParameters": lambda: GenericHashSet(_OPTIONAL_COMMON_PARAMETERS, STRING)}, {})


def _tuple_table() -> Table:
    """``[Tuple]::Create(item1, ...)``: one to eight items, as .NET's overloads."""
    def create(item1: Any, item2: Any = _NO_ITEM, item3: Any = _NO_ITEM, item4: Any = _NO_ITEM,
               item5: Any = _NO_ITEM, item6: Any = _NO_ITEM, item7: Any = _NO_ITEM, item8: Any = _NO_ITEM
               ) -> DotNetTuple:
        items = (item1, item2, item3, item4, item5, item6, item7, item8)
        return DotNetTuple(*(item for item in items if item is not _NO_ITEM))
    return make_table({}, {"Create": create})


_NO_ITEM = object()


def _accelerators_table() -> Table:
    """``[psobject].Assembly.GetType('System.Management.Automation.TypeAccelerators')``:
    ``Get`` (a case-insensitive name -> type table), ``Add`` and ``Remove``."""
    def get() -> Hashtable:
        table = Hashtable()
        for name, t in type_accelerators().items():
            table[name] = t
        return table

    def add(name: Any, t: Any) -> None:
        add_type_accelerator(_s(name), resolve_type(t))
    return make_table({"Get": get}, {"Add": add, "Remove": lambda name: remove_type_accelerator(_s(name))})


def _value_table(value: Any) -> Callable[[], Table]:
    """A type whose one static member is its singleton ``Value``."""
    return lambda: make_table({"Value": const(value)}, {})


def _system() -> Any:
    from . import statics_system
    return statics_system


_TABLES: dict[str, Callable[[], Table]] = {
    "System.Math": _math_table, "System.Int32": lambda: _integer_table("System.Int32"),
    "System.Int64": lambda: _integer_table("System.Int64"), "System.Byte": lambda: _integer_table("System.Byte"),
    "System.SByte": lambda: _integer_table("System.SByte"), "System.Int16": lambda: _integer_table("System.Int16"),
    "System.UInt16": lambda: _integer_table("System.UInt16"),
    "System.UInt32": lambda: _integer_table("System.UInt32"),
    "System.UInt64": lambda: _integer_table("System.UInt64"),
    "System.Double": lambda: _double_table(False), "System.Single": lambda: _double_table(True),
    "System.Decimal": _decimal_table, "System.Boolean": _bool_table, "System.String": _string_table,
    "System.Char": _char_table, "System.Guid": _guid_table, "System.DateTime": _datetime_table,
    "System.TimeSpan": _timespan_table, "System.Convert": _convert_table,
    "System.Text.Encoding": _encoding_table, "System.IO.Path": lambda: _system().path_table(), "System.IO.File": lambda: _system().file_table(),
    "System.IO.Directory": lambda: _system().directory_table(), "System.Environment": lambda: _system().environment_table(),
    "System.Console": lambda: _system().console_table(), "System.BitConverter": lambda: _system().bitconverter_table(),
    "System.Net.WebUtility": lambda: _system().web_table(False),
    "System.Web.HttpUtility": lambda: _system().web_table(True),
    "System.Runtime.InteropServices.Marshal": lambda: _system().marshal_table(), "System.Threading.Thread": lambda: _system().thread_table(),
    "System.Text.RegularExpressions.Regex": _regex_table, "System.Array": _array_table,
    "System.Enum": _enum_table, "System.Management.Automation.PSCredential": _credential_table,
    "System.Management.Automation.LanguagePrimitives": _language_primitives_table,
    "System.Management.Automation.WildcardPattern": _wildcard_table,
    "System.Management.Automation.Cmdlet": _cmdlet_table, "System.Management.Automation.PSCmdlet": _cmdlet_table,
    "System.Management.Automation.TypeAccelerators": _accelerators_table, "System.Tuple": _tuple_table,
    "System.Globalization.CultureInfo": lambda: _system().culture_table(),
    "System.Management.Automation.SemanticVersion": _semver_table, "System.Net.IPAddress": _ip_table,
    "System.Net.NetworkInformation.PhysicalAddress": _mac_table,
    "System.DBNull": _value_table(DB_NULL), "System.Management.Automation.Language.NullString": _value_table(NULL_STRING),
    # AutomationNull.Value is what an empty pipeline leaves; the engine holds it as $null.
    "System.Management.Automation.Internal.AutomationNull": _value_table(None),
}


def static_members(pstype: Any) -> Table:
    """The static member table of a type (empty when it has none)."""
    if pstype.enum is not None:
        return _enum_members_table(pstype)
    builder = _TABLES.get(pstype.full_name)
    return builder() if builder is not None else {}
