"""``System.Diagnostics.Process``: one process, as the process cmdlets
return it.

The facts come from psutil and /proc, read the way .NET reads them on Linux
(WorkingSet64 is VmRSS, PagedMemorySize64 VmSwap, PrivateMemorySize64
VmData, VirtualMemorySize64 VmSize, NonpagedSystemMemorySize64 is 0,
SessionId the session of ``getsid``), so the default table shows what
pwsh shows.  The memory figures are a snapshot taken on first use and
renewed by ``Refresh()``, as .NET caches them.  psutil is imported only
when a process is looked at, so plain start-up stays lean.

A process this shell started (Start-Process) keeps its ``Popen``: only
that one has an ExitCode, as in .NET, where ExitCode of another process
is an InvalidOperationException.
"""

from __future__ import annotations

import datetime as _dt
import os
import time
from typing import Any, Optional

from pwshlike.dotnet.errors import InvalidOperationException

from .process_modules import ProcessModule, modules_of, register_module_types

_PROC = "/proc"


def psutil_module() -> Any:
    """psutil, imported on first use (it is not needed to start the shell)."""
    import psutil
    return psutil


class Process:
    """``System.Diagnostics.Process``: one process, running or exited."""

    __slots__ = ("Id", "_name", "_status", "_popen", "_started", "__weakref__")
    full_name = "System.Diagnostics.Process"
    PS_MEMBERS = {
        "Id": "Id", "ProcessName": "ProcessName", "Name": "ProcessName", "SessionId": "SessionId",
        "SI": "SessionId", "Path": "path", "CommandLine": "command_line", "StartTime": "start_time",
        "CPU": "cpu", "WorkingSet64": "working_set", "WS": "working_set", "PagedMemorySize64": "paged",
        "PM": "paged", "NonpagedSystemMemorySize64": "nonpaged", "NPM": "nonpaged",
        "VirtualMemorySize64": "virtual", "VM": "virtual", "PrivateMemorySize64": "private",
        "HandleCount": "handle_count", "Handles": "handle_count", "HasExited": "has_exited",
        "ExitCode": "exit_code", "Responding": "responding", "Parent": "parent",
        "MainModule": "main_module", "Modules": "modules",
        "Kill": "kill", "WaitForExit": "wait_for_exit", "Refresh": "refresh", "ToString": "__str__",
    }

    def __init__(self, pid: int, name: str, popen: Any = None, started: Optional[float] = None) -> None:
        self.Id = pid
        self._name = name
        self._status: Optional[dict[str, int]] = None
        self._popen = popen
        self._started = _create_time(pid) if started is None else started

    # --- identity -------------------------------------------------------------------------------

    @property
    def ProcessName(self) -> str:
        return self._name

    @property
    def SessionId(self) -> int:
        if self.Id <= 0:  # getsid(0) would name this process's session
            return 0
        try:
            return os.getsid(self.Id)
        except OSError:
            return 0

    @property
    def path(self) -> Optional[str]:
        try:
            return os.readlink(f"{_PROC}/{self.Id}/exe")
        except OSError:
            return None

    @property
    def command_line(self) -> Optional[str]:
        """pwsh's CommandLine on Linux: /proc's cmdline, NULs as spaces."""
        try:
            with open(f"{_PROC}/{self.Id}/cmdline", "rb") as f:
                raw = f.read()
        except OSError:
            return None
        return raw.rstrip(b"\0").replace(b"\0", b" ").decode("utf-8", "replace")

    @property
    def start_time(self) -> Optional[_dt.datetime]:
        return _dt.datetime.fromtimestamp(self._started) if self._started else None

    @property
    def main_module(self) -> Optional[ProcessModule]:
        """The module of the program file itself (None when there is none
        to read, as for another user's process)."""
        program = self.path
        return next((m for m in self.modules if m.FileName == program), None) if program else None

    @property
    def modules(self) -> list[ProcessModule]:
        return (modules_of(self.Id) if self.Id else None) or []

    @property
    def parent(self) -> Optional["Process"]:
        try:
            ppid = psutil_module().Process(self.Id).ppid()
        except Exception:
            return None
        return read_process(ppid) if ppid else None

    # --- resources ------------------------------------------------------------------------------

    @property
    def cpu(self) -> Optional[float]:
        """TotalProcessorTime in seconds (user plus system time)."""
        try:
            times = psutil_module().Process(self.Id).cpu_times()
        except Exception:
            return None
        return round(times.user + times.system, 7)  # .NET's TimeSpan counts 100 ns ticks

    def _memory(self, field: str) -> int:
        if self._status is None:
            self._status = _read_status(self.Id)
        return self._status.get(field, 0)

    @property
    def working_set(self) -> int:
        return self._memory("VmRSS")

    @property
    def paged(self) -> int:
        return self._memory("VmSwap")

    @property
    def nonpaged(self) -> int:
        return 0

    @property
    def virtual(self) -> int:
        return self._memory("VmSize")

    @property
    def private(self) -> int:
        return self._memory("VmData")

    @property
    def handle_count(self) -> int:
        try:
            return len(os.listdir(f"{_PROC}/{self.Id}/fd"))
        except OSError:
            return 0

    @property
    def responding(self) -> bool:
        return True

    # --- lifetime -------------------------------------------------------------------------------

    @property
    def has_exited(self) -> bool:
        if self._popen is not None:
            return self._popen.poll() is not None
        return _create_time(self.Id) != self._started or _is_zombie(self.Id)

    @property
    def exit_code(self) -> int:
        if self._popen is None:
            raise InvalidOperationException(
                "Process was not started by this object, so requested information cannot be determined.")
        code = self._popen.poll()
        if code is None:
            raise InvalidOperationException("Process must exit before requested information can be determined.")
        return 128 - code if code < 0 else code

    def kill(self) -> None:
        """Kill(): SIGKILL, as .NET sends on Unix; an exited process is left
        alone.  The signal takes a moment to land: waiting (briefly) for it
        means the next command no longer finds the process running."""
        if self.has_exited:
            return
        try:
            os.kill(self.Id, 9)
        except ProcessLookupError:
            return
        except PermissionError as error:
            raise PermissionError(error.errno, "Operation not permitted") from None
        if self._popen is not None:
            self._popen.wait()
            return
        deadline = time.monotonic() + 1.0
        while not self.has_exited and time.monotonic() < deadline:
            time.sleep(0.005)

    def wait_for_exit(self, milliseconds: Any = None) -> Optional[bool]:
        """WaitForExit() (no result) or WaitForExit(ms) (whether it exited in time)."""
        deadline = None if milliseconds is None or int(milliseconds) < 0 else \
            time.monotonic() + int(milliseconds) / 1000
        while not self.has_exited:
            if deadline is not None and time.monotonic() >= deadline:
                return False
            if self._popen is not None:
                try:
                    self._popen.wait(timeout=0.05)
                except Exception:
                    pass
            else:
                time.sleep(0.05)
        return None if milliseconds is None else True

    def refresh(self) -> None:
        self._status = None

    def __str__(self) -> str:
        return f"System.Diagnostics.Process ({self.ProcessName})"


def _create_time(pid: int) -> float:
    """When ``pid`` started (0.0 when it is gone): with the id, what tells
    this process apart from a later one given the same id."""
    try:
        return psutil_module().Process(pid).create_time()
    except Exception:
        return 0.0


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"{_PROC}/{pid}/stat", encoding="utf-8", errors="replace") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return True


def _read_status(pid: int) -> dict[str, int]:
    """The byte counts of /proc/<pid>/status (its Vm* lines, in kB)."""
    result: dict[str, int] = {}
    try:
        with open(f"{_PROC}/{pid}/status", encoding="utf-8", errors="replace") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key.startswith("Vm") and value.strip().endswith("kB"):
                    result[key] = int(value.split()[0]) * 1024
    except (OSError, ValueError):
        pass
    return result


def read_process(pid: int, popen: Any = None) -> Optional[Process]:
    """The process ``pid`` (None when there is none), named as .NET names
    it on Linux (psutil's name: comm, or the program's file name when comm
    is cut short).  Id 0 is found, nameless, as .NET finds it on Linux
    (its ``kill(0, 0)`` test succeeds): pwsh's Get-Process -Id 0 gives it."""
    if pid == 0:
        return Process(0, "", started=0.0)
    if pid < 0:
        return None
    try:
        proc = psutil_module().Process(pid)
        name, started = proc.name(), proc.create_time()
    except Exception:
        return None
    return Process(pid, name, popen, started)


def all_processes() -> list[Process]:
    """Every process now running."""
    psutil = psutil_module()
    result = []
    for proc in psutil.process_iter(["name", "create_time"]):
        name = proc.info.get("name")
        if name is not None:
            result.append(Process(proc.pid, name, started=proc.info.get("create_time") or 0.0))
    return result


def user_name(process: Process) -> Optional[str]:
    """The owner of ``process`` (Get-Process -IncludeUserName's UserName)."""
    try:
        return psutil_module().Process(process.Id).username()
    except Exception:
        return None


def register_types() -> None:
    """Makes ``[System.Diagnostics.Process]`` and the module types known."""
    from pwshlike.dotnet import types
    types.register_class(Process, Process.full_name)
    register_module_types()


register_types()
