"""The identity service end to end: the real msal over real HTTPS to the
embedded emulator (pwshlike.emulator), trusting its CA and nothing else."""

from __future__ import annotations

import os
import ssl
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest

from pwshlike.identity.environments import CloudEnvironment
from pwshlike.identity.errors import IdentityError
from pwshlike.identity.service import ClientCertificate, ClientSecret, IdentityService

from .conftest import RecordingUI

GRAPH = ["https://graph.microsoft.com/.default"]
PARTNER_CENTER = ["https://api.partnercenter.microsoft.com/user_impersonation"]
TOKEN_PATH = "/oauth2/v2.0/token"


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("emulated-home")
    with pytest.MonkeyPatch.context() as patch:
        for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
            (root / variable.lower()).mkdir(mode=0o700)
            patch.setenv(variable, str(root / variable.lower()))
        patch.setenv("HOME", str(root / "home"))
        for variable in ("PWSHLIKE_TOKEN_CACHE", "BROWSER", "HTTPS_PROXY", "https_proxy"):
            patch.delenv(variable, raising=False)
        yield root


@pytest.fixture(scope="module")
def emulator(home) -> Iterator[Any]:
    from pwshlike.emulator.server import EmulatorServer
    server = EmulatorServer(auto_sign_in=True).start()
    yield server
    server.stop()
    assert server.bugs == []  # no request made the emulator fail


def follow_sign_in(ca_path: str) -> Any:
    """A browser for -AutoSignIn: request the authorize URL (trusting the
    emulator's CA) and follow its redirect to the loopback listener."""
    def opener(url: str) -> bool:
        with httpx.Client(verify=ssl.create_default_context(cafile=ca_path), timeout=10, trust_env=False) as client:
            answer = client.get(url)
            assert answer.status_code == 302, answer.text
            client.get(answer.headers["location"])
        return True
    return opener


@pytest.fixture(scope="module")
def info(emulator) -> dict[str, Any]:
    return emulator.info()


@pytest.fixture
def cloud(info) -> CloudEnvironment:
    return CloudEnvironment(
        "PartnerCenter", "Emulator",
        {"ActiveDirectoryAuthority": info["ActiveDirectoryAuthority"], "GraphEndpoint": info["GraphEndpoint"],
         "PartnerCenterEndpoint": info["PartnerCenterEndpoint"]},
        resources={"Graph": "https://graph.microsoft.com", "PartnerCenter": "https://api.partnercenter.microsoft.com"},
        ca_certificate_path=info["CACertificatePath"], instance_discovery=False,
        sign_in_opener=follow_sign_in(info["CACertificatePath"]))


@pytest.fixture
def service(home, emulator) -> Iterator[IdentityService]:
    svc = IdentityService()
    svc.clear_cache()
    emulator.clear_faults()
    yield svc
    emulator.clear_faults()
    svc.close()


@pytest.fixture
def ui() -> RecordingUI:
    return RecordingUI()


def token_posts(emulator) -> int:
    return sum(1 for entry in emulator.log if entry.method == "POST" and entry.path.endswith(TOKEN_PATH))


def test_client_credentials_with_the_secret_then_zero_requests(service, emulator, cloud, info, ui):
    secret = info["Credential"]["Password"]
    first = service.acquire_for_client(cloud, info["TenantId"], info["ApplicationId"], ClientSecret(secret), GRAPH, ui)
    assert first.tenant_id == info["TenantId"] and not first.from_cache
    sent = len(emulator.log)
    for _ in range(5):  # how fast a hit is: bench/identity_bench.py cache
        again = service.acquire_for_client(cloud, info["TenantId"], info["ApplicationId"], ClientSecret(secret),
                                           GRAPH, ui)
    assert len(emulator.log) == sent and again.from_cache and again.access_token == first.access_token
    text = ui.everything()
    assert secret not in text and first.access_token not in text and "client_secret=<redacted>" in text


def test_client_credentials_with_the_certificate(service, cloud, info, ui):
    result = service.acquire_for_client(cloud, info["TenantId"], info["ApplicationId"],
                                        ClientCertificate(info["CertificateThumbprint"]), GRAPH, ui)
    assert result.tenant_id == info["TenantId"] and result.access_token


def test_a_wrong_secret_even_while_the_right_ones_token_is_cached(service, cloud, info, ui):
    service.acquire_for_client(cloud, info["TenantId"], info["ApplicationId"],
                               ClientSecret(info["Credential"]["Password"]), GRAPH, ui)
    with pytest.raises(IdentityError) as caught:
        service.acquire_for_client(cloud, info["TenantId"], info["ApplicationId"], ClientSecret("not-the-secret"),
                                   GRAPH, ui)
    assert (caught.value.code, caught.value.category) == ("AADSTS7000215", "AuthenticationError")
    assert caught.value.message.startswith("AADSTS7000215: Invalid client secret provided.")
    assert "Trace ID" not in caught.value.message


def test_device_code_then_a_customer_token_from_its_refresh_token(service, emulator, cloud, info, ui):
    user = service.acquire_by_device_code(cloud, "organizations", info["PublicClientId"], PARTNER_CENTER, ui)
    assert user.refresh_token and user.account.username.lower() == info["UserName"].lower()
    assert user.tenant_id == info["TenantId"] and "enter the code" in ui.warnings[0]
    customer_id = info["CustomerTenantIds"][0]
    customer = service.acquire_by_refresh_token(cloud, customer_id, info["PublicClientId"], None,
                                                user.refresh_token, GRAPH, ui)
    assert customer.tenant_id == customer_id and customer.refresh_token
    assert user.refresh_token not in ui.everything() and customer.refresh_token not in ui.everything()


def test_interactive_sign_in_then_silent_from_the_cache(service, emulator, cloud, info, ui):
    signed_in = service.acquire_interactive(cloud, "organizations", info["PublicClientId"], None, PARTNER_CENTER, ui,
                                            timeout=30)
    assert signed_in.refresh_token and signed_in.id_token
    assert signed_in.account.username.lower() == info["UserName"].lower()
    sent = len(emulator.log)
    cached = service.acquire_silent(cloud, "organizations", info["PublicClientId"], PARTNER_CENTER, ui)
    assert len(emulator.log) == sent and cached.from_cache
    assert (cached.refresh_token, cached.id_token) == (signed_in.refresh_token, signed_in.id_token)
    assert cached.account.username == signed_in.account.username


def test_the_secure_application_model(service, cloud, info, ui):
    result = service.acquire_interactive(cloud, info["TenantId"], info["ApplicationId"],
                                         ClientSecret(info["Credential"]["Password"]), PARTNER_CENTER, ui,
                                         prompt=None, timeout=30)
    assert result.refresh_token and result.account is not None


def test_a_code_redemption_is_sent_once_even_when_asked_to_retry(service, emulator, cloud, info, ui):
    emulator.set_fault(f"*{TOKEN_PATH}", method="POST", status_codes=(503,), retry_after=0)
    before = token_posts(emulator)
    with pytest.raises(IdentityError) as caught:
        service.acquire_interactive(cloud, "organizations", info["PublicClientId"], None, PARTNER_CENTER, ui,
                                    timeout=30)
    assert token_posts(emulator) == before + 1 and caught.value.category == "ResourceUnavailable"


def test_throttling_is_retried_after_retry_after(service, emulator, cloud, info, ui):
    secret = ClientSecret(info["Credential"]["Password"])
    emulator.set_fault(f"*{TOKEN_PATH}", method="POST", status_codes=(429,), retry_after=1, rate=0.5)
    service.acquire_for_client(cloud, info["TenantId"], info["ApplicationId"], secret, GRAPH, ui)  # 1st: passes
    before = token_posts(emulator)
    result = service.acquire_for_client(cloud, info["TenantId"], info["ApplicationId"], secret,
                                        ["https://api.partnercenter.microsoft.com/.default"], ui)
    assert result.access_token and token_posts(emulator) == before + 2
    assert any("answered HTTP 429 and asked to retry after 1 seconds" in line for line in ui.verbose_lines)


def test_the_emulator_is_trusted_only_through_its_environment(service, cloud, info, ui):
    untrusted = CloudEnvironment("PartnerCenter", "Untrusted", cloud.endpoints, instance_discovery=False)
    with pytest.raises(IdentityError) as caught:
        service.acquire_for_client(untrusted, info["TenantId"], info["ApplicationId"],
                                   ClientSecret(info["Credential"]["Password"]), GRAPH, ui)
    assert caught.value.code == "ConnectionError" and "TLS certificate could not be verified" in caught.value.message


def test_an_emulator_that_is_down_is_a_connection_error(service, info, ui):
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    down = CloudEnvironment("PartnerCenter", "Down", {"ActiveDirectoryAuthority": f"https://127.0.0.1:{port}/"},
                            ca_certificate_path=info["CACertificatePath"], instance_discovery=False)
    with pytest.raises(IdentityError) as caught:
        service.acquire_for_client(down, info["TenantId"], info["ApplicationId"],
                                   ClientSecret(info["Credential"]["Password"]), GRAPH, ui)
    assert caught.value.message == f"Could not connect to https://127.0.0.1:{port}: the connection was refused."


def test_the_token_cache_file_is_private(service, cloud, info, ui):
    from pwshlike.identity import paths
    service.acquire_for_client(cloud, info["TenantId"], info["ApplicationId"],
                               ClientSecret(info["Credential"]["Password"]), GRAPH, ui)
    assert os.stat(paths.token_cache_path()).st_mode & 0o777 == 0o600


def test_a_new_emulator_does_not_inherit_the_tokens_of_the_last_one(service, cloud, info, ui):
    # msal keys its cache by host, not port: without this, the second
    # emulator would be offered tokens the first one signed.
    from pwshlike.emulator.server import EmulatorServer
    service.acquire_by_device_code(cloud, info["TenantId"], info["PublicClientId"], PARTNER_CENTER, ui)
    assert service.acquire_silent(cloud, info["TenantId"], info["PublicClientId"], PARTNER_CENTER, ui) is not None
    second = EmulatorServer(auto_sign_in=True).start()
    try:
        assert service.acquire_silent(cloud, info["TenantId"], info["PublicClientId"], PARTNER_CENTER, ui) is None
    finally:
        second.stop()
