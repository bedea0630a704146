"""What the compiler does differently inside ``class`` definitions (a mixin
of :class:`.compiler.Compiler`, first in its bases so these rules see the
nodes before the general ones):

* ``return value`` in a method gives the method its value
  (:func:`method_returns`), whatever statement it is nested in; the
  method's other output is discarded, as pwsh does;
* a constructor's ``: base(args)`` runs the base class's constructor on
  ``$this``;
* ``([Base]$obj).Method()`` calls that class's own implementation, not the
  override (pwsh's non-virtual call of a method through a cast, in or out
  of a class);
* the ``class`` statement binds the class to the session state it runs in.
"""

from __future__ import annotations

from ..language import ast as A
from .compile_expressions import type_getter
from .flow import ReturnException

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional
    Expr = Callable[[Any], Any]
    Stmt = Callable[[Any, Callable[[Any], None]], None]
# script_classes (defining classes, their rules) and the object model's
# script classes and members are imported by the first class statement or
# cast method call compiled: most scripts define none.  The type lookup the
# parser's class checks use is installed by the compiler module.


class ClassCompiler:
    """The class rules of the compiler."""

    def s_ReturnStatementAst(self, node: Any) -> tuple[Stmt, bool]:
        if node.pipeline is None or _method_of(node) is None:
            return super().s_ReturnStatementAst(node)  # type: ignore[misc]
        value = self.statement_value(node.pipeline)  # type: ignore[attr-defined]
        from .script_classes import method_returns

        def method_return(ctx: Any, out: Any) -> None:
            method_returns(value(ctx))
            raise ReturnException()
        return method_return, False

    def s_TypeDefinitionAst(self, node: Any) -> tuple[Stmt, bool]:
        from .script_classes import bind_definition, define_script_classes, definition_error, is_class
        if not is_class(node):
            return super().s_TypeDefinitionAst(node)  # type: ignore[misc]
        if node.defined_type is None:
            root = node
            while root.parent is not None:
                root = root.parent
            define_script_classes(root, self.expr)  # type: ignore[attr-defined]
        if node.defined_type is None:
            error = definition_error(node)

            def undefined(ctx: Any, out: Any) -> None:
                raise error
            return undefined, False
        from ..dotnet.script_objects import script_class_of

        def define(ctx: Any, out: Any) -> None:
            bind_definition(script_class_of(node.defined_type), node, ctx, ctx.scope.state)
        return define, False

    def e_BaseCtorInvokeMemberExpressionAst(self, node: Any) -> Expr:
        args = [self.expr(a) for a in node.arguments or ()]  # type: ignore[attr-defined]
        owner = _enclosing(node, A.TypeDefinitionAst)
        from ..dotnet.script_objects import script_class_of

        def base_constructor(ctx: Any) -> None:
            cls = script_class_of(owner.defined_type)
            cls.run_base_constructor(ctx.get_variable_value("this"), [a(ctx) for a in args])
        return base_constructor

    def e_InvokeMemberExpressionAst(self, node: Any) -> Expr:
        cast = _cast_of(node.expression)
        if cast is None or node.static or node.generic_type_arguments:
            return super().e_InvokeMemberExpressionAst(node)  # type: ignore[misc]
        cast_type = type_getter(cast.type.type_name)
        target = self.expr(node.expression)  # type: ignore[attr-defined]
        name_of = self.member_name(node)  # type: ignore[attr-defined]
        args = [self.expr(a) for a in node.arguments or ()]  # type: ignore[attr-defined]
        from ..dotnet.members import invoke_method
        from ..dotnet.script_objects import ScriptObject, script_class_of

        def base_call(ctx: Any) -> Any:
            obj = target(ctx)
            as_class = script_class_of(cast_type())
            values = [a(ctx) for a in args]
            if as_class is not None and isinstance(obj, ScriptObject):
                return obj.invoke(name_of(ctx), values, as_class)
            if isinstance(obj, ScriptObject) and cast_type().is_instance(obj):
                # A .NET base type's own method, not the class's override of it.
                return invoke_method(obj, name_of(ctx), values, own_methods=False)
            return invoke_method(obj, name_of(ctx), values)
        return base_call


def _method_of(node: Any) -> Optional[A.FunctionMemberAst]:
    """The method whose own code ``node`` is in (not a script block inside it)."""
    parent = node.parent
    while parent is not None and not isinstance(parent, A.ScriptBlockAst):
        parent = parent.parent
    return parent.parent if parent is not None and isinstance(parent.parent, A.FunctionMemberAst) else None


def _enclosing(node: Any, cls: type) -> Any:
    parent = node.parent
    while parent is not None and not isinstance(parent, cls):
        parent = parent.parent
    return parent


def _cast_of(expression: Any) -> Optional[A.ConvertExpressionAst]:
    """The ``[T]x`` inside ``([T]x)``, if that is what the expression is."""
    while True:
        if isinstance(expression, A.ConvertExpressionAst):
            return expression
        if isinstance(expression, A.ParenExpressionAst):
            expression = expression.pipeline
        elif isinstance(expression, A.PipelineAst) and len(expression.pipeline_elements) == 1:
            expression = expression.pipeline_elements[0]
        elif isinstance(expression, A.CommandExpressionAst):
            expression = expression.expression
        else:
            return None
