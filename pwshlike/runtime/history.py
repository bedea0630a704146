"""The session's command history: what Get-History shows.

pwsh keeps one history per runspace, fed only by pipelines created with
"add to history" (the console host's interactive lines, a hosting
application's ``PSInvocationSettings.AddToHistory``), never by scripts or
``-Command`` text.  An entry is added when its pipeline ends, so a line
does not see itself in ``Get-History``; Add-History adds the running line
first (status Running, finished when it ends) so that what it adds comes
after it.  Ids grow by one per entry and are never reused, even after
Clear-History; only the newest ``$MaximumHistoryCount`` entries are kept.

This is the session's history, not PSReadLine's file of typed lines that
the interactive editor recalls with Up-arrow (``pwshlike/repl/history.py``).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Optional

from ..dotnet.values import EnumInfo

PIPELINE_STATE = EnumInfo("System.Management.Automation.Runspaces.PipelineState", (
    ("NotStarted", 0), ("Running", 1), ("Stopping", 2), ("Stopped", 3), ("Completed", 4), ("Failed", 5),
    ("Disconnected", 6)))
DEFAULT_HISTORY_SIZE = 4096


class HistoryInfo:
    """``Microsoft.PowerShell.Commands.HistoryInfo``: one command line the
    session ran, its final state and when it ran."""

    __slots__ = ("Id", "CommandLine", "ExecutionStatus", "StartExecutionTime", "EndExecutionTime", "cleared")
    full_name = "Microsoft.PowerShell.Commands.HistoryInfo"
    PS_MEMBERS = {"Id": "Id", "CommandLine": "CommandLine", "ExecutionStatus": "ExecutionStatus",
                  "StartExecutionTime": "StartExecutionTime", "EndExecutionTime": "EndExecutionTime",
                  "Duration": "Duration", "Clone": "Clone", "ToString": "__str__"}

    def __init__(self, command_line: str, status: Any, start: _dt.datetime, end: _dt.datetime) -> None:
        self.Id = 0
        self.CommandLine = command_line
        self.ExecutionStatus = status
        self.StartExecutionTime = start
        self.EndExecutionTime = end
        self.cleared = False

    @property
    def Duration(self) -> _dt.timedelta:
        return self.EndExecutionTime - self.StartExecutionTime

    def Clone(self) -> "HistoryInfo":
        """A copy, as pwsh hands out: changing the session's entry later
        (Add-History's running line finishing) does not change it."""
        copy = HistoryInfo(self.CommandLine, self.ExecutionStatus, self.StartExecutionTime, self.EndExecutionTime)
        copy.Id = self.Id
        return copy

    def __str__(self) -> str:
        return self.CommandLine if self.CommandLine else self.full_name


def pipeline_state(name: str) -> Any:
    """The ``PipelineState`` value called ``name`` (Completed, Failed...)."""
    return PIPELINE_STATE[name]


class History:
    """One session's entries, oldest first, and the line now running.

    ``capacity`` is read from ``$MaximumHistoryCount`` by the caller on
    each add (a callable, so a change of the variable applies at once).
    """

    def __init__(self) -> None:
        self._entries: list[HistoryInfo] = []
        self._added = 0
        self._running: Optional[tuple[str, _dt.datetime]] = None
        self._running_entry: Optional[HistoryInfo] = None
        self.invoking: set[int] = set()  # Invoke-History's loop detection

    # --- recording --------------------------------------------------------------------------

    def begin(self, command_line: str) -> None:
        """A line that adds to history starts running: its commands'
        ``$MyInvocation.HistoryId`` is the id it will get."""
        from ..dotnet.errors import set_running_history_id
        self._running = (command_line, _dt.datetime.now())
        self._running_entry = None
        set_running_history_id(self.next_id())

    def replace_running(self, command_line: str) -> None:
        """Invoke-History: the running line is recorded as the command it ran."""
        if self._running is not None:
            self._running = (command_line, self._running[1])

    def add_running(self, capacity: int) -> None:
        """Add-History: records the running line now (status Running),
        so that the entries it adds follow it."""
        if self._running is None or self._running_entry is not None:
            return
        line, start = self._running
        self._running_entry = self._get_live(self.add(line, pipeline_state("Running"), start, start, capacity))

    def end(self, status: str, capacity: int) -> None:
        """The running line ended with ``status`` (Completed, Failed, Stopped)."""
        if self._running is None:
            return
        line, start = self._running
        now = _dt.datetime.now()
        if self._running_entry is not None:
            self._running_entry.ExecutionStatus = pipeline_state(status)
            self._running_entry.EndExecutionTime = now
        elif line.strip():
            self.add(line, pipeline_state(status), start, now, capacity)
        self._running = None
        self._running_entry = None

    def add(self, command_line: str, status: Any, start: _dt.datetime, end: _dt.datetime, capacity: int) -> int:
        """A new entry; returns its id.  The oldest entries beyond
        ``capacity`` are dropped."""
        entry = HistoryInfo(command_line, status, start, end)
        self._added += 1
        entry.Id = self._added
        self._entries.append(entry)
        capacity = capacity if capacity > 0 else DEFAULT_HISTORY_SIZE
        if len(self._entries) > capacity:
            del self._entries[:len(self._entries) - capacity]
        return entry.Id

    # --- reading ------------------------------------------------------------------------------

    def entries(self) -> list[HistoryInfo]:
        """The entries not cleared, oldest first (the session's own objects)."""
        return [entry for entry in self._entries if not entry.cleared]

    def get(self, entry_id: int) -> Optional[HistoryInfo]:
        """A copy of the entry with this id, or None when there is none
        (never added, dropped or cleared)."""
        entry = self._get_live(entry_id)
        return entry.Clone() if entry is not None else None

    def _get_live(self, entry_id: int) -> Optional[HistoryInfo]:
        for entry in self._entries:
            if entry.Id == entry_id:
                return None if entry.cleared else entry
        return None

    def next_id(self) -> int:
        """The id the next entry gets (``$MyInvocation.HistoryId`` of a running line)."""
        return self._added + 1

    def clear(self, entry_id: int) -> None:
        entry = self._get_live(entry_id)
        if entry is not None:
            entry.cleared = True


def capacity(context: Any) -> int:
    """``$MaximumHistoryCount`` as a number (pwsh's default when it is not one)."""
    value = context.get_variable_value("MaximumHistoryCount")
    try:
        return int(value) if value is not None and int(value) > 0 else DEFAULT_HISTORY_SIZE
    except (TypeError, ValueError):
        return DEFAULT_HISTORY_SIZE


def _register() -> None:
    from ..dotnet import types
    types.register_class(HistoryInfo, HistoryInfo.full_name)


_register()
