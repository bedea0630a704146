"""Export-Clixml and Import-Clixml: objects to and from CLIXML files.

The format is pwsh's (``pwshlike.dotnet.clixml``), so files move between
pwsh and pwshlike.  Export-Clixml writes every input object into one
``<Objs>`` document, indented by two spaces and without an XML
declaration, as pwsh's XmlWriter does; the default depth is 2.  A
SecureString is written as pwsh on Linux writes it: hex-encoded, not
encrypted.
"""

from __future__ import annotations

import os
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, IOException

from . import fspaths
from .textencoding import UTF8, TextEncoding, detect_bom, encode, to_encoding

_ENCODING_HELP = "utf8 (default), utf8BOM, utf8NoBOM, unicode, bigEndianUnicode, utf32, bigEndianUTF32, " \
    "ascii, ansi, oem."


@cmdlet("Export-Clixml", default_parameter_set="ByPath", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096926")
class ExportClixmlCommand(Cmdlet):
    """Writes objects to a file in CLIXML, PowerShell's XML form of objects.

    The objects can be read back with Import-Clixml, here or in pwsh: they
    come back with their properties (methods are not kept) under type names
    that start with "Deserialized.". Strings, numbers, dates, time spans,
    GUIDs, byte arrays, versions and URIs come back as themselves.

    On Linux a SecureString is stored hex-encoded, not encrypted (as pwsh on
    Linux stores it): do not rely on such a file to keep a password secret."""

    depth = Parameter("Int32", validators=[validate_range(1, 2**31 - 1)],
                      help="How many levels of contained objects are written (default 2); deeper objects "
                           "are written as their strings.")
    path = Parameter("String", sets={"ByPath": {"mandatory": True, "position": 0}},
                     help="The file to write.")
    literal_path = Parameter("String", aliases=("PSPath", "LP"), sets={"ByLiteralPath": {"mandatory": True}},
                             help="The file to write, taken exactly as written.")
    input_object = Parameter("PSObject", mandatory=True, value_from_pipeline=True,
                             help="The objects to write.")
    force = Parameter("SwitchParameter", help="Overwrites a read-only file.")
    no_clobber = Parameter("SwitchParameter", aliases=("NoOverwrite",),
                           help="Fails instead of overwriting an existing file.")
    encoding = Parameter("Encoding", converter=to_encoding, help="The text encoding: " + _ENCODING_HELP)

    help_examples = [
        ("Save objects and read them back",
         "Get-Date | Export-Clixml -Path ./date.xml\nImport-Clixml -Path ./date.xml",
         "The date comes back as a DateTime."),
        ("Keep a nested object deeper than the default",
         "[pscustomobject]@{ Name = 'a'; Inner = @{ Level = 1 } } | Export-Clixml ./obj.xml -Depth 5",
         "Objects nested more than -Depth levels deep are stored as their strings."),
    ]

    def begin_processing(self) -> None:
        self._objects: list[Any] = []
        self._file: Optional[str] = None
        raw = self.path if self.path is not None else self.literal_path
        target = fspaths.resolve(self.context.session, raw)
        if not self.should_process(target):
            return
        if self.no_clobber and os.path.exists(target):
            self.throw_terminating_error(ErrorRecord(IOException(f"The file '{target}' already exists."),
                                                     "NoClobber", ErrorCategory.ResourceExists, target))
        self._file = target
        self._open("w")

    def _open(self, mode: str) -> None:
        """Opens the file once at the start, as pwsh does, so a bad path
        fails before any input is read; a read-only file needs -Force."""
        path = self._file or ""
        try:
            if self.force and os.path.isfile(path) and not os.access(path, os.W_OK):
                os.chmod(path, os.stat(path).st_mode | 0o200)
            with open(path, mode + "b"):
                pass
        except OSError as exc:
            self.throw_terminating_error(fspaths.io_error(exc, path, "FileOpenFailure", ErrorCategory.OpenError))

    def process_record(self) -> None:
        if self._file is not None:
            self._objects.append(self.input_object)

    def end_processing(self) -> None:
        if self._file is None:
            return
        from pwshlike.dotnet.clixml import EXPORT_DEPTH, serialize
        text = serialize(self._objects, self.depth or EXPORT_DEPTH)
        encoding: TextEncoding = self.encoding or UTF8
        try:
            with open(self._file, "wb") as handle:
                handle.write(encoding.bom + encode(text, encoding))
        except OSError as exc:
            self.throw_terminating_error(fspaths.io_error(exc, self._file, "FileOpenFailure",
                                                          ErrorCategory.OpenError))


@cmdlet("Import-Clixml", default_parameter_set="ByPath", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096618")
class ImportClixmlCommand(Cmdlet):
    """Reads objects from a CLIXML file written by Export-Clixml (here or in
    pwsh).

    Strings, numbers, dates and the other primitive types come back as
    themselves, hashtables as hashtables, lists as ArrayLists, and every
    other object as a property bag whose type names start with
    "Deserialized."."""

    path = Parameter("String[]", sets={"ByPath": {"mandatory": True, "position": 0, "value_from_pipeline": True,
                                                  "value_from_pipeline_by_property_name": True}},
                     supports_wildcards=True, help="The files to read; wildcards are allowed.")
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"),
                             sets={"ByLiteralPath": {"mandatory": True, "value_from_pipeline_by_property_name": True}},
                             help="The files to read, taken exactly as written.")
    skip = Parameter("UInt64", help="Leaves out this many objects at the start.")
    first = Parameter("UInt64", help="Writes at most this many objects.")

    help_examples = [
        ("Read objects saved with Export-Clixml",
         "$saved = Import-Clixml -Path ./objects.xml\n$saved[0].PSTypeNames",
         "The first type name of a complex object starts with 'Deserialized.'."),
    ]

    def process_record(self) -> Iterator[Any]:
        literal = self.literal_path is not None
        session = self.context.session
        for raw in (self.literal_path if literal else self.path) or ():
            paths, wildcard = fspaths.resolve_paths(session, raw, literal)
            if not wildcard and not os.path.exists(paths[0]):
                self.write_error(fspaths.path_not_found(paths[0]))
                continue
            for path in paths:
                yield from self._read(path)

    def _read(self, path: str) -> Iterator[Any]:
        from pwshlike.dotnet.clixml import CliXmlError, deserialize
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            self.write_error(fspaths.io_error(exc, path, "ReadError", ErrorCategory.ReadError, True))
            return
        bom = detect_bom(data[:4])
        text = data[bom[1]:].decode(bom[0], "replace") if bom else data.decode("utf-8", "replace")
        try:
            objects = deserialize(text)
        except CliXmlError as exc:
            self.throw_terminating_error(ErrorRecord(exc, "System.Xml.XmlException", ErrorCategory.NotSpecified,
                                                     None))
            return
        start = int(self.skip or 0)
        end = None if self.first is None else start + int(self.first)
        yield from objects[start:end]

