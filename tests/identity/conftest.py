"""Fixtures for the identity service's tests: a private home (XDG folders
and HOME, so no test reads or writes the developer's token cache or
certificate stores), a UI that records what the service says, a fake Azure
AD behind httpx.MockTransport, and certificates made with cryptography."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any, Iterator

import pytest

from .fake_aad import AUTHORITY, FakeAAD


class RecordingUI:
    """The service's UI: every message, by stream."""

    command = "New-PartnerAccessToken"

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.verbose_lines: list[str] = []
        self.debug_lines: list[str] = []

    def warning(self, text: str) -> None:
        self.warnings.append(text)

    def verbose(self, text: str) -> None:
        self.verbose_lines.append(text)

    def debug(self, text: str) -> None:
        self.debug_lines.append(text)

    def everything(self) -> str:
        return "\n".join(self.warnings + self.verbose_lines + self.debug_lines)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        monkeypatch.setenv(variable, str(tmp_path / variable.lower()))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for variable in ("PWSHLIKE_TOKEN_CACHE", "BROWSER", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(variable, raising=False)
    return tmp_path


@pytest.fixture
def ui() -> RecordingUI:
    return RecordingUI()


def make_certificate(common_name: str = "pwshlike test") -> tuple[Any, Any]:
    """An RSA key and a self-signed certificate for it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
                   .not_valid_after(now + datetime.timedelta(days=30)).sign(key, hashes.SHA256()))
    return key, certificate


def thumbprint_of(certificate: Any) -> str:
    from cryptography.hazmat.primitives import hashes
    return certificate.fingerprint(hashes.SHA1()).hex().upper()


@pytest.fixture(scope="session")
def certificate() -> tuple[Any, Any]:
    return make_certificate()


@pytest.fixture
def aad(certificate) -> FakeAAD:
    from cryptography.hazmat.primitives import serialization
    return FakeAAD(certificate[1].public_bytes(serialization.Encoding.PEM))


@pytest.fixture
def cloud() -> Any:
    from pwshlike.identity.environments import CloudEnvironment
    return CloudEnvironment("PartnerCenter", "Fake", {"ActiveDirectoryAuthority": AUTHORITY},
                            resources={"Graph": "https://graph.microsoft.com"}, instance_discovery=False)


@pytest.fixture
def service(home, aad) -> Iterator[Any]:
    from pwshlike.identity.service import IdentityService
    svc = IdentityService(transport_factory=aad.transport)
    yield svc
    svc.close()
