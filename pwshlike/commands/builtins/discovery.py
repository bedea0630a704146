"""Get-Command and the alias cmdlets: finding out what can be run."""

from __future__ import annotations

from typing import Any, Iterator

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.commandinfo import AliasInfo, CommandInfo, FunctionInfo
from pwshlike.commands.resolution import command_not_found
from pwshlike.commands.syntax import syntax_lines
from pwshlike.dotnet.errors import (
    ErrorCategory, ErrorRecord, PSArgumentException, SessionStateException, SessionStateUnauthorizedAccessException,
)
from pwshlike.dotnet.wildcard import wildcard_match
from pwshlike.runtime.scopes import parse_options

_COMMAND_TYPES = ("Alias", "Function", "Filter", "Cmdlet", "ExternalScript", "Application", "Script", "All")


def _has_wildcard(text: str) -> bool:
    return any(c in text for c in "*?[")


def _alias_info(context: Any, name: str, target: Any) -> AliasInfo:
    """An alias with the module that exported it as its Source."""
    alias = AliasInfo(name, str(target))
    modules = getattr(context, "modules", None)
    if modules is not None:
        alias.module_name = modules.alias_owner(name, alias.target)
    return alias


def visible_commands(context: Any, imported_only: bool = False) -> list[CommandInfo]:
    """Aliases, functions and cmdlets visible from the current scope, sorted
    by name as Get-Command lists them; the cmdlets of plugin modules not
    imported yet too, unless ``imported_only``."""
    session, scope = context.session, context.scope
    found: dict[str, CommandInfo] = {}
    modules = getattr(context, "modules", None)
    for key, target in session.visible_aliases(scope).items():
        found.setdefault(key, _alias_info(context, key, target))
    for key, script_block in session.visible_functions(scope).items():
        name = getattr(script_block, "name", "") or key
        kind = "Filter" if script_block.is_filter else "Function"
        owner = modules.owner_of(script_block) if modules is not None else ""
        found.setdefault(key, FunctionInfo(name, script_block, kind, owner))
    for info in context.commands.visible() if imported_only else context.commands:
        found.setdefault(info.name.lower(), info)
    return sorted(found.values(), key=lambda info: info.name.lower())


def _syntax(context: Any, info: CommandInfo) -> str:
    if isinstance(info, AliasInfo):
        return f"{info.name} -> {info.target}"
    metadata = info.metadata(context) if hasattr(info, "metadata") else None
    if metadata is None:
        return info.name
    return "\n" + "".join(line + "\n\n" for line in syntax_lines(info.name, metadata))


@cmdlet("Get-Command", default_parameter_set="CmdletSet", output_types=tuple(
    f"System.Management.Automation.{name}" for name in ("AliasInfo", "ApplicationInfo", "FunctionInfo", "CmdletInfo",
                                                        "ExternalScriptInfo", "FilterInfo")) + (
    "System.String", "System.Management.Automation.PSObject"),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096579")
class GetCommandCommand(Cmdlet):
    """Lists the commands you can run: aliases, functions and cmdlets.

    Names may use wildcards; -Syntax shows each command's syntax lines
    instead of the command itself."""

    help_examples = [
        ('Example 1: Commands with a given verb and noun',
         'Get-Command -Verb Get -Noun *Item*',
         'Lists Get-Item, Get-ChildItem, Get-ItemProperty and the other matching commands.'),
        ('Example 2: The syntax of a command',
         'Get-Command Copy-Item -Syntax',
         'Shows one syntax line per parameter set.'),
        ('Example 3: The commands of a module',
         'Get-Command -Module Microsoft.PowerShell.Management',
         'Lists the commands that module provides.'),
    ]

    name = Parameter("String[]", sets={"AllCommandSet": {"position": 0, "value_from_pipeline": True,
                                                         "value_from_pipeline_by_property_name": True}},
                     help="Command names, wildcards allowed.", supports_wildcards=True)
    verb = Parameter("String[]", sets={"CmdletSet": {"value_from_pipeline_by_property_name": True}},
                     help="Only commands with these verbs.")
    noun = Parameter("String[]", sets={"CmdletSet": {"value_from_pipeline_by_property_name": True}},
                     help="Only commands with these nouns.")
    module = Parameter("String[]", aliases=("PSSnapin",), value_from_pipeline_by_property_name=True,
                       help="Only commands from these modules.")
    command_type = Parameter("String[]", aliases=("Type",), sets={"AllCommandSet": {
        "value_from_pipeline_by_property_name": True}}, accepted_values=_COMMAND_TYPES,
                             help="Only commands of these types.")
    total_count = Parameter("Int32", help="At most this many commands.")
    syntax = Parameter("SwitchParameter", help="Shows syntax lines instead of command objects.")
    all = Parameter("SwitchParameter", help="Includes commands hidden by others of the same name.")
    list_imported = Parameter("SwitchParameter", help="Only commands of the current session, not those of "
                                                      "modules that are installed but not imported.")
    show_command_info = Parameter("SwitchParameter",
                                  help="Describes each command with plain note properties (name, module, type, "
                                       "definition, parameter sets and their parameters), as Show-Command reads "
                                       "them.")

    def begin_processing(self) -> None:
        if self.show_command_info and self.syntax:
            self.throw_terminating_error(ErrorRecord(
                PSArgumentException("The ShowCommandInfo and Syntax parameters cannot be specified together."),
                "GetCommandCannotSpecifySyntaxAndShowCommandInfoTogether", ErrorCategory.InvalidArgument, None))

    def process_record(self) -> Iterator[Any]:
        results = list(self._matches())
        if self.total_count is not None and self.total_count >= 0:
            results = results[:self.total_count]
        for info in results:
            if self.syntax:
                yield _syntax(self.context, info)
            elif self.show_command_info:
                from .show_command_info import show_command_info
                yield show_command_info(info)
            else:
                yield info

    def _matches(self) -> Iterator[CommandInfo]:
        if self.name:
            for pattern in self.name:
                yield from self._by_name(pattern)
            return
        yield from self._listed()

    def _listed(self) -> Iterator[CommandInfo]:
        """The visible commands that pass the filters and, unless
        -ListImported, the commands of modules that are not imported yet
        (pwsh lists them from the manifest or the .psm1 without importing)."""
        found = [info for info in visible_commands(self.context, self.list_imported)
                 if self._filters_accept(info)]
        modules = getattr(self.context, "modules", None)
        if not self.list_imported and modules is not None:
            seen = {(info.name.lower(), info.module_name.lower()) for info in found}
            for info in modules.available_commands(self.module or ["*"]):
                if (info.name.lower(), info.module_name.lower()) not in seen and self._filters_accept(info):
                    found.append(info)
            found.sort(key=lambda info: info.name.lower())
        return iter(found)

    def _by_name(self, pattern: str) -> Iterator[CommandInfo]:
        if not _has_wildcard(pattern):
            target = self._alias_target(pattern)
            info = self.context.command_resolver.find(self.context, pattern, use_get_prefix=False) \
                if target is None else _alias_info(self.context, pattern, target)
            if info is None:
                error = command_not_found(pattern)
                self.write_error(error.error_record)
                return
            if self._filters_accept(info):
                yield info
            return
        for info in self._listed():
            if wildcard_match(info.name, pattern):
                yield info

    def _alias_target(self, name: str) -> Any:
        return self.context.session.get_alias(name, self.context.scope)

    def _filters_accept(self, info: CommandInfo) -> bool:
        verb, _, noun = info.name.partition("-")
        if self.verb and not any(wildcard_match(verb, v) for v in self.verb):
            return False
        if self.noun and not (noun and any(wildcard_match(noun, n) for n in self.noun)):
            return False
        if self.module and not any(wildcard_match(info.module_name, m) for m in self.module):
            return False
        if self.command_type and "all" not in (t.lower() for t in self.command_type):
            if info.command_type.lower() not in (t.lower() for t in self.command_type):
                return False
        return True


@cmdlet("Get-Alias", default_parameter_set="Default", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096702")
class GetAliasCommand(Cmdlet):
    """Lists aliases, or the alias for a command with -Definition.

    Without parameters every alias of the session is listed with the command it stands for. -Name matches alias
    names and -Definition matches the commands, both with wildcards; -Exclude leaves out names."""

    help_examples = [
        ('Example 1: What an alias means',
         'Get-Alias gci',
         'Shows that gci stands for Get-ChildItem.'),
        ('Example 2: The aliases of a command',
         'Get-Alias -Definition Get-ChildItem',
         'Lists every alias that runs Get-ChildItem: dir and gci.'),
    ]

    name = Parameter("String[]", sets={"Default": {"position": 0, "value_from_pipeline": True,
                                                   "value_from_pipeline_by_property_name": True}},
                     help="Alias names, wildcards allowed.", supports_wildcards=True)
    definition = Parameter("String[]", sets={"Definition": {}}, help="Commands whose aliases to list.")
    exclude = Parameter("String[]", help="Aliases to leave out.")

    def process_record(self) -> Iterator[Any]:
        aliases = sorted(self.context.session.visible_aliases(self.context.scope).items())
        patterns = self.name or ["*"]
        for pattern in patterns:
            matched = False
            for key, target in aliases:
                if self.definition:
                    ok = any(wildcard_match(str(target), d) for d in self.definition)
                else:
                    ok = wildcard_match(key, pattern)
                if ok and not any(wildcard_match(key, e) for e in self.exclude or ()):
                    matched = True
                    yield AliasInfo(key, str(target))
            if not matched and not self.definition and not _has_wildcard(pattern):
                self.write_error(_alias_not_found(pattern))


def _alias_not_found(name: str) -> ErrorRecord:
    exc = SessionStateException(f"Cannot find alias because alias '{name}' does not exist.")
    return ErrorRecord(exc, "ItemNotFoundException", ErrorCategory.ObjectNotFound, name)


class _AliasWriter(Cmdlet):
    """Shared by Set-Alias and New-Alias, which differ only in whether an
    existing alias is an error."""

    name = Parameter("String", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                     help="The alias.")
    value = Parameter("String", position=1, mandatory=True, value_from_pipeline_by_property_name=True,
                      help="The command it stands for.")
    description = Parameter("String", help="A note kept with the alias (Get-Alias shows it as Description).")
    option = Parameter("ScopedItemOptions", converter=parse_options,
                       help="None, ReadOnly, Constant, Private or AllScope; several joined with commas. A read-only "
                            "alias changes only with -Force, a constant one never.")
    pass_thru = Parameter("SwitchParameter", help="Outputs the alias.")
    scope = Parameter("String", help="Global, Script, Local or a scope number.")
    force = Parameter("SwitchParameter", help="Replaces an existing alias (New-Alias) or a read-only one.")
    replaces_existing = True

    def process_record(self) -> Iterator[Any]:
        session, current = self.context.session, self.context.scope
        target_scope = session.resolve_scope(self.scope, current) if self.scope else current
        existing = (target_scope.aliases or {}).get(self.name.lower())
        if existing is not None and not self.replaces_existing and not self.force:
            exc = SessionStateException(f"The alias is not allowed, because an alias with the name "
                                        f"'{self.name}' already exists.")
            self.write_error(ErrorRecord(exc, "AliasAlreadyExists", ErrorCategory.ResourceExists, self.name))
            return
        try:
            session.set_alias(self.name, self.value, target_scope, options=self.option,
                              description=self.description, force=bool(self.force))
        except SessionStateUnauthorizedAccessException as exc:
            self.write_error(ErrorRecord(exc, exc.error_id, ErrorCategory.WriteError, self.name))
            return
        if self.pass_thru:
            yield AliasInfo(self.name, self.value)


@cmdlet("Set-Alias", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096625")
class SetAliasCommand(_AliasWriter):
    """Creates or changes an alias for a command.

    An existing alias gets the new target; a missing one is created. -Scope chooses the scope and -Option can make
    the alias ReadOnly, Constant, Private or AllScope. Aliases made at the prompt last until the session ends; put
    them in your profile to keep them."""

    help_examples = [
        ('Example 1: A short name for a command',
         'Set-Alias -Name np -Value nano',
         'Typing np now starts nano.'),
        ('Example 2: Point an alias elsewhere',
         'Set-Alias ll Get-ChildItem -Option AllScope',
         'll runs Get-ChildItem in this scope and every scope created from it.'),
    ]


@cmdlet("New-Alias", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097022")
class NewAliasCommand(_AliasWriter):
    """Creates a new alias; an existing one is an error unless -Force.

    Unlike Set-Alias, New-Alias refuses to replace an alias that already exists (an AliasAlreadyExists error) unless
    -Force is given."""

    help_examples = [
        ('Example 1: Create an alias',
         'New-Alias -Name gh -Value Get-Help',
         'gh now runs Get-Help; running the line again is an error unless -Force is added.'),
    ]

    replaces_existing = False
