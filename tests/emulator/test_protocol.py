"""Discovery documents, and malformed requests answered in Azure AD's shapes (never a 500)."""

from __future__ import annotations

import httpx
import pytest

from pwshlike.emulator import EmulatorServer


def test_openid_configuration_for_a_tenant(emulator: EmulatorServer, raw: httpx.Client) -> None:
    info = emulator.info()
    for name in (info["TenantId"], info["PartnerTenantDomain"], info["PartnerTenantDomain"].upper()):
        document = raw.get(f"{info['Endpoint']}/{name}/v2.0/.well-known/openid-configuration").json()
        base = f"{info['Endpoint']}/{info['TenantId']}"
        assert document["token_endpoint"] == f"{base}/oauth2/v2.0/token"
        assert document["authorization_endpoint"] == f"{base}/oauth2/v2.0/authorize"
        assert document["device_authorization_endpoint"] == f"{base}/oauth2/v2.0/devicecode"
        assert document["end_session_endpoint"] == f"{base}/oauth2/v2.0/logout"
        assert document["jwks_uri"] == f"{base}/discovery/v2.0/keys"
        assert document["issuer"] == f"{base}/v2.0"


@pytest.mark.parametrize("alias", ["organizations", "common"])
def test_openid_configuration_for_multi_tenant_aliases(emulator: EmulatorServer, raw: httpx.Client,
                                                       alias: str) -> None:
    response = raw.get(f"{emulator.endpoint}/{alias}/v2.0/.well-known/openid-configuration")
    document = response.json()
    assert document["token_endpoint"] == f"{emulator.endpoint}/{alias}/oauth2/v2.0/token"
    assert document["issuer"] == f"{emulator.endpoint}/{{tenantid}}/v2.0"
    assert response.headers["cache-control"] == "no-store, no-cache"


def test_instance_discovery(emulator: EmulatorServer, raw: httpx.Client) -> None:
    url = f"{emulator.endpoint}/common/discovery/instance"
    ours = raw.get(url, params={"authorization_endpoint": f"{emulator.endpoint}/contoso/oauth2/v2.0/authorize",
                                "api-version": "1.1"})
    assert ours.json()["tenant_discovery_endpoint"] == f"{emulator.endpoint}/contoso/v2.0/.well-known/openid-configuration"
    foreign = raw.get(url, params={"authorization_endpoint": "https://login.example.com/x/oauth2/v2.0/authorize"})
    assert foreign.status_code == 400 and foreign.json()["error"] == "invalid_instance"
    assert raw.get(url).json()["error_codes"] == [900144]


def test_correlation_id_echoed(emulator: EmulatorServer, raw: httpx.Client) -> None:
    correlation = "0b7c3a7e-1111-4222-8333-944445555666"
    response = raw.post(f"{emulator.endpoint}/common/oauth2/v2.0/token", data={},
                        headers={"client-request-id": correlation})
    body = response.json()
    assert body["correlation_id"] == correlation == response.headers["client-request-id"]
    assert body["trace_id"] == response.headers["x-ms-request-id"]
    assert emulator.log[-1].client_request_id == correlation


@pytest.mark.parametrize("data, headers, status, number", [
    ({}, {}, 400, 900144),                                              # no grant_type
    ({"grant_type": "password"}, {}, 400, 70003),                       # not a grant we answer
    ({"grant_type": "refresh_token"}, {}, 400, 900144),                 # no client_id
    ({"grant_type": "refresh_token", "client_id": "x"}, {}, 400, 700016),
    ({"grant_type": "client_credentials"}, {"authorization": "Basic !!!"}, 401, 50012),
    ({"grant_type": "authorization_code", "client_id": "PUBLIC"}, {}, 400, 900144),
    ({"grant_type": "refresh_token", "client_id": "PUBLIC"}, {}, 400, 900144),
    ({"grant_type": "urn:ietf:params:oauth:grant-type:device_code", "client_id": "PUBLIC"}, {}, 400, 900144),
])
def test_malformed_token_requests(emulator: EmulatorServer, raw: httpx.Client, data: dict, headers: dict,
                                  status: int, number: int) -> None:
    info = emulator.info()
    data = {k: (info["PublicClientId"] if v == "PUBLIC" else v) for k, v in data.items()}
    response = raw.post(f"{info['Endpoint']}/{info['TenantId']}/oauth2/v2.0/token", data=data, headers=headers)
    assert response.status_code == status and response.json()["error_codes"] == [number], response.text


def test_json_body_reads_as_missing_parameters(emulator: EmulatorServer, raw: httpx.Client) -> None:
    response = raw.post(f"{emulator.endpoint}/common/oauth2/v2.0/token", json={"grant_type": "client_credentials"})
    assert response.status_code == 400 and response.json()["error_codes"] == [900144]


def test_undecodable_and_oversized_bodies(emulator: EmulatorServer, raw: httpx.Client) -> None:
    url = f"{emulator.endpoint}/common/oauth2/v2.0/token"
    form = {"content-type": "application/x-www-form-urlencoded"}
    assert raw.post(url, content=b"grant_type=\xff\xfe&&==&%zz", headers=form).status_code == 400
    huge = raw.post(url, content=b"a=" + b"x" * (2 << 20), headers=form)
    assert huge.status_code == 413 and huge.json()["error"] == "invalid_request"


def test_get_on_the_token_endpoint(emulator: EmulatorServer, raw: httpx.Client) -> None:
    response = raw.get(f"{emulator.endpoint}/common/oauth2/v2.0/token")
    assert response.status_code == 400 and response.json()["error_codes"] == [900561]


def test_unknown_paths_are_404(emulator: EmulatorServer, raw: httpx.Client) -> None:
    assert raw.get(f"{emulator.endpoint}/nothing/here/at/all").status_code == 404
    assert raw.get(f"{emulator.endpoint}/common/discovery/v2.0/keys").json()["keys"]


def test_pages_without_their_parameters(emulator: EmulatorServer, raw: httpx.Client) -> None:
    assert raw.post(f"{emulator.endpoint}/devicelogin").status_code == 400
    assert raw.post(f"{emulator.endpoint}/login", content=b"\x00\x01").status_code == 400
    assert raw.get(f"{emulator.endpoint}/common/oauth2/v2.0/authorize").status_code == 400
    assert not emulator.bugs
