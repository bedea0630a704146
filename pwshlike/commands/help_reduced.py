"""The help pwsh generates for a function or script that has no help comment.

pwsh builds it from the command's metadata (DefaultCommandHelpObjectBuilder)
and shows it through the "Reduced" views of HelpV3.format.ps1xml: NAME,
SYNTAX (the Get-Command syntax), PARAMETERS (in -Detailed/-Full), INPUTS and
OUTPUTS (in -Full), ALIASES and REMARKS.  Positions are the parameter's
(explicit or the automatic ones pwsh's compiler gives), ``Named`` when none.
"""

from __future__ import annotations

from typing import Any

from .help import pipeline_input_types
from .help_maml_render import common_parameters_lines
from .metadata import ALL_PARAMETER_SETS, CommandMetadata, ParameterMetadata
from .syntax import syntax_lines, type_display


def _parameter_header(p: ParameterMetadata) -> str:
    return f"    -{p.name}" if p.is_switch else f"    -{p.name} <{type_display(p.type_name)}>"


def _facts(p: ParameterMetadata) -> list[tuple[str, str]]:
    specs = list(p.sets.values())
    first = p.sets.get(ALL_PARAMETER_SETS) or specs[0]
    kinds = [kind for kind, on in (("ByValue", first.value_from_pipeline),
                                   ("ByPropertyName", first.value_from_pipeline_by_property_name),
                                   ("FromRemainingArguments", first.value_from_remaining_arguments)) if on]
    sets = "(All)" if ALL_PARAMETER_SETS in p.sets else ", ".join(p.sets)
    return [("Required?                    ", "true" if first.mandatory else "false"),
            ("Position?                    ", "Named" if first.position is None else str(first.position)),
            ("Accept pipeline input?       ", f"true ({', '.join(kinds)})" if kinds else "false"),
            ("Parameter set name           ", sets),
            ("Aliases                      ", ", ".join(p.aliases) or "None"),
            ("Dynamic?                     ", "false"),
            ("Accept wildcard characters?  ", "true" if p.supports_wildcards else "false")]


def render_reduced(name: str, metadata: CommandMetadata, aliases: list[str], view: str = "default") -> list[str]:
    """The console text of a script command's generated help as lines."""
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
                lines += [f"        {label}{value}" for label, value in _facts(p)] + [""]
        if metadata.is_advanced:
            lines += common_parameters_lines()
        elif not shown:
            lines += ["    None", ""]
        lines.append("")
    if view == "full":
        lines += ["INPUTS", *[f"    {i}" for i in pipeline_input_types(metadata) or ["None"]], "", "",
                  "OUTPUTS", *[f"    {o}" for o in (metadata.output_types or ["System.Object"])], ""]
    lines += ["ALIASES", *[f"    {a}" for a in aliases or ["None"]], "", "", "REMARKS", "    None", ""]
    return lines


def aliases_of(context: Any, name: str) -> list[str]:
    """The aliases that stand for ``name`` in the caller's scope."""
    aliases = context.session.visible_aliases(context.scope)
    return sorted(alias for alias, target in aliases.items() if str(target).lower() == name.lower())
