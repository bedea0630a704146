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
from typing import Any, Callable, Optional

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.enums import EditingMode
from prompt_toolkit.formatted_text import ANSI, StyleAndTextTuples, to_formatted_text
from prompt_toolkit.history import History
from prompt_toolkit.output import ColorDepth
from prompt_toolkit.shortcuts import CompleteStyle

from pwshlike.host.interactive import prompt_text
from pwshlike.host.session import Session

from .completer import PwshCompleter
from .completion import CompletionEngine
from .history import SharedHistory
from .hostui import HostLineReader
from .keys import build_key_bindings
from .lexer import PwshLexer
from .parsing import InputParser, preload_parser
from .theme import build_style, color_enabled

EDIT_MODE_VARIABLE = "PWSHLIKE_EDIT_MODE"
CONTINUATION_PROMPT = ">> "


def edit_mode() -> EditingMode:
    """Vi when ``$env:PWSHLIKE_EDIT_MODE`` says ``vi``, emacs otherwise."""
    return EditingMode.VI if os.environ.get(EDIT_MODE_VARIABLE, "").strip().lower() == "vi" else EditingMode.EMACS


class Repl:
    """The interactive shell over one session.  ``input``/``output`` are
    prompt_toolkit's (the terminal by default; tests pass a pipe input
    and a DummyOutput); ``history`` defaults to the shared history file."""

    def __init__(self, session: Session, *, input: Any = None, output: Any = None,
                 history: Optional[History] = None) -> None:
        self.session = session
        self.parser = InputParser()
        self.completion = CompletionEngine(session.context)
        self.host_reader = HostLineReader(input, output)
        self.prompt_session: PromptSession[str] = PromptSession(
            multiline=True,
            lexer=PwshLexer(self.parser),
            completer=PwshCompleter(self.completion),
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
        self._preload_after_first_render()

    def read(self) -> str:
        """One complete input.  Raises EOFError for Ctrl+D on an empty line
        and KeyboardInterrupt for Ctrl+C."""
        self.completion.new_prompt()
        self.prompt_session.editing_mode = edit_mode()
        # Output that did not end its line stays in front of the prompt, as in pwsh.
        on_the_line = self.session.host.take_line_tail()
        return self.prompt_session.prompt(self._message(on_the_line + prompt_text(self.session)))

    def run(self) -> Optional[int]:
        """The read-run loop; returns the exit code (``exit N`` gives N),
        or None when the terminal UI itself keeps failing, so the caller can
        go on without it."""
        host = self.session.host
        previous_reader = host.line_reader
        host.line_reader = self.host_reader
        try:
            return self._loop()
        finally:
            host.line_reader = previous_reader

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

    def _preload_after_first_render(self) -> None:
        """Starts loading the parser once the first prompt is on screen."""
        event = self.prompt_session.app.after_render

        def start(_app: object) -> None:
            event.remove_handler(start)
            preload_parser()

        event.add_handler(start)

    def _message(self, text: str) -> Callable[[], StyleAndTextTuples]:
        """The prompt, its last visible character in the error colour while
        the input has a syntax error (as PSReadLine marks it)."""
        fragments = to_formatted_text(ANSI(text))

        def message() -> StyleAndTextTuples:
            if not self.parser.has_syntax_error(self.prompt_session.default_buffer.text):
                return fragments
            return _mark_last_character(fragments)

        return message


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
