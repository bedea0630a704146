"""An Azure AD v2.0 emulator on loopback HTTPS: pwshlike's offline identity back end.

The real, unmodified msal library signs in against it for every flow the
Partner Center module uses (client credentials with a secret or a
certificate, refresh tokens, authorization code with PKCE, device code),
with authority ``https://127.0.0.1:PORT/<tenant>`` and
``instance_discovery=False``.  It issues RS256 JWTs for the real resource
identifiers (``https://graph.microsoft.com``,
``https://api.partnercenter.microsoft.com``, ...), so a script moves between
the emulator and the cloud by changing its environment alone, and answers
failures with Azure AD's own AADSTS errors.  Its Graph side serves what
the Microsoft Graph cmdlets need (oauth2PermissionGrants, users, service
principals, contracts) per tenant, with Graph's query options and errors.
A seeded directory (a partner tenant with DAP over three customer tenants,
a confidential and a public app, an unconsented portal app, Microsoft's
resources) makes it useful at once; a request log and deterministic fault
injection make it testable.

Modules, one job each:
  server      EmulatorServer: uvicorn in a daemon thread, emulator.json, info(), log, faults
  __main__    ``python -m pwshlike.emulator``: the standalone process
  ca          the CA kept in emulator_data_dir() and the TLS server certificate
  keys        RSA keys, certificates, thumbprints, PFX, private files
  directory   tenants, users, apps, resources, service principals, contracts,
              grants; the deterministic seed
  state       the JSON state file (load/save)
  tokens      signing and verifying JWTs; client_info
  scopes      scope strings to resources, Azure AD's rules
  clientauth  client secrets and certificate assertions
  grants      the token endpoint's grants, device authorization, consent rules
  devicecode  device codes and the polling rules
  refresh     refresh tokens: rotation, inactivity, revocation
  signin_state  sign-in pages in progress and authorization codes
  signin      /authorize, sign-in and consent pages, /devicelogin
  oauth       discovery, keys, token, devicecode, logout routes
  graph       POST /v1.0/users/{id}/revokeSignInSessions; Graph's 400/405 for the rest
  graph_auth  Graph's bearer tokens: the caller's tenant and permissions
  graph_query $filter, $search, $top, $select, $orderby, $count, nextLink paging
  graph_collections the GETs every collection shares: page, $count, member
  graph_grants      /v1.0/oauth2PermissionGrants
  graph_directory   /v1.0/users, /v1.0/servicePrincipals, /v1.0/contracts
  graph_errors      Graph's error catalogue
  pages       the HTML
  errors      the AADSTS catalogue; GraphError
  web         form parsing, Azure AD- and Graph-shaped responses
  middleware  ids, the request log, faults, the catch-all for bugs
  log, faults the request log and the fault rules

Importing this package costs nothing: its names load on first use (PEP
562), and starlette, uvicorn, PyJWT and cryptography only when a server
starts.  It imports nothing from pwshlike but ``pwshlike.identity.paths``
(where files go), ``pwshlike.identity.certstore`` (to place its app's
certificate where the identity service finds it) and, when a server starts,
``pwshlike.identity.cache`` (to forget tokens an earlier emulator signed).
"""

from __future__ import annotations


TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any
    from .faults import FaultRule
    from .log import RequestLogEntry
    from .server import EmulatorServer

__all__ = ["EmulatorServer", "FaultRule", "RequestLogEntry", "emulator_info_path"]
_HOMES = {"EmulatorServer": "server", "FaultRule": "faults", "RequestLogEntry": "log"}


def emulator_info_path() -> str:
    """The emulator.json a running emulator describes itself in, for the
    plugin that fronts this library (it imports nothing else of pwshlike's)."""
    from pwshlike.identity.paths import emulator_info_path as info_path
    return info_path()


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib
    value = getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    globals()[name] = value
    return value
