"""A small Azure AD v2.0 stand-in for httpx.MockTransport: just enough of
discovery, /token and /devicecode for the real msal to run every flow the
identity service offers, offline and in-process.  (The end-to-end tests use
the real emulator over HTTPS; this one lets unit tests look at the requests
themselves.)"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import time
import urllib.parse
from typing import Any, Callable, Optional

import httpx

HOST = "login.example.com"
AUTHORITY = f"https://{HOST}/"
TENANT_ID = "11111111-1111-1111-1111-111111111111"
USER_OID = "22222222-2222-2222-2222-222222222222"
USER_UPN = "admin@contoso.example"
APP_ID = "33333333-3333-3333-3333-333333333333"
PUBLIC_APP_ID = "44444444-4444-4444-4444-444444444444"
SECRET = "app-s3cret-value~1"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unsigned_jwt(claims: dict[str, Any]) -> str:
    return ".".join([b64url(json.dumps({"typ": "JWT", "alg": "none"}).encode()),
                     b64url(json.dumps(claims).encode()), b64url(b"signature")])


def aad_error(status: int, error: str, code: int, text: str) -> httpx.Response:
    return httpx.Response(status, json={
        "error": error, "error_codes": [code],
        "error_description": f"AADSTS{code}: {text}\r\nTrace ID: 0000\r\nCorrelation ID: 1111\r\nTimestamp: now",
        "trace_id": "0000", "correlation_id": "1111"})


class FakeAAD:
    """The directory: one tenant, one user, a confidential app (secret and
    optionally a certificate) and a public client.  ``requests`` records
    (method, path, form) of everything received; ``faults`` maps a path
    suffix to a list of responses served first."""

    def __init__(self, certificate_pem: Optional[bytes] = None) -> None:
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.certificate_pem = certificate_pem
        self.faults: dict[str, list[Callable[[], httpx.Response]]] = {}
        self.refresh_tokens: dict[str, str] = {}  # token -> client id
        self.codes: dict[str, dict[str, str]] = {}
        self.device_codes: dict[str, str] = {}  # device code -> state (pending/approved/declined)
        self.approve_device_codes = "approved"
        self._serial = itertools.count(1)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    # --- tokens -------------------------------------------------------------------------

    def _tokens(self, client_id: str, scope: str, user: bool, nonce: Optional[str] = None) -> dict[str, Any]:
        now = int(time.time())
        serial = next(self._serial)
        claims = {"aud": "https://graph.microsoft.com", "iss": f"https://sts.windows.net/{TENANT_ID}/",
                  "tid": TENANT_ID, "exp": now + 3600, "iat": now, "nbf": now, "appid": client_id, "n": serial}
        if user:
            claims.update(oid=USER_OID, upn=USER_UPN)
        answer: dict[str, Any] = {"token_type": "Bearer", "expires_in": 3600, "ext_expires_in": 7200,
                                  "access_token": unsigned_jwt(claims), "scope": scope}
        if user:
            refresh_token = f"rt-{serial}-{client_id}"
            self.refresh_tokens[refresh_token] = client_id
            id_claims = {"aud": client_id, "iss": f"https://{HOST}/{TENANT_ID}/v2.0", "tid": TENANT_ID,
                         "oid": USER_OID, "sub": "sub", "preferred_username": USER_UPN, "exp": now + 3600,
                         "iat": now}
            if nonce:
                id_claims["nonce"] = nonce
            answer.update(refresh_token=refresh_token, id_token=unsigned_jwt(id_claims),
                          client_info=b64url(json.dumps({"uid": USER_OID, "utid": TENANT_ID}).encode()))
        return answer

    def _client_ok(self, form: dict[str, str], token_endpoint: str) -> Optional[httpx.Response]:
        """None when the client authenticated (or is public), else the error."""
        client_id = form.get("client_id")
        if client_id == PUBLIC_APP_ID:
            return None
        if client_id != APP_ID:
            return aad_error(400, "unauthorized_client", 700016,
                             f"Application with identifier '{client_id}' was not found in the directory.")
        if "client_secret" in form:
            if form["client_secret"] != SECRET:
                return aad_error(401, "invalid_client", 7000215, (
                    "Invalid client secret provided. Ensure the secret being sent in the request is the client "
                    f"secret value, not the client secret ID, for a secret added to app '{APP_ID}'."))
            return None
        if "client_assertion" in form and self.certificate_pem is not None:
            import jwt
            from cryptography import x509
            public_key = x509.load_pem_x509_certificate(self.certificate_pem).public_key()
            try:
                jwt.decode(form["client_assertion"], public_key, algorithms=["RS256", "PS256"],
                           audience=token_endpoint)
            except jwt.PyJWTError:
                return aad_error(401, "invalid_client", 700027, "Client assertion contains an invalid signature.")
            return None
        return aad_error(401, "invalid_client", 7000218,
                         "The request body must contain the following parameter: 'client_assertion' or "
                         "'client_secret'.")

    # --- routing ------------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        form = dict(urllib.parse.parse_qsl(request.content.decode("utf-8"))) if request.method == "POST" else {}
        self.requests.append((request.method, path, form))
        for suffix, queue in self.faults.items():
            if path.endswith(suffix) and queue:
                return queue.pop(0)()
        tenant = path.split("/")[1] if path.count("/") > 1 else ""
        base = f"https://{HOST}/{tenant}"
        if path.endswith("/v2.0/.well-known/openid-configuration"):
            if tenant not in (TENANT_ID, "organizations", "common", "contoso.example"):
                return aad_error(400, "invalid_tenant", 90002, f"Tenant '{tenant}' not found.")
            return httpx.Response(200, json={
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "token_endpoint": f"{base}/oauth2/v2.0/token",
                "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                "issuer": f"https://{HOST}/{TENANT_ID}/v2.0"})
        if path.endswith("/oauth2/v2.0/devicecode"):
            device_code = f"device-code-secret-{next(self._serial)}"
            self.device_codes[device_code] = "pending"
            return httpx.Response(200, json={
                "device_code": device_code, "user_code": "ABCD-EFGH", "verification_uri": f"https://{HOST}/devicelogin",
                "expires_in": 900, "interval": 1,
                "message": f"To sign in, use a web browser to open the page https://{HOST}/devicelogin and enter "
                           f"the code ABCD-EFGH to authenticate."})
        if path.endswith("/oauth2/v2.0/token"):
            return self._token(form, f"{base}/oauth2/v2.0/token")
        return httpx.Response(404, text="not found")

    def _token(self, form: dict[str, str], token_endpoint: str) -> httpx.Response:
        failure = self._client_ok(form, token_endpoint)
        if failure is not None:
            return failure
        grant = form.get("grant_type")
        client_id = form["client_id"]
        scope = form.get("scope", "")
        if grant == "client_credentials":
            return httpx.Response(200, json=self._tokens(client_id, scope, user=False))
        if grant == "refresh_token":
            if self.refresh_tokens.pop(form.get("refresh_token", ""), None) is None:
                return aad_error(400, "invalid_grant", 700082, "The refresh token has expired due to inactivity.")
            return httpx.Response(200, json=self._tokens(client_id, scope, user=True))
        if grant == "authorization_code":
            issued = self.codes.pop(form.get("code", ""), None)
            if issued is None:
                return aad_error(400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed.")
            challenge = b64url(hashlib.sha256(form.get("code_verifier", "").encode()).digest())
            if challenge != issued["code_challenge"]:
                return aad_error(400, "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge.")
            return httpx.Response(200, json=self._tokens(client_id, scope, user=True, nonce=issued.get("nonce")))
        if grant == "urn:ietf:params:oauth:grant-type:device_code":
            state = self.device_codes.get(form.get("device_code", ""))
            if state is None:
                return aad_error(400, "bad_verification_code", 70019, "Verification code is invalid.")
            if self.approve_device_codes == "declined":
                return aad_error(400, "authorization_declined", 70000, "The user declined the sign-in.")
            if self.approve_device_codes == "expired":
                return aad_error(400, "expired_token", 70020, "The device code has expired.")
            if self.approve_device_codes != "approved":
                return aad_error(400, "authorization_pending", 70016, "Pending end-user authorization.")
            del self.device_codes[form["device_code"]]
            return httpx.Response(200, json=self._tokens(client_id, scope, user=True))
        return aad_error(400, "unsupported_grant_type", 70003, "The grant type is not supported.")

    def issue_code(self, auth_uri: str) -> dict[str, str]:
        """What /authorize does after a sign-in: a code bound to the PKCE
        challenge and nonce; returns the redirect's parameters."""
        params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(auth_uri).query))
        code = f"code-{next(self._serial)}"
        self.codes[code] = {"code_challenge": params["code_challenge"], "nonce": params.get("nonce", "")}
        return {"code": code, "state": params["state"], "redirect_uri": params["redirect_uri"]}

    def count(self, suffix: str) -> int:
        return sum(1 for _, path, _ in self.requests if path.endswith(suffix))
