"""The checks pwsh runs on a parsed ``class`` before anything executes
(SemanticChecks.cs and the type definer's symbol resolution): members
defined twice, param blocks and named blocks in methods, return statements
that do not fit the method's return type, code paths without a return,
``$this`` in static members, labels a method does not have, and type names
that exist nowhere.  Each finding is a parse error with pwsh's ErrorId.

Whether a type name exists is a question for the object model, which the
language layer does not import: the runtime installs the answer with
:func:`pwshlike.language.parser.register_type_lookup` and the parser hands
it to :func:`check_classes` (so that the runtime need not load this module).
"""

from __future__ import annotations

import pwshlike.language.ast as A

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Iterator, Optional
    Report = Callable[[A.Extent, str, tuple], None]


def check_classes(root: A.ScriptBlockAst, definitions: list[A.TypeDefinitionAst], report: Report,
                  type_exists: Optional[Callable[[str], bool]]) -> None:
    """Reports what pwsh's semantic checks find in the type definitions
    (enums and classes) parsed from ``root``; ``type_exists`` tells whether
    a type name is known (None: base types are not checked)."""
    _check_defined_once(definitions, report)
    defined = {node.name.lower() for node in definitions}
    resolve_types = not root.using_statements and type_exists is not None
    for node in definitions:
        if node.type_attributes != "Class":
            continue
        if resolve_types:
            assert type_exists is not None
            _check_type_names(node, defined, report, type_exists)
        _check_duplicates(node, report)
        for member in node.members:
            if isinstance(member, A.FunctionMemberAst):
                _check_method(member, report)
            elif member.is_static and member.initial_value is not None:
                _check_this(member.initial_value, report)


def _check_defined_once(definitions: list[A.TypeDefinitionAst], report: Report) -> None:
    """Two types of one name in one script block: MemberAlreadyDefined."""
    seen: set[tuple[int, str]] = set()
    for node in definitions:
        scope = node.parent
        while scope is not None and not isinstance(scope, A.ScriptBlockAst):
            scope = scope.parent
        key = (id(scope), node.name.lower())
        if key in seen:
            report(node.extent, "MemberAlreadyDefined", (node.name,))
        seen.add(key)


def _check_type_names(node: A.TypeDefinitionAst, defined: set[str], report: Report,
                      type_exists: Callable[[str], bool]) -> None:
    """A base type that exists nowhere.  (Member types are left to the
    runtime, which resolves them when the member is first used: the session
    may not model every .NET type pwsh knows.)"""
    for constraint in node.base_types:
        name = _innermost(constraint.type_name)
        if name.lower() in defined or _known(name, type_exists):
            continue
        extent = constraint.type_name.extent or constraint.extent
        report(extent, "TypeNotFound", (constraint.type_name.full_name,))


def _innermost(type_name: A.TypeName) -> str:
    """The element type of an array type (``Foo[]`` names ``Foo``)."""
    while type_name.array_rank and type_name.element_type is not None:
        type_name = type_name.element_type
    return type_name.full_name


def _known(name: str, type_exists: Callable[[str], bool]) -> bool:
    """Whether the type exists.  A namespace-qualified ``System.`` name is
    taken to be a .NET type this session may not model: the runtime reports
    it if the class cannot be defined without it."""
    return name.lower().startswith("system.") or type_exists(name)


def _check_duplicates(node: A.TypeDefinitionAst, report: Report) -> None:
    properties: set[str] = set()
    methods: set[tuple] = set()
    for member in node.members:
        if isinstance(member, A.PropertyMemberAst):
            key_name = member.name.lower()
            if key_name in properties:
                report(member.extent, "MemberAlreadyDefined", (member.name,))
            properties.add(key_name)
            continue
        signature = (member.name.lower(), member.is_static,
                     tuple(_parameter_type(p) for p in member.parameters))
        if signature in methods:
            report(member.extent, "MemberAlreadyDefined", (member.name,))
        methods.add(signature)


def _parameter_type(parameter: A.ParameterAst) -> str:
    for attribute in parameter.attributes:
        if isinstance(attribute, A.TypeConstraintAst):
            return attribute.type_name.full_name.lower()
    return "object"


def _check_method(member: A.FunctionMemberAst, report: Report) -> None:
    body = member.body
    if body.param_block is not None:
        report(body.param_block.extent, "ParamBlockNotAllowedInMethod", ())
    named = [b for b in (body.dynamicparam_block, body.begin_block, body.process_block, body.clean_block)
             if b is not None]
    if named or (body.end_block is not None and not body.end_block.unnamed):
        first = named[0] if named else body.end_block
        report(first.extent, "NamedBlockNotAllowedInMethod", ())
    if member.is_constructor and member.return_type is not None:
        report(member.return_type.extent, "ConstructorCantHaveReturnType", ())
    for parameter in member.parameters:
        types = [a for a in parameter.attributes if isinstance(a, A.TypeConstraintAst)]
        for extra in types[1:]:
            report(extra.extent, "MultipleTypeConstraintsOnMethodParam", ())
    is_void = member.is_constructor or member.return_type is None or \
        member.return_type.type_name.full_name.lower() in ("void", "system.void")
    for node in _own_nodes(body):
        if isinstance(node, A.ReturnStatementAst):
            if node.pipeline is not None and is_void:
                report(node.extent, "VoidMethodHasReturn", ())
            elif node.pipeline is None and not is_void:
                report(node.extent, "NonVoidMethodMissingReturnValue", ())
        elif isinstance(node, (A.BreakStatementAst, A.ContinueStatementAst)):
            _check_label(node, report)
        elif member.is_static and isinstance(node, A.VariableExpressionAst) and node.name.lower() == "this":
            report(node.extent, "NonStaticMemberAccessInStaticMember", (node.name,))
    if not is_void and body.end_block is not None and not _block_returns(body.end_block.statements):
        report(member.name_extent, "MethodHasCodePathNotReturn", ())


def _check_this(expression: A.Ast, report: Report) -> None:
    for node in expression.walk():
        if isinstance(node, A.VariableExpressionAst) and node.name.lower() == "this":
            report(node.extent, "NonStaticMemberAccessInStaticMember", (node.name,))


def _own_nodes(body: A.ScriptBlockAst) -> Iterator[A.Ast]:
    """The method's nodes, not those of script blocks written inside it."""
    stack: list[A.Ast] = list(body.children())
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, A.ScriptBlockExpressionAst):
            stack.extend(node.children())


def _check_label(node: A.Ast, report: Report) -> None:
    """LabelNotFound: ``break name`` with no enclosing loop of that label in the method."""
    label = node.label
    if not isinstance(label, A.StringConstantExpressionAst) or not label.value:
        return
    parent = node.parent
    while parent is not None and not isinstance(parent, A.FunctionMemberAst):
        if isinstance(parent, A.LoopStatementAst) or isinstance(parent, A.SwitchStatementAst):
            if (parent.label or "").lower() == label.value.lower():
                return
        if isinstance(parent, A.ScriptBlockAst) and not isinstance(parent.parent, A.FunctionMemberAst):
            return
        parent = parent.parent
    report(node.extent, "LabelNotFound", (label.value,))


def _block_returns(statements: list) -> bool:
    """Whether every path through ``statements`` ends in return or throw."""
    return any(_statement_returns(s) for s in statements or ())


def _statement_returns(node: A.Ast) -> bool:
    if isinstance(node, (A.ReturnStatementAst, A.ThrowStatementAst, A.ExitStatementAst)):
        return True
    if isinstance(node, A.IfStatementAst):
        return node.else_clause is not None and _block_returns(node.else_clause.statements) and \
            all(_block_returns(body.statements) for _, body in node.clauses)
    if isinstance(node, A.TryStatementAst):
        if node.finally_ is not None and _block_returns(node.finally_.statements):
            return True
        return _block_returns(node.body.statements) and \
            all(_block_returns(c.body.statements) for c in node.catch_clauses)
    if isinstance(node, A.SwitchStatementAst):
        return node.default is not None and _block_returns(node.default.statements) and \
            all(_block_returns(body.statements) for _, body in node.clauses)
    if isinstance(node, (A.WhileStatementAst, A.DoWhileStatementAst, A.ForStatementAst)):
        return _endless(node) and not any(isinstance(n, A.BreakStatementAst) for n in _loop_nodes(node))
    return False


def _endless(loop: A.Ast) -> bool:
    """``while ($true)``, ``while (1)``, ``for (;;)``: a loop only break or return leaves."""
    condition = loop.condition
    if condition is None:
        return isinstance(loop, A.ForStatementAst)
    text = condition.extent.text.strip().lower()
    return text in ("$true", "1")


def _loop_nodes(loop: A.Ast) -> Iterator[A.Ast]:
    stack: list[A.Ast] = list(loop.body.children()) if loop.body is not None else []
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (A.LoopStatementAst, A.SwitchStatementAst, A.ScriptBlockExpressionAst)):
            stack.extend(node.children())
