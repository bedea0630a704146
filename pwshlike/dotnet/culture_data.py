"""The data behind a ``CultureInfo``: names, number symbols and patterns,
date names and patterns, as .NET 8 on Linux reads them from ICU.

Two cultures are written out here and need nothing else: the invariant
culture (hard-coded in .NET too) and en-US (what most users run under, so a
script on an en_US system never loads a locale library).  Every other
culture comes from CLDR, the data ICU is built from, through Babel (imported
only here, and only when such a culture is first asked for).  ICU's patterns
are mapped to .NET's the way .NET's own ICU glue maps them: ``EEEE`` becomes
``dddd``, a lone ``y`` ``yyyy``, ``a`` ``tt``, the short date's two-digit year
four digits, narrow no-break spaces in times plain spaces.

Where .NET takes the current culture from the environment is here too
(``culture_name_from_environment``): ``LC_ALL``, then ``LC_MESSAGES``, then
``LANG``; ``C``, ``POSIX`` or nothing at all mean the invariant culture.
"""

from __future__ import annotations

import os
import re
from typing import Any, Optional

ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December", "")
ENGLISH_DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")

# .NET's number formats' pattern tables, indexed by NumberFormatInfo's *Pattern properties ('n' the
# number, '$' the currency symbol, '%' the percent symbol, '-' the negative sign).
CURRENCY_POSITIVE = ("$n", "n$", "$ n", "n $")
CURRENCY_NEGATIVE = ("($n)", "-$n", "$-n", "$n-", "(n$)", "-n$", "n-$", "n$-", "-n $", "-$ n", "n $-",
                     "$ n-", "$ -n", "n- $", "($ n)", "(n $)", "$- n")
PERCENT_POSITIVE = ("n %", "n%", "%n", "% n")
PERCENT_NEGATIVE = ("-n %", "-n%", "-%n", "%-n", "%n-", "n-%", "n%-", "-% n", "n %-", "% n-", "% -n", "n- %")
NUMBER_NEGATIVE = ("(n)", "-n", "- n", "n-", "n -")


def invariant_data() -> dict[str, Any]:
    """The invariant culture's data (a fresh copy: the cultures built on it change their copy)."""
    english = "Invariant Language (Invariant Country)"
    return {
        "Name": "", "EnglishName": english, "NativeName": english, "LCID": 127,
        "TwoLetterISOLanguageName": "iv", "ThreeLetterISOLanguageName": "ivl",
        "ThreeLetterWindowsLanguageName": "IVL", "Parent": "", "IsNeutralCulture": False, "ListSeparator": ",",
        "number": {
            "NumberDecimalSeparator": ".", "NumberGroupSeparator": ",", "CurrencySymbol": "\u00a4",
            "PercentSymbol": "%", "PerMilleSymbol": "\u2030", "NegativeSign": "-", "PositiveSign": "+",
            "NaNSymbol": "NaN", "PositiveInfinitySymbol": "Infinity", "NegativeInfinitySymbol": "-Infinity",
            "CurrencyPositivePattern": 0, "CurrencyNegativePattern": 0, "NumberNegativePattern": 1,
            "PercentPositivePattern": 0, "PercentNegativePattern": 0, "CurrencyDecimalDigits": 2,
            "NumberDecimalDigits": 2, "PercentDecimalDigits": 2,
        },
        "date": {
            "ShortDatePattern": "MM/dd/yyyy", "LongDatePattern": "dddd, dd MMMM yyyy", "ShortTimePattern": "HH:mm",
            "LongTimePattern": "HH:mm:ss", "MonthDayPattern": "MMMM dd", "YearMonthPattern": "yyyy MMMM",
            "AMDesignator": "AM", "PMDesignator": "PM", "DateSeparator": "/", "TimeSeparator": ":",
            "FirstDayOfWeek": 0, "CalendarWeekRule": 0,
            "MonthNames": ENGLISH_MONTHS, "MonthGenitiveNames": ENGLISH_MONTHS,
            "AbbreviatedMonthNames": tuple(m[:3] for m in ENGLISH_MONTHS),
            "AbbreviatedMonthGenitiveNames": tuple(m[:3] for m in ENGLISH_MONTHS),
            "DayNames": ENGLISH_DAYS, "AbbreviatedDayNames": tuple(d[:3] for d in ENGLISH_DAYS),
            "ShortestDayNames": tuple(d[:2] for d in ENGLISH_DAYS),
        },
    }


def _en_us() -> dict[str, Any]:
    """en-US built in, not read from Babel: it is the culture most sessions
    run in, and the formats pwsh shows for it are .NET's (``M/d/yyyy``,
    ``h:mm tt``), which CLDR words slightly differently."""
    data = invariant_data()
    data.update({"Name": "en-US", "EnglishName": "English (United States)", "NativeName": "English (United States)",
                 "LCID": 1033, "TwoLetterISOLanguageName": "en",
                 "ThreeLetterISOLanguageName": "eng", "ThreeLetterWindowsLanguageName": "ENU", "Parent": "en"})
    data["number"].update({"CurrencySymbol": "$", "CurrencyNegativePattern": 1, "PercentPositivePattern": 1,
                           "PercentNegativePattern": 1, "PositiveInfinitySymbol": "\u221e",
                           "NegativeInfinitySymbol": "-\u221e"})
    data["date"].update({"ShortDatePattern": "M/d/yyyy", "LongDatePattern": "dddd, MMMM d, yyyy",
                         "ShortTimePattern": "h:mm tt", "LongTimePattern": "h:mm:ss tt", "MonthDayPattern": "MMMM d",
                         "YearMonthPattern": "MMMM yyyy"})
    return data


# LCIDs of the cultures scripts name most (ICU knows them; CLDR does not).  Others are 4096,
# LOCALE_CUSTOM_UNSPECIFIED, as .NET reports for a culture without one.
LCIDS = {
    "ar-SA": 1025, "bg-BG": 1026, "ca-ES": 1027, "zh-TW": 1028, "cs-CZ": 1029, "da-DK": 1030, "de-DE": 1031,
    "el-GR": 1032, "en-US": 1033, "fi-FI": 1035, "fr-FR": 1036, "he-IL": 1037, "hu-HU": 1038, "is-IS": 1039,
    "it-IT": 1040, "ja-JP": 1041, "ko-KR": 1042, "nl-NL": 1043, "nb-NO": 1044, "pl-PL": 1045, "pt-BR": 1046,
    "ro-RO": 1048, "ru-RU": 1049, "hr-HR": 1050, "sk-SK": 1051, "sv-SE": 1053, "th-TH": 1054, "tr-TR": 1055,
    "uk-UA": 1058, "id-ID": 1057, "sl-SI": 1060, "et-EE": 1061, "lv-LV": 1062, "lt-LT": 1063, "vi-VN": 1066,
    "hi-IN": 1081, "zh-CN": 2052, "de-CH": 2055, "en-GB": 2057, "es-MX": 2058, "fr-BE": 2060, "it-CH": 2064,
    "nl-BE": 2067, "pt-PT": 2070, "de-AT": 3079, "en-AU": 3081, "es-ES": 3082, "fr-CA": 3084, "en-CA": 4105,
    "fr-CH": 4108, "en-NZ": 5129, "en-IE": 6153, "en-ZA": 7177, "en-IN": 16393,
    "ar": 1, "bg": 2, "ca": 3, "cs": 5, "da": 6, "de": 7, "el": 8, "en": 9, "es": 10, "fi": 11, "fr": 12,
    "he": 13, "hu": 14, "is": 15, "it": 16, "ja": 17, "ko": 18, "nl": 19, "pl": 21, "pt": 22, "ro": 24,
    "ru": 25, "hr": 26, "sk": 27, "sv": 29, "th": 30, "tr": 31, "uk": 34, "zh": 30724,
}

_BUILT_IN = {"": invariant_data, "en-us": _en_us}
_CACHE: dict[str, dict[str, Any]] = {}


class UnknownCulture(LookupError):
    """No culture by that name (the caller raises .NET's CultureNotFoundException)."""


def culture_data(name: str) -> dict[str, Any]:
    """The data of the culture ``name`` (any case, ``_`` or ``-``); raises
    UnknownCulture for a name neither built in nor in CLDR."""
    key = name.strip().replace("_", "-").lower() if name else ""
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    build = _BUILT_IN.get(key)
    if build is not None:
        data = build()
    else:
        data = _read_disk_cache(key) or _write_disk_cache(key, _from_cldr(name))
    _CACHE[key] = data
    return data


# --- the disk cache ------------------------------------------------------------------------------------
# Reading a culture from Babel costs some 100 ms (its pickles for root, the language and the region, merged);
# a script that prints a number under LANG=de_DE.UTF-8 would pay that on every run.  So what a culture is
# made of is kept as JSON under $XDG_CACHE_HOME/pwshlike/cultures, stamped with this module's format and
# the installed Babel (its package file's modification time, read without importing it).

_FORMAT = 2


def _disk_cache_file(key: str) -> Optional[str]:
    if not re.fullmatch(r"[a-z0-9-]{1,85}", key):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "pwshlike", "cultures", key + ".json")


def _stamp() -> Optional[str]:
    from importlib.util import find_spec
    spec = find_spec("babel")
    if spec is None or spec.origin is None:
        return None
    try:
        return f"{_FORMAT}:{os.stat(spec.origin).st_mtime_ns}"
    except OSError:
        return None


def _read_disk_cache(key: str) -> Optional[dict[str, Any]]:
    """A culture's data as an earlier process stored it, so Babel need not
    be imported again; a missing, unreadable or stale file (another Babel
    version or data format) is None."""
    path = _disk_cache_file(key)
    if path is None:
        return None
    import json
    try:
        with open(path, encoding="utf-8") as handle:
            stored = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("stamp") != _stamp() or not isinstance(stored.get("data"), dict):
        return None
    return stored["data"]


def _write_disk_cache(key: str, data: dict[str, Any]) -> dict[str, Any]:
    """Stores ``data`` (without its Babel locale object) and returns it; a cache
    that cannot be written (a read-only home) is simply not kept."""
    path, stamp = _disk_cache_file(key), _stamp()
    if path is None or stamp is None:
        return data
    import json
    import tempfile
    plain = {k: v for k, v in data.items() if k != "locale"}
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"stamp": stamp, "data": plain}, out, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError:
        pass
    return data


def culture_name_from_environment() -> str:
    """The culture .NET starts with on Linux: ICU's default locale, taken
    from ``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` (the first one set); ``C``
    and ``POSIX`` (ICU's en_US_POSIX) and no setting at all are the
    invariant culture, as is a locale CLDR does not know."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            break
    else:
        return ""
    name = value.split(".", 1)[0].split("@", 1)[0]
    if name in ("C", "POSIX", ""):
        return ""
    try:
        return culture_data(name)["Name"]
    except UnknownCulture:
        return ""


def all_culture_names() -> list[str]:
    """Every culture CLDR has, by .NET name (``GetCultures``), invariant first."""
    from babel.localedata import locale_identifiers
    names = {_net_name(identifier) for identifier in locale_identifiers() if identifier != "root"}
    return [""] + sorted(names, key=str.lower)


# --- CLDR (Babel) -------------------------------------------------------------------------------------

def _net_name(identifier: str) -> str:
    return identifier.replace("_", "-")


def _locale(name: str) -> Any:
    from babel import Locale, UnknownLocaleError
    text = name.strip().replace("_", "-")
    if not text or len(text) > 85 or not re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", text):
        raise UnknownCulture(name)
    try:
        return Locale.parse(text, sep="-")
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise UnknownCulture(name) from exc


def _from_cldr(name: str) -> dict[str, Any]:
    """A culture's data from CLDR; its display names wait for ``named`` (they
    read a second locale's data, English, which formatting never needs)."""
    locale = _locale(name)
    net_name = "-".join(p for p in (locale.language, locale.script, locale.territory, locale.variant) if p)
    data = invariant_data()
    for key in NAME_KEYS:
        del data[key]
    data.update({
        "Name": net_name, "LCID": LCIDS.get(net_name, 4096), "TwoLetterISOLanguageName": locale.language,
        "ThreeLetterWindowsLanguageName": _WINDOWS_NAMES.get(net_name, "ZZZ"),
        "Parent": "-".join(p for p in (locale.language, locale.script) if p) if locale.territory else "",
        "IsNeutralCulture": locale.territory is None, "locale": locale,
    })
    data["number"] = _number_data(locale)
    data["ListSeparator"] = ";" if data["number"]["NumberDecimalSeparator"] == "," else ","
    data["date"] = _date_data(locale)
    return data


NAME_KEYS = ("EnglishName", "NativeName", "ThreeLetterISOLanguageName")


def display_name(data: dict[str, Any], ui_name: str) -> str:
    """The culture's name in the UI culture's language (.NET's DisplayName,
    which ICU gives in CurrentUICulture's language): English under an English
    or the invariant UI culture, and for the invariant culture itself."""
    english = named(data)["EnglishName"]
    if not data["Name"] or not ui_name or ui_name.lower().split("-")[0] == "en":
        return english
    key = ui_name.lower() + "|" + data["Name"].lower()
    if key not in _DISPLAY_NAMES:
        locale = data.get("locale") or _locale(data["Name"])
        _DISPLAY_NAMES[key] = locale.get_display_name(_locale(ui_name)) or english
    return _DISPLAY_NAMES[key]


_DISPLAY_NAMES: dict[str, str] = {}


def named(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with its display names and ISO 639-2 code (read on first use)."""
    if "EnglishName" not in data:
        locale = data.get("locale") or _locale(data["Name"])
        english = locale.get_display_name("en") or data["Name"]
        data.update({"EnglishName": english, "NativeName": locale.get_display_name() or english,
                     "ThreeLetterISOLanguageName": _three_letters(locale.language)})
        _write_disk_cache(data["Name"].lower(), data)
    return data


def _three_letters(language: str) -> str:
    """ISO 639-2/T code of a language, from CLDR's language aliases (which
    map both the T and the B codes to the two-letter one)."""
    from babel.core import get_global
    for alias, target in get_global("language_aliases").items():
        if (target == language and len(alias) == 3 and alias.isalpha() and alias[0] == language[0]
                and alias not in _BIBLIOGRAPHIC):
            return alias
    return language


# ISO 639-2/B codes that differ from the terminology (T) codes .NET reports.
_BIBLIOGRAPHIC = frozenset(("alb", "arm", "baq", "bur", "chi", "cze", "dut", "fre", "geo", "ger", "gre", "ice",
                            "mac", "mao", "may", "per", "rum", "slo", "tib", "wel"))

# Windows' three-letter language names (.NET has its own table; a culture outside it is "ZZZ").
_WINDOWS_NAMES = {
    "de": "DEU", "de-DE": "DEU", "de-AT": "DEA", "de-CH": "DES", "en": "ENU", "en-GB": "ENG", "en-AU": "ENA",
    "en-CA": "ENC", "en-IE": "ENI", "en-NZ": "ENZ", "en-IN": "ENN", "fr": "FRA", "fr-FR": "FRA", "fr-CA": "FRC",
    "fr-BE": "FRB", "fr-CH": "FRS", "es": "ESN", "es-ES": "ESN", "es-MX": "ESM", "it": "ITA", "it-IT": "ITA",
    "ja": "JPN", "ja-JP": "JPN", "ru": "RUS", "ru-RU": "RUS", "zh-CN": "CHS", "zh-TW": "CHT", "pt": "PTB",
    "pt-BR": "PTB", "pt-PT": "PTG", "nl": "NLD", "nl-NL": "NLD", "nl-BE": "NLB", "sv": "SVE", "sv-SE": "SVE",
    "da": "DAN", "da-DK": "DAN", "fi": "FIN", "fi-FI": "FIN", "nb": "NOR", "nb-NO": "NOR", "pl": "PLK",
    "pl-PL": "PLK", "cs": "CSY", "cs-CZ": "CSY", "tr": "TRK", "tr-TR": "TRK", "ko": "KOR", "ko-KR": "KOR",
    "uk": "UKR", "uk-UA": "UKR", "el": "ELL", "el-GR": "ELL", "hu": "HUN", "hu-HU": "HUN", "he": "HEB",
    "he-IL": "HEB", "ar": "ARA", "ar-SA": "ARA",
}


def _symbols(locale: Any) -> dict[str, str]:
    symbols = locale.number_symbols
    system = getattr(locale, "default_numbering_system", "latn")
    if isinstance(symbols.get(system), dict):
        return symbols[system]
    return symbols.get("latn", symbols)


def _number_data(locale: Any) -> dict[str, Any]:
    """NumberFormatInfo's fields for a Babel locale: CLDR's symbols and
    patterns mapped onto .NET's numbered pattern tables, the invariant
    culture's values where CLDR has none."""
    from babel.numbers import get_currency_precision, get_territory_currencies
    symbols = _symbols(locale)
    minus = symbols.get("minusSign", "-")
    number: dict[str, Any] = dict(invariant_data()["number"])
    number.update({
        "NumberDecimalSeparator": symbols.get("decimal", "."), "NumberGroupSeparator": symbols.get("group", ","),
        "PercentSymbol": symbols.get("percentSign", "%"), "PerMilleSymbol": symbols.get("perMille", "\u2030"),
        "NegativeSign": minus, "PositiveSign": symbols.get("plusSign", "+"), "NaNSymbol": symbols.get("nan", "NaN"),
        "PositiveInfinitySymbol": symbols.get("infinity", "\u221e"),
        "NegativeInfinitySymbol": minus + symbols.get("infinity", "\u221e"),
    })
    currencies = get_territory_currencies(locale.territory) if locale.territory else []
    if currencies:
        number["CurrencySymbol"] = locale.currency_symbols.get(currencies[0], currencies[0])
        number["CurrencyDecimalDigits"] = get_currency_precision(currencies[0])
    currency = locale.currency_formats.get("standard")
    if currency is not None:
        positive = _shape(currency.pattern.split(";")[0], "\u00a4")
        number["CurrencyPositivePattern"] = _index(CURRENCY_POSITIVE, positive, 0)
        number["CurrencyNegativePattern"] = _index(CURRENCY_NEGATIVE, _negative(currency.pattern, positive, "$"), 1)
    percent = locale.percent_formats.get(None)
    if percent is not None:
        positive = _shape(percent.pattern.split(";")[0], "%")
        number["PercentPositivePattern"] = _index(PERCENT_POSITIVE, positive, 0)
        number["PercentNegativePattern"] = _index(PERCENT_NEGATIVE, _negative(percent.pattern, positive, "%"), 0)
    return number


def _shape(pattern: str, symbol: str) -> str:
    """A CLDR number pattern reduced to .NET's pattern alphabet (``n``, the
    symbol as ``$`` or ``%``, one space for any kind of space, ``-``)."""
    text = re.sub(r"[#0,.]+", "n", pattern.replace("'", ""))
    text = re.sub(r"[\s\u00a0\u202f]+", " ", text)
    if symbol == "\u00a4":
        text = text.replace("\u00a4", "$")
    return re.sub(r"[^n$% ()\-]", "", text).strip()


def _negative(pattern: str, positive: str, symbol: str) -> str:
    parts = pattern.split(";")
    if len(parts) > 1:
        return _shape(parts[1], "\u00a4" if symbol == "$" else "%")
    return "-" + positive


def _index(table: tuple[str, ...], shape: str, default: int) -> int:
    return table.index(shape) if shape in table else default


def _date_data(locale: Any) -> dict[str, Any]:
    """DateTimeFormatInfo's fields for a Babel locale: month and day names
    in their standalone and genitive forms and .NET-style date and time
    patterns built from CLDR's skeletons."""
    from babel.dates import match_skeleton
    months, days = locale.months, locale.days

    def month_names(context: str, width: str) -> tuple[str, ...]:
        names = months.get(context, months["format"]).get(width) or months["format"][width]
        return tuple(names[i] for i in range(1, 13)) + ("",)

    def day_names(width: str) -> tuple[str, ...]:
        names = days.get("stand-alone", days["format"]).get(width) or days["format"][width]
        return tuple(names[(i + 6) % 7] for i in range(7))  # CLDR counts from Monday, .NET from Sunday

    periods = locale.day_periods.get("format", {}).get("abbreviated", {})
    skeletons = locale.datetime_skeletons

    def skeleton(wanted: str, fallback: str) -> str:
        match = match_skeleton(wanted, list(skeletons)) if skeletons else None
        return normalize_date_pattern(str(skeletons[match].pattern) if match else fallback)

    short_date = normalize_date_pattern(_widen_short_year(locale.date_formats["short"].pattern))
    long_time = normalize_time_pattern(locale.time_formats["medium"].pattern)
    return {
        "ShortDatePattern": short_date, "LongDatePattern": normalize_date_pattern(locale.date_formats["full"].pattern),
        "ShortTimePattern": normalize_time_pattern(locale.time_formats["short"].pattern),
        "LongTimePattern": long_time, "MonthDayPattern": skeleton("MMMMd", "MMMM d"),
        "YearMonthPattern": skeleton("yMMMM", "yyyy MMMM"),
        "AMDesignator": periods.get("am", "AM"), "PMDesignator": periods.get("pm", "PM"),
        "DateSeparator": _separator(short_date, "dMy", "/"), "TimeSeparator": _separator(long_time, "Hhms", ":"),
        "FirstDayOfWeek": (locale.first_week_day + 1) % 7, "CalendarWeekRule": 0 if locale.min_week_days == 1 else 2,
        "MonthNames": month_names("stand-alone", "wide"), "MonthGenitiveNames": month_names("format", "wide"),
        "AbbreviatedMonthNames": month_names("stand-alone", "abbreviated"),
        "AbbreviatedMonthGenitiveNames": month_names("format", "abbreviated"),
        "DayNames": day_names("wide"), "AbbreviatedDayNames": day_names("abbreviated"),
        "ShortestDayNames": day_names("short"),
    }


def _widen_short_year(pattern: str) -> str:
    """.NET widens the short date's two-digit year to four (``M/d/yy`` is ``M/d/yyyy``)."""
    return re.sub(r"(?<!y)yy(?!y)", "yyyy", pattern, count=1)


def _runs(pattern: str) -> list[str]:
    """A pattern split into quoted literals and runs of one letter."""
    return [m.group(0) for m in re.finditer(r"'[^']*'|(.)\1*", pattern)]


def normalize_date_pattern(pattern: str) -> str:
    """An ICU date pattern in .NET's letters (.NET's NormalizeDatePattern)."""
    out: list[str] = []
    for run in _runs(pattern):
        letter, count = run[0], len(run)
        if letter == "'":
            out.append(run)
        elif letter in "Ec":
            out.append("ddd" if count <= 3 else "dddd")
        elif letter in "LM":
            out.append("M" * count if count <= 3 else "MMMM")
        elif letter == "G":
            out.append("g")
        elif letter == "y":
            out.append("yyyy" if count == 1 else run)
        elif letter in "YuUrQqwWDFge":
            continue
        else:
            out.append(run.replace("\u202f", " "))
    return "".join(out)


def normalize_time_pattern(pattern: str) -> str:
    """An ICU time pattern in .NET's letters (.NET's ConvertIcuTimeFormatString):
    hours, minutes, seconds and separators kept, ``a`` as ``tt``, any space a
    plain space, other fields dropped."""
    out: list[str] = []
    for run in _runs(pattern):
        letter = run[0]
        if letter == "'" or letter in ":.Hhms":
            out.append(run)
        elif letter in " \u00a0\u202f":
            out.append(" ")
        elif letter == "a" and "tt" not in out:
            out.append("tt")
    return "".join(out).strip()


def _separator(pattern: str, letters: str, default: str) -> str:
    """The text between a pattern's first two fields (.NET's DateSeparator / TimeSeparator)."""
    match = re.search(rf"[{letters}]+([^{letters}']+)[{letters}]", pattern)
    return match.group(1) if match else default
