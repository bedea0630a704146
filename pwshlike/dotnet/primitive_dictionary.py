"""``[psprimitivedictionary]`` (System.Management.Automation.
PSPrimitiveDictionary): a hashtable that takes only string keys and
values remoting can fully serialize (pwsh's fixed list of
"handshake-friendly" types, arrays of them and nested dictionaries of
its own kind), refusing anything else with pwsh's ArgumentException."""

from __future__ import annotations

from typing import Any

from .errors import ArgumentException
from .values import ArrayList, Hashtable, TypedArray

_FRIENDLY = frozenset((
    "System.Boolean", "System.Byte", "System.Char", "System.DateTime", "System.Decimal", "System.Double",
    "System.Guid", "System.Int32", "System.Int64", "System.SByte", "System.Single", "System.String",
    "System.TimeSpan", "System.UInt16", "System.UInt32", "System.UInt64", "System.Uri", "System.Byte[]",
    "System.Version", "System.Management.Automation.ProgressRecord", "System.Xml.XmlDocument",
    "System.Management.Automation.PSPrimitiveDictionary"))


class PSPrimitiveDictionary(Hashtable):
    """Every write goes through ``__setitem__`` or ``add``, which check the key and value first."""

    __slots__ = ()
    full_name = "System.Management.Automation.PSPrimitiveDictionary"

    def __init__(self, other: Any = None) -> None:
        super().__init__()
        if other is not None:
            for key, value in other.items():
                self[key] = value

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(_verify_key(key), _verify_value(value))

    def add(self, key: Any, value: Any) -> bool:
        return super().add(_verify_key(key), _verify_value(value))


def _verify_key(key: Any) -> str:
    if not isinstance(key, str):
        from .types import type_of
        raise ArgumentException(f"The key type {type_of(key).full_name} is not valid. The PSPrimitiveDictionary "
                                "class accepts only keys of the type System.String.")
    return key


def _verify_value(value: Any) -> Any:
    if value is None:
        return value
    from .types import type_of
    name = type_of(value).full_name
    if name in _FRIENDLY:
        return value
    if isinstance(value, (list, tuple, TypedArray, ArrayList)):
        for item in value:
            _verify_value(item)
        return value
    raise ArgumentException(f"The type of the value {name} is not valid. The PSPrimitiveDictionary class accepts "
                            "only values of types that are fully serializable over PowerShell remoting. See the "
                            "Help topic about_Remoting for a list of fully-serializable types.")
