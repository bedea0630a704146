"""Helpers for the Graph side's tests: tokens from the emulator, a small
Graph client over real HTTPS, and the check of Graph's error body."""

from __future__ import annotations

from typing import Any, Optional

import httpx

from pwshlike.emulator import EmulatorServer

from .support import MsalHttp, device_tokens

GRAPH_DEFAULT = "https://graph.microsoft.com/.default"
GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"
REFERENCE_CLIENT = "ef969797-201d-4f6b-960c-e9ed5f31dab5"    # the reference page's clientId
REFERENCE_GRAPH = "943603e4-e787-4fe9-93d1-e30f749aae39"     # its resourceId: the partner's Graph
REFERENCE_BODY = {"clientId": REFERENCE_CLIENT, "consentType": "AllPrincipals", "resourceId": REFERENCE_GRAPH,
                  "scope": "DelegatedPermissionGrant.ReadWrite.All"}


class Graph:
    """Requests to the emulator's Graph with one bearer token."""

    def __init__(self, client: httpx.Client, endpoint: str, token: Optional[str]) -> None:
        self.client = client
        self.endpoint = endpoint
        self.token = token

    def request(self, method: str, path: str, *, params: Any = None, json: Any = None, content: Any = None,
                headers: Optional[dict[str, str]] = None) -> httpx.Response:
        sent = dict(headers or {})
        if self.token is not None:
            sent.setdefault("authorization", f"Bearer {self.token}")
        url = path if path.startswith("https://") else f"{self.endpoint}/v1.0/{path}"
        return self.client.request(method, url, params=params, json=json, content=content, headers=sent)

    def get(self, path: str, **options: Any) -> httpx.Response:
        return self.request("GET", path, **options)

    def post(self, path: str, body: Any, **options: Any) -> httpx.Response:
        return self.request("POST", path, json=body, **options)

    def all(self, path: str, **options: Any) -> list[dict[str, Any]]:
        """Every item of a collection, following @odata.nextLink."""
        items: list[dict[str, Any]] = []
        response = self.get(path, **options)
        while True:
            assert response.status_code == 200, response.text
            body = response.json()
            items += body["value"]
            if "@odata.nextLink" not in body:
                return items
            response = self.get(body["@odata.nextLink"], headers=options.get("headers"))


def user_token(server: EmulatorServer, http: MsalHttp, tenant: Optional[str] = None,
               client_id: Optional[str] = None, scopes: Optional[list[str]] = None) -> dict[str, Any]:
    """The partner admin's tokens (in a customer tenant too, by DAP)."""
    return device_tokens(server, http, scopes or [GRAPH_DEFAULT], tenant, client_id)


def app_token(server: EmulatorServer, client: httpx.Client, tenant: Optional[str] = None) -> str:
    info = server.info()
    response = client.post(f"{info['Endpoint']}/{tenant or info['TenantId']}/oauth2/v2.0/token", data={
        "grant_type": "client_credentials", "client_id": info["ApplicationId"],
        "client_secret": info["Credential"]["Password"], "scope": GRAPH_DEFAULT})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def assert_graph_error(response: httpx.Response, status: int, code: str, message: Optional[str] = None) -> None:
    """Graph's error body, exactly: code, message, innerError with the date
    and both request ids (the client's echoed when it sent one)."""
    assert response.status_code == status, (response.status_code, response.text)
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "innerError"}, body
    assert body["error"]["code"] == code, body
    if message is not None:
        assert body["error"]["message"] == message, body
    inner = body["error"]["innerError"]
    assert set(inner) == {"date", "request-id", "client-request-id"}, inner
    assert inner["request-id"] == response.headers["x-ms-request-id"]
    sent = response.request.headers.get("client-request-id")
    assert inner["client-request-id"] == (sent or response.headers["client-request-id"])
