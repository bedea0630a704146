"""Tokens as the caller sees them: claims read from a JWT, and
:class:`TokenResult`, the one shape every sign-in returns.

Claims are decoded without verifying the signature, on purpose: a client
reads its own tokens to show who and what they are for (tenant, expiry,
user), it does not authenticate them; the resource that receives a token
verifies it.  This needs no network and no key, which is what
New-PartnerAccessToken -AccessToken promises.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime
import json
from typing import Any, Mapping, Optional

from .errors import IdentityError

__all__ = ["TokenAccount", "TokenResult", "decode_token_claims", "result_from_msal", "result_from_cache"]


def _b64url_json(segment: str, what: str) -> dict[str, Any]:
    try:
        raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
        value = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise IdentityError(f"The token is not a valid JSON Web Token: its {what} is not base64url-encoded JSON.",
                            code="InvalidToken", category="InvalidArgument") from None
    if not isinstance(value, dict):
        raise IdentityError(f"The token is not a valid JSON Web Token: its {what} is not a JSON object.",
                            code="InvalidToken", category="InvalidArgument")
    return value


def decode_token_claims(token: str) -> dict[str, Any]:
    """The claims of a JWT (``header.payload.signature``), unverified.

    Raises IdentityError 'InvalidToken' (InvalidArgument) for anything that
    is not one; the message never repeats the token.
    """
    parts = token.strip().split(".") if isinstance(token, str) else []
    if len(parts) != 3 or not parts[0] or not parts[1]:
        raise IdentityError("The token is not a valid JSON Web Token: it must have three dot-separated parts "
                            "(header.payload.signature).", code="InvalidToken", category="InvalidArgument")
    _b64url_json(parts[0], "header")
    return _b64url_json(parts[1], "payload")


def _claims_or_empty(token: Optional[str]) -> dict[str, Any]:
    """Claims of a token that may be opaque (Azure AD encrypts some access
    tokens): an empty dict rather than an error."""
    if not token:
        return {}
    try:
        return decode_token_claims(token)
    except IdentityError:
        return {}


def _utc(timestamp: float) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(int(timestamp), datetime.timezone.utc)


@dataclasses.dataclass(frozen=True)
class TokenAccount:
    """The signed-in user: ``username`` (UPN), ``home_account_id``
    ('<oid>.<home tenant id>', msal's account key) and ``environment``
    (the authority's host)."""

    username: str
    home_account_id: Optional[str]
    environment: str


@dataclasses.dataclass
class TokenResult:
    """What a sign-in produced (the module's AuthResult): tokens, their
    expiry as aware UTC datetimes, tenant and user, the scopes granted.

    Tokens are omitted from ``repr`` so that a traceback or a debug print
    never shows one.  ``from_cache`` says no request was sent.
    """

    access_token: str = dataclasses.field(repr=False)
    refresh_token: Optional[str] = dataclasses.field(repr=False)
    id_token: Optional[str] = dataclasses.field(repr=False)
    token_type: str
    expires_on: datetime.datetime
    extended_expires_on: datetime.datetime
    tenant_id: Optional[str]
    unique_id: Optional[str]
    scopes: list[str]
    account: Optional[TokenAccount]
    correlation_id: Optional[str]
    is_extended_lifetime_token: bool = False
    from_cache: bool = False


def _account(client_info: Optional[str], id_claims: Mapping[str, Any], environment: str) -> Optional[TokenAccount]:
    """The user behind an id token: msal's home account id comes from
    client_info (uid.utid), as msal keys its cache."""
    if not id_claims:
        return None
    home_account_id = None
    if client_info:
        try:
            info = _b64url_json(client_info, "client_info")
            if info.get("uid") and info.get("utid"):
                home_account_id = f"{info['uid']}.{info['utid']}"
        except IdentityError:
            home_account_id = None
    if home_account_id is None and id_claims.get("oid") and id_claims.get("tid"):
        home_account_id = f"{id_claims['oid']}.{id_claims['tid']}"
    username = id_claims.get("preferred_username") or id_claims.get("upn") or id_claims.get("email") or ""
    return TokenAccount(username=username, home_account_id=home_account_id, environment=environment)


def result_from_msal(result: Mapping[str, Any], *, requested_scopes: list[str], environment: str,
                     correlation_id: Optional[str] = None, now: Optional[float] = None) -> TokenResult:
    """A TokenResult from msal's success dict (msal returns the refresh
    token and the id token's claims directly)."""
    import time
    now = time.time() if now is None else now
    access_token = result.get("access_token") or ""
    id_claims = result.get("id_token_claims") or _claims_or_empty(result.get("id_token"))
    at_claims = _claims_or_empty(access_token)
    expires_in = int(result.get("expires_in") or 0)
    expires_on = _utc(now + expires_in) if expires_in else _utc(at_claims.get("exp", now))
    ext = result.get("ext_expires_in")
    granted = str(result.get("scope") or "").split()
    return TokenResult(
        access_token=access_token, refresh_token=result.get("refresh_token"), id_token=result.get("id_token"),
        token_type=str(result.get("token_type") or "Bearer"), expires_on=expires_on,
        extended_expires_on=_utc(now + int(ext)) if ext else expires_on,
        tenant_id=id_claims.get("tid") or at_claims.get("tid"),
        unique_id=id_claims.get("oid") or at_claims.get("oid"),
        scopes=granted or list(requested_scopes),
        account=_account(result.get("client_info"), id_claims, environment),
        correlation_id=correlation_id, from_cache=result.get("token_source") == "cache")


def result_from_cache(access_token_entry: Mapping[str, Any], *, refresh_token: Optional[str],
                      id_token: Optional[str], account_entry: Optional[Mapping[str, Any]]) -> TokenResult:
    """A TokenResult from the token cache's own entries (msal's cache hit
    returns the access token alone): the access token entry gives expiry,
    tenant (realm) and scopes (target); the refresh token, id token and
    account entries found beside it complete it."""
    id_claims = _claims_or_empty(id_token)
    at_claims = _claims_or_empty(access_token_entry.get("secret"))
    expires_on = _utc(float(access_token_entry.get("expires_on") or 0))
    ext = access_token_entry.get("extended_expires_on")
    account = None
    if account_entry is not None:
        account = TokenAccount(username=account_entry.get("username") or "",
                               home_account_id=account_entry.get("home_account_id"),
                               environment=account_entry.get("environment") or "")
    realm = access_token_entry.get("realm")
    tenant_id = id_claims.get("tid") or at_claims.get("tid") or realm
    return TokenResult(
        access_token=access_token_entry.get("secret") or "", refresh_token=refresh_token, id_token=id_token,
        token_type=access_token_entry.get("token_type") or "Bearer", expires_on=expires_on,
        extended_expires_on=_utc(float(ext)) if ext else expires_on, tenant_id=tenant_id,
        unique_id=id_claims.get("oid") or at_claims.get("oid"),
        scopes=str(access_token_entry.get("target") or "").split(), account=account, correlation_id=None,
        from_cache=True)
