"""Get-Content, Set-Content and Add-Content on the file system.

Get-Content streams: lines are read and written to the pipeline one at a
time, so ``Get-Content big.log | Select-Object -First 3`` reads three lines.
Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``; a final newline does
not make an empty last line and an empty file gives nothing (even with
-Raw).  -TotalCount and -Tail apply to each file.  -Wait follows a file as
``tail -f`` does: after the end it polls for what is appended (starting
again from the top when the file shrinks, as after a log roll-over) until
the pipeline stops it (Ctrl+C, or ``Select-Object -First`` downstream).
"""

from __future__ import annotations

import codecs
import collections
import io
import os
import time
from typing import Any, BinaryIO, Iterable, Iterator, Optional

from pwshlike.commands.binder import binding_error
from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range
from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.errors import (
    DirectoryNotFoundException, ErrorCategory, ErrorRecord, InvalidOperationException,
    UnauthorizedAccessException,
)
from pwshlike.dotnet.values import Byte, iter_collection

from . import fspaths
from .fsprovider import FILE_SYSTEM
from .itemproviders import provider_or_error
from .session_content import SessionTarget, session_targets
from .textencoding import UTF8, TextEncoding, detect_bom, encode, to_encoding

_PATH_SETS = {"Path": {"mandatory": True, "position": 0}}
_LITERAL_SETS = {"LiteralPath": {"mandatory": True}}


class _ContentCmdlet(Cmdlet):
    """The path parameters every content cmdlet shares and their resolution."""

    path = Parameter("String[]", sets=_PATH_SETS, value_from_pipeline_by_property_name=True,
                     help="Paths to the items; wildcards are allowed.", supports_wildcards=True)
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets=_LITERAL_SETS,
                             value_from_pipeline_by_property_name=True,
                             help="Paths taken exactly as written (no wildcards).")
    filter = Parameter("String", help="A wildcard the item names must match.", supports_wildcards=True)
    include = Parameter("String[]", help="Only item names matching these wildcards.", supports_wildcards=True)
    exclude = Parameter("String[]", help="Leaves out item names matching these wildcards.", supports_wildcards=True)
    force = Parameter("SwitchParameter", help="Includes hidden items and overrides read-only files.")
    encoding = Parameter("Encoding", converter=to_encoding,
                         help="utf8 (default), utf8BOM, utf8NoBOM, unicode, bigEndianUnicode, utf32, "
                              "bigEndianUTF32, ascii, ansi, oem, utf7.")
    as_byte_stream = Parameter("SwitchParameter", help="Bytes instead of text.")

    def _warn_unused_encoding(self) -> None:
        """pwsh's FileSystem provider warns, for each file it opens, that
        -Encoding means nothing next to -AsByteStream."""
        if self.as_byte_stream and self.encoding is not None:
            self.write_warning("Encoding not used when '-AsByteStream' specified.")

    # The FileSystem provider's dynamic parameters of these cmdlets: pwsh has
    # them only for file paths, so on Env:, Variable: and the like they are
    # unknown parameters.
    file_system_parameters = ("Encoding", "AsByteStream")

    def _refuse_file_system_parameters(self) -> None:
        for name in self.bound_parameters.keys():
            if name in self.file_system_parameters:
                exc = binding_error(f"Microsoft.PowerShell.Commands.{type(self).__name__}",
                                    "NamedParameterNotFound", name)
                self.throw_terminating_error(exc.error_record)

    def _targets(self, must_exist: bool) -> Iterator[Any]:
        """The file paths named by -Path/-LiteralPath, reporting pwsh's
        errors for names that match nothing."""
        literal = self.literal_path is not None
        session = self.context.session
        for raw in (self.literal_path if literal else self.path) or ():
            found = provider_or_error(self, raw)
            if found is None:
                continue
            if found[0] is not FILE_SYSTEM:
                self._refuse_file_system_parameters()
                yield from session_targets(self, found[0], found[1], literal, raw, must_exist)
                continue
            paths, wildcard = fspaths.resolve_paths(session, raw, literal, bool(self.force))
            if not wildcard and must_exist and not os.path.lexists(paths[0]):
                self.write_error(fspaths.path_not_found(paths[0]))
                continue
            kept = [p for p in paths
                    if fspaths.matches_filters(os.path.basename(p), self.include, self.exclude, self.filter)]
            if not kept:
                self.write_error(fspaths.filtered_out(raw))
                continue
            yield from kept


@cmdlet("Get-Content", default_parameter_set="Path", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096490")
class GetContentCommand(_ContentCmdlet):
    """Gets the content of files: lines as strings (streamed), the whole
    text with -Raw, or bytes with -AsByteStream.

    Text files are read line by line, and each line goes down the pipeline as soon as it is read, so a large log can
    be filtered without loading it whole. -TotalCount and -Tail keep only the first or the last lines, -Raw returns
    the file as one string with its newlines, -Delimiter splits at another string, and -AsByteStream returns the
    bytes. -Wait keeps following the file after its end, as tail -f does. The encoding is detected from a byte order
    mark, else UTF-8 (or -Encoding)."""

    help_examples = [
        ('Example 1: The first lines of a file',
         'Get-Content -Path ./app.log -TotalCount 5',
         'Shows the first five lines of app.log and stops reading there.'),
        ('Example 2: Follow the end of a log',
         'Get-Content ./app.log -Tail 20 | Select-String -Pattern error',
         'Takes the last twenty lines and keeps those that mention errors.'),
        ('Example 3: A file as one string',
         '$json = Get-Content ./settings.json -Raw | ConvertFrom-Json',
         '-Raw keeps the newlines, so the whole document reaches ConvertFrom-Json as a single string.'),
        ('Example 4: Watch a log as it grows',
         "Get-Content ./app.log -Tail 10 -Wait | Where-Object { $_ -match 'ERROR' }",
         'Prints the last ten lines, then every new line written to app.log, like tail -f; Ctrl+C ends it.'),
    ]

    read_count = Parameter("Int64", default=1, value_from_pipeline_by_property_name=True,
                           help="Lines sent through the pipeline at a time (0 or less: all at once).")
    total_count = Parameter("Int64", aliases=("First", "Head"), validators=[validate_range(0, 2**63 - 1)],
                            value_from_pipeline_by_property_name=True, help="Reads only the first lines.")
    tail = Parameter("Int32", aliases=("Last",), validators=[validate_range(0, 2**31 - 1)],
                     value_from_pipeline_by_property_name=True, help="Reads only the last lines.")
    file_system_parameters = ("Encoding", "AsByteStream", "Delimiter", "Wait", "Raw")

    delimiter = Parameter("String", help="Splits the text at this string instead of at newlines.")
    raw = Parameter("SwitchParameter", help="The whole content as one string.")
    wait = Parameter("SwitchParameter",
                     help="Keeps the file open after its end and outputs what is appended to it, as tail -f does, "
                          "until the command is stopped (Ctrl+C).")

    def process_record(self) -> Iterator[Any]:
        if self.total_count is not None and self.tail is not None:
            self._invalid("TailAndHeadCannotCoexist",
                          "The parameters TotalCount and Tail cannot be used together. "
                          "Please specify only one parameter.")
            return
        if self.raw:
            for name, value in (("TotalCount", self.total_count), ("Tail", self.tail),
                                ("Wait", self.wait or None)):
                if value is not None:
                    self._invalid("InvalidOperation",
                                  f"The 'Raw' and '{name}' parameters cannot be specified in the same command.")
                    return
        if self.total_count == 0 or (self.tail == 0 and not self.wait):
            return  # -Tail 0 -Wait outputs only what is appended
        for path in self._targets(must_exist=True):
            if isinstance(path, SessionTarget):
                if self.tail is not None:
                    exc = InvalidOperationException("The Tail parameter currently is supported only for the "
                                                    "FileSystem provider.")
                    self.write_error(ErrorRecord(exc, "TailNotSupported", ErrorCategory.InvalidOperation, self.tail))
                    continue
                yield from self._batched(self._window(iter(path.read())))
                continue
            if os.path.isdir(path):
                exc = InvalidOperationException(f"Unable to get content because it is a directory: '{path}'. "
                                                "Please use 'Get-ChildItem' instead.")
                self.write_error(ErrorRecord(exc, "GetContainerContentException", ErrorCategory.InvalidOperation,
                                             None))
                continue
            self._warn_unused_encoding()
            try:
                handle = open(path, "rb")
            except OSError as exc:
                self.write_error(fspaths.io_error(exc, path, "GetContentReaderIOError", ErrorCategory.ReadError,
                                                  missing_is_file=True))
                continue
            with handle:
                if self.wait:
                    yield from self._batched(self._followed(handle))
                else:
                    yield from self._batched(self._window(self._units(handle)))

    def _invalid(self, error_id: str, message: str) -> None:
        self.write_error(ErrorRecord(InvalidOperationException(message), error_id,
                                     ErrorCategory.InvalidOperation, None))

    def _units(self, handle: BinaryIO) -> Iterator[Any]:
        """The file's items: bytes, the raw text, delimited chunks or lines."""
        if self.as_byte_stream:
            data = handle.read()
            if self.raw:
                if data:
                    from pwshlike.dotnet.types import resolve_type
                    from pwshlike.dotnet.values import TypedArray
                    yield TypedArray((Byte(b) for b in data), resolve_type("byte"))
                return
            yield from (Byte(b) for b in data)
            return
        if self.raw or self.delimiter is not None:
            text = _text_reader(handle, self.encoding, newline="").read()
            if self.raw:
                if text:
                    yield text
                return
            chunks = text.split(self.delimiter) if self.delimiter else [text]
            if chunks and chunks[-1] == "":
                chunks.pop()
            yield from chunks
            return
        for line in _text_reader(handle, self.encoding, newline=None):
            yield line[:-1] if line.endswith("\n") else line

    def _followed(self, handle: BinaryIO) -> Iterator[Any]:
        """-Wait: the file's items up to its end (windowed by -Tail or
        -TotalCount as usual), then whatever is appended, for ever."""
        if self.as_byte_stream:
            read_units: Any = lambda: [Byte(b) for b in handle.read()]
        else:
            reader = _text_reader(handle, self.encoding, newline=None)
            read_units = lambda: self._new_lines(reader)
        existing = read_units()
        if self.tail is not None:
            existing = list(collections.deque(existing, maxlen=self.tail))
        units = _follow(handle, existing, read_units)
        return _take(units, self.total_count) if self.total_count is not None else units

    def _new_lines(self, reader: io.TextIOWrapper) -> list[str]:
        """The lines (or -Delimiter chunks) readable now; an unfinished last
        line is returned too, as .NET's ReadLine does at the end of a file."""
        text = reader.read()
        if not text:
            return []
        if self.delimiter:
            chunks = text.split(self.delimiter)
        else:
            chunks = text.split("\n")
        if chunks[-1] == "":
            chunks.pop()
        return chunks

    def _window(self, units: Iterator[Any]) -> Iterable[Any]:
        if self.raw and not self.as_byte_stream:
            return units
        if self.tail is not None:
            return collections.deque(units, maxlen=self.tail)
        if self.total_count is not None:
            return _take(units, self.total_count)
        return units

    def _batched(self, units: Iterable[Any]) -> Iterator[Any]:
        """-ReadCount: 1 sends each item, n sends arrays of n, 0 or less one array."""
        size = int(self.read_count)
        if size == 1 or (self.raw and not self.as_byte_stream):
            yield from units
            return
        batch: list[Any] = []
        for unit in units:
            batch.append(unit)
            if 0 < size <= len(batch):
                yield batch
                batch = []
        if batch:
            yield batch


class _WriteContentCmdlet(_ContentCmdlet):
    """Set-Content and Add-Content: values written as lines of text."""

    value = Parameter("Object[]", mandatory=True, position=1, value_from_pipeline=True,
                      value_from_pipeline_by_property_name=True, allow_null=True, allow_empty_collection=True,
                      help="The content to write.")
    pass_thru = Parameter("SwitchParameter", help="Outputs the values written.")
    no_newline = Parameter("SwitchParameter", help="Writes the values with no newlines between or after.")

    file_system_parameters = ("Encoding", "AsByteStream", "NoNewline")

    append_mode = False
    action = ""

    def begin_processing(self) -> None:
        self._started: set[str] = set()

    def process_record(self) -> Iterator[Any]:
        values = self._values()
        for path in self._targets(must_exist=False):
            if not self.should_process(f"Path: {path}", self.action):
                continue
            if isinstance(path, SessionTarget):
                path.write(values, self.append_mode)
                continue
            self._write(path, values)
        if self.pass_thru:
            yield from values

    def _values(self) -> list[Any]:
        items = iter_collection(self.value)
        return list(items) if items is not None else ([] if self.value is None else [self.value])

    def _write(self, path: str, values: list[Any]) -> None:
        if os.path.isdir(path):
            exc = InvalidOperationException(f"Unable to write content because it is a directory: '{path}'.")
            self.write_error(ErrorRecord(exc, "WriteContainerContentException", ErrorCategory.InvalidOperation, None))
            return
        if path not in self._started:
            self._warn_unused_encoding()
        append = self.append_mode or path in self._started
        encoding = self.encoding or (_existing_encoding(path) if append else None) or UTF8
        if self.as_byte_stream:
            data = bytes(int(v) & 0xFF for v in values)
        else:
            sep = "" if self.no_newline else "\n"
            text = "".join(to_string(v) + sep for v in values)
            data = encode(text, encoding)
            if encoding.bom and not (append and os.path.exists(path) and os.path.getsize(path) > 0):
                data = encoding.bom + data
        try:
            with open(path, "ab" if append else "wb") as handle:
                handle.write(data)
        except FileNotFoundError:
            exc = DirectoryNotFoundException(f"Could not find a part of the path '{path}'.")
            self.write_error(ErrorRecord(exc, "GetContentWriterDirectoryNotFoundError",
                                         ErrorCategory.ObjectNotFound, path))
            return
        except (PermissionError, IsADirectoryError):
            # .NET reports a directory, like a file it may not write, as access denied.
            exc = UnauthorizedAccessException(f"Access to the path '{path}' is denied.")
            self.write_error(ErrorRecord(exc, "GetContentWriterUnauthorizedAccessError",
                                         ErrorCategory.PermissionDenied, path))
            return
        except OSError as exc:
            self.write_error(fspaths.io_error(exc, path, "GetContentWriterIOError", ErrorCategory.WriteError))
            return
        self._started.add(path)


@cmdlet("Set-Content", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097142")
class SetContentCommand(_WriteContentCmdlet):
    """Writes new content to files, replacing what they held (creating them
    if needed).

    Each value is converted to text and written on its own line; the file is created when missing and its old
    content is replaced. Text is written as UTF-8 without a byte order mark unless -Encoding names another encoding;
    -NoNewline writes the values back to back, and -AsByteStream writes bytes as they are."""

    help_examples = [
        ("Example 1: Replace a file's content",
         "Set-Content -Path ./notes.txt -Value 'first line', 'second line'",
         'notes.txt now holds exactly these two lines.'),
        ('Example 2: Rewrite a file through the pipeline',
         "(Get-Content ./app.conf) -replace 'debug=true', 'debug=false' | Set-Content ./app.conf",
         'The parentheses read the whole file first, so it can be written back under the same name.'),
    ]

    action = "Set Content"


@cmdlet("Add-Content", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?linkid=2096489")
class AddContentCommand(_WriteContentCmdlet):
    """Appends content to files (creating them if needed).

    The values are converted to text and written at the end of each file, one per line. A missing file is created.
    When the file starts with a byte order mark, the new text is written in the encoding it announces; otherwise
    UTF-8, or the encoding -Encoding names."""

    help_examples = [
        ('Example 1: Append a line to a log',
         'Add-Content -Path ./deploy.log -Value "$(Get-Date -Format o) deployed"',
         'Adds a time-stamped line at the end of deploy.log.'),
        ('Example 2: Append to several files',
         "Add-Content -Path ./logs/*.log -Value '--- rotated ---'",
         'The wildcard picks every .log file in the folder; each gets the marker line.'),
    ]

    action = "Add Content"
    append_mode = True


def _text_reader(handle: BinaryIO, encoding: Optional[TextEncoding], newline: Optional[str]) -> io.TextIOWrapper:
    """A decoding reader that honours a byte order mark first."""
    head = handle.peek(4)[:4] if hasattr(handle, "peek") else b""
    found = detect_bom(head)
    codec = (encoding or UTF8).codec
    if found is not None:
        codec, skip = found
        handle.read(skip)
    reader = io.TextIOWrapper(handle, encoding=codec, errors="replace", newline=newline)  # type: ignore[arg-type]
    return reader


def _existing_encoding(path: str) -> Optional[TextEncoding]:
    """The encoding an existing file announces with its BOM, so appended text
    matches it (pwsh's content writer does the same)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
    except OSError:
        return None
    found = detect_bom(head)
    if found is None:
        return None
    codec = found[0]
    boms = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
            "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}
    return TextEncoding(codec, codec, boms[codec])


_POLL_SECONDS = 0.1


def _follow(handle: BinaryIO, existing: Iterable[Any], read_units: Any) -> Iterator[Any]:
    """Yields ``existing``, then polls the file for appended items.  A file
    that became shorter than what was read is read again from its start
    (pwsh does this to survive log roll-overs).  The wait is short slices of
    sleep, so Ctrl+C or a stopped pipeline ends it promptly."""
    yield from existing
    while True:
        units = read_units()
        if units:
            yield from units
            continue
        time.sleep(_POLL_SECONDS)
        try:
            size = os.fstat(handle.fileno()).st_size
        except OSError:
            continue
        if size < handle.tell():
            handle.seek(0)


def _take(units: Iterator[Any], count: int) -> Iterator[Any]:
    for index, unit in enumerate(units):
        if index >= count:
            return
        yield unit
