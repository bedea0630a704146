"""Property selection for Select-Object: names, wildcards and calculated
properties (``@{Name='n'; Expression={ $_.X * 2 }}``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Optional

from pwshlike.dotnet import members
from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.errors import PSArgumentException
from pwshlike.dotnet.operators import compare
from pwshlike.dotnet.types import type_of
from pwshlike.dotnet.values import Hashtable, PSCustomObject, iter_collection
from pwshlike.dotnet.wildcard import wildcard_match
from pwshlike.runtime.scriptblock import ScriptBlock

_NAME_KEYS = ("name", "n", "label", "l")
_EXPRESSION_KEYS = ("expression", "e")


def _calculated(spec: Any) -> tuple[str, Any]:
    """(name, expression) of a calculated property hashtable."""
    name = expression = None
    for key, value in spec.items():
        low = str(key).lower()
        if low in _NAME_KEYS:
            name = to_string(value)
        elif low in _EXPRESSION_KEYS:
            expression = value
        else:
            raise PSArgumentException(f'The "{key}" key is not valid.', error_id="DictionaryKeyIllegal")
    if expression is None:
        raise PSArgumentException('The "Expression" key is missing.', error_id="DictionaryKeyMissing")
    if name is None:
        name = str(expression) if not isinstance(expression, str) else expression
    return name, expression


def _script_property_name(block: Any) -> str:
    """A script block property is named by its text; an empty block has no
    name to give, which pwsh rejects."""
    name = str(block)
    if not name:
        raise PSArgumentException("A property is an empty script block and does not provide a name.",
                                  error_id="EmptyScriptBlockAndNoName")
    return name


def _evaluate(obj: Any, expression: Any) -> Any:
    if isinstance(expression, str):
        return members.get_member(obj, expression)
    result = expression.invoke_with_input(obj)
    if not result:
        return None
    return result[0] if len(result) == 1 else result


def _property_names(obj: Any) -> list[str]:
    if isinstance(obj, dict) or isinstance(obj, Hashtable):
        return []
    return [p.Name for p in members.property_list(obj)]


def select_properties(obj: Any, specs: Iterable[Any], exclude: Iterable[str]) -> PSCustomObject:
    """A new object carrying the selected properties of ``obj``; its type
    names start with ``Selected.<type>`` as pwsh's do."""
    result = PSCustomObject(type_names=_selected_type_names(type_of(obj).full_name))
    excluded = list(exclude)
    for spec in specs:
        if isinstance(spec, (Hashtable, dict)):
            name, expression = _calculated(spec)
            if name == "":
                name = _script_property_name(expression)
            result.set_property(name, _evaluate(obj, expression))
            continue
        if isinstance(spec, ScriptBlock):
            result.set_property(_script_property_name(spec), _evaluate(obj, spec))
            continue
        pattern = to_string(spec)
        if any(c in pattern for c in "*?["):
            names = [n for n in _property_names(obj) if wildcard_match(n, pattern)]
        else:
            names = [pattern]
        for name in names:
            if any(wildcard_match(name, e) for e in excluded) or result.has_property(name):
                continue
            result.set_property(name, members.get_member(obj, name) if obj is not None else None)
    return result


def plain_selector(specs: Iterable[Any], exclude: Iterable[str]) -> Optional[Callable[[Any], PSCustomObject]]:
    """select_properties for -Property names without wildcards (the common
    ``Select-Object Name, Length``), with the work that does not depend on
    the object done once: the names left after duplicates and
    -ExcludeProperty, and one shared shape for every result.  None when a
    spec is a wildcard, a script block or a calculated property."""
    names: list[str] = []
    seen: set[str] = set()
    excluded = list(exclude)
    for spec in specs:
        if type(spec) is not str or any(c in spec for c in "*?["):
            return None
        if spec.lower() in seen or any(wildcard_match(spec, e) for e in excluded):
            continue
        seen.add(spec.lower())
        names.append(spec)
    chosen = tuple(names)
    get_member = members.get_member
    from_names = PSCustomObject.from_names
    custom_names = _selected_type_names(PSCustomObject.full_name)

    def select(obj: Any) -> PSCustomObject:
        if len(chosen) == 1:
            values = [get_member(obj, chosen[0])] if obj is not None else [None]
        else:
            values = [get_member(obj, name) for name in chosen] if obj is not None else [None] * len(chosen)
        result = from_names(chosen, values)
        # A custom object's type is always PSCustomObject (whatever its PSTypeNames say).
        result.type_names = custom_names if type(obj) is PSCustomObject else \
            _selected_type_names(type_of(obj).full_name)  # type: ignore[assignment]
        return result
    return select


@lru_cache(maxsize=256)
def _selected_type_names(full_name: str) -> tuple[str, ...]:
    """The type names of objects selected from a ``full_name``: one tuple
    that they all share until one of them is edited."""
    return (f"Selected.{full_name}", "System.Management.Automation.PSCustomObject", "System.Object")


_SELECTED_CUSTOM = "Selected.System.Management.Automation.PSCustomObject"


def mark_selected(obj: Any) -> None:
    """A custom object that Select-Object passes on whole is tagged, once,
    with ``Selected.System.Management.Automation.PSCustomObject`` as pwsh
    tags it (other objects pass untouched)."""
    if isinstance(obj, PSCustomObject) and _SELECTED_CUSTOM not in obj.type_name_tuple():
        obj.insert_type_name(_SELECTED_CUSTOM)


def same_selection(a: Any, b: Any, selected: bool, case_sensitive: bool) -> bool:
    """Whether -Unique counts ``a`` as a duplicate of ``b``: objects made by
    property selection match when they have the same properties with equal
    values; anything else when Sort-Object's comparison finds them equal."""
    if not selected:
        return compare(a, b, case_sensitive) == 0
    names = a.property_names()
    if [n.lower() for n in names] != [n.lower() for n in b.property_names()]:
        return False
    return all(compare(a.get_property(n), b.get_property(n), case_sensitive) == 0 for n in names)


def expand_property(obj: Any, name: str) -> Iterator[Any]:
    """-ExpandProperty: the property's value, a collection enumerated."""
    value = members.get_member(obj, name)
    items = iter_collection(value)
    if items is None:
        yield value
    else:
        yield from items
