"""ExecutionContext: the state one running session shares with all code.

It owns the session state (scopes), the host UI, the routing of the
non-output streams, ``$?``, ``$Error`` and the error policy that decides what
happens when a statement fails (pwsh's ``ExceptionHandlingOps.
CheckActionPreference``).  Higher layers install hooks here rather than
being imported: ``command_resolver`` (commands layer) and ``formatter``
(host layer), see docs/architecture.md.
"""

from __future__ import annotations

import os
import sys

from ..dotnet import conversions
from ..dotnet.errors import (ActionPreferenceStopException, DotNetException, ErrorCategory, ErrorRecord,
                     NotSupportedException, PipelineStoppedException, RuntimeException, dotnet_exception_from)
from . import active
from .automatic import install_automatic_variables
from .compiler import compile_expression
from .error_records import find_handler, record_with_exception, set_position
from .flow import BreakException, ContinueException
from .intrinsics import EngineIntrinsics
from .pipeline import PipelineState
from .scopes import ALLSCOPE, CONSTANT, PSVariable, QualifiedName, Scope, SessionState, get_env
from .streams import (DebugRecord, HostInformationMessage, InformationRecord, StreamRouting,
                      VerboseRecord, WarningRecord)
from ..dotnet.types import register_lazy_family
from ..dotnet.values import iter_collection

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional

# ActionPreference names, canonical spelling, indexed by enum value.
SILENTLY_CONTINUE, STOP, CONTINUE, INQUIRE, IGNORE, SUSPEND, BREAK = (
    "SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break")
_PREFERENCES = (SILENTLY_CONTINUE, STOP, CONTINUE, INQUIRE, IGNORE, SUSPEND, BREAK)
_PREFERENCE_BY_NAME = {p.lower(): p for p in _PREFERENCES}

_DEBUG = os.environ.get("PWSHLIKE_DEBUG") == "1"
_RECURSION_LIMIT = 40000


def action_preference(value: Any, default: str = CONTINUE) -> str:
    """The canonical ActionPreference name of a preference value (an enum
    value, its name or its number); ``default`` for anything else."""
    if value is None:
        return default
    if isinstance(value, int) and not isinstance(value, bool):
        name = str(value)
        if name.lower() in _PREFERENCE_BY_NAME:
            return _PREFERENCE_BY_NAME[name.lower()]
        if 0 <= value < len(_PREFERENCES):
            return _PREFERENCES[value]
        return default
    return _PREFERENCE_BY_NAME.get(str(value).strip().lower(), default)


class TextHost:
    """The minimal host UI the engine falls back on: plain text on the
    process's stdout/stderr.  The host layer installs a console host with
    colours and the real views; tests install recording hosts.

    The engine calls exactly these methods; ``write_warning_line`` and
    friends receive the bare message and add pwsh's ``WARNING: `` style
    prefixes themselves, as pwsh's console host does."""

    def __init__(self, out: Any = None, err: Any = None) -> None:
        self._out = out
        self._err = err

    @property
    def out(self) -> Any:
        return self._out if self._out is not None else sys.stdout

    @property
    def err(self) -> Any:
        return self._err if self._err is not None else sys.stderr

    def write(self, text: str, foreground: Any = None, background: Any = None) -> None:
        self.out.write(text)

    def write_line(self, text: str = "", foreground: Any = None, background: Any = None) -> None:
        self.out.write(text + "\n")

    def write_error_line(self, text: str) -> None:
        self.err.write(text + "\n")

    def write_warning_line(self, text: str) -> None:
        self.out.write("WARNING: " + text + "\n")

    def write_verbose_line(self, text: str) -> None:
        self.out.write("VERBOSE: " + text + "\n")

    def write_debug_line(self, text: str) -> None:
        self.out.write("DEBUG: " + text + "\n")

    def write_information(self, record: InformationRecord) -> None:
        data = record.message_data
        if isinstance(data, HostInformationMessage):
            if data.no_new_line:
                self.write(data.message, data.foreground_color, data.background_color)
            else:
                self.write_line(data.message, data.foreground_color, data.background_color)
        else:
            self.write_line(str(record))

    def read_line(self) -> Optional[str]:
        """None at end of input (see ConsoleHost.read_line)."""
        line = sys.stdin.readline()
        return line.rstrip("\n") if line else None


def text_formatter(objects: list[Any]) -> list[str]:
    """The formatter used until the host layer installs its own: one line
    (or more, for multi-line strings) per object via ``to_string``."""
    lines: list[str] = []
    for obj in objects:
        lines.extend(conversions.to_string(obj).split("\n"))
    return lines


class ExecutionContext:
    """One session's execution state.  ``scope`` is the current scope (kept
    here rather than on SessionState because compiled code reads it on every
    variable access)."""

    def __init__(self, host: Any = None, *, interactive: bool = False) -> None:
        self.session = SessionState()
        self.scope: Scope = self.session.global_scope
        # Session state (its root scope) -> its current scope, for every
        # state that code has left for another one and not yet returned to
        # (see ScriptBlockInvocation._bind): where a block bound to it runs.
        self.state_scopes: dict[Scope, Scope] = {}
        self.host = host if host is not None else TextHost()
        self.interactive = interactive
        self.command_resolver: Optional[Callable[..., Any]] = None
        # attribute_resolver(context, AttributeAst) -> an object with
        # check_variable_value(name, value) -> value, for validation and
        # transformation attributes on variables ([ValidateRange(1,5)]$x = 3);
        # installed by the commands layer, which owns those attributes.
        self.attribute_resolver: Optional[Callable[..., Any]] = None
        # require_modules(texts, script_name): imports what a script's
        # ``#requires -Modules`` names or raises ScriptRequiresMissingModules;
        # installed by the modules layer (None: the requirement is not checked).
        self.require_modules: Optional[Callable[[list[str], str], None]] = None
        self.formatter: Callable[[list[Any]], list[str]] = text_formatter
        self.streams = StreamRouting()
        self.last_success = True
        # pwsh's PropagateExceptionsToEnclosingStatementBlock: True while a
        # try body or a block with traps is (dynamically) active, so that a
        # failing statement terminates instead of reporting and continuing.
        self.propagate = False
        # The trap stack of the running function: one entry per enclosing
        # block with traps (a list of (types, handler)), or None for a try
        # body or a block nested in a trapping one, which hides the traps
        # so the error unwinds to the right level first.
        self.traps: list[Any] = []
        self.current_exception: Optional[RuntimeException] = None
        self.pipeline_state = PipelineState()
        self.call_depth = 0
        self.using_values: Optional[dict[str, Any]] = None
        # -ErrorVariable/-WarningVariable/-InformationVariable of the commands
        # running now: stream number -> lists that receive every record
        # written to that stream, whatever the preference says.
        self.collectors: dict[int, list[list[Any]]] = {}
        self._expressions: dict[int, tuple[Any, Callable[[Any], Any]]] = {}
        self._history: Any = None
        install_automatic_variables(self)
        self.session.global_scope.vars["executioncontext"] = PSVariable(
            "ExecutionContext", EngineIntrinsics(self), CONSTANT | ALLSCOPE)
        self.session.allscope_names.add("executioncontext")
        # Each PowerShell call level costs a dozen or so Python frames;
        # pwsh allows about a thousand nested calls (MAX_CALL_DEPTH) before
        # ScriptCallDepthException, so Python's default limit is too low.
        if sys.getrecursionlimit() < _RECURSION_LIMIT:
            sys.setrecursionlimit(_RECURSION_LIMIT)
        self.activate()

    @property
    def history(self) -> Any:
        """The command history Get-History reads (runtime/history.py),
        made on first use so a plain script never loads it."""
        if self._history is None:
            from .history import History
            self._history = History()
        return self._history

    def activate(self) -> None:
        """Makes this the context that context-less callers use."""
        active.context = self
        conversions.ofs_provider = self._ofs

    def _ofs(self) -> str:
        var = self.session.lookup("ofs", self.scope)
        if var is None or var.value is None:
            return " "
        return conversions.to_string(var.value, " ")

    # --- variables ---------------------------------------------------------------

    def get_variable_value(self, name: str, default: Any = None) -> Any:
        """The value of ``$name`` (qualifiers allowed) as seen from the current scope."""
        qname = QualifiedName(name)
        if qname.kind == "env":
            return get_env(qname.name)
        if qname.kind == "function":
            return self.session.get_function(qname.name, self.scope)
        var = self.session.lookup_qualified(qname, self.scope)
        return default if var is None else var.value

    def set_variable_value(self, name: str, value: Any) -> None:
        """Assigns ``$name = value`` in the current scope (qualifiers allowed)."""
        self.session.set_value(QualifiedName(name), value, self.scope)

    def preference(self, name: str, default: str = CONTINUE) -> str:
        """An ActionPreference variable's current value (``'ErrorActionPreference'``).
        Suspend (reserved) is put back to the default and refused, as pwsh's
        GetEnumPreference does."""
        var = self.session.lookup(name.lower(), self.scope)
        value = action_preference(var.value if var is not None else None, default)
        if value == SUSPEND and var is not None:
            var.value = default
            raise NotSupportedException(
                f"The Suspend ActionPreference value is reserved for future use and is not supported at this time. "
                f"It has been replaced in your {name} variable by the default value of {default}. For more "
                f'information about preference variables, see the Help topic, "about_Preference_Variables."')
        return value

    @property
    def last_exit_code(self) -> Any:
        var = self.session.global_scope.vars.get("lastexitcode")
        return None if var is None else var.value

    @last_exit_code.setter
    def last_exit_code(self, code: int) -> None:
        self.session.set_plain("lastexitcode", "LASTEXITCODE", code, self.session.global_scope)

    def resolve_variable_attribute(self, attribute_ast: Any) -> Any:
        """The checker for an attribute on a variable assignment, or None
        when no commands layer is installed to provide one."""
        resolver = self.attribute_resolver
        return resolver(self, attribute_ast) if resolver is not None else None

    def define_function(self, name: str, script_block: Any) -> None:
        """Defines a function in the current scope (``global:``/``script:`` allowed)."""
        self.session.set_function(name, script_block, self.scope)

    def eval_expression(self, ast: Any) -> Any:
        """Evaluates one expression AST in the current scope (attribute
        arguments such as ``[ValidateSet('a','b')]`` for the binder)."""
        cached = self._expressions.get(id(ast))
        if cached is None or cached[0] is not ast:
            # The entry keeps the AST alive, so its id cannot be reused.
            cached = self._expressions[id(ast)] = (ast, compile_expression(ast))
        return cached[1](self)

    # --- $Error --------------------------------------------------------------------

    def error_list(self) -> Any:
        var = self.session.global_scope.vars.get("error")
        return None if var is None else var.value

    def append_error(self, record: Any) -> None:
        """Adds to ``$Error`` (newest first, capped by ``$MaximumErrorCount``),
        skipping a repeat of the newest entry."""
        errors = self.error_list()
        if not isinstance(errors, list):
            return
        if errors:
            first = errors[0]
            if first is record:
                return
            if isinstance(first, ErrorRecord) and isinstance(record, ErrorRecord) and \
                    first.exception is record.exception:
                return
        errors.insert(0, record)
        var = self.session.global_scope.vars.get("maximumerrorcount")
        try:
            limit = int(var.value) if var is not None else 256
        except (TypeError, ValueError):
            limit = 256
        if limit >= 0 and len(errors) > limit:
            del errors[limit:]

    # --- stream writers --------------------------------------------------------------

    def write_error(self, record: ErrorRecord, preference: Optional[str] = None) -> None:
        """A non-terminating error from a command.  ``preference`` is the
        command's ``-ErrorAction`` when given, else ``$ErrorActionPreference``
        applies.  Stop raises ActionPreferenceStopException carrying the record."""
        pref = action_preference(preference) if preference is not None else \
            self.preference("ErrorActionPreference")
        # The command failed whatever the preference: pwsh marks the pipeline failed before it looks
        # at Ignore, so `Write-Error x -ErrorAction Ignore && 'next'` does not run the right side.
        self.pipeline_state.failed = True
        self.last_success = False
        if pref == IGNORE:
            return
        _lock_stack_trace(record, None)
        if pref == STOP:
            # The -ErrorVariable lists get what stopped the command, as pwsh's ManageException does.
            stop = action_preference_stop(record, "ErrorActionPreference")
            self._collect(2, stop)
            self.append_error(record)
            raise stop
        self._collect(2, record)
        self.append_error(record)
        if pref == SILENTLY_CONTINUE:
            return
        self.report_error(record)

    def _collect(self, stream: int, record: Any) -> None:
        for target in self.collectors.get(stream, ()):
            target.append(record)

    def report_error(self, record: Any) -> None:
        """Sends an error record to the error stream: its redirection, or the host."""
        route = self.streams.error
        if route is not None:
            route(record)
            return
        write_record = getattr(self.host, "write_error_record", None)
        if write_record is not None:
            write_record(record)
        else:
            for line in self.formatter([record]):
                self.host.write_error_line(line)

    def _informational(self, message: str, preference: Optional[str], variable: str,
                       default: str, route_name: str, record_class: type, host_method: str) -> None:
        pref = action_preference(preference, default) if preference is not None else \
            self.preference(variable, default)
        if pref == IGNORE:
            return
        record = record_class(message)
        if record_class is WarningRecord:
            self._collect(3, record)
        if pref == SILENTLY_CONTINUE:
            return
        route = getattr(self.streams, route_name)
        if route is not None:
            route(record)
        else:
            getattr(self.host, host_method)(message)
        if pref == STOP:
            raise ActionPreferenceStopException(stop_message(variable, message))

    def shows(self, variable: str, preference: Optional[str] = None) -> bool:
        """Whether a verbose or debug message (``variable`` is
        VerbosePreference or DebugPreference; ``preference`` a command's
        override) would reach anyone: when not, a caller can skip building
        an expensive message at all."""
        pref = action_preference(preference, SILENTLY_CONTINUE) if preference is not None else \
            self.preference(variable, SILENTLY_CONTINUE)
        return pref not in (IGNORE, SILENTLY_CONTINUE)

    def write_warning(self, message: str, preference: Optional[str] = None) -> None:
        self._informational(message, preference, "WarningPreference", CONTINUE, "warning",
                            WarningRecord, "write_warning_line")

    def write_verbose(self, message: str, preference: Optional[str] = None) -> None:
        self._informational(message, preference, "VerbosePreference", SILENTLY_CONTINUE, "verbose",
                            VerboseRecord, "write_verbose_line")

    def write_debug(self, message: str, preference: Optional[str] = None) -> None:
        self._informational(message, preference, "DebugPreference", SILENTLY_CONTINUE, "debug",
                            DebugRecord, "write_debug_line")

    def write_information(self, message_data: Any, tags: Optional[list[str]] = None,
                          preference: Optional[str] = None, source: str = "") -> None:
        """``Write-Information``: shown only when ``$InformationPreference``
        (or ``preference``) is Continue; a redirection receives it whatever
        the preference but Ignore."""
        pref = action_preference(preference, SILENTLY_CONTINUE) if preference is not None else \
            self.preference("InformationPreference", SILENTLY_CONTINUE)
        self._write_information_record(InformationRecord(message_data, source, tags), pref)

    def write_host(self, obj: Any, no_newline: bool = False, foreground: Any = None,
                   background: Any = None, separator: str = " ",
                   preference: Optional[str] = None) -> None:
        """``Write-Host``: an information record tagged PSHOST that the host
        shows unless the command's own ``-InformationAction`` silences it
        (``$InformationPreference`` does not apply to it, as in pwsh)."""
        text = _host_text(obj, separator)
        data = HostInformationMessage(text, no_newline, foreground, background)
        pref = action_preference(preference, CONTINUE) if preference is not None else CONTINUE
        self._write_information_record(InformationRecord(data, "Write-Host", ["PSHOST"]), pref)

    def _write_information_record(self, record: InformationRecord, pref: str) -> None:
        if pref == IGNORE:
            return
        self._collect(6, record)
        route = self.streams.information
        if route is not None:
            # A redirection (6>&1) or a PowerShell object's Information
            # stream receives the record whatever the preference but Ignore,
            # as pwsh's MshCommandRuntime.WriteInformation; only the host
            # shows it according to the preference.
            route(record)
        elif pref != SILENTLY_CONTINUE:
            self.host.write_information(record)
        if pref == STOP:
            raise ActionPreferenceStopException(stop_message("InformationPreference", str(record)))

    # --- statement errors ----------------------------------------------------------------

    def to_runtime_exception(self, exc: BaseException, extent: Any = None) -> RuntimeException:
        """pwsh's ConvertToRuntimeException: any error as a RuntimeException
        with an ErrorRecord positioned at ``extent``.  Python exceptions that
        are not .NET-like are engine bugs; with PWSHLIKE_DEBUG=1 their
        traceback is printed."""
        if isinstance(exc, RuntimeException):
            rte = exc
        else:
            if not isinstance(exc, DotNetException):
                if _DEBUG:
                    import traceback
                    traceback.print_exception(exc, file=sys.stderr)
                dotnet = dotnet_exception_from(exc)
            else:
                dotnet = exc
            if isinstance(dotnet, RuntimeException):
                rte = dotnet
            else:
                record = getattr(dotnet, "error_record", None)
                if not isinstance(record, ErrorRecord):
                    record = ErrorRecord(dotnet, dotnet.full_name, ErrorCategory.OperationStopped, None)
                rte = RuntimeException(dotnet.message, dotnet, error_record=record)
        set_position(rte, extent)
        return rte

    def statement_error(self, exc: BaseException, extent: Any, out: Callable[[Any], None]) -> None:
        """A statement failed with ``exc``: record it in ``$Error`` and ``$?``,
        then run a trap, report it and continue, or re-raise (terminating),
        following pwsh's CheckActionPreference.  Returns when the script
        should go on with the next statement."""
        rte = self.to_runtime_exception(exc, extent)
        is_stopped = isinstance(rte, PipelineStoppedException)
        _lock_stack_trace(rte.error_record, extent)
        if not is_stopped:
            # SetErrorVariables: $Error and the -ErrorVariable lists of the running commands.
            record = record_with_exception(rte.error_record, rte, rte)
            self.append_error(record)
            for target in self.collectors.get(2, ()):
                if not target or target[-1] is not record:  # once, though each enclosing statement sees it
                    target.append(record)
        self.last_success = False
        pref = self.preference("ErrorActionPreference")
        traps = self.traps
        has_traps = bool(traps) and traps[-1] is not None
        if has_traps:
            pref = self._process_traps(rte, traps[-1], out)
        elif self.propagate or is_stopped or is_terminating(rte):
            raise rte
        elif pref == INQUIRE:
            pref = CONTINUE
        if pref in (SILENTLY_CONTINUE, IGNORE):
            return
        if pref == STOP:
            rte.suppress_prompt_in_interpreter = True  # type: ignore[attr-defined]
            raise rte
        if not has_traps and rte.was_thrown_from_throw_statement:
            raise rte
        self.pipeline_state.failed = True
        self.report_error(record_with_exception(rte.error_record, rte, rte))
        self.last_success = False

    def _process_traps(self, rte: RuntimeException, handlers: list[Any],
                       out: Callable[[Any], None]) -> str:
        """Runs the trap matching ``rte`` (inner exception first, as pwsh);
        returns the resulting action: SilentlyContinue after ``continue``,
        Stop after ``break`` or when no trap matches, else the preference."""
        inner = rte.inner_exception
        index, exception = -1, None
        if inner is not None:
            index = find_handler(inner, [types for types, _ in handlers])
            exception = inner
        if index == -1 or handlers[index][0] is None:
            outer = find_handler(rte, [types for types, _ in handlers])
            if outer != index:
                index, exception = outer, rte
        if index == -1:
            return STOP
        record = record_with_exception(rte.error_record, rte, exception)
        try:
            try:
                handlers[index][1](self, record, out)
            except ContinueException:
                return SILENTLY_CONTINUE
            except BreakException:
                return STOP
        finally:
            self.last_success = False
        pref = self.preference("ErrorActionPreference")
        return CONTINUE if pref == INQUIRE else pref


def is_terminating(rte: RuntimeException) -> bool:
    """Errors that no preference can continue past: ``-ErrorAction Stop``
    (ActionPreferenceStopException) and errors a trap or Stop re-raised."""
    return isinstance(rte, ActionPreferenceStopException) or \
        getattr(rte, "suppress_prompt_in_interpreter", False)


def stop_message(variable: str, message: str) -> str:
    return (f'The running command stopped because the preference variable "{variable}" or common '
            f'parameter is set to Stop: {message}')


def _lock_stack_trace(record: ErrorRecord, extent: Any) -> None:
    """pwsh's LockScriptStackTrace: the frames the error is in, once."""
    if record.script_stack_trace is None:
        from .call_stack import script_stack_trace  # loaded by the first error recorded
        info = record.invocation_info
        position = getattr(info, "extent", None) or extent
        record.script_stack_trace = script_stack_trace(position.start_line if position is not None else None)


def action_preference_stop(record: ErrorRecord, variable: str) -> ActionPreferenceStopException:
    """The exception ``Stop`` turns an error record into; its ErrorRecord is
    the original one, so ``catch`` and the host see the original error."""
    return ActionPreferenceStopException(stop_message(variable, record.message), record.exception,
                                         error_record=record)


def _host_text(obj: Any, separator: str) -> str:
    """Write-Host's text: collections are joined with ``separator``."""
    items = iter_collection(obj) if not isinstance(obj, str) else None
    if items is None:
        return conversions.to_string(obj)
    return separator.join(_host_text(item, separator) for item in items)


def _register_parser_api() -> None:
    """The parser API's .NET types (``[...Language.Parser]``, the AST node
    types) load with the other lazy type families: most runs never use them."""
    from .parser_api import register
    register()


register_lazy_family(_register_parser_api)
