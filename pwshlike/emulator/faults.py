"""Injected faults: throttling, outages, latency and dropped connections, on demand.

A rule matches requests by path wildcard (case-insensitive, as PowerShell's
``-like``) and optionally method.  Faults are deterministic so tests can
count on them: with rate r the n-th matching request is faulted when
floor(n*r) > floor((n-1)*r), i.e. at evenly spaced positions (every 5th for
0.2), and the status codes are used in turn.  A rule with a delay and no
status code is pure latency: the request then proceeds normally.
"""

from __future__ import annotations

import fnmatch
import math
import threading
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class FaultRule:
    path: str
    method: Optional[str] = None
    status_codes: tuple[int, ...] = ()
    rate: float = 1.0
    retry_after: Optional[int] = None
    delay_ms: int = 0
    drop_connection: bool = False
    matched: int = field(default=0, init=False)
    faulted: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError(f"The fault rate must be between 0 and 1, not {self.rate}.")
        for status in self.status_codes:
            if not 400 <= status <= 599:
                raise ValueError(f"A fault status code must be an error status (400-599), not {status}.")
        if self.delay_ms < 0:
            raise ValueError("A fault delay cannot be negative.")
        if self.retry_after is not None and self.retry_after < 0:
            raise ValueError("Retry-After cannot be negative.")
        if not (self.status_codes or self.delay_ms or self.drop_connection):
            raise ValueError("A fault needs a status code, a delay or a dropped connection.")
        from fractions import Fraction  # exact arithmetic: 0.1 * 30 must be 3, not 3.0000000000000004
        self._rate = Fraction(str(self.rate))

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return fnmatch.fnmatchcase(path.lower(), self.path.lower())

    def select(self) -> bool:
        """Count one more matching request; True when it is to be faulted."""
        self.matched += 1
        n = self.matched
        chosen = math.floor(n * self._rate) > math.floor((n - 1) * self._rate)
        if chosen:
            self.faulted += 1
        return chosen

    def status_code(self) -> Optional[int]:
        """The status for the fault just selected: the codes in turn."""
        if not self.status_codes:
            return None
        return self.status_codes[(self.faulted - 1) % len(self.status_codes)]


@dataclass(frozen=True)
class Fault:
    """What to do to one request."""
    status_code: Optional[int]
    retry_after: Optional[int]
    delay_ms: int
    drop_connection: bool


class FaultRules:
    def __init__(self) -> None:
        self._rules: list[FaultRule] = []
        self._lock = threading.Lock()

    def set(self, rule: FaultRule) -> None:
        """Add a rule; one for the same path and method replaces the old one
        (and its counters)."""
        key = (rule.path.lower(), (rule.method or "").upper())
        with self._lock:
            self._rules = [r for r in self._rules if (r.path.lower(), (r.method or "").upper()) != key]
            self._rules.append(rule)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def rules(self) -> list[FaultRule]:
        with self._lock:
            return list(self._rules)

    def choose(self, method: str, path: str) -> Optional[Fault]:
        """The first rule matching the request counts it and decides."""
        with self._lock:
            for rule in self._rules:
                if rule.matches(method, path):
                    if not rule.select():
                        return None
                    return Fault(rule.status_code(), rule.retry_after, rule.delay_ms, rule.drop_connection)
        return None
