"""JSON text to PowerShell objects, as Invoke-RestMethod returns them.

The shapes follow ConvertFrom-Json in pwsh 7: objects become
PSCustomObjects (properties in document order), arrays ``object[]``,
integers Int32 when they fit, else Int64, else BigInteger; other numbers
Double; and strings in ISO 8601 date form DateTime (``Z`` dates keep their
UTC value, dates with an offset are converted to local time), as
Newtonsoft.Json parses them.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from pwshlike.dotnet.values import BigInt, Int64, PSCustomObject

_INT32 = (-(2 ** 31), 2 ** 31 - 1)
_INT64 = (-(2 ** 63), 2 ** 63 - 1)
_DATE_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?$")


class JsonParseError(ValueError):
    """The text is not JSON; ``message`` is the parser's description."""


def parse_json(text: str) -> Any:
    """The PowerShell value of a JSON document; JsonParseError if it is not one."""
    import json
    try:
        raw = json.loads(text, object_pairs_hook=_object, parse_int=_integer, parse_float=float)
    except json.JSONDecodeError as exc:
        raise JsonParseError(f"{exc.msg}: line {exc.lineno}, column {exc.colno}.") from None
    return _convert(raw)


def _object(pairs: list[tuple[str, Any]]) -> PSCustomObject:
    obj = PSCustomObject()
    for key, value in pairs:
        obj.set_property(key, value)
    return obj


def _integer(text: str) -> int:
    value = int(text)
    if _INT32[0] <= value <= _INT32[1]:
        return value
    if _INT64[0] <= value <= _INT64[1]:
        return Int64(value)
    return BigInt(value)


def _convert(value: Any) -> Any:
    """Dates in strings, recursively (the parser hooks did the rest)."""
    if isinstance(value, str):
        return _date(value)
    if isinstance(value, list):
        return [_convert(v) for v in value]
    if isinstance(value, PSCustomObject):
        for name, item in value.items():
            if isinstance(item, (str, list, PSCustomObject)):
                value.set_property(name, _convert(item))
    return value


def _date(text: str) -> Any:
    match = _DATE_RE.match(text)
    if match is None:
        return text
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    fraction, zone = match.group(7), match.group(8)
    micro = int((fraction or "0").ljust(7, "0")[:6])
    try:
        value = _dt.datetime(year, month, day, hour, minute, second, micro)
    except ValueError:
        return text
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        offset = _dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])) * sign
        value = value.replace(tzinfo=_dt.timezone(offset)).astimezone().replace(tzinfo=None)
    return value
