"""Writes docs/cmdlets: one Markdown page per shipped cmdlet, from metadata.

Run ``python -m pwshlike.plugins.docgen [DIR]`` (default ``docs/cmdlets``)
after changing a cmdlet; a test fails while the committed pages are stale.
It lives in the plugin layer because it documents a whole session (every
shipped cmdlet, whichever layer implements it), built by
:func:`pwshlike.plugins.session.install`.
The sections follow the reference pages: Syntax, Description, Examples,
Parameters (Type, Default value, Aliases, Accepted values, Required,
Position, Pipeline input), Inputs, Outputs, Notes.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Optional

from pwshlike.commands.help import command_help, default_text
from pwshlike.commands.metadata import ALL_PARAMETER_SETS, CommandMetadata, ParameterMetadata
from pwshlike.commands.syntax import syntax_by_set, type_display

_COMMON = ("This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, "
           "-InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, "
           "-ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see "
           "about_CommonParameters.")


def _per_set(param: ParameterMetadata, metadata: CommandMetadata, field: str) -> str:
    """A per-set fact; when sets disagree, each value lists its sets."""
    values: dict[str, list[str]] = {}
    sets = metadata.parameter_sets if param.in_all_sets else list(param.sets)
    for set_name in sets:
        spec = param.spec_for(set_name)
        if spec is None:
            continue
        if field == "required":
            value = "True" if spec.mandatory else "False"
        else:
            value = "Named" if spec.position is None else str(spec.position)
        values.setdefault(value, []).append(set_name)
    if len(values) == 1 or all(s == ALL_PARAMETER_SETS for v in values.values() for s in v):
        return next(iter(values))
    return "; ".join(f"{value} ({', '.join(names)})" for value, names in values.items())


def _pipeline(param: ParameterMetadata) -> str:
    specs = param.sets.values()
    kinds = [k for k, on in (("ByValue", any(s.value_from_pipeline for s in specs)),
                             ("ByPropertyName", any(s.value_from_pipeline_by_property_name for s in specs))) if on]
    return f"True ({', '.join(kinds)})" if kinds else "False"


def page(info: Any, context: Any) -> str:
    """The Markdown page of one command."""
    help_info = command_help(info, context)
    metadata = help_info.metadata
    out = [f"# {info.name}", "", f"Module: {info.module_name or 'None'}", ""]
    if help_info.synopsis:
        out += [help_info.synopsis, ""]
    out += ["## Syntax", ""]
    for set_name, line in syntax_by_set(info.name, metadata):
        title = "Default" if set_name == ALL_PARAMETER_SETS else set_name
        if set_name == metadata.default_parameter_set:
            title += " (Default)"
        out += [f"### {title}", "", "```", line, "```", ""]
    out += ["## Description", "", help_info.description or help_info.synopsis or "None.", ""]
    out += ["## Examples", ""]
    if not help_info.examples:
        out += ["None.", ""]
    for index, (title, code, remarks) in enumerate(help_info.examples, 1):
        out += [f"### {title or f'Example {index}'}", "", "```powershell", code, "```", ""]
        if remarks:
            out += [remarks, ""]
    out += ["## Parameters", ""]
    for p in metadata.parameters.values():
        if p.is_common and p.name not in ("WhatIf", "Confirm") or p.dont_show:
            continue
        out += [f"### -{p.name}", ""]
        if p.help:
            out += [p.help, ""]
        rows = [("Type", type_display(p.type_name)), ("Default value", default_text(p)),
                ("Supports wildcards", str(p.supports_wildcards)),
                ("Aliases", ", ".join(p.aliases) or "None")]
        accepted = p.accepted_values or p.enum_names()
        if accepted:
            rows.append(("Accepted values", ", ".join(accepted)))
        rows += [("Required", _per_set(p, metadata, "required")), ("Position", _per_set(p, metadata, "position")),
                 ("Pipeline input", _pipeline(p))]
        out += ["| | |", "| --- | --- |"] + [f"| {k} | {v} |" for k, v in rows] + [""]
    if metadata.is_advanced:
        out += ["### CommonParameters", "", _COMMON, ""]
    out += ["## Inputs", ""] + [f"- {i}" for i in (help_info.inputs or ["None"])] + [""]
    out += ["## Outputs", ""] + [f"- {o}" for o in (help_info.outputs or ["None"])] + [""]
    out += ["## Notes", "", help_info.notes or "None.", ""]
    return "\n".join(out)


def shipped_cmdlets(context: Any) -> list[Any]:
    return sorted(context.commands, key=lambda info: info.name.lower())


def generate(directory: str) -> list[str]:
    """Writes every page into ``directory``; returns the file names."""
    from pwshlike.runtime import ExecutionContext

    from .session import install
    context = ExecutionContext()
    install(context)
    os.makedirs(directory, exist_ok=True)
    names = []
    for info in shipped_cmdlets(context):
        name = f"{info.name}.md"
        with open(os.path.join(directory, name), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(page(info, context))
        names.append(name)
    return names


def main(argv: Optional[list[str]] = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    directory = args[0] if args else os.path.join("docs", "cmdlets")
    for stale in (f for f in os.listdir(directory) if f.endswith(".md")) if os.path.isdir(directory) else ():
        os.remove(os.path.join(directory, stale))
    names = generate(directory)
    print(f"wrote {len(names)} pages to {directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
