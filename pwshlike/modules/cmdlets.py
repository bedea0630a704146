"""Get-Module, Import-Module, Remove-Module and Export-ModuleMember, over
the session's module table (``context.modules``)."""

from __future__ import annotations

from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_set
from pwshlike.dotnet.wildcard import wildcard_match
from pwshlike.modules.errors import ModuleError, export_outside_module, no_modules_removed
from pwshlike.modules.info import PSModuleInfo
from pwshlike.modules.paths import is_module_path
from pwshlike.modules.table import ImportOptions


class _ModuleInfoArgument:
    """``PSModuleInfo[]``: modules as Get-Module outputs them.  One module
    counts as already of the parameter's type, so a module piped in binds
    here (before -Name could take it as a string), as in pwsh."""

    def __call__(self, value: Any) -> list[PSModuleInfo]:
        from pwshlike.dotnet.conversions import cast_error
        from pwshlike.dotnet.values import iter_collection
        items = iter_collection(value)
        modules = [value] if items is None else list(items)
        if not all(isinstance(m, PSModuleInfo) for m in modules):
            raise cast_error(value, "System.Management.Automation.PSModuleInfo[]")
        return modules

    def is_instance(self, value: Any) -> bool:
        return isinstance(value, PSModuleInfo) or (
            isinstance(value, list) and all(isinstance(m, PSModuleInfo) for m in value))


def _version(value: Any) -> Any:
    """[version] from an argument.  A command-mode ``3.0`` arrives as a
    double, whose decimal form becomes the version (pwsh keeps the token's
    text, which the engine does not: ``3.10`` reads as 3.1 unless quoted)."""
    from pwshlike.dotnet.types import resolve_type
    if isinstance(value, float):
        value = repr(value)
    return resolve_type("System.Version").convert(value)


def _specifications(value: Any) -> list[Any]:
    from pwshlike.modules.specification import module_specifications
    return module_specifications(value)


def _has_wildcard(text: str) -> bool:
    return any(c in text for c in "*?[")


def _matches(info: PSModuleInfo, patterns: Optional[list[str]]) -> bool:
    return not patterns or any(wildcard_match(info.name, p) for p in patterns)


@cmdlet("Get-Module", default_parameter_set="Loaded", output_types=("System.Management.Automation.PSModuleInfo",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096696")
class GetModuleCommand(Cmdlet):
    """Lists the modules imported into the session, or those that can be imported.

    Without -ListAvailable it lists the modules Import-Module or
    autoloading brought in (the engine's own modules too with -All). With
    -ListAvailable it lists the script modules in $env:PSModulePath and the
    modules installed plugins provide, whether imported or not."""

    help_examples = [
        ("Example 1: The imported modules", "Get-Module", "Lists the modules imported so far."),
        ("Example 2: Modules you can import", "Get-Module -ListAvailable Microsoft.Graph.*",
         "Lists the available Microsoft Graph modules, imported or not."),
    ]

    name = Parameter("String[]", position=0, value_from_pipeline=True,
                     help="Module names; wildcards allowed. With -ListAvailable also paths of module files or "
                          "folders, in the module path or not.", supports_wildcards=True)
    fully_qualified_name = Parameter("ModuleSpecification[]", value_from_pipeline_by_property_name=True,
                                     converter=_specifications,
                                     help="Module specifications: names or paths, or hashtables with ModuleName and "
                                          "any of GUID, ModuleVersion, RequiredVersion and MaximumVersion.")
    all = Parameter("SwitchParameter", help="Includes the engine's own modules among the imported ones; with "
                                            "-ListAvailable, lists every module file in the module path, nested "
                                            "ones included, as a module of its own.")
    list_available = Parameter("SwitchParameter", sets={"Available": {"mandatory": True}},
                               help="Lists the modules that can be imported instead of the imported ones.")
    ps_edition = Parameter("String", name="PSEdition", sets={"Available": {}},
                           validators=[validate_set(["Desktop", "Core"])], accepted_values=("Desktop", "Core"),
                           help="Lists only the modules whose manifest names this edition in CompatiblePSEditions.")
    refresh = Parameter("SwitchParameter", sets={"Available": {}},
                        help="Reads the modules' files again; the listing always reflects them as they are now.")

    def process_record(self) -> Iterator[PSModuleInfo]:
        modules = self.context.modules
        if self.list_available:
            found = self._available_by_path() + [m for m in modules.available(bool(self.all)) if self._wanted(m)]
            if self.ps_edition:
                edition = self.ps_edition.lower()
                found = [m for m in found if edition in (e.lower() for e in m.compatible_ps_editions)]
            found.sort(key=lambda m: (m.module_base, m.name.lower()))
            yield from found
            return
        loaded = modules.imported()
        if self.all:
            loaded = loaded + modules.engine_modules()
        else:
            loaded = loaded + modules.listed_engine_modules()
        yield from sorted((m for m in loaded if self._wanted(m)), key=lambda m: m.name.lower())

    def _wanted(self, info: PSModuleInfo) -> bool:
        """Whether a module is among those the names and specifications
        ask for (those written as paths are listed by ``_available_by_path``)."""
        names, specs = self.name, self.fully_qualified_name
        if names is not None:
            names = [n for n in names if not is_module_path(n)]
            if not names:
                return False
        if specs is not None:
            specs = [s for s in specs if not is_module_path(s.name)]
            if not specs:
                return False
        if not _matches(info, names):
            return False
        location = self.context.session.location
        return specs is None or any(spec.matches(info, location) for spec in specs)

    def _available_by_path(self) -> list[PSModuleInfo]:
        """-ListAvailable of names and specifications written as paths:
        the modules found there, in the module path or not."""
        from pwshlike.commands.builtins.fspaths import resolve
        session, modules = self.context.session, self.context.modules
        found: list[PSModuleInfo] = []
        for name in self.name or []:
            if is_module_path(name):
                found.extend(modules.available_at(resolve(session, name)))
        for spec in self.fully_qualified_name or []:
            if is_module_path(spec.name):
                found.extend(m for m in modules.available_at(resolve(session, spec.name))
                             if spec.matches(m, session.location))
        return found


def _maximum_version(text: Optional[str]) -> Any:
    """-MaximumVersion takes ``1.2.*`` ("*" as the largest number, as pwsh)."""
    if not text:
        return None
    from pwshlike.modules.model import parse_version
    return parse_version(text.replace("*", "2147483647"))


@cmdlet("Import-Module", default_parameter_set="Name", output_types=("System.Management.Automation.PSModuleInfo",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096585")
class ImportModuleCommand(Cmdlet):
    """Imports modules into the session, making their commands available.

    A name is looked up in $env:PSModulePath, then among the modules
    installed plugins provide; a path imports that .psm1, .psd1 or .ps1
    file (or module folder). A module already imported is not imported
    again unless -Force. Commands are imported into the global scope unless
    -Scope Local."""

    help_examples = [
        ("Example 1: Import a module by name", "Import-Module Microsoft.Graph.Identity.SignIns",
         "Makes New-MgOauth2PermissionGrant and the module's other commands available."),
        ("Example 2: Import a script module file", "Import-Module ./Tools.psm1 -Prefix My -PassThru",
         "Runs Tools.psm1 in its own scope, imports its functions with My added to their nouns and "
         "outputs the module."),
    ]

    name = Parameter("String[]", sets={"Name": {"mandatory": True, "position": 0, "value_from_pipeline": True}},
                     help="Module names or paths of .psm1, .psd1 or .ps1 files or module folders.")
    module_info = Parameter("PSModuleInfo[]", name="ModuleInfo", converter=_ModuleInfoArgument(),
                            sets={"ModuleInfo": {"mandatory": True, "position": 0, "value_from_pipeline": True}},
                            help="Module objects, as Get-Module returns them.")
    global_scope = Parameter("SwitchParameter", name="Global", help="Imports into the global scope.")
    prefix = Parameter("String", help="Added to the nouns of the imported commands (Get-Thing becomes "
                                      "Get-<Prefix>Thing).")
    function = Parameter("String[]", help="Imports only these functions; wildcards allowed.", supports_wildcards=True)
    cmdlets = Parameter("String[]", name="Cmdlet", help="Imports only these cmdlets; wildcards allowed.",
                        supports_wildcards=True)
    alias = Parameter("String[]", help="Imports only these aliases; wildcards allowed.", supports_wildcards=True)
    force = Parameter("SwitchParameter", help="Imports the module again even if it is already imported.")
    pass_thru = Parameter("SwitchParameter", help="Outputs the imported module.")
    minimum_version = Parameter("Version", aliases=("Version",), sets={"Name": {}}, converter=_version,
                                help="Imports only a version at least this high.")
    maximum_version = Parameter("String", sets={"Name": {}},
                                help="Imports only a version at most this high (1.2.* allowed).")
    required_version = Parameter("Version", sets={"Name": {}}, converter=_version,
                                 help="Imports exactly this version.")
    argument_list = Parameter("Object[]", aliases=("Args",),
                              help="Arguments for a script module ($args in its code).")
    scope = Parameter("String", validators=[validate_set(["Local", "Global"])], accepted_values=("Local", "Global"),
                      help="Global (the default) or Local: the caller's scope.")

    def process_record(self) -> Iterator[PSModuleInfo]:
        options = self._options()
        modules = self.context.modules
        before = set(map(id, modules.imported()))
        targets: list[Any] = list(self.module_info or []) if self.parameter_set_name == "ModuleInfo" \
            else list(self.name or [])
        for target in targets:
            try:
                if isinstance(target, PSModuleInfo):
                    info = modules.import_module_info(target, options)
                else:
                    info = modules.import_name(target, options)
            except ModuleError as exc:
                self.write_error(exc.record)
                continue
            if id(info) not in before:
                self._report(info)
            if self.pass_thru:
                yield info

    def _options(self) -> ImportOptions:
        global_scope = True
        if self.scope and self.scope.lower() == "local" and not self.global_scope:
            global_scope = False
        # pwsh imports into the session state of the code calling Import-Module: a module's own, unless -Global.
        state = self.context.scope.state
        if self.global_scope or self.scope or state.is_global:
            state = None
        return ImportOptions(prefix=self.prefix or "", force=bool(self.force), minimum=self.minimum_version,
                             maximum=_maximum_version(self.maximum_version), required=self.required_version,
                             arguments=self.argument_list, global_scope=global_scope, state=state,
                             functions=self.function,
                             cmdlets=self.cmdlets, aliases=self.alias, emit=self.write_object)

    def _report(self, info: PSModuleInfo) -> None:
        """pwsh's -Verbose messages for a module it loaded."""
        self.write_verbose(f"Loading module from path '{info.source or info.path}'.")
        for command in info.commands.values():
            kind = "cmdlet" if command.command_type == "Cmdlet" else "function"
            self.write_verbose(f"Importing {kind} '{command.name}'.")
        for alias in info.aliases:
            self.write_verbose(f"Importing alias '{alias}'.")


@cmdlet("Remove-Module", default_parameter_set="name", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096802")
class RemoveModuleCommand(Cmdlet):
    """Removes modules from the session, with the commands, aliases and
    variables they imported.

    Give module names (wildcards allowed), -FullyQualifiedName specifications or PSModuleInfo objects from
    Get-Module. The module's files are not deleted; Import-Module, or using one of its commands when autoloading
    applies, brings it back."""

    help_examples = [
        ("Example 1: Remove a module", "Remove-Module PartnerCenter",
         "New-PartnerAccessToken is no longer imported (autoloading brings it back on next use)."),
    ]

    name = Parameter("String[]", sets={"name": {"mandatory": True, "position": 0, "value_from_pipeline": True}},
                     help="Names of imported modules; wildcards allowed.", supports_wildcards=True)
    module_info = Parameter("PSModuleInfo[]", name="ModuleInfo", converter=_ModuleInfoArgument(),
                            sets={"ModuleInfo": {"mandatory": True, "position": 0, "value_from_pipeline": True}},
                            help="Module objects, as Get-Module returns them.")
    force = Parameter("SwitchParameter", help="Accepted for compatibility: no imported module is read-only.")

    def begin_processing(self) -> None:
        self._selected: list[PSModuleInfo] = []
        self._missed = False

    def process_record(self) -> None:
        imported = self.context.modules.imported() + self.context.modules.listed_engine_modules()
        if self.parameter_set_name == "ModuleInfo":
            for info in self.module_info or []:
                match = [m for m in imported if m is info or (m.name == info.name and m.path == info.path)]
                self._select(match, wildcard=False)
            return
        for pattern in self.name or []:
            self._select([m for m in imported if wildcard_match(m.name, pattern)], _has_wildcard(pattern))

    def _select(self, found: list[PSModuleInfo], wildcard: bool) -> None:
        if not found and not wildcard:
            self._missed = True
        for info in found:
            if info not in self._selected:
                self._selected.append(info)

    def end_processing(self) -> None:
        modules = self.context.modules
        for info in self._selected:
            if self.should_process(f"{info.name} (Path: '{info.path}')", "Remove-Module"):
                modules.remove(info)
        if self._missed or (not self._selected and self.parameter_set_name == "ModuleInfo"):
            self.write_error(no_modules_removed())


@cmdlet("New-Module", default_parameter_set="ScriptBlock",
        output_types=("System.Management.Automation.PSModuleInfo",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096698")
class NewModuleCommand(Cmdlet):
    """Creates a dynamic module from a script block.

    The block runs once, in the new module's own session state. Without
    Export-ModuleMember in the block, the module exports all its functions
    (or those -Function names) and no variables or aliases. The exported
    functions are available in the session at once; Get-Module lists the
    module only after it is piped to Import-Module."""

    help_examples = [
        ("Example 1: A module of two functions", "New-Module -Name Greeter { function Hi { 'hi' }; function Bye { 'bye' } }",
         "Hi and Bye can be called right away."),
        ("Example 2: A module as an object", "$counter = New-Module -AsCustomObject { $Count = 0; function Add { "
         "$script:Count++ }; Export-ModuleMember -Function Add -Variable Count }; $counter.Add(); $counter.Count",
         "The functions become script methods and the exported variables properties of the object."),
    ]

    name = Parameter("String", sets={"Name": {"mandatory": True, "position": 0, "value_from_pipeline": True}},
                     help="The module's name (__DynamicModule_ and a GUID when not given).")
    script_block = Parameter("ScriptBlock", name="ScriptBlock",
                             sets={"Name": {"mandatory": True, "position": 1},
                                   "ScriptBlock": {"mandatory": True, "position": 0}},
                             help="The module's code.")
    function = Parameter("String[]", help="Exports (and imports) only these functions; wildcards allowed.",
                         supports_wildcards=True)
    cmdlets = Parameter("String[]", name="Cmdlet", supports_wildcards=True,
                        help="Cmdlets to export; a dynamic module has none of its own, so this selects nothing.")
    return_result = Parameter("SwitchParameter", help="Outputs what the script block outputs instead of the module.")
    as_custom_object = Parameter("SwitchParameter",
                                 help="Outputs a custom object whose script methods are the module's functions and "
                                      "whose properties are its exported variables.")
    argument_list = Parameter("Object[]", aliases=("Args",), value_from_remaining_arguments=True,
                              help="Arguments for the script block ($args in it).")

    def end_processing(self) -> None:
        results: list[Any] = []
        options = ImportOptions(arguments=self.argument_list, functions=self.function,
                                emit=results.append if self.return_result else self.write_object)
        try:
            info = self.context.modules.new_module(self.name, self.script_block, options,
                                                   import_members=not self.as_custom_object)
        except ModuleError as exc:
            self.write_error(exc.record)
            return
        if self.return_result:
            for item in results:
                self.write_object(item)
        elif self.as_custom_object:
            self.write_object(info.as_custom_object())
        else:
            self.write_object(info)


@cmdlet("Export-ModuleMember", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096578")
class ExportModuleMemberCommand(Cmdlet):
    """Chooses what a script module exports: its functions, aliases and variables.

    Called in a .psm1 while Import-Module runs it; without any call, a
    module exports all its functions and aliases and no variables. A module
    has no cmdlets of its own to export, so -Cmdlet selects nothing."""

    help_examples = [
        ("Example 1: Export two functions and an alias",
         "Export-ModuleMember -Function Get-Thing, Set-Thing -Alias gth",
         "Only these are imported into the session; the module's other functions stay private."),
    ]

    function = Parameter("String[]", position=0, value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                         help="Functions to export; wildcards allowed.", supports_wildcards=True)
    cmdlets = Parameter("String[]", name="Cmdlet", value_from_pipeline_by_property_name=True,
                        help="Cmdlets to export; wildcards allowed.", supports_wildcards=True)
    variable = Parameter("String[]", value_from_pipeline_by_property_name=True,
                         help="Variables to export; wildcards allowed.", supports_wildcards=True)
    alias = Parameter("String[]", value_from_pipeline_by_property_name=True,
                      help="Aliases to export; wildcards allowed.", supports_wildcards=True)

    def process_record(self) -> None:
        loading = self.context.modules.loading
        if not loading:
            self.throw_terminating_error(export_outside_module())
            return
        loading[-1].export(self.function, self.alias, self.variable)

