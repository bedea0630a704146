"""The authority's machine endpoints: discovery, keys, token, device code, logout.

The OpenID configuration is Azure AD's, with every endpoint under the
emulator's address; for a tenant named by domain the endpoints use its id,
for ``organizations``/``common`` the alias and an issuer with the literal
``{tenantid}``, as Azure AD publishes them (msal reads the tenant from the
token endpoint).  Discovery documents are rendered once per tenant name: a
fresh msal app fetches one for every acquisition.
"""

from __future__ import annotations

from typing import Callable
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from .context import MULTI_TENANT_ALIASES, EmulatorContext
from .errors import AadError, missing_parameter, post_only, tenant_not_found, unknown_instance
from .grants import device_authorization as device_authorization_grant, token as token_grant
from .pages import signed_out as signed_out_html
from .web import aad_error, encode, json_response, query, read_form


def openid_configuration(ctx: EmulatorContext, segment: str) -> dict[str, object]:
    tenant = ctx.tenant_for_path(segment)
    path = tenant.id if tenant else segment.lower()
    base = ctx.url(f"/{path}")
    return {
        "token_endpoint": f"{base}/oauth2/v2.0/token",
        "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
        "jwks_uri": f"{base}/discovery/v2.0/keys",
        "response_modes_supported": ["query", "fragment", "form_post"],
        "subject_types_supported": ["pairwise"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        "issuer": ctx.issuer.issuer(tenant.id if tenant else "{tenantid}"),
        "request_uri_parameter_supported": False,
        "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
        "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
        "http_logout_supported": True,
        "frontchannel_logout_supported": True,
        "end_session_endpoint": f"{base}/oauth2/v2.0/logout",
        "claims_supported": ["sub", "iss", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username",
                             "name", "tid", "ver", "at_hash", "c_hash", "email"],
        "tenant_region_scope": "NA",
        "cloud_instance_name": "microsoftonline.com",
        "cloud_graph_host_name": "graph.windows.net",
        "msgraph_host": "graph.microsoft.com",
    }


def instance_metadata(ctx: EmulatorContext, authorization_endpoint: str) -> dict[str, object]:
    """GET /common/discovery/instance: msal's instance discovery, for an
    authorization endpoint on this emulator only."""
    ours = urlsplit(ctx.settings.endpoint)
    given = urlsplit(authorization_endpoint)
    aliases = [ours.netloc, f"localhost:{ours.port}"]
    if given.scheme != "https" or given.netloc.lower() not in aliases:
        raise unknown_instance()
    segment = given.path.strip("/").split("/")[0] or "common"
    return {
        "tenant_discovery_endpoint": ctx.url(f"/{segment}/v2.0/.well-known/openid-configuration"),
        "api-version": "1.1",
        "metadata": [{"preferred_network": ours.netloc, "preferred_cache": ours.netloc, "aliases": aliases}],
    }


def routes(ctx: EmulatorContext) -> list[Route]:
    rendered: dict[str, bytes] = {}   # discovery documents never change while the emulator runs

    async def discovery(request: Request) -> Response:
        segment = request.path_params["tenant"].lower()
        body = rendered.get(segment)
        if body is None:
            try:
                body = rendered[segment] = encode(openid_configuration(ctx, segment))
            except AadError as error:
                return aad_error(request, error)
        return json_response(request, body)

    async def keys(request: Request) -> Response:
        segment = request.path_params["tenant"]
        try:
            tenant = ctx.tenant_for_path(segment)
        except AadError as error:
            return aad_error(request, error)
        return json_response(request, ctx.issuer.jwks(tenant.id if tenant else "{tenantid}"))

    async def instance(request: Request) -> Response:
        endpoint = query(request, "authorization_endpoint")
        try:
            if endpoint is None:
                raise missing_parameter("authorization_endpoint")
            return json_response(request, instance_metadata(ctx, endpoint))
        except AadError as error:
            return aad_error(request, error)

    def form_endpoint(handle: Callable[[Request, dict[str, str]], dict[str, object]]) -> Callable:
        async def endpoint(request: Request) -> Response:
            try:
                if request.method != "POST":
                    raise post_only(request.method)
                return json_response(request, handle(request, await read_form(request)))
            except AadError as error:
                return aad_error(request, error)
        return endpoint

    def token(request: Request, form: dict[str, str]) -> dict[str, object]:
        return token_grant(ctx, request.path_params["tenant"], form, request.headers.get("authorization"))

    def devicecode(request: Request, form: dict[str, str]) -> dict[str, object]:
        return device_authorization_grant(ctx, request.path_params["tenant"], form)

    async def logout(request: Request) -> Response:
        segment = request.path_params["tenant"]
        if segment.lower() not in MULTI_TENANT_ALIASES and ctx.directory.tenant(segment) is None:
            return aad_error(request, tenant_not_found(segment))
        target = query(request, "post_logout_redirect_uri")
        if target is not None and urlsplit(target).scheme in ("http", "https"):
            return RedirectResponse(target, 302)
        return HTMLResponse(signed_out_html())

    return [
        Route("/common/discovery/instance", instance, methods=["GET"]),
        Route("/{tenant}/v2.0/.well-known/openid-configuration", discovery, methods=["GET"]),
        Route("/{tenant}/discovery/v2.0/keys", keys, methods=["GET"]),
        Route("/{tenant}/oauth2/v2.0/token", form_endpoint(token), methods=["GET", "POST"]),
        Route("/{tenant}/oauth2/v2.0/devicecode", form_endpoint(devicecode), methods=["GET", "POST"]),
        Route("/{tenant}/oauth2/v2.0/logout", logout, methods=["GET", "POST"]),
    ]

