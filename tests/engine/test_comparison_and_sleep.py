"""``Comparison[T]`` delegates and script blocks for Array.Sort and
List.Sort (both items are the block's arguments), and Thread.Sleep's
TimeSpan overload and range check."""

from __future__ import annotations

import time

from helpers.session import Shell


def test_sort_with_comparison():
    shell = Shell()
    script = """
    $arr = [int[]](3, 1, 2); [Array]::Sort($arr, [Comparison[int]]{ param($x, $y) $y.CompareTo($x) }); $arr -join ','
    $s = [string[]]('bb', 'a', 'ccc'); [Array]::Sort($s, { param($x, $y) $x.Length - $y.Length }); $s -join ','
    $l = [System.Collections.Generic.List[int]](5, 9, 1); $l.Sort({ $args[1] - $args[0] }); $l -join ','
    ([Comparison[string]]{ param($x, $y) [string]::CompareOrdinal($x, $y) }).GetType().FullName
    """
    assert shell.text(script) == ["3,2,1", "a,bb,ccc", "9,5,1", "System.Comparison`1[System.String]"]


def test_thread_sleep_timespan_and_range():
    shell = Shell()
    started = time.monotonic()
    shell.run("[System.Threading.Thread]::Sleep([timespan]::FromMilliseconds(150))")
    assert time.monotonic() - started >= 0.14
    assert shell.text("try { [System.Threading.Thread]::Sleep(-2) } catch { $_.Exception.InnerException.Message }") == [
        "Number must be either non-negative and less than or equal to Int32.MaxValue or -1. "
        "(Parameter 'millisecondsTimeout')"]
