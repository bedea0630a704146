"""Small .NET utility classes scripts use by value: ``[version]`` and the
``[Text.Encoding]`` objects (``[uri]`` has its own module, ``uri.py``).  Members use .NET names so
``members.py`` exposes them directly."""

from __future__ import annotations

from .conversions import convert_to_integer, to_string
from .errors import (
    ArgumentException, ArgumentNullException, ArgumentOutOfRangeException, FormatException, NotSupportedException,
)
from .types import BYTE
from .values import Byte, iter_collection, TypedArray

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


class Version:
    """``System.Version``: two to four numeric parts, compared part-wise
    (a missing part is -1 and sorts first, as in .NET)."""

    __slots__ = ("Major", "Minor", "Build", "Revision")
    full_name = "System.Version"

    def __init__(self, major: int = 0, minor: int = 0, build: int = -1, revision: int = -1) -> None:
        if min(major, minor) < 0 or (build < -1) or (revision < -1):
            raise ArgumentException("Version's parameters must be greater than or equal to zero.")
        self.Major, self.Minor, self.Build, self.Revision = major, minor, build, revision

    @classmethod
    def parse(cls, text: str) -> "Version":
        parts = text.strip().split(".")
        if not 2 <= len(parts) <= 4:
            raise ArgumentException("Version string portion was too short or too long. (Parameter 'input')")
        try:
            numbers = [int(p) for p in parts]
        except ValueError:
            raise FormatException(f"The input string '{parts[0] if not parts[0].isdigit() else text}' "
                                  f"was not in a correct format.") from None
        if any(n < 0 for n in numbers):
            raise ArgumentException("Version's parameters must be greater than or equal to zero.")
        return cls(*numbers)

    def _key(self) -> tuple[int, int, int, int]:
        return (self.Major, self.Minor, self.Build, self.Revision)

    @property
    def MajorRevision(self) -> int:
        return self.Revision >> 16 if self.Revision >= 0 else -1

    @property
    def MinorRevision(self) -> int:
        return self.Revision & 0xFFFF if self.Revision >= 0 else -1

    def CompareTo(self, other: Any) -> int:
        if other is None:
            return 1
        a, b = self._key(), other._key()
        return (a > b) - (a < b)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Version) and self._key() == other._key()

    def __lt__(self, other: "Version") -> bool:
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        parts = [self.Major, self.Minor]
        if self.Build >= 0:
            parts.append(self.Build)
            if self.Revision >= 0:
                parts.append(self.Revision)
        return ".".join(map(str, parts))

    def ToString(self, field_count: Optional[int] = None) -> str:
        if field_count is None:
            return str(self)
        return ".".join(str(p) for p in self._key()[:int(field_count)])

    def __repr__(self) -> str:
        return f"Version({str(self)!r})"


class TextEncoding:
    """A ``System.Text.Encoding`` (``[Text.Encoding]::UTF8``...).  The UTF-8
    instance from ``Encoding.UTF8`` emits a BOM preamble, as in .NET."""

    __slots__ = ("codec", "EncodingName", "WebName", "CodePage", "_bom", "_class_name", "_max_width")

    def __init__(self, codec: str, name: str, web_name: str, code_page: int, bom: bytes = b"",
                 class_name: str = "System.Text.UTF8Encoding", max_width: int = 1) -> None:
        self._max_width = max_width
        self.codec = codec
        self.EncodingName = name
        self.WebName = web_name
        self.CodePage = code_page
        self._bom = bom
        self._class_name = class_name

    @property
    def full_name(self) -> str:
        return self._class_name

    @property
    def BodyName(self) -> str:
        return self.WebName

    @property
    def HeaderName(self) -> str:
        return self.WebName

    def GetBytes(self, value: Any, index: Any = None, count: Any = None) -> TypedArray:
        if value is None:
            raise ArgumentNullException(None, param_name="s")
        items = iter_collection(value)
        text = "".join(str(c) for c in items) if items is not None else to_string(value)
        if index is not None:
            text = text[int(index):int(index) + int(count or 0)]
        data = text.encode(self.codec, errors="replace")
        return TypedArray([Byte(b) for b in data], BYTE)

    def GetString(self, data: Any, index: Any = None, count: Any = None) -> str:
        raw = to_bytes(data)
        if index is not None:
            raw = raw[int(index):int(index) + int(count or 0)]
        text = raw.decode(self.codec, errors="replace")
        # .NET's ASCIIEncoding decodes a byte above 127 as '?', where the Unicode encodings give U+FFFD.
        return text.replace("\ufffd", "?") if self.codec == "ascii" else text

    def GetChars(self, data: Any, index: Any = None, count: Any = None) -> TypedArray:
        from .types import CHAR
        from .values import Char
        return TypedArray([Char(c) for c in self.GetString(data, index, count)], CHAR)

    def GetMaxByteCount(self, char_count: Any) -> int:
        """.NET's worst case: (chars + 1) times the longest sequence a
        character takes (3 for UTF-8, which encodes surrogate pairs in 4)."""
        n = int(convert_to_integer(char_count))
        if n < 0:
            raise ArgumentOutOfRangeException("Non-negative number required.", param_name="charCount")
        width = {"utf-8": 3, "utf-16-le": 2, "utf-16-be": 2, "utf-32-le": 4}.get(self.codec, self._max_width)
        return (n + 1) * width

    def GetByteCount(self, value: Any) -> int:
        return len(self.GetBytes(value))

    def GetCharCount(self, data: Any) -> int:
        return len(self.GetString(data))

    def GetPreamble(self) -> TypedArray:
        return TypedArray([Byte(b) for b in self._bom], BYTE)

    def ToString(self) -> str:
        return self._class_name

    def __str__(self) -> str:
        return self._class_name

    def __repr__(self) -> str:
        return f"TextEncoding({self.WebName!r})"


def to_bytes(data: Any) -> bytes:
    """A byte array (list of ints, TypedArray of Byte, bytes) as bytes."""
    if data is None:
        raise ArgumentNullException(None, param_name="bytes")
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    items = iter_collection(data)
    if items is None:
        items = [data]
    return bytes(convert_to_integer(b, "System.Byte") for b in items)


_ENCODINGS: dict[str, TextEncoding] = {}


# The code pages pwsh's CodePagesEncodingProvider adds that scripts name most, by number:
# (Python codec, .NET WebName, EncodingName, bytes per character at most).
_CODE_PAGES: dict[int, tuple[str, str, str, int]] = {
    437: ("cp437", "IBM437", "OEM United States", 1), 850: ("cp850", "ibm850", "Western European (DOS)", 1),
    866: ("cp866", "cp866", "Cyrillic (DOS)", 1),
    1250: ("cp1250", "windows-1250", "Central European (Windows)", 1),
    1251: ("cp1251", "windows-1251", "Cyrillic (Windows)", 1),
    1252: ("cp1252", "windows-1252", "Western European (Windows)", 1),
    1253: ("cp1253", "windows-1253", "Greek (Windows)", 1), 1254: ("cp1254", "windows-1254", "Turkish (Windows)", 1),
    1255: ("cp1255", "windows-1255", "Hebrew (Windows)", 1), 1256: ("cp1256", "windows-1256", "Arabic (Windows)", 1),
    1257: ("cp1257", "windows-1257", "Baltic (Windows)", 1),
    1258: ("cp1258", "windows-1258", "Vietnamese (Windows)", 1),
    20866: ("koi8_r", "koi8-r", "Cyrillic (KOI8-R)", 1),
    28592: ("iso8859_2", "iso-8859-2", "Central European (ISO)", 1),
    28595: ("iso8859_5", "iso-8859-5", "Cyrillic (ISO)", 1),
    28605: ("iso8859_15", "iso-8859-15", "Latin 9 (ISO)", 1),
    932: ("cp932", "shift_jis", "Japanese (Shift-JIS)", 2), 936: ("gbk", "gb2312", "Chinese Simplified (GB2312)", 2),
    949: ("cp949", "ks_c_5601-1987", "Korean", 2), 950: ("big5", "big5", "Chinese Traditional (Big5)", 2),
}


def code_page_encoding(key: Any) -> Optional[TextEncoding]:
    """A code page encoding by number or .NET web name (1252,
    'windows-1252'), as pwsh's registered CodePagesEncodingProvider gives
    them; None when it is not one of them.  A number that is no code page
    is .NET's NotSupportedException."""
    number: Optional[int] = key if isinstance(key, int) else None
    if number is None:
        wanted = str(key).lower()
        number = next((cp for cp, entry in _CODE_PAGES.items() if entry[1].lower() == wanted), None)
        if number is None:
            return None
    entry = _CODE_PAGES.get(number)
    if entry is None:
        if not 0 <= number <= 65535:
            raise ArgumentOutOfRangeException("Valid values are between 0 and 65535, inclusive.",
                                              param_name="codepage")
        raise NotSupportedException(f"No data is available for encoding {number}. For information on defining "
                                    f"a custom encoding, see the documentation for the Encoding.RegisterProvider "
                                    f"method.")
    cached = _ENCODINGS.get(f"cp{number}")
    if cached is None:
        codec, web_name, display, width = entry
        cached = TextEncoding(codec, display, web_name, number, b"", "System.Text.SBCSCodePageEncoding"
                              if width == 1 else "System.Text.DBCSCodePageEncoding", width)
        _ENCODINGS[f"cp{number}"] = cached
    return cached


def encoding(name: str) -> TextEncoding:
    """The shared encoding objects: 'utf8' (with BOM preamble), 'utf8nobom',
    'ascii', 'unicode' (UTF-16LE), 'bigendianunicode', 'utf32', 'latin1'."""
    enc = _ENCODINGS.get(name)
    if enc is None:
        enc = {
            "utf8": lambda: TextEncoding("utf-8", "Unicode (UTF-8)", "utf-8", 65001, b"\xef\xbb\xbf"),
            "utf8nobom": lambda: TextEncoding("utf-8", "Unicode (UTF-8)", "utf-8", 65001),
            "ascii": lambda: TextEncoding("ascii", "US-ASCII", "us-ascii", 20127, b"",
                                         "System.Text.ASCIIEncoding+ASCIIEncodingSealed"),
            "unicode": lambda: TextEncoding("utf-16-le", "Unicode", "utf-16", 1200, b"\xff\xfe",
                                            "System.Text.UnicodeEncoding"),
            "bigendianunicode": lambda: TextEncoding("utf-16-be", "Unicode (Big-Endian)", "utf-16BE", 1201,
                                                     b"\xfe\xff", "System.Text.UnicodeEncoding"),
            "utf32": lambda: TextEncoding("utf-32-le", "Unicode (UTF-32)", "utf-32", 12000,
                                          b"\xff\xfe\x00\x00", "System.Text.UTF32Encoding"),
            "latin1": lambda: TextEncoding("latin-1", "Western European (ISO)", "iso-8859-1", 28591, b"",
                                           "System.Text.Latin1Encoding"),
        }[name]()
        _ENCODINGS[name] = enc
    return enc


class ManagedThread:
    """``System.Threading.Thread``: a Python thread as .NET shows it.  Its
    ManagedThreadId is a small number given in the order threads are first
    asked about, the process's first thread being 1, as .NET numbers them."""

    full_name = "System.Threading.Thread"
    _ids: dict[int, int] = {}

    def __init__(self, thread: Any) -> None:
        self._thread = thread

    @property
    def ManagedThreadId(self) -> int:
        import threading
        ids = ManagedThread._ids
        if not ids:
            ids[threading.main_thread().ident or 0] = 1
        return ids.setdefault(self._thread.ident or 0, len(ids) + 1)

    @property
    def Name(self) -> Optional[str]:
        import threading
        return None if self._thread is threading.main_thread() else self._thread.name

    @property
    def IsBackground(self) -> bool:
        return bool(self._thread.daemon)

    @property
    def IsAlive(self) -> bool:
        return self._thread.is_alive()

    @property
    def IsThreadPoolThread(self) -> bool:
        return False

    # The cultures are the session's (cultures.py, imported when first asked for: a session reads
    # this module as it starts): .NET keeps them per thread, pwshlike per process.
    @property
    def CurrentCulture(self) -> Any:
        from .cultures import current
        return current()

    @CurrentCulture.setter
    def CurrentCulture(self, value: Any) -> None:
        from .cultures import set_current
        set_current(value)

    @property
    def CurrentUICulture(self) -> Any:
        from .cultures import current_ui
        return current_ui()

    @CurrentUICulture.setter
    def CurrentUICulture(self, value: Any) -> None:
        from .cultures import set_current_ui
        set_current_ui(value)

    def __str__(self) -> str:
        return self.full_name
