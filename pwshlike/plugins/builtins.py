"""The built-in plugin: every cmdlet pwshlike ships, listed by import path
so none is imported until used.

Each entry: cmdlet name -> (module, class name, PowerShell module); a
module name without a dot is one of :mod:`pwshlike.commands.builtins`.  The
implementing type shown in FullyQualifiedErrorIds is pwsh's
``Microsoft.PowerShell.Commands.<Class>``.  The cmdlets live in the layer
their subject belongs to (most in :mod:`pwshlike.commands.builtins`, the
module cmdlets in :mod:`pwshlike.modules.cmdlets`, the plugin cmdlets and
Clear-PwshlikeTokenCache here in ``plugins``).

This module is the first plugin the plugin manager registers: its hook
implementations declare the engine's modules (one per PowerShell module
named in the table) exactly as a plugin declares its own.
"""

from __future__ import annotations

from .markers import hookimpl

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_UTILITY = "Microsoft.PowerShell.Utility"
_CORE = "Microsoft.PowerShell.Core"
_MANAGEMENT = "Microsoft.PowerShell.Management"
_SECURITY = "Microsoft.PowerShell.Security"
_HOST = "Microsoft.PowerShell.Host"

BUILTIN_CMDLETS: dict[str, tuple[str, str, str]] = {
    "Write-Output": ("output", "WriteOutputCommand", _UTILITY),
    "Write-Host": ("output", "WriteHostCommand", _UTILITY),
    "Write-Error": ("output", "WriteErrorCommand", _UTILITY),
    "Get-Error": ("get_error", "GetErrorCommand", _UTILITY),
    "Write-Warning": ("output", "WriteWarningCommand", _UTILITY),
    "Write-Verbose": ("output", "WriteVerboseCommand", _UTILITY),
    "Write-Debug": ("output", "WriteDebugCommand", _UTILITY),
    "Write-Information": ("output", "WriteInformationCommand", _UTILITY),
    "ForEach-Object": ("objects", "ForEachObjectCommand", _CORE),
    "Where-Object": ("objects", "WhereObjectCommand", _CORE),
    "Select-Object": ("objects", "SelectObjectCommand", _UTILITY),
    "New-Object": ("newobject", "NewObjectCommand", _UTILITY),
    "Out-File": ("outfile", "OutFileCommand", _UTILITY),
    "Out-Null": ("objects", "OutNullCommand", _CORE),
    "Out-String": ("objects", "OutStringCommand", _UTILITY),
    "Out-Default": ("objects", "OutDefaultCommand", _CORE),
    "Out-Host": ("format", "OutHostCommand", _CORE),
    "Format-Table": ("format", "FormatTableCommand", _UTILITY),
    "Format-List": ("format", "FormatListCommand", _UTILITY),
    "Format-Wide": ("format", "FormatWideCommand", _UTILITY),
    "Write-Progress": ("progress", "WriteProgressCommand", _UTILITY),
    "Get-Command": ("discovery", "GetCommandCommand", _CORE),
    "Get-Help": ("helpcmd", "GetHelpCommand", _CORE),
    "Get-Module": ("pwshlike.modules.cmdlets", "GetModuleCommand", _CORE),
    "Import-Module": ("pwshlike.modules.cmdlets", "ImportModuleCommand", _CORE),
    "Remove-Module": ("pwshlike.modules.cmdlets", "RemoveModuleCommand", _CORE),
    "Export-ModuleMember": ("pwshlike.modules.cmdlets", "ExportModuleMemberCommand", _CORE),
    "New-Module": ("pwshlike.modules.cmdlets", "NewModuleCommand", _CORE),
    "New-ModuleManifest": ("pwshlike.modules.manifest_cmdlet", "NewModuleManifestCommand", _CORE),
    "Get-Alias": ("discovery", "GetAliasCommand", _UTILITY),
    "Set-Alias": ("discovery", "SetAliasCommand", _UTILITY),
    "New-Alias": ("discovery", "NewAliasCommand", _UTILITY),
    "Get-Variable": ("variables", "GetVariableCommand", _UTILITY),
    "Set-Variable": ("variables", "SetVariableCommand", _UTILITY),
    "Set-StrictMode": ("strictmode", "SetStrictModeCommand", _CORE),
    "New-Variable": ("variables", "NewVariableCommand", _UTILITY),
    "Remove-Variable": ("variables", "RemoveVariableCommand", _UTILITY),
    "Clear-Variable": ("variables", "ClearVariableCommand", _UTILITY),
    "Sort-Object": ("sort", "SortObjectCommand", _UTILITY),
    "Group-Object": ("group", "GroupObjectCommand", _UTILITY),
    "Measure-Object": ("measure", "MeasureObjectCommand", _UTILITY),
    "Compare-Object": ("compare", "CompareObjectCommand", _UTILITY),
    "Tee-Object": ("tee", "TeeObjectCommand", _UTILITY),
    "Add-Member": ("members_cmds", "AddMemberCommand", _UTILITY),
    "Get-Member": ("members_cmds", "GetMemberCommand", _UTILITY),
    "Update-TypeData": ("typedata_cmds", "UpdateTypeDataCommand", _UTILITY),
    "Get-TypeData": ("typedata_cmds", "GetTypeDataCommand", _UTILITY),
    "Remove-TypeData": ("typedata_cmds", "RemoveTypeDataCommand", _UTILITY),
    "Update-FormatData": ("typedata_cmds", "UpdateFormatDataCommand", _UTILITY),
    "Get-FormatData": ("typedata_cmds", "GetFormatDataCommand", _UTILITY),
    "ConvertTo-Json": ("jsoncmds", "ConvertToJsonCommand", _UTILITY),
    "ConvertFrom-Json": ("jsoncmds", "ConvertFromJsonCommand", _UTILITY),
    "ConvertTo-Csv": ("csvcmds", "ConvertToCsvCommand", _UTILITY),
    "ConvertFrom-Csv": ("csvcmds", "ConvertFromCsvCommand", _UTILITY),
    "Export-Csv": ("csvcmds", "ExportCsvCommand", _UTILITY),
    "Export-Clixml": ("clixml_cmds", "ExportClixmlCommand", _UTILITY),
    "Import-Clixml": ("clixml_cmds", "ImportClixmlCommand", _UTILITY),
    "Start-Job": ("job_cmds", "StartJobCommand", _CORE),
    "Get-Job": ("job_cmds", "GetJobCommand", _CORE),
    "Receive-Job": ("job_cmds", "ReceiveJobCommand", _CORE),
    "Wait-Job": ("job_cmds", "WaitJobCommand", _CORE),
    "Stop-Job": ("job_cmds", "StopJobCommand", _CORE),
    "Remove-Job": ("job_cmds", "RemoveJobCommand", _CORE),
    "Start-ThreadJob": ("job_cmds", "StartThreadJobCommand", "ThreadJob"),
    "Import-Csv": ("csvcmds", "ImportCsvCommand", _UTILITY),
    "Invoke-Expression": ("invoke", "InvokeExpressionCommand", _UTILITY),
    "Invoke-Command": ("invoke", "InvokeCommandCommand", _CORE),
    "Measure-Command": ("invoke", "MeasureCommandCommand", _UTILITY),
    "Get-Date": ("utility", "GetDateCommand", _UTILITY),
    "New-TimeSpan": ("utility", "NewTimeSpanCommand", _UTILITY),
    "New-Guid": ("utility", "NewGuidCommand", _UTILITY),
    "Get-Random": ("randomness", "GetRandomCommand", _UTILITY),
    "Get-SecureRandom": ("randomness", "GetSecureRandomCommand", _UTILITY),
    "Get-Unique": ("getunique", "GetUniqueCommand", _UTILITY),
    "Join-String": ("joinstring", "JoinStringCommand", _UTILITY),
    "ConvertFrom-StringData": ("stringdata", "ConvertFromStringDataCommand", _UTILITY),
    "Import-PowerShellDataFile": ("datafile", "ImportPowerShellDataFileCommand", _UTILITY),
    "Get-Verb": ("getverb", "GetVerbCommand", _UTILITY),
    "Format-Hex": ("formathex", "FormatHexCommand", _UTILITY),
    "ConvertTo-Html": ("converttohtml", "ConvertToHtmlCommand", _UTILITY),
    "Select-String": ("selectstring", "SelectStringCommand", _UTILITY),
    "Select-Xml": ("selectxml", "SelectXmlCommand", _UTILITY),
    "Start-Sleep": ("sleep", "StartSleepCommand", _UTILITY),
    "Get-Culture": ("culture_cmds", "GetCultureCommand", _UTILITY),
    "Get-UICulture": ("culture_cmds", "GetUICultureCommand", _UTILITY),
    "Get-History": ("history", "GetHistoryCommand", _CORE),
    "Add-History": ("history", "AddHistoryCommand", _CORE),
    "Clear-History": ("history", "ClearHistoryCommand", _CORE),
    "Invoke-History": ("history", "InvokeHistoryCommand", _CORE),
    "Get-Host": ("session_info", "GetHostCommand", _UTILITY),
    "Get-Uptime": ("session_info", "GetUptimeCommand", _UTILITY),
    "Get-PSCallStack": ("session_info", "GetPSCallStackCommand", _UTILITY),
    "Start-Transcript": ("transcript_cmds", "StartTranscriptCommand", _HOST),
    "Stop-Transcript": ("transcript_cmds", "StopTranscriptCommand", _HOST),
    # Files, locations, input, secrets and the web cmdlets.
    "Get-Content": ("content", "GetContentCommand", _MANAGEMENT),
    "Set-Content": ("content", "SetContentCommand", _MANAGEMENT),
    "Add-Content": ("content", "AddContentCommand", _MANAGEMENT),
    "Test-Path": ("paths", "TestPathCommand", _MANAGEMENT),
    "Join-Path": ("paths", "JoinPathCommand", _MANAGEMENT),
    "Split-Path": ("paths", "SplitPathCommand", _MANAGEMENT),
    "Resolve-Path": ("paths", "ResolvePathCommand", _MANAGEMENT),
    "Get-ChildItem": ("items", "GetChildItemCommand", _MANAGEMENT),
    "Get-Item": ("items", "GetItemCommand", _MANAGEMENT),
    "New-Item": ("item_lifecycle", "NewItemCommand", _MANAGEMENT),
    "Remove-Item": ("item_lifecycle", "RemoveItemCommand", _MANAGEMENT),
    "Set-Item": ("item_value", "SetItemCommand", _MANAGEMENT),
    "Copy-Item": ("item_transfer", "CopyItemCommand", _MANAGEMENT),
    "Move-Item": ("item_transfer", "MoveItemCommand", _MANAGEMENT),
    "Rename-Item": ("item_transfer", "RenameItemCommand", _MANAGEMENT),
    "Invoke-Item": ("invoke_item", "InvokeItemCommand", _MANAGEMENT),
    "Get-FileHash": ("filehash", "GetFileHashCommand", _UTILITY),
    "New-TemporaryFile": ("temporaryfile", "NewTemporaryFileCommand", _UTILITY),
    "Clear-Item": ("item_clear", "ClearItemCommand", _MANAGEMENT),
    "Clear-Content": ("item_clear", "ClearContentCommand", _MANAGEMENT),
    "Get-ItemProperty": ("item_properties", "GetItemPropertyCommand", _MANAGEMENT),
    "Get-ItemPropertyValue": ("item_properties", "GetItemPropertyValueCommand", _MANAGEMENT),
    "Set-ItemProperty": ("item_properties", "SetItemPropertyCommand", _MANAGEMENT),
    "Clear-ItemProperty": ("item_properties", "ClearItemPropertyCommand", _MANAGEMENT),
    "New-ItemProperty": ("item_dynamic_properties", "NewItemPropertyCommand", _MANAGEMENT),
    "Remove-ItemProperty": ("item_dynamic_properties", "RemoveItemPropertyCommand", _MANAGEMENT),
    "Rename-ItemProperty": ("item_dynamic_properties", "RenameItemPropertyCommand", _MANAGEMENT),
    "Copy-ItemProperty": ("item_dynamic_properties", "CopyItemPropertyCommand", _MANAGEMENT),
    "Move-ItemProperty": ("item_dynamic_properties", "MoveItemPropertyCommand", _MANAGEMENT),
    "Get-Location": ("locations", "GetLocationCommand", _MANAGEMENT),
    "Get-Process": ("process", "GetProcessCommand", _MANAGEMENT),
    "Stop-Process": ("process_control", "StopProcessCommand", _MANAGEMENT),
    "Wait-Process": ("process_control", "WaitProcessCommand", _MANAGEMENT),
    "Start-Process": ("process_start", "StartProcessCommand", _MANAGEMENT),
    "Set-Location": ("locations", "SetLocationCommand", _MANAGEMENT),
    "Push-Location": ("locations", "PushLocationCommand", _MANAGEMENT),
    "Pop-Location": ("locations", "PopLocationCommand", _MANAGEMENT),
    "Get-PSDrive": ("psdrives", "GetPSDriveCommand", _MANAGEMENT),
    "New-PSDrive": ("psdrives", "NewPSDriveCommand", _MANAGEMENT),
    "Remove-PSDrive": ("psdrives", "RemovePSDriveCommand", _MANAGEMENT),
    "Get-PSProvider": ("psdrives", "GetPSProviderCommand", _MANAGEMENT),
    "Convert-Path": ("paths", "ConvertPathCommand", _MANAGEMENT),
    "Read-Host": ("hostinput", "ReadHostCommand", _UTILITY),
    "Get-Credential": ("hostinput", "GetCredentialCommand", _SECURITY),
    "ConvertTo-SecureString": ("secrets", "ConvertToSecureStringCommand", _SECURITY),
    "ConvertFrom-SecureString": ("secrets", "ConvertFromSecureStringCommand", _SECURITY),
    "Invoke-RestMethod": ("web", "InvokeRestMethodCommand", _UTILITY),
    "Invoke-WebRequest": ("web", "InvokeWebRequestCommand", _UTILITY),
    # The identity service every sign-in cmdlet shares.
    "Clear-PwshlikeTokenCache": ("pwshlike.plugins.tokencache", "ClearPwshlikeTokenCacheCommand", "Pwshlike.Identity"),
    # The plugins themselves.
    "Get-PwshlikePlugin": ("pwshlike.plugins.cmdlets", "GetPwshlikePluginCommand", "Pwshlike.Plugins"),
    "Test-PwshlikePlugin": ("pwshlike.plugins.cmdlets", "TestPwshlikePluginCommand", "Pwshlike.Plugins"),
}


# The cmdlets whose .NET class lives outside Microsoft.PowerShell.Commands
# (their FullyQualifiedErrorIds name that class).
_IMPLEMENTING_TYPES: dict[str, str] = {
    "Join-String": "Microsoft.PowerShell.Commands.Utility.JoinStringCommand",
}

ENGINE_MODULE_VERSION = "7.0.0.0"


def _full_module(module: str) -> str:
    return module if "." in module else f"pwshlike.commands.builtins.{module}"


@hookimpl
def pwshlike_add_modules(modules: Any) -> None:
    """The engine's modules, imported in every session from the start."""
    from pwshlike.modules.model import CommandSpec, ModuleSpec
    grouped: dict[str, list[CommandSpec]] = {}
    for name, (module, attribute, ps_module) in BUILTIN_CMDLETS.items():
        grouped.setdefault(ps_module, []).append(
            CommandSpec(name, f"{_full_module(module)}:{attribute}",
                        _IMPLEMENTING_TYPES.get(name, f"Microsoft.PowerShell.Commands.{attribute}")))
    for ps_module, commands in grouped.items():
        # pwsh's own modules are imported in every session; pwshlike's own
        # (Pwshlike.Identity) load on first use, as any other module does.
        engine = ps_module.startswith("Microsoft.PowerShell.")
        modules.add(ModuleSpec(ps_module, ENGINE_MODULE_VERSION if engine else "1.0.0", commands=commands,
                               builtin=engine, author="pwshlike"))


@hookimpl
def pwshlike_add_format_views(views: Any) -> None:
    from .module_views import module_views
    from .views import plugin_views
    for view in module_views() + plugin_views():
        views.add(view)
