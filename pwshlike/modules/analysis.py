"""What a ``.psm1`` exports, told from its text without running it (pwsh's
module analysis): the top-level functions, the aliases that top-level
``New-Alias``/``Set-Alias`` calls with literal arguments define, and the
literal ``-Function``/``-Alias`` arguments of ``Export-ModuleMember``.
Get-Command lists a module that is not imported from this, and
autoloading finds which module exports a command."""

from __future__ import annotations

from typing import Any, Optional

_ALIAS_COMMANDS = ("new-alias", "set-alias", "nal", "sal")
# New-Alias/Set-Alias parameters that take a value (the rest are switches).
_ALIAS_VALUED = ("name", "value", "description", "option", "scope")


class ScriptExports:
    """``functions`` and ``aliases`` (name -> target) defined at the top
    level; ``function_patterns``/``alias_patterns`` from Export-ModuleMember
    (None when it is never called: then everything is exported)."""

    __slots__ = ("functions", "aliases", "function_patterns", "alias_patterns")

    def __init__(self) -> None:
        self.functions: list[str] = []
        self.aliases: dict[str, str] = {}
        self.function_patterns: Optional[list[str]] = None
        self.alias_patterns: Optional[list[str]] = None


def analyze_script(path: str) -> ScriptExports:
    from pwshlike.language import parse_input
    exports = ScriptExports()
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except OSError:
        return exports
    ast = parse_input(text, path).ast
    for statement in (ast.end_block.statements if ast.end_block is not None else []):
        kind = type(statement).__name__
        if kind == "FunctionDefinitionAst":
            exports.functions.append(statement.name)
        elif kind == "PipelineAst" and len(statement.pipeline_elements) == 1:
            _command(statement.pipeline_elements[0], exports)
    return exports


def _command(command: Any, exports: ScriptExports) -> None:
    if type(command).__name__ != "CommandAst":
        return
    elements = command.command_elements
    head = elements[0] if elements else None
    if type(head).__name__ != "StringConstantExpressionAst":
        return
    name = head.value.lower()
    if name == "export-modulemember":
        found = _arguments(elements[1:], ("function", "alias", "cmdlet", "variable"), ("function",))
        exports.function_patterns = (exports.function_patterns or []) + found.get("function", [])
        exports.alias_patterns = (exports.alias_patterns or []) + found.get("alias", [])
    elif name in _ALIAS_COMMANDS:
        found = _arguments(elements[1:], _ALIAS_VALUED, ("name", "value"))
        names, targets = found.get("name", []), found.get("value", [])
        if len(names) == 1 and len(targets) == 1 and "*" not in names + targets:
            exports.aliases[names[0]] = targets[0]


def _arguments(elements: list, valued: tuple[str, ...], positional: tuple[str, ...]) -> dict[str, list[str]]:
    """The literal values of each valued parameter (by the shortest unique
    prefix, as the binder takes it), positional arguments in order; a value
    that is not a literal reads as ``*``."""
    found: dict[str, list[str]] = {}
    expecting: Optional[str] = None
    next_position = 0
    for element in elements:
        if type(element).__name__ == "CommandParameterAst":
            typed = element.parameter_name.lower()
            matches = [v for v in valued if v.startswith(typed)]
            name = matches[0] if len(matches) == 1 else None
            if element.argument is not None:
                if name is not None:
                    found.setdefault(name, []).extend(_literals(element.argument))
                expecting = None
            else:
                expecting = name  # None for a switch: the next element is positional
            continue
        if expecting is None and next_position < len(positional):
            expecting = positional[next_position]
            next_position += 1
        if expecting is not None:
            found.setdefault(expecting, []).extend(_literals(element))
        expecting = None
    return found


def _literals(node: Any) -> list[str]:
    kind = type(node).__name__
    if kind == "StringConstantExpressionAst":
        return [node.value]
    if kind == "ArrayLiteralAst":
        return [v for e in node.elements for v in _literals(e)]
    return ["*"]
