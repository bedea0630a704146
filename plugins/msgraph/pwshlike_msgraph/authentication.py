"""Microsoft.Graph.Authentication: Connect-MgGraph and the commands around
the connection (Get-MgContext, Disconnect-MgGraph, Get-MgEnvironment,
Add-MgEnvironment, Set-MgRequestContext), with the SDK's parameter sets,
aliases and texts.  Signing in is the identity service's job; this module
chooses the flow and keeps the result in :mod:`.connection`.
"""

from __future__ import annotations

import os
import urllib.parse
from typing import Any, Iterator, Optional

from pwshlike.plugin import (
    ArgumentException, ClientCertificate, ClientSecret, CloudEnvironment, Cmdlet, CmdletSignInUI, DotNetException, ErrorCategory,
    ErrorRecord,
    IdentityError, InvalidOperationException, Parameter, cmdlet, decode_token_claims, environment, environments,
    http_client_for, identity, identity_error_record, validate_not_null_or_empty, validate_range, validate_set,
)

from . import connection
from .context import (
    AUTH_CONTEXT_TYPE, DEFAULT_APP_NAME, ENVIRONMENT_TYPE, REQUEST_CONTEXT_TYPE, USER_DEFINED, AuthContext,
    GraphEnvironment, RequestContextInfo, ps_version,
)
from .http import MAX_DELAY_SECONDS, MAX_RETRY_LIMIT, REQUEST_CONTEXT

FAMILY = "MicrosoftGraph"
DEFAULT_CLIENT_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"  # Microsoft Graph Command Line Tools
COMMAND_TYPE = "Microsoft.Graph.PowerShell.Authentication.Cmdlets.ConnectMgGraph"
USER, CERTIFICATE, SECRET, TOKEN, VARIABLES = ("UserParameterSet", "AppCertificateParameterSet",
                                               "AppSecretCredentialParameterSet", "AccessTokenParameterSet",
                                               "EnvironmentVariableParameterSet")
ALL_SETS = {name: {} for name in (USER, CERTIFICATE, SECRET, TOKEN, VARIABLES)}
WELCOME = ("Welcome to Microsoft Graph!\n\n"
           "Connected via {access} access using {client_id}\n"
           "Readme: https://aka.ms/graph/sdk/powershell\n"
           "SDK Docs: https://aka.ms/graph/sdk/powershell/docs\n"
           "API Docs: https://aka.ms/graph/docs\n\n"
           "NOTE: You can use the -NoWelcome parameter to suppress this message.\n")
NO_APPLICATION = "No application to sign out from."
_BY_NAME = {"value_from_pipeline_by_property_name": True}


def find_cloud(owner: Any, name: Optional[str]) -> CloudEnvironment:
    """The MicrosoftGraph environment ``name`` (Global by default); an
    InvalidOperation error naming it when there is none."""
    chosen = name or "Global"
    cloud = environment(owner, FAMILY, chosen)
    if cloud is None:
        hint = " Start it with Start-PwshlikeEmulator." if chosen.lower() == "emulator" else ""
        raise CloudNotFound(f"The environment '{chosen}' is not valid. Use Get-MgEnvironment to list the "
                            f"environments you can connect to.{hint}")
    return cloud


class CloudNotFound(Exception):
    """-Environment names no registered cloud."""


@cmdlet("Connect-MgGraph", default_parameter_set=USER)
class ConnectMgGraph(Cmdlet):
    """Signs in to Microsoft Graph.

    Signs in as a user (in a browser, or with -UseDeviceCode through a code
    shown in the console) for the delegated permissions in -Scopes, or as an
    application with a certificate (-CertificateThumbprint) or a client
    secret (-ClientSecretCredential), or uses an access token you already
    have (-AccessToken), or the AZURE_CLIENT_ID, AZURE_TENANT_ID and
    AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH) environment
    variables (-EnvironmentVariable). The connection is used by every Graph
    command of the process until Disconnect-MgGraph or another
    Connect-MgGraph."""

    help_notes = (
        "Delegated scopes such as User.Read are requested as the environment's Graph resource identifier plus "
        "the scope (https://graph.microsoft.com/User.Read), application sign-ins as <resource>/.default; requests "
        "go to the environment's GraphEndpoint. In the Emulator environment the resource identifiers stay the "
        "real ones, so scripts move between the emulator and the cloud by changing -Environment alone. Tokens "
        "obtained with a credential are renewed silently before they expire; a token given with -AccessToken is "
        "used as it is until it expires. Certificates are looked up in the certificate store "
        "($XDG_DATA_HOME/pwshlike/x509stores/my, then .NET's CurrentUser\\My folder) by thumbprint, or by "
        "subject (the newest valid one). Not available in this build: -Identity (managed identities) and "
        "-Certificate (an X509Certificate2 object).")

    scopes = Parameter("String[]", position=0, sets={USER: {}},
                       help="The delegated permissions to request (default User.Read); commas separate several.")
    client_id = Parameter("String", aliases=("AppId", "ApplicationId"),
                          sets={USER: {}, CERTIFICATE: {"mandatory": True, "position": 0}},
                          help="The client (application) id of your application.")
    certificate_subject_name = Parameter("String", aliases=("CertificateSubject", "CertificateName"),
                                         sets={CERTIFICATE: {"position": 1}},
                                         help="The subject of the application's certificate (its distinguished "
                                              "name, or its common name), in the certificate store.")
    certificate_thumbprint = Parameter("String", sets={CERTIFICATE: {"position": 2}},
                                       help="The thumbprint of the application's certificate, in the certificate "
                                            "store.")
    send_certificate_chain = Parameter("Boolean", sets={CERTIFICATE: {}},
                                       help="Whether to send the certificate chain (x5c) with the request.")
    client_secret_credential = Parameter("PSCredential", aliases=("SecretCredential", "Credential"),
                                         sets={SECRET: {"mandatory": True}},
                                         help="The client id as user name and the client secret as password.")
    access_token = Parameter("SecureString", sets={TOKEN: {"mandatory": True, "position": 0}},
                             help="An access token for Microsoft Graph, used as it is.")
    tenant_id = Parameter("String", aliases=("Audience", "Tenant"), sets={USER: {}, CERTIFICATE: {}, SECRET: {}},
                          help="The id or a domain of the tenant to connect to.")
    context_scope = Parameter("String", accepted_values=("Process", "CurrentUser"),
                              validators=(validate_set(["Process", "CurrentUser"]),),
                              sets={USER: {}, CERTIFICATE: {}, SECRET: {}, VARIABLES: {}},
                              help="Process, or CurrentUser to keep the sign-in for later sessions.")
    environment = Parameter("String", aliases=("EnvironmentName", "NationalCloud"), sets=ALL_SETS,
                            validators=(validate_not_null_or_empty(),),
                            help="The cloud to connect to (Get-MgEnvironment lists them); Global by default.")
    use_device_code = Parameter("SwitchParameter", aliases=("UseDeviceAuthentication", "DeviceCode", "DeviceAuth",
                                                            "Device"), sets={USER: {}},
                                help="Signs in with a device code shown in the console instead of a browser.")
    client_timeout = Parameter("Double", sets=ALL_SETS, help="The HTTP client timeout in seconds.")
    environment_variable = Parameter("SwitchParameter", sets={VARIABLES: {"mandatory": True}},
                                     help="Signs in with the AZURE_* environment variables.")
    no_welcome = Parameter("SwitchParameter", sets=ALL_SETS, help="Hides the welcome message.")

    def process_record(self) -> None:
        try:
            cloud = find_cloud(self, self.environment)
        except CloudNotFound as missing:
            self.throw_terminating_error(ErrorRecord(InvalidOperationException(str(missing)), "",
                                                     ErrorCategory.InvalidOperation, self.environment))
        if self.client_timeout is not None:
            REQUEST_CONTEXT.client_timeout = float(self.client_timeout)
        try:
            context, token, renew = self._sign_in(cloud)
        except IdentityError as error:
            self.throw_terminating_error(identity_error_record(error))
        client = http_client_for(self, cloud, timeout=REQUEST_CONTEXT.client_timeout)
        connection.replace(connection.GraphConnection(context, cloud, client, token, renew))
        if not self.no_welcome:
            access = context.AuthType.lower()
            self.write_host(WELCOME.format(access=access, client_id=context.ClientId))

    # --- the flows -------------------------------------------------------------------------

    def _sign_in(self, cloud: CloudEnvironment) -> tuple[AuthContext, Any, Any]:
        service = identity(self)
        resource = cloud.resource("Graph")
        if self.parameter_set_name == TOKEN:
            token = _given_token(self.access_token.reveal())
            claims = decode_token_claims(token.access_token)
            scopes = _token_scopes(claims) or list(claims.get("roles") or [])
            return self._context(cloud, claims, "UserProvidedAccessToken", "UserProvidedAccessToken",
                                 claims.get("appid") or claims.get("azp"), scopes, "Process"), token, None
        if self.parameter_set_name == USER:
            client_id = self.client_id or DEFAULT_CLIENT_ID
            tenant = self.tenant_id or "common"
            scopes = [_scope(resource, s) for s in _split(self.scopes) or ["User.Read"]]
            kind = "DeviceCode" if self.use_device_code else "InteractiveBrowser"

            def user_token(ui: Any, interactive: bool = False, username: Optional[str] = None) -> Any:
                """The account's token from the cache (renewed by its refresh
                token); a sign-in only when Connect-MgGraph itself asks."""
                found = service.acquire_silent(cloud, tenant, client_id, scopes, ui, username)
                if found is not None:
                    return found
                if not interactive:
                    raise IdentityError("The sign-in has expired and cannot be renewed silently. Run "
                                        "Connect-MgGraph again.", code="InteractionRequired",
                                        category="AuthenticationError")
                if self.use_device_code:
                    return service.acquire_by_device_code(cloud, tenant, client_id, scopes, ui)
                return service.acquire_interactive(cloud, tenant, client_id, None, scopes, ui, prompt="select_account")

            token = user_token(CmdletSignInUI(self), interactive=True)
            claims = decode_token_claims(token.access_token)
            context = self._context(cloud, claims, "Delegated", kind, client_id, _token_scopes(claims),
                                    self.context_scope or "CurrentUser")
            username = token.account.username if token.account is not None else None
            return context, token, lambda ui: user_token(ui, username=username)
        credential, client_id, tenant, kind = self._application()
        scopes = [_scope(resource, ".default")]

        def app_token(ui: Any) -> Any:
            return service.acquire_for_client(cloud, tenant, client_id, credential, scopes, ui)

        token = app_token(CmdletSignInUI(self))
        claims = decode_token_claims(token.access_token)
        context = self._context(cloud, claims, "AppOnly", kind, client_id, list(claims.get("roles") or []),
                                self.context_scope or "Process")
        if isinstance(credential, ClientCertificate):
            context.CertificateThumbprint = credential.thumbprint
            context.CertificateSubjectName = self.certificate_subject_name
            context.SendCertificateChain = bool(self.send_certificate_chain)
        return context, token, app_token

    def _application(self) -> tuple[Any, str, str, str]:
        """(credential, client id, tenant, TokenCredentialType) of an application sign-in."""
        if self.parameter_set_name == CERTIFICATE:
            if self.certificate_thumbprint:
                certificate = ClientCertificate(self.certificate_thumbprint)
            elif self.certificate_subject_name:
                certificate = ClientCertificate.by_subject(self.certificate_subject_name)
            else:
                raise IdentityError("Must specify CertificateThumbprint or CertificateSubjectName.",
                                    code="CertificateMissing", category="InvalidArgument")
            return certificate, self.client_id, self.tenant_id or "common", "ClientCertificate"
        if self.parameter_set_name == SECRET:
            credential = self.client_secret_credential
            return (ClientSecret(credential.GetNetworkCredential().Password), credential.UserName,
                    self.tenant_id or "common", "ClientSecret")
        client_id, tenant = os.environ.get("AZURE_CLIENT_ID", ""), os.environ.get("AZURE_TENANT_ID", "")
        secret, path = os.environ.get("AZURE_CLIENT_SECRET", ""), os.environ.get("AZURE_CLIENT_CERTIFICATE_PATH", "")
        if not client_id or not tenant or not (secret or path):
            raise IdentityError("-EnvironmentVariable needs AZURE_CLIENT_ID, AZURE_TENANT_ID and either "
                                "AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH to be set.",
                                code="EnvironmentVariablesMissing", category="InvalidArgument")
        # Azure.Identity's EnvironmentCredential prefers the secret when both are set.
        credential = ClientSecret(secret) if secret else ClientCertificate.from_file(path)
        return credential, client_id, tenant, "EnvironmentVariable"

    def _context(self, cloud: CloudEnvironment, claims: dict[str, Any], auth_type: str, kind: str,
                 client_id: Optional[str], scopes: list[str], context_scope: str) -> AuthContext:
        account = claims.get("upn") or claims.get("preferred_username") or claims.get("unique_name")
        app_name = DEFAULT_APP_NAME if client_id == DEFAULT_CLIENT_ID else claims.get("app_displayname")
        return AuthContext(client_id=client_id, tenant_id=claims.get("tid"), scopes=scopes, auth_type=auth_type,
                           token_credential_type=kind, account=account, app_name=app_name,
                           context_scope=str(context_scope), environment=cloud.name,
                           ps_host_version=ps_version(self),
                           client_timeout=REQUEST_CONTEXT.client_timeout)


def _split(scopes: Optional[list[str]]) -> list[str]:
    """The SDK's ProcessScopes: commas split, blanks dropped."""
    return [part.strip() for scope in scopes or [] for part in str(scope).split(",") if part.strip()]


def _scope(resource: str, scope: str) -> str:
    """A scope for ``resource``: a bare permission gets the resource's
    identifier in front; a full URI or an OpenID scope is kept."""
    if "://" in scope or scope.lower() in ("openid", "profile", "offline_access", "email"):
        return scope
    return resource.rstrip("/") + "/" + scope.lstrip("/")


def _token_scopes(claims: dict[str, Any]) -> list[str]:
    return str(claims.get("scp") or "").split()


def _given_token(text: str) -> Any:
    """An access token given as it is, described as a TokenResult."""
    import datetime

    from pwshlike.plugin import TokenResult
    claims = decode_token_claims(text)
    try:
        expires_on = datetime.datetime.fromtimestamp(int(claims.get("exp", 0)), datetime.timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        raise IdentityError("The token is not a valid JSON Web Token: its 'exp' claim is not a time.",
                            code="InvalidToken", category="InvalidArgument") from None
    return TokenResult(access_token=text, refresh_token=None, id_token=None, token_type="Bearer",
                       expires_on=expires_on, extended_expires_on=expires_on, tenant_id=claims.get("tid"),
                       unique_id=claims.get("oid"), scopes=_token_scopes(claims), account=None, correlation_id=None,
                       is_extended_lifetime_token=False, from_cache=False)


@cmdlet("Get-MgContext", output_types=(AUTH_CONTEXT_TYPE,))
class GetMgContext(Cmdlet):
    """Gets the details of the current Microsoft Graph connection.

    Returns nothing when Connect-MgGraph has not been run (or after
    Disconnect-MgGraph)."""

    def process_record(self) -> Iterator[AuthContext]:
        current = connection.current()
        if current is not None:
            yield current.context


@cmdlet("Disconnect-MgGraph", output_types=(AUTH_CONTEXT_TYPE,))
class DisconnectMgGraph(Cmdlet):
    """Ends the Microsoft Graph connection of this process and returns the
    context it closed."""

    def process_record(self) -> Iterator[AuthContext]:
        previous = connection.replace(None)
        if previous is None:  # the SDK's record: a plain Exception under a new GUID, terminating
            import uuid
            self.throw_terminating_error(ErrorRecord(DotNetException(NO_APPLICATION), str(uuid.uuid4()),
                                                     ErrorCategory.InvalidArgument, None))
        yield previous.context


@cmdlet("Get-MgEnvironment", output_types=(ENVIRONMENT_TYPE,))
class GetMgEnvironment(Cmdlet):
    """Lists the clouds Connect-MgGraph -Environment can connect to."""

    name = Parameter("String", position=0, validators=(validate_not_null_or_empty(),), **_BY_NAME,
                     help="The name of one environment.")

    def process_record(self) -> Iterator[GraphEnvironment]:
        registry = environments(self)
        for name in registry.names(FAMILY):
            if self.name is None or name.lower() == str(self.name).lower():
                yield GraphEnvironment(registry.get(FAMILY, name))


@cmdlet("Add-MgEnvironment", supports_should_process=True, output_types=(ENVIRONMENT_TYPE,))
class AddMgEnvironment(Cmdlet):
    """Adds a cloud for Connect-MgGraph -Environment.

    The environment lasts as long as the process (the SDK keeps it in a
    settings file)."""

    name = Parameter("String", mandatory=True, position=0, value_from_pipeline_by_property_name=True,
                     validators=(validate_not_null_or_empty(),), help="The environment's name.")
    azure_ad_endpoint = Parameter("String", mandatory=True, position=1, value_from_pipeline_by_property_name=True,
                                  validators=(validate_not_null_or_empty(),), aliases=("AzureADUrl",),
                                  help="The base URL of the Azure AD endpoint that issues tokens for it.")
    graph_endpoint = Parameter("String", mandatory=True, position=2, value_from_pipeline_by_property_name=True,
                               validators=(validate_not_null_or_empty(),), aliases=("GraphUrl",),
                               help="The service root of its Microsoft Graph endpoint.")

    def process_record(self) -> Iterator[GraphEnvironment]:
        name = str(self.name)
        endpoints = {}
        for parameter, value in (("AzureADEndpoint", self.azure_ad_endpoint), ("GraphEndpoint", self.graph_endpoint)):
            parts = urllib.parse.urlsplit(str(value))
            if parts.scheme not in ("https", "http") or not parts.netloc:
                exc = ArgumentException(f"-{parameter} must be an absolute URL: '{value}' is not.")
                self.throw_terminating_error(ErrorRecord(exc, "", ErrorCategory.InvalidArgument, value))
            endpoints[parameter] = f"{parts.scheme}://{parts.netloc}"  # the SDK keeps the base URL only
        if not self.should_process("adding environment", name):
            return
        registry = environments(self)
        if registry.get(FAMILY, name) is not None and name.lower() not in USER_DEFINED:
            exc = InvalidOperationException(f"Cannot add built-in environment '{name}'.")
            self.throw_terminating_error(ErrorRecord(exc, "", ErrorCategory.InvalidOperation, name))
        authority, graph = endpoints["AzureADEndpoint"], endpoints["GraphEndpoint"]
        cloud = CloudEnvironment(FAMILY, name, {"ActiveDirectoryAuthority": authority + "/",
                                                "AzureADEndpoint": authority, "GraphEndpoint": graph},
                                 resources={"Graph": graph})
        registry.add(cloud)
        USER_DEFINED.add(name.lower())
        yield GraphEnvironment(cloud)


@cmdlet("Set-MgRequestContext", supports_should_process=True, output_types=(REQUEST_CONTEXT_TYPE,))
class SetMgRequestContext(Cmdlet):
    """Sets how Graph requests are retried and timed out, for the process,
    and returns the settings."""

    help_notes = "Like the SDK's, the command declares -WhatIf and -Confirm but changes the settings without asking."

    retry_delay = Parameter("Int32", validators=(validate_range(0, int(MAX_DELAY_SECONDS)),), **_BY_NAME,
                            help="Seconds before retrying a throttled request (default 3, at most 180).")
    max_retry = Parameter("Int32", validators=(validate_range(0, MAX_RETRY_LIMIT),), **_BY_NAME,
                          help="The maximum number of retries of a request (default 3, at most 10).")
    retries_time_limit = Parameter("Int32", **_BY_NAME,
                                   help="The most seconds all retries of a request may wait (0: no limit).")
    client_timeout = Parameter("Int32", **_BY_NAME, help="The HTTP client timeout in seconds (default 300).")

    def process_record(self) -> Iterator[RequestContextInfo]:
        for name in ("retry_delay", "max_retry", "retries_time_limit"):
            value = getattr(self, name)
            if value is not None:
                setattr(REQUEST_CONTEXT, name, int(value))
        if self.client_timeout is not None:
            REQUEST_CONTEXT.client_timeout = float(self.client_timeout)
        yield RequestContextInfo(REQUEST_CONTEXT)


@cmdlet("Get-MgRequestContext", output_types=(REQUEST_CONTEXT_TYPE,))
class GetMgRequestContext(Cmdlet):
    """Gets the process's Graph request settings (Set-MgRequestContext)."""

    def process_record(self) -> Iterator[RequestContextInfo]:
        yield RequestContextInfo(REQUEST_CONTEXT)
