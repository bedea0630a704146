"""Syntax lines, one per parameter set, as ``Get-Command -Syntax`` prints them.

pwsh's CommandParameterSetInfo.GenerateParametersInDisplayOrder: positional
parameters by position, then mandatory named ones, then optional named
ones (declaration order within each group); ``-WhatIf``/``-Confirm`` for
ShouldProcess commands; then ``[<CommonParameters>]``.  Type names use
pwsh 7's short forms (``string``, ``pscredential``, ``switch`` is omitted).
"""

from __future__ import annotations

from typing import Optional

from .common import COMMON_NAMES
from .metadata import ALL_PARAMETER_SETS, CommandMetadata, ParameterMetadata, ParameterSetSpec

_SHOULD_PROCESS = ("WhatIf", "Confirm")

# pwsh 7.3+ prints accelerator names for these types.
_SHORT_TYPES = {
    "string": "string", "int32": "int", "int": "int", "int64": "long", "long": "long",
    "boolean": "bool", "bool": "bool", "double": "double", "object": "Object", "psobject": "psobject",
    "pscredential": "pscredential", "securestring": "securestring", "scriptblock": "scriptblock",
    "hashtable": "hashtable", "datetime": "datetime", "guid": "guid", "timespan": "timespan",
    "char": "char", "byte": "byte", "decimal": "decimal", "single": "float", "uri": "uri",
    "regex": "regex", "version": "version", "switchparameter": "switch",
}


def type_display(type_name: str) -> str:
    suffix = ""
    base = type_name
    while base.endswith("[]"):
        suffix += "[]"
        base = base[:-2]
    short = base.rsplit(".", 1)[-1]
    return _SHORT_TYPES.get(short.lower(), short) + suffix


def parameters_in_set(metadata: CommandMetadata, set_name: str) -> list[tuple[ParameterMetadata, ParameterSetSpec]]:
    result = []
    for p in metadata.parameters.values():
        spec = p.sets.get(set_name) or p.sets.get(ALL_PARAMETER_SETS)
        if spec is not None and not p.dont_show:
            result.append((p, spec))
    return result


def _format(p: ParameterMetadata, spec: ParameterSetSpec) -> str:
    if p.is_switch:
        return f"-{p.name}" if spec.mandatory else f"[-{p.name}]"
    type_text = type_display(p.type_name)
    if spec.mandatory:
        return f"[-{p.name}] <{type_text}>" if spec.position is not None else f"-{p.name} <{type_text}>"
    return f"[[-{p.name}] <{type_text}>]" if spec.position is not None else f"[-{p.name} <{type_text}>]"


def syntax_line(name: str, metadata: CommandMetadata, set_name: str) -> str:
    members = parameters_in_set(metadata, set_name)
    positional = sorted((m for m in members if m[1].position is not None and m[0].name not in COMMON_NAMES),
                        key=lambda m: m[1].position)
    named = [m for m in members if m[1].position is None and m[0].name not in COMMON_NAMES]
    ordered = positional + [m for m in named if m[1].mandatory] + [m for m in named if not m[1].mandatory]
    parts = [name] + [_format(p, spec) for p, spec in ordered]
    if metadata.supports_should_process:
        parts += [f"[-{n}]" for n in _SHOULD_PROCESS]
    if metadata.is_advanced:
        parts.append("[<CommonParameters>]")
    return " ".join(parts)


def syntax_by_set(name: str, metadata: CommandMetadata) -> list[tuple[str, str]]:
    """(set name, syntax line) pairs, the default set first as pwsh lists it."""
    sets = list(metadata.parameter_sets)
    default: Optional[str] = metadata.default_parameter_set
    if default in sets:
        sets.remove(default)
        sets.insert(0, default)
    return [(s, syntax_line(name, metadata, s)) for s in sets]


def syntax_lines(name: str, metadata: CommandMetadata) -> list[str]:
    """One line per parameter set, the default set first."""
    return [line for _set, line in syntax_by_set(name, metadata)]
