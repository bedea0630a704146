"""Benchmark: loop iterations and advanced-function calls per second.

Usage: ``python bench/loop_bench.py [--runs N] [--skip-cli]``

Two workloads, each measured two ways:

* ``loop``:  ``foreach ($i in 1..1000000) { $x = $i * 2 }``, target >= 500,000 iterations/s;
* ``calls``: 100,000 calls of an advanced function with three named arguments,
  ``function f { [CmdletBinding()] param($A, $B, $C) }`` called as
  ``f -A 1 -B 2 -C 3`` in a ``for`` loop, target >= 30,000 calls/s.

In-process, through the engine's API: the script is parsed
(``pwshlike.runtime.run.parse_script``) and compiled (``ScriptBlockCode.compiled``)
once, outside the timing (both are reported), then the compiled
``ScriptBlock`` is invoked ``--runs`` times in a session that has the command
layer installed; the best run gives the rate.  Through the CLI: the wall time
of ``pwshlike -NoProfile -NonInteractive -Command <script>``, less the best
wall time of ``-Command '$null'`` (start-up), so the rate includes parsing and
compiling but not interpreter start-up.

Exit status: 0 when every target is met, 1 when one is missed, 2 when
pwshlike cannot run yet.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from typing import Any, Callable

from startup_bench import check_pwshlike, machine_info, pwshlike_command

LOOP_ITERATIONS = 1_000_000
CALLS = 100_000
LOOP_SCRIPT = f"foreach ($i in 1..{LOOP_ITERATIONS}) {{ $x = $i * 2 }}"
CALLS_SCRIPT = ("function f { [CmdletBinding()] param($A, $B, $C) }; "
                f"for ($i=0; $i -lt {CALLS}; $i++) {{ f -A 1 -B 2 -C 3 }}")

# name, script, operations per run, unit, target operations/s
WORKLOADS = [
    ("loop", LOOP_SCRIPT, LOOP_ITERATIONS, "iterations/s", 500_000),
    ("calls", CALLS_SCRIPT, CALLS, "calls/s", 30_000),
]

# Small versions of the workloads whose output proves the engine ran them.
SANITY = [
    ("foreach ($i in 1..1000) { $x = $i * 2 }; $x", [2000]),
    ("function f { [CmdletBinding()] param($A, $B, $C) $A + $B + $C }; f -A 1 -B 2 -C 3", [6]),
]


class Engine:
    """The in-process engine: one session with the command layer installed."""

    def __init__(self) -> None:
        from pwshlike.runtime.context import ExecutionContext
        from pwshlike.runtime.run import parse_script
        from pwshlike.runtime.scriptblock import ScriptBlock, ScriptBlockCode
        from pwshlike.plugins.session import install

        self._parse = parse_script
        self._script_block = ScriptBlock
        self._code = ScriptBlockCode
        self.context = ExecutionContext()
        install(self.context)

    def prepare(self, text: str) -> tuple[Callable[[], list[Any]], float, float]:
        """A callable running ``text``, with the parse and compile times."""
        start = time.perf_counter()
        ast = self._parse(text)
        parsed = time.perf_counter()
        code = self._code(ast)
        code.compiled()
        compiled = time.perf_counter()
        block = self._script_block(code, self.context)
        return block.invoke, parsed - start, compiled - parsed


def load_engine() -> tuple[Engine | None, str | None]:
    """The engine, or why it cannot run the workloads yet."""
    try:
        engine = Engine()
        for text, expected in SANITY:
            run, _parse, _compile = engine.prepare(text)
            result = run()
            if result != expected:
                return None, f"{text!r} returned {result!r}, expected {expected!r}"
    except Exception as exc:  # any failure means "not ready": report it, don't trace back
        return None, f"{type(exc).__name__}: {exc}"
    return engine, None


def measure_in_process(engine: Engine, runs: int) -> tuple[list[str], bool]:
    """Report lines, and whether every target was met."""
    lines, all_met = [], True
    for name, text, operations, unit, target in WORKLOADS:
        run, parse_time, compile_time = engine.prepare(text)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        best = min(times)
        rate = operations / best
        verdict = "met" if rate >= target else "MISSED"
        lines.append(f"{name:<6} in-process  {rate:>12,.0f} {unit:<13} (target >= {target:,}: {verdict})  "
                     f"best {best * 1000:.0f} ms, median {statistics.median(times) * 1000:.0f} ms of {runs}; "
                     f"parse {parse_time * 1000:.2f} ms, compile {compile_time * 1000:.2f} ms")
        all_met = all_met and rate >= target
    return lines, all_met


def _wall(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True, timeout=600)
    return time.perf_counter() - start


def measure_cli(runs: int) -> tuple[list[str], bool]:
    """Report lines, and whether every target was met."""
    pwsh = pwshlike_command() + ["-NoProfile", "-NonInteractive", "-Command"]
    baseline = min(_wall(pwsh + ["$null"]) for _ in range(max(5, runs)))
    lines = [f"CLI start-up baseline (-Command '$null'): {baseline * 1000:.0f} ms best"]
    all_met = True
    for name, text, operations, unit, target in WORKLOADS:
        best = min(_wall(pwsh + [text]) for _ in range(runs))
        net = max(best - baseline, 1e-9)
        rate = operations / net
        verdict = "met" if rate >= target else "MISSED"
        lines.append(f"{name:<6} via CLI     {rate:>12,.0f} {unit:<13} (target >= {target:,}: {verdict})  "
                     f"best wall {best * 1000:.0f} ms, less start-up {net * 1000:.0f} ms")
        all_met = all_met and rate >= target
    return lines, all_met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each workload (default 3)")
    parser.add_argument("--skip-cli", action="store_true", help="measure in-process only")
    args = parser.parse_args(argv)

    engine, problem = load_engine()
    if engine is None:
        print("loop_bench: the pwshlike engine cannot run the workloads yet, nothing measured.",
              file=sys.stderr)
        print(f"  {problem}", file=sys.stderr)
        return 2
    if not args.skip_cli:
        problem = check_pwshlike(pwshlike_command(), ["-NoProfile", "-NonInteractive", "-Command", SANITY[0][0]],
                                 "2000\n")
        if problem:
            print("loop_bench: the pwshlike CLI is not runnable yet, nothing measured.", file=sys.stderr)
            print(f"  {problem}", file=sys.stderr)
            return 2

    for line in machine_info():
        print(line)
    print()
    lines, all_met = measure_in_process(engine, args.runs)
    print("\n".join(lines))
    if not args.skip_cli:
        lines, cli_met = measure_cli(args.runs)
        print("\n".join(lines))
        all_met = all_met and cli_met
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
