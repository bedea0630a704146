"""Packets to lines: the output half of Out-Default, Out-String and Out-File
(pwsh's ``OutCommandInner`` and its output contexts).

Blank lines follow pwsh 7: one before each table, list, wide or custom
sequence (``FormatStartData``), one after a table, wide or custom sequence
(``FormatEndData``), one after every list entry, and one after a group's
header.  Tables whose columns have no fixed width are sized from their
rows: rows are held back until the group ends or 300 ms have passed since
the table started (``-AutoSize``: until the group ends), then the columns
are as wide as their widest value, within the screen.

``columns`` is the width lines are fitted to; ``UNLIMITED`` (Out-String and
Out-File without ``-Width``) leaves lists and custom views unwrapped while
tables and wide views use ``table_fallback`` (the console's width).
"""

from __future__ import annotations

import sys
import time

from ..dotnet.errors import (ErrorCategory, ErrorDetails, ErrorRecord, InvalidOperationException,
                             RuntimeException)
from .packets import (ComplexEntry, ComplexViewHeaderInfo, ErrorEntry, FormatEndData, FormatEntryData,
                      FormatStartData, GroupEndData, GroupStartData, ListEntry, ListViewHeaderInfo, RawText,
                      TableHeaderInfo, TableRow, WideEntry, WideViewHeaderInfo)
from .text import cell_width, strip_vt

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional
    from .table import TableWriter
    ErrorRenderer = Callable[[ErrorRecord, bool, int], str]

UNLIMITED = sys.maxsize
AUTOSIZE_WINDOW = 0.3
"""Seconds of rows a table without fixed widths is sized from (pwsh's 300 ms)."""

_STREAM_LABELS = {"warning": "WARNING: ", "verbose": "VERBOSE: ", "debug": "DEBUG: "}


class OutputStyle:
    """The escape sequences the output uses ('' everywhere for plain text);
    ``strip`` removes sequences already present in values."""

    __slots__ = ("table_header", "list_label", "reset", "streams", "strip")

    def __init__(self, table_header: str = "", list_label: str = "", reset: str = "",
                 streams: Optional[dict[str, str]] = None, strip: bool = False) -> None:
        self.table_header = table_header
        self.list_label = list_label
        self.reset = reset
        self.streams = streams or {}
        self.strip = strip

    @property
    def styled(self) -> bool:
        return bool(self.reset)


PLAIN = OutputStyle(strip=True)


SEQUENCE_ERROR_ID = "ConsoleLineOutputOutOfSequencePacket"


def sequence_error(packet: Any) -> RuntimeException:
    """The error pwsh reports for a packet out of sequence
    (``Format-Table | Sort-Object | Out-Default``): an
    InvalidOperationException record with pwsh's message."""
    commands = {TableHeaderInfo: "format-table", ListViewHeaderInfo: "format-list",
                WideViewHeaderInfo: "format-wide", ComplexViewHeaderInfo: "format-complex"}
    command = commands.get(type(getattr(packet, "header", None)), "format-*")
    message = (f'The object of type "{type(packet).full_name}" is not valid or not in the correct sequence. '
               f'This is likely caused by a user-specified "{command}" command which is conflicting with '
               f'the default formatting.')
    record = ErrorRecord(InvalidOperationException(message), SEQUENCE_ERROR_ID, ErrorCategory.InvalidData, None)
    record.error_details = ErrorDetails(message)
    return RuntimeException(message, record.exception, error_record=record)


class _Context:
    """The open format sequence and group (pwsh's output contexts)."""

    __slots__ = ("start", "group", "writer", "wide_buffer", "wide_per_row", "row_count")

    def __init__(self, start: FormatStartData) -> None:
        self.start = start
        self.group: Optional[GroupStartData] = None
        self.writer: Optional[TableWriter] = None
        self.wide_buffer: list[str] = []
        self.wide_per_row = 0
        self.row_count = 0


class Outputter:
    """Writes packets as lines; call :meth:`take` for the lines produced so
    far and :meth:`finish` at the end (it flushes held rows)."""

    def __init__(self, columns: int = 120, table_fallback: int = 120, style: OutputStyle = PLAIN,
                 label_streams: bool = False, error_renderer: Optional[ErrorRenderer] = None,
                 clock: Callable[[], float] = time.monotonic, screen_rows: Optional[int] = None) -> None:
        self.columns = columns
        self.screen_rows = screen_rows
        self.table_columns = table_fallback if columns == UNLIMITED else columns
        self.style = style
        self.label_streams = label_streams
        self.error_renderer = error_renderer
        self.clock = clock
        self._lines: list[str] = []
        self._context: Optional[_Context] = None
        self._queue: Optional[list] = None
        self._queue_limit: Optional[float] = None
        self._caching = False  # rows of the current sequence are held back to size its columns
        self._window: Optional[float] = None  # for how long (None: the whole group)
        self._hint: Optional[list[int]] = None
        self._wide_hint = 0
        self._sequence_state = 0  # 0: no sequence, 1: inside FormatStart/End, 2: inside a group

    # --- the line sink ------------------------------------------------------------------------

    def _write(self, line: str) -> None:
        if self.style.strip and "\x1b" in line:
            line = strip_vt(line)
        self._lines.append(line)

    def take(self) -> list[str]:
        lines, self._lines = self._lines, []
        return lines

    # --- packets ------------------------------------------------------------------------------

    def process(self, packet: Any) -> None:
        """Accepts one packet; raises :func:`sequence_error` when it cannot come now."""
        self._check_sequence(packet)
        if isinstance(packet, FormatStartData):
            header = packet.header
            implicit = isinstance(header, TableHeaderInfo) and bool(header.columns) and header.columns[0].width == 0
            self._caching = packet.autosize or implicit
            self._window = None if packet.autosize else AUTOSIZE_WINDOW
        if self._caching:
            self._cache(packet)
        else:
            self._dispatch(packet)

    def finish(self) -> None:
        """Writes what is held back (the rows of an unfinished table)."""
        if self._queue is not None:
            self._release()

    def _check_sequence(self, packet: Any) -> None:
        if isinstance(packet, FormatEntryData):
            if not packet.out_of_band and self._sequence_state != 2:
                raise sequence_error(packet)
        elif isinstance(packet, FormatStartData):
            if self._sequence_state == 2:
                self.finish()
                self._sequence_state = 0
            if self._sequence_state != 0:
                raise sequence_error(packet)
            self._sequence_state = 1
        elif isinstance(packet, FormatEndData):
            if self._sequence_state != 1:
                raise sequence_error(packet)
            self._sequence_state = 0
        elif isinstance(packet, GroupStartData):
            if self._sequence_state != 1:
                raise sequence_error(packet)
            self._sequence_state = 2
        elif isinstance(packet, GroupEndData):
            if self._sequence_state != 2:
                raise sequence_error(packet)
            self._sequence_state = 1

    # --- the autosize cache (pwsh's OutputGroupQueue) ------------------------------------------

    def _cache(self, packet: Any) -> None:
        if self._queue is None:
            if isinstance(packet, GroupStartData):
                self._queue = [packet]
                self._queue_limit = None if self._window is None else self.clock() + self._window
                return
            self._dispatch(packet)
            return
        self._queue.append(packet)
        if isinstance(packet, GroupEndData) or (self._queue_limit is not None and self.clock() > self._queue_limit):
            self._release()

    def _release(self) -> None:
        queue, self._queue = self._queue or [], None
        start = self._context.start if self._context is not None else None
        if start is not None:
            entries = [p.entry for p in queue if isinstance(p, FormatEntryData) and not p.out_of_band]
            if isinstance(start.header, TableHeaderInfo):
                self._hint = self._table_hint(start.header, entries)
            elif isinstance(start.header, WideViewHeaderInfo) and start.header.columns == 0:
                values = [e.value for e in entries if isinstance(e, WideEntry) and e.value]
                self._wide_hint = max((cell_width(v) for v in values), default=0)
        for packet in queue:
            self._dispatch(packet)

    @staticmethod
    def _table_hint(header: TableHeaderInfo, rows: list) -> Optional[list[int]]:
        if not header.columns:
            return None
        widths = [cell_width(c.label) if c.label else 0 for c in header.columns]
        for row in rows:
            if not isinstance(row, TableRow):
                continue
            for k, value in enumerate(row.values[:len(widths)]):
                length = cell_width(value)
                if length > widths[k]:
                    widths[k] = length
        return widths

    # --- dispatch (pwsh's FormatMessagesContextManager callbacks) ------------------------------

    def _dispatch(self, packet: Any) -> None:
        if isinstance(packet, FormatEntryData):
            if packet.out_of_band or self._context is None:
                self._out_of_band(packet)
            else:
                self._payload(packet)
        elif isinstance(packet, FormatStartData):
            self._context = _Context(packet)
            self._write("")
        elif isinstance(packet, GroupStartData):
            self._group_start(packet)
        elif isinstance(packet, GroupEndData):
            self._group_end()
        elif isinstance(packet, FormatEndData):
            context = self._context
            self._context = None
            if context is None or not isinstance(context.start.header, ListViewHeaderInfo):
                self._write("")

    def _group_start(self, packet: GroupStartData) -> None:
        context = self._context
        if context is None:
            return
        context.group = packet
        if packet.heading is not None:
            from .listing import complex_lines
            for line in complex_lines(packet.heading, self.columns):
                self._write(line)
            self._write("")
        header = context.start.header
        # The table and list writers are imported by the first view that needs
        # them: a plain value's output (Write-Output 1) is raw text and uses neither.
        from .table import LEFT, TableWriter, wide_items_per_row
        if isinstance(header, TableHeaderInfo):
            hint, self._hint = self._hint, None
            if not header.columns:
                return
            widths = hint if hint is not None else [c.width for c in header.columns]
            style = self.style
            context.writer = TableWriter(self.table_columns, widths, [c.alignment or LEFT for c in header.columns],
                                         header.hide_header, style.table_header, style.reset)
            context.row_count = 0
            for line in context.writer.header([c.label for c in header.columns]):
                self._write(line)
                context.row_count += 1
        elif isinstance(header, WideViewHeaderInfo):
            hint, self._wide_hint = self._wide_hint, 0
            per_row = 2
            if hint > 0:
                per_row = wide_items_per_row(hint, self.table_columns)
            elif header.columns > 0:
                per_row = header.columns
            context.wide_per_row = per_row
            context.wide_buffer = []
            context.writer = TableWriter(self.table_columns, [0] * per_row, [LEFT] * per_row)

    def _group_end(self) -> None:
        context = self._context
        if context is not None and isinstance(context.start.header, WideViewHeaderInfo):
            self._flush_wide(context)

    def _payload(self, packet: FormatEntryData) -> None:
        context = self._context
        assert context is not None
        entry = packet.entry
        header = context.start.header
        if isinstance(header, TableHeaderInfo) and isinstance(entry, TableRow):
            writer = context.writer
            if writer is None:
                return
            values = entry.values
            count = len(header.columns)
            if len(values) != count:
                values = (list(values) + [""] * count)[:count]
            if header.repeat_header and self.screen_rows and context.row_count >= self.screen_rows - 2:
                # Format-Table -RepeatHeader: the header again after each screenful.
                self._write("")
                header_lines = writer.header([c.label for c in header.columns])
                for line in header_lines:
                    self._write(line)
                context.row_count = len(header_lines)
            for line in writer.row(values, entry.alignments, entry.multiline):
                self._write(line)
            context.row_count += 1
        elif isinstance(entry, ListEntry):
            self._list(entry)
            self._write("")
        elif isinstance(entry, WideEntry):
            context.wide_buffer.append(entry.value)
            if len(context.wide_buffer) >= context.wide_per_row:
                self._flush_wide(context)
        elif isinstance(entry, ComplexEntry):
            from .listing import complex_lines
            for line in complex_lines(entry.tokens, self.columns):
                self._write(line)

    def _flush_wide(self, context: _Context) -> None:
        buffer = context.wide_buffer
        if not buffer or context.writer is None:
            return
        values = buffer + [""] * (context.wide_per_row - len(buffer))
        context.wide_buffer = []
        for line in context.writer.row(values):
            self._write(line)

    def _list(self, entry: ListEntry) -> None:
        from .listing import list_lines
        style = self.style
        for line in list_lines(entry.labels, entry.values, self.columns, style.list_label, style.reset):
            self._write(line)

    def _out_of_band(self, packet: FormatEntryData) -> None:
        entry = packet.entry
        if isinstance(entry, RawText):
            self._raw(entry.text, packet.stream)
        elif isinstance(entry, ErrorEntry):
            self._error(entry.record)
        elif isinstance(entry, ComplexEntry):
            from .listing import complex_lines
            for line in complex_lines(entry.tokens, UNLIMITED):
                self._write(line)
        elif isinstance(entry, ListEntry):
            self._write("")
            self._list(entry)
            self._write("")

    def _raw(self, text: str, stream: Optional[str]) -> None:
        if stream is not None and self.label_streams:
            text = _STREAM_LABELS[stream] + text
            color = self.style.streams.get(stream, "")
            if color:
                text = color + text + self.style.reset
        if "\n" in text:
            for line in text.replace("\r\n", "\n").split("\n"):
                self._write(line)
        else:
            self._write(text)

    def _error(self, record: ErrorRecord) -> None:
        renderer = self.error_renderer
        text = renderer(record, self.style.styled, self.table_columns) if renderer is not None else record.message
        self._raw(text, None)
