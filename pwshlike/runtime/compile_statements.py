"""Compilation of statements: blocks (with traps), if, loops, switch,
try/catch/finally, flow control, throw, function definitions.

Error handling follows pwsh's compiler: every statement of every block is
guarded so that a failing statement is reported and the next one runs
(``ExecutionContext.statement_error``), unless a try body or a trap is
active, in which case the error propagates to it.
"""

from __future__ import annotations

import os

from ..language import ast as A
from .compile_support import (LoopEnumerator, collect, contains_command, enumerate_value, lazy_range,
                              references_variable, runtime_error)
from ..dotnet.conversions import convert_to_integer, to_bool, to_string
from .error_records import find_handler, record_with_exception, set_position
from ..dotnet.errors import (ActionPreferenceStopException, DotNetException, ErrorCategory, ErrorRecord,
                     ParseException, RuntimeException, exception_type)
from .flow import BreakException, ContinueException, ExitException, ReturnException
from .scopes import PSVariable, Scope
from .scriptblock import ScriptBlock, ScriptBlockCode
from .type_names import resolve_in_script

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional
    Stmt = Callable[[Any, Callable[[Any], None]], None]


def _noop(ctx: Any, out: Any) -> None:
    return None


def _label_of(label: Any) -> Optional[str]:
    return label.lower() if label else None


class StatementCompiler:
    """Mixin of :class:`compiler.Compiler` for statements."""

    # --- blocks ----------------------------------------------------------------------------

    def guard(self, fn: Stmt, extent: Any) -> Stmt:
        """Wraps a statement with the per-statement error policy."""
        def guarded(ctx: Any, out: Any) -> None:
            try:
                fn(ctx, out)
            except Exception as exc:
                ctx.statement_error(exc, extent, out)
        return guarded

    def block(self, node: Any) -> Stmt:
        """A StatementBlockAst (if/loop/try bodies, ``$( )``, ``@( )``)."""
        return self.statement_list(node.statements or [], node.traps or [])

    def statement_list(self, statements: list, traps: list) -> Stmt:
        if traps:
            handlers = [self.trap_handler(t) for t in traps]
            self.trap_depth += 1
            try:
                body = self._sequence([self.stmt(s) for s in statements if not isinstance(s, A.TrapStatementAst)])
            finally:
                self.trap_depth -= 1

            def trapping(ctx: Any, out: Any) -> None:
                saved_traps, saved_propagate = ctx.traps, ctx.propagate
                ctx.traps = saved_traps + [[(types(), handler) for types, handler in handlers]]
                ctx.propagate = True
                try:
                    body(ctx, out)
                finally:
                    ctx.traps, ctx.propagate = saved_traps, saved_propagate
            return trapping
        body = self._sequence([self.stmt(s) for s in statements if not isinstance(s, A.TrapStatementAst)])
        if self.trap_depth > 0:
            # Inside a block with traps, a nested block hides them so that an
            # error unwinds to the trapping block, and `continue` in the trap
            # resumes after the nested statement (pwsh's null trap entry).
            def hiding(ctx: Any, out: Any) -> None:
                saved = ctx.traps
                ctx.traps = saved + [None]
                try:
                    body(ctx, out)
                finally:
                    ctx.traps = saved
            return hiding
        return body

    @staticmethod
    def _sequence(fns: list[Stmt]) -> Stmt:
        if not fns:
            return _noop
        if len(fns) == 1:
            return fns[0]
        if len(fns) == 2:
            first, second = fns

            def pair(ctx: Any, out: Any) -> None:
                first(ctx, out)
                second(ctx, out)
            return pair
        fns_tuple = tuple(fns)

        def sequence(ctx: Any, out: Any) -> None:
            for fn in fns_tuple:
                fn(ctx, out)
        return sequence

    def unsupported_stmt(self, node: Any) -> Stmt:
        name = type(node).__name__
        extent = node.extent

        def fail(ctx: Any, out: Any) -> None:
            try:
                raise runtime_error(f"The statement '{extent.text}' ({name}) is not supported.",
                                    "NotSupported", ErrorCategory.NotImplemented)
            except Exception as exc:
                ctx.statement_error(exc, extent, out)
        return fail

    def s_ErrorStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        text = node.extent.text

        def fail(ctx: Any, out: Any) -> None:
            raise ParseException(f"The statement '{text}' could not be parsed.")
        return fail, False

    # --- traps and try ------------------------------------------------------------------------

    def trap_handler(self, node: Any) -> tuple[Callable[[], Optional[tuple]], Callable]:
        """(types getter, handler) for a trap: the handler runs the body in a
        new scope with ``$_`` set to the error record."""
        types = _catch_types([node.trap_type] if node.trap_type is not None else [])
        saved_depth, self.trap_depth = self.trap_depth, 0
        try:
            body = self.block(node.body)
        finally:
            self.trap_depth = saved_depth

        def handler(ctx: Any, record: ErrorRecord, out: Any) -> None:
            # The trap's own block is hidden while its body runs: an error
            # there (``throw $_``) leaves the trapping block instead of
            # running the same trap again.
            saved, saved_traps = ctx.scope, ctx.traps
            scope = Scope(saved)
            scope.vars["_"] = PSVariable("_", record)
            ctx.scope = scope
            ctx.traps = saved_traps + [None]
            try:
                body(ctx, out)
            finally:
                ctx.scope, ctx.traps = saved, saved_traps
        return types, handler

    def s_TryStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        body = self.block(node.body)
        clauses = [(_catch_types(c.catch_types or []), self.block(c.body)) for c in node.catch_clauses or ()]
        final = self.block(node.finally_) if node.finally_ is not None else None
        extent = node.extent

        def run_body(ctx: Any, out: Any) -> None:
            saved_traps, saved_propagate = ctx.traps, ctx.propagate
            ctx.traps = saved_traps + [None]
            ctx.propagate = True
            try:
                body(ctx, out)
            finally:
                ctx.traps, ctx.propagate = saved_traps, saved_propagate

        def handle(ctx: Any, out: Any, exc: Exception) -> None:
            rte = ctx.to_runtime_exception(exc, extent)
            index, record = _find_catch(rte, [types() for types, _ in clauses])
            if index < 0:
                raise rte
            scope_vars = ctx.scope.vars
            saved_underbar = scope_vars.get("_")
            saved_exception = ctx.current_exception
            scope_vars["_"] = PSVariable("_", record)
            ctx.current_exception = rte
            try:
                clauses[index][1](ctx, out)
            finally:
                ctx.current_exception = saved_exception
                if saved_underbar is None:
                    scope_vars.pop("_", None)
                else:
                    scope_vars["_"] = saved_underbar

        if clauses and final is not None:
            def try_catch_finally(ctx: Any, out: Any) -> None:
                try:
                    try:
                        run_body(ctx, out)
                    except Exception as exc:
                        handle(ctx, out, exc)
                finally:
                    final(ctx, out)
            return try_catch_finally, False
        if clauses:
            def try_catch(ctx: Any, out: Any) -> None:
                try:
                    run_body(ctx, out)
                except Exception as exc:
                    handle(ctx, out, exc)
            return try_catch, False
        finally_block = final if final is not None else _noop

        def try_finally(ctx: Any, out: Any) -> None:
            try:
                run_body(ctx, out)
            finally:
                finally_block(ctx, out)
        return try_finally, False

    def s_ThrowStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        value = self.statement_value(node.pipeline) if node.pipeline is not None else None
        extent = node.extent

        def throw(ctx: Any, out: Any) -> None:
            if value is None:
                current = ctx.current_exception
                if current is not None:
                    _mark_thrown(current)
                    raise current
                raise _thrown(None, extent)
            raise _thrown(value(ctx), extent)
        return throw, False

    # --- simple flow ---------------------------------------------------------------------------

    def _label(self, label: Any) -> Callable[[Any], Optional[str]]:
        if label is None:
            return lambda ctx: None
        if isinstance(label, A.StringConstantExpressionAst):
            text = label.value.lower()
            return lambda ctx: text
        fn = self.expr(label)
        return lambda ctx: to_string(fn(ctx)).lower() or None

    def s_BreakStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        label = self._label(node.label)

        def do_break(ctx: Any, out: Any) -> None:
            raise BreakException(label(ctx))
        return do_break, False

    def s_ContinueStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        label = self._label(node.label)

        def do_continue(ctx: Any, out: Any) -> None:
            raise ContinueException(label(ctx))
        return do_continue, False

    def s_ReturnStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        if node.pipeline is None:
            def do_return(ctx: Any, out: Any) -> None:
                raise ReturnException()
            return do_return, False
        value = self.stmt(node.pipeline)

        def return_value(ctx: Any, out: Any) -> None:
            value(ctx, out)
            raise ReturnException()
        return return_value, False

    def s_ExitStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        value = self.statement_value(node.pipeline) if node.pipeline is not None else None

        def do_exit(ctx: Any, out: Any) -> None:
            code = 0
            if value is not None:
                result = value(ctx)
                code = 0 if result is None else convert_to_integer(result)
            raise ExitException(code)
        return do_exit, False

    def s_FunctionDefinitionAst(self, node: Any) -> tuple[Stmt, bool]:
        code = ScriptBlockCode(node.body, node.parameters)
        name = node.name

        def define(ctx: Any, out: Any) -> None:
            ctx.session.set_function(name, ScriptBlock(code, ctx, state=ctx.scope.state, name=name), ctx.scope)
        return define, False

    def s_TypeDefinitionAst(self, node: Any) -> tuple[Stmt, bool]:
        """An enum is defined by the time its block compiles (usually already,
        with the rest of its script); the statement itself does nothing."""
        from .script_enums import EnumDefiner  # only scripts that define enums load it
        EnumDefiner().define(node)
        return _noop, False

    def s_DataStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        body = self.block(node.body) if isinstance(node.body, A.StatementBlockAst) else self.stmt(node.body)
        variable = node.variable

        def data(ctx: Any, out: Any) -> None:
            if variable:
                ctx.set_variable_value(variable, collect(body, ctx))
            else:
                body(ctx, out)
        return data, False

    # --- if and loops ----------------------------------------------------------------------------

    def condition(self, node: Any) -> Callable[[Any], bool]:
        value = self.statement_value(node)
        if contains_command(node):
            # As pwsh: a condition that runs commands leaves $? True for the body
            # (`if (Get-Command x -ea Ignore) { ... }` does not start with $? False).
            def test_command(ctx: Any) -> bool:
                result = value(ctx)
                ctx.last_success = True
                return result if type(result) is bool else to_bool(result)
            return test_command

        def test(ctx: Any) -> bool:
            result = value(ctx)
            return result if type(result) is bool else to_bool(result)
        return test

    def s_IfStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        clauses = tuple((self.condition(c), self.block(b)) for c, b in node.clauses)
        otherwise = self.block(node.else_clause) if node.else_clause is not None else None
        if len(clauses) == 1:
            (test, body), = clauses

            def if_simple(ctx: Any, out: Any) -> None:
                if test(ctx):
                    body(ctx, out)
                elif otherwise is not None:
                    otherwise(ctx, out)
            return if_simple, False

        def if_chain(ctx: Any, out: Any) -> None:
            for test, body in clauses:
                if test(ctx):
                    body(ctx, out)
                    return
            if otherwise is not None:
                otherwise(ctx, out)
        return if_chain, False

    def foreach_source(self, node: Any) -> Callable[[Any], Any]:
        """What a foreach enumerates; a literal range stays lazy."""
        if isinstance(node, A.PipelineAst) and len(node.pipeline_elements) == 1:
            element = node.pipeline_elements[0]
            if isinstance(element, A.CommandExpressionAst) and not element.redirections:
                expression = element.expression
                while isinstance(expression, A.ParenExpressionAst) and \
                        isinstance(expression.pipeline, A.PipelineAst) and \
                        len(expression.pipeline.pipeline_elements) == 1 and \
                        isinstance(expression.pipeline.pipeline_elements[0], A.CommandExpressionAst) and \
                        not expression.pipeline.pipeline_elements[0].redirections:
                    expression = expression.pipeline.pipeline_elements[0].expression
                if isinstance(expression, A.BinaryExpressionAst) and expression.operator == "..":
                    left, right = self.expr(expression.left), self.expr(expression.right)
                    return lambda ctx: lazy_range(left(ctx), right(ctx))
        value = self.statement_value(node)
        return lambda ctx: enumerate_value(value(ctx))

    def s_ForEachStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        if node.flags and "parallel" in node.flags:
            return self.unsupported_stmt(node), True
        source = self.foreach_source(node.condition)
        assign = self.setter(node.variable)
        body = self.block(node.body)
        label = _label_of(node.label)
        if references_variable(node.body, "foreach"):
            items = source

            def source(ctx: Any) -> Any:
                enumerator = LoopEnumerator(items(ctx))
                ctx.scope.vars["foreach"] = PSVariable("foreach", enumerator)
                return enumerator

        def foreach(ctx: Any, out: Any) -> None:
            for item in source(ctx):
                assign(ctx, item)
                try:
                    body(ctx, out)
                except BreakException as signal:
                    if signal.label is None or signal.label == label:
                        break
                    raise
                except ContinueException as signal:
                    if signal.label is None or signal.label == label:
                        continue
                    raise
        return foreach, False

    def s_ForStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        init = self.stmt(node.initializer) if node.initializer is not None else None
        test = self.condition(node.condition) if node.condition is not None else None
        step = self.stmt(node.iterator) if node.iterator is not None else None
        body = self.block(node.body)
        label = _label_of(node.label)

        def for_loop(ctx: Any, out: Any) -> None:
            if init is not None:
                init(ctx, out)
            while test is None or test(ctx):
                try:
                    body(ctx, out)
                except BreakException as signal:
                    if signal.label is None or signal.label == label:
                        break
                    raise
                except ContinueException as signal:
                    if signal.label is not None and signal.label != label:
                        raise
                if step is not None:
                    step(ctx, out)
        return for_loop, False

    def s_WhileStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        test = self.condition(node.condition)
        body = self.block(node.body)
        label = _label_of(node.label)

        def while_loop(ctx: Any, out: Any) -> None:
            while test(ctx):
                try:
                    body(ctx, out)
                except BreakException as signal:
                    if signal.label is None or signal.label == label:
                        break
                    raise
                except ContinueException as signal:
                    if signal.label is not None and signal.label != label:
                        raise
        return while_loop, False

    def _do_loop(self, node: Any, until: bool) -> tuple[Stmt, bool]:
        condition = self.condition(node.condition)
        body = self.block(node.body)
        label = _label_of(node.label)
        condition_extent = node.condition.extent

        def do_loop(ctx: Any, out: Any) -> None:
            while True:
                try:
                    body(ctx, out)
                except BreakException as signal:
                    if signal.label is None or signal.label == label:
                        break
                    raise
                except ContinueException as signal:
                    if signal.label is not None and signal.label != label:
                        raise
                try:  # the condition is a sequence point of its own, on the while/until line
                    done = condition(ctx) == until
                except RuntimeException as exc:
                    set_position(exc, condition_extent)
                    raise
                if done:
                    break
        return do_loop, False

    def s_DoWhileStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        return self._do_loop(node, until=False)

    def s_DoUntilStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        return self._do_loop(node, until=True)

    # --- switch -------------------------------------------------------------------------------

    def s_SwitchStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        flags = node.flags or frozenset()
        if "parallel" in flags:
            return self.unsupported_stmt(node), True
        case_sensitive = "casesensitive" in flags
        mode = "regex" if "regex" in flags else "wildcard" if "wildcard" in flags else "exact"
        if "file" in flags:
            path = self.expr(node.condition) if isinstance(node.condition, A.ExpressionAst) \
                else self.statement_value(node.condition)
            source = lambda ctx: _file_lines(ctx, path(ctx))  # noqa: E731
        else:
            value = self.statement_value(node.condition)
            source = lambda ctx: _switch_items(value(ctx))  # noqa: E731
        clauses = tuple((self._switch_test(c, mode, case_sensitive), self.block(b))
                        for c, b in node.clauses or ())
        default = self.block(node.default) if node.default is not None else None
        label = _label_of(node.label)
        if references_variable(node, "switch"):
            items = source

            def source(ctx: Any) -> Any:
                enumerator = LoopEnumerator(items(ctx))
                ctx.scope.vars["switch"] = PSVariable("switch", enumerator)
                return enumerator

        def switch(ctx: Any, out: Any) -> None:
            scope_vars = ctx.scope.vars
            saved = scope_vars.get("_")
            try:
                for item in source(ctx):
                    scope_vars = ctx.scope.vars
                    scope_vars["_"] = PSVariable("_", item)
                    try:
                        matched = False
                        for test, body in clauses:
                            if test(ctx, item):
                                matched = True
                                body(ctx, out)
                        if not matched and default is not None:
                            default(ctx, out)
                    except BreakException as signal:
                        if signal.label is None or signal.label == label:
                            break
                        raise
                    except ContinueException as signal:
                        if signal.label is not None and signal.label != label:
                            raise
            finally:
                if saved is None:
                    ctx.scope.vars.pop("_", None)
                else:
                    ctx.scope.vars["_"] = saved
        return switch, False

    def _switch_test(self, node: Any, mode: str, case_sensitive: bool) -> Callable[[Any, Any], bool]:
        """A clause condition: a script block is evaluated with ``$_``; any
        other expression is a pattern compared per the switch's mode."""
        if isinstance(node, A.ScriptBlockExpressionAst):
            code = ScriptBlockCode(node.script_block)

            def script_test(ctx: Any, item: Any) -> bool:
                result = ScriptBlock(code, ctx).invoke_with_input(item, new_scope=False)
                return to_bool(result[0] if len(result) == 1 else result)
            return script_test
        pattern = self.expr(node)
        from ..dotnet import operators as ops  # loaded by the first switch clause compiled, not at start-up
        if mode == "regex":
            match = ops.match

            def regex_test(ctx: Any, item: Any) -> bool:
                result, matches = match(to_string(item), to_string(pattern(ctx)), case_sensitive, False)
                if result and matches is not None:
                    ctx.session.set_plain("matches", "Matches", matches, ctx.scope)
                return bool(result)
            return regex_test
        if mode == "wildcard":
            like = ops.BINARY_OPERATORS["-clike" if case_sensitive else "-like"]
            return lambda ctx, item: bool(like(to_string(item), to_string(pattern(ctx))))
        equal = ops.BINARY_OPERATORS["-ceq" if case_sensitive else "-eq"]

        def exact_test(ctx: Any, item: Any) -> bool:
            value = pattern(ctx)
            if isinstance(value, str) or isinstance(item, str):
                return bool(equal(to_string(item), to_string(value)))
            return bool(equal(item, value))
        return exact_test


# --- helpers ---------------------------------------------------------------------------------------

def _catch_types(type_asts: list) -> Callable[[], Optional[tuple]]:
    """A getter for the exception classes of catch/trap types (None for a
    catch-all), resolved on first use so an unknown type is a runtime
    TypeNotFound error."""
    if not type_asts:
        return lambda: None
    cache: list[tuple] = []

    def get() -> tuple:
        if cache:
            return cache[0]
        classes = []
        for type_ast in type_asts:
            type_name = type_ast.type_name
            cls = exception_type(type_name.full_name)
            if cls is None:
                resolved = resolve_in_script(type_name)
                cls = getattr(resolved, "pyclass", None)
                if not isinstance(cls, type) or not issubclass(cls, BaseException):
                    raise runtime_error(
                        f"Unable to find type [{type_name.full_name}].", "TypeNotFound",
                        ErrorCategory.InvalidOperation, type_name.full_name)
            classes.append(cls)
        cache.append(tuple(classes))
        return cache[0]
    return get


def _find_catch(rte: RuntimeException, type_lists: list[Optional[tuple]]) -> tuple[int, Any]:
    """pwsh's FindMatchingHandler: the inner exception is tried first, then
    the RuntimeException itself, then (for ``-ErrorAction Stop``) the
    original error's exception.  Returns (clause index, ``$_`` record)."""
    ranks = _rank(type_lists)
    best, best_rank, passed, record = -1, None, None, rte.error_record
    current: Any = rte
    while current is not None:
        record = current.error_record
        candidates = []
        inner = current.inner_exception
        if inner is not None:
            candidates.append(inner)
        candidates.append(current)
        for exception in candidates:
            index = find_handler(exception, type_lists)
            if index < 0:
                continue
            rank = ranks[index]
            if best_rank is None or rank < best_rank or \
                    (rank == best_rank and type_lists[best] is None):
                best, best_rank, passed = index, rank, (exception, record, current)
            if best_rank == 0 and type_lists[best] is not None:
                break
        if best_rank == 0 and type_lists[best] is not None:
            break
        if isinstance(current, ActionPreferenceStopException) and \
                isinstance(current.error_record.exception, RuntimeException) and \
                current.error_record.exception is not current:
            current = current.error_record.exception
        else:
            break
    if best < 0:
        return -1, None
    exception, record, owner = passed
    return best, record_with_exception(record, owner, exception)


def _rank(type_lists: list[Optional[tuple]]) -> list[int]:
    """How many later clauses each clause's types are more specific than
    (pwsh's RankExceptionTypes); a catch-all ranks last."""
    ranks = [0] * len(type_lists)
    for i, types in enumerate(type_lists):
        if types is None:
            ranks[i] = len(type_lists) - 1
            continue
        for j in range(i + 1, len(type_lists)):
            other = type_lists[j]
            if other is not None and any(issubclass(t, other) and t not in other for t in types):
                ranks[j] += 1
    return ranks


def _thrown(value: Any, extent: Any) -> RuntimeException:
    """pwsh's ConvertToException for ``throw value``."""
    if isinstance(value, RuntimeException):
        rte = value
    elif isinstance(value, ErrorRecord):
        rte = RuntimeException(value.message, value.exception, error_record=value)
    elif isinstance(value, BaseException):
        message = value.message if isinstance(value, DotNetException) else str(value)
        record = ErrorRecord(value, message, ErrorCategory.OperationStopped, None)
        rte = RuntimeException(message, value, error_record=record)
    else:
        message = "ScriptHalted" if value is None else to_string(value)
        inner = RuntimeException(message)
        record = ErrorRecord(inner, message, ErrorCategory.OperationStopped, value)
        rte = RuntimeException(message, inner, error_record=record)
    _mark_thrown(rte)
    set_position(rte, extent)
    return rte


def _mark_thrown(rte: RuntimeException) -> None:
    """Sets WasThrownFromThrowStatement on the exception and, as pwsh's
    setter does, on the RuntimeException its error record holds (the one
    hosts show, so the concise view says ``Exception:``)."""
    rte.was_thrown_from_throw_statement = True
    inner = rte.error_record.exception
    if isinstance(inner, RuntimeException):
        inner.was_thrown_from_throw_statement = True


def _switch_items(value: Any) -> Any:
    """What a switch walks: each element of a collection, else the value
    itself (``$null`` included, once)."""
    if value is None:
        return (None,)
    return enumerate_value(value)


def _file_lines(ctx: Any, path_value: Any) -> list[str]:
    """``switch -File``: the file's lines, resolved against the location."""
    path = to_string(path_value)
    full = path if os.path.isabs(path) else os.path.join(ctx.session.location, path)
    try:
        with open(os.path.expanduser(full), encoding="utf-8-sig") as f:
            return f.read().splitlines()
    except FileNotFoundError:
        raise runtime_error(f"Cannot find path '{full}' because it does not exist.",
                            "PathNotFound", ErrorCategory.ObjectNotFound, full) from None
