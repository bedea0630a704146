"""The interactive shell: prompt_toolkit line editing for pwshlike.

What the user gets, PSReadLine-style:

* the ``PS <location>> `` prompt, or the output of a ``prompt`` function;
* highlighting from pwshlike's tokenizer (``lexer.py``), colours from a
  pygments style (``$env:PWSHLIKE_COLOR_STYLE`` names one; ``NO_COLOR``
  turns colours off);
* multi-line input: Enter on incomplete input continues on a ``>> `` line,
  pasted scripts run as one unit (``keys.py``);
* completion on Tab, a menu on Ctrl+Space, driven by command metadata
  (``completion.py``);
* history shared by concurrent shells in
  ``$XDG_DATA_HOME/pwshlike/PSReadLine/ConsoleHost_history.txt``, sensitive
  lines kept in memory only (``history.py``); Up-arrow searches by prefix,
  Ctrl+R searches backwards;
* emacs key bindings, or vi with ``$env:PWSHLIKE_EDIT_MODE = 'vi'``;
* commands' prompts (Read-Host, mandatory parameters, Confirm,
  Get-Credential) read through the same UI (``hostui.py``).

This package imports prompt_toolkit, so only an interactive start loads it;
:func:`available` tells whether it can run (a real terminal on both ends
and prompt_toolkit installed) and is cheap.  :func:`run_starting` is the
quick start: the first prompt is drawn before the engine is loaded, and
the session is built under it.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Callable, Optional

if TYPE_CHECKING:
    from pwshlike.host.session import Session


def available(host: Any) -> bool:
    """Whether the prompt_toolkit shell can drive ``host``: its streams are
    the process's own terminal (not redirected, not ``TERM=dumb``) and
    prompt_toolkit is installed."""
    if getattr(host, "stdin", None) is not sys.stdin or getattr(host, "stdout", None) is not sys.stdout:
        return False
    return terminal_available()


def terminal_available() -> bool:
    """Whether the shell can run on the process's stdin and stdout: both a
    terminal (not ``TERM=dumb``) and prompt_toolkit installed."""
    if os.environ.get("TERM") == "dumb" or not (_is_tty(sys.stdin) and _is_tty(sys.stdout)):
        return False
    import importlib.util
    return importlib.util.find_spec("prompt_toolkit") is not None


def front_end(session: Any) -> Optional[int]:
    """The entry the CLI hands the host's interactive loop
    (``pwshlike.host.interactive.FrontEnd``): the shell when it can drive
    the session's host, else None so the plain loop runs."""
    if not available(session.host):
        return None
    return run(session)


def run(session: Any) -> Optional[int]:
    """Runs the interactive shell on ``session`` until ``exit`` or Ctrl+D;
    returns the exit code, or None if the terminal UI failed (the caller
    then continues with its plain line reader)."""
    from .app import Repl
    return Repl(session).run()


def run_starting(build: Callable[[], Session]) -> tuple[Optional[int], Session]:
    """The shell on the session ``build`` makes once the first prompt is
    drawn (see :class:`~pwshlike.repl.app.Repl`); only for a session whose
    first prompt is pwsh's default (no profile ran).  Returns the exit code
    as :func:`run` does (None: the UI failed, the caller goes on without
    it) and the session.  A failure of ``build`` is raised."""
    from .app import Repl
    repl = Repl(build=build)
    code = repl.run()
    return code, repl.session


def _is_tty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False
