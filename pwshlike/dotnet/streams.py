"""``System.IO`` streams scripts use for large files: ``FileStream`` (what
``[IO.File]::OpenRead``/``OpenWrite``/``Open`` return), ``MemoryStream``
(bytes in memory, e.g. to hash a string with ``Get-FileHash -InputStream``), ``StreamReader``
(``ReadLine`` until ``EndOfStream``) and ``StreamWriter`` (``WriteLine``),
over Python's binary files.  Relative paths are taken from the process's
directory, as .NET does (not from ``$PWD``); text is UTF-8 without a BOM
unless an encoding is given, and a reader skips a BOM it finds."""

from __future__ import annotations

import os
from typing import Any, Optional

from .conversions import convert_to_enum, convert_to_integer, to_bool, to_string
from .errors import (
    ArgumentNullException, DirectoryNotFoundException, FileNotFoundException, IOException, NotSupportedException,
    ObjectDisposedException, UnauthorizedAccessException,
)
from .formatting_net import composite_format
from .netobjects import encoding, TextEncoding, to_bytes
from .types import BYTE
from .values import Byte, EnumInfo, Int64, TypedArray

FILE_MODE = EnumInfo("System.IO.FileMode", (
    ("CreateNew", 1), ("Create", 2), ("Open", 3), ("OpenOrCreate", 4), ("Truncate", 5), ("Append", 6)))
FILE_ACCESS = EnumInfo("System.IO.FileAccess", (("Read", 1), ("Write", 2), ("ReadWrite", 3)), flags=True)
FILE_SHARE = EnumInfo("System.IO.FileShare", (
    ("None", 0), ("Read", 1), ("Write", 2), ("ReadWrite", 3), ("Delete", 4), ("Inheritable", 16)), flags=True)
SEEK_ORIGIN = EnumInfo("System.IO.SeekOrigin", (("Begin", 0), ("Current", 1), ("End", 2)))


def _open(path: Any, mode: int, access: int) -> Any:
    """A Python file for .NET's FileMode and FileAccess, with .NET's errors."""
    if path is None:
        raise ArgumentNullException(None, param_name="path")
    full = os.path.abspath(to_string(path))
    exists = os.path.exists(full)
    if mode == 1 and exists:
        raise IOException(f"The file '{full}' already exists.")
    if mode in (3, 5) and not exists:
        if not os.path.isdir(os.path.dirname(full)):
            raise DirectoryNotFoundException(f"Could not find a part of the path '{full}'.")
        raise FileNotFoundException(f"Could not find file '{full}'.")
    if mode in (2, 5):
        python_mode = "w+b" if access & 1 else "wb"
    elif mode == 6:
        python_mode = "ab"
    elif access == 1:
        python_mode = "rb"
    else:
        if not exists:
            open(full, "xb").close()
        python_mode = "r+b"
    try:
        return open(full, python_mode)
    except FileNotFoundError:
        raise DirectoryNotFoundException(f"Could not find a part of the path '{full}'.") from None
    except (IsADirectoryError, PermissionError):
        raise UnauthorizedAccessException(f"Access to the path '{full}' is denied.") from None


class FileStream:
    """``System.IO.FileStream``: bytes, a position, and Read/Write of byte arrays."""

    __slots__ = ("_file", "_access", "Name")
    full_name = "System.IO.FileStream"
    PS_MEMBERS = {"Name": "Name", "Length": "length", "Position": "position", "CanRead": "can_read",
                  "CanWrite": "can_write", "CanSeek": "can_seek", "Read": "read", "ReadByte": "read_byte",
                  "Write": "write", "WriteByte": "write_byte", "Seek": "seek", "SetLength": "set_length",
                  "Flush": "flush", "CopyTo": "copy_to", "Close": "close", "Dispose": "close",
                  "ToString": "__str__"}

    def __init__(self, path: Any, mode: Any = 3, access: Any = None, share: Any = None, *rest: Any) -> None:
        # FileShare (and a buffer size or options after it) is checked but has
        # no effect: on Linux .NET's sharing modes are advisory locks that
        # other processes need not honour, and pwshlike takes none.
        if share is not None:
            convert_to_enum(share, FILE_SHARE)
        mode_value = int(convert_to_enum(mode, FILE_MODE))
        access_value = int(convert_to_enum(access, FILE_ACCESS)) if access is not None else (
            2 if mode_value == 6 else 3)
        self._file = _open(path, mode_value, access_value)
        self._access = access_value
        self.Name = os.path.abspath(to_string(path))

    def _live(self) -> Any:
        if self._file.closed:
            raise ObjectDisposedException("Cannot access a closed file.")
        return self._file

    @property
    def length(self) -> Int64:
        handle = self._live()
        handle.flush()
        return Int64(os.fstat(handle.fileno()).st_size)

    @property
    def position(self) -> Int64:
        return Int64(self._live().tell())

    @position.setter
    def position(self, value: Any) -> None:
        self._live().seek(convert_to_integer(value))

    @property
    def can_read(self) -> bool:
        return not self._file.closed and bool(self._access & 1)

    @property
    def can_write(self) -> bool:
        return not self._file.closed and bool(self._access & 2)

    @property
    def can_seek(self) -> bool:
        return not self._file.closed

    def _require(self, flag: int, what: str) -> Any:
        handle = self._live()
        if not self._access & flag:
            raise NotSupportedException(f"Stream does not support {what}.")
        return handle

    def read(self, buffer: Any, offset: Any, count: Any) -> int:
        """Fills ``buffer[offset:offset+count]``; returns how many bytes were read."""
        data = self._require(1, "reading").read(convert_to_integer(count))
        start = convert_to_integer(offset)
        for i, b in enumerate(data):
            buffer[start + i] = Byte(b)
        return len(data)

    def read_byte(self) -> int:
        data = self._require(1, "reading").read(1)
        return data[0] if data else -1

    def read_all_bytes(self) -> bytes:
        """The rest of the stream (what hashing a stream reads)."""
        return self._require(1, "reading").read()

    def write(self, buffer: Any, offset: Any = 0, count: Any = None) -> None:
        data = to_bytes(buffer)
        start = convert_to_integer(offset)
        end = len(data) if count is None else start + convert_to_integer(count)
        self._require(2, "writing").write(data[start:end])

    def write_byte(self, value: Any) -> None:
        self._require(2, "writing").write(bytes([convert_to_integer(value, "System.Byte")]))

    def seek(self, offset: Any, origin: Any = 0) -> Int64:
        return Int64(self._live().seek(convert_to_integer(offset), int(origin)))

    def set_length(self, value: Any) -> None:
        self._require(2, "writing").truncate(convert_to_integer(value))

    def flush(self) -> None:
        self._live().flush()

    def copy_to(self, target: Any) -> None:
        target.write(TypedArray([Byte(b) for b in self.read_all_bytes()], BYTE))

    def close(self) -> None:
        self._file.close()

    def __str__(self) -> str:
        return self.full_name


class MemoryStream(FileStream):
    """``System.IO.MemoryStream``: the same stream members over bytes in
    memory (``new()``, ``new(byte[])``), plus ``ToArray``."""

    __slots__ = ()
    full_name = "System.IO.MemoryStream"
    PS_MEMBERS = {name: attr for name, attr in FileStream.PS_MEMBERS.items() if name != "Name"}
    PS_MEMBERS.update({"ToArray": "to_array"})

    def __init__(self, data: Any = None, *rest: Any) -> None:
        import io
        if isinstance(data, int) and not isinstance(data, bool):
            data = None  # new(int capacity): an empty stream
        self._file = io.BytesIO(b"" if data is None else to_bytes(data))
        self._access = 3
        self.Name = ""

    def _live(self) -> Any:
        if self._file.closed:
            raise ObjectDisposedException("Cannot access a closed Stream.")
        return self._file

    @property
    def length(self) -> Int64:
        return Int64(len(self._live().getbuffer()))

    def flush(self) -> None:
        self._live()

    def to_array(self) -> TypedArray:
        """Every byte, wherever the position is (.NET's ToArray)."""
        return TypedArray([Byte(b) for b in self._file.getvalue()], BYTE)


def file_statics() -> dict[str, Any]:
    """What ``[IO.File]`` adds for streams: OpenRead, OpenWrite, Open, Create,
    OpenText, CreateText and AppendText."""
    return {
        "OpenRead": lambda path: FileStream(path, 3, 1),
        "OpenWrite": lambda path: FileStream(path, 4, 2),
        "Open": lambda path, mode, access=None, *share: FileStream(path, mode, access),
        "Create": lambda path, *size: FileStream(path, 2, 3),
        "OpenText": lambda path: StreamReader(path),
        "CreateText": lambda path: StreamWriter(path),
        "AppendText": lambda path: StreamWriter(path, True),
    }


def _encoding(value: Any) -> TextEncoding:
    if isinstance(value, TextEncoding):
        return value
    return encoding("utf8nobom")


class StreamReader:
    """``System.IO.StreamReader`` over a path or a FileStream."""

    __slots__ = ("_stream", "_text", "_position", "_encoding")
    full_name = "System.IO.StreamReader"
    PS_MEMBERS = {"ReadLine": "read_line", "ReadToEnd": "read_to_end", "Read": "read_char", "Peek": "peek",
                  "EndOfStream": "end_of_stream", "BaseStream": "base_stream", "CurrentEncoding": "current_encoding",
                  "Close": "close", "Dispose": "close", "ToString": "__str__"}

    def __init__(self, source: Any, encoding_or_detect: Any = None, *rest: Any) -> None:
        self._stream = source if isinstance(source, FileStream) else FileStream(source, 3, 1)
        self._encoding = _encoding(encoding_or_detect)
        raw = self._stream.read_all_bytes()
        for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
            if raw.startswith(bom):
                self._text = raw[len(bom):].decode(codec, errors="replace")
                break
        else:
            self._text = raw.decode(self._encoding.codec, errors="replace")
        self._position = 0

    @property
    def base_stream(self) -> FileStream:
        return self._stream

    @property
    def current_encoding(self) -> TextEncoding:
        return self._encoding

    @property
    def end_of_stream(self) -> bool:
        return self._position >= len(self._text)

    def read_line(self) -> Optional[str]:
        if self.end_of_stream:
            return None
        text, start = self._text, self._position
        end = start
        while end < len(text) and text[end] not in "\r\n":
            end += 1
        line = text[start:end]
        if end < len(text) and text[end] == "\r" and text[end + 1:end + 2] == "\n":
            end += 1
        self._position = end + 1
        return line

    def read_to_end(self) -> str:
        rest = self._text[self._position:]
        self._position = len(self._text)
        return rest

    def read_char(self) -> int:
        if self.end_of_stream:
            return -1
        self._position += 1
        return ord(self._text[self._position - 1])

    def peek(self) -> int:
        return -1 if self.end_of_stream else ord(self._text[self._position])

    def close(self) -> None:
        self._stream.close()

    def __str__(self) -> str:
        return self.full_name


class StreamWriter:
    """``System.IO.StreamWriter`` over a path (optionally appending) or a FileStream."""

    __slots__ = ("_stream", "_encoding", "AutoFlush", "NewLine")
    full_name = "System.IO.StreamWriter"
    PS_MEMBERS = {"Write": "write", "WriteLine": "write_line", "Flush": "flush", "Close": "close",
                  "Dispose": "close", "AutoFlush": "AutoFlush", "NewLine": "NewLine", "BaseStream": "base_stream",
                  "Encoding": "encoding", "ToString": "__str__"}

    def __init__(self, target: Any, append_or_encoding: Any = None, text_encoding: Any = None, *rest: Any) -> None:
        if isinstance(append_or_encoding, TextEncoding):
            append_or_encoding, text_encoding = None, append_or_encoding
        if isinstance(target, FileStream):
            self._stream = target
        else:
            append = to_bool(append_or_encoding) if append_or_encoding is not None else False
            self._stream = FileStream(target, 6 if append else 2, 2)
        self._encoding = _encoding(text_encoding)
        self.AutoFlush = False
        self.NewLine = "\n"
        preamble = self._encoding.GetPreamble()
        if len(preamble) and self._stream.position == 0:
            self._stream.write(preamble)

    @property
    def base_stream(self) -> FileStream:
        return self._stream

    @property
    def encoding(self) -> TextEncoding:
        return self._encoding

    def write(self, value: Any = None, *args: Any) -> None:
        text = "" if value is None else to_string(value)
        if args:
            text = composite_format(text, list(args))
        self._stream.write(text.encode(self._encoding.codec, errors="replace"))
        if self.AutoFlush:
            self._stream.flush()

    def write_line(self, value: Any = None, *args: Any) -> None:
        self.write(("" if value is None else to_string(value)), *args)
        self.write(self.NewLine)

    def flush(self) -> None:
        self._stream.flush()

    def close(self) -> None:
        self._stream.close()

    def __str__(self) -> str:
        return self.full_name
