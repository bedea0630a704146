"""New-TemporaryFile: an empty file with a unique name in the temporary
folder, as .NET's Path.GetTempFileName makes it on Unix.

The folder is ``$TMPDIR`` (``/tmp/`` when unset), the name ``tmp`` plus
six random letters or digits plus ``.tmp``, and the file is created with
O_EXCL so two callers never get the same one.  ShouldProcess asks about
the folder (what pwsh shows), and a folder that cannot be written to is a
terminating ``NewTemporaryFileWriteError``.
"""

from __future__ import annotations

import os
import secrets
import string
from typing import Any, Iterator

from pwshlike.commands.cmdlet import Cmdlet, cmdlet
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord

from .fserrors import dotnet_exception
from .fsitems import item_for

_LETTERS = string.ascii_letters + string.digits
_ATTEMPTS = 100


def temp_folder() -> str:
    """.NET's Path.GetTempPath on Unix: $TMPDIR or /tmp, with a trailing slash."""
    folder = os.environ.get("TMPDIR") or "/tmp/"
    return folder if folder.endswith("/") else folder + "/"


def create_temp_file(folder: str) -> str:
    """Creates ``tmpXXXXXX.tmp`` in ``folder`` (OSError when it cannot)."""
    error: OSError = FileExistsError()
    for _ in range(_ATTEMPTS):
        path = folder + "tmp" + "".join(secrets.choice(_LETTERS) for _ in range(6)) + ".tmp"
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return path
        except FileExistsError as exc:
            error = exc
    raise error


@cmdlet("New-TemporaryFile", supports_should_process=True, confirm_impact="Low",
        help_uri="https://go.microsoft.com/fwlink/?LinkId=2097032")
class NewTemporaryFileCommand(Cmdlet):
    """Creates an empty temporary file and returns it as a FileInfo object.

    The file is made in the temporary folder ($TMPDIR, or /tmp when it is
    not set) with a unique name such as tmpA1b2C3.tmp, readable and
    writable only by the current user.  It is not removed automatically."""

    help_examples = [
        ("Example 1: Use a scratch file", "$scratch = New-TemporaryFile; Set-Content $scratch 'draft'; "
         "Remove-Item $scratch",
         "Creates a temporary file, writes to it and removes it again."),
        ("Example 2: Only show where it would go", "New-TemporaryFile -WhatIf",
         "Names the temporary folder without creating anything."),
    ]

    def end_processing(self) -> Iterator[Any]:
        folder = temp_folder()
        if not self.should_process(folder):
            return
        try:
            path = create_temp_file(folder)
        except OSError as exc:
            error = dotnet_exception(exc, folder)
            self.throw_terminating_error(ErrorRecord(error, "NewTemporaryFileWriteError", ErrorCategory.WriteError,
                                                     folder))
            return
        yield item_for(path)
