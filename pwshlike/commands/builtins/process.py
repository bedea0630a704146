"""Get-Process: the processes running on the computer, read from /proc.

A process is a ``System.Diagnostics.Process`` object with the facts
/proc gives (Id, ProcessName, SessionId, Path, the working set); a name or
id that matches nothing is pwsh's non-terminating NoProcessFoundForGivenName
or NoProcessFoundForGivenId error.
"""

from __future__ import annotations

import os
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, SystemException
from pwshlike.dotnet.wildcard import contains_wildcard, wildcard_match

_PROC = "/proc"


class ProcessCommandException(SystemException):
    full_name = "Microsoft.PowerShell.Commands.ProcessCommandException"


class Process:
    """``System.Diagnostics.Process``: one running process."""

    __slots__ = ("Id", "ProcessName", "SessionId")
    full_name = "System.Diagnostics.Process"
    PS_MEMBERS = {"Id": "Id", "ProcessName": "ProcessName", "Name": "ProcessName", "SessionId": "SessionId",
                  "SI": "SessionId", "Path": "path", "WorkingSet64": "working_set", "WS": "working_set",
                  "ToString": "__str__"}

    def __init__(self, pid: int, name: str, session_id: int) -> None:
        self.Id = pid
        self.ProcessName = name
        self.SessionId = session_id

    @property
    def path(self) -> Optional[str]:
        try:
            return os.readlink(f"{_PROC}/{self.Id}/exe")
        except OSError:
            return None

    @property
    def working_set(self) -> int:
        try:
            with open(f"{_PROC}/{self.Id}/statm", encoding="ascii") as f:
                return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            return 0

    def __str__(self) -> str:
        return f"System.Diagnostics.Process ({self.ProcessName})"


def read_process(pid: int) -> Optional[Process]:
    """The process ``pid`` (None when it is gone): its name from ``comm``
    and its session from ``stat``."""
    try:
        with open(f"{_PROC}/{pid}/comm", encoding="utf-8", errors="replace") as f:
            name = f.read().strip()
        with open(f"{_PROC}/{pid}/stat", encoding="utf-8", errors="replace") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return Process(pid, name, int(fields[3]))
    except (OSError, ValueError, IndexError):
        return None


def all_processes() -> Iterator[Process]:
    """Every process, by id."""
    try:
        ids = sorted(int(entry) for entry in os.listdir(_PROC) if entry.isdigit())
    except OSError:
        return
    for pid in ids:
        process = read_process(pid)
        if process is not None:
            yield process


@cmdlet("Get-Process", default_parameter_set="Name")
class GetProcessCommand(Cmdlet):
    """Gets the processes that are running on the local computer."""

    name = Parameter("String[]", aliases=("ProcessName",), sets={"Name": {
        "position": 0, "value_from_pipeline_by_property_name": True}}, supports_wildcards=True,
        help="Process names; wildcards are permitted.")
    id = Parameter("Int32[]", aliases=("PID",), sets={"Id": {
        "mandatory": True, "value_from_pipeline_by_property_name": True}}, help="Process ids.")

    def process_record(self) -> Iterator[Any]:
        if self.parameter_set_name == "Id":
            yield from self._by_id()
            return
        names = [str(n) for n in self.name] if self.name else None
        processes = sorted(all_processes(), key=lambda p: (p.ProcessName.lower(), p.Id))
        if names is None:
            yield from processes
            return
        for name in names:
            found = [p for p in processes if wildcard_match(p.ProcessName, name)]
            if not found and not contains_wildcard(name):
                self.write_error(_not_found(f'Cannot find a process with the name "{name}". Verify the process '
                                            "name and call the cmdlet again.", "NoProcessFoundForGivenName", name))
            yield from found

    def _by_id(self) -> Iterator[Any]:
        for pid in self.id:
            process = read_process(int(pid))
            if process is None:
                self.write_error(_not_found(f"Cannot find a process with the process identifier {pid}.",
                                            "NoProcessFoundForGivenId", pid))
            else:
                yield process


def _not_found(message: str, error_id: str, target: Any) -> ErrorRecord:
    return ErrorRecord(ProcessCommandException(message), error_id, ErrorCategory.ObjectNotFound, target)
