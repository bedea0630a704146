"""Benchmark: the restructuring of issue 11 (the engine split into the
object model and the runtime, the parser split, one-way imports) keeps
pwshlike's speed.

Usage: ``python bench/layers_bench.py [--base COMMIT] [--runs N] [--warmup N]``

Runs the same scripts with this checkout and the last commit before the
restructuring (5187137 by default), side by side in fresh processes (see
``tree_compare``): start-up, a plain loop, function calls, a pipeline,
formatting objects as a table and parsing a long script. Each figure is a
whole process, start-up included.

Target: every workload within 1.10x of the baseline (this machine's noise
for whole processes of 0.1-2 s). Exit status 0 when met, 1 when not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup_bench import machine_info  # noqa: E402
from tree_compare import time_workloads, two_trees  # noqa: E402

LONG_SCRIPT = "; ".join(f"function f{i}($a) {{ if ($a -gt {i}) {{ $a * 2 }} else {{ @{{k = $a}} }} }}"
                        for i in range(400))
WORKLOADS = {
    "start-up (Write-Output 1)": "Write-Output 1",
    "loop (300,000 x $x = $i * 2)": "$x = 0; foreach ($i in 1..300000) { $x = $i * 2 }",
    "function calls (20,000)": "function f($a) { $a + 1 }; foreach ($i in 1..20000) { $null = f $i }",
    "pipeline (ForEach-Object, 50,000)": "$null = 1..50000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum",
    "Format-Table of 2,000 objects": "$null = 1..2000 | % { [pscustomobject]@{A = $_; B = 'x'} } | Format-Table "
                                     "| Out-String",
    "parsing 400 functions": f"$null = [scriptblock]::Create('{LONG_SCRIPT}')",
}
TARGET_RATIO = 1.10


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="5187137")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=1)
    args = parser.parse_args()
    with two_trees(args.base) as trees:
        print("\n".join(machine_info()))
        print(f"baseline: {args.base}; runs: {args.runs} each, after {args.warmup} warm-up\n")
        results = time_workloads(trees, WORKLOADS, args.runs, args.warmup)
    met = all(new / base <= TARGET_RATIO for base, new in results.values())
    print(f"\ntarget (every workload at most {TARGET_RATIO}x the baseline): {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
