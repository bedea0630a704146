"""New-ModuleManifest: writes a module manifest (.psd1) as pwsh does.

The defaults follow pwsh's NewModuleManifestCommand: version 0.0.1, a new
GUID, the user's name as author, ``Unknown`` as company, every variable
exported; when none of RootModule, NestedModules and RequiredModules is
given the function, cmdlet and alias lists default to empty (the
manifest is meant to be edited), otherwise to ``*``.
"""

from __future__ import annotations

import datetime
import getpass
import os
from typing import Any, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_set
from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, InvalidOperationException

from .cmdlets import _version
from .manifest_writer import ManifestText, quote, quote_modules, quote_names

_ARCHITECTURES = ["None", "MSIL", "X86", "IA64", "Amd64", "Arm"]


def _guid(value: Any) -> Any:
    from pwshlike.dotnet.types import resolve_type
    return resolve_type("System.Guid").convert(value)


def _uri(value: Any) -> Any:
    from pwshlike.dotnet.types import resolve_type
    return resolve_type("System.Uri").convert(value)


def _strings(help_text: str) -> Parameter:
    return Parameter("String[]", help=help_text, allow_empty_collection=True)


@cmdlet("New-ModuleManifest", supports_should_process=True, help_uri="https://go.microsoft.com/fwlink/?LinkID=2096487")
class NewModuleManifestCommand(Cmdlet):
    """Creates a module manifest (.psd1) describing a module.

    Every manifest key is written with its description; the keys given
    are set and the others left commented out with their defaults, ready
    to edit. The file must not exist yet unless it may be replaced."""

    help_examples = [
        ("Example 1: A manifest for a script module",
         "New-ModuleManifest -Path ./Tools/Tools.psd1 -RootModule Tools.psm1 -ModuleVersion 1.2 "
         "-FunctionsToExport Get-Thing",
         "Writes Tools.psd1; Import-Module ./Tools loads Tools.psm1 through it and exports Get-Thing."),
    ]

    path = Parameter("String", position=0, mandatory=True, help="The .psd1 file to write.")
    nested_modules = Parameter("Object[]", help="Modules imported as nested modules.", allow_empty_collection=True)
    guid = Parameter("Guid", converter=_guid, help="The module's GUID (a new one when not given).")
    author = Parameter("String", allow_empty_string=True, help="The module's author (the user name by default).")
    company_name = Parameter("String", allow_empty_string=True, help="The company (Unknown by default).")
    copyright = Parameter("String", allow_empty_string=True, help="The copyright statement.")
    root_module = Parameter("String", aliases=("ModuleToProcess",), allow_empty_string=True,
                            help="The script or binary module file the manifest loads.")
    module_version = Parameter("Version", converter=_version, help="The module's version (0.0.1 by default).")
    description = Parameter("String", allow_empty_string=True, help="What the module does.")
    processor_architecture = Parameter("String", validators=[validate_set(_ARCHITECTURES)],
                                       accepted_values=tuple(_ARCHITECTURES), help="The processor the module needs.")
    power_shell_version = Parameter("Version", name="PowerShellVersion", converter=_version,
                                    help="The lowest PowerShell version the module runs on.")
    clr_version = Parameter("Version", name="ClrVersion", converter=_version, help="The CLR version (Desktop only).")
    dot_net_framework_version = Parameter("Version", name="DotNetFrameworkVersion", converter=_version,
                                          help="The .NET Framework version (Desktop only).")
    power_shell_host_name = Parameter("String", name="PowerShellHostName", help="The host the module needs.")
    power_shell_host_version = Parameter("Version", name="PowerShellHostVersion", converter=_version,
                                         help="The host version the module needs.")
    required_modules = Parameter("Object[]", help="Modules imported before this one (names or hashtables).")
    types_to_process = _strings("Type files loaded with the module.")
    formats_to_process = _strings("Format files loaded with the module.")
    scripts_to_process = _strings("Scripts run in the caller's session before the module is imported.")
    required_assemblies = _strings("Assemblies loaded before the module.")
    file_list = _strings("Files packaged with the module.")
    module_list = Parameter("Object[]", help="Modules packaged with this one.", allow_empty_collection=True)
    functions_to_export = _strings("Functions the module exports.")
    aliases_to_export = _strings("Aliases the module exports.")
    variables_to_export = _strings("Variables the module exports (all by default).")
    cmdlets_to_export = _strings("Cmdlets the module exports.")
    dsc_resources_to_export = _strings("DSC resources the module exports.")
    compatible_ps_editions = Parameter("String[]", name="CompatiblePSEditions",
                                       validators=[validate_set(["Desktop", "Core"])],
                                       accepted_values=("Desktop", "Core"), help="Desktop, Core or both.")
    private_data = Parameter("Object", allow_null=True, help="Data passed to the module (a hashtable).")
    tags = Parameter("String[]", help="Tags for module galleries.")
    project_uri = Parameter("Uri", converter=_uri, help="The project's web site.")
    license_uri = Parameter("Uri", converter=_uri, help="The module's license.")
    icon_uri = Parameter("Uri", converter=_uri, help="An icon for the module.")
    release_notes = Parameter("String", help="The release notes.")
    prerelease = Parameter("String", help="The prerelease label.")
    require_license_acceptance = Parameter("SwitchParameter", help="Installing needs the license accepted.")
    external_module_dependencies = Parameter("String[]", help="Modules this one needs from outside the gallery.")
    help_info_uri = Parameter("String", name="HelpInfoUri", help="Where updatable help is found.")
    pass_thru = Parameter("SwitchParameter", help="Also outputs the manifest text.")
    default_command_prefix = Parameter("String", help="The prefix Import-Module adds by default.")

    def end_processing(self) -> None:
        from pwshlike.commands.builtins.fspaths import resolve
        target = resolve(self.context.session, self.path)
        if not target.lower().endswith(".psd1"):
            self.throw_terminating_error(ErrorRecord(InvalidOperationException(
                f"The module manifest path '{self.path}' is not valid. The value of the Path argument must resolve "
                "to a single file that has a '.psd1' extension. Change the value of the Path argument to point to a "
                "valid psd1 file, and then try again."), "Modules_InvalidModuleManifestPath",
                ErrorCategory.InvalidArgument, self.path))
            return
        if not self.should_process(target, f"Creating the \"{target}\" module manifest file."):
            return
        text = self._text(os.path.splitext(os.path.basename(target))[0])
        try:
            with open(target, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            from pwshlike.commands.builtins.fspaths import io_error
            self.throw_terminating_error(io_error(exc, target, "FileOpenFailure", ErrorCategory.OpenError))
            return
        if self.pass_thru:
            self.write_object(text)

    def _exports(self) -> tuple[Optional[list[str]], Optional[list[str]], Optional[list[str]]]:
        functions, cmdlets, aliases = self.functions_to_export, self.cmdlets_to_export, self.aliases_to_export
        if self.root_module is not None or self.nested_modules is not None or self.required_modules is not None:
            functions = ["*"] if functions is None else functions
            cmdlets = ["*"] if cmdlets is None else cmdlets
            aliases = ["*"] if aliases is None else aliases
        return functions, cmdlets, aliases

    def _files(self, names: Optional[list[str]]) -> str:
        """File names relative to the current location when they exist there, as written otherwise."""
        if names is None:
            return "@()"
        location = self.context.session.location
        shown = []
        for name in names:
            if not name:
                continue
            full = os.path.join(location, name.replace("\\", "/"))
            shown.append(os.path.relpath(full, location) if os.path.exists(full) else name)
        return quote_names(shown)

    def _text(self, module_name: str) -> str:
        import uuid
        author = self.author or getpass.getuser()
        company = self.company_name or "Unknown"
        copyright = self.copyright or f"(c) {author}. All rights reserved."
        version = self.module_version if self.module_version is not None else "0.0.1"
        guid = self.guid if self.guid is not None else uuid.uuid4()
        root = self.root_module or ""
        functions, cmdlets, aliases = self._exports()
        variables = self.variables_to_export if self.variables_to_export is not None else ["*"]
        today = datetime.date.today()
        out = ManifestText()
        out.comment()
        out.comment(f"Module manifest for module '{module_name}'")
        out.comment()
        out.comment(f"Generated by: {author}")
        out.comment()
        out.comment(f"Generated on: {today.month}/{today.day}/{today.year}")
        out.comment()
        out.raw("\n@{\n\n")
        given = self.bound_parameters
        out.key("RootModule", bool(root), lambda: quote(root))
        out.key("ModuleVersion", True, lambda: quote(version))
        editions = self.compatible_ps_editions
        out.key("CompatiblePSEditions", bool(editions), lambda: quote_names(editions))
        out.key("GUID", True, lambda: quote(guid))
        out.key("Author", True, lambda: quote(author))
        out.key("CompanyName", True, lambda: quote(company))
        out.key("Copyright", True, lambda: quote(copyright))
        out.key("Description", bool(self.description), lambda: quote(self.description))
        for key in ("PowerShellVersion", "PowerShellHostName", "PowerShellHostVersion", "DotNetFrameworkVersion",
                    "ClrVersion", "ProcessorArchitecture"):
            value = given.get(key)
            out.key(key, bool(value is not None and to_string(value)), lambda v=value: quote(v))
        out.key("RequiredModules", bool(self.required_modules), lambda: quote_modules(self.required_modules))
        out.key("RequiredAssemblies", self.required_assemblies is not None,
                lambda: self._files(self.required_assemblies))
        out.key("ScriptsToProcess", self.scripts_to_process is not None, lambda: self._files(self.scripts_to_process))
        out.key("TypesToProcess", self.types_to_process is not None, lambda: self._files(self.types_to_process))
        out.key("FormatsToProcess", self.formats_to_process is not None, lambda: self._files(self.formats_to_process))
        out.key("NestedModules", self.nested_modules is not None,
                lambda: quote_modules(to_string(m) if not hasattr(m, "get") else m for m in self.nested_modules or ()))
        out.key("FunctionsToExport", True, lambda: quote_names(functions))
        out.key("CmdletsToExport", True, lambda: quote_names(cmdlets))
        out.key("VariablesToExport", bool(variables), lambda: quote_names(variables))
        out.key("AliasesToExport", True, lambda: quote_names(aliases))
        dsc = self.dsc_resources_to_export
        out.key("DscResourcesToExport", bool(dsc), lambda: quote_names(dsc))
        out.key("ModuleList", self.module_list is not None, lambda: quote_modules(self.module_list))
        out.key("FileList", self.file_list is not None, lambda: self._files(self.file_list))
        self._private_data(out)
        help_uri = self.help_info_uri
        out.key("HelpInfoURI", bool(help_uri), lambda: quote(help_uri))
        prefix = self.default_command_prefix
        out.key("DefaultCommandPrefix", bool(prefix), lambda: quote(prefix))
        out.raw("}\n\n")
        return out.text()

    def _private_data(self, out: ManifestText) -> None:
        """The PrivateData block with its PSData table (pwsh's BuildPrivateDataInModuleManifest)."""
        data = self.private_data
        is_table = hasattr(data, "items") and hasattr(data, "get")
        if data is not None and not is_table:
            self.write_warning("The PrivateData parameter value should be a hashtable.")
            out.key("PrivateData", True, lambda: quote(to_string(data)))
            return
        out.comment("Private data to pass to the module specified in RootModule/ModuleToProcess. This may also "
                    "contain a PSData hashtable with additional module metadata used by PowerShell.")
        out.raw("PrivateData = @{\n\n    PSData = @{\n\n")
        out.indent = "        "
        tags = self.tags
        out.key("Tags", bool(tags), lambda: quote_names(tags))
        for key, value in (("LicenseUri", self.license_uri), ("ProjectUri", self.project_uri),
                           ("IconUri", self.icon_uri)):
            out.key(key, value is not None, lambda v=value: quote(v))
        out.key("ReleaseNotes", bool(self.release_notes), lambda: quote(self.release_notes))
        out.key("Prerelease", bool(self.prerelease), lambda: quote(self.prerelease))
        accept = bool(self.require_license_acceptance)
        out.key("RequireLicenseAcceptance", accept, lambda: "$true" if accept else "$false")
        dependencies = self.external_module_dependencies
        out.key("ExternalModuleDependencies", bool(dependencies), lambda: quote_names(dependencies))
        out.raw("    } ")
        out.comment("End of PSData hashtable")
        out.raw("\n")
        out.indent = "    "
        if is_table:
            out.raw("\n")
            for key, value in data.items():
                name = to_string(key)
                out.key(name, True, lambda v=value: quote(to_string(v)), description=name)
        out.raw("} ")
        out.comment("End of PrivateData hashtable")
        out.indent = ""
        out.raw("\n")
