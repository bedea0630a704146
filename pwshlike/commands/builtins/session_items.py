"""Get-Item and Get-ChildItem on the session-state drives (``Env:``,
``Variable:``, ``Function:``, ``Alias:``).

These providers hold a flat table of named items: the drive's root is
their one container, so Get-ChildItem lists the root's items (sorted by
name, as pwsh's SessionStateProviderBase does) and Get-Item finds items by
name or wildcard (the root, ``Get-Item Env:``, is all the values as one
collection).  A literal name that is not there is ``PathNotFound`` with
the path as the user typed it.
"""

from __future__ import annotations

from typing import Any, Iterator

from . import fspaths


def _wanted(cmd: Any, name: str) -> bool:
    return fspaths.matches_filters(name, getattr(cmd, "include", None), getattr(cmd, "exclude", None),
                                   getattr(cmd, "filter", None))


def _resolve(cmd: Any, provider: Any, name: str, literal: bool, raw: str) -> list[str]:
    """The item names ``name`` (a name or wildcard) resolves to; a literal
    name that is not there writes PathNotFound and resolves to none."""
    names, wildcard = provider.resolve(cmd, name, literal)
    if not names and not wildcard:
        cmd.write_error(fspaths.path_not_found(raw))
    return names


def session_items(cmd: Any, provider: Any, rest: str, literal: bool, raw: str) -> Iterator[Any]:
    """Get-Item: the items ``rest`` names on a session-state provider."""
    name = rest.strip("/\\")
    if not name:
        # The drive's root: pwsh writes the table's values as one object.
        yield list(provider.table(cmd).values())
        return
    names = _resolve(cmd, provider, name, literal, raw)
    table = provider.table(cmd)
    for key in names:
        if _wanted(cmd, key):
            yield table[key]


def session_children(cmd: Any, provider: Any, rest: str, literal: bool, raw: str) -> Iterator[Any]:
    """Get-ChildItem: the root's items (a name or wildcard narrows them);
    -Name outputs the names only."""
    name = rest.strip("/\\")
    table = provider.table(cmd)
    names = sorted(table, key=str.lower) if name in ("", ".") else _resolve(cmd, provider, name, literal, raw)
    for key in names:
        if _wanted(cmd, key):
            yield key if getattr(cmd, "name", False) else table[key]
