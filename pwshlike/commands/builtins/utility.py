"""Get-Date, New-TimeSpan and New-Guid (Get-Random is in :mod:`.randomness`).

Dates follow the engine's convention: a naive ``datetime`` is local time,
an aware one (UTC) is a ``Kind=Utc`` DateTime.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import uuid
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord
from pwshlike.dotnet.formatting_net import format_datetime

_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)


# --- Get-Date ---------------------------------------------------------------------------------------

def _add_months(value: _dt.datetime, months: int) -> _dt.datetime:
    """``DateTime.AddMonths``: the day is clamped to the new month's length."""
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    day = min(value.day, calendar.monthrange(year, month + 1)[1])
    return value.replace(year=year, month=month + 1, day=day)


def _to_universal(value: _dt.datetime) -> _dt.datetime:
    return value.astimezone(_dt.timezone.utc)


def _iso_week_year(value: _dt.datetime) -> tuple[int, int]:
    year, week, _day = value.isocalendar()
    return year, week


def uformat(value: _dt.datetime, text: str) -> str:
    """pwsh's ``Get-Date -UFormat``: strftime-like specifiers mapped to
    .NET date formats as pwsh maps them."""
    out: list[str] = []
    i = 1 if text.startswith("+") else 0
    while i < len(text):
        c = text[i]
        i += 1
        if c != "%":
            out.append(c)
            continue
        if i >= len(text):
            break
        spec = text[i]
        i += 1
        out.append(_uformat_spec(value, spec))
    return "".join(out)


_UFORMAT_NET = {"A": "dddd", "a": "ddd", "B": "MMMM", "b": "MMM", "h": "MMM", "c": "ddd dd MMM yyyy HH:mm:ss",
                "D": "MM/dd/yy", "x": "MM/dd/yy", "d": "dd", "F": "yyyy-MM-dd", "H": "HH", "I": "hh", "M": "mm",
                "m": "MM", "p": "tt", "R": "HH:mm", "r": "hh:mm:ss tt", "S": "ss", "T": "HH:mm:ss",
                "X": "HH:mm:ss", "Y": "yyyy", "y": "yy", "Z": "zz"}


def _uformat_spec(value: _dt.datetime, spec: str) -> str:
    net = _UFORMAT_NET.get(spec)
    if net is not None:
        return format_datetime(value, net)
    day_of_week = (value.weekday() + 1) % 7  # .NET DayOfWeek: Sunday is 0
    day_of_year = value.timetuple().tm_yday
    if spec == "C":
        return str(value.year // 100)
    if spec == "e":
        return f"{value.day:>2}"
    if spec == "G":
        return f"{_iso_week_year(value)[0]:04d}"
    if spec == "g":
        return f"{_iso_week_year(value)[0] % 100:02d}"
    if spec == "j":
        return f"{day_of_year:03d}"
    if spec == "k":
        return f"{value.hour:>2}"
    if spec == "l":
        return f"{(value.hour % 12) or 12:>2}"
    if spec == "n":
        return "\n"
    if spec == "t":
        return "\t"
    if spec == "s":
        aware = value if value.tzinfo is not None else value.astimezone()
        return str(round((aware - _EPOCH).total_seconds()))
    if spec == "U":
        first = _dt.datetime(value.year, 1, 1)
        offset = (((first.weekday() + 1) % 7) + 6) % 7
        return f"{(offset + day_of_year - day_of_week) // 7:02d}"
    if spec == "u":
        return str(day_of_week or 7)
    if spec == "V":
        return f"{_iso_week_year(value)[1]:02d}"
    if spec == "W":
        return str(day_of_year // 7)
    if spec == "w":
        return str(day_of_week)
    return spec


_FILE_FORMATS = {"filedate": ("yyyyMMdd", False), "filedateuniversal": ("yyyyMMddZ", True),
                 "filedatetime": ("yyyyMMddTHHmmssffff", False),
                 "filedatetimeuniversal": ("yyyyMMddTHHmmssffffZ", True)}

_DATE_SETS = ("DateAndFormat", "DateAndUFormat")
_UNIX_SETS = ("UnixTimeSecondsAndFormat", "UnixTimeSecondsAndUFormat")


@cmdlet("Get-Date", default_parameter_set="DateAndFormat", output_types=("System.DateTime", "System.String"),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096615")
class GetDateCommand(Cmdlet):
    """Gets the current date and time, or another date with some parts
    replaced; -Format (.NET) and -UFormat (Unix) return text instead.

    -Date starts from another date instead of now; -Year, -Month, -Day, -Hour, -Minute, -Second and -Millisecond
    replace those parts. The result is a [datetime] unless -Format (a .NET format string such as 'yyyy-MM-dd', or a
    standard one such as 'o') or -UFormat (Unix date codes such as '%Y-%m-%d') asks for text."""

    help_examples = [
        ('Example 1: Now',
         'Get-Date',
         "Shows the current date and time in the culture's long format."),
        ('Example 2: A time stamp for file names',
         "Get-Date -Format 'yyyyMMdd-HHmmss'",
         'Returns text such as 20240615-093012.'),
        ('Example 3: Unix-style format',
         "Get-Date -UFormat '%Y-%m-%d %H:%M'",
         'Returns text such as 2024-06-15 09:30.'),
        ('Example 4: Date arithmetic',
         '(Get-Date).AddDays(-30)\nGet-Date -Year 2025 -Month 1 -Day 1',
         'The first line goes back thirty days; the second keeps the current time of day on 1 January 2025.'),
    ]

    date = Parameter("DateTime", aliases=("LastWriteTime",), sets={
        s: {"position": 0, "value_from_pipeline": True, "value_from_pipeline_by_property_name": True}
        for s in _DATE_SETS}, help="The date to start from (default: now).")
    unix_time_seconds = Parameter("Int64", aliases=("UnixTime",), sets={s: {"mandatory": True} for s in _UNIX_SETS},
                                  validators=[validate_range(-62135596800, 253402300799)],
                                  help="A date as seconds since 1970-01-01 UTC.")
    year = Parameter("Int32", validators=[validate_range(1, 9999)], help="The year to use.")
    month = Parameter("Int32", validators=[validate_range(1, 12)], help="The month to use.")
    day = Parameter("Int32", validators=[validate_range(1, 31)], help="The day to use.")
    hour = Parameter("Int32", validators=[validate_range(0, 23)], help="The hour to use.")
    minute = Parameter("Int32", validators=[validate_range(0, 59)], help="The minute to use.")
    second = Parameter("Int32", validators=[validate_range(0, 59)], help="The second to use.")
    millisecond = Parameter("Int32", validators=[validate_range(0, 999)], help="The millisecond to use.")
    u_format = Parameter("String", name="UFormat",
                         sets={"DateAndUFormat": {"mandatory": True}, "UnixTimeSecondsAndUFormat": {"mandatory": True}},
                         help="A Unix-style format (%Y-%m-%d).")
    format = Parameter("String", sets={"DateAndFormat": {}, "UnixTimeSecondsAndFormat": {}},
                       help="A .NET format (yyyy-MM-dd), or FileDate, FileDateTime and their Universal forms.")
    as_utc = Parameter("SwitchParameter", name="AsUTC", help="Converts the date to UTC.")

    def process_record(self) -> Iterator[Any]:
        bound = self.bound_parameters
        value: _dt.datetime
        if "Date" in bound:
            value = self.date
        elif "UnixTimeSeconds" in bound:
            value = _dt.datetime.fromtimestamp(int(self.unix_time_seconds), _dt.timezone.utc).astimezone()
            value = value.replace(tzinfo=None)
        else:
            value = _dt.datetime.now()
        if "Year" in bound:
            value = _add_months(value, (self.year - value.year) * 12)
        if "Month" in bound:
            value = _add_months(value, self.month - value.month)
        if "Day" in bound:
            value += _dt.timedelta(days=self.day - value.day)
        if "Hour" in bound:
            value += _dt.timedelta(hours=self.hour - value.hour)
        if "Minute" in bound:
            value += _dt.timedelta(minutes=self.minute - value.minute)
        if "Second" in bound:
            value += _dt.timedelta(seconds=self.second - value.second)
        if "Millisecond" in bound:
            value = value.replace(microsecond=self.millisecond * 1000)
        if self.as_utc:
            value = _to_universal(value)
        if self.u_format is not None:
            yield uformat(value, self.u_format)
        elif self.format is not None:
            fmt = self.format
            special = _FILE_FORMATS.get(fmt.lower())
            if special is not None:
                fmt = special[0]
                if special[1]:
                    value = _to_universal(value)
            yield format_datetime(value, fmt)
        else:
            yield value


# --- New-TimeSpan -------------------------------------------------------------------------------------

@cmdlet("New-TimeSpan", default_parameter_set="Date", output_types=("System.TimeSpan",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096709")
class NewTimeSpanCommand(Cmdlet):
    """Creates a time span: the time between -Start and -End (each default
    now), or the given days, hours, minutes, seconds and milliseconds.

    The result is a [timespan], which can be added to dates, compared or passed to Start-Sleep -Duration. With
    -Start and -End it is the time from one to the other (negative when -End is earlier)."""

    help_examples = [
        ('Example 1: A duration',
         'New-TimeSpan -Hours 1 -Minutes 30',
         'Returns a time span of one and a half hours.'),
        ('Example 2: Time until a date',
         'New-TimeSpan -End (Get-Date -Year 2030 -Month 1 -Day 1)',
         'Returns how long it is from now until then; its Days property gives whole days.'),
        ('Example 3: How old is a file',
         '(New-TimeSpan -Start (Get-Item ./app.log).LastWriteTime).TotalMinutes',
         'Returns the minutes since the file was last written.'),
    ]

    start = Parameter("DateTime", aliases=("LastWriteTime",), sets={"Date": {
        "position": 0, "value_from_pipeline_by_property_name": True}}, help="The start (default: now).")
    end = Parameter("DateTime", sets={"Date": {"position": 1}}, help="The end (default: now).")
    days = Parameter("Int32", sets={"Time": {}}, default=0, help="Days.")
    hours = Parameter("Int32", sets={"Time": {}}, default=0, help="Hours.")
    minutes = Parameter("Int32", sets={"Time": {}}, default=0, help="Minutes.")
    seconds = Parameter("Int32", sets={"Time": {}}, default=0, help="Seconds.")
    milliseconds = Parameter("Int32", sets={"Time": {}}, default=0, help="Milliseconds.")

    def process_record(self) -> Iterator[_dt.timedelta]:
        if self.parameter_set_name == "Time":
            yield _dt.timedelta(days=self.days, hours=self.hours, minutes=self.minutes, seconds=self.seconds,
                                milliseconds=self.milliseconds)
            return
        now = _dt.datetime.now()
        start = self.start if self.start is not None else now
        end = self.end if self.end is not None else now
        yield _naive_local(end) - _naive_local(start)


def _naive_local(value: _dt.datetime) -> _dt.datetime:
    return value.astimezone().replace(tzinfo=None) if value.tzinfo is not None else value


# --- New-Guid ---------------------------------------------------------------------------------------

@cmdlet("New-Guid", default_parameter_set="Default", output_types=("System.Guid",),
        help_uri="https://go.microsoft.com/fwlink/?LinkId=2097130")
class NewGuidCommand(Cmdlet):
    """Creates a new GUID, the empty GUID, or a GUID read from a string.

    A new GUID is a random (version 4) GUID, as pwsh 7.4's Guid.NewGuid
    makes it.  -Empty returns the GUID whose digits are all zero; -InputObject (or strings from the pipeline) converts text in
    any of .NET's GUID forms (32 digits, with dashes, braces or
    parentheses) to a [guid]."""

    help_examples = [
        ("Example 1: Make a new GUID", "New-Guid", "Returns a new [guid], different on every call."),
        ("Example 2: The empty GUID", "New-Guid -Empty", "Returns 00000000-0000-0000-0000-000000000000."),
        ("Example 3: Convert strings to GUIDs", "'0f8fad5bd9cb469fa16570867728950e' | New-Guid",
         "Returns the [guid] 0f8fad5b-d9cb-469f-a165-70867728950e; a string that is not a GUID gives a "
         "StringNotRecognizedAsGuid error."),
    ]

    empty = Parameter("SwitchParameter", sets={"Empty": {}}, help="Returns the GUID whose digits are all zero.")
    input_object = Parameter("String", sets={"InputObject": {"position": 0, "value_from_pipeline": True}},
                             allow_null=True, help="Text to convert to a GUID.")

    def process_record(self) -> Iterator[Optional[uuid.UUID]]:
        if self.parameter_set_name != "InputObject":
            yield uuid.UUID(int=0) if self.empty else uuid.uuid4()
            return
        from pwshlike.dotnet.conversions import parse_guid
        from pwshlike.dotnet.errors import ArgumentNullException, FormatException
        text = self.input_object
        guid = parse_guid(text) if text is not None else None
        if guid is None:
            exc = (ArgumentNullException("Value cannot be null. (Parameter 'g')") if text is None
                   else FormatException("Unrecognized Guid format."))
            self.write_error(ErrorRecord(exc, "StringNotRecognizedAsGuid", ErrorCategory.InvalidArgument, None))
        # pwsh writes the (null) result even after the error.
        yield guid
