"""Testing cmdlets and plugins: run script text, look at what it did.

This is the public helper a plugin author's tests use, as pytest's
``pytester`` or llm's test helpers are for their plugins::

    from pwshlike.testing import run

    def test_greeting():
        result = run("Send-Greeting -Name Ada")
        assert result.output == ["Hello, Ada!"]
        assert result.succeeded

Each run gives a :class:`Result`: the output objects as Python values,
the error records, the warning/verbose/debug/information messages, and
``text``, what a console would have shown (objects through the same
formatting as ``Out-Default``, errors in ConciseView, ``WARNING:`` lines,
in the order they happened, without colours).

:func:`run` uses a fresh session for one script; a :class:`Session` keeps
its state (functions, variables, imported modules, the current location)
from one ``run`` to the next and is closed at the end (``with`` does it),
which runs the plugins' ``pwshlike_session_end`` hooks; what it showed as
it started (a warning for a plugin that could not be loaded) is its
``startup`` Result, apart from the first run's.  With pytest the
``pwshlike`` fixture (registered through a ``pytest11`` entry point, see
:mod:`pwshlike.testing_pytest`) gives each test a Session of its own.

Semantics worth knowing:

* ``input=`` is the script's pipeline input, as ``items | & { script }``
  gives it in pwsh: the script reads it from ``$input``
  (``run("$input | Send-Greeting", input=["Ada"])``).  A command in the
  script does not receive it unless the script pipes ``$input`` to it.
* ``answers=`` (a list of lines) makes the session interactive and plays a
  person at the console: each prompt (``-Confirm``, a missing mandatory
  parameter, ``Read-Host``) reads the next line, and ``text`` shows it as
  typed.  When the answers run out, input is at its end, exactly as for a
  console whose standard input reached end of file.  Without ``answers``
  the session is non-interactive, as ``pwsh -NonInteractive``: a prompt is
  an error.
* ``errors`` are the records that reached the error stream (what a
  console shows, in order): errors a command wrote and the terminating
  error that stopped a statement or the script.  Errors silenced with
  ``-ErrorAction SilentlyContinue``, redirected (``2>$null``) or caught by
  ``try``/``catch`` are not in it (they are in ``$Error`` as usual).
* ``strict=True`` re-raises the original Python exception (with its
  traceback) when a plugin's Python code failed inside a cmdlet, instead of
  returning a Result, so that the test fails at the plugin's line; and a
  strict Session raises :class:`PluginError` when a plugin could not be
  loaded, where a user's shell would only warn.
* Plugins: a session uses the process's plugin host (the installed
  plugins, as a user's shell does) unless given ``plugins=`` (a
  :class:`~pwshlike.plugins.manager.PluginHost`) or ``environ=`` (a
  mapping of discovery settings such as ``PWSHLIKE_DISABLE_PLUGINS``, from
  which the session builds a host of its own and shuts it down on close).
"""

from __future__ import annotations

import io
from typing import Any, Iterable, Mapping, Optional

from .host.console import ConsoleHost
from .host.session import build_session

__all__ = ["run", "Session", "Result", "PluginError"]


class PluginError(Exception):
    """Raised by a strict :class:`Session` when a plugin could not be
    loaded (not imported, or its hooks refused): a user's shell would only
    warn and start without it.  ``problems`` lists what the plugin host
    reported, one sentence each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Result:
    """What one run did.

    ``output``: the output objects, as Python values (``str``, ``int``,
    PSCustomObject...), in order.  ``errors``: the ErrorRecords that reached
    the error stream.  ``warnings``, ``verbose``, ``debug``: the messages,
    without their ``WARNING: `` style prefixes.  ``information``: the text of
    each information record (``Write-Information``, ``Write-Host``).
    ``text``: what a console would have shown.  ``succeeded``: no errors.
    """

    __slots__ = ("output", "errors", "warnings", "verbose", "debug", "information", "text")

    def __init__(self) -> None:
        self.output: list[Any] = []
        self.errors: list[Any] = []
        self.warnings: list[str] = []
        self.verbose: list[str] = []
        self.debug: list[str] = []
        self.information: list[str] = []
        self.text = ""

    @property
    def succeeded(self) -> bool:
        return not self.errors

    @property
    def error_ids(self) -> list[str]:
        """The FullyQualifiedErrorId of each error, in order: the quickest
        thing to assert about a failure."""
        return [record.fully_qualified_error_id for record in self.errors]

    def __repr__(self) -> str:
        return (f"Result(output={self.output!r}, errors={self.error_ids!r}, warnings={self.warnings!r}, "
                f"succeeded={self.succeeded})")


class _TestConsole(ConsoleHost):
    """The console host of a test session: everything it shows goes to one
    text buffer (standard output and error interleaved, no colours), and
    each stream's messages are kept for the Result being recorded.  Its
    standard input is the answers, so a prompt reads them the way the
    console reads a redirected standard input, end of file included."""

    def __init__(self, answers: Optional[list[str]]) -> None:
        lines = "".join(f"{answer}\n" for answer in answers or ())
        self.screen = io.StringIO()
        super().__init__(stdin=io.StringIO(lines), stdout=self.screen, stderr=self.screen,
                         non_interactive=answers is None)
        self.result = Result()
        self._masked = False

    @property
    def stdout_color(self) -> bool:
        return False

    @property
    def stderr_color(self) -> bool:
        return False

    def take(self) -> Result:
        """The Result recorded so far (its text included); starts a new one."""
        result, self.result = self.result, Result()
        result.text = self.screen.getvalue()
        self.screen.seek(0)
        self.screen.truncate()
        return result

    def write_error_record(self, record: Any) -> None:
        self.result.errors.append(record)
        super().write_error_record(record)

    def write_warning_line(self, message: str) -> None:
        self.result.warnings.append(str(message))
        super().write_warning_line(message)

    def write_verbose_line(self, message: str) -> None:
        self.result.verbose.append(str(message))
        super().write_verbose_line(message)

    def write_debug_line(self, message: str) -> None:
        self.result.debug.append(str(message))
        super().write_debug_line(message)

    def write_information(self, record: Any) -> None:
        self.result.information.append(str(getattr(record, "message_data", record)))
        super().write_information(record)

    def read_input_line(self, prompt: str) -> Optional[str]:
        """Reads the next answer and echoes it (a person's typing shows on
        the console; a masked one shows nothing)."""
        line = super().read_input_line(prompt)
        if line is not None:
            self.screen.write(("" if self._masked else line) + "\n")
        return line

    def read_line_masked(self) -> str:
        self._masked = True
        try:
            return super().read_line_masked()
        finally:
            self._masked = False


class Session:
    """A pwshlike session for tests; see the module's documentation.

    ``strict``: re-raise a plugin's Python exception from :meth:`run`.
    ``answers``: lines a person types at prompts (None: non-interactive).
    ``location``: the starting current location.  ``plugins``: the
    PluginHost to use; ``environ``: discovery settings to build one from.
    ``startup`` is a Result of what the session showed as it started (a
    warning for each plugin that could not be loaded, or whose start-up
    hook failed).  ``context`` is the engine's ExecutionContext and
    ``plugins`` the PluginHost, for tests that need to reach below the
    script level.
    """

    def __init__(self, *, strict: bool = False, answers: Optional[list[str]] = None,
                 location: Optional[str] = None, plugins: Any = None,
                 environ: Optional[Mapping[str, str]] = None) -> None:
        if plugins is not None and environ is not None:
            raise TypeError("Session() takes plugins= or environ=, not both")
        self.strict = strict
        self._owns_plugins = environ is not None
        if environ is not None:
            from .plugins.manager import PluginHost
            plugins = PluginHost(environ=dict(environ))
        self._console = _TestConsole(None if answers is None else list(answers))
        self._session = build_session(self._console, plugins=plugins)
        self.context = self._session.context
        self.plugins = self.context.plugins
        self.closed = False
        self.startup = self._console.take()
        if strict and self.plugins.problems:
            self.close()
            raise PluginError(list(self.plugins.problems))
        if location is not None:
            self.context.session.location = location

    def run(self, script: str, *, input: Optional[Iterable[Any]] = None) -> Result:
        """Runs ``script`` in this session (dot-sourced, as ``-Command`` and
        the console do, so what it defines stays) and returns what it did."""
        if self.closed:
            raise RuntimeError("this pwshlike.testing.Session is closed")
        output: list[Any] = []
        format_session = self._session.formatter.new_session(color=False)
        console = self._console

        def emit(obj: Any) -> None:
            output.append(obj)
            for line in format_session.add(obj):
                console.write_line(line)

        _run_with_output(self._session, script, emit, format_session, input)
        result = console.take()
        result.output = output
        if self.strict:
            _raise_plugin_exception(result.errors)
        return result

    def close(self) -> None:
        """Ends the session: the plugins' ``pwshlike_session_end`` hooks
        run, and a plugin host built from ``environ=`` shuts down."""
        if self.closed:
            return
        self.closed = True
        self.plugins.end_session(self.context)
        if self._owns_plugins:
            self.plugins.shutdown()

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()


def run(script: str, *, input: Optional[Iterable[Any]] = None, strict: bool = False) -> Result:
    """Runs ``script`` in a fresh session (the process's plugins, non-interactive)."""
    with Session(strict=strict) as session:
        return session.run(script, input=input)


def _run_with_output(session: Any, script: str, emit: Any, format_session: Any,
                     input: Optional[Iterable[Any]]) -> None:
    """The console session's run, with ``emit`` as its output: objects are
    kept and formatted as Out-Default formats them, tables once their group
    ends; a parse error is reported in pwsh's ParserError layout."""
    from .runtime import execute_script
    from .dotnet.errors import ParseException
    try:
        try:
            execute_script(session.context, script, emit=emit, dot_source=True,
                           input=None if input is None else list(input))
        finally:
            for line in format_session.finish():
                session.host.write_line(line)
    except ParseException as exc:
        session.report_parse_errors(exc)
        session.context.last_success = False


def _raise_plugin_exception(errors: list[Any]) -> None:
    """Re-raises the first Python exception a plugin's cmdlet let escape
    (kept by its failure record as ``python_exception``)."""
    for record in errors:
        exception = getattr(record, "exception", None)
        while exception is not None:
            original = getattr(exception, "python_exception", None)
            if isinstance(original, BaseException):
                raise original
            exception = getattr(exception, "inner_exception", None)
