"""The request log: one entry per request received, oldest first.

``Get-PwshlikeEmulatorLog`` shows it, and tests and benchmarks read it to
prove what went over the wire (a cache hit sends nothing; a faulted request
is marked).  Entries are appended when a request arrives, so the order is
arrival order, and completed with the status code when it is answered.
"""

from __future__ import annotations

import datetime
import threading
from dataclasses import dataclass
from typing import Optional


@dataclass
class RequestLogEntry:
    time: datetime.datetime          # arrival, UTC
    method: str
    path: str
    status_code: Optional[int]       # None while in flight, and for a dropped connection
    tenant_id: Optional[str]         # resolved from the path (or the bearer token on Graph)
    client_id: Optional[str]
    client_request_id: Optional[str]
    faulted: bool


class RequestLog:
    """Thread-safe: the server appends on its loop, the shell reads from its own thread."""

    def __init__(self) -> None:
        self._entries: list[RequestLogEntry] = []
        self._lock = threading.Lock()

    def append(self, entry: RequestLogEntry) -> None:
        with self._lock:
            self._entries.append(entry)

    def entries(self) -> list[RequestLogEntry]:
        with self._lock:
            return list(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
