"""``class`` definitions: ``class Name : Base, IFace { members }`` parsed into
a :class:`TypeDefinitionAst` of :class:`PropertyMemberAst` and
:class:`FunctionMemberAst` members, as pwsh's ClassDefinitionRule,
ClassMemberRule and MethodDeclarationRule shape them (the same error ids at
the same places).  A mixin of :class:`.parser.Parser`; the checks pwsh runs
on a finished class live in :mod:`.class_checks`, the runtime turns the node
into a type.
"""

from __future__ import annotations

import pwshlike.language.ast as A
from .ast import Extent
from .parse_cursor import (K_COLON, K_COMMA, K_EQUALS, K_IDENTIFIER, K_LCURLY, K_LPAREN, K_NEWLINE, K_RCURLY,
                           K_SEMI, K_VARIABLE)
from .scan_tables import MODE_COMMAND, MODE_EXPRESSION, RawToken
from .tokens import F_KEYWORD, STATIC_FLAGS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


class ClassRules:
    """The class statement rules."""

    def _class(self, class_tok: RawToken, attributes: Optional[list] = None) -> A.StatementAst:
        src = self.src
        self._skip_newlines()
        name = self._simple_name()
        if name is None:
            self._incomplete(class_tok[2], class_tok[2], "MissingNameAfterKeyword", "class")
            return A.ErrorStatementAst(Extent(src, class_tok[1], class_tok[2]), [])
        old_mode = self.tk.mode
        try:
            self._switch_mode(MODE_EXPRESSION)
            return self._class_rest(class_tok, name, attributes or [])
        finally:
            self._switch_mode(old_mode)

    def _class_rest(self, class_tok: RawToken, name: A.StringConstantExpressionAst,
                    attributes: list) -> A.StatementAst:
        src = self.src
        self._skip_newlines()
        base_types: list[A.TypeConstraintAst] = []
        if self._peek()[0] is K_COLON:
            colon = self._next()
            after = colon[2]
            self._skip_newlines()
            while True:
                type_name, _ = self._type_name(False)
                if type_name is None:
                    self._incomplete(after, after, "TypeNameExpected")
                    break
                base_types.append(A.TypeConstraintAst(type_name.extent, type_name))
                self._skip_newlines()
                comma = self._peek()
                if comma[0] is not K_COMMA:
                    break
                self.ungot = None
                after = comma[2]
                self._skip_newlines()
        start = attributes[0].extent.start_offset if attributes else class_tok[1]
        lcurly = self._next()
        if lcurly[0] is not K_LCURLY:
            self.ungot = lcurly
            last = base_types[-1].extent.end_offset if base_types else name.extent.end_offset
            self._incomplete(last, last, "MissingTypeBody", "class")
            return A.ErrorStatementAst(Extent(src, class_tok[1], last), base_types)
        end = lcurly[2]
        members: list[A.Ast] = []
        nested: list[A.Ast] = []
        while True:
            member, on_error = self._class_member(name.value)
            if member is None and on_error is None:
                break
            if member is not None:
                members.append(member)
                end = member.extent.end_offset
            if on_error:
                nested.extend(on_error)
                end = on_error[-1].extent.end_offset
        rcurly = self._next()
        if rcurly[0] is not K_RCURLY:
            self.ungot = rcurly
            self._incomplete(lcurly[2], lcurly[2], "MissingEndCurlyBrace")
        else:
            end = rcurly[2]
        extent = Extent(src, start, end)
        node = A.TypeDefinitionAst(extent, name.value,
                                   [a for a in attributes if isinstance(a, A.AttributeAst)],
                                   base_types, members, "Class")
        for child in (*node.attributes, *base_types, *members):
            child.parent = node
        self._check_type_defined_once(node)
        constraints = [a for a in attributes if isinstance(a, A.TypeConstraintAst)]
        if constraints:
            nested.extend(constraints)
            nested.append(node)
        if nested:
            return A.ErrorStatementAst(extent, nested)
        return node

    def _class_member(self, class_name: str) -> tuple[Optional[A.Ast], Optional[list]]:
        """One property or method (pwsh's ClassMemberRule): (member, None),
        (None, nodes to keep in an error statement) or (None, None) at the end."""
        start: Optional[int] = None
        attributes: list[A.AttributeAst] = []
        type_constraint: Optional[A.TypeConstraintAst] = None
        static_tok: Optional[RawToken] = None
        hidden_tok: Optional[RawToken] = None
        last_end: Optional[int] = None
        while True:
            self._skip_newlines()
            attribute = self._attribute()
            if attribute is not None:
                if start is None:
                    start = attribute.extent.start_offset
                last_end = attribute.extent.end_offset
                if isinstance(attribute, A.AttributeAst):
                    attributes.append(attribute)
                elif type_constraint is None:
                    type_constraint = attribute
                else:
                    self._error(attribute.extent.start_offset, attribute.extent.end_offset, "TooManyTypes")
                continue
            tok = self._peek()
            if start is None:
                start = tok[1]
            word = self._word(tok)
            if word == "hidden" or word == "static":
                seen = hidden_tok if word == "hidden" else static_tok
                if seen is not None:
                    self._error(tok[1], tok[2], "DuplicateQualifier", self.src.text[tok[1]:tok[2]])
                if word == "hidden":
                    hidden_tok = tok
                else:
                    static_tok = tok
                last_end = tok[2]
                self.ungot = None
                continue
            break
        on_error = [*attributes, *([type_constraint] if type_constraint is not None else [])] or None
        if tok[0] is K_VARIABLE:
            self.ungot = None
            return self._property_member(tok, start, type_constraint, attributes, static_tok, hidden_tok, on_error)
        if self._word(tok):
            self.ungot = None
            method = self._method(tok, class_name, static_tok is not None)
            if not isinstance(method, A.FunctionMemberAst):
                self._sync_on_error(False, K_RCURLY)
                return None, (on_error or []) + [method]
            method.extent = Extent(self.src, start, method.extent.end_offset)
            method.attributes = attributes
            method.return_type = type_constraint
            method.is_static = static_tok is not None
            method.is_hidden = hidden_tok is not None
            for child in (*attributes, *([type_constraint] if type_constraint is not None else [])):
                child.parent = method
            return method, None
        if last_end is not None:
            self._incomplete(last_end, last_end, "IncompleteMemberDefinition")
            return None, on_error or []
        return None, None

    def _word(self, tok: RawToken) -> str:
        """The lower-case text of a name or keyword token ('' for others):
        pwsh reads the class body in its signature mode, where keywords are
        names too (a method may be called ``Process``)."""
        if tok[0] is K_IDENTIFIER or STATIC_FLAGS[tok[0]] & F_KEYWORD:
            return self.src.text[tok[1]:tok[2]].lower()
        return ""

    def _property_member(self, var_tok: RawToken, start: int, type_constraint: Optional[A.TypeConstraintAst],
                         attributes: list, static_tok: Optional[RawToken], hidden_tok: Optional[RawToken],
                         on_error: Optional[list]) -> tuple[Optional[A.Ast], Optional[list]]:
        src = self.src
        initial: Optional[A.ExpressionAst] = None
        end = var_tok[2]
        if self._peek()[0] is K_EQUALS:
            self.ungot = None
            self._skip_newlines()
            initial = self._expression()
            if initial is not None:
                end = initial.extent.end_offset
        terminator = self._peek()
        if terminator[0] not in (K_NEWLINE, K_SEMI, K_RCURLY):
            self._incomplete(end, end, "MissingPropertyTerminator")
        self._skip_newlines_and_semis()
        if terminator[0] is K_SEMI:
            end = terminator[2]
        name = _variable_name(var_tok, src.text)
        if not name:
            return None, (on_error or []) + ([initial] if initial is not None else [])
        node = A.PropertyMemberAst(Extent(src, start, end), name, type_constraint, attributes, initial,
                                   static_tok is not None, hidden_tok is not None)
        for child in (type_constraint, *attributes, initial):
            if child is not None:
                child.parent = node
        return node, None

    def _method(self, name_tok: RawToken, class_name: str, is_static: bool) -> A.Ast:
        """A method or constructor after its name (pwsh's MethodDeclarationRule)."""
        src = self.src
        name = src.text[name_tok[1]:name_tok[2]]
        name_tok[4] = 0
        parameters: list[A.ParameterAst] = []
        end_error: Optional[int] = None
        rparen_end: Optional[int] = None
        if self._peek()[0] is K_LPAREN:
            end_error, rparen, params = self._function_parameters()
            parameters = params or []
            rparen_end = rparen[2] if rparen is not None else None
        else:
            self._incomplete(name_tok[2], name_tok[2], "MissingMethodParameterList")
        is_ctor = name.lower() == class_name.lower()
        base_call: Optional[A.BaseCtorInvokeMemberExpressionAst] = None
        if is_ctor and not is_static:
            self._skip_newlines()
            base_call, error_at = self._base_ctor_call()
            if error_at is not None:
                end_error = error_at
        lcurly = self._next()
        if lcurly[0] is not K_LCURLY:
            self.ungot = lcurly
            if end_error is None:
                end_error = rparen_end if rparen_end is not None else name_tok[2]
                self._incomplete(end_error, end_error, "MissingFunctionBody")
        if end_error is not None:
            node = A.ErrorStatementAst(Extent(src, name_tok[1], end_error), parameters)
            for p in parameters:
                p.parent = node
            return node
        old_mode = self.tk.mode
        try:
            self._switch_mode(MODE_COMMAND)
            body = self._script_block(lcurly, False)
        finally:
            self._switch_mode(old_mode)
        if base_call is not None:
            _prepend_statement(body, base_call)
        node = A.FunctionMemberAst(Extent(src, name_tok[1], body.extent.end_offset), name, [], None, parameters,
                                   body, is_static, False, is_ctor, Extent(src, name_tok[1], name_tok[2]))
        body.parent = node
        for p in parameters:
            p.parent = node
        self._check_duplicate_parameters(parameters)
        return node

    def _base_ctor_call(self) -> tuple[Optional[A.BaseCtorInvokeMemberExpressionAst], Optional[int]]:
        """``: base(args)`` after a constructor's parameters: the call (an
        implicit one without arguments when absent) and where an error ends
        the method, if one did."""
        src = self.src
        colon = self._peek()
        if colon[0] is not K_COLON:
            empty = Extent(src, 0, 0)
            return A.BaseCtorInvokeMemberExpressionAst(empty, A.BaseExpressionAst(empty),
                                                       A.StringConstantExpressionAst(empty, ".ctor", "bareword"),
                                                       [], False, False, None), None
        self.ungot = None
        self._skip_newlines()
        base_tok = self._peek()
        if self._word(base_tok) != "base":
            self._incomplete(colon[2], colon[2], "MissingBaseCtorCall")
            return None, colon[2]
        self.ungot = None
        self._skip_newlines()
        lparen = self._peek()
        if lparen[0] is not K_LPAREN:
            self._incomplete(base_tok[2], base_tok[2], "MissingMethodParameterList")
            return None, base_tok[2]
        self.ungot = None
        arguments, end = self._invoke_arguments(lparen)
        self._skip_newlines()
        keyword = Extent(src, base_tok[1], base_tok[2])
        node = A.BaseCtorInvokeMemberExpressionAst(Extent(src, base_tok[1], end), A.BaseExpressionAst(keyword),
                                                   A.StringConstantExpressionAst(keyword, ".ctor", "bareword"),
                                                   arguments, False, False, None)
        for child in (node.expression, node.member, *arguments):
            child.parent = node
        return node, None


def _variable_name(tok: RawToken, text: str) -> str:
    """A property's name from its ``$name`` / ``${name}`` token."""
    value: Any = tok[3]
    if isinstance(value, str):
        return value
    raw = text[tok[1] + 1:tok[2]]
    return raw[1:-1] if raw.startswith("{") else raw


def _prepend_statement(body: A.ScriptBlockAst, call: A.BaseCtorInvokeMemberExpressionAst) -> None:
    """A constructor's base call becomes its first statement, as pwsh's
    parser places it (predefinedStatementAst)."""
    block = body.end_block
    if block is None:
        return
    command = A.CommandExpressionAst(call.extent, call, [])
    pipeline = A.PipelineAst(call.extent, [command], False)
    call.parent = command
    command.parent = pipeline
    pipeline.parent = block
    block.statements.insert(0, pipeline)
