"""pwshlike plugin: the PartnerCenter PowerShell module.

Registered through the ``pwshlike`` entry point like any third-party
plugin.  This module only declares things (names, import paths, data);
the cmdlet class in :mod:`pwshlike_partnercenter.cmdlets` is imported the
first time New-PartnerAccessToken is described or run.
"""

from __future__ import annotations

from typing import Any

from pwshlike.plugin import CloudEnvironment, CommandSpec, hookimpl

MODULE = "PartnerCenter"
MODULE_VERSION = "3.0.11"
TYPES_NAMESPACE = "Microsoft.Store.PartnerCenter.PowerShell.Models.Authentication"
ENVIRONMENT_TYPE = f"{TYPES_NAMESPACE}.EnvironmentName"
MODULE_NAME_TYPE = f"{TYPES_NAMESPACE}.ModuleName"

# The clouds New-PartnerAccessToken's -Environment accepts, in the module's order.
ENVIRONMENTS: dict[str, dict[str, str]] = {
    "AzureCloud": {"ActiveDirectoryAuthority": "https://login.microsoftonline.com/",
                   "PartnerCenterEndpoint": "https://api.partnercenter.microsoft.com",
                   "GraphEndpoint": "https://graph.microsoft.com"},
    "AzureChinaCloud": {"ActiveDirectoryAuthority": "https://login.chinacloudapi.cn/",
                        "PartnerCenterEndpoint": "https://partner.partnercenterapi.microsoftonline.cn",
                        "GraphEndpoint": "https://microsoftgraph.chinacloudapi.cn"},
    "AzureGermanCloud": {"ActiveDirectoryAuthority": "https://login.microsoftonline.de/",
                         "PartnerCenterEndpoint": "https://api.partnercenter.microsoft.com",
                         "GraphEndpoint": "https://graph.microsoft.de"},
    "AzurePPE": {"ActiveDirectoryAuthority": "https://login.windows-ppe.net/",
                 "PartnerCenterEndpoint": "https://api.partnercenter.microsoft-ppe.com",
                 "GraphEndpoint": "https://graph.microsoft-ppe.com"},
    "AzureUSGovernment": {"ActiveDirectoryAuthority": "https://login.microsoftonline.us/",
                          "PartnerCenterEndpoint": "https://api.partnercenter.microsoft.com",
                          "GraphEndpoint": "https://graph.microsoft.us"},
}


@hookimpl
def pwshlike_add_modules(modules: Any) -> None:
    modules.add(MODULE, MODULE_VERSION,
                commands=[CommandSpec("New-PartnerAccessToken", "pwshlike_partnercenter.cmdlets:NewPartnerAccessToken",
                                      implementing_type="Microsoft.Store.PartnerCenter.PowerShell.Commands."
                                                        "NewPartnerAccessToken")],
                description="Partner Center cmdlets: acquiring access tokens for Partner Center and other APIs.",
                author="pwshlike", project_uri="https://docs.microsoft.com/powershell/partnercenter/")


@hookimpl
def pwshlike_add_types(types: Any) -> None:
    types.add_enum(ENVIRONMENT_TYPE, list(ENVIRONMENTS), module=MODULE)
    types.add_enum(MODULE_NAME_TYPE, ["ExchangeOnline"], module=MODULE)


@hookimpl
def pwshlike_add_environments(environments: Any) -> None:
    for name, endpoints in ENVIRONMENTS.items():
        environments.add(CloudEnvironment("PartnerCenter", name, endpoints))
