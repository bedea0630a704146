"""pwsh 7's default aliases on Linux (``Get-Alias`` in a fresh session).

Aliases that Windows PowerShell has but pwsh on Linux leaves to native
programs (ls, cat, cp, mv, rm, ps, sort...) are deliberately absent.
"""

DEFAULT_ALIASES: dict[str, str] = {
    "?": "Where-Object", "%": "ForEach-Object", "foreach": "ForEach-Object", "where": "Where-Object",
    "echo": "Write-Output", "select": "Select-Object", "ft": "Format-Table", "fl": "Format-List",
    "fw": "Format-Wide", "gcm": "Get-Command", "gm": "Get-Member", "gal": "Get-Alias",
    "gci": "Get-ChildItem", "dir": "Get-ChildItem", "gc": "Get-Content", "gi": "Get-Item",
    "gl": "Get-Location", "pwd": "Get-Location", "sl": "Set-Location", "cd": "Set-Location",
    "chdir": "Set-Location", "pushd": "Push-Location", "popd": "Pop-Location", "gv": "Get-Variable",
    "sv": "Set-Variable", "set": "Set-Variable", "nv": "New-Variable", "rv": "Remove-Variable", "clv": "Clear-Variable",
    "iex": "Invoke-Expression", "icm": "Invoke-Command", "irm": "Invoke-RestMethod",
    "iwr": "Invoke-WebRequest", "measure": "Measure-Object", "group": "Group-Object",
    "compare": "Compare-Object", "sls": "Select-String",
    "ipmo": "Import-Module", "rmo": "Remove-Module", "gmo": "Get-Module", "h": "Get-History",
    "history": "Get-History", "r": "Invoke-History", "ghy": "Get-History", "cls": "Clear-Host",
    "ni": "New-Item", "ri": "Remove-Item", "del": "Remove-Item",
    "erase": "Remove-Item", "rd": "Remove-Item", "copy": "Copy-Item",
    "cpi": "Copy-Item", "move": "Move-Item", "mi": "Move-Item", "ren": "Rename-Item", "rni": "Rename-Item",
    "rvpa": "Resolve-Path", "sal": "Set-Alias", "nal": "New-Alias", "epal": "Export-Alias",
    "sc": "Set-Content", "ac": "Add-Content", "clc": "Clear-Content", 
    "oh": "Out-Host", "ihy": "Invoke-History", "clhy": "Clear-History",
    "gp": "Get-ItemProperty", "sp": "Set-ItemProperty", "gu": "Get-Unique", "gdr": "Get-PSDrive",
    "ndr": "New-PSDrive", "rdr": "Remove-PSDrive",
    "gpv": "Get-ItemPropertyValue", "clp": "Clear-ItemProperty", "rp": "Remove-ItemProperty",
    "rnp": "Rename-ItemProperty", "mp": "Move-ItemProperty", "cli": "Clear-Item", "ii": "Invoke-Item",
    "gps": "Get-Process", "spps": "Stop-Process", "saps": "Start-Process",
    "gjb": "Get-Job", "rcjb": "Receive-Job", "sajb": "Start-Job", "spjb": "Stop-Job", "wjb": "Wait-Job",
    "rjb": "Remove-Job", "cvpa": "Convert-Path", "dbp": "Disable-PSBreakpoint",
    "gerr": "Get-Error", "fhx": "Format-Hex", 
}
