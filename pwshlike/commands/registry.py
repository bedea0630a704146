"""The table of cmdlets a session knows, by name and by module.

Entries are :class:`CmdletInfo` objects whose classes load on first use, so
a session with hundreds of registered cmdlets starts as fast as one with
none.
"""

from __future__ import annotations

import importlib
from typing import Callable, Iterator, Optional

from .commandinfo import CmdletInfo


def lazy_class(module: str, attribute: str) -> Callable[[], type]:
    """A loader importing ``module`` and returning its ``attribute``."""

    def load() -> type:
        return getattr(importlib.import_module(module), attribute)

    return load


class CommandRegistry:
    def __init__(self) -> None:
        self._by_name: dict[str, CmdletInfo] = {}

    def add(self, info: CmdletInfo) -> None:
        self._by_name[info.name.lower()] = info

    def get(self, name: str, module: Optional[str] = None) -> Optional[CmdletInfo]:
        info = self._by_name.get(name.lower())
        if info is None or (module is not None and info.module_name.lower() != module.lower()):
            return None
        return info

    def __iter__(self) -> Iterator[CmdletInfo]:
        return iter(self._by_name.values())

    def __len__(self) -> int:
        return len(self._by_name)
