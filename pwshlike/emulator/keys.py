"""RSA keys and X.509 certificates, the few shapes the emulator needs.

The CA, the TLS server certificate, the token-signing key and the seeded
application's certificate are all made here, so that one module knows how
``cryptography`` is called.  ``cryptography`` is imported inside the
functions: importing the emulator package must stay cheap.
"""

from __future__ import annotations

import base64
import datetime
from typing import Any, Optional


def new_rsa_key(bits: int = 2048) -> Any:
    """A fresh RSA private key (2048 bits: what Azure AD itself signs with)."""
    from cryptography.hazmat.primitives.asymmetric import rsa
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def key_to_pem(key: Any) -> str:
    """PKCS#8 PEM without encryption: the key files are protected by mode 0600."""
    from cryptography.hazmat.primitives import serialization
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode("ascii")


def key_from_pem(pem: str) -> Any:
    from cryptography.hazmat.primitives import serialization
    return serialization.load_pem_private_key(pem.encode("ascii"), password=None)


def certificate_to_pem(certificate: Any) -> str:
    from cryptography.hazmat.primitives import serialization
    return certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


def certificate_from_pem(pem: str) -> Any:
    from cryptography import x509
    return x509.load_pem_x509_certificate(pem.encode("ascii"))


def _name(common_name: str) -> Any:
    from cryptography import x509
    from cryptography.x509.oid import NameOID
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def self_signed_certificate(key: Any, common_name: str, days: int, ca: bool = False) -> Any:
    """A self-signed certificate for ``key``; ``ca`` makes it a certificate
    authority that may sign server certificates (and nothing below them)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    now = _now()
    builder = (x509.CertificateBuilder()
               .subject_name(_name(common_name)).issuer_name(_name(common_name))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=5))
               .not_valid_after(now + datetime.timedelta(days=days))
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False))
    if ca:
        builder = (builder
                   .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                   .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                                content_commitment=False, key_encipherment=False,
                                                data_encipherment=False, key_agreement=False,
                                                encipher_only=False, decipher_only=False), critical=True))
    else:
        builder = builder.add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
    return builder.sign(key, hashes.SHA256())


def server_certificate(key: Any, ca_key: Any, ca_certificate: Any, hosts: list[str], days: int) -> Any:
    """A TLS server certificate for ``hosts`` (IP addresses or DNS names),
    issued by the CA: clients verify it against exactly that CA."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import ExtendedKeyUsageOID
    names: list[Any] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    now = _now()
    return (x509.CertificateBuilder()
            .subject_name(_name(hosts[0])).issuer_name(ca_certificate.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))


def expires_within(certificate: Any, seconds: float) -> bool:
    """True when ``certificate`` is no longer valid ``seconds`` from now."""
    return certificate.not_valid_after_utc <= _now() + datetime.timedelta(seconds=seconds)


def sha1_thumbprint(certificate: Any) -> str:
    """The thumbprint Windows and the Partner Center module show: SHA-1, upper-case hex."""
    from cryptography.hazmat.primitives import hashes
    return certificate.fingerprint(hashes.SHA1()).hex().upper()


def b64url(data: bytes) -> str:
    """Unpadded base64url, the encoding of every JWT part and of x5t."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def pfx_bytes(key: Any, certificate: Any, friendly_name: Optional[str] = None) -> bytes:
    """PKCS#12 without a password, as the .NET store keeps a CurrentUser\\My
    certificate with its private key."""
    from cryptography.hazmat.primitives.serialization import NoEncryption, pkcs12
    name = friendly_name.encode("utf-8") if friendly_name else None
    return pkcs12.serialize_key_and_certificates(name, key, certificate, None, NoEncryption())


