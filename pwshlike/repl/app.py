"""The interactive shell's read-run loop on a prompt_toolkit PromptSession.

Each round shows the prompt (``PS <location>> `` or the user's ``prompt``
function), reads one complete input (see ``keys.py`` for Enter and
completion, ``lexer.py`` for colours, ``history.py`` for history) and runs
it in the session.  Ctrl+C while a command runs stops it and returns to the
prompt; Ctrl+C at the prompt discards the line; Ctrl+D on an empty line or
``exit`` leaves.  No error ends the session: even an internal failure is
reported as a PowerShell error and the next prompt follows.

``$env:PWSHLIKE_EDIT_MODE`` chooses the key bindings (``emacs``, the
default, or ``vi``) and is read at every prompt, so a profile or the
session itself can switch.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Callable, Optional

from prompt_toolkit import PromptSession
from prompt_toolkit.application import run_in_terminal
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.enums import EditingMode
from prompt_toolkit.formatted_text import ANSI, StyleAndTextTuples, to_formatted_text
from prompt_toolkit.history import History
from prompt_toolkit.output import ColorDepth
from prompt_toolkit.shortcuts import CompleteStyle

from pwshlike.host.interactive import default_prompt, prompt_text

from .history import SharedHistory
from .hostui import HostLineReader
from .keys import build_key_bindings
from .parsing import InputParser, preload_parser
from .theme import build_style, color_enabled

if TYPE_CHECKING:
    from pwshlike.host.session import Session

    from .completion import CompletionEngine

EDIT_MODE_VARIABLE = "PWSHLIKE_EDIT_MODE"
CONTINUATION_PROMPT = ">> "


def edit_mode() -> EditingMode:
    """Vi when ``$env:PWSHLIKE_EDIT_MODE`` says ``vi``, emacs otherwise."""
    return EditingMode.VI if os.environ.get(EDIT_MODE_VARIABLE, "").strip().lower() == "vi" else EditingMode.EMACS


class Repl:
    """The interactive shell over one session.  ``input``/``output`` are
    prompt_toolkit's (the terminal by default; tests pass a pipe input
    and a DummyOutput); ``history`` defaults to the shared history file.

    Given ``build`` instead of a session, the shell starts before the
    engine: the first prompt is pwsh's default for the current directory
    (what a new session without profiles shows), and ``build`` makes the
    session as soon as that prompt is on screen, before any key is
    handled, so the first keystroke, Tab or Enter already has the session.
    Should the session's own prompt differ (a plugin's start-up hook
    defined one or moved), it replaces the drawn one; what the build wrote
    is shown above the prompt."""

    def __init__(self, session: Optional[Session] = None, *, build: Optional[Callable[[], Session]] = None,
                 input: Any = None, output: Any = None, history: Optional[History] = None) -> None:
        if (session is None) == (build is None):
            raise TypeError("Repl needs either a session or a way to build one")
        self._session: Optional[Session] = None
        self._build = build
        self._running = False
        self._previous_reader: Any = None
        self.completion: Optional[CompletionEngine] = None
        self.parser = InputParser()
        self.host_reader = HostLineReader(input, output)
        self._prompt_text = ""
        self._prompt_fragments: StyleAndTextTuples = []
        self.prompt_session: PromptSession[str] = PromptSession(
            multiline=True,
            complete_while_typing=False,
            complete_style=CompleteStyle.COLUMN,
            history=history if history is not None else SharedHistory(),
            enable_history_search=True,
            auto_suggest=AutoSuggestFromHistory(),
            search_ignore_case=True,
            key_bindings=build_key_bindings(self.parser),
            prompt_continuation=_continuation,
            style=build_style(),
            include_default_pygments_style=False,
            color_depth=None if color_enabled() else ColorDepth.DEPTH_1_BIT,
            input=input,
            output=output,
        )
        if session is not None:
            self._attach(session)
        self._after_first_render()

    @property
    def session(self) -> Session:
        """The session (built now if the first prompt has not built it:
        the terminal UI failed before drawing it)."""
        if self._session is None:
            session, written = self._build_quietly()
            _replay(written)
            self._attach(session)
        assert self._session is not None
        return self._session

    def read(self) -> str:
        """One complete input.  Raises EOFError for Ctrl+D on an empty line
        and KeyboardInterrupt for Ctrl+C."""
        self.prompt_session.editing_mode = edit_mode()
        if self._session is None:
            self._show_prompt(default_prompt(os.getcwd()))
        else:
            self._show_prompt(self._session_prompt())
        return self.prompt_session.prompt(self._message)

    def run(self) -> Optional[int]:
        """The read-run loop; returns the exit code (``exit N`` gives N),
        or None when the terminal UI itself keeps failing, so the caller can
        go on without it."""
        self._running = True
        if self._session is not None:
            self._install_reader()
        try:
            return self._loop()
        except _StartFailed as failed:
            raise failed.error from None
        finally:
            self._running = False
            if self._session is not None:
                self._session.host.line_reader = self._previous_reader

    def _loop(self) -> Optional[int]:
        failures = 0
        while True:
            try:
                text = self.read()
                failures = 0
            except KeyboardInterrupt:
                continue
            except EOFError:
                return 0
            except Exception as exc:  # noqa: BLE001 - the terminal UI failed, not the user's code
                _report_internal_error(self.session.host, exc)
                failures += 1
                if failures > 1:
                    return None
                continue
            if not text.strip():
                continue
            code = self.execute(text)
            if code is not None:
                return code

    def execute(self, text: str) -> Optional[int]:
        """Runs one input; the exit code when it ran ``exit``, else None."""
        host = self.session.host
        try:
            outcome = self.session.run(text, add_to_history=True)
        except KeyboardInterrupt:
            host.write_line()
            self.session.context.last_success = False
            return None
        except Exception as exc:  # noqa: BLE001 - an engine bug must not end the session
            _report_internal_error(host, exc)
            self.session.context.last_success = False
            return None
        finally:
            host.flush()
        return outcome.exit_code

    def _attach(self, session: Session) -> None:
        """Highlighting and completion come with the session: the lexer
        and the completion engine need the language and command layers."""
        from .completer import PwshCompleter
        from .completion import CompletionEngine
        from .lexer import PwshLexer
        self._session = session
        self.completion = CompletionEngine(session.context)
        self.prompt_session.lexer = PwshLexer(self.parser)
        self.prompt_session.completer = PwshCompleter(self.completion)
        if self._running:
            self._install_reader()

    def _install_reader(self) -> None:
        host = self.session.host
        self._previous_reader = host.line_reader
        host.line_reader = self.host_reader

    def _session_prompt(self) -> str:
        """The session's prompt, after the output that did not end its
        line (it stays in front of the prompt, as in pwsh)."""
        session = self.session
        assert self.completion is not None
        self.completion.new_prompt()
        on_the_line = session.host.take_line_tail()
        return on_the_line + prompt_text(session)

    def _show_prompt(self, text: str) -> None:
        self._prompt_text = text
        self._prompt_fragments = to_formatted_text(ANSI(text))

    def _after_first_render(self) -> None:
        """Once the first prompt is on screen: the session is built if it
        is not there yet, and the parser starts loading for the first key."""
        event = self.prompt_session.app.after_render

        def start(_app: object) -> None:
            event.remove_handler(start)
            if self._session is None:
                self._start_session()
            preload_parser()

        event.add_handler(start)

    def _start_session(self) -> None:
        """Builds the session under the drawn prompt; a failure ends the
        prompt with the error (the CLI reports it as before)."""
        app = self.prompt_session.app
        try:
            session, written = self._build_quietly()
            self._attach(session)
            real = self._session_prompt()
        except BaseException as exc:  # noqa: BLE001 - given to prompt(), which raises it
            app.exit(exception=_StartFailed(exc))
            return
        if written:
            run_in_terminal(lambda: _replay(written))
        if real != self._prompt_text:
            self._show_prompt(real)
            app.invalidate()

    def _build_quietly(self) -> tuple[Session, list[tuple[Any, str]]]:
        """Runs ``build`` with the process's stdout and stderr held: what
        it writes (a plugin's warning) would break the prompt on screen, so
        it is kept, in order, to be shown above the prompt afterwards."""
        assert self._build is not None
        build, self._build = self._build, None
        written: list[tuple[Any, str]] = []
        out, err = sys.stdout, sys.stderr
        held_out, held_err = _HeldStream(out, written), _HeldStream(err, written)
        sys.stdout, sys.stderr = held_out, held_err
        try:
            session = build()
        finally:
            sys.stdout, sys.stderr = out, err
        host = session.host
        if host.stdout is held_out:
            host.stdout = out
        if host.stderr is held_err:
            host.stderr = err
        return session, written

    def _message(self) -> StyleAndTextTuples:
        """The prompt, its last visible character in the error colour while
        the input has a syntax error (as PSReadLine marks it)."""
        fragments = self._prompt_fragments
        if not self.parser.has_syntax_error(self.prompt_session.default_buffer.text):
            return fragments
        return _mark_last_character(fragments)


class _StartFailed(BaseException):
    """Building the session failed under the first prompt: :meth:`Repl.run`
    re-raises ``error`` for the CLI, as if it had failed before the prompt
    (no handler of the read loop may take it for a Ctrl+C or a UI error)."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(error)
        self.error = error


class _HeldStream:
    """A text stream standing in for stdout or stderr while the session is
    built: writes are kept (with the real stream) instead of written; all
    else (``isatty``, ``fileno``, ``encoding``) is the real stream's."""

    def __init__(self, stream: Any, written: list[tuple[Any, str]]) -> None:
        self._stream = stream
        self._written = written

    def write(self, text: str) -> int:
        self._written.append((self._stream, text))
        return len(text)

    def flush(self) -> None:
        pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _replay(written: list[tuple[Any, str]]) -> None:
    for stream, text in written:
        stream.write(text)
    for stream in {id(stream): stream for stream, _ in written}.values():
        stream.flush()


def _mark_last_character(fragments: StyleAndTextTuples) -> StyleAndTextTuples:
    marked = list(fragments)
    for index in range(len(marked) - 1, -1, -1):
        style, text = marked[index][0], marked[index][1]
        stripped = text.rstrip()
        if stripped:
            cut = len(stripped) - 1
            marked[index:index + 1] = [(style, text[:cut]), (style + " class:prompt.error", text[cut]),
                                       (style, text[cut + 1:])]
            break
    return marked


def _continuation(width: int, line_number: int, wrap_count: int) -> str:
    return "" if wrap_count else CONTINUATION_PROMPT


def _report_internal_error(host: Any, exc: BaseException) -> None:
    if os.environ.get("PWSHLIKE_DEBUG") == "1":
        import sys
        import traceback
        traceback.print_exception(exc, file=sys.stderr)
    from pwshlike.dotnet.errors import to_error_record
    host.write_error_record(to_error_record(exc))
