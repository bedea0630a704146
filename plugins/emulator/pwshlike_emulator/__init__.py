"""pwshlike plugin: the Pwshlike.Emulator module.

Its cmdlets start, describe, fault and stop the Azure AD and Microsoft
Graph emulator of :mod:`pwshlike.emulator`.  While an emulator runs, in
this process or another one, its ``emulator.json`` names it, and this
plugin registers the ``Emulator`` environment from it for the Partner
Center and Microsoft Graph cmdlets; reading that small file is all it does
at start-up.
"""

from __future__ import annotations

from pwshlike.plugin import CommandSpec, FormatView, ViewColumn, hookimpl

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MODULE = "Pwshlike.Emulator"
MODULE_VERSION = "1.0.0"
INFO_TYPE = "Pwshlike.Emulator.EmulatorInfo"
LOG_ENTRY_TYPE = "Pwshlike.Emulator.RequestLogEntry"
_COMMANDS = ("Start-PwshlikeEmulator", "Get-PwshlikeEmulator", "Stop-PwshlikeEmulator", "Get-PwshlikeEmulatorLog",
             "Set-PwshlikeEmulatorFault", "Clear-PwshlikeEmulatorFault")


@hookimpl
def pwshlike_add_modules(modules: Any) -> None:
    modules.add(MODULE, MODULE_VERSION,
                commands=[CommandSpec(name, f"pwshlike_emulator.cmdlets:{name.replace('-', '')}",
                                      implementing_type=f"Pwshlike.Emulator.Commands.{name.replace('-', '')}Command")
                          for name in _COMMANDS],
                description="An emulator of Azure AD and Microsoft Graph on this machine, over HTTPS on "
                            "loopback, so identity scripts run and are tested offline.",
                author="pwshlike", project_uri="")


@hookimpl
def pwshlike_add_environments(environments: Any) -> None:
    from .environment import read_running_emulator, register
    info = read_running_emulator()
    if info is not None:
        register(environments, info)


@hookimpl
def pwshlike_add_format_views(views: Any) -> None:
    views.add(FormatView("RequestLogEntry", [LOG_ENTRY_TYPE], "table", [
        ViewColumn("Time", "Time"), ViewColumn("Method", "Method", width=6), ViewColumn("StatusCode", "StatusCode"),
        ViewColumn("Faulted", "Faulted"), ViewColumn("ClientId", "ClientId", width=36), ViewColumn("Path", "Path")]))
