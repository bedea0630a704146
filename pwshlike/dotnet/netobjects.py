"""Small .NET utility classes scripts use by value: ``[version]`` and the
``[Text.Encoding]`` objects (``[uri]`` has its own module, ``uri.py``).  Members use .NET names so
``members.py`` exposes them directly."""

from __future__ import annotations

from typing import Any, Optional

from .conversions import convert_to_integer, to_string
from .errors import ArgumentException, ArgumentNullException, FormatException
from .types import BYTE
from .values import Byte, iter_collection, TypedArray


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

    __slots__ = ("codec", "EncodingName", "WebName", "CodePage", "_bom", "_class_name")

    def __init__(self, codec: str, name: str, web_name: str, code_page: int, bom: bytes = b"",
                 class_name: str = "System.Text.UTF8Encoding") -> None:
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
        return raw.decode(self.codec, errors="replace")

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
