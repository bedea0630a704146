"""What Microsoft.Graph.Authentication shows: the AuthContext of
Get-MgContext and the GraphEnvironment of Get-MgEnvironment, with the
SDK's type names and property names."""

from __future__ import annotations

import datetime
from typing import Any, Optional

AUTH_CONTEXT_TYPE = "Microsoft.Graph.PowerShell.Authentication.AuthContext"
ENVIRONMENT_TYPE = "Microsoft.Graph.PowerShell.Authentication.GraphEnvironment"
REQUEST_CONTEXT_TYPE = "Microsoft.Graph.PowerShell.Authentication.Models.RequestContext"
DEFAULT_APP_NAME = "Microsoft Graph Command Line Tools"
# Names Add-MgEnvironment registered in this process (the rest are plugins' own).
USER_DEFINED: set[str] = set()


class AuthContext:
    """``Get-MgContext``: who is connected, how, and where."""

    full_name = AUTH_CONTEXT_TYPE
    PS_MEMBERS = {name: name for name in (
        "ClientId", "TenantId", "Scopes", "AuthType", "TokenCredentialType", "CertificateThumbprint",
        "CertificateSubjectName", "SendCertificateChain", "Account", "AppName", "ContextScope", "Certificate",
        "PSHostVersion", "ManagedIdentityId", "ClientTimeout", "Environment")}

    def __init__(self, *, client_id: Optional[str], tenant_id: Optional[str], scopes: list[str], auth_type: str,
                 token_credential_type: str, account: Optional[str], app_name: Optional[str], context_scope: str,
                 environment: str, ps_host_version: Any, client_timeout: float,
                 certificate_thumbprint: Optional[str] = None) -> None:
        self.ClientId = client_id
        self.TenantId = tenant_id
        self.Scopes = scopes
        self.AuthType = auth_type
        self.TokenCredentialType = token_credential_type
        self.CertificateThumbprint = certificate_thumbprint
        self.CertificateSubjectName: Optional[str] = None
        self.SendCertificateChain = False
        self.Account = account
        self.AppName = app_name
        self.ContextScope = context_scope
        self.Certificate = None
        self.PSHostVersion = ps_host_version
        self.ManagedIdentityId: Optional[str] = None
        self.ClientTimeout = datetime.timedelta(seconds=client_timeout)
        self.Environment = environment


class GraphEnvironment:
    """``Get-MgEnvironment``: a cloud Connect-MgGraph -Environment takes."""

    full_name = ENVIRONMENT_TYPE
    PS_MEMBERS = {name: name for name in ("Name", "AzureADEndpoint", "GraphEndpoint", "Type")}

    def __init__(self, cloud: Any) -> None:
        self.Name = cloud.name
        self.AzureADEndpoint = cloud.endpoints.get("AzureADEndpoint", "")
        self.GraphEndpoint = cloud.endpoints.get("GraphEndpoint", "")
        self.Type = "User-defined" if cloud.name.lower() in USER_DEFINED else "Built-in"


class RequestContextInfo:
    """Get-/Set-MgRequestContext's output: the process's request settings
    (the time limits as TimeSpans, as the SDK's IRequestContext has them)."""

    full_name = REQUEST_CONTEXT_TYPE
    PS_MEMBERS = {name: name for name in ("RetryDelay", "MaxRetry", "RetriesTimeLimit", "ClientTimeout")}

    def __init__(self, settings: Any) -> None:
        self.RetryDelay = settings.retry_delay
        self.MaxRetry = settings.max_retry
        self.RetriesTimeLimit = datetime.timedelta(seconds=settings.retries_time_limit)
        self.ClientTimeout = datetime.timedelta(seconds=settings.client_timeout)


def ps_version(cmdlet: Any) -> str:
    """``$PSVersionTable.PSVersion`` as text (AuthContext.PSHostVersion, the User-Agent)."""
    table = cmdlet.context.get_variable_value("PSVersionTable")
    return str(table["PSVersion"]) if table is not None else ""
