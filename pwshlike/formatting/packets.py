"""The format-instruction objects Format-* commands write (pwsh's
``Microsoft.PowerShell.Commands.Internal.Format`` classes).

A formatted stream is ``FormatStartData``, then groups (``GroupStartData``,
``FormatEntryData``..., ``GroupEndData``), then ``FormatEndData``.  Entries
marked ``out_of_band`` (a string or an error between table rows) may appear
anywhere.  Out-Default, Out-String and Out-File turn this stream into lines
(:mod:`pwshlike.formatting.output`), which is why
``Get-Thing | Format-Table | Out-String`` works and why pwsh prints
nothing useful for ``Format-Table | Select-Object``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

_NS = "Microsoft.PowerShell.Commands.Internal.Format."


class ColumnInfo:
    """A table column as the outputter needs it: header ``label``, ``width``
    (0: size it from the data) and ``alignment`` (Left/Right/Center)."""

    __slots__ = ("label", "width", "alignment")

    def __init__(self, label: str, width: int = 0, alignment: str = "Left") -> None:
        self.label = label
        self.width = width
        self.alignment = alignment


class TableHeaderInfo:
    __slots__ = ("columns", "hide_header", "repeat_header")
    full_name = _NS + "TableHeaderInfo"

    def __init__(self, columns: list[ColumnInfo], hide_header: bool = False, repeat_header: bool = False) -> None:
        self.columns = columns
        self.hide_header = hide_header
        self.repeat_header = repeat_header


class ListViewHeaderInfo:
    __slots__ = ()
    full_name = _NS + "ListViewHeaderInfo"


class WideViewHeaderInfo:
    __slots__ = ("columns",)
    full_name = _NS + "WideViewHeaderInfo"

    def __init__(self, columns: int = 0) -> None:
        self.columns = columns


class ComplexViewHeaderInfo:
    __slots__ = ()
    full_name = _NS + "ComplexViewHeaderInfo"


class FormatInfoData:
    """Base of the packets; ``ClassId2e4f51ef21dd47e99d3c952918aff9cd`` is
    the property pwsh uses to recognise them, kept for scripts that test it."""

    __slots__ = ()
    class_id = ""
    full_name = _NS + "FormatInfoData"
    PS_MEMBERS = {"ClassId2e4f51ef21dd47e99d3c952918aff9cd": "class_id"}


class FormatStartData(FormatInfoData):
    """Starts a formatted sequence: the shape (``header`` says table, list,
    wide or custom) and whether tables/wide views size themselves from all
    the objects (``autosize``)."""

    __slots__ = ("header", "autosize")
    class_id = "033ecb2bc07a4d43b5ef94ed5a35d280"
    full_name = _NS + "FormatStartData"

    def __init__(self, header: Any, autosize: bool = False) -> None:
        self.header = header
        self.autosize = autosize


class FormatEndData(FormatInfoData):
    __slots__ = ()
    class_id = "cf522b78d86c486691226b40aa69e95c"
    full_name = _NS + "FormatEndData"


class GroupStartData(FormatInfoData):
    """Starts a group; ``heading`` is the group header (custom-view
    tokens already evaluated) or None for the implicit single group."""

    __slots__ = ("heading",)
    class_id = "9e210fe47d09416682b841769c78b8a3"
    full_name = _NS + "GroupStartData"

    def __init__(self, heading: Optional[list] = None) -> None:
        self.heading = heading


class GroupEndData(FormatInfoData):
    __slots__ = ()
    class_id = "4ec4f0187cb04f4cb6973460dfe252df"
    full_name = _NS + "GroupEndData"


class FormatEntryData(FormatInfoData):
    """One object's formatted data: a TableRow, ListEntry, WideEntry,
    ComplexEntry or RawText; ``stream`` names the stream a record came
    from (warning, verbose...) so the console can label it."""

    __slots__ = ("entry", "out_of_band", "stream")
    class_id = "27c87ef9bbda4f709f6b4002fa4af63c"
    full_name = _NS + "FormatEntryData"

    def __init__(self, entry: Any, out_of_band: bool = False, stream: Optional[str] = None) -> None:
        self.entry = entry
        self.out_of_band = out_of_band
        self.stream = stream


# --- entries -----------------------------------------------------------------------------------------

class TableRow:
    """Cell texts, per-cell alignment (None: the column's) and whether the
    row wraps (``Format-Table -Wrap``)."""

    __slots__ = ("values", "alignments", "multiline")

    def __init__(self, values: list[str], alignments: Optional[list[Optional[str]]] = None,
                 multiline: bool = False) -> None:
        self.values = values
        self.alignments = alignments
        self.multiline = multiline


class ListEntry:
    __slots__ = ("labels", "values")

    def __init__(self, labels: list[str], values: list[str]) -> None:
        self.labels = labels
        self.values = values


class WideEntry:
    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value


class ComplexEntry:
    """Evaluated custom-view output: strings, ``NEWLINE`` and FrameTokens."""

    __slots__ = ("tokens",)

    def __init__(self, tokens: list) -> None:
        self.tokens = tokens


class RawText:
    """Text shown as it is: a scalar's string form, a record's message."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class ErrorEntry:
    """An ErrorRecord in the output: laid out by ``$ErrorView`` when the
    lines are written, so that colours and width fit the destination."""

    __slots__ = ("record",)

    def __init__(self, record: Any) -> None:
        self.record = record


class _NewLine:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NEWLINE"


NEWLINE = _NewLine()
"""The line-break token of a ComplexEntry."""


class FrameTokens:
    """An evaluated frame of a ComplexEntry: indentation and its tokens."""

    __slots__ = ("left", "right", "first_line", "tokens")

    def __init__(self, left: int, right: int, first_line: int, tokens: list) -> None:
        self.left = left
        self.right = right
        self.first_line = first_line
        self.tokens = tokens

PACKET_TYPES = (FormatStartData, FormatEndData, GroupStartData, GroupEndData, FormatEntryData)
