"""The hosting API's .NET types: ``[powershell]``, ``[runspacefactory]``,
``[runspace]``, ``[initialsessionstate]`` and the objects they hand out.

They live in the plugins layer because a runspace is a whole session and
only this layer builds one; the object model learns of them through
``register``, which :mod:`pwshlike.plugins.session` hands the type table
as a lazy family, so nothing here loads before a script names one of these
types.
"""

from __future__ import annotations

from pwshlike.dotnet.statics import make_table
from pwshlike.dotnet.types import enum_type, register_class, register_static_members
from pwshlike.runtime import active

from . import initial_state as iss
from . import powershell_api as api
from . import runspaces as rs
from .invocation_settings import PSInvocationSettings

_SMA = "System.Management.Automation."
_RUNSPACES = _SMA + "Runspaces."


def register() -> None:
    """Registers the classes, accelerators, enums, static members and the
    runspace's table view."""
    for info in (api.INVOCATION_STATE, api.RUNSPACE_MODE, rs.RUNSPACE_STATE, rs.RUNSPACE_AVAILABILITY):
        enum_type(info)
    register_class(api.PowerShell, _SMA + "PowerShell", "powershell")
    register_static_members(_SMA + "PowerShell", lambda: make_table({}, {"Create": api.create}))
    register_class(api.PSCommand, _SMA + "PSCommand", constructor=api.PSCommand)
    register_class(api.Command, _RUNSPACES + "Command")
    register_class(api.CommandParameter, _RUNSPACES + "CommandParameter")
    register_class(api.PSDataStreams, _SMA + "PSDataStreams")
    register_class(api.PSDataCollection, _SMA + "PSDataCollection`1")
    register_class(api.OutputCollection, "System.Collections.ObjectModel.Collection`1")
    register_class(api.PSInvocationStateInfo, _SMA + "PSInvocationStateInfo")
    register_class(api.AsyncResult, _SMA + "PowerShellAsyncResult")
    register_class(PSInvocationSettings, _SMA + "PSInvocationSettings", constructor=PSInvocationSettings)
    register_class(rs.Runspace, _RUNSPACES + "Runspace", "runspace")
    register_static_members(_RUNSPACES + "Runspace", lambda: make_table(
        {"DefaultRunspace": lambda: rs.runspace_of(active.context)}, {}))
    register_class(rs.RunspaceFactoryType, _RUNSPACES + "RunspaceFactory", "runspacefactory")
    register_static_members(_RUNSPACES + "RunspaceFactory", lambda: make_table(
        {}, {"CreateRunspace": rs.create_runspace}))
    register_class(rs.RunspaceStateInfo, _RUNSPACES + "RunspaceStateInfo")
    register_class(rs.SessionStateProxy, _RUNSPACES + "SessionStateProxy")
    register_class(rs.DefaultHost, "System.Management.Automation.Internal.Host.InternalHost")
    register_class(iss.InitialSessionState, _RUNSPACES + "InitialSessionState", "initialsessionstate")
    register_static_members(_RUNSPACES + "InitialSessionState", lambda: make_table(
        {}, {"CreateDefault": iss.default_session_state, "CreateDefault2": iss.default_session_state,
             "Create": iss.empty_session_state}))
    register_class(iss.SessionStateVariableEntry, _RUNSPACES + "SessionStateVariableEntry",
                   constructor=iss.SessionStateVariableEntry)
    register_class(iss.SessionStateFunctionEntry, _RUNSPACES + "SessionStateFunctionEntry",
                   constructor=iss.SessionStateFunctionEntry)
    _register_runspace_view()
    # The session that first names these types is the process's first
    # runspace, as the console's is in pwsh (Id 1, Runspace1).
    rs.runspace_of(active.context)


def _register_runspace_view() -> None:
    """pwsh's table of runspaces (PowerShellCore.format.ps1xml); every
    runspace here is local."""
    from pwshlike.formatting.database import register_view
    register_view(_RUNSPACES + "Runspace", "table", name="Runspace", columns=[
        {"label": "Id", "property": "Id", "width": 3, "alignment": "Right"},
        {"label": "Name", "property": "Name", "width": 15},
        {"label": "ComputerName", "expression": lambda runspace: "localhost", "width": 15},
        {"label": "Type", "expression": lambda runspace: "Local", "width": 13},
        {"label": "State", "expression": lambda runspace: runspace.RunspaceStateInfo.State, "width": 13},
        {"label": "Availability", "expression": lambda runspace: runspace.RunspaceAvailability, "width": 15},
    ])
