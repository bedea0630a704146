"""Compilation of assignments: ``=``, compound operators, ``??=``,
multiple targets, typed variables, and ``++``/``--``.

A target compiles to a setter ``fn(ctx, value)``; compound forms compile a
reader/writer pair that evaluates the target object and index once.
"""

from __future__ import annotations

from ..language import ast as A
from .compile_expressions import type_getter
from .compile_support import runtime_error, sets_success_status
from ..dotnet.errors import ErrorCategory
from .scopes import QualifiedName
from ..dotnet.values import iter_collection

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable
    Expr = Callable[[Any], Any]
    Setter = Callable[[Any, Any], None]


_COMPOUND = {"+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%"}


def _invalid_target(node: Any) -> Any:
    return runtime_error(
        "The assignment expression is not valid. The input to an assignment operator must be an object "
        "that is able to accept assignments, such as a variable or a property.",
        "InvalidLeftHandSide", ErrorCategory.InvalidOperation, node.extent.text)


class AssignCompiler:
    """Mixin of :class:`compiler.Compiler` for assignments."""

    # --- statements and values -----------------------------------------------------------

    def s_AssignmentStatementAst(self, node: Any) -> tuple[Callable, bool]:
        """An assignment statement outputs nothing; errors are handled here
        (not by a wrapper) to keep the hot loop body a single call."""
        extent = node.extent
        left = node.left
        status = sets_success_status(node)
        if node.operator == "=" and isinstance(left, A.VariableExpressionAst) \
                and QualifiedName(left.name).kind == "plain":
            qname = QualifiedName(left.name)
            key, name = qname.key, qname.name
            rhs = self.statement_value(node.right, propagate=True)
            if key == "null":
                def discard(ctx: Any, out: Any) -> None:
                    try:
                        rhs(ctx)
                        if status:
                            ctx.last_success = True
                    except Exception as exc:
                        ctx.statement_error(exc, extent, out)
                return discard, True

            def assign(ctx: Any, out: Any) -> None:
                try:
                    value = rhs(ctx)
                    scope = ctx.scope
                    var = scope.vars.get(key)
                    if var is not None and var.fast:
                        var.value = value
                    else:
                        ctx.session.set_plain(key, name, value, scope)
                    if status:
                        ctx.last_success = True
                except Exception as exc:
                    ctx.statement_error(exc, extent, out)
            return assign, True
        value_fn = self.assignment_value(node)

        def statement(ctx: Any, out: Any) -> None:
            try:
                value_fn(ctx)
                if status:
                    ctx.last_success = True
            except Exception as exc:
                ctx.statement_error(exc, extent, out)
        return statement, True

    def assignment_value(self, node: Any) -> Expr:
        """The assignment as an expression returning the assigned value
        (``($x = 5)``, ``$a = $b = 1``)."""
        op = node.operator
        left = node.left
        rhs = self.statement_value(node.right)
        if op == "=":
            setter = self.setter(left)

            def assign(ctx: Any) -> Any:
                value = rhs(ctx)
                setter(ctx, value)
                return value
            return assign
        if isinstance(left, A.ArrayLiteralAst):
            def invalid(ctx: Any) -> Any:
                raise _invalid_target(left)
            return invalid
        bind = self.place(left)
        if op == "??=":
            def coalesce(ctx: Any) -> Any:
                get, put = bind(ctx)
                current = get()
                if current is not None:
                    return current
                value = rhs(ctx)
                put(value)
                return value
            return coalesce
        from ..dotnet.operators import BINARY_OPERATORS  # loaded by the first operator compiled
        operator = BINARY_OPERATORS[_COMPOUND[op]]
        symbol = _COMPOUND[op]

        def compound(ctx: Any) -> Any:
            get, put = bind(ctx)
            current = get()
            right = rhs(ctx)
            if type(current) is int and type(right) is int and symbol in ("+", "-"):
                value = current + right if symbol == "+" else current - right
                if not -2147483648 <= value <= 2147483647:
                    value = operator(current, right)
            else:
                value = operator(current, right)
            put(value)
            return value
        return compound

    def increment(self, node: Any) -> Expr:
        """``++x``/``x++``/``--x``/``x--``: the value before (postfix) or after."""
        delta = 1 if node.operator == "++" else -1
        postfix = bool(node.postfix)
        from ..dotnet.operators import BINARY_OPERATORS
        add = BINARY_OPERATORS["+"]
        child = node.child
        if isinstance(child, A.VariableExpressionAst) and QualifiedName(child.name).kind == "plain":
            qname = QualifiedName(child.name)
            key, name = qname.key, qname.name

            def step_variable(ctx: Any) -> Any:
                scope = ctx.scope
                var = scope.vars.get(key)
                if var is None:
                    found = ctx.session.lookup(key, scope)
                    old = None if found is None else found.value
                else:
                    old = var.value
                if type(old) is int and -2147483648 < old + delta <= 2147483647:
                    new = old + delta
                else:
                    new = add(0 if old is None else old, delta)
                if var is not None and var.fast:
                    var.value = new
                else:
                    ctx.session.set_plain(key, name, new, scope)
                return old if postfix else new
            return step_variable
        bind = self.place(child)

        def step(ctx: Any) -> Any:
            get, put = bind(ctx)
            old = get()
            new = add(0 if old is None else old, delta)
            put(new)
            return old if postfix else new
        return step

    # --- targets -----------------------------------------------------------------------------

    def setter(self, node: Any) -> Setter:
        """The closure storing a value into the target ``node``."""
        if isinstance(node, A.VariableExpressionAst):
            return self._variable_setter(node)
        if isinstance(node, (A.ConvertExpressionAst, A.AttributedExpressionAst)):
            return self._typed_setter(node)
        if isinstance(node, A.MemberExpressionAst):
            name_of = self.member_name(node)
            if node.static:
                target = self.static_target(node)
                return lambda ctx, value: target(ctx).set_static(name_of(ctx), value)
            obj_fn = self.expr(node.expression)
            from ..dotnet.members import set_member  # loaded by the first member or index write compiled
            return lambda ctx, value: set_member(obj_fn(ctx), name_of(ctx), value)
        if isinstance(node, A.IndexExpressionAst):
            target = self.expr(node.target)
            index = self.expr(node.index)
            from ..dotnet.members import set_index
            return lambda ctx, value: set_index(target(ctx), index(ctx), value)
        if isinstance(node, A.ArrayLiteralAst):
            return self._multiple_setter(node)
        if isinstance(node, A.ParenExpressionAst) and isinstance(node.pipeline, A.PipelineAst):
            elements = node.pipeline.pipeline_elements
            if len(elements) == 1 and isinstance(elements[0], A.CommandExpressionAst):
                return self.setter(elements[0].expression)

        def invalid(ctx: Any, value: Any) -> None:
            raise _invalid_target(node)
        return invalid

    def _variable_setter(self, node: Any) -> Setter:
        qname = QualifiedName(node.name)
        if qname.kind == "plain":
            key, name = qname.key, qname.name
            if key == "null":
                return lambda ctx, value: None

            def set_plain(ctx: Any, value: Any) -> None:
                scope = ctx.scope
                var = scope.vars.get(key)
                if var is not None and var.fast:
                    var.value = value
                else:
                    ctx.session.set_plain(key, name, value, scope)
            return set_plain
        return lambda ctx, value: ctx.session.set_value(qname, value, ctx.scope)

    def _typed_setter(self, node: Any) -> Setter:
        """``[int]$x = v`` and ``[ValidateRange(1,5)][int]$x = v``: declares
        the constraint on the variable, then assigns through it."""
        type_names: list[Any] = []
        attributes: list[Any] = []
        current = node
        while isinstance(current, (A.ConvertExpressionAst, A.AttributedExpressionAst)):
            if isinstance(current, A.ConvertExpressionAst):
                type_names.append(current.type.type_name)
            else:
                attributes.append(current.attribute)
            current = current.child
        if not isinstance(current, A.VariableExpressionAst):
            def invalid(ctx: Any, value: Any) -> None:
                raise _invalid_target(node)
            return invalid
        qname = QualifiedName(current.name)
        getters = [type_getter(t) for t in reversed(type_names)]

        def assign_typed(ctx: Any, value: Any) -> None:
            constraint = None
            for get in getters:
                constraint = get()
                value = constraint.convert(value)
            resolved = [ctx.resolve_variable_attribute(a) for a in attributes]
            ctx.session.constrain(qname, constraint, [a for a in resolved if a is not None], value,
                                  ctx.scope)
        return assign_typed

    def _multiple_setter(self, node: Any) -> Setter:
        """``$a, $b = 1, 2, 3``: one item each, the last target gets the rest."""
        setters = [self.setter(e) for e in node.elements]
        last = len(setters) - 1

        def assign_many(ctx: Any, value: Any) -> None:
            items = iter_collection(value)
            values = list(items) if items is not None else [value]
            for i in range(last):
                setters[i](ctx, values[i] if i < len(values) else None)
            rest = values[last:]
            setters[last](ctx, None if not rest else rest[0] if len(rest) == 1 else rest)
        return assign_many

    def place(self, node: Any) -> Callable[[Any], tuple[Callable[[], Any], Callable[[Any], None]]]:
        """For compound assignment: ``bind(ctx)`` evaluates the target's
        object and index once and returns (get, put) closures."""
        if isinstance(node, A.VariableExpressionAst) or \
                isinstance(node, (A.ConvertExpressionAst, A.AttributedExpressionAst)):
            inner = node
            while isinstance(inner, (A.ConvertExpressionAst, A.AttributedExpressionAst)):
                inner = inner.child
            read = self.expr(inner)
            write = self.setter(node)
            return lambda ctx: (lambda: read(ctx), lambda v: write(ctx, v))
        if isinstance(node, A.MemberExpressionAst):
            name_of = self.member_name(node)
            if node.static:
                target = self.static_target(node)

                def bind_static(ctx: Any) -> tuple:
                    t, name = target(ctx), name_of(ctx)
                    return (lambda: t.get_static(name), lambda v: t.set_static(name, v))
                return bind_static
            obj_fn = self.expr(node.expression)
            from ..dotnet.members import get_member, set_member

            def bind_member(ctx: Any) -> tuple:
                obj, name = obj_fn(ctx), name_of(ctx)
                return (lambda: get_member(obj, name), lambda v: set_member(obj, name, v))
            return bind_member
        if isinstance(node, A.IndexExpressionAst):
            target = self.expr(node.target)
            index = self.expr(node.index)
            from ..dotnet.members import get_index, set_index

            def bind_index(ctx: Any) -> tuple:
                obj, idx = target(ctx), index(ctx)
                return (lambda: get_index(obj, idx), lambda v: set_index(obj, idx, v))
            return bind_index

        def invalid(ctx: Any) -> tuple:
            raise _invalid_target(node)
        return invalid
