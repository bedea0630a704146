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
from pwshlike.runtime.automatic import PathInfo
from pwshlike.dotnet.errors import (
    ErrorCategory, ErrorRecord, InvalidOperationException, PSArgumentException,
)

from . import fspaths

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
    """Resolving a target directory and moving there."""

    def _target(self, raw: Optional[str], literal: bool) -> Optional[str]:
        """The directory ``raw`` names, or None after writing pwsh's error."""
        session = self.context.session
        if raw is None or raw == "":
            return os.path.expanduser("~")
        paths, wildcard = fspaths.resolve_paths(session, raw, literal, force=True)
        paths = [p for p in paths if os.path.isdir(p)]
        if len(paths) > 1:
            exc = PSArgumentException(f"Cannot set the location because path '{raw}' resolved to multiple "
                                      "containers. You can only the set the same location to a single "
                                      "container at a time.", error_id="PathResolvedToMultiple")
            self.write_error(ErrorRecord(exc, "PathResolvedToMultiple", ErrorCategory.InvalidArgument, raw))
            return None
        if not paths:
            missing = raw if wildcard else fspaths.resolve(session, raw)
            self.write_error(fspaths.path_not_found(missing))
            return None
        return paths[0]

    def _move(self, directory: str, record_history: bool = True) -> None:
        session = self.context.session
        if record_history and directory != session.location:
            state = _locations(session)
            state.back.append(session.location)
            del state.back[:-_HISTORY_LIMIT]
            state.forward.clear()
        session.location = directory


@cmdlet("Get-Location", default_parameter_set="Location")
class GetLocationCommand(Cmdlet):
    """Gets the current location (a PathInfo), or a location stack's entries."""

    ps_provider = Parameter("String[]", sets={"Location": {}}, value_from_pipeline_by_property_name=True)
    ps_drive = Parameter("String[]", sets={"Location": {}}, value_from_pipeline_by_property_name=True)
    stack = Parameter("SwitchParameter", sets={"Stack": {}}, help="The entries of the current location stack.")
    stack_name = Parameter("String[]", sets={"Stack": {}}, value_from_pipeline_by_property_name=True,
                           help="The location stacks to show.")

    def process_record(self) -> Iterator[Any]:
        if self.parameter_set_name != "Stack":
            yield PathInfo(self.context.session.location)
            return
        state = _locations(self.context.session)
        for name in self.stack_name or [state.default_stack]:
            entries = state.stacks.get(name.lower())
            if entries is None and self.stack_name:
                self.write_error(_stack_not_found(name))
                continue
            for entry in reversed(entries or []):
                yield PathInfo(entry)


@cmdlet("Set-Location", default_parameter_set="Path")
class SetLocationCommand(_LocationCmdlet):
    """Sets the current location (``cd``); ``-`` and ``+`` step back and
    forward through the last 20 locations; no path goes home."""

    path = Parameter("String", sets={"Path": {"position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="The new location.")
    literal_path = Parameter("String", aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True)
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
            target = self._target(self.literal_path if literal else self.path, literal)
            if target is None:
                return
            self._move(target)
        if self.pass_thru:
            yield PathInfo(session.location)

    def _history(self, state: _Locations, backwards: bool) -> bool:
        session = self.context.session
        source, other = (state.back, state.forward) if backwards else (state.forward, state.back)
        if not source:
            direction = "backwards" if backwards else "forwards"
            exc = InvalidOperationException(f"There is no location history left to navigate {direction}.")
            self.write_error(ErrorRecord(exc, "System.InvalidOperationException",
                                         ErrorCategory.InvalidOperation, None))
            return False
        other.append(session.location)
        session.location = source.pop()
        return True


@cmdlet("Push-Location", default_parameter_set="Path")
class PushLocationCommand(_LocationCmdlet):
    """Pushes the current location onto a stack, then goes to -Path if given."""

    path = Parameter("String", sets={"Path": {"position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, help="The location to go to.")
    literal_path = Parameter("String", aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True)
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
            target = self._target(raw, literal)
            if target is None:
                return
        name = (self.stack_name or state.default_stack).lower()
        state.stacks.setdefault(name, []).append(session.location)
        if target is not None:
            self._move(target)
        if self.pass_thru:
            yield PathInfo(session.location)


@cmdlet("Pop-Location")
class PopLocationCommand(_LocationCmdlet):
    """Goes to the location most recently pushed onto a stack."""

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
        target = entries.pop()
        if not entries and name != _DEFAULT_STACK:
            del state.stacks[name]
        if not os.path.isdir(target):
            self.write_error(fspaths.path_not_found(target))
            return
        self._move(target)
        if self.pass_thru:
            yield PathInfo(self.context.session.location)


def _stack_not_found(name: str) -> ErrorRecord:
    exc = PSArgumentException(f"Cannot find location stack '{name}'. It does not exist or it is not a "
                              "container.")
    return ErrorRecord(exc, "Argument", ErrorCategory.InvalidArgument, name)

