"""Refresh tokens: rotation, DAP into customer tenants, MFA, consent, revocation."""

from __future__ import annotations

import json
from typing import Any

import httpx
import jwt
import pytest

from pwshlike.emulator import EmulatorServer

from .support import MsalHttp, code, confidential, device_tokens, public, redirect_parameters

PARTNER_CENTER = "https://api.partnercenter.microsoft.com/user_impersonation"

# msal recommends form_post; the loopback redirect of a desktop app uses the query.
pytestmark = pytest.mark.filterwarnings("ignore:response_mode='form_post' is recommended")


def claims(token: str) -> dict[str, Any]:
    return jwt.decode(token, options={"verify_signature": False})


@pytest.fixture(scope="module")
def admin_tokens(auto: EmulatorServer, http: MsalHttp) -> dict[str, Any]:
    """The partner admin, signed in by device code (auto sign-in)."""
    result = device_tokens(auto, http, [PARTNER_CENTER])
    assert "refresh_token" in result, result
    return result


def _refresh(server: EmulatorServer, http: MsalHttp, token: str, scopes: list[str], tenant: str | None = None,
             client_id: str | None = None) -> dict[str, Any]:
    return public(server, http, tenant=tenant, client_id=client_id).acquire_token_by_refresh_token(token, scopes)


def test_rotation_returns_a_new_token_and_keeps_the_old(auto: EmulatorServer, http: MsalHttp,
                                                        admin_tokens: dict[str, Any]) -> None:
    first = _refresh(auto, http, admin_tokens["refresh_token"], [PARTNER_CENTER])
    assert first["refresh_token"] != admin_tokens["refresh_token"]
    second = _refresh(auto, http, admin_tokens["refresh_token"], [PARTNER_CENTER])
    assert "access_token" in second and second["refresh_token"] not in (first["refresh_token"],)
    assert "access_token" in _refresh(auto, http, first["refresh_token"], [PARTNER_CENTER])


def test_one_refresh_token_for_every_resource(auto: EmulatorServer, http: MsalHttp,
                                              admin_tokens: dict[str, Any]) -> None:
    graph = _refresh(auto, http, admin_tokens["refresh_token"], ["https://graph.microsoft.com/.default"])
    token = claims(graph["access_token"])
    assert token["aud"] == "https://graph.microsoft.com" and "Directory.AccessAsUser.All" in token["scp"].split()
    assert "https://graph.microsoft.com/User.Read" in graph["scope"].split()


@pytest.mark.parametrize("index", [0, 1])
def test_dap_refresh_token_works_in_customer_tenants(auto: EmulatorServer, http: MsalHttp,
                                                     admin_tokens: dict[str, Any], index: int) -> None:
    info = auto.info()
    customer = info["CustomerTenantIds"][index]
    result = _refresh(auto, http, admin_tokens["refresh_token"], [PARTNER_CENTER], tenant=customer)
    token = claims(result["access_token"])
    assert token["tid"] == customer and token["upn"] == info["UserName"]
    assert token["idp"] == f"https://sts.windows.net/{info['TenantId']}/"
    assert token["iss"] == f"{info['Endpoint']}/{customer}/v2.0"
    assert result["id_token_claims"]["tid"] == customer


def test_tailspin_requires_mfa_for_refresh_sign_ins(auto: EmulatorServer, http: MsalHttp,
                                                    admin_tokens: dict[str, Any]) -> None:
    tailspin = auto.info()["CustomerTenantIds"][2]
    assert auto.directory.tenants[tailspin].requires_mfa
    result = _refresh(auto, http, admin_tokens["refresh_token"], [PARTNER_CENTER], tenant=tailspin)
    assert code(result) == 50076 and result["error"] == "invalid_grant"
    assert result["suberror"] == "basic_action" and "capolids" in json.loads(result["claims"])["access_token"]


def test_interactive_sign_in_to_tailspin_satisfies_mfa(auto: EmulatorServer, http: MsalHttp) -> None:
    tailspin = auto.info()["CustomerTenantIds"][2]
    first = device_tokens(auto, http, [PARTNER_CENTER], tenant=tailspin)
    assert claims(first["access_token"])["amr"] == ["pwd", "mfa"]
    again = _refresh(auto, http, first["refresh_token"], [PARTNER_CENTER], tenant=tailspin)
    assert "access_token" in again, again


def test_scope_without_consent_is_65001(auto: EmulatorServer, http: MsalHttp, admin_tokens: dict[str, Any]) -> None:
    result = _refresh(auto, http, admin_tokens["refresh_token"], ["Mail.Send"])
    assert code(result) == 65001 and result["suberror"] == "consent_required"
    app = auto.directory.applications[auto.info()["PublicClientId"]]
    assert result["error_description"].startswith(
        f"AADSTS65001: The user or administrator has not consented to use the application with ID '{app.app_id}' "
        f"named '{app.display_name}'. Send an interactive authorization request for this user and resource.")


@pytest.mark.parametrize("scopes, number", [
    (["Not.AScope"], 70011),
    (["https://nothing.example.com/user_impersonation"], 500011),
    ([PARTNER_CENTER, "https://graph.microsoft.com/User.Read"], 28000),
    (["https://graph.microsoft.com/.default", "https://graph.microsoft.com/User.Read"], 70011),
])
def test_scope_errors(auto: EmulatorServer, http: MsalHttp, admin_tokens: dict[str, Any], scopes: list[str],
                      number: int) -> None:
    assert code(_refresh(auto, http, admin_tokens["refresh_token"], scopes)) == number


def test_refresh_token_of_another_client(auto: EmulatorServer, http: MsalHttp, admin_tokens: dict[str, Any]) -> None:
    result = confidential(auto, http, tenant="organizations").acquire_token_by_refresh_token(
        admin_tokens["refresh_token"], [PARTNER_CENTER])
    assert code(result) == 70000


def test_garbage_refresh_token_is_9002313(auto: EmulatorServer, http: MsalHttp) -> None:
    assert code(_refresh(auto, http, "garbage", [PARTNER_CENTER])) == 9002313


def test_customer_admin_cannot_use_the_partner_tenant(auto: EmulatorServer, http: MsalHttp,
                                                      raw: httpx.Client) -> None:
    info = auto.info()
    customer = info["CustomerTenantIds"][0]
    domain = auto.directory.tenants[customer].domain
    app = public(auto, http, tenant=customer)
    flow = app.initiate_auth_code_flow(["User.Read"], redirect_uri="http://localhost", login_hint=f"admin@{domain}")
    tokens = app.acquire_token_by_auth_code_flow(flow, redirect_parameters(raw.get(flow["auth_uri"])))
    result = _refresh(auto, http, tokens["refresh_token"], ["User.Read"], tenant=info["TenantId"])
    assert code(result) == 50020


def _revoke(server: EmulatorServer, raw: httpx.Client, user: str, token: str | None) -> httpx.Response:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return raw.post(f"{server.info()['GraphEndpoint']}/v1.0/users/{user}/revokeSignInSessions", headers=headers)


def test_revoke_sign_in_sessions_kills_older_refresh_tokens(auto: EmulatorServer, http: MsalHttp,
                                                            raw: httpx.Client, admin_tokens: dict[str, Any]) -> None:
    info = auto.info()
    northwind = info["CustomerTenantIds"][1]
    domain = auto.directory.tenants[northwind].domain
    app = public(auto, http, tenant=northwind)
    flow = app.initiate_auth_code_flow(["User.Read"], redirect_uri="http://localhost", login_hint=f"admin@{domain}")
    victim = app.acquire_token_by_auth_code_flow(flow, redirect_parameters(raw.get(flow["auth_uri"])))
    assert "access_token" in _refresh(auto, http, victim["refresh_token"], ["User.Read"], tenant=northwind)

    graph = _refresh(auto, http, admin_tokens["refresh_token"], ["https://graph.microsoft.com/.default"],
                     tenant=northwind)
    response = _revoke(auto, raw, f"admin@{domain}", graph["access_token"])
    assert response.status_code == 200, response.text
    assert response.json() == {"@odata.context": f"{info['GraphEndpoint']}/v1.0/$metadata#Edm.Boolean",
                               "value": True}
    result = _refresh(auto, http, victim["refresh_token"], ["User.Read"], tenant=northwind)
    assert code(result) == 50173 and result["error"] == "invalid_grant"
    flow = app.initiate_auth_code_flow(["User.Read"], redirect_uri="http://localhost", login_hint=f"admin@{domain}")
    signed_in_again = app.acquire_token_by_auth_code_flow(flow, redirect_parameters(raw.get(flow["auth_uri"])))
    assert "access_token" in _refresh(auto, http, signed_in_again["refresh_token"], ["User.Read"], tenant=northwind)


def test_revoke_needs_a_graph_token_with_permission(auto: EmulatorServer, http: MsalHttp, raw: httpx.Client,
                                                    admin_tokens: dict[str, Any]) -> None:
    info = auto.info()
    missing = _revoke(auto, raw, info["UserName"], None)
    assert missing.status_code == 401 and missing.json()["error"]["code"] == "InvalidAuthenticationToken"
    partner_center = _revoke(auto, raw, info["UserName"], admin_tokens["access_token"])
    assert partner_center.status_code == 401 and "audience" in partner_center.json()["error"]["message"]
    forged = admin_tokens["access_token"][:-8] + "AAAAAAAA"
    assert _revoke(auto, raw, info["UserName"], forged).status_code == 401
    app_only = confidential(auto, http).acquire_token_for_client(["https://graph.microsoft.com/.default"])
    denied = _revoke(auto, raw, info["UserName"], app_only["access_token"])
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "Authorization_RequestDenied"
    graph = _refresh(auto, http, admin_tokens["refresh_token"], ["https://graph.microsoft.com/.default"])
    unknown = _revoke(auto, raw, "nobody@contosopartner.onmicrosoft.com", graph["access_token"])
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "Request_ResourceNotFound"
