"""``System.Security.Cryptography``'s hashing helpers scripts use: the hash
algorithms (SHA1, SHA256, SHA384, SHA512, MD5) with ``Create()``,
``ComputeHash`` and the static ``HashData``; the keyed HMAC classes; and
``RandomNumberGenerator`` (the OS's secure random bytes).  Hashes come from
``hashlib``/``hmac``; inputs convert to byte arrays as pwsh converts them,
and results are byte arrays (``[byte[]]``)."""

from __future__ import annotations

import hashlib
import hmac
import os
from typing import Any, Optional

from .conversions import convert_to_integer
from .errors import ArgumentNullException, ArgumentOutOfRangeException, DotNetException, ObjectDisposedException
from .types import BYTE
from .values import Byte, TypedArray, iter_collection

_NAMESPACE = "System.Security.Cryptography."
# .NET name -> hashlib name
ALGORITHMS = {"SHA1": "sha1", "SHA256": "sha256", "SHA384": "sha384", "SHA512": "sha512", "MD5": "md5"}
_HMAC_BLOCK = {"sha1": 64, "sha256": 64, "sha384": 128, "sha512": 128, "md5": 64}


def byte_array(data: bytes) -> TypedArray:
    return TypedArray([Byte(b) for b in data], BYTE)


def input_bytes(value: Any, name: str = "buffer") -> bytes:
    """A byte[] argument: byte arrays and lists of numbers (each a byte, as
    pwsh converts them); a stream-like object is read to its end."""
    if value is None:
        raise ArgumentNullException(None, param_name=name)
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    reader = getattr(value, "read_all_bytes", None)
    if reader is not None:
        return reader()
    items = iter_collection(value)
    if items is None or isinstance(value, str):
        from .conversions import cast_error
        raise cast_error(value, "System.Byte[]")
    return bytes(convert_to_integer(b, "System.Byte") for b in items)


def _slice(data: bytes, offset: Any, count: Any) -> bytes:
    start, length = convert_to_integer(offset), convert_to_integer(count)
    if start < 0 or length < 0 or start + length > len(data):
        raise ArgumentOutOfRangeException("Offset and length were out of bounds for the array or count is greater "
                                          "than the number of elements from index to the end of the source "
                                          "collection.")
    return data[start:start + length]


class CryptographicException(DotNetException):
    full_name = "System.Security.Cryptography.CryptographicException"


class HashAlgorithm:
    """``SHA256``... (the object ``Create()`` returns): ComputeHash keeps
    the last result in ``Hash``; a disposed one refuses further work."""

    __slots__ = ("algorithm", "net_name", "_hash", "_disposed")
    PS_MEMBERS = {"ComputeHash": "compute_hash", "Hash": "hash", "HashSize": "hash_size",
                  "InputBlockSize": "block_size", "OutputBlockSize": "block_size", "CanReuseTransform": "can_reuse",
                  "CanTransformMultipleBlocks": "can_reuse", "Dispose": "dispose", "Clear": "dispose",
                  "Initialize": "initialize", "ToString": "__str__"}

    def __init__(self, net_name: str) -> None:
        self.net_name = net_name
        self.algorithm = ALGORITHMS[net_name]
        self._hash: Optional[bytes] = None
        self._disposed = False

    @property
    def full_name(self) -> str:
        return f"{_NAMESPACE}{self.net_name}+Implementation"

    @property
    def hash_size(self) -> int:
        return hashlib.new(self.algorithm).digest_size * 8

    @property
    def block_size(self) -> int:
        return 1

    @property
    def can_reuse(self) -> bool:
        return True

    @property
    def hash(self) -> Optional[TypedArray]:
        self._check()
        if self._hash is None:
            raise CryptographicException("Hash must be finalized before the hash value is retrieved.")
        return byte_array(self._hash)

    def _check(self) -> None:
        if self._disposed:
            raise ObjectDisposedException(f"Cannot access a disposed object.\nObject name: '{self.full_name}'.")

    def _digest(self, data: bytes) -> bytes:
        return hashlib.new(self.algorithm, data).digest()

    def compute_hash(self, data: Any, offset: Any = None, count: Any = None) -> TypedArray:
        self._check()
        raw = input_bytes(data)
        if offset is not None:
            raw = _slice(raw, offset, count)
        self._hash = self._digest(raw)
        return byte_array(self._hash)

    def initialize(self) -> None:
        self._hash = None

    def dispose(self) -> None:
        self._disposed = True

    def __str__(self) -> str:
        return self.full_name


class Hmac(HashAlgorithm):
    """``HMACSHA256``...: a hash keyed with ``Key`` (64 random bytes when
    constructed without one, as .NET does)."""

    __slots__ = ("_key",)
    PS_MEMBERS = dict(HashAlgorithm.PS_MEMBERS, Key="key", HashName="hash_name")

    def __init__(self, net_name: str, key: Any = None) -> None:
        super().__init__(net_name)
        self._key = os.urandom(_HMAC_BLOCK[self.algorithm]) if key is None else input_bytes(key, "key")

    @property
    def full_name(self) -> str:
        return f"{_NAMESPACE}HMAC{self.net_name}"

    @property
    def hash_name(self) -> str:
        return self.net_name

    @property
    def key(self) -> TypedArray:
        return byte_array(self._key)

    @key.setter
    def key(self, value: Any) -> None:
        self._key = input_bytes(value, "value")

    def _digest(self, data: bytes) -> bytes:
        return hmac.new(self._key, data, self.algorithm).digest()


class RandomNumberGenerator:
    """``RandomNumberGenerator.Create()``: fills byte arrays from the OS."""

    __slots__ = ()
    full_name = f"{_NAMESPACE}RandomNumberGeneratorImplementation"
    PS_MEMBERS = {"GetBytes": "get_bytes", "GetNonZeroBytes": "get_non_zero_bytes", "Dispose": "dispose",
                  "ToString": "__str__"}

    def get_bytes(self, buffer: Any, offset: Any = None, count: Any = None) -> None:
        _fill(buffer, offset, count, zero=True)

    def get_non_zero_bytes(self, buffer: Any) -> None:
        _fill(buffer, None, None, zero=False)

    def dispose(self) -> None:
        return None

    def __str__(self) -> str:
        return self.full_name


def _fill(buffer: Any, offset: Any, count: Any, zero: bool) -> None:
    if buffer is None:
        raise ArgumentNullException(None, param_name="data")
    if not isinstance(buffer, list):
        from .conversions import cast_error
        raise cast_error(buffer, "System.Byte[]")
    start = 0 if offset is None else convert_to_integer(offset)
    length = len(buffer) - start if count is None else convert_to_integer(count)
    for i in range(start, start + length):
        value = os.urandom(1)[0]
        while not zero and value == 0:
            value = os.urandom(1)[0]
        buffer[i] = Byte(value)


def algorithm_statics(net_name: str) -> dict[str, tuple[str, Any, bool]]:
    """``[Security.Cryptography.SHA256]::Create()`` and ``::HashData(bytes)``."""
    algorithm = ALGORITHMS[net_name]
    size = hashlib.new(algorithm).digest_size
    return {
        "create": ("Create", lambda *name: HashAlgorithm(net_name), True),
        "hashdata": ("HashData", lambda data: byte_array(hashlib.new(algorithm, input_bytes(data, "source"))
                                                         .digest()), True),
        "hashsizeinbits": ("HashSizeInBits", lambda: size * 8, False),
        "hashsizeinbytes": ("HashSizeInBytes", lambda: size, False),
    }


def hmac_statics(net_name: str) -> dict[str, tuple[str, Any, bool]]:
    """``[Security.Cryptography.HMACSHA256]::HashData(key, data)``."""
    algorithm = ALGORITHMS[net_name]
    return {"hashdata": ("HashData", lambda key, data: byte_array(hmac.new(
        input_bytes(key, "key"), input_bytes(data, "source"), algorithm).digest()), True)}


def random_statics() -> dict[str, tuple[str, Any, bool]]:
    """``[Security.Cryptography.RandomNumberGenerator]::GetBytes(n)``, ``GetInt32``, ``Create()``."""
    import secrets

    def get_int32(first: Any, second: Any = None) -> int:
        low, high = (0, convert_to_integer(first)) if second is None else \
            (convert_to_integer(first), convert_to_integer(second))
        if low >= high:
            raise ArgumentOutOfRangeException("Range of random number does not contain at least one possibility.",
                                              param_name="toExclusive")
        return low + secrets.randbelow(high - low)

    def get_bytes(count: Any) -> TypedArray:
        n = convert_to_integer(count)
        if n < 0:
            raise ArgumentOutOfRangeException(f"count ('{n}') must be a non-negative value.", param_name="count")
        return byte_array(os.urandom(n))

    return {"create": ("Create", lambda *name: RandomNumberGenerator(), True),
            "getbytes": ("GetBytes", get_bytes, True), "getint32": ("GetInt32", get_int32, True),
            "gethexstring": ("GetHexString", lambda n, lower=False: (
                lambda t: t.lower() if lower else t)(os.urandom((convert_to_integer(n) + 1) // 2).hex().upper()
                                                    [:convert_to_integer(n)]), True)}
