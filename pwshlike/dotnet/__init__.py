"""The object model PowerShell borrows from .NET: values, types and
conversions, operators, members and static members, exceptions and
error records, regular expressions, wildcards and format strings.

It never imports the runtime (pwshlike.runtime): what it needs from
script blocks arrives through registrations the runtime makes
(``types.register_class``, ``types.register_static_members``).

Inside, modules import downward only (docs/architecture.md gives the
order).  ``types`` is the type table's machinery; its content, the static
members of the built-in types (``statics``) and the type families
registered on first lookup (``typetable``, ``typetable_system``), sits above it and is installed
here, so whichever module of the package is imported first, the table is
complete.  Both content modules load only when first needed.
"""

from __future__ import annotations

from . import types as _types

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable


def _static_members(pstype: _types.PSType) -> _types.StaticTable:
    from .statics import static_members
    return static_members(pstype)


def _extra_types(register: Callable[..., Any], enum_type: Callable[..., Any]) -> None:
    from .typetable import register_extra_types
    from .typetable_system import register_system_types
    register_extra_types(register, enum_type)
    register_system_types(register, enum_type)


_types.install_table_content(_static_members, _extra_types)


def _serializer_type() -> None:
    from .clixml import register_serializer_type
    register_serializer_type()


_types.register_lazy_family(_serializer_type)
