"""Which sign-in New-PartnerAccessToken performs, from its parameters.

The PartnerCenter module routes in this order (AuthenticationFactory): an
access token is used as it is; -UseAuthorizationCode signs in through a
browser; a refresh token is redeemed; a user signs in by browser or
device code; an application signs in with its own credentials.  -Module
ExchangeOnline fixes the client and scope to Exchange Online's well-known
public client.  This module keeps that order and leaves the protocol to
the identity service.
"""

from __future__ import annotations

import datetime
from typing import Any, Optional

from pwshlike.plugin import (
    ArgumentException, ClientCertificate, ClientSecret, CmdletSignInUI, ErrorCategory, ErrorRecord, IdentityError,
    TokenAccount, TokenResult, decode_token_claims, identity,
)

EXCHANGE_ONLINE_CLIENT_ID = "a0c73c16-a7e3-4564-9a95-2bdf47383716"
EXCHANGE_ONLINE_RESOURCE = "ExchangeOnline"
DEFAULT_TENANT = "organizations"
TOKEN_EXPIRED = "The access token has expired. Generate a new one and try again."


class ApplicationMismatch(Exception):
    """-ApplicationId and -Credential's user name name different applications."""

    def __init__(self, application_id: str, user_name: str) -> None:
        super().__init__(application_id, user_name)
        self.application_id = application_id
        self.user_name = user_name

    def record(self) -> ErrorRecord:
        message = (f"The -ApplicationId '{self.application_id}' and the user name of -Credential "
                   f"'{self.user_name}' name different applications. With -RefreshToken, -Credential holds the "
                   f"application (client) id as its user name and the client secret as its password: give the "
                   f"same id to both, or leave -ApplicationId out.")
        return ErrorRecord(ArgumentException(message), "ApplicationIdMismatch", ErrorCategory.InvalidArgument,
                           self.application_id)


def choose_flow(cmdlet: Any) -> str:
    """The sign-in the bound parameters ask for, in the module's order."""
    if cmdlet.parameter_set_name == "AccessToken":
        return "AccessToken"
    if cmdlet.module is not None:
        return "ModuleRefreshToken" if cmdlet.refresh_token else "ModuleDeviceCode"
    if cmdlet.use_authorization_code:
        return "AuthorizationCode"
    if cmdlet.refresh_token:
        return "RefreshToken"
    if cmdlet.parameter_set_name == "User":
        return "DeviceCode" if cmdlet.use_device_authentication else "Browser"
    return "ClientCredentials"


FLOW_TEXT = {
    "AccessToken": "the access token given", "ModuleRefreshToken": "Exchange Online's client and a refresh token",
    "ModuleDeviceCode": "Exchange Online's client and a device code", "AuthorizationCode": "a browser sign-in",
    "RefreshToken": "a refresh token", "DeviceCode": "a device code (or the token cache)",
    "Browser": "a browser sign-in (or the token cache)", "ClientCredentials": "the application's credentials",
}


def sign_in(cmdlet: Any, cloud: Any, flow: str) -> Any:
    """Acquires the token for ``flow`` (from :func:`choose_flow`); raises
    IdentityError (or ApplicationMismatch) when it cannot."""
    tenant = cmdlet.tenant or DEFAULT_TENANT
    scopes = list(cmdlet.scopes or [])
    if flow == "AccessToken":
        return _wrap_access_token(cmdlet.access_token, scopes)
    service = identity(cmdlet)
    ui = CmdletSignInUI(cmdlet)
    if flow.startswith("Module"):
        client_id = EXCHANGE_ONLINE_CLIENT_ID
        try:
            scopes = [cloud.scope(EXCHANGE_ONLINE_RESOURCE, ".default")]
        except KeyError:
            raise IdentityError(f"The environment '{cloud.name}' declares no {EXCHANGE_ONLINE_RESOURCE} resource, so "
                                f"-Module {EXCHANGE_ONLINE_RESOURCE} cannot be used with it.",
                                code="ResourceNotDeclared", category="InvalidArgument") from None
        if flow == "ModuleRefreshToken":
            return service.acquire_by_refresh_token(cloud, tenant, client_id, None, cmdlet.refresh_token, scopes, ui)
        return service.acquire_by_device_code(cloud, tenant, client_id, scopes, ui)
    credential = _client_credential(cmdlet)
    client_id = cmdlet.application_id
    if flow == "AuthorizationCode":
        prompt = "login" if cmdlet.parameter_set_name == "User" else None
        return service.acquire_interactive(cloud, tenant, client_id, credential, scopes, ui, prompt=prompt)
    if flow == "RefreshToken":
        return service.acquire_by_refresh_token(cloud, tenant, _refresh_client_id(cmdlet), credential,
                                                cmdlet.refresh_token, scopes, ui)
    if flow in ("DeviceCode", "Browser"):
        cached = service.acquire_silent(cloud, tenant, client_id, scopes, ui)
        if cached is not None:
            return cached
        if flow == "DeviceCode":
            return service.acquire_by_device_code(cloud, tenant, client_id, scopes, ui)
        return service.acquire_interactive(cloud, tenant, client_id, None, scopes, ui, prompt="login")
    return service.acquire_for_client(cloud, tenant, client_id, credential, scopes, ui)


def _client_credential(cmdlet: Any) -> Optional[Any]:
    """The application's own secret or certificate, when it has one: the
    client is then confidential."""
    if cmdlet.credential is not None and cmdlet.parameter_set_name != "AccessToken":
        return ClientSecret(cmdlet.credential.GetNetworkCredential().Password)
    if cmdlet.certificate_thumbprint:
        return ClientCertificate(cmdlet.certificate_thumbprint)
    return None


def _refresh_client_id(cmdlet: Any) -> str:
    """The client redeeming a refresh token: -ApplicationId, or the
    credential's user name (its application id); the two must agree."""
    application_id = cmdlet.application_id
    if cmdlet.credential is not None:
        user_name = cmdlet.credential.UserName
        if application_id and application_id.lower() != user_name.lower():
            raise ApplicationMismatch(application_id, user_name)
        return application_id or user_name
    if not application_id:
        raise IdentityError("A refresh token is redeemed by the application it was issued to: give -ApplicationId "
                            "(or -Credential for a confidential application).", code="ApplicationIdMissing",
                            category="InvalidArgument")
    return application_id


def _wrap_access_token(access_token: str, scopes: list[str]) -> Any:
    """An access token the caller already has: read its claims, refuse it
    when expired, and describe it as if it had just been acquired."""
    claims = decode_token_claims(access_token)
    try:
        expires_on = datetime.datetime.fromtimestamp(int(claims.get("exp", 0)), datetime.timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):  # not a number of seconds, or out of range
        raise IdentityError("The token is not a valid JSON Web Token: its 'exp' claim is not a time.",
                            code="InvalidToken", category="InvalidArgument") from None
    if expires_on <= datetime.datetime.now(datetime.timezone.utc):
        raise IdentityError(TOKEN_EXPIRED, code="TokenExpired", category="AuthenticationError")
    tenant_id = claims.get("tid")
    account = None
    if claims.get("upn"):
        account = TokenAccount(username=claims["upn"], home_account_id=f"{claims.get('oid', '')}.{tenant_id or ''}",
                          environment=str(claims.get("iss", "")).split("/")[2] if "//" in str(claims.get("iss", ""))
                          else "")
    return TokenResult(access_token=access_token, refresh_token=None, id_token=None, token_type="Bearer",
                       expires_on=expires_on, extended_expires_on=expires_on, tenant_id=tenant_id,
                       unique_id=claims.get("oid"), scopes=scopes, account=account, correlation_id=None,
                       is_extended_lifetime_token=False, from_cache=False)
