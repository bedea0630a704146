"""Benchmark: objects per second through a pipeline of script-block cmdlets.

Usage: ``python bench/pipeline_bench.py [--runs N] [--skip-cli]``

The workload is issue 5's
``1..100000 | Where-Object { $_ % 3 -eq 0 } | ForEach-Object { $_ * 2 } | Measure-Object -Sum``;
the rate is input objects (100,000) per second, target >= 100,000/s.

Measured as ``loop_bench.py`` measures: in-process (parsed and compiled
once, outside the timing, then run ``--runs`` times in one session; the
best run gives the rate) and through the CLI (wall time of
``pwshlike -Command`` less the start-up time of ``-Command '$null'``).

Exit status: 0 when the target is met, 1 when missed, 2 when pwshlike
cannot run the workload yet.
"""

from __future__ import annotations

import argparse
import sys

from loop_bench import load_engine, measure_cli, measure_in_process
from startup_bench import check_pwshlike, machine_info, pwshlike_command

import loop_bench

OBJECTS = 100_000
PIPELINE_SCRIPT = (f"1..{OBJECTS} | Where-Object {{ $_ % 3 -eq 0 }} | ForEach-Object {{ $_ * 2 }} | "
                   "Measure-Object -Sum")
CHECK_SCRIPT = "(1..30 | Where-Object { $_ % 3 -eq 0 } | ForEach-Object { $_ * 2 } | Measure-Object -Sum).Sum"

# name, script, operations per run, unit, target operations/s
WORKLOADS = [("pipeline", PIPELINE_SCRIPT, OBJECTS, "objects/s", 100_000)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of the workload (default 3)")
    parser.add_argument("--skip-cli", action="store_true", help="measure in-process only")
    args = parser.parse_args(argv)

    # The loop benchmark's harness, pointed at this workload.
    loop_bench.WORKLOADS = WORKLOADS
    loop_bench.SANITY = [(CHECK_SCRIPT, [330.0])]
    engine, problem = load_engine()
    if engine is None:
        print("pipeline_bench: the pwshlike engine cannot run the workload yet, nothing measured.",
              file=sys.stderr)
        print(f"  {problem}", file=sys.stderr)
        return 2
    if not args.skip_cli:
        problem = check_pwshlike(pwshlike_command(), ["-NoProfile", "-NonInteractive", "-Command", CHECK_SCRIPT],
                                 "330\n")
        if problem:
            print("pipeline_bench: the pwshlike CLI is not runnable yet, nothing measured.", file=sys.stderr)
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
