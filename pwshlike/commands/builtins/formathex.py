"""Format-Hex: files, strings and numbers as hexadecimal ByteCollection rows.

Follows pwsh's FormatHex cmdlet: a file is read 16 bytes a row from
-Offset for at most -Count bytes and labelled with its path; a string is
encoded (UTF-8 unless -Encoding) and labelled with its type and a random
id; numbers, enums and their arrays are converted to their little-endian
bytes (as .NET's BitConverter and Marshal.SizeOf make them), consecutive
values of one type grouped under one label.  The ByteCollection view
(``Offset``, ``Bytes``, ``Ascii`` grouped by ``Label``) is among the
built-in views (:mod:`pwshlike.formatting.builtin_views`).
"""

from __future__ import annotations

import os
import random
import struct
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_not_null_or_empty, validate_range
from pwshlike.dotnet.errors import ArgumentException, ErrorCategory, ErrorRecord
from pwshlike.dotnet.types import register_class, type_of
from pwshlike.dotnet.values import EnumValue, TypedArray

from . import fspaths
from .textencoding import UTF8, encode, to_encoding

_ROW = 16
_LONG_MAX = (1 << 63) - 1

# Marshal.SizeOf and the struct format of BitConverter.GetBytes for .NET's
# primitive types (bool marshals as 4 bytes of which BitConverter fills one,
# char as one byte: its low byte).
_PRIMITIVES: dict[str, tuple[int, str]] = {
    "System.Byte": (1, "B"), "System.SByte": (1, "b"), "System.Char": (1, "B"), "System.Boolean": (4, "?"),
    "System.Int16": (2, "<h"), "System.UInt16": (2, "<H"), "System.Int32": (4, "<i"), "System.UInt32": (4, "<I"),
    "System.Int64": (8, "<q"), "System.UInt64": (8, "<Q"), "System.Single": (4, "<f"), "System.Double": (8, "<d"),
}


class ByteCollection:
    """``Microsoft.PowerShell.Commands.ByteCollection``: up to 16 bytes, their
    offset and the label (a path, or the input's type) they are grouped by."""

    __slots__ = ("offset64", "bytes", "path", "label")
    full_name = "Microsoft.PowerShell.Commands.ByteCollection"
    PS_MEMBERS = {"Offset64": "offset64", "Bytes": "byte_array", "Path": "path", "HexOffset": "hex_offset",
                  "Label": "label", "HexBytes": "hex_bytes", "Ascii": "ascii"}

    def __init__(self, offset: int, data: bytes, path: Optional[str] = None, label: Optional[str] = None) -> None:
        self.offset64 = offset
        self.bytes = data
        self.path = path
        self.label = label if label is not None else path

    @property
    def byte_array(self) -> TypedArray:
        from pwshlike.dotnet.types import find_type
        from pwshlike.dotnet.values import Byte
        return TypedArray([Byte(b) for b in self.bytes], find_type("System.Byte"))

    @property
    def hex_offset(self) -> str:
        return f"{self.offset64:016X}"

    @property
    def hex_bytes(self) -> str:
        return " ".join(f"{b:02X}" for b in self.bytes)

    @property
    def ascii(self) -> str:
        return "".join(_ascii(b) for b in self.bytes)

    def __str__(self) -> str:
        """pwsh's ToString: ``offset   bytes  ascii`` lines of 16 bytes."""
        data = self.bytes
        if not data:
            return ""
        lines = []
        for start in range(0, len(data), _ROW):
            chunk = data[start:start + _ROW]
            hex_part = "".join(f"{b:02X} " for b in chunk).ljust(_ROW * 3)
            ascii_part = "".join(_ascii(b) for b in chunk).ljust(_ROW)
            lines.append(f"{self.offset64 + start:016X}   {hex_part} {ascii_part}")
        return ("\n" if not self.path else "").join(lines)


def _ascii(byte: int) -> str:
    """A byte as pwsh's Ascii column shows it: NUL as a space, control
    characters (C0 and C1) as U+FFFD, anything else as that Latin-1 character."""
    if byte == 0:
        return " "
    if byte < 0x20 or 0x7F <= byte <= 0x9F:
        return "\ufffd"
    return chr(byte)


register_class(ByteCollection, ByteCollection.full_name)


def _group_label(type_name: str) -> str:
    """pwsh's GetGroupLabel: ``Name (FullName) <random id>``."""
    short = type_name.rsplit(".", 1)[-1]
    return f"{short} ({type_name}) <{random.randrange(2**31 - 1):08X}>"


@cmdlet("Format-Hex", default_parameter_set="Path", output_types=("Microsoft.PowerShell.Commands.ByteCollection",),
        help_uri="https://go.microsoft.com/fwlink/?LinkId=2096611")
class FormatHexCommand(Cmdlet):
    """Shows the bytes of files, strings or numbers in hexadecimal.

    Each output object is a row of up to 16 bytes with its offset, the bytes
    in hexadecimal and as characters; rows are grouped by a label: the file's
    path, or for piped input its type and a random id.  Strings are encoded
    with -Encoding (UTF-8 by default); numbers, enums and typed arrays of
    them become their little-endian bytes, and consecutive numbers of one
    type are shown together.  -Offset skips bytes and -Count limits how many
    are shown.  Other objects are an error: pipe them to Out-String first to
    see the bytes of their text."""

    help_examples = [
        ("Example 1: The start of a file", "Format-Hex -Path /bin/ls -Count 32",
         "Shows the first 32 bytes of the file in two rows, labelled with its path."),
        ("Example 2: The bytes of a string", "'Hello World' | Format-Hex",
         "Shows 48 65 6C 6C 6F 20 57 6F 72 6C 64 under a String label."),
        ("Example 3: UTF-16 text", "'abc' | Format-Hex -Encoding unicode", "Shows 61 00 62 00 63 00."),
        ("Example 4: Numbers", "1, 256 | Format-Hex",
         "Shows 01 00 00 00 00 01 00 00: each Int32 as its four little-endian bytes."),
    ]

    path = Parameter("String[]", sets={"Path": {"mandatory": True, "position": 0}},
                     validators=[validate_not_null_or_empty()], supports_wildcards=True,
                     help="The files to show; wildcards are allowed.")
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                             validators=[validate_not_null_or_empty()], help="The files to show, taken as written.")
    input_object = Parameter("PSObject", sets={"ByInputObject": {"mandatory": True, "value_from_pipeline": True}},
                             help="Strings, numbers, enums, arrays of them or files to show.")
    encoding = Parameter("System.Text.Encoding", sets={"ByInputObject": {}}, converter=to_encoding,
                         validators=[validate_not_null_or_empty()],
                         help="How strings become bytes: utf8 (default), unicode, bigEndianUnicode, utf32, "
                              "ascii...")
    count = Parameter("Int64", validators=[validate_range("Positive")], default=_LONG_MAX,
                      default_text="Int64.MaxValue", help="How many bytes to show at most.")
    offset = Parameter("Int64", validators=[validate_range("NonNegative")], default=0,
                       help="How many bytes to skip first.")

    def begin_processing(self) -> None:
        self._buffer = bytearray()
        self._group = True
        self._last_type: Optional[str] = None

    def process_record(self) -> Iterator[ByteCollection]:
        if self.parameter_set_name == "ByInputObject":
            yield from self._input(self.input_object)
            return
        literal = self.parameter_set_name == "LiteralPath"
        for raw in (self.literal_path if literal else self.path) or ():
            yield from self._raw_path(raw, literal)

    def end_processing(self) -> Iterator[ByteCollection]:
        yield from self._flush()

    # --- files ---------------------------------------------------------------------------------------

    def _raw_path(self, raw: str, literal: bool) -> Iterator[ByteCollection]:
        """The rows of the files one -Path/-LiteralPath names, with pwsh's
        errors: a path on another provider, and a missing file (FileNotFound,
        target the whole -Path as pwsh gives it)."""
        from .itemproviders import FILE_SYSTEM, provider_or_error
        found = provider_or_error(self, raw)
        if found is None:
            return
        if found[0] is not FILE_SYSTEM:
            message = (f"The given path '{raw}' is not supported. This command only supports the FileSystem "
                       "Provider paths.")
            self.write_error(ErrorRecord(ArgumentException(message), "FormatHexOnlySupportsFileSystemPaths",
                                         ErrorCategory.InvalidArgument, raw))
            return
        session = self.context.session
        paths, wildcard = fspaths.resolve_paths(session, raw, literal)
        if not literal and not wildcard and not os.path.lexists(paths[0]):
            missing = fspaths.path_not_found(raw).exception
            self.write_error(ErrorRecord(missing, "FileNotFound", ErrorCategory.ObjectNotFound, list(self.path or ())))
            return
        for path in paths:
            yield from self._file(path)

    def _file(self, path: str) -> Iterator[ByteCollection]:
        """A file's rows from -Offset for -Count bytes, read a row at a time so
        a large file is never held whole; OS errors become pwsh's
        FormatHex* errors, not Python's messages."""
        from pwshlike.dotnet.errors import IOException
        try:
            with open(path, "rb") as handle:
                handle.seek(self.offset)
                offset, left = self.offset, self.count
                while left > 0:
                    chunk = handle.read(min(_ROW, left))
                    if not chunk:
                        break
                    yield ByteCollection(offset, chunk, path)
                    offset += len(chunk)
                    left -= len(chunk)
        except IsADirectoryError:
            message = f"Access to the path '{path}' is denied."
            self.write_error(ErrorRecord(IOException(message), "FormatHexIOError", ErrorCategory.WriteError, path))
        except OSError as exc:
            if isinstance(exc, PermissionError):
                from pwshlike.dotnet.errors import UnauthorizedAccessException
                error: Any = UnauthorizedAccessException(f"Access to the path '{path}' is denied.")
                self.write_error(ErrorRecord(error, "FormatHexUnauthorizedAccessError",
                                             ErrorCategory.PermissionDenied, path))
                return
            message = f"Could not find file '{path}'." if isinstance(exc, FileNotFoundError) else \
                f"An I/O error occurred while reading '{path}'."
            self.write_error(ErrorRecord(IOException(message), "FormatHexIOError", ErrorCategory.WriteError, path))

    # --- input objects -------------------------------------------------------------------------------

    def _input(self, obj: Any) -> Iterator[ByteCollection]:
        """One piped object: a file item is read as a file, a string encoded
        on its own; the bytes of primitive values of one type are gathered
        and shown as one block when the type changes or the input ends;
        anything else is FormatHexTypeNotSupported."""
        from .fsitems import FileSystemInfo
        if isinstance(obj, FileSystemInfo):
            yield from self._flush()
            yield from self._file(obj.full_name)
            return
        if isinstance(obj, str):
            yield from self._flush()
            data = encode(obj, self.encoding or UTF8)
            yield from self._rows(self._window(data), _group_label("System.String"))
            return
        data, flushed = self._to_bytes(obj)
        yield from flushed
        if not self._group:
            yield from self._flush()
        if data is not None:
            self._buffer.extend(data)
            return
        name = type_of(obj).full_name
        message = (f"Cannot convert input of type '{name}' to hexadecimal. To view the hexadecimal formatting of its "
                   "string representation, pipe it to the Out-String cmdlet before piping it to Format-Hex.")
        self.write_error(ErrorRecord(ArgumentException(message), "FormatHexTypeNotSupported",
                                     ErrorCategory.InvalidArgument, type_of(obj)))

    def _to_bytes(self, obj: Any) -> tuple[Optional[bytes], list[ByteCollection]]:
        """pwsh's ConvertToBytes: the bytes of a primitive, an enum or an
        array of them (None for anything else), and the rows an earlier
        group flushed on the way."""
        flushed: list[ByteCollection] = []
        items = [obj]
        element = _element_type(obj)
        if isinstance(obj, list):
            flushed.extend(self._flush())
            self._last_type = type_of(obj).full_name
            self._group = False
            items = list(obj)
        if element is None or element not in _PRIMITIVES or not items:
            return None, flushed
        if self._group:
            if self._last_type is not None and element != self._last_type:
                self._group = False
                flushed.extend(self._flush())
            self._last_type = element
        size, fmt = _PRIMITIVES[element]
        out = bytearray()
        for item in items:
            packed = _pack(item, fmt)
            out.extend(packed.ljust(size, b"\0")[:size])
        return bytes(out), flushed

    def _window(self, data: bytes) -> bytes:
        offset = min(len(data), self.offset)
        count = min(len(data) - offset, self.count)
        return data[offset:offset + count]

    def _flush(self) -> Iterator[ByteCollection]:
        if not self._buffer:
            return
        data = self._window(bytes(self._buffer))
        label = _group_label(self._last_type or "System.Object")
        self._last_type = None
        self._group = True
        self._buffer = bytearray()
        yield from self._rows(data, label)

    @staticmethod
    def _rows(data: bytes, label: str) -> Iterator[ByteCollection]:
        for start in range(0, len(data), _ROW):
            yield ByteCollection(start, data[start:start + _ROW], label=label)


def _element_type(obj: Any) -> Optional[str]:
    """The primitive type a value (or a typed array's elements) converts
    from: an enum counts as its underlying type."""
    if isinstance(obj, TypedArray):
        element = obj.element_type
        if element is None:
            return None
        return element.enum.underlying if element.enum is not None else element.full_name
    if isinstance(obj, list):
        return None
    if isinstance(obj, EnumValue):
        return obj.enum.underlying
    return type_of(obj).full_name


def _pack(item: Any, fmt: str) -> bytes:
    if fmt == "?":
        return struct.pack("?", bool(item))
    if fmt == "B" and isinstance(item, str):  # a char: its low byte
        return bytes([ord(item) & 0xFF])
    if fmt in ("<f", "<d"):
        return struct.pack(fmt, float(item))
    return struct.pack(fmt, int(item))
