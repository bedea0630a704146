"""Prompting for missing mandatory parameters, as pwsh's console host does.

::

    cmdlet Get-Thing at command pipeline position 1
    Supply values for the following parameters:
    (Type !? for Help.)
    Name: value
    Tags[0]: a
    Tags[1]:

Array parameters are read element by element until an empty line; ``!?``
shows the parameter's HelpMessage.  A host that is non-interactive
(``-NonInteractive``) never prompts: the binder reports
MissingMandatoryParameter instead.
"""

from __future__ import annotations

from typing import Any, Optional

from .metadata import ParameterMetadata


def can_prompt(host: Any) -> bool:
    return getattr(host, "non_interactive", True) is False


def prompt_for_missing(host: Any, command_name: str, pipeline_position: int,
                       missing: list[ParameterMetadata], set_name: str) -> dict[str, Any]:
    """Asks for each missing parameter; returns name -> entered value
    (a string, or a list of strings for array parameters)."""
    host.write_line(f"cmdlet {command_name} at command pipeline position {pipeline_position}")
    host.write_line("Supply values for the following parameters:")
    if any(_help(p, set_name) for p in missing):
        host.write_line("(Type !? for Help.)")
    values: dict[str, Any] = {}
    for param in missing:
        if param.is_array:
            items = []
            while True:
                text = _ask(host, f"{param.name}[{len(items)}]: ", _help(param, set_name))
                if text == "":
                    break
                items.append(text)
            values[param.name] = items
        else:
            values[param.name] = _ask(host, f"{param.name}: ", _help(param, set_name))
    return values


def _help(param: ParameterMetadata, set_name: str) -> Optional[str]:
    spec = param.spec_for(set_name)
    return spec.help_message if spec is not None else None


def _ask(host: Any, label: str, help_message: Optional[str]) -> str:
    while True:
        host.write(label)
        text = host.read_line()
        if text == "!?" and help_message:
            host.write_line(help_message)
            continue
        return text
