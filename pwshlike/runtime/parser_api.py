"""The parser API: ``[System.Management.Automation.Language.Parser]::ParseInput``
and ``ParseFile`` with their ``[ref]`` tokens and errors, the tokens and
parse errors they hand out (as pwsh's Token subclasses and ParseError), and
the PowerShell 2 ``[System.Management.Automation.PSParser]::Tokenize``.

The AST the parser returns is exposed by ``ast_api``; this module adds what
reading source text needs on top of it.
"""

from __future__ import annotations

import os
from typing import Any, Optional

from ..dotnet import conversions as conv
from ..dotnet.errors import FileNotFoundException, MethodException
from ..dotnet.members import register_members
from ..dotnet.types import enum_type, find_type, register_class, register_static_members
from ..dotnet.values import EnumInfo, PSReference, TypedArray
from ..language import ast as A
from ..language import parse_input
from ..language.errors import ParseError
from ..language.tokens import F_ATTRIBUTE_NAME, F_COMMAND_NAME, F_MEMBER_NAME, F_TYPE_NAME
from ..language.tokens import Token, TokenFlags, TokenKind
from . import ast_api
from .ast_api import NAMESPACE, TOKEN_KIND, Getter, VariablePath

TOKEN_FLAGS = EnumInfo(NAMESPACE + "TokenFlags", [("None" if name == "None_" else name, int(flag))
                                                  for name, flag in TokenFlags.__members__.items()], flags=True)


# --- tokens by kind ------------------------------------------------------------------------------
# pwsh's Token subclasses, each adding its own members.  The parser makes
# plain Token objects (it builds ~100k per large script); the API retypes
# the ones it hands out, which needs no copy as these classes add no slots.

class VariableToken(Token):
    __slots__ = ()


class ParameterToken(Token):
    __slots__ = ()


class NumberToken(Token):
    __slots__ = ()


class StringLiteralToken(Token):
    __slots__ = ()


class StringExpandableToken(Token):
    __slots__ = ()


class LabelToken(Token):
    __slots__ = ()


_TOKEN_MEMBERS: dict[type, dict[str, Getter]] = {
    VariableToken: {"Name": lambda t: t.value.partition(":")[2] if ":" in t.value else t.value,
                    "VariablePath": lambda t: VariablePath(t.value)},
    ParameterToken: {"ParameterName": lambda t: t.value, "UsedColon": lambda t: t.used_colon},
    NumberToken: {"Value": lambda t: t.value},
    StringLiteralToken: {"Value": lambda t: t.value},
    StringExpandableToken: {"NestedTokens": lambda t: _typed(t.nested) if t.nested else None,
                            "Value": lambda t: t.value},
    LabelToken: {"LabelText": lambda t: t.value},
}

_TOKEN_CLASSES: dict[int, type] = {
    TokenKind.Variable: VariableToken, TokenKind.SplattedVariable: VariableToken,
    TokenKind.Parameter: ParameterToken, TokenKind.Number: NumberToken, TokenKind.Label: LabelToken,
    TokenKind.StringLiteral: StringLiteralToken, TokenKind.HereStringLiteral: StringLiteralToken,
    TokenKind.StringExpandable: StringExpandableToken, TokenKind.HereStringExpandable: StringExpandableToken,
}


def _typed(tokens: list[Token]) -> list[Token]:
    """The tokens as pwsh's Token subclasses (a bare word is a string token)."""
    for token in tokens:
        if type(token) is Token:
            cls = _TOKEN_CLASSES.get(token.kind)
            if cls is None and token.kind == TokenKind.Generic:
                cls = StringExpandableToken if token.nested else StringLiteralToken
            if cls is not None:
                token.__class__ = cls
    return tokens


# --- [Parser] and [PSParser] ---------------------------------------------------------------------

def _set_out(ref: Any, value: Any, position: int) -> None:
    """An ``out`` argument: pwsh requires ``[ref]`` there."""
    if not isinstance(ref, PSReference):
        raise MethodException(
            f"Argument: '{position}' should be a System.Management.Automation.PSReference. Use [ref].",
            error_id="NonRefArgumentToRefParameterMsg")
    ref.Value = value


def _parse(text: Any, file: Optional[str], tokens_ref: Any, errors_ref: Any, first_out: int) -> A.ScriptBlockAst:
    result = parse_input("" if text is None else conv.to_string(text), file)
    _set_out(tokens_ref, TypedArray(_typed(list(result.tokens)), find_type(NAMESPACE + "Token")), first_out)
    _set_out(errors_ref, TypedArray(result.errors, find_type(NAMESPACE + "ParseError")), first_out + 1)
    return result.ast


def parse_input_static(text: Any, *rest: Any) -> A.ScriptBlockAst:
    """``ParseInput(input, [ref]tokens, [ref]errors)`` and
    ``ParseInput(input, fileName, [ref]tokens, [ref]errors)``."""
    if len(rest) == 2:
        return _parse(text, None, rest[0], rest[1], 2)
    if len(rest) == 3:
        name = None if rest[0] is None else conv.to_string(rest[0])
        return _parse(text, name, rest[1], rest[2], 3)
    raise _overload("ParseInput", 1 + len(rest))


def parse_file_static(path: Any, tokens_ref: Any, errors_ref: Any) -> A.ScriptBlockAst:
    """``ParseFile(fileName, [ref]tokens, [ref]errors)``: reads the file
    (a relative path is relative to the process directory, as in .NET)."""
    name = conv.to_string(path)
    full = os.path.abspath(name)
    try:
        with open(full, encoding="utf-8-sig") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise FileNotFoundException(f"Could not find file '{full}'.") from None
    return _parse(text, full, tokens_ref, errors_ref, 2)


def _overload(method: str, count: int) -> MethodException:
    return MethodException(f'Cannot find an overload for "{method}" and the argument count: "{count}".',
                           error_id="MethodCountCouldNotFindBest")


PS_TOKEN_TYPE = EnumInfo("System.Management.Automation.PSTokenType", [
    (name, i) for i, name in enumerate((
        "Unknown", "Command", "CommandParameter", "CommandArgument", "Number", "String", "Variable", "Member",
        "LoopLabel", "Attribute", "Type", "Operator", "GroupStart", "GroupEnd", "Keyword", "Comment",
        "StatementSeparator", "NewLine", "LineContinuation", "Position"))])

_KIND_TYPES: dict[int, str] = {
    TokenKind.Variable: "Variable", TokenKind.SplattedVariable: "Variable", TokenKind.Parameter: "CommandParameter",
    TokenKind.Number: "Number", TokenKind.Label: "LoopLabel", TokenKind.Identifier: "CommandArgument",
    TokenKind.Generic: "CommandArgument", TokenKind.NewLine: "NewLine",
    TokenKind.LineContinuation: "LineContinuation", TokenKind.Comment: "Comment",
    TokenKind.EndOfInput: "Unknown", TokenKind.StringLiteral: "String", TokenKind.StringExpandable: "String",
    TokenKind.HereStringLiteral: "String", TokenKind.HereStringExpandable: "String",
    TokenKind.LParen: "GroupStart", TokenKind.LCurly: "GroupStart", TokenKind.AtParen: "GroupStart",
    TokenKind.AtCurly: "GroupStart", TokenKind.DollarParen: "GroupStart", TokenKind.RParen: "GroupEnd",
    TokenKind.RCurly: "GroupEnd", TokenKind.Semi: "StatementSeparator", TokenKind.Unknown: "Unknown",
}


class PSToken:
    """``System.Management.Automation.PSToken``: the PowerShell 2 token shape
    ``PSParser::Tokenize`` returns."""

    __slots__ = ("Content", "Type", "Start", "Length", "StartLine", "StartColumn", "EndLine", "EndColumn")

    def __init__(self, token: Token) -> None:
        flags = token.flags
        if flags & F_COMMAND_NAME:
            kind = "Command"
        elif flags & F_MEMBER_NAME:
            kind = "Member"
        elif flags & F_ATTRIBUTE_NAME:
            kind = "Attribute"
        elif flags & F_TYPE_NAME:
            kind = "Type"
        elif flags & TokenFlags.Keyword:
            kind = "Keyword"
        elif token.kind >= TokenKind.Begin:
            kind = "CommandArgument"  # a keyword's word used as an argument
        else:
            kind = _KIND_TYPES.get(token.kind, "Operator")
        self.Type = PS_TOKEN_TYPE.lookup(kind)
        if token.kind in (TokenKind.StringLiteral, TokenKind.StringExpandable, TokenKind.HereStringLiteral,
                          TokenKind.HereStringExpandable, TokenKind.Variable, TokenKind.SplattedVariable):
            self.Content = token.value if isinstance(token.value, str) else token.text
        else:
            self.Content = token.text
        extent = token.extent
        self.Start = token.start
        self.Length = token.end - token.start
        self.StartLine, self.StartColumn = extent.start_line, extent.start_column
        self.EndLine, self.EndColumn = extent.end_line, extent.end_column


class PSParseError:
    """``System.Management.Automation.PSParseError``: ``Token`` and ``Message``."""

    __slots__ = ("Token", "Message")

    def __init__(self, error: ParseError) -> None:
        start = error.extent.start_offset
        token = Token(TokenKind.Unknown, start, error.extent.end_offset, None, error.extent.source)
        self.Token = PSToken(token)
        self.Message = error.message


def tokenize_static(script: Any, errors_ref: Any) -> list[PSToken]:
    """``PSParser::Tokenize(script, [ref]errors)``: a string, or lines joined by newlines."""
    if isinstance(script, (list, tuple)):
        text = "\n".join(conv.to_string(line) for line in script)
    else:
        text = "" if script is None else conv.to_string(script)
    result = parse_input(text)
    _set_out(errors_ref, [PSParseError(e) for e in result.errors], 2)
    return [PSToken(t) for t in result.tokens if t.kind != TokenKind.EndOfInput]


class Parser:
    """``[System.Management.Automation.Language.Parser]``: only its static methods are used."""


class PSParser:
    """``[System.Management.Automation.PSParser]``: only ``Tokenize``."""


def _register_parsers() -> None:
    from ..dotnet.statics import make_table

    register_class(Parser, NAMESPACE + "Parser")
    register_static_members(NAMESPACE + "Parser", lambda: make_table(
        {}, {"ParseInput": parse_input_static, "ParseFile": parse_file_static}))
    register_class(PSParser, "System.Management.Automation.PSParser")
    register_static_members("System.Management.Automation.PSParser",
                            lambda: make_table({}, {"Tokenize": tokenize_static}))
    register_class(PSToken, "System.Management.Automation.PSToken")
    register_class(PSParseError, "System.Management.Automation.PSParseError")


def _register_tokens() -> None:
    token_props: dict[str, Getter] = {
        "Text": lambda t: t.text, "TokenFlags": lambda t: TOKEN_FLAGS.value(int(t.flags)),
        "Kind": lambda t: TOKEN_KIND.value(int(t.kind)), "HasError": lambda t: t.has_error,
        "Extent": lambda t: t.extent,
    }
    base = register_class(Token, NAMESPACE + "Token")
    register_members(Token, token_props, {"ToString": lambda t: t.text})
    for cls, own in _TOKEN_MEMBERS.items():
        register_class(cls, NAMESPACE + cls.__name__).base = base
        register_members(cls, own | token_props, {"ToString": lambda t: t.text})
    register_class(ParseError, NAMESPACE + "ParseError")
    register_members(ParseError, {
        "Extent": lambda e: e.extent, "ErrorId": lambda e: e.error_id, "Message": lambda e: e.message,
        "IncompleteInput": lambda e: e.incomplete_input,
    }, {"ToString": lambda e: str(e)})


def register() -> None:
    """Registers the whole parser API.  It waits for the first type lookup
    that misses (or the first ``$sb.Ast``): most scripts never use it, and
    registering some seventy classes at start-up would slow every run
    (the runtime's context hands this function to ``register_lazy_family``)."""
    ast_api.register()
    enum_type(TOKEN_FLAGS)
    enum_type(PS_TOKEN_TYPE)
    _register_tokens()
    _register_parsers()
