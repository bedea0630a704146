"""A first version of pwsh's default formatting (``Out-Default``/``Out-String``).

It covers what scripts print most, with pwsh's layout:

* scalars (strings, numbers, booleans, enums) as their string form; a date
  in the long form pwsh's ``DateTime`` view shows (en-US);
* hashtables and other dictionaries as pwsh's ``Name``/``Value`` table
  (``Name`` 30 columns wide), one row per entry;
* custom objects as a table when they have at most four properties, else
  as a list (``Name : Value``); consecutive objects of the same type share
  the first object's table, as in pwsh;
* ``[guid]`` as a one-column ``Guid`` table and ``[timespan]`` as pwsh's list;
* error records in ``$ErrorView`` and warning/verbose/debug records with
  their ``WARNING:``-style label.

Tables are sized to their contents (pwsh sizes implicit tables from the
objects it has seen), numeric columns are right-aligned, property values
that are collections show as ``{a, b, c, d…}`` (``$FormatEnumerationLimit``
= 4).  Each table or list is surrounded by blank lines.
"""

from __future__ import annotations

import datetime as _dt
import uuid
from decimal import Decimal

from ..engine.conversions import dotnet_to_string, timedelta_ticks, to_string
from ..engine.errors import ErrorRecord
from ..engine.streams import DebugRecord, VerboseRecord, WarningRecord
from ..engine.values import EnumValue, Hashtable, PSCustomObject, iter_collection
from . import errorview

DEFAULT_WIDTH = 120
ENUMERATION_LIMIT = 4
ELLIPSIS = "\u2026"
_NAME_COLUMN_WIDTH = 30

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def long_datetime(value: _dt.datetime) -> str:
    """``ToLongDateString() + ' ' + ToLongTimeString()`` in en-US."""
    hour = value.hour % 12 or 12
    suffix = "AM" if value.hour < 12 else "PM"
    return (f"{_DAYS[value.weekday()]}, {_MONTHS[value.month - 1]} {value.day}, {value.year} "
            f"{hour}:{value.minute:02d}:{value.second:02d} {suffix}")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, (bool, EnumValue))


def cell_text(value: object) -> str:
    """A property value as a table cell or list value shows it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    items = iter_collection(value)
    if items is not None:
        shown = []
        for index, item in enumerate(items):
            if index == ENUMERATION_LIMIT:
                shown[-1] += ELLIPSIS
                break
            shown.append(dotnet_to_string(item))
        return "{" + ", ".join(shown) + "}"
    return dotnet_to_string(value)


def _fit(text: str, width: int) -> str:
    """Cuts ``text`` to ``width`` columns, ending with an ellipsis when cut."""
    if width <= 0 or len(text) <= width:
        return text
    return text[:width - 1] + ELLIPSIS


class _Group:
    """One table or list being collected: header columns, alignment and
    the entries (rows, list records or raw lines) in arrival order."""

    __slots__ = ("kind", "key", "columns", "right", "entries")

    def __init__(self, kind: str, key: object, columns: list[str], right: list[bool]) -> None:
        self.kind = kind
        self.key = key
        self.columns = columns
        self.right = right
        self.entries: list[tuple[str, object]] = []


class FormatSession:
    """Formats a stream of objects the way one ``Out-Default`` does.

    ``add(obj)`` returns the lines that can be shown now; ``finish()``
    returns the rest.  Tables are held until their group ends so that the
    columns can be sized to the content.
    """

    __slots__ = ("width", "color", "error_view", "_group", "_emitted_blank")

    def __init__(self, width: int = DEFAULT_WIDTH, color: bool = False, error_view: str = "ConciseView") -> None:
        self.width = width
        self.color = color
        self.error_view = error_view
        self._group: _Group | None = None
        self._emitted_blank = False

    # --- entry points -------------------------------------------------------------------

    def add(self, obj: object) -> list[str]:
        out: list[str] = []
        self._add(obj, out)
        return self._track(out)

    def finish(self) -> list[str]:
        out: list[str] = []
        self._close(out)
        return self._track(out)

    def _track(self, lines: list[str]) -> list[str]:
        if lines:
            self._emitted_blank = lines[-1] == ""
        return lines

    # --- dispatch ---------------------------------------------------------------------------

    def _add(self, obj: object, out: list[str]) -> None:
        if obj is None:
            return
        if isinstance(obj, str):
            self._raw(obj.split("\n"), out)
            return
        items = iter_collection(obj)
        if items is not None:
            for item in items:
                self._add(item, out)
            return
        if isinstance(obj, PSCustomObject):
            self._custom_object(obj, out)
        elif isinstance(obj, (Hashtable, dict)):
            self._dictionary(obj, out)
        elif isinstance(obj, _dt.datetime):
            self._raw([long_datetime(obj)], out)
        elif isinstance(obj, uuid.UUID):
            self._row("Guid", ["Guid"], [False], [str(obj)], out)
        elif isinstance(obj, _dt.timedelta):
            self._list_entry("TimeSpan", _timespan_properties(obj), out)
        elif isinstance(obj, ErrorRecord):
            text = errorview.format_error(obj, self.error_view, self.color, self.width)
            self._raw(text.split("\n"), out)
        elif isinstance(obj, (WarningRecord, VerboseRecord, DebugRecord)):
            self._raw([_RECORD_LABELS[type(obj)] + obj.message], out)
        else:
            self._raw(to_string(obj).split("\n"), out)

    def _raw(self, lines: list[str], out: list[str]) -> None:
        """Scalars print as they are; inside an open table they keep their
        place among the rows, as pwsh prints them."""
        group = self._group
        if group is not None and group.kind == "table":
            group.entries.extend(("raw", line) for line in lines)
        else:
            self._close(out)
            out.extend(lines)

    def _custom_object(self, obj: PSCustomObject, out: list[str]) -> None:
        """Objects of one type (``PSTypeNames``) share the first one's
        table columns or list layout."""
        type_key = ("PSCustomObject", tuple(obj.type_names))
        group = self._group
        same_type = group is not None and group.key == type_key
        if same_type and group.kind == "table":
            values = [obj.get_property(c) if obj.has_property(c) else None for c in group.columns]
            group.entries.append(("row", [cell_text(v) for v in values]))
            return
        names = obj.property_names()
        if same_type or len(names) >= 5:
            self._list_entry(type_key, obj.items(), out)
            return
        values = [obj.get_property(n) for n in names]
        self._row(type_key, names, [_is_number(v) for v in values], [cell_text(v) for v in values], out)

    def _dictionary(self, obj: object, out: list[str]) -> None:
        items = obj.items()
        rows = [[to_string(k), cell_text(v)] for k, v in items]
        group = self._group
        if group is None or group.key != "DictionaryEntry":
            self._close(out)
            self._group = _Group("dictionary", "DictionaryEntry", ["Name", "Value"], [False, False])
        for row in rows:
            self._group.entries.append(("row", row))

    def _row(self, key: object, columns: list[str], right: list[bool], cells: list[str], out: list[str]) -> None:
        group = self._group
        if group is None or group.key != key:
            self._close(out)
            group = self._group = _Group("table", key, columns, right)
        group.entries.append(("row", cells))

    def _list_entry(self, key: object, pairs: list[tuple[str, object]], out: list[str]) -> None:
        group = self._group
        if group is not None and group.key == key and group.kind == "list":
            self._emit_list_record(pairs, out)
            return
        self._close(out)
        self._group = _Group("list", key, [], [])
        self._open(out)
        self._emit_list_record(pairs, out, first=True)

    # --- rendering -----------------------------------------------------------------------------

    def _open(self, out: list[str]) -> None:
        """The blank line before a table or list, unless one was just written."""
        last_blank = out[-1] == "" if out else self._emitted_blank
        if not last_blank:
            out.append("")

    def _emit_list_record(self, pairs: list[tuple[str, object]], out: list[str], first: bool = False) -> None:
        if not first:
            out.append("")
        if not pairs:
            return
        name_width = max(len(name) for name, _ in pairs)
        for name, value in pairs:
            text = cell_text(value)
            lines = text.split("\n")
            out.append(f"{name.ljust(name_width)} : {lines[0]}".rstrip())
            for extra in lines[1:]:
                out.append(" " * (name_width + 3) + extra)

    def _close(self, out: list[str]) -> None:
        group = self._group
        if group is None:
            return
        self._group = None
        if group.kind == "list":
            out.append("")
            return
        self._open(out)
        if group.kind == "dictionary":
            out.extend(self._render_dictionary(group))
        else:
            out.extend(self._render_table(group))
        out.append("")

    def _render_dictionary(self, group: _Group) -> list[str]:
        value_width = max(self.width - _NAME_COLUMN_WIDTH - 1, 1)
        lines = ["Name".ljust(_NAME_COLUMN_WIDTH) + " Value", "----".ljust(_NAME_COLUMN_WIDTH) + " -----"]
        for kind, entry in group.entries:
            name, value = entry
            value_line = value.split("\n")[0] if "\n" in value else value
            line = _fit(name, _NAME_COLUMN_WIDTH).ljust(_NAME_COLUMN_WIDTH) + " " + _fit(value_line, value_width)
            lines.append(line.rstrip())
        return lines

    def _render_table(self, group: _Group) -> list[str]:
        columns = group.columns
        rows = [entry for kind, entry in group.entries if kind == "row"]
        widths = [len(c) for c in columns]
        for row in rows:
            for i, cell in enumerate(row):
                first_line = cell.split("\n")[0]
                if len(first_line) > widths[i]:
                    widths[i] = len(first_line)
        # The last column gets what is left of the screen.
        used = sum(widths[:-1]) + len(widths) - 1
        if columns and used + widths[-1] > self.width:
            widths[-1] = max(self.width - used, len(columns[-1]))

        def line_of(cells: list[str]) -> str:
            parts = []
            last = len(cells) - 1
            for i, cell in enumerate(cells):
                text = _fit(cell.split("\n")[0], widths[i])
                if group.right[i]:
                    parts.append(text.rjust(widths[i]))
                elif i == last:
                    parts.append(text)
                else:
                    parts.append(text.ljust(widths[i]))
            return " ".join(parts).rstrip()

        lines = [line_of(list(columns)), line_of(["-" * len(c) for c in columns])]
        for kind, entry in group.entries:
            lines.append(line_of(entry) if kind == "row" else entry)
        return lines


_RECORD_LABELS = {WarningRecord: "WARNING: ", VerboseRecord: "VERBOSE: ", DebugRecord: "DEBUG: "}


def _timespan_properties(value: _dt.timedelta) -> list[tuple[str, object]]:
    ticks = timedelta_ticks(value)
    sign = -1 if ticks < 0 else 1
    days, rem = divmod(abs(ticks), 864000000000)
    hours, rem = divmod(rem, 36000000000)
    minutes, rem = divmod(rem, 600000000)
    seconds, rem = divmod(rem, 10000000)
    milliseconds = rem // 10000
    return [
        ("Days", sign * days), ("Hours", sign * hours), ("Minutes", sign * minutes),
        ("Seconds", sign * seconds), ("Milliseconds", sign * milliseconds), ("Ticks", ticks),
        ("TotalDays", ticks / 864000000000), ("TotalHours", ticks / 36000000000),
        ("TotalMinutes", ticks / 600000000), ("TotalSeconds", ticks / 10000000),
        ("TotalMilliseconds", ticks / 10000),
    ]


class Formatter:
    """The ``formatter`` hook of an ExecutionContext.

    Calling it with a list of objects returns the lines ``Out-String`` (and
    file redirection) produce; ``new_session()`` gives a streaming
    :class:`FormatSession` for ``Out-Default``.  ``width`` and
    ``error_view`` are callables so the current console width and
    ``$ErrorView`` are read when formatting happens.
    """

    __slots__ = ("width", "error_view")

    def __init__(self, width: object = None, error_view: object = None) -> None:
        self.width = width
        self.error_view = error_view

    def _width(self) -> int:
        return self.width() if callable(self.width) else DEFAULT_WIDTH

    def _view(self) -> str:
        return self.error_view() if callable(self.error_view) else "ConciseView"

    def new_session(self, color: bool = False) -> FormatSession:
        return FormatSession(self._width(), color, self._view())

    def __call__(self, objects: list) -> list[str]:
        session = self.new_session()
        lines: list[str] = []
        for obj in objects:
            lines.extend(session.add(obj))
        lines.extend(session.finish())
        return lines
