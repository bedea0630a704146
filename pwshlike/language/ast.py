"""The typed syntax tree the parser produces and the engine compiles.

Node names follow PowerShell's ``System.Management.Automation.Language``
classes so that anyone who knows pwsh's AST can find their way; fields are
snake_case.  Every node carries an :class:`Extent` so errors can point at
source text.  Nodes are plain ``__slots__`` classes written out in full (no
dataclasses, no classes built at import time: building them with ``exec``
cost every script run some milliseconds of start-up) because this module
sits on the start-up path of every script run; each ``__init__`` takes the
extent and then every field, the base class's first, and ``_fields`` lists
them in that order.

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

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator, Optional, Sequence, Union
    AnyAst = Union["Ast", None]


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
        from bisect import bisect_right  # loaded by the first position asked for (errors, $MyInvocation)
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

class ScriptBlockAst(Ast):
    """A script, function body or ``{ }`` literal.  A block without named
    blocks has its statements in ``end_block`` (``process_block`` when
    ``is_filter``), with ``NamedBlockAst.unnamed`` True.  ``using_statements``
    is a UsingStatementAst list (only a whole script has them) or None;
    ``script_requirements`` is what its ``#requires`` lines ask for
    (``requires.ScriptRequirements``, only on a whole script) or None."""

    __slots__ = ("param_block", "begin_block", "process_block", "end_block", "clean_block", "dynamicparam_block",
                 "is_filter", "using_statements", "script_requirements")
    _fields = ("param_block", "begin_block", "process_block", "end_block", "clean_block", "dynamicparam_block",
               "is_filter", "using_statements", "script_requirements")

    def __init__(self, extent: Extent, param_block: Any = None, begin_block: Any = None, process_block: Any = None,
                 end_block: Any = None, clean_block: Any = None, dynamicparam_block: Any = None, is_filter: Any = None,
                 using_statements: Any = None, script_requirements: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.param_block = param_block
        self.begin_block = begin_block
        self.process_block = process_block
        self.end_block = end_block
        self.clean_block = clean_block
        self.dynamicparam_block = dynamicparam_block
        self.is_filter = is_filter
        self.using_statements = using_statements
        self.script_requirements = script_requirements


class UsingStatementAst(StatementAst):
    """``using namespace System.Text`` at the top of a script: ``using_kind`` is
    'namespace', 'module', 'assembly' or 'type'; ``name`` the expression
    naming it (a bare word or string, or a hashtable for a module spec);
    ``alias`` is None."""

    __slots__ = ("using_kind", "name", "alias")
    _fields = ("using_kind", "name", "alias")

    def __init__(self, extent: Extent, using_kind: Any = None, name: Any = None, alias: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.using_kind = using_kind
        self.name = name
        self.alias = alias


class NamedBlockAst(Ast):
    """``begin``/``process``/``end``/``clean``/``dynamicparam``
    (``block_kind``); ``statements`` and ``traps`` are lists."""

    __slots__ = ("block_kind", "statements", "traps", "unnamed")
    _fields = ("block_kind", "statements", "traps", "unnamed")

    def __init__(self, extent: Extent, block_kind: Any = None, statements: Any = None, traps: Any = None,
                 unnamed: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.block_kind = block_kind
        self.statements = statements
        self.traps = traps
        self.unnamed = unnamed


class ParamBlockAst(Ast):
    """``[CmdletBinding()] param(...)``: attribute list (AttributeAst) and
    ParameterAst list."""

    __slots__ = ("attributes", "parameters")
    _fields = ("attributes", "parameters")

    def __init__(self, extent: Extent, attributes: Any = None, parameters: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.attributes = attributes
        self.parameters = parameters


class ParameterAst(Ast):
    """``name`` is a VariableExpressionAst; ``attributes`` mixes AttributeAst
    and TypeConstraintAst in source order; ``default_value`` an
    ExpressionAst or None."""

    __slots__ = ("name", "attributes", "default_value")
    _fields = ("name", "attributes", "default_value")

    def __init__(self, extent: Extent, name: Any = None, attributes: Any = None, default_value: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.name = name
        self.attributes = attributes
        self.default_value = default_value


class AttributeAst(Ast):
    """``[Parameter(Mandatory, Position=0)]``: TypeName, ExpressionAst list,
    NamedAttributeArgumentAst list."""

    __slots__ = ("type_name", "positional_arguments", "named_arguments")
    _fields = ("type_name", "positional_arguments", "named_arguments")

    def __init__(self, extent: Extent, type_name: Any = None, positional_arguments: Any = None,
                 named_arguments: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.type_name = type_name
        self.positional_arguments = positional_arguments
        self.named_arguments = named_arguments


class NamedAttributeArgumentAst(Ast):
    """``Mandatory`` (omitted expression, meaning $true) or ``Position=0``."""

    __slots__ = ("argument_name", "argument", "expression_omitted")
    _fields = ("argument_name", "argument", "expression_omitted")

    def __init__(self, extent: Extent, argument_name: Any = None, argument: Any = None,
                 expression_omitted: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.argument_name = argument_name
        self.argument = argument
        self.expression_omitted = expression_omitted


class TypeConstraintAst(Ast):
    """``[int]`` used as a constraint on a parameter, cast target or catch type."""

    __slots__ = ("type_name",)
    _fields = ("type_name",)

    def __init__(self, extent: Extent, type_name: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.type_name = type_name


# --- statements ---------------------------------------------------------------

class StatementBlockAst(Ast):
    """A ``{ }`` body of if/loops/try: statements and traps lists."""

    __slots__ = ("statements", "traps")
    _fields = ("statements", "traps")

    def __init__(self, extent: Extent, statements: Any = None, traps: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.statements = statements
        self.traps = traps


class PipelineAst(PipelineBaseAst):
    """One or more CommandBaseAst joined by ``|``.  A lone expression is a
    PipelineAst holding one CommandExpressionAst."""

    __slots__ = ("pipeline_elements", "background")
    _fields = ("pipeline_elements", "background")

    def __init__(self, extent: Extent, pipeline_elements: Any = None, background: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.pipeline_elements = pipeline_elements
        self.background = background


class PipelineChainAst(PipelineBaseAst):
    """``left && right`` / ``left || right``; ``left`` may itself be a chain,
    ``right`` is a PipelineAst; ``operator`` is ``'&&'`` or ``'||'``."""

    __slots__ = ("left", "right", "operator", "background")
    _fields = ("left", "right", "operator", "background")

    def __init__(self, extent: Extent, left: Any = None, right: Any = None, operator: Any = None,
                 background: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.left = left
        self.right = right
        self.operator = operator
        self.background = background


class AssignmentStatementAst(PipelineBaseAst):
    """``left`` is the target expression (variable, member, index, cast of a
    variable, or ArrayLiteralAst of targets for ``$a, $b = ...``);
    ``operator`` one of ``= += -= *= /= %= ??=``; ``right`` a StatementAst."""

    __slots__ = ("left", "operator", "right")
    _fields = ("left", "operator", "right")

    def __init__(self, extent: Extent, left: Any = None, operator: Any = None, right: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.left = left
        self.operator = operator
        self.right = right


class IfStatementAst(StatementAst):
    """``clauses`` is a list of ``(condition PipelineBaseAst, StatementBlockAst)``."""

    __slots__ = ("clauses", "else_clause")
    _fields = ("clauses", "else_clause")

    def __init__(self, extent: Extent, clauses: Any = None, else_clause: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.clauses = clauses
        self.else_clause = else_clause


class SwitchStatementAst(StatementAst):
    """``flags`` is a frozenset of lower-case names from {'regex', 'wildcard',
    'exact', 'casesensitive', 'file', 'parallel'}; with 'file' the condition
    is the path expression.  ``clauses`` is a list of
    ``(ExpressionAst, StatementBlockAst)``; ``default`` a StatementBlockAst or
    None."""

    __slots__ = ("label", "condition", "flags", "clauses", "default")
    _fields = ("label", "condition", "flags", "clauses", "default")

    def __init__(self, extent: Extent, label: Any = None, condition: Any = None, flags: Any = None,
                 clauses: Any = None, default: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.label = label
        self.condition = condition
        self.flags = flags
        self.clauses = clauses
        self.default = default


class ForEachStatementAst(LoopStatementAst):
    """``foreach ($variable in condition) body``; flags as for switch
    ({'parallel'}), ``throttle_limit`` an ExpressionAst or None."""

    __slots__ = ("label", "variable", "condition", "body", "flags", "throttle_limit")
    _fields = ("label", "variable", "condition", "body", "flags", "throttle_limit")

    def __init__(self, extent: Extent, label: Any = None, variable: Any = None, condition: Any = None,
                 body: Any = None, flags: Any = None, throttle_limit: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.label = label
        self.variable = variable
        self.condition = condition
        self.body = body
        self.flags = flags
        self.throttle_limit = throttle_limit


class ForStatementAst(LoopStatementAst):
    """Each of initializer/condition/iterator is a PipelineBaseAst or None."""

    __slots__ = ("label", "initializer", "condition", "iterator", "body")
    _fields = ("label", "initializer", "condition", "iterator", "body")

    def __init__(self, extent: Extent, label: Any = None, initializer: Any = None, condition: Any = None,
                 iterator: Any = None, body: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.label = label
        self.initializer = initializer
        self.condition = condition
        self.iterator = iterator
        self.body = body


class WhileStatementAst(LoopStatementAst):
    __slots__ = ("label", "condition", "body")
    _fields = ("label", "condition", "body")

    def __init__(self, extent: Extent, label: Any = None, condition: Any = None, body: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.label = label
        self.condition = condition
        self.body = body


class DoWhileStatementAst(LoopStatementAst):
    __slots__ = ("label", "condition", "body")
    _fields = ("label", "condition", "body")

    def __init__(self, extent: Extent, label: Any = None, condition: Any = None, body: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.label = label
        self.condition = condition
        self.body = body


class DoUntilStatementAst(LoopStatementAst):
    __slots__ = ("label", "condition", "body")
    _fields = ("label", "condition", "body")

    def __init__(self, extent: Extent, label: Any = None, condition: Any = None, body: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.label = label
        self.condition = condition
        self.body = body


class BreakStatementAst(StatementAst):
    """``label`` is an ExpressionAst (a bare word becomes a
    StringConstantExpressionAst) or None."""

    __slots__ = ("label",)
    _fields = ("label",)

    def __init__(self, extent: Extent, label: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.label = label


class ContinueStatementAst(StatementAst):
    __slots__ = ("label",)
    _fields = ("label",)

    def __init__(self, extent: Extent, label: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.label = label


class ReturnStatementAst(StatementAst):
    __slots__ = ("pipeline",)
    _fields = ("pipeline",)

    def __init__(self, extent: Extent, pipeline: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.pipeline = pipeline


class ExitStatementAst(StatementAst):
    __slots__ = ("pipeline",)
    _fields = ("pipeline",)

    def __init__(self, extent: Extent, pipeline: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.pipeline = pipeline


class ThrowStatementAst(StatementAst):
    __slots__ = ("pipeline",)
    _fields = ("pipeline",)

    def __init__(self, extent: Extent, pipeline: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.pipeline = pipeline


class TryStatementAst(StatementAst):
    """``body`` StatementBlockAst; CatchClauseAst list; ``finally_`` or None."""

    __slots__ = ("body", "catch_clauses", "finally_")
    _fields = ("body", "catch_clauses", "finally_")

    def __init__(self, extent: Extent, body: Any = None, catch_clauses: Any = None, finally_: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.body = body
        self.catch_clauses = catch_clauses
        self.finally_ = finally_


class CatchClauseAst(Ast):
    """``catch_types`` is a TypeConstraintAst list, empty for catch-all."""

    __slots__ = ("catch_types", "body")
    _fields = ("catch_types", "body")

    def __init__(self, extent: Extent, catch_types: Any = None, body: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.catch_types = catch_types
        self.body = body


class TrapStatementAst(StatementAst):
    """``trap_type`` is a TypeConstraintAst or None; ``body`` StatementBlockAst."""

    __slots__ = ("trap_type", "body")
    _fields = ("trap_type", "body")

    def __init__(self, extent: Extent, trap_type: Any = None, body: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.trap_type = trap_type
        self.body = body


class TypeDefinitionAst(StatementAst):
    """``enum Name : base { ... }`` or ``class Name : Base, IFace { ... }``:
    ``attributes`` the AttributeAst list written before the keyword,
    ``base_types`` TypeConstraintAst nodes, ``members`` PropertyMemberAst
    (and, for a class, FunctionMemberAst) nodes, ``type_attributes``
    ``'Enum'`` or ``'Class'``.  ``defined_type`` is set by the runtime once it
    has defined the type (as pwsh's definer records it on the node), so each
    definition is made once."""

    __slots__ = ("name", "attributes", "base_types", "members", "type_attributes", "defined_type")
    _fields = ("name", "attributes", "base_types", "members", "type_attributes", "defined_type")

    def __init__(self, extent: Extent, name: Any = None, attributes: Any = None, base_types: Any = None,
                 members: Any = None, type_attributes: Any = None, defined_type: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.name = name
        self.attributes = attributes
        self.base_types = base_types
        self.members = members
        self.type_attributes = type_attributes
        self.defined_type = defined_type


class PropertyMemberAst(Ast):
    """One member of a type definition: an enumerator of an enum, or a
    class property (``static hidden [int] $Count = 1``): its name, its
    TypeConstraintAst (None when untyped), its AttributeAst list and the
    ``initial_value`` expression written after ``=`` (None when absent)."""

    __slots__ = ("name", "property_type", "attributes", "initial_value", "is_static", "is_hidden")
    _fields = ("name", "property_type", "attributes", "initial_value", "is_static", "is_hidden")

    def __init__(self, extent: Extent, name: Any = None, property_type: Any = None, attributes: Any = None,
                 initial_value: Any = None, is_static: Any = None, is_hidden: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.name = name
        self.property_type = property_type
        self.attributes = attributes
        self.initial_value = initial_value
        self.is_static = is_static
        self.is_hidden = is_hidden


class FunctionMemberAst(Ast):
    """A class method or constructor: ``static hidden [int] Name([int]$a) { }``.
    ``return_type`` is a TypeConstraintAst or None; ``parameters`` the
    ParameterAst list; ``body`` a ScriptBlockAst (a constructor's starts with
    its BaseCtorInvokeMemberExpressionAst statement, as pwsh's does);
    ``is_constructor`` when the name is the class's (an instance or a static
    constructor); ``name_extent`` the Extent of the name."""

    __slots__ = ("name", "attributes", "return_type", "parameters", "body", "is_static", "is_hidden", "is_constructor",
                 "name_extent")
    _fields = ("name", "attributes", "return_type", "parameters", "body", "is_static", "is_hidden", "is_constructor",
               "name_extent")

    def __init__(self, extent: Extent, name: Any = None, attributes: Any = None, return_type: Any = None,
                 parameters: Any = None, body: Any = None, is_static: Any = None, is_hidden: Any = None,
                 is_constructor: Any = None, name_extent: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.name = name
        self.attributes = attributes
        self.return_type = return_type
        self.parameters = parameters
        self.body = body
        self.is_static = is_static
        self.is_hidden = is_hidden
        self.is_constructor = is_constructor
        self.name_extent = name_extent


class BaseExpressionAst(ExpressionAst):
    """The ``base`` keyword of a constructor's ``: base(...)`` call."""

    __slots__ = ()

    def __init__(self, extent: Extent) -> None:
        self.extent = extent
        self.parent = None


class FunctionDefinitionAst(StatementAst):
    """``function name($a, $b) { }``: ``parameters`` is the ParameterAst list
    written after the name (None when absent); ``body`` a ScriptBlockAst."""

    __slots__ = ("name", "is_filter", "parameters", "body")
    _fields = ("name", "is_filter", "parameters", "body")

    def __init__(self, extent: Extent, name: Any = None, is_filter: Any = None, parameters: Any = None,
                 body: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.name = name
        self.is_filter = is_filter
        self.parameters = parameters
        self.body = body


class DataStatementAst(StatementAst):
    """``data [name] [-SupportedCommand cmd1, cmd2] { }``; ``variable`` a name
    or None; ``commands_allowed`` the ExpressionAst list naming the extra
    commands (empty without ``-SupportedCommand``)."""

    __slots__ = ("variable", "body", "commands_allowed")
    _fields = ("variable", "body", "commands_allowed")

    def __init__(self, extent: Extent, variable: Any = None, body: Any = None, commands_allowed: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.variable = variable
        self.body = body
        self.commands_allowed = commands_allowed


# --- commands -----------------------------------------------------------------

class CommandAst(CommandBaseAst):
    """``command_elements[0]`` names the command (a bare word, string or
    expression); the rest are arguments: ExpressionAst, CommandParameterAst,
    EndOfParametersAst or VerbatimArgumentAst.  ``invocation_operator`` is
    None, ``'&'`` or ``'.'``."""

    __slots__ = ("command_elements", "invocation_operator", "redirections")
    _fields = ("command_elements", "invocation_operator", "redirections")

    def __init__(self, extent: Extent, command_elements: Any = None, invocation_operator: Any = None,
                 redirections: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.command_elements = command_elements
        self.invocation_operator = invocation_operator
        self.redirections = redirections


class CommandExpressionAst(CommandBaseAst):
    """An expression used as a pipeline element."""

    __slots__ = ("expression", "redirections")
    _fields = ("expression", "redirections")

    def __init__(self, extent: Extent, expression: Any = None, redirections: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.expression = expression
        self.redirections = redirections


class CommandParameterAst(CommandElementAst):
    """``-Name`` (``argument`` None) or ``-Name:value`` (``argument`` set).
    ``parameter_name`` has no dash."""

    __slots__ = ("parameter_name", "argument")
    _fields = ("parameter_name", "argument")

    def __init__(self, extent: Extent, parameter_name: Any = None, argument: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.parameter_name = parameter_name
        self.argument = argument


class EndOfParametersAst(CommandElementAst):
    """An unquoted ``--``: later ``-x`` words are plain arguments.  Native
    commands receive ``--`` itself; cmdlets and functions do not."""

    __slots__ = ()

    def __init__(self, extent: Extent) -> None:
        self.extent = extent
        self.parent = None


class VerbatimArgumentAst(CommandElementAst):
    """The rest of the line after ``--%``, passed to native commands as is."""

    __slots__ = ("text",)
    _fields = ("text",)

    def __init__(self, extent: Extent, text: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.text = text


class FileRedirectionAst(RedirectionAst):
    """``n> path`` / ``n>> path``; ``from_stream`` is one of 'output',
    'error', 'warning', 'verbose', 'debug', 'information', 'all'."""

    __slots__ = ("from_stream", "location", "append")
    _fields = ("from_stream", "location", "append")

    def __init__(self, extent: Extent, from_stream: Any = None, location: Any = None, append: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.from_stream = from_stream
        self.location = location
        self.append = append


class MergingRedirectionAst(RedirectionAst):
    """``2>&1`` and friends; ``to_stream`` is always 'output' in pwsh 7."""

    __slots__ = ("from_stream", "to_stream")
    _fields = ("from_stream", "to_stream")

    def __init__(self, extent: Extent, from_stream: Any = None, to_stream: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.from_stream = from_stream
        self.to_stream = to_stream


# --- expressions --------------------------------------------------------------

class BinaryExpressionAst(ExpressionAst):
    __slots__ = ("operator", "left", "right")
    _fields = ("operator", "left", "right")

    def __init__(self, extent: Extent, operator: Any = None, left: Any = None, right: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.operator = operator
        self.left = left
        self.right = right


class UnaryExpressionAst(ExpressionAst):
    __slots__ = ("operator", "child", "postfix")
    _fields = ("operator", "child", "postfix")

    def __init__(self, extent: Extent, operator: Any = None, child: Any = None, postfix: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.operator = operator
        self.child = child
        self.postfix = postfix


class TernaryExpressionAst(ExpressionAst):
    __slots__ = ("condition", "if_true", "if_false")
    _fields = ("condition", "if_true", "if_false")

    def __init__(self, extent: Extent, condition: Any = None, if_true: Any = None, if_false: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.condition = condition
        self.if_true = if_true
        self.if_false = if_false


class ConvertExpressionAst(ExpressionAst):
    """``[type]child``; ``type`` is a TypeConstraintAst."""

    __slots__ = ("type", "child")
    _fields = ("type", "child")

    def __init__(self, extent: Extent, type: Any = None, child: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.type = type
        self.child = child


class AttributedExpressionAst(ExpressionAst):
    """``[ValidateNotNull()]$x`` on an assignment target."""

    __slots__ = ("attribute", "child")
    _fields = ("attribute", "child")

    def __init__(self, extent: Extent, attribute: Any = None, child: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.attribute = attribute
        self.child = child


class TypeExpressionAst(ExpressionAst):
    """A bare type literal ``[int]`` used as a value (for ``::`` access, ``-is``)."""

    __slots__ = ("type_name",)
    _fields = ("type_name",)

    def __init__(self, extent: Extent, type_name: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.type_name = type_name


class MemberExpressionAst(ExpressionAst):
    """``expr.member`` / ``[t]::member`` / ``expr?.member``; ``member`` is a
    StringConstantExpressionAst for a plain name, else any expression
    (``$x.$name``, ``$x.($n)``)."""

    __slots__ = ("expression", "member", "static", "null_conditional")
    _fields = ("expression", "member", "static", "null_conditional")

    def __init__(self, extent: Extent, expression: Any = None, member: Any = None, static: Any = None,
                 null_conditional: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.expression = expression
        self.member = member
        self.static = static
        self.null_conditional = null_conditional


class InvokeMemberExpressionAst(ExpressionAst):
    """``expr.Method(args)``; ``arguments`` is an ExpressionAst list;
    ``generic_type_arguments`` the TypeNames of ``expr.Method[T1,T2](args)``
    (None for a plain call)."""

    __slots__ = ("expression", "member", "arguments", "static", "null_conditional", "generic_type_arguments")
    _fields = ("expression", "member", "arguments", "static", "null_conditional", "generic_type_arguments")

    def __init__(self, extent: Extent, expression: Any = None, member: Any = None, arguments: Any = None,
                 static: Any = None, null_conditional: Any = None, generic_type_arguments: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.expression = expression
        self.member = member
        self.arguments = arguments
        self.static = static
        self.null_conditional = null_conditional
        self.generic_type_arguments = generic_type_arguments


class BaseCtorInvokeMemberExpressionAst(InvokeMemberExpressionAst):
    """A constructor's call of its base class's constructor, ``: base(args)``:
    ``expression`` a BaseExpressionAst, ``member`` the name ``.ctor``.  A
    constructor without one gets an implicit call with no arguments and an
    empty extent, as in pwsh."""

    __slots__ = ()
    _fields = InvokeMemberExpressionAst._fields

    def __init__(self, extent: Extent, expression: Any = None, member: Any = None, arguments: Any = None,
                 static: Any = None, null_conditional: Any = None, generic_type_arguments: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.expression = expression
        self.member = member
        self.arguments = arguments
        self.static = static
        self.null_conditional = null_conditional
        self.generic_type_arguments = generic_type_arguments


class IndexExpressionAst(ExpressionAst):
    __slots__ = ("target", "index", "null_conditional")
    _fields = ("target", "index", "null_conditional")

    def __init__(self, extent: Extent, target: Any = None, index: Any = None, null_conditional: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.target = target
        self.index = index
        self.null_conditional = null_conditional


class VariableExpressionAst(ExpressionAst):
    """``$name`` / ``@name`` (splatted) / ``${name}`` (braced)."""

    __slots__ = ("name", "splatted", "braced")
    _fields = ("name", "splatted", "braced")

    def __init__(self, extent: Extent, name: Any = None, splatted: Any = None, braced: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.name = name
        self.splatted = splatted
        self.braced = braced


class UsingExpressionAst(ExpressionAst):
    """``$using:name``; ``sub_expression`` the VariableExpressionAst (name
    without the ``using:`` prefix)."""

    __slots__ = ("sub_expression",)
    _fields = ("sub_expression",)

    def __init__(self, extent: Extent, sub_expression: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.sub_expression = sub_expression


class ConstantExpressionAst(ExpressionAst):
    """A numeric literal, already converted to its runtime value."""

    __slots__ = ("value",)
    _fields = ("value",)

    def __init__(self, extent: Extent, value: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.value = value


class StringConstantExpressionAst(ConstantExpressionAst):
    """``value`` is the final string (escapes processed).  ``string_kind`` is
    'bareword', 'single', 'double', 'single_here' or 'double_here'."""

    __slots__ = ("string_kind",)
    _fields = ("value", "string_kind")

    def __init__(self, extent: Extent, value: Any = None, string_kind: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.value = value
        self.string_kind = string_kind


class ExpandableStringExpressionAst(ExpressionAst):
    """``"text $x $(...)"``: ``value`` is the raw text between the quotes;
    ``parts`` a list alternating literal ``str`` (escapes processed) and
    ExpressionAst for each expansion, in order."""

    __slots__ = ("value", "string_kind", "parts")
    _fields = ("value", "string_kind", "parts")

    def __init__(self, extent: Extent, value: Any = None, string_kind: Any = None, parts: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.value = value
        self.string_kind = string_kind
        self.parts = parts


class ArrayLiteralAst(ExpressionAst):
    "``a, b, c``."

    __slots__ = ("elements",)
    _fields = ("elements",)

    def __init__(self, extent: Extent, elements: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.elements = elements


class ArrayExpressionAst(ExpressionAst):
    """``@( )``; ``sub_expression`` a StatementBlockAst."""

    __slots__ = ("sub_expression",)
    _fields = ("sub_expression",)

    def __init__(self, extent: Extent, sub_expression: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.sub_expression = sub_expression


class SubExpressionAst(ExpressionAst):
    """``$( )``; ``sub_expression`` a StatementBlockAst."""

    __slots__ = ("sub_expression",)
    _fields = ("sub_expression",)

    def __init__(self, extent: Extent, sub_expression: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.sub_expression = sub_expression


class ParenExpressionAst(ExpressionAst):
    """``( )`` holding one PipelineBaseAst (an assignment is allowed)."""

    __slots__ = ("pipeline",)
    _fields = ("pipeline",)

    def __init__(self, extent: Extent, pipeline: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.pipeline = pipeline


class HashtableAst(ExpressionAst):
    """``@{ k = v }``: list of ``(key ExpressionAst, value StatementAst)``.
    ``[ordered]@{}`` is a ConvertExpressionAst around it."""

    __slots__ = ("pairs",)
    _fields = ("pairs",)

    def __init__(self, extent: Extent, pairs: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.pairs = pairs


class ScriptBlockExpressionAst(ExpressionAst):
    __slots__ = ("script_block",)
    _fields = ("script_block",)

    def __init__(self, extent: Extent, script_block: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.script_block = script_block


# --- error recovery -------------------------------------------------------------

class ErrorStatementAst(PipelineBaseAst):
    """Stands where a statement could not be parsed; ``nested`` holds any
    partial nodes.  Only present when the parse reported errors."""

    __slots__ = ("nested",)
    _fields = ("nested",)

    def __init__(self, extent: Extent, nested: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.nested = nested


class ErrorExpressionAst(ExpressionAst):
    __slots__ = ("nested",)
    _fields = ("nested",)

    def __init__(self, extent: Extent, nested: Any = None) -> None:
        self.extent = extent
        self.parent = None
        self.nested = nested
