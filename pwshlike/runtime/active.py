"""The process-wide active ExecutionContext.

Values that run script code without being handed a context (a
ScriptBlock's ``.Invoke()`` called through the object model, a
CommandInfo's members, formatting that needs the current location) read
:data:`context`.  It lives in this module of its own, below every other
runtime module, so that script blocks can reach it without importing
``context.py`` (which sits above the compiler); ``ExecutionContext.activate``
is what sets it.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

context: Any = None
"""The ExecutionContext that last started running code, or None before
any session exists."""
