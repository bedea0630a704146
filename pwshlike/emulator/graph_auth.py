"""Who is calling the Graph side, and what they may do.

Graph accepts exactly the tokens it would in the cloud: signed by the
emulator, for Graph's identifier or app id, not expired (401
InvalidAuthenticationToken otherwise).  The token's ``tid`` picks the
directory the caller sees, so a token for a customer tenant reads and
writes that tenant only.  What it may do comes from ``scp`` for a user
token and ``roles`` for an app-only token; missing both is Graph's 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from .context import EmulatorContext
from .directory import GRAPH_APP_ID, Tenant
from .errors import GraphError
from .graph_errors import insufficient_privileges

GRAPH_AUDIENCES = ("https://graph.microsoft.com", GRAPH_APP_ID)
# Directory.AccessAsUser.All (delegated only: the signed-in user's own rights, and the seeded
# users are administrators) lets a user token read the directory; writing grants takes more.
READ_DIRECTORY = frozenset({"Directory.Read.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"})
READ_USERS = READ_DIRECTORY | {"User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All"}
READ_APPLICATIONS = READ_DIRECTORY | {"Application.Read.All", "Application.ReadWrite.All"}
READ_GRANTS = READ_DIRECTORY | {"DelegatedPermissionGrant.Read.All", "DelegatedPermissionGrant.ReadWrite.All"}
WRITE_GRANTS = frozenset({"DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"})


@dataclass(frozen=True)
class Caller:
    tenant: Tenant
    claims: dict[str, Any]
    permissions: frozenset[str]    # a user token's scp, an app-only token's roles

    def require(self, allowed: frozenset[str]) -> None:
        """Graph's 403 unless the token carries one of ``allowed``."""
        if not self.permissions & allowed:
            raise insufficient_privileges()


def authenticate(ctx: EmulatorContext, request: Request) -> Caller:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise GraphError(401, "InvalidAuthenticationToken", "Access token is empty.")
    claims = ctx.issuer.verify(token.strip(), GRAPH_AUDIENCES, ctx.clock())
    tenant = ctx.directory.tenants.get(str(claims.get("tid")))
    if tenant is None:
        raise GraphError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid issuer.")
    delegated = claims.get("idtyp") != "app"
    granted = str(claims.get("scp", "")).split() if delegated else list(claims.get("roles", []))
    return Caller(tenant, claims, frozenset(granted))
