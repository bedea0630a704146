"""Values taken from objects for display, and how they become text.

:class:`PropertyExpression` is pwsh's ``PSPropertyExpression``: a property
name (wildcards allowed), a script block run with ``$_`` set to the
object, or (for views registered from Python) a callable.  ``display_text``
is ``PSObjectHelper.FormatField``/``SmartToString``: collections show as
``{a, b, c, d…}`` up to ``$FormatEnumerationLimit`` items, a format string
is applied with ``-f`` semantics, and property tables show floating point
numbers with two decimals (``"F"``).  Numbers and dates show in the current
culture (``scalar_text``), as pwsh formats with it: under de-DE a table
shows ``1,50`` where ``"$x"`` gives ``1.5``.
"""

from __future__ import annotations

import _datetime as _dt  # datetime's classes, without running the pure-Python twin datetime.py defines first
from decimal import Decimal

from ..dotnet.conversions import dotnet_to_string, is_guid
from ..dotnet.errors import DotNetException
from ..dotnet.psmembers import instance_members
from ..dotnet.types import type_of
from ..dotnet import typedata
from ..dotnet.typedata import TABLE as _TYPE_DATA
from ..dotnet.values import DictionaryEntry, GenericDictionary, Hashtable, KeyValuePair, PSCustomObject, iter_collection
from ..dotnet.credentials import SecureString
from .text import ELLIPSIS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Optional

_WILDCARD_CHARS = frozenset("*?[")
_MISSING = object()


class Failure:
    """What :meth:`PropertyExpression.value` returns when the value could
    not be obtained (a script or getter threw): pwsh shows the cell empty,
    ``#ERR`` with ``-DisplayError``, and the error with ``-ShowError``."""

    __slots__ = ("exception",)

    def __init__(self, exception: BaseException) -> None:
        self.exception = exception


class PropertyExpression:
    """A way to get one value out of an object; see the module docstring.

    ``str()`` is the column label pwsh derives from it: the property name
    or the script block's text."""

    __slots__ = ("name", "script", "func", "label", "is_wildcard", "_lower")

    def __init__(self, source: Any, label: Optional[str] = None) -> None:
        self.name: Optional[str] = None
        self.script: Any = None
        self.func: Optional[Callable[[Any], Any]] = None
        if isinstance(source, str):
            self.name = source
            self.is_wildcard = any(c in _WILDCARD_CHARS for c in source)
            self.label = source
        elif callable(source) and not hasattr(source, "invoke_with_input"):
            self.func = source
            self.is_wildcard = False
            self.label = label or getattr(source, "__name__", "")
        else:
            self.script = source
            self.is_wildcard = False
            self.label = str(source)
        if label is not None:
            self.label = label
        self._lower = self.name.lower() if self.name is not None else ""

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"PropertyExpression({self.label!r})"

    def resolve_names(self, obj: Any) -> list["PropertyExpression"]:
        """The expressions this one stands for on ``obj``: the matching
        properties for a wildcard (in the object's order), else itself if
        the object has such a property, else the properties of a
        PropertySet of that name in its type data (a script always resolves)."""
        if self.name is None:
            return [self]
        if self.is_wildcard:
            from ..dotnet.wildcard import wildcard_match  # loaded by the first wildcard property name
            return [PropertyExpression(n) for n in property_names(obj) if wildcard_match(n, self.name)]
        lowered = self._lower
        for n in property_names(obj):
            if n.lower() == lowered:
                return [PropertyExpression(n)]
        if _TYPE_DATA:
            expanded = typedata.property_set(type_names(obj), lowered)
            if expanded is not None:
                return [PropertyExpression(n) for n in expanded]
        return []

    def value(self, obj: Any) -> Any:
        """The value, or a :class:`Failure` when it could not be obtained."""
        name = self.name
        if name is not None:
            if type(obj) is PSCustomObject:
                found = obj.note_value(self._lower, _MISSING)
                if found is not _MISSING:
                    return found
            from ..dotnet import members  # loaded by the first object that is not a plain PSCustomObject
            if self._lower in _INTRINSIC and not isinstance(obj, (str, list)) \
                    and not members.has_property(obj, name):
                return None  # pwsh's ResolveNames finds no Count/Length of 1 on an object without one
            try:
                return members.get_member(obj, name)
            except (DotNetException, ArithmeticError, LookupError, TypeError, ValueError) as exc:
                return Failure(exc)
        try:
            if self.func is not None:
                return self.func(obj)
            result = self.script.invoke_with_input(obj)
        except (DotNetException, ArithmeticError, LookupError, TypeError, ValueError) as exc:
            return Failure(exc)
        if not result:
            return None
        return result[0] if len(result) == 1 else list(result)


_INTRINSIC = frozenset(("count", "length"))


def is_failure(value: Any) -> bool:
    return type(value) is Failure


# --- properties of objects ------------------------------------------------------------------------

def property_names(obj: Any) -> list[str]:
    """The names of the properties pwsh lists for ``obj`` (``Get-Member -MemberType Properties``)."""
    if type(obj) is PSCustomObject and not _TYPE_DATA:
        return obj.property_names()
    if obj is None or isinstance(obj, (Hashtable, dict)):
        return []
    from ..dotnet.members import property_list
    return [p.Name for p in property_list(obj)]


def property_pairs(obj: Any) -> list[tuple[str, Any]]:
    """(name, value) of every property, in order (type data's after the object's own)."""
    if type(obj) is PSCustomObject and not _TYPE_DATA:
        return obj.items()
    if obj is None or isinstance(obj, (Hashtable, dict)):
        return []
    from ..dotnet.members import property_list
    return [(p.Name, p.Value) for p in property_list(obj)]


_TYPE_NAMES: dict[Any, tuple[str, ...]] = {}


def type_names(obj: Any) -> tuple[str, ...]:
    """``PSTypeNames``: the type names added to the object, then its type
    and its base types, most specific first."""
    if isinstance(obj, PSCustomObject):  # a subclass (Get-Help's help objects) too
        return obj.type_name_tuple()
    t = type_of(obj)
    names = _TYPE_NAMES.get(t)
    if names is None:
        chain = []
        current = t
        while current is not None:
            chain.append(current.full_name)
            current = current.base
        names = _TYPE_NAMES[t] = tuple(chain)
    data = instance_members(obj)
    if data is not None and data.hidden_type_names:  # taken out of TypeNames (Get-Error)
        names = tuple(name for name in names if name.lower() not in data.hidden_type_names)
    if data is not None and data.type_names:  # Add-Member -TypeName, Get-Process -IncludeUserName
        return tuple(data.type_names) + names
    return names


# --- values as text ------------------------------------------------------------------------------

def is_scalar(obj: Any) -> bool:
    """pwsh's ``DefaultScalarTypes``: values shown as their string form
    (strings, numbers, booleans, chars, enums, SecureString)."""
    return isinstance(obj, (str, int, float, Decimal, SecureString))


def scalar_text(value: Any) -> str:
    """A value as output shows it on its own: ``ToString()`` in the current
    culture for numbers and dates (a double keeps the 15 digits a cast
    gives), .NET's ``ToString()`` for the rest."""
    if isinstance(value, (float, Decimal)):
        from ..dotnet.formatting_net import display_number
        return display_number(value)
    if isinstance(value, _dt.datetime):
        from ..dotnet.formatting_net import culture_to_string
        return culture_to_string(value)
    return dotnet_to_string(value)


def _float_text(value: Any) -> Optional[str]:
    """A floating point number as tables show it: ``ToString("F")``, two
    decimals.  Python's ``.2f`` agrees with .NET except on exact ties
    (``0.125``), which .NET rounds away from zero; those, non-finite values,
    decimals and cultures without a decimal point take the engine's exact
    formatter."""
    if isinstance(value, float):
        text = repr(value)
        point = text.find(".")
        if not (point < 0 or not value or "e" in text or (len(text) - point == 4 and text[-1] == "5")):
            from ..dotnet.formatting_net import number_format
            if number_format().NumberDecimalSeparator == ".":
                return f"{value:.2f}"
    elif not isinstance(value, Decimal):
        return None
    from ..dotnet.formatting_net import format_value
    return format_value(value, "F")


def display_text(value: Any, enumeration_limit: int, format_string: Optional[str] = None,
                 is_table: bool = False) -> str:
    """How one property value shows in a table cell, list entry or wide item."""
    if format_string:
        from ..dotnet.formatting_net import composite_format, format_value
        try:
            if "{0" in format_string or "}" in format_string:
                return composite_format(format_string, [value])
            return format_value(value, format_string)
        except (DotNetException, ValueError, TypeError, ArithmeticError):
            pass
    t = type(value)
    if t is str:
        return value
    if value is None:
        return ""
    if t is int:
        return str(value)
    if t is bool:
        return "True" if value else "False"
    if is_table:
        text = _float_text(value)
        if text is not None:
            return text
    items = _enumerable(value)
    if items is None:
        return scalar_text(value)
    parts: list[str] = []
    count = 0
    truncated = False
    for item in items:
        if enumeration_limit >= 0:
            if count == enumeration_limit:
                truncated = True
                break
            count += 1
        parts.append(object_name(item))
    return "{" + ", ".join(parts) + (ELLIPSIS if truncated else "") + "}"


def _enumerable(value: Any) -> Optional[Iterable[Any]]:
    """What SmartToString enumerates: collections and, unlike the pipeline, dictionaries."""
    items = iter_collection(value)
    if items is not None:
        return items
    if isinstance(value, GenericDictionary):
        return (KeyValuePair(k, v) for k, v in value.items())
    if isinstance(value, (Hashtable, dict)):
        return (DictionaryEntry(k, v) for k, v in value.items())
    return None


_OWN_TO_STRING = (str, int, float, Decimal, _dt.datetime, _dt.timedelta, PSCustomObject, SecureString, DotNetException)


def object_name(item: Any) -> str:
    """An element of a collection value as pwsh names it (``GetObjectName``):
    ``$null`` for null, the string form of objects with their own
    ``ToString()``, else the object's display name (Name, Id, Key...)."""
    if item is None:
        return "$null"
    if isinstance(item, _OWN_TO_STRING) or is_guid(item):
        return dotnet_to_string(item)
    if isinstance(item, KeyValuePair):
        return f"[{dotnet_to_string(item.Key)}, {dotnet_to_string(item.Value)}]"
    if type(item).__str__ is not object.__str__ and not isinstance(item, DictionaryEntry):
        return dotnet_to_string(item)
    name = display_name_expression(item)
    if name is not None:
        value = name.value(item)
        if value is not None and not isinstance(value, Failure):
            return dotnet_to_string(value)
    return dotnet_to_string(item)


_DISPLAY_NAME_PATTERNS = ("name", "id", "key", "*key", "*name", "*id")


def display_name_expression(obj: Any) -> Optional[PropertyExpression]:
    """The property that names an object (``GetDisplayNameExpression``):
    the first of Name, Id, Key, then names ending in key, name or id."""
    from ..dotnet.wildcard import wildcard_match
    names = property_names(obj)
    for pattern in _DISPLAY_NAME_PATTERNS:
        for n in names:
            if wildcard_match(n, pattern):
                return PropertyExpression(n)
    return None
