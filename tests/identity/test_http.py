"""msal's HTTP client on httpx: form decoding, retries, redacted debug
text, TLS trust per environment, connection failures in our own words, the
discovery cache."""

from __future__ import annotations

import datetime
import email.utils
import http.server
import ipaddress
import os
import socket
import ssl
import stat
import threading
import time
from typing import Any, Iterator

import httpx
import pytest

from pwshlike.identity.errors import IdentityError
from pwshlike.identity.http import (
    DiscoveryCache, MsalHttpClient, bound_ui, build_httpx_client, last_exchange,
)

from .conftest import RecordingUI

TOKEN_URL = "https://login.example.com/t/oauth2/v2.0/token"


class Script:
    """A MockTransport answering from a list, recording requests."""

    def __init__(self, *answers: Any) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer

    def adapter(self, **options: Any) -> tuple[MsalHttpClient, list[float]]:
        slept: list[float] = []
        client = build_httpx_client(ca_certificate_path=None, environment_name="Test",
                                    transport=httpx.MockTransport(self))
        return MsalHttpClient(client, sleep=slept.append, **options), slept


def test_bytes_form_values_are_decoded_and_none_dropped():
    script = Script(httpx.Response(200, json={}))
    adapter, _ = script.adapter()
    adapter.post(TOKEN_URL, data={"client_assertion": b"header.payload.signature", "claims": None,
                                  "client_info": 1, "grant_type": "client_credentials"})
    body = script.requests[0].content.decode()
    assert "client_assertion=header.payload.signature" in body and "b%27" not in body
    assert "claims" not in body and "client_info=1" in body


def test_get_and_the_response_interface_msal_reads():
    script = Script(httpx.Response(200, json={"issuer": "x"}, headers={"X-Test": "1"}))
    adapter, _ = script.adapter()
    response = adapter.get("https://login.example.com/t/v2.0/.well-known/openid-configuration",
                           params={"a": "b"}, headers={"Accept": "application/json"})
    assert response.status_code == 200 and response.text == '{"issuer":"x"}' and response.headers["x-test"] == "1"
    assert script.requests[0].url.params["a"] == "b"
    adapter.close()


@pytest.mark.parametrize("status", [429, 503])
def test_429_and_503_with_retry_after_are_retried_after_the_delay(status):
    script = Script(httpx.Response(status, headers={"Retry-After": "2"}), httpx.Response(200, json={"ok": 1}))
    adapter, slept = script.adapter()
    ui = RecordingUI()
    with bound_ui(ui):
        response = adapter.post(TOKEN_URL, data={"grant_type": "client_credentials"})
    assert response.status_code == 200 and slept == [2.0] and len(script.requests) == 2
    assert f"answered HTTP {status} and asked to retry after 2 seconds; retrying (1 of 3)" in ui.verbose_lines[0]


def test_a_retry_after_date_is_honoured():
    when = email.utils.format_datetime(datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=3),
                                       usegmt=True)
    script = Script(httpx.Response(429, headers={"Retry-After": when}), httpx.Response(200, json={}))
    adapter, slept = script.adapter()
    adapter.post(TOKEN_URL, data={"grant_type": "refresh_token"})
    assert len(slept) == 1 and 0 <= slept[0] <= 3


@pytest.mark.parametrize("answer", [
    httpx.Response(503),  # no Retry-After
    httpx.Response(429),
    httpx.Response(500, headers={"Retry-After": "1"}),  # not 429/503
    httpx.Response(400, headers={"Retry-After": "1"}),
    httpx.Response(503, headers={"Retry-After": "soon"}),
    httpx.Response(503, headers={"Retry-After": "120"}),  # longer than max_retry_delay
])
def test_other_answers_are_not_retried(answer):
    script = Script(answer)
    adapter, slept = script.adapter()
    assert adapter.post(TOKEN_URL, data={"grant_type": "client_credentials"}).status_code == answer.status_code
    assert len(script.requests) == 1 and slept == []


def test_retries_are_bounded():
    script = Script(httpx.Response(429, headers={"Retry-After": "1"}))
    adapter, slept = script.adapter(max_retries=3)
    assert adapter.post(TOKEN_URL, data={"grant_type": "client_credentials"}).status_code == 429
    assert len(script.requests) == 4 and slept == [1.0, 1.0, 1.0]


def test_an_authorization_code_redemption_is_never_retried():
    script = Script(httpx.Response(503, headers={"Retry-After": "1"}), httpx.Response(200, json={}))
    adapter, slept = script.adapter()
    response = adapter.post(TOKEN_URL, data={"grant_type": "authorization_code", "code": "c", "code_verifier": "v"})
    assert response.status_code == 503 and len(script.requests) == 1 and slept == []


def test_debug_text_redacts_every_secret():
    secrets = {"client_secret": "S-client-secret", "client_assertion": "S-assertion", "refresh_token": "S-refresh",
               "code": "S-code", "code_verifier": "S-verifier", "password": "S-password", "device_code": "S-device",
               "assertion": "S-obo"}
    answer = {"access_token": "R-access", "refresh_token": "R-refresh", "id_token": "R-id", "expires_in": 3599,
              "token_type": "Bearer"}
    script = Script(httpx.Response(200, json=answer))
    adapter, _ = script.adapter()
    ui = RecordingUI()
    with bound_ui(ui):
        adapter.post(TOKEN_URL, data={"grant_type": "refresh_token", "client_id": "app-1", **secrets},
                     headers={"client-request-id": "req-1"})
        exchange = last_exchange()
    text = "\n".join(ui.debug_lines)
    for value in list(secrets.values()) + ["R-access", "R-refresh", "R-id"]:
        assert value not in text
    assert f"HTTP POST {TOKEN_URL} (client-request-id req-1)" in text
    assert "client_id=app-1" in text and "client_secret=<redacted>" in text and "grant_type=refresh_token" in text
    assert "HTTP 200 OK from POST" in text and '"access_token":"<redacted>"' in text and '"expires_in":3599' in text
    assert exchange.status_code == 200 and exchange.request_id == "req-1"
    assert last_exchange() is None  # outside the call


def test_without_a_ui_nothing_is_written():
    script = Script(httpx.Response(200, json={}))
    adapter, _ = script.adapter()
    adapter.post(TOKEN_URL, data={"grant_type": "client_credentials"})


@pytest.mark.parametrize("failure, words, code, category", [
    (httpx.ReadTimeout("read timed out"), "did not answer within 60 seconds", "RequestTimeout", "OperationTimeout"),
    (httpx.ConnectTimeout("timed out"), "no connection was made within 10 seconds", "ConnectionError",
     "ConnectionError"),
    (httpx.RemoteProtocolError("Server disconnected without sending a response."),
     "the connection was closed before an answer came back", "ConnectionError", "ConnectionError"),
])
def test_transport_failures_become_identity_errors(failure, words, code, category):
    adapter, _ = Script(failure).adapter()
    with pytest.raises(IdentityError) as caught:
        adapter.post(TOKEN_URL, data={"grant_type": "client_credentials"})
    assert words in caught.value.message and "https://login.example.com" in caught.value.message
    assert (caught.value.code, caught.value.category) == (code, category)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def real_adapter(ca: Any = None) -> MsalHttpClient:
    return MsalHttpClient(build_httpx_client(ca_certificate_path=ca, environment_name="Test", timeout=5,
                                             connect_timeout=5))


def test_a_refused_connection_is_named_in_our_words():
    port = free_port()
    with pytest.raises(IdentityError) as caught:
        real_adapter().get(f"https://127.0.0.1:{port}/organizations/v2.0/.well-known/openid-configuration")
    assert caught.value.message == f"Could not connect to https://127.0.0.1:{port}: the connection was refused."
    assert caught.value.code == "ConnectionError" and caught.value.category == "ConnectionError"


def test_an_unknown_host_is_named_in_our_words():
    with pytest.raises(IdentityError) as caught:
        real_adapter().get("https://login.nowhere.invalid/common/v2.0/.well-known/openid-configuration")
    assert caught.value.message == ("Could not connect to https://login.nowhere.invalid: the host name "
                                    "'login.nowhere.invalid' could not be resolved.")
    assert "Errno" not in caught.value.message


# --- TLS -------------------------------------------------------------------------------------

def _ca_and_server_certificate(directory: Any) -> tuple[str, str, str]:
    """A CA, and a certificate for 127.0.0.1 it signed: (ca.pem, server.pem, server.key)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "pwshlike test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
          .not_valid_after(now + datetime.timedelta(days=2))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    server = (x509.CertificateBuilder()
              .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
              .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=2))
              .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                             critical=False)
              .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
              .sign(ca_key, hashes.SHA256()))
    paths = [os.path.join(directory, name) for name in ("ca.pem", "server.pem", "server.key")]
    with open(paths[0], "wb") as handle:
        handle.write(ca.public_bytes(serialization.Encoding.PEM))
    with open(paths[1], "wb") as handle:
        handle.write(server.public_bytes(serialization.Encoding.PEM))
    with open(paths[2], "wb") as handle:
        handle.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    return paths[0], paths[1], paths[2]


class _Hello(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        body = b'{"hello": "tls"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory) -> Iterator[tuple[str, str]]:
    """(base URL, CA path) of an HTTPS server on 127.0.0.1."""
    ca, certificate, key = _ca_and_server_certificate(str(tmp_path_factory.mktemp("tls")))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}", ca
    server.shutdown()
    server.server_close()


def test_tls_is_verified_against_the_environments_ca_only(tls_server):
    base, ca = tls_server
    assert real_adapter(ca).get(f"{base}/x").json() == {"hello": "tls"}
    with pytest.raises(IdentityError) as caught:
        real_adapter(None).get(f"{base}/x")
    assert caught.value.message.startswith(f"Could not connect to {base}: its TLS certificate could not be verified")
    assert "the system's trusted certificate authorities" in caught.value.message


def test_a_missing_ca_file_is_reported(tmp_path):
    with pytest.raises(IdentityError) as caught:
        build_httpx_client(ca_certificate_path=str(tmp_path / "gone.pem"), environment_name="Emulator")
    assert caught.value.code == "CACertificateNotFound" and "'Emulator'" in caught.value.message
    (tmp_path / "junk.pem").write_text("not a certificate")
    with pytest.raises(IdentityError) as junk:
        build_httpx_client(ca_certificate_path=str(tmp_path / "junk.pem"), environment_name="Emulator")
    assert junk.value.code == "CACertificateUnreadable"


def test_loopback_never_goes_through_the_proxy(tls_server, monkeypatch):
    base, ca = tls_server
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{free_port()}")
    monkeypatch.delenv("https_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    assert real_adapter(ca).get(f"{base}/x").status_code == 200
    with pytest.raises(IdentityError) as caught:
        real_adapter().get("https://login.nowhere.invalid/x")  # sent to the (closed) proxy
    assert caught.value.message == (f"Could not connect to https://login.nowhere.invalid through the proxy "
                                    f"{os.environ['HTTPS_PROXY']}: the connection was refused.")


# --- discovery cache -------------------------------------------------------------------------

def test_discovery_answers_of_real_clouds_are_kept_for_the_next_process(tmp_path):
    url = "https://login.example.com/contoso/v2.0/.well-known/openid-configuration"
    path = str(tmp_path / "cache" / "msal_http_cache.json")
    script = Script(httpx.Response(200, json={"token_endpoint": "https://login.example.com/t/token"}))
    first, _ = script.adapter(discovery_cache=DiscoveryCache(path))
    assert first.get(url).json()["token_endpoint"].endswith("/token")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    ui = RecordingUI()
    second, _ = script.adapter(discovery_cache=DiscoveryCache(path))
    with bound_ui(ui):
        assert second.get(url).json()["token_endpoint"].endswith("/token")
    assert len(script.requests) == 1 and "answered from the discovery cache" in ui.debug_lines[0]
    assert DiscoveryCache.key("https://127.0.0.1:8443/t/v2.0/.well-known/openid-configuration", None) is None
    assert DiscoveryCache.key("https://login.example.com/t/oauth2/v2.0/token", None) is None


def test_expired_or_failed_discovery_answers_are_not_reused(tmp_path):
    url = "https://login.example.com/common/discovery/instance"
    cache = DiscoveryCache(str(tmp_path / "c.json"))
    script = Script(httpx.Response(500), httpx.Response(200, json={"a": 1}))
    adapter, _ = script.adapter(discovery_cache=cache)
    assert adapter.get(url, params={"api-version": "1.0"}).status_code == 500
    assert adapter.get(url, params={"api-version": "1.0"}).status_code == 200
    key = DiscoveryCache.key(url, {"api-version": "1.0"})
    assert cache.get(key) == '{"a":1}'
    cache.TTL_SECONDS = -1
    cache.put(key, "{}")
    assert cache.get(key) is None
    time.sleep(0)  # the expired entry is dropped on the next write


def test_proxy_credentials_never_reach_a_message(monkeypatch):
    from pwshlike.identity.http import proxy_for
    monkeypatch.setenv("HTTPS_PROXY", "http://alice:pa55word@proxy.corp.example:3128")
    monkeypatch.delenv("https_proxy", raising=False)
    monkeypatch.setenv("NO_PROXY", "internal.example")
    monkeypatch.delenv("no_proxy", raising=False)
    assert proxy_for("https://login.microsoftonline.com/x") == "http://proxy.corp.example:3128"
    assert proxy_for("https://sts.internal.example/x") is None
    assert proxy_for("https://127.0.0.1:8443/x") is None
