"""Interactive sign-in: ``/authorize``, the sign-in and consent pages, and
the device login page.

``/authorize`` first checks what Azure AD checks before it trusts the
redirect URI (tenant, client, redirect URI): those errors are shown on a
page and go nowhere, like AADSTS50011.  Later errors go back to the app as
``error`` and ``error_description`` on the redirect.  With auto sign-in the
seeded partner admin (or the user ``login_hint`` names) signs in and
consents at once and the answer is the 302 to the app; otherwise the pages
ask.  Redirect URIs on ``http://localhost`` match on any port, as in Azure AD.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from .context import EmulatorContext
from .directory import Application, Tenant, User
from .errors import (
    AadError, consent_declined, error_body, flow_expired, invalid_code_challenge, invalid_password, login_required,
    missing_parameter, redirect_uri_mismatch, unknown_user, unsupported_response_mode, unsupported_response_type,
    user_code_not_valid)
from .grants import approve_device_code, consent, find_client, resolve_sign_in, scopes_to_consent
from .pages import (
    consent as consent_html, device_approve as device_approve_html, device_code as device_code_html,
    device_done as device_done_html, form_post as form_post_html, sign_in as sign_in_html)
from .scopes import ScopeRequest, parse as parse_scopes
from .signin_state import AuthorizationRequest, Interaction
from .tokens import client_info
from .web import error_page, ids, query, read_form

_LOOPBACK = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})
_RESPONSE_MODES = frozenset({"query", "fragment", "form_post"})


def redirect_uri_matches(registered: str, requested: str) -> bool:
    """Azure AD's rule: exact, except that a loopback URI matches on any
    port and a trailing slash on an empty path does not matter."""
    a, b = urlsplit(registered), urlsplit(requested)
    if (a.scheme.lower(), (a.hostname or "").lower()) != (b.scheme.lower(), (b.hostname or "").lower()):
        return False
    if (a.path.rstrip("/"), a.query) != (b.path.rstrip("/"), b.query):
        return False
    if a.hostname in _LOOPBACK:
        return True
    try:
        return a.port == b.port
    except ValueError:   # a port that is not a number matches nothing
        return False


@dataclass(frozen=True)
class _ReplyTo:
    """Where and how an answer goes back to the app."""
    redirect_uri: str
    response_mode: str      # query, fragment or form_post
    state: Optional[str]

    @classmethod
    def of(cls, authorization: AuthorizationRequest) -> "_ReplyTo":
        return cls(authorization.redirect_uri, authorization.response_mode, authorization.state)


def _redirect(reply: _ReplyTo, parameters: dict[str, str]) -> Response:
    if reply.state is not None:
        parameters["state"] = reply.state
    if reply.response_mode == "form_post":
        return HTMLResponse(form_post_html(reply.redirect_uri, parameters))
    separator = "#" if reply.response_mode == "fragment" else ("&" if "?" in reply.redirect_uri else "?")
    return RedirectResponse(reply.redirect_uri + separator + urlencode(parameters), 302)


def _redirect_error(request: Request, reply: _ReplyTo, error: AadError) -> Response:
    trace_id, correlation_id = ids(request)
    body = error_body(error, trace_id, correlation_id)
    return _redirect(reply, {"error": error.error, "error_description": str(body["error_description"]),
                             "error_uri": str(body["error_uri"])})


@dataclass(frozen=True)
class _Validated:
    """The parts of an /authorize request checked before anything is redirected."""
    tenant: Optional[Tenant]
    segment: str
    app: Application
    redirect_uri: str


def _check_client(ctx: EmulatorContext, segment: str, request: Request) -> _Validated:
    tenant = ctx.tenant_for_path(segment)
    client_id = query(request, "client_id")
    if client_id is None:
        raise missing_parameter("client_id")
    app = find_client(ctx, client_id, tenant, segment)
    redirect_uri = query(request, "redirect_uri")
    if redirect_uri is None:
        raise missing_parameter("redirect_uri")
    if not any(redirect_uri_matches(r, redirect_uri) for r in app.redirect_uris):
        raise redirect_uri_mismatch(redirect_uri, app.app_id)
    return _Validated(tenant, segment, app, redirect_uri)


def _authorization(ctx: EmulatorContext, checked: _Validated, request: Request) -> AuthorizationRequest:
    """Read the rest of the request (scopes, PKCE, state, nonce...)."""
    response_type = query(request, "response_type") or ""
    if response_type != "code":
        raise unsupported_response_type(response_type)
    request_scopes = parse_scopes(ctx.directory, query(request, "scope"),
                                  ctx.tenant_label(checked.tenant, checked.segment))
    challenge = query(request, "code_challenge")
    method = query(request, "code_challenge_method") or "plain"
    if challenge is not None:
        if method not in ("S256", "plain"):
            raise invalid_code_challenge(f"Invalid code_challenge_method '{method}'. Use S256 or plain.")
        if not 43 <= len(challenge) <= 128:
            raise invalid_code_challenge("Invalid size of Code_Challenge parameter.")
    return AuthorizationRequest(
        checked.tenant, checked.segment, checked.app, checked.redirect_uri, request_scopes,
        query(request, "state"), query(request, "nonce"), challenge, method,
        query(request, "response_mode") or "query", query(request, "login_hint"), query(request, "prompt"),
        query(request, "client_info") == "1")


def _complete(ctx: EmulatorContext, authorization: AuthorizationRequest, user: User, tenant: Tenant) -> Response:
    code = ctx.codes.issue(authorization, user.id, tenant.id, tenant.requires_mfa, ctx.clock())
    parameters = {"code": code.code}
    if authorization.client_info:
        parameters["client_info"] = client_info(user)
    return _redirect(_ReplyTo.of(authorization), parameters)


def _sign_in_page(interaction: Interaction, app: Application, where: str, username: str = "",
                  error: Optional[str] = None, status: int = 200) -> HTMLResponse:
    return HTMLResponse(sign_in_html(interaction.id, app.display_name, where, username, error), status)


def _interaction_parts(ctx: EmulatorContext, interaction: Interaction) -> tuple[Application, Optional[Tenant], str]:
    """(app, tenant the URL named, how to name it) for either kind of interaction."""
    if interaction.authorization is not None:
        a = interaction.authorization
        return a.client, a.tenant, ctx.tenant_label(a.tenant, a.segment)
    assert interaction.device is not None
    d = interaction.device
    return ctx.directory.applications[d.client_id], d.tenant, d.tenant.display_name if d.tenant else "your organization"


def routes(ctx: EmulatorContext) -> list[Route]:
    directory = ctx.directory

    async def authorize(request: Request) -> Response:
        segment = request.path_params["tenant"]
        try:
            checked = _check_client(ctx, segment, request)
        except AadError as error:
            return error_page(request, error)
        response_mode = query(request, "response_mode") or "query"
        # From here on errors go back to the app (in a mode it may use).
        reply = _ReplyTo(checked.redirect_uri, response_mode if response_mode in _RESPONSE_MODES else "query",
                         query(request, "state"))
        try:
            if response_mode not in _RESPONSE_MODES:
                raise unsupported_response_mode(response_mode)
            authorization = _authorization(ctx, checked, request)
        except AadError as error:
            return _redirect_error(request, reply, error)
        if ctx.settings.auto_sign_in:
            user = (directory.user_by_upn(authorization.login_hint) if authorization.login_hint else None) \
                or directory.partner_admin
            try:
                tenant = resolve_sign_in(ctx, authorization.tenant, user, authorization.client)
            except AadError as error:
                return error_page(request, error)
            consent(ctx, tenant, user, authorization.client, authorization.request)
            return _complete(ctx, authorization, user, tenant)
        if authorization.prompt == "none":
            return _redirect_error(request, reply, login_required())
        interaction = ctx.interactions.start(ctx.clock(), authorization=authorization)
        return _sign_in_page(interaction, authorization.client, ctx.tenant_label(authorization.tenant, segment),
                             authorization.login_hint or "")

    async def login(request: Request) -> Response:
        form = await read_form(request)
        interaction = ctx.interactions.get(form.get("interaction", ""), ctx.clock())
        if interaction is None:
            return error_page(request, flow_expired())
        app, tenant, where = _interaction_parts(ctx, interaction)
        username = form.get("username", "").strip()
        user = directory.user_by_upn(username)
        if user is None:
            return _sign_in_page(interaction, app, where, username,
                                 unknown_user(username, where).description, 400)
        if not hmac.compare_digest(form.get("password", "").encode(), user.password.encode()):
            return _sign_in_page(interaction, app, where, username, invalid_password().description, 400)
        try:
            target = resolve_sign_in(ctx, tenant, user, app)
        except AadError as error:
            ctx.interactions.finish(interaction.id)
            return error_page(request, error)
        interaction.user_id, interaction.tenant_id = user.id, target.id
        if interaction.device is not None:
            return HTMLResponse(device_approve_html(interaction.id, app.display_name, user.upn,
                                                    _describe(interaction.device.request)))
        authorization = interaction.authorization
        assert authorization is not None
        needed = scopes_to_consent(ctx, target, user, app, authorization.request)
        if needed or authorization.prompt == "consent":
            return HTMLResponse(consent_html(interaction.id, app.display_name, user.upn,
                                             needed or _describe(authorization.request)))
        ctx.interactions.finish(interaction.id)
        return _complete(ctx, authorization, user, target)

    async def decide(request: Request) -> Response:
        form = await read_form(request)
        interaction = ctx.interactions.get(form.get("interaction", ""), ctx.clock())
        if interaction is None or interaction.user_id is None or interaction.tenant_id is None:
            return error_page(request, flow_expired())
        ctx.interactions.finish(interaction.id)
        accepted = form.get("decision") == "accept"
        user, tenant = directory.users[interaction.user_id], directory.tenants[interaction.tenant_id]
        app, _, _ = _interaction_parts(ctx, interaction)
        if interaction.device is not None:
            code = interaction.device
            if code.status != "pending" or code.expires_at <= ctx.clock():
                return error_page(request, user_code_not_valid())
            if not accepted:
                code.decline()
                return HTMLResponse(device_done_html(app.display_name, approved=False))
            try:
                approve_device_code(ctx, code, user)
            except AadError as error:
                return error_page(request, error)
            return HTMLResponse(device_done_html(app.display_name, approved=True))
        authorization = interaction.authorization
        assert authorization is not None
        if not accepted:
            return _redirect_error(request, _ReplyTo.of(authorization), consent_declined())
        consent(ctx, tenant, user, app, authorization.request)
        return _complete(ctx, authorization, user, tenant)

    async def device_login(request: Request) -> Response:
        if request.method == "GET":
            return HTMLResponse(device_code_html())
        form = await read_form(request)
        try:
            code = ctx.devices.by_user_code(form.get("code", ""), ctx.clock())
        except AadError as error:
            return HTMLResponse(device_code_html(error.description), error.status)
        interaction = ctx.interactions.start(ctx.clock(), device=code)
        app = directory.applications[code.client_id]
        return _sign_in_page(interaction, app, code.tenant.display_name if code.tenant else "your organization")

    return [
        Route("/{tenant}/oauth2/v2.0/authorize", authorize, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/consent", decide, methods=["POST"]),
        Route("/devicelogin", device_login, methods=["GET", "POST"]),
    ]


def _describe(request: ScopeRequest) -> list[str]:
    """The permissions a page lists: the named scopes, or for /.default the
    resource as a whole."""
    if request.names:
        return [request.qualified(n) for n in request.names]
    return [f"Access {request.resource.display_name} as you"]

