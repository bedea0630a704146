"""The typed syntax tree the parser produces and the engine compiles.

Node names follow PowerShell's ``System.Management.Automation.Language``
classes so that anyone who knows pwsh's AST can find their way; fields are
snake_case.  Every node carries an :class:`Extent` so errors can point at
source text.  Nodes are plain ``__slots__`` classes (no dataclasses) because
this module sits on the start-up path of every script run.

Conventions the parser and the compiler both rely on:

* Operator names are lower case and canonical: ``'-eq'``, ``'-ceq'``, ``'-ieq'``
  stay distinct (the compiler decides case sensitivity from the name).
  Arithmetic operators are ``'+' '-' '*' '/' '%'``; the range is ``'..'``;
  null-coalescing is ``'??'``; format is ``'-f'``.
* Unary operator names: ``'-not' '!' '-bnot' '-' '+' '-split' '-join' ','``
  and ``'++' '--'`` with ``postfix`` telling prefix from postfix.
* ``VariableExpressionAst.name`` is the name as written without ``$``/``@``
  and braces, including any scope or drive qualifier (``'script:x'``,
  ``'env:PATH'``).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Iterator, Optional, Sequence, Union


class SourceText:
    """The text a parse started from; computes line starts on demand."""

    __slots__ = ("text", "file", "_line_starts", "__weakref__")

    def __init__(self, text: str, file: Optional[str] = None) -> None:
        self.text = text
        self.file = file
        self._line_starts: Optional[list[int]] = None

    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            text = self.text
            i = 0
            while True:
                n = text.find("\n", i)
                if n < 0:
                    break
                starts.append(n + 1)
                i = n + 1
            self._line_starts = starts
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset."""
        starts = self.line_starts()
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        starts = self.line_starts()
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


class Extent:
    """A span of source text: offsets are 0-based, lines and columns 1-based."""

    __slots__ = ("source", "start_offset", "end_offset")

    def __init__(self, source: SourceText, start_offset: int, end_offset: int) -> None:
        self.source = source
        self.start_offset = start_offset
        self.end_offset = end_offset

    @property
    def text(self) -> str:
        return self.source.text[self.start_offset:self.end_offset]

    @property
    def file(self) -> Optional[str]:
        return self.source.file

    @property
    def start_line(self) -> int:
        return self.source.position(self.start_offset)[0]

    @property
    def start_column(self) -> int:
        return self.source.position(self.start_offset)[1]

    @property
    def end_line(self) -> int:
        return self.source.position(self.end_offset)[0]

    @property
    def end_column(self) -> int:
        return self.source.position(self.end_offset)[1]

    @property
    def start_line_text(self) -> str:
        """The whole source line the extent starts on (for error displays)."""
        return self.source.line_text(self.start_line)

    def __str__(self) -> str:
        """pwsh's ``IScriptExtent.ToString()`` (what formatting shows): the text."""
        return self.text

    def __repr__(self) -> str:
        return f"Extent({self.start_line}:{self.start_column}-{self.end_line}:{self.end_column} {self.text!r})"


class Ast:
    """Base of every node."""

    __slots__ = ("extent", "parent")

    def __init__(self, extent: Extent) -> None:
        self.extent = extent
        self.parent: Optional[Ast] = None

    def children(self) -> Iterator["Ast"]:
        """Direct child nodes, in source order (for walkers and tests)."""
        for name in self._fields:
            value = getattr(self, name)
            if isinstance(value, Ast):
                yield value
            elif isinstance(value, (list, tuple)):
                for item in value:
                    if isinstance(item, Ast):
                        yield item
                    elif isinstance(item, tuple):
                        for sub in item:
                            if isinstance(sub, Ast):
                                yield sub

    def walk(self) -> Iterator["Ast"]:
        """This node and all descendants, depth first, pre-order."""
        stack: list[Ast] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(list(node.children())))

    _fields: tuple[str, ...] = ()

    def __str__(self) -> str:
        """pwsh's ``Ast.ToString()`` (what formatting shows): the source text."""
        return self.extent.text

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__name__}({inner})"


def _node(name: str, base: type, fields: str, doc: str) -> type:
    """Build a slotted node class with positional ``(extent, *fields)`` init."""
    field_names = tuple(fields.split())
    all_fields = tuple(getattr(base, "_fields", ())) + field_names

    # A generated __init__ with explicit parameters keeps node construction
    # cheap: the parser builds tens of thousands of nodes per large script.
    params = "".join(f", {f}=None" for f in all_fields)
    body = "".join(f"\n    self.{f} = {f}" for f in all_fields)
    namespace: dict[str, Any] = {}
    exec(f"def __init__(self, extent{params}):\n    self.extent = extent\n    self.parent = None{body}",
         namespace)
    __init__ = namespace["__init__"]

    cls = type(name, (base,), {"__slots__": field_names, "_fields": all_fields,
                               "__init__": __init__, "__doc__": doc})
    return cls


# --- abstract bases ---------------------------------------------------------

class StatementAst(Ast):
    __slots__ = ()


class PipelineBaseAst(StatementAst):
    __slots__ = ()


class CommandBaseAst(StatementAst):
    __slots__ = ()


class CommandElementAst(Ast):
    __slots__ = ()


class ExpressionAst(CommandElementAst):
    __slots__ = ()


class RedirectionAst(Ast):
    __slots__ = ()


class LoopStatementAst(StatementAst):
    __slots__ = ()


# --- type names (not nodes: they describe a type as written) ----------------

class TypeName:
    """A type as written: ``int``, ``System.Collections.Generic.List[string]``,
    ``string[]``, ``int[,]``.

    ``name`` is the base name without generic arguments or array brackets;
    ``generic_arguments`` the type arguments; ``array_rank`` is 0 for a
    non-array, else the rank, with ``element_type`` the element's TypeName.
    ``full_name`` is the text as PowerShell would print it (``string[]``).
    """

    __slots__ = ("name", "generic_arguments", "array_rank", "element_type", "extent")

    def __init__(self, name: str, generic_arguments: Sequence["TypeName"] = (),
                 array_rank: int = 0, element_type: Optional["TypeName"] = None,
                 extent: Optional[Extent] = None) -> None:
        self.name = name
        self.generic_arguments = tuple(generic_arguments)
        self.array_rank = array_rank
        self.element_type = element_type
        self.extent = extent

    @property
    def full_name(self) -> str:
        if self.array_rank:
            assert self.element_type is not None
            return self.element_type.full_name + "[" + "," * (self.array_rank - 1) + "]"
        if self.generic_arguments:
            return self.name + "[" + ",".join(a.full_name for a in self.generic_arguments) + "]"
        return self.name

    def __str__(self) -> str:
        return self.full_name

    def __repr__(self) -> str:
        return f"TypeName({self.full_name!r})"


# --- script blocks, parameters, attributes ----------------------------------

ScriptBlockAst = _node("ScriptBlockAst", Ast,
    "param_block begin_block process_block end_block clean_block dynamicparam_block is_filter "
    "using_statements script_requirements",
    """A script, function body or ``{ }`` literal.  A block without named
    blocks has its statements in ``end_block`` (``process_block`` when
    ``is_filter``), with ``NamedBlockAst.unnamed`` True.  ``using_statements``
    is a UsingStatementAst list (only a whole script has them) or None;
    ``script_requirements`` is what its ``#requires`` lines ask for
    (``requires.ScriptRequirements``, only on a whole script) or None.""")

UsingStatementAst = _node("UsingStatementAst", StatementAst, "using_kind name alias",
    """``using namespace System.Text`` at the top of a script: ``using_kind`` is
    'namespace', 'module', 'assembly' or 'type'; ``name`` the expression
    naming it (a bare word or string, or a hashtable for a module spec);
    ``alias`` is None.""")

NamedBlockAst = _node("NamedBlockAst", Ast, "block_kind statements traps unnamed",
    """``begin``/``process``/``end``/``clean``/``dynamicparam``
    (``block_kind``); ``statements`` and ``traps`` are lists.""")

ParamBlockAst = _node("ParamBlockAst", Ast, "attributes parameters",
    """``[CmdletBinding()] param(...)``: attribute list (AttributeAst) and
    ParameterAst list.""")

ParameterAst = _node("ParameterAst", Ast, "name attributes default_value",
    """``name`` is a VariableExpressionAst; ``attributes`` mixes AttributeAst
    and TypeConstraintAst in source order; ``default_value`` an
    ExpressionAst or None.""")

AttributeAst = _node("AttributeAst", Ast, "type_name positional_arguments named_arguments",
    """``[Parameter(Mandatory, Position=0)]``: TypeName, ExpressionAst list,
    NamedAttributeArgumentAst list.""")

NamedAttributeArgumentAst = _node("NamedAttributeArgumentAst", Ast,
    "argument_name argument expression_omitted",
    """``Mandatory`` (omitted expression, meaning $true) or ``Position=0``.""")

TypeConstraintAst = _node("TypeConstraintAst", Ast, "type_name",
    """``[int]`` used as a constraint on a parameter, cast target or catch type.""")

# --- statements ---------------------------------------------------------------

StatementBlockAst = _node("StatementBlockAst", Ast, "statements traps",
    """A ``{ }`` body of if/loops/try: statements and traps lists.""")

PipelineAst = _node("PipelineAst", PipelineBaseAst, "pipeline_elements background",
    """One or more CommandBaseAst joined by ``|``.  A lone expression is a
    PipelineAst holding one CommandExpressionAst.""")

PipelineChainAst = _node("PipelineChainAst", PipelineBaseAst, "left right operator background",
    """``left && right`` / ``left || right``; ``left`` may itself be a chain,
    ``right`` is a PipelineAst; ``operator`` is ``'&&'`` or ``'||'``.""")

AssignmentStatementAst = _node("AssignmentStatementAst", PipelineBaseAst, "left operator right",
    """``left`` is the target expression (variable, member, index, cast of a
    variable, or ArrayLiteralAst of targets for ``$a, $b = ...``);
    ``operator`` one of ``= += -= *= /= %= ??=``; ``right`` a StatementAst.""")

IfStatementAst = _node("IfStatementAst", StatementAst, "clauses else_clause",
    """``clauses`` is a list of ``(condition PipelineBaseAst, StatementBlockAst)``.""")

SwitchStatementAst = _node("SwitchStatementAst", StatementAst,
    "label condition flags clauses default",
    """``flags`` is a frozenset of lower-case names from {'regex', 'wildcard',
    'exact', 'casesensitive', 'file', 'parallel'}; with 'file' the condition
    is the path expression.  ``clauses`` is a list of
    ``(ExpressionAst, StatementBlockAst)``; ``default`` a StatementBlockAst or
    None.""")

ForEachStatementAst = _node("ForEachStatementAst", LoopStatementAst,
    "label variable condition body flags throttle_limit",
    """``foreach ($variable in condition) body``; flags as for switch
    ({'parallel'}), ``throttle_limit`` an ExpressionAst or None.""")

ForStatementAst = _node("ForStatementAst", LoopStatementAst,
    "label initializer condition iterator body",
    """Each of initializer/condition/iterator is a PipelineBaseAst or None.""")

WhileStatementAst = _node("WhileStatementAst", LoopStatementAst, "label condition body", "")
DoWhileStatementAst = _node("DoWhileStatementAst", LoopStatementAst, "label condition body", "")
DoUntilStatementAst = _node("DoUntilStatementAst", LoopStatementAst, "label condition body", "")

BreakStatementAst = _node("BreakStatementAst", StatementAst, "label",
    """``label`` is an ExpressionAst (a bare word becomes a
    StringConstantExpressionAst) or None.""")
ContinueStatementAst = _node("ContinueStatementAst", StatementAst, "label", "")
ReturnStatementAst = _node("ReturnStatementAst", StatementAst, "pipeline", "")
ExitStatementAst = _node("ExitStatementAst", StatementAst, "pipeline", "")
ThrowStatementAst = _node("ThrowStatementAst", StatementAst, "pipeline", "")

TryStatementAst = _node("TryStatementAst", StatementAst, "body catch_clauses finally_",
    """``body`` StatementBlockAst; CatchClauseAst list; ``finally_`` or None.""")
CatchClauseAst = _node("CatchClauseAst", Ast, "catch_types body",
    """``catch_types`` is a TypeConstraintAst list, empty for catch-all.""")
TrapStatementAst = _node("TrapStatementAst", StatementAst, "trap_type body",
    """``trap_type`` is a TypeConstraintAst or None; ``body`` StatementBlockAst.""")

TypeDefinitionAst = _node("TypeDefinitionAst", StatementAst,
    "name attributes base_types members type_attributes defined_type",
    """``enum Name : base { ... }`` or ``class Name : Base, IFace { ... }``:
    ``attributes`` the AttributeAst list written before the keyword,
    ``base_types`` TypeConstraintAst nodes, ``members`` PropertyMemberAst
    (and, for a class, FunctionMemberAst) nodes, ``type_attributes``
    ``'Enum'`` or ``'Class'``.  ``defined_type`` is set by the runtime once it
    has defined the type (as pwsh's definer records it on the node), so each
    definition is made once.""")

PropertyMemberAst = _node("PropertyMemberAst", Ast,
    "name property_type attributes initial_value is_static is_hidden",
    """One member of a type definition: an enumerator of an enum, or a
    class property (``static hidden [int] $Count = 1``): its name, its
    TypeConstraintAst (None when untyped), its AttributeAst list and the
    ``initial_value`` expression written after ``=`` (None when absent).""")

FunctionMemberAst = _node("FunctionMemberAst", Ast,
    "name attributes return_type parameters body is_static is_hidden is_constructor name_extent",
    """A class method or constructor: ``static hidden [int] Name([int]$a) { }``.
    ``return_type`` is a TypeConstraintAst or None; ``parameters`` the
    ParameterAst list; ``body`` a ScriptBlockAst (a constructor's starts with
    its BaseCtorInvokeMemberExpressionAst statement, as pwsh's does);
    ``is_constructor`` when the name is the class's (an instance or a static
    constructor); ``name_extent`` the Extent of the name.""")

BaseExpressionAst = _node("BaseExpressionAst", ExpressionAst, "",
    """The ``base`` keyword of a constructor's ``: base(...)`` call.""")

FunctionDefinitionAst = _node("FunctionDefinitionAst", StatementAst,
    "name is_filter parameters body",
    """``function name($a, $b) { }``: ``parameters`` is the ParameterAst list
    written after the name (None when absent); ``body`` a ScriptBlockAst.""")

DataStatementAst = _node("DataStatementAst", StatementAst, "variable body commands_allowed",
    """``data [name] [-SupportedCommand cmd1, cmd2] { }``; ``variable`` a name
    or None; ``commands_allowed`` the ExpressionAst list naming the extra
    commands (empty without ``-SupportedCommand``).""")

# --- commands -----------------------------------------------------------------

CommandAst = _node("CommandAst", CommandBaseAst, "command_elements invocation_operator redirections",
    """``command_elements[0]`` names the command (a bare word, string or
    expression); the rest are arguments: ExpressionAst, CommandParameterAst,
    EndOfParametersAst or VerbatimArgumentAst.  ``invocation_operator`` is
    None, ``'&'`` or ``'.'``.""")

CommandExpressionAst = _node("CommandExpressionAst", CommandBaseAst, "expression redirections",
    """An expression used as a pipeline element.""")

CommandParameterAst = _node("CommandParameterAst", CommandElementAst, "parameter_name argument",
    """``-Name`` (``argument`` None) or ``-Name:value`` (``argument`` set).
    ``parameter_name`` has no dash.""")

EndOfParametersAst = _node("EndOfParametersAst", CommandElementAst, "",
    """An unquoted ``--``: later ``-x`` words are plain arguments.  Native
    commands receive ``--`` itself; cmdlets and functions do not.""")

VerbatimArgumentAst = _node("VerbatimArgumentAst", CommandElementAst, "text",
    """The rest of the line after ``--%``, passed to native commands as is.""")

FileRedirectionAst = _node("FileRedirectionAst", RedirectionAst, "from_stream location append",
    """``n> path`` / ``n>> path``; ``from_stream`` is one of 'output',
    'error', 'warning', 'verbose', 'debug', 'information', 'all'.""")

MergingRedirectionAst = _node("MergingRedirectionAst", RedirectionAst, "from_stream to_stream",
    """``2>&1`` and friends; ``to_stream`` is always 'output' in pwsh 7.""")

# --- expressions --------------------------------------------------------------

BinaryExpressionAst = _node("BinaryExpressionAst", ExpressionAst, "operator left right", "")

UnaryExpressionAst = _node("UnaryExpressionAst", ExpressionAst, "operator child postfix", "")

TernaryExpressionAst = _node("TernaryExpressionAst", ExpressionAst, "condition if_true if_false", "")

ConvertExpressionAst = _node("ConvertExpressionAst", ExpressionAst, "type child",
    """``[type]child``; ``type`` is a TypeConstraintAst.""")

AttributedExpressionAst = _node("AttributedExpressionAst", ExpressionAst, "attribute child",
    """``[ValidateNotNull()]$x`` on an assignment target.""")

TypeExpressionAst = _node("TypeExpressionAst", ExpressionAst, "type_name",
    """A bare type literal ``[int]`` used as a value (for ``::`` access, ``-is``).""")

MemberExpressionAst = _node("MemberExpressionAst", ExpressionAst,
    "expression member static null_conditional",
    """``expr.member`` / ``[t]::member`` / ``expr?.member``; ``member`` is a
    StringConstantExpressionAst for a plain name, else any expression
    (``$x.$name``, ``$x.($n)``).""")

InvokeMemberExpressionAst = _node("InvokeMemberExpressionAst", ExpressionAst,
    "expression member arguments static null_conditional generic_type_arguments",
    """``expr.Method(args)``; ``arguments`` is an ExpressionAst list;
    ``generic_type_arguments`` the TypeNames of ``expr.Method[T1,T2](args)``
    (None for a plain call).""")

BaseCtorInvokeMemberExpressionAst = _node("BaseCtorInvokeMemberExpressionAst", InvokeMemberExpressionAst, "",
    """A constructor's call of its base class's constructor, ``: base(args)``:
    ``expression`` a BaseExpressionAst, ``member`` the name ``.ctor``.  A
    constructor without one gets an implicit call with no arguments and an
    empty extent, as in pwsh.""")

IndexExpressionAst = _node("IndexExpressionAst", ExpressionAst, "target index null_conditional", "")

VariableExpressionAst = _node("VariableExpressionAst", ExpressionAst, "name splatted braced",
    """``$name`` / ``@name`` (splatted) / ``${name}`` (braced).""")

UsingExpressionAst = _node("UsingExpressionAst", ExpressionAst, "sub_expression",
    """``$using:name``; ``sub_expression`` the VariableExpressionAst (name
    without the ``using:`` prefix).""")

ConstantExpressionAst = _node("ConstantExpressionAst", ExpressionAst, "value",
    """A numeric literal, already converted to its runtime value.""")

StringConstantExpressionAst = _node("StringConstantExpressionAst", ConstantExpressionAst, "string_kind",
    """``value`` is the final string (escapes processed).  ``string_kind`` is
    'bareword', 'single', 'double', 'single_here' or 'double_here'.""")

ExpandableStringExpressionAst = _node("ExpandableStringExpressionAst", ExpressionAst,
    "value string_kind parts",
    """``"text $x $(...)"``: ``value`` is the raw text between the quotes;
    ``parts`` a list alternating literal ``str`` (escapes processed) and
    ExpressionAst for each expansion, in order.""")

ArrayLiteralAst = _node("ArrayLiteralAst", ExpressionAst, "elements", "``a, b, c``.")

ArrayExpressionAst = _node("ArrayExpressionAst", ExpressionAst, "sub_expression",
    """``@( )``; ``sub_expression`` a StatementBlockAst.""")

SubExpressionAst = _node("SubExpressionAst", ExpressionAst, "sub_expression",
    """``$( )``; ``sub_expression`` a StatementBlockAst.""")

ParenExpressionAst = _node("ParenExpressionAst", ExpressionAst, "pipeline",
    """``( )`` holding one PipelineBaseAst (an assignment is allowed).""")

HashtableAst = _node("HashtableAst", ExpressionAst, "pairs",
    """``@{ k = v }``: list of ``(key ExpressionAst, value StatementAst)``.
    ``[ordered]@{}`` is a ConvertExpressionAst around it.""")

ScriptBlockExpressionAst = _node("ScriptBlockExpressionAst", ExpressionAst, "script_block", "")

# --- error recovery -------------------------------------------------------------

ErrorStatementAst = _node("ErrorStatementAst", PipelineBaseAst, "nested",
    """Stands where a statement could not be parsed; ``nested`` holds any
    partial nodes.  Only present when the parse reported errors.""")

ErrorExpressionAst = _node("ErrorExpressionAst", ExpressionAst, "nested", "")


AnyAst = Union[Ast, None]
