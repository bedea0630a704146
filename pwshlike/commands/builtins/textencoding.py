"""The ``-Encoding`` names of pwsh 7's file cmdlets and how text files are
decoded.

Writing follows pwsh: ``utf8`` (the default) has no BOM, ``utf8BOM``,
``unicode``, ``bigEndianUnicode``, ``utf32`` and ``bigEndianUTF32`` write
one.  On Linux ``ansi``, ``oem`` and ``default`` are UTF-8, as .NET makes
them.  Reading honours a byte order mark whatever ``-Encoding`` says (.NET's
StreamReader detects it) and otherwise decodes with the given encoding,
UTF-8 by default, replacing invalid bytes with U+FFFD.
"""

from __future__ import annotations

import codecs
from typing import Any, NamedTuple, Optional

from pwshlike.dotnet.errors import ArgumentException


class TextEncoding(NamedTuple):
    """A named pwsh encoding: the Python codec and the BOM written first."""

    name: str
    codec: str
    bom: bytes = b""


_ENCODINGS = {e.name.lower(): e for e in (
    TextEncoding("ascii", "ascii"),
    TextEncoding("ansi", "utf-8"),
    TextEncoding("bigendianunicode", "utf-16-be", codecs.BOM_UTF16_BE),
    TextEncoding("bigendianutf32", "utf-32-be", codecs.BOM_UTF32_BE),
    TextEncoding("default", "utf-8"),
    TextEncoding("oem", "utf-8"),
    TextEncoding("unicode", "utf-16-le", codecs.BOM_UTF16_LE),
    # pwsh keeps Windows PowerShell's FileSystemCmdletProviderEncoding names String and Unknown: UTF-16 LE.
    TextEncoding("string", "utf-16-le", codecs.BOM_UTF16_LE),
    TextEncoding("unknown", "utf-16-le", codecs.BOM_UTF16_LE),
    TextEncoding("utf7", "utf-7"),
    TextEncoding("utf8", "utf-8"),
    TextEncoding("utf8BOM", "utf-8", codecs.BOM_UTF8),
    TextEncoding("utf8NoBOM", "utf-8"),
    TextEncoding("utf32", "utf-32-le", codecs.BOM_UTF32_LE),
)}

UTF8 = _ENCODINGS["utf8nobom"]

# Longest first: a UTF-32 LE BOM starts like a UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


# Code pages .NET gives the encodings named above for (Encoding.GetEncoding(65001) writes a BOM, as
# Encoding.UTF8 does), and the ones whose Python codec is not simply "cp<number>".
_CODE_PAGES = {1200: "unicode", 1201: "bigendianunicode", 12000: "utf32", 12001: "bigendianutf32",
               20127: "ascii", 65001: "utf8bom"}
_CODE_PAGE_CODECS = {28591: "latin-1", 20866: "koi8-r", 21866: "koi8-u", 51932: "euc-jp", 54936: "gb18030",
                     50220: "iso2022-jp", 936: "gbk", **{28590 + n: f"iso8859-{n}" for n in range(2, 10)}}


def _text_codec(name: str) -> Optional[str]:
    """The Python codec of a text encoding name, None if there is none."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _code_page(number: int) -> TextEncoding:
    """``Encoding.GetEncoding(int)`` (pwsh registers the code page provider,
    so the Windows code pages are there too)."""
    if number in _CODE_PAGES:
        return _ENCODINGS[_CODE_PAGES[number]]
    codec = _text_codec(_CODE_PAGE_CODECS.get(number, f"cp{number}"))
    if codec is None:
        raise ArgumentException(f"No data is available for encoding {number}. For information on defining a "
                                "custom encoding, see the documentation for the Encoding.RegisterProvider method.",
                                param_name="codepage")
    return TextEncoding(codec, codec)


def to_encoding(value: Any) -> TextEncoding:
    """``-Encoding``'s argument conversion (pwsh's
    ArgumentToEncodingTransformation): one of pwsh's encoding names (any
    case), a code page number, any other name ``Encoding.GetEncoding``
    knows (``latin1``, ``windows-1251``...), or an Encoding object."""
    if isinstance(value, TextEncoding):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return _code_page(int(value))
    codec = getattr(value, "codec", None)
    if isinstance(codec, str) and hasattr(value, "GetPreamble"):  # a [System.Text.Encoding] object
        return TextEncoding(codec, codec, bytes(int(b) for b in value.GetPreamble()))
    from pwshlike.dotnet.conversions import to_string
    name = to_string(value)
    found = _ENCODINGS.get(name.lower())
    if found is None:
        codec = _text_codec(name) if name.strip() else None
        if codec is None:
            raise ArgumentException(f"'{name}' is not a supported encoding name. For information on defining a "
                                    "custom encoding, see the documentation for the Encoding.RegisterProvider "
                                    "method.", param_name="name")
        found = TextEncoding(codec, codec)
    return found


def detect_bom(head: bytes) -> Optional[tuple[str, int]]:
    """``(codec, bom length)`` when ``head`` starts with a byte order mark."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, len(bom)
    return None


def encode(text: str, encoding: TextEncoding) -> bytes:
    """Text as bytes; characters the encoding lacks become ``?`` as in .NET."""
    return text.encode(encoding.codec, errors="replace")
