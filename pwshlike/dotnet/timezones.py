"""``[TimeZoneInfo]``: the IANA time zones .NET 8 uses on Linux (through
Python's ``zoneinfo``), ``Local`` from ``$TZ`` or ``/etc/localtime``, the
conversions scripts use (ConvertTime, ConvertTimeFromUtc/ToUtc,
ConvertTimeBySystemTimeZoneId) and names as ICU gives them to .NET
(``(UTC+01:00) Central European Time (Paris)``, read from CLDR through
Babel when it is installed, else the zone's id).

Dates follow the engine's model: a naive datetime is local time, an aware
one UTC.  A time converted to another zone is returned as its wall-clock
time (naive); .NET marks it DateTimeKind.Unspecified, which the engine
does not distinguish from Local.
"""

from __future__ import annotations

import datetime as _dt
import os
from typing import Any, Optional

from .conversions import to_string
from .errors import ArgumentNullException, DotNetException

_UTC_NAME = "Coordinated Universal Time"


class TimeZoneNotFoundException(DotNetException):
    full_name = "System.TimeZoneNotFoundException"


def _zone(zone_id: str) -> Any:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    try:
        return ZoneInfo(zone_id)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise TimeZoneNotFoundException(
            f"The time zone ID '{zone_id}' was not found on the local computer.") from None


def _offset_text(offset: _dt.timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "(UTC)"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"(UTC{sign}{hours:02d}:{rest:02d})"


class TimeZoneInfo:
    """One time zone by its IANA id."""

    __slots__ = ("Id", "_zone")
    full_name = "System.TimeZoneInfo"
    PS_MEMBERS = {"Id": "Id", "HasIanaId": "has_iana_id", "DisplayName": "display_name",
                  "StandardName": "standard_name", "DaylightName": "daylight_name",
                  "BaseUtcOffset": "base_utc_offset", "SupportsDaylightSavingTime": "supports_daylight_saving_time",
                  "GetUtcOffset": "get_utc_offset", "IsDaylightSavingTime": "is_daylight_saving_time",
                  "ToString": "__str__", "Equals": "__eq__"}

    def __init__(self, zone_id: str) -> None:
        self.Id = zone_id
        self._zone = _dt.timezone.utc if zone_id == "UTC" else _zone(zone_id)

    @property
    def has_iana_id(self) -> bool:
        return True

    def _samples(self) -> list[_dt.datetime]:
        year = _dt.datetime.now().year
        return [_dt.datetime(year, 1, 15, 12, tzinfo=self._zone), _dt.datetime(year, 7, 15, 12, tzinfo=self._zone)]

    @property
    def base_utc_offset(self) -> _dt.timedelta:
        for sample in self._samples():
            if not sample.dst():
                return sample.utcoffset() or _dt.timedelta(0)
        return self._samples()[0].utcoffset() or _dt.timedelta(0)

    @property
    def supports_daylight_saving_time(self) -> bool:
        return any(sample.dst() for sample in self._samples())

    def _names(self, variant: Optional[str]) -> Optional[str]:
        if self.Id in ("UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu"):
            return _UTC_NAME
        try:
            from babel.dates import get_timezone_name
        except ImportError:
            return None
        try:
            return get_timezone_name(self._zone, width="long", zone_variant=variant, locale="en_US")
        except Exception:
            return None

    @property
    def standard_name(self) -> str:
        return self._names("standard") or self.Id

    @property
    def daylight_name(self) -> str:
        return self._names("daylight") or self.Id if self.supports_daylight_saving_time else self.standard_name

    @property
    def display_name(self) -> str:
        prefix = _offset_text(self.base_utc_offset)
        generic = self._names(None)
        if generic is None:
            return f"{prefix} {self.Id}"
        if generic == _UTC_NAME:
            return f"{prefix} {generic}"
        city = ""
        try:
            from babel.dates import get_timezone_location
            city = get_timezone_location(self._zone, locale="en_US", return_city=True)
        except Exception:
            city = ""
        return f"{prefix} {generic} ({city})" if city else f"{prefix} {generic}"

    def _aware(self, value: Any) -> _dt.datetime:
        if not isinstance(value, _dt.datetime):
            raise ArgumentNullException(None, param_name="dateTime")
        return value.astimezone(self._zone) if value.tzinfo is not None else value.replace(tzinfo=self._zone)

    def get_utc_offset(self, value: Any) -> _dt.timedelta:
        return self._aware(value).utcoffset() or _dt.timedelta(0)

    def is_daylight_saving_time(self, value: Any) -> bool:
        return bool(self._aware(value).dst())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimeZoneInfo) and other.Id == self.Id

    def __hash__(self) -> int:
        return hash(self.Id)

    def __str__(self) -> str:
        return self.display_name


def local_id() -> str:
    """``$TZ``, else the zone ``/etc/localtime`` links to, else UTC."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz:
        return tz
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        return "UTC"
    marker = "/zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else "UTC"


def _find(value: Any) -> TimeZoneInfo:
    if isinstance(value, TimeZoneInfo):
        return value
    if value is None:
        raise ArgumentNullException(None, param_name="id")
    return TimeZoneInfo(to_string(value))


def _to_utc(value: Any, source: Optional[TimeZoneInfo]) -> _dt.datetime:
    if not isinstance(value, _dt.datetime):
        raise ArgumentNullException(None, param_name="dateTime")
    if value.tzinfo is not None:
        return value.astimezone(_dt.timezone.utc)
    if source is None:
        return value.astimezone(_dt.timezone.utc)
    return value.replace(tzinfo=source._zone).astimezone(_dt.timezone.utc)


def _in_zone(utc: _dt.datetime, target: TimeZoneInfo) -> _dt.datetime:
    if target.Id == "UTC":
        return utc
    if target.Id == local_id():
        return utc.astimezone().replace(tzinfo=None)
    return utc.astimezone(target._zone).replace(tzinfo=None)


def static_table() -> dict[str, tuple[str, Any, bool]]:
    """``[TimeZoneInfo]::Local``, ``Utc``, ``FindSystemTimeZoneById``, the conversions."""
    def convert_time(value: Any, first: Any, second: Any = None) -> _dt.datetime:
        if second is None:
            return _in_zone(_to_utc(value, None), _find(first))
        return _in_zone(_to_utc(value, _find(first)), _find(second))

    def by_id(value: Any, first: Any, second: Any = None) -> _dt.datetime:
        return convert_time(value, first, second)

    def all_zones() -> list:
        from zoneinfo import available_timezones
        zones = []
        for name in sorted(available_timezones()):
            if "/" in name and not name.startswith(("Etc/", "SystemV/", "posix/", "right/")):
                try:
                    zones.append(TimeZoneInfo(name))
                except TimeZoneNotFoundException:
                    continue
        return sorted(zones, key=lambda z: (z.base_utc_offset, z.Id))

    def try_find(value: Any, ref: Any) -> bool:
        try:
            found: Optional[TimeZoneInfo] = _find(value)
        except TimeZoneNotFoundException:
            found = None
        if hasattr(ref, "Value"):
            ref.Value = found
        return found is not None

    return {
        "local": ("Local", lambda: TimeZoneInfo(local_id()), False),
        "utc": ("Utc", lambda: TimeZoneInfo("UTC"), False),
        "findsystemtimezonebyid": ("FindSystemTimeZoneById", _find, True),
        "tryfindsystemtimezonebyid": ("TryFindSystemTimeZoneById", try_find, True),
        "getsystemtimezones": ("GetSystemTimeZones", lambda *skip: all_zones(), True),
        "converttime": ("ConvertTime", convert_time, True),
        "converttimebysystemtimezoneid": ("ConvertTimeBySystemTimeZoneId", by_id, True),
        "converttimefromutc": ("ConvertTimeFromUtc", lambda value, zone: _in_zone(
            value.replace(tzinfo=_dt.timezone.utc) if isinstance(value, _dt.datetime) and value.tzinfo is None
            else _to_utc(value, None), _find(zone)), True),
        "converttimetoutc": ("ConvertTimeToUtc", lambda value, zone=None: _to_utc(
            value, _find(zone) if zone is not None else None), True),
        "clearcacheddata": ("ClearCachedData", lambda: None, True),
    }
