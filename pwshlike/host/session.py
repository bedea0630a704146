"""A ready-to-run console session and the ways the host runs code in it.

:func:`build_session` wires the layers together: an engine
``ExecutionContext`` with the console host, the commands layer installed
and this package's formatter.  :meth:`Session.run` runs one piece of
script text the way pwsh's console host does: output goes through one
formatting session (``Out-Default``) to stdout, a text that does not parse
is reported in pwsh's ParserError layout, and the result tells how the run
ended so the CLI can pick the exit code.
"""

from __future__ import annotations

from ..dotnet.types import register_lazy_family
from .console import ConsoleHost
from .formatting import Formatter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


class Outcome:
    """How one run ended: ``exit_code`` from ``exit`` (else None),
    ``parse_failed`` when the text did not parse, ``terminated`` when a
    terminating error stopped it, ``success`` the final ``$?``."""

    __slots__ = ("exit_code", "parse_failed", "terminated", "success")

    def __init__(self, exit_code: Optional[int] = None, parse_failed: bool = False,
                 terminated: bool = False, success: bool = True) -> None:
        self.exit_code = exit_code
        self.parse_failed = parse_failed
        self.terminated = terminated
        self.success = success

    def command_exit_code(self) -> int:
        """pwsh's rule for ``-Command``: ``exit N`` gives N, otherwise 0 when the
        last pipeline succeeded (``$?``) and 1 when it did not."""
        if self.exit_code is not None:
            return self.exit_code
        if self.parse_failed or self.terminated or not self.success:
            return 1
        return 0

    def __repr__(self) -> str:
        return (f"Outcome(exit_code={self.exit_code!r}, parse_failed={self.parse_failed}, "
                f"terminated={self.terminated}, success={self.success})")


class _HostOutput:
    """The ``emit`` of a top-level run: objects formatted as they arrive
    (tables once their group ends) and written to the console.
    ``console_output`` tells a native command feeding it directly that it
    may write to the console itself, as pwsh lets it."""

    __slots__ = ("host", "format_session")
    console_output = True

    def __init__(self, host: ConsoleHost, formatter: Formatter) -> None:
        self.host = host
        self.format_session = formatter.new_session(color=host.stdout_color)

    def __call__(self, obj: Any) -> None:
        for line in self.format_session.add(obj):
            self.host.write_line(line)

    def finish(self) -> None:
        """Writes what the formatter still holds (an unfinished table)."""
        for line in self.format_session.finish():
            self.host.write_line(line)

    def flush(self) -> None:
        """Called before a program writes to the console directly, so that
        what came before it is shown first."""
        self.finish()
        self.host.flush()


class Session:
    """One console session: ``context`` (the engine's ExecutionContext),
    ``host`` and ``formatter``."""

    __slots__ = ("context", "host", "formatter", "previous_tokens")

    def __init__(self, context: Any, host: ConsoleHost, formatter: Formatter) -> None:
        self.context = context
        self.host = host
        self.formatter = formatter
        # The last recorded line's first and last token texts, for $^ and $$.
        self.previous_tokens: tuple[Optional[str], Optional[str]] = (None, None)

    def error_view(self) -> str:
        value = self.context.get_variable_value("ErrorView")
        return "ConciseView" if value is None else str(value)

    def run(self, text: str, file: Optional[str] = None, arguments: list | None = None,
            dot_source: bool = True, add_to_history: bool = False) -> Outcome:
        """Runs script text.  ``file`` names the script (its own script
        scope unless ``dot_source``); ``arguments`` are CommandArguments for
        its ``param()`` block.  ``add_to_history``: the line is recorded in
        the session's history (Get-History) when it ends, as pwsh's console
        host records what the user types and nothing else."""
        if not add_to_history:
            return self._run(text, file, arguments, dot_source)
        from ..runtime.history import capacity
        self._set_first_last_tokens(text)
        history = self.context.history
        history.begin(text)
        transcription = getattr(self.host, "transcription", None)
        if transcription is not None:
            transcription.command(text)
        status = "Failed"
        try:
            outcome = self._run(text, file, arguments, dot_source)
            status = "Failed" if outcome.parse_failed or outcome.terminated else "Completed"
            return outcome
        except KeyboardInterrupt:
            status = "Stopped"
            raise
        finally:
            history.end(status, capacity(self.context))

    def _set_first_last_tokens(self, text: str) -> None:
        """As pwsh's console host parses each line with addToHistory:
        ``$^`` and ``$$`` become the previous line's first and last tokens."""
        from ..language import parse_input
        from ..plugins.invocation_settings import remember_first_last
        remember_first_last(self, self.context, parse_input(text).tokens)

    def _run(self, text: str, file: Optional[str], arguments: list | None, dot_source: bool) -> Outcome:
        from ..runtime import execute_script
        from ..dotnet.errors import ParseException
        output = _HostOutput(self.host, self.formatter)
        try:
            try:
                result = execute_script(self.context, text, file=file, arguments=arguments or (),
                                        emit=output, dot_source=dot_source)
            finally:
                output.finish()
                self.host.reset_progress()
        except ParseException as exc:
            self.report_parse_errors(exc)
            self.context.last_success = False
            return Outcome(parse_failed=True, success=False)
        return Outcome(result.exit_code, False, result.error is not None, result.success)

    def report_parse_errors(self, exc: Any) -> None:
        """A ParseException in pwsh's ParserError layout on stderr (and in ``$Error``)."""
        from .errorview import parse_error_record
        errors = getattr(exc, "errors", None)
        record = parse_error_record(errors) if errors else exc.error_record
        self.context.append_error(record)
        self.host.write_error_record(record)


def _register_host_types() -> None:
    """``[System.Management.Automation.Host.Size]``, ``Coordinates`` and the
    UI types of ``$Host``, registered on the first type lookup that misses."""
    from .host_ui import register_types
    register_types()


register_lazy_family(_register_host_types)


def build_session(host: ConsoleHost, interactive: bool = False, plugins: Any = None) -> Session:
    """A new session on ``host`` with the commands layer and the formatter
    installed; ``plugins`` is the PluginHost (default: the process's)."""
    from ..runtime import ExecutionContext
    from ..plugins.session import install
    context = ExecutionContext(host, interactive=interactive)
    install(context, plugins=plugins)
    formatter = Formatter(width=lambda: host.window_width)
    session = Session(context, host, formatter)
    formatter.error_view = session.error_view
    host.error_view = session.error_view
    context.formatter = formatter
    return session
