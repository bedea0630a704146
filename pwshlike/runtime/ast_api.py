"""The parser's .NET face: ``System.Management.Automation.Language`` for scripts.

pwshlike's AST (``language/ast.py``) already follows PowerShell's node
classes; this module exposes those very objects to scripts instead of
building a second tree.  It registers, on first use:

* every node class under PowerShell's type name (with its base types, so
  ``-is [...ExpressionAst]`` works) and its members by pwsh's property
  names (``EndBlock``, ``PipelineElements``, ``Extent``, ``Parent``...),
  plus ``Find``/``FindAll``/``SafeGetValue``/``ToString`` and
  ``CommandAst.GetCommandName()``;
* extents (with ``StartScriptPosition``) and type names.

``parser_api`` adds the parser itself (``ParseInput``/``ParseFile``), tokens
and parse errors on top.

Node fields are snake_case; a field without an entry in ``_RENAMES`` is
shown under its PascalCase name, so node classes added later are exposed
without changes here.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, Optional

from ..dotnet import conversions as conv
from ..dotnet.errors import ArgumentNullException, InvalidOperationException, MethodException
from ..dotnet.members import register_members
from ..dotnet.types import enum_type, register_class, type_of
from ..dotnet.values import DotNetTuple, EnumInfo, Hashtable
from ..language import ast as A
from ..language.tokens import OPERATORS, TokenKind
from .scriptblock import ScriptBlock, ScriptBlockCode

NAMESPACE = "System.Management.Automation.Language."


_ENUMS: list[EnumInfo] = []
Getter = Callable[[Any], Any]


def _enum(name: str, members: list[tuple[str, int]], flags: bool = False) -> EnumInfo:
    info = EnumInfo(NAMESPACE + name, members, flags)
    _ENUMS.append(info)
    return info


TOKEN_KIND = _enum("TokenKind", [(k.name, int(k)) for k in TokenKind])
_STRING_TYPE = _enum("StringConstantType", [("SingleQuoted", 0), ("SingleQuotedHereString", 1),
                                            ("DoubleQuoted", 2), ("DoubleQuotedHereString", 3),
                                            ("BareWord", 4)])
_STRING_KINDS = {"single": 0, "single_here": 1, "double": 2, "double_here": 3, "bareword": 4}
_FOREACH_FLAGS = _enum("ForEachFlags", [("None", 0), ("Parallel", 1)], flags=True)
_SWITCH_FLAGS = _enum("SwitchFlags", [("None", 0), ("File", 1), ("Regex", 2), ("Wildcard", 4),
                                      ("Exact", 8), ("CaseSensitive", 16), ("Parallel", 32)], flags=True)
_STREAM = _enum("RedirectionStream", [("All", 0), ("Output", 1), ("Error", 2), ("Warning", 3),
                                      ("Verbose", 4), ("Debug", 5), ("Information", 6)])
_TYPE_ATTRIBUTES = _enum("TypeAttributes", [("None", 0), ("Class", 1), ("Interface", 2), ("Enum", 4)],
                         flags=True)
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


def _search(method: str, root: A.Ast, predicate: Any, nested: bool, first: bool) -> list[A.Ast]:
    """pwsh's AstSearcher: pre-order; without ``nested`` the children of a
    script block expression or function definition below the root are
    skipped (the node itself is still tested)."""
    if predicate is None:
        raise ArgumentNullException(param_name="predicate")
    if not isinstance(predicate, ScriptBlock):
        raise MethodException(
            f'Cannot convert argument "predicate", with value: "{predicate}", for "{method}" to type '
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
    found = _search("Find", node, predicate, search_nested, True)
    return found[0] if found else None


def _find_all(node: A.Ast, predicate: Any, search_nested: Any) -> list[A.Ast]:
    return _search("FindAll", node, predicate, search_nested, False)


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


def _field(name: str) -> Getter:
    def get(node: Any) -> Any:
        value = getattr(node, name)
        if isinstance(value, list):
            return [DotNetTuple(*v) if isinstance(v, tuple) else v for v in value]
        if isinstance(value, (frozenset, set)):
            return sorted(value)
        return value
    return get


def _or_none(name: str) -> Getter:
    """pwsh gives null for an empty optional collection (Traps, Arguments)."""
    return lambda node: list(getattr(node, name)) or None


def _pairs(name: str) -> Getter:
    return lambda node: [DotNetTuple(a, b) for a, b in getattr(node, name)]


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
    "TypeDefinitionAst": {"type_attributes": ("TypeAttributes", lambda n: _TYPE_ATTRIBUTES[n.type_attributes]),
                          "defined_type": None},
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
    "FunctionMemberAst": {"name_extent": None},
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
    "TypeDefinitionAst": {"IsEnum": lambda n: n.type_attributes == "Enum",
                          "IsClass": lambda n: n.type_attributes == "Class", "IsInterface": lambda n: False},
    "FunctionMemberAst": {"IsPublic": lambda n: True, "IsPrivate": lambda n: False},
    "PropertyMemberAst": {"IsPublic": lambda n: True, "IsPrivate": lambda n: False},
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


# --- extents and type names -------------------------------------------------------------------

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
    register_class(A.TypeName, NAMESPACE + "TypeName")
    register_members(A.TypeName, {
        "Name": lambda t: t.full_name if t.array_rank else t.name, "FullName": lambda t: t.full_name,
        "IsArray": lambda t: bool(t.array_rank), "IsGeneric": lambda t: bool(t.generic_arguments),
        "ElementType": lambda t: t.element_type, "Rank": lambda t: t.array_rank,
        "GenericArguments": lambda t: list(t.generic_arguments), "Extent": lambda t: t.extent,
        "AssemblyName": lambda t: None,
    }, {"ToString": lambda t: t.full_name,
        "GetReflectionType": lambda t: _reflection_type(A.TypeConstraintAst(t.extent, t))})


def register() -> None:
    """Registers the node types and their members (``parser_api.register``
    calls it with the rest of the parser API, on first use)."""
    for info in _ENUMS:
        enum_type(info)
    _register_nodes()
    _register_support()
