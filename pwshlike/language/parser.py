"""Recursive-descent parser for PowerShell 7 (classes, enums and DSC
configurations excepted).

The structure, the error recovery and the error ids/extents follow
PowerShell's ``Parser.cs`` rule by rule, so that malformed input produces
the errors (and the partial ASTs) pwsh produces; the checks pwsh runs
after parsing (``SemanticChecks``: assignment targets, duplicate keys and
parameters, splatting, flow out of ``finally``) run inline while nodes are
built, so there is no second walk over the tree.

The parser drives the tokenizer one token at a time with a single token of
lookahead (``ungot``).  Changing the tokenizer mode while a token is held
rescans it unless it reads the same in both modes.  Speed matters here:
the hot paths avoid re-parsing a command name as an expression first,
avoid building lists and extents that are never used, and share extent
objects between nodes that span the same text.
"""

from __future__ import annotations

import gc
import re
import sys
from typing import Any, Optional

from . import ast as A
from .ast import Extent, SourceText
from .errors import ParseError, message
from .tokenizer import (DASHES, DOUBLE_QUOTES, MODE_COMMAND, MODE_EXPRESSION, MODE_TYPENAME,
                        SINGLE_QUOTES, SKIP_START, RawToken, Tokenizer)
from .tokens import (F_ASSIGNMENT, F_BINARY, F_BLOCK_NAME, F_COMMAND_NAME, F_HAS_PARTS, F_INVARIANT,
                     F_INVARIANT_DYNAMIC, F_KEYWORD, F_MEMBER_NAME, F_NO_ATTRIBUTES,
                     F_NOT_KEYWORD, F_PREC_MASK, F_UNARY, F_USED_COLON, STATIC_FLAGS, F_ATTRIBUTE_NAME,
                     TokenKind, kind_text)

K = TokenKind
K_VARIABLE = K.Variable
K_SPLATTED = K.SplattedVariable
K_PARAMETER = K.Parameter
K_NUMBER = K.Number
K_LABEL = K.Label
K_IDENTIFIER = K.Identifier
K_GENERIC = K.Generic
K_NEWLINE = K.NewLine
K_EOF = K.EndOfInput
K_STRING = K.StringLiteral
K_EXPANDABLE = K.StringExpandable
K_HERE_STRING = K.HereStringLiteral
K_HERE_EXPANDABLE = K.HereStringExpandable
K_LPAREN = K.LParen
K_RPAREN = K.RParen
K_LCURLY = K.LCurly
K_RCURLY = K.RCurly
K_LBRACKET = K.LBracket
K_RBRACKET = K.RBracket
K_ATPAREN = K.AtParen
K_ATCURLY = K.AtCurly
K_DOLLARPAREN = K.DollarParen
K_SEMI = K.Semi
K_ANDAND = K.AndAnd
K_OROR = K.OrOr
K_AMPERSAND = K.Ampersand
K_PIPE = K.Pipe
K_COMMA = K.Comma
K_MINUSMINUS = K.MinusMinus
K_PLUSPLUS = K.PlusPlus
K_COLONCOLON = K.ColonColon
K_DOT = K.Dot
K_MINUS = K.Minus
K_EQUALS = K.Equals
K_REDIRECTION = K.Redirection
K_REDIRECT_IN = K.RedirectInStd
K_COLON = K.Colon
K_QUESTION = K.QuestionMark
K_QUESTIONDOT = K.QuestionDot
K_QUESTIONLBRACKET = K.QuestionLBracket
K_DEFAULT = K.Default
K_UNKNOWN = K.Unknown

_INVARIANT = [bool(f & F_INVARIANT) for f in STATIC_FLAGS]
_PRECEDENCE = [(f & F_PREC_MASK) if f & F_BINARY else 0 for f in STATIC_FLAGS]
_UNARY = [bool(f & F_UNARY) for f in STATIC_FLAGS]
_ASSIGNMENT = [bool(f & F_ASSIGNMENT) for f in STATIC_FLAGS]
_KEYWORD = [bool(f & F_KEYWORD) for f in STATIC_FLAGS]

_STREAMS = ("all", "output", "error", "warning", "verbose", "debug", "information")
_STREAM_NAMES = ("* stream", "output stream", "error stream", "warning stream", "verbose stream",
                 "debug stream", "information stream")
_BLOCK_NAMES = {K.Begin: "begin", K.Process: "process", K.End: "end", K.Clean: "clean",
                K.Dynamicparam: "dynamicparam"}
_LOOP_KINDS = (K.Switch, K.Foreach, K.For, K.While, K.Do)
# Tokens after which no command argument can follow (GetCommandArgument).
_NOT_ARGUMENT = frozenset((K_PIPE, K_RCURLY, K_RPAREN, K_EOF, K_NEWLINE, K_SEMI, K_REDIRECTION,
                           K_REDIRECT_IN, K_ANDAND, K_OROR, K_AMPERSAND, K_MINUSMINUS, K_COMMA))
_PRIMARY_START = frozenset((K_SPLATTED, K_VARIABLE, K_NUMBER, K_HERE_EXPANDABLE, K_EXPANDABLE,
                            K_HERE_STRING, K_STRING, K_LPAREN, K_DOLLARPAREN, K_ATPAREN, K_ATCURLY,
                            K_LCURLY))
_COMMAND_END = frozenset((K_PIPE, K_RCURLY, K_RPAREN, K_EOF, K_NEWLINE, K_SEMI, K_ANDAND, K_OROR,
                          K_AMPERSAND))
_BAD_FUNCTION_NAME = frozenset((K_PIPE, K_LPAREN, K_LCURLY, K_ATPAREN, K_ATCURLY, K_RCURLY,
                                K_RPAREN, K_EOF, K_SEMI, K_REDIRECTION, K_REDIRECT_IN, K_ANDAND,
                                K_OROR, K_AMPERSAND, K_VARIABLE, K_SPLATTED, K_HERE_EXPANDABLE,
                                K_HERE_STRING, K_STRING, K_EXPANDABLE))
# First characters of a command-mode bare word that can begin an expression
# when rescanned in expression mode; other bare words are command names.
_EXPRESSION_START_CHARS = frozenset("$@({[.-+!,0123456789'\"") | DASHES | SINGLE_QUOTES \
    | DOUBLE_QUOTES
_STRING_KINDS = {K_STRING: "single", K_EXPANDABLE: "double", K_HERE_STRING: "single_here",
                 K_HERE_EXPANDABLE: "double_here", K_GENERIC: "bareword"}
_EMPTY: tuple = ()
_MEMBER_ACCESS_START = frozenset(".:[?<")
# Blanks, newlines, comments and line continuations (lookahead for else).
_SKIP_BLANKS_RE = re.compile(r"(?:\s+|#[^\r\n]*|<#[\s\S]*?#>|`(?=[\r\n]))*")

# Flow-control context markers for ControlLeavingFinally.
_FINALLY = 0
_BARRIER = 1


def _op_name(source: str, tok: RawToken) -> str:
    """The operator name the AST uses: lower case, ASCII dash."""
    text = source[tok[1]:tok[2]].lower()
    if text[:1] in DASHES and text[0] != "-":
        text = "-" + text[1:]
    return text


def _before(tok: RawToken) -> int:
    """PowerShell's ``Before(token)`` offset."""
    return tok[1] - 1 if tok[1] > 0 else 0


class Parser:
    """Parses one input; use :func:`parse` rather than this class."""

    def __init__(self, text: str, file: Optional[str]) -> None:
        self.src = SourceText(text, file)
        self.tk = Tokenizer(self.src, self)
        self.errors: list[ParseError] = []
        self._error_keys: set[tuple[str, int, int]] = set()
        # Errors from the checks pwsh runs after parsing; they follow the
        # syntax errors, in source order.
        self.late_errors: list[ParseError] = []
        self.ungot: Optional[RawToken] = None
        self.disable_comma = False
        self.flow: list[Any] = []
        self.splats: list[A.VariableExpressionAst] = []

    # --- errors --------------------------------------------------------------------

    def _save(self, start: int, end: int, error_id: str, args: tuple, incomplete: bool,
              late: bool = False) -> None:
        key = (error_id, start, end)
        if key in self._error_keys:
            return
        self._error_keys.add(key)
        error = ParseError(error_id, message(error_id, args), Extent(self.src, start, end),
                           incomplete)
        (self.late_errors if late else self.errors).append(error)

    def report_error_at(self, start: int, end: int, error_id: str, args: tuple = ()) -> None:
        self._save(start, end, error_id, args, False)

    def report_incomplete_at(self, start: int, end: int, error_id: str, args: tuple,
                             incomplete: bool) -> None:
        self._save(start, end, error_id, args, incomplete)

    def _error(self, start: int, end: int, error_id: str, *args: Any) -> None:
        self._save(start, end, error_id, args, False)

    def _late(self, extent: Extent, error_id: str, *args: Any) -> None:
        self._save(extent.start_offset, extent.end_offset, error_id, args, False, True)

    def _incomplete(self, start: int, end: int, error_id: str, *args: Any) -> bool:
        """ReportIncompleteInput: incomplete when nothing but blanks and
        comments follow the error."""
        incomplete = self.tk.is_at_end(end, True)
        self._save(start, end, error_id, args, incomplete)
        return incomplete

    def _incomplete_at(self, start: int, end: int, detected_end: int, error_id: str,
                       *args: Any) -> bool:
        incomplete = self.tk.is_at_end(detected_end, True)
        self._save(start, end, error_id, args, incomplete)
        return incomplete

    # --- token access ----------------------------------------------------------------

    def _next(self) -> RawToken:
        tok = self.ungot
        if tok is not None:
            self.ungot = None
            return tok
        return self.tk.next_token()

    def _peek(self) -> RawToken:
        tok = self.ungot
        if tok is None:
            tok = self.ungot = self.tk.next_token()
        return tok

    def _skip_newlines(self) -> None:
        tok = self.ungot
        if tok is None:
            tk = self.tk
            text = tk.text
            pos = tk.pos
            c = text[pos]
            if c == " ":
                c = text[pos + 1]
            if c in SKIP_START:
                tk.skip_newlines(False)
        elif tok[0] is K_NEWLINE:
            self.ungot = None
            self.tk.skip_newlines(False)

    def _skip_newlines_and_semis(self) -> None:
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
        elif tok[0] is K_NEWLINE or tok[0] is K_SEMI:
            self.ungot = None
            self.tk.skip_newlines(True)

    def _set_mode(self, mode: int) -> None:
        tk = self.tk
        if mode != tk.mode:
            tok = self.ungot
            if tok is not None and not _INVARIANT[tok[0]] \
                    and not (tok[4] & F_INVARIANT_DYNAMIC):
                self.ungot = None
                tk.resync(tok[1])
            tk.mode = mode

    def _switch_mode(self, mode: int) -> None:
        """SetTokenizerMode; the held token (if any) is rescanned when it would
        read differently in the new mode."""
        tok = self.ungot
        if tok is None:
            self.tk.mode = mode
        elif mode != self.tk.mode:
            self._set_mode(mode)

    def _resync(self, offset: int) -> None:
        self.ungot = None
        self.tk.resync(offset)

    def _restore_point(self) -> int:
        tok = self.ungot
        return tok[1] if tok is not None else self.tk.get_restore_point()

    def _sync_on_error(self, consume_closing: bool, *sync: TokenKind) -> None:
        parens = 1 if K_RPAREN in sync else 0
        curlies = 1 if K_RCURLY in sync else 0
        brackets = 1 if K_RBRACKET in sync else 0
        while True:
            tok = self._next()
            kind = tok[0]
            if kind is K_LPAREN:
                parens += 1
            elif kind is K_RPAREN:
                parens -= 1
                if parens == 0 and K_RPAREN in sync:
                    if not consume_closing:
                        self.ungot = tok
                    return
            elif kind is K_LCURLY:
                curlies += 1
            elif kind is K_RCURLY:
                curlies -= 1
                if curlies == 0 and K_RCURLY in sync:
                    if not consume_closing:
                        self.ungot = tok
                    return
            elif kind is K_LBRACKET:
                brackets += 1
            elif kind is K_RBRACKET:
                brackets -= 1
                if brackets == 0 and K_RBRACKET in sync:
                    if not consume_closing:
                        self.ungot = tok
                    return
            elif kind is K_EOF:
                self.ungot = tok
                return
            if kind in sync and parens == 0 and curlies == 0 and brackets == 0:
                return

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
        """``using namespace|module|assembly|type <name>``."""
        src = self.src
        kind_tok = self._next()
        kind = self.src.text[kind_tok[1]:kind_tok[2]].lower() if kind_tok[0] in (K_IDENTIFIER, K.Type, K.Module,
                                                          K.Namespace, K.Assembly) else ""
        if kind not in ("namespace", "module", "assembly", "type"):
            self.ungot = kind_tok
            self._incomplete(using_tok[2], using_tok[2], "MissingUsingStatementDirective")
            return A.ErrorStatementAst(Extent(self.src, using_tok[1], using_tok[2]), [])
        name = self._single_command_argument(0x04)
        if name is None:
            self._incomplete(kind_tok[2], kind_tok[2], "MissingUsingItemName")
            return A.ErrorStatementAst(Extent(src, using_tok[1], kind_tok[2]), [])
        node = A.UsingStatementAst(Extent(src, using_tok[1], name.extent.end_offset), kind, name,
                                   None)
        name.parent = node
        return node

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
            end = _before(rparen)
            after = parameters[-1].extent.end_offset if parameters else lparen[2]
            self._incomplete(after, after, "MissingEndParenthesisInFunctionParameterList")
        attributes = []
        for attr in candidates or _EMPTY:
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
            before = _before(tok)
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
            before = _before(rbracket)
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
            before = _before(last)
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
                before = _before(first)
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
        self.flow.append(_BARRIER)
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
            self.flow.append(_BARRIER)
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
        """``class``/``enum``/``configuration``: not supported; skip the
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
            if entry is _BARRIER:
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
                return self._error_statement(if_tok[1], max(_before(rparen), if_tok[2]),
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
        i = _SKIP_BLANKS_RE.match(text, tk.pos).end()
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
        cmd = A.CommandExpressionAst(extent, expr, _EMPTY)
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
        variable.parent = node
        pipeline.parent = node
        body.parent = node
        if throttle is not None:
            throttle.parent = node
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
        self.flow.append(_BARRIER)
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
        for c in commands or _EMPTY:
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
                    if tok is None or _INVARIANT[tok[0]] or tok[4] & F_INVARIANT_DYNAMIC:
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
                    if tok is None or _INVARIANT[tok[0]] or tok[4] & F_INVARIANT_DYNAMIC:
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
        op = _op_name(self.src.text, op_tok)
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
                redirections: Any = _EMPTY
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
        reds = [r for r in redirections if r is not None] if redirections is not None else _EMPTY
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
                if tok is None or _INVARIANT[tok[0]] or tok[4] & F_INVARIANT_DYNAMIC:
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
                                               max(_before(colon), condition.extent.end_offset)),
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
                                            rhs.extent.end_offset), _op_name(self.src.text, op), lhs, rhs)
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
                op = _op_name(self.src.text, tok)
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
            lparen = self.tk.get_invoke_member_open_paren()
            if lparen is not None:
                return self._member_invoke(target, lparen, op, member)
        static = op[0] is K_COLONCOLON
        node = A.MemberExpressionAst(Extent(src, target.extent.start_offset,
                                            member.extent.end_offset),
                                     target, member, static, op[0] is K_QUESTIONDOT)
        target.parent = node
        member.parent = node
        return node

    def _member_invoke(self, target: A.ExpressionAst, lbracket: RawToken, op: RawToken,
                       member: A.ExpressionAst) -> A.ExpressionAst:
        if lbracket[0] is K_LPAREN:
            arguments, end = self._invoke_arguments(lbracket)
        else:
            self._skip_newlines()
            block = self._script_block_expression(lbracket)
            arguments = [block]
            end = block.extent.end_offset
        node = A.InvokeMemberExpressionAst(Extent(self.src, target.extent.start_offset, end),
                                           target, member, arguments, op[0] is K_COLONCOLON,
                                           op[0] is K_QUESTIONDOT)
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
            end = max(_before(rcurly), atcurly[2])
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

    # --- finishing --------------------------------------------------------------------------

    def finish_tokens(self) -> None:
        """Make the token list cover the whole input: after some errors the
        parse stops early (as pwsh's does), but highlighting needs the rest."""
        tk = self.tk
        tokens = tk.tokens
        if tokens and tokens[-1][0] is K_EOF:
            return
        tk.mode = MODE_COMMAND
        while tk.next_token()[0] is not K_EOF:
            pass

    def check_splats(self) -> None:
        """SplattingNotPermitted: ``@name`` is only allowed as a command
        argument (the command rule marks those)."""
        for var in self.splats:
            parent = var.parent
            cls = type(parent)
            if cls is A.CommandAst or cls is A.UsingExpressionAst:
                continue
            if cls is A.ArrayLiteralAst and type(parent.parent) is A.CommandAst:
                self._late(var.extent, "SplattingNotPermittedInArgumentList", var.name)
            else:
                self._late(var.extent, "SplattingNotPermitted", var.name)


def _pure_expression(pipeline: Any) -> Optional[A.ExpressionAst]:
    """PipelineAst.GetPureExpression: the expression of a one-element
    pipeline without redirections."""
    if type(pipeline) is not A.PipelineAst or len(pipeline.pipeline_elements) != 1:
        return None
    element = pipeline.pipeline_elements[0]
    if type(element) is not A.CommandExpressionAst or element.redirections:
        return None
    return element.expression


def _constant_key_text(value: Any) -> str:
    """``Value.ToString()`` of a constant hashtable key, for duplicate checks."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, bool):
        return "True" if value else "False"
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


_RECURSION_LIMIT = 8000
# Inputs at least this long are treated as long-lived scripts (see parse()).
_LONG_LIVED_INPUT = 64 * 1024

_PIPELINE_END = frozenset((K_SEMI, K_NEWLINE, K_RPAREN, K_RCURLY, K_EOF, K_ANDAND, K_OROR,
                           K_AMPERSAND))
_STRAY_KEYWORDS = frozenset((K.Else, K.ElseIf, K.Catch, K.Until))

_STATEMENT_RULES: dict[TokenKind, Any] = {
    K.If: Parser._if,
    K.Switch: Parser._switch,
    K.Foreach: Parser._foreach,
    K.For: Parser._for,
    K.While: Parser._while,
    K.Do: Parser._do,
    K.Function: Parser._function,
    K.Filter: Parser._function,
    K.Workflow: Parser._function,
    K.Return: Parser._return,
    K.Throw: Parser._throw,
    K.Exit: Parser._exit,
    K.Break: Parser._break,
    K.Continue: Parser._continue,
    K.Trap: Parser._trap,
    K.Try: Parser._try,
    K.Data: Parser._data,
    K.Parallel: Parser._block_statement,
    K.Sequence: Parser._block_statement,
    K.From: Parser._reserved_keyword,
    K.Define: Parser._reserved_keyword,
    K.Var: Parser._reserved_keyword,
    K.Class: Parser._unsupported_definition,
    K.Enum: Parser._unsupported_definition,
    K.Configuration: Parser._unsupported_definition,
    K.Using: Parser._using_late,
}


def parse(text: str, file: Optional[str] = None) -> tuple[A.ScriptBlockAst, list[RawToken],
                                                          list[ParseError]]:
    """Parse ``text``: the AST, every token, and the parse errors."""
    parser = Parser(text, file)
    # Deeply nested input recurses deeply; give the parser room (pwsh retries
    # on a thread with a bigger stack for the same reason).
    limit = sys.getrecursionlimit()
    if limit < _RECURSION_LIMIT:
        sys.setrecursionlimit(_RECURSION_LIMIT)
    # A parse allocates objects that all stay alive together (~18 per line:
    # tokens, nodes, extents).  With the cyclic GC running, its collections
    # would scan them again and again while they are built (the full
    # collections the growing object count triggers cost more than the parse
    # itself), so it is paused.  A large input is a script or module whose AST
    # lives as long as its code runs: its objects go straight to the oldest
    # generation (freeze + unfreeze splice the GC lists, O(1)) instead of
    # being traversed by the next young collection.  Small inputs (a REPL
    # line, Invoke-Expression) are left to the normal young collection.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        ast = parser.parse_script()
    except RecursionError:
        return _too_complicated(parser)
    finally:
        if gc_was_enabled:
            if len(text) >= _LONG_LIVED_INPUT:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
        if limit < _RECURSION_LIMIT:
            sys.setrecursionlimit(limit)
    parser.check_splats()
    parser.finish_tokens()
    errors = parser.errors
    if parser.late_errors:
        errors = errors + sorted(parser.late_errors, key=lambda e: e.extent.start_offset)
    return ast, parser.tk.tokens, errors


def _too_complicated(parser: Parser) -> tuple[A.ScriptBlockAst, list[RawToken], list[ParseError]]:
    """Nesting too deep for the recursive descent: pwsh's ScriptTooComplicated."""
    src = parser.src
    extent = Extent(src, 0, len(src.text))
    errors = parser.errors + [ParseError("ScriptTooComplicated", message("ScriptTooComplicated"),
                                         extent, False)]
    end = A.NamedBlockAst(extent, "end", [], [], True)
    ast = A.ScriptBlockAst(extent, None, None, None, end, None, None, False)
    end.parent = ast
    return ast, parser.tk.tokens, errors

