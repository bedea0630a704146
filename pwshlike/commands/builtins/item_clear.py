"""Clear-Item and Clear-Content: emptying items without removing them.

Clear-Item is pwsh's SessionStateProviderBase.ClearItem: a variable keeps
its name with the value $null, while a function, an alias or an
environment variable (whose value cannot be $null) goes away; the
FileSystem provider does not clear items (pwsh's NotSupported error).

Clear-Content is the other way round: it truncates files to zero length
(a folder is ``ClearDirectoryContent``), and the session-state providers
refuse it ("Cannot perform the ClearContent operation...").  Neither
cmdlet outputs anything.  -Stream (alternate data streams) exists only on
Windows, so it is not a parameter here.
"""

from __future__ import annotations

import os
from typing import Any

from pwshlike.commands.cmdlet import cmdlet
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, NotSupportedException, PSNotSupportedException

from .fserrors import io_record
from .fsprovider import FILE_SYSTEM
from .itembase import ItemCmdlet, credential_parameter, filter_parameters, force_parameter, path_parameters

PROVIDER_NOT_SUPPORTED = "Provider operation stopped because the provider does not support this operation."
CLEAR_CONTENT_NOT_SUPPORTED = ("Cannot perform the ClearContent operation. The ClearContent operation is not "
                               "supported by this provider.")


class _ClearCmdlet(ItemCmdlet):
    """The paths of -Path or -LiteralPath, each item once."""

    def targets(self) -> Any:
        literal = self.parameter_set_name == "LiteralPath"
        for raw in (self.literal_path if literal else self.path) or ():
            yield from self.items(raw, literal)


@cmdlet("Clear-Item", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096491")
class ClearItemCommand(_ClearCmdlet):
    """Clears the value of a variable, or removes a function, alias or
    environment variable, keeping the path usable.

    On the Variable: drive the variable stays with a $null value (a
    read-only one only with -Force); on Function:, Alias: and Env: the item
    is removed, since those items cannot hold $null.  Files and folders
    cannot be cleared (use Clear-Content for a file's content)."""

    help_examples = [
        ("Example 1: Empty a variable", "$total = 42; Clear-Item Variable:total; $null -eq $total",
         "Returns True: the variable still exists but holds $null."),
        ("Example 2: Remove environment variables by pattern", "Clear-Item Env:MYAPP_*",
         "Removes every environment variable whose name starts with MYAPP_ from this process."),
    ]

    path, literal_path = path_parameters("The items to clear", by_value=True)
    force = force_parameter("Also clears read-only variables.")
    filter, include, exclude = filter_parameters()
    credential = credential_parameter()

    def process_record(self) -> None:
        for provider, name in self.targets():
            if provider is FILE_SYSTEM:
                self.write_error(PSNotSupportedException(PROVIDER_NOT_SUPPORTED).error_record)
            elif self.should_process(f"Item: {name}", "Clear Item"):
                provider._guarded(self, lambda: provider.clear(self, name))


@cmdlet("Clear-Content", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096807")
class ClearContentCommand(_ClearCmdlet):
    """Deletes the content of files, leaving the empty files in place.

    Each file is truncated to zero bytes.  A folder cannot be cleared
    (ClearDirectoryContent), and neither can the items of Env:, Variable:,
    Function: and Alias:, which have no content to clear."""

    help_examples = [
        ("Example 1: Empty a log file", "Clear-Content ./app.log",
         "app.log still exists, with a length of 0."),
        ("Example 2: Empty several files", "Clear-Content ./logs/*.log -WhatIf",
         "Shows which log files would be emptied, without changing them."),
    ]

    path, literal_path = path_parameters("The files to empty")
    force = force_parameter("Also empties read-only files (their write permission is given back first).")
    filter, include, exclude = filter_parameters()
    credential = credential_parameter()

    def process_record(self) -> None:
        for provider, path in self.targets():
            if provider is not FILE_SYSTEM:
                self.write_error(PSNotSupportedException(CLEAR_CONTENT_NOT_SUPPORTED).error_record)
            elif os.path.isdir(path):
                exc = NotSupportedException(f"Unable to clear content of '{path}' because it is a directory. "
                                            "Clear-Content is only supported on files.")
                self.write_error(ErrorRecord(exc, "ClearDirectoryContent", ErrorCategory.InvalidOperation, path))
            elif self.should_process(f"Item: {path}", "Clear Content"):
                self._truncate(path)

    def _truncate(self, path: str) -> None:
        try:
            _truncate(path, bool(self.force))
        except OSError as exc:
            self.write_error(io_record(exc, path, "ClearContent", missing_is_file=True))


def _truncate(path: str, force: bool) -> None:
    """Opens the file for truncation; -Force makes a read-only file
    writable for the owner first, as pwsh clears its ReadOnly attribute."""
    try:
        with open(path, "r+b") as stream:
            stream.truncate(0)
    except PermissionError:
        if not force:
            raise
        mode = os.stat(path).st_mode
        os.chmod(path, mode | 0o200)
        with open(path, "r+b") as stream:
            stream.truncate(0)
