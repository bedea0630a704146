""".NET format strings: composite formatting (``-f``, ``[string]::Format``),
numeric format strings (``'{0:N2}'``, ``.ToString('X4')``, ``'0.00'``) and
date/time-span format strings (``'yyyy-MM-dd'``, ``'o'``, ``'hh\\:mm'``).

Every function takes the culture's NumberFormatInfo / DateTimeFormatInfo
(or a CultureInfo) as ``provider``; without one the current culture applies
(``cultures.current()``), as .NET's ``ToString(format)`` does.  Numbers are
first written with the invariant symbols and then given the culture's
decimal mark, group separator and minus sign, so the digit logic exists
once.  Rounding is away from zero on exact ties, as .NET's formatter rounds
the exact decimal value.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Sequence

from .conversions import dotnet_to_string, format_decimal, format_double, format_single, net_to_string
from .culture_data import CURRENCY_NEGATIVE, CURRENCY_POSITIVE, NUMBER_NEGATIVE, PERCENT_NEGATIVE, PERCENT_POSITIVE
from .cultures import CultureInfo, current, DateTimeFormatInfo, invariant, NumberFormatInfo
from .errors import FormatException
from .values import Byte, EnumValue, Int16, INT32_MAX, INT32_MIN, Int64, SByte, Single, UInt16, UInt32, UInt64

_BAD_FORMAT = "Input string was not in a correct format."


def number_format(provider: Any = None) -> NumberFormatInfo:
    """The NumberFormatInfo an IFormatProvider argument stands for ($null: the current culture's)."""
    if isinstance(provider, NumberFormatInfo):
        return provider
    if isinstance(provider, CultureInfo):
        return provider.NumberFormat
    return current().NumberFormat


def date_format(provider: Any = None) -> DateTimeFormatInfo:
    """The DateTimeFormatInfo an IFormatProvider argument stands for ($null: the current culture's)."""
    if isinstance(provider, DateTimeFormatInfo):
        return provider
    if isinstance(provider, CultureInfo):
        return provider.DateTimeFormat
    return current().DateTimeFormat


def _localize(text: str, nfi: NumberFormatInfo) -> str:
    """Number text written with invariant symbols, in the culture's symbols."""
    decimal, group, minus = nfi.NumberDecimalSeparator, nfi.NumberGroupSeparator, nfi.NegativeSign
    if decimal == "." and group == "," and minus == "-":
        return text
    return text.translate({46: decimal, 44: group, 45: minus})


def _special(value: float, nfi: NumberFormatInfo) -> str | None:
    if value != value:
        return nfi.NaNSymbol
    if value in (float("inf"), float("-inf")):
        return nfi.PositiveInfinitySymbol if value > 0 else nfi.NegativeInfinitySymbol
    return None


def culture_to_string(value: Any, provider: Any = None) -> str:
    """``value.ToString()`` / ``ToString(provider)``: numbers and dates in
    the culture (the current one without a provider), anything else as
    .NET's ``ToString()``."""
    if isinstance(value, bool) or value is None:
        return dotnet_to_string(value)
    if isinstance(value, float):
        nfi = number_format(provider)
        special = _special(value, nfi)
        return special if special is not None else _localize(net_to_string(value), nfi)
    if isinstance(value, (Decimal, int)) and not isinstance(value, EnumValue):
        return _localize(net_to_string(value), number_format(provider))
    if isinstance(value, _dt.datetime):
        return format_datetime(value, "G", provider)
    return net_to_string(value)


def display_number(value: Any) -> str:
    """A double, float or decimal as output shows it: the text a cast gives
    (15 significant digits for a double), in the current culture."""
    return cast_text(value, current())


def cast_text(value: Any, provider: Any) -> str:
    """LanguagePrimitives' conversion to string with a culture (what a cast
    gives, ``1.5`` and ``MM/dd/yyyy HH:mm:ss`` invariantly): numbers with
    the culture's symbols, dates in its general ("G") format."""
    if isinstance(value, _dt.datetime):
        return format_datetime(value, "G", provider)
    if isinstance(value, (float, Decimal, int)) and not isinstance(value, (bool, EnumValue)):
        nfi = number_format(provider)
        if isinstance(value, float):
            special = _special(value, nfi)
            if special is not None:
                return special
        return _localize(dotnet_to_string(value), nfi)
    from .conversions import to_string
    return to_string(value)


# --- composite formatting ---------------------------------------------------------------------

def composite_format(fmt: str, args: Sequence[Any], provider: Any = None) -> str:
    """``String.Format(provider, fmt, args)``: ``{index[,alignment][:format]}``
    items, ``{{``/``}}`` escapes; the current culture without a provider.
    Raises FormatException as .NET does."""
    out: list[str] = []
    i, n = 0, len(fmt)
    while i < n:
        c = fmt[i]
        if c == "{":
            if i + 1 < n and fmt[i + 1] == "{":
                out.append("{")
                i += 2
                continue
            end = fmt.find("}", i)
            if end < 0:
                raise FormatException(_BAD_FORMAT)
            item = fmt[i + 1:end]
            # A format string may contain escaped braces '}}'.
            while end + 1 < n and fmt[end + 1] == "}" and ":" in item:
                nxt = fmt.find("}", end + 2)
                if nxt < 0:
                    break
                item = fmt[i + 1:nxt].replace("}}", "}")
                end = nxt
            out.append(_format_item(item, args, provider))
            i = end + 1
            continue
        if c == "}":
            if i + 1 < n and fmt[i + 1] == "}":
                out.append("}")
                i += 2
                continue
            raise FormatException(_BAD_FORMAT)
        out.append(c)
        i += 1
    return "".join(out)


_ITEM_RE = re.compile(r"^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$", re.DOTALL)


def _format_item(item: str, args: Sequence[Any], provider: Any) -> str:
    m = _ITEM_RE.match(item)
    if m is None:
        raise FormatException(_BAD_FORMAT)
    index = int(m.group(1))
    if index >= len(args):
        raise FormatException("Index (zero based) must be greater than or equal to zero and less "
                              "than the size of the argument list.")
    text = format_value(args[index], m.group(3), provider)
    width = int(m.group(2) or 0)
    if width > 0:
        return text.rjust(width)
    if width < 0:
        return text.ljust(-width)
    return text


def format_value(value: Any, fmt: str | None, provider: Any = None) -> str:
    """``value.ToString(fmt, provider)`` for IFormattable values, else ``ToString()``."""
    if fmt is None or fmt == "":
        return culture_to_string(value, provider)
    if isinstance(value, bool) or value is None:
        return dotnet_to_string(value)
    if isinstance(value, EnumValue):
        return format_enum(value, fmt)
    if isinstance(value, (int, float, Decimal)):
        return format_number(value, fmt, provider)
    if isinstance(value, _dt.datetime):
        return format_datetime(value, fmt, provider)
    if isinstance(value, _dt.timedelta):
        return format_timespan(value, fmt, provider)
    import uuid
    if isinstance(value, uuid.UUID):
        return format_guid(value, fmt)
    return dotnet_to_string(value)


def format_enum(value: Any, fmt: str) -> str:
    f = fmt.upper()
    if f in ("G", "F"):
        return str(value)
    if f == "D":
        return str(int(value))
    if f == "X":
        return format(int(value) & 0xFFFFFFFF, "08X")
    raise FormatException("Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".")


def format_guid(value: Any, fmt: str) -> str:
    text = str(value)
    f = fmt.upper() if len(fmt) == 1 else fmt
    if f == "N":
        return value.hex
    if f == "D":
        return text
    if f == "B":
        return "{" + text + "}"
    if f == "P":
        return "(" + text + ")"
    if f == "X":
        h = value.hex
        return ("{0x%s,0x%s,0x%s,{%s}}" % (h[0:8], h[8:12], h[12:16],
                                           ",".join("0x" + h[i:i + 2] for i in range(16, 32, 2))))
    raise FormatException('Format string can be only "D", "d", "N", "n", "P", "p", "B", "b", "X" or "x".')


# --- numbers ---------------------------------------------------------------------------------------

_STANDARD_RE = re.compile(r"^([A-Za-z])(\d{0,9})$")


def _exact(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(value)
    return Decimal(int(value))


def _is_integer_type(value: Any) -> bool:
    return isinstance(value, int)


def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _group(int_digits: str) -> str:
    out = []
    while len(int_digits) > 3:
        out.append(int_digits[-3:])
        int_digits = int_digits[:-3]
    out.append(int_digits)
    return ",".join(reversed(out))


def _fixed(value: Decimal, places: int, grouping: bool = False) -> str:
    rounded = _round(abs(value), places)
    text = format(rounded, "f")
    int_part, _, frac = text.partition(".")
    if grouping:
        int_part = _group(int_part)
    body = int_part + ("." + frac if places > 0 else "")
    negative = value < 0 and rounded != 0
    return ("-" if negative else "") + body


def _integer_width_bits(value: Any) -> int:
    cls = type(value)
    if cls in (Byte, SByte):
        return 8
    if cls in (Int16, UInt16):
        return 16
    if cls is UInt32:
        return 32
    if cls in (Int64, UInt64):
        return 64
    if INT32_MIN <= value <= INT32_MAX:
        return 32
    return 64


def format_number(value: Any, fmt: str, provider: Any = None) -> str:
    """``number.ToString(fmt, provider)`` with a standard (``N2``, ``X8``,
    ``P1``, ``E3``...) or custom (``0.00``, ``#,##0``) format string."""
    if isinstance(value, bool):
        value = int(value)
    nfi = number_format(provider)
    m = _STANDARD_RE.match(fmt)
    if m is None:
        return format_custom_number(value, fmt, nfi)
    spec, digits = m.group(1), m.group(2)
    precision = int(digits) if digits else None
    upper = spec.upper()
    if isinstance(value, float):
        special = _special(value, nfi)
        if special is not None:
            return special
    if upper in ("C", "P", "N"):
        return _patterned(_exact(value), upper, precision, nfi)
    return _localize(_invariant_standard(value, spec, upper, precision), nfi)


def _patterned(exact: Decimal, upper: str, precision: int | None, nfi: NumberFormatInfo) -> str:
    """The N, C and P formats: grouped digits placed in the culture's
    pattern for positive or negative values."""
    if upper == "N":
        digits = nfi.NumberDecimalDigits if precision is None else precision
        body = _fixed(abs(exact), digits, grouping=True)
        pattern = NUMBER_NEGATIVE[nfi.NumberNegativePattern] if _fixed(exact, digits).startswith("-") else "n"
        symbol = ""
    elif upper == "C":
        digits = nfi.CurrencyDecimalDigits if precision is None else precision
        body = _fixed(abs(exact), digits, grouping=True)
        negative = _fixed(exact, digits).startswith("-")
        pattern = CURRENCY_NEGATIVE[nfi.CurrencyNegativePattern] if negative else \
            CURRENCY_POSITIVE[nfi.CurrencyPositivePattern]
        symbol = nfi.CurrencySymbol
    else:
        digits = nfi.PercentDecimalDigits if precision is None else precision
        body = _fixed(abs(exact) * 100, digits, grouping=True)
        negative = _fixed(exact * 100, digits).startswith("-")
        pattern = PERCENT_NEGATIVE[nfi.PercentNegativePattern] if negative else \
            PERCENT_POSITIVE[nfi.PercentPositivePattern]
        symbol = nfi.PercentSymbol
    out: list[str] = []
    for ch in pattern:
        if ch == "n":
            out.append(_localize(body, nfi))
        elif ch in "$%":
            out.append(symbol)
        elif ch == "-":
            out.append(nfi.NegativeSign)
        else:
            out.append(ch)
    return "".join(out)


def _invariant_standard(value: Any, spec: str, upper: str, precision: int | None) -> str:
    """The standard formats other than N, C and P, in invariant symbols."""
    if upper == "D":
        if not _is_integer_type(value):
            raise FormatException("Format specifier was invalid.")
        text = str(abs(int(value))).rjust(precision or 0, "0")
        return ("-" if value < 0 else "") + text
    if upper == "X":
        if not _is_integer_type(value):
            raise FormatException("Format specifier was invalid.")
        number = int(value)
        if number < 0:
            number &= (1 << _integer_width_bits(value)) - 1
        text = format(number, "X" if spec == "X" else "x")
        return text.rjust(precision or 0, "0")
    if upper == "B":
        if not _is_integer_type(value):
            raise FormatException("Format specifier was invalid.")
        number = int(value)
        if number < 0:
            number &= (1 << _integer_width_bits(value)) - 1
        return format(number, "b").rjust(precision or 0, "0")
    exact = _exact(value)
    if upper == "F":
        return _fixed(exact, 2 if precision is None else precision)
    if upper == "E":
        return _exponential(exact, 6 if precision is None else precision, spec, 3)
    if upper == "R" or (upper == "G" and precision is None):
        if isinstance(value, Single):
            return format_single(value)
        if isinstance(value, float):
            return format_double(value)
        if isinstance(value, Decimal):
            return format_decimal(value)
        return str(int(value))
    if upper == "G":
        return _general(exact, precision or 1, spec)
    raise FormatException("Format specifier was invalid.")


def _exponential(value: Decimal, places: int, spec: str, min_exp_digits: int) -> str:
    if value == 0:
        mantissa = "0" + ("." + "0" * places if places else "")
        return f"{mantissa}{'E' if spec.isupper() else 'e'}+{'0' * min_exp_digits}"
    sign = "-" if value < 0 else ""
    value = abs(value)
    exp = value.adjusted()
    mantissa = _round(value.scaleb(-exp), places)
    if mantissa >= 10:
        exp += 1
        mantissa = _round(value.scaleb(-exp), places)
    text = format(mantissa, "f")
    letter = "E" if spec.isupper() else "e"
    return f"{sign}{text}{letter}{'+' if exp >= 0 else '-'}{abs(exp):0{min_exp_digits}d}"


def _general(value: Decimal, precision: int, spec: str) -> str:
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    rounded = abs(value).quantize(Decimal(1).scaleb(abs(value).adjusted() - precision + 1),
                                  rounding=ROUND_HALF_UP)
    exp = rounded.adjusted()
    digits = "".join(map(str, rounded.as_tuple().digits)).rstrip("0") or "0"
    if exp >= precision or exp < -5:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        letter = "E" if spec.isupper() else "e"
        return f"{sign}{mantissa}{letter}{'+' if exp >= 0 else '-'}{abs(exp):02d}"
    text = format(rounded.normalize(), "f")
    return sign + text


def format_custom_number(value: Any, fmt: str, nfi: NumberFormatInfo) -> str:
    """Custom numeric format strings: ``0`` ``#`` ``.`` ``,`` ``%`` ``E+0``,
    quoted literals, ``\\`` escapes and ``;`` sections, in the culture's symbols."""
    sections = _split_sections(fmt)
    exact = _exact(value)
    if len(sections) >= 2 and exact < 0:
        section, negative_prefix = sections[1], False
    elif len(sections) == 3 and exact == 0:
        section, negative_prefix = sections[2], False
    else:
        section, negative_prefix = sections[0], exact < 0
    text = _apply_custom(abs(exact), section, nfi)
    if negative_prefix and any(ch.isdigit() and ch != "0" for ch in text):
        text = nfi.NegativeSign + text
    return text


def _split_sections(fmt: str) -> list[str]:
    sections, current, i = [], [], 0
    quote = None
    while i < len(fmt):
        c = fmt[i]
        if quote:
            current.append(c)
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
            current.append(c)
        elif c == "\\" and i + 1 < len(fmt):
            current.append(fmt[i:i + 2])
            i += 1
        elif c == ";":
            sections.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    sections.append("".join(current))
    return sections[:3]


def _tokenize_custom(section: str) -> list[tuple[str, str]]:
    """Splits a custom format into ('lit', text) and ('ph', char) tokens."""
    tokens: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        c = section[i]
        if c in "'\"":
            end = section.find(c, i + 1)
            end = len(section) if end < 0 else end
            tokens.append(("lit", section[i + 1:end]))
            i = end + 1
            continue
        if c == "\\" and i + 1 < len(section):
            tokens.append(("lit", section[i + 1]))
            i += 2
            continue
        if c in "Ee" and i + 1 < len(section) and (section[i + 1] in "0" or
                                                   (section[i + 1] in "+-" and section[i + 2:i + 3] == "0")):
            j = i + 1
            sign = ""
            if section[j] in "+-":
                sign = section[j]
                j += 1
            start = j
            while j < len(section) and section[j] == "0":
                j += 1
            tokens.append(("exp", c + sign + str(j - start)))
            i = j
            continue
        tokens.append(("ph", c) if c in "0#.,%\u2030" else ("lit", c))
        i += 1
    return tokens


def _apply_custom(value: Decimal, section: str, nfi: NumberFormatInfo) -> str:
    tokens = _tokenize_custom(section)
    placeholders = [t for k, t in tokens if k == "ph"]
    if "%" in placeholders:
        value *= 100
    if "\u2030" in placeholders:
        value *= 1000
    # Commas right before the decimal point (or the end) scale by 1000 each.
    int_tokens: list[str] = []
    frac_tokens: list[str] = []
    seen_point = False
    for kind, text in tokens:
        if kind != "ph":
            continue
        if text == ".":
            seen_point = True
        elif text in "0#,":
            (frac_tokens if seen_point else int_tokens).append(text)
    while int_tokens and int_tokens[-1] == ",":
        int_tokens.pop()
        value /= 1000
    grouping = "," in int_tokens
    int_digit_slots = [t for t in int_tokens if t in "0#"]
    frac_slots = [t for t in frac_tokens if t in "0#"]
    exp_token = next((t for k, t in tokens if k == "exp"), None)
    exponent = 0
    if exp_token is not None and value != 0:
        int_count = max(len(int_digit_slots), 1)
        exponent = value.adjusted() - (int_count - 1)
        value = value.scaleb(-exponent)
    rounded = _round(value, len(frac_slots))
    text = format(rounded, "f")
    int_part, _, frac_part = text.partition(".")
    frac_part = frac_part.ljust(len(frac_slots), "0")
    # Trailing '#' digits drop trailing zeros.
    required_frac = len(frac_slots) - (len(frac_slots) - max(
        [i + 1 for i, t in enumerate(frac_slots) if t == "0"] or [0]))
    frac_digits = frac_part[:len(frac_slots)]
    while len(frac_digits) > required_frac and frac_digits.endswith("0"):
        frac_digits = frac_digits[:-1]
    min_int = len(int_digit_slots) - next((i for i, t in enumerate(int_digit_slots) if t == "0"),
                                          len(int_digit_slots))
    int_part = int_part.lstrip("0")
    int_part = int_part.rjust(min_int, "0")
    if grouping and int_part:
        int_part = _group(int_part).replace(",", nfi.NumberGroupSeparator)
    out: list[str] = []
    int_emitted = False
    point_emitted = False
    frac_index = 0
    for kind, text in tokens:
        if kind == "lit":
            out.append(text)
        elif kind == "exp":
            letter, rest = text[0], text[1:]
            sign = rest[0] if rest and rest[0] in "+-" else ""
            width = int(rest.lstrip("+-") or "1")
            exp_sign = "-" if exponent < 0 else ("+" if sign == "+" else "")
            out.append(f"{letter}{exp_sign}{abs(exponent):0{width}d}")
        elif text in "0#,":
            if not point_emitted:
                if not int_emitted:
                    out.append(int_part)
                    int_emitted = True
            elif text != ",":
                if frac_index < len(frac_digits):
                    out.append(frac_digits[frac_index])
                frac_index += 1
        elif text == ".":
            if not int_emitted:
                out.append(int_part)
                int_emitted = True
            point_emitted = True
            if frac_digits:
                out.append(nfi.NumberDecimalSeparator)
        elif text == "%":
            out.append(nfi.PercentSymbol)
        elif text == "\u2030":
            out.append(nfi.PerMilleSymbol)
        else:
            out.append(text)
    if not int_emitted and (int_digit_slots or not point_emitted) and placeholders:
        out.append(int_part)
    return "".join(out)


# --- dates -------------------------------------------------------------------------------------

_STANDARD_DATE = {
    "d": "M/d/yyyy", "D": "dddd, MMMM d, yyyy", "f": "dddd, MMMM d, yyyy h:mm tt",
    "F": "dddd, MMMM d, yyyy h:mm:ss tt", "g": "M/d/yyyy h:mm tt", "G": "M/d/yyyy h:mm:ss tt",
    "m": "MMMM d", "M": "MMMM d", "t": "h:mm tt", "T": "h:mm:ss tt", "y": "MMMM yyyy", "Y": "MMMM yyyy",
    "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss", "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
    "r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", "R": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    "o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK", "O": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
}

_DATE_TOKEN_RE = re.compile(r"(d{1,4}|M{1,4}|y{1,5}|H{1,2}|h{1,2}|m{1,2}|s{1,2}|f{1,7}|F{1,7}|t{1,2}|"
                            r"K|z{1,3}|g{1,2}|'[^']*'?|\"[^\"]*\"?|\\.|%.|.)", re.DOTALL)


def _culture_pattern(dtfi: DateTimeFormatInfo, spec: str) -> str | None:
    """The pattern a standard format letter stands for in the culture."""
    if spec == "d":
        return dtfi.ShortDatePattern
    if spec == "D":
        return dtfi.LongDatePattern
    if spec == "f":
        return dtfi.LongDatePattern + " " + dtfi.ShortTimePattern
    if spec in "FU":
        return dtfi.FullDateTimePattern
    if spec == "g":
        return dtfi.ShortDatePattern + " " + dtfi.ShortTimePattern
    if spec == "G":
        return dtfi.ShortDatePattern + " " + dtfi.LongTimePattern
    if spec in "mM":
        return dtfi.MonthDayPattern
    if spec == "t":
        return dtfi.ShortTimePattern
    if spec == "T":
        return dtfi.LongTimePattern
    if spec in "yY":
        return dtfi.YearMonthPattern
    return None


def format_datetime(value: _dt.datetime, fmt: str, provider: Any = None) -> str:
    """``DateTime.ToString(fmt, provider)``: standard formats take the
    culture's patterns (``r``, ``s``, ``u`` and ``o`` are culture-free),
    custom formats its names, designators and separators."""
    dtfi = date_format(provider)
    if len(fmt) == 1:
        if fmt not in _STANDARD_DATE and fmt != "U":
            raise FormatException("Input string was not in a correct format.")
        if fmt in ("u", "r", "R") and value.tzinfo is not None:
            value = value.astimezone(_dt.timezone.utc)
        if fmt == "U":
            if value.tzinfo is None:
                value = value.astimezone()
            return format_datetime(value.astimezone(_dt.timezone.utc).replace(tzinfo=None), "F", dtfi)
        if fmt in "rRsuoO":
            dtfi = invariant().DateTimeFormat
            fmt = _STANDARD_DATE[fmt]
        else:
            fmt = _culture_pattern(dtfi, fmt) or _STANDARD_DATE[fmt]
    tokens = _DATE_TOKEN_RE.findall(fmt)
    genitive = any(t in ("d", "dd", "%d") for t in tokens)
    return "".join([_date_token(value, token, dtfi, genitive) for token in tokens])


def _date_token(v: _dt.datetime, tok: str, dtfi: DateTimeFormatInfo, genitive: bool) -> str:
    c = tok[0]
    n = len(tok)
    if c == "%" and n == 2:
        return _date_token(v, tok[1], dtfi, genitive)
    if c == "\\" and n == 2:
        return tok[1]
    if c in "'\"":
        return tok[1:-1] if n >= 2 and tok[-1] == c else tok[1:]
    if c == "d":
        if n == 1:
            return str(v.day)
        if n == 2:
            return f"{v.day:02d}"
        day = (v.weekday() + 1) % 7
        return dtfi.AbbreviatedDayNames[day] if n == 3 else dtfi.DayNames[day]
    if c == "M":
        if n == 1:
            return str(v.month)
        if n == 2:
            return f"{v.month:02d}"
        if n == 3:
            return (dtfi.AbbreviatedMonthGenitiveNames if genitive else dtfi.AbbreviatedMonthNames)[v.month - 1]
        return (dtfi.MonthGenitiveNames if genitive else dtfi.MonthNames)[v.month - 1]
    if c == "y":
        if n == 1:
            return str(v.year % 100)
        if n == 2:
            return f"{v.year % 100:02d}"
        return str(v.year).rjust(n, "0")
    if c == "H":
        return f"{v.hour:0{n}d}"
    if c == "h":
        hour = v.hour % 12 or 12
        return f"{hour:0{n}d}"
    if c == "m":
        return f"{v.minute:0{n}d}"
    if c == "s":
        return f"{v.second:0{n}d}"
    if c in "fF":
        digits = f"{v.microsecond:06d}0"[:n]
        if c == "F":
            digits = digits.rstrip("0")
        return digits
    if c == "t":
        designator = dtfi.AMDesignator if v.hour < 12 else dtfi.PMDesignator
        return designator[:1] if n == 1 else designator
    if c == "K":
        if v.tzinfo is None:
            return _local_offset(v, 3)
        if v.utcoffset() == _dt.timedelta(0):
            return "Z"
        return _offset_text(v.utcoffset(), 3)
    if c == "z":
        offset = v.utcoffset() if v.tzinfo is not None else None
        if offset is None:
            return _local_offset(v, n)
        return _offset_text(offset, n)
    if c == "g":
        return "A.D."
    if c == ":":
        return dtfi.TimeSeparator
    if c == "/":
        return dtfi.DateSeparator
    return tok


def _local_offset(v: _dt.datetime, n: int) -> str:
    try:
        offset = v.astimezone().utcoffset()
    except (OverflowError, ValueError, OSError):
        offset = _dt.timedelta(0)
    return _offset_text(offset or _dt.timedelta(0), n)


def _offset_text(offset: _dt.timedelta, n: int) -> str:
    total = int(offset.total_seconds()) // 60
    sign = "-" if total < 0 else "+"
    hours, minutes = divmod(abs(total), 60)
    if n == 1:
        return f"{sign}{hours}"
    if n == 2:
        return f"{sign}{hours:02d}"
    return f"{sign}{hours:02d}:{minutes:02d}"


# --- time spans ----------------------------------------------------------------------------------

_SPAN_TOKEN_RE = re.compile(r"(d{1,8}|h{1,2}|m{1,2}|s{1,2}|f{1,7}|F{1,7}|'[^']*'?|\"[^\"]*\"?|\\.|%.|.)",
                            re.DOTALL)


def format_timespan(value: _dt.timedelta, fmt: str, provider: Any = None) -> str:
    """``TimeSpan.ToString(fmt, provider)``: ``c`` (culture-free), ``g``, ``G``
    (the culture's decimal mark before the fraction) or custom
    (``hh\\:mm\\:ss``, ``%d``); other literal characters must be escaped."""
    from .conversions import format_timespan as constant_format, timespan_parts
    negative, days, hours, minutes, seconds, fraction = timespan_parts(value)
    sign = "-" if negative else ""
    if fmt in ("c", "t", "T"):
        return constant_format(value)
    if fmt == "g":
        text = f"{sign}{str(days) + ':' if days else ''}{hours}:{minutes:02d}:{seconds:02d}"
        if fraction:
            text += number_format(provider).NumberDecimalSeparator + f"{fraction:07d}".rstrip("0")
        return text
    if fmt == "G":
        point = number_format(provider).NumberDecimalSeparator
        return f"{sign}{days}:{hours:02d}:{minutes:02d}:{seconds:02d}{point}{fraction:07d}"
    out: list[str] = []
    for tok in _SPAN_TOKEN_RE.findall(fmt):
        c, n = tok[0], len(tok)
        if c == "%" and n == 2:
            tok, c, n = tok[1], tok[1], 1
        if c == "d":
            out.append(str(days).rjust(n, "0"))
        elif c == "h":
            out.append(f"{hours:0{n}d}")
        elif c == "m":
            out.append(f"{minutes:0{n}d}")
        elif c == "s":
            out.append(f"{seconds:0{n}d}")
        elif c in "fF":
            digits = f"{fraction:07d}"[:n]
            out.append(digits.rstrip("0") if c == "F" else digits)
        elif c == "\\" and n == 2:
            out.append(tok[1])
        elif c in "'\"":
            out.append(tok[1:-1] if n >= 2 and tok[-1] == c else tok[1:])
        else:
            raise FormatException(_BAD_FORMAT)
    return "".join(out)
