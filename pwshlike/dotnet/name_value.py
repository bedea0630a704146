"""``System.Collections.Specialized.NameValueCollection``, what
``[System.Web.HttpUtility]::ParseQueryString`` returns: string keys
(ignoring case, in first-seen order), each with one or more string values.
The indexer joins a key's values with commas; the pipeline enumerates the
keys, as PowerShell enumerates the .NET collection.  The query-string
flavour prints back as ``a=1&b=2`` (.NET's HttpQSCollection)."""

from __future__ import annotations

from typing import Any, Iterator, Optional

from .conversions import to_string
from .values import TypedArray


def _key(name: Any) -> Optional[str]:
    return None if name is None else to_string(name)


class NameValueCollection:
    """Keys (None allowed: a query part without ``=``) to lists of values."""

    __slots__ = ("_entries", "_query_string")
    ps_enumerable = True
    PS_MEMBERS = {"Count": "count", "AllKeys": "all_keys", "Keys": "keys", "Item": "get", "Get": "get",
                  "GetValues": "get_values", "GetKey": "get_key", "Add": "add", "Set": "set", "Remove": "remove",
                  "Clear": "clear", "HasKeys": "has_keys", "ToString": "__str__"}

    def __init__(self, query_string: bool = False) -> None:
        self._entries: dict[Optional[str], tuple[Optional[str], list[Optional[str]]]] = {}
        self._query_string = query_string

    @property
    def full_name(self) -> str:
        return "System.Web.HttpUtility+HttpQSCollection" if self._query_string else \
            "System.Collections.Specialized.NameValueCollection"

    @staticmethod
    def _fold(name: Optional[str]) -> Optional[str]:
        return None if name is None else name.lower()

    @property
    def count(self) -> int:
        return len(self._entries)

    @property
    def all_keys(self) -> TypedArray:
        from .types import STRING
        return TypedArray([name for name, _ in self._entries.values()], STRING)

    @property
    def keys(self) -> list:
        return [name for name, _ in self._entries.values()]

    def add(self, name: Any, value: Any) -> None:
        key = _key(name)
        entry = self._entries.setdefault(self._fold(key), (key, []))
        entry[1].append(None if value is None else to_string(value))

    def set(self, name: Any, value: Any) -> None:
        key = _key(name)
        self._entries[self._fold(key)] = (key, [None if value is None else to_string(value)])

    def remove(self, name: Any) -> None:
        self._entries.pop(self._fold(_key(name)), None)

    def clear(self) -> None:
        self._entries.clear()

    def has_keys(self) -> bool:
        return any(name is not None for name, _ in self._entries.values())

    def _values(self, name: Any) -> Optional[list[Optional[str]]]:
        if isinstance(name, int) and not isinstance(name, bool):
            entries = list(self._entries.values())
            return entries[name][1] if 0 <= name < len(entries) else None
        entry = self._entries.get(self._fold(_key(name)))
        return entry[1] if entry is not None else None

    def get(self, name: Any) -> Optional[str]:
        values = self._values(name)
        if values is None:
            return None
        present = [v for v in values if v is not None]
        return ",".join(present) if present else None

    def lookup(self, name: Any) -> Optional[str]:
        """``$collection['key']``."""
        return self.get(name)

    def get_values(self, name: Any) -> Optional[TypedArray]:
        from .types import STRING
        values = self._values(name)
        return None if values is None else TypedArray(list(values), STRING)

    def get_key(self, index: Any) -> Optional[str]:
        entries = list(self._entries.values())
        return entries[int(index)][0]

    def __iter__(self) -> Iterator[Optional[str]]:
        return iter(self.keys)

    def __len__(self) -> int:
        return len(self._entries)

    def __str__(self) -> str:
        if not self._query_string:
            return self.full_name
        from urllib.parse import quote_plus
        parts = []
        for name, values in self._entries.values():
            for value in values:
                text = quote_plus(value or "", safe="-_.!*()")
                parts.append(text if name is None else f"{quote_plus(name, safe='-_.!*()')}={text}")
        return "&".join(parts)


def parse_query_string(query: Any) -> NameValueCollection:
    """``HttpUtility.ParseQueryString``: a leading ``?`` is skipped, names
    and values are URL-decoded, a part without ``=`` is a value without a name."""
    from urllib.parse import unquote_plus
    from .errors import ArgumentNullException
    if query is None:
        raise ArgumentNullException(None, param_name="query")
    text = to_string(query)
    if text.startswith("?"):
        text = text[1:]
    result = NameValueCollection(query_string=True)
    if not text:
        return result
    for part in text.split("&"):
        name, equals, value = part.partition("=")
        if equals:
            result.add(unquote_plus(name), unquote_plus(value))
        else:
            result.add(None, unquote_plus(part))
    return result
