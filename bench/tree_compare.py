"""Timing the same pwshlike commands with this checkout and an earlier
commit, side by side: what the benchmarks that guard a change against a
baseline share.

``two_trees(commit)`` checks the commit out with ``git worktree`` into a
temporary folder and yields one environment per tree (``base``, ``new``):
each puts its tree and its bundled plugins first on ``PYTHONPATH`` and has
an ``XDG_CACHE_HOME`` of its own, so both run on this interpreter and its
installed libraries. Byte code is compiled first in both trees, as an
installed package has it. ``time_workloads`` runs each script in fresh
processes, interleaved (base, new, base, new, ...) so that changes in
machine load hit both alike, and prints the medians and their ratio.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_DIRS = ("plugins/partnercenter", "plugins/msgraph", "plugins/emulator")


def tree_environment(tree: Path, cache: Path) -> dict[str, str]:
    paths = [str(tree)] + [str(tree / d) for d in PLUGIN_DIRS]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(paths), XDG_CACHE_HOME=str(cache),
                PYTHONDONTWRITEBYTECODE="")


@contextmanager
def two_trees(base_commit: str) -> Iterator[dict[str, dict[str, str]]]:
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base), base_commit], check=True,
                       capture_output=True)
        try:
            for tree in (base, ROOT):
                compileall.compile_dir(str(tree / "pwshlike"), quiet=1)
                for directory in PLUGIN_DIRS:
                    compileall.compile_dir(str(tree / directory), quiet=1)
            yield {"base": tree_environment(base, Path(scratch) / "cache-base"),
                   "new": tree_environment(ROOT, Path(scratch) / "cache-new")}
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False,
                           capture_output=True)


def run_once(env: dict[str, str], script: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-Command", script],
                   env=env, cwd=tempfile.gettempdir(), check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def time_workloads(trees: dict[str, dict[str, str]], workloads: dict[str, str], runs: int,
                   warmup: int) -> dict[str, tuple[float, float]]:
    """label -> (base ms, new ms), medians; printed as a table as they come."""
    print(f"{'workload':44} {'base ms':>9} {'new ms':>9} {'new/base':>9}")
    results = {}
    for label, script in workloads.items():
        times: dict[str, list[float]] = {"base": [], "new": []}
        for index in range(warmup + runs):
            for name, env in trees.items():
                elapsed = run_once(env, script)
                if index >= warmup:
                    times[name].append(elapsed)
        base_ms, new_ms = (statistics.median(times[n]) * 1000 for n in ("base", "new"))
        results[label] = (base_ms, new_ms)
        print(f"{label:44} {base_ms:9.1f} {new_ms:9.1f} {new_ms / base_ms:9.2f}", flush=True)
    return results
