"""Text measuring, cutting and wrapping in screen cells.

pwsh measures text in buffer cells (``DisplayCells``): East Asian wide and
full-width characters take two cells, VT escape sequences take none.
Cutting keeps escape sequences intact (``VtSubstring``) so a coloured cell
that is truncated keeps its colour codes.  Word wrapping follows
``StringManipulationHelper.GenerateLinesWithWordWrap`` (the en-US path).
"""

from __future__ import annotations

import functools
import re

ELLIPSIS = "\u2026"
ESC = "\x1b"


@functools.cache
def _vt_sequence() -> re.Pattern[str]:
    """Compiled on first use: start-up compiles no pattern a script may never need."""
    return re.compile(r"\x1b(?:\[[0-9:;<=>?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def strip_vt(text: str) -> str:
    """``text`` without VT escape sequences (what PlainText rendering shows)."""
    return _vt_sequence().sub("", text) if ESC in text else text


def _char_cells(ch: str) -> int:
    if ch < "\u1100":
        return 1
    import unicodedata  # loaded by the first character that may be wide
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """The number of screen cells ``text`` occupies."""
    if text.isascii():
        if ESC not in text:
            return len(text)
        return len(strip_vt(text))
    plain = strip_vt(text)
    return sum(_char_cells(ch) for ch in plain)


def _pieces(text: str) -> list[tuple[str, int]]:
    """``text`` split into (piece, cells): escape sequences (0 cells) and characters."""
    pieces: list[tuple[str, int]] = []
    pos = 0
    for match in _vt_sequence().finditer(text):
        pieces.extend((ch, _char_cells(ch)) for ch in text[pos:match.start()])
        pieces.append((match.group(), 0))
        pos = match.end()
    pieces.extend((ch, _char_cells(ch)) for ch in text[pos:])
    return pieces


def _simple(text: str) -> bool:
    return text.isascii() and ESC not in text


def head(text: str, cells: int) -> str:
    """The longest start of ``text`` that fits in ``cells`` cells; escape
    sequences after the cut are kept so colours are still reset."""
    if cells <= 0:
        return "".join(p for p, w in _pieces(text) if w == 0) if ESC in text else ""
    if _simple(text):
        return text[:cells]
    out: list[str] = []
    used = 0
    for piece, width in _pieces(text):
        if width == 0:
            out.append(piece)
        elif used + width <= cells:
            out.append(piece)
            used += width
        else:
            used = cells + 1
    return "".join(out)


def tail(text: str, cells: int) -> str:
    """The longest end of ``text`` that fits in ``cells`` cells."""
    if cells <= 0:
        return ""
    if _simple(text):
        return text[-cells:] if cells < len(text) else text
    out: list[str] = []
    used = 0
    for piece, width in reversed(_pieces(text)):
        if width == 0:
            out.append(piece)
        elif used + width <= cells:
            out.append(piece)
            used += width
        else:
            used = cells + 1
    return "".join(reversed(out))


def truncate_at_newline(text: str) -> str:
    """The first line of ``text``, with an ellipsis when more lines follow."""
    cut = -1
    for ch in "\n\r":
        found = text.find(ch)
        if found >= 0 and (cut < 0 or found < cut):
            cut = found
    return text if cut < 0 else text[:cut] + ELLIPSIS


def split_lines(text: str) -> list[str]:
    """Lines of ``text``; ``\\r`` characters are dropped as pwsh does."""
    if "\r" in text:
        text = text.replace("\r", "")
    return text.split("\n")


def _words(line: str) -> list[tuple[str, str]]:
    """(word, delimiter) pairs: spaces, tabs and soft hyphens break words."""
    result: list[tuple[str, str]] = []
    word: list[str] = []
    for ch in line:
        if ch in (" ", "\t", "\u00ad"):
            result.append(("".join(word), ch))
            word = []
        elif ch in ("\u2011", "\u00a0"):
            result.append(("".join(word), ""))
            word = []
        else:
            word.append(ch)
    result.append(("".join(word), ""))
    return result


def wrap_lines(text: str, first_width: int, following_width: int) -> list[str]:
    """``text`` broken into lines that fit: at its own newlines, then
    between words, and inside words longer than a whole line."""
    if not text:
        return [text]
    result: list[str] = []
    for line in split_lines(text):
        if cell_width(line) <= first_width:
            result.append(line)
            continue
        _wrap_one(line, first_width, following_width, result)
    return result


def _wrap_one(line: str, first_width: int, following_width: int, result: list[str]) -> None:
    spaces_left = line_width = first_width
    first_line = True
    current: list[str] = []
    for word, delim in _words(line):
        if delim == "\u00ad":
            with_hyphen = cell_width(word) + 1
            piece = word + "-" if with_hyphen == spaces_left else word
        else:
            piece = word + delim
        width = cell_width(piece)
        if line_width == 0:
            if first_line:
                first_line = False
                line_width = following_width
            if line_width == 0:
                break
            spaces_left = line_width
        if width > line_width:
            for ch in piece:
                ch_width = _char_cells(ch)
                if ch_width > line_width:
                    ch, ch_width = "?", 1
                if ch_width > spaces_left:
                    result.append("".join(current))
                    current = [ch]
                    if first_line:
                        first_line = False
                        line_width = following_width
                    spaces_left = line_width - ch_width
                else:
                    current.append(ch)
                    spaces_left -= ch_width
        elif width > spaces_left:
            result.append("".join(current))
            current = [piece]
            if first_line:
                first_line = False
                line_width = following_width
            spaces_left = line_width - width
        else:
            current.append(piece)
            spaces_left -= width
    result.append("".join(current))
