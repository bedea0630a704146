"""Parameter type converters, resolved lazily.

A command's metadata names its parameter types as text; resolving them
through the engine's type table is deferred to the first conversion so that
registering many commands costs nothing at start-up.
"""

from __future__ import annotations

from typing import Any, Optional

_UNTYPED = frozenset(("object", "psobject", "system.object", "system.management.automation.psobject",
                      "switchparameter", "switch", "system.management.automation.switchparameter"))
_UNTYPED_ARRAYS = frozenset(("object[]", "psobject[]", "system.object[]"))


class TypeConverter:
    """Converts bound arguments to one parameter type (callable), and tells
    whether a value already has that type (``is_instance``), which the
    binder's no-coercion passes need."""

    __slots__ = ("type_name", "_type")

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name
        self._type: Any = None

    @property
    def pstype(self) -> Any:
        if self._type is None:
            from pwshlike.dotnet.types import resolve_type
            self._type = resolve_type(self.type_name)
        return self._type

    def __call__(self, value: Any) -> Any:
        return self.pstype.convert(value)

    def is_instance(self, value: Any) -> bool:
        return bool(self.pstype.is_instance(value))


class _ObjectArray:
    """``Object[]``: a scalar is wrapped, a collection becomes a list."""

    __slots__ = ()

    def __call__(self, value: Any) -> Any:
        from pwshlike.dotnet.values import iter_collection
        items = iter_collection(value)
        return list(items) if items is not None else [value]

    def is_instance(self, value: Any) -> bool:
        return isinstance(value, list)


OBJECT_ARRAY = _ObjectArray()


def converter_for(type_name: str) -> Optional[Any]:
    """The converter for a parameter type, or None where no conversion applies."""
    low = type_name.lower()
    if low in _UNTYPED:
        return None
    if low in _UNTYPED_ARRAYS:
        return OBJECT_ARRAY
    return TypeConverter(type_name)
