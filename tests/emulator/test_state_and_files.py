"""What the emulator keeps on disk: the state file, the CA, the PFX, emulator.json."""

from __future__ import annotations

import datetime
import json
import os
from typing import Iterator

import pytest
from cryptography.hazmat.primitives.serialization import pkcs12

from pwshlike.emulator import EmulatorServer
from pwshlike.emulator.keys import sha1_thumbprint
from pwshlike.identity import paths

from .support import MsalHttp, code, device_tokens, public

PARTNER_CENTER = "https://api.partnercenter.microsoft.com/user_impersonation"


@pytest.fixture
def home(tmp_path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh XDG tree of this test's own (no CA, no store, no emulator.json)."""
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    yield str(tmp_path)


def _mode(path: str) -> int:
    return os.stat(path).st_mode & 0o777


def test_emulator_json_describes_the_running_server(home: str) -> None:
    with EmulatorServer() as server:
        path = paths.emulator_info_path()
        assert path == os.path.join(home, "xdg_runtime_dir", "pwshlike", "emulator.json")
        with open(path) as stream:
            described = json.load(stream)
        assert described == server.info() and _mode(path) == 0o600
        assert set(described) == {
            "Endpoint", "ActiveDirectoryAuthority", "GraphEndpoint", "PartnerCenterEndpoint", "CACertificatePath",
            "TenantId", "PartnerTenantDomain", "CustomerTenantIds", "ApplicationId", "Credential",
            "CertificateThumbprint", "PublicClientId", "UserName", "UserCredential", "AutoSignIn", "ProcessId",
            "Port"}
        assert described["ProcessId"] == os.getpid() and described["Endpoint"].endswith(f":{server.port}")
    assert not os.path.exists(path)


def test_seeded_ids_are_deterministic_and_secrets_are_not(home: str) -> None:
    with EmulatorServer() as first:
        one = first.info()
    with EmulatorServer() as second:
        two = second.info()
    for key in ("TenantId", "CustomerTenantIds", "ApplicationId", "PublicClientId", "UserName", "PartnerTenantDomain"):
        assert one[key] == two[key]
    assert one["TenantId"] == "74ca439d-48c7-5500-beea-129c4e5ad155"
    assert one["UserName"] == "admin@contosopartner.onmicrosoft.com"
    assert one["Credential"]["Password"] != two["Credential"]["Password"]
    assert one["UserCredential"]["Password"] != two["UserCredential"]["Password"]
    assert one["CertificateThumbprint"] != two["CertificateThumbprint"]


def test_ca_is_kept_and_reused_and_regenerated_when_missing(home: str) -> None:
    with EmulatorServer() as server:
        ca_path = server.info()["CACertificatePath"]
    directory = paths.emulator_data_dir()
    assert os.path.dirname(ca_path) == directory
    assert _mode(os.path.join(directory, "ca-key.pem")) == 0o600
    with open(ca_path, "rb") as stream:
        first = stream.read()
    with EmulatorServer():
        pass
    with open(ca_path, "rb") as stream:
        assert stream.read() == first
    os.remove(os.path.join(directory, "ca-key.pem"))
    with EmulatorServer() as server:
        http = MsalHttp(ca_path)
        try:
            assert "user_code" in public(server, http).initiate_device_flow(scopes=[PARTNER_CENTER])
        finally:
            http.close()
    with open(ca_path, "rb") as stream:
        assert stream.read() != first


def test_pfx_in_our_store_only_while_an_ephemeral_emulator_runs(home: str) -> None:
    with EmulatorServer() as server:
        thumbprint = server.info()["CertificateThumbprint"]
        pfx = os.path.join(paths.certificate_store_dirs()[0], f"{thumbprint}.pfx")
        assert _mode(pfx) == 0o600
        with open(pfx, "rb") as stream:
            key, certificate, _ = pkcs12.load_key_and_certificates(stream.read(), None)
        assert key is not None and sha1_thumbprint(certificate) == thumbprint
        assert not os.path.exists(paths.certificate_store_dirs()[1] + f"/{thumbprint}.pfx")
    assert not os.path.exists(pfx)


def test_state_round_trip(home: str) -> None:
    state = os.path.join(home, "state.json")
    with EmulatorServer(state_path=state, auto_sign_in=True) as server:
        info = server.info()
        http = MsalHttp(info["CACertificatePath"])
        tokens = device_tokens(server, http, [PARTNER_CENTER])
    assert _mode(state) == 0o600
    with EmulatorServer(state_path=state, user_count=3) as again:
        same = again.info()
        for key in ("Credential", "UserCredential", "CertificateThumbprint", "TenantId", "ApplicationId"):
            assert same[key] == info[key]
        assert os.path.exists(os.path.join(paths.certificate_store_dirs()[0], f"{same['CertificateThumbprint']}.pfx"))
        assert again.directory.user_by_upn("user0003@contosopartner.onmicrosoft.com") is not None
        result = public(again, http).acquire_token_by_refresh_token(tokens["refresh_token"], [PARTNER_CENTER])
        assert "access_token" in result, result
    http.close()
    with open(state) as stream:
        text = stream.read()
    assert tokens["refresh_token"] not in text, "only digests of refresh tokens are kept"


def test_refresh_token_idle_for_90_days_is_700082(home: str) -> None:
    state = os.path.join(home, "state.json")
    with EmulatorServer(state_path=state, auto_sign_in=True) as server:
        http = MsalHttp(server.info()["CACertificatePath"])
        tokens = device_tokens(server, http, [PARTNER_CENTER])
    with open(state) as stream:
        data = json.load(stream)
    long_ago = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=91)).isoformat()
    for record in data["refresh_tokens"]:
        record["issued_at"] = record["last_used"] = long_ago
    with open(state, "w") as stream:
        json.dump(data, stream)
    with EmulatorServer(state_path=state) as again:
        result = public(again, http).acquire_token_by_refresh_token(tokens["refresh_token"], [PARTNER_CENTER])
    http.close()
    assert code(result) == 700082 and result["error"] == "invalid_grant"
    assert "inactive for 90.00:00:00" in result["error_description"]


def test_save_state_while_running(home: str) -> None:
    with EmulatorServer() as server:
        target = os.path.join(home, "snapshot.json")
        server.save_state(target)
        with open(target) as stream:
            assert json.load(stream)["directory"]["partner_tenant_id"] == server.info()["TenantId"]


def test_invalid_state_file_is_a_clear_error(home: str) -> None:
    state = os.path.join(home, "broken.json")
    with open(state, "w") as stream:
        stream.write("{\"format\": \"something else\"}")
    with pytest.raises(ValueError, match="broken.json' is not valid"):
        EmulatorServer(state_path=state).start()


def test_port_in_use_is_a_clear_error(home: str) -> None:
    with EmulatorServer() as server:
        with pytest.raises(OSError, match=f"Cannot listen on 127.0.0.1:{server.port}"):
            EmulatorServer(port=server.port).start()
