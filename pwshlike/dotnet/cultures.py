"""``System.Globalization.CultureInfo`` and the objects it hands out
(NumberFormatInfo, DateTimeFormatInfo, TextInfo), plus the session's current
culture and UI culture.

The current cultures start as .NET starts them on Linux (LC_ALL, then
LC_MESSAGES, then LANG; C/POSIX/unset is the invariant culture) and are read
only when something is first formatted for the culture, so starting a
script costs nothing.  ``[cultureinfo]::CurrentCulture = 'de-DE'`` sets them;
.NET keeps them per thread, pwshlike per process (a thread job sees the
culture its session set).

pwsh's rule about which culture applies: casts and string expansion use the
invariant culture (``conversions.to_string``); ``ToString()``, ``-f`` and
formatting use the current one (``formatting_net`` asks ``current()``).
"""

from __future__ import annotations

from typing import Any, Optional

from .culture_data import (
    all_culture_names, culture_data, culture_name_from_environment, display_name, invariant_data, LCIDS, named,
    UnknownCulture,
)
from .errors import ArgumentException, ArgumentNullException, InvalidOperationException
from .values import EnumInfo

CULTURE_TYPES = EnumInfo("System.Globalization.CultureTypes", (
    ("NeutralCultures", 1), ("SpecificCultures", 2), ("InstalledWin32Cultures", 4), ("AllCultures", 7),
    ("UserCustomCulture", 8), ("ReplacementCultures", 16), ("WindowsOnlyCultures", 32),
    ("FrameworkCultures", 64)), flags=True)


class CultureNotFoundException(ArgumentException):
    """``System.Globalization.CultureNotFoundException``: .NET's message
    names the parameter, then the bad name on a line of its own."""

    full_name = "System.Globalization.CultureNotFoundException"
    default_message = "Culture is not supported."

    PS_MEMBERS = dict(ArgumentException.PS_MEMBERS, InvalidCultureName="invalid_name")

    def __init__(self, name: str, param_name: str = "name") -> None:
        super().__init__(None, param_name=param_name)
        self.invalid_name = name

    @property
    def message(self) -> str:
        text = ArgumentException.message.fget(self)  # type: ignore[attr-defined]
        return f"{text}\n{self.invalid_name} is an invalid culture identifier."


class _ReadOnlyCheck:
    """A format object of a read-only culture (``GetCultureInfo``, the
    invariant culture) refuses changes as .NET's does."""

    read_only = False

    def __setattr__(self, name: str, value: Any) -> None:
        if name[:1].isupper() and self.read_only:
            raise InvalidOperationException("Instance is read-only.")
        object.__setattr__(self, name, value)


def _members(keys: Any, *computed: str) -> dict[str, str]:
    """A format object's .NET members: its data keys (instance attributes,
    which reflection over the class would not see) and computed properties."""
    return {name: name for name in (*keys, *computed)}


class NumberFormatInfo(_ReadOnlyCheck):
    """``CultureInfo.NumberFormat``: the symbols and patterns numbers are written with."""

    full_name = "System.Globalization.NumberFormatInfo"
    PS_MEMBERS = _members(
        invariant_data()["number"], "CurrencyDecimalSeparator", "CurrencyGroupSeparator", "PercentDecimalSeparator",
        "PercentGroupSeparator", "NumberGroupSizes", "CurrencyGroupSizes", "PercentGroupSizes", "NativeDigits",
        "IsReadOnly", "ToString")

    def __init__(self, data: dict[str, Any], read_only: bool) -> None:
        for key, value in data.items():
            object.__setattr__(self, key, value)
        for prefix in ("Currency", "Percent"):
            object.__setattr__(self, prefix + "DecimalSeparator", data["NumberDecimalSeparator"])
            object.__setattr__(self, prefix + "GroupSeparator", data["NumberGroupSeparator"])
        if "CurrencyDecimalDigits" not in data:
            object.__setattr__(self, "CurrencyDecimalDigits", 2)
        object.__setattr__(self, "NumberGroupSizes", [3])
        object.__setattr__(self, "CurrencyGroupSizes", [3])
        object.__setattr__(self, "PercentGroupSizes", [3])
        object.__setattr__(self, "NativeDigits", [str(i) for i in range(10)])
        object.__setattr__(self, "read_only", read_only)

    @property
    def IsReadOnly(self) -> bool:
        return self.read_only

    def ToString(self) -> str:
        return self.full_name

    def __str__(self) -> str:
        return self.full_name


class DateTimeFormatInfo(_ReadOnlyCheck):
    """``CultureInfo.DateTimeFormat``: the names and patterns dates are written with."""

    full_name = "System.Globalization.DateTimeFormatInfo"
    PS_MEMBERS = _members(
        invariant_data()["date"], "IsReadOnly", "FullDateTimePattern", "RFC1123Pattern", "SortableDateTimePattern",
        "UniversalSortableDateTimePattern", "GetMonthName", "GetAbbreviatedMonthName", "GetDayName",
        "GetAbbreviatedDayName", "ToString")

    def __init__(self, data: dict[str, Any], read_only: bool) -> None:
        for key, value in data.items():
            object.__setattr__(self, key, list(value) if isinstance(value, tuple) else value)
        object.__setattr__(self, "read_only", read_only)

    @property
    def IsReadOnly(self) -> bool:
        return self.read_only

    @property
    def FullDateTimePattern(self) -> str:
        return self.LongDatePattern + " " + self.LongTimePattern

    @property
    def RFC1123Pattern(self) -> str:
        return "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"

    @property
    def SortableDateTimePattern(self) -> str:
        return "yyyy'-'MM'-'dd'T'HH':'mm':'ss"

    @property
    def UniversalSortableDateTimePattern(self) -> str:
        return "yyyy'-'MM'-'dd HH':'mm':'ss'Z'"

    def GetMonthName(self, month: Any) -> str:
        return self.MonthNames[_month_index(month)]

    def GetAbbreviatedMonthName(self, month: Any) -> str:
        return self.AbbreviatedMonthNames[_month_index(month)]

    def GetDayName(self, day: Any) -> str:
        return self.DayNames[int(day) % 7]

    def GetAbbreviatedDayName(self, day: Any) -> str:
        return self.AbbreviatedDayNames[int(day) % 7]

    def ToString(self) -> str:
        return self.full_name

    def __str__(self) -> str:
        return self.full_name


def _month_index(month: Any) -> int:
    number = int(month)
    if not 1 <= number <= 13:
        from .errors import ArgumentOutOfRangeException
        raise ArgumentOutOfRangeException("Valid values are between 1 and 13, inclusive.", param_name="month")
    return number - 1


class TextInfo:
    """``CultureInfo.TextInfo``: the list separator and casing rules."""

    full_name = "System.Globalization.TextInfo"
    PS_MEMBERS = {"ListSeparator": "ListSeparator", "CultureName": "CultureName", "IsRightToLeft": "IsRightToLeft",
                  "ToTitleCase": "ToTitleCase", "ToUpper": "ToUpper", "ToLower": "ToLower", "ToString": "__str__"}

    def __init__(self, culture_name: str, list_separator: str) -> None:
        self.CultureName = culture_name
        self.ListSeparator = list_separator
        self.IsRightToLeft = culture_name.split("-")[0] in ("ar", "he", "fa", "ur")

    def ToTitleCase(self, text: Any) -> str:
        """Each word's first letter upper case, the rest lower case, except
        words all in capitals (acronyms), which .NET leaves alone."""
        if text is None:
            raise ArgumentNullException(param_name="str")
        out: list[str] = []
        for word in _words(str(text)):
            if word[:1].isalpha() and not (len(word) > 1 and word.isupper()):
                word = word[0].upper() + word[1:].lower()
            out.append(word)
        return "".join(out)

    def ToUpper(self, text: Any) -> str:
        return str(text).upper()

    def ToLower(self, text: Any) -> str:
        return str(text).lower()

    def __str__(self) -> str:
        return f"TextInfo - {self.CultureName}"


def _words(text: str) -> list[str]:
    import re
    return re.findall(r"[^\W_]+(?:'[^\W_]+)*|[\W_]+", text)


class CultureInfo:
    """``System.Globalization.CultureInfo`` (``[cultureinfo]'fr-FR'``): a
    culture's names and its NumberFormat, DateTimeFormat and TextInfo.
    ``''`` is the invariant culture."""

    full_name = "System.Globalization.CultureInfo"
    PS_MEMBERS = {
        "Name": "Name", "IetfLanguageTag": "Name", "DisplayName": "DisplayName", "EnglishName": "EnglishName",
        "NativeName": "NativeName", "LCID": "LCID", "KeyboardLayoutId": "LCID",
        "TwoLetterISOLanguageName": "TwoLetterISOLanguageName",
        "ThreeLetterISOLanguageName": "ThreeLetterISOLanguageName",
        "ThreeLetterWindowsLanguageName": "ThreeLetterWindowsLanguageName", "Parent": "Parent",
        "IsNeutralCulture": "IsNeutralCulture", "IsReadOnly": "IsReadOnly", "UseUserOverride": "UseUserOverride",
        "TextInfo": "TextInfo", "NumberFormat": "NumberFormat", "DateTimeFormat": "DateTimeFormat",
        "CultureTypes": "CultureTypes",
        "GetFormat": "GetFormat", "Clone": "Clone",
        "ToString": "__str__", "Equals": "__eq__", "GetHashCode": "GetHashCode",
    }

    def __init__(self, name: Any, use_user_override: bool = True, read_only: bool = False,
                 known: bool = False) -> None:
        """``known``: a name from the list of cultures, whose data is read
        only when first used (so listing every culture stays quick)."""
        if name is None:
            raise ArgumentNullException(param_name="name")
        self._loaded: Optional[dict[str, Any]] = None
        self._key = str(name)
        if not known:
            try:
                self._loaded = culture_data(self._key)
            except UnknownCulture:
                raise CultureNotFoundException(self._key) from None
        self.UseUserOverride = bool(use_user_override)
        self.IsReadOnly = read_only
        self._number: Optional[NumberFormatInfo] = None
        self._date: Optional[DateTimeFormatInfo] = None

    @property
    def _data(self) -> dict[str, Any]:
        if self._loaded is None:
            self._loaded = culture_data(self._key)
        return self._loaded

    @property
    def Name(self) -> str:
        return self._data["Name"]

    @property
    def DisplayName(self) -> str:
        """In the current UI culture's language, as ICU gives it to .NET."""
        return display_name(self._data, current_ui().Name)

    @property
    def EnglishName(self) -> str:
        return named(self._data)["EnglishName"]

    @property
    def NativeName(self) -> str:
        return named(self._data)["NativeName"]

    @property
    def LCID(self) -> int:
        return self._data["LCID"]

    @property
    def TwoLetterISOLanguageName(self) -> str:
        return self._data["TwoLetterISOLanguageName"]

    @property
    def ThreeLetterISOLanguageName(self) -> str:
        return named(self._data)["ThreeLetterISOLanguageName"]

    @property
    def ThreeLetterWindowsLanguageName(self) -> str:
        return self._data["ThreeLetterWindowsLanguageName"]

    @property
    def IsNeutralCulture(self) -> bool:
        return self._data["IsNeutralCulture"]

    @property
    def Parent(self) -> "CultureInfo":
        return get_culture(self._data["Parent"])

    @property
    def TextInfo(self) -> TextInfo:
        return TextInfo(self.Name, self._data["ListSeparator"])

    @property
    def CultureTypes(self) -> Any:
        """Neutral or specific, and installed (every culture here comes with the system's data)."""
        return CULTURE_TYPES.value((1 if self.IsNeutralCulture else 2) | 4)

    @property
    def NumberFormat(self) -> NumberFormatInfo:
        if self._number is None:
            self._number = NumberFormatInfo(self._data["number"], self.IsReadOnly)
        return self._number

    @property
    def DateTimeFormat(self) -> DateTimeFormatInfo:
        if self._date is None:
            self._date = DateTimeFormatInfo(self._data["date"], self.IsReadOnly)
        return self._date

    def GetFormat(self, type_: Any) -> Any:
        name = getattr(type_, "full_name", None) or getattr(type_, "name", "") or str(type_)
        if str(name).endswith("NumberFormatInfo"):
            return self.NumberFormat
        if str(name).endswith("DateTimeFormatInfo"):
            return self.DateTimeFormat
        return None

    def Clone(self) -> "CultureInfo":
        """A writable copy, with any changes made to this culture's formats."""
        import copy
        clone = CultureInfo(self._key, self.UseUserOverride, known=True)
        clone._loaded = self._loaded
        for attr in ("_number", "_date"):
            original = getattr(self, attr)
            if original is not None:
                duplicate = copy.deepcopy(original)
                object.__setattr__(duplicate, "read_only", False)
                setattr(clone, attr, duplicate)
        return clone

    def GetHashCode(self) -> int:
        return hash(self.Name.lower()) & 0x7FFFFFFF

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, CultureInfo) and self.Name.lower() == other.Name.lower()

    def __hash__(self) -> int:
        return hash(self.Name.lower())

    def __str__(self) -> str:
        return self.Name


_READ_ONLY: dict[str, CultureInfo] = {}


def get_culture(name: Any, known: bool = False) -> CultureInfo:
    """``CultureInfo.GetCultureInfo(name)``: one shared, read-only instance
    per culture (``known``: a name from the list of cultures, see CultureInfo)."""
    if name is None:
        raise ArgumentNullException(param_name="name")
    key = str(name).lower()
    culture = _READ_ONLY.get(key)
    if culture is None:
        culture = CultureInfo(name, read_only=True, known=known)
        _READ_ONLY[key] = culture
        if not known:
            _READ_ONLY[culture.Name.lower()] = culture
    return culture


def culture_by_lcid(lcid: int) -> CultureInfo:
    """``[cultureinfo]1031``: the culture with that Windows LCID (127 is the invariant culture)."""
    if lcid == 127:
        return invariant()
    for name, number in LCIDS.items():
        if number == lcid:
            return get_culture(name)
    raise CultureNotFoundException(f"{lcid} (0x{lcid:04x})", param_name="culture")


def invariant() -> CultureInfo:
    return get_culture("")


def all_cultures(types: Any = 7) -> list[CultureInfo]:
    """``CultureInfo.GetCultures(types)``: every culture CLDR has, the
    invariant culture among the neutral ones."""
    if isinstance(types, str):
        found_flags = [CULTURE_TYPES.lookup(part) for part in types.split(",")]
        if any(flag is None for flag in found_flags):
            raise ArgumentException(f"Requested value '{types}' was not found.")
        flags = sum(int(flag) for flag in found_flags if flag is not None)
    else:
        flags = int(types)
    neutral, specific = bool(flags & 1), bool(flags & 2)
    found: list[CultureInfo] = []
    for name in all_culture_names():
        is_neutral = name == "" or not _has_region(name)
        if (neutral and is_neutral) or (specific and not is_neutral):
            found.append(get_culture(name, known=True))
    return found


def _has_region(name: str) -> bool:
    """Whether a culture name names a country or region (``de-DE``,
    ``es-419``, ``sr-Latn-RS``), which makes it a specific culture."""
    return any((len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit())
               for part in name.split("-")[1:])


class _Current:
    """The session's current culture and UI culture (None until first read)."""
    culture: Optional[CultureInfo] = None
    ui_culture: Optional[CultureInfo] = None


def current() -> CultureInfo:
    """``CultureInfo.CurrentCulture``: read-only as .NET makes the user's
    default culture (a script clones it to change it)."""
    culture = _Current.culture
    if culture is None:
        culture = _Current.culture = CultureInfo(culture_name_from_environment(), read_only=True)
    return culture


def current_ui() -> CultureInfo:
    """``CultureInfo.CurrentUICulture`` (the same environment setting as the culture on Linux)."""
    culture = _Current.ui_culture
    if culture is None:
        culture = _Current.ui_culture = CultureInfo(culture_name_from_environment(), read_only=True)
    return culture


def as_culture(value: Any) -> CultureInfo:
    """A culture from what a script passes (a CultureInfo or a name)."""
    if isinstance(value, CultureInfo):
        return value
    if value is None:
        raise ArgumentNullException(param_name="value")
    return CultureInfo(str(value))


def set_current(value: Any) -> None:
    _Current.culture = as_culture(value)


def set_current_ui(value: Any) -> None:
    _Current.ui_culture = as_culture(value)
