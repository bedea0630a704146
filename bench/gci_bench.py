"""Benchmark: ``Get-ChildItem -Recurse`` over 10,000 files against a plain
Python ``os.scandir`` walk of the same tree.

Usage: ``python bench/gci_bench.py [--runs N] [--files N] [--profile]``

The tree is made in a temporary folder (removed afterwards): 100 folders
with a subfolder each, the files spread over them.  Two measurements, each
the best of ``--runs`` and taken in the same run, interleaved:

* ``scandir``: a recursive ``os.scandir`` walk that ``lstat``s each entry
  and builds a small object per entry (name, path, stat), the least a
  listing with sizes and times can do in Python;
* ``gci``: ``$items = Get-ChildItem -Recurse -Path <tree>`` in a session
  (the cmdlet's FileInfo/DirectoryInfo objects collected in a variable,
  what a script does before it filters them).

Target (issue 13): ``gci`` within 3x ``scandir``.  ``--profile`` prints a
cProfile of one ``gci`` run instead.  Exit status 0 when met, 1 when not.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from typing import Any, Callable

from startup_bench import machine_info

TARGET_RATIO = 3.0


def make_tree(root: str, files: int) -> int:
    """100 folders, each with a subfolder, ``files`` files between them;
    the number of entries made."""
    folders = [os.path.join(root, f"dir{i:03}") for i in range(100)]
    places = []
    for folder in folders:
        os.makedirs(os.path.join(folder, "sub"))
        places += [folder, os.path.join(folder, "sub")]
    for n in range(files):
        with open(os.path.join(places[n % len(places)], f"file{n:05}.txt"), "w") as stream:
            stream.write("x" * (n % 100))
    return files + 2 * len(folders)


class Entry:
    """What the baseline builds per entry: the name, the path and its stat."""

    __slots__ = ("name", "path", "stat")

    def __init__(self, name: str, path: str, stat: os.stat_result) -> None:
        self.name, self.path, self.stat = name, path, stat


def scandir_walk(root: str) -> list[Entry]:
    found: list[Entry] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                found.append(Entry(entry.name, entry.path, entry.stat(follow_symlinks=False)))
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
    return found


def gci_runner(root: str) -> Callable[[], Any]:
    import io
    from pwshlike.host.console import ConsoleHost
    from pwshlike.host.session import build_session
    host = ConsoleHost(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), non_interactive=True)
    session = build_session(host)
    session.context.set_variable_value("root", root)

    def run() -> Any:
        session.run("$items = Get-ChildItem -Recurse -LiteralPath $root")
        return session.context.get_variable_value("items")
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    root = tempfile.mkdtemp(prefix="gci-bench-")
    try:
        entries = make_tree(root, args.files)
        gci = gci_runner(root)
        gci()  # warm: imports, command discovery
        if args.profile:
            import cProfile
            import pstats
            profile = cProfile.Profile()
            profile.runcall(gci)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
            return 0
        for line in machine_info():
            print(line)
        best = {"scandir": float("inf"), "gci": float("inf")}
        counts = {}
        for _ in range(args.runs):
            for name, work in (("scandir", lambda: scandir_walk(root)), ("gci", gci)):
                start = time.perf_counter()
                counts[name] = len(work())
                best[name] = min(best[name], time.perf_counter() - start)
        ratio = best["gci"] / best["scandir"]
        print(f"tree: {entries} entries ({args.files} files) in {root}")
        for name in ("scandir", "gci"):
            print(f"{name:8} {best[name] * 1000:8.1f} ms  ({counts[name]} items, best of {args.runs})")
        met = ratio <= TARGET_RATIO and counts["gci"] == counts["scandir"]
        print(f"ratio {ratio:.2f}x (target at most {TARGET_RATIO:.0f}x): {'met' if met else 'NOT met'}")
        return 0 if met else 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
