"""Invoke-Item: the default action on files and folders, as pwsh's
FileSystem provider does it on Linux.

A file is first started as a program (an executable starts, without
waiting for it); a file the system refuses to execute ("Permission
denied") and a folder are handed to the desktop's opener (``xdg-open``,
else ``gnome-open`` or ``kfmclient``, found on PATH as .NET's
ShellExecute looks for them).  Nothing is waited for.  Each item is asked
about first (ShouldProcess "Invoke Item", "Item: <path>"), so -WhatIf and
-Confirm work.  A failure to start is pwsh's terminating
``InvokeDefaultActionProviderException``; the session-state drives have
no default action (NotSupported).
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from typing import Optional

from pwshlike.commands.cmdlet import cmdlet
from pwshlike.dotnet.errors import ErrorCategory, PSNotSupportedException, RuntimeException

from .fsprovider import FILE_SYSTEM
from .item_clear import PROVIDER_NOT_SUPPORTED
from .itembase import ItemCmdlet, credential_parameter, filter_parameters, path_parameters

_OPENERS = ("xdg-open", "gnome-open", "kfmclient")


def _opener() -> Optional[list[str]]:
    """The command line prefix that opens a path in the desktop, if any."""
    for name in _OPENERS:
        found = shutil.which(name)
        if found is not None:
            return [found, "exec"] if name == "kfmclient" else [found]
    return None


def _start(argv: list[str], cwd: str) -> None:
    """Starts a program without waiting or sharing the console's input."""
    subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, start_new_session=True)


@cmdlet("Invoke-Item", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096590")
class InvokeItemCommand(ItemCmdlet):
    """Performs the default action on files and folders: runs a program,
    or opens a document or folder with the desktop's default application.

    An executable file is started as a program.  Any other file, and any
    folder, is opened with xdg-open (the desktop's choice of application
    for its type).  The command does not wait for what it started."""

    help_examples = [
        ("Example 1: Open a document", "Invoke-Item ./report.pdf",
         "Opens report.pdf in the desktop's PDF viewer."),
        ("Example 2: Open the current folder", "ii .",
         "Shows the current folder in the desktop's file manager."),
        ("Example 3: See what would be opened", "Invoke-Item ./docs/*.md -WhatIf",
         "Lists the Markdown files that would be opened, opening none."),
    ]

    path, literal_path = path_parameters("The items to open or run", by_value=True)
    filter, include, exclude = filter_parameters()
    credential = credential_parameter()

    def process_record(self) -> None:
        literal = self.parameter_set_name == "LiteralPath"
        for raw in (self.literal_path if literal else self.path) or ():
            for provider, path in self.items(raw, literal, root=True):
                if provider is not FILE_SYSTEM:
                    self.write_error(PSNotSupportedException(PROVIDER_NOT_SUPPORTED).error_record)
                elif self.should_process(f"Item: {path}", "Invoke Item"):
                    self._invoke(path)

    def _invoke(self, path: str) -> None:
        cwd = self.context.session.location
        if not os.path.isdir(cwd):
            cwd = "/"
        try:
            if not os.path.isdir(path):
                try:
                    _start([path], cwd)
                    return
                except PermissionError:
                    pass  # not executable: let the desktop open it
            opener = _opener()
            if opener is None:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
            _start(opener + [path], cwd)
        except OSError as exc:
            self._failed(path, cwd, exc)

    def _failed(self, path: str, cwd: str, exc: OSError) -> None:
        """.NET's Win32Exception, wrapped as pwsh's provider wraps it."""
        reason = os.strerror(exc.errno) if exc.errno else "Unknown error"
        message = (f"Attempting to perform the InvokeDefaultAction operation on the 'FileSystem' provider failed "
                   f"for path '{path}'. An error occurred trying to start process '{path}' with working directory "
                   f"'{cwd}'. {reason}")
        error = RuntimeException(message, error_id="InvokeDefaultActionProviderException",
                                 category=ErrorCategory.NotSpecified, target_object=path)
        self.throw_terminating_error(error.error_record)
