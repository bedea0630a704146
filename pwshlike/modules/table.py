"""A session's modules: which are imported, importing and removing them,
module-qualified lookup and autoloading.

The engine's own modules (the built-in cmdlets) are imported when the
session starts; Get-Module lists one only once Import-Module has named it
(Remove-Module takes it off that list again, leaving its cmdlets, which
pwsh's autoloading would bring back on their next use).  Plugin modules and script
modules on ``$env:PSModulePath`` are imported by Import-Module or, when
``$PSModuleAutoLoadingPreference`` is ``All`` (the default), by the first
use of one of their commands.  A module found on disk wins over a plugin
module of the same name, as the user's module folder comes first in pwsh.
"""

from __future__ import annotations

import os

from pwshlike.dotnet.netobjects import Version

from .errors import ModuleError, autoload_failed, invalid_extension, module_not_found
from .info import PSModuleInfo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional

    from .paths import DiskModule

_SNAPIN = "microsoft.powershell.core"  # a snap-in in pwsh: never listed as a module


def _module_files(paths: list[str]) -> list[DiskModule]:
    """Every .psd1 and .psm1 file below the module path folders (pwsh's
    GetAllAvailableModuleFiles), each named after its file."""
    from .paths import DiskModule
    found: list[DiskModule] = []
    for root in paths:
        for folder, subfolders, files in os.walk(root):
            subfolders.sort(key=str.lower)
            for name in sorted(files, key=str.lower):
                if name.lower().endswith((".psd1", ".psm1")):
                    found.append(DiskModule(os.path.splitext(name)[0], os.path.join(folder, name), root))
    return found


class ImportOptions:
    """Import-Module's parameters that shape one import."""

    __slots__ = ("prefix", "force", "minimum", "maximum", "required", "arguments", "global_scope", "state",
                 "functions", "cmdlets", "aliases", "emit")

    def __init__(self, *, prefix: str = "", force: bool = False, minimum: Optional[Version] = None,
                 maximum: Optional[Version] = None, required: Optional[Version] = None,
                 arguments: Optional[list[Any]] = None, global_scope: bool = True, state: Any = None,
                 functions: Optional[list[str]] = None, cmdlets: Optional[list[str]] = None,
                 aliases: Optional[list[str]] = None,
                 emit: Callable[[Any], None] = lambda _obj: None) -> None:
        self.prefix = prefix
        self.force = force
        self.minimum = minimum
        self.maximum = maximum
        self.required = required
        self.arguments = list(arguments or [])
        self.global_scope = global_scope
        # The module session state (its root scope) to import into when a
        # module's code imports without -Global; None: the global scope.
        self.state = state
        self.functions = functions
        self.cmdlets = cmdlets
        self.aliases = aliases
        self.emit = emit

    def accepts(self, version: Version) -> bool:
        if self.required is not None and version != self.required:
            return False
        if self.minimum is not None and version < self.minimum:
            return False
        return self.maximum is None or not self.maximum < version

    def not_found(self, name: str) -> ModuleError:
        return module_not_found(name, self.required, self.minimum, self.maximum)


def with_prefix(name: str, prefix: str) -> str:
    """``Get-Thing`` with prefix ``My`` is ``Get-MyThing`` (no dash: ``MyName``)."""
    if not prefix:
        return name
    verb, dash, noun = name.partition("-")
    return f"{verb}-{prefix}{noun}" if dash else prefix + name


def _allowed(name: str, patterns: Optional[list[str]]) -> bool:
    if patterns is None:
        return True
    from pwshlike.dotnet.wildcard import wildcard_match
    return any(wildcard_match(name, p) for p in patterns)


class ModuleTable:
    """Installed on the ExecutionContext as ``modules``."""

    def __init__(self, context: Any, registry: Any, catalog: Any, types: Any = None) -> None:
        self.context = context
        self.registry = registry
        self.catalog = catalog
        self.types = types
        self.loading: list[Any] = []
        self._imported: list[PSModuleInfo] = []
        self._engine: list[PSModuleInfo] = []
        self._listed_engine: list[PSModuleInfo] = []  # engine modules Import-Module named
        self._function_owner: dict[int, PSModuleInfo] = {}
        self._disk_exports: dict[str, tuple[int, list[str], dict[str, str]]] = {}
        context.require_modules = self.require

    # --- engine modules ------------------------------------------------------------------

    def import_engine_modules(self) -> None:
        """Makes the built-in cmdlets visible (done once, at session start)."""
        for spec in self.catalog:
            if spec.builtin:
                info = PSModuleInfo.from_spec(spec)
                self._bind_cmdlets(info, spec, ImportOptions())
                self._engine.append(info)

    # --- queries -----------------------------------------------------------------------------

    def imported(self) -> list[PSModuleInfo]:
        """What Get-Module lists, in import order."""
        return list(self._imported)

    def find_imported(self, name: str) -> Optional[PSModuleInfo]:
        """An imported module by name (the latest import) or by file path."""
        low = name.lower()
        for info in reversed(self._imported):
            if info.name.lower() == low or name in (info.path, info.source):
                return info
        return None

    def engine_modules(self) -> list[PSModuleInfo]:
        """The engine's modules (Get-Module -All), the Core snap-in aside."""
        return [m for m in self._engine if m.name.lower() != _SNAPIN]

    def listed_engine_modules(self) -> list[PSModuleInfo]:
        """The engine modules Import-Module has named: Get-Module lists
        them with the imported ones, and Remove-Module can take them off."""
        return list(self._listed_engine)

    def _list_engine_module(self, info: PSModuleInfo) -> PSModuleInfo:
        if info not in self._listed_engine and info.name.lower() != _SNAPIN:
            self._listed_engine.append(info)
        return info

    def _engine_module(self, name: str) -> Optional[PSModuleInfo]:
        low = name.lower()
        return next((m for m in self._engine if m.name.lower() == low), None)

    def alias_owner(self, name: str, target: str) -> str:
        """The name of the imported module that exported alias ``name``
        for ``target`` ('' if none)."""
        low = name.lower()
        for info in reversed(self._imported):
            for alias, definition in info.aliases.items():
                if alias.lower() == low and definition == target:
                    return info.name
        return ""

    def owner_of(self, script_block: Any) -> str:
        """The name of the module that exported a function ('' if none)."""
        info = self._function_owner.get(id(script_block))
        return info.name if info is not None else ""

    def available(self, every_file: bool = False) -> list[PSModuleInfo]:
        """What Get-Module -ListAvailable lists: modules on disk in module
        path order, then those the engine and plugins provide (every version).
        ``every_file`` (-All) lists each .psd1 and .psm1 file under the
        module path as a module of its own, nested folders included, as pwsh
        does."""
        from .paths import all_modules, module_paths, readable  # module files are looked for on first use
        found: list[PSModuleInfo] = []
        for module in _module_files(module_paths()) if every_file else all_modules(module_paths()):
            if readable(module):
                found.append(self._disk_info(module))
        for spec in self.catalog:
            if spec.key != _SNAPIN:
                info = PSModuleInfo.from_spec(spec)
                for command in spec.commands:
                    info.commands[command.name.lower()] = self.catalog.cmdlet_info(spec, command)
                found.append(info)
        return found

    def available_at(self, path: str) -> list[PSModuleInfo]:
        """The modules a path names for Get-Module -ListAvailable: a module
        file, a module folder (every version in it), or a folder of module
        folders; wildcards allowed."""
        import glob
        from .paths import DiskModule, all_modules, modules_in_folder, readable
        found: list[PSModuleInfo] = []
        for match in sorted(glob.glob(path)) if any(c in path for c in "*?[") else [path]:
            if os.path.isfile(match) and match.lower().endswith((".psd1", ".psm1")):
                modules = [DiskModule(os.path.splitext(os.path.basename(match))[0], match, "")]
            elif os.path.isdir(match):
                modules = modules_in_folder(match, os.path.basename(os.path.normpath(match)))
                if not modules:
                    modules = all_modules([match])
            else:
                modules = []
            found.extend(self._disk_info(m) for m in modules if readable(m))
        return found

    def available_commands(self, patterns: list[str]) -> list[Any]:
        """The functions of modules on disk that match ``patterns`` and are
        not imported, found without running them (what Get-Command -Module
        lists before an import): the highest version of each module in the
        first module folder that has it, as Import-Module would pick."""
        from pwshlike.dotnet.wildcard import wildcard_match

        from .paths import all_modules, module_paths, readable
        chosen: dict[str, DiskModule] = {}
        for module in all_modules(module_paths()):
            key = module.name.lower()
            if not any(wildcard_match(module.name, p) for p in patterns) or self.find_imported(module.name) \
                    or not readable(module):
                continue
            best = chosen.get(key)
            if best is None or (best.root == module.root and best.version < module.version):
                chosen[key] = module
        from .available import AvailableAliasInfo
        found: list[Any] = []
        for module in chosen.values():
            names, aliases = self._exports(module)
            info = self._disk_info(module, names, aliases)
            found.extend(info.commands.values())
            found.extend(AvailableAliasInfo(name, target, info) for name, target in aliases.items())
        return found

    def _disk_info(self, module: DiskModule, exported: Optional[list[str]] = None,
                   aliases: Optional[dict[str, str]] = None) -> PSModuleInfo:
        """A module on disk as Get-Module -ListAvailable describes it; its
        commands' Module (and so Version) is this description."""
        from .available import AvailableFunctionInfo
        manifest = module.manifest() if module.is_manifest else None
        root = module.root_module_path()
        kind = "Script" if root else "Manifest"
        info = _info_from_manifest(module.name, module.version, kind, root or module.path, module.directory,
                                   manifest)
        info.source = module.path
        for name in module.exported_names() if exported is None else exported:
            info.commands[name.lower()] = AvailableFunctionInfo(name, info)
        info.aliases.update(module.exported_aliases() if aliases is None else aliases)
        return info

    # --- import ------------------------------------------------------------------------------

    def import_name(self, name: str, options: ImportOptions) -> PSModuleInfo:
        """Import-Module <name or path>."""
        from .paths import is_module_path
        if is_module_path(name):
            return self.import_path(self.context.session.resolve_path(name), name, options)
        existing = self.find_imported(name)
        if existing is not None and not options.force and options.accepts(existing.version):
            return self._also_into(existing, options)
        engine = self._engine_module(name)
        if engine is not None:
            if not options.accepts(engine.version):
                raise options.not_found(name)
            return self._list_engine_module(engine)
        disk = best_disk_module(name, options)
        spec = None if disk is not None else next((s for s in self.catalog.find(name) if options.accepts(s.version)),
                                                  None)
        if disk is None and spec is None:
            raise options.not_found(name)
        if existing is not None:
            self.remove(existing)
        if disk is not None:
            return self._import_file(disk.path, options)
        return self._import_spec(spec, options)

    def import_module_info(self, info: PSModuleInfo, options: ImportOptions) -> PSModuleInfo:
        """Import-Module -ModuleInfo: a module Get-Module returned."""
        engine = self._engine_module(info.name) if info.spec is not None and info.spec.builtin else None
        if info in self._engine or engine is not None:
            return self._list_engine_module(engine or info)
        if info in self._imported and not options.force:
            return info
        if info.exports is not None and not info.source:
            return self._adopt_dynamic(info, options)
        if info.spec is not None:
            existing = self.find_imported(info.name)
            if existing is not None:
                if not options.force and existing.spec is info.spec:
                    return existing
                self.remove(existing)
            return self._import_spec(info.spec, options)
        source = info.source or info.path
        return self.import_path(source, source, options)

    def new_module(self, name: Optional[str], block: Any, options: ImportOptions, import_members: bool) -> PSModuleInfo:
        """New-Module: runs ``block`` as a dynamic module's code and, unless
        ``import_members`` is False (-AsCustomObject), imports what it
        exports into the session without listing the module (Get-Module
        shows it once Import-Module takes it)."""
        from .dynamic import new_dynamic_module
        info, functions, aliases, variables = new_dynamic_module(
            self.context, name, block, options.arguments, options.functions, options.emit, self.loading)
        info.exports = (functions, aliases, variables)
        if import_members:
            self._install_script_members(info, functions, aliases, variables, options)
        return info

    def _adopt_dynamic(self, info: PSModuleInfo, options: ImportOptions) -> PSModuleInfo:
        """Import-Module of a module New-Module made: it joins the module
        table (its members are imported if New-Module did not)."""
        if info.target_scope is None and info.exports is not None:
            self._install_script_members(info, *info.exports, options)
        if info not in self._imported:
            self._imported.append(info)
        return info

    def import_path(self, path: str, written: str, options: ImportOptions) -> PSModuleInfo:
        """Import-Module of a file or module folder."""
        if os.path.isdir(path):
            base = os.path.basename(os.path.normpath(path))
            candidates = [os.path.join(path, base + ext) for ext in (".psd1", ".psm1")]
            folder, path = path, next((c for c in candidates if os.path.isfile(c)), "")
            if not path:
                # A module folder of version folders: the highest version the options accept.
                from .paths import modules_in_folder, readable
                versions = [m for m in modules_in_folder(folder, base) if readable(m) and options.accepts(m.version)]
                if not versions:
                    raise options.not_found(written)
                path = max(versions, key=lambda m: m.version).path
        extension = os.path.splitext(path)[1].lower()
        if extension not in (".psd1", ".psm1", ".ps1"):
            if extension in (".dll", ".cdxml", ".xaml"):
                raise options.not_found(written)
            raise invalid_extension(path, extension)
        if not os.path.isfile(path):
            raise options.not_found(written)
        existing = self.find_imported(path)
        if existing is not None:
            if not options.force:
                return self._also_into(existing, options)
            self.remove(existing)
        return self._import_file(path, options)

    def _also_into(self, info: PSModuleInfo, options: ImportOptions) -> PSModuleInfo:
        """An imported script module imported again from another session
        state (the global one, or another module's) gets its exports there
        too, as pwsh imports a loaded module's members into each importer."""
        target = options.state if options.state is not None else \
            self.context.session.global_scope if options.global_scope else self.context.scope
        if info.exports is not None and target is not info.target_scope:
            functions, aliases, variables = info.exports
            owner_scope = info.target_scope
            self._install_script_members(info, dict(functions), dict(aliases), dict(variables), options, target)
            info.target_scope = owner_scope  # Remove-Module still takes them from where they were first imported
        return info

    def _import_file(self, path: str, options: ImportOptions, into: Any = None) -> PSModuleInfo:
        """Imports a .psm1, .ps1 or .psd1 file.  ``into`` (a module's session
        state root) imports it as a nested module: its exports go into that
        state, and the module is not listed on its own."""
        from .manifest import manifest_version, read_manifest, string_list
        from .model import parse_version
        from .script import ManifestFilters, ModuleLoad, exported_members, run_module_script
        name = os.path.splitext(os.path.basename(path))[0]
        directory = os.path.dirname(path)
        filters = ManifestFilters()
        nested: list[str] = []
        if path.lower().endswith(".psd1"):
            manifest = read_manifest(path)
            version = manifest_version(path, manifest)
            if not options.accepts(version):
                raise options.not_found(name)
            root = manifest.get("RootModule") or manifest.get("ModuleToProcess")
            script = os.path.normpath(os.path.join(directory, str(root))) if root else ""
            if script and not script.lower().endswith((".psm1", ".ps1")):
                raise module_not_found(str(root))
            if script and not os.path.isfile(script):
                raise module_not_found(str(root))
            filters = ManifestFilters(*(string_list(manifest.get(key)) if key in manifest else None
                                        for key in ("FunctionsToExport", "AliasesToExport", "VariablesToExport")))
            info = _info_from_manifest(name, version, "Script" if script else "Manifest", script or path,
                                       directory, manifest)
            if "TypesToProcess" in manifest or "FormatsToProcess" in manifest:
                from .data_files import load_module_data, manifest_files
                types = manifest_files(manifest, "TypesToProcess", directory, path)
                formats = manifest_files(manifest, "FormatsToProcess", directory, path)
                load_module_data(info, types, formats)
            if "ScriptsToProcess" in manifest or "NestedModules" in manifest:
                from .manifest_parts import nested_module_paths, run_scripts_to_process
                run_scripts_to_process(self.context, manifest, directory, options.emit)
                nested = nested_module_paths(manifest, directory, self._disk_module_path)
        else:
            script = path
            info = PSModuleInfo(name, parse_version("0.0"), "Script", path, module_base=directory)
        info.prefix = options.prefix
        info.source = path
        if script or nested:
            from pwshlike.runtime.scopes import new_session_state
            info.scope = new_session_state(self.context.session.global_scope, info)
            try:
                for nested_path in nested:
                    info.nested_modules.append(
                        self._import_file(nested_path, ImportOptions(emit=options.emit), into=info.scope))
                if script:
                    load = run_module_script(self.context, script, info, options.arguments, options.emit, self.loading)
                else:
                    load = ModuleLoad(info)
            except BaseException:
                self._unload_data(info)
                raise
            functions, aliases, variables = exported_members(info, load, filters)
            info.exports = (functions, aliases, variables)
            self._install_script_members(info, functions, aliases, variables, options, into)
        if into is None:
            self._imported.append(info)
        return info

    def _disk_module_path(self, name: str) -> Optional[str]:
        """The file of the module ``name`` in the module path (for a manifest's NestedModules)."""
        found = best_disk_module(name, ImportOptions())
        return found.path if found is not None else None

    def _install_script_members(self, info: PSModuleInfo, functions: dict[str, Any], aliases: dict[str, Any],
                                variables: dict[str, Any], options: ImportOptions, into: Any = None) -> None:
        from pwshlike.commands.commandinfo import FunctionInfo
        session = self.context.session
        if into is None:
            into = options.state
        target = into if into is not None else session.global_scope if options.global_scope else self.context.scope
        info.target_scope = target
        renamed: dict[str, str] = {}
        for name, block in functions.items():
            if not _allowed(name, options.functions):
                continue
            shown = with_prefix(name, options.prefix)
            renamed[name.lower()] = shown
            block.name = shown
            session.set_function(shown, block, target)
            self._function_owner[id(block)] = info
            info.commands[shown.lower()] = FunctionInfo(shown, block, "Function", info.name)
        for name, definition in aliases.items():
            if not _allowed(name, options.aliases):
                continue
            shown = with_prefix(name, options.prefix)
            definition = renamed.get(str(definition).lower(), definition)
            session.set_alias(shown, definition, target)
            info.aliases[shown] = str(definition)
        for var in variables.values():
            target.vars[var.name.lower()] = var
            info.variables[var.name.lower()] = var

    def _import_spec(self, spec: Any, options: ImportOptions) -> PSModuleInfo:
        # Required modules first, with default options (a -Prefix or -Cmdlet list is the module's own).
        required = [self.import_name(name, ImportOptions()) for name in spec.required_modules]
        if self.types is not None:
            self.types.register_module_types(spec.name)
        info = PSModuleInfo.from_spec(spec)
        info.required_modules = required
        info.prefix = options.prefix
        self._bind_cmdlets(info, spec, options)
        session = self.context.session
        for alias, target in spec.aliases.items():
            if _allowed(alias, options.aliases):
                shown = with_prefix(alias, options.prefix)
                definition = with_prefix(target, options.prefix) if spec.command(target) else target
                session.set_alias(shown, definition, session.global_scope)
                info.aliases[shown] = definition
        info.target_scope = session.global_scope
        self._imported.append(info)
        return info

    @staticmethod
    def _unload_data(info: PSModuleInfo) -> None:
        if info.type_files or info.format_files:
            from .data_files import unload_module_data
            unload_module_data(info.type_files, info.format_files)
            info.type_files, info.format_files = [], []

    def _bind_cmdlets(self, info: PSModuleInfo, spec: Any, options: ImportOptions) -> None:
        for command in spec.commands:
            if not _allowed(command.name, options.cmdlets):
                continue
            shown = with_prefix(command.name, options.prefix)
            cmdlet_info = self.catalog.cmdlet_info(spec, command, shown if options.prefix else None)
            self.registry.add(cmdlet_info)
            info.commands[shown.lower()] = cmdlet_info

    def require(self, texts: list[str], script_name: str) -> None:
        """A script's ``#requires -Modules`` (each a name, a path or a
        hashtable as written): a module already imported that fits is
        used, else it is imported; one that cannot be is pwsh's
        ScriptRequiresMissingModules, naming it and the versions asked for."""
        from .requirements import require_modules
        require_modules(self, texts, script_name)

    # --- removal -------------------------------------------------------------------------------

    def remove(self, info: PSModuleInfo) -> None:
        """Takes a module's commands, aliases, variables, type data and views
        out of the session; an engine module only leaves Get-Module's list."""
        if info in self._engine:
            if info in self._listed_engine:
                self._listed_engine.remove(info)
            return
        if info in self._imported:
            self._imported.remove(info)
        self._unload_data(info)
        scope = info.target_scope
        for key, command in info.commands.items():
            if command.command_type == "Cmdlet":
                self.registry.remove(command)
            elif scope is not None and scope.functions and scope.functions.get(key) is command.script_block:
                del scope.functions[key]
                self._function_owner.pop(id(command.script_block), None)
        for name, definition in info.aliases.items():
            if scope is not None and scope.aliases and str(scope.aliases.get(name.lower())) == definition:
                del scope.aliases[name.lower()]
        for key, var in info.variables.items():
            if scope is not None and scope.vars.get(key) is var:
                del scope.vars[key]

    # --- lookup and autoloading -----------------------------------------------------------------

    def autoload_preference(self) -> str:
        """``$PSModuleAutoLoadingPreference``: 'all', 'modulequalified' or 'none'."""
        value = self.context.get_variable_value("PSModuleAutoLoadingPreference")
        if value is None:
            return "all"
        from pwshlike.dotnet.conversions import to_string
        return to_string(value).strip().lower() or "all"

    def qualified(self, module: str, command: str) -> Any:
        """``Module\\Command``: imports the module when needed (unless
        autoloading is ``None``); None when it has no such command."""
        info = self.find_imported(module) or self._engine_module(module)
        if info is None:
            if self.autoload_preference() == "none":
                return None
            try:
                info = self.import_name(module, ImportOptions())
            except ModuleError:
                return None
        return info.commands.get(command.lower())

    def autoload(self, command: str) -> bool:
        """Imports the module exporting ``command`` when the preference is
        ``All``; True when something was imported."""
        if self.autoload_preference() != "all" or "\\" in command or "/" in command:
            return False
        providers = sorted(self.catalog.providers(command), key=lambda p: p[0].version, reverse=True)
        for spec, _command in providers:
            if spec.builtin or self.find_imported(spec.name) is not None:
                continue
            try:
                self._import_spec(spec, ImportOptions())
            except Exception as exc:
                raise autoload_failed(command, spec.name, exc) from None
            return True
        return self._autoload_from_disk(command)

    def _autoload_from_disk(self, command: str) -> bool:
        """Imports the first module in the module path exporting ``command``
        (its highest version in that folder)."""
        from .paths import all_modules, module_paths, readable
        low = command.lower()
        chosen: Optional[DiskModule] = None
        for module in all_modules(module_paths()):
            if chosen is not None and (module.root, module.name.lower()) != (chosen.root, chosen.name.lower()):
                break
            if self.find_imported(module.name) is not None or not readable(module):
                continue
            names, aliases = self._exports(module)
            if low in (n.lower() for n in names) or low in (a.lower() for a in aliases):
                if chosen is None or chosen.version < module.version:
                    chosen = module
        if chosen is None:
            return False
        try:
            self._import_file(chosen.path, ImportOptions())
        except ModuleError as exc:
            raise autoload_failed(command, chosen.name, exc.record.exception) from None
        return True

    def _exports(self, module: DiskModule) -> tuple[list[str], dict[str, str]]:
        """A disk module's function names and aliases (name -> target),
        cached until its file changes."""
        try:
            stamp = os.stat(module.path).st_mtime_ns
        except OSError:
            return [], {}
        cached = self._disk_exports.get(module.path)
        if cached is not None and cached[0] == stamp:
            return cached[1], cached[2]
        try:
            names, aliases = module.exported_names(), module.exported_aliases()
        except ModuleError:
            names, aliases = [], {}
        self._disk_exports[module.path] = (stamp, names, aliases)
        return names, aliases


def _info_from_manifest(name: str, version: Version, kind: str, path: str, directory: str,
                        manifest: Any) -> PSModuleInfo:
    def text(key: str) -> str:
        value = manifest.get(key) if manifest is not None else None
        return "" if value is None else str(value)
    guid = None
    if text("GUID"):
        import uuid
        try:
            guid = uuid.UUID(text("GUID"))
        except ValueError:
            guid = None
    info = PSModuleInfo(name, version, kind, path, module_base=directory, description=text("Description"),
                        author=text("Author"), company_name=text("CompanyName"), copyright=text("Copyright"),
                        guid=guid, root_module=text("RootModule"),
                        private_data=manifest.get("PrivateData") if manifest is not None else None)
    if manifest is not None and manifest.get("CompatiblePSEditions") is not None:
        from .manifest import string_list
        info.compatible_ps_editions = string_list(manifest.get("CompatiblePSEditions"))
    return info


def best_disk_module(name: str, options: ImportOptions) -> Optional[DiskModule]:
    """The highest accepted version in the first module folder that has the
    module: Import-Module by name and ``using module`` both load it, even
    when another version is already imported."""
    from .paths import find_modules, module_paths, readable
    by_root: dict[str, list[DiskModule]] = {}
    for module in find_modules(name, module_paths()):
        if readable(module) and options.accepts(module.version):
            by_root.setdefault(module.root, []).append(module)
    for modules in by_root.values():
        return max(modules, key=lambda m: m.version)
    return None
