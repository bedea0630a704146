"""The objects New-PartnerAccessToken returns: the module's AuthResult
(MSAL.NET's AuthenticationResult plus the refresh token) and its account.

Tokens are held whole in the properties, for scripts; only the default
view (registered in ``__init__``) shortens them, so that what a console
shows, and so a screenshot or a transcript, never holds a whole token.
"""

from __future__ import annotations

import datetime
from typing import Any, Optional

from . import AUTH_RESULT_TYPE
ACCOUNT_TYPE = "Microsoft.Identity.Client.Account"
ACCOUNT_ID_TYPE = "Microsoft.Identity.Client.AccountId"


class AccountId:
    """MSAL.NET's ``AccountId``: ``<object id>.<tenant id>`` for an Azure AD
    account; prints as that identifier."""

    full_name = ACCOUNT_ID_TYPE
    PS_MEMBERS = {"Identifier": "identifier", "ObjectId": "object_id", "TenantId": "tenant_id",
                  "ToString": "__str__"}

    def __init__(self, identifier: str) -> None:
        self.identifier = identifier
        self.object_id, _, self.tenant_id = identifier.partition(".")

    def __str__(self) -> str:
        return self.identifier


class Account:
    """The signed-in user, as MSAL.NET's ``IAccount``."""

    full_name = ACCOUNT_TYPE
    PS_MEMBERS = {"Username": "username", "HomeAccountId": "home_account_id", "Environment": "environment",
                  "ToString": "__str__"}

    def __init__(self, username: str, home_account_id: str, environment: str) -> None:
        self.username = username
        self.home_account_id = AccountId(home_account_id) if home_account_id else None
        self.environment = environment

    def __str__(self) -> str:
        return self.username or ""


class AuthResult:
    """``Microsoft.Store.PartnerCenter.PowerShell.Models.Authentication.AuthResult``."""

    full_name = AUTH_RESULT_TYPE
    PS_MEMBERS = {"RefreshToken": "refresh_token", "AccessToken": "access_token",
                  "IsExtendedLifeTimeToken": "is_extended_lifetime_token", "UniqueId": "unique_id",
                  "ExpiresOn": "expires_on", "ExtendedExpiresOn": "extended_expires_on", "TenantId": "tenant_id",
                  "Account": "account", "IdToken": "id_token", "Scopes": "scopes",
                  "CorrelationId": "correlation_id", "TokenType": "token_type", "ToString": "__str__"}

    def __init__(self, *, access_token: str, refresh_token: Optional[str] = None, id_token: Optional[str] = None,
                 expires_on: Optional[datetime.datetime] = None,
                 extended_expires_on: Optional[datetime.datetime] = None, tenant_id: Optional[str] = None,
                 unique_id: Optional[str] = None, scopes: Any = (), account: Optional[Account] = None,
                 correlation_id: Optional[str] = None, is_extended_lifetime_token: bool = False,
                 token_type: str = "Bearer") -> None:
        self.access_token = access_token
        self.refresh_token = refresh_token
        self.id_token = id_token
        self.expires_on = expires_on
        self.extended_expires_on = extended_expires_on or expires_on
        self.tenant_id = tenant_id
        self.unique_id = unique_id
        self.scopes = list(scopes)
        self.account = account
        self.correlation_id = correlation_id
        self.is_extended_lifetime_token = is_extended_lifetime_token
        self.token_type = token_type

    @classmethod
    def from_token(cls, result: Any) -> "AuthResult":
        """From the identity service's TokenResult."""
        account = None
        if result.account is not None:
            account = Account(result.account.username, result.account.home_account_id, result.account.environment)
        return cls(access_token=result.access_token, refresh_token=result.refresh_token, id_token=result.id_token,
                   expires_on=result.expires_on, extended_expires_on=result.extended_expires_on,
                   tenant_id=result.tenant_id, unique_id=result.unique_id, scopes=result.scopes, account=account,
                   correlation_id=result.correlation_id,
                   is_extended_lifetime_token=result.is_extended_lifetime_token, token_type=result.token_type)

    def __str__(self) -> str:
        return self.full_name

    def __repr__(self) -> str:
        return f"AuthResult(tenant_id={self.tenant_id!r}, expires_on={self.expires_on!r})"
