"""pwshlike plugin: Microsoft Graph PowerShell modules.

Provides Microsoft.Graph.Identity.SignIns (New-MgOauth2PermissionGrant).
Registered through the ``pwshlike`` entry point like any third-party
plugin; this module only declares names, import paths and data.
"""

from __future__ import annotations

from typing import Any

from pwshlike.plugin import CloudEnvironment, CommandSpec, FormatView, ViewColumn, hookimpl

SIGNINS = "Microsoft.Graph.Identity.SignIns"
GRAPH_MODULE_VERSION = "2.25.0"
MODELS = "Microsoft.Graph.PowerShell.Models"
GRANT_CLASS = f"{MODELS}.MicrosoftGraphOAuth2PermissionGrant"
GRANT_INTERFACE = f"{MODELS}.IMicrosoftGraphOAuth2PermissionGrant"

# Connect-MgGraph -Environment names and their endpoints.
ENVIRONMENTS: dict[str, dict[str, str]] = {
    "Global": {"GraphEndpoint": "https://graph.microsoft.com", "AzureADEndpoint": "https://login.microsoftonline.com"},
    "USGov": {"GraphEndpoint": "https://graph.microsoft.us", "AzureADEndpoint": "https://login.microsoftonline.us"},
    "USGovDoD": {"GraphEndpoint": "https://dod-graph.microsoft.us",
                 "AzureADEndpoint": "https://login.microsoftonline.us"},
    "China": {"GraphEndpoint": "https://microsoftgraph.chinacloudapi.cn",
              "AzureADEndpoint": "https://login.chinacloudapi.cn"},
}


@hookimpl
def pwshlike_add_modules(modules: Any) -> None:
    # The SDK's commands are proxy functions, so errors name the command itself.
    modules.add(SIGNINS, GRAPH_MODULE_VERSION,
                commands=[CommandSpec("New-MgOauth2PermissionGrant",
                                      "pwshlike_msgraph.signins:NewMgOauth2PermissionGrant",
                                      implementing_type="New-MgOauth2PermissionGrant")],
                description="Microsoft Graph PowerShell cmdlets for identity sign-ins: delegated permission "
                            "grants and related objects.",
                author="pwshlike", project_uri="https://github.com/microsoftgraph/msgraph-sdk-powershell")


@hookimpl
def pwshlike_add_types(types: Any) -> None:
    types.add_class(GRANT_CLASS, "pwshlike_msgraph.models:MicrosoftGraphOAuth2PermissionGrant",
                    interfaces=[GRANT_INTERFACE], module=SIGNINS)


@hookimpl
def pwshlike_add_format_views(views: Any) -> None:
    views.add(FormatView("MicrosoftGraphOAuth2PermissionGrant", [GRANT_CLASS], "table", [
        ViewColumn(name, name) for name in ("Id", "ClientId", "ConsentType", "PrincipalId", "ResourceId", "Scope")]))


@hookimpl
def pwshlike_add_environments(environments: Any) -> None:
    for name, endpoints in ENVIRONMENTS.items():
        environments.add(CloudEnvironment("MicrosoftGraph", name, endpoints,
                                          resources={"Graph": endpoints["GraphEndpoint"]}))
