"""Format-Hex's ByteCollection table (pwsh's PowerShellCore format data):
the offset, the bytes under a two-line header naming each column, and the
characters, grouped by the label (a file's path or the input's type)."""

from __future__ import annotations

from .views import LEFT, RIGHT, GroupBy, TableColumn, TableView, ViewRegistry

_BYTES_HEADER = "Bytes\n" + " ".join(f"{i:02X}" for i in range(16))


def install_hex_views(registry: ViewRegistry) -> None:
    name = "Microsoft.PowerShell.Commands.ByteCollection"
    registry.add(TableView(name, (name,), [
        TableColumn("HexOffset", "Offset", 16, RIGHT), TableColumn("HexBytes", _BYTES_HEADER, 47, LEFT),
        TableColumn("Ascii", "Ascii", 16, LEFT)], GroupBy("Label")), builtin=True)
