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
MissingMandatoryParameter instead.  When the input ends during the prompt
(the host's ``read_line`` returns None), nothing is bound and the caller
reports the same error, as pwsh does when its host cannot read: an empty
value must not be bound silently.
"""

from __future__ import annotations

from typing import Any, Optional

from .metadata import ParameterMetadata


def can_prompt(host: Any) -> bool:
    return getattr(host, "non_interactive", True) is False


def prompt_for_missing(host: Any, command_name: str, pipeline_position: int,
                       missing: list[ParameterMetadata], set_name: str) -> Optional[dict[str, Any]]:
    """Asks for each missing parameter; returns name -> entered value
    (a string, or a list of strings for array parameters), or None when
    the input ended before every answer was given."""
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
                if text is None:
                    return None
                if text == "":
                    break
                items.append(text)
            values[param.name] = items
        else:
            text = _ask(host, f"{param.name}: ", _help(param, set_name))
            if text is None:
                return None
            values[param.name] = text
    return values


def _help(param: ParameterMetadata, set_name: str) -> Optional[str]:
    spec = param.spec_for(set_name)
    return spec.help_message if spec is not None else None


def _ask(host: Any, label: str, help_message: Optional[str]) -> Optional[str]:
    """One answer; None at end of input (the prompt's line is ended first)."""
    while True:
        host.write(label)
        text = host.read_line()
        if text is None:
            host.write_line("")
            return None
        if text == "!?" and help_message:
            host.write_line(help_message)
            continue
        return text
