"""``[powershell]``: building a list of commands and running it in a
runspace (System.Management.Automation.PowerShell).

``AddScript``/``AddCommand``/``AddParameter``/``AddArgument``/
``AddStatement`` build a ``PSCommand`` (each returns the same object, for
chaining); ``Invoke`` runs its statements one after the other as pipelines
in the runspace and returns their output.  As in pwsh:

* what the commands write to the error, warning, verbose, debug,
  information and progress streams is kept in ``Streams``, not shown;
  ``HadErrors`` tells whether an error was written;
* a terminating error, a script that does not parse (``IncompleteParse
  Exception`` for text that only lacks its end) or a command that is not
  found ends the invocation and is thrown out of ``Invoke``, which the
  method-call layer reports as ``Exception calling "Invoke"...`` with the
  original exception as its InnerException and the original's type name
  as the error id;
* a script added with ``AddScript(text)`` runs in the runspace's current
  scope (dot-sourced), with ``AddScript(text, $true)`` in a new one.

``BeginInvoke`` runs the commands at once, on the calling thread, and
returns an already completed result; ``EndInvoke`` gives its output (or
throws its error).  So ``Stop`` has nothing to stop from another thread.
"""

from __future__ import annotations

import uuid
from typing import Any, Callable, Iterable, Optional

from pwshlike.dotnet import conversions
from pwshlike.dotnet.errors import (
    ErrorCategory, IncompleteParseException, ObjectDisposedException, ParseException, PipelineStoppedException,
    PSArgumentNullException, PSInvalidOperationException, RuntimeException,
)
from pwshlike.dotnet.methodcall import invocation_error, overload_not_found
from pwshlike.dotnet.values import EnumInfo, GenericList, iter_collection
from pwshlike.runtime import active
from pwshlike.runtime.flow import BreakException, ContinueException, ExitException
from pwshlike.runtime.history import capacity as history_capacity
from pwshlike.runtime.streams import StreamRouting

from .invocation_settings import adds_to_history, remember_first_last
from .runspaces import DefaultHost, Runspace, runspace_of

INVOCATION_STATE = EnumInfo("System.Management.Automation.PSInvocationState", (
    ("NotStarted", 0), ("Running", 1), ("Stopping", 2), ("Stopped", 3), ("Completed", 4), ("Failed", 5),
    ("Disconnected", 6)))
RUNSPACE_MODE = EnumInfo("System.Management.Automation.RunspaceMode", (("CurrentRunspace", 0),
                                                                       ("NewRunspace", 1)))

_NO_INPUT = object()


class PSDataCollection(GenericList):
    """``PSDataCollection[T]``: the list each stream is kept in (and the
    output of ``EndInvoke``); it behaves as a list in the pipeline.  A
    script can make one (``[PSDataCollection[object]]::new()``) to hand to
    ``BeginInvoke``; ``Complete()`` closes it to writers, so Add and
    Insert then fail as pwsh's do, and ``ReadAll()`` takes what is in it."""

    __slots__ = ("is_open",)

    def __init__(self, items: Iterable[Any] = (), element_type: Any = None) -> None:
        super().__init__(items, element_type)
        self.is_open = True

    def check_open(self) -> None:
        if not self.is_open:
            raise PSInvalidOperationException(
                "Objects cannot be added to a closed buffer. Make sure the buffer is open for Add and Insert "
                "operations to succeed.")

    def complete(self) -> None:
        self.is_open = False

    def read_all(self) -> "OutputCollection":
        """The items, removed from this collection (a Collection[T])."""
        items = OutputCollection(self)
        self.clear()
        return items


class OutputCollection(GenericList):
    """``Collection[PSObject]``: what ``Invoke()`` returns."""

    __slots__ = ()


class CommandParameter:
    """One parameter or argument of a Command: ``Name`` is None for a
    positional argument; a switch added by name alone has no value."""

    __slots__ = ("Name", "Value", "has_value")

    def __init__(self, name: Optional[str], value: Any = None, has_value: bool = True) -> None:
        self.Name = name
        self.Value = value
        self.has_value = has_value


class Command:
    """``System.Management.Automation.Runspaces.Command``: a command name,
    CommandInfo or script text, its parameters, and whether a statement
    ends after it."""

    __slots__ = ("command", "IsScript", "local_scope", "Parameters", "IsEndOfStatement")

    def __init__(self, command: Any, is_script: bool, local_scope: Optional[bool]) -> None:
        self.command = command
        self.IsScript = is_script
        # None when not given: a command then runs as `&` runs it; False
        # dot-sources a script or function, as pwsh's nullable _useLocalScope.
        self.local_scope = local_scope
        self.Parameters: GenericList = GenericList()
        self.IsEndOfStatement = False

    @property
    def UseLocalScope(self) -> bool:
        return bool(self.local_scope)

    @property
    def CommandText(self) -> str:
        if isinstance(self.command, str):
            return self.command
        return conversions.to_string(getattr(self.command, "name", self.command))

    def ToString(self) -> str:
        return self.CommandText


class PSCommand:
    """``PSCommand``: the commands a PowerShell object will run.  A new
    statement starts after a command marked ``IsEndOfStatement``."""

    __slots__ = ("Commands",)

    def __init__(self) -> None:
        self.Commands: GenericList = GenericList()

    def Clear(self) -> None:
        self.Commands.clear()

    def AddCommand(self, command: Any, use_local_scope: Any = None) -> "PSCommand":
        if command is None:
            raise PSArgumentNullException("Value cannot be null.", param_name="command")
        if not isinstance(command, str) and not hasattr(command, "new_processor"):
            command = conversions.to_string(command)
        local = None if use_local_scope is None else conversions.to_bool(use_local_scope)
        self.Commands.append(Command(command, False, local))
        return self

    def AddScript(self, script: Any, use_local_scope: Any = False) -> "PSCommand":
        if script is None:
            raise PSArgumentNullException("Value cannot be null.", param_name="script")
        self.Commands.append(Command(conversions.to_string(script), True, conversions.to_bool(use_local_scope)))
        return self

    def AddParameter(self, name: Any, *value: Any) -> "PSCommand":
        last = self._last_command()
        text = conversions.to_string(name)
        if value:
            last.Parameters.append(CommandParameter(text, value[0]))
        else:
            last.Parameters.append(CommandParameter(text, None, has_value=False))
        return self

    def AddArgument(self, value: Any) -> "PSCommand":
        self._last_command().Parameters.append(CommandParameter(None, value))
        return self

    def AddStatement(self) -> "PSCommand":
        if self.Commands:
            self.Commands[-1].IsEndOfStatement = True
        return self

    def _last_command(self) -> Command:
        if not self.Commands:
            raise PSInvalidOperationException(
                "A command is required to add a parameter. A command must be added to the PowerShell instance "
                "before adding a parameter.", error_id="ParameterRequiresCommand")
        return self.Commands[-1]

    def statements(self) -> list[list[Command]]:
        """The commands grouped into statements (pipelines)."""
        groups: list[list[Command]] = [[]]
        for command in self.Commands:
            groups[-1].append(command)
            if command.IsEndOfStatement:
                groups.append([])
        return [group for group in groups if group]


class PSDataStreams:
    """``PowerShell.Streams``: what the commands wrote besides output."""

    __slots__ = ("Error", "Warning", "Verbose", "Debug", "Information", "Progress")

    def __init__(self) -> None:
        self.Error = PSDataCollection()
        self.Warning = PSDataCollection()
        self.Verbose = PSDataCollection()
        self.Debug = PSDataCollection()
        self.Information = PSDataCollection()
        self.Progress = PSDataCollection()

    def ClearStreams(self) -> None:
        for stream in (self.Error, self.Warning, self.Verbose, self.Debug, self.Information, self.Progress):
            stream.clear()

    def routing(self) -> StreamRouting:
        return StreamRouting(error=self.Error.append, warning=self.Warning.append, verbose=self.Verbose.append,
                             debug=self.Debug.append, information=self.Information.append)


class PSInvocationStateInfo:
    """``InvocationStateInfo``: the state and, after a failure, the error."""

    __slots__ = ("State", "Reason")

    def __init__(self, state: str, reason: Any = None) -> None:
        self.State = INVOCATION_STATE.value(INVOCATION_STATE.members[state])
        self.Reason = reason


class AsyncResult:
    """What ``BeginInvoke`` returns: the invocation has already run, so it
    is complete; it holds the output or the error for ``EndInvoke``."""

    __slots__ = ("owner", "output", "error", "InstanceId", "IsCompleted", "CompletedSynchronously", "AsyncState")

    def __init__(self, owner: "PowerShell", output: Any, error: Optional[BaseException]) -> None:
        self.owner = owner
        self.output = output
        self.error = error
        self.InstanceId = owner.InstanceId
        self.IsCompleted = True
        self.CompletedSynchronously = True
        self.AsyncState = None


class PowerShell:
    """``[powershell]``; see the module docstring.  ``nested`` instances
    (``Create('CurrentRunspace')``) run in the calling session itself."""

    __slots__ = ("command", "runspace", "owns_runspace", "IsNested", "InstanceId", "Streams", "HadErrors", "state",
                 "reason", "disposed")
    # Its members, in the order pwsh lists its properties.
    PS_MEMBERS = {name: name for name in (
        "Commands", "Streams", "InstanceId", "InvocationStateInfo", "IsNested", "HadErrors", "Runspace",
        "RunspacePool", "AddCommand", "AddScript", "AddParameter", "AddParameters", "AddArgument",
        "AddStatement", "Invoke", "BeginInvoke", "EndInvoke", "Stop", "Dispose")}
    PS_MEMBERS["IsRunspaceOwner"] = "owns_runspace"

    def __init__(self, runspace: Optional[Runspace] = None, nested: bool = False) -> None:
        self.command = PSCommand()
        self.runspace = runspace
        self.owns_runspace = False
        self.IsNested = nested
        self.InstanceId = uuid.uuid4()
        self.Streams = PSDataStreams()
        self.HadErrors = False
        self.state = "NotStarted"
        self.reason: Any = None
        self.disposed = False

    # --- properties ----------------------------------------------------------------------------

    @property
    def Commands(self) -> PSCommand:
        return self.command

    @Commands.setter
    def Commands(self, value: Any) -> None:
        if not isinstance(value, PSCommand):
            raise PSArgumentNullException("Value cannot be null.", param_name="value")
        self.command = value

    @property
    def Runspace(self) -> Runspace:
        if self.runspace is None:
            self.runspace = Runspace()
            self.owns_runspace = True
            self.runspace.Open()
        return self.runspace

    @Runspace.setter
    def Runspace(self, value: Any) -> None:
        self._assert_not_running()
        if self.runspace is not None and self.owns_runspace:
            self.runspace.Dispose()
        self.runspace = value
        self.owns_runspace = False

    @property
    def RunspacePool(self) -> None:
        """There are no runspace pools here: never one."""
        return None

    @RunspacePool.setter
    def RunspacePool(self, value: Any) -> None:
        """Setting the pool resets the runspace, as in pwsh; with no pool
        (the only value there can be) the next invocation makes its own."""
        self._assert_not_running()
        if value is not None:
            raise conversions.cast_error(value, "System.Management.Automation.Runspaces.RunspacePool")
        if self.runspace is not None and self.owns_runspace:
            self.runspace.Dispose()
        self.runspace = None
        self.owns_runspace = False

    @property
    def InvocationStateInfo(self) -> PSInvocationStateInfo:
        return PSInvocationStateInfo(self.state, self.reason)

    # --- building the commands ---------------------------------------------------------------

    def AddCommand(self, command: Any, use_local_scope: Any = None) -> "PowerShell":
        self._assert_not_running()
        self.command.AddCommand(command, use_local_scope)
        return self

    def AddScript(self, script: Any, use_local_scope: Any = False) -> "PowerShell":
        self._assert_not_running()
        self.command.AddScript(script, use_local_scope)
        return self

    def AddParameter(self, name: Any, *value: Any) -> "PowerShell":
        if len(value) > 1:
            raise overload_not_found("AddParameter", 1 + len(value))
        self._assert_not_running()
        self.command.AddParameter(name, *value)
        return self

    def AddParameters(self, parameters: Any) -> "PowerShell":
        """A dictionary's entries as named parameters, a list's items as
        positional arguments."""
        self._assert_not_running()
        items = getattr(parameters, "items", None)
        if callable(items) and not isinstance(parameters, (list, tuple)):
            for key, value in items():
                self.command.AddParameter(key, value)
        else:
            for value in iter_collection(parameters) or [parameters]:
                self.command.AddArgument(value)
        return self

    def AddArgument(self, value: Any) -> "PowerShell":
        self._assert_not_running()
        self.command.AddArgument(value)
        return self

    def AddStatement(self) -> "PowerShell":
        self._assert_not_running()
        self.command.AddStatement()
        return self

    # --- running ------------------------------------------------------------------------------

    def Invoke(self, input: Any = _NO_INPUT, output: Any = None) -> Any:
        """Runs the commands; with an ``output`` list (``Invoke(input,
        output)``) the objects are added to it and nothing is returned;
        with PSInvocationSettings (``Invoke(input, settings)``) those apply."""
        count = (input is not _NO_INPUT) + (output is not None)
        results = self._run(input, "Invoke", count, history=adds_to_history(output))
        if isinstance(output, list):
            output.extend(results)
            return None
        return OutputCollection(results)

    def BeginInvoke(self, input: Any = _NO_INPUT, output: Any = None, *_callback: Any) -> AsyncResult:
        """Runs the commands now (see the module docstring) and returns the
        completed result."""
        results: Any = None
        error: Optional[BaseException] = None
        try:
            results = self._run(input, "BeginInvoke", 0, wrap=False)
        except RuntimeException as exc:
            error = exc
        if isinstance(output, list) and results is not None:
            output.extend(results)
            results = output
        return AsyncResult(self, results, error)

    def EndInvoke(self, result: Any) -> Any:
        if not isinstance(result, AsyncResult) or result.owner is not self:
            raise PSArgumentNullException("Value cannot be null.", param_name="asyncResult")
        if result.error is not None:
            raise invocation_error("EndInvoke", 1, result.error)
        return result.output

    def Stop(self) -> None:
        """Stops a running invocation: from a script inside it, the only
        code that runs while it does."""
        if self.state == "Running":
            self.state = "Stopping"
            raise PipelineStoppedException()

    def Dispose(self) -> None:
        if self.disposed:
            return
        self.disposed = True
        if self.state == "NotStarted":
            self.state = "Stopped"
        if self.owns_runspace and self.runspace is not None:
            self.runspace.Dispose()

    def _assert_not_running(self) -> None:
        if self.state in ("Running", "Stopping"):
            raise PSInvalidOperationException(
                "The operation cannot be performed because a command has already been started. Wait for the "
                "command to complete, or stop it, and then try the operation again.",
                error_id="ExecutionAlreadyStarted")

    def _run(self, input: Any, method: str, count: int, wrap: bool = True,
             history: bool = False) -> PSDataCollection:
        """One invocation, with pwsh's state changes and error wrapping."""
        self._assert_not_running()
        if self.disposed:
            raise ObjectDisposedException("Cannot access a disposed object.\nObject name: 'PowerShell'.")
        if not self.command.Commands:
            raise PSInvalidOperationException("No commands are specified.", error_id="NoCommandToInvoke")
        runspace = self.Runspace
        context = runspace.opened_context()
        output = PSDataCollection()
        self.HadErrors = False
        self.state = "Running"
        self.reason = None
        runspace.busy = True
        if history:
            context.history.begin(_history_text(self.command.statements()))
        try:
            invocation = _Invocation(self, context, runspace if history else None)
            failed = invocation.run(self.command.statements(), input, output.append)
        except Exception as exc:
            error = context.to_runtime_exception(exc)
            self.HadErrors = True
            self.state = "Stopped" if isinstance(error, PipelineStoppedException) else "Failed"
            self.reason = error
            if wrap:
                raise invocation_error(method, count, error) from exc
            raise error from exc
        finally:
            runspace.busy = False
            if history:
                context.history.end(self.state if self.state in ("Stopped", "Failed") else "Completed",
                                    history_capacity(context))
        self.HadErrors = failed
        self.state = "Completed"
        return output


def _history_text(statements: list[list[Command]]) -> str:
    """The line Get-History shows for an invocation added to history: its
    commands as written, pipelines joined by `` | ``."""
    return "; ".join(" | ".join(command.CommandText for command in statement) for statement in statements)


class _Invocation:
    """Running a PowerShell object's statements in ``context``: its streams
    go to the object's collections for the length of the run, and the
    session that called ``Invoke`` is made current again afterwards.
    ``history`` is the runspace whose ``$^``/``$$`` the scripts update
    (PSInvocationSettings.AddToHistory), else None."""

    __slots__ = ("owner", "context", "history")

    def __init__(self, owner: PowerShell, context: Any, history: Optional[Runspace]) -> None:
        self.owner = owner
        self.context = context
        self.history = history

    def run(self, statements: list[list[Command]], input: Any, emit: Callable[[Any], None]) -> bool:
        """Runs each statement; returns whether an error was written."""
        context = self.context
        caller = active.context
        streams = self.owner.Streams
        errors_before = len(streams.Error)
        host = context.host if isinstance(context.host, DefaultHost) else None
        saved = (context.streams, context.propagate, context.traps, host.progress if host else None)
        context.streams = streams.routing()
        context.propagate, context.traps = False, []
        if host is not None:
            host.progress = streams.Progress
        failed = False
        context.activate()
        try:
            for index, statement in enumerate(statements):
                source = _input_items(input) if index == 0 and input is not _NO_INPUT else None
                if self._statement(statement, source, emit):
                    failed = True
        finally:
            context.streams, context.propagate, context.traps = saved[:3]
            if host is not None:
                host.progress = saved[3]
            if caller is not None:
                caller.activate()
        return failed or len(streams.Error) > errors_before

    def _statement(self, commands: list[Command], source: Optional[Iterable[Any]],
                   emit: Callable[[Any], None]) -> bool:
        """One pipeline; returns whether it failed (``$?`` False after it)."""
        from pwshlike.dotnet.errors import InvocationInfo
        from pwshlike.runtime.pipeline import run_pipeline
        context = self.context
        processors = []
        count = len(commands)
        for position, command in enumerate(commands, 1):
            info, operator = self._resolve(command)
            invocation = InvocationInfo(info, command.CommandText if not command.IsScript else "",
                                        pipeline_position=position, pipeline_length=count)
            processors.append(info.new_processor(context, _arguments(command), invocation))
        try:
            run_pipeline(context, processors, emit, source=source)
        except ExitException as exc:
            context.last_exit_code = exc.code
        except (BreakException, ContinueException):
            pass
        return not context.last_success

    def _resolve(self, command: Command) -> tuple[Any, str]:
        """The CommandInfo of a command, or of a script's script block."""
        context = self.context
        if not command.IsScript:
            operator = "." if command.local_scope is False else "&"
            return context.command_resolver(context, command.command, operator, None), operator
        from pwshlike.runtime.scriptblock import ScriptBlock, ScriptBlockCode
        ast, tokens = _parse(command.command)
        if self.history is not None:
            remember_first_last(self.history, context, tokens)
        block = ScriptBlock(ScriptBlockCode(ast), context)
        block.catches_exit = False
        operator = "&" if command.UseLocalScope else "."
        return context.command_resolver(context, block, operator, ast.extent), operator


def _parse(text: str) -> tuple[Any, list[Any]]:
    """A script's AST and tokens; pwsh's ParseScriptBlock throws
    IncompleteParseException when the first error is only a missing end,
    else ParseException."""
    from pwshlike.language import parse_input
    ast, tokens, errors = parse_input(text)
    if errors:
        first = errors[0]
        if getattr(first, "incomplete_input", False):
            raise IncompleteParseException(first.message, error_id=first.error_id,
                                           category=ErrorCategory.ParserError)
        raise ParseException(errors=errors)
    return ast, tokens


def _arguments(command: Command) -> list[Any]:
    from pwshlike.runtime.pipeline import CommandArgument
    arguments = []
    for parameter in command.Parameters:
        if parameter.Name is None:
            arguments.append(CommandArgument(None, parameter.Value))
        else:
            name = parameter.Name[1:] if parameter.Name.startswith("-") else parameter.Name
            arguments.append(CommandArgument(name, parameter.Value, has_value=parameter.has_value,
                                             colon=parameter.has_value, text=f"-{name}"))
    return arguments


def _input_items(input: Any) -> Iterable[Any]:
    """The pipeline input of ``Invoke(input)``: a collection's items; $null is no input."""
    if input is None:
        return ()
    items = iter_collection(input)
    return items if items is not None else (input,)


def create(*args: Any) -> PowerShell:
    """``[powershell]::Create()`` and its overloads: a runspace, an
    InitialSessionState, or a RunspaceMode."""
    from .runspaces import InitialSessionState
    if not args:
        return PowerShell()
    arg = args[0]
    if isinstance(arg, Runspace):
        return PowerShell(arg)
    if isinstance(arg, InitialSessionState):
        runspace = Runspace(arg)
        runspace.Open()
        shell = PowerShell(runspace)
        shell.owns_runspace = True
        return shell
    if arg is None:
        raise PSArgumentNullException("Value cannot be null.", param_name="runspace")
    mode = conversions.convert_to_enum(arg, RUNSPACE_MODE)
    if int(mode) == RUNSPACE_MODE.members["CurrentRunspace"]:
        current = runspace_of(active.context)
        if current is None:
            raise PSInvalidOperationException(
                "A PowerShell object cannot be created that uses the current runspace because there is no current "
                "runspace available.  The current runspace might be starting, such as when it is created with an "
                "Initial Session State.", error_id="NoDefaultRunspaceForPSCreate")
        return PowerShell(current, nested=True)
    return PowerShell()
