"""The help pwsh generates for a function or script that has no help comment.

pwsh builds it from the command's metadata (DefaultCommandHelpObjectBuilder)
and shows it through the "Reduced" views of HelpV3.format.ps1xml: NAME,
SYNTAX (the Get-Command syntax), PARAMETERS (in -Detailed/-Full), INPUTS and
OUTPUTS (in -Full), ALIASES and REMARKS.  The parameter facts come from each
parameter's ``[Parameter()]`` attribute, so a position not written in one
shows as ``Named``.
"""

from __future__ import annotations

from typing import Any

from .help_maml_render import common_parameters_lines
from .metadata import ALL_PARAMETER_SETS, CommandMetadata, ParameterMetadata
from .syntax import syntax_lines, type_display


def _parameter_header(p: ParameterMetadata) -> str:
    return f"    -{p.name}" if p.is_switch else f"    -{p.name} <{type_display(p.type_name)}>"


def _facts(p: ParameterMetadata, positioned: set[str]) -> list[tuple[str, str]]:
    specs = list(p.sets.values())
    first = p.sets.get(ALL_PARAMETER_SETS) or specs[0]
    kinds = [kind for kind, on in (("ByValue", first.value_from_pipeline),
                                   ("ByPropertyName", first.value_from_pipeline_by_property_name),
                                   ("FromRemainingArguments", first.value_from_remaining_arguments)) if on]
    sets = "(All)" if ALL_PARAMETER_SETS in p.sets else ", ".join(p.sets)
    return [("Required?                    ", "true" if first.mandatory else "false"),
            ("Position?                    ", str(first.position) if first.position is not None
             and p.name.lower() in positioned else "Named"),
            ("Accept pipeline input?       ", f"true ({', '.join(kinds)})" if kinds else "false"),
            ("Parameter set name           ", sets),
            ("Aliases                      ", ", ".join(p.aliases) or "None"),
            ("Dynamic?                     ", "false"),
            ("Accept wildcard characters?  ", "true" if p.supports_wildcards else "false")]


def input_types(metadata: CommandMetadata) -> list[str]:
    """The full names of the types of the parameters that take pipeline input, or None."""
    from pwshlike.dotnet.types import resolve_type
    names: list[str] = []
    for p in metadata.parameters.values():
        if any(s.value_from_pipeline or s.value_from_pipeline_by_property_name for s in p.sets.values()):
            try:
                name = resolve_type(p.type_name).full_name
            except Exception:  # a type name only for display: show it as written
                name = p.type_name
            if name not in names:
                names.append(name)
    return names or ["None"]


def render_reduced(name: str, metadata: CommandMetadata, aliases: list[str], positioned: set[str],
                   view: str = "default") -> list[str]:
    """The console text of a script command's generated help as lines
    (``positioned``: the parameters with an explicit Position)."""
    lines = ["", "NAME", f"    {name}", ""]
    if view == "examples":
        return lines
    lines.append("SYNTAX")
    for line in syntax_lines(name, metadata):
        lines += [f"    {line}", ""]
    lines.append("")
    shown = [p for p in metadata.parameters.values() if not p.is_common and not p.dont_show]
    if view in ("detailed", "full"):
        lines.append("PARAMETERS")
        for p in shown:
            lines += [_parameter_header(p), ""]
            if view == "full":
                lines += [f"        {label}{value}" for label, value in _facts(p, positioned)] + [""]
        if metadata.is_advanced:
            lines += common_parameters_lines()
        elif not shown:
            lines += ["    None", ""]
        lines.append("")
    if view == "full":
        lines += ["INPUTS", *[f"    {i}" for i in input_types(metadata)], "", "",
                  "OUTPUTS", *[f"    {o}" for o in (metadata.output_types or ["System.Object"])], ""]
    lines += ["ALIASES", *[f"    {a}" for a in aliases or ["None"]], "", "", "REMARKS", "    None", ""]
    return lines


def aliases_of(context: Any, name: str) -> list[str]:
    """The aliases that stand for ``name`` in the caller's scope."""
    aliases = context.session.visible_aliases(context.scope)
    return sorted(alias for alias, target in aliases.items() if str(target).lower() == name.lower())


def explicit_positions(node: Any) -> set[str]:
    """The parameters whose ``[Parameter()]`` attribute names a Position (the
    others show as Named, whatever position binding gives them)."""
    from pwshlike.language import ast as A
    if node is None:
        return set()
    if isinstance(node, A.FunctionDefinitionAst):
        parameters = node.parameters or (node.body.param_block.parameters if node.body.param_block else [])
    else:
        parameters = node.param_block.parameters if node.param_block is not None else []
    found = set()
    for parameter in parameters or ():
        for attr in parameter.attributes or ():
            if isinstance(attr, A.AttributeAst) and any(
                    n.argument_name.lower() == "position" for n in attr.named_arguments or ()):
                found.add(parameter.name.name.lower())
    return found
