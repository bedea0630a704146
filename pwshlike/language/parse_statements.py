"""Statements: flow control, loops, ``switch``, ``function``,
``trap``/``try``, ``data`` and the keyword dispatch table.  A mixin of
:class:`.parser.Parser`.
"""

from __future__ import annotations

import functools
import re

import pwshlike.language.ast as A
from .ast import Extent
from .parse_cursor import (BARRIER, EMPTY, K, K_AMPERSAND, K_ANDAND, K_ATCURLY, K_ATPAREN, K_COMMA,
                           K_DEFAULT, K_EOF, K_EXPANDABLE, K_GENERIC, K_HERE_EXPANDABLE, K_HERE_STRING,
                           K_IDENTIFIER, K_LABEL, K_LCURLY, K_LPAREN, K_NEWLINE, K_OROR, K_PARAMETER, K_PIPE,
                           K_RCURLY, K_REDIRECT_IN, K_REDIRECTION, K_RPAREN, K_SEMI, K_SPLATTED, K_STRING,
                           K_VARIABLE, offset_before)
from .scan_tables import MODE_COMMAND, RawToken
from .tokens import (F_KEYWORD, F_MEMBER_NAME, F_NO_ATTRIBUTES, F_NOT_KEYWORD, kind_text, STATIC_FLAGS,
                     TokenKind)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

_BAD_FUNCTION_NAME = frozenset((K_PIPE, K_LPAREN, K_LCURLY, K_ATPAREN, K_ATCURLY, K_RCURLY,
                                K_RPAREN, K_EOF, K_SEMI, K_REDIRECTION, K_REDIRECT_IN, K_ANDAND,
                                K_OROR, K_AMPERSAND, K_VARIABLE, K_SPLATTED, K_HERE_EXPANDABLE,
                                K_HERE_STRING, K_STRING, K_EXPANDABLE))

# Flow-control context markers for ControlLeavingFinally.
_FINALLY = 0

# Blanks, newlines, comments and line continuations (lookahead for else).


@functools.cache
def _skip_blanks_re() -> re.Pattern[str]:
    """Compiled on first use: start-up compiles no pattern a script may never need."""
    return re.compile(r"(?:\s+|#[^\r\n]*|<#[\s\S]*?#>|`(?=[\r\n]))*")


class StatementRules:
    """Statement rules (StatementRule and the rules it dispatches to)."""

    # --- statements ----------------------------------------------------------------------

    def _statement(self) -> Optional[A.StatementAst]:
        tok = self.ungot
        if tok is None:
            tok = self.tk.next_token()
        else:
            self.ungot = None
        kind = tok[0]
        attributes = None
        restore = 0
        if kind is K_GENERIC and self.src.text[tok[1]:tok[2]][0] == "[":
            restore = tok[1]
            self._resync(restore)
            attributes = self._attribute_list(False)
            tok = self._next()
            kind = tok[0]
            if attributes:
                flags = STATIC_FLAGS[kind]
                if flags & F_NO_ATTRIBUTES:
                    if any(isinstance(a, A.TypeConstraintAst) for a in attributes):
                        self._resync(restore)
                        tok = self._next()
                        kind = tok[0]
                    else:
                        first = attributes[0]
                        self._error(first.extent.start_offset, first.extent.end_offset,
                                    "UnexpectedAttribute", first.type_name.full_name)
                elif flags & F_KEYWORD:
                    for attr in attributes:
                        if not isinstance(attr, A.AttributeAst):
                            self._error(attr.extent.start_offset, attr.extent.end_offset,
                                        "TypeNotAllowedBeforeStatement", attr.type_name.full_name)
                            break
                    if kind is K.Enum:
                        return self._enum(tok, attributes)
                    if kind is K.Class:
                        return self._class(tok, attributes)
                else:
                    self._resync(restore)
                    tok = self._next()
                    kind = tok[0]
        handler = _STATEMENT_RULES.get(kind)
        if handler is not None:
            return handler(self, tok)
        if kind is K_LABEL:
            self._skip_newlines()
            return self._labeled_statement(tok)
        if kind is K_EOF:
            if attributes is not None:
                self._resync(restore)
                return self._pipeline_chain()
            self.ungot = tok
            return None
        if kind in _STRAY_KEYWORDS and self.errors:
            # After an error, a stray else/catch/until is eaten rather than
            # read as a command name.
            self._skip_newlines()
            return self._statement()
        if attributes is not None:
            self._resync(restore)
        else:
            self.ungot = tok
        return self._pipeline_chain()

    def _reserved_keyword(self, tok: RawToken) -> A.StatementAst:
        self._error(tok[1], tok[2], "ReservedKeywordNotAllowed", kind_text(tok[0]))
        return A.ErrorStatementAst(Extent(self.src, tok[1], tok[2]), [])

    def _unsupported_definition(self, tok: RawToken) -> A.StatementAst:
        """``configuration``: not supported; skip the
        definition so the rest of the script still parses."""
        self._error(tok[1], tok[2], "ReservedKeywordNotAllowed", kind_text(tok[0]))
        end = tok[2]
        while True:
            nxt = self._next()
            if nxt[0] is K_LCURLY:
                self._sync_on_error(True, K_RCURLY)
                end = max(end, self._restore_point())
                break
            if nxt[0] in (K_EOF, K_NEWLINE, K_SEMI, K_RCURLY, K_RPAREN):
                self.ungot = nxt
                break
            end = nxt[2]
        return A.ErrorStatementAst(Extent(self.src, tok[1], end), [])

    def _simple_name(self) -> Optional[A.StringConstantExpressionAst]:
        tk = self.tk
        tok = self.ungot
        if tok is None:
            # (No try/finally: an exception abandons the whole parse.)
            tk.want_simple_name = True
            tok = self.ungot = tk.next_token()
            tk.want_simple_name = False
        if tok[0] is K_IDENTIFIER:
            tok[4] |= F_MEMBER_NAME
            self.ungot = None
            src = self.src
            start = tok[1]
            end = tok[2]
            ext = Extent(src, start, end)
            return A.StringConstantExpressionAst(ext, src.text[start:end], "bareword")
        return None

    def _label_or_key(self) -> Optional[A.ExpressionAst]:
        name = self._simple_name()
        if name is not None:
            return name
        tok = self._peek()
        if tok[0] is not K_NEWLINE and tok[0] is not K_SEMI:
            old = self.disable_comma
            try:
                self.disable_comma = True
                return self._unary()
            finally:
                self.disable_comma = old
        return None

    def _flow_label_text(self, label: Optional[A.ExpressionAst]) -> Optional[str]:
        if label is None:
            return ""
        if type(label) is A.StringConstantExpressionAst:
            return label.value
        return None

    def _check_flow_out_of_finally(self, node: A.StatementAst, label: Optional[str]) -> None:
        """ControlLeavingFinally: break/continue/return that would leave a
        ``finally`` block (a loop inside the finally catches break/continue)."""
        for entry in reversed(self.flow):
            if entry is BARRIER:
                return
            if entry is _FINALLY:
                self._late(node.extent, "ControlLeavingFinally")
                return
            if label is not None and (label == "" or label.lower() == (entry or "").lower()):
                return

    def _break(self, tok: RawToken) -> A.StatementAst:
        label = self._label_or_key()
        end = label.extent.end_offset if label is not None else tok[2]
        node = A.BreakStatementAst(Extent(self.src, tok[1], end), label)
        if label is not None:
            label.parent = node
        self._check_flow_out_of_finally(node, self._flow_label_text(label))
        return node

    def _continue(self, tok: RawToken) -> A.StatementAst:
        label = self._label_or_key()
        end = label.extent.end_offset if label is not None else tok[2]
        node = A.ContinueStatementAst(Extent(self.src, tok[1], end), label)
        if label is not None:
            label.parent = node
        self._check_flow_out_of_finally(node, self._flow_label_text(label))
        return node

    def _return(self, tok: RawToken) -> A.StatementAst:
        pipeline = self._pipeline_chain()
        end = pipeline.extent.end_offset if pipeline is not None else tok[2]
        node = A.ReturnStatementAst(Extent(self.src, tok[1], end), pipeline)
        if pipeline is not None:
            pipeline.parent = node
        self._check_flow_out_of_finally(node, None)
        return node

    def _exit(self, tok: RawToken) -> A.StatementAst:
        pipeline = self._pipeline_chain()
        end = pipeline.extent.end_offset if pipeline is not None else tok[2]
        node = A.ExitStatementAst(Extent(self.src, tok[1], end), pipeline)
        if pipeline is not None:
            pipeline.parent = node
        return node

    def _throw(self, tok: RawToken) -> A.StatementAst:
        pipeline = self._pipeline_chain()
        end = pipeline.extent.end_offset if pipeline is not None else tok[2]
        node = A.ThrowStatementAst(Extent(self.src, tok[1], end), pipeline)
        if pipeline is not None:
            pipeline.parent = node
        return node

    def _labeled_statement(self, label: RawToken) -> A.StatementAst:
        tok = self._next()
        kind = tok[0]
        label_text = label[3]
        if kind is K.Switch:
            return self._switch(tok, label, label_text)
        if kind is K.Foreach:
            return self._foreach(tok, label, label_text)
        if kind is K.For:
            return self._for(tok, label, label_text)
        if kind is K.While:
            return self._while(tok, label, label_text)
        if kind is K.Do:
            return self._do(tok, label, label_text)
        self._resync(label[1])
        return self._pipeline_chain()

    def _error_statement(self, start: int, end: int, *nested: Any) -> A.ErrorStatementAst:
        """An ErrorStatementAst holding the partial nodes parsed so far."""
        children: list[A.Ast] = []
        for item in nested:
            if item is None:
                continue
            if isinstance(item, A.Ast):
                children.append(item)
            else:
                children.extend(x for x in item if x is not None)
        node = A.ErrorStatementAst(Extent(self.src, start, max(start, end)), children)
        for child in children:
            child.parent = node
        return node

    def _if(self, if_tok: RawToken) -> A.StatementAst:
        src = self.src
        clauses: list[tuple[A.PipelineBaseAst, A.StatementBlockAst]] = []
        components: list[A.Ast] = []
        else_clause = None
        keyword = if_tok
        while True:
            self._skip_newlines()
            lparen = self._next()
            if lparen[0] is not K_LPAREN:
                self.ungot = lparen
                self._incomplete(keyword[2], keyword[2], "MissingOpenParenthesisInIfStatement",
                                 self.src.text[keyword[1]:keyword[2]])
                return self._error_statement(if_tok[1], keyword[2], components)
            self._skip_newlines()
            condition = self._pipeline_chain()
            if condition is None:
                self._incomplete(lparen[2], lparen[2], "IfStatementMissingCondition",
                                 self.src.text[keyword[1]:keyword[2]])
                condition = A.ErrorStatementAst(Extent(src, lparen[2], lparen[2]), [])
            else:
                components.append(condition)
            self._skip_newlines()
            rparen = self._next()
            if rparen[0] is not K_RPAREN:
                self.ungot = rparen
                if type(condition) is not A.ErrorStatementAst:
                    self._incomplete(rparen[1], rparen[2],
                                     "MissingEndParenthesisAfterStatement", self.src.text[keyword[1]:keyword[2]])
                return self._error_statement(if_tok[1], max(offset_before(rparen), if_tok[2]),
                                             components)
            self._skip_newlines()
            body = self._statement_block()
            if body is None:
                self._incomplete(rparen[1], rparen[2], "MissingStatementBlock", self.src.text[keyword[1]:keyword[2]])
                return self._error_statement(if_tok[1], rparen[2], components)
            components.append(body)
            clauses.append((condition, body))
            restore = self._restore_point()
            if not self._else_follows(restore):
                break
            self._skip_newlines()
            keyword = self._peek()
            if keyword[0] is K.ElseIf:
                self.ungot = None
                continue
            if keyword[0] is K.Else:
                self.ungot = None
                self._skip_newlines()
                else_clause = self._statement_block()
                if else_clause is None:
                    self._incomplete(keyword[2], keyword[2], "MissingStatementBlockAfterElse")
                    return self._error_statement(if_tok[1], keyword[2], components)
            else:
                # Not an else after all: put the newlines back (a hashtable
                # entry after the if needs them as its separator).
                self._resync(restore)
            break
        end = else_clause.extent.end_offset if else_clause is not None \
            else clauses[-1][1].extent.end_offset
        node = A.IfStatementAst(Extent(src, if_tok[1], end), clauses, else_clause)
        for cond, body in clauses:
            cond.parent = node
            body.parent = node
        if else_clause is not None:
            else_clause.parent = node
        return node

    def _else_follows(self, offset: int) -> bool:
        """Cheap lookahead: could ``else``/``elseif`` come next (after blanks,
        newlines and comments)?  When not, the newlines are left unread."""
        tok = self.ungot
        if tok is not None:
            return tok[0] is K_NEWLINE or tok[0] is K.Else or tok[0] is K.ElseIf
        tk = self.tk
        text = tk.text
        i = _skip_blanks_re().match(text, tk.pos).end()
        return text[i:i + 4].lower() == "else"

    def _switch(self, switch_tok: RawToken, label_tok: Optional[RawToken] = None,
                label: Optional[str] = None) -> A.StatementAst:
        src = self.src
        start = label_tok[1] if label_tok is not None else switch_tok[1]
        end_error = label_tok[2] if label_tok is not None else switch_tok[2]
        is_error = False
        incomplete_error = False
        self._skip_newlines()
        need_error_condition = False
        condition: Optional[A.PipelineBaseAst] = None
        mode = None  # 'regex' | 'wildcard' | 'exact'
        flags: set[str] = set()
        tok = self._peek()
        while tok[0] is K_PARAMETER:
            self.ungot = None
            end_error = tok[2]
            name = tok[3].lower()
            if "regex".startswith(name):
                mode = "regex"
            elif "wildcard".startswith(name):
                mode = "wildcard"
            elif "exact".startswith(name):
                mode = "exact"
            elif "casesensitive".startswith(name):
                flags.add("casesensitive")
            elif "parallel".startswith(name):
                flags.add("parallel")
            elif "file".startswith(name):
                flags.add("file")
                self._skip_newlines()
                file_expr = self._single_command_argument(0x04)
                if file_expr is None:
                    is_error = True
                    incomplete_error = self._incomplete(tok[2], tok[2], "MissingFilenameOption")
                else:
                    end_error = file_expr.extent.end_offset
                    condition = self._expression_pipeline(file_expr)
            else:
                is_error = True
                self._error(tok[1], tok[2], "InvalidSwitchFlag", tok[3])
            tok = self._peek()
        if mode is not None:
            flags.add(mode)
        lparen = self._peek()
        if lparen[0] is K_LPAREN:
            end_error = lparen[2]
            self.ungot = None
            if "file" in flags:
                is_error = True
                self._error(lparen[1], lparen[2], "PipelineValueRequired")
            need_error_condition = True
            self._skip_newlines()
            condition = self._pipeline_chain()
            if condition is None:
                is_error = True
                incomplete_error = self._incomplete(lparen[2], lparen[2],
                                                    "PipelineValueRequired")
            else:
                end_error = condition.extent.end_offset
            self._skip_newlines()
            rparen = self._next()
            if rparen[0] is not K_RPAREN:
                self.ungot = rparen
                if not incomplete_error:
                    is_error = True
                    incomplete_error = self._incomplete(end_error, end_error,
                                                        "MissingEndParenthesisInSwitchStatement")
            else:
                end_error = rparen[2]
        elif condition is None and "file" not in flags:
            is_error = True
            incomplete_error = self._incomplete(end_error, end_error, "PipelineValueRequired")
        self._skip_newlines()
        lcurly = self._next()
        default = None
        clauses: list[tuple[A.ExpressionAst, A.StatementBlockAst]] = []
        error_asts: list[A.Ast] = []
        rcurly = None
        if lcurly[0] is not K_LCURLY:
            self.ungot = lcurly
            if not incomplete_error:
                is_error = True
                self._incomplete(end_error, end_error, "MissingCurlyBraceInSwitchStatement")
        else:
            end_error = lcurly[2]
            self._skip_newlines()
            while True:
                tok = self._peek()
                is_default = tok[0] is K_DEFAULT
                if is_default:
                    self.ungot = None
                    clause_condition: Optional[A.ExpressionAst] = A.StringConstantExpressionAst(
                        Extent(self.src, tok[1], tok[2]), self.src.text[tok[1]:tok[2]], "bareword")
                else:
                    clause_condition = self._single_command_argument(0x10)
                    if clause_condition is None:
                        is_error = True
                        self._incomplete(end_error, end_error, "MissingSwitchConditionExpression")
                        if self._peek()[0] is K_RCURLY:
                            self.ungot = None
                        break
                error_asts.append(clause_condition)
                end_error = clause_condition.extent.end_offset
                body = self._loop_body(label)
                if body is None:
                    is_error = True
                    incomplete_error = self._incomplete(end_error, end_error,
                                                        "MissingSwitchStatementClause")
                else:
                    error_asts.append(body)
                    end_error = body.extent.end_offset
                    if is_default:
                        if default is not None:
                            is_error = True
                            self._error(clause_condition.extent.start_offset,
                                        clause_condition.extent.end_offset,
                                        "MultipleSwitchDefaultClauses")
                        default = body
                    else:
                        clauses.append((clause_condition, body))
                self._skip_newlines_and_semis()
                tok = self._peek()
                if tok[0] is K_RCURLY:
                    rcurly = tok
                    self.ungot = None
                    break
                if tok[0] is K_EOF:
                    if not incomplete_error:
                        is_error = True
                        self._incomplete_at(lcurly[1], lcurly[2], tok[2],
                                            "MissingEndCurlyBrace")
                    break
        if is_error:
            nested: list[Any] = []
            if need_error_condition and condition is not None:
                nested.append(condition)
            elif condition is not None and "file" in flags:
                nested.append(condition)
            nested.extend(error_asts)
            return self._error_statement(start, end_error, nested)
        assert condition is not None and rcurly is not None
        node = A.SwitchStatementAst(Extent(src, start, rcurly[2]), label, condition,
                                    frozenset(flags), clauses, default)
        if "parallel" in flags:
            # SemanticChecks: the flag parses but is reserved (it was workflow's).
            self._late(node.extent, "KeywordParameterReservedForFutureUse", "switch", "parallel")
        condition.parent = node
        for cond, body in clauses:
            cond.parent = node
            body.parent = node
        if default is not None:
            default.parent = node
        return node

    def _expression_pipeline(self, expr: A.ExpressionAst) -> A.PipelineAst:
        """A PipelineAst holding one expression (shares the expression's extent)."""
        extent = expr.extent
        cmd = A.CommandExpressionAst(extent, expr, EMPTY)
        expr.parent = cmd
        pipe = A.PipelineAst(extent, [cmd], False)
        cmd.parent = pipe
        return pipe

    def _foreach(self, foreach_tok: RawToken, label_tok: Optional[RawToken] = None,
                 label: Optional[str] = None) -> A.StatementAst:
        src = self.src
        start = label_tok[1] if label_tok is not None else foreach_tok[1]
        end_error: Optional[int] = None
        self._skip_newlines()
        tok = self._peek()
        parallel = False
        throttle = None
        while tok[0] is K_PARAMETER:
            self.ungot = None
            name = tok[3].lower()
            if "parallel".startswith(name):
                parallel = True
            elif "throttlelimit".startswith(name):
                self._skip_newlines()
                throttle = self._single_command_argument(0x08)
                if throttle is None:
                    self._incomplete(tok[2], tok[2], "MissingThrottleLimit")
            else:
                end_error = tok[2]
                self._error(tok[1], tok[2], "InvalidForeachFlag", tok[3])
            self._skip_newlines()
            tok = self._peek()
        lparen = self._next()
        if lparen[0] is not K_LPAREN:
            self.ungot = lparen
            self._incomplete(foreach_tok[2], foreach_tok[2], "MissingOpenParenthesisAfterKeyword",
                             kind_text(foreach_tok[0]))
            return self._error_statement(start, foreach_tok[2])
        self._skip_newlines()
        tok = self._next()
        if tok[0] is not K_VARIABLE and tok[0] is not K_SPLATTED:
            self.ungot = tok
            self._incomplete(lparen[2], lparen[2], "MissingVariableNameAfterForeach")
            return self._error_statement(start, lparen[2])
        variable = self._variable(tok)
        self._skip_newlines()
        pipeline = None
        body = None
        in_tok = self._next()
        if in_tok[0] is not K.In:
            self.ungot = in_tok
            end_error = variable.extent.end_offset
            self._incomplete(end_error, end_error, "MissingInInForeach")
        else:
            self._skip_newlines()
            pipeline = self._pipeline_chain()
            if pipeline is None:
                end_error = in_tok[2]
                self._incomplete(end_error, end_error, "MissingForeachExpression")
            else:
                self._skip_newlines()
                rparen = self._next()
                if rparen[0] is not K_RPAREN:
                    self.ungot = rparen
                    end_error = pipeline.extent.end_offset
                    self._incomplete(end_error, end_error, "MissingEndParenthesisAfterForeach")
                else:
                    body = self._loop_body(label)
                    if body is None:
                        end_error = rparen[2]
                        self._incomplete(end_error, end_error, "MissingForeachStatement")
        if end_error is not None:
            return self._error_statement(start, end_error, variable, pipeline, body, throttle)
        assert pipeline is not None and body is not None
        node = A.ForEachStatementAst(Extent(src, start, body.extent.end_offset), label, variable,
                                     pipeline, body,
                                     frozenset(("parallel",)) if parallel else frozenset(),
                                     throttle)
        if parallel:
            # SemanticChecks: the flag parses but is reserved (it was workflow's).
            self._late(node.extent, "KeywordParameterReservedForFutureUse", "foreach", "parallel")
        variable.parent = node
        pipeline.parent = node
        body.parent = node
        if throttle is not None:
            throttle.parent = node
            self._late(node.extent, "KeywordParameterReservedForFutureUse", "foreach", "throttlelimit")
            if not parallel:
                self._late(node.extent, "ThrottleLimitRequiresParallelFlag")
        return node

    def _loop_body(self, label: Optional[str]) -> Optional[A.StatementBlockAst]:
        """A loop's statement block; break/continue inside it stay in the loop."""
        self.flow.append(label or "")
        try:
            return self._statement_block()
        finally:
            self.flow.pop()

    def _for(self, for_tok: RawToken, label_tok: Optional[RawToken] = None,
             label: Optional[str] = None) -> A.StatementAst:
        src = self.src
        start = label_tok[1] if label_tok is not None else for_tok[1]
        end_error: Optional[int] = None
        self._skip_newlines()
        lparen = self._next()
        if lparen[0] is not K_LPAREN:
            self.ungot = lparen
            self._incomplete(for_tok[2], for_tok[2], "MissingOpenParenthesisAfterKeyword",
                             kind_text(for_tok[0]))
            return self._error_statement(start, for_tok[2])
        self._skip_newlines()
        initializer = self._pipeline_chain()
        if initializer is not None:
            end_error = initializer.extent.end_offset
        if self._peek()[0] is K_SEMI:
            end_error = self._next()[2]
        self._skip_newlines()
        condition = self._pipeline_chain()
        if condition is not None:
            end_error = condition.extent.end_offset
        if self._peek()[0] is K_SEMI:
            end_error = self._next()[2]
        self._skip_newlines()
        iterator = self._pipeline_chain()
        if iterator is not None:
            end_error = iterator.extent.end_offset
        self._skip_newlines()
        rparen = self._next()
        body = None
        if rparen[0] is not K_RPAREN:
            self.ungot = rparen
            if end_error is None:
                end_error = lparen[2]
            self._incomplete(end_error, end_error, "MissingEndParenthesisAfterStatement",
                             kind_text(for_tok[0]))
        else:
            body = self._loop_body(label)
            if body is None:
                end_error = rparen[2]
                self._incomplete(end_error, end_error, "MissingLoopStatement",
                                 kind_text(for_tok[0]))
        if body is None:
            assert end_error is not None
            return self._error_statement(start, end_error, initializer, condition, iterator)
        node = A.ForStatementAst(Extent(src, start, body.extent.end_offset), label, initializer,
                                 condition, iterator, body)
        for child in (initializer, condition, iterator, body):
            if child is not None:
                child.parent = node
        return node

    def _while(self, while_tok: RawToken, label_tok: Optional[RawToken] = None,
               label: Optional[str] = None) -> A.StatementAst:
        src = self.src
        start = label_tok[1] if label_tok is not None else while_tok[1]
        self._skip_newlines()
        lparen = self._next()
        if lparen[0] is not K_LPAREN:
            self.ungot = lparen
            self._incomplete(while_tok[2], while_tok[2], "MissingOpenParenthesisAfterKeyword",
                             self.src.text[while_tok[1]:while_tok[2]])
            return self._error_statement(start, while_tok[2])
        self._skip_newlines()
        condition = self._pipeline_chain()
        error_condition = None
        if condition is None:
            self._incomplete(lparen[2], lparen[2], "MissingExpressionAfterKeyword",
                             kind_text(while_tok[0]))
            condition = A.ErrorStatementAst(Extent(src, lparen[2], lparen[2]), [])
        else:
            error_condition = condition
        self._skip_newlines()
        rparen = self._next()
        if rparen[0] is not K_RPAREN:
            self.ungot = rparen
            if type(condition) is not A.ErrorStatementAst:
                end = condition.extent.end_offset
                self._incomplete(end, end, "MissingEndParenthesisAfterStatement",
                                 kind_text(while_tok[0]))
            return self._error_statement(start, condition.extent.end_offset, error_condition)
        self._skip_newlines()
        body = self._loop_body(label)
        if body is None:
            self._incomplete(rparen[2], rparen[2], "MissingLoopStatement",
                             kind_text(while_tok[0]))
            return self._error_statement(start, rparen[2], error_condition)
        node = A.WhileStatementAst(Extent(src, start, body.extent.end_offset), label, condition,
                                   body)
        condition.parent = node
        body.parent = node
        return node

    def _do(self, do_tok: RawToken, label_tok: Optional[RawToken] = None,
            label: Optional[str] = None) -> A.StatementAst:
        src = self.src
        start = label_tok[1] if label_tok is not None else do_tok[1]
        end_error: Optional[int] = None
        rparen = None
        keyword = None
        condition = None
        body = self._loop_body(label)
        if body is None:
            end_error = do_tok[2]
            self._incomplete(end_error, end_error, "MissingLoopStatement", "do")
        else:
            self._skip_newlines()
            keyword = self._next()
            if keyword[0] is not K.While and keyword[0] is not K.Until:
                self.ungot = keyword
                end_error = body.extent.end_offset
                self._incomplete(end_error, end_error, "MissingWhileOrUntilInDoWhile")
            else:
                self._skip_newlines()
                lparen = self._next()
                if lparen[0] is not K_LPAREN:
                    self.ungot = lparen
                    end_error = keyword[2]
                    self._incomplete(end_error, end_error, "MissingOpenParenthesisAfterKeyword",
                                     kind_text(keyword[0]))
                else:
                    self._skip_newlines()
                    condition = self._pipeline_chain()
                    if condition is None:
                        end_error = lparen[2]
                        self._incomplete(end_error, end_error, "MissingExpressionAfterKeyword",
                                         kind_text(keyword[0]))
                    self._skip_newlines()
                    rparen = self._next()
                    if rparen[0] is not K_RPAREN:
                        self.ungot = rparen
                        if condition is not None:
                            end_error = condition.extent.end_offset
                            self._incomplete(end_error, end_error,
                                             "MissingEndParenthesisAfterStatement",
                                             kind_text(keyword[0]))
        if end_error is not None:
            return self._error_statement(start, end_error, body, condition)
        assert body is not None and condition is not None and rparen is not None
        cls = A.DoUntilStatementAst if keyword[0] is K.Until else A.DoWhileStatementAst
        node = cls(Extent(src, start, rparen[2]), label, condition, body)
        condition.parent = node
        body.parent = node
        return node

    def _function(self, function_tok: RawToken) -> A.StatementAst:
        src = self.src
        self._skip_newlines()
        name_tok = self._next()
        if name_tok[0] in _BAD_FUNCTION_NAME:
            self.ungot = name_tok
            self._incomplete(function_tok[2], function_tok[2], "MissingNameAfterKeyword",
                             self.src.text[function_tok[1]:function_tok[2]])
            return A.ErrorStatementAst(Extent(self.src, function_tok[1], function_tok[2]), [])
        name_tok[4] |= F_NOT_KEYWORD
        end_error, rparen, parameters = self._function_parameters()
        lcurly = self._next()
        if lcurly[0] is not K_LCURLY:
            self.ungot = lcurly
            if end_error is None:
                end_error = rparen[2] if rparen is not None else name_tok[2]
                self._incomplete(end_error, end_error, "MissingFunctionBody")
        if end_error is not None:
            return self._error_statement(function_tok[1], end_error, parameters)
        is_filter = function_tok[0] is K.Filter
        old_mode = self.tk.mode
        try:
            self._switch_mode(MODE_COMMAND)
            body = self._script_block(lcurly, is_filter)
        finally:
            self._switch_mode(old_mode)
        name = name_tok[3] if name_tok[0] is K_GENERIC else self.src.text[name_tok[1]:name_tok[2]]
        node = A.FunctionDefinitionAst(Extent(src, function_tok[1], body.extent.end_offset),
                                       name, is_filter, parameters, body)
        body.parent = node
        if parameters is not None:
            for p in parameters:
                p.parent = node
            if body.param_block is not None:
                self._late(body.param_block.extent, "OnlyOneParameterListAllowed")
            else:
                self._check_duplicate_parameters(parameters)
        if function_tok[0] is K.Workflow:
            self._late(node.extent, "WorkflowNotSupportedInPowerShellCore")
        return node

    def _function_parameters(self) -> tuple[Optional[int], Optional[RawToken],
                                            Optional[list[A.ParameterAst]]]:
        self._skip_newlines()
        lparen = self._peek()
        if lparen[0] is not K_LPAREN:
            return None, None, None
        self.ungot = None
        parameters = self._parameter_list()
        self._skip_newlines()
        rparen = self._next()
        end_error = None
        if rparen[0] is not K_RPAREN:
            self.ungot = rparen
            end_error = parameters[-1].extent.end_offset if parameters else lparen[2]
            self._incomplete(end_error, end_error, "MissingEndParenthesisInFunctionParameterList")
            rparen = None
        self._skip_newlines()
        return end_error, rparen, parameters

    def _trap(self, trap_tok: RawToken) -> A.StatementAst:
        restore = self._restore_point()
        self._skip_newlines()
        attribute = self._attribute()
        trap_type = attribute if isinstance(attribute, A.TypeConstraintAst) else None
        if attribute is not None and trap_type is None:
            self._resync(restore)
        self.flow.append(BARRIER)
        try:
            body = self._statement_block()
        finally:
            self.flow.pop()
        if body is None:
            end = trap_type.extent.end_offset if trap_type is not None else trap_tok[2]
            self._incomplete(end, end, "MissingTrapStatement")
            return self._error_statement(trap_tok[1], end, trap_type)
        node = A.TrapStatementAst(Extent(self.src, trap_tok[1], body.extent.end_offset),
                                  trap_type, body)
        body.parent = node
        if trap_type is not None:
            trap_type.parent = node
        return node

    def _catch(self, state: list) -> Optional[A.CatchClauseAst]:
        """One catch clause; ``state`` is [end_error, error_asts]."""
        self._skip_newlines()
        catch_tok = self._next()
        if catch_tok[0] is not K.Catch:
            self.ungot = catch_tok
            return None
        types: list[A.TypeConstraintAst] = []
        comma = None
        while True:
            restore = self._restore_point()
            self._skip_newlines()
            attribute = self._attribute()
            if attribute is None:
                if comma is not None:
                    state[0] = comma[2]
                    self._incomplete(comma[2], comma[2], "MissingTypeLiteralToken")
                break
            if not isinstance(attribute, A.TypeConstraintAst):
                self._resync(restore)
                break
            types.append(attribute)
            self._skip_newlines()
            comma = self._peek()
            if comma[0] is not K_COMMA:
                break
            self.ungot = None
        handler = self._statement_block()
        if handler is None:
            if comma is None or state[0] != comma[2]:
                end = types[-1].extent.end_offset if types else catch_tok[2]
                state[0] = end
                self._incomplete(end, end, "MissingCatchHandlerBlock")
            state[1].extend(types)
            return None
        node = A.CatchClauseAst(Extent(self.src, catch_tok[1], handler.extent.end_offset), types,
                                handler)
        handler.parent = node
        for t in types:
            t.parent = node
        return node

    def _try(self, try_tok: RawToken) -> A.StatementAst:
        src = self.src
        self._skip_newlines()
        body = self._statement_block()
        if body is None:
            self._incomplete(try_tok[2], try_tok[2], "MissingTryStatementBlock")
            return A.ErrorStatementAst(Extent(self.src, try_tok[1], try_tok[2]), [])
        state: list[Any] = [None, []]
        catches: list[A.CatchClauseAst] = []
        while True:
            clause = self._catch(state)
            if clause is None:
                break
            catches.append(clause)
        self._skip_newlines()
        finally_tok = self._peek()
        finally_block = None
        if finally_tok[0] is K.Finally:
            self.ungot = None
            self.flow.append(_FINALLY)
            try:
                finally_block = self._statement_block()
            finally:
                self.flow.pop()
            if finally_block is None:
                state[0] = finally_tok[2]
                self._incomplete(finally_tok[2], finally_tok[2], "MissingFinallyStatementBlock")
        if not catches and finally_block is None and state[0] is None:
            state[0] = body.extent.end_offset
            self._incomplete(state[0], state[0], "MissingCatchOrFinally")
        if state[0] is not None:
            return self._error_statement(try_tok[1], state[0], body, catches, state[1])
        end = finally_block.extent.end_offset if finally_block is not None \
            else catches[-1].extent.end_offset
        node = A.TryStatementAst(Extent(src, try_tok[1], end), body, catches, finally_block)
        body.parent = node
        for c in catches:
            c.parent = node
        if finally_block is not None:
            finally_block.parent = node
        self._check_catch_order(catches)
        return node

    def _check_catch_order(self, catches: list[A.CatchClauseAst]) -> None:
        for clause in catches[:-1]:
            if not clause.catch_types:
                self._late(clause.extent, "EmptyCatchNotLast")
                break

    def _data(self, data_tok: RawToken) -> A.StatementAst:
        src = self.src
        end_error: Optional[int] = None
        self._skip_newlines()
        name = self._simple_name()
        self._skip_newlines()
        tok = self._peek()
        commands: Optional[list[A.ExpressionAst]] = None
        if tok[0] is K_PARAMETER:
            self.ungot = None
            if not "supportedcommand".startswith(tok[3].lower()):
                end_error = tok[2]
                self._error(tok[1], tok[2], "InvalidParameterForDataSectionStatement",
                            tok[3])
            comma = None
            commands = []
            while True:
                self._skip_newlines()
                arg = self._single_command_argument(0x01)
                if arg is None:
                    after = comma if comma is not None else tok
                    if end_error is None:
                        self._incomplete(after[2], after[2],
                                         "MissingValueForSupportedCommandInDataSectionStatement")
                    end_error = after[2]
                    break
                commands.append(arg)
                comma = self._peek()
                if comma[0] is K_COMMA:
                    self.ungot = None
                    continue
                break
        body = None
        if end_error is None:
            body = self._statement_block()
            if body is None:
                if commands:
                    end_error = commands[-1].extent.end_offset
                else:
                    end_error = name.extent.end_offset if name is not None else data_tok[2]
                self._incomplete(end_error, end_error, "MissingStatementBlockForDataSection")
        if end_error is not None:
            return self._error_statement(data_tok[1], end_error, commands or [])
        assert body is not None
        node = A.DataStatementAst(Extent(src, data_tok[1], body.extent.end_offset),
                                  name.value if name is not None else None, body, commands or [])
        body.parent = node
        for c in commands or EMPTY:
            c.parent = node
        return node

    def _block_statement(self, tok: RawToken) -> A.StatementAst:
        """``parallel``/``sequence`` (workflow-only): an error outside workflows."""
        body = self._statement_block()
        if body is None:
            self._incomplete(tok[2], tok[2], "MissingStatementAfterKeyword", self.src.text[tok[1]:tok[2]])
            return A.ErrorStatementAst(Extent(self.src, tok[1], tok[2]), [])
        self._late(Extent(self.src, tok[1], tok[2]), "UnexpectedKeyword", self.src.text[tok[1]:tok[2]])
        return self._error_statement(tok[1], body.extent.end_offset, body)

    def _using_late(self, tok: RawToken) -> A.StatementAst:
        stmt = self._using_statement(tok)
        self._error(stmt.extent.start_offset, stmt.extent.end_offset, "UsingMustBeAtStartOfScript")
        if isinstance(stmt, A.UsingStatementAst):
            return self._error_statement(stmt.extent.start_offset, stmt.extent.end_offset, stmt)
        return stmt

_STRAY_KEYWORDS = frozenset((K.Else, K.ElseIf, K.Catch, K.Until))

_STATEMENT_RULES: dict[TokenKind, Any] = {
    K.If: StatementRules._if,
    K.Switch: StatementRules._switch,
    K.Foreach: StatementRules._foreach,
    K.For: StatementRules._for,
    K.While: StatementRules._while,
    K.Do: StatementRules._do,
    K.Function: StatementRules._function,
    K.Filter: StatementRules._function,
    K.Workflow: StatementRules._function,
    K.Return: StatementRules._return,
    K.Throw: StatementRules._throw,
    K.Exit: StatementRules._exit,
    K.Break: StatementRules._break,
    K.Continue: StatementRules._continue,
    K.Trap: StatementRules._trap,
    K.Try: StatementRules._try,
    K.Data: StatementRules._data,
    K.Parallel: StatementRules._block_statement,
    K.Sequence: StatementRules._block_statement,
    K.From: StatementRules._reserved_keyword,
    K.Define: StatementRules._reserved_keyword,
    K.Var: StatementRules._reserved_keyword,
    K.Class: lambda self, tok: self._class(tok),
    K.Enum: lambda self, tok: self._enum(tok),
    K.Configuration: StatementRules._unsupported_definition,
    K.Using: StatementRules._using_late,
}
