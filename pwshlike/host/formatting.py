"""The console host's formatter: pwshlike's formatting system with the
host's error layouts.

The formatting engine lives in :mod:`pwshlike.formatting` (below the
commands layer, so Format-Table and Out-String can use it); this module
only plugs in what belongs to the host: ErrorRecords are laid out by
``$ErrorView`` (:mod:`pwshlike.host.errorview`), at the width and with the
colours of the destination.
"""

from __future__ import annotations

import os
import sys

from ..formatting import Formatter as _Formatter
from ..formatting import REGISTRY, ViewRegistry

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional


class Formatter(_Formatter):
    """The ``formatter`` hook the console session installs; ``width`` and
    ``error_view`` are callables (the console width, ``$ErrorView``)."""

    def __init__(self, width: Optional[Callable[[], int]] = None, error_view: Optional[Callable[[], str]] = None,
                 registry: ViewRegistry = REGISTRY) -> None:
        super().__init__(width=width, error_view=error_view, registry=registry,
                         error_renderer=format_error, height=terminal_rows)


def format_error(record: Any, view: str, color: bool, width: int) -> str:
    """``$ErrorView``'s layout of ``record`` (:func:`errorview.format_error`),
    imported on the first error: a script that writes none never needs it."""
    from .errorview import format_error as layout
    return layout(record, view, color, width)


def terminal_rows() -> Optional[int]:
    """The rows of the terminal stdout is, or None (not a terminal: pwsh
    then treats the screen as endless)."""
    try:
        if sys.stdout is None or not sys.stdout.isatty():
            return None
        return os.get_terminal_size(sys.stdout.fileno()).lines or None
    except (AttributeError, OSError, ValueError):
        return None
