"""``enum`` definitions: ``[Flags()] enum Name [: type] { A; B = 5 }`` parsed
into a :class:`TypeDefinitionAst` with one :class:`PropertyMemberAst` per
enumerator, as pwsh's parser shapes them.  A mixin of :class:`.parser.Parser`;
the runtime (compiler) turns the node into a type.
"""

from __future__ import annotations

import pwshlike.language.ast as A
from .ast import Extent
from .parse_cursor import K_COLON, K_EOF, K_EQUALS, K_LCURLY, K_NEWLINE, K_RCURLY, K_SEMI
from .scan_tables import MODE_EXPRESSION, RawToken

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional


class EnumRules:
    """The enum statement rule (pwsh's EnumDefinitionRule)."""

    def _enum(self, enum_tok: RawToken, attributes: Optional[list] = None) -> A.StatementAst:
        src = self.src
        start = attributes[0].extent.start_offset if attributes else enum_tok[1]
        self._skip_newlines()
        name = self._simple_name()
        if name is None:
            self._incomplete(enum_tok[2], enum_tok[2], "MissingNameAfterKeyword", "enum")
            return A.ErrorStatementAst(Extent(src, start, enum_tok[2]), [])
        old_mode = self.tk.mode
        try:
            self._switch_mode(MODE_EXPRESSION)
            return self._enum_rest(start, name, attributes or [])
        finally:
            self._switch_mode(old_mode)

    def _enum_rest(self, start: int, name: A.StringConstantExpressionAst, attributes: list) -> A.StatementAst:
        src = self.src
        self._skip_newlines()
        base_types: list[A.TypeConstraintAst] = []
        end = name.extent.end_offset
        if self._peek()[0] is K_COLON:
            colon = self._next()
            self._skip_newlines()
            type_name, _ = self._type_name(False)
            if type_name is None:
                self._incomplete(colon[2], colon[2], "TypeNameExpected")
                return A.ErrorStatementAst(Extent(src, start, colon[2]), [])
            base_types.append(A.TypeConstraintAst(type_name.extent, type_name))
            end = type_name.extent.end_offset
            self._skip_newlines()
        lcurly = self._next()
        if lcurly[0] is not K_LCURLY:
            self.ungot = lcurly
            self._incomplete(end, end, "MissingTypeBody", "enum")
            return A.ErrorStatementAst(Extent(src, start, end), [])
        members: list[A.PropertyMemberAst] = []
        while True:
            self._skip_newlines_and_semis()
            member_name = self._simple_name()
            if member_name is None:
                break
            members.append(self._enum_member(member_name))
            sep = self._peek()
            if sep[0] not in (K_NEWLINE, K_SEMI):
                break
        rcurly = self._next()
        if rcurly[0] is not K_RCURLY:
            self.ungot = rcurly
            self._incomplete(lcurly[2], lcurly[2], "MissingEndCurlyBrace")
            if rcurly[0] is not K_EOF:
                self._sync_on_error(True, K_RCURLY)
            return A.ErrorStatementAst(Extent(src, start, self._restore_point()), members)
        node = A.TypeDefinitionAst(Extent(src, start, rcurly[2]), name.value, attributes, base_types,
                                   members, "Enum")
        for child in (*attributes, *base_types, *members):
            child.parent = node
        self._check_type_defined_once(node)
        return node

    def _enum_member(self, member_name: A.StringConstantExpressionAst) -> A.PropertyMemberAst:
        value: Optional[A.ExpressionAst] = None
        end = member_name.extent.end_offset
        if self._peek()[0] is K_EQUALS:
            equals = self._next()
            self._skip_newlines()
            value = self._expression()
            if value is None:
                self._incomplete(equals[2], equals[2], "ExpectedValueExpression", "=")
            else:
                end = value.extent.end_offset
        node = A.PropertyMemberAst(Extent(self.src, member_name.extent.start_offset, end), member_name.value,
                                   None, [], value)
        if value is not None:
            value.parent = node
        return node

    def _check_type_defined_once(self, node: A.TypeDefinitionAst) -> None:
        """Records a type definition for the check, once the parse is done,
        that no block defines two types of one name (MemberAlreadyDefined)."""
        self.__dict__.setdefault("type_definitions", []).append(node)
