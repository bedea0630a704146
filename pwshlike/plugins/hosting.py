"""The hosting API's .NET types: ``[powershell]``, ``[runspacefactory]``,
``[runspace]``, ``[initialsessionstate]`` and the objects they hand out.

They live in the plugins layer because a runspace is a whole session and
only this layer builds one; the object model learns of them through
``register``, which :mod:`pwshlike.plugins.session` hands the type table
as a lazy family, so nothing here loads before a script names one of these
types.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from pwshlike.dotnet import member_tables as mt
from pwshlike.dotnet.errors import ErrorCategory, RuntimeException
from pwshlike.dotnet.members import register_members
from pwshlike.dotnet.statics import make_table
from pwshlike.dotnet.types import (
    enum_type, OBJECT, PSType, register_class, register_generic_family, register_static_members,
)
from pwshlike.dotnet.values import iter_collection
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
    register_generic_family("management.automation.psdatacollection", _data_collection_type)
    register_members(api.PSDataCollection, {**mt.LIST_PROPS, "IsOpen": lambda c: c.is_open}, {
        **mt.LIST_METHODS, "Add": _open_first(mt.list_add), "Insert": _open_first(mt.list_insert),
        "ReadAll": api.PSDataCollection.read_all, "Complete": api.PSDataCollection.complete})
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


def _data_collection_type(args: Sequence[PSType]) -> PSType:
    """``[PSDataCollection[T]]``: built empty (``new()``, ``new(capacity)``)
    or from the items of a collection, which it converts to ``T``."""
    if len(args) != 1:
        name = f"{_SMA}PSDataCollection[{','.join(a.full_name for a in args)}]"
        raise RuntimeException(f"Unable to find type [{name}].", error_id="TypeNotFound",
                               category=ErrorCategory.InvalidOperation, target_object=name)
    element = args[0]

    def construct(items: Any = None) -> api.PSDataCollection:
        collection = api.PSDataCollection((), element)
        if items is not None and not isinstance(items, int):
            collection.extend(element.convert(item) for item in iter_collection(items) or (items,))
        return collection

    t = PSType(f"{_SMA}PSDataCollection`1[{element.full_name}]", OBJECT, constructor=construct,
               check=lambda v: isinstance(v, api.PSDataCollection), pyclass=api.PSDataCollection)
    t.generic_definition = _SMA + "PSDataCollection`1"
    t.generic_arguments = (element,)
    t.name = "PSDataCollection`1"
    return t


def _open_first(method: Callable[..., Any]) -> Callable[..., Any]:
    """Add and Insert refuse a completed collection before adding."""
    def guarded(collection: api.PSDataCollection, *args: Any) -> Any:
        collection.check_open()
        return method(collection, *args)
    return guarded


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
