"""Get-Help: help objects for commands and scripts, shown as pwsh's console help."""

from __future__ import annotations

from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, ItemNotFoundException, PSArgumentException

_NOT_FOUND = ("Get-Help could not find {0} in a help file in this session. To download updated help topics type: "
              "\"Update-Help\". To get help online, search for the help topic in the TechNet library at "
              "https://go.microsoft.com/fwlink/?LinkID=107116.")


@cmdlet("Get-Help", default_parameter_set="AllUsersView", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096483")
class GetHelpCommand(Cmdlet):
    """Shows help for a command or script: its synopsis, syntax, parameters and examples.

    A function or script with comment-based help shows that help; any other
    command shows help generated from its own metadata, so it is always
    available offline and matches what the binder accepts.

    A name with wildcards, or one that no command has exactly, is searched
    for: several matches are listed as a table (aliases, then functions and
    scripts, then cmdlets), a single match shows its help."""

    help_examples = [
        ('Example 1: Help for a cmdlet',
         'Get-Help Get-ChildItem',
         'Shows the name, synopsis, syntax and description of Get-ChildItem.'),
        ('Example 2: Everything, or only the examples',
         'Get-Help Copy-Item -Full\nGet-Help Copy-Item -Examples',
         "-Full adds each parameter's details, the inputs, the outputs and the examples; -Examples shows only "
         'the examples.'),
        ('Example 3: Some parameters',
         'Get-Help Get-ChildItem -Parameter *Path, Recurse',
         'Shows the details of the parameters whose names match: Path, LiteralPath and Recurse.'),
        ('Example 4: Help for your own script',
         'Get-Help ./Deploy.ps1 -Detailed',
         'A script or function with comment-based help shows that help, laid out the same way.'),
        ('Example 5: Find commands', 'Get-Help *-Item*',
         'Lists the commands whose names match, with their categories, modules and synopses.'),
    ]

    name = Parameter("String", position=0, value_from_pipeline_by_property_name=True, supports_wildcards=True,
                     help="The command, or the path of a script, to describe; a pattern lists the matching commands.")
    full = Parameter("SwitchParameter", sets={"AllUsersView": {}}, help="Everything, with parameter details.")
    detailed = Parameter("SwitchParameter", sets={"DetailedView": {"mandatory": True}},
                         help="Adds parameter descriptions and examples.")
    examples = Parameter("SwitchParameter", sets={"Examples": {"mandatory": True}}, help="Only the examples.")
    parameter = Parameter("String[]", sets={"Parameters": {"mandatory": True}},
                          help="Only these parameters (wildcards allowed).", supports_wildcards=True)
    category = Parameter("String[]", help="Only help of these categories (Cmdlet, Function, ExternalScript...).")
    component = Parameter("String[]", help="Only commands whose help names one of these components (wildcards).")
    functionality = Parameter("String[]",
                              help="Only commands whose help names one of these functionalities (wildcards).")
    role = Parameter("String[]", help="Only commands whose help names one of these user roles (wildcards).")

    def process_record(self) -> Iterator[Any]:
        # pwsh's HelpRequest.Validate: no name but a filter searches everything
        filtered = self.category or self.component or self.role or self.functionality
        name = self.name or ("*" if filtered else "Get-Help")
        view = "full" if self.full else "detailed" if self.detailed else "examples" if self.examples else "default"
        wildcard = any(c in name for c in "*?[")
        if not wildcard:
            found = self._help(name, view, set())
            if found is None:
                return
            if found:
                yield from found
                return
        # pwsh's SearchHelp: a pattern, or a name no command has exactly, as a prefix.
        matches = self._search(name if wildcard else name + "*")
        if len(matches) == 1:  # one match: its full help, as if named exactly
            yield from self._help(matches[0][0], view, set()) or ()
        elif matches:
            yield from (short for _name, short in matches)
        elif not wildcard:
            exc = ItemNotFoundException(_NOT_FOUND.format(name))
            self.write_error(ErrorRecord(exc, "HelpNotFound", ErrorCategory.ResourceUnavailable, name))

    def _search(self, pattern: str) -> list[tuple[str, Any]]:
        """The commands whose names match ``pattern``, as (name, short help)
        pairs: aliases first, then functions and scripts, then cmdlets, as
        pwsh's help providers search them; the filters apply."""
        from pwshlike.commands.help_objects import alias_short_help, short_help
        from pwshlike.commands.commandinfo import AliasInfo
        from pwshlike.dotnet.wildcard import wildcard_match
        from .discovery import visible_commands
        matched = [info for info in visible_commands(self.context) if wildcard_match(info.name, pattern)]
        order = {"Alias": 0, "Function": 1, "Filter": 1, "ExternalScript": 1}
        matched.sort(key=lambda info: order.get(str(getattr(info, "command_type", "")), 2))
        found: list[tuple[str, Any]] = []
        for info in matched:
            if isinstance(info, AliasInfo):
                candidates = [alias_short_help(info.name, str(info.target))]
            else:
                candidates = [short_help(o) for o in self._help(info.name, "default", set(), quiet=True) or ()]
            found += [(info.name, c) for c in candidates if self._wanted(c)]
        return found

    def _help(self, name: str, view: str, seen: set[str], quiet: bool = False) -> Optional[list[Any]]:
        """The help objects of ``name``, following a help comment's
        .FORWARDHELPTARGETNAME; empty when there is none or the filters
        (-Category, -Component, -Role, -Functionality) leave none; None
        when the command has help but -Parameter matches none of its
        parameters (pwsh's NoParmsFound, written here: the help exists)."""
        from pwshlike.commands.help_objects import comment_help_objects, comment_help_of, generated_help_objects
        info = self.context.command_resolver.find(self.context, name, use_get_prefix=False)
        if info is None or not hasattr(info, "metadata"):
            return []
        target = getattr(info, "target", None)
        if target is not None:  # an alias: describe what it stands for
            info = self.context.command_resolver.find(self.context, target, use_get_prefix=False) or info
        comments = comment_help_of(info)
        if comments is not None and comments.forward_help_target_name and name.lower() not in seen:
            seen.add(name.lower())
            return self._help(comments.forward_help_target_name, view, seen, quiet)
        if comments is not None:
            objects = comment_help_objects(info, self.context, comments, view, self.parameter)
        else:
            objects = generated_help_objects(info, self.context, view, self.parameter)
        if self.parameter and not objects:
            if quiet:
                return None
            exc = PSArgumentException(f"No parameter matches criteria {self.parameter[0]}.")
            self.write_error(ErrorRecord(exc, "NoParmsFound", ErrorCategory.InvalidArgument, name))
            return None
        return [o for o in objects if self._wanted(o)]

    def _wanted(self, obj: Any) -> bool:
        from pwshlike.dotnet.members import get_member
        from pwshlike.dotnet.wildcard import wildcard_match
        for patterns, member in ((self.category, "Category"), (self.component, "Component"),
                                 (self.functionality, "Functionality"), (self.role, "Role")):
            if patterns and not _matches(get_member(obj, member), patterns, wildcard_match):
                return False
        return True


def _matches(value: Optional[str], patterns: list[str], wildcard_match: Any) -> bool:
    return bool(value) and any(wildcard_match(str(value), pattern) for pattern in patterns)
