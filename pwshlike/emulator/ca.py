"""The emulator's certificate authority and its TLS server certificate.

The CA lives in ``emulator_data_dir()`` (``ca.pem``, ``ca-key.pem`` 0600)
and is reused across runs, so that a person imports it into a browser once
and every later emulator is trusted there.  Clients trust exactly this CA for
the Emulator environment (``CACertificatePath``); nothing ever turns TLS
verification off.  The server certificate (127.0.0.1 and localhost) is kept
beside it and reissued when it is missing, close to expiry, or signed by a CA
that has since been replaced.

To trust the emulator in a browser, import ``ca.pem`` as an authority: in
Chromium on Linux, ``certutil -d sql:$HOME/.pki/nssdb -A -t C,,
-n pwshlike-emulator -i ca.pem`` (creating that database first if it does not
exist); in Firefox, its certificate settings (docs/identity.md says how).
Trusting it means trusting whoever can read ``ca-key.pem`` (this user
only: mode 0600), which is why the key never leaves that directory.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from dataclasses import dataclass
from typing import Any, Iterator

from ..identity import paths
from .keys import (
    certificate_from_pem, certificate_to_pem, expires_within, key_from_pem, key_to_pem, new_rsa_key,
    self_signed_certificate, server_certificate)

CA_COMMON_NAME = "pwshlike Azure AD emulator CA"
SERVER_HOSTS = ["127.0.0.1", "localhost"]
_CA_DAYS = 3650
_SERVER_DAYS = 397          # the longest lifetime browsers accept for a server certificate
_RENEW_BEFORE = 7 * 86400   # reissue a week before expiry rather than fail mid-run


@dataclass(frozen=True)
class TlsFiles:
    """Paths uvicorn loads, and the CA bundle clients are told to trust."""
    ca_certificate: str
    server_certificate: str
    server_key: str


def _read(path: str) -> str:
    with open(path, encoding="ascii") as stream:
        return stream.read()


def _load_ca(directory: str) -> tuple[Any, Any] | None:
    certificate_path = os.path.join(directory, "ca.pem")
    key_path = os.path.join(directory, "ca-key.pem")
    try:
        certificate = certificate_from_pem(_read(certificate_path))
        key = key_from_pem(_read(key_path))
    except (OSError, ValueError):
        return None
    if expires_within(certificate, _RENEW_BEFORE):
        return None
    return key, certificate


def _server_is_current(directory: str, ca_key: Any) -> bool:
    """The kept server certificate still serves: readable, not expiring,
    issued by the current CA (whose key verifies its signature), and kept
    with that CA as its chain."""
    from cryptography.hazmat.primitives.asymmetric import padding
    from cryptography import x509
    try:
        chain = x509.load_pem_x509_certificates(_read(os.path.join(directory, "server.pem")).encode("ascii"))
        key_from_pem(_read(os.path.join(directory, "server-key.pem")))
        certificate = chain[0]
        ca_key.public_key().verify(certificate.signature, certificate.tbs_certificate_bytes,
                                   padding.PKCS1v15(), certificate.signature_hash_algorithm)
    except Exception:  # unreadable, malformed, or signed by another key: reissue
        return False
    if len(chain) != 2 or chain[1].public_key().public_numbers() != ca_key.public_key().public_numbers():
        return False   # not the full chain a pinning browser needs
    return not expires_within(certificate, _RENEW_BEFORE)


@contextlib.contextmanager
def _locked(directory: str) -> Iterator[None]:
    """Two emulators starting at once (a test run, a Start-Job child) must not
    both create a CA and leave each other's server certificate unverifiable."""
    with open(os.path.join(directory, ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def ensure_tls_files() -> TlsFiles:
    """Make sure the CA and a server certificate exist and are valid; create
    what is missing.  Returns where they are."""
    directory = paths.emulator_data_dir()
    os.makedirs(directory, mode=0o700, exist_ok=True)
    with _locked(directory):
        return _ensure(directory)


def _ensure(directory: str) -> TlsFiles:
    loaded = _load_ca(directory)
    if loaded is None:
        ca_key = new_rsa_key()
        ca_certificate = self_signed_certificate(ca_key, CA_COMMON_NAME, _CA_DAYS, ca=True)
        paths.write_private_file(os.path.join(directory, "ca-key.pem"), key_to_pem(ca_key).encode())
        # The CA certificate is public: world-readable so a browser's trust store tools can read it.
        paths.write_private_file(os.path.join(directory, "ca.pem"),
                                 certificate_to_pem(ca_certificate).encode())
        os.chmod(os.path.join(directory, "ca.pem"), 0o644)
    else:
        ca_key, ca_certificate = loaded
    files = TlsFiles(os.path.join(directory, "ca.pem"), os.path.join(directory, "server.pem"),
                     os.path.join(directory, "server-key.pem"))
    if loaded is None or not _server_is_current(directory, ca_key):
        server_key = new_rsa_key()
        certificate = server_certificate(server_key, ca_key, ca_certificate, SERVER_HOSTS, _SERVER_DAYS)
        paths.write_private_file(files.server_key, key_to_pem(server_key).encode())
        # The chain, not the leaf alone: a browser that pins the CA's key
        # (--ignore-certificate-errors-spki-list) sees it in the handshake.
        chain = certificate_to_pem(certificate) + certificate_to_pem(ca_certificate)
        paths.write_private_file(files.server_certificate, chain.encode())
    return files
