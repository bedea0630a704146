"""Transcripts: the record of a session that Start-Transcript keeps.

As in pwsh (PSHostUserInterface's transcription), a session may run
several transcripts at once (nested Start-Transcript calls); each gets
pwsh's header when it starts and its footer when it stops, and every line
the host shows while it runs: output, errors, warnings, verbose and debug
messages, Write-Host text, and the command lines the user enters after the
prompt (``PS /home/me> Get-Date``).  Lines are written as they come, in
UTF-8 without a byte order mark, with VT colour sequences removed; a
transcript still running when the process ends gets its footer then.

What is typed at a prompt (Read-Host, -AsSecureString, credentials) is
never written: only what the host displays.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from typing import Any, Optional, TextIO

BANNER = "**********************"
_VT = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


def _stamp(when: _dt.datetime) -> str:
    return when.strftime("%Y%m%d%H%M%S")


class Transcript:
    """One transcript file being written."""

    def __init__(self, path: str, include_invocation_header: bool) -> None:
        self.path = path
        self.include_invocation_header = include_invocation_header
        self._file: Optional[TextIO] = None

    def write_lines(self, lines: list[str]) -> None:
        """Appends lines, creating the file (and its folder) on first use."""
        if self._file is None:
            folder = os.path.dirname(self.path)
            if folder:
                os.makedirs(folder, exist_ok=True)
            self._file = open(self.path, "a", encoding="utf-8", newline="\n")
        for line in lines:
            self._file.write(line + "\n")
        self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class Transcription:
    """The transcripts of one session, newest last; ``prompt`` is the text
    of the last prompt shown, written in front of the command typed at it."""

    def __init__(self) -> None:
        self.transcripts: list[Transcript] = []
        self.prompt = "PS>"
        self._partial = ""
        self._exit_hook = False

    @property
    def active(self) -> bool:
        return bool(self.transcripts)

    def start(self, path: str, header: list[str], include_invocation_header: bool) -> None:
        """Starts a transcript at ``path`` with ``header`` (the lines of
        pwsh's prologue) written first."""
        transcript = Transcript(path, include_invocation_header)
        transcript.write_lines(header)
        self.transcripts.append(transcript)
        if not self._exit_hook:
            import atexit
            atexit.register(self.stop_all)
            self._exit_hook = True

    def stop(self) -> Optional[str]:
        """Stops the newest transcript with pwsh's footer; returns its path,
        None when none is running."""
        if not self.transcripts:
            return None
        self._flush_partial()
        transcript = self.transcripts.pop()
        try:
            transcript.write_lines(footer(_dt.datetime.now()))
        except OSError:
            pass  # pwsh ignores a footer it cannot write
        transcript.close()
        return transcript.path

    def stop_all(self) -> None:
        while self.transcripts:
            self.stop()

    # --- what the host shows ------------------------------------------------------------------

    def command(self, text: str) -> None:
        """A command line the user entered (or a script's text), after the prompt."""
        if not self.transcripts:
            return
        self._flush_partial()
        lines = text.split("\n")
        logged = [self.prompt + lines[0]] + [">> " + line for line in lines[1:]]
        for transcript in self.transcripts:
            head = []
            if transcript.include_invocation_header:
                head = [BANNER, f"Command start time: {_stamp(_dt.datetime.now())}", BANNER]
            self._write(transcript, head + logged)

    def result(self, text: str, newline: bool = True) -> None:
        """Text the host displayed; without ``newline`` it waits for the
        rest of its line."""
        if not self.transcripts:
            return
        text = self._partial + _VT.sub("", text)
        if not newline:
            self._partial = text
            return
        self._partial = ""
        lines = [line.rstrip() for line in text.rstrip().split("\n")]
        for transcript in self.transcripts:
            self._write(transcript, lines)

    def _flush_partial(self) -> None:
        if self._partial:
            self.result("")

    def end_line(self) -> None:
        """Ends a line left open (a prompt before the user's answer, which
        is not written)."""
        self._flush_partial()

    def _write(self, transcript: Transcript, lines: list[str]) -> None:
        try:
            transcript.write_lines(lines)
        except OSError:
            pass  # pwsh keeps retrying in the background; the session goes on


def header(when: _dt.datetime, user: str, machine: str, os_version: str, host_application: str,
           process_id: int, version_lines: list[str], minimal: bool) -> list[str]:
    """pwsh's transcript prologue (InternalHostUserInterfaceStrings.TranscriptPrologue)."""
    if minimal:
        return [BANNER, "PowerShell transcript start", f"Start time: {_stamp(when)}", BANNER]
    return [BANNER, "PowerShell transcript start", f"Start time: {_stamp(when)}", f"Username: {user}",
            f"RunAs User: {user}", "Configuration Name: ", f"Machine: {machine} ({os_version})",
            f"Host Application: {host_application}", f"Process ID: {process_id}", *version_lines, BANNER]


def footer(when: _dt.datetime) -> list[str]:
    """pwsh's transcript epilogue."""
    return [BANNER, "PowerShell transcript end", f"End time: {_stamp(when)}", BANNER]


def transcription_of(context: Any) -> Transcription:
    """The session's transcription state, made on first use (the first
    Start-Transcript) and handed to a host that writes to transcripts (one
    with a ``transcription`` attribute, as the console host has)."""
    state = getattr(context, "transcription", None)
    if state is None:
        state = Transcription()
        context.transcription = state
        if hasattr(context.host, "transcription"):
            context.host.transcription = state
    return state
