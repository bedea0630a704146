"""Reading ``.psd1`` module manifests.

A manifest is one hashtable literal in PowerShell's restricted language:
strings, numbers, arrays, nested hashtables, ``$true``/``$false``/``$null``
and ``$PSScriptRoot``.  Anything else (commands, other variables,
expressions) makes the file invalid, as it does for pwsh, so reading a
manifest never runs code.
"""

from __future__ import annotations

import os

from pwshlike.runtime.compile_expressions import literal_value
from pwshlike.dotnet.errors import DotNetException, ErrorCategory, ErrorRecord, InvalidOperationException
from pwshlike.dotnet.values import Hashtable

from .errors import ModuleError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def invalid_manifest(path: str, detail: str) -> ModuleError:
    exc = InvalidOperationException(
        f"The module manifest '{path}' could not be processed because it is not a valid PowerShell module "
        f"manifest file. Remove the elements that are not permitted: {detail}")
    return ModuleError(ErrorRecord(exc, "Modules_InvalidManifest", ErrorCategory.ResourceUnavailable, path))


class _Restricted:
    """Evaluates the AST nodes the restricted language allows."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.root = os.path.dirname(path)

    def fail(self, node: Any) -> ModuleError:
        return invalid_manifest(self.path, f"{node.extent.text[:60]}")

    def value(self, node: Any) -> Any:
        kind = type(node).__name__
        if kind in ("StringConstantExpressionAst", "ConstantExpressionAst"):
            return literal_value(node.value)
        if kind == "ExpandableStringExpressionAst":
            return "".join(p if isinstance(p, str) else str(self.value(p)) for p in node.parts)
        if kind == "VariableExpressionAst":
            name = node.name.lower()
            if name in ("true", "false", "null"):
                return {"true": True, "false": False, "null": None}[name]
            if name == "psscriptroot":
                return self.root
            raise self.fail(node)
        if kind == "ArrayLiteralAst":
            return [self.value(e) for e in node.elements]
        if kind == "ArrayExpressionAst":
            items: list[Any] = []
            for statement in node.sub_expression.statements:
                value = self.statement(statement)
                items.extend(value if isinstance(value, list) else [value])
            return items
        if kind == "ParenExpressionAst":
            return self.statement(node.pipeline)
        if kind == "HashtableAst":
            table = Hashtable()
            for key, value in node.pairs:
                table[self.value(key)] = self.statement(value)
            return table
        if kind == "UnaryExpressionAst" and node.operator in ("-", "+") and not node.postfix:
            number = self.value(node.child)
            if isinstance(number, (int, float)) and not isinstance(number, bool):
                return -number if node.operator == "-" else number
        raise self.fail(node)

    def statement(self, node: Any) -> Any:
        if type(node).__name__ == "PipelineAst" and len(node.pipeline_elements) == 1:
            element = node.pipeline_elements[0]
            if type(element).__name__ == "CommandExpressionAst" and not element.redirections:
                return self.value(element.expression)
        if type(node).__name__ in ("ArrayLiteralAst", "HashtableAst", "StringConstantExpressionAst",
                                   "ConstantExpressionAst", "VariableExpressionAst"):
            return self.value(node)
        raise self.fail(node)


def read_manifest(path: str) -> Hashtable:
    """The manifest's hashtable (case-insensitive keys)."""
    from pwshlike.dotnet.errors import ParseException
    from pwshlike.language import parse_input
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except OSError as exc:
        from pwshlike.dotnet.errors import FileNotFoundException
        error = FileNotFoundException(f"Could not find file '{path}'.")
        raise ModuleError(ErrorRecord(error, "Modules_ModuleNotFound", ErrorCategory.ResourceUnavailable,
                                        path)) from exc
    ast, _tokens, errors = parse_input(text, path)
    if errors:
        raise ModuleError(ParseException(errors=errors).error_record)
    statements = list(ast.end_block.statements) if ast.end_block is not None else []
    if ast.param_block is not None or ast.begin_block is not None or ast.process_block is not None \
            or len(statements) != 1:
        raise invalid_manifest(path, "the file must contain exactly one hashtable")
    table = _Restricted(path).statement(statements[0])
    if not isinstance(table, Hashtable):
        raise invalid_manifest(path, "the file must contain exactly one hashtable")
    return table


def string_list(value: Any) -> list[str]:
    """A manifest field that may be a string or an array of strings."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    return [str(value)]


def manifest_version(path: str, table: Hashtable) -> Any:
    """ModuleVersion as a Version; a missing or malformed one is pwsh's error."""
    from .model import parse_version
    text = table.get("ModuleVersion")
    if text is None:
        exc = InvalidOperationException(
            f"The member 'ModuleVersion' is not present in the module manifest. This member must exist and be "
            f"assigned a version number of the form 'n.n.n.n'. Add the missing member to the file '{path}'.")
        raise ModuleError(ErrorRecord(exc, "Modules_InvalidManifest", ErrorCategory.ResourceUnavailable, path))
    try:
        return parse_version(str(text))
    except (DotNetException, ValueError) as exc:
        raise ModuleError(ErrorRecord(
            InvalidOperationException(f"The 'ModuleVersion' member is not valid in the module manifest file "
                                      f"'{path}': {getattr(exc, 'message', exc)}"),
            "Modules_InvalidManifest", ErrorCategory.ResourceUnavailable, path)) from None
