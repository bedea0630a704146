"""Script ``class`` definitions turned into object-model classes.

Like enums, pwsh defines a script's classes when the script is compiled,
before it runs, so ``[Foo]`` works above ``class Foo`` and a class may use
one defined further down.  Definition has two steps: every class of the
script is created first (a base class before the classes deriving from it),
then their members, whose types may name any class of the script.  A type
name in a class resolves lexically first, to the class of that name in the
nearest enclosing block, so two blocks of one file may each define their own
``class C``.  The definition statement, when it runs, binds the class to the
session state it runs in (where its methods then run) and makes it the
type its name resolves to.

Method bodies run as script blocks with ``$this`` and their parameters; only
``return`` gives a method its value (the compiler has it call
:func:`method_returns`), any other output is discarded.
"""

from __future__ import annotations

import _thread
from typing import Any, Callable, NoReturn, Optional

from ..dotnet.errors import ErrorCategory, ParseException, RuntimeException, ValidationMetadataException
from ..dotnet.script_objects import script_class_of, ScriptClass, ScriptMethod, ScriptProperty, TypeRef
from ..dotnet.types import array_type, OBJECT, PSType
from ..language import ast as A
from ..language.errors import ParseError
from . import active
from .class_rules import check_abstract_members, check_base_constructor, check_base_type, check_base_written, check_interfaces, fail
from .error_records import set_position
from .pipeline import NO_INPUT
from .scopes import PSVariable, Scope, state_scope
from .scriptblock import ScriptBlock, ScriptBlockCode
from .type_names import add_module_type, add_scope_type, add_script_type, resolve_in_script

Expr = Callable[[Any], Any]
_VOID_NAMES = frozenset(("void", "system.void"))


# Per thread, a holder for each method running (innermost last): what its ``return`` gave.
_RUNNING = _thread._local()  # threading.local itself


def method_returns(value: Any) -> None:
    """A method's ``return value`` ran (wherever in the method's own code:
    inside ``@( )`` or an assignment too): the innermost running method's value."""
    _RUNNING.holders[-1][0] = value


def is_class(node: Any) -> bool:
    return isinstance(node, A.TypeDefinitionAst) and node.type_attributes == "Class"


def define_script_classes(ast: A.ScriptBlockAst, compile_expression: Callable[[Any], Expr]) -> None:
    """Defines every class of a whole script (nested blocks included)."""
    definer = ClassDefiner(compile_expression)
    nodes = [node for node in ast.walk() if is_class(node)]
    for node in nodes:
        try:
            definer.create(node)
        except RuntimeException as exc:
            # A base type that does not exist or cannot be one: the class
            # statement reports it when it runs, the rest of the script still runs.
            _FAILED[id(node)] = (node, exc)
    for node in nodes:
        if node.defined_type is not None:
            try:
                definer.fill(node)
            except RuntimeException as exc:
                _FAILED[id(node)] = (node, exc)
                node.defined_type = None


# id(node) -> (node, why it could not be defined), for the class statement to report.
_FAILED: dict[int, tuple[A.TypeDefinitionAst, RuntimeException]] = {}


def definition_error(node: A.TypeDefinitionAst) -> RuntimeException:
    """Why a class could not be defined."""
    entry = _FAILED.get(id(node))
    if entry is not None and entry[0] is node:
        return entry[1]
    return RuntimeException(f"Unable to find type [{node.name}].", error_id="TypeNotFound")


class ClassDefiner:
    """Creates classes (bases first) and then fills in their members."""

    def __init__(self, compile_expression: Callable[[Any], Expr]) -> None:
        self.compile_expression = compile_expression
        self._pending: set[int] = set()

    def create(self, node: A.TypeDefinitionAst) -> ScriptClass:
        if node.defined_type is not None:
            return script_class_of(node.defined_type)
        if id(node) in self._pending:
            _fail(node.base_types[0].extent, "TypeNotFound", f"Unable to find type [{node.base_types[0].extent.text}].")
        self._pending.add(id(node))
        try:
            base, base_type, interfaces = self._bases(node)
        finally:
            self._pending.discard(id(node))
        cls = ScriptClass(node.name, base, base_type, interfaces)
        cls.definition = node
        cls.current_state = lambda: cls.state_for(active.context)
        node.defined_type = cls.pstype
        add_script_type(node, cls.pstype)
        return cls

    def _bases(self, node: A.TypeDefinitionAst) -> tuple[Optional[ScriptClass], PSType, list[str]]:
        base: Optional[ScriptClass] = None
        base_type = OBJECT
        interfaces: list[str] = []
        for index, constraint in enumerate(node.base_types):
            check_base_written(constraint)
            sibling = lexical_definition(node.parent, constraint.type_name.full_name)
            if sibling is not None and is_class(sibling) and sibling.extent.start_offset < node.extent.start_offset:
                found = self.create(sibling).pstype
            elif sibling is not None and is_class(sibling):
                # A base class must be defined above the class deriving from it.
                fail("TypeNotFound", f"Unable to find type [{constraint.type_name.full_name}].",
                     constraint.type_name.full_name)
            else:
                found = resolve_in_script(constraint.type_name)
            interface = script_class_of(found) is None and _is_interface(found)
            check_base_type(found, index, interface)
            if index == 0 and script_class_of(found) is not None:
                base = script_class_of(found)
                base_type = found
            elif index == 0 and not interface:
                base_type = found
            else:
                interfaces.append(found.full_name)
        return base, base_type, interfaces

    def fill(self, node: A.TypeDefinitionAst) -> None:
        cls: ScriptClass = script_class_of(node.defined_type)
        if cls.properties or cls.methods or cls.constructors or cls.static_constructor:
            return
        for member in node.members:
            if isinstance(member, A.PropertyMemberAst):
                cls.add_property(self._property(cls, member, node))
            elif member.is_constructor:
                cls.add_constructor(self._method(cls, member, node))
            else:
                cls.add_method(self._method(cls, member, node))
        check_interfaces(cls)
        check_abstract_members(cls)
        check_base_constructor(cls, node)

    def _property(self, cls: ScriptClass, member: A.PropertyMemberAst, owner: A.TypeDefinitionAst) -> ScriptProperty:
        pstype = self._type(member.property_type, owner) if member.property_type is not None else None
        prop = ScriptProperty(member.name, pstype, bool(member.is_hidden), bool(member.is_static))
        if member.attributes:
            prop.validate = _validator(member.name, member.attributes)
        if member.initial_value is not None:
            prop.init = _initializer(cls, prop, self.compile_expression(member.initial_value), member.extent)
        return prop

    def _method(self, cls: ScriptClass, member: A.FunctionMemberAst, owner: A.TypeDefinitionAst) -> ScriptMethod:
        names = [p.name.name for p in member.parameters]
        types = [self._parameter_type(p, owner) for p in member.parameters]
        return_type: Optional[TypeRef] = None
        if member.return_type is not None and not member.is_constructor \
                and member.return_type.type_name.full_name.lower() not in _VOID_NAMES:
            return_type = self._type(member.return_type, owner)
        code = ScriptBlockCode(member.body, member.parameters)
        return ScriptMethod(member.name, names, types, return_type, bool(member.is_static), bool(member.is_hidden),
                            _invoker(cls, code, names))

    def _parameter_type(self, parameter: A.ParameterAst, owner: A.TypeDefinitionAst) -> Optional[TypeRef]:
        for attribute in parameter.attributes:
            if isinstance(attribute, A.TypeConstraintAst):
                return self._type(attribute, owner)
        return None

    def _type(self, constraint: A.TypeConstraintAst, owner: A.TypeDefinitionAst) -> TypeRef:
        """A member's type: a class of this script (lexically), else any
        type known when the member is first used."""
        type_name = constraint.type_name
        rank = 0
        while type_name.array_rank and type_name.element_type is not None:
            rank += 1
            type_name = type_name.element_type
        definition = lexical_definition(owner, type_name.full_name)
        if definition is not None and is_class(definition):
            found = self.create(definition).pstype
            for _ in range(rank):
                found = array_type(found)
            return TypeRef(constraint.type_name.full_name, lambda: found)
        return TypeRef(constraint.type_name.full_name, lambda: resolve_in_script(constraint.type_name))


def _initializer(cls: ScriptClass, prop: ScriptProperty, compiled: Expr, extent: A.Extent) -> Callable[[Any], Any]:
    """A property's initializer, evaluated in a new scope of the class's
    session state (a module's class sees the module's variables), with
    ``$this`` for an instance property, and converted to the property's
    type; its errors point at the property."""
    def init(this: Any) -> Any:
        ctx = active.context
        saved = ctx.scope
        ctx.scope = Scope(state_scope(ctx, cls.state_for(ctx)), False)
        if this is not None:
            ctx.scope.vars["this"] = PSVariable("this", this)
        try:
            return prop.coerce(compiled(ctx))
        except RuntimeException as exc:
            set_position(exc, extent)
            raise
        finally:
            ctx.scope = saved
    return init


def _discard(_item: Any) -> None:
    """A method's output other than its return value goes nowhere."""


def _validator(name: str, attributes: list) -> Callable[[Any], None]:
    """Checks a value assigned to a property against its validation
    attributes (``[ValidateRange(1, 5)]``...), resolved on first use by the
    session's attribute resolver; other attributes are ignored, as in pwsh."""
    checkers: list[Any] = []

    def validate(value: Any) -> None:
        if not checkers:
            ctx = active.context
            checkers.extend(c for c in (ctx.resolve_variable_attribute(a) for a in attributes) if c is not None)
            checkers.append(None)
        for checker in checkers:
            if checker is not None:
                _check(checker, value)
    return validate


def _check(checker: Any, value: Any) -> None:
    """One validation attribute's check, failing as pwsh's attribute does
    (ValidationMetadataException with the attribute's own text)."""
    try:
        checker.validate(value)
    except RuntimeException:
        raise
    except Exception as exc:  # the resolver's validation failure, whatever layer defines it
        message = getattr(exc, "message", None)
        if not isinstance(message, str):
            raise
        raise ValidationMetadataException(message, error_id=getattr(exc, "error_id", "ValidationMetadataException"),
                                          category=ErrorCategory.MetadataError) from None


def _invoker(cls: ScriptClass, code: ScriptBlockCode, names: list[str]) -> Callable[[Any, list], Any]:
    """Runs a method body: a new scope of the class's session state, with
    ``$this`` and the parameters; the value is what ``return`` gave.  Errors
    are terminating inside it."""
    def invoke(this: Any, args: list) -> Any:
        ctx = active.context
        holders = getattr(_RUNNING, "holders", None)
        if holders is None:
            holders = _RUNNING.holders = []
        result: list[Any] = [None]
        holders.append(result)
        state = getattr(this, "origin", None) if this is not None else None
        block = ScriptBlock(code, ctx, state=state if state is not None else cls.state_for(ctx))
        # An error anywhere in a method (in a function it calls too) ends the
        # method, as if it were in a try block: pwsh runs methods that way.
        saved = ctx.propagate
        ctx.propagate = True
        try:
            block.begin_invocation(ctx, variables=dict(zip(names, args)), emit=_discard, this=this).run(NO_INPUT)
        finally:
            ctx.propagate = saved
            holders.pop()
        return result[0]
    return invoke


def lexical_definition(start: Optional[A.Ast], name: str) -> Optional[A.TypeDefinitionAst]:
    """The type definition named ``name`` in the nearest block enclosing ``start``."""
    lowered = name.lower()
    node = start
    while node is not None:
        statements = getattr(node, "statements", None)
        if isinstance(node, A.ScriptBlockAst):
            statements = [s for block in (node.begin_block, node.process_block, node.end_block)
                          if block is not None for s in block.statements]
        for statement in statements or ():
            if isinstance(statement, A.TypeDefinitionAst) and statement.name.lower() == lowered:
                return statement
        node = node.parent
    return None


def bind_definition(cls: ScriptClass, definition: A.TypeDefinitionAst, session: Any, state: Any) -> None:
    """The class statement running in ``state`` of ``session``: its methods
    run there, and the class becomes what its name means to its script, and
    to the code running in the scope the statement ran in and the scopes
    below it, unless it is a module's (then to the scripts using the module),
    as pwsh adds a script's types to the current scope's type table."""
    cls.define_in(session, state)
    add_script_type(definition, cls.pstype)
    module = getattr(state, "module", None)
    if module is None:
        add_scope_type(cls.pstype)
    else:
        add_module_type(module, cls.pstype)


def _is_interface(t: PSType) -> bool:
    """Whether a .NET type named as a base is an interface (``System.IDisposable``)."""
    name = t.name
    return t.base is None or (len(name) > 1 and name[0] == "I" and name[1].isupper() and t.is_abstract)


def _fail(extent: A.Extent, error_id: str, text: str) -> NoReturn:
    raise ParseException(errors=[ParseError(error_id, text, extent)])

