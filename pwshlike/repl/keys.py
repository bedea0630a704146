"""Key bindings of the interactive shell, on top of prompt_toolkit's emacs
or vi bindings (which already give Ctrl+R reverse search, Ctrl+C to cancel
the line and Ctrl+D on an empty line to leave).

* Enter runs the input when the parser says it is complete; when it is
  incomplete (open brace, hashtable or string, trailing pipe or backtick)
  it starts a new line, shown after ``>> ``.  Keys already waiting behind
  the Enter mean pasted text arriving without bracketed paste: the Enter
  becomes a new line, so the whole paste runs as one unit.  With the
  completion menu open, Enter takes the selected completion.
* Alt+Enter (Escape, Enter) always starts a new line (emacs mode; in vi
  mode Escape leaves insert mode).
* A bracketed paste is inserted as text, never run by itself.
* Tab completes: a single match is inserted, several matches first insert
  what they have in common, then open the menu; Tab and Shift+Tab move
  through an open menu.  Tab at the start of a line indents.
* Ctrl+Space opens the completion menu with every possibility.
"""

from __future__ import annotations

from prompt_toolkit.buffer import Buffer, CompletionState
from prompt_toolkit.completion import CompleteEvent, Completion
from prompt_toolkit.completion.base import get_common_complete_suffix
from prompt_toolkit.filters import Condition, emacs_mode, has_completions, is_searching
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys

from .parsing import InputParser

INDENT = "    "
_NOT_TYPED = frozenset((Keys.CPRResponse, Keys.Vt100MouseEvent, Keys.Ignore))


def build_key_bindings(parser: InputParser) -> KeyBindings:
    bindings = KeyBindings()
    menu_selection = Condition(_has_selected_completion)

    @bindings.add("enter", filter=~is_searching & menu_selection)
    def _take_completion(event: KeyPressEvent) -> None:
        event.current_buffer.complete_state = None

    @bindings.add("enter", filter=~is_searching & ~menu_selection)
    def _enter(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        buffer.complete_state = None
        if _typed_ahead(event) or parser.needs_more_input(buffer.text):
            buffer.insert_text("\n")
        else:
            buffer.validate_and_handle()

    @bindings.add("escape", "enter", filter=~is_searching & emacs_mode)
    def _new_line(event: KeyPressEvent) -> None:
        event.current_buffer.insert_text("\n")

    @bindings.add(Keys.BracketedPaste)
    def _paste(event: KeyPressEvent) -> None:
        text = event.data.replace("\r\n", "\n").replace("\r", "\n")
        buffer = event.current_buffer
        if buffer.document.is_cursor_at_the_end:
            text = text.rstrip("\n")
        buffer.insert_text(text)

    @bindings.add("tab", filter=~is_searching)
    def _tab(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        if buffer.complete_state is not None:
            buffer.complete_next()
            return
        if not buffer.document.current_line_before_cursor.strip():
            buffer.insert_text(INDENT)
            return
        completions = _completions(buffer)
        if len(completions) == 1:
            buffer.apply_completion(completions[0])
            return
        if not completions:
            return
        common = get_common_complete_suffix(buffer.document, completions)
        if common:
            buffer.insert_text(common)
        else:
            _open_menu(buffer, completions)

    @bindings.add("s-tab", filter=has_completions)
    def _previous(event: KeyPressEvent) -> None:
        event.current_buffer.complete_previous()

    @bindings.add("c-space", filter=~is_searching)
    def _menu(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        if buffer.complete_state is not None:
            buffer.complete_next()
            return
        completions = _completions(buffer)
        if completions:
            _open_menu(buffer, completions)

    return bindings


def _typed_ahead(event: KeyPressEvent) -> bool:
    """Whether keys the user typed are already waiting behind this Enter
    (terminal reports such as cursor-position answers do not count)."""
    return any(press.key not in _NOT_TYPED for press in event.app.key_processor.input_queue)


def _open_menu(buffer: Buffer, completions: list[Completion]) -> None:
    """Shows ``completions`` in the menu, none selected yet."""
    buffer.complete_state = CompletionState(original_document=buffer.document, completions=completions)


def _completions(buffer: Buffer) -> list[Completion]:
    """The completions at the cursor, computed at once (the shell's
    completer is fast and synchronous, so the menu never lags the keys)."""
    if buffer.completer is None:
        return []
    event = CompleteEvent(completion_requested=True)
    return list(buffer.completer.get_completions(buffer.document, event))


def _has_selected_completion() -> bool:
    from prompt_toolkit.application.current import get_app
    state = get_app().current_buffer.complete_state
    return state is not None and state.current_completion is not None
