"""Runspaces: ``[runspacefactory]::CreateRunspace()``, ``[runspace]`` and
``[initialsessionstate]`` for scripts that host PowerShell in PowerShell.

A runspace is an isolated session: an ``ExecutionContext`` of its own,
built the way the shell builds one (the creating session's
``new_session`` hook, which :mod:`pwshlike.plugins.session` installs), so
it has its own variables, functions, modules and location, and keeps them
from one ``PowerShell.Invoke`` to the next.  It is built when the runspace
is opened, never at start-up.

Like pwsh's runspaces made with no host, a runspace has the "Default Host":
it shows nothing; everything its commands write goes to the streams of the
``PowerShell`` running them (see :mod:`pwshlike.plugins.powershell_api`).
"""

from __future__ import annotations

import itertools
import uuid
import weakref
from typing import Any, Optional

from pwshlike.dotnet import conversions
from pwshlike.dotnet.errors import (
    ErrorCategory, HostException, PSArgumentNullException, PSInvalidOperationException, RuntimeException,
)
from pwshlike.dotnet.methodcall import invocation_error
from pwshlike.dotnet.values import EnumInfo
from pwshlike.runtime import active
from pwshlike.runtime.context import ExecutionContext, TextHost

from .initial_state import InitialSessionState, apply_initial_state, default_session_state

RUNSPACE_STATE = EnumInfo("System.Management.Automation.Runspaces.RunspaceState", (
    ("BeforeOpen", 0), ("Opening", 1), ("Opened", 2), ("Closed", 3), ("Closing", 4), ("Broken", 5),
    ("Disconnecting", 6), ("Disconnected", 7), ("Connecting", 8)))
RUNSPACE_AVAILABILITY = EnumInfo("System.Management.Automation.Runspaces.RunspaceAvailability", (
    ("None", 0), ("Available", 1), ("AvailableForNestedCommand", 2), ("Busy", 3), ("RemoteDebug", 4)))

# pwsh numbers runspaces per process; the console's own runspace is 1.
_IDS = itertools.count(1)


class InvalidRunspaceStateException(PSInvalidOperationException):
    """``System.Management.Automation.Runspaces.InvalidRunspaceStateException``:
    a runspace used in a state that does not allow it (opened twice,
    invoked before ``Open()`` or after ``Close()``)."""

    full_name = "System.Management.Automation.Runspaces.InvalidRunspaceStateException"
    default_error_id = "InvalidRunspaceState"


class DefaultHost(TextHost):
    """The host of a runspace made without one (pwsh's ``DefaultHost``): no
    UI, so nothing is shown, and reading or prompting fails with pwsh's
    HostException.  Progress records go
    to the running PowerShell's progress stream (``progress`` is set for
    the length of an invocation)."""

    __slots__ = ("InstanceId", "progress")
    Name = "Default Host"
    UI = None

    def __init__(self) -> None:
        super().__init__()
        self.InstanceId = uuid.uuid4()
        self.progress: Optional[list[Any]] = None

    def write(self, text: str, foreground: Any = None, background: Any = None) -> None:
        return None

    def write_line(self, text: str = "", foreground: Any = None, background: Any = None) -> None:
        return None

    def write_error_line(self, text: str) -> None:
        return None

    def write_warning_line(self, text: str) -> None:
        return None

    def write_verbose_line(self, text: str) -> None:
        return None

    def write_debug_line(self, text: str) -> None:
        return None

    def write_information(self, record: Any) -> None:
        return None

    def write_progress(self, source_id: int, record: Any) -> None:
        if self.progress is not None:
            self.progress.append(record)

    def read_line(self) -> Optional[str]:
        raise HostException(
            "A command that prompts the user failed because the host program or the command type does not support "
            "user interaction. Try a host program that supports user interaction, such as the PowerShell Console, "
            "and remove prompt-related commands from command types that do not support user interaction.")

    def prompt_refusal(self, message: str) -> HostException:
        """The error for a confirmation prompt (pwsh's ThrowPromptNotInteractive)."""
        return HostException(
            "A command that prompts the user failed because the host program or the command type does not support "
            f"user interaction. The host was attempting to request confirmation with the following message: {message}")


class RunspaceStateInfo:
    """``RunspaceStateInfo``: the state and, for a broken runspace, why."""

    __slots__ = ("State", "Reason")

    def __init__(self, state: str, reason: Any = None) -> None:
        self.State = RUNSPACE_STATE.value(RUNSPACE_STATE.members[state])
        self.Reason = reason

    def ToString(self) -> str:
        return str(self.State)

    __str__ = ToString


class SessionStateProxy:
    """``Runspace.SessionStateProxy``: a runspace's global variables from
    outside it."""

    __slots__ = ("_runspace",)

    def __init__(self, runspace: "Runspace") -> None:
        self._runspace = runspace

    def SetVariable(self, name: Any, value: Any) -> None:
        context = self._runspace.opened_context()
        context.session.set_value(_global_name(name), value, context.scope)

    def GetVariable(self, name: Any) -> Any:
        context = self._runspace.opened_context()
        return context.get_variable_value("global:" + conversions.to_string(name))

    @property
    def Path(self) -> Any:
        return self._runspace.opened_context().session.location


def _global_name(name: Any) -> Any:
    from pwshlike.runtime.scopes import QualifiedName
    return QualifiedName("global:" + conversions.to_string(name))


class Runspace:
    """``[runspace]``: a session that PowerShell objects run commands in.
    ``context`` is its ExecutionContext once opened (or the existing one
    for the runspace of a session that was not made by a factory)."""

    __slots__ = ("Id", "Name", "InstanceId", "InitialSessionState", "context", "host", "state", "reason", "busy",
                 "previous_tokens", "__weakref__")

    def __init__(self, initial_state: Optional[InitialSessionState] = None,
                 context: Optional[ExecutionContext] = None) -> None:
        self.Id = next(_IDS)
        self.Name = f"Runspace{self.Id}"
        self.InstanceId = uuid.uuid4()
        self.InitialSessionState = initial_state if initial_state is not None else default_session_state()
        self.context = context
        self.host: Optional[DefaultHost] = None
        self.state = "Opened" if context is not None else "BeforeOpen"
        self.reason: Any = None
        self.busy = False
        # The first and last token of the script last added to history ($^, $$).
        self.previous_tokens: tuple[Optional[str], Optional[str]] = (None, None)

    # --- what scripts see --------------------------------------------------------------------

    @property
    def RunspaceStateInfo(self) -> RunspaceStateInfo:
        return RunspaceStateInfo(self.state, self.reason)

    @property
    def RunspaceAvailability(self) -> Any:
        if self.state != "Opened":
            name = "None"
        else:
            name = "Busy" if self.busy else "Available"
        return RUNSPACE_AVAILABILITY.value(RUNSPACE_AVAILABILITY.members[name])

    @property
    def SessionStateProxy(self) -> SessionStateProxy:
        return SessionStateProxy(self)

    def Open(self) -> None:
        """Builds the runspace's session: the creating session's builder,
        its formatter's error layouts, its current location."""
        self.require("BeforeOpen")
        creator = active.context
        self.state = "Opening"
        host = DefaultHost()
        context = ExecutionContext(host)
        try:
            build = getattr(creator, "new_session", None)
            if build is None:
                raise PSInvalidOperationException(
                    "A runspace can only be opened from a session built by the shell.",
                    error_id="NoSessionBuilder", category=ErrorCategory.InvalidOperation)
            build(context, self.InitialSessionState.command_registry())
            context.formatter = _formatter_for(context, creator)
            context.session.location = creator.session.location
        finally:
            if creator is not None:
                creator.activate()
        self.context = context
        self.host = host
        self.state = "Opened"
        register_runspace(context, self)
        try:
            apply_initial_state(self.InitialSessionState, context)
        except RuntimeException as exc:
            self.state = "Broken"
            self.reason = exc
            raise invocation_error("Open", 0, exc) from exc
        finally:
            if creator is not None:
                creator.activate()

    def Close(self) -> None:
        if self.state in ("Closed", "BeforeOpen"):
            self.state = "Closed"
            return
        self.state = "Closed"
        self.context = None

    def Dispose(self) -> None:
        self.Close()

    def ToString(self) -> str:
        return "System.Management.Automation.Runspaces.LocalRunspace"

    __str__ = ToString

    # --- for PowerShell objects --------------------------------------------------------------

    def require(self, state: str) -> None:
        """Raises pwsh's InvalidRunspaceStateException unless in ``state``."""
        if self.state != state:
            raise InvalidRunspaceStateException(
                f"Cannot perform operation because the runspace is not in the '{state}' state. "
                f"Current state of runspace is '{self.state}'.")

    def opened_context(self) -> ExecutionContext:
        """The context, for running commands: the runspace must be open."""
        if self.state != "Opened" or self.context is None:
            raise InvalidRunspaceStateException(
                "Cannot invoke the pipeline because the runspace is not in the Opened state. "
                f"Current state of the runspace is '{self.state}'.")
        return self.context


def _formatter_for(context: ExecutionContext, creator: Any) -> Any:
    """The runspace's formatter: the formatting system with the creating
    session's error layouts, reading this runspace's ``$ErrorView``."""
    from pwshlike.formatting import Formatter
    renderer = getattr(getattr(creator, "formatter", None), "error_renderer", None)

    def error_view() -> str:
        value = context.get_variable_value("ErrorView")
        return "ConciseView" if value is None else str(value)
    return Formatter(error_view=error_view, error_renderer=renderer, context=context)


# The runspace objects of sessions not made by a factory (the console's own).
_SESSION_RUNSPACES: "weakref.WeakKeyDictionary[Any, Runspace]" = weakref.WeakKeyDictionary()


def runspace_of(context: Any) -> Optional[Runspace]:
    """The Runspace standing for ``context`` (``[runspace]::DefaultRunspace``)."""
    if context is None:
        return None
    runspace = _SESSION_RUNSPACES.get(context)
    if runspace is None:
        runspace = _SESSION_RUNSPACES[context] = Runspace(context=context)
    return runspace


class RunspaceFactoryType:
    """``[runspacefactory]``: only its static ``CreateRunspace``."""


def create_runspace(*args: Any) -> Runspace:
    """``[runspacefactory]::CreateRunspace()`` and its overloads taking an
    InitialSessionState (with or without a host, which is not used: a
    runspace made here always has the Default Host)."""
    for arg in args:
        if isinstance(arg, InitialSessionState):
            return Runspace(arg)
    if args and args[-1] is None:
        raise PSArgumentNullException("Value cannot be null.", param_name="initialSessionState")
    return Runspace()


def register_runspace(context: ExecutionContext, runspace: Runspace) -> None:
    """Records that ``context`` is ``runspace``'s, so a script running in
    it finds that runspace as ``[runspace]::DefaultRunspace``."""
    _SESSION_RUNSPACES[context] = runspace
