"""The automatic and preference variables a new session starts with.

Values follow pwsh 7.4 on Linux.  Preference variables carry a lazily
resolved type constraint so ``$ErrorActionPreference = 'stop'`` converts
(and a bad name fails) exactly like pwsh, without loading the type table
at start-up.
"""

from __future__ import annotations

import os
import sys

from . import active
from .scopes import ALLSCOPE, CONSTANT, NONE, READONLY, DynamicVariable, PSVariable, Scope
from ..dotnet.types import register_class
from ..dotnet.values import ArrayList, Hashtable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

PS_VERSION = (7, 4, 6)


class LazyTypeConstraint:
    """A variable's type constraint given by name, resolved on first use."""

    __slots__ = ("type_name", "_type")

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name
        self._type: Any = None

    def convert(self, value: Any) -> Any:
        if self._type is None:
            from ..dotnet.types import resolve_type
            self._type = resolve_type(self.type_name)
        return self._type.convert(value)

    @property
    def full_name(self) -> str:
        return self.type_name


class PathInfo:
    """``$PWD`` / ``Get-Location`` / Resolve-Path output: a location as a
    path object.  ``provider_path`` is the file system path (or, on a
    session-state drive, the item name); ``Path`` shows it through the drive
    it was reached by (``TestDrive:/sub``) as pwsh does, and the ``/`` drive
    shows the plain path."""

    __slots__ = ("provider_path", "_drive")
    full_name = "System.Management.Automation.PathInfo"
    PS_MEMBERS = {"Path": "path", "ProviderPath": "provider_path", "Drive": "drive",
                  "Provider": "provider", "ToString": "__str__"}

    def __init__(self, path: str, drive: Any = None) -> None:
        self.provider_path = path
        self._drive = drive

    @property
    def drive(self) -> Any:
        if self._drive is not None:
            return self._drive
        current = active.context
        return current.session.drives.get("/") if current is not None else "/"

    @property
    def path(self) -> str:
        drive = self._drive
        if drive is None or drive.name == "/":
            return self.provider_path
        if not drive.is_file_system:
            return f"{drive.name}:/{self.provider_path}"
        shown = drive.display(self.provider_path)
        return self.provider_path if shown is None else shown

    @property
    def provider(self) -> Any:
        drive = self.drive
        return getattr(drive, "provider", "Microsoft.PowerShell.Core\\FileSystem")

    def __str__(self) -> str:
        return self.path

    def __repr__(self) -> str:
        return f"PathInfo({self.path!r})"


register_class(PathInfo, PathInfo.full_name)


def location_info(session: Any) -> PathInfo:
    """The current location as a PathInfo on the drive it was reached by."""
    drives = session.drives
    current = drives.current
    if not current.is_file_system:
        return PathInfo(current.current_location, current)
    return PathInfo(session.location, current)


_ACTION = "System.Management.Automation.ActionPreference"
_PREFERENCES = (
    ("ErrorActionPreference", "Continue", _ACTION),
    ("WarningPreference", "Continue", _ACTION),
    ("VerbosePreference", "SilentlyContinue", _ACTION),
    ("DebugPreference", "SilentlyContinue", _ACTION),
    ("InformationPreference", "SilentlyContinue", _ACTION),
    ("ProgressPreference", "Continue", _ACTION),
    ("ConfirmPreference", "High", "System.Management.Automation.ConfirmImpact"),
    ("WhatIfPreference", False, "System.Management.Automation.SwitchParameter"),
)


def _version_table() -> Hashtable:
    from ..dotnet.netobjects import Version
    version = Version(*PS_VERSION)
    table = Hashtable()
    table["PSVersion"] = version
    table["PSEdition"] = "Core"
    table["GitCommitId"] = ".".join(str(p) for p in PS_VERSION)
    # os.uname() is what platform.uname() reads on Unix; the platform module
    # would cost every start-up about a millisecond (its regexes).
    uname = os.uname()
    table["OS"] = f"{uname.sysname} {uname.release} {uname.version}"
    table["Platform"] = "Unix"
    table["PSCompatibleVersions"] = [Version(1, 0), Version(2, 0), Version(3, 0), Version(4, 0),
                                     Version(5, 0), Version(5, 1), version]
    table["PSRemotingProtocolVersion"] = Version(2, 3)
    table["SerializationVersion"] = Version(1, 1, 0, 1)
    table["WSManStackVersion"] = Version(3, 0)
    return table


def _culture_name() -> str:
    from ..dotnet.cultures import current
    return current().Name


def _ui_culture_name() -> str:
    from ..dotnet.cultures import current_ui
    return current_ui().Name


def install_automatic_variables(ctx: Any) -> None:
    """Creates the global variables of a fresh session on ``ctx``."""
    session = ctx.session
    scope: Scope = session.global_scope
    define = scope.vars.__setitem__
    constant = CONSTANT | ALLSCOPE

    def const(name: str, value: Any, options: int = constant) -> None:
        define(name.lower(), PSVariable(name, value, options))
        if options & ALLSCOPE:
            session.allscope_names.add(name.lower())

    # pwsh's first variables: the previous command line's first and last tokens (the host sets them
    # for each line it records) and $? (the compiler reads ctx.last_success directly; this is the
    # variable Get-Variable and Variable: show).
    const("^", None, NONE)
    const("$", None, NONE)
    define("?", DynamicVariable("?", lambda: ctx.last_success, READONLY | ALLSCOPE))
    session.allscope_names.add("?")
    const("true", True)
    const("false", False)
    const("null", None, NONE)
    const("Error", ArrayList(), CONSTANT)
    const("PID", os.getpid())
    const("PSHOME", os.path.dirname(os.path.dirname(os.path.abspath(__file__))), READONLY | ALLSCOPE)
    const("ShellId", "Microsoft.PowerShell")
    const("IsLinux", sys.platform.startswith("linux"))
    const("IsMacOS", sys.platform == "darwin")
    const("IsWindows", sys.platform == "win32")
    const("IsCoreCLR", True)
    const("HOME", os.path.expanduser("~"), READONLY | ALLSCOPE)
    const("Host", ctx.host)
    const("PSVersionTable", _version_table(), READONLY | ALLSCOPE)
    # The session's cultures, read when used (the environment is read then, not at start-up).
    define("psculture", DynamicVariable("PSCulture", _culture_name, READONLY | ALLSCOPE))
    define("psuiculture", DynamicVariable("PSUICulture", _ui_culture_name, READONLY | ALLSCOPE))
    session.allscope_names.update(("psculture", "psuiculture"))
    const("NestedPromptLevel", 0, NONE)
    const("MaximumErrorCount", 256, NONE)
    const("MaximumHistoryCount", 4096, NONE)
    const("FormatEnumerationLimit", 4, NONE)
    const("ErrorView", "ConciseView", NONE)
    const("PSDefaultParameterValues", Hashtable(), NONE)
    const("PSModuleAutoLoadingPreference", "All", NONE)
    const("PSNativeCommandUseErrorActionPreference", False, NONE)
    const("PSSessionApplicationName", "wsman", NONE)
    const("PSSessionConfigurationName", "http://schemas.microsoft.com/powershell/Microsoft.PowerShell",
          NONE)
    const("args", [], NONE)
    const("input", iter(()), NONE)
    from ..dotnet.netobjects import encoding
    from ..dotnet.engine_enums import ACTION_PREFERENCE, NATIVE_ARGUMENT_PASSING
    for name, value, type_name in _PREFERENCES:
        if type_name == _ACTION:  # an ActionPreference value, as `$x -is [ActionPreference]` sees
            value = ACTION_PREFERENCE.value(ACTION_PREFERENCE.members[value])
        var = PSVariable(name, value, type_constraint=LazyTypeConstraint(type_name))
        define(name.lower(), var)
    define("psnativecommandargumentpassing", PSVariable(
        "PSNativeCommandArgumentPassing", NATIVE_ARGUMENT_PASSING.value(NATIVE_ARGUMENT_PASSING.members["Standard"]),
        type_constraint=LazyTypeConstraint(NATIVE_ARGUMENT_PASSING.full_name)))
    # What native commands are sent text in: UTF-8 without a byte order mark.
    define("outputencoding", PSVariable("OutputEncoding", encoding("utf8nobom"),
                                        type_constraint=LazyTypeConstraint("System.Text.Encoding")))
    define("pwd", DynamicVariable("PWD", lambda: location_info(session), ALLSCOPE))
    session.allscope_names.add("pwd")
