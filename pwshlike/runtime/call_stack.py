"""``$_.ScriptStackTrace``: the script frames an error passed through, as
pwsh's ErrorRecord.LockScriptStackTrace writes them::

    at Get-Thing, /home/me/lib.ps1: line 12
    at <ScriptBlock>, /home/me/run.ps1: line 3

The engine keeps no call stack of its own (calls stay cheap): the frames
are read, only when an error is recorded, from the Python stack, where
each running script block is a ``ScriptBlockInvocation._run_block`` call.
A frame's line is where it stands: the error's line for the innermost,
the call of the next frame in for the others (its ``$MyInvocation``).
"""

from __future__ import annotations

import sys
from typing import Any, Optional

from .scriptblock import ScriptBlockInvocation

_RUN_BLOCK = ScriptBlockInvocation._run_block.__code__
_SCRIPT_BLOCK_NAME = "<ScriptBlock>"


def script_stack_trace(error_line: Optional[int]) -> Optional[str]:
    """The trace for an error raised on ``error_line`` of the innermost
    running script block (None outside any script block)."""
    invocations = []
    frame: Any = sys._getframe(1)
    while frame is not None:
        if frame.f_code is _RUN_BLOCK:
            invocation = frame.f_locals.get("self")
            if isinstance(invocation, ScriptBlockInvocation) and (
                    not invocations or invocations[-1] is not invocation):
                invocations.append(invocation)
        frame = frame.f_back
    if not invocations:
        return None
    lines = []
    line = error_line
    for invocation in invocations:
        my_invocation = _my_invocation(invocation)
        if line is not None:
            lines.append(f"at {_frame_name(my_invocation)}, {invocation.sb.file or '<No file>'}: line {line}")
        extent = getattr(my_invocation, "extent", None)
        line = extent.start_line if extent is not None else None
    return "\n".join(lines) if lines else None


def _my_invocation(invocation: ScriptBlockInvocation) -> Any:
    variables = invocation.variables
    return variables.get("MyInvocation") if variables else None


def _frame_name(my_invocation: Any) -> str:
    """A function's frame is named by the function; scripts and blocks are ``<ScriptBlock>``."""
    command = getattr(my_invocation, "my_command", None)
    if command is not None and str(getattr(command, "command_type", "")) in ("Function", "Filter"):
        return command.name
    return _SCRIPT_BLOCK_NAME
