"""``[DateTimeOffset]``: a point in time with the UTC offset it was seen
at, as scripts use it for Unix times (``[DateTimeOffset]::Now.ToUnixTimeSeconds()``,
``[DateTimeOffset]::FromUnixTimeSeconds($t).LocalDateTime``) and for
times in other offsets.  Held as an aware Python datetime; its DateTime
parts are the wall-clock ones, ``UtcDateTime`` the UTC instant (Kind Utc)
and ``LocalDateTime`` the machine's local time (Kind Local)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from .conversions import convert_to_double, convert_to_integer, to_string
from .errors import ArgumentOutOfRangeException, FormatException
from .values import Int64

_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
_TICKS_AT_EPOCH = 621355968000000000


def _offset_text(offset: _dt.timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


class DateTimeOffset:
    """An aware datetime; equality and order are by the UTC instant, as in .NET."""

    __slots__ = ("value",)
    full_name = "System.DateTimeOffset"
    PS_MEMBERS = {
        "DateTime": "date_time", "UtcDateTime": "utc_date_time", "LocalDateTime": "local_date_time",
        "Date": "date", "Day": "day", "DayOfWeek": "day_of_week", "DayOfYear": "day_of_year", "Hour": "hour",
        "Millisecond": "millisecond",
        "Microsecond": "microsecond", "Nanosecond": "nanosecond", "Minute": "minute", "Month": "month", "Offset": "offset",
        "TotalOffsetMinutes": "total_offset_minutes", "Second": "second", "Ticks": "ticks", "UtcTicks": "utc_ticks",
        "TimeOfDay": "time_of_day", "Year": "year",
        "ToUnixTimeSeconds": "to_unix_time_seconds", "ToUnixTimeMilliseconds": "to_unix_time_milliseconds",
        "ToUniversalTime": "to_universal_time", "ToLocalTime": "to_local_time", "ToOffset": "to_offset",
        "AddDays": "add_days", "AddHours": "add_hours", "AddMinutes": "add_minutes", "AddSeconds": "add_seconds",
        "AddMilliseconds": "add_milliseconds", "Add": "add", "Subtract": "subtract", "CompareTo": "compare_to",
        "Equals": "__eq__", "ToString": "to_string",
    }

    def __init__(self, value: _dt.datetime) -> None:
        self.value = value

    # --- parts -----------------------------------------------------------------------------------

    @property
    def date_time(self) -> _dt.datetime:
        return self.value.replace(tzinfo=None)

    @property
    def utc_date_time(self) -> _dt.datetime:
        return self.value.astimezone(_dt.timezone.utc)

    @property
    def local_date_time(self) -> _dt.datetime:
        return self.value.astimezone().replace(tzinfo=None)

    @property
    def date(self) -> _dt.datetime:
        return self.date_time.replace(hour=0, minute=0, second=0, microsecond=0)

    @property
    def day(self) -> int:
        return self.value.day

    @property
    def day_of_week(self) -> Any:
        from .engine_enums import DAY_OF_WEEK
        return DAY_OF_WEEK.value((self.value.weekday() + 1) % 7)

    @property
    def day_of_year(self) -> int:
        return self.value.timetuple().tm_yday

    @property
    def hour(self) -> int:
        return self.value.hour

    @property
    def millisecond(self) -> int:
        return self.value.microsecond // 1000

    @property
    def microsecond(self) -> int:
        return self.value.microsecond % 1000

    @property
    def nanosecond(self) -> int:
        return 0

    @property
    def minute(self) -> int:
        return self.value.minute

    @property
    def month(self) -> int:
        return self.value.month

    @property
    def second(self) -> int:
        return self.value.second

    @property
    def year(self) -> int:
        return self.value.year

    @property
    def offset(self) -> _dt.timedelta:
        return self.value.utcoffset() or _dt.timedelta(0)

    @property
    def total_offset_minutes(self) -> int:
        return int(self.offset.total_seconds() // 60)

    @property
    def time_of_day(self) -> _dt.timedelta:
        v = self.value
        return _dt.timedelta(hours=v.hour, minutes=v.minute, seconds=v.second, microseconds=v.microsecond)

    def _ticks_of(self, moment: _dt.datetime) -> Int64:
        delta = moment.replace(tzinfo=_dt.timezone.utc) - _EPOCH
        return Int64(_TICKS_AT_EPOCH + (delta.days * 86400 + delta.seconds) * 10_000_000 + delta.microseconds * 10)

    @property
    def ticks(self) -> Int64:
        return self._ticks_of(self.date_time)

    @property
    def utc_ticks(self) -> Int64:
        return self._ticks_of(self.utc_date_time.replace(tzinfo=None))

    # --- conversions and arithmetic --------------------------------------------------------------

    def to_unix_time_seconds(self) -> Int64:
        return Int64((self.value - _EPOCH) // _dt.timedelta(seconds=1))

    def to_unix_time_milliseconds(self) -> Int64:
        return Int64((self.value - _EPOCH) // _dt.timedelta(milliseconds=1))

    def to_universal_time(self) -> "DateTimeOffset":
        return DateTimeOffset(self.value.astimezone(_dt.timezone.utc))

    def to_local_time(self) -> "DateTimeOffset":
        return DateTimeOffset(self.value.astimezone())

    def to_offset(self, offset: Any) -> "DateTimeOffset":
        return DateTimeOffset(self.value.astimezone(_dt.timezone(_timespan(offset))))

    def _shift(self, delta: _dt.timedelta) -> "DateTimeOffset":
        return DateTimeOffset(self.value + delta)

    def add_days(self, value: Any) -> "DateTimeOffset":
        return self._shift(_dt.timedelta(days=convert_to_double(value)))

    def add_hours(self, value: Any) -> "DateTimeOffset":
        return self._shift(_dt.timedelta(hours=convert_to_double(value)))

    def add_minutes(self, value: Any) -> "DateTimeOffset":
        return self._shift(_dt.timedelta(minutes=convert_to_double(value)))

    def add_seconds(self, value: Any) -> "DateTimeOffset":
        return self._shift(_dt.timedelta(seconds=convert_to_double(value)))

    def add_milliseconds(self, value: Any) -> "DateTimeOffset":
        return self._shift(_dt.timedelta(milliseconds=convert_to_double(value)))

    def add(self, span: Any) -> "DateTimeOffset":
        return self._shift(_timespan(span))

    def subtract(self, other: Any) -> Any:
        if isinstance(other, DateTimeOffset):
            return self.value - other.value
        if isinstance(other, _dt.datetime):
            return self.value - convert(other).value
        return self._shift(-_timespan(other))

    def compare_to(self, other: Any) -> int:
        theirs = convert(other).value
        return (self.value > theirs) - (self.value < theirs)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DateTimeOffset) and self.value == other.value

    def __lt__(self, other: Any) -> bool:
        return self.value < convert(other).value

    def __gt__(self, other: Any) -> bool:
        return self.value > convert(other).value

    def __le__(self, other: Any) -> bool:
        return self.value <= convert(other).value

    def __ge__(self, other: Any) -> bool:
        return self.value >= convert(other).value

    def __hash__(self) -> int:
        return hash(self.value)

    def to_string(self, fmt: Any = None, provider: Any = None) -> str:
        if fmt is None:
            return str(self)
        from .formatting_net import format_value
        text = to_string(fmt).replace("zzz", _offset_text(self.offset))
        return format_value(self.date_time, text, provider)

    def __str__(self) -> str:
        v = self.value
        return f"{v.month:02d}/{v.day:02d}/{v.year:04d} {v.hour:02d}:{v.minute:02d}:{v.second:02d} " \
               f"{_offset_text(self.offset)}"


def _timespan(value: Any) -> _dt.timedelta:
    if isinstance(value, _dt.timedelta):
        return value
    from .types import resolve_type
    return resolve_type("System.TimeSpan").convert(value)


def convert(value: Any) -> DateTimeOffset:
    """``[DateTimeOffset]$x``: from a DateTime (a local one keeps the
    machine's offset, a UTC one +00:00) or from text."""
    if isinstance(value, DateTimeOffset):
        return value
    if isinstance(value, _dt.datetime):
        return DateTimeOffset(value if value.tzinfo is not None else value.astimezone())
    if isinstance(value, str):
        return parse(value)
    from .conversions import cast_error
    raise cast_error(value, DateTimeOffset.full_name)


def parse(text: Any) -> DateTimeOffset:
    raw = to_string(text).strip()
    candidate = raw.replace("Z", "+00:00") if raw.endswith("Z") else raw
    try:
        moment = _dt.datetime.fromisoformat(candidate)
    except ValueError:
        from .types import resolve_type
        try:
            moment = resolve_type("System.DateTime").convert(raw)
        except Exception:
            raise FormatException(f"String '{raw}' was not recognized as a valid DateTime.") from None
    return convert(moment)


def new_offset(*args: Any) -> DateTimeOffset:
    """The constructors: (datetime), (datetime, offset), (ticks, offset),
    (year, month, day, hour, minute, second, offset)."""
    if len(args) == 1:
        return convert(args[0])
    if len(args) == 2 and isinstance(args[0], _dt.datetime):
        return DateTimeOffset(args[0].replace(tzinfo=_dt.timezone(_timespan(args[1]))))
    if len(args) == 2:
        ticks = convert_to_integer(args[0])
        moment = _dt.datetime(1, 1, 1) + _dt.timedelta(microseconds=ticks // 10)
        return DateTimeOffset(moment.replace(tzinfo=_dt.timezone(_timespan(args[1]))))
    parts = [convert_to_integer(a) for a in args[:-1]]
    return DateTimeOffset(_dt.datetime(*parts, tzinfo=_dt.timezone(_timespan(args[-1]))))


def static_table() -> dict[str, tuple[str, Any, bool]]:
    def from_unix(seconds: Any, scale: int) -> DateTimeOffset:
        value = convert_to_integer(seconds)
        if not -62135596800 * scale <= value <= 253402300799 * scale:
            raise ArgumentOutOfRangeException(
                f"Valid values are between {-62135596800 * scale} and {253402300799 * scale}, inclusive.",
                param_name="seconds" if scale == 1 else "milliseconds")
        return DateTimeOffset(_EPOCH + _dt.timedelta(milliseconds=value * (1000 // scale)))

    return {
        "now": ("Now", lambda: DateTimeOffset(_dt.datetime.now().astimezone()), False),
        "utcnow": ("UtcNow", lambda: DateTimeOffset(_dt.datetime.now(_dt.timezone.utc)), False),
        "unixepoch": ("UnixEpoch", lambda: DateTimeOffset(_EPOCH), False),
        "minvalue": ("MinValue", lambda: DateTimeOffset(_dt.datetime(1, 1, 1, tzinfo=_dt.timezone.utc)), False),
        "maxvalue": ("MaxValue", lambda: DateTimeOffset(_dt.datetime(9999, 12, 31, 23, 59, 59, 999999,
                                                                     tzinfo=_dt.timezone.utc)), False),
        "fromunixtimeseconds": ("FromUnixTimeSeconds", lambda s: from_unix(s, 1), True),
        "fromunixtimemilliseconds": ("FromUnixTimeMilliseconds", lambda s: from_unix(s, 1000), True),
        "parse": ("Parse", lambda text, *rest: parse(text), True),
    }
