"""The text of a module manifest as New-ModuleManifest writes it.

pwsh's NewModuleManifestCommand writes a fixed template: a comment header,
then every manifest key with its description as a comment, the keys that
were given set and the others commented out with their default, then the
PrivateData/PSData block.  The layout (quoting, the 80-column wrapping of
name lists, the blank lines) follows that code so that a manifest written
here reads, and diffs, like one pwsh wrote.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Optional

NEWLINE = "\n"

DESCRIPTIONS = {
    "RootModule": "Script module or binary module file associated with this manifest.",
    "ModuleVersion": "Version number of this module.",
    "CompatiblePSEditions": "Supported PSEditions",
    "GUID": "ID used to uniquely identify this module",
    "Author": "Author of this module",
    "CompanyName": "Company or vendor of this module",
    "Copyright": "Copyright statement for this module",
    "Description": "Description of the functionality provided by this module",
    "PowerShellVersion": "Minimum version of the PowerShell engine required by this module",
    "PowerShellHostName": "Name of the PowerShell host required by this module",
    "PowerShellHostVersion": "Minimum version of the PowerShell host required by this module",
    "DotNetFrameworkVersion": "Minimum version of Microsoft .NET Framework required by this module. "
                              "This prerequisite is valid for the PowerShell Desktop edition only.",
    "ClrVersion": "Minimum version of the common language runtime (CLR) required by this module. "
                  "This prerequisite is valid for the PowerShell Desktop edition only.",
    "ProcessorArchitecture": "Processor architecture (None, X86, Amd64) required by this module",
    "RequiredModules": "Modules that must be imported into the global environment prior to importing this module",
    "RequiredAssemblies": "Assemblies that must be loaded prior to importing this module",
    "ScriptsToProcess": "Script files (.ps1) that are run in the caller's environment prior to importing this module.",
    "TypesToProcess": "Type files (.ps1xml) to be loaded when importing this module",
    "FormatsToProcess": "Format files (.ps1xml) to be loaded when importing this module",
    "NestedModules": "Modules to import as nested modules of the module specified in RootModule/ModuleToProcess",
    "FunctionsToExport": "Functions to export from this module, for best performance, do not use wildcards and do "
                         "not delete the entry, use an empty array if there are no functions to export.",
    "CmdletsToExport": "Cmdlets to export from this module, for best performance, do not use wildcards and do not "
                       "delete the entry, use an empty array if there are no cmdlets to export.",
    "VariablesToExport": "Variables to export from this module",
    "AliasesToExport": "Aliases to export from this module, for best performance, do not use wildcards and do not "
                       "delete the entry, use an empty array if there are no aliases to export.",
    "DscResourcesToExport": "DSC resources to export from this module",
    "ModuleList": "List of all modules packaged with this module",
    "FileList": "List of all files packaged with this module",
    "PrivateData": "Private data to pass to the module specified in RootModule/ModuleToProcess. This may also "
                   "contain a PSData hashtable with additional module metadata used by PowerShell.",
    "HelpInfoURI": "HelpInfo URI of this module",
    "DefaultCommandPrefix": "Default prefix for commands exported from this module. Override the default prefix "
                            "using Import-Module -Prefix.",
    "Tags": "Tags applied to this module. These help with module discovery in online galleries.",
    "LicenseUri": "A URL to the license for this module.",
    "ProjectUri": "A URL to the main website for this project.",
    "IconUri": "A URL to an icon representing this module.",
    "ReleaseNotes": "ReleaseNotes of this module",
    "Prerelease": "Prerelease string of this module",
    "RequireLicenseAcceptance": "Flag to indicate whether the module requires explicit user acceptance for "
                                "install/update/save",
    "ExternalModuleDependencies": "External dependent modules of this module",
}


def quote(value: Any) -> str:
    """A single-quoted PowerShell string ('' for none)."""
    if value is None:
        return "''"
    return "'" + str(value).replace("'", "''") + "'"


def quote_names(names: Optional[Iterable[Any]]) -> str:
    """Quoted names joined by commas, wrapped past column 80 as pwsh's QuoteNames does; ``@()`` for none."""
    if names is None:
        return "@()"
    parts: list[str] = []
    offset = 15
    for name in names:
        if name is None or str(name) == "":
            continue
        quoted = quote(name)
        if parts:
            parts.append(", ")
        offset += len(quoted)
        if offset > 80:
            parts.append(NEWLINE + " " * 15)
            offset = 15 + len(quoted)
        parts.append(quoted)
    return "".join(parts) if parts else "@()"


def quote_modules(specs: Optional[Iterable[Any]]) -> str:
    """``@('A', @{ModuleName = 'B'; ModuleVersion = '1.0'; })``: module
    names, or hashtables (ModuleSpecifications) for versioned ones."""
    items: list[str] = []
    for spec in specs or ():
        if spec is None:
            continue
        if hasattr(spec, "get") and not isinstance(spec, str):
            text = "@{ModuleName = " + quote(spec.get("ModuleName")) + "; "
            for key in ("GUID", "ModuleVersion", "MaximumVersion", "RequiredVersion"):
                if spec.get(key) is not None:
                    text += f"{key} = {quote(spec.get(key))}; "
            items.append(text + "}")
        else:
            items.append(quote(spec))
    return "@(" + (", " + NEWLINE + " " * 15).join(items) + ")"


class ManifestText:
    """Builds the manifest text one key at a time (``indent`` is the
    nesting of the PrivateData/PSData blocks)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.indent = ""

    def comment(self, text: str = "") -> None:
        self.parts.append("#" + (" " + text if text else "") + NEWLINE)

    def raw(self, text: str) -> None:
        self.parts.append(text)

    def key(self, key: str, has_value: bool, value: Callable[[], str], description: str = "") -> None:
        """``# description`` then ``Key = value``, commented out when not given."""
        text = description or DESCRIPTIONS[key]
        prefix = "" if has_value else "# "
        self.parts.append(f"{self.indent}# {text}{NEWLINE}{self.indent}{prefix}{key} = {value()}{NEWLINE}{NEWLINE}")

    def text(self) -> str:
        return "".join(self.parts)
