"""Certificates by thumbprint: the CurrentUser\\My store of a Linux machine.

Windows finds ``-CertificateThumbprint`` in the user's certificate store;
here the store is a folder of files, searched in order:

1. ``$XDG_DATA_HOME/pwshlike/x509stores/my`` (ours: :func:`add_pfx` writes
   here, the emulator places its application's certificate here);
2. ``~/.dotnet/corefx/cryptography/x509stores/my``, where .NET keeps
   CurrentUser\\My on Linux (PowerShell's own certificates); read, never written.

A file is a PFX/PKCS#12 (``.pfx``, ``.p12``; no password, or an empty one,
as .NET writes them) or PEM (``.pem``, ``.crt``, ``.cer``: the private key in
the same file or in a ``.key`` file with the same stem; ``.cer`` may be DER).
The SHA-1 thumbprint is computed from each certificate, never taken from a
file name, and the private key must match the certificate.

cryptography is imported only when a certificate is looked for.
"""

from __future__ import annotations

import os
import re
from typing import Any, Iterator, Optional

from . import paths
from .errors import IdentityError

__all__ = ["normalize_thumbprint", "find_certificate", "find_thumbprint_by_subject", "load_certificate_file",
           "add_pfx"]

_PFX = (".pfx", ".p12")
_PEM = (".pem", ".crt", ".cer")
# What copying a thumbprint from a certificate dialog brings along: spaces,
# colons and invisible direction marks.
_IGNORED = re.compile(r"[\s:\u200e\u200f\u200b\ufeff]")


def normalize_thumbprint(value: str) -> str:
    """A thumbprint as 40 upper-case hex digits; case, spaces and colons
    do not matter.  Raises IdentityError 'InvalidThumbprint' otherwise."""
    cleaned = _IGNORED.sub("", value or "").upper()
    if not re.fullmatch(r"[0-9A-F]{40}", cleaned):
        raise IdentityError(f"'{value}' is not a certificate thumbprint: a thumbprint is the certificate's SHA-1 "
                            f"hash, 40 hexadecimal digits.", code="InvalidThumbprint", category="InvalidArgument")
    return cleaned


def _thumbprint(certificate: Any) -> str:
    from cryptography.hazmat.primitives import hashes
    return certificate.fingerprint(hashes.SHA1()).hex().upper()


def _key_matches(key: Any, certificate: Any) -> bool:
    from cryptography.hazmat.primitives import serialization
    fmt = serialization.PublicFormat.SubjectPublicKeyInfo
    enc = serialization.Encoding.DER
    return key.public_key().public_bytes(enc, fmt) == certificate.public_key().public_bytes(enc, fmt)


def _read(path: str) -> Optional[bytes]:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _load_pfx(data: bytes) -> Optional[tuple[Any, Any]]:
    """(key, certificate) of a PFX opened without a password (or with an
    empty one); None when it needs a real password or is not a PFX."""
    from cryptography.hazmat.primitives.serialization import pkcs12
    for password in (None, b""):
        try:
            key, certificate, _ = pkcs12.load_key_and_certificates(data, password)
        except (ValueError, TypeError):
            continue
        return key, certificate
    return None


def _pem_certificates(data: bytes) -> list[Any]:
    from cryptography import x509
    try:
        return list(x509.load_pem_x509_certificates(data))
    except ValueError:
        try:
            return [x509.load_der_x509_certificate(data)]
        except ValueError:
            return []


def _pem_key(data: bytes) -> tuple[Optional[Any], bool]:
    """(private key, needs a password) from PEM data holding one."""
    from cryptography.hazmat.primitives import serialization
    if b"PRIVATE KEY-----" not in data:
        return None, False
    blocks = re.findall(rb"-----BEGIN [A-Z ]*PRIVATE KEY-----.+?-----END [A-Z ]*PRIVATE KEY-----", data, re.S)
    for block in blocks:
        try:
            return serialization.load_pem_private_key(block, password=None), False
        except TypeError:  # encrypted
            return None, True
        except ValueError:
            continue
    return None, False


def _credential(key: Any, certificate: Any) -> dict[str, str]:
    from cryptography.hazmat.primitives import serialization
    return {
        "private_key": key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption()).decode("ascii"),
        "thumbprint": _thumbprint(certificate),
        "public_certificate": certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"),
    }


def _store_files() -> Iterator[tuple[str, bool, bytes]]:
    """Every readable PFX or PEM file of the stores, ours first, in name
    order: (path, whether it is a PFX, its bytes)."""
    for folder in paths.certificate_store_dirs():
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            path = os.path.join(folder, name)
            extension = os.path.splitext(name)[1].lower()
            if extension not in _PFX + _PEM or not os.path.isfile(path):
                continue
            data = _read(path)
            if data is not None:
                yield path, extension in _PFX, data


def find_certificate(thumbprint: str) -> dict[str, str]:
    """The certificate with this SHA-1 thumbprint and its private key, as
    msal's ``client_credential`` wants them: ``private_key`` (PEM),
    ``thumbprint`` (hex) and ``public_certificate`` (PEM).

    Raises IdentityError 'CertificateNotFound' (ObjectNotFound) naming
    every folder searched, and the files that could not be opened without a
    password.
    """
    wanted = normalize_thumbprint(thumbprint)
    folders = paths.certificate_store_dirs()
    locked: list[str] = []
    without_key: list[str] = []
    for path, is_pfx, data in _store_files():
        if is_pfx:
            loaded = _load_pfx(data)
            if loaded is None:
                locked.append(path)
                continue
            key, certificate = loaded
            if certificate is None or _thumbprint(certificate) != wanted:
                continue
            if key is not None and _key_matches(key, certificate):
                return _credential(key, certificate)
            without_key.append(path)
            continue
        for certificate in _pem_certificates(data):
            if _thumbprint(certificate) != wanted:
                continue
            key, encrypted = _pem_key(data)
            if key is None and not encrypted:
                sibling = _read(os.path.splitext(path)[0] + ".key")
                if sibling is not None:
                    key, encrypted = _pem_key(sibling)
            if key is not None and _key_matches(key, certificate):
                return _credential(key, certificate)
            (locked if encrypted else without_key).append(path)
    searched = " and ".join(f"'{folder}'" + ("" if os.path.isdir(folder) else " (which does not exist)")
                            for folder in folders)
    if without_key:
        message = (f"The certificate with thumbprint {wanted} was found ({', '.join(without_key)}) but without its "
                   f"private key. Searched {searched}. Put the key in the same PEM file, in a .key file beside it, "
                   f"or use a PFX file holding both.")
    else:
        message = (f"No certificate with thumbprint {wanted} was found in {searched}. Place it there as a PFX file "
                   f"without a password, or as a PEM file with its private key.")
    if locked:
        message += f" These files need a password and were skipped: {', '.join(locked)}."
    raise IdentityError(message, code="CertificateNotFound", category="ObjectNotFound")


def _subject_matches(certificate: Any, wanted: str) -> bool:
    """Connect-MgGraph -CertificateSubjectName: the whole distinguished name
    ('CN=app, O=Contoso', in .NET's spelling, spaces after commas optional)
    or just the common name ('app'), case-insensitively."""
    from cryptography.x509.oid import NameOID
    subject = certificate.subject
    names = {re.sub(r",\s*", ",", subject.rfc4514_string()).lower()}
    names.update(str(a.value).lower() for a in subject.get_attributes_for_oid(NameOID.COMMON_NAME))
    low = re.sub(r",\s*", ",", wanted.strip()).lower()
    return low in names or (low.startswith("cn=") and low[3:] in names)


def find_thumbprint_by_subject(subject: str) -> str:
    """The thumbprint of the store's certificate with this subject that is
    valid now, the most recently issued when several are, as the Graph SDK
    chooses; IdentityError 'CertificateNotFound' when there is none."""
    import datetime
    now = datetime.datetime.now(datetime.timezone.utc)
    found: list[Any] = []
    for _path, is_pfx, data in _store_files():
        if is_pfx:
            loaded = _load_pfx(data)
            certificates = [loaded[1]] if loaded is not None and loaded[1] is not None else []
        else:
            certificates = _pem_certificates(data)
        found.extend(c for c in certificates if _subject_matches(c, subject)
                     and c.not_valid_before_utc <= now <= c.not_valid_after_utc)
    if not found:
        raise IdentityError(f"No certificate valid now with the subject '{subject}' was found in "
                            f"{' and '.join(repr(f) for f in paths.certificate_store_dirs())}.",
                            code="CertificateNotFound", category="ObjectNotFound")
    return _thumbprint(max(found, key=lambda c: c.not_valid_before_utc))


def load_certificate_file(path: str) -> dict[str, str]:
    """The certificate and key of one file outside the store (PFX without a
    password, or PEM holding both), as :func:`find_certificate` returns
    them: AZURE_CLIENT_CERTIFICATE_PATH's file."""
    data = _read(path)
    if data is None:
        raise IdentityError(f"Cannot read the certificate file '{path}'.", code="CertificateNotFound",
                            category="ObjectNotFound")
    if os.path.splitext(path)[1].lower() in _PFX:
        loaded = _load_pfx(data)
        key, certificate = loaded if loaded is not None else (None, None)
    else:
        certificates = _pem_certificates(data)
        certificate = certificates[0] if certificates else None
        key = _pem_key(data)[0]
    if certificate is None or key is None or not _key_matches(key, certificate):
        raise IdentityError(f"'{path}' does not hold a certificate with its private key (a PFX without a password, "
                            f"or a PEM file with both).", code="InvalidCertificate", category="InvalidData")
    return _credential(key, certificate)


def add_pfx(data: bytes) -> str:
    """Stores a PFX (no password) in our store as ``<THUMBPRINT>.pfx``
    (mode 0600, folder 0700) and returns the thumbprint."""
    loaded = _load_pfx(data)
    if loaded is None or loaded[1] is None:
        raise IdentityError("The data is not a PFX (PKCS#12) file with a certificate that opens without a password.",
                            code="InvalidCertificate", category="InvalidData")
    thumbprint = _thumbprint(loaded[1])
    folder = paths.certificate_store_dirs()[0]
    paths.write_private_file(os.path.join(folder, f"{thumbprint}.pfx"), data)
    os.chmod(folder, 0o700)
    return thumbprint
