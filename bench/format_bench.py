"""Benchmark: formatting 10,000 objects as a table.

Usage: ``python bench/format_bench.py [--runs N] [--objects N]``

The objects are ``[pscustomobject]`` values with four properties (an int, a
string, a double and a bool), so pwsh's default output is a table: the
doubles take the ``F`` format, numbers and booleans are right-aligned, and
the column widths come from the rows.  They are built once, outside the
timing.  Three measurements, each the best of ``--runs``:

* ``formatter``: the formatting engine alone, ``Formatter(objects)`` (what
  Out-File and ``>`` use) at a width of 120;
* ``out-string``: ``$objects | Out-String`` in a session with the commands
  layer (pipeline, Out-String's formatting session, the one joined string);
* ``format-table``: ``$objects | Format-Table | Out-String`` (Format-Table
  writes the packets, Out-String renders them).

Target (issue 5): each under one second.  Exit status 0 when met, 1 when not.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any, Callable

from startup_bench import machine_info

TARGET_SECONDS = 1.0


def make_objects(count: int) -> list[Any]:
    from pwshlike.dotnet.values import PSCustomObject
    return [PSCustomObject({"Id": i, "Name": f"item{i}", "Value": i * 1.5, "Enabled": i % 2 == 0})
            for i in range(count)]


def best_of(runs: int, work: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def session_runner(objects: list[Any]) -> Callable[[str], Any]:
    """Runs script text in a console session (output discarded) with ``$objects`` set."""
    import io
    from pwshlike.host.console import ConsoleHost
    from pwshlike.host.session import build_session
    host = ConsoleHost(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), non_interactive=True)
    session = build_session(host)
    session.context.set_variable_value("objects", objects)

    def run(script: str) -> Any:
        session.run(f"$result = {script}")
        return session.context.get_variable_value("result")
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--objects", type=int, default=10_000)
    args = parser.parse_args()
    for line in machine_info():
        print(line)
    from pwshlike.host.formatting import Formatter
    objects = make_objects(args.objects)
    formatter = Formatter(width=lambda: 120)
    run = session_runner(objects)
    measurements = [
        ("formatter", lambda: formatter(objects)),
        ("out-string", lambda: run("$objects | Out-String")),
        ("format-table", lambda: run("$objects | Format-Table | Out-String")),
    ]
    ok = True
    for name, work in measurements:
        seconds, result = best_of(args.runs, work)
        lines = result if isinstance(result, list) else str(result).split("\n")
        if len(lines) < args.objects:
            print(f"{name}: produced {len(lines)} lines for {args.objects} objects", file=sys.stderr)
            return 2
        met = seconds < TARGET_SECONDS
        ok = ok and met
        print(f"{name:13} {args.objects} objects in {seconds:.3f} s "
              f"({args.objects / seconds:,.0f} objects/s)  target < {TARGET_SECONDS:.0f} s: "
              f"{'met' if met else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
