"""Benchmark: the plugin authors' kit costs nothing at start-up.

Usage: ``python bench/plugin_kit_bench.py [--base COMMIT] [--runs N] [--warmup N]``

Runs the same commands with this checkout and with a baseline commit (by
default the last one before the kit: 1400351), each in fresh processes,
interleaved (base, new, base, new, ...) so that changes in machine load hit
both alike, and prints the medians and their ratio:

1. start-up: ``-Command 'Write-Output 1'``;
2. listing: ``Get-Command -Module PartnerCenter, Microsoft.Graph.Identity.SignIns``;
3. describing: ``Get-Command New-PartnerAccessToken -Syntax``.

The baseline is checked out with ``git worktree`` into a temporary folder
and put first on ``PYTHONPATH`` (its bundled plugins too), so both trees run
on this interpreter and its installed libraries. Each tree has its own
``XDG_CACHE_HOME`` (the entry point cache's format changed between them).
Byte code is compiled first in both trees, as an installed package has it.

Targets: start-up and listing no slower than the baseline (ratio at most
1.05, the noise of this machine), and listing imports no cmdlet module of
a bundled plugin (counted in one more process). Exit status 0 when met,
1 when not.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup_bench import machine_info  # noqa: E402
from tree_compare import time_workloads, two_trees  # noqa: E402

WORKLOADS = {
    "start-up (Write-Output 1)": "Write-Output 1",
    "listing (Get-Command -Module ...)": "$null = Get-Command -Module PartnerCenter, Microsoft.Graph.Identity.SignIns",
    "describing (Get-Command -Syntax)": "$null = Get-Command New-PartnerAccessToken -Syntax",
}
TARGET_RATIO = 1.05
CMDLET_MODULES = ("pwshlike_partnercenter.", "pwshlike_msgraph.", "pwshlike_emulator.")


def imported_cmdlet_modules(env: dict[str, str]) -> list[str]:
    """The bundled plugins' modules that listing their commands imports,
    beyond what a session imports to start (registration's own)."""
    code = ("import sys; from pwshlike.testing import Session; s = Session(); s.run('Write-Output 1'); "
            f"before = set(m for m in sys.modules if m.startswith({CMDLET_MODULES!r})); "
            "s.run('$null = Get-Command -Module PartnerCenter, Microsoft.Graph.Identity.SignIns'); "
            f"print(' '.join(sorted(m for m in sys.modules if m.startswith({CMDLET_MODULES!r}) and m not in before)))")
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=tempfile.gettempdir(), check=True,
                          capture_output=True, text=True).stdout.split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="1400351")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args()
    with two_trees(args.base) as trees:
        print("\n".join(machine_info()))
        print(f"baseline: {args.base}; runs: {args.runs} each, after {args.warmup} warm-up\n")
        results = time_workloads(trees, WORKLOADS, args.runs, args.warmup)
        met = all(new / base <= TARGET_RATIO for label, (base, new) in results.items()
                  if not label.startswith("describing"))
        loaded = imported_cmdlet_modules(trees["new"])
    print(f"\ncmdlet modules imported by listing (new tree): {loaded or 'none'}")
    met = met and not loaded
    print(f"target (start-up and listing at most {TARGET_RATIO}x the baseline, no cmdlet module "
          f"imported by listing): {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
