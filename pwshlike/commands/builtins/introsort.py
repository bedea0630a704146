""".NET's ``List<T>.Sort``: the introspective sort of ArraySortHelper<T>.

It is not stable, and the order it leaves equal items in is part of what
a user sees: pwsh's Sort-Object (without -Stable, -Top or -Bottom) sorts
with it, so ``Sort-Object LastName -Descending -Unique`` keeps whichever
of two equal names this algorithm puts first.  Ported step by step from
.NET 8 (insertion sort up to 16 items, median-of-three quicksort
partitions, heapsort past the depth limit), so equal items end up where
pwsh puts them.
"""

from __future__ import annotations

from typing import Any, Callable

Comparer = Callable[[Any, Any], int]

_INSERTION_SORT_LIMIT = 16


def introsort(items: list[Any], compare: Comparer) -> None:
    """Sorts ``items`` in place as ``Array.Sort(items, comparer)`` does."""
    if len(items) > 1:
        _intro_sort(items, 0, len(items), 2 * (len(items).bit_length()), compare)


def _swap_if_greater(items: list[Any], i: int, j: int, compare: Comparer) -> None:
    if compare(items[i], items[j]) > 0:
        items[i], items[j] = items[j], items[i]


def _intro_sort(items: list[Any], lo: int, size: int, depth_limit: int, compare: Comparer) -> None:
    """Sorts ``items[lo:lo + size]``; .NET's IntroSort over a span."""
    while size > 1:
        if size <= _INSERTION_SORT_LIMIT:
            if size == 2:
                _swap_if_greater(items, lo, lo + 1, compare)
            elif size == 3:
                _swap_if_greater(items, lo, lo + 1, compare)
                _swap_if_greater(items, lo, lo + 2, compare)
                _swap_if_greater(items, lo + 1, lo + 2, compare)
            else:
                _insertion_sort(items, lo, size, compare)
            return
        if depth_limit == 0:
            _heap_sort(items, lo, size, compare)
            return
        depth_limit -= 1
        pivot = _pick_pivot_and_partition(items, lo, size, compare)
        _intro_sort(items, lo + pivot + 1, size - (pivot + 1), depth_limit, compare)
        size = pivot


def _pick_pivot_and_partition(items: list[Any], lo: int, size: int, compare: Comparer) -> int:
    """Median of three as the pivot; returns its final offset from ``lo``."""
    hi = size - 1
    middle = hi >> 1
    _swap_if_greater(items, lo, lo + middle, compare)
    _swap_if_greater(items, lo, lo + hi, compare)
    _swap_if_greater(items, lo + middle, lo + hi, compare)
    pivot = items[lo + middle]
    items[lo + middle], items[lo + hi - 1] = items[lo + hi - 1], items[lo + middle]
    left, right = 0, hi - 1
    while left < right:
        left += 1
        while compare(items[lo + left], pivot) < 0:
            left += 1
        right -= 1
        while compare(pivot, items[lo + right]) < 0:
            right -= 1
        if left >= right:
            break
        items[lo + left], items[lo + right] = items[lo + right], items[lo + left]
    if left != hi - 1:
        items[lo + left], items[lo + hi - 1] = items[lo + hi - 1], items[lo + left]
    return left


def _insertion_sort(items: list[Any], lo: int, size: int, compare: Comparer) -> None:
    for i in range(size - 1):
        t = items[lo + i + 1]
        j = i
        while j >= 0 and compare(t, items[lo + j]) < 0:
            items[lo + j + 1] = items[lo + j]
            j -= 1
        items[lo + j + 1] = t


def _heap_sort(items: list[Any], lo: int, n: int, compare: Comparer) -> None:
    for i in range(n >> 1, 0, -1):
        _down_heap(items, lo, i, n, compare)
    for i in range(n, 1, -1):
        items[lo], items[lo + i - 1] = items[lo + i - 1], items[lo]
        _down_heap(items, lo, 1, i - 1, compare)


def _down_heap(items: list[Any], lo: int, i: int, n: int, compare: Comparer) -> None:
    d = items[lo + i - 1]
    while i <= n >> 1:
        child = 2 * i
        if child < n and compare(items[lo + child - 1], items[lo + child]) < 0:
            child += 1
        if not compare(d, items[lo + child - 1]) < 0:
            break
        items[lo + i - 1] = items[lo + child - 1]
        i = child
    items[lo + i - 1] = d


def introsort_ranks(ranks: list[int]) -> list[int]:
    """The positions of ``ranks`` in the order ``introsort`` leaves them
    in when items compare as their ranks do.

    The same algorithm step by step, with the comparison inlined on
    integers: Sort-Object reduces each object's key values to the rank of
    their value in the sorted order (equal keys, equal rank) whenever its
    keys are plain numbers or strings, so the order .NET gives equal
    objects costs integer comparisons instead of a comparer call each."""
    order = list(range(len(ranks)))
    if len(order) > 1:
        _ranked_intro_sort(order, ranks, 0, len(order), 2 * (len(order).bit_length()))
    return order


def _ranked_intro_sort(items: list[int], r: list[int], lo: int, size: int, depth_limit: int) -> None:
    while size > 1:
        if size <= _INSERTION_SORT_LIMIT:
            if size == 2:
                if r[items[lo]] > r[items[lo + 1]]:
                    items[lo], items[lo + 1] = items[lo + 1], items[lo]
            elif size == 3:
                if r[items[lo]] > r[items[lo + 1]]:
                    items[lo], items[lo + 1] = items[lo + 1], items[lo]
                if r[items[lo]] > r[items[lo + 2]]:
                    items[lo], items[lo + 2] = items[lo + 2], items[lo]
                if r[items[lo + 1]] > r[items[lo + 2]]:
                    items[lo + 1], items[lo + 2] = items[lo + 2], items[lo + 1]
            else:
                _ranked_insertion_sort(items, r, lo, size)
            return
        if depth_limit == 0:
            _heap_sort(items, lo, size, lambda a, b: r[a] - r[b])
            return
        depth_limit -= 1
        pivot = _ranked_partition(items, r, lo, size)
        _ranked_intro_sort(items, r, lo + pivot + 1, size - (pivot + 1), depth_limit)
        size = pivot


def _ranked_partition(items: list[int], r: list[int], lo: int, size: int) -> int:
    hi = size - 1
    mid = lo + (hi >> 1)
    end = lo + hi
    if r[items[lo]] > r[items[mid]]:
        items[lo], items[mid] = items[mid], items[lo]
    if r[items[lo]] > r[items[end]]:
        items[lo], items[end] = items[end], items[lo]
    if r[items[mid]] > r[items[end]]:
        items[mid], items[end] = items[end], items[mid]
    pivot_item = items[mid]
    pivot = r[pivot_item]
    items[mid], items[end - 1] = items[end - 1], pivot_item
    left, right = lo, end - 1
    while left < right:
        left += 1
        while r[items[left]] < pivot:
            left += 1
        right -= 1
        while pivot < r[items[right]]:
            right -= 1
        if left >= right:
            break
        items[left], items[right] = items[right], items[left]
    if left != end - 1:
        items[left], items[end - 1] = items[end - 1], items[left]
    return left - lo


def _ranked_insertion_sort(items: list[int], r: list[int], lo: int, size: int) -> None:
    for i in range(lo, lo + size - 1):
        t = items[i + 1]
        rank = r[t]
        j = i
        while j >= lo and rank < r[items[j]]:
            items[j + 1] = items[j]
            j -= 1
        items[j + 1] = t
