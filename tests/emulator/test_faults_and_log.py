"""The request log and injected faults, as a test or benchmark sees them."""

from __future__ import annotations

import re
import time
from typing import Iterator

import httpx
import pytest

from pwshlike.emulator import EmulatorServer

from .support import MsalHttp, confidential, redirect_parameters, trusting

GRAPH = "https://graph.microsoft.com/.default"


@pytest.fixture
def faults(emulator: EmulatorServer) -> Iterator[EmulatorServer]:
    yield emulator
    emulator.clear_faults()


def _token(emulator: EmulatorServer, raw: httpx.Client, tenant: str | None = None) -> httpx.Response:
    info = emulator.info()
    return raw.post(f"{info['Endpoint']}/{tenant or info['TenantId']}/oauth2/v2.0/token", data={
        "grant_type": "client_credentials", "client_id": info["ApplicationId"],
        "client_secret": info["Credential"]["Password"], "scope": GRAPH})


def test_log_records_what_msal_sent(emulator: EmulatorServer, http: MsalHttp) -> None:
    info = emulator.info()
    before = len(emulator.log)
    result = confidential(emulator, http, tenant=info["PartnerTenantDomain"]).acquire_token_for_client([GRAPH])
    entries = emulator.log[before:]
    assert [(e.method, e.status_code) for e in entries] == [("GET", 200), ("POST", 200)]
    discovery, token = entries
    assert discovery.path == f"/{info['PartnerTenantDomain']}/v2.0/.well-known/openid-configuration"
    assert token.path == f"/{info['TenantId']}/oauth2/v2.0/token"
    assert discovery.tenant_id == token.tenant_id == info["TenantId"]
    assert token.client_id == info["ApplicationId"] and token.client_request_id and not token.faulted
    assert discovery.time <= token.time and token.time.tzinfo is not None
    assert "access_token" in result


def test_clear_log(auto: EmulatorServer, http: MsalHttp) -> None:
    confidential(auto, http).acquire_token_for_client([GRAPH])
    auto.clear_log()
    assert auto.log == []
    confidential(auto, http).acquire_token_for_client([GRAPH])
    assert [e.method for e in auto.log] == ["GET", "POST"]


def test_log_names_graph_callers_from_their_token(auto: EmulatorServer, http: MsalHttp) -> None:
    info = auto.info()
    token = confidential(auto, http).acquire_token_for_client([GRAPH])["access_token"]
    with httpx.Client(verify=trusting(info["CACertificatePath"])) as client:
        client.post(f"{info['GraphEndpoint']}/v1.0/users/{info['UserName']}/revokeSignInSessions",
                    headers={"authorization": f"Bearer {token}"})
    entry = auto.log[-1]
    assert entry.status_code == 403 and entry.tenant_id == info["TenantId"] and entry.client_id == info["ApplicationId"]


def test_status_fault_is_aad_shaped_with_retry_after(faults: EmulatorServer, raw: httpx.Client) -> None:
    faults.set_fault("*/oauth2/v2.0/token", status_codes=(503,), retry_after=7)
    response = _token(faults, raw)
    assert response.status_code == 503 and response.headers["retry-after"] == "7"
    assert response.json()["error"] == "temporarily_unavailable" and response.json()["error_codes"] == [90033]
    assert faults.log[-1].faulted and faults.log[-1].status_code == 503
    faults.set_fault("*/oauth2/v2.0/token", status_codes=(429,))
    throttled = _token(faults, raw)
    assert throttled.status_code == 429 and throttled.json()["error_codes"] == [90055]
    assert "retry-after" not in throttled.headers
    faults.clear_faults()
    assert _token(faults, raw).status_code == 200


def test_rate_faults_evenly_spaced_cycling_codes(faults: EmulatorServer, raw: httpx.Client) -> None:
    faults.set_fault("/*/OAUTH2/v2.0/token", method="post", status_codes=(429, 503), rate=0.2)
    statuses = [_token(faults, raw).status_code for _ in range(15)]
    assert statuses == [200] * 4 + [429] + [200] * 4 + [503] + [200] * 4 + [429]
    assert [e.faulted for e in faults.log[-15:]] == [s != 200 for s in statuses]


def test_method_filter(faults: EmulatorServer, raw: httpx.Client) -> None:
    faults.set_fault("*", method="GET", status_codes=(500,))
    assert _token(faults, raw).status_code == 200
    discovery = raw.get(f"{faults.endpoint}/common/v2.0/.well-known/openid-configuration")
    assert discovery.status_code == 500 and discovery.json()["error"] == "server_error"


def test_faulted_request_touches_no_state(faults: EmulatorServer, raw: httpx.Client) -> None:
    """A 503 on the code redemption must not burn the single-use code."""
    info = faults.info()
    page = raw.get(f"{info['Endpoint']}/organizations/oauth2/v2.0/authorize", params={
        "client_id": info["PublicClientId"], "response_type": "code", "redirect_uri": "http://localhost",
        "scope": "User.Read offline_access"})
    interaction = re.search(r'name="interaction" value="([^"]+)"', page.text).group(1)
    answer = redirect_parameters(raw.post(f"{info['Endpoint']}/login", data={
        "interaction": interaction, "username": info["UserName"],
        "password": info["UserCredential"]["Password"]}))
    redeem = {"grant_type": "authorization_code", "client_id": info["PublicClientId"], "code": answer["code"],
              "redirect_uri": "http://localhost"}
    url = f"{info['Endpoint']}/organizations/oauth2/v2.0/token"
    faults.set_fault("*/token", status_codes=(503,))
    assert raw.post(url, data=redeem).status_code == 503
    faults.clear_faults()
    assert raw.post(url, data=redeem).status_code == 200


def test_delay_without_status_is_pure_latency(faults: EmulatorServer, raw: httpx.Client) -> None:
    faults.set_fault("*/token", delay_ms=300)
    started = time.monotonic()
    response = _token(faults, raw)
    assert response.status_code == 200 and time.monotonic() - started >= 0.3
    assert faults.log[-1].faulted


def test_drop_connection(faults: EmulatorServer, raw: httpx.Client) -> None:
    faults.set_fault("*/token", drop_connection=True)
    with pytest.raises(httpx.TransportError):
        _token(faults, raw)
    entry = faults.log[-1]
    assert entry.faulted and entry.status_code is None
    faults.clear_faults()
    assert _token(faults, raw).status_code == 200


def test_graph_faults_are_graph_shaped(faults: EmulatorServer, raw: httpx.Client) -> None:
    faults.set_fault("/v1.0/*", status_codes=(429,), retry_after=2)
    response = raw.post(f"{faults.endpoint}/v1.0/users/x/revokeSignInSessions")
    assert response.status_code == 429 and response.json()["error"]["code"] == "TooManyRequests"


def test_set_fault_replaces_the_rule_for_the_same_path(faults: EmulatorServer) -> None:
    faults.set_fault("*/token", status_codes=(500,))
    faults.set_fault("*/token", status_codes=(503,))
    assert [r.status_codes for r in faults.faults.rules()] == [(503,)]


@pytest.mark.parametrize("arguments", [dict(status_codes=(200,)), dict(rate=1.5, status_codes=(503,)),
                                       dict(delay_ms=-1), dict()])
def test_invalid_faults_are_refused(faults: EmulatorServer, arguments: dict) -> None:
    with pytest.raises(ValueError):
        faults.set_fault("*", **arguments)
