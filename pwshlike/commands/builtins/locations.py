"""Get-Location, Set-Location, Push-Location and Pop-Location.

The current location is ``session.location`` (``$PWD`` reads it, and the
engine resolves relative paths against it); the process's working
directory is left alone, as pwsh leaves it.  Location stacks and the
``cd -`` / ``cd +`` history belong to the session and are kept in a side
table keyed by it, so the engine's SessionState needs no knowledge of them.
"""

from __future__ import annotations

import os
import weakref
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.runtime.automatic import PathInfo, location_info
from pwshlike.runtime.drives import LocationChangedEventArgs
from pwshlike.runtime.intrinsics import SessionStateIntrinsics
from pwshlike.dotnet.errors import (
    ErrorCategory, ErrorRecord, InvalidOperationException, PSArgumentException,
)

from . import fspaths
from .fsprovider import FILE_SYSTEM
from .itemproviders import provider_or_error
from .psdrives import drive_not_found, provider_not_found

_HISTORY_LIMIT = 20
_DEFAULT_STACK = "default"


class _Locations:
    """A session's location stacks and its back/forward history."""

    def __init__(self) -> None:
        self.stacks: dict[str, list[str]] = {}
        self.default_stack = _DEFAULT_STACK
        self.back: list[str] = []
        self.forward: list[str] = []


_BY_SESSION: "weakref.WeakKeyDictionary[Any, _Locations]" = weakref.WeakKeyDictionary()


def _locations(session: Any) -> _Locations:
    state = _BY_SESSION.get(session)
    if state is None:
        state = _BY_SESSION[session] = _Locations()
    return state


class _LocationCmdlet(Cmdlet):
    """Resolving a target location and moving there."""

    def _target(self, raw: Optional[str], literal: bool) -> Optional[tuple[str, Any]]:
        """``(provider path, drive)`` of the location ``raw`` names, or None
        after writing pwsh's error.  A FileSystem location is a directory;
        on a session-state drive only its root is a container."""
        session = self.context.session
        drives = session.drives
        if raw is None or raw == "":
            return os.path.expanduser("~"), drives.get("/")
        found = provider_or_error(self, raw)
        if found is None:
            return None
        provider, rest = found
        on_drive = drives.split(raw)
        if provider is not FILE_SYSTEM:
            drive = on_drive[0] if on_drive is not None else drives.current
            if rest.strip("/\\"):
                self.write_error(fspaths.path_not_found(raw))
                return None
            return "", drive
        paths, wildcard = fspaths.resolve_paths(session, raw, literal, force=True)
        paths = [p for p in paths if os.path.isdir(p)]
        if len(paths) > 1:
            exc = PSArgumentException(f"Cannot set the location because path '{raw}' resolved to multiple "
                                      "containers. You can only the set the same location to a single "
                                      "container at a time.", error_id="PathResolvedToMultiple")
            self.write_error(ErrorRecord(exc, "PathResolvedToMultiple", ErrorCategory.InvalidArgument, raw))
            return None
        if not paths:
            missing = raw if wildcard else fspaths.shown_path(session, raw, fspaths.resolve(session, raw))
            self.write_error(fspaths.path_not_found(missing))
            return None
        return paths[0], fspaths.drive_for(session, raw, paths[0])

    def _remember(self) -> None:
        """Puts the current location on the ``Set-Location -`` history, as
        pwsh's SetLocation does first thing: even when the move then fails
        or stays put."""
        session = self.context.session
        state = _locations(session)
        state.back.append(location_info(session).path)
        del state.back[:-_HISTORY_LIMIT]
        state.forward.clear()

    def _move(self, target: tuple[str, Any]) -> None:
        session = self.context.session
        old = location_info(session)
        _enter(session, target)
        self._location_changed(old)

    def _location_changed(self, old: Any) -> None:
        """Runs ``$ExecutionContext.InvokeCommand.LocationChangedAction``
        as pwsh's SetLocation does once the move is made: ``$this`` the
        runspace, ``$_`` the event's OldPath/NewPath/SessionState.  What it
        throws ends the command, the location stays changed."""
        action = self.context.session.drives.location_changed_action
        if action is None:
            return
        from pwshlike.dotnet.types import resolve_type
        runspace = resolve_type("runspace").get_static("DefaultRunspace")
        event = LocationChangedEventArgs(SessionStateIntrinsics(self.context, None), old,
                                         location_info(self.context.session))
        action.invoke_with_input(event, [runspace, event], this=runspace)


def _enter(session: Any, target: tuple[str, Any]) -> None:
    """Makes ``target`` the current location, remembering it as its
    drive's own current location (``Set-Location Name:`` returns there)."""
    path, drive = target
    drives = session.drives
    drives.current = drive
    if drive.is_file_system:
        session.location = path
        if drive.name != "/":
            root = os.path.normpath(drive.root)
            drive.current_location = "" if path == root else os.path.relpath(path, root)


@cmdlet("Get-Location", default_parameter_set="Location", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096495")
class GetLocationCommand(Cmdlet):
    """Gets the current location (a PathInfo), or a location stack's entries.

    The result is a PathInfo whose Path is the location's full path, on whatever drive it is (a folder, or Env:,
    Variable: and the like). -PSDrive and -PSProvider give the current location on other drives or providers; -Stack
    lists the locations Push-Location saved."""

    help_examples = [
        ('Example 1: Where am I',
         'Get-Location',
         'Shows the current folder, like pwd.'),
        ('Example 2: The saved locations',
         'Push-Location /etc\nGet-Location -Stack',
         'Lists the locations Pop-Location would return to, newest first.'),
    ]

    ps_provider = Parameter("String[]", name="PSProvider", sets={"Location": {}},
                            value_from_pipeline_by_property_name=True, help="The current location on these providers.")
    ps_drive = Parameter("String[]", name="PSDrive", sets={"Location": {}}, value_from_pipeline_by_property_name=True,
                         help="The current location on these drives.")
    stack = Parameter("SwitchParameter", sets={"Stack": {}}, help="The entries of the current location stack.")
    stack_name = Parameter("String[]", sets={"Stack": {}}, value_from_pipeline_by_property_name=True,
                           help="The location stacks to show.")

    def process_record(self) -> Iterator[Any]:
        if self.parameter_set_name != "Stack":
            yield from self._locations()
            return
        state = _locations(self.context.session)
        for name in self.stack_name or [state.default_stack]:
            entries = state.stacks.get(name.lower())
            if entries is None and self.stack_name:
                self.write_error(_stack_not_found(name))
                continue
            for entry in reversed(entries or []):
                yield PathInfo(entry)

    def _locations(self) -> Iterator[Any]:
        """The current location, or that of each -PSDrive / -PSProvider."""
        session = self.context.session
        drives = session.drives
        if not self.ps_drive and not self.ps_provider:
            yield location_info(session)
            return
        for name in self.ps_drive or ():
            drive = drives.get(name)
            if drive is None:
                self.write_error(drive_not_found(name, "GetLocationNoMatchingDrive"))
                continue
            path = drive.fs_path("") if drive.is_file_system else drive.current_location
            yield PathInfo(path, drive)
        for name in self.ps_provider or ():
            provider = drives.provider(name)
            if provider is None:
                self.write_error(provider_not_found(name))
                continue
            drive = drives.current if drives.current.provider is provider else provider.drives[0]
            path = drive.fs_path("") if drive.is_file_system else drive.current_location
            yield PathInfo(session.location if drive is drives.current and drive.is_file_system else path, drive)


@cmdlet("Set-Location", default_parameter_set="Path", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097049")
class SetLocationCommand(_LocationCmdlet):
    """Sets the current location (``cd``); ``-`` and ``+`` step back and
    forward through the last 20 locations; no path goes home.

    The path may be relative, drive-qualified (Env:, Variable:) or use wildcards that match one item. The session
    remembers earlier locations, so `Set-Location -` returns to the previous one and `Set-Location +` goes forward
    again."""

    help_examples = [
        ('Example 1: Change folder',
         'Set-Location -Path /var/log',
         'Makes /var/log the current location; relative paths now start there.'),
        ('Example 2: Go back',
         'Set-Location /tmp\nSet-Location -',
         'Returns to the location used before /tmp.'),
        ('Example 3: Another drive',
         'Set-Location Env:\nGet-ChildItem',
         'The current location is now the environment drive; Get-ChildItem lists the variables.'),
    ]

    path = Parameter("String", sets={"Path": {"position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="The new location.")
    literal_path = Parameter("String", aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True,
                             help="The location, used exactly as written (no wildcards).")
    pass_thru = Parameter("SwitchParameter", help="Outputs the new location.")
    stack_name = Parameter("String", sets={"Stack": {}}, value_from_pipeline_by_property_name=True,
                           help="Makes this stack the current location stack.")

    def process_record(self) -> Iterator[Any]:
        session = self.context.session
        state = _locations(session)
        if self.parameter_set_name == "Stack":
            state.default_stack = (self.stack_name or _DEFAULT_STACK).lower()
            return
        if self.parameter_set_name == "Path" and self.path in ("-", "+"):
            moved = self._history(state, backwards=self.path == "-")
            if not moved:
                return
        else:
            literal = self.parameter_set_name == "LiteralPath"
            self._remember()
            target = self._target(self.literal_path if literal else self.path, literal)
            if target is None:
                return
            self._move(target)
        if self.pass_thru:
            yield location_info(session)

    def _history(self, state: _Locations, backwards: bool) -> bool:
        session = self.context.session
        source, other = (state.back, state.forward) if backwards else (state.forward, state.back)
        if not source:
            direction = "backwards" if backwards else "forwards"
            exc = InvalidOperationException(f"There is no location history left to navigate {direction}.")
            # Not one of the errors Set-Location catches: it ends the command.
            self.throw_terminating_error(ErrorRecord(exc, "System.InvalidOperationException",
                                                     ErrorCategory.InvalidOperation, None))
            return False
        other.append(location_info(session).path)
        target = self._target(source.pop(), literal=True)
        if target is not None:
            self._move(target)
        return target is not None


@cmdlet("Push-Location", default_parameter_set="Path", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097105")
class PushLocationCommand(_LocationCmdlet):
    """Pushes the current location onto a stack, then goes to -Path if given.

    Together with Pop-Location it lets a script visit a folder and come back where it was. -StackName uses a named
    stack instead of the default one."""

    help_examples = [
        ('Example 1: Work in another folder and come back',
         'Push-Location ./build\nmake\nPop-Location',
         'Pop-Location returns to the folder that was current before Push-Location.'),
    ]

    path = Parameter("String", sets={"Path": {"position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="The location to go to.")
    literal_path = Parameter("String", aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True,
                             help="The location, used exactly as written (no wildcards).")
    pass_thru = Parameter("SwitchParameter", help="Outputs the new location.")
    stack_name = Parameter("String", value_from_pipeline_by_property_name=True,
                           help="The stack to push onto (default: the current stack).")

    def process_record(self) -> Iterator[Any]:
        session = self.context.session
        state = _locations(session)
        literal = self.parameter_set_name == "LiteralPath"
        raw = self.literal_path if literal else self.path
        target = None
        if raw is not None:
            self._remember()
            target = self._target(raw, literal)
            if target is None:
                return
        name = (self.stack_name or state.default_stack).lower()
        state.stacks.setdefault(name, []).append(location_info(session).path)
        if target is not None:
            self._move(target)
        if self.pass_thru:
            yield location_info(session)


@cmdlet("Pop-Location", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096907")
class PopLocationCommand(_LocationCmdlet):
    """Goes to the location most recently pushed onto a stack.

    Each call takes the newest entry off the stack (the default one, or -StackName) and makes it the current
    location; -PassThru returns it as a PathInfo. An empty stack is an error."""

    help_examples = [
        ('Example 1: Return to the saved location',
         'Push-Location /etc\nPop-Location -PassThru',
         'Goes back to where Push-Location was called and shows that path.'),
    ]

    pass_thru = Parameter("SwitchParameter", help="Outputs the new location.")
    stack_name = Parameter("String", value_from_pipeline_by_property_name=True,
                           help="The stack to pop from (default: the current stack).")

    def process_record(self) -> Iterator[Any]:
        state = _locations(self.context.session)
        name = (self.stack_name or state.default_stack).lower()
        entries = state.stacks.get(name)
        if not entries:
            if name != _DEFAULT_STACK:
                self.write_error(_stack_not_found(self.stack_name or state.default_stack))
            return
        entry = entries.pop()
        if not entries and name != _DEFAULT_STACK:
            del state.stacks[name]
        self._remember()
        target = self._target(entry, literal=True)
        if target is None:
            return
        self._move(target)
        if self.pass_thru:
            yield location_info(self.context.session)


def _stack_not_found(name: str) -> ErrorRecord:
    exc = PSArgumentException(f"Cannot find location stack '{name}'. It does not exist or it is not a "
                              "container.")
    return ErrorRecord(exc, "Argument", ErrorCategory.InvalidArgument, name)

