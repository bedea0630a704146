"""pwshlike plugin: the PartnerCenter PowerShell module.

Registered through the ``pwshlike`` entry point like any third-party
plugin.  This module only declares things (names, import paths, data);
the cmdlet class in :mod:`pwshlike_partnercenter.cmdlets` is imported the
first time New-PartnerAccessToken is described or run.
"""

from __future__ import annotations

from pwshlike.plugin import CloudEnvironment, CommandSpec, FormatView, ViewColumn, hookimpl

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MODULE = "PartnerCenter"
MODULE_VERSION = "3.0.11"
TYPES_NAMESPACE = "Microsoft.Store.PartnerCenter.PowerShell.Models.Authentication"
ENVIRONMENT_TYPE = f"{TYPES_NAMESPACE}.EnvironmentName"
AUTH_RESULT_TYPE = f"{TYPES_NAMESPACE}.AuthResult"
MODULE_NAME_TYPE = f"{TYPES_NAMESPACE}.ModuleName"

# The clouds New-PartnerAccessToken's -Environment accepts, in the module's order.
# Endpoints are where requests go; resources (below) are the identifiers
# scopes and audiences name.  In Microsoft's clouds the two coincide; in
# the emulator's environment they do not.
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
EXCHANGE_ONLINE = {"AzureChinaCloud": "https://partner.outlook.cn", "AzureUSGovernment": "https://outlook.office365.us"}
# The sixth member, Emulator, is pwshlike's own: the Azure AD emulator on
# this machine, registered by the Pwshlike.Emulator plugin while one runs.
ENVIRONMENT_NAMES = (*ENVIRONMENTS, "Emulator")


def resources(name: str, endpoints: dict[str, str]) -> dict[str, str]:
    """The resource identifiers of cloud ``name``: in these clouds they are
    the services' own base URLs."""
    return {"PartnerCenter": endpoints["PartnerCenterEndpoint"], "Graph": endpoints["GraphEndpoint"],
            "ExchangeOnline": EXCHANGE_ONLINE.get(name, "https://outlook.office365.com")}


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
    types.add_enum(ENVIRONMENT_TYPE, list(ENVIRONMENT_NAMES), module=MODULE)
    types.add_enum(MODULE_NAME_TYPE, ["ExchangeOnline"], module=MODULE)
    types.add_class(AUTH_RESULT_TYPE, "pwshlike_partnercenter.models:AuthResult", module=MODULE)


@hookimpl
def pwshlike_add_environments(environments: Any) -> None:
    for name, endpoints in ENVIRONMENTS.items():
        environments.add(CloudEnvironment("PartnerCenter", name, endpoints, resources=resources(name, endpoints),
                                          instance_discovery=name != "AzurePPE",
                                          retired=name == "AzureGermanCloud"))


def _shortened(prop: str) -> ViewColumn:
    """A token column showing its first eight characters and its length."""
    return ViewColumn(prop, script=f"if ($_.{prop}) {{ '{{0}}…({{1}} chars)' -f $_.{prop}.Substring(0, "
                                   f"[Math]::Min(8, $_.{prop}.Length)), $_.{prop}.Length }}")


@hookimpl
def pwshlike_add_format_views(views: Any) -> None:
    views.add(FormatView("AuthResult", [AUTH_RESULT_TYPE], "list", [
        _shortened("AccessToken"), _shortened("RefreshToken"), _shortened("IdToken"),
        ViewColumn("TokenType", "TokenType"), ViewColumn("ExpiresOn", "ExpiresOn"),
        ViewColumn("ExtendedExpiresOn", "ExtendedExpiresOn"),
        ViewColumn("IsExtendedLifeTimeToken", "IsExtendedLifeTimeToken"), ViewColumn("TenantId", "TenantId"),
        ViewColumn("UniqueId", "UniqueId"), ViewColumn("Account", script="$_.Account.Username"),
        ViewColumn("Scopes", "Scopes"), ViewColumn("CorrelationId", "CorrelationId")]))
