"""``[initialsessionstate]``: what a runspace starts with, applied when it
opens.

A runspace starts as the shell's sessions do (the engine's commands and
modules: ``CreateDefault()`` and ``CreateDefault2()`` are that start), or,
from ``Create()``, with no commands at all.  On top of it the state gives,
in pwsh's order: ``Variables``
(SessionStateVariableEntry), ``Commands`` (SessionStateFunctionEntry: a
function from its definition text), the modules named with
``ImportPSModule``, and ``StartupScripts``, each dot-sourced (pwsh runs
them as ``Command(path, isScript: false, useLocalScope: false)``).  As in
pwsh, a module or startup script that fails is passed over unless
``ThrowOnRunspaceOpenError`` asks for the error.
"""

from __future__ import annotations

from typing import Any

from pwshlike.dotnet import conversions
from pwshlike.dotnet.errors import ErrorCategory, InvocationInfo, RuntimeException
from pwshlike.dotnet.values import GenericList
from pwshlike.runtime.scopes import QualifiedName


class RunspaceOpenModuleLoadException(RuntimeException):
    """A module an InitialSessionState names did not import while a
    runspace opened (only thrown with ThrowOnRunspaceOpenError)."""

    full_name = "System.Management.Automation.Runspaces.RunspaceOpenModuleLoadException"
    default_error_id = "RunspaceOpenModuleLoadException"
    default_category = ErrorCategory.OpenError


class SessionStateVariableEntry:
    """``SessionStateVariableEntry(name, value, description)``: a variable
    an InitialSessionState gives every runspace opened from it."""

    __slots__ = ("Name", "Value", "Description", "Options")

    def __init__(self, name: Any, value: Any = None, description: Any = None, options: Any = None) -> None:
        self.Name = conversions.to_string(name)
        self.Value = value
        self.Description = "" if description is None else conversions.to_string(description)
        self.Options = options


class SessionStateFunctionEntry:
    """``SessionStateFunctionEntry(name, definition)``: a function, from
    its body's text, that every runspace opened from the state has."""

    __slots__ = ("Name", "Definition", "HelpFile")

    def __init__(self, name: Any, definition: Any, help_file: Any = None) -> None:
        self.Name = conversions.to_string(name)
        self.Definition = conversions.to_string(definition)
        self.HelpFile = None if help_file is None else conversions.to_string(help_file)


class InitialSessionState:
    """See the module docstring."""

    __slots__ = ("Variables", "Commands", "StartupScripts", "ThrowOnRunspaceOpenError", "modules", "empty")

    def __init__(self, empty: bool = False) -> None:
        self.Variables: GenericList = GenericList()
        self.Commands: GenericList = GenericList()
        self.StartupScripts: GenericList = GenericList()
        self.ThrowOnRunspaceOpenError = False
        self.modules: list[str] = []
        # Create(): no commands at all, only what Commands adds.
        self.empty = empty

    def command_registry(self) -> Any:
        """The command table a runspace opened from this state starts with:
        None for the shell's own (the engine's modules), an empty one for
        ``Create()``."""
        if not self.empty:
            return None
        from pwshlike.commands.registry import CommandRegistry
        return CommandRegistry()

    def ImportPSModule(self, names: Any) -> None:
        """Names modules to import into each runspace opened from this state."""
        items = names if isinstance(names, (list, tuple)) else [names]
        self.modules.extend(conversions.to_string(name) for name in items)

    def Clone(self) -> "InitialSessionState":
        copy = InitialSessionState(self.empty)
        copy.Variables.extend(self.Variables)
        copy.Commands.extend(self.Commands)
        copy.StartupScripts.extend(self.StartupScripts)
        copy.ThrowOnRunspaceOpenError = self.ThrowOnRunspaceOpenError
        copy.modules = list(self.modules)
        return copy


def default_session_state() -> InitialSessionState:
    """``CreateDefault()``, ``CreateDefault2()``: the shell's own start."""
    return InitialSessionState()


def empty_session_state() -> InitialSessionState:
    """``Create()``: a session with no commands."""
    return InitialSessionState(empty=True)


def apply_initial_state(state: InitialSessionState, context: Any) -> None:
    """Gives a just opened runspace's context what ``state`` adds; raises
    the error of a failing module or startup script only when the state's
    ThrowOnRunspaceOpenError asks for it."""
    from pwshlike.runtime.scriptblock import ScriptBlock
    for entry in state.Variables:
        context.session.set_value(QualifiedName("global:" + entry.Name), entry.Value, context.scope)
    for entry in state.Commands:
        if isinstance(entry, SessionStateFunctionEntry):
            context.session.set_function(entry.Name, ScriptBlock.create(entry.Definition, context),
                                         context.session.global_scope)
    strict = conversions.to_bool(state.ThrowOnRunspaceOpenError)
    if state.modules:
        try:
            _run(context, "Import-Module", "&", {"Name": list(state.modules),
                                                 "ErrorAction": "Stop" if strict else "SilentlyContinue"})
        except Exception as exc:
            if strict:
                first = context.to_runtime_exception(exc)
                raise RunspaceOpenModuleLoadException(
                    f"One or more errors occurred processing the module '{', '.join(state.modules)}' specified in "
                    "the InitialSessionState object used to create this runspace. See the ErrorRecords property "
                    f"for a complete list of errors. The first error was: {first.message}", first) from exc
    for script in state.StartupScripts:
        try:
            _run(context, conversions.to_string(script), ".", {})
        except Exception as exc:
            if strict:
                raise context.to_runtime_exception(exc) from exc


def _run(context: Any, command: str, operator: str, parameters: dict[str, Any]) -> None:
    """Runs one command in the runspace as a pipeline of its own."""
    from pwshlike.runtime.pipeline import CommandArgument, run_pipeline
    context.activate()
    info = context.command_resolver(context, command, operator, None)
    arguments = [CommandArgument(name, value) for name, value in parameters.items()]
    invocation = InvocationInfo(info, command, pipeline_position=1, pipeline_length=1)
    run_pipeline(context, [info.new_processor(context, arguments, invocation)], lambda _obj: None)
