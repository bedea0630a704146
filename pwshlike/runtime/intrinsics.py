"""``$ExecutionContext`` (pwsh's EngineIntrinsics) and the session state
objects scripts reach through it and through ``$module.SessionState``.

Each object is a thin view over the running ExecutionContext: nothing is
copied, so what a script reads through them is what ``$var``, ``Get-Location``
and command lookup see at that moment.  A SessionStateIntrinsics either
follows the running code (``$ExecutionContext.SessionState``: a module's
state inside the module) or names one state by its root scope
(``$module.SessionState``), whose current scope it then uses.
"""

from __future__ import annotations

from ..dotnet.conversions import convert_to_enum, to_string
from ..dotnet.engine_enums import COMMAND_TYPES
from ..dotnet.errors import CommandNotFoundException, ErrorCategory, ItemNotFoundException
from ..language import parse_input
from ..language.ast import PipelineAst, ScriptBlockAst
from .automatic import PathInfo, location_info
from .pipeline import NO_INPUT
from .scopes import PSVariable, QualifiedName, Scope, module_of, state_scope
from .scriptblock import ScriptBlock

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


class EngineIntrinsics:
    """``$ExecutionContext``: the host, the session state of the running
    code and the command invocation helpers."""

    __slots__ = ("ctx",)
    full_name = "System.Management.Automation.EngineIntrinsics"
    PS_MEMBERS = {"Host": "host", "Events": "events", "InvokeProvider": "invoke_provider",
                  "SessionState": "session_state", "InvokeCommand": "invoke_command", "ToString": "__str__"}

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx

    @property
    def host(self) -> Any:
        return self.ctx.host

    @property
    def session_state(self) -> "SessionStateIntrinsics":
        return SessionStateIntrinsics(self.ctx, None)

    @property
    def invoke_command(self) -> "CommandInvocationIntrinsics":
        return CommandInvocationIntrinsics(self.ctx)

    @property
    def invoke_provider(self) -> None:
        """No provider API is modelled."""
        return None

    @property
    def events(self) -> None:
        """No engine event manager is modelled."""
        return None

    def __str__(self) -> str:
        return self.full_name


class SessionStateIntrinsics:
    """``$ExecutionContext.SessionState`` / ``$module.SessionState``.
    ``state`` is the root scope of the state shown, or None for the state
    of whatever code runs when a member is read."""

    __slots__ = ("ctx", "state")
    full_name = "System.Management.Automation.SessionState"
    PS_MEMBERS = {"Path": "path", "PSVariable": "ps_variable", "LanguageMode": "language_mode",
                  "UseFullLanguageModeInDebugger": "use_full_language_mode_in_debugger", "Scripts": "scripts",
                  "Applications": "applications", "Module": "module", "InvokeCommand": "invoke_command",
                  "ToString": "__str__"}

    def __init__(self, ctx: Any, state: Optional[Scope]) -> None:
        self.ctx = ctx
        self.state = state

    def current_scope(self) -> Scope:
        """The scope this state's variables are read and written in now."""
        return state_scope(self.ctx, self.state)

    @property
    def path(self) -> "PathIntrinsics":
        return PathIntrinsics(self.ctx)

    @property
    def ps_variable(self) -> "PSVariableIntrinsics":
        return PSVariableIntrinsics(self)

    @property
    def module(self) -> Any:
        return module_of(self.current_scope())

    @property
    def language_mode(self) -> str:
        return "FullLanguage"

    @property
    def use_full_language_mode_in_debugger(self) -> bool:
        return False

    @property
    def scripts(self) -> list[str]:
        """The scripts the state may run: all, as in an unrestricted pwsh session."""
        return ["*"]

    @property
    def applications(self) -> list[str]:
        """The native programs the state may run: all."""
        return ["*"]

    @property
    def invoke_command(self) -> "CommandInvocationIntrinsics":
        return CommandInvocationIntrinsics(self.ctx, self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SessionStateIntrinsics):
            return NotImplemented
        return other.ctx is self.ctx and other.current_scope().state is self.current_scope().state

    def __hash__(self) -> int:
        return id(self.current_scope().state)

    def __str__(self) -> str:
        return self.full_name


class PathIntrinsics:
    """``SessionState.Path``: the current location."""

    __slots__ = ("ctx",)
    full_name = "System.Management.Automation.PathIntrinsics"
    PS_MEMBERS = {"CurrentLocation": "current_location", "CurrentFileSystemLocation": "current_location",
                  "ToString": "__str__"}

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx

    @property
    def current_location(self) -> PathInfo:
        return location_info(self.ctx.session)

    def __str__(self) -> str:
        return self.full_name


class PSVariableIntrinsics:
    """``SessionState.PSVariable``: Get, GetValue, Set and Remove, seen
    from the state's current scope (names may carry ``global:``,
    ``script:`` or ``local:``)."""

    __slots__ = ("state",)
    full_name = "System.Management.Automation.PSVariableIntrinsics"
    PS_MEMBERS = {"Get": "get", "GetValue": "get_value", "Set": "set", "Remove": "remove", "ToString": "__str__"}

    def __init__(self, state: SessionStateIntrinsics) -> None:
        self.state = state

    def get(self, name: Any) -> Optional[PSVariable]:
        return self.state.ctx.session.lookup_qualified(QualifiedName(to_string(name)), self.state.current_scope())

    def get_value(self, name: Any, default: Any = None) -> Any:
        var = self.get(name)
        return default if var is None else var.value

    def set(self, name: Any, value: Any = None) -> None:
        """``Set(name, value)`` or ``Set($psvariable)`` (a new variable in the current scope)."""
        session, scope = self.state.ctx.session, self.state.current_scope()
        if isinstance(name, PSVariable):
            session.define(scope, name.name, name.value, name.options, name.type_constraint, name.attributes,
                           name.description)
            return
        session.set_value(QualifiedName(to_string(name)), value, scope)

    def remove(self, name: Any) -> None:
        """Removes the variable the name finds (in whichever scope holds it)."""
        text = name.name if isinstance(name, PSVariable) else to_string(name)
        qname = QualifiedName(text)
        session, scope = self.state.ctx.session, self.state.current_scope()
        holder: Optional[Scope] = session.target_scope(qname, scope)
        while holder is not None and qname.key not in holder.vars:
            holder = holder.parent if qname.kind == "plain" else None
        if holder is None:
            raise ItemNotFoundException(f"Cannot find a variable with the name '{qname.name}'.",
                                        error_id="VariableNotFound", category=ErrorCategory.ObjectNotFound,
                                        target_object=qname.name)
        session.remove(qname.name, holder)

    def __str__(self) -> str:
        return self.full_name


class CommandInvocationIntrinsics:
    """``$ExecutionContext.InvokeCommand``: running script text and blocks,
    expanding strings, finding commands."""

    __slots__ = ("ctx", "state")
    full_name = "System.Management.Automation.CommandInvocationIntrinsics"
    PS_MEMBERS = {"InvokeScript": "invoke_script", "ExpandString": "expand_string", "GetCommand": "get_command",
                  "GetCmdlet": "get_cmdlet", "NewScriptBlock": "new_script_block",
                  "LocationChangedAction": "location_changed_action", "ToString": "__str__"}

    def __init__(self, ctx: Any, state: Optional[SessionStateIntrinsics] = None) -> None:
        self.ctx = ctx
        self.state = state

    @property
    def location_changed_action(self) -> Any:
        """The handler Set-Location runs after each move (kept with the
        session's drives, so every ``$ExecutionContext.InvokeCommand`` sees it)."""
        return self.ctx.session.drives.location_changed_action

    @location_changed_action.setter
    def location_changed_action(self, value: Any) -> None:
        self.ctx.session.drives.location_changed_action = value

    def invoke_script(self, *args: Any) -> list[Any]:
        """The overloads pwsh has: ``(string script, params object[] args)``,
        ``(SessionState, ScriptBlock, params object[] args)`` and
        ``(bool useLocalScope, ScriptBlock, IList input, params object[] args)``.
        Output is collected and returned, as pwsh's Collection<PSObject>."""
        if args and isinstance(args[0], SessionStateIntrinsics):
            state, block, rest = args[0], args[1], args[2:]
            block = block.bound_to(state.current_scope().state)
            return self._run(block, True, NO_INPUT, _flatten(rest))
        if len(args) >= 3 and isinstance(args[0], bool) and isinstance(args[1], ScriptBlock):
            return self._run(args[1], args[0], args[2], _flatten(args[3:]))
        first = args[0] if args else None
        block = first if isinstance(first, ScriptBlock) else ScriptBlock.create(to_string(first))
        return self._run(block, True, NO_INPUT, _flatten(args[1:]))

    def _run(self, block: ScriptBlock, new_scope: bool, input: Any, args: list[Any]) -> list[Any]:
        output: list[Any] = []
        invocation = block.begin_invocation(self.ctx, new_scope=new_scope, args=args, emit=output.append)
        items = [NO_INPUT] if input is NO_INPUT or input is None else list(input)
        try:
            invocation.begin()
            for item in items or [NO_INPUT]:
                invocation.process(item)
            invocation.end()
        finally:
            invocation.clean()
        return output

    def expand_string(self, source: Any) -> str:
        """The text with its ``$name`` and ``$(...)`` expanded as a
        double-quoted string would, in the current scope."""
        text = to_string(source)
        if "$" not in text and "`" not in text:
            return text
        ast, _tokens, errors = parse_input('@"\n' + text + '\n"@')
        expression = _only_expression(ast)
        if errors or expression is None:
            return text
        return to_string(self.ctx.eval_expression(expression))

    def new_script_block(self, text: Any) -> ScriptBlock:
        return ScriptBlock.create(to_string(text))

    def get_command(self, name: Any, command_type: Any = None, arguments: Any = None) -> Any:
        """The command ``name`` resolves to if its type is among
        ``command_type`` (CommandTypes flags; all when not given), else $null."""
        resolver = self.ctx.command_resolver
        if resolver is None:
            return None
        try:
            info = resolver(self.ctx, to_string(name))
        except CommandNotFoundException:
            return None
        if command_type is not None:
            wanted = int(convert_to_enum(command_type, COMMAND_TYPES))
            kind = COMMAND_TYPES.lookup(getattr(info, "command_type", ""))
            if kind is None or not int(kind) & wanted:
                return None
        return info

    def get_cmdlet(self, name: Any) -> Any:
        return self.get_command(name, "Cmdlet")

    def __str__(self) -> str:
        return self.full_name


def _flatten(args: tuple) -> list[Any]:
    """``params object[] args`` given as one array or as separate values."""
    if len(args) == 1 and isinstance(args[0], list):
        return list(args[0])
    return list(args)


def _only_expression(ast: ScriptBlockAst) -> Any:
    """The expression of a script that is one expression statement, or None."""
    statements = ast.end_block.statements if ast.end_block is not None else []
    if len(statements) != 1 or not isinstance(statements[0], PipelineAst):
        return None
    elements = statements[0].pipeline_elements
    if len(elements) != 1:
        return None
    return getattr(elements[0], "expression", None)
