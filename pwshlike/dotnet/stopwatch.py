"""``System.Diagnostics.Stopwatch``: elapsed time measured with the
monotonic clock in nanoseconds, .NET's timestamp unit on Linux
(``Frequency`` is 1,000,000,000 there), so ``ElapsedTicks`` and
``GetTimestamp`` read as they do under pwsh."""

from __future__ import annotations

import datetime
import time
from typing import Any

from .values import Int64

FREQUENCY = 1_000_000_000


class Stopwatch:
    """Running time adds up across Start/Stop until Reset or Restart."""

    __slots__ = ("_elapsed_ns", "_started")
    full_name = "System.Diagnostics.Stopwatch"
    PS_MEMBERS = {"IsRunning": "is_running", "Elapsed": "elapsed", "ElapsedMilliseconds": "elapsed_milliseconds",
                  "ElapsedTicks": "elapsed_ticks", "Start": "start", "Stop": "stop", "Reset": "reset",
                  "Restart": "restart", "ToString": "__str__"}

    def __init__(self) -> None:
        self._elapsed_ns = 0
        self._started: int | None = None

    def _total_ns(self) -> int:
        running = time.monotonic_ns() - self._started if self._started is not None else 0
        return self._elapsed_ns + running

    @property
    def is_running(self) -> bool:
        return self._started is not None

    @property
    def elapsed(self) -> datetime.timedelta:
        # TimeSpan has 100 ns ticks; Python's timedelta keeps microseconds.
        return datetime.timedelta(microseconds=self._total_ns() // 1000)

    @property
    def elapsed_milliseconds(self) -> Int64:
        return Int64(self._total_ns() // 1_000_000)

    @property
    def elapsed_ticks(self) -> Int64:
        return Int64(self._total_ns())

    def start(self) -> None:
        if self._started is None:
            self._started = time.monotonic_ns()

    def stop(self) -> None:
        if self._started is not None:
            self._elapsed_ns += time.monotonic_ns() - self._started
            self._started = None

    def reset(self) -> None:
        self._elapsed_ns = 0
        self._started = None

    def restart(self) -> None:
        self._elapsed_ns = 0
        self._started = time.monotonic_ns()

    def __str__(self) -> str:
        return self.full_name


def start_new() -> Stopwatch:
    watch = Stopwatch()
    watch.start()
    return watch


def static_table() -> dict[str, tuple[str, Any, bool]]:
    """``[Diagnostics.Stopwatch]::StartNew()``, ``GetTimestamp()``, ``Frequency``..."""
    def elapsed_time(start: Any, end: Any = None) -> datetime.timedelta:
        stop = time.monotonic_ns() if end is None else int(end)
        return datetime.timedelta(microseconds=(stop - int(start)) // 1000)

    return {
        "startnew": ("StartNew", start_new, True),
        "gettimestamp": ("GetTimestamp", lambda: Int64(time.monotonic_ns()), True),
        "getelapsedtime": ("GetElapsedTime", elapsed_time, True),
        "frequency": ("Frequency", lambda: Int64(FREQUENCY), False),
        "ishighresolution": ("IsHighResolution", lambda: True, False),
    }
