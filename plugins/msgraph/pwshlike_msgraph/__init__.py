"""pwshlike plugin: Microsoft Graph PowerShell modules.

Provides Microsoft.Graph.Authentication (Connect-MgGraph and the commands
around the connection, Invoke-MgGraphRequest) and the modules that require
it: Microsoft.Graph.Identity.SignIns (New-, Get-, Update- and
Remove-MgOauth2PermissionGrant), Microsoft.Graph.Applications
(Get-MgServicePrincipal), Microsoft.Graph.Users (Get-MgUser) and
Microsoft.Graph.Identity.DirectoryManagement (Get-MgContract).
Registered through the ``pwshlike`` entry point like any third-party
plugin; this module only declares names, import paths and data.
"""

from __future__ import annotations

from pwshlike.plugin import CloudEnvironment, CommandSpec, FormatView, ViewColumn, hookimpl

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SIGNINS = "Microsoft.Graph.Identity.SignIns"
APPLICATIONS = "Microsoft.Graph.Applications"
USERS = "Microsoft.Graph.Users"
DIRECTORY = "Microsoft.Graph.Identity.DirectoryManagement"
AUTHENTICATION = "Microsoft.Graph.Authentication"
GRAPH_MODULE_VERSION = "2.25.0"
MODELS = "Microsoft.Graph.PowerShell.Models"
GRANT_CLASS = f"{MODELS}.MicrosoftGraphOAuth2PermissionGrant"
GRANT_INTERFACE = f"{MODELS}.IMicrosoftGraphOAuth2PermissionGrant"

# Module -> (its commands and their classes, its description, its models with their default table columns).
_GRAPH_MODULES: dict[str, tuple[dict[str, str], str, dict[str, tuple[str, ...]]]] = {
    SIGNINS: ({"New-MgOauth2PermissionGrant": "signins:NewMgOauth2PermissionGrant",
               "Get-MgOauth2PermissionGrant": "signins:GetMgOauth2PermissionGrant",
               "Update-MgOauth2PermissionGrant": "signins:UpdateMgOauth2PermissionGrant",
               "Remove-MgOauth2PermissionGrant": "signins:RemoveMgOauth2PermissionGrant",
               "Get-MgOauth2PermissionGrantCount": "signins:GetMgOauth2PermissionGrantCount"},
              "Microsoft Graph PowerShell cmdlets for identity sign-ins: delegated permission grants and related "
              "objects.", {}),
    APPLICATIONS: ({"Get-MgServicePrincipal": "applications:GetMgServicePrincipal",
                    "Get-MgServicePrincipalCount": "applications:GetMgServicePrincipalCount"},
                   "Microsoft Graph PowerShell cmdlets for applications and service principals.",
                   {"MicrosoftGraphServicePrincipal": ("DisplayName", "Id", "AppId", "SignInAudience",
                                                       "ServicePrincipalType")}),
    USERS: ({"Get-MgUser": "users:GetMgUser", "Get-MgUserCount": "users:GetMgUserCount"},
            "Microsoft Graph PowerShell cmdlets for users.",
            {"MicrosoftGraphUser": ("DisplayName", "Id", "Mail", "UserPrincipalName")}),
    DIRECTORY: ({"Get-MgContract": "directory:GetMgContract",
                 "Get-MgContractCount": "directory:GetMgContractCount"},
                "Microsoft Graph PowerShell cmdlets for directory management: contracts with customer tenants.",
                {"MicrosoftGraphContract": ("Id", "ContractType", "CustomerId", "DefaultDomainName",
                                            "DisplayName")}),
}

# Connect-MgGraph -Environment names and their endpoints (GraphEnvironmentConstants.cs).
ENVIRONMENTS: dict[str, dict[str, str]] = {
    "Global": {"GraphEndpoint": "https://graph.microsoft.com", "AzureADEndpoint": "https://login.microsoftonline.com"},
    "China": {"GraphEndpoint": "https://microsoftgraph.chinacloudapi.cn",
              "AzureADEndpoint": "https://login.chinacloudapi.cn"},
    "USGov": {"GraphEndpoint": "https://graph.microsoft.us", "AzureADEndpoint": "https://login.microsoftonline.us"},
    "USGovDoD": {"GraphEndpoint": "https://dod-graph.microsoft.us",
                 "AzureADEndpoint": "https://login.microsoftonline.us"},
}


_AUTH_COMMANDS = {
    "Connect-MgGraph": "ConnectMgGraph", "Disconnect-MgGraph": "DisconnectMgGraph", "Get-MgContext": "GetMgContext",
    "Get-MgEnvironment": "GetMgEnvironment", "Add-MgEnvironment": "AddMgEnvironment",
    "Set-MgRequestContext": "SetMgRequestContext", "Get-MgRequestContext": "GetMgRequestContext",
}


@hookimpl
def pwshlike_add_modules(modules: Any) -> None:
    commands = [CommandSpec(name, f"pwshlike_msgraph.authentication:{cls}",
                            implementing_type=f"Microsoft.Graph.PowerShell.Authentication.Cmdlets.{cls}")
                for name, cls in _AUTH_COMMANDS.items()]
    commands.append(CommandSpec("Invoke-MgGraphRequest", "pwshlike_msgraph.invoke:InvokeMgGraphRequest",
                                implementing_type="Microsoft.Graph.PowerShell.Authentication.Cmdlets."
                                                  "InvokeMgGraphRequest"))
    modules.add(AUTHENTICATION, GRAPH_MODULE_VERSION, commands=commands,
                aliases={"Connect-Graph": "Connect-MgGraph", "Disconnect-Graph": "Disconnect-MgGraph",
                         "Invoke-GraphRequest": "Invoke-MgGraphRequest"},
                description="Microsoft Graph PowerShell authentication: sign in, the connection's context, "
                            "environments, request settings and raw Graph requests.",
                author="pwshlike", project_uri="https://github.com/microsoftgraph/msgraph-sdk-powershell")
    # The SDK's commands are proxy functions, so errors name the command itself.
    for module, (names, description, _models) in _GRAPH_MODULES.items():
        modules.add(module, GRAPH_MODULE_VERSION, required_modules=[AUTHENTICATION],
                    commands=[CommandSpec(name, f"pwshlike_msgraph.{target}", implementing_type=name)
                              for name, target in names.items()],
                    description=description,
                    author="pwshlike", project_uri="https://github.com/microsoftgraph/msgraph-sdk-powershell")


@hookimpl
def pwshlike_add_types(types: Any) -> None:
    types.add_class(GRANT_CLASS, "pwshlike_msgraph.models:MicrosoftGraphOAuth2PermissionGrant",
                    interfaces=[GRANT_INTERFACE], module=SIGNINS)
    for module, (_names, _description, models) in _GRAPH_MODULES.items():
        for model in models:
            types.add_class(f"{MODELS}.{model}", f"pwshlike_msgraph.models:{model}",
                            interfaces=[f"{MODELS}.I{model}"], module=module)


@hookimpl
def pwshlike_add_format_views(views: Any) -> None:
    views.add(FormatView("MicrosoftGraphOAuth2PermissionGrant", [GRANT_CLASS], "table", [
        ViewColumn(name, name) for name in ("Id", "ClientId", "ConsentType", "PrincipalId", "ResourceId", "Scope")]))
    for _names, _description, models in _GRAPH_MODULES.values():
        for model, columns in models.items():
            views.add(FormatView(model, [f"{MODELS}.{model}"], "table", [ViewColumn(c, c) for c in columns]))


@hookimpl
def pwshlike_add_environments(environments: Any) -> None:
    for name, endpoints in ENVIRONMENTS.items():
        authority = {"ActiveDirectoryAuthority": endpoints["AzureADEndpoint"] + "/"}
        environments.add(CloudEnvironment("MicrosoftGraph", name, {**endpoints, **authority},
                                          resources={"Graph": endpoints["GraphEndpoint"]}))
