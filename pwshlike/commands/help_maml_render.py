"""Console text of comment-based help, laid out as pwsh 7.4's help views.

pwsh shows MAML help through its Help.format.ps1xml custom controls
(DefaultCommandHelp, VerboseCommandHelp, FullCommandHelp,
ExampleCommandHelp and the parameter view of ``-Parameter``).  These
functions produce the same lines (without the trailing spaces pwsh pads
blank lines with) from a :class:`~.help_maml.MamlHelp`.
"""

from __future__ import annotations

from .help_maml import MamlExample, MamlHelp, MamlParameter

_COMMON_PARAMETERS = ["This cmdlet supports the common parameters: Verbose, Debug,",
                      "ErrorAction, ErrorVariable, WarningAction, WarningVariable,",
                      "OutBuffer, PipelineVariable, and OutVariable. For more information, see",
                      "about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216)."]


def _indent(text: str, spaces: int) -> list[str]:
    pad = " " * spaces
    return [(pad + line).rstrip() for line in text.split("\n")]


def _syntax_parameter(p: MamlParameter) -> str:
    """One parameter of a syntax line (pwsh's MamlParameterControl)."""
    if p.enum_values:
        value = " {" + " | ".join(p.enum_values) + "}"
    elif p.is_switch:
        value = ""
    else:
        value = f" <{p.value_type}>"
    optional = not p.required
    positional = p.position != "named"
    if optional and positional:
        return f"[[-{p.name}]{value}]"
    if optional:
        return f"[-{p.name}{value}]"
    if positional:
        return f"[-{p.name}]{value}"
    return f"-{p.name}{value}"


def syntax_text(help_info: MamlHelp) -> list[str]:
    """The syntax lines, one per parameter set."""
    return [" ".join([help_info.name] + [_syntax_parameter(p) for p in item] + ["[<CommonParameters>]"])
            for item in help_info.syntax]


def _head(help_info: MamlHelp) -> list[str]:
    lines = ["", "NAME", f"    {help_info.name}", "", "SYNOPSIS"]
    if help_info.synopsis:
        lines += _indent(help_info.synopsis, 4)
    return lines + ["", ""]


def _syntax_and_description(help_info: MamlHelp) -> list[str]:
    lines = ["SYNTAX"]
    for line in syntax_text(help_info):
        lines += [f"    {line}", ""]
    lines += ["", "DESCRIPTION"]
    if help_info.description:
        lines += _indent(help_info.description, 4)
    return lines + ["", ""]


def _parameter_header(p: MamlParameter) -> str:
    if p.enum_values and not p.typed_header:
        return f"-{p.name}"
    return f"-{p.name} [<{p.value_type}>]" if p.is_switch else f"-{p.name} <{p.value_type}>"


def parameter_lines(p: MamlParameter, full: bool, indent: int = 4) -> list[str]:
    """A parameter's entry: header, description and, in the full view, its facts."""
    pad = " " * indent
    lines = [pad + _parameter_header(p)]
    if p.description:
        lines += _indent(p.description, indent + 4)
    lines.append("")
    if full:
        facts = [("Required?                    ", "true" if p.required else "false"),
                 ("Position?                    ", p.position),
                 ("Default value                ", p.default),
                 ("Accept pipeline input?       ", p.pipeline_input),
                 ("Accept wildcard characters?  ", "true" if p.globbing else "false")]
        lines += [(pad + "    " + label + value).rstrip() for label, value in facts]
        lines.append("")
    return lines


def common_parameters_lines() -> list[str]:
    """The <CommonParameters> entry that ends a PARAMETERS section."""
    return ["    <CommonParameters>", *["        " + line for line in _COMMON_PARAMETERS], ""]


def _example_lines(example: MamlExample) -> list[str]:
    lines = [f"    {example.title}", ""]
    lines += _indent(example.introduction + example.code, 4)
    lines.append("")
    if example.remarks:
        lines += _indent(example.remarks, 4)
    else:
        lines.append("")
    return lines + [""] * example.trailing


def _examples(help_info: MamlHelp) -> list[str]:
    lines: list[str] = []
    for example in help_info.examples:
        lines += _example_lines(example)
    return lines


def _link_lines(help_info: MamlHelp) -> list[str]:
    return [f"    {link}" for link in help_info.links]


def _remarks(help_info: MamlHelp) -> list[str]:
    name = help_info.name
    lines = ["REMARKS",
             f'    To see the examples, type: "Get-Help {name} -Examples"',
             f'    For more information, type: "Get-Help {name} -Detailed"',
             f'    For technical information, type: "Get-Help {name} -Full"']
    if help_info.links:
        lines.append(f'    For online help, type: "Get-Help {name} -Online"')
    return lines + [""]


def _types(names: list[str]) -> list[str]:
    lines: list[str] = []
    for name in names:
        lines += _indent(name, 4) + [""]
    return lines + [""]


def render_maml(help_info: MamlHelp, view: str = "default") -> list[str]:
    """The console text of ``Get-Help`` (``view``: default, detailed, full
    or examples) as lines."""
    lines = _head(help_info)
    if view == "examples":
        return lines + _examples(help_info)
    lines += _syntax_and_description(help_info)
    if view == "default":
        return lines + ["RELATED LINKS", *_link_lines(help_info), "", *_remarks(help_info)]
    lines.append("PARAMETERS")
    for p in help_info.parameters:
        lines += parameter_lines(p, view == "full")
    lines += common_parameters_lines()
    if view == "detailed":
        return lines + _examples(help_info) + _remarks(help_info)
    lines += ["INPUTS", *_types(help_info.inputs), "OUTPUTS", *_types(help_info.outputs)]
    if help_info.notes:
        lines += ["NOTES", "", "", *_indent(help_info.notes, 8), ""]
    lines += _examples(help_info) + [""]
    return lines + ["RELATED LINKS", *_link_lines(help_info), ""]
