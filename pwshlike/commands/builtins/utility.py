"""Get-Date, New-TimeSpan, New-Guid and Get-Random.

Dates follow the engine's convention: a naive ``datetime`` is local time,
an aware one (UTC) is a ``Kind=Utc`` DateTime.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import math
import random
import uuid
import weakref
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range
from pwshlike.dotnet.conversions import convert_to_double, parse_number
from pwshlike.dotnet.errors import ArgumentException, ErrorCategory, ErrorRecord
from pwshlike.dotnet.formatting_net import format_datetime
from pwshlike.dotnet.values import Int64

_INT_MAX = 2147483647
_INT64_MAX = (1 << 63) - 1
_DOUBLE_MAX = 1.7976931348623157e308
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

    A new GUID is a version 7 GUID (a millisecond time stamp followed by
    random bits, so GUIDs made one after the other sort by time), as pwsh's
    Guid.CreateVersion7 makes it.  -Empty returns the GUID whose digits are
    all zero; -InputObject (or strings from the pipeline) converts text in
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
            yield uuid.UUID(int=0) if self.empty else _guid_v7()
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


def _guid_v7() -> uuid.UUID:
    """RFC 9562 version 7: 48 bits of Unix milliseconds, the version, 74
    random bits with the variant bits set."""
    import os
    import time
    value = (time.time_ns() // 1_000_000 & ((1 << 48) - 1)) << 80
    value |= int.from_bytes(os.urandom(10), "big") & ((1 << 80) - 1)
    value = (value & ~(0xF << 76)) | (0x7 << 76)
    value = (value & ~(0x3 << 62)) | (0x2 << 62)
    return uuid.UUID(int=value)


# --- Get-Random -------------------------------------------------------------------------------------

# The generator each session uses: cryptographically strong until -SetSeed
# replaces it with a seeded one, which later calls then continue.
_GENERATORS: "weakref.WeakKeyDictionary[Any, random.Random]" = weakref.WeakKeyDictionary()


def _operand(value: Any) -> Any:
    """pwsh's ProcessOperand: a string is read as a number literal (Parser.ScanNumber),
    and what is no literal is converted to an int, whose error stops the cmdlet."""
    if isinstance(value, str):
        number = parse_number(value.strip())
        if number is None:
            from pwshlike.dotnet.conversions import convert_to_integer
            return convert_to_integer(value, "System.Int32")
        return number
    return value


def _is_int(value: Any) -> bool:
    return value is None or (type(value) is int and -_INT_MAX - 1 <= value <= _INT_MAX)


def _is_int64(value: Any) -> bool:
    return value is None or isinstance(value, Int64)


@cmdlet("Get-Random", default_parameter_set="RandomNumberParameterSet",
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097016")
class GetRandomCommand(Cmdlet):
    """Gets a random number in [-Minimum, -Maximum), or random items of the
    input (-Count of them), or the input shuffled.

    Without -SetSeed the numbers are cryptographically random."""

    help_examples = [
        ("Example 1: A random number below 100", "Get-Random -Maximum 100", "Returns an integer from 0 to 99."),
        ("Example 2: Pick items", "Get-ChildItem | Get-Random -Count 3",
         "Returns three of the current folder's items, chosen at random, in random order."),
        ("Example 3: Shuffle", "1..10 | Get-Random -Shuffle", "Returns the numbers 1 to 10 in random order."),
        ("Example 4: A repeatable sequence", "Get-Random -SetSeed 42 -Maximum 10; Get-Random -Maximum 10",
         "Seeding makes the session's generator repeatable: the same two numbers come out every time these "
         "commands run (the numbers differ from pwsh's, which uses .NET's generator)."),
    ]

    set_seed = Parameter("Int32", help="Seeds the generator, for a repeatable sequence.")
    maximum = Parameter("Object", sets={"RandomNumberParameterSet": {"position": 0}},
                        help="The exclusive upper bound.")
    minimum = Parameter("Object", sets={"RandomNumberParameterSet": {}}, help="The inclusive lower bound.")
    input_object = Parameter("Object[]", sets={
        "RandomListItemParameterSet": {"position": 0, "mandatory": True, "value_from_pipeline": True},
        "ShuffleParameterSet": {"position": 0, "mandatory": True, "value_from_pipeline": True}},
        allow_null=True, help="The items to choose from.")
    count = Parameter("Int32", sets={"RandomNumberParameterSet": {}, "RandomListItemParameterSet": {}},
                      validators=[validate_range(1, _INT_MAX)], default=1, help="How many to return.")
    shuffle = Parameter("SwitchParameter", sets={"ShuffleParameterSet": {"mandatory": True}},
                        help="Returns all the input in random order.")

    def begin_processing(self) -> Optional[Iterator[Any]]:
        if self.set_seed is not None:
            _GENERATORS[self.context] = random.Random(self.set_seed)
        self._random = _GENERATORS.get(self.context) or random.SystemRandom()
        self._chosen: list[Any] = []
        self._seen = 0
        self._mode = self.parameter_set_name
        # pwsh's EffectiveParameterSet: piped input without bounds means items, not numbers.
        if self.invocation.expecting_input and self.maximum is None and self.minimum is None \
                and self._mode == "RandomNumberParameterSet":
            self._mode = "RandomListItemParameterSet"
        elif self._mode == "RandomNumberParameterSet" and isinstance(self.maximum, (list, tuple)):
            # pwsh: an array given positionally is a list to choose from.
            self.input_object = list(self.maximum)
            self._mode = "RandomListItemParameterSet"
        if self._mode == "RandomNumberParameterSet":
            from pwshlike.dotnet.errors import RuntimeException
            try:
                operands = _operand(self.maximum), _operand(self.minimum)
            except RuntimeException as exc:
                self.throw_terminating_error(exc.error_record)
            return self._numbers(*operands)
        return None

    def _numbers(self, high: Any, low: Any) -> Iterator[Any]:
        rng = self._random
        if _is_int(high) and _is_int(low):
            minimum = low if low is not None else 0
            maximum = high if high is not None else _INT_MAX
            self._check_range(minimum, maximum)
            for _ in range(self.count):
                yield rng.randrange(minimum, maximum)
        elif (_is_int64(high) or _is_int(high)) and (_is_int64(low) or _is_int(low)):
            minimum = int(low) if low is not None else 0
            maximum = int(high) if high is not None else _INT64_MAX
            self._check_range(minimum, maximum)
            for _ in range(self.count):
                yield Int64(rng.randrange(minimum, maximum))
        else:
            minimum_f = convert_to_double(low) if low is not None else 0.0
            maximum_f = convert_to_double(high) if high is not None else _DOUBLE_MAX
            self._check_range(minimum_f, maximum_f)
            for _ in range(self.count):
                yield _random_double(rng, minimum_f, maximum_f)

    def _check_range(self, minimum: Any, maximum: Any) -> None:
        if minimum >= maximum:
            from pwshlike.dotnet.conversions import to_string
            message = (f"The Minimum value ({to_string(minimum)}) cannot be greater than or equal to the Maximum "
                       f"value ({to_string(maximum)}).")
            self.throw_terminating_error(ErrorRecord(ArgumentException(message), "MinGreaterThanOrEqualMax",
                                                     ErrorCategory.InvalidArgument, None))

    def process_record(self) -> None:
        if self._mode == "RandomNumberParameterSet":
            return
        items = self.input_object if self.input_object is not None else [None]
        if self.shuffle:  # the switch's value decides: -Shuffle:$false picks -Count items
            self._chosen.extend(items)
            return
        for item in items:
            if self._seen < self.count:
                self._chosen.append(item)
            elif self._random.randrange(self._seen + 1) < self.count:
                self._chosen[self._random.randrange(len(self._chosen))] = item
            self._seen += 1

    def end_processing(self) -> Iterator[Any]:
        if self._mode == "RandomNumberParameterSet":
            return
        chosen = self._chosen
        for i in range(len(chosen)):
            j = self._random.randrange(i, len(chosen))
            yield chosen[j]
            chosen[j] = chosen[i]


def _random_double(rng: Any, minimum: float, maximum: float) -> float:
    """A double in [minimum, maximum) as pwsh's GetRandomDouble draws it:
    a range wider than a double holds (MinValue..MaxValue) is spread as
    ``min + r*max - r*min``; a draw rounding up to the maximum is retried
    with a shrinking range."""
    diff = maximum - minimum
    while True:
        r = rng.random()
        if math.isinf(diff):
            number = minimum + r * maximum - r * minimum
        else:
            number = minimum + r * diff
            diff *= r
        if number < maximum:
            return number
