"""PowerShell's restricted language: what ``$sb.CheckRestrictedLanguage()``
(and data sections, manifests, localized data) accept.

The rules are pwsh's ``RestrictedLanguageChecker``: literals, arrays,
hashtables, the operators that cannot build unbounded values or run code,
casts to simple types, allowed variables and allowed commands.  Every node
of the block is checked and each construct it refuses is one ParseError
with pwsh's id and message, in source order.
"""

from __future__ import annotations

from . import ast as A
from .ast import Extent
from .errors import message, ParseError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Optional

# Always allowed (pwsh's s_defaultAllowedVariables), in the order its message lists them.
DEFAULT_VARIABLES = ("PSCulture", "PSUICulture", "true", "false", "null")

# Operators with pwsh's DisallowedInRestrictedMode flag: they build unbounded
# values (-join, -split, -replace, -f, ..), set $Matches or may run code (-as).
_DISALLOWED_OPERATORS = frozenset((
    "++", "--", "..", "-f", "-join", "-split", "-isplit", "-csplit", "-match", "-imatch", "-cmatch",
    "-notmatch", "-inotmatch", "-cnotmatch", "-replace", "-ireplace", "-creplace", "-as"))

# The types whose TypeCode is not Object (and arrays of them): casting to
# anything else could run a constructor or a conversion.
_SIMPLE_TYPES = frozenset((
    "dbnull", "bool", "boolean", "char", "sbyte", "byte", "short", "int16", "ushort", "uint16", "int", "int32",
    "uint", "uint32", "long", "int64", "ulong", "uint64", "single", "float", "double", "decimal", "datetime",
    "string"))

# Nodes refused whatever they hold, by class: the error id.
_REFUSED: dict[type, str] = {
    A.ScriptBlockAst: "ScriptBlockNotSupportedInDataSection",
    A.ScriptBlockExpressionAst: "ScriptBlockNotSupportedInDataSection",
    A.ParamBlockAst: "ParameterDeclarationNotSupportedInDataSection",
    A.AttributeAst: "AttributeNotSupportedInDataSection",
    A.AttributedExpressionAst: "AttributeNotSupportedInDataSection",
    A.FunctionDefinitionAst: "FunctionDeclarationNotSupportedInDataSection",
    A.TrapStatementAst: "TrapStatementNotSupportedInDataSection",
    A.SwitchStatementAst: "SwitchStatementNotSupportedInDataSection",
    A.DataStatementAst: "DataSectionStatementNotSupportedInDataSection",
    A.ForEachStatementAst: "ForeachStatementNotSupportedInDataSection",
    A.DoWhileStatementAst: "DoWhileStatementNotSupportedInDataSection",
    A.DoUntilStatementAst: "DoWhileStatementNotSupportedInDataSection",
    A.ForStatementAst: "ForWhileStatementNotSupportedInDataSection",
    A.WhileStatementAst: "ForWhileStatementNotSupportedInDataSection",
    A.TryStatementAst: "TryStatementNotSupportedInDataSection",
    A.BreakStatementAst: "FlowControlStatementNotSupportedInDataSection",
    A.ContinueStatementAst: "FlowControlStatementNotSupportedInDataSection",
    A.ReturnStatementAst: "FlowControlStatementNotSupportedInDataSection",
    A.ExitStatementAst: "FlowControlStatementNotSupportedInDataSection",
    A.ThrowStatementAst: "FlowControlStatementNotSupportedInDataSection",
    A.AssignmentStatementAst: "AssignmentStatementNotSupportedInDataSection",
    A.FileRedirectionAst: "RedirectionNotSupportedInDataSection",
    A.MergingRedirectionAst: "RedirectionNotSupportedInDataSection",
    A.MemberExpressionAst: "PropertyReferenceNotSupportedInDataSection",
    A.InvokeMemberExpressionAst: "MethodCallNotSupportedInDataSection",
    A.IndexExpressionAst: "ArrayReferenceNotSupportedInDataSection",
}


class RestrictedLanguageChecker:
    """One check: ``allowed_commands`` None allows any command;
    ``allowed_variables`` None allows the defaults, ``['*']`` any variable,
    else the defaults and those names; ``allow_environment`` lets ``$env:``
    through."""

    def __init__(self, allowed_commands: Optional[Iterable[str]], allowed_variables: Optional[Iterable[str]],
                 allow_environment: bool) -> None:
        self.allowed_commands = None if allowed_commands is None else {c.lower() for c in allowed_commands}
        names = None if allowed_variables is None else list(allowed_variables)
        self.all_variables = names == ["*"]
        self.variable_names = list(DEFAULT_VARIABLES) if names is None else \
            list(dict.fromkeys([*DEFAULT_VARIABLES, *names]))
        self.allowed_variables = {n.lower() for n in self.variable_names}
        self.default_variables = names is None
        self.allow_environment = allow_environment
        self.errors: list[ParseError] = []
        self._seen: set[tuple[str, int, int]] = set()
        self._rules: dict[type, Callable[[Any], None]] = {
            A.CommandAst: self._command, A.BinaryExpressionAst: self._operator,
            A.UnaryExpressionAst: self._operator, A.VariableExpressionAst: self._variable,
            A.TypeConstraintAst: self._type, A.TypeExpressionAst: self._type,
        }

    def check_script_block(self, body: A.ScriptBlockAst) -> list[ParseError]:
        """``ScriptBlock.CheckRestrictedLanguage``: only an end block's
        statements (and traps) may be there."""
        refused = body.begin_block or body.process_block or body.clean_block or body.param_block
        if refused is not None:
            self._report(refused.extent, "InvalidScriptBlockInDataSection")
        if body.end_block is not None:
            for node in [*(body.end_block.traps or ()), *body.end_block.statements]:
                self.check(node)
        return self.errors

    def check(self, root: A.Ast) -> None:
        for node in root.walk():
            cls = type(node)
            error_id = _REFUSED.get(cls)
            if error_id is not None:
                self._report(node.extent, error_id)
                continue
            rule = self._rules.get(cls)
            if rule is not None:
                rule(node)

    def _report(self, extent: Extent, error_id: str, *args: Any) -> None:
        key = (error_id, extent.start_offset, extent.end_offset)  # pwsh keeps one per id and extent
        if key not in self._seen:
            self._seen.add(key)
            self.errors.append(ParseError(error_id, message(error_id, args), extent))

    def _command(self, node: Any) -> None:
        if node.invocation_operator == ".":
            self._report(node.extent, "DotSourcingNotSupportedInDataSection")
            return
        if self.allowed_commands is None:
            return
        first = node.command_elements[0]
        name = first.value if isinstance(first, A.StringConstantExpressionAst) else None
        if name is None:
            if node.invocation_operator == "&":
                self._report(node.extent, "OperatorNotSupportedInDataSection", "&")
            else:
                self._report(node.extent, "CmdletNotInAllowedListForDataSection", node.extent.text)
        elif name.lower() not in self.allowed_commands:
            self._report(node.extent, "CmdletNotInAllowedListForDataSection", name)

    def _operator(self, node: Any) -> None:
        if node.operator in _DISALLOWED_OPERATORS:
            self._report(node.extent, "OperatorNotSupportedInDataSection", node.operator)

    def _variable(self, node: Any) -> None:
        name = node.name
        if self.all_variables or name.lower() in self.allowed_variables:
            return
        if self.allow_environment and name.lower().startswith("env:"):
            return
        shown = message("DefaultAllowedVariablesInDataSection", ()) if self.default_variables else \
            ", ".join("$" + n for n in self.variable_names)
        self._report(node.extent, "VariableReferenceNotSupportedInDataSection", shown)

    def _type(self, node: Any) -> None:
        type_name = node.type_name
        element = type_name.element_type if type_name.array_rank else type_name
        short = element.name.lower() if element is not None else ""
        short = short[7:] if short.startswith("system.") else short
        if element is None or element.generic_arguments or short not in _SIMPLE_TYPES:
            self._report(node.extent, "TypeNotAllowedInDataSection", type_name.full_name)
