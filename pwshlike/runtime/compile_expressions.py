"""Compilation of expressions to ``fn(ctx) -> value`` closures.

Hot paths are specialised at compile time: variable reads are one dict
lookup on the current scope, arithmetic and comparisons on Int32 values
(and string concatenation) skip the generic operator dispatch, and a
constant right operand is folded into the closure.  Everything else goes
to operators.py / members.py / types.py, which own PowerShell's rules.
"""

from __future__ import annotations

import os

from ..language import ast as A
from ..language.numeric import TypedNumber
from .compile_support import collect, emit_value, runtime_error
from ..dotnet.conversions import to_bool, to_string
from ..dotnet.errors import ErrorCategory, IndexOutOfRangeException, ParseException, RuntimeException
from . import active
from .scopes import PSVariable, QualifiedName, drive_not_found, get_env, strict_version
from .scriptblock import ScriptBlock, ScriptBlockCode
from .type_names import resolve_in_script
from ..dotnet.values import INTEGER_CLASSES, Hashtable, OrderedDictionary, PSCustomObject, PSReference

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional
    Expr = Callable[[Any], Any]

INT32_MIN = -2147483648
INT32_MAX = 2147483647

_MATCH_OPERATORS = {
    "-match": (False, False), "-imatch": (False, False), "-cmatch": (True, False),
    "-notmatch": (False, True), "-inotmatch": (False, True), "-cnotmatch": (True, True),
}

# Closures for the operators worth a fast path, generated once from source
# templates: one variant for two computed operands, one with a constant
# Int32 right operand folded in.  The int path applies only to plain ints
# (Int32 values; bool and the Int64/Byte... subclasses take the slow path)
# and falls back to operators.py when the result leaves the Int32 range,
# which is where pwsh widens to Int64/Double.
_ARITH_TEMPLATE = """
def make(left, right, slow):
    def f(ctx):
        l = left(ctx)
        r = right(ctx)
        tl = type(l)
        if tl is int and type(r) is int:
            v = l {op} r
            if -2147483648 <= v <= 2147483647:
                return v
        elif tl is float and type(r) is float:
            return l {op} r
        {extra}
        return slow(l, r)
    return f

def make_const(left, c, slow):
    def f(ctx):
        l = left(ctx)
        if type(l) is int:
            v = l {op} c
            if -2147483648 <= v <= 2147483647:
                return v
        return slow(l, c)
    return f
"""

# Int32 remainder and division: .NET's remainder takes the dividend's sign,
# which Python's % matches for a non-negative dividend and positive
# divisor; an exact Int32 division stays Int32, otherwise pwsh divides as
# doubles, which Python's true division of two ints reproduces exactly.
_REMAINDER_TEMPLATE = """
def make(left, right, slow):
    def f(ctx):
        l = left(ctx)
        r = right(ctx)
        if type(l) is int and type(r) is int and l >= 0 and r > 0:
            return l % r
        return slow(l, r)
    return f

def make_const(left, c, slow):
    if c <= 0:
        return lambda ctx: slow(left(ctx), c)
    def f(ctx):
        l = left(ctx)
        if type(l) is int and l >= 0:
            return l % c
        return slow(l, c)
    return f
"""

_DIVIDE_TEMPLATE = """
def make(left, right, slow):
    def f(ctx):
        l = left(ctx)
        r = right(ctx)
        if type(l) is int and type(r) is int and r:
            q, m = divmod(l, r)
            if m:
                return l / r
            if -2147483648 <= q <= 2147483647:
                return q
        return slow(l, r)
    return f

def make_const(left, c, slow):
    if not c:
        return lambda ctx: slow(left(ctx), c)
    def f(ctx):
        l = left(ctx)
        if type(l) is int:
            q, m = divmod(l, c)
            if m:
                return l / c
            if -2147483648 <= q <= 2147483647:
                return q
        return slow(l, c)
    return f
"""

_COMPARE_TEMPLATE = """
def make(left, right, slow):
    def f(ctx):
        l = left(ctx)
        r = right(ctx)
        if type(l) is int and type(r) is int:
            return l {op} r
        return slow(l, r)
    return f

def make_const(left, c, slow):
    def f(ctx):
        l = left(ctx)
        if type(l) is int:
            return l {op} c
        return slow(l, c)
    return f
"""


def _build(template: str, op: str, extra: str = "") -> tuple[Callable, Callable]:
    namespace: dict[str, Any] = {}
    exec(template.replace("{op}", op).replace("{extra}", extra), namespace)
    return namespace["make"], namespace["make_const"]


_STR_CONCAT = "elif tl is str and type(r) is str:\n            return l + r"
_FAST_SOURCES: dict[str, tuple[str, str, str]] = {
    "+": (_ARITH_TEMPLATE, "+", _STR_CONCAT),
    "-": (_ARITH_TEMPLATE, "-", ""),
    "*": (_ARITH_TEMPLATE, "*", ""),
    "%": (_REMAINDER_TEMPLATE, "%", ""),
    "/": (_DIVIDE_TEMPLATE, "/", ""),
}
for _names, _op in ((("-lt", "-ilt", "-clt"), "<"), (("-le", "-ile", "-cle"), "<="),
                    (("-gt", "-igt", "-cgt"), ">"), (("-ge", "-ige", "-cge"), ">="),
                    (("-eq", "-ieq", "-ceq"), "=="), (("-ne", "-ine", "-cne"), "!=")):
    for _name in _names:
        _FAST_SOURCES[_name] = (_COMPARE_TEMPLATE, _op, "")
_FAST: dict[tuple[str, str, str], tuple[Callable, Callable]] = {}


_TYPE_OPERATORS = frozenset(("-is", "-isnot", "-as"))


def _written_type(node: Any) -> Expr:
    """A type named by a string after ``-is``/``-as`` (``$x -is 'HashtableAst'``):
    found as the script's own type literals are (its classes, its using
    namespaces), else the string itself for the operator to convert."""
    text = node.value
    type_name = A.TypeName(text.strip(), extent=node.extent)
    found: list[Any] = []

    def written(ctx: Any) -> Any:
        if not found:
            try:
                found.append(resolve_in_script(type_name))
            except RuntimeException:
                return text
        return found[0]
    return written


def _fast_path(op: str) -> Optional[tuple[Callable, Callable]]:
    """The (two operands, constant right) closure makers for ``op``, built
    on first use so start-up does not pay for operators a script never uses."""
    source = _FAST_SOURCES.get(op)
    if source is None:
        return None
    made = _FAST.get(source)
    if made is None:
        made = _FAST[source] = _build(*source)
    return made


def truth(value: Any) -> bool:
    """``to_bool`` with the bool case inlined."""
    return value if type(value) is bool else to_bool(value)


_INTEGER_CLASS = {cls.__name__: cls for cls in INTEGER_CLASSES}


def literal_value(value: Any) -> Any:
    """The runtime value of a literal's ``value``: the tokenizer leaves a
    typed integer literal (``1L``, ``5uy``, ``2147483648``) as a plain
    :class:`TypedNumber`, which becomes the engine's integer class here."""
    if type(value) is TypedNumber:
        return _INTEGER_CLASS[value.type_name](value.value)
    return value


def constant_of(node: Any) -> tuple[bool, Any]:
    """(True, value) when ``node`` is a literal constant."""
    if isinstance(node, A.ConstantExpressionAst) and not isinstance(node, A.ExpandableStringExpressionAst):
        return True, literal_value(node.value)
    return False, None


def type_getter(type_name: Any) -> Callable[[], Any]:
    """A function returning the PSType for ``type_name``, resolved on first
    call (so an unknown type raises TypeNotFound when the code runs, and
    scripts that never cast do not load the type table)."""
    cache: list[Any] = []

    def get() -> Any:
        if cache:
            return cache[0]
        resolved = resolve_in_script(type_name)
        cache.append(resolved)
        return resolved
    return get


def _as_type(value: Any) -> Any:
    """The PSType a ``::`` left operand stands for."""
    from ..dotnet.types import PSType, resolve_type, type_of
    if isinstance(value, PSType):
        return value
    if isinstance(value, str):
        return resolve_type(value)
    return type_of(value)


class ExpressionCompiler:
    """Mixin of :class:`compiler.Compiler` for expression nodes."""

    # --- helpers shared with the other mixins -------------------------------------

    def statement_value(self, node: Any, propagate: bool = False) -> Expr:
        """A statement used as a value (assignment right-hand side, ``( )``,
        hashtable values): a pure expression gives its value unchanged, an
        assignment its assigned value, anything else its collected output.

        With ``propagate`` a failure of the statement is not handled (reported,
        trapped) where it happens but ends the enclosing statement, as pwsh
        compiles a ``( )`` operand or an assignment's pipeline without a
        statement's error handler: ``Write-Output (nosuch) 'x'`` reports one
        error and writes nothing, ``$x = nosuch`` leaves ``$x`` as it was."""
        if isinstance(node, A.PipelineAst) and not node.background:
            elements = node.pipeline_elements
            if len(elements) == 1 and isinstance(elements[0], A.CommandExpressionAst) \
                    and not elements[0].redirections:
                return self.expr(elements[0].expression)
        if isinstance(node, A.AssignmentStatementAst):
            return self.assignment_value(node)
        stmt = self.stmt(node)
        if propagate:
            return lambda ctx: _collect_propagating(stmt, ctx)
        return lambda ctx: collect(stmt, ctx)

    def unsupported_expr(self, node: Any) -> Expr:
        name = type(node).__name__

        def fail(ctx: Any) -> Any:
            raise runtime_error(f"The expression '{node.extent.text}' ({name}) is not supported.",
                                "NotSupported", ErrorCategory.NotImplemented)
        return fail

    # --- literals -------------------------------------------------------------------

    def e_ConstantExpressionAst(self, node: Any) -> Expr:
        value = literal_value(node.value)
        return lambda ctx: value

    e_StringConstantExpressionAst = e_ConstantExpressionAst

    def e_ExpandableStringExpressionAst(self, node: Any) -> Expr:
        parts: list[Any] = []
        for part in node.parts or ():
            if isinstance(part, str):
                if parts and isinstance(parts[-1], str):
                    parts[-1] += part
                else:
                    parts.append(part)
            else:
                parts.append(self.expr(part))
        if not parts:
            return lambda ctx: ""
        if len(parts) == 1 and isinstance(parts[0], str):
            text = parts[0]
            return lambda ctx: text
        compiled = tuple(parts)

        def expand(ctx: Any) -> str:
            buf = []
            for part in compiled:
                if type(part) is str:
                    buf.append(part)
                else:
                    value = part(ctx)
                    buf.append(value if type(value) is str else to_string(value))
            return "".join(buf)
        return expand

    def e_ArrayLiteralAst(self, node: Any) -> Expr:
        elements = [self.expr(e) for e in node.elements]
        if len(elements) == 2:
            a, b = elements
            return lambda ctx: [a(ctx), b(ctx)]
        return lambda ctx: [e(ctx) for e in elements]

    def e_HashtableAst(self, node: Any, ordered: bool = False) -> Expr:
        pairs = [(self.expr(k), self.statement_value(v)) for k, v in node.pairs]
        cls = OrderedDictionary if ordered else Hashtable

        def build(ctx: Any) -> Any:
            table = cls()
            for key_fn, value_fn in pairs:
                key = key_fn(ctx)
                if key is None:
                    raise runtime_error("A null key is not allowed in a hash literal.", "InvalidNullKey")
                if not table.add(key, value_fn(ctx)):
                    raise runtime_error(f"Duplicate keys '{to_string(key)}' are not allowed in hash literals.",
                                        "DuplicateKeyInHashLiteral")
            return table
        return build

    def e_ScriptBlockExpressionAst(self, node: Any) -> Expr:
        code = ScriptBlockCode(node.script_block)
        return lambda ctx: ScriptBlock(code, ctx, state=ctx.scope.state)

    def e_ArrayExpressionAst(self, node: Any) -> Expr:
        block = node.sub_expression
        if not block.statements:
            return lambda ctx: []
        body = self.block(block)

        def array(ctx: Any) -> list:
            items: list[Any] = []
            body(ctx, items.append)
            return items
        return array

    def e_SubExpressionAst(self, node: Any) -> Expr:
        body = self.block(node.sub_expression)
        return lambda ctx: collect(body, ctx)

    def e_ParenExpressionAst(self, node: Any) -> Expr:
        return self.statement_value(node.pipeline, propagate=not _preserves_output(node))

    def paren_statement(self, node: Any, extent: Any) -> Optional[Callable[[Any, Any], None]]:
        """A ( ) holding commands that is a whole statement (pwsh's
        ShouldPreserveOutputInCaseOfException): what it wrote before a
        failure is written, then the failure is handled as the statement's;
        with no output it writes nothing.  None for other ( )."""
        pipeline = node.pipeline
        if not _preserves_output(node) or not isinstance(pipeline, A.PipelineAst) or pipeline.background:
            return None
        elements = pipeline.pipeline_elements
        if len(elements) == 1 and isinstance(elements[0], A.CommandExpressionAst) and not elements[0].redirections:
            return None
        stmt = self.stmt(pipeline)

        def run(ctx: Any, out: Any) -> None:
            items: list[Any] = []
            saved_traps, saved_propagate = ctx.traps, ctx.propagate
            ctx.traps = saved_traps + [None]
            ctx.propagate = True
            try:
                stmt(ctx, items.append)
            except Exception as exc:
                ctx.traps, ctx.propagate = saved_traps, saved_propagate
                for item in items:
                    out(item)
                ctx.statement_error(exc, extent, out)
                return
            finally:
                ctx.traps, ctx.propagate = saved_traps, saved_propagate
            if len(items) == 1:
                emit_value(items[0], out)
            else:
                for item in items:
                    out(item)
        return run

    def e_ErrorExpressionAst(self, node: Any) -> Expr:
        text = node.extent.text

        def fail(ctx: Any) -> Any:
            raise ParseException(f"The expression '{text}' could not be parsed.")
        return fail

    # --- variables ------------------------------------------------------------------

    def e_VariableExpressionAst(self, node: Any) -> Expr:
        qname = QualifiedName(node.name)
        kind, key = qname.kind, qname.key
        if kind == "plain":
            if key == "null":
                return lambda ctx: None
            if key == "true":
                return lambda ctx: True
            if key == "false":
                return lambda ctx: False
            if key == "?":
                return lambda ctx: ctx.last_success
            file = node.extent.file
            if key in ("psscriptroot", "pscommandpath"):
                if file:
                    value = os.path.dirname(file) if key == "psscriptroot" else file
                    return lambda ctx: value
                return _read_or(key, "")
            return _reader(key, node.name, _in_expandable_string(node))
        if kind == "env":
            name = qname.name
            return lambda ctx: get_env(name)
        if kind == "function":
            name = qname.name
            return lambda ctx: ctx.session.get_function(name, ctx.scope)
        if kind == "alias":
            name = qname.name
            return lambda ctx: ctx.session.get_alias(name, ctx.scope)
        if kind == "drive":
            drive = qname.drive

            def no_drive(ctx: Any) -> Any:
                raise drive_not_found(drive)
            return no_drive

        in_string = _in_expandable_string(node)

        def qualified(ctx: Any) -> Any:
            var = ctx.session.lookup_qualified(qname, ctx.scope)
            if var is None:
                return _undefined(ctx, node.name, in_string)
            return var.value
        return qualified

    def e_UsingExpressionAst(self, node: Any) -> Expr:
        inner = node.sub_expression
        name = inner.name if isinstance(inner, A.VariableExpressionAst) else inner.extent.text
        key = QualifiedName(name).key

        def using(ctx: Any) -> Any:
            values = ctx.using_values
            if values is None or key not in values:
                raise runtime_error(
                    "A Using variable cannot be retrieved. A Using variable can be used only with "
                    "Invoke-Command, Start-Job, or InlineScript in the script workflow. When it is used "
                    "with Invoke-Command, the Using variable is valid only if the script block is invoked "
                    "on a remote computer.", "UsingWithoutInvokeCommand")
            return values[key]
        return using

    # --- operators ------------------------------------------------------------------

    def e_BinaryExpressionAst(self, node: Any) -> Expr:
        op = node.operator
        left = self.expr(node.left)
        if op == "-and":
            right = self.expr(node.right)
            return lambda ctx: truth(left(ctx)) and truth(right(ctx))
        if op == "-or":
            right = self.expr(node.right)
            return lambda ctx: truth(left(ctx)) or truth(right(ctx))
        if op == "-xor":
            right = self.expr(node.right)
            return lambda ctx: truth(left(ctx)) != truth(right(ctx))
        if op == "??":
            right = self.expr(node.right)

            def coalesce(ctx: Any) -> Any:
                value = left(ctx)
                return right(ctx) if value is None else value
            return coalesce
        from ..dotnet import operators as ops  # loaded by the first operator compiled, not at start-up
        if op in _MATCH_OPERATORS:
            return self._match(left, self.expr(node.right), *_MATCH_OPERATORS[op])
        if op in _TYPE_OPERATORS and isinstance(node.right, A.StringConstantExpressionAst):
            written = _written_type(node.right)
            type_operator = ops.BINARY_OPERATORS[op]
            return lambda ctx: type_operator(left(ctx), written(ctx))
        slow = ops.BINARY_OPERATORS.get(op)
        if slow is None:
            return self.unsupported_expr(node)
        fast = _fast_path(op)
        is_const, const = constant_of(node.right)
        if fast is not None:
            if is_const and type(const) is int and INT32_MIN <= const <= INT32_MAX:
                return fast[1](left, const, slow)
            return fast[0](left, self.expr(node.right), slow)
        if is_const:
            return lambda ctx: slow(left(ctx), const)
        right = self.expr(node.right)
        return lambda ctx: slow(left(ctx), right(ctx))

    def _match(self, left: Expr, right: Expr, case_sensitive: bool, negate: bool) -> Expr:
        from ..dotnet.operators import match

        def matcher(ctx: Any) -> Any:
            result, matches = match(left(ctx), right(ctx), case_sensitive, negate)
            if matches is not None:
                ctx.session.set_plain("matches", "Matches", matches, ctx.scope)
            return result
        return matcher

    def e_UnaryExpressionAst(self, node: Any) -> Expr:
        op = node.operator
        if op in ("++", "--"):
            return self.increment(node)
        child = self.expr(node.child)
        if op in ("-not", "!"):
            return lambda ctx: not truth(child(ctx))
        if op == ",":
            return lambda ctx: [child(ctx)]
        from ..dotnet import operators as ops
        slow = ops.UNARY_OPERATORS.get(op)
        if slow is None:
            return self.unsupported_expr(node)
        if op == "-":
            def negate(ctx: Any) -> Any:
                value = child(ctx)
                if type(value) is int and value != INT32_MIN:
                    return -value
                return slow(value)
            return negate
        return lambda ctx: slow(child(ctx))

    def e_TernaryExpressionAst(self, node: Any) -> Expr:
        condition = self.expr(node.condition)
        if_true = self.expr(node.if_true)
        if_false = self.expr(node.if_false)
        return lambda ctx: if_true(ctx) if truth(condition(ctx)) else if_false(ctx)

    # --- types ----------------------------------------------------------------------

    def e_TypeExpressionAst(self, node: Any) -> Expr:
        get = type_getter(node.type_name)
        return lambda ctx: get()

    def e_ConvertExpressionAst(self, node: Any) -> Expr:
        type_name = node.type.type_name
        name = type_name.name.lower() if not type_name.array_rank and not type_name.generic_arguments else ""
        child_node = node.child
        if name == "ordered" and isinstance(child_node, A.HashtableAst):
            return self.e_HashtableAst(child_node, ordered=True)
        if name in ("pscustomobject", "system.management.automation.pscustomobject") and \
                isinstance(child_node, A.HashtableAst):
            return self._custom_object(child_node)
        child = self.expr(child_node)
        if name in ("void", "system.void"):
            def void(ctx: Any) -> None:
                child(ctx)
                return None
            return void
        if name in ("ref", "system.management.automation.psreference"):
            return self._reference(child_node, child)
        get = type_getter(type_name)
        return lambda ctx: get().convert(child(ctx))

    def _custom_object(self, node: Any) -> Expr:
        pairs = [(self.expr(k), self.statement_value(v)) for k, v in node.pairs]

        def build(ctx: Any) -> PSCustomObject:
            names = []
            values = []
            type_names = None
            for key_fn, value_fn in pairs:
                name = to_string(key_fn(ctx))
                if len(name) == 10 and name.lower() == "pstypename":
                    # pwsh: names the object's type instead of adding a property
                    if type_names is None:
                        type_names = []
                    type_names.append(to_string(value_fn(ctx)))
                else:
                    names.append(name)
                    values.append(value_fn(ctx))
            # objects from one literal share their names (PSCustomObject.from_names)
            obj = PSCustomObject.from_names(tuple(names), values)
            if type_names is not None:
                for type_name in type_names:
                    obj.insert_type_name(type_name)
            return obj
        return build

    def _reference(self, child_node: Any, child: Expr) -> Expr:
        """``[ref]$x`` refers to the variable itself (created if unset), so
        writes through it land in the variable's own scope even from inside
        a called function; ``[ref]`` of anything else boxes the value."""
        if isinstance(child_node, A.VariableExpressionAst):
            qname = QualifiedName(child_node.name)
            if qname.kind not in ("env", "function", "alias", "drive"):
                def ref(ctx: Any) -> PSReference:
                    var = ctx.session.lookup_qualified(qname, ctx.scope)
                    if var is None:
                        scope = ctx.session.target_scope(qname, ctx.scope)
                        var = scope.vars[qname.key] = PSVariable(qname.name, None)
                    if isinstance(var.value, PSReference):
                        return var.value
                    return PSReference(getter=lambda: var.value, setter=var.assign)
                return ref

        def boxed(ctx: Any) -> PSReference:
            value = child(ctx)
            return value if isinstance(value, PSReference) else PSReference(value)
        return boxed

    def e_AttributedExpressionAst(self, node: Any) -> Expr:
        return self.expr(node.child)

    # --- members and indexing -----------------------------------------------------------

    def member_name(self, node: Any) -> Callable[[Any], str]:
        """The member name of ``.name`` / ``.$name`` / ``.(expr)``."""
        member = node.member
        if isinstance(member, A.StringConstantExpressionAst):
            name = member.value
            return lambda ctx: name
        name_fn = self.expr(member)
        return lambda ctx: to_string(name_fn(ctx))

    def static_target(self, node: Any) -> Callable[[Any], Any]:
        """The PSType on the left of ``::``."""
        target = node.expression
        if isinstance(target, A.TypeExpressionAst):
            get = type_getter(target.type_name)
            return lambda ctx: get()
        value = self.expr(target)
        return lambda ctx: _as_type(value(ctx))

    def e_MemberExpressionAst(self, node: Any) -> Expr:
        name_of = self.member_name(node)
        if node.static:
            target = self.static_target(node)
            return lambda ctx: target(ctx).get_static(name_of(ctx))
        obj_fn = self.expr(node.expression)
        _bind_readers()
        if isinstance(node.member, A.StringConstantExpressionAst):
            name = node.member.value
            if node.null_conditional:
                def member_nc(ctx: Any) -> Any:
                    obj = obj_fn(ctx)
                    return None if obj is None else _read_member(obj, name)
                return member_nc
            return lambda ctx: _read_member(obj_fn(ctx), name)
        if node.null_conditional:
            def dynamic_nc(ctx: Any) -> Any:
                obj = obj_fn(ctx)
                return None if obj is None else _read_member(obj, name_of(ctx))
            return dynamic_nc
        return lambda ctx: _read_member(obj_fn(ctx), name_of(ctx))

    def e_InvokeMemberExpressionAst(self, node: Any) -> Expr:
        name_of = self.member_name(node)
        args = [self.expr(a) for a in node.arguments or ()]
        if node.generic_type_arguments:
            return self._generic_invoke(node, name_of, args)
        if node.static:
            target = self.static_target(node)
            return lambda ctx: target(ctx).invoke_static(name_of(ctx), [a(ctx) for a in args])
        obj_fn = self.expr(node.expression)
        null_conditional = node.null_conditional
        from ..dotnet.members import invoke_method

        def call(ctx: Any) -> Any:
            obj = obj_fn(ctx)
            if null_conditional and obj is None:
                return None
            return invoke_method(obj, name_of(ctx), [a(ctx) for a in args])
        return call

    def _generic_invoke(self, node: Any, name_of: Expr, args: list[Expr]) -> Expr:
        """``[T]::M[A](args)`` / ``$o.M[A](args)``: the type arguments are
        resolved when the call runs, as type literals are."""
        types = [type_getter(t) for t in node.generic_type_arguments]
        from ..dotnet.members import invoke_generic_method, invoke_generic_static
        if node.static:
            target = self.static_target(node)
            return lambda ctx: invoke_generic_static(target(ctx), name_of(ctx), [t() for t in types],
                                                     [a(ctx) for a in args])
        obj_fn = self.expr(node.expression)
        null_conditional = node.null_conditional

        def call(ctx: Any) -> Any:
            obj = obj_fn(ctx)
            if null_conditional and obj is None:
                return None
            return invoke_generic_method(obj, name_of(ctx), [t() for t in types], [a(ctx) for a in args])
        return call

    def e_IndexExpressionAst(self, node: Any) -> Expr:
        target = self.expr(node.target)
        index = self.expr(node.index)
        _bind_readers()
        if node.null_conditional:
            def index_nc(ctx: Any) -> Any:
                obj = target(ctx)
                return None if obj is None else _read_index(obj, index(ctx))
            return index_nc
        return lambda ctx: _read_index(target(ctx), index(ctx))


def _reader(key: str, name: str, in_string: bool) -> Expr:
    """``$name``: the current scope's dict first (the common case), then the
    parents, skipping their private variables."""
    def read(ctx: Any) -> Any:
        var = ctx.scope.vars.get(key)
        if var is None:
            var = ctx.session.lookup(key, ctx.scope)
            if var is None:
                return _undefined(ctx, name, in_string)
        return var.value
    return read


def _read_or(key: str, default: Any) -> Expr:
    def read(ctx: Any) -> Any:
        var = ctx.session.lookup(key, ctx.scope)
        return default if var is None else var.value
    return read


def _in_expandable_string(node: Any) -> bool:
    """Whether a variable is read inside a ``"..."`` string, where
    Set-StrictMode 1 still lets an unset one expand to nothing."""
    parent = node.parent
    while parent is not None:
        if type(parent) is A.ExpandableStringExpressionAst:
            return True
        parent = parent.parent
    return False


def _undefined(ctx: Any, name: str, in_string: bool = False) -> Any:
    """The value of an unset variable: $null, or VariableIsUndefined under
    Set-StrictMode 1 (outside strings) and 2 or later (everywhere)."""
    version = strict_version(ctx.scope)
    if version >= 2 or (version == 1 and not in_string):
        raise RuntimeException(
            f"The variable '${name}' cannot be retrieved because it has not been set.",
            error_id="VariableIsUndefined", category=ErrorCategory.InvalidOperation, target_object=name)
    return None


def _collect_propagating(stmt: Any, ctx: Any) -> Any:
    """``collect`` with the statement's own error handling turned into
    propagation (as a try body does), so the enclosing statement fails."""
    saved_traps, saved_propagate = ctx.traps, ctx.propagate
    ctx.traps = saved_traps + [None]
    ctx.propagate = True
    try:
        return collect(stmt, ctx)
    finally:
        ctx.traps, ctx.propagate = saved_traps, saved_propagate


def _preserves_output(node: Any) -> bool:
    """pwsh's ShouldPreserveOutputInCaseOfException: a ( ) that is a whole
    statement by itself (directly, or in such a ( )) keeps what it wrote
    before a failure, so its failure is handled as that statement's."""
    command = node.parent
    if not isinstance(command, A.CommandExpressionAst):
        return False
    pipeline = command.parent
    if not isinstance(pipeline, A.PipelineAst) or len(pipeline.pipeline_elements) > 1:
        return False
    if isinstance(pipeline.parent, A.ParenExpressionAst):
        return _preserves_output(pipeline.parent)
    return isinstance(pipeline.parent, (A.StatementBlockAst, A.NamedBlockAst))


# What member and index reads call: the object model's readers until
# Set-StrictMode turns checks on (enable_strict_checks), so that code that
# never uses strict mode pays nothing for it.  They are bound when the first
# member or index read is compiled (_bind_readers): a script without one
# never loads the object model's members module.
_read_member: Optional[Callable[[Any, str], Any]] = None
_read_index: Optional[Callable[[Any, Any], Any]] = None


def _bind_readers() -> None:
    global _read_member, _read_index
    if _read_member is None:
        from ..dotnet.members import get_index, get_member
        _read_member, _read_index = get_member, get_index


def enable_strict_checks() -> None:
    """Switches member and index reads to the readers that check
    Set-StrictMode 2 (PropertyNotFoundStrict) and 3 (an index out of range);
    called by Set-StrictMode.  The checks still follow the version in
    effect in the running scope, so turning them on is never undone."""
    global _read_member, _read_index
    from ..dotnet.members import (get_index, get_member, index_out_of_range, property_not_found_strict,
                                  strict_property_exists)

    def strict_read_member(obj: Any, name: str) -> Any:
        value = get_member(obj, name)
        if value is None and strict_version(active.context.scope) >= 2 and not strict_property_exists(obj, name):
            raise property_not_found_strict(name)
        return value

    def strict_read_index(obj: Any, index: Any) -> Any:
        value = get_index(obj, index)
        if value is None and strict_version(active.context.scope) >= 3 and index_out_of_range(obj, index):
            raise IndexOutOfRangeException("Index was outside the bounds of the array.")
        return value

    _read_member = strict_read_member
    _read_index = strict_read_index
