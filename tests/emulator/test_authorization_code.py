"""/authorize and the authorization code grant: msal's PKCE flow, the pages, the errors."""

from __future__ import annotations

import base64
import hashlib
import re

import httpx
import jwt
import pytest

from pwshlike.emulator import EmulatorServer

from .support import MsalHttp, confidential, public, redirect_parameters

PARTNER_CENTER = "https://api.partnercenter.microsoft.com/user_impersonation"

# msal recommends form_post; the loopback redirect of a desktop app uses the query.
pytestmark = pytest.mark.filterwarnings("ignore:response_mode='form_post' is recommended")


def _interaction(page: httpx.Response) -> str:
    match = re.search(r'name="interaction" value="([^"]+)"', page.text)
    assert match, page.text
    return match.group(1)


def test_public_client_pkce_flow_with_auto_sign_in(auto: EmulatorServer, http: MsalHttp, raw: httpx.Client) -> None:
    app = public(auto, http)
    flow = app.initiate_auth_code_flow([PARTNER_CENTER], redirect_uri="http://localhost:8400/")
    assert flow["code_verifier"] and "code_challenge_method=S256" in flow["auth_uri"]
    parameters = redirect_parameters(raw.get(flow["auth_uri"]))
    assert parameters["state"] == flow["state"] and parameters["client_info"]
    result = app.acquire_token_by_auth_code_flow(flow, parameters)
    assert "access_token" in result, result
    assert result["id_token_claims"]["nonce"] == hashlib.sha256(flow["nonce"].encode()).hexdigest()
    assert result["refresh_token"]
    accounts = app.get_accounts()
    assert [a["username"] for a in accounts] == [auto.info()["UserName"]]
    info = auto.info()
    assert accounts[0]["home_account_id"] == f"{result['id_token_claims']['oid']}.{info['TenantId']}"
    silent = app.acquire_token_silent([PARTNER_CENTER], account=accounts[0])
    assert silent["access_token"] == result["access_token"]


def test_login_hint_picks_the_user(auto: EmulatorServer, http: MsalHttp, raw: httpx.Client) -> None:
    customer = auto.info()["CustomerTenantIds"][1]
    upn = auto.directory.tenants[customer].domain
    app = public(auto, http, tenant=customer)
    flow = app.initiate_auth_code_flow(["User.Read"], redirect_uri="http://localhost", login_hint=f"admin@{upn}")
    result = app.acquire_token_by_auth_code_flow(flow, redirect_parameters(raw.get(flow["auth_uri"])))
    claims = jwt.decode(result["access_token"], options={"verify_signature": False})
    assert claims["upn"] == f"admin@{upn}" and claims["tid"] == customer and "User.Read" in claims["scp"].split()
    assert result["scope"].split()[0] == "User.Read"


def test_secure_application_model_yields_a_refresh_token(auto: EmulatorServer, http: MsalHttp,
                                                          raw: httpx.Client) -> None:
    app = confidential(auto, http, tenant="organizations")
    flow = app.initiate_auth_code_flow([PARTNER_CENTER], redirect_uri="http://localhost:8765")
    result = app.acquire_token_by_auth_code_flow(flow, redirect_parameters(raw.get(flow["auth_uri"])))
    assert result["refresh_token"], result
    claims = jwt.decode(result["access_token"], options={"verify_signature": False})
    assert claims["azpacr"] == "1" and claims["scp"] == "user_impersonation"


def _authorize(server: EmulatorServer, raw: httpx.Client, **parameters: str) -> httpx.Response:
    info = server.info()
    query = {"client_id": info["PublicClientId"], "response_type": "code", "redirect_uri": "http://localhost:9000",
             "scope": f"{PARTNER_CENTER} offline_access openid", "state": "the-state"}
    query.update(parameters)
    return raw.get(f"{info['Endpoint']}/organizations/oauth2/v2.0/authorize", params=query)


def _redeem(server: EmulatorServer, raw: httpx.Client, auth_code: str, **parameters: str) -> httpx.Response:
    info = server.info()
    data = {"grant_type": "authorization_code", "client_id": info["PublicClientId"], "code": auth_code,
            "redirect_uri": "http://localhost:9000", "scope": PARTNER_CENTER}
    data.update(parameters)
    return raw.post(f"{info['Endpoint']}/organizations/oauth2/v2.0/token", data=data)


def test_pkce_plain_and_mismatch(auto: EmulatorServer, raw: httpx.Client) -> None:
    verifier = "p" * 50
    issued = redirect_parameters(_authorize(auto, raw, code_challenge=verifier, code_challenge_method="plain"))
    assert _redeem(auto, raw, issued["code"], code_verifier=verifier).status_code == 200
    issued = redirect_parameters(_authorize(auto, raw, code_challenge=verifier, code_challenge_method="plain"))
    wrong = _redeem(auto, raw, issued["code"], code_verifier="q" * 50)
    assert wrong.status_code == 400 and wrong.json()["error_codes"] == [501481]


def test_pkce_s256_verified(auto: EmulatorServer, raw: httpx.Client) -> None:
    verifier = "v" * 64
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    issued = redirect_parameters(_authorize(auto, raw, code_challenge=challenge, code_challenge_method="S256"))
    missing = _redeem(auto, raw, issued["code"])
    assert missing.json()["error_codes"] == [501481]
    issued = redirect_parameters(_authorize(auto, raw, code_challenge=challenge, code_challenge_method="S256"))
    assert _redeem(auto, raw, issued["code"], code_verifier=verifier).status_code == 200


def test_code_is_single_use_and_bound_to_its_redirect(auto: EmulatorServer, raw: httpx.Client) -> None:
    issued = redirect_parameters(_authorize(auto, raw))
    elsewhere = _redeem(auto, raw, issued["code"], redirect_uri="http://localhost:9001")
    assert elsewhere.json()["error_codes"] == [500112]
    assert _redeem(auto, raw, issued["code"]).status_code == 200
    again = _redeem(auto, raw, issued["code"])
    assert again.json()["error"] == "invalid_grant" and again.json()["error_codes"] == [54005]
    assert _redeem(auto, raw, "not-a-code").json()["error_codes"] == [70000]


def test_code_for_another_tenant(auto: EmulatorServer, raw: httpx.Client) -> None:
    issued = redirect_parameters(_authorize(auto, raw))
    customer = auto.info()["CustomerTenantIds"][0]
    info = auto.info()
    response = raw.post(f"{info['Endpoint']}/{customer}/oauth2/v2.0/token", data={
        "grant_type": "authorization_code", "client_id": info["PublicClientId"], "code": issued["code"],
        "redirect_uri": "http://localhost:9000"})
    assert response.json()["error_codes"] == [700005]


@pytest.mark.parametrize("redirect_uri", ["http://localhost", "http://localhost/", "http://localhost:8999/",
                                          "http://localhost:1234"])
def test_localhost_matches_on_any_port(auto: EmulatorServer, raw: httpx.Client, redirect_uri: str) -> None:
    response = _authorize(auto, raw, redirect_uri=redirect_uri)
    assert response.headers["location"].startswith(redirect_uri.rstrip("/"))


@pytest.mark.parametrize("redirect_uri", ["https://localhost:8400", "http://localhost/callback",
                                          "http://evil.example.com/"])
def test_redirect_mismatch_is_shown_not_redirected(auto: EmulatorServer, raw: httpx.Client, redirect_uri: str) -> None:
    response = _authorize(auto, raw, redirect_uri=redirect_uri)
    assert response.status_code == 400 and "location" not in response.headers
    assert "AADSTS50011" in response.text and "text/html" in response.headers["content-type"]


def test_errors_shown_on_the_page(auto: EmulatorServer, raw: httpx.Client) -> None:
    assert "AADSTS700016" in _authorize(auto, raw, client_id="11111111-2222-3333-4444-555555555555").text
    assert "AADSTS900144" in _authorize(auto, raw, client_id="").text
    response = raw.get(f"{auto.endpoint}/nosuch.example.com/oauth2/v2.0/authorize")
    assert response.status_code == 400 and "AADSTS90002" in response.text


@pytest.mark.parametrize("parameters, error, number", [
    ({"response_type": "token"}, "unsupported_response_type", 700054),
    ({"scope": "Not.AScope"}, "invalid_scope", 70011),
    ({"scope": f"{PARTNER_CENTER} User.Read"}, "invalid_scope", 28000),
    ({"scope": "https://nothing.example.com/x"}, "invalid_resource", 500011),
    ({"code_challenge": "short", "code_challenge_method": "S256"}, "invalid_request", 501491),
    ({"response_mode": "carrier_pigeon"}, "invalid_request", 70007),
])
def test_errors_redirected_to_the_app(auto: EmulatorServer, raw: httpx.Client, parameters: dict, error: str,
                                      number: int) -> None:
    answer = redirect_parameters(_authorize(auto, raw, **parameters))
    assert answer["error"] == error and answer["state"] == "the-state"
    assert answer["error_description"].startswith(f"AADSTS{number}:")


def test_fragment_and_form_post(auto: EmulatorServer, raw: httpx.Client) -> None:
    fragment = _authorize(auto, raw, response_mode="fragment")
    assert "#code=" in fragment.headers["location"]
    form = _authorize(auto, raw, response_mode="form_post")
    assert form.status_code == 200 and 'action="http://localhost:9000"' in form.text and 'name="code"' in form.text


# --- the pages, as a person uses them ------------------------------------------------------


def _sign_in(emulator: EmulatorServer, raw: httpx.Client, page: httpx.Response, password: str | None = None) -> httpx.Response:
    info = emulator.info()
    return raw.post(f"{info['Endpoint']}/login", data={
        "interaction": _interaction(page), "username": info["UserName"],
        "password": password if password is not None else info["UserCredential"]["Password"]})


def test_sign_in_page_then_redirect(emulator: EmulatorServer, raw: httpx.Client) -> None:
    page = _authorize(emulator, raw, login_hint=emulator.info()["UserName"])
    assert page.status_code == 200
    for element in ('id="username"', 'id="password"', 'id="signin"'):
        assert element in page.text
    assert f'value="{emulator.info()["UserName"]}"' in page.text
    wrong = _sign_in(emulator, raw, page, password="wrong")
    assert wrong.status_code == 400 and "AADSTS50126" in wrong.text and 'id="password"' in wrong.text
    answer = redirect_parameters(_sign_in(emulator, raw, page))
    assert answer["state"] == "the-state" and answer["code"]
    assert _redeem(emulator, raw, answer["code"]).status_code == 200


def test_unknown_user_on_the_page(emulator: EmulatorServer, raw: httpx.Client) -> None:
    page = _authorize(emulator, raw)
    response = raw.post(f"{emulator.endpoint}/login", data={
        "interaction": _interaction(page), "username": "nobody@contosopartner.onmicrosoft.com", "password": "x"})
    assert "AADSTS50034" in response.text


def test_consent_page_accept_then_refresh_works(emulator: EmulatorServer, http: MsalHttp, raw: httpx.Client) -> None:
    page = _authorize(emulator, raw, scope="Mail.Read offline_access openid")
    consent = _sign_in(emulator, raw, page)
    assert 'id="accept"' in consent.text and 'id="cancel"' in consent.text and "Mail.Read" in consent.text
    answer = redirect_parameters(raw.post(f"{emulator.endpoint}/consent",
                                          data={"interaction": _interaction(consent), "decision": "accept"}))
    tokens = _redeem(emulator, raw, answer["code"]).json()
    assert "Mail.Read" in jwt.decode(tokens["access_token"], options={"verify_signature": False})["scp"]
    refreshed = public(emulator, http).acquire_token_by_refresh_token(tokens["refresh_token"], ["Mail.Read"])
    assert "access_token" in refreshed, refreshed


def test_consent_cancelled_redirects_access_denied(emulator: EmulatorServer, raw: httpx.Client) -> None:
    page = _authorize(emulator, raw, scope="Calendars.Read")
    consent = _sign_in(emulator, raw, page)
    answer = redirect_parameters(raw.post(f"{emulator.endpoint}/consent",
                                          data={"interaction": _interaction(consent), "decision": "cancel"}))
    assert answer["error"] == "access_denied" and answer["error_description"].startswith("AADSTS65004:")
    assert answer["state"] == "the-state"


def test_prompt_none_without_a_session(emulator: EmulatorServer, raw: httpx.Client) -> None:
    answer = redirect_parameters(_authorize(emulator, raw, prompt="none"))
    assert answer["error"] == "login_required"


def test_customer_admin_cannot_sign_in_to_the_partner(emulator: EmulatorServer, raw: httpx.Client) -> None:
    info = emulator.info()
    customer_admin = next(u for u in emulator.directory.users.values() if u.tenant_id == info["CustomerTenantIds"][0])
    page = raw.get(f"{info['Endpoint']}/{info['TenantId']}/oauth2/v2.0/authorize", params={
        "client_id": info["PublicClientId"], "response_type": "code", "redirect_uri": "http://localhost",
        "scope": "User.Read"})
    response = raw.post(f"{info['Endpoint']}/login", data={
        "interaction": _interaction(page), "username": customer_admin.upn, "password": customer_admin.password})
    assert response.status_code == 400 and "AADSTS50020" in response.text


def test_stale_page_is_an_error_page(emulator: EmulatorServer, raw: httpx.Client) -> None:
    for path in ("/login", "/consent"):
        response = raw.post(f"{emulator.endpoint}{path}", data={"interaction": "gone"})
        assert response.status_code == 400 and "AADSTS50089" in response.text


def test_logout(emulator: EmulatorServer, raw: httpx.Client) -> None:
    page = raw.get(f"{emulator.endpoint}/organizations/oauth2/v2.0/logout")
    assert "signed out" in page.text
    back = raw.get(f"{emulator.endpoint}/common/oauth2/v2.0/logout",
                   params={"post_logout_redirect_uri": "http://localhost:8400/bye"})
    assert back.status_code == 302 and back.headers["location"] == "http://localhost:8400/bye"


