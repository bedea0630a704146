"""Run-time helpers the compiled closures share: output unrolling,
collecting statement output as a value, and what ``foreach`` and pipelines
enumerate (lazily for ranges, so ``1..1e9 | Select -First 3`` is instant)."""

from __future__ import annotations

from collections import namedtuple

from ..language import ast as A
from ..dotnet.errors import ErrorCategory, InvalidOperationException, RuntimeException
from ..dotnet.values import ArrayList, GenericList, iter_collection

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Iterator

_PLAIN_SCALARS = frozenset((str, int, float, bool, type(None)))


def emit_value(value: Any, out: Callable[[Any], None]) -> None:
    """Writes a statement's value to the output, unrolling one level of
    collection as pwsh does (``,$a`` therefore outputs ``$a`` whole)."""
    t = type(value)
    if t is list:
        for item in value:
            out(item)
        return
    if t in _PLAIN_SCALARS:
        out(value)
        return
    items = iter_collection(value)
    if items is None:
        out(value)
    else:
        for item in items:
            out(item)


# A namedtuple rather than a typing.NamedTuple class: the class form turns its
# (string) annotations into ForwardRefs, each compiled, and the first compile()
# of a process costs about a millisecond of every start-up.
DirectStatement = namedtuple("DirectStatement", "value finish status extent")
DirectStatement.__doc__ = """The parts of a compiled expression statement (``{ $_.V -gt 5 }``'s
    one statement), which the statement's closure carries as ``direct`` so
    that a loop running the block once per object (Where-Object) can read
    the value itself and skip the write for a value it can judge as it is:
    ``value(ctx)`` evaluates the expression; ``finish(ctx, result, out)`` does
    the rest of what the statement does (writes ``result`` unrolled, sets
    ``$?``, reports an error as the statement would); ``status`` is whether
    the statement sets ``$?`` to true; an error ``value`` raises goes to
    ``ctx.statement_error(exc, extent, out)``."""


def collect(stmt: Callable[[Any, Callable[[Any], None]], None], ctx: Any) -> Any:
    """A statement's output as a value: nothing -> $null, one object -> it,
    more -> an object[] (list)."""
    items: list[Any] = []
    stmt(ctx, items.append)
    n = len(items)
    if n == 0:
        return None
    if n == 1:
        return items[0]
    return items


def enumerate_value(value: Any) -> Iterable[Any]:
    """What ``foreach`` and a pipeline feed on: a collection's items, nothing
    for $null (foreach) and the value itself for anything else."""
    t = type(value)
    if t is list:
        return value
    if value is None:
        return ()
    if t in _PLAIN_SCALARS:
        return (value,)
    items = iter_collection(value)
    if items is None:
        return (value,)
    if isinstance(items, (ArrayList, GenericList)):
        return _guarded(items)
    return items


def pipeline_input(value: Any) -> Iterable[Any]:
    """The objects an expression sends down a pipeline: like
    :func:`enumerate_value`, but a lone $null is sent (``$null | % {1}``
    runs once)."""
    if value is None:
        return (None,)
    return enumerate_value(value)


def _guarded(items: list[Any]) -> Iterator[Any]:
    """Enumerates a growable list, failing as .NET does if the loop body
    changes its length (instead of looping forever)."""
    n = len(items)
    for item in items:
        if len(items) != n:
            break
        yield item
    if len(items) != n:
        raise InvalidOperationException(
            "Collection was modified; enumeration operation may not execute.")


class LoopEnumerator:
    """``$foreach`` / ``$switch``: the enumerator driving the running loop.
    ``MoveNext()`` in the body consumes the next item, which the loop then
    skips, as in pwsh."""

    __slots__ = ("_items", "current")
    full_name = "System.Collections.IEnumerator"
    PS_MEMBERS = {"MoveNext": "move_next", "Current": "current"}

    def __init__(self, items: Iterable[Any]) -> None:
        self._items = iter(items)
        self.current: Any = None

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        self.current = next(self._items)
        return self.current

    def move_next(self) -> bool:
        try:
            self.current = next(self._items)
        except StopIteration:
            self.current = None
            return False
        return True


def references_variable(node: Any, name: str) -> bool:
    """Whether ``$name`` appears in ``node`` outside nested script blocks
    (so loops only pay for ``$foreach``/``$switch`` when a body uses them)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, A.ScriptBlockExpressionAst):
            continue
        if isinstance(current, A.VariableExpressionAst) and current.name.lower() == name:
            return True
        stack.extend(current.children())
    return False


def contains_command(node: Any) -> bool:
    """Whether ``node`` runs a command (outside nested script blocks): pwsh
    sets ``$?`` to True after a condition that does, so the body does not
    start with the status the condition's commands left."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, A.ScriptBlockExpressionAst):
            continue
        if isinstance(current, A.CommandAst):
            return True
        stack.extend(current.children())
    return False


def sets_success_status(node: Any) -> bool:
    """pwsh's ShouldSetExecutionStatusToSuccess: whether a statement made of
    one expression (or an assignment of one) sets ``$?`` to True after it.
    Commands inside most expressions do not stop it (``"Hi $(Write-Error
    x)"`` ends True); only a parenthesized pipeline that runs commands, a
    non-empty ``$( )`` and an ``@( )`` of such a statement leave the status
    their commands set."""
    if isinstance(node, A.AssignmentStatementAst):
        right = node.right
        while isinstance(right, A.AssignmentStatementAst):
            right = right.right
        if isinstance(right, A.CommandExpressionAst):
            return _expression_sets_success(right.expression)
        return isinstance(right, A.PipelineAst) and _statement_sets_success(right)
    return _expression_sets_success(node)


def _statement_sets_success(node: Any) -> bool:
    if isinstance(node, A.AssignmentStatementAst):
        return sets_success_status(node)
    if isinstance(node, A.PipelineAst):
        elements = node.pipeline_elements
        return len(elements) == 1 and isinstance(elements[0], A.CommandExpressionAst) and \
            _expression_sets_success(elements[0].expression)
    return False


def _expression_sets_success(node: Any) -> bool:
    if isinstance(node, A.ParenExpressionAst):
        return _statement_sets_success(node.pipeline)
    if isinstance(node, A.SubExpressionAst):
        return not node.sub_expression.statements
    if isinstance(node, A.ArrayExpressionAst):
        block = node.sub_expression
        if not block.statements:
            return True
        if len(block.statements) == 1 and not block.traps:
            return _statement_sets_success(block.statements[0])
        return False
    return True


def lazy_range(left: Any, right: Any) -> Iterable[Any]:
    """``left..right`` enumerated without building the array for integer
    ranges; character ranges go through the operator."""
    if type(left) is int and type(right) is int:
        lo, hi = left, right
    else:
        from ..dotnet.operators import range_bounds, range_op
        bounds = range_bounds(left, right)
        if bounds is None:
            return range_op(left, right)
        lo, hi = bounds
    return range(lo, hi + 1) if lo <= hi else range(lo, hi - 1, -1)


def runtime_error(message: str, error_id: str, category: Any = ErrorCategory.InvalidOperation,
                  target: Any = None) -> RuntimeException:
    """A RuntimeException with pwsh's error id and category."""
    return RuntimeException(message, error_id=error_id, category=category, target_object=target)
