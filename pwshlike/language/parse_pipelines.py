"""Pipelines and commands: pipeline chains (``&&``/``||``), assignments,
redirections, command names and arguments, and verbatim arguments
(``--%``).  A mixin of :class:`.parser.Parser`.
"""

from __future__ import annotations

import pwshlike.language.ast as A
from .ast import Extent
from .parse_cursor import (EMPTY, INVARIANT, K_AMPERSAND, K_ANDAND, K_ATCURLY, K_ATPAREN, K_COMMA,
                           K_DOLLARPAREN, K_DOT, K_EOF, K_EXPANDABLE, K_GENERIC, K_HERE_EXPANDABLE,
                           K_HERE_STRING, K_IDENTIFIER, K_LCURLY, K_LPAREN, K_MINUSMINUS, K_NEWLINE,
                           K_NUMBER, K_OROR, K_PARAMETER, K_PIPE, K_QUESTION, K_RCURLY, K_REDIRECT_IN,
                           K_REDIRECTION, K_RPAREN, K_SEMI, K_SPLATTED, K_STRING, K_VARIABLE, op_name)
from .scan_tables import DASHES, DOUBLE_QUOTES, MODE_COMMAND, MODE_EXPRESSION, RawToken, SINGLE_QUOTES
from .tokens import (F_ASSIGNMENT, F_COMMAND_NAME, F_HAS_PARTS, F_INVARIANT_DYNAMIC, F_KEYWORD,
                     F_NOT_KEYWORD, F_USED_COLON, kind_text, STATIC_FLAGS)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

_ASSIGNMENT = [bool(f & F_ASSIGNMENT) for f in STATIC_FLAGS]

_COMMAND_END = frozenset((K_PIPE, K_RCURLY, K_RPAREN, K_EOF, K_NEWLINE, K_SEMI, K_ANDAND, K_OROR,
                          K_AMPERSAND))

# First characters of a command-mode bare word that can begin an expression
# when rescanned in expression mode; other bare words are command names.
_EXPRESSION_START_CHARS = frozenset("$@({[.-+!,0123456789'\"") | DASHES | SINGLE_QUOTES \
    | DOUBLE_QUOTES

_KEYWORD = [bool(f & F_KEYWORD) for f in STATIC_FLAGS]

# Tokens after which no command argument can follow (GetCommandArgument).
_NOT_ARGUMENT = frozenset((K_PIPE, K_RCURLY, K_RPAREN, K_EOF, K_NEWLINE, K_SEMI, K_REDIRECTION,
                           K_REDIRECT_IN, K_ANDAND, K_OROR, K_AMPERSAND, K_MINUSMINUS, K_COMMA))

_PRIMARY_START = frozenset((K_SPLATTED, K_VARIABLE, K_NUMBER, K_HERE_EXPANDABLE, K_EXPANDABLE,
                            K_HERE_STRING, K_STRING, K_LPAREN, K_DOLLARPAREN, K_ATPAREN, K_ATCURLY,
                            K_LCURLY))

_STREAMS = ("all", "output", "error", "warning", "verbose", "debug", "information")

_STREAM_NAMES = ("* stream", "output stream", "error stream", "warning stream", "verbose stream",
                 "debug stream", "information stream")


class PipelineRules:
    """Pipeline, command and assignment rules."""

    # --- pipelines -------------------------------------------------------------------------

    def _pipeline_chain(self) -> Optional[A.PipelineBaseAst]:
        src = self.src
        tok = self.ungot
        expr = None
        if tok is not None and (
                (tok[0] is K_GENERIC and tok[1] < tok[2]
                 and src.text[tok[1]] not in _EXPRESSION_START_CHARS)
                or tok[0] is K_IDENTIFIER or _KEYWORD[tok[0]]):
            # _is_command_start(), inline.
            pipeline = self._pipeline(None, True)
        else:
            tk = self.tk
            old_mode = tk.mode
            try:
                if old_mode != MODE_EXPRESSION:
                    if tok is None or INVARIANT[tok[0]] or tok[4] & F_INVARIANT_DYNAMIC:
                        tk.mode = MODE_EXPRESSION
                    else:
                        self._set_mode(MODE_EXPRESSION)
                expr = self._binary(False)
                assign = None
                if expr is not None:
                    tok = self.ungot
                    if tok is None:
                        tok = self.ungot = tk.next_token()
                    if tok[0] is K_QUESTION:
                        expr = self._ternary(expr, tok)
                        tok = self.ungot
                        if tok is None:
                            tok = self.ungot = tk.next_token()
                    if _ASSIGNMENT[tok[0]]:
                        self.ungot = None
                        assign = tok
            finally:
                if tk.mode != old_mode:
                    tok = self.ungot
                    if tok is None or INVARIANT[tok[0]] or tok[4] & F_INVARIANT_DYNAMIC:
                        tk.mode = old_mode
                    else:
                        self._set_mode(old_mode)
            if assign is not None:
                return self._assignment(expr, assign)
            pipeline = self._pipeline(expr, False) if expr is not None else self._pipeline(None,
                                                                                          False)
        chain = None
        chain_op = None
        background = False
        while True:
            if pipeline is None:
                if chain_op is None:
                    return None
                first = self._peek()
                if first[0] is K_EOF:
                    self._incomplete(chain_op[2], chain_op[2], "EmptyPipelineChainElement")
                elif first[0] is not K_DOT and first[0] is not K_AMPERSAND:
                    self._error(chain_op[1], first[2], "EmptyPipelineChainElement")
                return self._error_statement(chain.extent.start_offset, chain_op[2], chain)
            tok = self.ungot
            if tok is None:
                tok = self.ungot = self.tk.next_token()
            kind = tok[0]
            if kind is K_ANDAND or kind is K_OROR:
                self.ungot = None
                self._skip_newlines()
            else:
                if kind is K_AMPERSAND:
                    self.ungot = None
                    nxt = self._peek()
                    if nxt[0] is K_ANDAND or nxt[0] is K_OROR:
                        self.ungot = None
                        self._error(nxt[1], nxt[2], "BackgroundOperatorInPipelineChain")
                        first_ast = chain if chain is not None else pipeline
                        return self._error_statement(first_ast.extent.start_offset, nxt[2])
                    background = True
                if chain is None:
                    if background:
                        pipeline.background = True
                    return pipeline
                node = A.PipelineChainAst(Extent(src, chain.extent.start_offset,
                                                 pipeline.extent.end_offset),
                                          chain, pipeline, self.src.text[chain_op[1]:chain_op[2]], background)
                chain.parent = node
                pipeline.parent = node
                return node
            if chain is None:
                chain = pipeline
            else:
                node = A.PipelineChainAst(Extent(src, chain.extent.start_offset,
                                                 pipeline.extent.end_offset),
                                          chain, pipeline, self.src.text[chain_op[1]:chain_op[2]], False)
                chain.parent = node
                pipeline.parent = node
                chain = node
            chain_op = tok
            if self._peek()[0] is K_EOF:
                self._incomplete(tok[2], tok[2], "EmptyPipelineChainElement")
                return chain
            pipeline = self._pipeline(None, False)

    def _is_command_start(self, tok: RawToken) -> bool:
        """A command-mode token that cannot begin an expression: go straight
        to the command rule instead of trying an expression first (the
        expression attempt would fail without side effects)."""
        kind = tok[0]
        if kind is K_GENERIC:
            return tok[1] < tok[2] and self.src.text[tok[1]] not in _EXPRESSION_START_CHARS
        return kind is K_IDENTIFIER or _KEYWORD[kind]

    def _assignment(self, left: A.ExpressionAst, op_tok: RawToken) -> A.StatementAst:
        self._skip_newlines()
        right = self._statement()
        if right is None:
            self._incomplete(op_tok[2], op_tok[2], "ExpectedValueExpression", kind_text(op_tok[0]))
            right = A.ErrorStatementAst(Extent(self.src, op_tok[2], op_tok[2]), [])
        op = op_name(self.src.text, op_tok)
        node = A.AssignmentStatementAst(Extent(self.src, left.extent.start_offset,
                                               right.extent.end_offset), left, op, right)
        left.parent = node
        right.parent = node
        self._check_assignment_target(left, op == "=", "InvalidLeftHandSide", None)
        return node

    def _check_assignment_target(self, target: A.ExpressionAst, simple: bool, error_id: str,
                                 arg: Optional[str]) -> None:
        """SemanticChecks.CheckAssignmentTarget."""
        cls = type(target)
        bad = None
        if cls is A.ArrayLiteralAst:
            if simple:
                for element in target.elements:
                    self._check_assignment_target(element, True, error_id, arg)
            else:
                bad = target
        elif cls is A.ParenExpressionAst:
            inner = _pure_expression(target.pipeline)
            if inner is None:
                bad = target.pipeline
            else:
                self._check_assignment_target(inner, simple, error_id, arg)
        elif cls is A.VariableExpressionAst:
            pass
        elif cls is A.MemberExpressionAst or cls is A.IndexExpressionAst \
                or cls is A.InvokeMemberExpressionAst:
            if target.null_conditional:
                bad = target
        elif cls is A.ConvertExpressionAst or cls is A.AttributedExpressionAst:
            expr = target
            while isinstance(expr, (A.ConvertExpressionAst, A.AttributedExpressionAst)):
                expr = expr.child
            self._check_assignment_target(expr, simple, error_id, arg)
        else:
            bad = target
        if bad is not None:
            if arg is None:
                self._late(bad.extent, error_id)
            else:
                self._late(bad.extent, error_id, arg)

    def _pipeline(self, start_expr: Optional[A.ExpressionAst],
                  command_first: bool) -> Optional[A.PipelineBaseAst]:
        src = self.src
        elements: list[A.CommandBaseAst] = []
        next_tok: Optional[RawToken] = None
        expr = start_expr
        while True:
            if expr is None and not command_first:
                tok = self.ungot
                if tok is not None and elements and self._is_command_start(tok):
                    command_first = True
                else:
                    expr = self._expression()
            command_first = False
            if expr is not None:
                if elements:
                    self._error(expr.extent.start_offset, expr.extent.end_offset,
                                "ExpressionsMustBeFirstInPipeline")
                redirections: Any = EMPTY
                tok = self.ungot
                if tok is None:
                    tok = self.ungot = self.tk.next_token()
                last = None
                if tok[0] is K_REDIRECTION or tok[0] is K_REDIRECT_IN:
                    slots: list[Any] = [None] * 7
                    while tok[0] is K_REDIRECTION or tok[0] is K_REDIRECT_IN:
                        self.ungot = None
                        last = self._redirection(tok, slots)
                        tok = self._peek()
                    redirections = [r for r in slots if r is not None]
                if last is not None:
                    extent = Extent(src, expr.extent.start_offset, last.extent.end_offset)
                else:
                    extent = expr.extent
                command = A.CommandExpressionAst(extent, expr, redirections)
                expr.parent = command
                for r in redirections:
                    r.parent = command
            else:
                command = self._command()
            if command is not None:
                elements.append(command)
            elif elements or self._peek()[0] is K_PIPE:
                if next_tok is not None:
                    self._incomplete(next_tok[2], next_tok[2], "EmptyPipeElement")
                else:
                    peek = self._peek()
                    self._incomplete(peek[1], peek[2], "EmptyPipeElement")
            expr = None
            next_tok = self.ungot
            if next_tok is None:
                next_tok = self.ungot = self.tk.next_token()
            if next_tok[0] is K_NEWLINE and self.tk.is_pipe_continuation(next_tok[2]):
                self._skip_newlines()
                next_tok = self._peek()
            kind = next_tok[0]
            if kind is K_PIPE:
                self.ungot = None
                self._skip_newlines()
                if self._peek()[0] is K_EOF:
                    self._incomplete(next_tok[2], next_tok[2], "EmptyPipeElement")
                    break
                continue
            if kind in _PIPELINE_END:
                break
            self._error(next_tok[1], next_tok[2], "UnexpectedToken", self.src.text[next_tok[1]:next_tok[2]])
            break
        if not elements:
            return None
        first = elements[0]
        if len(elements) == 1:
            extent = first.extent
        else:
            extent = Extent(src, first.extent.start_offset, elements[-1].extent.end_offset)
        node = A.PipelineAst(extent, elements, False)
        for e in elements:
            e.parent = node
        return node

    def _redirection(self, tok: RawToken, slots: list) -> Optional[A.RedirectionAst]:
        src = self.src
        if tok[0] is K_REDIRECT_IN or tok[3][0] == "file":
            location = self._single_command_argument(0x04)
            if location is None:
                self._error(tok[2], tok[2], "MissingFileSpecification")
                location = A.ErrorExpressionAst(Extent(self.src, tok[1], tok[2]), [])
            if tok[0] is K_REDIRECT_IN:
                self._error(tok[1], tok[2], "RedirectionNotSupported", self.src.text[tok[1]:tok[2]])
                return None
            _, stream, append = tok[3]
            node: A.RedirectionAst = A.FileRedirectionAst(
                Extent(src, tok[1], location.extent.end_offset), _STREAMS[stream], location,
                append)
            location.parent = node
        else:
            _, stream, to = tok[3]
            if to != 1 or stream == to:
                self._error(tok[1], tok[2], "RedirectionNotSupported", self.src.text[tok[1]:tok[2]])
            node = A.MergingRedirectionAst(Extent(self.src, tok[1], tok[2]), _STREAMS[stream], "output")
        if slots[stream] is None:
            slots[stream] = node
        else:
            self._error(node.extent.start_offset, node.extent.end_offset, "StreamAlreadyRedirected",
                        _STREAM_NAMES[stream])
        return node

    def _single_command_argument(self, context: int) -> Optional[A.ExpressionAst]:
        kind = self._peek()[0]
        if kind is K_COMMA or kind is K_EOF:
            return None
        old_mode = self.tk.mode
        try:
            self._switch_mode(MODE_COMMAND)
            return self._command_argument(context, self._next())
        finally:
            self._switch_mode(old_mode)

    # Command argument contexts (PowerShell's CommandArgumentContext).
    CTX_COMMAND_NAME = 0x01
    CTX_AFTER_OPERATOR = 0x03
    CTX_FILE_NAME = 0x04
    CTX_ARGUMENT = 0x08
    CTX_SWITCH_CONDITION = 0x10

    def _command_argument(self, context: int, tok: RawToken) -> Optional[A.ExpressionAst]:
        src = self.src
        args: Optional[list[A.ExpressionAst]] = None
        comma = None
        verbatim = False
        while True:
            kind = tok[0]
            if kind in _NOT_ARGUMENT:
                self.ungot = tok
                if comma is None:
                    return None
                self._incomplete(comma[2], comma[2], "MissingExpression", ",")
                assert args is not None
                node = A.ErrorExpressionAst(Extent(src, args[0].extent.start_offset, comma[2]),
                                            args)
                for a in args:
                    a.parent = node
                return node
            if kind in _PRIMARY_START:
                self.ungot = tok
                expr = self._primary(True)
                assert expr is not None
            elif kind is K_GENERIC:
                if context & 0x01:
                    tok[4] |= F_COMMAND_NAME
                if tok[4] & F_HAS_PARTS and context != 0x01:
                    expr = self._expandable_string(tok)
                else:
                    expr = A.StringConstantExpressionAst(Extent(self.src, tok[1], tok[2]), tok[3], "bareword")
                    if tok[3].lower() == "--%":
                        verbatim = True
            else:
                expr = A.StringConstantExpressionAst(Extent(self.src, tok[1], tok[2]), self.src.text[tok[1]:tok[2]], "bareword")
                tok[4] |= F_NOT_KEYWORD
                if context & 0x01:
                    tok[4] |= F_COMMAND_NAME
                elif kind is not K_IDENTIFIER:
                    tok[0] = K_GENERIC
            if context != 0x08 or verbatim:
                break
            tok = self._peek()
            if tok[0] is not K_COMMA:
                break
            comma = tok
            if args is None:
                args = [expr]
            else:
                args.append(expr)
            self.ungot = None
            self._skip_newlines()
            tok = self._next()
        if args is not None:
            args.append(expr)
            node = A.ArrayLiteralAst(Extent(src, args[0].extent.start_offset,
                                            expr.extent.end_offset), args)
            for a in args:
                a.parent = node
            return node
        return expr

    def _command(self) -> Optional[A.CommandAst]:
        src = self.src
        elements: list[A.Ast] = []
        redirections: Optional[list[Any]] = None
        saw_dash_dash = False
        tk = self.tk
        old_mode = tk.mode
        try:
            tok = self.ungot
            if tok is None:
                tk.mode = MODE_COMMAND
                tok = tk.next_token()
            else:
                if old_mode != MODE_COMMAND:
                    self._set_mode(MODE_COMMAND)
                tok = self.ungot
                if tok is None:
                    tok = tk.next_token()
                else:
                    self.ungot = None
            first = tok
            end = tok[2]
            operator = None
            if tok[0] is K_DOT:
                operator = "."
                tok = self._next()
                context = 0x03
            elif tok[0] is K_AMPERSAND:
                operator = "&"
                tok = self._next()
                context = 0x03
            else:
                context = 0x01
            while True:
                kind = tok[0]
                if kind in _COMMAND_END:
                    self.ungot = tok
                    break
                if kind is K_MINUSMINUS:
                    end = tok[2]
                    if saw_dash_dash:
                        elements.append(A.StringConstantExpressionAst(Extent(self.src, tok[1], tok[2]), self.src.text[tok[1]:tok[2]],
                                                                      "bareword"))
                    else:
                        elements.append(A.EndOfParametersAst(Extent(self.src, tok[1], tok[2])))
                    saw_dash_dash = True
                elif kind is K_COMMA:
                    end = tok[2]
                    self._error(tok[1], tok[2], "MissingArgument")
                    self._skip_newlines()
                elif kind is K_PARAMETER:
                    if context & 0x01 or saw_dash_dash:
                        end = tok[2]
                        tok[4] |= F_COMMAND_NAME
                        elements.append(A.StringConstantExpressionAst(Extent(self.src, tok[1], tok[2]), self.src.text[tok[1]:tok[2]],
                                                                      "bareword"))
                    else:
                        argument = None
                        if tok[4] & F_USED_COLON and self._peek()[0] is not K_COMMA:
                            argument = self._command_argument(0x08, self._next())
                            if argument is None:
                                self._error(tok[2], tok[2], "ParameterRequiresArgument",
                                            self.src.text[tok[1]:tok[2]])
                        if argument is not None:
                            extent = Extent(src, tok[1], argument.extent.end_offset)
                        else:
                            extent = Extent(self.src, tok[1], tok[2])
                        end = extent.end_offset
                        param = A.CommandParameterAst(extent, tok[3], argument)
                        if argument is not None:
                            argument.parent = param
                        elements.append(param)
                elif kind is K_REDIRECTION or kind is K_REDIRECT_IN:
                    if context & 0x01 == 0:
                        if redirections is None:
                            redirections = [None] * 7
                        node = self._redirection(tok, redirections)
                        if node is not None:
                            end = node.extent.end_offset
                        else:
                            end = max(end, tok[2])
                    else:
                        end = tok[2]
                        elements.append(A.StringConstantExpressionAst(Extent(self.src, tok[1], tok[2]), self.src.text[tok[1]:tok[2]],
                                                                      "bareword"))
                else:
                    arg = self._command_argument(context, tok)
                    assert arg is not None
                    if kind is K_GENERIC and tok[3].lower() == "--%":
                        verbatim = self._verbatim_argument()
                        if verbatim is not None:
                            elements.append(verbatim)
                            end = verbatim.extent.end_offset if verbatim.text else tok[2]
                            break
                    end = arg.extent.end_offset
                    elements.append(arg)
                context = 0x08
                tok = self.ungot
                if tok is None:
                    tok = tk.next_token()
                else:
                    self.ungot = None
        finally:
            if self.ungot is None:
                tk.mode = old_mode
            elif old_mode != tk.mode:
                self._set_mode(old_mode)
        if not elements:
            if operator is not None:
                self._error(first[1], first[2], "MissingExpression", self.src.text[first[1]:first[2]])
            return None
        reds = [r for r in redirections if r is not None] if redirections is not None else EMPTY
        node = A.CommandAst(Extent(src, first[1], end), elements, operator, reds)
        for e in elements:
            e.parent = node
        for r in reds:
            r.parent = node
        return node

    def _verbatim_argument(self) -> Optional[A.VerbatimArgumentAst]:
        tok = self.ungot
        if tok is not None:
            if tok[0] is not K_PARAMETER:
                return None
            # Re-read from the start of the held token (PowerShell reads the
            # verbatim text from the tokenizer's current position).
            self._resync(tok[1])
        vtok = self.tk.get_verbatim_command_argument()
        return A.VerbatimArgumentAst(Extent(self.src, vtok[1], vtok[2]), vtok[3])


def _pure_expression(pipeline: Any) -> Optional[A.ExpressionAst]:
    """PipelineAst.GetPureExpression: the expression of a one-element
    pipeline without redirections."""
    if type(pipeline) is not A.PipelineAst or len(pipeline.pipeline_elements) != 1:
        return None
    element = pipeline.pipeline_elements[0]
    if type(element) is not A.CommandExpressionAst or element.redirections:
        return None
    return element.expression

_PIPELINE_END = frozenset((K_SEMI, K_NEWLINE, K_RPAREN, K_RCURLY, K_EOF, K_ANDAND, K_OROR,
                           K_AMPERSAND))
