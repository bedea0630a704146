"""``$_.ScriptStackTrace``: the script frames an error passed through, as
pwsh's ErrorRecord.LockScriptStackTrace writes them::

    at Get-Thing, /home/me/lib.ps1: line 12
    at <ScriptBlock>, /home/me/run.ps1: line 3

The engine keeps no call stack of its own (calls stay cheap): the frames
are read, only when an error is recorded, from the Python stack, where
each running script block is a ``ScriptBlockInvocation._run_block`` call,
or a ``run_in_scope`` call given the function's script block (a call
plan's lean call of a function).  A frame's line is where it stands: the
error's line for the innermost, the call of the next frame in for the
others (its ``$MyInvocation``).
"""

from __future__ import annotations

import sys
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

from .scriptblock import ScriptBlockInvocation, run_in_scope

_RUN_BLOCK = ScriptBlockInvocation._run_block.__code__
_RUN_IN_SCOPE = run_in_scope.__code__
_SCRIPT_BLOCK_NAME = "<ScriptBlock>"


class _Running:
    """One running script block as the stack shows it: its script block,
    its ``$MyInvocation`` and, for a block with a scope of its own, that
    scope's variables."""

    __slots__ = ("sb", "my_invocation", "variables")

    def __init__(self, sb: Any, my_invocation: Any, variables: Any) -> None:
        self.sb = sb
        self.my_invocation = my_invocation
        self.variables = variables


def _running_blocks() -> list[_Running]:
    """The script blocks running now, innermost first."""
    running: list[_Running] = []
    last: Any = None
    frame: Any = sys._getframe(2)
    while frame is not None:
        code = frame.f_code
        if code is _RUN_BLOCK:
            invocation = frame.f_locals.get("self")
            if isinstance(invocation, ScriptBlockInvocation) and invocation is not last:
                last = invocation
                variables = invocation.variables
                scope = invocation.scope
                running.append(_Running(invocation.sb, variables.get("MyInvocation") if variables else None,
                                        scope.vars if invocation.new_scope and scope is not None else None))
        elif code is _RUN_IN_SCOPE:
            local = frame.f_locals
            if local.get("sb") is not None:
                running.append(_Running(local["sb"], local.get("invocation"), local["scope"].vars))
        frame = frame.f_back
    return running


def script_stack_trace(error_line: Optional[int]) -> Optional[str]:
    """The trace for an error raised on ``error_line`` of the innermost
    running script block (None outside any script block)."""
    running = _running_blocks()
    if not running:
        return None
    lines = []
    line = error_line
    for block in running:
        my_invocation = block.my_invocation
        if line is not None:
            lines.append(f"at {_frame_name(my_invocation)}, {block.sb.file or '<No file>'}: line {line}")
        extent = getattr(my_invocation, "extent", None)
        line = extent.start_line if extent is not None else None
    return "\n".join(lines) if lines else None


def _frame_name(my_invocation: Any) -> str:
    """A function's frame is named by the function; scripts and blocks are ``<ScriptBlock>``."""
    command = getattr(my_invocation, "my_command", None)
    if command is not None and str(getattr(command, "command_type", "")) in ("Function", "Filter"):
        return command.name
    return _SCRIPT_BLOCK_NAME


class CallStackFrame:
    """``System.Management.Automation.CallStackFrame``: one running script
    block (function, script or the top-level ``<ScriptBlock>``) and where it
    stands now; Command, Arguments and Location are pwsh's type-table
    properties that its default table shows."""

    __slots__ = ("InvocationInfo", "Position", "FunctionName", "_variables")
    full_name = "System.Management.Automation.CallStackFrame"
    PS_MEMBERS = {"ScriptName": "script_name", "ScriptLineNumber": "script_line_number",
                  "InvocationInfo": "InvocationInfo", "Position": "Position", "FunctionName": "FunctionName",
                  "Command": "command", "Location": "location", "Arguments": "arguments",
                  "GetScriptLocation": "get_script_location", "GetFrameVariables": "get_frame_variables",
                  "ToString": "__str__"}

    def __init__(self, invocation_info: Any, position: Any, function_name: str, variables: Any) -> None:
        self.InvocationInfo = invocation_info
        self.Position = position
        self.FunctionName = function_name
        self._variables = variables

    @property
    def script_name(self) -> Optional[str]:
        return getattr(self.Position, "file", None) or None

    @property
    def script_line_number(self) -> int:
        return getattr(self.Position, "start_line", 0) or 0

    @property
    def location(self) -> str:
        """``GetScriptLocation()``: ``name.ps1: line N`` or ``<No file>``."""
        import os
        name = self.script_name
        return f"{os.path.basename(name)}: line {self.script_line_number}" if name else "<No file>"

    def get_script_location(self) -> str:
        return self.location

    @property
    def command(self) -> str:
        info = self.InvocationInfo
        if info is None:
            return self.FunctionName
        my_command = getattr(info, "my_command", None)
        if my_command is None:
            return getattr(info, "invocation_name", "") or self.FunctionName
        name = getattr(my_command, "name", "")
        return name if name else self.FunctionName

    @property
    def arguments(self) -> str:
        """pwsh's ``{name=value, ...}``: the bound parameters, then the
        unbound arguments (``$null`` for a null one)."""
        from ..dotnet.conversions import to_bool, to_string
        info = self.InvocationInfo
        parts: list[str] = []
        if info is not None:
            bound = getattr(info, "bound_parameters", None)
            for key in (list(bound.keys()) if bound is not None else []):
                value = bound[key]
                parts.append(f"{key}=" + (to_string(value) if to_bool(value) else ""))
            for value in getattr(info, "unbound_arguments", None) or []:
                parts.append(to_string(value) if to_bool(value) else "$null")
        return "{" + ", ".join(parts) + "}"

    def get_frame_variables(self) -> Any:
        """The frame's own variables by name (PSVariable objects)."""
        from ..dotnet.values import GenericDictionary
        table = GenericDictionary()
        for variable in (self._variables or {}).values():
            name = getattr(variable, "name", None)
            if name is not None:
                table[name] = variable
        return table

    def __str__(self) -> str:
        return f"at {self.FunctionName}, {self.script_name or '<No file>'}: line {self.script_line_number}"


def call_stack(position: Any) -> list[CallStackFrame]:
    """Get-PSCallStack's frames, innermost first: ``position`` is where the
    innermost block stands (the Get-PSCallStack call); each outer block
    stands at the call of the block inside it."""
    frames = []
    for block in _running_blocks():
        my_invocation = block.my_invocation
        frames.append(CallStackFrame(my_invocation, position, _frame_name(my_invocation), block.variables))
        position = getattr(my_invocation, "extent", None)
    return frames


def _register() -> None:
    from ..dotnet import types
    types.register_class(CallStackFrame, CallStackFrame.full_name)


_register()
