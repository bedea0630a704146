"""The console's progress pane: what ``Write-Progress`` draws on a terminal.

Activities are kept per (source id, activity id) in arrival order; an
activity with a ``ParentActivityId`` is drawn under its parent, indented by
two cells.  ``$PSStyle.Progress.View`` picks the layout (pwsh's
``ProgressNode``):

* ``Minimal`` (the default): one line per activity, ``Activity [status  ]``
  in ``$PSStyle.Progress.Style``, the bar being the reversed part of the
  bracket (``PercentComplete`` of its width), at most
  ``$PSStyle.Progress.MaxWidth`` cells wide;
* ``Classic``: the activity, its status, an ``[ooo    ]`` thermometer, the
  time remaining and the current operation on separate lines.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..dotnet.conversions import format_timespan
from ..formatting.style import PROGRESS_VIEW, PSStyle
from ..formatting.text import ELLIPSIS, cell_width, head

_CLASSIC = PROGRESS_VIEW["Classic"]


class ProgressPane:
    """The activities being shown and their rendering."""

    def __init__(self) -> None:
        self._nodes: dict[tuple[int, int], Any] = {}

    def update(self, source_id: int, record: Any) -> None:
        """Adds or refreshes an activity; a completed one is removed with
        the activities under it."""
        key = (source_id, record.ActivityId)
        if getattr(record, "completed", False):
            self._remove(source_id, record.ActivityId)
            return
        self._nodes[key] = record

    def _remove(self, source_id: int, activity_id: int) -> None:
        self._nodes.pop((source_id, activity_id), None)
        children = [k for k, r in self._nodes.items() if k[0] == source_id and r.ParentActivityId == activity_id]
        for _source, child in children:
            self._remove(source_id, child)

    @property
    def empty(self) -> bool:
        return not self._nodes

    def render(self, width: int, style: PSStyle, classic: bool = False) -> list[str]:
        """The lines of the pane for a console ``width`` cells wide;
        ``classic`` forces the Classic view (a console without colours)."""
        classic = classic or style.Progress.View == _CLASSIC
        lines: list[str] = []
        roots = [(k, r) for k, r in self._nodes.items()
                 if r.ParentActivityId < 0 or (k[0], r.ParentActivityId) not in self._nodes]
        for key, record in roots:
            self._render_tree(key, record, 0, width, style, classic, lines)
        return lines

    def _render_tree(self, key: tuple[int, int], record: Any, indent: int, width: int, style: PSStyle,
                     classic: bool, lines: list[str]) -> None:
        if classic:
            lines.extend(render_classic(record, indent, width))
        else:
            lines.append(render_minimal(record, indent, width, style))
        for child_key, child in self._nodes.items():
            if child_key[0] == key[0] and child.ParentActivityId == key[1] and child_key != key:
                self._render_tree(child_key, child, indent + 2, width, style, classic, lines)


def render_minimal(record: Any, indent: int, width: int, style: PSStyle) -> str:
    """One activity as pwsh's ANSI (Minimal) progress line."""
    max_width = style.Progress.MaxWidth
    if max_width > 0 and width > max_width:
        width = max_width
    seconds = f"{record.SecondsRemaining}s" if record.SecondsRemaining >= 0 else ""
    seconds_width = len(seconds) + 1
    activity = str(record.Activity)
    activity_width = cell_width(activity)
    if activity_width > width // 2:
        activity = head(activity, width // 2 - 1) + ELLIPSIS
        activity_width = width // 2
    bar_width = width - activity_width - indent - 4
    status = str(record.StatusDescription or "")
    max_status = bar_width - seconds_width - 1
    if max_status > 0 and cell_width(status) > bar_width - seconds_width:
        status = head(status, bar_width - seconds_width - 1) + ELLIPSIS
    pad = bar_width - cell_width(status) - seconds_width
    body = status + (" " * pad if pad > 0 else "") + seconds
    percent = record.PercentComplete
    if 0 <= percent < 100 and bar_width > 0:
        filled = min(percent * bar_width // 100, bar_width - 1)
        cut = _index_at_cells(body, filled)
        bar = style.Reverse + body[:cut] + style.ReverseOff + body[cut:]
    else:
        bar = style.Reverse + body + style.ReverseOff
    return f"{' ' * indent}{style.Progress.Style}{activity} [{bar}]{style.Reset}"


def _index_at_cells(text: str, cells: int) -> int:
    """The index in ``text`` after ``cells`` screen cells."""
    used = 0
    for index, ch in enumerate(text):
        if used >= cells:
            return index
        used += cell_width(ch)
    return len(text)


def render_classic(record: Any, indent: int, width: int) -> list[str]:
    """One activity as pwsh's Classic (FullPlus) block."""
    pad = " " * indent
    lines = [_cut(f" {pad}{record.Activity} ", width)]
    inner = " " * (indent + 3)
    lines.extend(_description(str(record.StatusDescription or ""), inner, width))
    percent = record.PercentComplete
    if percent >= 0:
        thermometer = max(3, width - (indent + 3) - 2 - 2 - 5)
        mercury = percent * thermometer // 100
        if percent < 100 and mercury == thermometer:
            mercury -= 1
        lines.append(_cut(f" {inner}[{'o' * mercury}{' ' * (thermometer - mercury)}] ", width))
    if record.SecondsRemaining >= 0:
        span = format_timespan(_dt.timedelta(seconds=record.SecondsRemaining))
        lines.append(_cut(f" {inner}{span} remaining. ", width))
    if record.CurrentOperation:
        lines.append(" ")
        lines.extend(_description(str(record.CurrentOperation), inner, width))
    return lines


def _description(text: str, indent: str, width: int) -> list[str]:
    lines = []
    remaining = f" {indent}{text} "
    while True:
        line = _cut(remaining, width)
        lines.append(line)
        if len(line) == len(remaining):
            return lines
        remaining = f" {indent}{remaining[len(line):]}"


def _cut(text: str, width: int) -> str:
    return text if cell_width(text) <= width else head(text, width)


class ProgressDisplay:
    """Draws the pane on a terminal stream: the block is written at the
    cursor, which is then put back at its first line, so later output
    overwrites it; :meth:`hide` erases it first."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.pane = ProgressPane()
        self._shown = 0

    def update(self, source_id: int, record: Any, width: int, classic: bool = False) -> None:
        self.pane.update(source_id, record)
        self.hide()
        if self.pane.empty:
            return
        lines = [_cut(line, max(width - 1, 1)) for line in self.pane.render(width, PSStyle.instance, classic)]
        text = "\n".join(lines)
        up = f"\x1b[{len(lines) - 1}A" if len(lines) > 1 else ""
        self.stream.write(text + up + "\r")
        self.stream.flush()
        self._shown = len(lines)

    def hide(self) -> None:
        """Erases the pane if it is on screen."""
        if self._shown:
            self.stream.write("\r\x1b[J")
            self._shown = 0
