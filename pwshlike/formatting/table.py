"""Table layout: column widths fitted to the screen, and rows as text.

A transcription of pwsh's ``ColumnWidthManager`` and ``TableWriter``:

* columns without a width share what the fixed ones leave, one cell at a
  time from the left; when the table is too wide the last visible column
  shrinks, and is dropped when it would be narrower than one cell;
* cells are padded to their column (right-aligned ones on the left), the
  last column is not padded, and a value too long for its column ends
  with ``…`` (right-aligned values keep their end: ``…456``);
* the ``---`` line under each header is as long as the header, or the
  column when that is narrower;
* with ``-Wrap`` long values continue on the following lines.
"""

from __future__ import annotations

from typing import Optional, Sequence

from .text import ELLIPSIS, cell_width, head, tail, truncate_at_newline, wrap_lines

LEFT, RIGHT, CENTER = "Left", "Right", "Center"
MINIMUM_SCREEN_COLUMNS = 5
SEPARATOR = 1


def fit_column_widths(widths: list[int], table_width: int) -> list[int]:
    """Widths that fit ``table_width`` (``ColumnWidthManager``): 0 means
    "size me", a negative result means the column is hidden."""
    widths = list(widths)
    if _assign(widths, table_width):
        return widths
    while True:
        excess = _current_width(widths) - table_width
        if excess <= 0:
            return widths
        last = _last_visible(widths)
        if last < 0:
            return widths
        shrunk = widths[last] - excess
        widths[last] = -1 if shrunk < 1 else shrunk


def _current_width(widths: Sequence[int]) -> int:
    visible = [w for w in widths if w > 0]
    return sum(visible) + SEPARATOR * (len(visible) - 1)


def _last_visible(widths: Sequence[int]) -> int:
    for k, w in enumerate(widths):
        if w < 0:
            return k - 1
    return len(widths) - 1


def _assign(widths: list[int], table_width: int) -> bool:
    if all(w > 0 for w in widths):
        return sum(widths) + SEPARATOR * (len(widths) - 1) <= table_width
    fixed = [w > 0 for w in widths]
    for k, w in enumerate(widths):
        if w == 0:
            widths[k] = 1
    available = table_width - _current_width(widths)
    if available < 0:
        return False
    free = [k for k, is_fixed in enumerate(fixed) if not is_fixed]
    if available and free:
        share, extra = divmod(available, len(free))
        for position, k in enumerate(free):
            widths[k] += share + (1 if position < extra else 0)
    return True


def _field(text: str, width: int, alignment: str, pad: bool) -> str:
    """One cell (``GenerateRowField``): padded or cut to ``width`` cells."""
    if "\n" in text or "\r" in text:
        text = truncate_at_newline(text)
    length = cell_width(text)
    if length < width:
        gap = width - length
        if alignment == RIGHT:
            return " " * gap + text
        if alignment == CENTER:
            left = gap // 2
            return " " * left + text + (" " * (gap - left) if pad else "")
        return text + " " * gap if pad else text
    if length > width:
        keep = width - 1
        if keep > 0:
            text = ELLIPSIS + tail(text, keep) if alignment == RIGHT else head(text, keep) + ELLIPSIS
        else:
            text = tail(text, width) if alignment == RIGHT else head(text, width)
        length = cell_width(text)
        if length < width:
            if alignment == RIGHT:
                text = " " + text
            elif pad:
                text += " "
    return text


class TableWriter:
    """Writes one table's header and rows (``TableWriter``).  ``header_style``
    and ``reset`` are the escape sequences around header cells ('' for plain)."""

    __slots__ = ("widths", "alignments", "hide_header", "disabled", "header_style", "reset", "_visible",
                 "_header_lines")

    def __init__(self, screen_columns: int, widths: Sequence[int], alignments: Sequence[str],
                 hide_header: bool = False, header_style: str = "", reset: str = "") -> None:
        self.hide_header = hide_header
        self.header_style = header_style
        self.reset = reset
        self._header_lines: Optional[list[str]] = None
        self.alignments = list(alignments)
        if screen_columns < MINIMUM_SCREEN_COLUMNS:
            self.disabled = True
            self.widths: list[int] = []
            self._visible: list[int] = []
            return
        self.widths = fit_column_widths(list(widths), screen_columns)
        self._visible = [k for k, w in enumerate(self.widths) if w > 0]
        self.disabled = not self._visible

    def header(self, labels: Sequence[str]) -> list[str]:
        """The header label line(s) and the ``---`` line."""
        if self.disabled or self.hide_header:
            return []
        if self._header_lines is not None:
            return list(self._header_lines)
        lines = self._multiline_row(labels, None, is_header=True)
        dashes = []
        for k, label in enumerate(labels):
            width = self.widths[k]
            if width <= 0:
                dashes.append("")
                continue
            count = min(width, cell_width(label)) if label else width
            dashes.append("-" * count)
        lines.append(self._row(dashes, None, is_header=True))
        self._header_lines = lines
        return list(lines)

    def row(self, values: Sequence[str], alignments: Optional[Sequence[Optional[str]]] = None,
            multiline: bool = False) -> list[str]:
        """The line(s) of one row."""
        if self.disabled:
            return []
        if multiline:
            return self._multiline_row(values, alignments, is_header=False)
        return [self._row(values, alignments, is_header=False)]

    def _alignment(self, k: int, alignments: Optional[Sequence[Optional[str]]]) -> str:
        if alignments is not None and k < len(alignments) and alignments[k]:
            return alignments[k]  # type: ignore[return-value]
        return self.alignments[k]

    def _row(self, values: Sequence[str], alignments: Optional[Sequence[Optional[str]]], is_header: bool) -> str:
        parts: list[str] = []
        widths = self.widths
        last = len(widths) - 1
        style, reset = (self.header_style, self.reset) if is_header else ("", "")
        first = True
        for k, width in enumerate(widths):
            if width <= 0:
                continue
            cell = _field(values[k] if k < len(values) else "", width, self._alignment(k, alignments), k != last)
            if is_header and style:
                cell = style + cell + reset
            elif not is_header and "\x1b" in cell and not cell.rstrip().endswith("\x1b[0m"):
                cell += "\x1b[0m"
            if not first:
                parts.append(" ")
            parts.append(cell)
            first = False
        return "".join(parts)

    def _multiline_row(self, values: Sequence[str], alignments: Optional[Sequence[Optional[str]]],
                       is_header: bool) -> list[str]:
        """A row whose cells wrap onto several lines (``GenerateTableRow``)."""
        visible = self._visible
        count = len(visible)
        columns: list[list[str]] = []
        for position, k in enumerate(visible):
            width = self.widths[k]
            pad = position != count - 1
            alignment = self._alignment(k, alignments)
            lines = wrap_lines(values[k] if k < len(values) else "", width, width)
            cells = []
            for line in lines:
                if pad or alignment in (RIGHT, CENTER):
                    if cell_width(line) < width:
                        line = _field(line, width, alignment, pad)
                cells.append(line)
            if position > 0:
                cells = [" " + c for c in cells]
            columns.append(cells)
        screen_rows = max(len(c) for c in columns)
        last_with_content = [0] * screen_rows
        for row in range(screen_rows):
            for col in range(count):
                if len(columns[col]) > row:
                    last_with_content[row] = col
        for col in range(count):
            width = self.widths[visible[col]] + (SEPARATOR if col > 0 else 0) if col < count - 1 else 0
            missing = screen_rows - len(columns[col])
            for row in range(screen_rows - missing, screen_rows):
                columns[col].append("" if col > last_with_content[row] else " " * width)
        style, reset = (self.header_style, self.reset) if is_header else ("", "")
        rows = []
        for row in range(screen_rows):
            parts = []
            for col in range(count):
                value = columns[col][row]
                if col == last_with_content[row] and screen_rows > 1:
                    value = value.rstrip()
                parts.append(style + value + reset if style else value)
            rows.append("".join(parts))
        return rows


def wide_items_per_row(item_width: int, screen_columns: int) -> int:
    """How many items of ``item_width`` cells fit on a line
    (``ComputeWideViewBestItemsPerRowFit``)."""
    if item_width <= 0 or screen_columns < 1 or item_width >= screen_columns:
        return 1
    columns = 1
    while True:
        following = columns + 1
        if item_width * following + (following - 1) * SEPARATOR >= screen_columns:
            return columns
        columns += 1
