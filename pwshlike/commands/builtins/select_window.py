"""Which input objects Select-Object passes on under -First, -Last, -Skip
and -SkipLast, in any combination.

pwsh decides this with one queue whose rules are easy to get subtly wrong
(``-First 2 -Last 2`` gives the first two and the last two; ``-Skip`` with
``-Last`` skips from the end of the last window, so ``1..5 | Select-Object
-Skip 1 -Last 2`` gives 3, 4), so the rules are kept here, apart from the
property selection, and follow pwsh's SelectObjectQueue step by step."""

from __future__ import annotations

from collections import deque
from typing import Any, Iterator, Optional


class SelectWindow:
    """The queue behind Select-Object's counting parameters.

    Feed each (non-null) input to :meth:`push`, which returns the object to
    write now, if any; :attr:`done` turns true once -First is satisfied (the
    command may stop its upstream); :meth:`drain` gives what is written at the
    end."""

    __slots__ = ("_first", "_last", "_skip", "_skip_left", "_skip_last", "_first_or_last", "_streamed", "_queue")

    def __init__(self, first: Optional[int], last: Optional[int], skip: Optional[int],
                 skip_last: Optional[int]) -> None:
        self._first = first or 0
        self._last = last or 0
        self._skip = skip or 0
        self._skip_left = self._skip
        self._skip_last = skip_last or 0
        self._first_or_last = first is not None or last is not None
        self._streamed = 0
        self._queue: deque[Any] = deque()

    @property
    def done(self) -> bool:
        """True once -First (without -Last) has had all it asked for."""
        return self._first_or_last and self._last == 0 and self._first != 0 and self._streamed >= self._first

    def push(self, obj: Any) -> Optional[Any]:
        """Queues one input; returns the object to write now, or None."""
        queue = self._queue
        last = self._last
        if last > 0 and len(queue) >= (last + self._skip_left if self._first == 0 else last):
            queue.popleft()
        queue.append(obj)
        if self._skip_left == 0:
            if self._skip_last > 0:
                # Everything more than -SkipLast items back is safe to write.
                return queue.popleft() if len(queue) > self._skip_last else None
            if self._streamed < self._first or not self._first_or_last:
                self._streamed += 1
                return queue.popleft()
            if last == 0:
                queue.popleft()
        elif last == 0 or self._first != 0:
            queue.popleft()
            self._skip_left -= 1
        return None

    def drain(self) -> Iterator[Any]:
        """The objects written at the end: what -Last kept (less the -Skip
        count taken from its end when there is no -First)."""
        queue = self._queue
        if self._skip_last > 0:
            return
        if self._first != 0:
            while queue:
                yield queue.popleft()
            return
        while len(queue) > self._skip:
            yield queue.popleft()
