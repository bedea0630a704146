"""The objects Get-Help returns, and the view that shows them as console help.

As in pwsh, Get-Help writes a help object (``Name``, ``Category``,
``Synopsis``, ``details``, ``syntax``, ``parameters``, ``examples``...) and
the formatter shows it as text.  A function or script with comment-based
help gets pwsh's MAML-shaped object and layout (:mod:`.help_maml`,
:mod:`.help_maml_render`); any other command gets the help generated from
its metadata (:mod:`.help`).  The console text is computed with the object
(one model feeds both), so the view only prints it.
"""

from __future__ import annotations

from typing import Any, Optional

from pwshlike.dotnet.values import PSCustomObject
from pwshlike.formatting.database import register_view
from pwshlike.formatting.packets import NEWLINE, ComplexEntry, FrameTokens
from pwshlike.language import ast as A

from .help import cmdlet_maml, command_help
from .help_comments import CommentHelp, find_comment_help
from .help_maml import MamlHelp, maml_help, maml_object, parameter_object
from .help_maml_render import parameter_lines, render_maml, syntax_text
from .help_reduced import aliases_of, render_reduced

_VIEW_TOKENS = {"detailed": "DetailedView", "full": "FullView", "examples": "ExamplesView"}


class HelpObject(PSCustomObject):
    """A help object that carries the console text of the view it was asked for."""

    __slots__ = ("console_lines",)


def _console_text(obj: Any) -> Any:
    """The help text as the view's tokens: each line in a frame of its own
    indentation, so a line wider than the screen wraps under its indent, as
    pwsh's help frames wrap."""
    lines = getattr(obj, "console_lines", None)
    if lines is None:  # a copy (Select-Object, Copy()) shows as any object would
        from pwshlike.dotnet.conversions import dotnet_to_string
        return dotnet_to_string(obj)
    tokens: list[Any] = []
    for line in lines:
        text = line.lstrip(" ")
        indent = len(line) - len(text)
        tokens.append(FrameTokens(indent, 0, 0, [text, NEWLINE]) if text else NEWLINE)
    if tokens and tokens[-1] is NEWLINE:
        tokens.pop()  # the entry's end closes the last line
    return ComplexEntry(tokens)


register_view(["HelpInfo", "MamlCommandHelpInfo#parameter", "MamlCommandHelpInfo#syntax"], "custom", name="HelpInfo",
              body=_console_text)


def _module_column(obj: Any) -> Any:
    from pwshlike.dotnet.members import get_member
    return get_member(obj, "ModuleName") or ""


# The table of Get-Help's search results (pwsh's HelpInfoShort view).
register_view(["HelpInfoShort"], "table", name="help", columns=[
    {"property": "Name", "width": 33}, {"property": "Category", "width": 9},
    {"label": "Module", "expression": _module_column, "width": 25}, "Synopsis"])


def short_help(obj: Any) -> PSCustomObject:
    """A help object as Get-Help lists it among several matches (pwsh's
    ShortHelp: the same properties under the HelpInfoShort type name)."""
    return PSCustomObject(obj.items(), type_names=["HelpInfoShort"])


def alias_short_help(name: str, target: str) -> PSCustomObject:
    """An alias among Get-Help's matches: its name, and the command it stands for as its synopsis."""
    return PSCustomObject({"Name": name, "Category": "Alias", "Synopsis": target, "Component": "", "Role": "",
                           "Functionality": ""}, type_names=["HelpInfoShort"])


def _as_help_object(source: Any, type_names: list[str], lines: list[str]) -> HelpObject:
    result = HelpObject(source.items(), type_names=type_names)
    # the formatter puts a blank line before the entry, as pwsh does before NAME
    result.console_lines = lines[1:] if lines and not lines[0] else lines
    return result


def _view_type_names(type_names: list[str], view: str) -> list[str]:
    """pwsh's Get-Help TransformView: ``Name#FullView`` names in front of the
    object's own, so the view's format applies."""
    token = _VIEW_TOKENS.get(view)
    if token is None:
        return list(type_names)
    return [f"{name}#{token}" for name in type_names] + list(type_names)


def script_node(info: Any) -> Optional[Any]:
    """The AST whose comments hold a script command's help: the function
    definition, or the script block of a script or of ``Set-Item function:``."""
    script_block = getattr(info, "script_block", None)
    if script_block is None or getattr(script_block, "ast", None) is None:
        return None
    ast = script_block.ast
    return ast.parent if isinstance(ast.parent, A.FunctionDefinitionAst) else ast


def category_of(info: Any) -> str:
    """The help category pwsh gives a command."""
    kind = str(getattr(info, "command_type", "Cmdlet"))
    return kind if kind in ("Function", "Filter", "ExternalScript") else "Cmdlet"


def comment_help_of(info: Any) -> Optional[CommentHelp]:
    """The comment-based help of a function or script, or None."""
    node = script_node(info)
    if node is None:
        return None
    comments = find_comment_help(node)
    if comments is None:
        return None
    if comments.external_help is not None:
        found = _external(info, node, comments.external_help)
        if found is not None:
            return found
        if not _has_content(comments):  # only .EXTERNALHELP, and no file: the generated help
            return None
    return comments


def _external(info: Any, node: Any, file_name: str) -> Optional[CommentHelp]:
    """The help a .EXTERNALHELP file gives, looked for beside the script that
    defines the command (or in its module's folder)."""
    import os
    from .help_external import external_help
    script = node.extent.file or getattr(getattr(info, "module", None), "path", None)
    if not script:
        return None
    return external_help(info.name, file_name, os.path.dirname(os.path.abspath(script)))


def _has_content(comments: CommentHelp) -> bool:
    return any((comments.synopsis, comments.description, comments.notes, comments.examples, comments.inputs,
                comments.outputs, comments.links, comments.parameters, comments.component, comments.role,
                comments.functionality, comments.forward_help_target_name))


def _help_name(info: Any) -> str:
    """A script's help is named by its path, a function's by its name."""
    return str(getattr(info, "path", "") or info.name)


def comment_help_objects(info: Any, context: Any, comments: CommentHelp, view: str,
                         parameters: Optional[list[str]]) -> list[HelpObject]:
    """The help objects of a command with comment-based help."""
    maml = maml_help(_help_name(info), category_of(info), info.metadata(context), comments,
                     getattr(info, "module_name", "") or "")
    if parameters:
        return _parameter_objects(maml, parameters)
    source = maml_object(maml)
    syntax = _as_help_object(source.get_property("syntax"), ["MamlCommandHelpInfo#syntax"],
                             [line for item in syntax_text(maml) for line in (item, "")])
    source.set_property("syntax", syntax)
    return [_as_help_object(source, _view_type_names(source.type_names, view), render_maml(maml, view))]


def _parameter_objects(maml: MamlHelp, patterns: list[str]) -> list[HelpObject]:
    from pwshlike.dotnet.wildcard import wildcard_match
    found = []
    for p in maml.parameters:
        if any(wildcard_match(p.name, pattern) for pattern in patterns):
            source = parameter_object(p, False)
            found.append(_as_help_object(source, list(source.type_names), [""] + parameter_lines(p, True)))
    return found


def generated_help_objects(info: Any, context: Any, view: str,
                           parameters: Optional[list[str]]) -> list[HelpObject]:
    """The help of a command without comment help, generated from its
    metadata: pwsh's reduced help for a function or script, and for a cmdlet
    the help its synopsis, description, parameter help and examples give,
    shaped and shown as pwsh shows a shipped help file."""
    help_info = command_help(info, context)
    module_name = getattr(info, "module_name", "") or ""
    node = script_node(info)
    if node is None and help_info.synopsis:
        maml = cmdlet_maml(help_info, module_name)
        if parameters:
            return _parameter_objects(maml, parameters)
        source = maml_object(maml)
        return [_as_help_object(source, _view_type_names(["MamlCommandHelpInfo", "HelpInfo"], view),
                                render_maml(maml, view))]
    comments = CommentHelp()
    for p in help_info.parameters:
        comments.parameters.setdefault(p.name.upper(), p.description)
    maml = maml_help(info.name, category_of(info), help_info.metadata, comments, module_name)
    if parameters:
        return _parameter_objects(maml, parameters)
    source = maml_object(maml)
    source.set_property("Synopsis", "\n".join([""] + help_info.syntax + [""]))
    aliases = aliases_of(context, info.name)
    source.set_property("Aliases", "\n".join(aliases or ["None"]))
    source.set_property("Remarks", "None")
    lines = render_reduced(_help_name(info), help_info.metadata, aliases, view)
    return [_as_help_object(source, _view_type_names(["ExtendedCmdletHelpInfo", "CmdletHelpInfo", "HelpInfo"], view),
                            lines)]
