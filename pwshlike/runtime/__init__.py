"""The runtime: compiling and running scripts (scopes, the compiler,
script blocks, pipelines and streams) over the object model in
:mod:`pwshlike.dotnet`.

The host layer runs code through :func:`execute_script`::

    ctx = ExecutionContext(host)            # then the commands layer installs
                                            # ctx.command_resolver, the host
                                            # ctx.formatter
    result = execute_script(ctx, text, file=path, arguments=args, emit=out)

``result.exit_code`` is the ``exit`` statement's code (None if the script
did not exit), ``result.error`` the terminating error that stopped it
(already written to the error stream and ``$Error``), ``result.success``
the final ``$?``.  Text that does not parse raises ParseException with the
parser's errors, for the host to print in pwsh's ParserError layout.

Names are imported lazily so that importing one runtime module does not
load the compiler.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["ExecutionContext", "RunResult", "ScriptBlock", "execute_script"]


def __getattr__(name: str) -> Any:
    if name == "ExecutionContext":
        from .context import ExecutionContext
        return ExecutionContext
    if name == "ScriptBlock":
        from .scriptblock import ScriptBlock
        return ScriptBlock
    if name in ("execute_script", "RunResult"):
        from . import run
        return getattr(run, name)
    raise AttributeError(f"module 'pwshlike.runtime' has no attribute {name!r}")
