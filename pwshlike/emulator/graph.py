"""The Graph endpoint the identity flows need,
``POST /v1.0/users/{id | userPrincipalName}/revokeSignInSessions`` (and
``/v1.0/me/...``), and Graph's answer to what the emulator does not serve.

Revoking accepts exactly the tokens Graph accepts (graph_auth) carrying a
permission that allows it, and moves the user's TokensValidFrom to now, so
every refresh token issued before it fails with AADSTS50173.  A path under
/v1.0/ that no route serves, or a method a served path does not take, gets
Graph's JSON error rather than a bare 404 or 405, so clients report it as
they would Graph's.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match, Route

from .context import EmulatorContext
from .errors import GraphError
from .graph_auth import authenticate
from .graph_errors import not_found
from .web import graph_error, json_response

# Directory.AccessAsUser.All is delegated only: an app token never carries it.
_REVOKE = frozenset({"User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All",
                     "Directory.AccessAsUser.All"})


def routes(ctx: EmulatorContext) -> list[Route]:
    directory = ctx.directory

    async def revoke(request: Request) -> Response:
        try:
            caller = authenticate(ctx, request)
            caller.require(_REVOKE)
            key = request.path_params.get("user") or str(caller.claims.get("oid"))
            user = directory.user_by_id_or_upn(key)
            if user is None or user.tenant_id != caller.tenant.id:
                raise not_found(key)
        except GraphError as error:
            return graph_error(request, error)
        user.tokens_valid_from = ctx.clock()
        return json_response(request, {"@odata.context": ctx.url("/v1.0/$metadata#Edm.Boolean"), "value": True})

    return [
        Route("/v1.0/users/{user}/revokeSignInSessions", revoke, methods=["POST"]),
        Route("/v1.0/me/revokeSignInSessions", revoke, methods=["POST"]),
    ]


_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


def fallback(served: list[Route]) -> Route:
    """The last Graph route: 405 when a served path is used with another
    method, otherwise Graph's unknown-segment 400."""
    async def unserved(request: Request) -> Response:
        if any(route.matches(request.scope)[0] is Match.PARTIAL for route in served):
            error = GraphError(405, "BadRequest", "Specified HTTP method is not allowed for the request target.")
        else:
            segment = request.path_params["rest"].split("/")[0]
            error = GraphError(400, "BadRequest", f"Resource not found for the segment '{segment}'.")
        return graph_error(request, error)
    return Route("/v1.0/{rest:path}", unserved, methods=_METHODS)
