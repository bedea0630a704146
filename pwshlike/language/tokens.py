"""Token kinds, token flags and the token object.

``TokenKind`` and ``TokenFlags`` mirror PowerShell's enums of the same names
(values included) so that anyone who knows ``System.Management.Automation.
Language`` can read tokens directly.  A :class:`Token` keeps offsets rather
than an extent object and builds its extent and text on demand: a large
script produces tens of thousands of tokens, and most are never looked at.
"""

from __future__ import annotations

from enum import IntEnum, IntFlag

from .ast import Extent, SourceText

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

try:
    # How the standard library builds its large enums (re, http, ssl): the
    # same class without the checks and hooks of EnumType, in half the time
    # (the ordinary way takes some 1.3 ms for TokenKind's 158 members).
    from enum import _simple_enum
except ImportError:  # pragma: no cover - a Python without it builds the class the ordinary way
    def _simple_enum(etype: Any) -> Any:
        def build(cls: type) -> Any:
            members = {name: value for name, value in vars(cls).items() if not name.startswith("_")}
            made = etype(cls.__name__, members, module=cls.__module__, qualname=cls.__qualname__)
            made.__doc__ = cls.__doc__
            return made
        return build


@_simple_enum(IntEnum)
class TokenKind:
    """PowerShell's ``TokenKind`` (same names and values)."""

    Unknown = 0
    Variable = 1
    SplattedVariable = 2
    Parameter = 3
    Number = 4
    Label = 5
    Identifier = 6
    Generic = 7
    NewLine = 8
    LineContinuation = 9
    Comment = 10
    EndOfInput = 11
    StringLiteral = 12
    StringExpandable = 13
    HereStringLiteral = 14
    HereStringExpandable = 15
    LParen = 16
    RParen = 17
    LCurly = 18
    RCurly = 19
    LBracket = 20
    RBracket = 21
    AtParen = 22
    AtCurly = 23
    DollarParen = 24
    Semi = 25
    AndAnd = 26
    OrOr = 27
    Ampersand = 28
    Pipe = 29
    Comma = 30
    MinusMinus = 31
    PlusPlus = 32
    DotDot = 33
    ColonColon = 34
    Dot = 35
    Exclaim = 36
    Multiply = 37
    Divide = 38
    Rem = 39
    Plus = 40
    Minus = 41
    Equals = 42
    PlusEquals = 43
    MinusEquals = 44
    MultiplyEquals = 45
    DivideEquals = 46
    RemainderEquals = 47
    Redirection = 48
    RedirectInStd = 49
    Format = 50
    Not = 51
    Bnot = 52
    And = 53
    Or = 54
    Xor = 55
    Band = 56
    Bor = 57
    Bxor = 58
    Join = 59
    Ieq = 60
    Ine = 61
    Ige = 62
    Igt = 63
    Ilt = 64
    Ile = 65
    Ilike = 66
    Inotlike = 67
    Imatch = 68
    Inotmatch = 69
    Ireplace = 70
    Icontains = 71
    Inotcontains = 72
    Iin = 73
    Inotin = 74
    Isplit = 75
    Ceq = 76
    Cne = 77
    Cge = 78
    Cgt = 79
    Clt = 80
    Cle = 81
    Clike = 82
    Cnotlike = 83
    Cmatch = 84
    Cnotmatch = 85
    Creplace = 86
    Ccontains = 87
    Cnotcontains = 88
    Cin = 89
    Cnotin = 90
    Csplit = 91
    Is = 92
    IsNot = 93
    As = 94
    PostfixPlusPlus = 95
    PostfixMinusMinus = 96
    Shl = 97
    Shr = 98
    Colon = 99
    QuestionMark = 100
    QuestionQuestionEquals = 101
    QuestionQuestion = 102
    QuestionDot = 103
    QuestionLBracket = 104
    At = 105
    Begin = 119
    Break = 120
    Catch = 121
    Class = 122
    Continue = 123
    Data = 124
    Define = 125
    Do = 126
    Dynamicparam = 127
    Else = 128
    ElseIf = 129
    End = 130
    Exit = 131
    Filter = 132
    Finally = 133
    For = 134
    Foreach = 135
    From = 136
    Function = 137
    If = 138
    In = 139
    Param = 140
    Process = 141
    Return = 142
    Switch = 143
    Throw = 144
    Trap = 145
    Try = 146
    Until = 147
    Using = 148
    Var = 149
    While = 150
    Workflow = 151
    Parallel = 152
    Sequence = 153
    InlineScript = 154
    Configuration = 155
    DynamicKeyword = 156
    Public = 157
    Private = 158
    Static = 159
    Interface = 160
    Enum = 161
    Namespace = 162
    Module = 163
    Type = 164
    Assembly = 165
    Command = 166
    Hidden = 167
    Base = 168
    Default = 169
    Clean = 170


_TOKEN_FLAGS: Optional[type[IntFlag]] = None


def _token_flags() -> type[IntFlag]:
    """``TokenFlags``, made on first use (module ``__getattr__``): building an
    IntFlag of 30 members costs some 0.6 ms, and only the public token API
    (``Token.flags``, ``[Parser]::ParseInput``'s tokens) shows it; the
    tokenizer and parser test the plain-int F_* bits below."""
    global _TOKEN_FLAGS
    if _TOKEN_FLAGS is not None:
        return _TOKEN_FLAGS

    class TokenFlags(IntFlag):
        """PowerShell's ``TokenFlags`` (same names and values)."""

        __qualname__ = "TokenFlags"

        None_ = 0
        BinaryPrecedenceLogical = 0x1
        BinaryPrecedenceBitwise = 0x2
        BinaryPrecedenceComparison = 0x5
        BinaryPrecedenceCoalesce = 0x7
        BinaryPrecedenceAdd = 0x9
        BinaryPrecedenceMultiply = 0xA
        BinaryPrecedenceFormat = 0xC
        BinaryPrecedenceRange = 0xD
        BinaryPrecedenceMask = 0xF
        Keyword = 0x10
        ScriptBlockBlockName = 0x20
        BinaryOperator = 0x100
        UnaryOperator = 0x200
        CaseSensitiveOperator = 0x400
        TernaryOperator = 0x800
        SpecialOperator = 0x1000
        AssignmentOperator = 0x2000
        ParseModeInvariant = 0x8000
        TokenInError = 0x10000
        DisallowedInRestrictedMode = 0x20000
        PrefixOrPostfixOperator = 0x40000
        CommandName = 0x80000
        MemberName = 0x100000
        TypeName = 0x200000
        AttributeName = 0x400000
        CanConstantFold = 0x800000
        StatementDoesntSupportAttributes = 0x1000000

    TokenFlags.__module__ = __name__
    _TOKEN_FLAGS = TokenFlags
    return TokenFlags


def __getattr__(name: str) -> Any:
    if name == "TokenFlags":
        return _token_flags()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Plain-int copies of the flag bits: the tokenizer and parser test flags on
# hot paths, where IntFlag arithmetic would allocate an enum member each time.
F_PREC_MASK = 0xF
F_KEYWORD = 0x10
F_BLOCK_NAME = 0x20
F_BINARY = 0x100
F_UNARY = 0x200
F_CASE_SENSITIVE = 0x400
F_TERNARY = 0x800
F_SPECIAL = 0x1000
F_ASSIGNMENT = 0x2000
F_INVARIANT = 0x8000
F_IN_ERROR = 0x10000
F_RESTRICTED = 0x20000
F_PREFIX_POSTFIX = 0x40000
F_COMMAND_NAME = 0x80000
F_MEMBER_NAME = 0x100000
F_TYPE_NAME = 0x200000
F_ATTRIBUTE_NAME = 0x400000
F_CONSTANT_FOLD = 0x800000
F_NO_ATTRIBUTES = 0x1000000


def _static_flags() -> list[int]:
    """PowerShell's ``TokenTraits.StaticTokenFlags`` as a list indexed by kind."""
    K = TokenKind
    table = [0] * (max(K) + 1)
    cmp = F_BINARY | 0x5
    sets: list[tuple[int, tuple[TokenKind, ...]]] = [
        (F_INVARIANT, (K.NewLine, K.LineContinuation, K.Comment, K.EndOfInput, K.StringLiteral,
                       K.StringExpandable, K.HereStringLiteral, K.HereStringExpandable, K.LParen,
                       K.RParen, K.LCurly, K.RCurly, K.RBracket, K.AtParen, K.AtCurly,
                       K.DollarParen, K.Semi, K.AndAnd, K.OrOr)),
        (F_SPECIAL | F_INVARIANT, (K.Ampersand, K.Pipe)),
        (F_UNARY | F_INVARIANT, (K.Comma,)),
        (F_UNARY | F_PREFIX_POSTFIX | F_RESTRICTED,
         (K.MinusMinus, K.PlusPlus, K.PostfixPlusPlus, K.PostfixMinusMinus)),
        (F_BINARY | 0xD | F_RESTRICTED, (K.DotDot,)),
        (F_SPECIAL | F_RESTRICTED, (K.ColonColon, K.Dot, K.Colon, K.QuestionDot)),
        (F_UNARY | F_CONSTANT_FOLD, (K.Exclaim, K.Not, K.Bnot)),
        (F_BINARY | 0xA | F_CONSTANT_FOLD, (K.Multiply, K.Divide, K.Rem)),
        (F_BINARY | 0x9 | F_UNARY | F_CONSTANT_FOLD, (K.Plus, K.Minus)),
        (F_ASSIGNMENT, (K.Equals, K.PlusEquals, K.MinusEquals, K.MultiplyEquals, K.DivideEquals,
                        K.RemainderEquals, K.QuestionQuestionEquals)),
        (F_RESTRICTED, (K.Redirection,)),
        (F_INVARIANT | F_RESTRICTED, (K.RedirectInStd,)),
        (F_BINARY | 0xC | F_RESTRICTED, (K.Format,)),
        (F_BINARY | 0x1 | F_CONSTANT_FOLD, (K.And, K.Or, K.Xor)),
        (F_BINARY | 0x2 | F_CONSTANT_FOLD, (K.Band, K.Bor, K.Bxor)),
        (cmp | F_UNARY | F_RESTRICTED, (K.Join, K.Isplit)),
        (cmp, (K.Ieq, K.Ine, K.Ige, K.Igt, K.Ilt, K.Ile, K.Ilike, K.Inotlike, K.Icontains,
               K.Inotcontains, K.Iin, K.Inotin, K.Is, K.IsNot)),
        (cmp | F_RESTRICTED, (K.Imatch, K.Inotmatch, K.Ireplace, K.As)),
        (cmp | F_CASE_SENSITIVE, (K.Ceq, K.Cne, K.Cge, K.Cgt, K.Clt, K.Cle, K.Clike, K.Cnotlike,
                                  K.Ccontains, K.Cnotcontains, K.Cin, K.Cnotin)),
        (cmp | F_CASE_SENSITIVE | F_RESTRICTED, (K.Cmatch, K.Cnotmatch, K.Creplace)),
        (cmp | F_CASE_SENSITIVE | F_UNARY | F_RESTRICTED, (K.Csplit,)),
        (cmp | F_CONSTANT_FOLD, (K.Shl, K.Shr)),
        (F_TERNARY | F_RESTRICTED, (K.QuestionMark,)),
        (F_BINARY | 0x7, (K.QuestionQuestion,)),
        (F_KEYWORD | F_BLOCK_NAME, (K.Begin, K.Dynamicparam, K.End, K.Process, K.Clean)),
        (F_KEYWORD | F_NO_ATTRIBUTES,
         (K.Break, K.Continue, K.Data, K.Define, K.Do, K.Exit, K.Filter, K.For, K.Foreach, K.From,
          K.Function, K.If, K.Return, K.Switch, K.Throw, K.Trap, K.Try, K.Using, K.Var, K.While,
          K.Workflow, K.Parallel, K.Sequence, K.InlineScript)),
        (F_KEYWORD, (K.Catch, K.Class, K.Else, K.ElseIf, K.Finally, K.In, K.Param, K.Until,
                     K.Configuration, K.DynamicKeyword, K.Public, K.Private, K.Static, K.Interface,
                     K.Enum, K.Namespace, K.Module, K.Type, K.Assembly, K.Command, K.Hidden,
                     K.Base, K.Default)),
    ]
    for flags, kinds in sets:
        for kind in kinds:
            table[kind] = flags
    return table


STATIC_FLAGS: list[int] = _static_flags()

# Keywords, recognised only in command mode (as PowerShell does).
KEYWORDS: dict[str, TokenKind] = {
    "elseif": TokenKind.ElseIf, "if": TokenKind.If, "else": TokenKind.Else,
    "switch": TokenKind.Switch, "foreach": TokenKind.Foreach, "from": TokenKind.From,
    "in": TokenKind.In, "for": TokenKind.For, "while": TokenKind.While, "until": TokenKind.Until,
    "do": TokenKind.Do, "try": TokenKind.Try, "catch": TokenKind.Catch,
    "finally": TokenKind.Finally, "trap": TokenKind.Trap, "data": TokenKind.Data,
    "return": TokenKind.Return, "continue": TokenKind.Continue, "break": TokenKind.Break,
    "exit": TokenKind.Exit, "throw": TokenKind.Throw, "begin": TokenKind.Begin,
    "process": TokenKind.Process, "end": TokenKind.End, "dynamicparam": TokenKind.Dynamicparam,
    "function": TokenKind.Function, "filter": TokenKind.Filter, "param": TokenKind.Param,
    "class": TokenKind.Class, "define": TokenKind.Define, "var": TokenKind.Var,
    "using": TokenKind.Using, "workflow": TokenKind.Workflow, "parallel": TokenKind.Parallel,
    "sequence": TokenKind.Sequence, "inlinescript": TokenKind.InlineScript,
    "configuration": TokenKind.Configuration, "public": TokenKind.Public,
    "private": TokenKind.Private, "static": TokenKind.Static, "interface": TokenKind.Interface,
    "enum": TokenKind.Enum, "namespace": TokenKind.Namespace, "module": TokenKind.Module,
    "type": TokenKind.Type, "assembly": TokenKind.Assembly, "command": TokenKind.Command,
    "hidden": TokenKind.Hidden, "base": TokenKind.Base, "default": TokenKind.Default,
    "clean": TokenKind.Clean,
}

# Dash operators, recognised only in expression mode.
OPERATORS: dict[str, TokenKind] = {
    "bnot": TokenKind.Bnot, "not": TokenKind.Not,
    "eq": TokenKind.Ieq, "ieq": TokenKind.Ieq, "ceq": TokenKind.Ceq,
    "ne": TokenKind.Ine, "ine": TokenKind.Ine, "cne": TokenKind.Cne,
    "ge": TokenKind.Ige, "ige": TokenKind.Ige, "cge": TokenKind.Cge,
    "gt": TokenKind.Igt, "igt": TokenKind.Igt, "cgt": TokenKind.Cgt,
    "lt": TokenKind.Ilt, "ilt": TokenKind.Ilt, "clt": TokenKind.Clt,
    "le": TokenKind.Ile, "ile": TokenKind.Ile, "cle": TokenKind.Cle,
    "like": TokenKind.Ilike, "ilike": TokenKind.Ilike, "clike": TokenKind.Clike,
    "notlike": TokenKind.Inotlike, "inotlike": TokenKind.Inotlike, "cnotlike": TokenKind.Cnotlike,
    "match": TokenKind.Imatch, "imatch": TokenKind.Imatch, "cmatch": TokenKind.Cmatch,
    "notmatch": TokenKind.Inotmatch, "inotmatch": TokenKind.Inotmatch,
    "cnotmatch": TokenKind.Cnotmatch,
    "replace": TokenKind.Ireplace, "ireplace": TokenKind.Ireplace, "creplace": TokenKind.Creplace,
    "contains": TokenKind.Icontains, "icontains": TokenKind.Icontains,
    "ccontains": TokenKind.Ccontains,
    "notcontains": TokenKind.Inotcontains, "inotcontains": TokenKind.Inotcontains,
    "cnotcontains": TokenKind.Cnotcontains,
    "in": TokenKind.Iin, "iin": TokenKind.Iin, "cin": TokenKind.Cin,
    "notin": TokenKind.Inotin, "inotin": TokenKind.Inotin, "cnotin": TokenKind.Cnotin,
    "split": TokenKind.Isplit, "isplit": TokenKind.Isplit, "csplit": TokenKind.Csplit,
    "isnot": TokenKind.IsNot, "is": TokenKind.Is, "as": TokenKind.As, "f": TokenKind.Format,
    "and": TokenKind.And, "band": TokenKind.Band, "or": TokenKind.Or, "bor": TokenKind.Bor,
    "xor": TokenKind.Xor, "bxor": TokenKind.Bxor, "join": TokenKind.Join,
    "shl": TokenKind.Shl, "shr": TokenKind.Shr,
}

# ``TokenTraits.Text``: how PowerShell names a kind in messages ("Missing
# expression after ','", "Missing opening '(' after keyword 'foreach'").
_TEXT_OVERRIDES = {
    TokenKind.Unknown: "unknown", TokenKind.Variable: "var", TokenKind.SplattedVariable: "@var",
    TokenKind.Parameter: "param", TokenKind.Number: "number", TokenKind.Label: "label",
    TokenKind.Identifier: "ident", TokenKind.Generic: "generic", TokenKind.NewLine: "newline",
    TokenKind.LineContinuation: "line continuation", TokenKind.Comment: "comment",
    TokenKind.EndOfInput: "eof", TokenKind.StringLiteral: "sqstr",
    TokenKind.StringExpandable: "dqstr", TokenKind.HereStringLiteral: "sq here string",
    TokenKind.HereStringExpandable: "dq here string", TokenKind.LParen: "(",
    TokenKind.RParen: ")", TokenKind.LCurly: "{", TokenKind.RCurly: "}", TokenKind.LBracket: "[",
    TokenKind.RBracket: "]", TokenKind.AtParen: "@(", TokenKind.AtCurly: "@{",
    TokenKind.DollarParen: "$(", TokenKind.Semi: ";", TokenKind.AndAnd: "&&",
    TokenKind.OrOr: "||", TokenKind.Ampersand: "&", TokenKind.Pipe: "|", TokenKind.Comma: ",",
    TokenKind.MinusMinus: "--", TokenKind.PlusPlus: "++", TokenKind.DotDot: "..",
    TokenKind.ColonColon: "::", TokenKind.Dot: ".", TokenKind.Exclaim: "!",
    TokenKind.Multiply: "*", TokenKind.Divide: "/", TokenKind.Rem: "%", TokenKind.Plus: "+",
    TokenKind.Minus: "-", TokenKind.Equals: "=", TokenKind.PlusEquals: "+=",
    TokenKind.MinusEquals: "-=", TokenKind.MultiplyEquals: "*=", TokenKind.DivideEquals: "/=",
    TokenKind.RemainderEquals: "%=", TokenKind.Redirection: "redirection",
    TokenKind.RedirectInStd: "<", TokenKind.Ieq: "-eq", TokenKind.Ine: "-ne",
    TokenKind.Ige: "-ge", TokenKind.Igt: "-gt", TokenKind.Ilt: "-lt", TokenKind.Ile: "-le",
    TokenKind.PostfixPlusPlus: "++", TokenKind.PostfixMinusMinus: "--", TokenKind.Colon: ":",
    TokenKind.QuestionMark: "?", TokenKind.QuestionQuestionEquals: "??=",
    TokenKind.QuestionQuestion: "??", TokenKind.QuestionDot: "?.",
    TokenKind.QuestionLBracket: "?[", TokenKind.At: "@", TokenKind.DynamicKeyword: "dynamic keyword",
    TokenKind.InlineScript: "inlinescript",
}


def kind_text(kind: TokenKind) -> str:
    """The text PowerShell uses for a token kind in error messages
    (``TokenTraits.Text``): "Missing expression after ','"."""
    text = _TEXT_OVERRIDES.get(kind)
    if text is not None:
        return text
    if kind is TokenKind.Format:
        return "-f"
    if TokenKind.Format < kind <= TokenKind.As or kind in (TokenKind.Shl, TokenKind.Shr):
        return "-" + kind.name.lower()
    return kind.name.lower()


class Token:
    """One token: ``kind``, ``text``, ``extent``, ``flags`` and ``value``.

    ``value`` is what the token means: the number for a Number token, the
    processed string for string and generic tokens, the variable name
    (without ``$``) for variables, the parameter name (without ``-``) for
    parameters, the label name for labels; None otherwise.  Expandable
    strings and generic tokens with ``$x``/``$(...)`` inside keep the tokens
    of those parts in ``nested`` (for highlighting).  ``start``/``end`` are
    0-based offsets into the source text.
    """

    __slots__ = ("kind", "start", "end", "value", "source", "dyn_flags", "_nested", "_parts")

    def __init__(self, kind: TokenKind, start: int, end: int, value: Any, source: SourceText,
                 dyn_flags: int = 0) -> None:
        # Only six assignments: a large script makes ~100k tokens, and the
        # rare attributes (nested tokens, string parts) stay unset.
        self.kind = kind
        self.start = start
        self.end = end
        self.value = value
        self.source = source
        self.dyn_flags = dyn_flags

    @property
    def text(self) -> str:
        return self.source.text[self.start:self.end]

    @property
    def extent(self) -> Extent:
        return Extent(self.source, self.start, self.end)

    @property
    def nested(self) -> Optional[list["Token"]]:
        """The tokens of ``$x``/``$(...)`` parts inside an expandable string."""
        return getattr(self, "_nested", None)

    @nested.setter
    def nested(self, tokens: Optional[list["Token"]]) -> None:
        self._nested = tokens

    @property
    def parts(self) -> Optional[list[Any]]:
        """For an expandable string: its literal text (str) and nested tokens,
        in order."""
        return getattr(self, "_parts", None)

    @parts.setter
    def parts(self, parts: Optional[list[Any]]) -> None:
        self._parts = parts

    @property
    def flags(self) -> IntFlag:
        """The token's ``TokenFlags``."""
        flags = STATIC_FLAGS[self.kind] | (self.dyn_flags & F_PUBLIC_DYNAMIC)
        if self.dyn_flags & F_NOT_KEYWORD:
            flags &= ~F_KEYWORD
        return _token_flags()(flags)

    @property
    def has_error(self) -> bool:
        return bool(self.dyn_flags & F_IN_ERROR)

    @property
    def used_colon(self) -> bool:
        """For a Parameter token: written as ``-Name:``."""
        return bool(self.dyn_flags & F_USED_COLON)

    def __str__(self) -> str:
        """pwsh's ``Token.ToString()``: the token's text."""
        return self.text

    def __repr__(self) -> str:
        return f"Token({self.kind.name}, {self.text!r})"


def materialize(raw_tokens: list[list], source: SourceText) -> list[Token]:
    """Token objects for the parser's raw tokens (``[kind, start, end, value,
    dyn_flags]``, plus ``parts`` and ``nested`` for strings with expansions)."""
    tokens = []
    append = tokens.append
    for raw in raw_tokens:
        token = Token(raw[0], raw[1], raw[2], raw[3], source, raw[4])
        if len(raw) > 5:
            nested = materialize(raw[6], source)
            by_start = {t.start: t for t in nested}
            token._nested = nested
            token._parts = [part if isinstance(part, str) else by_start.get(part[1])
                            for part in raw[5]]
        append(token)
    return tokens


# Private bits (outside PowerShell's flag range).  F_INVARIANT_DYNAMIC marks a
# Variable/Number/operator token that would scan identically in the other
# mode, so the parser can switch modes without rescanning it.
F_INVARIANT_DYNAMIC = 0x40000000
F_USED_COLON = 0x20000000
# Set on expandable string/bare-word tokens that have nested parts.
F_HAS_PARTS = 0x08000000
# Keyword flag removed from a keyword used as a command name or argument.
F_NOT_KEYWORD = 0x10000000
F_PUBLIC_DYNAMIC = 0x07FFFFFF
