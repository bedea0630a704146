"""Script blocks, ``using`` statements, param blocks and named blocks
(``begin``/``process``/``end``/``clean``/``dynamicparam``), and statement
lists: the rules of PowerShell's Parser.cs that build the outer structure of
a script.  A mixin of :class:`.parser.Parser`.
"""

from __future__ import annotations

import pwshlike.language.ast as A
from .ast import Extent
from .parse_cursor import (BARRIER, EMPTY, K, K_COMMA, K_EOF, K_EQUALS, K_GENERIC, K_IDENTIFIER, K_LCURLY,
                           K_LPAREN, K_NEWLINE, K_RCURLY, K_RPAREN, K_SEMI, K_SPLATTED, K_VARIABLE,
                           offset_before)
from .scan_tables import MODE_COMMAND, MODE_EXPRESSION, RawToken, SKIP_START
from .tokens import F_BLOCK_NAME, kind_text, STATIC_FLAGS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

_BLOCK_NAMES = {K.Begin: "begin", K.Process: "process", K.End: "end", K.Clean: "clean",
                K.Dynamicparam: "dynamicparam"}


class BlockRules:
    """Script block, param block and statement list rules."""

    # --- script blocks -------------------------------------------------------------

    def parse_script(self) -> A.ScriptBlockAst:
        self.tk.mode = MODE_COMMAND
        return self._script_block(None, False)

    def _script_block(self, lcurly: Optional[RawToken], is_filter: bool) -> A.ScriptBlockAst:
        self._skip_newlines()
        usings = self._using_statements() if lcurly is None else None
        restore = self._restore_point()
        param_block, consumed = self._param_block()
        if param_block is None and consumed:
            # Attributes that were not before ``param`` mean something else
            # (a cast, a type literal): read them again.
            self._resync(restore)
        self._skip_newlines_and_semis()
        sb = self._script_block_body(lcurly, param_block, is_filter)
        if usings:
            sb.using_statements = usings
            for u in usings:
                u.parent = sb
        return sb

    def _using_statements(self) -> Optional[list[A.UsingStatementAst]]:
        result = None
        while True:
            tok = self._peek()
            if tok[0] is not K.Using:
                # Read the token again: the param-block rule looks for '['
                # and attributes, which command mode reads as a bare word.
                if tok[0] is K_GENERIC:
                    self._resync(tok[1])
                return result
            self.ungot = None
            stmt = self._using_statement(tok)
            self._skip_newlines_and_semis()
            if isinstance(stmt, A.UsingStatementAst):
                if result is None:
                    result = []
                result.append(stmt)

    def _using_statement(self, using_tok: RawToken) -> A.StatementAst:
        """``using namespace|module|assembly|type <name> [= <alias>]`` (pwsh's UsingStatementRule)."""
        src = self.src
        kind_tok = self._next()
        kind = self.src.text[kind_tok[1]:kind_tok[2]].lower() if kind_tok[0] in (K_IDENTIFIER, K.Type, K.Module,
                                                          K.Namespace, K.Assembly, K.Command) else ""
        if kind not in ("namespace", "module", "assembly", "type", "command"):
            self.ungot = kind_tok
            self._incomplete(using_tok[2], using_tok[2], "MissingUsingStatementDirective")
            return A.ErrorStatementAst(Extent(self.src, using_tok[1], using_tok[2]), [])
        item_tok = self._peek()
        if item_tok[0] in (K_EOF, K_NEWLINE, K_COMMA, K_SEMI):
            if item_tok[0] is K_COMMA or item_tok[0] is K_SEMI:
                self.ungot = None
            self._incomplete(kind_tok[2], kind_tok[2], "MissingUsingItemName")
            return A.ErrorStatementAst(Extent(src, using_tok[1], kind_tok[2]), [])
        name = self._single_command_argument(0x04)
        if name is None:
            tok = self._next()
            self._error(tok[1], tok[2], "InvalidValueForUsingItemName", src.text[tok[1]:tok[2]])
            self._sync_on_error(True, K_SEMI, K_NEWLINE)
            return A.ErrorStatementAst(Extent(src, using_tok[1], tok[2]), [])
        is_table = isinstance(name, A.HashtableAst)
        if type(name) is not A.StringConstantExpressionAst and not (kind == "module" and is_table):
            self._error(name.extent.start_offset, name.extent.end_offset, "InvalidValueForUsingItemName",
                        name.extent.text)
            return A.ErrorStatementAst(Extent(src, using_tok[1], name.extent.end_offset), [name])
        alias: Optional[A.ExpressionAst] = None
        if kind != "assembly" and not is_table and self._peek_equals():
            alias = self._single_command_argument(0x04)
            if alias is None or type(alias) is not A.StringConstantExpressionAst:
                at = alias.extent if alias is not None else Extent(src, name.extent.end_offset, name.extent.end_offset)
                self._error(at.start_offset, at.end_offset, "InvalidValueForUsingItemName", at.text)
                return A.ErrorStatementAst(Extent(src, using_tok[1], at.end_offset), [name])
        end = (alias or name).extent.end_offset
        node = A.UsingStatementAst(Extent(src, using_tok[1], end), kind, name, alias)
        name.parent = node
        if alias is not None:
            alias.parent = node
        self.__dict__.setdefault("usings", []).append(node)
        return node

    def _peek_equals(self) -> bool:
        """Whether an ``=`` (an alias) follows a using statement's name; consumes it."""
        tok = self._peek()
        if tok[0] is K_EQUALS or (tok[0] is K_GENERIC and self.src.text[tok[1]:tok[2]] == "="):
            self.ungot = None
            return True
        return False

    def _param_block(self) -> tuple[Optional[A.ParamBlockAst], bool]:
        """``[attributes] param(...)``; returns (block, whether tokens that must
        be re-read were consumed)."""
        self._skip_newlines()
        candidates = self._attribute_list(False)
        self._skip_newlines()
        param_tok = self._peek()
        if param_tok[0] is not K.Param:
            return None, candidates is not None
        self.ungot = None
        self._skip_newlines()
        lparen = self._next()
        if lparen[0] is not K_LPAREN:
            self.ungot = lparen
            return None, True
        parameters = self._parameter_list()
        self._skip_newlines()
        rparen = self._next()
        end = rparen[2]
        if rparen[0] is not K_RPAREN:
            self.ungot = rparen
            end = offset_before(rparen)
            after = parameters[-1].extent.end_offset if parameters else lparen[2]
            self._incomplete(after, after, "MissingEndParenthesisInFunctionParameterList")
        attributes = []
        for attr in candidates or EMPTY:
            if isinstance(attr, A.AttributeAst):
                attributes.append(attr)
            else:
                self._error(attr.extent.start_offset, attr.extent.end_offset,
                            "TypeNotAllowedBeforeParam", attr.type_name.full_name)
        start = param_tok[1]
        node = A.ParamBlockAst(Extent(self.src, start, max(end, start)), attributes, parameters)
        for a in attributes:
            a.parent = node
        for p in parameters:
            p.parent = node
        self._check_duplicate_parameters(parameters)
        return node, True

    def _parameter_list(self) -> list[A.ParameterAst]:
        parameters: list[A.ParameterAst] = []
        comma = None
        while True:
            parameter = self._parameter()
            if parameter is None:
                if comma is not None:
                    self._incomplete(comma[2], comma[2], "MissingExpressionAfterToken", ",")
                break
            parameters.append(parameter)
            self._skip_newlines()
            comma = self._peek()
            if comma[0] is not K_COMMA:
                break
            self.ungot = None
        return parameters

    def _parameter(self) -> Optional[A.ParameterAst]:
        src = self.src
        old_disable = self.disable_comma
        old_mode = self.tk.mode
        default = None
        try:
            self.disable_comma = True
            self._switch_mode(MODE_EXPRESSION)
            self._skip_newlines()
            attributes = self._attribute_list(False)
            self._skip_newlines()
            tok = self._next()
            if tok[0] is not K_VARIABLE and tok[0] is not K_SPLATTED:
                self.ungot = tok
                if attributes is not None:
                    last = attributes[-1].extent.end_offset
                    self._incomplete(last, last, "InvalidFunctionParameter")
                    self._sync_on_error(True, K_RPAREN)
                    extent = Extent(src, attributes[0].extent.start_offset, last)
                    name = A.VariableExpressionAst(extent, "__error__", False, False)
                    node = A.ParameterAst(extent, name, attributes, None)
                    name.parent = node
                    for a in attributes:
                        a.parent = node
                    return node
                return None
            var = self._variable(tok)
            self._skip_newlines()
            equals = self._peek()
            if equals[0] is K_EQUALS:
                self.ungot = None
                self._skip_newlines()
                default = self._expression()
                if default is None:
                    self._incomplete(equals[2], equals[2], "MissingExpressionAfterToken", "=")
        finally:
            self.disable_comma = old_disable
            self._switch_mode(old_mode)
        start = attributes[0].extent.start_offset if attributes else tok[1]
        end = default.extent.end_offset if default is not None else tok[2]
        node = A.ParameterAst(Extent(src, start, end), var, attributes or [], default)
        var.parent = node
        if attributes:
            for a in attributes:
                a.parent = node
        if default is not None:
            default.parent = node
        return node

    def _check_duplicate_parameters(self, parameters: list[A.ParameterAst]) -> None:
        seen: set[str] = set()
        for p in parameters:
            name = p.name.name.lower()
            if name in seen:
                self._late(p.name.extent, "DuplicateFormalParameter", p.name.name)
            else:
                seen.add(name)

    # --- script block bodies -----------------------------------------------------------

    def _complete_body(self, lcurly: Optional[RawToken], body_start: Optional[int],
                       body_end: Optional[int]) -> tuple[bool, int, int, Optional[tuple[int, int]]]:
        """CompleteScriptBlockBody: consume the closing ``}`` (or check for end
        of input); returns (done, start, end, empty-body extent)."""
        if lcurly is not None:
            rcurly = self._next()
            empty = None
            if rcurly[0] is not K_RCURLY:
                self.ungot = rcurly
                end = body_end if body_end is not None else lcurly[2]
                self._incomplete_at(lcurly[1], lcurly[2], rcurly[2], "MissingEndCurlyBrace")
            else:
                end = rcurly[2]
                if body_start is None and lcurly[2] != rcurly[1]:
                    empty = (lcurly[2], rcurly[1])
            return True, lcurly[1], end, empty
        tok = self._next()
        if tok[0] is not K_EOF:
            self._error(tok[1], tok[2], "UnexpectedToken", self.src.text[tok[1]:tok[2]])
            return False, 0, self.tk.n, None
        return True, 0, self.src_len, None

    @property
    def src_len(self) -> int:
        return len(self.src.text)

    def _script_block_body(self, lcurly: Optional[RawToken], param_block: Optional[A.ParamBlockAst],
                           is_filter: bool) -> A.ScriptBlockAst:
        src = self.src
        tok = self._peek()
        if STATIC_FLAGS[tok[0]] & F_BLOCK_NAME:
            return self._named_block_list(lcurly, param_block)
        statements: list[A.StatementAst] = []
        traps: list[A.TrapStatementAst] = []
        body_start = param_block.extent.start_offset if param_block is not None else None
        body_end = param_block.extent.end_offset if param_block is not None else None
        self.flow.append(BARRIER)
        try:
            while True:
                span = self._statement_list(statements, traps)
                if span is not None:
                    if body_start is None:
                        body_start = span[0]
                    body_end = span[1]
                done, sb_start, sb_end, empty = self._complete_body(lcurly, body_start, body_end)
                if done:
                    break
        finally:
            self.flow.pop()
        if body_start is not None:
            block_extent = Extent(src, body_start, body_end)
        elif empty is not None:
            block_extent = Extent(src, empty[0], empty[1])
        else:
            at = lcurly[2] if lcurly is not None else 0
            block_extent = Extent(src, at, at)
        named = A.NamedBlockAst(block_extent, "process" if is_filter else "end", statements, traps,
                                True)
        for s in statements:
            s.parent = named
        for t in traps:
            t.parent = named
        if is_filter:
            node = A.ScriptBlockAst(Extent(src, sb_start, sb_end), param_block, None, named, None,
                                    None, None, True)
        else:
            node = A.ScriptBlockAst(Extent(src, sb_start, sb_end), param_block, None, None, named,
                                    None, None, False)
        named.parent = node
        if param_block is not None:
            param_block.parent = node
        return node

    def _named_block_list(self, lcurly: Optional[RawToken],
                          param_block: Optional[A.ParamBlockAst]) -> A.ScriptBlockAst:
        src = self.src
        blocks: dict[str, A.NamedBlockAst] = {}
        start = lcurly[1] if lcurly is not None else (
            param_block.extent.start_offset if param_block is not None else None)
        end = None
        sb_start = sb_end = 0
        while True:
            tok = self._next()
            kind = tok[0]
            name = _BLOCK_NAMES.get(kind)
            if name is None:
                if kind is K_RCURLY or kind is K_EOF:
                    self.ungot = tok
                    _done, sb_start, sb_end, _ = self._complete_body(lcurly, start, end)
                    break
                if lcurly is not None:
                    self.ungot = tok
                    sb_start = start if start is not None else tok[1]
                    sb_end = end if end is not None else sb_start
                else:
                    sb_start, sb_end = 0, self.src_len
                self._error(tok[1], tok[2], "MissingNamedBlocks", self.src.text[tok[1]:tok[2]])
                break
            if start is None:
                start = tok[1]
            end = tok[2]
            self.flow.append(BARRIER)
            try:
                body = self._statement_block()
            finally:
                self.flow.pop()
            if body is None:
                self._incomplete(tok[2], tok[2], "MissingNamedStatementBlock", kind_text(kind))
                statements: list = []
                traps: list = []
            else:
                end = body.extent.end_offset
                statements, traps = body.statements, body.traps
            extent = Extent(src, tok[1], end)
            if name in blocks:
                self._error(extent.start_offset, extent.end_offset, "DuplicateScriptCommandClause",
                            kind_text(kind))
            else:
                block = A.NamedBlockAst(extent, name, statements, traps, False)
                for s in statements:
                    s.parent = block
                for t in traps:
                    t.parent = block
                blocks[name] = block
            self._skip_newlines_and_semis()
        node = A.ScriptBlockAst(Extent(src, sb_start, sb_end), param_block, blocks.get("begin"),
                                blocks.get("process"), blocks.get("end"), blocks.get("clean"),
                                blocks.get("dynamicparam"), False)
        if param_block is not None:
            param_block.parent = node
        for block in blocks.values():
            block.parent = node
        return node

    def _statement_block(self) -> Optional[A.StatementBlockAst]:
        self._skip_newlines()
        lcurly = self._next()
        if lcurly[0] is not K_LCURLY:
            self.ungot = lcurly
            return None
        statements: list[A.StatementAst] = []
        traps: list[A.TrapStatementAst] = []
        span = self._statement_list(statements, traps)
        rcurly = self._next()
        if rcurly[0] is not K_RCURLY:
            self.ungot = rcurly
            end = span[1] if span is not None else lcurly[2]
            self._incomplete_at(lcurly[1], lcurly[2], rcurly[2], "MissingEndCurlyBrace")
        else:
            end = rcurly[2]
        ext = Extent(self.src, lcurly[1], end)
        node = A.StatementBlockAst(ext, statements, traps)
        for s in statements:
            s.parent = node
        for t in traps:
            t.parent = node
        return node

    def _statement_list(self, statements: list, traps: list) -> Optional[tuple[int, int]]:
        first = last = None
        self._skip_newlines_and_semis()
        while True:
            stmt = self._statement()
            if stmt is None:
                break
            if type(stmt) is A.TrapStatementAst:
                traps.append(stmt)
            else:
                statements.append(stmt)
            if first is None:
                first = stmt
            last = stmt
            # _skip_newlines_and_semis() and _peek(), inline.
            tok = self.ungot
            if tok is None:
                tk = self.tk
                text = tk.text
                pos = tk.pos
                c = text[pos]
                if c == " ":
                    c = text[pos + 1]
                if c in SKIP_START:
                    tk.skip_newlines(True)
                tok = self.ungot = tk.next_token()
            elif tok[0] is K_NEWLINE or tok[0] is K_SEMI:
                tk = self.tk
                tk.skip_newlines(True)
                tok = self.ungot = tk.next_token()
            kind = tok[0]
            if kind is K_RPAREN or kind is K_RCURLY:
                break
        if first is None:
            return None
        return first.extent.start_offset, last.extent.end_offset
