"""Which tokens the Graph side accepts: Graph's 401s, and the tenant a token picks."""

from __future__ import annotations

import httpx
import pytest

from pwshlike.emulator import EmulatorServer

from .graph_support import Graph, assert_graph_error, user_token
from .support import MsalHttp

TOKEN_ERROR = "InvalidAuthenticationToken"


def _minted(server: EmulatorServer, audience: str, age: float) -> str:
    d = server.directory
    return server.context.issuer.user_access_token(
        tenant=d.partner_tenant, user=d.partner_admin, client_id=d.public_client_id, client_name="x",
        audience=audience, scopes=["Directory.ReadWrite.All"], client_auth="0", mfa=False,
        now=server.context.clock() - age)


@pytest.mark.parametrize("path", ["oauth2PermissionGrants", "users", "servicePrincipals", "contracts"])
def test_no_token(graph_http: httpx.Client, graph_server: EmulatorServer, path: str) -> None:
    anonymous = Graph(graph_http, graph_server.endpoint, None)
    assert_graph_error(anonymous.get(path), 401, TOKEN_ERROR, "Access token is empty.")
    assert_graph_error(anonymous.post("oauth2PermissionGrants", {}), 401, TOKEN_ERROR, "Access token is empty.")


def test_bad_expired_and_foreign_tokens(graph_http: httpx.Client, graph_server: EmulatorServer,
                                        graph_msal: MsalHttp) -> None:
    def call(token: str) -> httpx.Response:
        return Graph(graph_http, graph_server.endpoint, token).get(
            "oauth2PermissionGrants", headers={"client-request-id": "5d1a2c1e-8f3b-4a59-9b61-0c2d4e6f8a10"})

    good = _minted(graph_server, "https://graph.microsoft.com", 0)
    assert call(good).status_code == 200
    assert call(_minted(graph_server, "00000003-0000-0000-c000-000000000000", 0)).status_code == 200
    assert_graph_error(call(_minted(graph_server, "https://graph.microsoft.com", 3600 + 301)), 401, TOKEN_ERROR,
                       "Lifetime validation failed, the token is expired.")
    partner_center = user_token(graph_server, graph_msal,
                                scopes=["https://api.partnercenter.microsoft.com/user_impersonation"])
    assert_graph_error(call(partner_center["access_token"]), 401, TOKEN_ERROR,
                       "Access token validation failure. Invalid audience.")
    head, payload, signature = good.split(".")
    forged = f"{head}.{payload}.{signature[:-4]}AAAA"
    assert_graph_error(call(forged), 401, TOKEN_ERROR, "Access token validation failure. Invalid signature.")
    assert_graph_error(call("not-a-jwt"), 401, TOKEN_ERROR, "IDX14100: JWT is not well formed.")
    response = call("not-a-jwt")
    assert response.json()["error"]["innerError"]["client-request-id"] == "5d1a2c1e-8f3b-4a59-9b61-0c2d4e6f8a10"


def test_the_log_names_the_tenant_and_client_of_graph_calls(customer: Graph, graph_server: EmulatorServer) -> None:
    assert customer.get("users").status_code == 200
    entry = graph_server.log[-1]
    assert (entry.method, entry.path, entry.status_code) == ("GET", "/v1.0/users", 200)
    assert entry.tenant_id == graph_server.info()["CustomerTenantIds"][0]
    assert entry.client_id == graph_server.info()["PublicClientId"] and not entry.faulted


def test_unserved_paths_and_methods_answer_as_graph(partner: Graph) -> None:
    assert_graph_error(partner.get("groups"), 400, "BadRequest", "Resource not found for the segment 'groups'.")
    assert_graph_error(partner.request("PUT", "oauth2PermissionGrants"), 405, "BadRequest",
                       "Specified HTTP method is not allowed for the request target.")
    assert_graph_error(partner.request("DELETE", "users/admin@contosopartner.onmicrosoft.com"), 405, "BadRequest")
