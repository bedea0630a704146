"""``.EXTERNALHELP file.xml``: a script command's help from a MAML file.

pwsh resolves the file next to the script that defines the command (or its
module's folder), looking first in a folder named after the UI culture
(``en-US/file.xml``), and takes the ``command:command`` entry whose name is
the command's.  The entry's sections fill in the same help model as comment
help does (:class:`~.help_comments.CommentHelp`), so the help looks and
reads the same either way.
"""

from __future__ import annotations

import os
from typing import Any, Optional
from xml.etree import ElementTree

from .help_comments import CommentHelp

_MAML = "{http://schemas.microsoft.com/maml/2004/10}"
_COMMAND = "{http://schemas.microsoft.com/maml/dev/command/2004/10}"
_DEV = "{http://schemas.microsoft.com/maml/dev/2004/10}"
_CULTURES = ("en-US", "en")


def _find_file(directory: str, name: str) -> Optional[str]:
    """``name`` in ``directory`` (the case of its letters does not matter, as
    pwsh's help file search)."""
    exact = os.path.join(directory, name)
    if os.path.isfile(exact):
        return exact
    try:
        entries = os.listdir(directory)
    except OSError:
        return None
    wanted = name.lower()
    return next((os.path.join(directory, e) for e in entries if e.lower() == wanted), None)


def locate_help_file(relative: str, base_directory: str) -> Optional[str]:
    """The MAML file a .EXTERNALHELP names, searched in the culture folders
    first, then beside the script."""
    path = os.path.join(base_directory, relative)
    directory, name = os.path.split(path)
    for culture in _CULTURES:
        found = _find_file(os.path.join(directory, culture), name)
        if found is not None:
            return found
    return _find_file(directory, name)


def _paras(element: Optional[Any]) -> str:
    if element is None:
        return ""
    return "\n\n".join((p.text or "").strip() for p in element.iter(f"{_MAML}para")).strip()


def _text(element: Optional[Any]) -> str:
    return (element.text or "").strip() if element is not None else ""


def _command_entry(path: str, name: str) -> Optional[Any]:
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return None
    for command in root.iter(f"{_COMMAND}command"):
        if _text(command.find(f"{_COMMAND}details/{_COMMAND}name")).lower() == name.lower():
            return command
    return None


def external_help(name: str, file_name: str, base_directory: str) -> Optional[CommentHelp]:
    """The help of command ``name`` from the MAML file a .EXTERNALHELP names,
    or None when the file or the command's entry is missing."""
    path = locate_help_file(file_name, base_directory)
    command = _command_entry(path, name) if path is not None else None
    if command is None:
        return None
    help_info = CommentHelp()
    help_info.synopsis = _paras(command.find(f"{_COMMAND}details/{_MAML}description"))
    help_info.description = _paras(command.find(f"{_MAML}description"))
    help_info.notes = _paras(command.find(f"{_MAML}alertSet"))
    for parameter in command.iter(f"{_COMMAND}parameter"):
        description = _paras(parameter.find(f"{_MAML}description"))
        if description:
            help_info.parameters.setdefault(_text(parameter.find(f"{_MAML}name")).upper(), description)
    for example in command.iter(f"{_COMMAND}example"):
        intro = _paras(example.find(f"{_MAML}introduction"))
        help_info.examples.append(f"{intro}{_text(example.find(f'{_DEV}code'))}\n\n"
                                  f"{_paras(example.find(f'{_DEV}remarks'))}")
    help_info.inputs = [_text(t) for t in command.iter(f"{_COMMAND}inputType")
                        for t in t.iter(f"{_MAML}name")]
    help_info.outputs = [_text(t) for t in command.iter(f"{_COMMAND}returnValue")
                         for t in t.iter(f"{_MAML}name")]
    for link in command.iter(f"{_MAML}navigationLink"):
        text = _text(link.find(f"{_MAML}linkText")) or _text(link.find(f"{_MAML}uri"))
        if text:
            help_info.links.append(text)
    return help_info
