"""``PSModuleInfo``: what Get-Module and Import-Module -PassThru return.

One object per imported module (or per module Get-Module -ListAvailable
finds), with pwsh's property names.  For an imported module it also keeps
what the import put into the session, so Remove-Module can take it out.
"""

from __future__ import annotations

from pwshlike.dotnet.errors import NullReferenceException
from pwshlike.dotnet.netobjects import Version
from pwshlike.dotnet.values import EnumInfo, EnumValue, Hashtable
from pwshlike.runtime.type_names import module_types


TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from pwshlike.dotnet.script_objects import ClassAssembly

MODULE_TYPE = EnumInfo("System.Management.Automation.ModuleType",
                       [("Script", 0), ("Binary", 1), ("Manifest", 2), ("Cim", 3), ("Workflow", 4)])


def module_type(name: str) -> EnumValue:
    return MODULE_TYPE[name]


class PSModuleInfo:
    """A module.  ``commands`` maps lower-cased exported command names to
    their CommandInfo (cmdlets and functions as imported, prefix applied);
    ``scope`` is a script module's own scope; ``spec`` the plugin's
    ModuleSpec for a plugin module."""

    full_name = "System.Management.Automation.PSModuleInfo"
    PS_MEMBERS = {"Name": "name", "Version": "version", "ModuleType": "module_type", "Path": "path",
                  "ModuleBase": "module_base", "Description": "description", "Guid": "guid",
                  "Author": "author", "CompanyName": "company_name", "Copyright": "copyright",
                  "ProjectUri": "project_uri", "HelpInfoUri": "help_info_uri", "Prefix": "prefix",
                  "RootModule": "root_module", "ExportedCommands": "exported_commands",
                  "ExportedCmdlets": "exported_cmdlets", "ExportedFunctions": "exported_functions",
                  "ExportedAliases": "exported_aliases", "ExportedVariables": "exported_variables",
                  "PrivateData": "private_data", "RequiredModules": "required_modules",
                  "ExportedFormatFiles": "format_files", "ExportedTypeFiles": "type_files", "ToString": "__str__",
                  "SessionState": "session_state", "NewBoundScriptBlock": "new_bound_script_block",
                  "Invoke": "invoke", "AsCustomObject": "as_custom_object",
                  "GetExportedTypeDefinitions": "exported_type_definitions",
                  "ImplementingAssembly": "implementing_assembly", "NestedModules": "nested_modules",
                  "CompatiblePSEditions": "compatible_ps_editions"}

    def __init__(self, name: str, version: Version, kind: str, path: str = "", *,
                 module_base: str = "", description: str = "", author: str = "", company_name: str = "",
                 copyright: str = "", guid: Any = None, project_uri: str = "", help_info_uri: str = "",
                 root_module: str = "", private_data: Any = None, spec: Any = None) -> None:
        self.name = name
        self.version = version
        self.module_type = module_type(kind)
        self.path = path
        self.module_base = module_base
        self.description = description
        self.author = author
        self.company_name = company_name
        self.copyright = copyright
        self.guid = guid
        self.project_uri = project_uri
        self.help_info_uri = help_info_uri
        self.root_module = root_module
        self.private_data = private_data
        self.spec = spec
        self.prefix = ""
        self.source = ""
        self.commands: dict[str, Any] = {}
        self.aliases: dict[str, str] = {}
        self.variables: dict[str, Any] = {}
        # The manifest's CompatiblePSEditions ('Desktop', 'Core'); empty when it names none.
        self.compatible_ps_editions: list[str] = []
        # A script or dynamic module's session state (the root scope naming it).
        self.scope: Any = None
        # The modules a manifest's NestedModules imported into this one.
        self.nested_modules: list[PSModuleInfo] = []
        self.target_scope: Any = None
        # What a script or dynamic module exports: (functions, aliases, variables), see script.exported_members.
        self.exports: Optional[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]] = None
        # The modules this one needs (PSModuleInfo objects, filled in by the import).
        self.required_modules: list["PSModuleInfo"] = []
        # FormatsToProcess / TypesToProcess as full paths; removing the module unloads them.
        self.format_files: list[str] = []
        self.type_files: list[str] = []

    @classmethod
    def from_spec(cls, spec: Any) -> "PSModuleInfo":
        """A plugin module (ModuleType Binary, its package directory as path)."""
        base = spec.module_base
        return cls(spec.name, spec.version, "Binary", base, module_base=base, description=spec.description,
                   author=spec.author, company_name=spec.company_name, copyright=spec.copyright,
                   guid=spec.guid, project_uri=spec.project_uri, help_info_uri=spec.help_info_uri, spec=spec)

    def _commands_of(self, kind: Optional[str]) -> Hashtable:
        table = Hashtable()
        for info in self.commands.values():
            if kind is None or info.command_type == kind:
                table[info.name] = info
        return table

    @property
    def exported_commands(self) -> Hashtable:
        table = self._commands_of(None)
        for name, alias in self.exported_aliases.items():
            table[name] = alias
        return table

    @property
    def exported_cmdlets(self) -> Hashtable:
        return self._commands_of("Cmdlet")

    @property
    def exported_functions(self) -> Hashtable:
        return self._commands_of("Function")

    @property
    def exported_aliases(self) -> Hashtable:
        from pwshlike.commands.commandinfo import AliasInfo
        table = Hashtable()
        for name, target in self.aliases.items():
            table[name] = AliasInfo(name, target)
        return table

    def defined_types(self) -> list[Any]:
        """The classes the module's code and its nested modules' defined (a
        name the module defines itself wins over a nested module's, and a
        later nested module's over an earlier one's)."""
        by_name: dict[str, Any] = {}
        for module in [*self.nested_modules, self]:
            for pstype in (module.defined_types() if module is not self else module_types(self)):
                by_name[pstype.name.lower()] = pstype
        return list(by_name.values())

    @property
    def implementing_assembly(self) -> Optional[ClassAssembly]:
        """The assembly of the classes the module's code defined ($null when it defines none)."""
        types = self.defined_types()
        if not types:
            return None
        from pwshlike.dotnet.script_objects import ClassAssembly
        return ClassAssembly(types)

    def exported_type_definitions(self) -> Hashtable:
        """``GetExportedTypeDefinitions()``: the TypeDefinitionAst of each
        class the module (and its nested modules) defines, by name: those
        its code defined when imported, else read from its files."""
        table = Hashtable()
        if self.scope is not None:
            from pwshlike.dotnet.script_objects import script_class_of
            for pstype in self.defined_types():
                table[pstype.name] = script_class_of(pstype).definition
            return table
        from .type_definitions import file_type_definitions  # reads the module's files: loaded when asked
        for definition in file_type_definitions(self):
            table[definition.name] = definition
        return table

    @property
    def exported_variables(self) -> Hashtable:
        table = Hashtable()
        for var in self.variables.values():
            table[var.name] = var
        return table

    # --- the module's session state -------------------------------------------------------

    def session_state_root(self) -> Any:
        """The root scope of the module's session state, for ``& $module``
        and the members below; a module without one (a plugin's binary
        module, a module only found on disk) raises pwsh's error."""
        if self.scope is not None:
            return self.scope
        from pwshlike.dotnet.errors import ErrorCategory, RuntimeException
        if str(self.module_type) == "Binary":
            raise RuntimeException(f"Cannot use '&' to invoke in the context of binary module '{self.name}'. "
                                   "Specify a non-binary module after the '&' and try the operation again.",
                                   error_id="CantInvokeInBinaryModule", category=ErrorCategory.InvalidOperation)
        raise RuntimeException(f"Cannot use '&' to invoke in the context of module '{self.name}' because it is "
                               f"not imported. Import the module '{self.name}' and try the operation again.",
                               error_id="CantInvokeInNonImportedModule", category=ErrorCategory.InvalidOperation)

    @property
    def session_state(self) -> Any:
        """``$module.SessionState``: the module's state as
        ``$ExecutionContext.SessionState`` shows the caller's ($null for a
        module without one)."""
        if self.scope is None:
            return None
        from pwshlike.runtime.active import context
        from pwshlike.runtime.intrinsics import SessionStateIntrinsics
        return SessionStateIntrinsics(context, self.scope)

    def new_bound_script_block(self, script_block: Any) -> Any:
        """``$module.NewBoundScriptBlock($sb)``: a copy of the block bound to
        this module; .NET dereferences a $null block, hence its null error."""
        if script_block is None:
            raise NullReferenceException()
        return script_block.bound_to(self.session_state_root())

    def invoke(self, script_block: Any, *args: Any) -> Any:
        """``$module.Invoke($sb, args)``: the block run in this module's state
        ($null for a $null block, as pwsh checks for it first)."""
        if script_block is None:
            return None
        return script_block.bound_to(self.session_state_root()).invoke_return_as_is(*args)

    def as_custom_object(self) -> Any:
        """``$module.AsCustomObject()``: its exported functions as script
        methods and exported variables as properties."""
        self.session_state_root()
        from .dynamic import as_custom_object
        functions, _aliases, variables = self.exports or ({}, {}, {})
        return as_custom_object(functions, variables)

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"PSModuleInfo({self.name!r}, {str(self.version)!r})"


def _register_type() -> None:
    from pwshlike.dotnet import types
    types.enum_type(MODULE_TYPE)
    types.register_class(PSModuleInfo, PSModuleInfo.full_name, "psmoduleinfo")


_register_type()
