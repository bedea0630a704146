"""Command history shared by every interactive shell of one user.

Like PSReadLine with ``HistorySaveStyle SaveIncrementally``: each accepted
entry is appended to the history file at once, and before each prompt the
entries other shells appended meanwhile are read in, so concurrent shells
see each other's commands.  The file uses PSReadLine's format: one entry per
line, a multi-line entry with a backtick ending each line but its last.
Appends are whole entries under an exclusive ``flock``, so two shells never
interleave half lines.

Lines that look sensitive (PSReadLine's default filter: ``password``,
``asplaintext``, ``token``, ``apikey``, ``secret``; and, beyond it, a line
holding a JSON Web Token itself, as a pasted ``Bearer eyJ...`` header
does) are kept in memory only: Up-arrow still recalls them in this shell,
but they never reach the file.
"""

from __future__ import annotations

import os
import re
from typing import AsyncGenerator, Iterable, Optional

from prompt_toolkit.history import History

SENSITIVE_PATTERN = re.compile("password|asplaintext|token|apikey|secret", re.IGNORECASE)
# A JWT (an access or id token): base64url JSON header and payload, then a signature.
JWT_PATTERN = re.compile(r"\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]*")
MAXIMUM_HISTORY_COUNT = 4096  # PSReadLine's default MaximumHistoryCount
HISTORY_FILE_NAME = "ConsoleHost_history.txt"


def is_sensitive(entry: str) -> bool:
    """Whether ``entry`` is kept out of the file: PSReadLine's default
    filter, or a token pasted into the line."""
    return SENSITIVE_PATTERN.search(entry) is not None or JWT_PATTERN.search(entry) is not None


def history_path() -> str:
    """``$XDG_DATA_HOME/pwshlike/PSReadLine/ConsoleHost_history.txt`` (the
    XDG default for ``XDG_DATA_HOME`` is ``~/.local/share``), where pwsh on
    Linux keeps PSReadLine's file under ``powershell``."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "pwshlike", "PSReadLine", HISTORY_FILE_NAME)


def encode_entry(entry: str) -> str:
    """An entry as the file stores it: lines joined by a backtick-newline."""
    return "`\n".join(entry.split("\n")) + "\n"


def decode_entries(text: str) -> list[str]:
    """The entries of (complete lines of) history file text, oldest first."""
    entries: list[str] = []
    pending: list[str] = []
    for line in text.split("\n"):
        if line.endswith("`"):
            pending.append(line[:-1])
            continue
        pending.append(line)
        entry = "\n".join(pending)
        pending = []
        if entry.strip():
            entries.append(entry)
    return entries


class SharedHistory(History):
    """prompt_toolkit history over a file other shells append to as well.

    ``_offset`` is how far this shell has read the file; only complete lines
    are consumed, so a read never splits an entry another shell is writing.
    """

    def __init__(self, path: Optional[str] = None) -> None:
        super().__init__()
        self.path = path if path is not None else history_path()
        self._offset = 0

    # --- prompt_toolkit's History contract -----------------------------------------

    def load_history_strings(self) -> Iterable[str]:
        """Newest first, as prompt_toolkit wants them, each entry once."""
        entries = self._read_new()
        newest_first: list[str] = []
        seen: set[str] = set()
        for entry in reversed(entries):
            if entry not in seen:
                seen.add(entry)
                newest_first.append(entry)
        return newest_first[:MAXIMUM_HISTORY_COUNT]

    async def load(self) -> AsyncGenerator[str, None]:
        """Called by the buffer at every prompt: entries appended by other
        shells since the last prompt come in before the stored ones."""
        if self._loaded:
            self._merge(self._read_new(), newest=True)
        else:
            self._load_file()
        async for item in super().load():
            yield item

    def append_string(self, string: str) -> None:
        """Adds an accepted entry in front; an earlier identical entry is
        no longer recalled (PSReadLine's HistoryNoDuplicates), though the
        file keeps every run."""
        self._load_file()
        self._remove(string)
        super().append_string(string)

    def _load_file(self) -> None:
        """The first read of the file, before anything is added or recalled."""
        if not self._loaded:
            self._loaded_strings = list(self.load_history_strings())
            self._loaded = True

    def store_string(self, string: str) -> None:
        """Appends one accepted entry to the file (sensitive ones stay in
        memory only).  Entries other shells wrote since this prompt started
        are taken in first, as older than this one."""
        if is_sensitive(string):
            return
        directory = os.path.dirname(self.path)
        try:
            if directory:
                os.makedirs(directory, mode=0o700, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        except OSError:
            return  # an unwritable history file must never disturb the shell
        try:
            with _locked(fd):
                others = self._read_from(fd)
                os.write(fd, encode_entry(string).encode("utf-8"))
                self._offset = os.fstat(fd).st_size
        finally:
            os.close(fd)
        self._merge(others, newest=False)

    # --- file access -------------------------------------------------------------

    def _merge(self, entries: list[str], newest: bool) -> None:
        """Takes in other shells' entries (oldest first): as the newest ones,
        or just behind the entry this shell has just added."""
        for entry in entries:
            if not newest and self._loaded_strings and self._loaded_strings[0] == entry:
                continue
            self._remove(entry)
            self._loaded_strings.insert(0 if newest else min(1, len(self._loaded_strings)), entry)
        del self._loaded_strings[MAXIMUM_HISTORY_COUNT:]

    def _remove(self, entry: str) -> None:
        try:
            self._loaded_strings.remove(entry)
        except ValueError:
            pass

    def _read_new(self) -> list[str]:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return []
        try:
            with _locked(fd, shared=True):
                return self._read_from(fd)
        finally:
            os.close(fd)

    def _read_from(self, fd: int) -> list[str]:
        """Entries in complete lines after ``_offset``; advances it."""
        size = os.fstat(fd).st_size
        if size < self._offset:  # the file was truncated or replaced
            self._offset = 0
        if size == self._offset:
            return []
        data = os.pread(fd, size - self._offset, self._offset)
        end = data.rfind(b"\n") + 1
        if end == 0:
            return []
        self._offset += end
        return decode_entries(data[:end - 1].decode("utf-8", errors="replace"))


class _locked:
    """``flock`` for the duration of a ``with`` block (a no-op where the
    platform has no ``fcntl``)."""

    def __init__(self, fd: int, shared: bool = False) -> None:
        self.fd = fd
        self.shared = shared

    def __enter__(self) -> None:
        try:
            import fcntl
        except ImportError:
            return
        fcntl.flock(self.fd, fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX)

    def __exit__(self, *exc: object) -> None:
        try:
            import fcntl
        except ImportError:
            return
        fcntl.flock(self.fd, fcntl.LOCK_UN)

