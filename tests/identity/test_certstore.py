"""Certificates by thumbprint in our store and .NET's, PEM and PFX."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from pwshlike.identity import paths
from pwshlike.identity.certstore import add_pfx, find_certificate, normalize_thumbprint
from pwshlike.identity.errors import IdentityError

from .conftest import make_certificate, thumbprint_of


def key_pem(key, password: bytes = b"") -> bytes:
    encryption = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, encryption)


def cert_pem(certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def pfx(key, certificate, password: bytes = b"") -> bytes:
    encryption = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    return pkcs12.serialize_key_and_certificates(b"test", key, certificate, None, encryption)


@pytest.fixture
def stores(home):
    ours, dotnet = paths.certificate_store_dirs()
    os.makedirs(ours)
    os.makedirs(dotnet)
    return ours, dotnet


def write(folder: str, name: str, data: bytes) -> str:
    path = os.path.join(folder, name)
    with open(path, "wb") as handle:
        handle.write(data)
    return path


def assert_credential(found: dict, key, certificate) -> None:
    assert found["thumbprint"] == thumbprint_of(certificate)
    assert found["public_certificate"] == cert_pem(certificate).decode()
    loaded = serialization.load_pem_private_key(found["private_key"].encode(), None)
    assert loaded.private_numbers() == key.private_numbers()


def test_thumbprints_ignore_case_spaces_colons_and_direction_marks():
    value = "ab:cd ef" + "0" * 34
    assert normalize_thumbprint("\u200e" + value) == ("ABCDEF" + "0" * 34)
    with pytest.raises(IdentityError) as caught:
        normalize_thumbprint("not-a-thumbprint")
    assert caught.value.code == "InvalidThumbprint" and caught.value.category == "InvalidArgument"


def test_a_pem_with_its_key_in_the_same_file(stores, certificate):
    key, cert = certificate
    write(stores[0], "mine.pem", cert_pem(cert) + key_pem(key))
    lower_spaced = " ".join(thumbprint_of(cert).lower()[i:i + 2] for i in range(0, 40, 2))
    assert_credential(find_certificate(lower_spaced), key, cert)


def test_a_crt_with_its_key_beside_it_in_the_dotnet_store(stores, certificate):
    key, cert = certificate
    write(stores[1], "app.crt", cert_pem(cert))
    write(stores[1], "app.key", key_pem(key))
    assert_credential(find_certificate(thumbprint_of(cert)), key, cert)


def test_a_pfx_without_a_password(stores, certificate):
    key, cert = certificate
    write(stores[1], f"{thumbprint_of(cert)}.pfx", pfx(key, cert))
    assert_credential(find_certificate(thumbprint_of(cert)), key, cert)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_a_pfx_with_an_empty_password(stores, certificate, tmp_path):
    key, cert = certificate
    write(str(tmp_path), "c.pem", cert_pem(cert))
    write(str(tmp_path), "k.pem", key_pem(key))
    subprocess.run(["openssl", "pkcs12", "-export", "-passout", "pass:", "-in", str(tmp_path / "c.pem"),
                    "-inkey", str(tmp_path / "k.pem"), "-out", os.path.join(stores[0], "empty.p12")],
                   check=True, capture_output=True)
    assert_credential(find_certificate(thumbprint_of(cert)), key, cert)


def test_the_thumbprint_is_computed_not_read_from_the_file_name(stores, certificate):
    key, cert = certificate
    other_key, other = make_certificate("impostor")
    write(stores[0], f"{thumbprint_of(cert)}.pfx", pfx(other_key, other))  # misleading name
    write(stores[1], "renamed.p12", pfx(key, cert))
    assert_credential(find_certificate(thumbprint_of(cert)), key, cert)
    assert_credential(find_certificate(thumbprint_of(other)), other_key, other)


def test_ours_is_searched_first(stores, certificate):
    key, cert = certificate
    write(stores[1], "dotnet.pem", cert_pem(cert) + key_pem(key))
    write(stores[0], "ours.pfx", pfx(key, cert))
    assert find_certificate(thumbprint_of(cert))["thumbprint"] == thumbprint_of(cert)


def test_not_found_names_every_folder_searched(stores):
    ours, dotnet = stores
    with pytest.raises(IdentityError) as caught:
        find_certificate("A" * 40)
    error = caught.value
    assert (error.code, error.category) == ("CertificateNotFound", "ObjectNotFound")
    assert ours in error.message and dotnet in error.message and "A" * 40 in error.message


def test_missing_folders_are_named_too(home):
    with pytest.raises(IdentityError) as caught:
        find_certificate("B" * 40)
    assert caught.value.message.count("(which does not exist)") == 2


def test_a_certificate_without_its_key_and_locked_files(stores, certificate):
    key, cert = certificate
    write(stores[0], "public-only.cer", cert.public_bytes(serialization.Encoding.DER))
    locked = write(stores[1], "locked.pfx", pkcs12.serialize_key_and_certificates(
        b"t", key, cert, None, serialization.BestAvailableEncryption(b"pw")))
    with pytest.raises(IdentityError) as caught:
        find_certificate(thumbprint_of(cert))
    assert "without its private key" in caught.value.message and "public-only.cer" in caught.value.message
    assert locked in caught.value.message and "need a password" in caught.value.message


def test_a_key_that_does_not_match_is_not_used(stores, certificate):
    _, cert = certificate
    other_key, _ = make_certificate("other")
    write(stores[0], "mismatch.pem", cert_pem(cert) + key_pem(other_key))
    with pytest.raises(IdentityError, match="without its private key"):
        find_certificate(thumbprint_of(cert))


def test_add_pfx_writes_a_private_file_in_our_store(home, certificate):
    key, cert = certificate
    thumbprint = add_pfx(pfx(key, cert))
    assert thumbprint == thumbprint_of(cert)
    path = os.path.join(paths.certificate_store_dirs()[0], f"{thumbprint}.pfx")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700
    assert_credential(find_certificate(thumbprint), key, cert)
    with pytest.raises(IdentityError) as caught:
        add_pfx(b"not a pfx")
    assert caught.value.code == "InvalidCertificate"
