"""Reading script text a chunk at a time: the interactive loop and stdin scripts.

Both work like pwsh's console host without PSReadLine: lines are collected
until they parse as complete input (the parser flags "more input needed"
errors as ``incomplete_input``), with an empty line ending a multi-line
entry early; each complete chunk runs at global scope.  The interactive
loop shows ``PS <location>> `` (or the user's ``prompt`` function) and
``>> `` for continuation lines; errors never end it, ``exit`` does.  Reading
a script from redirected stdin (``-Command -``) does the same without
prompts.  On a terminal the prompt_toolkit shell (``pwshlike.repl``)
replaces the interactive loop; the loop remains for when it cannot run.

The REPL sits above the host (it is a front end built on the host's
session and prompt), so the host never imports it: the CLI hands
:func:`run_interactive` the REPL's entry as a :data:`FrontEnd`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:  # the session module loads the engine; the REPL draws its first prompt before that
    from .session import Session

    # A full-screen interactive shell: runs on the session until ``exit`` and
    # returns the exit code, or None when it cannot run on this terminal (or
    # its UI failed), so the plain loop takes over.  Only for type checking:
    # built at run time, the forward reference "Session" would be compiled,
    # and a process's first compile() costs a millisecond of every -Command
    # run's start-up (this module is on that path).
    FrontEnd = Callable[[Session], Optional[int]]


def needs_more_input(text: str) -> bool:
    """True when ``text`` only fails to parse because it is unfinished."""
    from ..language import parse_input
    errors = parse_input(text).errors
    return any(error.incomplete_input for error in errors)


def prompt_text(session: Session) -> str:
    """The primary prompt: the ``prompt`` function's output, ``PS>`` when it
    fails or returns nothing, pwsh's default when there is none."""
    from ..dotnet.conversions import to_string
    from ..runtime.flow import FlowControl
    context = session.context
    function = context.session.get_function("prompt", context.scope)
    if function is None:
        return _shown(session, default_prompt(context.session.location))
    try:
        result = function.invoke()
    except (Exception, FlowControl):
        return _shown(session, "PS>")
    text = to_string(result[0] if len(result) == 1 else result)
    return _shown(session, text if text else "PS>")


def default_prompt(location: str) -> str:
    """The prompt when there is no ``prompt`` function: ``PS <location>> ``."""
    return f"PS {location}> "


def _shown(session: Session, prompt: str) -> str:
    """Remembers the prompt for the transcript, which writes the command
    typed at it after it (pwsh's TranscriptionData.PromptText)."""
    transcription = getattr(session.host, "transcription", None)
    if transcription is not None:
        transcription.prompt = prompt
    return prompt


def _chunks(session: Session, interactive: bool):
    """Yields complete pieces of script text read from the host."""
    host = session.host
    buffer: list[str] = []
    while True:
        if interactive:
            try:
                line = host.read_input_line(">> " if buffer else prompt_text(session))
            except KeyboardInterrupt:
                host.write_line()
                buffer = []
                continue
        else:
            line = host.read_input_line("")
        if line is None:
            if buffer:
                yield "\n".join(buffer)
            return
        if buffer and not line.strip():
            text = "\n".join(buffer)
        else:
            buffer.append(line)
            text = "\n".join(buffer)
            if needs_more_input(text):
                continue
        buffer = []
        if text.strip():
            yield text


def run_interactive(session: Session, front_end: Optional[FrontEnd] = None) -> int:
    """The interactive shell: ``front_end`` (the CLI passes
    :func:`pwshlike.repl.front_end`, the line editor built on this host)
    when it can run on the terminal; this simple loop where it cannot (it
    returns None) or none is given.  Returns the exit code."""
    if front_end is not None:
        code = front_end(session)
        if code is not None:
            return code
    for text in _chunks(session, interactive=True):
        try:
            outcome = session.run(text, add_to_history=True)
        except KeyboardInterrupt:
            session.host.write_line()
            continue
        if outcome.exit_code is not None:
            return outcome.exit_code
    session.host.write_line()
    return 0


def run_stdin_script(session: Session) -> int:
    """``pwsh -Command -``: stdin's chunks run in turn; the exit code is
    ``exit``'s value, else 0 when the last chunk succeeded and 1 if not."""
    from .session import Outcome
    last = Outcome()
    for text in _chunks(session, interactive=False):
        last = session.run(text, add_to_history=True)
        if last.exit_code is not None:
            return last.exit_code
    return last.command_exit_code()
