"""Tee-Object: passes its input on and also saves it to a file or a variable."""

from __future__ import annotations

from typing import Any, Iterator

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord

from .fserrors import dotnet_exception
from .textencoding import UTF8, encode, to_encoding


@cmdlet("Tee-Object", default_parameter_set="File", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097034")
class TeeObjectCommand(Cmdlet):
    """Sends each input object down the pipeline and to a file (as Out-File
    would write it) or a variable.

    The objects stream on at once; the file is written when the input ends,
    so that tables are laid out over all the objects."""

    help_examples = [
        ('Example 1: Keep a copy in a file',
         'Get-Process | Tee-Object -FilePath ./processes.txt | Sort-Object CPU -Descending | Select-Object -First 5',
         'The file gets every process as the console would show them; the pipeline goes on with the same '
         'objects.'),
        ('Example 2: Keep a copy in a variable',
         'Get-ChildItem -File | Tee-Object -Variable files | Measure-Object\n$files.Count',
         '$files holds the file objects, while Measure-Object counts them.'),
    ]

    input_object = Parameter("PSObject", value_from_pipeline=True, help="The objects to save.")
    file_path = Parameter("String", aliases=("Path",), sets={"File": {"mandatory": True, "position": 0}},
                          help="The file to write.")
    literal_path = Parameter("String", aliases=("PSPath", "LP"), sets={"LiteralFile": {"mandatory": True}},
                             help="The file to write, taken literally.")
    append = Parameter("SwitchParameter", sets={"File": {}},
                       help="Adds to the end of the file (with -FilePath only, as in pwsh).")
    encoding = Parameter("System.Text.Encoding", sets={"File": {}, "LiteralFile": {}}, converter=to_encoding,
                         help="The file's text encoding: utf8 (default, no BOM), utf8BOM, unicode, "
                              "bigEndianUnicode, utf32, ascii, latin1..., a code page number or an Encoding.")
    variable = Parameter("String", sets={"Variable": {"mandatory": True}}, help="The variable to set.")

    def begin_processing(self) -> None:
        self._objects: list[Any] = []
        self._path = ""
        if self.parameter_set_name == "Variable":
            return
        self._path = self.context.session.resolve_path(self.file_path or self.literal_path)
        self._write("", "a" if self.append else "w")

    def process_record(self) -> Iterator[Any]:
        obj = self.input_object
        self._objects.append(obj)
        yield obj

    def end_processing(self) -> None:
        objects = [o for o in self._objects if o is not None] if self._path else self._objects
        if not self._path:
            value: Any = None if not objects else objects[0] if len(objects) == 1 else list(objects)
            self.context.set_variable_value(self.variable, value)
            return
        lines = self.context.formatter(objects)
        self._write("".join(line + "\n" for line in lines), "a")

    def _write(self, text: str, mode: str) -> None:
        """Writes ``text``; opening a new, emptied or empty file writes the
        encoding's byte order mark first, as Out-File does."""
        encoding = self.encoding or UTF8
        try:
            with open(self._path, mode + "b") as handle:
                if not text and handle.tell() == 0:
                    handle.write(encoding.bom)
                handle.write(encode(text, encoding))
        except OSError as exc:
            error = dotnet_exception(exc, self._path)
            self.throw_terminating_error(ErrorRecord(error, "FileOpenFailure", ErrorCategory.OpenError, None))
