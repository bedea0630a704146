"""ForEach-Object -Parallel: script block iterations on threads.

As in pwsh, each iteration runs in a runspace of its own: here a separate
ExecutionContext (with the caller's commands and current location, but
none of its variables or functions), reused by later iterations unless
-UseNewRunspace, and each iteration gets a new scope in it.  ``$using:``
values are read from the caller once, before the first iteration.  At most
-ThrottleLimit iterations run at once.  Output and the other streams of
the iterations are handed to the calling thread, which writes them in the
order they arrive (not the input order, as in pwsh).

Python threads share one interpreter lock, so iterations overlap where
they wait (I/O, sleeps, native commands) rather than where they compute.
"""

from __future__ import annotations

import queue
from typing import Any, Iterator, Optional

from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, PSInvalidOperationException
from pwshlike.runtime.scopes import QualifiedName
from pwshlike.runtime.scriptblock import ScriptBlock
from pwshlike.runtime.streams import StreamRouting

_OUTPUT, _ERROR, _WARNING, _VERBOSE, _DEBUG, _INFORMATION, _DONE = range(7)


def using_values(context: Any, script: ScriptBlock, allow_script_blocks: bool = False) -> dict[str, Any]:
    """The ``$using:`` values a block refers to, read from the caller's
    scope; pwsh's errors for an unset variable or (unless
    ``allow_script_blocks``, as for jobs) a script block value."""
    from pwshlike.language import ast as A
    values: dict[str, Any] = {}

    def visit(node: Any) -> None:
        if isinstance(node, A.UsingExpressionAst):
            inner = node.sub_expression
            name = inner.name if isinstance(inner, A.VariableExpressionAst) else inner.extent.text
            qualified = QualifiedName(name)
            variable = context.session.lookup_qualified(qualified, context.scope)
            if variable is None:
                raise PSInvalidOperationException(
                    f"The value of the using variable '$using:{name}' cannot be retrieved because it has not "
                    "been set in the local session.", error_id="UsingVariableIsUndefined",
                    category=ErrorCategory.InvalidOperation, target_object=name)
            if isinstance(variable.value, ScriptBlock) and not allow_script_blocks:
                raise PSInvalidOperationException(
                    "A ForEach-Object -Parallel using variable cannot be a script block. Passed-in script block "
                    "variables are not supported with ForEach-Object -Parallel, and can result in undefined "
                    "behavior.", error_id="ParallelUsingVariableCannotBeScriptBlock",
                    category=ErrorCategory.InvalidOperation, target_object=name)
            values[qualified.key] = variable.value
            return
        for child in node.children():
            visit(child)

    visit(script.ast)
    return values


class ParallelRunner:
    """Runs one ForEach-Object -Parallel invocation's iterations."""

    def __init__(self, context: Any, script: ScriptBlock, throttle: int, new_runspace: bool) -> None:
        from concurrent.futures import ThreadPoolExecutor
        self.context = context
        self.code = script.code
        self.using = using_values(context, script)
        self.throttle = throttle
        self.new_runspace = new_runspace
        self.events: "queue.Queue[tuple[int, Any]]" = queue.Queue()
        self.idle: "queue.Queue[Any]" = queue.Queue()
        self.created = 0
        self.submitted = 0
        self.finished = 0
        self.pool = ThreadPoolExecutor(max_workers=throttle, thread_name_prefix="ForEach-Object-Parallel")

    # --- worker contexts (made on the calling thread) ---------------------------------------

    def _new_context(self) -> Any:
        """A fresh session sharing the caller's commands and location,
        whose non-output streams go to the calling thread."""
        from pwshlike.commands import install
        from pwshlike.runtime.context import ExecutionContext
        caller = self.context
        worker = ExecutionContext(caller.host)
        # The session's builder (pwshlike.plugins.session) gives the worker the
        # caller's modules and plugins; a bare command-layer context, commands only.
        getattr(caller, "new_session", install)(worker, caller.commands)
        worker.session.location = caller.session.location
        # A new context makes itself the current one; the caller stays current.
        caller.activate()
        events = self.events
        worker.streams = StreamRouting(
            error=lambda record: events.put((_ERROR, record)),
            warning=lambda record: events.put((_WARNING, record)),
            verbose=lambda record: events.put((_VERBOSE, record)),
            debug=lambda record: events.put((_DEBUG, record)),
            information=lambda record: events.put((_INFORMATION, record)))
        return worker

    def submit(self, input_object: Any) -> None:
        """Queues one iteration; makes a worker context for it if none is idle."""
        if self.new_runspace:
            worker = self._new_context()
        else:
            if self.idle.empty() and self.created < self.throttle:
                self.idle.put(self._new_context())
                self.created += 1
            worker = None
        self.submitted += 1
        self.pool.submit(self._iterate, input_object, worker)

    def _iterate(self, input_object: Any, worker: Optional[Any]) -> None:
        """One iteration, on a pool thread: the block in a new scope with
        ``$_`` set; a terminating error becomes an error record."""
        context = worker if worker is not None else self.idle.get()
        events = self.events
        try:
            context.using_values = self.using
            block = ScriptBlock(self.code, context)
            block.invoke_with_input(input_object, emit=lambda obj: events.put((_OUTPUT, obj)))
        except BaseException as exc:  # reported to the caller like pwsh's task errors
            error = context.to_runtime_exception(exc, None)
            events.put((_ERROR, error.error_record))
        finally:
            if worker is None:
                self.idle.put(context)
            events.put((_DONE, None))

    # --- results (on the calling thread) ----------------------------------------------------

    def drain(self, cmdlet: Any, wait: bool) -> Iterator[Any]:
        """Writes what the iterations produced so far; with ``wait``, until
        every iteration has finished."""
        while True:
            if wait and self.finished < self.submitted:
                kind, value = self.events.get()
            else:
                try:
                    kind, value = self.events.get_nowait()
                except queue.Empty:
                    return
            if kind == _OUTPUT:
                yield value
            elif kind == _DONE:
                self.finished += 1
            else:
                _forward(cmdlet, kind, value)

    def close(self) -> None:
        self.pool.shutdown(wait=True)


def _forward(cmdlet: Any, kind: int, record: Any) -> None:
    """Writes an iteration's error, warning, verbose, debug or information
    record as the cmdlet's own."""
    if kind == _ERROR:
        if isinstance(record, ErrorRecord):
            cmdlet.context.write_error(record, cmdlet.bound_parameters.get("ErrorAction"))
    elif kind == _WARNING:
        cmdlet.write_warning(str(record))
    elif kind == _VERBOSE:
        cmdlet.write_verbose(str(record))
    elif kind == _DEBUG:
        cmdlet.write_debug(str(record))
    else:
        cmdlet.write_information_record(record)
