"""PowerShell drives and providers as session state.

pwsh keeps a table of providers (FileSystem, Environment, Variable,
Function, Alias on Linux) and of drives over them: ``/`` and ``Temp`` on
the FileSystem provider, ``Env``, ``Variable``, ``Function`` and
``Alias``, plus the drives New-PSDrive adds (Pester's ``TestDrive:``).  A
drive belongs to the scope it was made in; a path such as
``TestDrive:\\a\\b.txt`` names ``a/b.txt`` under the drive's root.

The engine resolves file system paths through :meth:`DriveTable.fs_path`
(``SessionState.resolve_path`` calls it), so every cmdlet and script path
that takes a file name accepts a drive-qualified one.  The current
location keeps its provider path in ``SessionState.location``; which drive
it was reached through is ``DriveTable.current``, so ``$PWD`` can show
``TestDrive:/sub`` as pwsh does.
"""

from __future__ import annotations

import os
import functools
import re

from ..dotnet.errors import ErrorCategory, SessionStateException
from ..dotnet.types import register_class
from ..dotnet.values import EnumInfo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional

PROVIDER_CAPABILITIES = EnumInfo("System.Management.Automation.Provider.ProviderCapabilities", (
    ("None", 0), ("Include", 1), ("Exclude", 2), ("Filter", 4), ("ExpandWildcards", 8),
    ("ShouldProcess", 16), ("Credentials", 32), ("Transactions", 64)), flags=True)

_CORE = "Microsoft.PowerShell.Core"
_COMMANDS = "Microsoft.PowerShell.Commands"

# (name, implementing type, capabilities) in the order pwsh on Linux loads them.
_PROVIDERS = (
    ("Alias", f"{_COMMANDS}.AliasProvider", 16),
    ("Environment", f"{_COMMANDS}.EnvironmentProvider", 16),
    ("FileSystem", f"{_COMMANDS}.FileSystemProvider", 4 | 16 | 32),
    ("Function", f"{_COMMANDS}.FunctionProvider", 16),
    ("Variable", f"{_COMMANDS}.VariableProvider", 16),
)


@functools.cache
def _qualified() -> re.Pattern[str]:
    """Compiled on first use: start-up compiles no pattern a script may never need."""
    return re.compile(r"^([^:/\\~.;]+):(.*)$", re.DOTALL)


FILESYSTEM = "FileSystem"


class ProviderInfo:
    """``System.Management.Automation.ProviderInfo``: one provider and the
    drives the session has on it."""

    full_name = "System.Management.Automation.ProviderInfo"
    PS_MEMBERS = {"Name": "name", "ImplementingType": "implementing_type", "Capabilities": "capabilities",
                  "Drives": "drives", "Home": "home", "Description": "description", "ModuleName": "module_name",
                  "PSSnapIn": "module_name", "HelpFile": "help_file", "Module": "module",
                  "ItemSeparator": "item_separator", "AltItemSeparator": "alt_item_separator",
                  "ToString": "__str__"}

    # Every provider on Unix separates items with '/' and reads '\\' as one
    # too; read-only, as pwsh's ProviderInfo has them.
    @property
    def item_separator(self) -> str:
        return "/"

    @property
    def alt_item_separator(self) -> str:
        return "\\"

    def __init__(self, table: "DriveTable", name: str, implementing_type: str, capabilities: int) -> None:
        self._table = table
        self.name = name
        self.implementing_type = implementing_type
        self.capabilities = PROVIDER_CAPABILITIES.value(capabilities)
        self.home = os.path.expanduser("~") if name == FILESYSTEM else ""
        self.description = ""
        self.module_name = _CORE
        self.help_file = "System.Management.Automation.dll-Help.xml"
        self.module = None

    @property
    def drives(self) -> list["PSDriveInfo"]:
        return [d for d in self._table.all() if d.provider is self]

    def __str__(self) -> str:
        return f"{_CORE}\\{self.name}"

    def __repr__(self) -> str:
        return f"ProviderInfo({self.name!r})"


class PSDriveInfo:
    """``System.Management.Automation.PSDriveInfo``.  ``current_location``
    is the drive's own current location (relative to its root, no leading
    separator), which ``Set-Location Name:`` returns to; ``scope`` is the
    scope the drive was made in (None for the built-in drives)."""

    full_name = "System.Management.Automation.PSDriveInfo"
    PS_MEMBERS = {"Name": "name", "Provider": "provider", "Root": "root", "Description": "description",
                  "CurrentLocation": "current_location", "Used": "used", "Free": "free",
                  "MaximumSize": "maximum_size", "Credential": "credential", "DisplayRoot": "display_root",
                  "VolumeSeparatedByColon": "volume_separated_by_colon", "ToString": "__str__"}

    def __init__(self, name: str, provider: ProviderInfo, root: str, description: str = "",
                 scope: Any = None) -> None:
        self._name = name
        self._provider = provider
        self._root = root
        self.description = description
        self.scope = scope
        self.current_location = ""
        self.maximum_size = None
        self.credential = None
        self.display_root = None
        self.volume_separated_by_colon = False

    # Name, Provider and Root are read-only, as in pwsh ("'Name' is a ReadOnly property.").
    @property
    def name(self) -> str:
        return self._name

    @property
    def provider(self) -> ProviderInfo:
        return self._provider

    @property
    def root(self) -> str:
        return self._root

    @property
    def is_file_system(self) -> bool:
        return self._provider.name == FILESYSTEM

    def _usage(self) -> Any:
        if not self.is_file_system:
            return None
        import shutil  # only Get-PSDrive's Used/Free need it
        try:
            return shutil.disk_usage(self.root or "/")
        except OSError:
            return None

    @property
    def used(self) -> Optional[int]:
        usage = self._usage()
        return None if usage is None else usage.used

    @property
    def free(self) -> Optional[int]:
        usage = self._usage()
        return None if usage is None else usage.free

    def fs_path(self, rest: str) -> str:
        """The provider path of ``rest`` (the text after ``Name:``): an
        absolute rest starts at the root, a relative one at the drive's
        current location."""
        rest = rest.replace("\\", "/")
        start = "" if rest.startswith("/") else self.current_location
        return self.under_root(start + "/" + rest)

    def under_root(self, relative: str) -> str:
        """``relative`` (to the root) as a provider path; as in pwsh's
        drive namespace, ``..`` stops at the root."""
        parts: list[str] = []
        for part in relative.split("/"):
            if part == "..":
                if parts:
                    parts.pop()
            elif part and part != ".":
                parts.append(part)
        return os.path.normpath(os.path.join(self.root, *parts))

    def display(self, provider_path: str) -> Optional[str]:
        """``Name:/relative`` for a provider path under this drive's root
        (None when it is outside), as pwsh shows a location."""
        root = os.path.normpath(self.root)
        if provider_path == root:
            return f"{self.name}:/"
        prefix = root.rstrip("/") + "/"
        if not provider_path.startswith(prefix):
            return None
        return f"{self.name}:/{provider_path[len(prefix):]}"

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"PSDriveInfo({self.name!r}, {self.provider.name!r}, {self.root!r})"


class _RootDrive(PSDriveInfo):
    """The ``/`` drive: its current location is the session's file system
    location (relative to ``/``), which other code sets directly."""

    def __init__(self, provider: ProviderInfo, location: Callable[[], str]) -> None:
        super().__init__("/", provider, "/")
        self._location = location

    @property  # type: ignore[override]
    def current_location(self) -> str:
        return self._location().lstrip("/")

    @current_location.setter
    def current_location(self, value: str) -> None:
        """Set-Location moves the session's location itself."""


class DriveTable:
    """A session's providers and drives.  ``current`` is the drive of the
    current location (the ``/`` drive until Set-Location takes another);
    ``location`` reads the session's file system location."""

    def __init__(self, location: Callable[[], str]) -> None:
        self.providers: dict[str, ProviderInfo] = {
            name.lower(): ProviderInfo(self, name, kind, caps) for name, kind, caps in _PROVIDERS}
        fs = self.providers["filesystem"]
        temp = temp_path()
        self._drives: list[PSDriveInfo] = [
            _RootDrive(fs, location),
            PSDriveInfo("Alias", self.providers["alias"], "", "Drive containing a view of the aliases stored in "
                        "session state."),
            PSDriveInfo("Env", self.providers["environment"], "", "Drive containing a view of the environment "
                        "variables for the process."),
            PSDriveInfo("Function", self.providers["function"], "", "Drive containing a view of the functions "
                        "stored in session state."),
            PSDriveInfo("Temp", fs, temp, "Drive that maps to the temporary directory path for the current user"),
            PSDriveInfo("Variable", self.providers["variable"], "", "Drive containing a view of the variables "
                        "stored in session state."),
        ]
        self.current: PSDriveInfo = self._drives[0]
        # $ExecutionContext.InvokeCommand.LocationChangedAction: a script block or None.
        self.location_changed_action: Any = None

    # --- lookup -----------------------------------------------------------------------------

    def all(self) -> list[PSDriveInfo]:
        return list(self._drives)

    def get(self, name: str) -> Optional[PSDriveInfo]:
        """The drive called ``name`` (any case); the newest when scopes
        shadow one another."""
        low = name.lower()
        for drive in reversed(self._drives):
            if drive.name.lower() == low:
                return drive
        return None

    def visible(self, scope: Any) -> list[PSDriveInfo]:
        """The drives seen from ``scope``: each name once, the innermost
        scope's drive winning, in name order."""
        chain = []
        while scope is not None:
            chain.append(scope)
            scope = scope.parent
        found: dict[str, tuple[int, PSDriveInfo]] = {}
        for drive in self._drives:
            depth = len(chain) if drive.scope is None else _index(chain, drive.scope)
            if depth is None:
                continue
            key = drive.name.lower()
            if key not in found or depth <= found[key][0]:
                found[key] = (depth, drive)
        return sorted((d for _, d in found.values()), key=lambda d: d.name.lower())

    def in_scope(self, name: str, scope: Any) -> Optional[PSDriveInfo]:
        """The drive called ``name`` made in exactly ``scope``."""
        low = name.lower()
        for drive in self._drives:
            owner = drive.scope
            same = owner is scope or (owner is None and getattr(scope, "is_global", False))
            if same and drive.name.lower() == low:
                return drive
        return None

    def provider(self, name: str) -> Optional[ProviderInfo]:
        """A provider by name, also as ``Microsoft.PowerShell.Core\\Name``."""
        return self.providers.get(name.rsplit("\\", 1)[-1].lower())

    # --- changes ----------------------------------------------------------------------------

    def add(self, drive: PSDriveInfo, scope: Any) -> None:
        """Adds ``drive`` to ``scope``; pwsh's DriveAlreadyExists when the
        scope already has one of that name."""
        if self.in_scope(drive.name, scope) is not None:
            raise SessionStateException(f"A drive with the name '{drive.name}' already exists.",
                                        error_id="DriveAlreadyExists", category=ErrorCategory.ResourceExists,
                                        target_object=drive.name)
        drive.scope = None if getattr(scope, "is_global", False) else scope
        self._drives.append(drive)

    def remove(self, drive: PSDriveInfo) -> None:
        self._drives = [d for d in self._drives if d is not drive]
        if self.current is drive:
            self.current = self._drives[0]

    # --- paths ------------------------------------------------------------------------------

    def split(self, path: str) -> Optional[tuple[PSDriveInfo, str]]:
        """``(drive, rest)`` for a path qualified with a known drive."""
        match = _qualified().match(path)
        if match is None:
            return None
        drive = self.get(match.group(1))
        return None if drive is None else (drive, match.group(2))

    def fs_path(self, path: str) -> Optional[str]:
        """The file system path of a path on a FileSystem drive, or None
        when the path names no such drive."""
        found = self.split(path)
        if found is None or not found[0].is_file_system:
            return None
        return found[0].fs_path(found[1])


class LocationChangedEventArgs:
    """What LocationChangedAction receives as ``$_``: the location before
    and after (PathInfo) and the session state that moved."""

    full_name = "System.Management.Automation.LocationChangedEventArgs"
    PS_MEMBERS = {"OldPath": "old_path", "NewPath": "new_path", "SessionState": "session_state"}

    def __init__(self, session_state: Any, old_path: Any, new_path: Any) -> None:
        self.session_state = session_state
        self.old_path = old_path
        self.new_path = new_path


# ``[System.Management.Automation.PSDriveInfo]`` and ``[...ProviderInfo]`` in scripts.
register_class(PSDriveInfo, PSDriveInfo.full_name)
register_class(ProviderInfo, ProviderInfo.full_name)


def temp_path() -> str:
    """.NET's Path.GetTempPath on Unix, the Temp: drive's root: ``$TMPDIR``
    (with a trailing ``/``), else ``/tmp/``."""
    folder = os.environ.get("TMPDIR") or "/tmp/"
    return folder if folder.endswith("/") else folder + "/"


def _index(chain: list[Any], scope: Any) -> Optional[int]:
    for index, item in enumerate(chain):
        if item is scope:
            return index
    return None
