"""The device code grant: msal's flow, the polling errors, the device login page."""

from __future__ import annotations

import re
import threading
import time
from typing import Any

import httpx
import jwt

from pwshlike.emulator import EmulatorServer
from pwshlike.emulator.directory import EXCHANGE_POWERSHELL_CLIENT_ID

from .support import MsalHttp, code, device_tokens, public

PARTNER_CENTER = "https://api.partnercenter.microsoft.com/user_impersonation"


def _device_code(emulator: EmulatorServer, raw: httpx.Client, client_id: str | None = None,
                 scope: str = f"{PARTNER_CENTER} offline_access openid profile") -> dict[str, Any]:
    info = emulator.info()
    response = raw.post(f"{info['Endpoint']}/organizations/oauth2/v2.0/devicecode",
                        data={"client_id": client_id or info["PublicClientId"], "scope": scope})
    assert response.status_code == 200, response.text
    return response.json()


def _poll(emulator: EmulatorServer, raw: httpx.Client, device_code: str, client_id: str | None = None,
          **extra: str) -> httpx.Response:
    info = emulator.info()
    return raw.post(f"{info['Endpoint']}/organizations/oauth2/v2.0/token", data={
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code": device_code,
        "client_id": client_id or info["PublicClientId"], **extra})


def _approve_on_the_page(emulator: EmulatorServer, raw: httpx.Client, user_code: str, approve: bool = True) -> str:
    info = emulator.info()
    page = raw.get(f"{info['Endpoint']}/devicelogin")
    assert 'id="code"' in page.text and 'id="next"' in page.text
    sign_in = raw.post(f"{info['Endpoint']}/devicelogin", data={"code": user_code.lower()})
    assert sign_in.status_code == 200 and 'id="username"' in sign_in.text, sign_in.text
    interaction = re.search(r'name="interaction" value="([^"]+)"', sign_in.text).group(1)
    approval = raw.post(f"{info['Endpoint']}/login", data={
        "interaction": interaction, "username": info["UserName"], "password": info["UserCredential"]["Password"]})
    assert 'id="approve"' in approval.text and 'id="decline"' in approval.text, approval.text
    done = raw.post(f"{info['Endpoint']}/consent",
                    data={"interaction": interaction, "decision": "accept" if approve else "cancel"})
    assert done.status_code == 200
    return done.text


def test_device_code_response_as_azure_ad_words_it(emulator: EmulatorServer, raw: httpx.Client) -> None:
    flow = _device_code(emulator, raw)
    assert flow["interval"] == 1 and flow["expires_in"] == 900
    assert flow["verification_uri"] == f"{emulator.endpoint}/devicelogin"
    assert re.fullmatch(r"[A-Z0-9]{9}", flow["user_code"])
    assert flow["message"] == (f"To sign in, use a web browser to open the page {flow['verification_uri']} "
                               f"and enter the code {flow['user_code']} to authenticate.")


def test_auto_sign_in_approves_on_the_first_poll(auto: EmulatorServer, http: MsalHttp) -> None:
    started = time.monotonic()
    result = device_tokens(auto, http, [PARTNER_CENTER])
    assert time.monotonic() - started < 1.0, "approved on the first poll, no waiting"
    assert result["refresh_token"] and result["id_token"]
    claims = jwt.decode(result["access_token"], options={"verify_signature": False})
    assert claims["aud"] == "https://api.partnercenter.microsoft.com"
    assert claims["scp"] == "user_impersonation" and claims["upn"] == auto.info()["UserName"]
    assert result["id_token_claims"]["preferred_username"] == auto.info()["UserName"]
    assert result["scope"].split()[0] == PARTNER_CENTER


def test_exchange_online_module_client(auto: EmulatorServer, http: MsalHttp) -> None:
    result = device_tokens(auto, http, ["https://outlook.office365.com/.default"],
                           client_id=EXCHANGE_POWERSHELL_CLIENT_ID)
    claims = jwt.decode(result["access_token"], options={"verify_signature": False})
    assert claims["aud"] == "https://outlook.office365.com" and claims["scp"] == "Exchange.Manage"


def test_pending_then_approved_on_the_page_with_real_msal(emulator: EmulatorServer, http: MsalHttp,
                                                          raw: httpx.Client) -> None:
    app = public(emulator, http)
    flow = app.initiate_device_flow(scopes=[PARTNER_CENTER])
    result: dict[str, Any] = {}
    poller = threading.Thread(target=lambda: result.update(app.acquire_token_by_device_flow(flow)))
    poller.start()
    time.sleep(0.3)
    assert "access_token" not in result
    assert "You have signed in" in _approve_on_the_page(emulator, raw, flow["user_code"])
    poller.join(timeout=10)
    assert "access_token" in result, result
    polls = [e for e in emulator.log if e.path.endswith("/token") and e.client_request_id == flow["_correlation_id"]]
    assert len(polls) >= 2 and polls[0].status_code == 400 and polls[-1].status_code == 200


def test_authorization_pending_and_slow_down(emulator: EmulatorServer, raw: httpx.Client) -> None:
    flow = _device_code(emulator, raw)
    first = _poll(emulator, raw, flow["device_code"])
    assert first.status_code == 400 and first.json()["error"] == "authorization_pending"
    assert first.json()["error_codes"] == [70016]
    second = _poll(emulator, raw, flow["device_code"])
    assert second.json()["error"] == "slow_down"


def test_declined_on_the_page(emulator: EmulatorServer, raw: httpx.Client) -> None:
    flow = _device_code(emulator, raw)
    assert "declined" in _approve_on_the_page(emulator, raw, flow["user_code"], approve=False)
    response = _poll(emulator, raw, flow["device_code"])
    assert response.json()["error"] == "authorization_declined"


def test_expired_device_code(emulator: EmulatorServer, raw: httpx.Client) -> None:
    flow = _device_code(emulator, raw)
    clock = emulator.context.clock
    emulator.context.clock = lambda: clock() + 901
    try:
        response = _poll(emulator, raw, flow["device_code"])
    finally:
        emulator.context.clock = clock
    assert response.json()["error"] == "expired_token" and response.json()["error_codes"] == [70020]


def test_unknown_device_code(emulator: EmulatorServer, raw: httpx.Client) -> None:
    response = _poll(emulator, raw, "no-such-device-code")
    assert response.status_code == 400 and response.json()["error"] == "bad_verification_code"


def test_code_is_redeemed_once(emulator: EmulatorServer, raw: httpx.Client) -> None:
    flow = _device_code(emulator, raw)
    _approve_on_the_page(emulator, raw, flow["user_code"])
    assert _poll(emulator, raw, flow["device_code"]).status_code == 200
    time.sleep(1)
    again = _poll(emulator, raw, flow["device_code"])
    assert again.json()["error"] == "invalid_grant" and again.json()["error_codes"] == [54005]


def test_wrong_user_code_on_the_page(emulator: EmulatorServer, raw: httpx.Client) -> None:
    response = raw.post(f"{emulator.endpoint}/devicelogin", data={"code": "NOTACODE1"})
    assert response.status_code == 400 and "AADSTS70018" in response.text and 'id="code"' in response.text


def test_confidential_app_without_its_secret_is_7000218(emulator: EmulatorServer, raw: httpx.Client) -> None:
    """The module's issue #169: device code with a confidential app."""
    app_id = emulator.info()["ApplicationId"]
    flow = _device_code(emulator, raw, client_id=app_id)
    response = _poll(emulator, raw, flow["device_code"], client_id=app_id)
    assert response.status_code == 401 and response.json()["error_codes"] == [7000218]


def test_devicecode_endpoint_errors(emulator: EmulatorServer, raw: httpx.Client) -> None:
    url = f"{emulator.endpoint}/organizations/oauth2/v2.0/devicecode"
    public_id = emulator.info()["PublicClientId"]
    assert raw.post(url, data={"scope": "openid"}).json()["error_codes"] == [900144]
    assert raw.post(url, data={"client_id": "00000000-0000-0000-0000-000000000001",
                               "scope": "openid"}).json()["error_codes"] == [700016]
    assert raw.post(url, data={"client_id": public_id, "scope": "Not.AScope"}).json()["error_codes"] == [70011]
    assert raw.get(url).json()["error_codes"] == [900561]


def test_public_client_msal_error_for_unknown_scope(emulator: EmulatorServer, http: MsalHttp) -> None:
    flow = public(emulator, http).initiate_device_flow(scopes=["https://graph.microsoft.com/Nope.Nothing"])
    assert code(flow) == 70011 and flow["error"] == "invalid_scope"
