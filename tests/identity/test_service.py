"""The identity service with the real msal against a fake Azure AD behind
httpx.MockTransport: every flow, the cache, errors, and what must never leak."""

from __future__ import annotations

import _thread
import logging
import os
import subprocess
import sys
import threading
import time

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from pwshlike.identity import paths
from pwshlike.identity.certstore import add_pfx
from pwshlike.identity.errors import IdentityError
from pwshlike.identity.service import ClientCertificate, ClientSecret, IdentityService

from .fake_aad import APP_ID, PUBLIC_APP_ID, SECRET, TENANT_ID, USER_OID, USER_UPN

GRAPH = ["https://graph.microsoft.com/.default"]
USER_SCOPES = ["https://graph.microsoft.com/User.Read"]


def browser_for(aad, answer: dict | None = None):
    """A sign_in_opener standing for a person signing in: Azure AD issues a
    code and the browser follows the redirect to the listener."""
    def opener(url: str) -> bool:
        issued = aad.issue_code(url)
        query = answer if answer is not None else {"code": issued["code"], "state": issued["state"]}
        query = {**query, "state": issued["state"]}
        httpx.get(issued["redirect_uri"], params=query, timeout=5)
        return True
    return opener


def test_client_credentials_with_a_secret_then_from_the_cache(service, cloud, aad, ui):
    first = service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui)
    assert first.tenant_id == TENANT_ID and first.account is None and not first.from_cache
    assert first.scopes == GRAPH and first.token_type == "Bearer" and first.correlation_id
    assert first.expires_on.tzinfo is not None and first.extended_expires_on > first.expires_on
    sent = len(aad.requests)
    for _ in range(5):  # how fast a hit is: bench/identity_bench.py cache
        again = service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui)
    assert len(aad.requests) == sent  # not one request
    assert again.from_cache and again.access_token == first.access_token and again.tenant_id == TENANT_ID
    assert again.expires_on == first.expires_on and again.scopes == GRAPH
    assert SECRET not in ui.everything() and first.access_token not in ui.everything()


def test_client_credentials_with_a_certificate_from_the_store(service, cloud, aad, ui, certificate):
    key, cert = certificate
    thumbprint = add_pfx(pkcs12.serialize_key_and_certificates(b"app", key, cert, None,
                                                               serialization.NoEncryption()))
    result = service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientCertificate(thumbprint.lower()), GRAPH, ui)
    assert result.access_token and aad.count("/token") == 1
    [(_, _, form)] = [r for r in aad.requests if r[1].endswith("/token")]
    assert form["client_assertion_type"].endswith("jwt-bearer") and not form["client_assertion"].startswith("b'")
    assert form["client_assertion"] not in ui.everything()


def test_a_wrong_secret_is_aadsts7000215_without_the_secret(service, cloud, ui):
    with pytest.raises(IdentityError) as caught:
        service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret("wrong-secret-value"), GRAPH, ui)
    error = caught.value
    assert (error.code, error.category) == ("AADSTS7000215", "AuthenticationError")
    assert error.message.startswith("AADSTS7000215: Invalid client secret provided.")
    assert "wrong-secret-value" not in error.message + ui.everything()


def test_a_missing_certificate_is_certificate_not_found(service, cloud, ui):
    with pytest.raises(IdentityError) as caught:
        service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientCertificate("C" * 40), GRAPH, ui)
    assert caught.value.code == "CertificateNotFound" and paths.certificate_store_dirs()[0] in caught.value.message


def test_an_unknown_tenant_is_aadsts90002(service, cloud, ui):
    with pytest.raises(IdentityError) as caught:
        service.acquire_for_client(cloud, "nowhere.example", APP_ID, ClientSecret(SECRET), GRAPH, ui)
    assert (caught.value.code, caught.value.category) == ("AADSTS90002", "InvalidArgument")


def test_a_server_error_names_the_server(service, cloud, aad, ui):
    aad.faults["/token"] = [lambda: httpx.Response(500, text="<html>oops</html>")]
    with pytest.raises(IdentityError) as caught:
        service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui)
    assert (caught.value.code, caught.value.category) == ("ServiceUnavailable", "ResourceUnavailable")
    assert "https://login.example.com failed to answer (HTTP 500)" in caught.value.message


def test_throttling_with_retry_after_is_waited_out(home, cloud, aad, ui):
    aad.faults["/token"] = [lambda: httpx.Response(429, headers={"Retry-After": "0"})]
    service = IdentityService(aad.transport)
    assert service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui).access_token
    assert aad.count("/token") == 2 and any("retrying (1 of 3)" in line for line in ui.verbose_lines)
    service.close()


def test_interactive_sign_in_then_silent(service, cloud, aad, ui):
    cloud.sign_in_opener = browser_for(aad)
    result = service.acquire_interactive(cloud, "organizations", PUBLIC_APP_ID, None, USER_SCOPES + ["openid"], ui)
    assert result.refresh_token and result.id_token and result.account.username == USER_UPN
    assert result.account.home_account_id == f"{USER_OID}.{TENANT_ID}" and result.unique_id == USER_OID
    assert result.account.environment == "login.example.com" and result.tenant_id == TENANT_ID
    [(_, _, form)] = [r for r in aad.requests if r[1].endswith("/token")]
    assert form["grant_type"] == "authorization_code" and form["redirect_uri"].startswith("http://localhost:")
    for secret in (form["code"], form["code_verifier"], result.refresh_token, result.access_token):
        assert secret not in ui.everything()
    assert ui.warnings[0] == "Attempting to launch a browser for authorization code login."
    sent = len(aad.requests)
    cached = service.acquire_silent(cloud, "organizations", PUBLIC_APP_ID, USER_SCOPES, ui)
    assert len(aad.requests) == sent and cached.from_cache
    assert cached.refresh_token == result.refresh_token and cached.id_token == result.id_token
    assert cached.account.username == USER_UPN and cached.access_token == result.access_token
    assert service.acquire_silent(cloud, "organizations", PUBLIC_APP_ID, USER_SCOPES, ui,
                                  username="someone@else") is None


def test_silent_without_an_account_is_none(service, cloud, ui):
    assert service.acquire_silent(cloud, "organizations", PUBLIC_APP_ID, USER_SCOPES, ui) is None


def test_the_secure_application_model_yields_a_refresh_token(service, cloud, aad, ui):
    cloud.sign_in_opener = browser_for(aad)
    result = service.acquire_interactive(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), USER_SCOPES, ui,
                                         prompt=None)
    assert result.refresh_token and result.account.username == USER_UPN
    [(_, _, form)] = [r for r in aad.requests if r[1].endswith("/token")]
    assert form["client_secret"] == SECRET and form["code_verifier"]


def test_a_code_redemption_is_never_retried(service, cloud, aad, ui):
    cloud.sign_in_opener = browser_for(aad)
    aad.faults["/token"] = [lambda: httpx.Response(503, headers={"Retry-After": "0"})]
    with pytest.raises(IdentityError) as caught:
        service.acquire_interactive(cloud, "organizations", PUBLIC_APP_ID, None, USER_SCOPES, ui)
    assert aad.count("/token") == 1 and caught.value.code == "ServiceUnavailable"


def test_an_error_from_the_browser_is_raised(service, cloud, aad, ui):
    cloud.sign_in_opener = browser_for(aad, {"error": "access_denied",
                                             "error_description": "AADSTS65004: User declined to consent."})
    with pytest.raises(IdentityError) as caught:
        service.acquire_interactive(cloud, "organizations", PUBLIC_APP_ID, None, USER_SCOPES, ui)
    assert (caught.value.code, caught.value.category) == ("AADSTS65004", "PermissionDenied")


def test_a_browser_that_never_answers_times_out(service, cloud, ui):
    cloud.sign_in_opener = lambda url: True
    with pytest.raises(IdentityError) as caught:
        service.acquire_interactive(cloud, "organizations", PUBLIC_APP_ID, None, USER_SCOPES, ui, timeout=0.3)
    assert caught.value.code == "SignInTimeout"


def test_refresh_token_redemption_and_reuse(service, cloud, aad, ui):
    cloud.sign_in_opener = browser_for(aad)
    signed_in = service.acquire_interactive(cloud, "organizations", PUBLIC_APP_ID, None, USER_SCOPES, ui)
    customer = service.acquire_by_refresh_token(cloud, TENANT_ID, PUBLIC_APP_ID, None, signed_in.refresh_token,
                                                ["https://api.partnercenter.microsoft.com/user_impersonation"], ui)
    assert customer.refresh_token and customer.refresh_token != signed_in.refresh_token
    assert customer.account.username == USER_UPN
    with pytest.raises(IdentityError) as caught:  # rotated: the old one is gone
        service.acquire_by_refresh_token(cloud, TENANT_ID, PUBLIC_APP_ID, None, signed_in.refresh_token, GRAPH, ui)
    assert (caught.value.code, caught.value.category) == ("AADSTS700082", "AuthenticationError")
    assert "sign in again" in caught.value.message and signed_in.refresh_token not in caught.value.message


def test_device_code(service, cloud, aad, ui):
    result = service.acquire_by_device_code(cloud, "organizations", PUBLIC_APP_ID, USER_SCOPES, ui)
    assert result.refresh_token and result.account.username == USER_UPN
    assert ui.warnings == ["To sign in, use a web browser to open the page https://login.example.com/devicelogin "
                           "and enter the code ABCD-EFGH to authenticate."]
    assert "device-code-secret-" not in ui.everything()  # the device code itself is redacted


@pytest.mark.parametrize("outcome, code, category", [
    ("declined", "AADSTS70000", "AuthenticationError"),
    ("expired", "AADSTS70020", "OperationTimeout"),
])
def test_device_code_refused(service, cloud, aad, ui, outcome, code, category):
    aad.approve_device_codes = outcome
    with pytest.raises(IdentityError) as caught:
        service.acquire_by_device_code(cloud, "organizations", PUBLIC_APP_ID, USER_SCOPES, ui)
    assert (caught.value.code, caught.value.category) == (code, category)


def test_ctrl_c_stops_device_code_polling(service, cloud, aad, ui):
    aad.approve_device_codes = "pending"
    timer = threading.Timer(0.5, _thread.interrupt_main)
    timer.start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        service.acquire_by_device_code(cloud, "organizations", PUBLIC_APP_ID, USER_SCOPES, ui)
    timer.cancel()
    assert time.monotonic() - started < 5


def test_a_connection_refused_is_a_connection_error(home, cloud, ui):
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request) from ConnectionRefusedError(111, "x")
    service = IdentityService(lambda: httpx.MockTransport(refuse))
    with pytest.raises(IdentityError) as caught:
        service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui)
    assert caught.value.message == "Could not connect to https://login.example.com: the connection was refused."
    service.close()


def test_clear_cache_forces_a_new_request(service, cloud, aad, ui):
    service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui)
    service.clear_cache()
    service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui)
    assert aad.count("/token") == 2


def test_a_second_process_is_served_from_the_file_without_a_request(service, cloud, aad, ui):
    """With the discovery answer and the token both on disk, a new process
    sends nothing (the fake authority is not loopback, so its discovery is kept)."""
    service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui)
    fresh = IdentityService(aad.transport)
    import pwshlike.identity.cache as cache_module
    cache_module._shared = None  # as in a new process
    sent = len(aad.requests)
    assert fresh.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui).from_cache
    assert len(aad.requests) == sent
    fresh.close()


def test_memory_mode(home, cloud, aad, ui, monkeypatch):
    monkeypatch.setenv("PWSHLIKE_TOKEN_CACHE", "memory")
    service = IdentityService(aad.transport)
    service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui)
    assert service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui).from_cache
    assert not os.path.exists(paths.token_cache_path())
    service.close()


def test_msal_logs_never_reach_a_configured_handler(service, cloud, aad, ui):
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if not record.name.startswith("httpx"):  # the test's own browser stand-in logs its redirect
                records.append(f"{record.name}: {record.getMessage()}")

    handler = Collect(level=logging.DEBUG)
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        cloud.sign_in_opener = browser_for(aad)
        service.acquire_interactive(cloud, "organizations", PUBLIC_APP_ID, None, USER_SCOPES, ui)
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
    [(_, _, form)] = [r for r in aad.requests if r[1].endswith("/token")]
    assert not [line for line in records if form["code"] in line or form["code_verifier"] in line]


def test_credentials_hide_their_secret():
    secret = ClientSecret("super-secret-value")
    assert "super-secret-value" not in repr(secret) + secret.fingerprint
    assert ClientSecret("super-secret-value").fingerprint == secret.fingerprint
    assert repr(ClientCertificate("aa" * 20)) == f"ClientCertificate('{'AA' * 20}')"
    with pytest.raises(IdentityError):
        ClientSecret("")


def test_a_plain_script_imports_none_of_the_identity_libraries():
    heavy = ("msal", "msal_extensions", "httpx", "cryptography", "jwt")
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "pwshlike", "-NoProfile", "-Command",
                          "Write-Output 1"], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "1"
    imported = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
    assert not [name for name in imported if name.split(".")[0] in heavy]
    probe = subprocess.run([sys.executable, "-c", "import sys, pwshlike.identity.service, pwshlike.identity.cache, "
                            "pwshlike.identity.browser, pwshlike.plugins.registries; "
                            f"print([m for m in {heavy!r} if m in sys.modules])"],
                           capture_output=True, text=True, timeout=60)
    assert probe.stdout.strip() == "[]"


def test_an_answer_that_is_not_json_is_a_protocol_error(service, cloud, aad, ui):
    aad.faults["/token"] = [lambda: httpx.Response(200, text="<html>captive portal</html>")]
    with pytest.raises(IdentityError) as caught:
        service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui)
    assert (caught.value.code, caught.value.category) == ("InvalidResponse", "ProtocolError")
    assert "HTTP 200 and a body that is not an Azure AD answer" in caught.value.message


def test_a_cached_token_is_served_only_to_the_credential_that_obtained_it(service, cloud, aad, ui, certificate):
    right = service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui)
    with pytest.raises(IdentityError) as caught:  # not the cached token
        service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret("a-wrong-secret"), GRAPH, ui)
    assert caught.value.code == "AADSTS7000215"
    again = service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui)
    assert not again.from_cache and again.access_token != right.access_token  # the wrong one evicted it
    assert service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientSecret(SECRET), GRAPH, ui).from_cache
    key, cert = certificate
    thumbprint = add_pfx(pkcs12.serialize_key_and_certificates(b"app", key, cert, None,
                                                               serialization.NoEncryption()))
    by_certificate = service.acquire_for_client(cloud, TENANT_ID, APP_ID, ClientCertificate(thumbprint), GRAPH, ui)
    assert not by_certificate.from_cache
    with open(paths.token_cache_path()) as handle:
        saved = handle.read()
    assert SECRET not in saved and "pwshlike_credential" in saved


def test_silent_does_not_guess_between_several_accounts(service, cloud, aad, ui):
    cloud.sign_in_opener = browser_for(aad)
    service.acquire_interactive(cloud, "organizations", PUBLIC_APP_ID, None, USER_SCOPES, ui)
    from pwshlike.identity.cache import shared_token_cache
    other = {"home_account_id": "other-oid.other-tid", "environment": "login.example.com", "realm": "organizations",
             "local_account_id": "other-oid", "username": "someone@else.example", "authority_type": "MSSTS"}
    cache = shared_token_cache().msal_cache
    cache.modify(cache.CredentialType.ACCOUNT, other, other)
    assert service.acquire_silent(cloud, "organizations", PUBLIC_APP_ID, USER_SCOPES, ui) is None
    assert "2 accounts are signed in" in ui.verbose_lines[-1]
    chosen = service.acquire_silent(cloud, "organizations", PUBLIC_APP_ID, USER_SCOPES, ui, username=USER_UPN.upper())
    assert chosen.from_cache and chosen.account.username == USER_UPN


def test_an_id_token_without_this_sign_in_s_nonce_is_refused_without_showing_its_claims(service, cloud, aad, ui,
                                                                                      monkeypatch):
    issue = aad._tokens
    monkeypatch.setattr(aad, "_tokens", lambda client_id, scope, user, nonce=None: issue(client_id, scope, user,
                                                                                         "another-sign-in"))
    cloud.sign_in_opener = browser_for(aad)
    with pytest.raises(IdentityError) as caught:
        service.acquire_interactive(cloud, "organizations", PUBLIC_APP_ID, None, USER_SCOPES, ui)
    assert (caught.value.code, caught.value.category) == ("NonceMismatch", "SecurityError")
    assert USER_UPN not in str(caught.value) and "another-sign-in" not in str(caught.value)
