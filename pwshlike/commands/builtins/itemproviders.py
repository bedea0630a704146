"""Which provider a path belongs to, for the item cmdlets.

pwsh sends every item cmdlet through a provider: ``Env:``, ``Variable:``,
``Function:`` and ``Alias:`` name session-state providers, ``Temp:`` and
every other path the FileSystem provider; ``Name::path`` names a provider
directly.  A word before a colon that is no drive (``x:y``) is
``DriveNotFound``, as pwsh says it, rather than a file name.

``provider_for(path)`` answers ``(provider, rest)``; the providers share
one shape (``resolve``, ``new_item``, ``remove_item``, ``copy_item``,
``rename_item``, ``move_item``) so the cmdlets do not care which drive they
act on and later provider work (Get-PSDrive, New-PSDrive) extends this
table instead of the cmdlets.
"""

from __future__ import annotations

import re
import tempfile
from typing import Any, Optional

from pwshlike.dotnet.errors import DriveNotFoundException
from pwshlike.runtime.scopes import drive_not_found

from .fsprovider import FILE_SYSTEM
from .sessionproviders import ALIAS, ENVIRONMENT, FUNCTION, VARIABLE

_DRIVE_RE = re.compile(r"^([A-Za-z_][\w-]*):(.*)$", re.DOTALL)

# Drive name (lower case) -> the session-state provider behind it.
_SESSION_DRIVES: dict[str, Any] = {"env": ENVIRONMENT, "variable": VARIABLE, "function": FUNCTION,
                                   "alias": ALIAS}

# Provider names as ``Name::`` or ``Microsoft.PowerShell.Core\\Name::`` accept them.
_PROVIDERS: dict[str, Any] = {"filesystem": FILE_SYSTEM, "environment": ENVIRONMENT, "variable": VARIABLE,
                              "function": FUNCTION, "alias": ALIAS}


def provider_for(path: str) -> tuple[Any, str]:
    """``(provider, provider path)`` for a path as a user typed it; raises
    DriveNotFoundException for an unknown drive."""
    if "::" in path:
        name, _, rest = path.partition("::")
        provider = _PROVIDERS.get(name.rsplit("\\", 1)[-1].lower())
        if provider is not None:
            return provider, rest
    match = _DRIVE_RE.match(path)
    if match is None:
        return FILE_SYSTEM, path
    drive, rest = match.group(1), match.group(2)
    low = drive.lower()
    session = _SESSION_DRIVES.get(low)
    if session is not None:
        return session, rest.lstrip("/\\")
    if low == "temp":
        return FILE_SYSTEM, tempfile.gettempdir() + "/" + rest.lstrip("/\\")
    raise drive_not_found(drive)


def provider_or_error(cmd: Any, path: str) -> Optional[tuple[Any, str]]:
    """:func:`provider_for`, writing DriveNotFound as the cmdlet's
    non-terminating error (None then)."""
    try:
        return provider_for(path)
    except DriveNotFoundException as exc:
        cmd.write_error(exc.error_record)
        return None
