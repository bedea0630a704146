"""The one Microsoft Graph endpoint the identity flows need:
``POST /v1.0/users/{id | userPrincipalName}/revokeSignInSessions`` (and
``/v1.0/me/...``).

It accepts exactly the tokens Graph accepts: signed by the emulator, with
Graph's identifier as audience, not expired, and carrying a permission that
allows revoking sessions.  Revoking moves the user's TokensValidFrom to now,
so every refresh token issued before it fails with AADSTS50173.
"""

from __future__ import annotations

import datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .context import EmulatorContext
from .directory import GRAPH_APP_ID
from .errors import GraphError
from .web import ids, json_response

GRAPH_AUDIENCES = ("https://graph.microsoft.com", GRAPH_APP_ID)
_DELEGATED = frozenset({"User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All",
                        "Directory.AccessAsUser.All"})
_APPLICATION = frozenset({"User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All"})


def graph_error(request: Request, error: GraphError) -> Response:
    trace_id, correlation_id = ids(request)
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    return json_response(request, {"error": {
        "code": error.code, "message": error.message,
        "innerError": {"date": now, "request-id": trace_id, "client-request-id": correlation_id}}}, error.status)


def _claims(ctx: EmulatorContext, request: Request) -> dict[str, Any]:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise GraphError(401, "InvalidAuthenticationToken", "Access token is empty.")
    return ctx.issuer.verify(token.strip(), GRAPH_AUDIENCES, ctx.clock())


def routes(ctx: EmulatorContext) -> list[Route]:
    directory = ctx.directory

    async def revoke(request: Request) -> Response:
        try:
            claims = _claims(ctx, request)
            delegated = claims.get("idtyp") != "app"
            allowed = _DELEGATED if delegated else _APPLICATION
            granted = set(str(claims.get("scp", "")).split()) if delegated else set(claims.get("roles", []))
            if not granted & allowed:
                raise GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
            key = request.path_params.get("user")
            user = directory.user_by_id_or_upn(key) if key else directory.users.get(str(claims.get("oid")))
            if user is None or user.tenant_id != claims.get("tid"):
                raise GraphError(404, "Request_ResourceNotFound",
                                 f"Resource '{key or claims.get('oid')}' does not exist or one of its queried "
                                 "reference-property objects are not present.")
        except GraphError as error:
            return graph_error(request, error)
        user.tokens_valid_from = ctx.clock()
        return json_response(request, {"@odata.context": ctx.url("/v1.0/$metadata#Edm.Boolean"), "value": True})

    return [
        Route("/v1.0/users/{user}/revokeSignInSessions", revoke, methods=["POST"]),
        Route("/v1.0/me/revokeSignInSessions", revoke, methods=["POST"]),
    ]
