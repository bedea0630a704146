"""Client credentials with the real msal: secrets, certificates, and Azure AD's errors."""

from __future__ import annotations

import time
import uuid

import httpx
import jwt
import pytest

from pwshlike.emulator import EmulatorServer
from pwshlike.emulator.directory import GRAPH_APP_ID, PARTNER_CENTER_APP_ID
from pwshlike.emulator.keys import b64url, certificate_from_pem, key_from_pem, key_to_pem, new_rsa_key

from .support import MsalHttp, code, confidential, public

GRAPH = "https://graph.microsoft.com/.default"


def claims(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def test_secret_gets_an_app_token_for_graph(emulator: EmulatorServer, http: MsalHttp) -> None:
    info = emulator.info()
    result = confidential(emulator, http).acquire_token_for_client([GRAPH])
    assert result["token_type"] == "Bearer" and result["expires_in"] == 3600
    token = claims(result["access_token"])
    assert token["aud"] == "https://graph.microsoft.com"
    assert token["tid"] == info["TenantId"]
    assert token["iss"] == f"{info['Endpoint']}/{info['TenantId']}/v2.0"
    assert token["azp"] == token["appid"] == info["ApplicationId"]
    assert token["azpacr"] == "1" and token["idtyp"] == "app" and token["ver"] == "2.0"
    assert "Directory.Read.All" in token["roles"] and "scp" not in token
    assert token["nbf"] <= time.time() < token["exp"]


def test_token_signature_verifies_against_the_published_jwks(emulator: EmulatorServer, http: MsalHttp,
                                                            raw: httpx.Client) -> None:
    info = emulator.info()
    token = confidential(emulator, http).acquire_token_for_client([GRAPH])["access_token"]
    keys = raw.get(f"{info['Endpoint']}/{info['TenantId']}/discovery/v2.0/keys").json()["keys"]
    header = jwt.get_unverified_header(token)
    jwk = next(k for k in keys if k["kid"] == header["kid"])
    public_key = jwt.algorithms.RSAAlgorithm.from_jwk(jwk)
    verified = jwt.decode(token, public_key, algorithms=["RS256"], audience="https://graph.microsoft.com",
                          issuer=f"{info['Endpoint']}/{info['TenantId']}/v2.0")
    assert verified["tid"] == info["TenantId"]


@pytest.mark.parametrize("scope, audience", [
    ("https://api.partnercenter.microsoft.com/.default", "https://api.partnercenter.microsoft.com"),
    (f"{PARTNER_CENTER_APP_ID}/.default", "https://api.partnercenter.microsoft.com"),
    (f"{GRAPH_APP_ID}/.default", "https://graph.microsoft.com"),
    ("https://graph.microsoft.com//.default", "https://graph.microsoft.com"),
])
def test_resource_named_by_identifier_or_app_id(emulator: EmulatorServer, http: MsalHttp, scope: str,
                                                audience: str) -> None:
    result = confidential(emulator, http).acquire_token_for_client([scope])
    assert claims(result["access_token"])["aud"] == audience


def test_customer_tenant_token_for_the_multi_tenant_app(emulator: EmulatorServer, http: MsalHttp) -> None:
    customer = emulator.info()["CustomerTenantIds"][0]
    token = claims(confidential(emulator, http, tenant=customer).acquire_token_for_client([GRAPH])["access_token"])
    assert token["tid"] == customer and token["roles"] == ["Directory.Read.All"]


def test_tenant_by_domain_uses_the_tenant_id(emulator: EmulatorServer, http: MsalHttp) -> None:
    info = emulator.info()
    result = confidential(emulator, http, tenant=info["PartnerTenantDomain"]).acquire_token_for_client([GRAPH])
    assert claims(result["access_token"])["tid"] == info["TenantId"]


def test_certificate_by_sha1_thumbprint(emulator: EmulatorServer, http: MsalHttp) -> None:
    app = emulator.directory.confidential_app
    credential = {"private_key": app.certificates[0].key_pem, "thumbprint": app.certificates[0].thumbprint}
    result = confidential(emulator, http, credential=credential).acquire_token_for_client([GRAPH])
    assert claims(result["access_token"])["azpacr"] == "2", result


def test_certificate_by_sha256_thumbprint(emulator: EmulatorServer, http: MsalHttp) -> None:
    """With the public certificate msal signs PS256 and names it by x5t#S256."""
    app = emulator.directory.confidential_app
    credential = {"private_key": app.certificates[0].key_pem,
                  "public_certificate": app.certificates[0].certificate_pem}
    result = confidential(emulator, http, credential=credential).acquire_token_for_client([GRAPH])
    assert claims(result["access_token"])["azpacr"] == "2", result


def test_certificate_from_the_pfx_in_our_store(emulator: EmulatorServer, http: MsalHttp) -> None:
    from pwshlike.identity import paths
    import os
    info = emulator.info()
    pfx = os.path.join(paths.certificate_store_dirs()[0], f"{info['CertificateThumbprint']}.pfx")
    assert os.stat(pfx).st_mode & 0o777 == 0o600
    result = confidential(emulator, http, credential={"private_key_pfx_path": pfx}).acquire_token_for_client([GRAPH])
    assert claims(result["access_token"])["azpacr"] == "2", result


def test_unregistered_certificate_is_700027(emulator: EmulatorServer, http: MsalHttp) -> None:
    from pwshlike.emulator.keys import certificate_to_pem, self_signed_certificate
    key = new_rsa_key()
    certificate = certificate_from_pem(certificate_to_pem(self_signed_certificate(key, "CN=someone else", 30)))
    from pwshlike.emulator.keys import sha1_thumbprint
    credential = {"private_key": key_to_pem(key), "thumbprint": sha1_thumbprint(certificate)}
    result = confidential(emulator, http, credential=credential).acquire_token_for_client([GRAPH])
    assert code(result) == 700027 and result["error"] == "invalid_client"
    assert sha1_thumbprint(certificate) in result["error_description"]


def test_registered_thumbprint_with_the_wrong_key_fails_signature(emulator: EmulatorServer, http: MsalHttp) -> None:
    thumbprint = emulator.directory.confidential_app.certificates[0].thumbprint
    credential = {"private_key": key_to_pem(new_rsa_key()), "thumbprint": thumbprint}
    result = confidential(emulator, http, credential=credential).acquire_token_for_client([GRAPH])
    assert code(result) == 700027 and "signature validation" in result["error_description"]


def _assertion(emulator: EmulatorServer, **overrides: object) -> str:
    info = emulator.info()
    credential = emulator.directory.confidential_app.certificates[0]
    now = int(time.time())
    payload = {"aud": f"{info['Endpoint']}/{info['TenantId']}/oauth2/v2.0/token", "iss": info["ApplicationId"],
               "sub": info["ApplicationId"], "jti": str(uuid.uuid4()), "nbf": now, "exp": now + 600}
    payload.update(overrides)
    from cryptography.hazmat.primitives import hashes
    x5t = b64url(credential.certificate.fingerprint(hashes.SHA1()))
    return jwt.encode(payload, key_from_pem(credential.key_pem), algorithm="RS256", headers={"x5t": x5t})


def _post_assertion(emulator: EmulatorServer, raw: httpx.Client, assertion: str) -> httpx.Response:
    info = emulator.info()
    return raw.post(f"{info['Endpoint']}/{info['TenantId']}/oauth2/v2.0/token", data={
        "grant_type": "client_credentials", "client_id": info["ApplicationId"], "scope": GRAPH,
        "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        "client_assertion": assertion})


def test_hand_made_assertion_is_accepted(emulator: EmulatorServer, raw: httpx.Client) -> None:
    response = _post_assertion(emulator, raw, _assertion(emulator))
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("overrides, expected", [
    ({"exp": int(time.time()) - 3600, "nbf": int(time.time()) - 7200}, 700024),
    ({"aud": "https://login.microsoftonline.com/elsewhere/oauth2/v2.0/token"}, 700027),
    ({"sub": str(uuid.UUID(int=1))}, 700021),
])
def test_assertion_claims_are_checked(emulator: EmulatorServer, raw: httpx.Client, overrides: dict,
                                      expected: int) -> None:
    response = _post_assertion(emulator, raw, _assertion(emulator, **overrides))
    assert response.status_code == 401 and response.json()["error_codes"] == [expected], response.text


def test_garbage_assertion_is_401_not_500(emulator: EmulatorServer, raw: httpx.Client) -> None:
    response = _post_assertion(emulator, raw, "not-a-jwt")
    assert response.status_code == 401 and response.json()["error_codes"] == [50027]


def test_wrong_secret_is_7000215_with_401(emulator: EmulatorServer, http: MsalHttp, raw: httpx.Client) -> None:
    info = emulator.info()
    result = confidential(emulator, http, credential="not-the-secret").acquire_token_for_client([GRAPH])
    assert code(result) == 7000215 and result["error"] == "invalid_client"
    assert result["error_description"].startswith("AADSTS7000215: Invalid client secret provided.")
    assert "\r\nTrace ID: " in result["error_description"] and "\r\nCorrelation ID: " in result["error_description"]
    for key in ("timestamp", "trace_id", "correlation_id", "error_uri"):
        assert result[key]
    response = raw.post(f"{info['Endpoint']}/{info['TenantId']}/oauth2/v2.0/token", data={
        "grant_type": "client_credentials", "client_id": info["ApplicationId"], "client_secret": "nope",
        "scope": GRAPH})
    assert response.status_code == 401


def test_unknown_client_is_700016(emulator: EmulatorServer, http: MsalHttp) -> None:
    result = confidential(emulator, http, client_id=str(uuid.uuid4())).acquire_token_for_client([GRAPH])
    assert code(result) == 700016 and "Contoso Partner" in result["error_description"]


def test_unknown_tenant_is_90002(emulator: EmulatorServer, http: MsalHttp, raw: httpx.Client) -> None:
    with pytest.raises(ValueError, match="Unable to get authority configuration"):
        confidential(emulator, http, tenant="nosuchtenant.onmicrosoft.com").acquire_token_for_client([GRAPH])
    discovery = raw.get(f"{emulator.endpoint}/nosuchtenant.onmicrosoft.com/v2.0/.well-known/openid-configuration")
    assert discovery.status_code == 400 and discovery.json()["error_codes"] == [90002]
    response = raw.post(f"{emulator.endpoint}/nosuchtenant.onmicrosoft.com/oauth2/v2.0/token",
                        data={"grant_type": "client_credentials"})
    assert response.status_code == 400 and response.json()["error"] == "invalid_tenant"
    assert response.json()["error_codes"] == [90002]


@pytest.mark.parametrize("tenant", ["organizations", "common"])
def test_client_credentials_need_a_tenant(emulator: EmulatorServer, http: MsalHttp, tenant: str) -> None:
    with pytest.warns(DeprecationWarning):
        result = confidential(emulator, http, tenant=tenant).acquire_token_for_client([GRAPH])
    assert code(result) == 50059


@pytest.mark.parametrize("scopes, expected", [
    (["https://graph.microsoft.com/User.Read"], 1002012),
    (["User.Read"], 1002012),
    (["https://nothing.example.com/.default"], 500011),
    ([GRAPH, "https://api.partnercenter.microsoft.com/.default"], 28000),
])
def test_client_credentials_scope_errors(emulator: EmulatorServer, http: MsalHttp, scopes: list[str],
                                         expected: int) -> None:
    result = confidential(emulator, http).acquire_token_for_client(scopes)
    assert code(result) == expected


def test_public_client_cannot_use_client_credentials(emulator: EmulatorServer, raw: httpx.Client) -> None:
    info = emulator.info()
    url = f"{info['Endpoint']}/{info['TenantId']}/oauth2/v2.0/token"
    without = raw.post(url, data={"grant_type": "client_credentials", "client_id": info["PublicClientId"],
                                  "scope": GRAPH})
    assert without.status_code == 401 and without.json()["error_codes"] == [7000218]
    with_secret = raw.post(url, data={"grant_type": "client_credentials", "client_id": info["PublicClientId"],
                                      "client_secret": "x", "scope": GRAPH})
    assert with_secret.status_code == 401 and with_secret.json()["error_codes"] == [700025]


def test_public_client_app_object_reaches_the_emulator(emulator: EmulatorServer, http: MsalHttp) -> None:
    assert public(emulator, http).authority.token_endpoint.startswith(emulator.endpoint)
