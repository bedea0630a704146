"""Command help built from metadata, rendered as pwsh's console help.

:func:`command_help` gathers everything help shows about a command (from a
Python cmdlet's class, or a function's metadata) into a :class:`CommandHelp`;
:func:`render` lays it out the way ``Get-Help`` prints in pwsh's console
(default, -Detailed, -Full, -Examples, -Parameter views).  The Markdown
pages under docs/cmdlets are written from the same model (``pwshlike/plugins/docgen.py``).
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Optional

from .common import COMMON_NAMES
from .metadata import CommandMetadata, ParameterMetadata
from .syntax import syntax_lines, type_display

_COMMON_TEXT = ("This cmdlet supports the common parameters: Verbose, Debug,\n"
                "ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n"
                "OutBuffer, PipelineVariable, and OutVariable. For more information, see\n"
                "about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216).")


class ParameterHelp:
    """One parameter as help describes it."""

    __slots__ = ("name", "type_name", "description", "required", "position", "default", "pipeline_input",
                 "accepted_values", "wildcards")

    def __init__(self, param: ParameterMetadata) -> None:
        self.name = param.name
        self.type_name = param.type_name
        self.description = param.help
        specs = list(param.sets.values())
        self.required = any(s.mandatory for s in specs)
        positions = {s.position for s in specs if s.position is not None}
        self.position = str(min(positions)) if positions else "Named"
        self.default = default_text(param)
        by_value = any(s.value_from_pipeline for s in specs)
        by_name = any(s.value_from_pipeline_by_property_name for s in specs)
        kinds = [k for k, on in (("ByValue", by_value), ("ByPropertyName", by_name)) if on]
        self.pipeline_input = f"True ({', '.join(kinds)})" if kinds else "False"
        self.accepted_values = ", ".join(param.accepted_values or param.enum_names())
        self.wildcards = param.supports_wildcards

    @property
    def required_text(self) -> str:
        return "true" if self.required else "false"


def default_text(param: ParameterMetadata) -> str:
    """The "Default value" help shows: ``default_text`` when given (a script
    function's default expression), else the default value's text, ``False``
    for a switch and ``None`` when there is no default (or an empty one), as
    pwsh's help."""
    if param.default_text:
        return param.default_text
    value = param.default_value
    if value is None:
        return "False" if param.is_switch else "None"
    if isinstance(value, Enum):
        return value.name
    from pwshlike.dotnet.conversions import to_string
    from pwshlike.dotnet.values import iter_collection
    items = iter_collection(value)
    text = ", ".join(to_string(item) for item in items) if items is not None else to_string(value)
    return text or "None"  # an empty list or string defaults to nothing worth showing


class CommandHelp:
    """Everything help shows about one command."""

    def __init__(self, name: str, metadata: CommandMetadata, synopsis: str = "", description: str = "",
                 examples: Optional[list[tuple[str, str, str]]] = None, inputs: Optional[list[str]] = None,
                 outputs: Optional[list[str]] = None, notes: str = "") -> None:
        self.name = name
        self.metadata = metadata
        self.synopsis = synopsis
        self.description = description
        self.syntax = syntax_lines(name, metadata)
        self.parameters = [ParameterHelp(p) for p in metadata.parameters.values()
                           if p.name not in COMMON_NAMES and not p.dont_show]
        for p in metadata.parameters.values():
            if p.name in ("WhatIf", "Confirm") and metadata.supports_should_process:
                self.parameters.append(ParameterHelp(p))
        self.examples = examples or []
        self.inputs = inputs or pipeline_input_types(metadata)
        self.outputs = outputs or list(metadata.output_types)
        self.notes = notes
        self.help_uri = ""  # the command's HelpUri: RELATED LINKS, as pwsh's generated help shows it


def pipeline_input_types(metadata: CommandMetadata) -> list[str]:
    """What pwsh's generated help lists under INPUTS: the full type names of
    the parameters that take pipeline input."""
    from pwshlike.dotnet.types import resolve_type
    names: list[str] = []
    for p in metadata.parameters.values():
        if any(s.value_from_pipeline or s.value_from_pipeline_by_property_name for s in p.sets.values()):
            try:
                name = resolve_type(p.type_name).full_name
            except Exception:  # a display-only type name: show it as written
                name = p.type_name
            if name not in names:
                names.append(name)
    return names


def command_help(info: Any, context: Any = None) -> CommandHelp:
    """The help of a cmdlet (class docstring, Parameter help, examples...)
    or of a function (its syntax and parameters)."""
    metadata = info.metadata(context)
    if hasattr(info, "implementation"):
        cls = info.implementation()
        help_info = CommandHelp(info.name, metadata, getattr(cls, "synopsis", ""), getattr(cls, "description", ""),
                                list(getattr(cls, "help_examples", ())), list(getattr(cls, "help_inputs", ())),
                                list(getattr(cls, "help_outputs", ())) or None, getattr(cls, "help_notes", ""))
        help_info.help_uri = getattr(info, "help_uri", "")
        return help_info
    return CommandHelp(info.name, metadata)


def _indent(text: str, spaces: int) -> list[str]:
    pad = " " * spaces
    return [pad + line if line else "" for line in text.split("\n")]


def _parameter_block(p: ParameterHelp, full: bool) -> list[str]:
    head = f"    -{p.name}" if p.type_name.lower() in ("switchparameter", "switch") \
        else f"    -{p.name} <{type_display(p.type_name)}>"
    lines = [head]
    if p.description:
        lines += _indent(p.description, 8)
    if p.accepted_values:
        lines.append(f"        Accepted values: {p.accepted_values}")
    if full:
        lines += [
            "",
            f"        Required?                    {p.required_text}",
            f"        Position?                    {p.position.lower() if p.position == 'Named' else p.position}",
            f"        Default value                {p.default}",
            f"        Accept pipeline input?       {p.pipeline_input.replace('True', 'true').replace('False', 'false')}",
            f"        Accept wildcard characters?  {'true' if p.wildcards else 'false'}",
        ]
    lines.append("")
    return lines


def _examples(help_info: CommandHelp) -> list[str]:
    lines: list[str] = []
    for index, (title, code, remarks) in enumerate(help_info.examples, 1):
        heading = title or f"EXAMPLE {index}"
        lines += [f"    {'-' * 26} {heading} {'-' * 26}", ""]
        lines += _indent(code, 4)
        lines.append("")
        if remarks:
            lines += _indent(remarks, 4)
            lines.append("")
    return lines


def render(help_info: CommandHelp, view: str = "default", parameter: Optional[list[str]] = None) -> list[str]:
    """Console help text as lines. ``view``: default, detailed, full or examples."""
    name = help_info.name
    if parameter:
        from pwshlike.dotnet.wildcard import wildcard_match
        lines: list[str] = [""]
        for p in help_info.parameters:
            if any(wildcard_match(p.name, pattern) for pattern in parameter):
                lines += _parameter_block(p, True)
        return lines
    lines = ["", "NAME", f"    {name}", ""]
    if help_info.synopsis:
        lines += ["SYNOPSIS", *_indent(help_info.synopsis, 4), ""]
    if view == "examples":
        lines += ["", *_examples(help_info)]
        return lines
    lines += ["", "SYNTAX"]
    for line in help_info.syntax:
        lines += [f"    {line}", ""]
    lines.append("")
    if help_info.description:
        lines += ["DESCRIPTION", *_indent(help_info.description, 4), ""]
    if view in ("detailed", "full"):
        lines += ["", "PARAMETERS"]
        for p in help_info.parameters:
            lines += _parameter_block(p, view == "full")
        if help_info.metadata.is_advanced:
            lines += ["    <CommonParameters>", *_indent(_COMMON_TEXT, 8), ""]
        if view == "full":
            lines += ["INPUTS", *[f"    {i}" for i in help_info.inputs or ["None"]], "", "",
                      "OUTPUTS", *[f"    {o}" for o in help_info.outputs or ["None"]], ""]
            if help_info.notes:
                lines += ["", "NOTES", *_indent(help_info.notes, 4), ""]
        lines += _examples(help_info)
    if help_info.help_uri:
        lines += ["RELATED LINKS", f"    {help_info.help_uri}", ""]
    lines += ["", "REMARKS"]
    if view == "default":
        if help_info.examples:
            lines.append(f'    To see the examples, type: "Get-Help {name} -Examples"')
        lines += [f'    For more information, type: "Get-Help {name} -Detailed"',
                  f'    For technical information, type: "Get-Help {name} -Full"']
    else:
        lines += [f'    To see the examples, type: "Get-Help {name} -Examples"',
                  f'    For more information, type: "Get-Help {name} -Detailed"',
                  f'    For technical information, type: "Get-Help {name} -Full"']
    lines.append("")
    return lines
