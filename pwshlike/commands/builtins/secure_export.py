"""The text forms ConvertFrom-SecureString writes and ConvertTo-SecureString
reads.

With ``-Key``/``-SecureKey`` the format is pwsh's own, so strings move
between pwsh and pwshlike: AES-CBC with PKCS7 padding over the UTF-16LE
text, packaged as ``76492d1116743f0423413b16050a5345`` followed by the
base64 of the UTF-16LE string ``2|<base64 IV>|<hex ciphertext>``.

Without a key pwsh on Windows uses DPAPI (current-user encryption); pwsh on
Linux has no DPAPI and writes the text merely hex-encoded.  pwshlike keeps
the output encrypted, as DPAPI would: it uses AES-256-GCM with a random key
created once per user in ``$XDG_DATA_HOME/pwshlike/securestring.key``
(``~/.local/share/...`` by default; mode 0600), and writes the hex of
``PWSL`` + version byte 1 + 12-byte nonce + ciphertext and tag.  Only the
same user on the same machine can read it back.  Reading also accepts
pwsh-on-Linux's plain hex form, so strings exported there import here.
"""

from __future__ import annotations

import base64
import binascii
import os
from typing import Optional

from pwshlike.dotnet.errors import ArgumentException, SystemException

EXPORT_HEADER = "76492d1116743f0423413b16050a5345"
_MAGIC = b"PWSL\x01"
_NONCE_SIZE = 12
_KEY_SIZES = (16, 24, 32)


class CryptographicException(SystemException):
    """``System.Security.Cryptography.CryptographicException``."""

    full_name = "System.Security.Cryptography.CryptographicException"
    default_message = "Error occurred during a cryptographic operation."


class InvalidEncryptedString(ArgumentException):
    """The input is not in any of the formats above (the message never
    repeats the input, which may be a secret)."""


def check_key(key: bytes) -> None:
    """pwsh's key check: AES keys of 128, 192 or 256 bits."""
    if len(key) not in _KEY_SIZES:
        raise ArgumentException("The specified key is not valid. Valid key length settings are either 128 bits, "
                                "192 bits, or 256 bits.")


# --- with a key (pwsh's format) ------------------------------------------------------

def encrypt_with_key(text: str, key: bytes) -> str:
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    check_key(key)
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    data = padder.update(text.encode("utf-16-le")) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    cipher_text = encryptor.update(data) + encryptor.finalize()
    package = f"2|{base64.b64encode(iv).decode('ascii')}|{cipher_text.hex()}"
    return EXPORT_HEADER + base64.b64encode(package.encode("utf-16-le")).decode("ascii")


def decrypt_with_key(exported: str, key: bytes) -> str:
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    check_key(key)
    cipher_hex, iv = _unpack(exported)
    if iv is None:
        # pwsh decrypts an unpackaged string with a fresh random IV; the result is never the text.
        iv = os.urandom(16)
    cipher_text = _from_hex(cipher_hex)
    try:
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        padded = decryptor.update(cipher_text) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        data = unpadder.update(padded) + unpadder.finalize()
    except ValueError:
        raise CryptographicException("Padding is invalid and cannot be removed.") from None
    return _from_utf16(data)


def _unpack(exported: str) -> tuple[str, Optional[bytes]]:
    """The hex ciphertext and IV of a V2 package; the whole string and no IV
    for anything else, as pwsh does."""
    if not exported.lower().startswith(EXPORT_HEADER):
        return exported, None
    try:
        package = base64.b64decode(exported[len(EXPORT_HEADER):], validate=True).decode("utf-16-le")
        parts = package.split("|")
        if len(parts) == 3:
            return parts[2], base64.b64decode(parts[1], validate=True)
    except (binascii.Error, UnicodeDecodeError):
        pass
    return exported, None


# --- without a key (per-user protection) --------------------------------------------

def protect(text: str) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    nonce = os.urandom(_NONCE_SIZE)
    sealed = AESGCM(_user_key(create=True)).encrypt(nonce, text.encode("utf-16-le"), _MAGIC)
    return (_MAGIC + nonce + sealed).hex()


def unprotect(exported: str) -> str:
    data = _from_hex(exported)
    if not data.startswith(_MAGIC):
        # pwsh on Linux: the UTF-16LE text, hex-encoded.
        return _from_utf16(data)
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    key = _user_key(create=False)
    body = data[len(_MAGIC):]
    nonce, sealed = body[:_NONCE_SIZE], body[_NONCE_SIZE:]
    try:
        if key is None:
            raise InvalidTag()
        plain = AESGCM(key).decrypt(nonce, sealed, _MAGIC)
    except InvalidTag:
        raise CryptographicException("Key not valid for use in specified state.") from None
    return _from_utf16(plain)


def key_file() -> str:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "pwshlike", "securestring.key")


def _user_key(create: bool) -> Optional[bytes]:
    path = key_file()
    try:
        with open(path, "rb") as handle:
            key = handle.read()
        if len(key) == 32:
            return key
    except FileNotFoundError:
        pass
    if not create:
        return None
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    key = os.urandom(32)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(key)
    return key


def _from_hex(text: str) -> bytes:
    if len(text) % 2:
        raise InvalidEncryptedString("The encrypted string is not valid: its length must be even.")
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise InvalidEncryptedString("The encrypted string is not valid: it must be hexadecimal.") from None


def _from_utf16(data: bytes) -> str:
    if len(data) % 2:
        raise ArgumentException("The specified key is not valid.")
    return data.decode("utf-16-le", errors="replace")
