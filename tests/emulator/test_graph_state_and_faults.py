"""Grants survive a restart through the state file; faults on Graph paths
answer in Graph's shape and change nothing."""

from __future__ import annotations

import json
from typing import Iterator

import httpx
import pytest

from pwshlike.emulator import EmulatorServer

from .graph_support import REFERENCE_BODY, Graph, assert_graph_error, user_token
from .support import MsalHttp, trusting


@pytest.fixture
def faults(graph_server: EmulatorServer) -> Iterator[EmulatorServer]:
    yield graph_server
    graph_server.clear_faults()


def test_grants_round_trip_through_the_state_file(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    state = str(tmp_path / "state.json")
    body = dict(REFERENCE_BODY, scope="User.Read DelegatedPermissionGrant.ReadWrite.All Directory.Read.All")
    with EmulatorServer(state_path=state, auto_sign_in=True) as first:
        http = MsalHttp(first.info()["CACertificatePath"])
        with httpx.Client(verify=trusting(first.info()["CACertificatePath"])) as client:
            graph = Graph(client, first.endpoint, user_token(first, http)["access_token"])
            created = graph.post("oauth2PermissionGrants", body)
            assert created.status_code == 201, created.text
        http.close()
    with open(state) as stream:
        saved = json.load(stream)["directory"]["delegated_grants"]
    assert {"tenant_id", "client_id", "resource_app_id", "principal", "scopes"} == set(saved[-1])
    assert saved[-1]["scopes"] == body["scope"].split()
    with EmulatorServer(state_path=state, auto_sign_in=True) as second:
        http = MsalHttp(second.info()["CACertificatePath"])
        with httpx.Client(verify=trusting(second.info()["CACertificatePath"])) as client:
            graph = Graph(client, second.endpoint, user_token(second, http)["access_token"])
            again = graph.get(f"oauth2PermissionGrants/{created.json()['id']}")
            assert again.status_code == 200
            assert {k: v for k, v in again.json().items() if k[0] != "@"} == \
                {k: v for k, v in created.json().items() if k[0] != "@"}
            assert_graph_error(graph.post("oauth2PermissionGrants", body), 409,
                               "Request_MultipleObjectsWithSameKeyValue")
        http.close()


def test_faulted_graph_posts_are_graph_shaped_and_create_nothing(faults: EmulatorServer, partner: Graph) -> None:
    before = len(partner.all("oauth2PermissionGrants"))
    faults.set_fault("/v1.0/oauth2PermissionGrants", method="POST", status_codes=(503, 429), retry_after=3)
    unavailable = partner.post("oauth2PermissionGrants", REFERENCE_BODY,
                               headers={"client-request-id": "3e0c6f1b-2a4d-4c8e-9f7a-1b2c3d4e5f60"})
    assert_graph_error(unavailable, 503, "ServiceUnavailable")
    assert unavailable.headers["retry-after"] == "3"
    assert unavailable.json()["error"]["innerError"]["client-request-id"] == "3e0c6f1b-2a4d-4c8e-9f7a-1b2c3d4e5f60"
    assert_graph_error(partner.post("oauth2PermissionGrants", REFERENCE_BODY), 429, "TooManyRequests")
    entry = faults.log[-1]
    assert entry.faulted and entry.status_code == 429 and entry.tenant_id == faults.info()["TenantId"]
    assert entry.client_id == faults.info()["PublicClientId"]
    assert partner.get("oauth2PermissionGrants").status_code == 200   # GETs are not faulted
    assert len(partner.all("oauth2PermissionGrants")) == before


def test_latency_on_a_graph_path(faults: EmulatorServer, partner: Graph) -> None:
    faults.set_fault("/v1.0/users*", delay_ms=150)
    response = partner.get("users", params={"$top": "1"})
    assert response.status_code == 200 and response.elapsed.total_seconds() >= 0.15
    assert faults.log[-1].faulted
