"""The cmdlets pwshlike ships, listed by name so none is imported until used.

Each entry: cmdlet name -> (module, class name, PowerShell module).  The
implementing type shown in FullyQualifiedErrorIds is pwsh's
``Microsoft.PowerShell.Commands.<Class>``.
"""

from __future__ import annotations

from ..commandinfo import CmdletInfo
from ..registry import CommandRegistry, lazy_class

_UTILITY = "Microsoft.PowerShell.Utility"
_CORE = "Microsoft.PowerShell.Core"

BUILTIN_CMDLETS: dict[str, tuple[str, str, str]] = {
    "Write-Output": ("output", "WriteOutputCommand", _UTILITY),
    "Write-Host": ("output", "WriteHostCommand", _UTILITY),
    "Write-Error": ("output", "WriteErrorCommand", _UTILITY),
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
    "Get-Command": ("discovery", "GetCommandCommand", _CORE),
    "Get-Alias": ("discovery", "GetAliasCommand", _UTILITY),
    "Set-Alias": ("discovery", "SetAliasCommand", _UTILITY),
    "New-Alias": ("discovery", "NewAliasCommand", _UTILITY),
    "Get-Variable": ("variables", "GetVariableCommand", _UTILITY),
    "Set-Variable": ("variables", "SetVariableCommand", _UTILITY),
    "New-Variable": ("variables", "NewVariableCommand", _UTILITY),
    "Remove-Variable": ("variables", "RemoveVariableCommand", _UTILITY),
    "Clear-Variable": ("variables", "ClearVariableCommand", _UTILITY),
}


def register_builtins(registry: CommandRegistry) -> None:
    for name, (module, attribute, ps_module) in BUILTIN_CMDLETS.items():
        registry.add(CmdletInfo(name, lazy_class(f"{__name__}.{module}", attribute), ps_module,
                                f"Microsoft.PowerShell.Commands.{attribute}"))
