"""Helpers for the emulator's tests: the real msal over an httpx adapter that
trusts exactly the emulator's CA, and small readers of Azure AD answers."""

from __future__ import annotations

from typing import Any, Optional
from urllib.parse import parse_qs, urlsplit

import ssl

import httpx
import msal

from pwshlike.emulator import EmulatorServer


def trusting(ca_path: str) -> ssl.SSLContext:
    """A TLS context that trusts exactly the emulator's CA."""
    return ssl.create_default_context(cafile=ca_path)


class MsalResponse:
    def __init__(self, response: httpx.Response) -> None:
        self._response = response
        self.status_code = response.status_code
        self.text = response.text
        self.headers = response.headers

    def raise_for_status(self) -> None:
        self._response.raise_for_status()


class MsalHttp:
    """msal's http_client interface over httpx.  msal puts the client
    assertion in the form as bytes: decode it, or httpx sends "b'...'"."""

    def __init__(self, ca_path: str) -> None:
        self.client = httpx.Client(verify=trusting(ca_path), timeout=30)

    def post(self, url: str, params: Any = None, data: Any = None, headers: Any = None, **_: Any) -> MsalResponse:
        if isinstance(data, dict):
            data = {k: v.decode() if isinstance(v, bytes) else v for k, v in data.items()}
        return MsalResponse(self.client.post(url, params=params, data=data, headers=headers))

    def get(self, url: str, params: Any = None, headers: Any = None, **_: Any) -> MsalResponse:
        return MsalResponse(self.client.get(url, params=params, headers=headers))

    def close(self) -> None:
        self.client.close()


def confidential(server: EmulatorServer, http: MsalHttp, tenant: Optional[str] = None,
                 credential: Any = None, client_id: Optional[str] = None) -> msal.ConfidentialClientApplication:
    info = server.info()
    return msal.ConfidentialClientApplication(
        client_id or info["ApplicationId"],
        client_credential=credential if credential is not None else info["Credential"]["Password"],
        authority=info["ActiveDirectoryAuthority"] + (tenant or info["TenantId"]),
        instance_discovery=False, http_client=http)


def public(server: EmulatorServer, http: MsalHttp, tenant: Optional[str] = None,
           client_id: Optional[str] = None) -> msal.PublicClientApplication:
    info = server.info()
    return msal.PublicClientApplication(
        client_id or info["PublicClientId"], authority=info["ActiveDirectoryAuthority"] + (tenant or "organizations"),
        instance_discovery=False, http_client=http)


def code(result: dict[str, Any]) -> int:
    """The AADSTS number of an error response."""
    assert "error" in result, result
    return int(result["error_codes"][0])


def redirect_parameters(response: httpx.Response) -> dict[str, str]:
    """The query of a 302 to the app, as one value per name."""
    assert response.status_code == 302, (response.status_code, response.text[:500])
    return {k: v[0] for k, v in parse_qs(urlsplit(response.headers["location"]).query).items()}


def device_tokens(server: EmulatorServer, http: MsalHttp, scopes: list[str], tenant: Optional[str] = None,
                  client_id: Optional[str] = None) -> dict[str, Any]:
    """Sign the partner admin in by device code on an auto-sign-in server."""
    app = public(server, http, tenant, client_id)
    flow = app.initiate_device_flow(scopes=scopes)
    assert "user_code" in flow, flow
    return app.acquire_token_by_device_flow(flow)

