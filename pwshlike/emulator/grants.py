"""The token endpoint's grants and the device authorization endpoint.

Each grant checks what Azure AD checks, in its order, and raises its error;
success builds the token response msal expects (``token_type``, ``scope``,
``expires_in``, ``ext_expires_in``, ``access_token``, and for users
``refresh_token`` with offline_access, ``id_token`` with openid,
``client_info`` when asked).  The sign-in rules shared with the HTML pages
(where a user may sign in, what needs consent) live here too, so a token
from a page and one from a refresh token obey the same directory.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Callable, Mapping, Optional

from .clientauth import authenticate, read_credentials
from .context import EmulatorContext
from .devicecode import APPROVED, PENDING, REDEEMED, DeviceCode, check_poll
from .directory import GRAPH_APP_ID, OIDC_SCOPES, Application, Tenant, User, stable_id
from .errors import (
    application_not_found, authorization_pending, bad_verification_code, code_expired, code_for_other_tenant,
    code_not_valid, code_redeemed, code_verifier_mismatch, consent_required, credential_required,
    grant_for_other_client, malformed_grant, mfa_required, missing_parameter, no_tenant_for_client_credentials,
    refresh_token_inactive, refresh_token_revoked, reply_address_mismatch, unsupported_grant_type, user_not_in_tenant)
from .scopes import ScopeRequest, parse as parse_scopes, parse_client_credentials
from .signin_state import CODE_LIFETIME
from .tokens import PUBLIC_CLIENT, client_info

DEVICE_CODE_GRANTS = ("urn:ietf:params:oauth:grant-type:device_code", "device_code")

Form = Mapping[str, str]


# --- clients --------------------------------------------------------------------------------

def _assertion_audiences(ctx: EmulatorContext, segment: str, tenant: Optional[Tenant]) -> list[str]:
    """The ``aud`` a client assertion may carry: this token endpoint however
    the tenant is written (msal uses the discovered one, with the tenant id)."""
    names = [tenant.id, tenant.domain, segment] if tenant else [segment]
    audiences = [ctx.url(f"/{name}/oauth2/v2.0/token") for name in names]
    if tenant:
        audiences.append(ctx.issuer.issuer(tenant.id))
    return audiences


def authenticate_client(ctx: EmulatorContext, segment: str, tenant: Optional[Tenant], form: Form,
                        authorization: Optional[str], now: float) -> tuple[Application, str]:
    """The calling app, authenticated; its azpacr value."""
    presented = read_credentials(form, authorization)
    if not presented.client_id:
        raise missing_parameter("client_id")
    app = find_client(ctx, presented.client_id, tenant, segment)
    return app, authenticate(app, presented, _assertion_audiences(ctx, segment, tenant), now)


def find_client(ctx: EmulatorContext, client_id: str, tenant: Optional[Tenant], segment: str) -> Application:
    """The app ``client_id`` names, provisioned in ``tenant`` (AADSTS700016 otherwise)."""
    app = ctx.directory.applications.get(client_id.strip().lower())
    if app is None or (tenant is not None and tenant.id not in app.tenants):
        raise application_not_found(client_id, ctx.tenant_label(tenant, segment))
    return app


# --- users: where they sign in, what they consented to ----------------------------------------

def resolve_sign_in(ctx: EmulatorContext, tenant: Optional[Tenant], user: User, app: Application) -> Tenant:
    """The tenant ``user``'s token is for: the one the URL named, or the home
    tenant for organizations/common.  The user must belong there (home, or a
    customer of a partner whose admin agent they are) and the app too."""
    target = tenant or ctx.directory.tenants[user.tenant_id]
    if target.id not in ctx.directory.tenants_for(user):
        raise user_not_in_tenant(user.upn, user.tenant_id, target.display_name, app.app_id,
                                 app.display_name)
    if target.id not in app.tenants:
        raise application_not_found(app.app_id, target.display_name)
    return target


def _granted(ctx: EmulatorContext, tenant: Tenant, user: User, app: Application, request: ScopeRequest) -> set[str]:
    """Delegated scopes of the requested resource the app holds for the user
    (OpenID scopes aside: they need no consent)."""
    granted = ctx.directory.granted_scopes(tenant.id, app.app_id, request.resource.app_id, user.id)
    return {s for s in granted if s.lower() not in OIDC_SCOPES}


def scopes_to_consent(ctx: EmulatorContext, tenant: Tenant, user: User, app: Application,
                      request: ScopeRequest) -> list[str]:
    """What the consent page must ask for: the named scopes not yet granted."""
    granted = {s.lower() for s in _granted(ctx, tenant, user, app, request)}
    return [name for name in request.names if name.lower() not in granted]


def consent(ctx: EmulatorContext, tenant: Tenant, user: User, app: Application, request: ScopeRequest) -> None:
    """The user accepted the consent page: grant them the scopes asked for."""
    missing = scopes_to_consent(ctx, tenant, user, app, request)
    if missing:
        ctx.directory.grant_scopes(tenant.id, app.app_id, request.resource.app_id, user.id, missing)


def _require_consent(ctx: EmulatorContext, tenant: Tenant, user: User, app: Application,
                     request: ScopeRequest) -> set[str]:
    granted = _granted(ctx, tenant, user, app, request)
    if scopes_to_consent(ctx, tenant, user, app, request) or (request.default and not granted):
        raise consent_required(app.app_id, app.display_name)
    return granted


def user_token_response(ctx: EmulatorContext, *, tenant: Tenant, user: User, app: Application,
                        request: ScopeRequest, client_auth: str, mfa: bool, nonce: Optional[str],
                        want_client_info: bool, now: float) -> dict[str, object]:
    """Tokens for a signed-in user.  The access token carries every scope
    the app holds on the resource (Azure AD's scp is cumulative); the
    response's ``scope`` spells them as the client did."""
    granted = _require_consent(ctx, tenant, user, app, request)
    oidc = sorted(request.oidc - {"offline_access"})
    scp = sorted(granted) + (oidc if request.resource.app_id == GRAPH_APP_ID else [])
    named = list(request.names) + sorted(s for s in granted if s not in request.names)
    lifetime = ctx.issuer.lifetime
    body: dict[str, object] = {
        "token_type": "Bearer",
        "scope": " ".join([request.qualified(s) for s in named] + oidc),
        "expires_in": lifetime, "ext_expires_in": lifetime,
        "access_token": ctx.issuer.user_access_token(
            tenant=tenant, user=user, client_id=app.app_id, client_name=app.display_name,
            audience=request.resource.identifier, scopes=scp, client_auth=client_auth, mfa=mfa, now=now),
    }
    if "offline_access" in request.oidc:
        body["refresh_token"] = ctx.refresh_tokens.issue(app.app_id, user.id, mfa, now)
    if "openid" in request.oidc:
        body["id_token"] = ctx.issuer.id_token(tenant=tenant, user=user, client_id=app.app_id, nonce=nonce,
                                               email="email" in request.oidc, mfa=mfa, now=now)
    if want_client_info:
        body["client_info"] = client_info(user)
    return body


def approve_device_code(ctx: EmulatorContext, code: DeviceCode, user: User) -> None:
    """The person approved the device sign-in (or auto sign-in did): sign
    them in where the code asked, grant what it asked for."""
    app = ctx.directory.applications[code.client_id]
    tenant = resolve_sign_in(ctx, code.tenant, user, app)
    consent(ctx, tenant, user, app, code.request)
    code.approve(user.id, tenant.id, mfa=tenant.requires_mfa)   # interactive: MFA done where required


# --- grants -----------------------------------------------------------------------------------

Grant = Callable[[EmulatorContext, str, Optional[Tenant], Form, Optional[str], float], dict[str, object]]


def _client_credentials(ctx: EmulatorContext, segment: str, tenant: Optional[Tenant], form: Form,
                        authorization: Optional[str], now: float) -> dict[str, object]:
    if tenant is None:
        raise no_tenant_for_client_credentials()
    app, client_auth = authenticate_client(ctx, segment, tenant, form, authorization, now)
    if client_auth == PUBLIC_CLIENT:
        raise credential_required()
    resource = parse_client_credentials(ctx.directory, form.get("scope"), tenant.display_name)
    roles = sorted(ctx.directory.granted_roles(tenant.id, app.app_id, resource.app_id))
    lifetime = ctx.issuer.lifetime
    return {
        "token_type": "Bearer", "scope": " ".join(form.get("scope", "").split()),
        "expires_in": lifetime, "ext_expires_in": lifetime,
        "access_token": ctx.issuer.app_access_token(
            tenant_id=tenant.id, client_id=app.app_id, client_name=app.display_name,
            audience=resource.identifier, roles=roles, client_auth=client_auth,
            principal_id=ctx.directory.service_principal_id(tenant.id, app.app_id), now=now),
    }


def _refresh_token(ctx: EmulatorContext, segment: str, tenant: Optional[Tenant], form: Form,
                   authorization: Optional[str], now: float) -> dict[str, object]:
    app, client_auth = authenticate_client(ctx, segment, tenant, form, authorization, now)
    token = form.get("refresh_token")
    if not token:
        raise missing_parameter("refresh_token")
    request = parse_scopes(ctx.directory, form.get("scope"), ctx.tenant_label(tenant, segment))
    record = ctx.refresh_tokens.find(token)
    user = ctx.directory.users.get(record.user_id) if record else None
    if record is None or user is None:
        raise malformed_grant()
    if record.client_id != app.app_id:
        raise grant_for_other_client()
    if record.issued_at < user.tokens_valid_from:
        raise refresh_token_revoked(record.issued_at, user.tokens_valid_from)
    if ctx.refresh_tokens.inactive(record, now):
        raise refresh_token_inactive(record.issued_at)
    target = resolve_sign_in(ctx, tenant, user, app)
    if target.requires_mfa and not record.mfa:
        raise mfa_required(request.resource.app_id, stable_id("conditional-access-policy", target.id))
    body = user_token_response(ctx, tenant=target, user=user, app=app, request=request, client_auth=client_auth,
                               mfa=record.mfa, nonce=None, want_client_info=form.get("client_info") == "1", now=now)
    record.last_used = now
    return body


def _pkce_matches(verifier: str, challenge: str, method: str) -> bool:
    if method == "S256":
        computed = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii", "replace")).digest())
        verifier = computed.rstrip(b"=").decode("ascii")
    return hmac.compare_digest(verifier.encode(), challenge.encode())


def _authorization_code(ctx: EmulatorContext, segment: str, tenant: Optional[Tenant], form: Form,
                        authorization: Optional[str], now: float) -> dict[str, object]:
    app, client_auth = authenticate_client(ctx, segment, tenant, form, authorization, now)
    for name in ("code", "redirect_uri"):
        if not form.get(name):
            raise missing_parameter(name)
    issued = ctx.codes.get(form["code"])
    if issued is None:
        raise code_not_valid()
    granted = issued.authorization
    if granted.client.app_id != app.app_id:
        raise grant_for_other_client()
    if issued.redeemed:
        raise code_redeemed()
    if issued.issued_at + CODE_LIFETIME < now:
        raise code_expired()
    if tenant is not None and tenant.id != issued.tenant_id:
        raise code_for_other_tenant()
    if form["redirect_uri"] != granted.redirect_uri:
        raise reply_address_mismatch(form["redirect_uri"], granted.redirect_uri)
    if granted.code_challenge and not _pkce_matches(form.get("code_verifier", ""), granted.code_challenge,
                                                    granted.code_challenge_method):
        raise code_verifier_mismatch()
    issued.redeemed = True
    return user_token_response(
        ctx, tenant=ctx.directory.tenants[issued.tenant_id], user=ctx.directory.users[issued.user_id], app=app,
        request=granted.request, client_auth=client_auth, mfa=issued.mfa, nonce=granted.nonce,
        want_client_info=form.get("client_info") == "1" or granted.client_info, now=now)


def _device_code(ctx: EmulatorContext, segment: str, tenant: Optional[Tenant], form: Form,
                 authorization: Optional[str], now: float) -> dict[str, object]:
    app, client_auth = authenticate_client(ctx, segment, tenant, form, authorization, now)
    if not form.get("device_code"):
        raise missing_parameter("device_code")
    code = ctx.devices.by_device_code(form["device_code"])
    if code is None or code.client_id != app.app_id:
        raise bad_verification_code()
    check_poll(code, now)
    if code.status == PENDING:
        if not ctx.settings.auto_sign_in:
            raise authorization_pending()
        approve_device_code(ctx, code, ctx.directory.partner_admin)
    assert code.status == APPROVED and code.user_id and code.tenant_id
    code.status = REDEEMED
    return user_token_response(
        ctx, tenant=ctx.directory.tenants[code.tenant_id], user=ctx.directory.users[code.user_id], app=app,
        request=code.request, client_auth=client_auth, mfa=code.mfa, nonce=None,
        want_client_info=form.get("client_info") == "1", now=now)


_GRANTS: dict[str, Grant] = {
    "client_credentials": _client_credentials,
    "refresh_token": _refresh_token,
    "authorization_code": _authorization_code,
    **{name: _device_code for name in DEVICE_CODE_GRANTS},
}


def token(ctx: EmulatorContext, segment: str, form: Form, authorization: Optional[str]) -> dict[str, object]:
    """POST /{tenant}/oauth2/v2.0/token."""
    tenant = ctx.tenant_for_path(segment)
    grant_type = form.get("grant_type")
    if not grant_type:
        raise missing_parameter("grant_type")
    grant = _GRANTS.get(grant_type)
    if grant is None:
        raise unsupported_grant_type(grant_type)
    return grant(ctx, segment, tenant, form, authorization, ctx.clock())


def device_authorization(ctx: EmulatorContext, segment: str, form: Form) -> dict[str, object]:
    """POST /{tenant}/oauth2/v2.0/devicecode: a device code and the words
    msal shows the person."""
    tenant = ctx.tenant_for_path(segment)
    if not form.get("client_id"):
        raise missing_parameter("client_id")
    app = find_client(ctx, form["client_id"], tenant, segment)
    request = parse_scopes(ctx.directory, form.get("scope"), ctx.tenant_label(tenant, segment))
    lifetime = ctx.settings.device_code_lifetime
    code = ctx.devices.create(app.app_id, tenant, request, lifetime, ctx.clock())
    verification_uri = ctx.url("/devicelogin")
    return {
        "user_code": code.user_code, "device_code": code.device_code, "verification_uri": verification_uri,
        "expires_in": int(lifetime), "interval": code.interval,
        "message": (f"To sign in, use a web browser to open the page {verification_uri} and enter the code "
                    f"{code.user_code} to authenticate."),
    }
