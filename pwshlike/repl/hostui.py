"""Host prompts through prompt_toolkit while the interactive shell runs.

Commands ask the user through the host: Read-Host, mandatory-parameter
prompts, Confirm choices, Get-Credential.  The shell installs a
:class:`HostLineReader` as ``ConsoleHost.line_reader`` so those reads get
the same line editing as the shell's own prompt, and masked input shows a
``*`` per character.  What the command already wrote on the line (``Name: ``)
is passed in as the prompt, so redrawing keeps it in place.  Nothing typed
here is kept in any history (answers may be secrets).  Ctrl+C raises
KeyboardInterrupt, which stops the running pipeline; Ctrl+D is end of input.
"""

from __future__ import annotations

from typing import Any, Optional


class HostLineReader:
    """``(prompt, masked) -> line or None``, for ``ConsoleHost.line_reader``."""

    def __init__(self, input: Any = None, output: Any = None) -> None:
        self._input = input
        self._output = output
        self._session: Any = None

    def __call__(self, prompt: str, masked: bool) -> Optional[str]:
        from prompt_toolkit.formatted_text import ANSI
        if self._session is None:
            from prompt_toolkit import PromptSession
            from prompt_toolkit.history import DummyHistory
            self._session = PromptSession(input=self._input, output=self._output, history=DummyHistory())
        try:
            return self._session.prompt(ANSI(prompt), is_password=masked)
        except EOFError:
            return None
