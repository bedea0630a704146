"""Command help built from metadata, rendered as pwsh's console help.

:func:`command_help` gathers everything help shows about a command (from a
Python cmdlet's class, or a function's metadata) into a :class:`CommandHelp`;
:func:`cmdlet_maml` shapes a cmdlet's help as pwsh's shipped MAML help
files, so the MAML views (:mod:`.help_maml_render`) print it as pwsh's
console prints an installed help topic.  The Markdown
pages under docs/cmdlets are written from the same model (``pwshlike/plugins/docgen.py``).
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Optional

from .common import COMMON_NAMES
from .help_maml import MamlHelp, ShippedExample, ShippedParameter
from .metadata import ALL_PARAMETER_SETS, CommandMetadata, ParameterMetadata, ParameterSetSpec
from .syntax import syntax_lines

class ParameterHelp:
    """One parameter as help describes it: its metadata and its help text."""

    __slots__ = ("name", "description", "metadata")

    def __init__(self, param: ParameterMetadata) -> None:
        self.name = param.name
        self.description = param.help
        self.metadata = param


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


def _full_type_name(type_name: str) -> str:
    """A parameter or pipeline type as the shipped help files name it (``System.Double``)."""
    from pwshlike.dotnet.types import resolve_type
    for candidate in (type_name, "System.Management.Automation." + type_name,
                      "Microsoft.PowerShell.Commands." + type_name):
        try:
            return resolve_type(candidate).full_name
        except Exception:  # not a type the session knows under this name
            continue
    return type_name


def flow(text: str) -> str:
    """A docstring's text as help paragraphs: the lines of each paragraph
    joined (a shipped help paragraph is one line the console wraps to its
    width), list items (``- ``, ``* ``) and indented lines kept apart."""
    paragraphs = []
    for paragraph in text.strip().split("\n\n"):
        lines: list[str] = []
        for line in paragraph.split("\n"):
            if lines and not line.startswith((" ", "- ", "* ")):
                lines[-1] += " " + line.strip()
            else:
                lines.append(line.rstrip())
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _first_spec(param: ParameterMetadata) -> Optional[ParameterSetSpec]:
    spec = param.sets.get(ALL_PARAMETER_SETS)
    return spec if spec is not None else next(iter(param.sets.values()), None)


# What -WhatIf and -Confirm do, for every cmdlet that supports ShouldProcess.
_SHOULD_PROCESS_HELP = {"WhatIf": "Shows what the command would do, without doing it.",
                        "Confirm": "Asks for confirmation before each change the command makes."}


def cmdlet_maml(help_info: CommandHelp, module_name: str = "") -> MamlHelp:
    """A cmdlet's help shaped as pwsh 7.4's shipped help files (MAML): the
    console views of comment help then show it as pwsh shows an installed
    help topic (NAME ... EXAMPLES, RELATED LINKS, REMARKS)."""
    maml = MamlHelp(help_info.name, "Cmdlet", module_name)
    maml.synopsis = flow(help_info.synopsis)
    maml.description = flow(help_info.description)
    maml.notes = flow(help_info.notes)
    metadata = help_info.metadata
    shown = [p.metadata for p in help_info.parameters]

    def shipped(param: ParameterMetadata, spec: Optional[ParameterSetSpec]) -> ShippedParameter:
        text = param.help or _SHOULD_PROCESS_HELP.get(param.name, "")
        return ShippedParameter(param, spec, flow(text), _full_type_name(param.type_name), default_text(param))
    for set_name in metadata.parameter_sets:
        maml.syntax.append([shipped(p, p.spec_for(set_name)) for p in shown if p.spec_for(set_name) is not None])
    maml.parameters = [shipped(p, _first_spec(p)) for p in shown]
    maml.inputs = help_info.inputs or ["None"]
    maml.outputs = [_full_type_name(o) for o in help_info.outputs] or ["None"]
    maml.examples = [ShippedExample(i, title, code, flow(remarks))
                     for i, (title, code, remarks) in enumerate(help_info.examples, 1)]
    if help_info.help_uri:  # the HelpUri, as pwsh lists it when a cmdlet's help gives no links of its own
        maml.links = [help_info.help_uri]
    return maml
