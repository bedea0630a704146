"""The parser's .NET face: ``System.Management.Automation.Language`` for scripts.

pwshlike's AST (``language/ast.py``) already follows PowerShell's node
classes; this module exposes those very objects to scripts instead of
building a second tree.  It registers, when the runtime loads:

* every node class under PowerShell's type name (with its base types, so
  ``-is [...ExpressionAst]`` works) and its members by pwsh's property
  names (``EndBlock``, ``PipelineElements``, ``Extent``, ``Parent``...),
  plus ``Find``/``FindAll``/``SafeGetValue``/``ToString`` and
  ``CommandAst.GetCommandName()``;
* extents (with ``StartScriptPosition``), tokens, parse errors, type names;
* ``[...Language.Parser]::ParseInput/ParseFile`` and
  ``[System.Management.Automation.PSParser]::Tokenize``.

Node fields are snake_case; a field without an entry in ``_RENAMES`` is
shown under its PascalCase name, so node classes added later are exposed
without changes here.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Iterator, Optional

from ..dotnet import conversions as conv
from ..dotnet.errors import FileNotFoundException, InvalidOperationException, MethodException
from ..dotnet.members import register_members
from ..dotnet.types import enum_type, register_class, register_static_members, type_of
from ..dotnet.values import EnumInfo, Hashtable, PSReference
from ..language import ast as A
from ..language import parse_input
from ..language.errors import ParseError
from ..language.tokens import OPERATORS, F_COMMAND_NAME, F_ATTRIBUTE_NAME, F_MEMBER_NAME, F_TYPE_NAME
from ..language.tokens import Token, TokenFlags, TokenKind
from .scriptblock import ScriptBlock, ScriptBlockCode

NAMESPACE = "System.Management.Automation.Language."


_ENUMS: list[EnumInfo] = []


def _enum(name: str, members: list[tuple[str, int]], flags: bool = False) -> EnumInfo:
    info = EnumInfo(NAMESPACE + name, members, flags)
    _ENUMS.append(info)
    return info


TOKEN_KIND = _enum("TokenKind", [(k.name, int(k)) for k in TokenKind])
TOKEN_FLAGS = _enum("TokenFlags", [("None" if name == "None_" else name, int(flag))
                                   for name, flag in TokenFlags.__members__.items()], flags=True)
_STRING_TYPE = _enum("StringConstantType", [("SingleQuoted", 0), ("SingleQuotedHereString", 1),
                                            ("DoubleQuoted", 2), ("DoubleQuotedHereString", 3),
                                            ("BareWord", 4)])
_STRING_KINDS = {"single": 0, "single_here": 1, "double": 2, "double_here": 3, "bareword": 4}
_FOREACH_FLAGS = _enum("ForEachFlags", [("None", 0), ("Parallel", 1)], flags=True)
_SWITCH_FLAGS = _enum("SwitchFlags", [("None", 0), ("File", 1), ("Regex", 2), ("Wildcard", 4),
                                      ("Exact", 8), ("CaseSensitive", 16), ("Parallel", 32)], flags=True)
_STREAM = _enum("RedirectionStream", [("All", 0), ("Output", 1), ("Error", 2), ("Warning", 3),
                                      ("Verbose", 4), ("Debug", 5), ("Information", 6)])
_USING_KIND = _enum("UsingStatementKind", [("Assembly", 0), ("Command", 1), ("Module", 2),
                                           ("Namespace", 3), ("Type", 4)])

# Operators as the parser spells them -> pwsh's TokenKind.
_SYMBOL_KINDS = {
    "+": TokenKind.Plus, "-": TokenKind.Minus, "*": TokenKind.Multiply, "/": TokenKind.Divide,
    "%": TokenKind.Rem, "..": TokenKind.DotDot, "??": TokenKind.QuestionQuestion, "!": TokenKind.Exclaim,
    ",": TokenKind.Comma, "=": TokenKind.Equals, "+=": TokenKind.PlusEquals, "-=": TokenKind.MinusEquals,
    "*=": TokenKind.MultiplyEquals, "/=": TokenKind.DivideEquals, "%=": TokenKind.RemainderEquals,
    "??=": TokenKind.QuestionQuestionEquals, "&&": TokenKind.AndAnd, "||": TokenKind.OrOr,
    "&": TokenKind.Ampersand, ".": TokenKind.Dot, None: TokenKind.Unknown,
}
_BLOCK_KINDS = {"begin": TokenKind.Begin, "process": TokenKind.Process, "end": TokenKind.End,
                "clean": TokenKind.Clean, "dynamicparam": TokenKind.Dynamicparam}


def _kind(op: Any) -> Any:
    kind = _SYMBOL_KINDS.get(op)
    if kind is None and isinstance(op, str):
        kind = OPERATORS.get(op.lstrip("-"), TokenKind.Unknown)
    return TOKEN_KIND.value(int(kind if kind is not None else TokenKind.Unknown))


def _unary_kind(node: Any) -> Any:
    if node.operator == "++":
        return TOKEN_KIND.value(int(TokenKind.PostfixPlusPlus if node.postfix else TokenKind.PlusPlus))
    if node.operator == "--":
        return TOKEN_KIND.value(int(TokenKind.PostfixMinusMinus if node.postfix else TokenKind.MinusMinus))
    return _kind(node.operator)


def _flags(info: EnumInfo, names: Any) -> Any:
    total = 0
    for name in names or ():
        member = info.lookup(name)
        if member is not None:
            total |= int(member)
    return info.value(total)


# --- small value objects pwsh's API hands out ----------------------------------------------------

class Pair:
    """``System.Tuple`2``: the clauses of if/switch and a hashtable's pairs."""

    __slots__ = ("Item1", "Item2")
    full_name = "System.Tuple"

    def __init__(self, first: Any, second: Any) -> None:
        self.Item1 = first
        self.Item2 = second

    def __str__(self) -> str:
        return f"({self.Item1}, {self.Item2})"


class ScriptPosition:
    """``IScriptPosition``: one point of the source (an extent's start or end)."""

    __slots__ = ("_source", "_offset")
    PS_MEMBERS = {"File": "file", "LineNumber": "line_number", "ColumnNumber": "column_number",
                  "Offset": "offset", "Line": "line", "GetFullScript": "full_script"}

    def __init__(self, source: A.SourceText, offset: int) -> None:
        self._source = source
        self._offset = offset

    @property
    def file(self) -> Optional[str]:
        return self._source.file

    @property
    def offset(self) -> int:
        return self._offset

    @property
    def line_number(self) -> int:
        return self._source.position(self._offset)[0]

    @property
    def column_number(self) -> int:
        return self._source.position(self._offset)[1]

    @property
    def line(self) -> str:
        return self._source.line_text(self.line_number)

    def full_script(self) -> str:
        return self._source.text


class VariablePath:
    """``$x.VariablePath``: the name as written, with its scope qualifier."""

    __slots__ = ("user_path",)
    PS_MEMBERS = {"UserPath": "user_path", "IsGlobal": "is_global", "IsScript": "is_script",
                  "IsLocal": "is_local", "IsPrivate": "is_private", "IsUnqualified": "is_unqualified",
                  "IsUnscopedVariable": "is_unqualified", "IsVariable": "is_variable",
                  "IsDriveQualified": "is_drive_qualified", "DriveName": "drive_name",
                  "ToString": "__str__"}

    def __init__(self, user_path: str) -> None:
        self.user_path = user_path

    def _qualifier(self) -> str:
        head, sep, _ = self.user_path.partition(":")
        return head.lower() if sep else ""

    @property
    def is_global(self) -> bool:
        return self._qualifier() == "global"

    @property
    def is_script(self) -> bool:
        return self._qualifier() == "script"

    @property
    def is_local(self) -> bool:
        return self._qualifier() == "local"

    @property
    def is_private(self) -> bool:
        return self._qualifier() == "private"

    @property
    def is_unqualified(self) -> bool:
        return self._qualifier() == ""

    @property
    def is_drive_qualified(self) -> bool:
        return self._qualifier() not in ("", "global", "script", "local", "private", "variable", "using")

    @property
    def is_variable(self) -> bool:
        return not self.is_drive_qualified

    @property
    def drive_name(self) -> Optional[str]:
        return self.user_path.partition(":")[0] if self.is_drive_qualified else None

    def __str__(self) -> str:
        return self.user_path


# --- Find / FindAll / SafeGetValue -----------------------------------------------------------------

_NESTED_SCOPES = (A.ScriptBlockExpressionAst, A.FunctionDefinitionAst)


def _search(root: A.Ast, predicate: Any, nested: bool, first: bool) -> list[A.Ast]:
    """pwsh's AstSearcher: pre-order; without ``nested`` the children of a
    script block expression or function definition below the root are
    skipped (the node itself is still tested)."""
    if not isinstance(predicate, ScriptBlock):
        raise MethodException(
            f'Cannot convert argument "predicate", with value: "{predicate}", for "FindAll" to type '
            '"System.Func`2[System.Management.Automation.Language.Ast,System.Boolean]": "Cannot convert '
            f'the "{predicate}" value of type "{type_of(predicate).full_name}" to type '
            '"System.Func`2[System.Management.Automation.Language.Ast,System.Boolean]"."',
            error_id="MethodArgumentConversionInvalidCastArgument")
    search_nested = conv.to_bool(nested)
    found: list[A.Ast] = []
    stack: list[A.Ast] = [root]
    while stack:
        node = stack.pop()
        if conv.to_bool(_unwrap(predicate.invoke(node))):
            found.append(node)
            if first:
                break
        if not search_nested and node is not root and isinstance(node, _NESTED_SCOPES):
            continue
        stack.extend(reversed(list(node.children())))
    return found


def _unwrap(result: list[Any]) -> Any:
    return result[0] if len(result) == 1 else result


def _find(node: A.Ast, predicate: Any, search_nested: Any) -> Optional[A.Ast]:
    found = _search(node, predicate, search_nested, True)
    return found[0] if found else None


def _find_all(node: A.Ast, predicate: Any, search_nested: Any) -> list[A.Ast]:
    return _search(node, predicate, search_nested, False)


_SAFE_VARIABLES = {"true": True, "false": False, "null": None}


def _safe_value(node: Any) -> Any:
    """The value of a constant expression; anything that would need running
    code (variables other than $true/$false/$null, commands...) fails."""
    if isinstance(node, A.ConstantExpressionAst):
        return node.value
    if isinstance(node, A.ArrayLiteralAst):
        return [_safe_value(e) for e in node.elements]
    if isinstance(node, A.HashtableAst):
        table = Hashtable()
        for key, value in node.pairs:
            table[_safe_value(key)] = _safe_value(value)
        return table
    if isinstance(node, A.ParenExpressionAst):
        return _safe_value(node.pipeline)
    if isinstance(node, (A.ArrayExpressionAst, A.SubExpressionAst)):
        values: list[Any] = []
        for statement in node.sub_expression.statements:
            value = _safe_value(statement)
            values.extend(value if isinstance(value, list) else [value])
        return values if isinstance(node, A.ArrayExpressionAst) or len(values) != 1 else values[0]
    if isinstance(node, A.PipelineAst) and len(node.pipeline_elements) == 1:
        return _safe_value(node.pipeline_elements[0])
    if isinstance(node, A.CommandExpressionAst) and not node.redirections:
        return _safe_value(node.expression)
    if isinstance(node, A.VariableExpressionAst) and node.name.lower() in _SAFE_VARIABLES:
        return _SAFE_VARIABLES[node.name.lower()]
    if isinstance(node, A.UnaryExpressionAst) and node.operator in ("-", "+") \
            and isinstance(node.child, A.ConstantExpressionAst) and isinstance(node.child.value, (int, float)):
        return -node.child.value if node.operator == "-" else node.child.value
    raise _unsafe(node)


def _unsafe(node: Any) -> InvalidOperationException:
    return InvalidOperationException(
        "Cannot generate a PowerShell object for a ScriptBlock evaluating dynamic expressions. "
        f"Dynamic expression: {node.extent.text}.")


def _safe_get_value(node: A.Ast, skip_size_check: Any = False) -> Any:
    try:
        return _safe_value(node)
    except InvalidOperationException:
        raise _unsafe(node) from None


def _command_name(node: Any) -> Optional[str]:
    """``CommandAst.GetCommandName()``: the name when written as a constant string."""
    first = node.command_elements[0] if node.command_elements else None
    return first.value if isinstance(first, A.StringConstantExpressionAst) else None


# --- per-class members ----------------------------------------------------------------------------

Getter = Callable[[Any], Any]


def _field(name: str) -> Getter:
    def get(node: Any) -> Any:
        value = getattr(node, name)
        if isinstance(value, list):
            return [Pair(*v) if isinstance(v, tuple) else v for v in value]
        if isinstance(value, (frozenset, set)):
            return sorted(value)
        return value
    return get


def _or_none(name: str) -> Getter:
    """pwsh gives null for an empty optional collection (Traps, Arguments)."""
    return lambda node: list(getattr(node, name)) or None


def _pairs(name: str) -> Getter:
    return lambda node: [Pair(a, b) for a, b in getattr(node, name)]


# Node class name -> {field: pwsh name (a str) or (pwsh name, getter) or None to hide}.
_RENAMES: dict[str, dict[str, Any]] = {
    "ScriptBlockAst": {
        "param_block": "ParamBlock", "is_filter": None,
        "dynamicparam_block": "DynamicParamBlock",
        "using_statements": ("UsingStatements", lambda n: list(n.using_statements or ())),
    },
    "NamedBlockAst": {"block_kind": ("BlockKind", lambda n: TOKEN_KIND.value(int(_BLOCK_KINDS[n.block_kind]))),
                      "traps": ("Traps", _or_none("traps"))},
    "StatementBlockAst": {"traps": ("Traps", _or_none("traps"))},
    "ParameterAst": {"default_value": "DefaultValue"},
    "PipelineChainAst": {"left": "LhsPipelineChain", "right": "RhsPipeline",
                         "operator": ("Operator", lambda n: _kind(n.operator))},
    "AssignmentStatementAst": {"operator": ("Operator", lambda n: _kind(n.operator))},
    "BinaryExpressionAst": {"operator": ("Operator", lambda n: _kind(n.operator))},
    "UnaryExpressionAst": {"operator": ("TokenKind", _unary_kind), "postfix": None},
    "IfStatementAst": {"clauses": ("Clauses", _pairs("clauses"))},
    "SwitchStatementAst": {"clauses": ("Clauses", _pairs("clauses")),
                           "flags": ("Flags", lambda n: _flags(_SWITCH_FLAGS, n.flags))},
    "ForEachStatementAst": {"flags": ("Flags", lambda n: _flags(_FOREACH_FLAGS, n.flags))},
    "TryStatementAst": {"finally_": "Finally"},
    "CatchClauseAst": {"catch_types": "CatchTypes"},
    "FunctionDefinitionAst": {},
    "DataStatementAst": {},
    "CommandAst": {"invocation_operator": ("InvocationOperator", lambda n: _kind(n.invocation_operator))},
    "FileRedirectionAst": {"from_stream": ("FromStream", lambda n: _STREAM.lookup(n.from_stream))},
    "MergingRedirectionAst": {"from_stream": ("FromStream", lambda n: _STREAM.lookup(n.from_stream)),
                              "to_stream": ("ToStream", lambda n: _STREAM.lookup(n.to_stream))},
    "InvokeMemberExpressionAst": {"arguments": ("Arguments", _or_none("arguments"))},
    "VariableExpressionAst": {"name": ("VariablePath", lambda n: VariablePath(n.name)), "braced": None},
    "UsingExpressionAst": {},
    "StringConstantExpressionAst": {
        "string_kind": ("StringConstantType", lambda n: _STRING_TYPE.value(_STRING_KINDS[n.string_kind]))},
    "ExpandableStringExpressionAst": {
        "string_kind": ("StringConstantType", lambda n: _STRING_TYPE.value(_STRING_KINDS[n.string_kind])),
        "parts": ("NestedExpressions", lambda n: [p for p in n.parts if isinstance(p, A.Ast)])},
    "HashtableAst": {"pairs": ("KeyValuePairs", _pairs("pairs"))},
    "UsingStatementAst": {"using_kind": ("UsingStatementKind", lambda n: _USING_KIND.lookup(n.using_kind))},
    "ErrorStatementAst": {"nested": ("NestedAst", _field("nested"))},
    "ErrorExpressionAst": {"nested": ("NestedAst", _field("nested"))},
}

# Properties pwsh has that are not fields of ours.
_EXTRA: dict[str, dict[str, Getter]] = {
    "ScriptBlockAst": {"Attributes": lambda n: [], "ScriptRequirements": lambda n: None},
    "ConvertExpressionAst": {"Attribute": lambda n: n.type, "StaticType": lambda n: _reflection_type(n.type)},
    "ConstantExpressionAst": {"StaticType": lambda n: type_of(n.value)},
    "StringConstantExpressionAst": {"StaticType": lambda n: type_of("")},
    "CatchClauseAst": {"IsCatchAll": lambda n: not n.catch_types},
    "ThrowStatementAst": {"IsRethrow": lambda n: n.pipeline is None},
    "FunctionDefinitionAst": {"IsWorkflow": lambda n: False},
    "VariableExpressionAst": {"Splatted": lambda n: bool(n.splatted)},
    "CommandAst": {"DefiningKeyword": lambda n: None},
}

# Where pwsh's property order differs from the fields' order.
_ORDER: dict[str, tuple[str, ...]] = {
    "ScriptBlockAst": ("Attributes", "UsingStatements", "ParamBlock", "BeginBlock", "ProcessBlock",
                       "EndBlock", "CleanBlock", "DynamicParamBlock", "ScriptRequirements"),
}

_METHODS: dict[str, dict[str, Callable[..., Any]]] = {
    "CommandAst": {"GetCommandName": _command_name},
    "ScriptBlockAst": {"GetScriptBlock": lambda n: ScriptBlock(ScriptBlockCode(n))},
    "VariableExpressionAst": {"IsConstantVariable": lambda n: n.name.lower() in _SAFE_VARIABLES},
}


def _reflection_type(constraint: Any) -> Any:
    from ..dotnet.types import find_type
    return find_type(constraint.type_name.full_name) if constraint is not None else None


def _pascal(field: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in field.rstrip("_").split("_"))


def _node_members(cls: type) -> tuple[dict[str, Getter], dict[str, Callable[..., Any]]]:
    """Properties in pwsh's order (the class's own, then its bases', then
    Extent and Parent) and methods of one node class."""
    methods: dict[str, Callable[..., Any]] = {"Find": _find, "FindAll": _find_all,
                                              "SafeGetValue": _safe_get_value,
                                              "ToString": lambda n: n.extent.text}
    renames: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        renames.update(_RENAMES.get(klass.__name__, {}))
        methods.update(_METHODS.get(klass.__name__, {}))
    props: dict[str, Getter] = {}
    for klass in cls.__mro__:
        inherited = set(getattr(klass.__mro__[1], "_fields", ())) if klass is not object else set()
        for field in vars(klass).get("_fields", ()):
            entry = renames.get(field, _pascal(field))
            if field in inherited or entry is None:
                continue
            name, getter = (entry, _field(field)) if isinstance(entry, str) else entry
            props.setdefault(name, getter)
        for name, getter in _EXTRA.get(klass.__name__, {}).items():
            props.setdefault(name, getter)
    order = _ORDER.get(cls.__name__)
    if order:
        props = {name: props[name] for name in order if name in props} | props
    props["Extent"] = lambda n: n.extent
    props["Parent"] = lambda n: n.parent
    return props, methods


def _node_classes() -> Iterator[type]:
    for value in vars(A).values():
        if isinstance(value, type) and issubclass(value, A.Ast):
            yield value


def _register_nodes() -> None:
    registered: dict[type, Any] = {}

    def register(cls: type) -> Any:
        pstype = registered.get(cls)
        if pstype is None:
            pstype = registered[cls] = register_class(cls, NAMESPACE + cls.__name__)
            if cls is not A.Ast:
                pstype.base = register(cls.__mro__[1])
            props, methods = _node_members(cls)
            register_members(cls, props, methods)
        return pstype

    for cls in _node_classes():
        register(cls)


# --- extents, tokens, errors, type names ------------------------------------------------------------

def _register_support() -> None:
    register_class(A.Extent, NAMESPACE + "InternalScriptExtent")
    register_members(A.Extent, {
        "File": lambda e: e.file,
        "StartScriptPosition": lambda e: ScriptPosition(e.source, e.start_offset),
        "EndScriptPosition": lambda e: ScriptPosition(e.source, e.end_offset),
        "StartLineNumber": lambda e: e.start_line, "StartColumnNumber": lambda e: e.start_column,
        "EndLineNumber": lambda e: e.end_line, "EndColumnNumber": lambda e: e.end_column,
        "Text": lambda e: e.text, "StartOffset": lambda e: e.start_offset, "EndOffset": lambda e: e.end_offset,
    }, {"ToString": lambda e: e.text})
    register_class(ScriptPosition, NAMESPACE + "InternalScriptPosition")
    register_class(VariablePath, "System.Management.Automation.VariablePath")
    register_class(Pair, "System.Tuple")
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
    register_class(A.TypeName, NAMESPACE + "TypeName")
    register_members(A.TypeName, {
        "Name": lambda t: t.full_name if t.array_rank else t.name, "FullName": lambda t: t.full_name,
        "IsArray": lambda t: bool(t.array_rank), "IsGeneric": lambda t: bool(t.generic_arguments),
        "ElementType": lambda t: t.element_type, "Rank": lambda t: t.array_rank,
        "GenericArguments": lambda t: list(t.generic_arguments), "Extent": lambda t: t.extent,
        "AssemblyName": lambda t: None,
    }, {"ToString": lambda t: t.full_name,
        "GetReflectionType": lambda t: _reflection_type(A.TypeConstraintAst(t.extent, t))})


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
    _set_out(tokens_ref, _typed(list(result.tokens)), first_out)
    _set_out(errors_ref, list(result.errors), first_out + 1)
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


def register() -> None:
    """Registers the whole API.  It waits for the first type lookup that
    misses (or the first ``$sb.Ast``): most scripts never use it, and
    registering some seventy classes at start-up would slow every run
    (the runtime's context hands this function to ``register_lazy_family``)."""
    for info in _ENUMS + [PS_TOKEN_TYPE]:
        enum_type(info)
    _register_nodes()
    _register_support()
    _register_parsers()

