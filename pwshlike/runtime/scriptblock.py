"""ScriptBlock values and their invocation.

A :class:`ScriptBlock` is a script block AST plus its lazily compiled
code (shared by every ScriptBlock made from the same AST, so a ``{ }``
literal evaluated in a loop compiles once).  :class:`ScriptBlockInvocation`
runs one invocation: it owns the scope, binds the parameter variables and
runs the named blocks, ``begin``/``process``/``end`` as a command processor
calls them, so functions stream in pipelines as pwsh's do.

The compiler sits above this module (it turns ``{ }`` literals into
ScriptBlocks) and installs the function that compiles an AST through
:func:`register_compiler` when it loads; every ExecutionContext imports the
compiler, so no code runs before it is installed.
"""

from __future__ import annotations

from sys import getrefcount

from ..dotnet.conversions import to_bool, to_string
from ..dotnet.errors import (ParseException, PSInvalidOperationException, PSNotSupportedException, RuntimeException,
                             ScriptCallDepthException)
from ..dotnet.methodcall import invocation_error
from ..dotnet.types import ensure_lazy_types
from ..dotnet.values import ArrayList, iter_collection
from ..language import parse_input
from ..language.ast import CommandAst, FunctionDefinitionAst, PipelineAst
from . import active
from .flow import ExitException, ReturnException
from .pipeline import NO_INPUT, SteppablePipeline
from .scopes import PSVariable, Scope, new_session_state, state_scope

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Iterator, Optional

MAX_CALL_DEPTH = 1000
"""Nested script block invocations allowed before ScriptCallDepthException."""


class ScriptBlockCode:
    """The compiled-on-demand code behind ScriptBlocks made from one AST.

    ``function_parameters`` are the ParameterAsts written after a function's
    name (``function f($a) {}``), which pwsh treats as the param block."""

    __slots__ = ("ast", "function_parameters", "_compiled")

    def __init__(self, ast: Any, function_parameters: Optional[list] = None) -> None:
        self.ast = ast
        self.function_parameters = function_parameters
        self._compiled: Any = None

    def compiled(self) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _compile(self.ast, self.function_parameters)
        return compiled


def _compiler_missing(ast: Any, function_parameters: Optional[list]) -> Any:
    raise RuntimeError("pwshlike.runtime.compiler is not loaded: it installs the script block compiler")


_compile: Callable[[Any, Optional[list]], Any] = _compiler_missing
"""Compiles a ScriptBlockAst (with a function's parameters) to its
CompiledScriptBlock.  The compiler, which sits above this module (it
compiles ``{ }`` literals into ScriptBlocks), installs it when it loads
through :func:`register_compiler`."""


def _steppable_missing(pipeline: Any) -> Callable[[Any, bool], list]:
    raise RuntimeError("pwshlike.runtime.compiler is not loaded: it installs the steppable pipeline compiler")


_steppable_processors: Callable[[Any], Callable[[Any, bool], list]] = _steppable_missing
"""Compiles a PipelineAst for a steppable pipeline: the function making its
processors in a context, the first one expecting input or not.  The
compiler installs it when it loads (:func:`register_steppable_compiler`)."""

_ONE_CLAUSE_ONLY = ("The script block cannot be converted because it contains more than one clause. Expressions or "
                    "control structures are not permitted. Verify that the script block contains exactly one "
                    "pipeline or command.")
_ONE_PIPELINE_ONLY = ("Only a script block that contains exactly one pipeline or command can be converted. "
                      "Expressions or control structures are not permitted. Verify that the script block contains "
                      "exactly one pipeline or command.")
_EMPTY_PIPELINE = ("An empty script block cannot be converted. Verify that the script block contains exactly one "
                   "pipeline or command.")


def register_compiler(compile_script_block: Callable[[Any, Optional[list]], Any]) -> None:
    """Installs the function ScriptBlockCode compiles its AST with (called
    once, by pwshlike.runtime.compiler at import)."""
    global _compile
    _compile = compile_script_block


def register_steppable_compiler(compile_pipeline: Callable[[Any], Callable[[Any, bool], list]]) -> None:
    """Installs ``compile_pipeline(pipeline_ast)`` (called once, by
    pwshlike.runtime.compiler at import)."""
    global _steppable_processors
    _steppable_processors = compile_pipeline


class InputEnumerator:
    """``$input``: an enumerator over a function's pipeline input, with the
    .NET enumerator members scripts use (MoveNext/Current/Reset)."""

    __slots__ = ("_items", "_index")
    full_name = "System.Collections.ArrayList+ArrayListEnumeratorSimple"
    PS_MEMBERS = {"MoveNext": "move_next", "Current": "current", "Reset": "reset"}

    def __init__(self, items: list[Any]) -> None:
        self._items = items
        self._index = -1

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        index = self._index + 1
        if index >= len(self._items):
            self._index = len(self._items)
            raise StopIteration
        self._index = index
        return self._items[index]

    def move_next(self) -> bool:
        if self._index + 1 >= len(self._items):
            self._index = len(self._items)
            return False
        self._index += 1
        return True

    @property
    def current(self) -> Any:
        if 0 <= self._index < len(self._items):
            return self._items[self._index]
        return None

    def reset(self) -> None:
        self._index = -1

    def __repr__(self) -> str:
        return f"InputEnumerator({self._items!r})"


class ScriptBlock:
    """``[scriptblock]``.  ``str()`` is the text between the braces.

    ``is_script`` marks a script file's block: invoking it creates a script
    scope (the one ``$script:`` names) and ``exit`` inside it ends only that
    script unless ``catches_exit`` is False (the top-level script of a run).

    ``state`` is the session state the block is bound to (the root scope
    naming it, see ``scopes.Scope``): a ``{ }`` literal or a function is
    bound to the state it was created in, so a block a caller hands to a
    module function runs on the caller's scopes and sees the caller's
    variables and functions, as pwsh's ScriptBlock.SessionStateInternal
    does.  None (``[scriptblock]::Create``, script files) runs in whatever
    state invokes it."""

    __slots__ = ("code", "context", "state", "is_script", "catches_exit", "name")
    full_name = "System.Management.Automation.ScriptBlock"
    PS_MEMBERS = {"Invoke": "invoke_as_method", "InvokeReturnAsIs": "invoke_return_as_is_as_method",
                  "GetNewClosure": "get_new_closure", "Ast": "public_ast", "File": "file",
                  "IsFilter": "is_filter", "StartPosition": "start_position",
                  "Module": "module", "Attributes": "attributes", "ToString": "__str__",
                  "CheckRestrictedLanguage": "check_restricted_language",
                  "GetSteppablePipeline": "get_steppable_pipeline"}

    def __init__(self, code: ScriptBlockCode, context: Any = None, *, is_script: bool = False,
                 state: Optional[Scope] = None, name: str = "") -> None:
        self.code = code
        self.context = context
        self.state = state
        self.is_script = is_script
        self.catches_exit = is_script
        self.name = name

    @classmethod
    def create(cls, text: str, context: Any = None, file: Optional[str] = None) -> "ScriptBlock":
        """``[scriptblock]::Create(text)``: parses ``text``; a parse error
        raises ParseException with pwsh's messages."""
        ast, _tokens, errors = parse_input(text, file)
        if errors:
            raise ParseException(errors=errors)
        return cls(ScriptBlockCode(ast), context)

    # --- what the commands layer reads ------------------------------------------------

    @property
    def ast(self) -> Any:
        return self.code.ast

    @property
    def public_ast(self) -> Any:
        """``$sb.Ast``: the node scripts see, so the AST's .NET types (which
        register on first use) must be in place before it is handed out.  A
        function's block answers with its whole definition, as in pwsh."""
        ensure_lazy_types()
        ast = self.code.ast
        return ast.parent if isinstance(ast.parent, FunctionDefinitionAst) else ast

    @property
    def file(self) -> Optional[str]:
        return self.code.ast.extent.file

    @property
    def start_position(self) -> Any:
        return self.code.ast.extent

    @property
    def module(self) -> Any:
        """``$sb.Module``: the module whose session state the block is bound
        to ($null for the session's own state or an unbound block)."""
        state = self.state
        return None if state is None else getattr(state, "module", None)

    def check_restricted_language(self, allowed_commands: Any, allowed_variables: Any,
                                  allow_environment: Any) -> None:
        """``$sb.CheckRestrictedLanguage(commands, variables, allowEnv)``:
        a ParseException listing each construct the restricted language
        refuses (null commands allow any; null variables the defaults)."""
        from ..language.restricted import RestrictedLanguageChecker  # scripts seldom ask: loaded then
        checker = RestrictedLanguageChecker(_names(allowed_commands), _names(allowed_variables),
                                            to_bool(allow_environment))
        errors = checker.check_script_block(self.code.ast)
        if errors:
            raise ParseException(errors=errors)

    def get_steppable_pipeline(self, *_origin_and_args: Any) -> SteppablePipeline:
        """``$sb.GetSteppablePipeline()``: the block's one pipeline of
        commands, to be stepped by the caller (proxy commands); its
        arguments are evaluated and bound when it begins, in the scope
        that begins it."""
        return SteppablePipeline(self._context(), _steppable_processors(self._single_pipeline()))

    def _single_pipeline(self) -> Any:
        """pwsh's GetSimplePipeline: one pipeline starting with a command."""
        ast = self.code.ast
        end = ast.end_block
        if ast.begin_block is not None or ast.process_block is not None or ast.clean_block is not None:
            raise PSInvalidOperationException(_ONE_CLAUSE_ONLY)
        statements = end.statements if end is not None else []
        if not statements:
            raise PSInvalidOperationException(_EMPTY_PIPELINE)
        if end.traps:
            raise PSInvalidOperationException("A script block that contains a top-level trap statement cannot be "
                                              "converted.")
        pipeline = statements[0]
        if len(statements) > 1 or not isinstance(pipeline, PipelineAst):
            raise PSInvalidOperationException(_ONE_PIPELINE_ONLY)
        if not isinstance(pipeline.pipeline_elements[0], CommandAst):
            raise PSInvalidOperationException(_EMPTY_PIPELINE)
        return pipeline

    def bound_to(self, state: Optional[Scope]) -> "ScriptBlock":
        """A copy of this block bound to another session state (pwsh's
        ``$module.NewBoundScriptBlock``, ``& $module { }``)."""
        return ScriptBlock(self.code, self.context, is_script=self.is_script, state=state, name=self.name)

    @property
    def param_block(self) -> Any:
        """The ParamBlockAst (attributes such as ``[CmdletBinding()]``), or None."""
        return self.code.ast.param_block

    @property
    def parameters(self) -> list[Any]:
        """The ParameterAsts, from ``function f(...)`` or the param block."""
        if self.code.function_parameters is not None:
            return list(self.code.function_parameters)
        block = self.code.ast.param_block
        return list(block.parameters) if block is not None else []

    @property
    def attributes(self) -> list[Any]:
        block = self.code.ast.param_block
        return list(block.attributes) if block is not None else []

    @property
    def is_filter(self) -> bool:
        return bool(self.code.ast.is_filter)

    @property
    def has_process_block(self) -> bool:
        return self.code.compiled().process is not None

    def __str__(self) -> str:
        ast = self.code.ast
        text = ast.extent.text
        if ast.parent is not None and text.startswith("{") and text.endswith("}"):
            text = text[1:-1]
        header = self.code.function_parameters
        if header is not None:
            # pwsh's text for `function f($a, $b) { ... }` keeps the parameters
            # as a param() line before the body (what Definition shows).
            text = "param(" + ", ".join(p.extent.text for p in header) + ")\n" + text
        return text

    def __repr__(self) -> str:
        return f"ScriptBlock({str(self)!r})"

    def _context(self) -> Any:
        if self.context is not None:
            return self.context
        return active.context

    # --- invocation ------------------------------------------------------------------

    def begin_invocation(self, ctx: Any, *, new_scope: bool = True,
                         variables: Optional[dict[str, Any]] = None, args: Iterable[Any] = (),
                         emit: Callable[[Any], None] = lambda _o: None,
                         dollar_input: Optional[Iterable[Any]] = None,
                         this: Any = None, advanced: bool = False) -> "ScriptBlockInvocation":
        """Prepares one invocation.  ``variables`` maps parameter names (and
        any other variables to define, e.g. PSBoundParameters, MyInvocation,
        PSCmdlet) to values; parameters absent from it get their default
        values.  ``args`` becomes ``$args``.  Output goes to ``emit``.
        ``dollar_input``, when given, is what ``$input`` enumerates in the end
        block instead of the collected pipeline input.  ``advanced`` (a
        function with CmdletBinding) gives ``$input`` as pwsh's script cmdlets
        do: an ArrayList in begin and process, an object[] in end."""
        invocation = ScriptBlockInvocation(self, ctx, new_scope, variables, args, emit, dollar_input, this)
        if advanced:
            invocation.advanced_input = ArrayList()
        return invocation

    def invoke(self, *args: Any) -> list[Any]:
        """``$sb.Invoke(args)``: runs in a new scope, binding ``args``
        positionally to the declared parameters, the rest to ``$args``."""
        result: list[Any] = []
        variables, rest = self.bind_positionally(args)
        invocation = ScriptBlockInvocation(self, self._context(), True, variables, rest,
                                           result.append, None, None)
        invocation.run(NO_INPUT)
        return result

    def invoke_as_method(self, *args: Any) -> list[Any]:
        """``$sb.Invoke(args)`` called from a script: a terminating error in
        the block surfaces as the method's failure, as pwsh reports a .NET
        method that throws (MethodInvocationException: ``Exception calling
        "Invoke" with "N" argument(s): ...``, the error inside it)."""
        try:
            return self.invoke(*args)
        except RuntimeException as exc:
            raise invocation_error("Invoke", len(args), exc) from exc

    def invoke_return_as_is_as_method(self, *args: Any) -> Any:
        """``$sb.InvokeReturnAsIs(args)`` called from a script (see ``invoke_as_method``)."""
        try:
            return self.invoke_return_as_is(*args)
        except RuntimeException as exc:
            raise invocation_error("InvokeReturnAsIs", len(args), exc) from exc

    def bind_positionally(self, args: Iterable[Any]) -> tuple[dict[str, Any], list[Any]]:
        """The simple binding ``.Invoke()`` uses: values to the declared
        parameters in order, the rest for ``$args``."""
        values = list(args)
        names = [p.name.name for p in self.parameters]
        return dict(zip(names, values)), values[len(names):]

    def invoke_return_as_is(self, *args: Any) -> Any:
        result = self.invoke(*args)
        if not result:
            return None
        return result[0] if len(result) == 1 else result

    def invoke_with_input(self, dollar_under: Any, args: Iterable[Any] = (), *,
                          new_scope: bool = True, emit: Optional[Callable[[Any], None]] = None,
                          this: Any = None) -> Optional[list[Any]]:
        """Runs the whole block once with ``$_`` set to ``dollar_under``
        (``-replace`` callbacks, ``.ForEach{}``/``.Where{}``, ForEach-Object
        and Where-Object, which pass ``new_scope=False`` to run in the
        caller's scope as pwsh does).  Output goes to ``emit`` when given,
        else it is collected and returned."""
        result: Optional[list[Any]] = None
        if emit is None:
            result = []
            emit = result.append
        ctx = self._context()
        compiled = self.code.compiled()
        if not new_scope and not args and this is None and dollar_under is not NO_INPUT \
                and not compiled.params and compiled.clean is None and not self.catches_exit \
                and (self.state is None or self.state is ctx.scope.state):
            _run_with_underbar(ctx, (compiled.begin, compiled.process, compiled.end), dollar_under, emit)
            return result
        invocation = ScriptBlockInvocation(self, ctx, new_scope, None, args, emit, None, this)
        invocation.run(dollar_under)
        return result

    def underbar_runner(self) -> Callable[[Any, Callable[[Any], None]], None]:
        """``run(obj, emit)``, doing what ``invoke_with_input(obj,
        new_scope=False, emit=emit)`` does, for a command that runs this
        block once per input object (ForEach-Object, Where-Object): what
        depends only on the block (its parameters, clean block, compiled
        code) is looked at once here; what depends on the call (the
        context, the current scope's session state, the object) still is
        per call, and anything unusual takes ``invoke_with_input``."""
        compiled = self.code.compiled()
        if compiled.params or compiled.clean is not None or self.catches_exit:
            def general(dollar_under: Any, emit: Callable[[Any], None]) -> None:
                self.invoke_with_input(dollar_under, new_scope=False, emit=emit)
            return general
        context, state = self.context, self.state
        blocks = tuple(block for block in (compiled.begin, compiled.process, compiled.end) if block is not None)

        def run(dollar_under: Any, emit: Callable[[Any], None]) -> None:
            ctx = context if context is not None else active.context
            scope = ctx.scope
            if dollar_under is NO_INPUT or (state is not None and state is not scope.state):
                self.invoke_with_input(dollar_under, new_scope=False, emit=emit)
                return
            _run_with_underbar(ctx, blocks, dollar_under, emit)
        return run

    def item_invoker(self, args: tuple[Any, ...] = ()) -> Callable[[Any], list[Any]]:
        """``invoke(item)``: the block run once for ``item`` as the
        ``.Where{}`` intrinsic runs it (pwsh's InvokeWithPipeImpl with
        createLocalScope false and its one clause: the process block, else
        the end block), returning what it wrote: dotted into the caller's
        current scope (see ``dotted_runner``).  A block of several clauses
        (or a begin or clean block) is refused, as pwsh's GetCodeToInvoke
        refuses it."""
        compiled = self.code.compiled()
        if compiled.begin is not None or compiled.clean is not None \
                or (compiled.process is not None and compiled.end is not None):
            raise PSInvalidOperationException(
                "The script block cannot be invoked because it contains more than one clause. The Invoke() "
                "method can only be used on script blocks that contain a single clause.",
                error_id="ScriptBlockInvokeOnOneClauseOnly")
        run = self.dotted_runner(args)
        blocks = tuple(block for block in (compiled.process, compiled.end) if block is not None)

        def invoke(item: Any) -> list[Any]:
            result: list[Any] = []
            run(blocks, item, result.append)
            return result
        return invoke

    def intrinsic_foreach(self, items: Iterable[Any], args: tuple[Any, ...] = ()) -> list[Any]:
        """The ``.ForEach{}`` intrinsic, as pwsh's MiscOps.ForEach runs a
        script block: the begin block once (no ``$_``), the process block
        (the end block when there is none) for each item, then, after a
        process block, the end block once with ``$_`` the last item; each
        call dotted into the caller's scope with ``args`` (``dotted_runner``).
        A block with a clean block is refused."""
        compiled = self.code.compiled()
        if compiled.clean is not None:
            raise PSNotSupportedException("Script block with a 'clean' block is not supported by the 'ForEach' "
                                          "method.")
        run = self.dotted_runner(args)
        result: list[Any] = []
        emit = result.append
        if compiled.begin is not None:
            run((compiled.begin,), NO_INPUT, emit)
        each = (compiled.process if compiled.process is not None else compiled.end,)
        item: Any = None
        if each[0] is not None:
            for item in items:
                run(each, item, emit)
        if compiled.process is not None and compiled.end is not None:
            run((compiled.end,), item, emit)
        return result

    def dotted_runner(self, args: tuple[Any, ...] = ()
                      ) -> Callable[[tuple[Any, ...], Any, Callable[[Any], None]], None]:
        """``run(blocks, dollar_under, emit)``: the given compiled blocks
        run as pwsh's InvokeWithPipeImpl runs them with createLocalScope
        false (the ``.ForEach{}`` and ``.Where{}`` intrinsics): in the
        caller's current scope (the block's session state's, for a block
        bound to another), with ``$_`` (unless NO_INPUT), ``$args`` and the
        parameters (bound positionally from ``args``, defaults for the rest)
        set for the call and the scope's own put back afterwards, as pwsh's
        dotted locals and backupWhenDotting are; any other variable the block
        sets stays in the scope."""
        compiled = self.code.compiled()
        context, state = self.context, self.state
        if compiled.params:
            variables, rest = self.bind_positionally(args)
        else:
            variables, rest = None, list(args)
        keys = ("_", "args") + tuple(param.key for param in compiled.params)
        if not compiled.params and not self.catches_exit:
            return self._plain_dotted_runner(rest)

        def run(blocks: tuple[Any, ...], dollar_under: Any, emit: Callable[[Any], None]) -> None:
            ctx = context if context is not None else active.context
            invocation = ScriptBlockInvocation(self, ctx, False, variables, rest, emit, None, None)
            scope_vars = state_scope(ctx, state).vars
            saved = [scope_vars.get(key) for key in keys]
            try:
                invocation._bind()
                scope_vars["args"] = PSVariable("args", list(rest))
                if dollar_under is not NO_INPUT:
                    scope_vars["_"] = PSVariable("_", dollar_under)
                for block in blocks:
                    if not invocation.exited:
                        invocation._run_block(block)
            finally:
                for key, var in zip(keys, saved):
                    if var is None:
                        scope_vars.pop(key, None)
                    else:
                        scope_vars[key] = var
        return run

    def _plain_dotted_runner(self, rest: list[Any]
                             ) -> Callable[[tuple[Any, ...], Any, Callable[[Any], None]], None]:
        """``dotted_runner`` for a block without parameters: the steps
        ScriptBlockInvocation._bind and _run_block take for it written out,
        without an invocation object (a block bound to another session state
        than the caller's takes the invocation)."""
        context, state = self.context, self.state

        def run(blocks: tuple[Any, ...], dollar_under: Any, emit: Callable[[Any], None]) -> None:
            ctx = context if context is not None else active.context
            scope = ctx.scope
            if state is not None and state is not scope.state:
                invocation = ScriptBlockInvocation(self, ctx, False, None, rest, emit, None, None)
                scope = ctx.state_scopes.get(state, state)
            else:
                invocation = None
            scope_vars = scope.vars
            saved_underbar, saved_args = scope_vars.get("_"), scope_vars.get("args")
            try:
                scope_vars["args"] = PSVariable("args", list(rest))
                if dollar_under is not NO_INPUT:
                    scope_vars["_"] = PSVariable("_", dollar_under)
                for block in blocks:
                    if invocation is not None:
                        invocation._bind()
                        invocation._run_block(block)
                        continue
                    saved_traps = ctx.traps
                    ctx.traps = []
                    depth = ctx.call_depth = ctx.call_depth + 1
                    try:
                        if depth > MAX_CALL_DEPTH:
                            raise ScriptCallDepthException(None)
                        block(ctx, emit)
                    except ReturnException:
                        pass
                    finally:
                        ctx.scope = scope
                        ctx.traps = saved_traps
                        ctx.call_depth -= 1
            finally:
                if saved_underbar is None:
                    scope_vars.pop("_", None)
                else:
                    scope_vars["_"] = saved_underbar
                if saved_args is None:
                    scope_vars.pop("args", None)
                else:
                    scope_vars["args"] = saved_args
        return run

    def underbar_loop(self, emit: Callable[[Any], None], test: Optional[Callable[[list[Any]], bool]] = None
                      ) -> Callable[[Iterable[Any], Callable[[Any], None]], None]:
        """``each(objects, settle)``: for each object in turn, what
        ``underbar_runner()(obj, emit)`` does (ForEach-Object); with
        ``test``, the block's output is collected instead and the object
        itself emitted when ``test(output)`` holds (Where-Object; a lone
        boolean is taken as it is, as ``test`` would).  The
        loop ForEach-Object and Where-Object spend their time in: the
        runner's per-call checks are made for each object, and its body
        (_run_with_underbar) is written out in the loop rather than called.
        ``settle(obj)`` is called with the last object taken when the loop
        ends or fails (Cmdlet.input_loop)."""
        run = self.underbar_runner()

        def one(obj: Any) -> None:
            if test is None:
                run(obj, emit)
                return
            output: list[Any] = []
            run(obj, output.append)
            if test(output):
                emit(obj)

        compiled = self.code.compiled()
        if compiled.params or compiled.clean is not None or self.catches_exit:
            def general(objects: Iterable[Any], settle: Callable[[Any], None]) -> None:
                obj = _NOTHING
                try:
                    for obj in objects:
                        one(obj)
                finally:
                    if obj is not _NOTHING:
                        settle(obj)
            return general
        context, state = self.context, self.state
        blocks = tuple(block for block in (compiled.begin, compiled.process, compiled.end) if block is not None)
        single = blocks[0] if len(blocks) == 1 else None  # the usual { ... }: one (end) block

        # A lone expression statement with a test (Where-Object { $_.V -gt 5 }): its value is
        # read directly and a boolean judged as it is; anything else is finished as the
        # statement would write it (compile_support.DirectStatement).
        direct = getattr(single, "direct", None) if test is not None else None

        def each(objects: Iterable[Any], settle: Callable[[Any], None]) -> None:
            underbar: Any = None  # the previous object's $_ variable, reused when nothing kept it
            obj = _NOTHING
            # The loop runs in one context and scope: each object's run puts ctx.scope back.
            ctx = context if context is not None else active.context
            scope = ctx.scope
            scope_vars = scope.vars
            foreign = state is not None and state is not scope.state
            try:
                for obj in objects:
                    if obj is NO_INPUT or foreign:
                        one(obj)
                        continue
                    if test is None:
                        out = emit
                    else:
                        output: list[Any] = []
                        out = output.append
                    # _run_with_underbar(ctx, blocks, obj, out), inlined; a new $_ variable for each
                    # object, unless the previous one is referenced from nowhere but here (so
                    # nothing can tell it apart from a new one) and is as new.
                    saved_underbar = scope_vars.get("_")
                    if underbar is not None and getrefcount(underbar) == 2 and underbar.fast \
                            and underbar.name == "_" and not underbar.options and underbar.type_constraint is None \
                            and underbar.attributes is _NO_ATTRIBUTES and not underbar.description:
                        underbar.value = obj
                    else:
                        underbar = PSVariable("_", obj)
                    scope_vars["_"] = underbar
                    saved_traps = ctx.traps
                    ctx.traps = []
                    depth = ctx.call_depth = ctx.call_depth + 1
                    try:
                        if depth > MAX_CALL_DEPTH:
                            raise ScriptCallDepthException(None)
                        if single is not None:
                            try:
                                single(ctx, out)
                            except ReturnException:
                                pass
                        else:
                            for block in blocks:
                                try:
                                    block(ctx, out)
                                except ReturnException:
                                    pass
                    finally:
                        ctx.scope = scope
                        ctx.traps = saved_traps
                        ctx.call_depth -= 1
                        if saved_underbar is None:
                            scope_vars.pop("_", None)
                        else:
                            scope_vars["_"] = saved_underbar
                    if test is not None:
                        first = output[0] if len(output) == 1 else None
                        if first is True or (first is not False and test(output)):
                            emit(obj)
            finally:
                if obj is not _NOTHING:
                    settle(obj)
        if direct is None:
            return each
        value, finish, status, extent = direct

        def each_direct(objects: Iterable[Any], settle: Callable[[Any], None]) -> None:
            """``each`` for a lone expression statement with a test: the
            value read directly, a boolean judged as it is; anything else
            (or an error) written to a list as the statement writes it."""
            underbar: Any = None
            obj = _NOTHING
            ctx = context if context is not None else active.context
            scope = ctx.scope
            scope_vars = scope.vars
            foreign = state is not None and state is not scope.state
            # The block and what it calls put back the $_ they found, so the scope's own changes
            # only when the commands after this one run; the block sees no trap of the caller's.
            saved_underbar = scope_vars.get("_")
            no_traps: list[Any] = []
            try:
                for obj in objects:
                    if obj is NO_INPUT or foreign:
                        one(obj)
                        continue
                    if underbar is not None and getrefcount(underbar) == 2 and underbar.fast \
                            and underbar.name == "_" and not underbar.options and underbar.type_constraint is None \
                            and underbar.attributes is _NO_ATTRIBUTES and not underbar.description:
                        underbar.value = obj
                    else:
                        underbar = PSVariable("_", obj)
                    scope_vars["_"] = underbar
                    saved_traps = ctx.traps
                    ctx.traps = no_traps
                    depth = ctx.call_depth = ctx.call_depth + 1
                    output: Optional[list[Any]] = None
                    result: Any = False
                    try:
                        if depth > MAX_CALL_DEPTH:
                            raise ScriptCallDepthException(None)
                        try:
                            result = value(ctx)
                        except Exception as exc:
                            output = []
                            ctx.statement_error(exc, extent, output.append)
                        else:
                            if result.__class__ is bool:
                                if status:
                                    ctx.last_success = True
                            else:
                                output = []
                                finish(ctx, result, output.append)
                    except ReturnException:
                        if output is None:
                            output = []
                    finally:
                        ctx.scope = scope
                        ctx.traps = saved_traps
                        ctx.call_depth -= 1
                        if saved_underbar is None:
                            scope_vars.pop("_", None)
                        else:
                            scope_vars["_"] = saved_underbar
                    if output is None:
                        if not result:
                            continue
                    elif not test(output):  # type: ignore[misc]
                        continue
                    emit(obj)
                    saved_underbar = scope_vars.get("_")  # what the commands after it left (Set-Variable _)
            finally:
                if obj is not _NOTHING:
                    settle(obj)
        return each_direct

    def get_new_closure(self) -> "ScriptBlock":
        """``GetNewClosure()``: a copy bound to a new dynamic module's
        session state holding copies of the current scope's plain variables
        (no options), as pwsh's PSModuleInfo.CaptureLocals: the closure sees
        those values and the global scope, not the functions, outer scopes
        or later changes of the scope it was made in."""
        ctx = self._context()
        closure = new_session_state(ctx.session.global_scope)
        for key, var in ctx.scope.vars.items():
            if not var.options:
                closure.vars[key] = PSVariable(var.name, var.value, 0, var.type_constraint, var.attributes)
        return ScriptBlock(self.code, ctx, is_script=self.is_script, state=closure, name=self.name)


class ScriptBlockInvocation:
    """One running invocation of a ScriptBlock (a function call, ``& {}``,
    a script).  The commands layer calls ``begin()``, ``process(obj)`` per
    input object (``NO_INPUT`` when there is none) and ``end()``, then
    ``clean()`` whatever happened."""

    __slots__ = ("sb", "ctx", "new_scope", "variables", "args", "emit", "dollar_input", "this",
                 "scope", "compiled", "collected", "_bound", "exited", "ran", "cleaned", "advanced_input")

    def __init__(self, sb: ScriptBlock, ctx: Any, new_scope: bool,
                 variables: Optional[dict[str, Any]], args: Iterable[Any],
                 emit: Callable[[Any], None], dollar_input: Optional[Iterable[Any]],
                 this: Any) -> None:
        self.sb = sb
        self.ctx = ctx
        self.new_scope = new_scope
        self.variables = variables
        self.args = args
        self.emit = emit
        self.dollar_input = dollar_input
        self.this = this
        self.scope: Optional[Scope] = None
        self.compiled = sb.code.compiled()
        self.collected: Optional[list[Any]] = None
        self._bound = False
        self.exited = False
        # Whether a begin, process or end block ran (only then does clean
        # run, as in pwsh), and whether clean has run (it runs once).
        self.ran = False
        self.cleaned = False
        # An advanced function's pipeline input, pwsh's PSScriptCmdlet._input (None for other blocks).
        self.advanced_input: Optional[ArrayList] = None

    # --- the command protocol ----------------------------------------------------------

    def begin(self) -> None:
        self._bind()
        block = self.compiled.begin
        if block is not None:
            if self.advanced_input is not None:
                _set_local(self.scope.vars, "input", "input", self.advanced_input)  # type: ignore[union-attr]
            self.ran = True
            self._run_block(block)

    def process(self, input_object: Any) -> None:
        compiled = self.compiled
        block = compiled.process
        if self.exited:
            return
        if self.advanced_input is not None:
            self._advanced_process(input_object, block)
            return
        if block is None:
            if input_object is not NO_INPUT:
                collected = self.collected
                if collected is None:
                    collected = self.collected = []
                collected.append(input_object)
            return
        scope_vars = self.scope.vars  # type: ignore[union-attr]
        if input_object is not NO_INPUT:
            _set_local(scope_vars, "_", "_", input_object)
            if compiled.process_uses_input:
                _set_local(scope_vars, "input", "input", InputEnumerator([input_object]))
        elif compiled.process_uses_input:
            _set_local(scope_vars, "input", "input", InputEnumerator([]))
        self.ran = True
        self._run_block(block)

    def _advanced_process(self, input_object: Any, block: Any) -> None:
        """pwsh's script cmdlet: the input object joins ``$input`` (an
        ArrayList), which the process block sees and which is emptied after
        it; without a process block the input accumulates for end."""
        pending = self.advanced_input
        if block is None:
            if input_object is not NO_INPUT:
                pending.append(input_object)  # type: ignore[union-attr]
            return
        scope_vars = self.scope.vars  # type: ignore[union-attr]
        self.ran = True
        if input_object is not NO_INPUT:
            _set_local(scope_vars, "_", "_", input_object)
        if not self.compiled.process_uses_input:
            self._run_block(block)
            return
        if input_object is not NO_INPUT:
            pending.append(input_object)  # type: ignore[union-attr]
        _set_local(scope_vars, "input", "input", pending)
        try:
            self._run_block(block)
        finally:
            pending.clear()  # type: ignore[union-attr]

    def end(self) -> None:
        block = self.compiled.end
        if block is None or self.exited:
            return
        if self.dollar_input is not None:
            source = self.dollar_input
        elif self.advanced_input is not None:
            source = list(self.advanced_input)  # an object[], as pwsh's script cmdlets give the end block
        else:
            source = InputEnumerator(self.collected or [])
        _set_local(self.scope.vars, "input", "input", source)  # type: ignore[union-attr]
        self.ran = True
        self._run_block(block)

    def run_alone(self) -> None:
        """The whole command protocol with no pipeline input, clean included
        whatever happens: how a script, a module body or ``ScriptsToProcess``
        runs as a command of its own."""
        try:
            self.begin()
            self.process(NO_INPUT)
            self.end()
        finally:
            self.clean()

    def clean(self) -> None:
        """pwsh 7.3's ``clean`` block: once, after the other blocks finished,
        failed or were stopped, if one of them ran.  Its success output is
        discarded (other streams are not) and ``exit`` in it only ends it."""
        block = self.compiled.clean
        if block is None or not self.ran or self.cleaned:
            return
        self.cleaned = True
        try:
            self._run_block(block, _discard)
        except ExitException as exc:
            self.ctx.last_exit_code = exc.code

    def run(self, dollar_under: Any) -> None:
        """All blocks at once, with ``$_`` set (when not NO_INPUT) for every
        block: how ``invoke_with_input`` and ``.Invoke()`` run a block.  In
        the caller's scope (``new_scope`` False) the caller's ``$_`` is put
        back afterwards."""
        self._bind()
        scope_vars = self.scope.vars  # type: ignore[union-attr]
        saved_underbar = scope_vars.get("_")
        if dollar_under is not NO_INPUT:
            scope_vars["_"] = PSVariable("_", dollar_under)
        try:
            compiled = self.compiled
            for block in (compiled.begin, compiled.process, compiled.end):
                if block is not None and not self.exited:
                    self.ran = True
                    self._run_block(block)
        finally:
            if not self.new_scope and dollar_under is not NO_INPUT:
                if saved_underbar is None:
                    scope_vars.pop("_", None)
                else:
                    scope_vars["_"] = saved_underbar
            self.clean()

    # --- internals ------------------------------------------------------------------------

    def _bind(self) -> None:
        """Creates the scope and the parameter and automatic variables."""
        ctx = self.ctx
        sb = self.sb
        # Bound to another session state, it runs on that state's stack.
        scope = state_scope(ctx, sb.state)
        if self.new_scope:
            scope = Scope(scope, sb.is_script)
        self.scope = scope
        self._bound = True
        scope_vars = scope.vars
        given = self.variables or _NO_VARIABLES
        # The names in ``given`` that parameters took (parameter keys are distinct, so no
        # two parameters find the same entry); the other entries become variables after them.
        taken: set[str] = set()
        params = self.compiled.params
        if params:
            saved = ctx.scope
            ctx.scope = scope
            try:
                for param in params:
                    name = param.name
                    if name in given:
                        value = given[name]
                        taken.add(name)
                    else:
                        found = _case_insensitive(given, param.key)
                        if found is not None:
                            value = given[found]
                            taken.add(found)
                        elif param.default is not None:
                            value = param.default(ctx)
                        else:
                            value = _UNSET
                    constraint = param.type_constraint() if param.typed else None
                    if constraint is not None:
                        var = PSVariable(name, None, 0, constraint)
                        if value is not _UNSET:
                            var.value = var.coerce(value)
                        else:
                            # pwsh's TryGetDefaultParameterValue: '' for a string, 0 for a number,
                            # $false for a bool; an enum or other struct stays $null.
                            try:
                                var.value = var.coerce(None)
                            except RuntimeException:
                                pass
                    elif value is _UNSET:
                        var = PSVariable(name, None)
                    else:
                        var = PSVariable(name, value)
                    scope_vars[param.key] = var
            finally:
                ctx.scope = saved
        for name, value in given.items():
            if name not in taken:
                scope_vars[name.lower()] = PSVariable(name, value)
        args = self.args
        if self.new_scope or args:
            scope_vars["args"] = PSVariable("args", list(args))
        if self.this is not None:
            scope_vars["this"] = PSVariable("this", self.this)

    def _run_block(self, block: Callable[[Any, Callable[[Any], None]], None],
                   emit: Optional[Callable[[Any], None]] = None) -> None:
        try:
            run_in_scope(self.ctx, self.scope, block, self.emit if emit is None else emit)  # type: ignore[arg-type]
        except ExitException as exc:
            if not self.sb.catches_exit:
                raise
            self.ctx.last_exit_code = exc.code
            self.exited = True


def run_in_scope(ctx: Any, scope: Scope, block: Callable[[Any, Callable[[Any], None]], None],
                 emit: Callable[[Any], None], sb: Optional[ScriptBlock] = None, invocation: Any = None) -> None:
    """Runs one compiled block of an invocation in ``scope`` (with no traps
    of its own yet, one call deeper); ``return`` ends it.  The caller's
    scope and traps are put back however it ends.

    A function called without a ScriptBlockInvocation (a call plan's lean
    call) passes its script block and ``$MyInvocation``: this frame is then
    where Get-PSCallStack and ``ScriptStackTrace`` find the function on
    the Python stack (runtime.call_stack)."""
    saved_scope, saved_traps = ctx.scope, ctx.traps
    ctx.scope = scope
    left = saved_scope.state
    states = None
    if scope.state is not left:
        # Leaving one session state for another: remember where the one
        # left stands, so its blocks invoked from here run there.
        states = ctx.state_scopes
        previous = states.get(left)
        states[left] = saved_scope
    ctx.traps = []
    depth = ctx.call_depth = ctx.call_depth + 1
    try:
        if depth > MAX_CALL_DEPTH:
            raise ScriptCallDepthException(None)
        block(ctx, emit)
    except ReturnException:
        pass
    finally:
        ctx.scope = saved_scope
        ctx.traps = saved_traps
        ctx.call_depth -= 1
        if states is not None:
            if previous is None:
                del states[left]
            else:
                states[left] = previous


def _run_with_underbar(ctx: Any, blocks: tuple[Any, ...], dollar_under: Any, emit: Callable[[Any], None]) -> None:
    """The common case of ``invoke_with_input`` (ForEach-Object and
    Where-Object run it once per input object): a block without parameters
    or a clean block, run in the caller's scope with ``$_`` set.  It does
    what ScriptBlockInvocation.run does for such a block, without creating
    an invocation object."""
    scope = ctx.scope
    scope_vars = scope.vars
    saved_underbar = scope_vars.get("_")
    scope_vars["_"] = PSVariable("_", dollar_under)
    saved_traps = ctx.traps
    ctx.traps = []
    depth = ctx.call_depth = ctx.call_depth + 1
    try:
        if depth > MAX_CALL_DEPTH:
            raise ScriptCallDepthException(None)
        for block in blocks:  # the compiled begin, process and end blocks (None where absent)
            if block is not None:
                try:
                    block(ctx, emit)
                except ReturnException:
                    pass
    finally:
        ctx.scope = scope
        ctx.traps = saved_traps
        ctx.call_depth -= 1
        if saved_underbar is None:
            scope_vars.pop("_", None)
        else:
            scope_vars["_"] = saved_underbar


_UNSET = object()  # a parameter neither bound nor given a default
_NO_ATTRIBUTES = PSVariable("_").attributes  # what a new variable has
_NOTHING: Any = object()  # no object taken yet


def _names(value: Any) -> Optional[list[str]]:
    """An ``IEnumerable<string>`` argument: None, one string, or a collection."""
    if value is None:
        return None
    items = iter_collection(value)
    return [to_string(v) for v in (items if items is not None else [value])]


def _case_insensitive(given: dict[str, Any], key: str) -> Optional[str]:
    """The first name in ``given`` whose lower-cased form is ``key``, or None."""
    for name in given:
        if name.lower() == key:
            return name
    return None


_NO_VARIABLES: dict[str, Any] = {}
"""The variables of an invocation given none (never changed)."""


def _set_local(scope_vars: dict[str, PSVariable], key: str, name: str, value: Any) -> None:
    """Sets an automatic variable in one scope, reusing its PSVariable."""
    var = scope_vars.get(key)
    if var is not None and var.fast:
        var.value = value
    else:
        scope_vars[key] = PSVariable(name, value)


def _register_type() -> None:
    """``[scriptblock]`` and ``[scriptblock]::Create``: the object model knows
    script blocks only through this registration, made when the runtime
    loads (it never imports the runtime)."""
    from ..dotnet import conversions
    from ..dotnet.types import register_class, register_static_members

    def convert(value: Any) -> Any:
        if value is None or isinstance(value, ScriptBlock):
            return value
        raise conversions.cast_error(value, "System.Management.Automation.ScriptBlock")

    def statics() -> dict[str, tuple[str, Any, bool]]:
        from ..dotnet.statics import make_table
        return make_table({}, {"Create": lambda text: ScriptBlock.create(conversions.to_string(text))})

    register_class(ScriptBlock, "System.Management.Automation.ScriptBlock", "scriptblock", converter=convert)
    register_static_members("System.Management.Automation.ScriptBlock", statics)


_register_type()


def _discard(obj: Any) -> None:
    """Where a clean block's success output goes."""
