"""The text of ``Get-Error``: an error record (or exception) with every
non-empty property, nested exceptions, records and invocation details
indented by four, the way pwsh's GetErrorInstance view lays them out.

The rules follow that view: a property is shown when its value is not
null, not an empty string and not an empty collection; names are padded
to the longest one; an exception first gets a ``Type`` line (its .NET type
name); ``StackTrace`` starts on its own line, unindented (for a plugin's
Python bug it is the Python traceback); dictionaries list ``key : value``;
other collections list their items; multi-line text continues under the
value column.  Nesting stops at depth 10 with an ellipsis.
"""

from __future__ import annotations

from typing import Any, Iterable

from pwshlike.dotnet.errors import ErrorRecord, InvocationInfo

EXTENDED_ERROR_RECORD = "System.Management.Automation.ErrorRecord#PSExtendedError"
EXTENDED_EXCEPTION = "System.Exception#PSExtendedError"
ERROR_INDEX = "PSErrorIndex"

_MAX_DEPTH = 10
_ELLIPSIS = "\u2026"


def render_extended_error(obj: Any) -> str:
    """The view's text for one object Get-Error wrote; a header names its
    place in ``$Error`` when Get-Error wrote several."""
    from pwshlike.dotnet.members import get_member
    text = show(obj)
    index = get_member(obj, ERROR_INDEX)
    if index is not None:
        text = f"{chr(10) if index else ''}   ErrorIndex: {index}\n\n{text}"
    _restore_type_names(obj)
    return text


def _restore_type_names(obj: Any) -> None:
    """Once shown, the object gets its own type names back in place of the
    extended one (pwsh's view does this at its end)."""
    from pwshlike.dotnet.members import instance_members
    data = instance_members(obj)
    if data is None:
        return
    for name in (EXTENDED_ERROR_RECORD, EXTENDED_EXCEPTION):
        if name in data.type_names:
            data.type_names.remove(name)
    data.hidden_type_names.clear()


def show(obj: Any, indent: int = 0, depth: int = 1, parent: Any = None) -> str:
    """``obj``'s properties, one per line, indented by ``indent``;
    ``parent`` is the object whose property ``obj`` is."""
    pairs = _pairs(obj, parent)
    width = max((len(name) for name, value in pairs if _present(value)), default=0)
    prefix = " " * indent
    lines: list[str] = []
    for name, value in pairs:
        if name == ERROR_INDEX or not _present(value) or _count(value) == 0:
            continue
        text = _value_text(name, value, prefix, indent + 4, width, depth, obj)
        lines.append(f"{prefix}{name.ljust(width)} : {text}")
    return "\n".join(lines)


def _pairs(obj: Any, parent: Any) -> list[tuple[str, Any]]:
    from pwshlike.formatting.expressions import property_pairs
    pairs = list(property_pairs(obj))
    if isinstance(obj, ErrorRecord) and parent is not None and obj.exception is parent:
        # A RuntimeException's ErrorRecord is the record that holds it: pwsh
        # shows that record with a ParentContainsErrorRecordException standing
        # for the exception, and without its invocation, which ends the cycle.
        return [("Exception", _ParentContainsErrorRecord(parent)) if name == "Exception" else (name, value)
                for name, value in pairs if name != "InvocationInfo"]
    if isinstance(obj, BaseException) and not any(name == "Type" for name, _value in pairs):
        from pwshlike.dotnet.types import type_of
        pairs.insert(0, ("Type", type_of(obj).full_name))
    return pairs


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and value == "")


def _count(value: Any) -> int:
    """What ``$value.Count`` gives: a collection's length, 1 for anything else."""
    if _is_dictionary(value):
        return len(value)
    items = _items(value)
    return 1 if items is None else len(list(items))


def _items(value: Any) -> Iterable[Any] | None:
    from pwshlike.dotnet.values import iter_collection
    if isinstance(value, str) or _is_dictionary(value):
        return None
    return iter_collection(value)


def _is_dictionary(value: Any) -> bool:
    return isinstance(value, dict) or (hasattr(value, "keys") and hasattr(value, "__getitem__"))


def _expands(value: Any) -> bool:
    return isinstance(value, (BaseException, ErrorRecord, InvocationInfo))


class _ParentContainsErrorRecord:
    """What pwsh's ErrorRecord shows for an exception that holds the record."""

    def __init__(self, exception: Any) -> None:
        from pwshlike.dotnet.conversions import to_string
        self.pairs = [("Type", "System.Management.Automation.ParentContainsErrorRecordException"),
                      ("Message", to_string(getattr(exception, "message", exception))), ("HResult", -2146233087)]


def _value_text(name: str, value: Any, prefix: str, inner: int, width: int, depth: int, owner: Any) -> str:
    if isinstance(value, _ParentContainsErrorRecord):
        return "\n" + "\n".join(f"{' ' * inner}{key.ljust(7)} : {text}" for key, text in value.pairs)
    if _expands(value):
        return _ELLIPSIS if depth >= _MAX_DEPTH else "\n" + show(value, inner, depth + 1, owner)
    if name == "StackTrace":
        return "\n" + _text(value).rstrip("\r\n")
    if _is_dictionary(value):
        return "".join(f"\n{prefix}    {key} : {_text(value[key])}" for key in value.keys())
    items = _items(value)
    if items is not None and name != "Data":
        if depth >= _MAX_DEPTH:
            return _ELLIPSIS
        parts = []
        item_prefix = prefix + " " * (inner - len(prefix) + 2)
        for number, item in enumerate(items):
            if item is None or isinstance(item, (str, int, float, bool)):
                parts.append(f"\n{item_prefix}{_text(item)}")
            else:
                parts.append(("\n" if number else "") + "\n" + show(item, inner, depth + 1))
        return "".join(parts)
    text = _text(value).rstrip("\r\n")
    if "\n" in text:
        continuation = "\n" + prefix + " " * (width + 3)
        return continuation.join(line.strip() for line in text.split("\n"))
    return text


def _text(value: Any) -> str:
    from pwshlike.dotnet.conversions import to_string
    try:
        return to_string(value)
    except Exception:  # pwsh's view hides a failing ToString (TryConvertTo)
        return ""
