"""List and custom-view layout (pwsh's ``ListWriter`` and ``ComplexWriter``).

A list entry is ``Label : value`` lines with the labels padded to the
longest one; values longer than the screen wrap under the value column,
and values with several lines keep them, indented.  A custom view is text
with frames (indentation) wrapped to the screen width.
"""

from __future__ import annotations

from typing import Sequence

from .packets import NEWLINE, FrameTokens
from .text import cell_width, head, split_lines, wrap_lines

SEPARATOR = " : "


def list_lines(labels: Sequence[str], values: Sequence[str], screen_columns: int,
               label_style: str = "", reset: str = "") -> list[str]:
    """The lines of one list entry (without the blank line after it)."""
    if not labels:
        return []
    if screen_columns - len(SEPARATOR) - 2 < 0:
        return []
    max_label = screen_columns - len(SEPARATOR) - 1
    widths = [cell_width(label) for label in labels]
    label_width = min(max(widths), max_label)
    padded = []
    for label, width in zip(labels, widths):
        if width < label_width:
            label = label + " " * (label_width - width)
        elif width > label_width:
            label = head(label, label_width)
        padded.append(label + SEPARATOR)
    indent = label_width + len(SEPARATOR)
    field_width = screen_columns - indent
    padding = " " * indent
    lines: list[str] = []
    for k, prefix in enumerate(padded):
        value = values[k] if k < len(values) and values[k] is not None else ""
        for index, line in enumerate(split_lines(value)):
            first_prefix = prefix if index == 0 else padding
            for piece_index, piece in enumerate(wrap_lines(line, field_width, field_width)):
                if piece_index == 0:
                    if label_style and first_prefix.strip():
                        text = label_style + first_prefix + reset + piece
                    else:
                        text = first_prefix + piece
                else:
                    text = padding + piece
                if "\x1b" in piece and not piece.endswith("\x1b[0m"):
                    text += "\x1b[0m"
                lines.append(text)
    return lines


class _Indentation:
    __slots__ = ("frames",)

    def __init__(self) -> None:
        self.frames: list[FrameTokens] = []

    @property
    def left(self) -> int:
        return sum(f.left for f in self.frames)

    @property
    def right(self) -> int:
        return sum(f.right for f in self.frames)

    @property
    def first_line(self) -> int:
        return self.frames[-1].first_line if self.frames else 0


def complex_lines(tokens: Sequence, screen_columns: int) -> list[str]:
    """The lines of an evaluated custom view (``ComplexWriter.WriteObject``)."""
    lines: list[str] = []
    buffer: list[str] = []
    indentation = _Indentation()

    def flush() -> None:
        text = "".join(buffer)
        buffer.clear()
        left, right, first = indentation.left, indentation.right, indentation.first_line
        useful = screen_columns - right - left
        if useful <= 0:
            return
        if abs(first) >= useful:
            first = 0
        first_width = following_width = screen_columns - right - left
        if first >= 0:
            first_width -= first
        else:
            following_width += first
        first_pad = left + (first if first >= 0 else 0)
        following_pad = left - (first if first < 0 else 0)
        for index, piece in enumerate(wrap_lines(text, first_width, following_width)):
            lines.append(" " * (first_pad if index == 0 else following_pad) + piece)

    def walk(items: Sequence) -> None:
        for item in items:
            if item is NEWLINE:
                flush()
            elif isinstance(item, FrameTokens):
                indentation.frames.append(item)
                try:
                    walk(item.tokens)
                finally:
                    indentation.frames.pop()
            else:
                buffer.append(item)

    walk(tokens)
    flush()
    return lines
