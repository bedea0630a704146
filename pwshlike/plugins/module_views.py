"""The default views of PSModuleInfo, TypeData (Get-TypeData) and
ExtendedTypeDefinition (Get-FormatData).

PSModuleInfo as pwsh's Module table shows it:

    ModuleType Version    PreRelease Name                                ExportedCommands
    ---------- -------    ---------- ----                                ----------------
    Binary     3.0.11                PartnerCenter                       {New-PartnerAccessToken}
"""

from __future__ import annotations

from pwshlike.plugins.registries import FormatView, ViewColumn


def module_views() -> list[FormatView]:
    return [FormatView("Module", ["System.Management.Automation.PSModuleInfo"], "table", [
        ViewColumn("ModuleType", "ModuleType", width=10),
        ViewColumn("Version", "Version", width=10),
        ViewColumn("PreRelease", script="$_.PrivateData.PSData.Prerelease", width=10),
        ViewColumn("Name", "Name", width=35),
        ViewColumn("ExportedCommands", script="$_.ExportedCommands.Keys"),
    ]), FormatView("TypeData", ["System.Management.Automation.Runspaces.TypeData"], "table", [
        ViewColumn("TypeName", "TypeName"),
        ViewColumn("Members", "Members"),
    ]), FormatView("ExtendedTypeDefinition", ["System.Management.Automation.ExtendedTypeDefinition"], "table", [
        ViewColumn("TypeNames", "TypeNames"),
        ViewColumn("FormatViewDefinition", "FormatViewDefinition"),
    ])]
