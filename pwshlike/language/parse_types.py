"""Attributes and type names (``[Parameter(Mandatory)]``,
``[System.Collections.Generic.List[string]]``, ``[int[]]``), the rules
Parser.cs groups as AttributeListRule/TypeNameRule.  A mixin of
:class:`.parser.Parser`.
"""

from __future__ import annotations

import pwshlike.language.ast as A
from .ast import Extent
from .parse_cursor import (K_COMMA, K_EOF, K_EQUALS, K_IDENTIFIER, K_LBRACKET, K_LPAREN, K_NEWLINE,
                           K_RBRACKET, K_RPAREN, offset_before)
from .scan_tables import MODE_EXPRESSION, MODE_TYPENAME, RawToken
from .tokens import F_ATTRIBUTE_NAME

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional


class TypeNameRules:
    """Attribute and type name rules."""

    # --- attributes and type names ---------------------------------------------------

    def _attribute_list(self, in_expression: bool) -> Optional[list[A.Ast]]:
        attributes = None
        attribute = self._attribute()
        while attribute is not None:
            if attributes is None:
                attributes = [attribute]
            else:
                attributes.append(attribute)
            if not in_expression or isinstance(attribute, A.AttributeAst):
                self._skip_newlines()
            attribute = self._attribute()
        return attributes

    def _next_lbracket(self) -> Optional[RawToken]:
        tok = self.ungot
        if tok is not None:
            if tok[0] is K_LBRACKET:
                self.ungot = None
                return tok
            return None
        return self.tk.get_lbracket()

    def _attribute(self) -> Optional[A.Ast]:
        """``[Name(args)]`` (an AttributeAst) or ``[type]`` (a TypeConstraintAst)."""
        src = self.src
        lbracket = self._next_lbracket()
        if lbracket is None:
            return None
        self._skip_newlines()
        type_name, first = self._type_name(True)
        if type_name is None:
            self._resync(lbracket[1])
            self._incomplete(lbracket[2], lbracket[2], "MissingTypename")
            return None
        tok = self._next()
        if tok[0] is K_LPAREN:
            self._skip_newlines()
            positional: list[A.ExpressionAst] = []
            named: list[A.NamedAttributeArgumentAst] = []
            old_mode = self.tk.mode
            try:
                self._switch_mode(MODE_EXPRESSION)
                last_end = self._attribute_arguments(positional, named, tok[2])
            finally:
                self._switch_mode(old_mode)
            self._skip_newlines()
            rparen: Optional[RawToken] = self._next()
            assert rparen is not None
            if rparen[0] is not K_RPAREN:
                self.ungot = rparen
                rparen = None
                self._incomplete(last_end, last_end, "MissingEndParenthesisInExpression")
            self._skip_newlines()
            rbracket: Optional[RawToken] = self._next()
            assert rbracket is not None
            if rbracket[0] is not K_RBRACKET:
                self.ungot = rbracket
                rbracket = None
                if rparen is not None:
                    self._incomplete(rparen[2], rparen[2],
                                     "EndSquareBracketExpectedAtEndOfAttribute")
            if first is not None:
                first[4] |= F_ATTRIBUTE_NAME
            end = rbracket[2] if rbracket is not None else (
                rparen[2] if rparen is not None else last_end)
            node = A.AttributeAst(Extent(src, lbracket[1], end), type_name, positional, named)
            for p in positional:
                p.parent = node
            for n in named:
                n.parent = node
            return node
        end = tok[2]
        if tok[0] is not K_RBRACKET:
            self.ungot = tok
            before = offset_before(tok)
            self._error(before, before, "EndSquareBracketExpectedAtEndOfAttribute")
            end = type_name.extent.end_offset if type_name.extent is not None else lbracket[2]
        return A.TypeConstraintAst(Extent(src, lbracket[1], end), type_name)

    def _attribute_arguments(self, positional: list, named: list, last_end: int) -> int:
        src = self.src
        old_disable = self.disable_comma
        comma = None
        seen: set[str] = set()
        try:
            self.disable_comma = True
            while True:
                self._skip_newlines()
                name = self._simple_name()
                expression_omitted = False
                if name is not None:
                    tok = self._peek()
                    if tok[0] is K_EQUALS:
                        self.ungot = None
                        self._skip_newlines()
                        expr = self._expression()
                        if expr is None:
                            self._incomplete(tok[2], tok[2], "MissingExpressionInNamedArgument")
                            expr = A.ErrorExpressionAst(Extent(src, tok[2], tok[2]), [])
                            self._sync_on_error(True, K_COMMA, K_RPAREN, K_RBRACKET, K_NEWLINE)
                        last_end = expr.extent.end_offset
                    else:
                        expr = A.ConstantExpressionAst(name.extent, True)
                        expression_omitted = True
                else:
                    expr = self._expression()
                if name is not None:
                    key = name.value.lower()
                    if key in seen:
                        self._error(name.extent.start_offset, name.extent.end_offset,
                                    "DuplicateNamedArgument", name.value)
                    else:
                        seen.add(key)
                        arg = A.NamedAttributeArgumentAst(
                            Extent(src, name.extent.start_offset, expr.extent.end_offset),
                            name.value, expr, expression_omitted)
                        expr.parent = arg
                        named.append(arg)
                elif expr is not None:
                    positional.append(expr)
                    last_end = expr.extent.end_offset
                elif comma is not None:
                    self._incomplete(comma[2], comma[2], "MissingExpressionAfterToken", ",")
                    positional.append(A.ErrorExpressionAst(Extent(src, comma[2], comma[2]), []))
                    last_end = comma[2]
                self._skip_newlines()
                comma = self._peek()
                if comma[0] is not K_COMMA:
                    break
                last_end = comma[2]
                self.ungot = None
        finally:
            self.disable_comma = old_disable
        return last_end

    def _type_name(self, allow_assembly: bool) -> tuple[Optional[A.TypeName], Optional[RawToken]]:
        old_mode = self.tk.mode
        try:
            self._switch_mode(MODE_TYPENAME)
            tok = self._next()
            if tok[0] is not K_IDENTIFIER:
                self.ungot = tok
                return None, None
            return self._finish_type_name(tok, False, allow_assembly), tok
        finally:
            self._switch_mode(old_mode)

    def _simple_type(self, tok: RawToken) -> A.TypeName:
        return A.TypeName(self.src.text[tok[1]:tok[2]], (), 0, None, Extent(self.src, tok[1], tok[2]))

    def _finish_type_name(self, name_tok: RawToken, unbracketed_generic: bool,
                          allow_assembly: bool = True) -> A.TypeName:
        tok = self._peek()
        if tok[0] is K_LBRACKET:
            lbracket = tok
            self.ungot = None
            self._skip_newlines()
            tok = self._next()
            kind = tok[0]
            if kind is K_RBRACKET or kind is K_COMMA:
                element = self._simple_type(name_tok)
                return self._array_type_name(element, tok, unbracketed_generic)
            if kind is K_LBRACKET or kind is K_IDENTIFIER:
                return self._generic_type_name(name_tok, tok, unbracketed_generic)
            if kind is not K_EOF:
                self._error(tok[1], tok[2], "UnexpectedToken", self.src.text[tok[1]:tok[2]])
                self._sync_on_error(True, K_RBRACKET)
            else:
                self.ungot = tok
                self._incomplete(lbracket[2], lbracket[2], "MissingTypename")
            return self._simple_type(name_tok)
        if tok[0] is K_COMMA and allow_assembly and not unbracketed_generic:
            self.ungot = None
            spec = self.tk.get_assembly_name_spec()
            if not spec.strip():
                self._error(tok[2], tok[2], "MissingAssemblyNameSpecification")
        return self._simple_type(name_tok)

    def _single_generic_argument(self, first: RawToken) -> A.TypeName:
        if first[0] is K_IDENTIFIER:
            return self._finish_type_name(first, True)
        tok = self._next()
        if tok[0] is not K_IDENTIFIER:
            self.ungot = tok
            self._incomplete(tok[2], tok[2], "MissingTypename")
            return A.TypeName(":ErrorTypeName:", (), 0, None, Extent(self.src, first[1], first[2]))
        type_name = self._finish_type_name(tok, False)
        rbracket = self._next()
        if rbracket[0] is not K_RBRACKET:
            self.ungot = rbracket
            before = offset_before(rbracket)
            self._incomplete(before, before, "EndSquareBracketExpectedAtEndOfType")
        return type_name

    def _generic_type_name(self, name_tok: RawToken, first: RawToken, unbracketed: bool) -> A.TypeName:
        src = self.src
        arguments = [self._single_generic_argument(first)]
        while True:
            self._skip_newlines()
            last = self._next()
            if last[0] is not K_COMMA:
                break
            self._skip_newlines()
            tok = self._peek()
            if tok[0] is K_IDENTIFIER or tok[0] is K_LBRACKET:
                self.ungot = None
                arguments.append(self._single_generic_argument(tok))
            else:
                self._incomplete(last[2], last[2], "MissingTypename")
                arguments.append(A.TypeName(":ErrorTypeName:", (), 0, None, Extent(self.src, last[1], last[2])))
        end = last[2]
        if last[0] is not K_RBRACKET:
            self.ungot = last
            before = offset_before(last)
            self._incomplete(before, before, "EndSquareBracketExpectedAtEndOfAttribute")
            end = arguments[-1].extent.end_offset if arguments[-1].extent else first[2]
        result = A.TypeName(self.src.text[name_tok[1]:name_tok[2]], arguments, 0, None, Extent(src, name_tok[1], end))
        tok = self._peek()
        if tok[0] is K_LBRACKET:
            self.ungot = None
            return self._array_type_name(result, self._next(), unbracketed)
        if tok[0] is K_COMMA and not unbracketed:
            self.ungot = None
            spec = self.tk.get_assembly_name_spec()
            if not spec:
                self._error(tok[2], tok[2], "MissingAssemblyNameSpecification")
        return result

    def _array_type_name(self, element: A.TypeName, first: RawToken, unbracketed: bool) -> A.TypeName:
        src = self.src
        while True:
            kind = first[0]
            if kind is K_COMMA:
                rank = 1
                tok = first
                last_comma = first
                while tok[0] is K_COMMA:
                    last_comma = tok
                    rank += 1
                    tok = self._next()
                if rank > 32:
                    if tok[0] is not K_RBRACKET:
                        self.ungot = tok
                    self._error(first[1], last_comma[2], "ArrayHasTooManyDimensions", rank)
                    break
                if tok[0] is not K_RBRACKET:
                    self.ungot = tok
                    self._error(last_comma[2], last_comma[2],
                                "EndSquareBracketExpectedAtEndOfAttribute")
                element = A.TypeName(element.name, (), rank, element,
                                     Extent(src, element.extent.start_offset, tok[2]))
            elif kind is K_RBRACKET:
                element = A.TypeName(element.name, (), 1, element,
                                     Extent(src, element.extent.start_offset, first[2]))
            elif kind is K_EOF:
                self.ungot = first
                before = offset_before(first)
                self._error(before, before, "EndSquareBracketExpectedAtEndOfAttribute")
            else:
                self._error(first[1], first[2], "UnexpectedToken", self.src.text[first[1]:first[2]])
                self._sync_on_error(True, K_RBRACKET)
            tok = self._peek()
            if not unbracketed and tok[0] is K_COMMA:
                self.ungot = None
                spec = self.tk.get_assembly_name_spec()
                if not spec:
                    self._error(tok[2], tok[2], "MissingAssemblyNameSpecification")
                break
            if tok[0] is not K_LBRACKET:
                break
            self.ungot = None
            first = self._next()
        return element
