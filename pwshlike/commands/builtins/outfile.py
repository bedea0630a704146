"""Out-File: what the console would show, written to a file."""

from __future__ import annotations

import os
from typing import Any

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_set
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, IOException

from .fserrors import dotnet_exception

ENCODINGS = {"utf8": "utf-8", "utf8nobom": "utf-8", "utf8bom": "utf-8-sig", "ascii": "ascii",
             "unicode": "utf-16-le", "bigendianunicode": "utf-16-be", "utf32": "utf-32-le",
             "oem": "utf-8", "default": "utf-8", "latin1": "latin-1"}


@cmdlet("Out-File", default_parameter_set="ByPath", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096621")
class OutFileCommand(Cmdlet):
    """Sends output to a file, formatted as the console shows it (UTF-8
    without a BOM unless -Encoding says otherwise).

    The objects are formatted exactly as they would appear in the console (tables, lists and so on), then written as
    text; -Width sets the line width used for that layout. An existing file is replaced unless -Append or -NoClobber
    is given."""

    help_examples = [
        ('Example 1: Save a listing',
         'Get-ChildItem /etc | Out-File ./etc-listing.txt',
         'The file holds the same table the console would show.'),
        ('Example 2: Add to a log',
         'Get-Date | Out-File ./runs.log -Append',
         'Appends the date to runs.log, creating it if needed.'),
    ]

    file_path = Parameter("String", aliases=("Path",), sets={"ByPath": {"mandatory": True, "position": 0}},
                          help="The file to write.")
    literal_path = Parameter("String", aliases=("PSPath", "LP"), sets={"ByLiteralPath": {"mandatory": True}},
                             help="The file to write, used exactly as written (no wildcards).")
    encoding = Parameter("String", position=1, validators=[validate_set(list(ENCODINGS))],
                         help="The text encoding.")
    append = Parameter("SwitchParameter", help="Adds to the end of the file.")
    force = Parameter("SwitchParameter",
                      help="Accepted for compatibility: on Linux only the file's permissions decide whether it can "
                           "be overwritten.")
    no_clobber = Parameter("SwitchParameter", aliases=("NoOverwrite",), help="Fails if the file exists.")
    width = Parameter("Int32", help="Characters per line.")
    no_newline = Parameter("SwitchParameter", name="NoNewline", help="Writes no newlines.")
    input_object = Parameter("PSObject", value_from_pipeline=True, help="The objects to write.")

    def begin_processing(self) -> None:
        self._objects: list[Any] = []

    def process_record(self) -> None:
        if self.input_object is not None:
            self._objects.append(self.input_object)

    def end_processing(self) -> None:
        path = self.context.session.resolve_path(self.file_path or self.literal_path)
        if self.no_clobber and os.path.exists(path) and not self.append:
            exc = IOException(f"The file '{path}' already exists.")
            self.throw_terminating_error(ErrorRecord(exc, "NoClobber", ErrorCategory.ResourceExists, path))
        if not self.should_process(path):
            return
        lines = self.context.formatter(self._objects, width=self.width) if self.width \
            else self.context.formatter(self._objects)
        text = "".join(lines) if self.no_newline else "".join(line + "\n" for line in lines)
        encoding = ENCODINGS[(self.encoding or "utf8nobom").lower()]
        try:
            with open(path, "a" if self.append else "w", encoding=encoding, newline="") as handle:
                handle.write(text)
        except OSError as exc:
            error = dotnet_exception(exc, path)
            self.throw_terminating_error(ErrorRecord(error, "FileOpenFailure", ErrorCategory.OpenError, None))
