"""Expressions: ternary, binary and unary operators, casts, primary
expressions, member access and invocation, indexing, hashtables, script
block expressions, sub-expressions and expandable strings.  A mixin of
:class:`.parser.Parser`.
"""

from __future__ import annotations

import pwshlike.language.ast as A
from .ast import Extent
from .numeric import TypedNumber
from .parse_cursor import (INVARIANT, K_ATCURLY, K_ATPAREN, K_COLON, K_COLONCOLON, K_COMMA, K_DOLLARPAREN,
                           K_DOT, K_EQUALS, K_EXPANDABLE, K_GENERIC, K_HERE_EXPANDABLE, K_HERE_STRING, K_IDENTIFIER,
                           K_LBRACKET, K_LCURLY, K_LPAREN, K_MINUS, K_MINUSMINUS, K_NEWLINE, K_NUMBER,
                           K_PARAMETER, K_PLUSPLUS, K_QUESTION, K_QUESTIONDOT, K_QUESTIONLBRACKET,
                           K_RBRACKET, K_RCURLY, K_RPAREN, K_SEMI, K_SPLATTED, K_STRING, K_VARIABLE,
                           offset_before, op_name)
from .scan_tables import DOUBLE_QUOTES, MODE_COMMAND, MODE_EXPRESSION, MODE_TYPENAME, RawToken
from .tokens import F_BINARY, F_HAS_PARTS, F_INVARIANT_DYNAMIC, F_PREC_MASK, F_UNARY, STATIC_FLAGS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

_MEMBER_ACCESS_START = frozenset(".:[?<")

_PRECEDENCE = [(f & F_PREC_MASK) if f & F_BINARY else 0 for f in STATIC_FLAGS]

_STRING_KINDS = {K_STRING: "single", K_EXPANDABLE: "double", K_HERE_STRING: "single_here",
                 K_HERE_EXPANDABLE: "double_here", K_GENERIC: "bareword"}

_UNARY = [bool(f & F_UNARY) for f in STATIC_FLAGS]


class ExpressionRules:
    """Expression rules (ExpressionRule down to PrimaryExpressionRule)."""

    # --- expressions ------------------------------------------------------------------------

    def _expression(self, end_number_on_ternary: bool = False) -> Optional[A.ExpressionAst]:
        """ExpressionRule: ternary over the binary-operator levels."""
        tk = self.tk
        old_mode = tk.mode
        if old_mode != MODE_EXPRESSION:
            if self.ungot is None:
                tk.mode = MODE_EXPRESSION
            else:
                self._set_mode(MODE_EXPRESSION)
            try:
                condition = self._binary(end_number_on_ternary)
                if condition is None:
                    return None
                tok = self.ungot
                if tok is None:
                    tok = self.ungot = tk.next_token()
                if tok[0] is not K_QUESTION:
                    return condition
                return self._ternary(condition, tok)
            finally:
                tok = self.ungot
                if tok is None or INVARIANT[tok[0]] or tok[4] & F_INVARIANT_DYNAMIC:
                    tk.mode = old_mode
                else:
                    self._set_mode(old_mode)
        condition = self._binary(end_number_on_ternary)
        if condition is None:
            return None
        tok = self.ungot
        if tok is None:
            tok = self.ungot = tk.next_token()
        if tok[0] is not K_QUESTION:
            return condition
        return self._ternary(condition, tok)

    def _ternary(self, condition: A.ExpressionAst, question: RawToken) -> A.ExpressionAst:
        src = self.src
        self.ungot = None
        self._skip_newlines()
        if_true = self._expression(True)
        if if_true is None:
            self._incomplete(question[2], question[2], "ExpectedValueExpression", self.src.text[question[1]:question[2]])
            if_true = A.ErrorExpressionAst(Extent(src, question[2], question[2]), [])
        self._skip_newlines()
        colon = self._next()
        if colon[0] is not K_COLON:
            self.ungot = colon
            nested = [condition]
            if type(if_true) is not A.ErrorExpressionAst:
                nested.append(if_true)
                self._incomplete(colon[1], colon[2], "MissingColonInTernaryExpression")
            node = A.ErrorExpressionAst(Extent(src, condition.extent.start_offset,
                                               max(offset_before(colon), condition.extent.end_offset)),
                                        nested)
            for n in nested:
                n.parent = node
            return node
        self._skip_newlines()
        if_false = self._expression(True)
        if if_false is None:
            self._incomplete(colon[2], colon[2], "ExpectedValueExpression", self.src.text[colon[1]:colon[2]])
            if_false = A.ErrorExpressionAst(Extent(src, colon[2], colon[2]), [])
        node = A.TernaryExpressionAst(Extent(src, condition.extent.start_offset,
                                             if_false.extent.end_offset),
                                      condition, if_true, if_false)
        condition.parent = node
        if_true.parent = node
        if_false.parent = node
        return node

    def _binary(self, end_number_on_ternary: bool = False) -> Optional[A.ExpressionAst]:
        """BinaryExpressionRule: operator precedence over array literals."""
        src = self.src
        expr = self._unary(end_number_on_ternary)
        if expr is None:
            return None
        tok = self.ungot
        if tok is None:
            tok = self.ungot = self.tk.next_token()
        if tok[0] is K_COMMA and not self.disable_comma:
            expr = self._array_rest(expr, tok)
            tok = self.ungot
            if tok is None:
                tok = self.ungot = self.tk.next_token()
        prec = _PRECEDENCE[tok[0]]
        if not prec:
            if tok[0] is K_PARAMETER:
                return self._parameter_in_expression(tok, expr)
            return expr
        self.ungot = None
        operands = [expr]
        operators = [tok]
        precedence = prec
        param_tok = None
        while True:
            self._skip_newlines()
            expr = self._unary(True)
            missing = expr is None
            if missing:
                self._incomplete(tok[2], tok[2], "ExpectedValueExpression", self.src.text[tok[1]:tok[2]])
                expr = A.ErrorExpressionAst(Extent(src, tok[2], tok[2]), [])
            tok = self.ungot
            if tok is None:
                tok = self.tk.next_token()
            else:
                self.ungot = None
            if tok[0] is K_COMMA and not missing and not self.disable_comma:
                expr = self._array_rest(expr, tok)
                tok = self.ungot
                if tok is None:
                    tok = self.tk.next_token()
                else:
                    self.ungot = None
            operands.append(expr)
            new_prec = _PRECEDENCE[tok[0]]
            if not new_prec:
                if tok[0] is K_PARAMETER:
                    param_tok = tok
                self.ungot = tok
                break
            while new_prec <= precedence:
                rhs = operands.pop()
                lhs = operands.pop()
                op = operators.pop()
                operands.append(self._binary_node(lhs, op, rhs))
                if not operators:
                    break
                precedence = _PRECEDENCE[operators[-1][0]]
            operators.append(tok)
            precedence = new_prec
        rhs = operands.pop()
        while operands:
            rhs = self._binary_node(operands.pop(), operators.pop(), rhs)
        if param_tok is not None:
            return self._parameter_in_expression(param_tok, rhs)
        return rhs

    def _binary_node(self, lhs: A.ExpressionAst, op: RawToken, rhs: A.ExpressionAst) -> A.ExpressionAst:
        node = A.BinaryExpressionAst(Extent(self.src, lhs.extent.start_offset,
                                            rhs.extent.end_offset), op_name(self.src.text, op), lhs, rhs)
        lhs.parent = node
        rhs.parent = node
        return node

    def _parameter_in_expression(self, tok: RawToken, expr: A.ExpressionAst) -> A.ExpressionAst:
        """A ``-name`` that is no operator after an expression: an error (the
        token is eaten, as pwsh does, to help completion)."""
        self._error(tok[1], tok[2], "UnexpectedToken", self.src.text[tok[1]:tok[2]])
        self.ungot = None
        param = A.CommandParameterAst(Extent(self.src, tok[1], tok[2]), tok[3], None)
        node = A.ErrorExpressionAst(Extent(self.src, expr.extent.start_offset, tok[2]),
                                    [expr, param])
        expr.parent = node
        param.parent = node
        return node

    def _array_rest(self, first: A.ExpressionAst, comma: RawToken) -> A.ExpressionAst:
        """The rest of ``first, ...`` (``comma`` is held)."""
        values = [first]
        last = first
        while comma[0] is K_COMMA:
            self.ungot = None
            self._skip_newlines()
            last = self._unary(True)
            if last is None:
                self._incomplete(comma[2], comma[2], "MissingExpressionAfterToken", self.src.text[comma[1]:comma[2]])
                last = A.ErrorExpressionAst(Extent(self.src, comma[1], comma[2]), [])
                values.append(last)
                break
            values.append(last)
            comma = self._peek()
        node = A.ArrayLiteralAst(Extent(self.src, first.extent.start_offset,
                                        last.extent.end_offset), values)
        for v in values:
            v.parent = node
        return node

    def _unary(self, end_number_on_ternary: bool = False) -> Optional[A.ExpressionAst]:
        src = self.src
        tk = self.tk
        tok = self.ungot
        if tok is not None:
            if tok[0] is K_MINUS or (end_number_on_ternary and tok[0] is K_GENERIC):
                self._resync(tok[1])
                tok = None
        if tok is None:
            # (No try/finally: an exception abandons the whole parse.)
            tk.allow_signed = True
            tk.force_end_ternary = end_number_on_ternary
            tok = self.ungot = tk.next_token()
            tk.allow_signed = False
            tk.force_end_ternary = False
        kind = tok[0]
        if _UNARY[kind]:
            if self.disable_comma and kind is K_COMMA:
                return None
            self.ungot = None
            self._skip_newlines()
            child = self._unary(True)
            if child is None:
                self._incomplete(tok[2], tok[2], "MissingExpressionAfterOperator", self.src.text[tok[1]:tok[2]])
                return A.ErrorExpressionAst(Extent(self.src, tok[1], tok[2]), [])
            extent = Extent(src, tok[1], child.extent.end_offset)
            if kind is K_COMMA:
                expr: A.ExpressionAst = A.ArrayLiteralAst(extent, [child])
            else:
                op = op_name(self.src.text, tok)
                expr = A.UnaryExpressionAst(extent, op, child, False)
                if kind is K_PLUSPLUS or kind is K_MINUSMINUS:
                    self._check_assignment_target(child, False, "OperatorRequiresVariableOrProperty",
                                                  op)
            child.parent = expr
        elif kind is K_LBRACKET:
            expr = self._attributed_expression(tok)
            if expr is None:
                return None
        else:
            expr = self._primary(True)
            if expr is None:
                return None
        tok = self.ungot
        if tok is None:
            tok = self.ungot = tk.next_token()
        kind = tok[0]
        if kind is K_PLUSPLUS or kind is K_MINUSMINUS:
            self.ungot = None
            op = "++" if kind is K_PLUSPLUS else "--"
            node = A.UnaryExpressionAst(Extent(src, expr.extent.start_offset, tok[2]), op, expr,
                                        True)
            expr.parent = node
            self._check_assignment_target(expr, False, "OperatorRequiresVariableOrProperty", op)
            return node
        return expr

    def _attributed_expression(self, lbracket: RawToken) -> Optional[A.ExpressionAst]:
        """``[type]expr``, ``[type]::member``, ``[type]`` and ``[attr()]$x``."""
        src = self.src
        attributes = self._attribute_list(True)
        if attributes is None:
            return None
        last = attributes[-1]
        if isinstance(last, A.AttributeAst):
            self._skip_newlines()
            child = self._unary(True)
            if child is None:
                self._incomplete(last.extent.start_offset, last.extent.end_offset,
                                 "UnexpectedAttribute", last.type_name.full_name)
                node = A.ErrorExpressionAst(Extent(src, lbracket[1], last.extent.end_offset),
                                            attributes)
                for a in attributes:
                    a.parent = node
                return node
            expr: A.ExpressionAst = A.AttributedExpressionAst(
                Extent(src, last.extent.start_offset, child.extent.end_offset), last, child)
            last.parent = expr
            child.parent = expr
            self._check_attributed(expr)
        else:
            member_tok = None if self.ungot is not None else \
                self.tk.get_member_access_operator(False)
            expr = None  # type: ignore[assignment]
            if member_tok is not None:
                type_expr = A.TypeExpressionAst(last.extent, last.type_name)
                expr = self._post_primary(member_tok, type_expr)
            else:
                tok = self._peek()
                if tok[0] is not K_NEWLINE and tok[0] is not K_COMMA:
                    child = self._unary(True)
                    if child is not None:
                        expr = self._convert(last, child)
            if expr is None:
                expr = A.TypeExpressionAst(last.extent, last.type_name)
        for i in range(len(attributes) - 2, -1, -1):
            attr = attributes[i]
            if isinstance(attr, A.TypeConstraintAst):
                expr = self._convert(attr, expr)
            else:
                node = A.AttributedExpressionAst(Extent(src, attr.extent.start_offset,
                                                        expr.extent.end_offset), attr, expr)
                attr.parent = node
                expr.parent = node
                expr = node
                self._check_attributed(node)
        return expr

    def _convert(self, type_constraint: A.TypeConstraintAst,
                 child: A.ExpressionAst) -> A.ExpressionAst:
        node = A.ConvertExpressionAst(Extent(self.src, type_constraint.extent.start_offset,
                                             child.extent.end_offset), type_constraint, child)
        type_constraint.parent = node
        child.parent = node
        full_name = type_constraint.type_name.full_name
        if full_name.lower() == "ordered" and type(child) is not A.HashtableAst:
            self._late(node.extent, "OrderedAttributeOnlyOnHashLiteralNode", full_name)
        return node

    def _check_attributed(self, node: A.AttributedExpressionAst) -> None:
        """An attribute (not a cast) must end up on a variable."""
        expr: Any = node
        while isinstance(expr, (A.AttributedExpressionAst, A.ConvertExpressionAst)):
            if type(expr.child) is A.VariableExpressionAst:
                return
            expr = expr.child
        self._late(node.attribute.extent, "UnexpectedAttribute", node.attribute.type_name.full_name)

    def _primary(self, with_member_access: bool) -> Optional[A.ExpressionAst]:
        tok = self.ungot
        if tok is None:
            tok = self.tk.next_token()
        else:
            self.ungot = None
        kind = tok[0]
        if kind is K_VARIABLE:
            name = tok[3]
            if len(name) > 6 and name[5] == ":" and name[:5].lower() == "using":
                return self._using_or_variable(tok, with_member_access)
            src = self.src
            ext = Extent(src, tok[1], tok[2])
            expr = A.VariableExpressionAst(ext, name, False, src.text[tok[1] + 1] == "{")
        elif kind is K_SPLATTED:
            expr = self._using_or_variable(tok, with_member_access)
            if type(expr) is A.UsingExpressionAst:
                return expr
        elif kind is K_NUMBER:
            ext = Extent(self.src, tok[1], tok[2])
            expr = A.ConstantExpressionAst(ext, tok[3])
        elif kind is K_STRING or kind is K_HERE_STRING:
            ext = Extent(self.src, tok[1], tok[2])
            expr = A.StringConstantExpressionAst(ext, tok[3], _STRING_KINDS[kind])
        elif kind is K_EXPANDABLE or kind is K_HERE_EXPANDABLE:
            expr = self._expandable_string(tok)
        elif kind is K_LPAREN:
            expr = self._paren_expression(tok)
        elif kind is K_DOLLARPAREN or kind is K_ATPAREN:
            expr = self._sub_expression(tok)
        elif kind is K_ATCURLY:
            expr = self._hashtable(tok)
        elif kind is K_LCURLY:
            expr = self._script_block_expression(tok)
        else:
            self.ungot = tok
            return None
        if not with_member_access or self.ungot is not None:
            return expr
        tk = self.tk
        if tk.text[tk.pos] not in _MEMBER_ACCESS_START:
            return expr
        member_tok = tk.get_member_access_operator(True)
        if member_tok is None:
            return expr
        return self._post_primary(member_tok, expr)

    def _variable(self, tok: RawToken) -> A.VariableExpressionAst:
        splatted = tok[0] is K_SPLATTED
        node = A.VariableExpressionAst(Extent(self.src, tok[1], tok[2]), tok[3], splatted,
                                       self.src.text[tok[1] + 1] == "{")
        if splatted:
            self.splats.append(node)
        return node

    def _using_or_variable(self, tok: RawToken, with_member_access: bool) -> A.ExpressionAst:
        name = tok[3]
        if len(name) > 6 and name[5] == ":" and name[:5].lower() == "using":
            inner: A.ExpressionAst = A.VariableExpressionAst(
                Extent(self.src, tok[1], tok[2]), name[6:], tok[0] is K_SPLATTED, self.src.text[tok[1] + 1] == "{")
            if with_member_access and self.ungot is None:
                member_tok = self.tk.get_member_access_operator(True)
                if member_tok is not None:
                    inner = self._post_primary(member_tok, inner)
            node = A.UsingExpressionAst(inner.extent, inner)
            inner.parent = node
            return node
        return self._variable(tok)

    def _post_primary(self, tok: Optional[RawToken], expr: A.ExpressionAst) -> A.ExpressionAst:
        """Member access, method calls and indexing after a primary expression."""
        while tok is not None:
            self._skip_newlines()
            kind = tok[0]
            if kind is K_DOT or kind is K_COLONCOLON or kind is K_QUESTIONDOT:
                expr = self._member_access(expr, tok)
            else:
                expr = self._element_access(expr, tok)
            if self.ungot is not None:
                break
            tok = self.tk.get_member_access_operator(True)
        return expr

    def _member_name(self) -> Optional[A.ExpressionAst]:
        name = self._simple_name()
        if name is not None:
            return name
        tok = self._peek()
        if _UNARY[tok[0]] or tok[0] is K_LBRACKET:
            return self._unary()
        return self._primary(False)

    def _member_access(self, target: A.ExpressionAst, op: RawToken) -> A.ExpressionAst:
        src = self.src
        member = self._member_name()
        if member is None:
            self._incomplete(op[2], op[2], "MissingPropertyName")
            member = self._single_command_argument(0x08)
            if member is None:
                member = A.ErrorExpressionAst(Extent(src, target.extent.start_offset, op[2]), [])
        elif self.ungot is None:
            tk = self.tk
            if tk.text[tk.pos] == "[":
                invoke = self._generic_member_invoke(target, op, member)
                if invoke is not None:
                    return invoke
            else:
                lparen = tk.get_invoke_member_open_paren()
                if lparen is not None:
                    return self._member_invoke(target, lparen, op, member)
        static = op[0] is K_COLONCOLON
        node = A.MemberExpressionAst(Extent(src, target.extent.start_offset,
                                            member.extent.end_offset),
                                     target, member, static, op[0] is K_QUESTIONDOT)
        target.parent = node
        member.parent = node
        return node

    def _generic_member_invoke(self, target: A.ExpressionAst, op: RawToken,
                               member: A.ExpressionAst) -> Optional[A.ExpressionAst]:
        """``.Method[T1, T2](args)`` (pwsh's GenericMethodArgumentsRule): a
        ``[`` right after a member name that holds type names and is followed
        at once by ``(`` or ``{`` is a generic method call; anything else is
        read again from the ``[`` (an index on the member)."""
        restore = self.tk.get_restore_point()
        old_mode = self.tk.mode
        arguments: list[A.TypeName] = []
        try:
            self._switch_mode(MODE_TYPENAME)
            self._next()  # the '['
            self._skip_newlines()
            first = self._next()
            if first[0] is not K_IDENTIFIER:
                self.ungot = None
                self._resync(restore)
                return None
            arguments.append(self._finish_type_name(first, True))
            while True:
                self._skip_newlines()
                last = self._next()
                if last[0] is not K_COMMA:
                    break
                self._skip_newlines()
                tok = self._next()
                if tok[0] is not K_IDENTIFIER:
                    self.ungot = tok
                    self._incomplete(last[2], last[2], "MissingTypename")
                    return None
                arguments.append(self._finish_type_name(tok, True))
            if last[0] is not K_RBRACKET:
                self.ungot = last
                before = offset_before(last)
                self._incomplete(before, before, "EndSquareBracketExpectedAtEndOfType")
                return None
        finally:
            self._switch_mode(old_mode)
        lparen = self.tk.get_invoke_member_open_paren()
        if lparen is None:
            self._resync(restore)
            return None
        return self._member_invoke(target, lparen, op, member, arguments)

    def _member_invoke(self, target: A.ExpressionAst, lbracket: RawToken, op: RawToken,
                       member: A.ExpressionAst, generic_arguments: Optional[list] = None) -> A.ExpressionAst:
        if lbracket[0] is K_LPAREN:
            arguments, end = self._invoke_arguments(lbracket)
        else:
            self._skip_newlines()
            block = self._script_block_expression(lbracket)
            arguments = [block]
            end = block.extent.end_offset
        node = A.InvokeMemberExpressionAst(Extent(self.src, target.extent.start_offset, end),
                                           target, member, arguments, op[0] is K_COLONCOLON,
                                           op[0] is K_QUESTIONDOT, generic_arguments)
        target.parent = node
        member.parent = node
        for a in arguments:
            a.parent = node
        return node

    def _invoke_arguments(self, lparen: RawToken) -> tuple[list[A.ExpressionAst], int]:
        arguments: list[A.ExpressionAst] = []
        comma = None
        old_disable = self.disable_comma
        try:
            self.disable_comma = True
            while True:
                self._skip_newlines()
                argument = self._expression()
                if argument is None:
                    if comma is not None:
                        self._incomplete(comma[2], comma[2], "MissingExpressionAfterToken", ",")
                    break
                arguments.append(argument)
                self._skip_newlines()
                comma = self._next()
                if comma[0] is not K_COMMA:
                    self.ungot = comma
                    comma = None
                    break
            self._skip_newlines()
            rparen = self._next()
            if rparen[0] is not K_RPAREN:
                self.ungot = rparen
                if comma is None:
                    after = arguments[-1].extent.end_offset if arguments else lparen[2]
                    self._incomplete(after, after, "MissingEndParenthesisInMethodCall")
                end = comma[2] if comma is not None else (
                    arguments[-1].extent.end_offset if arguments else lparen[2])
            else:
                end = rparen[2]
        finally:
            self.disable_comma = old_disable
        return arguments, end

    def _element_access(self, target: A.ExpressionAst, lbracket: RawToken) -> A.ExpressionAst:
        src = self.src
        self._skip_newlines()
        old_disable = self.disable_comma
        self.disable_comma = False
        try:
            index = self._expression()
        finally:
            self.disable_comma = old_disable
        if index is None:
            self._incomplete(lbracket[2], lbracket[2], "MissingArrayIndexExpression")
            index = A.ErrorExpressionAst(Extent(self.src, lbracket[1], lbracket[2]), [])
        self._skip_newlines()
        rbracket = self._next()
        if rbracket[0] is not K_RBRACKET:
            self.ungot = rbracket
            if type(index) is not A.ErrorExpressionAst:
                end = index.extent.end_offset
                self._incomplete(end, end, "MissingEndSquareBracket")
            end = index.extent.end_offset
        else:
            end = rbracket[2]
        node = A.IndexExpressionAst(Extent(src, target.extent.start_offset, end), target, index,
                                    lbracket[0] is K_QUESTIONLBRACKET)
        target.parent = node
        index.parent = node
        return node

    def _hashtable(self, atcurly: RawToken) -> A.ExpressionAst:
        src = self.src
        self._skip_newlines()
        pairs: list[tuple[A.ExpressionAst, A.StatementAst]] = []
        while True:
            pair = self._key_value_pair()
            if pair is None:
                break
            pairs.append(pair)
            kind = self._peek()[0]
            if kind is not K_NEWLINE and kind is not K_SEMI:
                break
            self._skip_newlines_and_semis()
        rcurly = self._next()
        if rcurly[0] is not K_RCURLY:
            self.ungot = rcurly
            self._incomplete_at(atcurly[2], atcurly[2], rcurly[2], "MissingEndCurlyBrace")
            end = max(offset_before(rcurly), atcurly[2])
        else:
            end = rcurly[2]
        node = A.HashtableAst(Extent(src, atcurly[1], end), pairs)
        seen: set[str] = set()
        for key, value in pairs:
            key.parent = node
            value.parent = node
            if isinstance(key, A.ConstantExpressionAst):
                text = _constant_key_text(key.value)
                lowered = text.lower()
                if lowered in seen:
                    self._late(key.extent, "DuplicateKeyInHashLiteral", text)
                else:
                    seen.add(lowered)
        return node

    def _key_value_pair(self) -> Optional[tuple[A.ExpressionAst, A.StatementAst]]:
        src = self.src
        old_mode = self.tk.mode
        try:
            self._switch_mode(MODE_EXPRESSION)
            key = self._label_or_key()
            if key is None:
                return None
            equals = self._next()
        finally:
            self._switch_mode(old_mode)
        if equals[0] is not K_EQUALS:
            self.ungot = equals
            after = key.extent.end_offset
            self._error(after, after, "MissingEqualsInHashLiteral")
            self._sync_on_error(False, K_RCURLY, K_SEMI, K_NEWLINE)
            return key, A.ErrorStatementAst(Extent(src, after, after), [])
        try:
            self._switch_mode(MODE_COMMAND)
            self._skip_newlines()
            statement = self._statement()
            if statement is None:
                self._incomplete(equals[2], equals[2], "MissingStatementInHashLiteral")
                statement = A.ErrorStatementAst(Extent(src, equals[2], equals[2]), [])
        finally:
            self._switch_mode(old_mode)
        return key, statement

    def _script_block_expression(self, lcurly: RawToken) -> A.ExpressionAst:
        old_disable = self.disable_comma
        old_mode = self.tk.mode
        try:
            self.disable_comma = False
            self._switch_mode(MODE_COMMAND)
            self._skip_newlines()
            sb = self._script_block(lcurly, False)
        finally:
            self.disable_comma = old_disable
            self._switch_mode(old_mode)
        node = A.ScriptBlockExpressionAst(sb.extent, sb)
        sb.parent = node
        return node

    def _sub_expression(self, first: RawToken) -> A.ExpressionAst:
        src = self.src
        statements: list[A.StatementAst] = []
        traps: list[A.TrapStatementAst] = []
        old_disable = self.disable_comma
        old_mode = self.tk.mode
        try:
            self.disable_comma = False
            self._switch_mode(MODE_COMMAND)
            self._skip_newlines()
            span = self._statement_list(statements, traps)
            self._skip_newlines()
            rparen = self._next()
            if rparen[0] is not K_RPAREN:
                self.ungot = rparen
                self._incomplete(rparen[1], rparen[2], "MissingEndParenthesisInSubexpression")
        finally:
            self.disable_comma = old_disable
            self._switch_mode(old_mode)
        if rparen[0] is K_RPAREN:
            end = rparen[2]
        else:
            end = span[1] if span is not None else first[2]
        block_extent = Extent(src, span[0], span[1]) if span is not None else \
            Extent(src, first[2], first[2])
        block = A.StatementBlockAst(block_extent, statements, traps)
        for s in statements:
            s.parent = block
        for t in traps:
            t.parent = block
        extent = Extent(src, first[1], end)
        if first[0] is K_DOLLARPAREN:
            node: A.ExpressionAst = A.SubExpressionAst(extent, block)
        else:
            node = A.ArrayExpressionAst(extent, block)
        block.parent = node
        return node

    def _paren_expression(self, lparen: RawToken) -> A.ExpressionAst:
        src = self.src
        old_mode = self.tk.mode
        old_disable = self.disable_comma
        try:
            self._switch_mode(MODE_COMMAND)
            self.disable_comma = False
            self._skip_newlines()
            pipeline = self._pipeline_chain()
            if pipeline is None:
                self._incomplete(lparen[2], lparen[2], "ExpectedExpression")
                pipeline = A.ErrorStatementAst(Extent(src, lparen[2], lparen[2]), [])
            self._skip_newlines()
            rparen = self._next()
            if rparen[0] is not K_RPAREN:
                self.ungot = rparen
                end = pipeline.extent.end_offset
                self._incomplete(end, end, "MissingEndParenthesisInExpression")
            else:
                end = rparen[2]
        finally:
            self.disable_comma = old_disable
            self._switch_mode(old_mode)
        node = A.ParenExpressionAst(Extent(src, lparen[1], end), pipeline)
        pipeline.parent = node
        return node

    def _expandable_string(self, tok: RawToken) -> A.ExpressionAst:
        """A string (or bare word) with ``$x``/``$(...)`` parts."""
        kind = tok[0]
        string_kind = _STRING_KINDS[kind]
        if not tok[4] & F_HAS_PARTS:
            return A.StringConstantExpressionAst(Extent(self.src, tok[1], tok[2]), tok[3], string_kind)
        parts: list[Any] = []
        new_nested: list[RawToken] = []
        for part in tok[5]:
            if type(part) is str:
                if part:
                    parts.append(part)
                continue
            if part[0] is K_VARIABLE:
                expr = self._using_or_variable(part, False)
                new_nested.append(part)
            else:
                expr, scanned = self._nested_subexpression(part)
                new_nested.extend(scanned)
            parts.append(expr)
        tok[6] = new_nested
        node = A.ExpandableStringExpressionAst(Extent(self.src, tok[1], tok[2]), _raw_string_text(self.src.text, tok),
                                               string_kind, parts)
        for part in parts:
            if type(part) is not str:
                part.parent = node
        return node

    def _nested_subexpression(self, tok: RawToken) -> tuple[A.ExpressionAst, list[RawToken]]:
        """Parse the text of a ``$(...)`` found inside a string."""
        tk = self.tk
        saved_ungot = self.ungot
        self.ungot = None
        state = tk.start_nested(tok)
        try:
            expr = self._primary(True)
        finally:
            self.ungot = saved_ungot
            scanned = tk.finish_nested(state)
        if expr is None:
            expr = A.ErrorExpressionAst(Extent(self.src, tok[1], tok[2]), [])
        return expr, scanned


def _constant_key_text(value: Any) -> str:
    """``Value.ToString()`` of a constant hashtable key, for duplicate checks."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, bool):
        return "True" if value else "False"
    if type(value) is TypedNumber:
        return str(value.value)
    return str(value)


def _raw_string_text(text: str, tok: RawToken) -> str:
    """The source text between a string's delimiters."""
    raw = text[tok[1]:tok[2]]
    kind = tok[0]
    if kind is K_EXPANDABLE:
        if len(raw) >= 2 and raw[-1] in DOUBLE_QUOTES:
            return raw[1:-1]
        return raw[1:]
    if kind is K_HERE_EXPANDABLE:
        first_nl = raw.find("\n")
        body = raw[first_nl + 1:] if first_nl >= 0 else ""
        if body.endswith('"@') or (len(body) >= 2 and body[-2] in DOUBLE_QUOTES and body[-1] == "@"):
            body = body[:-2]
            if body.endswith("\r\n"):
                body = body[:-2]
            elif body.endswith("\n") or body.endswith("\r"):
                body = body[:-1]
        return body
    return raw
