"""Parameter type converters, resolved lazily.

A command's metadata names its parameter types as text; resolving them
through the engine's type table is deferred to the first conversion so that
registering many commands costs nothing at start-up.
"""

from __future__ import annotations

from decimal import Decimal

from pwshlike.dotnet.errors import RuntimeException

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

_UNTYPED = frozenset(("object", "psobject", "system.object", "system.management.automation.psobject",
                      "switchparameter", "switch", "system.management.automation.switchparameter"))
_UNTYPED_ARRAYS = frozenset(("object[]", "psobject[]", "system.object[]"))


class TypeConverter:
    """Converts bound arguments to one parameter type (callable), and tells
    whether a value already has that type (``is_instance``), which the
    binder's no-coercion passes need."""

    __slots__ = ("type_name", "_type", "enum_prefixes")

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name
        self._type: Any = None
        # pwsh's binder takes an unambiguous prefix of an enum name (-ErrorAction Ig);
        # a script parameter's own type constraint converts strictly.
        self.enum_prefixes = True

    @property
    def pstype(self) -> Any:
        if self._type is None:
            from pwshlike.dotnet.types import resolve_type
            self._type = resolve_type(self.type_name)
        return self._type

    def __call__(self, value: Any) -> Any:
        pstype = self.pstype
        try:
            return pstype.convert(value)
        except RuntimeException:
            name = _unique_prefix(value, pstype) if self.enum_prefixes else None
            if name is None:
                raise
            return pstype.convert(name)

    def is_instance(self, value: Any) -> bool:
        return bool(self.pstype.is_instance(value))


def _unique_prefix(value: Any, pstype: Any) -> Optional[str]:
    """pwsh's EnumMinimumDisambiguation: the one enum name ``value`` begins."""
    if pstype.enum is None or not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().lower()
    names = [name for name in pstype.enum.members if name.lower().startswith(text)]
    return names[0] if len(names) == 1 else None


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


_BOOLEAN_NAMES = frozenset(("bool", "boolean", "system.boolean"))


class _BooleanArgument(TypeConverter):
    """A script parameter typed ``[bool]`` (or, in an advanced function,
    a collection of bool): pwsh's ArgumentTypeConverterAttribute takes only
    booleans, switches and numbers there, not what merely converts to one
    (``'false'`` would be $true)."""

    __slots__ = ("elements",)

    def __init__(self, type_name: str, elements: bool) -> None:
        super().__init__(type_name)
        self.elements = elements

    def __call__(self, value: Any) -> Any:
        from pwshlike.dotnet.values import iter_collection
        items = iter_collection(value) if self.elements else None
        for item in items if items is not None else (value,):
            _check_boolean_argument(item)
        return super().__call__(value)


def _check_boolean_argument(value: Any) -> None:
    from pwshlike.dotnet.errors import PSInvalidCastException
    from pwshlike.dotnet.types import type_of
    from pwshlike.dotnet.values import Char, SwitchParameter
    if isinstance(value, (bool, SwitchParameter)) or \
            (isinstance(value, (int, float, Decimal)) and not isinstance(value, Char)):
        return
    shown = type_of(value).full_name if value is not None else ""
    raise PSInvalidCastException(
        f'Cannot convert value "{shown}" to type "System.Boolean". Boolean parameters accept only Boolean values '
        f"and numbers, such as $True, $False, 1 or 0.", error_id="InvalidCastExceptionUnsupportedParameterType")


def script_parameter_converter(type_name: str, advanced: bool) -> Optional[Any]:
    """The converter of a script parameter's type constraint: as
    ``converter_for``, with pwsh's boolean argument rule (for a bool
    collection only in advanced functions, as pwsh keeps v1's binding)."""
    low = type_name.replace(" ", "").lower()
    if low in _BOOLEAN_NAMES:
        return _BooleanArgument(type_name, elements=False)
    if advanced and _boolean_elements(low):
        return _BooleanArgument(type_name, elements=True)
    converter = converter_for(type_name)
    if isinstance(converter, TypeConverter):
        converter.enum_prefixes = False
    return converter


def _boolean_elements(low: str) -> bool:
    if low.endswith("[]"):
        return low[:-2] in _BOOLEAN_NAMES
    if low.endswith("]") and "[" in low:
        return low[low.index("[") + 1:-1].strip("[]") in _BOOLEAN_NAMES
    return False


def converter_for(type_name: str) -> Optional[Any]:
    """The converter for a parameter type, or None where no conversion applies."""
    low = type_name.lower()
    if low in _UNTYPED:
        return None
    if low in _UNTYPED_ARRAYS:
        return OBJECT_ARRAY
    return TypeConverter(type_name)
