"""File system failures in .NET's words, as pwsh's FileSystem provider
reports them.

An ``OSError`` becomes the exception .NET would have thrown for the same
errno on Linux: a missing file or folder is FileNotFoundException ("Could
not find file '...'") or DirectoryNotFoundException ("Could not find a part
of the path '...'"), an existing file IOException ("The file '...' already
exists."), denied access UnauthorizedAccessException ("Access to the path
'...' is denied.").  The record's id is the provider's: ``<Operation>IOError``
or ``<Operation>UnauthorizedAccessError``.  A missing item never shows the
C library's "No such file or directory"; other rare errors read as .NET
shows them on Unix (the C library's text, then `` : 'path'``).
"""

from __future__ import annotations

import errno
import os
from typing import Any

from pwshlike.dotnet.errors import (DirectoryNotFoundException, DotNetException, ErrorCategory, ErrorRecord,
                                    FileNotFoundException, IOException, PathTooLongException,
                                    UnauthorizedAccessException)

def dotnet_exception(exc: OSError, path: str, missing_is_file: bool = False) -> DotNetException:
    """The .NET exception for ``exc`` on ``path``; ``missing_is_file``
    when the missing thing would be the file itself rather than a folder on
    its way (reading a file, not creating one)."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM, errno.EISDIR):
        return UnauthorizedAccessException(f"Access to the path '{path}' is denied.")
    if code == errno.ENOENT:
        if missing_is_file:
            return FileNotFoundException(f"Could not find file '{path}'.")
        return DirectoryNotFoundException(f"Could not find a part of the path '{path}'.")
    if code == errno.ENOTDIR:
        return DirectoryNotFoundException(f"Could not find a part of the path '{path}'.")
    if code == errno.EEXIST:
        return IOException(f"The file '{path}' already exists.")
    if code == errno.ENAMETOOLONG:
        return PathTooLongException(f"The path '{path}' is too long, or a component of the specified path is too "
                                    "long.")
    # .NET's fallback on Unix: the C library's text for the errno and the path.
    return IOException(f"{os.strerror(code or 0)} : '{path}'")


def io_record(exc: OSError, path: str, operation: str, target: Any = None,
              missing_is_file: bool = False) -> ErrorRecord:
    """The record pwsh writes when ``operation`` (``NewItem``, ``RemoveItem``,
    ``CopyFileInfoItem``...) fails on ``path``."""
    error = dotnet_exception(exc, path, missing_is_file)
    if isinstance(error, UnauthorizedAccessException):
        return ErrorRecord(error, f"{operation}UnauthorizedAccessError", ErrorCategory.PermissionDenied,
                           path if target is None else target)
    return ErrorRecord(error, f"{operation}IOError", ErrorCategory.WriteError, path if target is None else target)
