"""The table of cmdlets a session can run, by name and by module.

Entries are :class:`CmdletInfo` objects whose classes load on first use, so
a session with hundreds of registered cmdlets starts as fast as one with
none.  Several modules may export the same name: the most recently imported
one answers an unqualified name, as in pwsh, and ``Module\\Name`` picks one.
Iterating also lists the commands of modules that are available but not
imported (what ``Get-Command`` shows before autoloading).
"""

from __future__ import annotations

from pwshlike.runtime.scopes import command_tables_changed

from .commandinfo import CmdletInfo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator, Optional


class CommandRegistry:
    """``catalog`` (a :class:`~pwshlike.modules.catalog.ModuleCatalog`, or
    None) supplies the available-but-not-imported commands."""

    def __init__(self, catalog: Any = None) -> None:
        self._by_name: dict[str, list[CmdletInfo]] = {}
        self.catalog = catalog

    def add(self, info: CmdletInfo) -> None:
        """Makes ``info`` visible; it hides an earlier command of that name
        (one from the same module is replaced)."""
        command_tables_changed()  # call sites that resolved this name re-resolve it
        entries = self._by_name.setdefault(info.name.lower(), [])
        module = info.module_name.lower()
        entries[:] = [e for e in entries if e.module_name.lower() != module]
        entries.append(info)

    def remove(self, info: CmdletInfo) -> None:
        """Hides ``info`` again (Remove-Module)."""
        command_tables_changed()
        key = info.name.lower()
        entries = self._by_name.get(key)
        if entries is None:
            return
        entries[:] = [e for e in entries if e is not info]
        if not entries:
            del self._by_name[key]

    def get(self, name: str, module: Optional[str] = None) -> Optional[CmdletInfo]:
        """The visible cmdlet ``name`` (from ``module`` when given)."""
        entries = self._by_name.get(name.lower())
        if not entries:
            return None
        if module is None:
            return entries[-1]
        low = module.lower()
        for info in reversed(entries):
            if info.module_name.lower() == low:
                return info
        return None

    def visible(self) -> Iterator[CmdletInfo]:
        """The cmdlets unqualified names reach."""
        return iter([entries[-1] for entries in self._by_name.values()])

    def __iter__(self) -> Iterator[CmdletInfo]:
        """Visible cmdlets, then those of modules not imported yet."""
        shown = list(self.visible())
        yield from shown
        if self.catalog is not None:
            names = {info.name.lower() for info in shown}
            imported = {info.module_name.lower() for info in shown}
            for info in self.catalog.available_commands():
                if info.name.lower() not in names and info.module_name.lower() not in imported:
                    names.add(info.name.lower())
                    yield info

    def __len__(self) -> int:
        return len(self._by_name)
