"""Which provider a path belongs to, for the item cmdlets.

pwsh sends every item cmdlet through a provider, found from the drive a
path names in the session's drive table (``runtime/drives.py``): ``Env:``,
``Variable:``, ``Function:`` and ``Alias:`` name session-state providers,
``Temp:``, ``/`` and the drives New-PSDrive made name the FileSystem
provider (the path then is under the drive's root); ``Name::path`` names a
provider directly.  A word before a colon that is no drive (``x:y``) is
``DriveNotFound``, as pwsh says it, rather than a file name.  A relative
path belongs to the current location's drive (``Set-Location Env:`` then
``Get-Item PATH``).

``provider_for(session, path)`` answers ``(provider, rest)``; the
providers share one shape (``resolve``, ``new_item``, ``remove_item``,
``copy_item``, ``rename_item``, ``move_item``) so the cmdlets do not care
which drive they act on.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from pwshlike.dotnet.errors import (DriveNotFoundException, ErrorCategory, ProviderNotFoundException,
                                    PSArgumentException)
from pwshlike.runtime.scopes import drive_not_found

from .fsprovider import FILE_SYSTEM
from .sessionproviders import ALIAS, ENVIRONMENT, FUNCTION, VARIABLE

_DRIVE_RE = re.compile(r"^([A-Za-z_][\w-]*):(.*)$", re.DOTALL)

# Provider name (lower case) -> its item operations.
_PROVIDERS: dict[str, Any] = {"filesystem": FILE_SYSTEM, "environment": ENVIRONMENT, "variable": VARIABLE,
                              "function": FUNCTION, "alias": ALIAS}


def operations_of(provider: Any) -> Any:
    """The item operations of a ProviderInfo from the drive table."""
    return _PROVIDERS[provider.name.lower()]


def provider_for(session: Any, path: str) -> tuple[Any, str]:
    """``(provider, provider path)`` for a path as a user typed it; raises
    DriveNotFoundException for an unknown drive."""
    if "::" in path:
        name, _, rest = path.partition("::")
        provider = _PROVIDERS.get(name.rsplit("\\", 1)[-1].lower())
        if provider is not None:
            return provider, rest
        if name and "/" not in name:
            raise ProviderNotFoundException(f"Cannot find a provider with the name '{name}'.",
                                            error_id="ProviderNotFound", category=ErrorCategory.ObjectNotFound,
                                            target_object=name)
    match = _DRIVE_RE.match(path)
    drives = session.drives
    if match is None:
        current = drives.current
        if not current.is_file_system and not path.startswith(("/", "\\", "~")):
            return operations_of(current.provider), path
        return FILE_SYSTEM, path
    drive = drives.get(match.group(1))
    if drive is None:
        raise drive_not_found(match.group(1))
    rest = match.group(2)
    if drive.is_file_system:
        return FILE_SYSTEM, drive.fs_path(rest)
    return operations_of(drive.provider), rest.lstrip("/\\")


def provider_or_error(cmd: Any, path: str) -> Optional[tuple[Any, str]]:
    """:func:`provider_for`, writing DriveNotFound as the cmdlet's
    non-terminating error (None then); a path holding a NUL character, the
    one character no Linux path may hold, is .NET's ArgumentException."""
    if "\0" in path:
        cmd.write_error(PSArgumentException("Null character in path.").error_record)
        return None
    try:
        return provider_for(cmd.context.session, path)
    except (DriveNotFoundException, ProviderNotFoundException) as exc:
        cmd.write_error(exc.error_record)
        return None
