"""Control-flow signals: break, continue, return, exit and pipeline stop.

They derive from ``BaseException``, not ``Exception``, on purpose: code that
handles PowerShell errors (statement error handling, member invocation,
conversions) catches ``Exception``, and a ``break`` raised inside a script
block called from a method such as ``.ForEach{}`` must travel through all of
that untouched, exactly as pwsh's FlowControlException does.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


class FlowControl(BaseException):
    """Base of every control-flow signal."""

    __slots__ = ()


class BreakException(FlowControl):
    """``break [label]``; ``label`` is lower-cased, or None for the innermost loop."""

    __slots__ = ("label",)

    def __init__(self, label: Optional[str] = None) -> None:
        self.label = label


class ContinueException(FlowControl):
    """``continue [label]``; ``label`` is lower-cased, or None."""

    __slots__ = ("label",)

    def __init__(self, label: Optional[str] = None) -> None:
        self.label = label


class ReturnException(FlowControl):
    """``return``: the value (if any) was already written to the output
    before the signal is raised, as pwsh does."""

    __slots__ = ()


class ExitException(FlowControl):
    """``exit [code]``: ends the running script (or the session at top level)."""

    __slots__ = ("code",)

    def __init__(self, code: int = 0) -> None:
        self.code = code


class StopUpstreamCommands(FlowControl):
    """Raised by a command processor that needs no more input (``Select-Object
    -First``).  The pipeline runner owning ``source`` catches it, stops feeding
    input and calls ``end`` on ``source`` and the commands after it."""

    __slots__ = ("source",)

    def __init__(self, source: Any) -> None:
        self.source = source
