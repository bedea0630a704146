"""Benchmark: what plugin discovery adds to pwshlike's start-up.

Usage: ``python bench/plugin_bench.py [--runs N] [--warmup N]``

Two measurements, each in fresh processes, interleaved so that changes in
machine load hit every variant alike; medians are reported.

1. In-process, after the engine and commands layer are imported: the time
   to import pluggy, and to build the plugin host (registering the built-in
   cmdlets through the hooks) with plugin autoloading off, with the bundled
   plugins discovered through the entry point cache, and with the cache
   off (``importlib.metadata`` scanning every installed distribution).
2. End to end: ``pwshlike -NoProfile -NonInteractive -Command 'Write-Output 1'``
   with ``PWSHLIKE_DISABLE_PLUGIN_AUTOLOAD=1`` against the default.

Byte code is compiled first (``compileall``), as an installed package has
it: with ``PYTHONDONTWRITEBYTECODE`` set, recently edited modules would
otherwise be recompiled in every process and the figures would measure
the compiler.

The target: discovering the bundled plugins (the cached variant less the
autoload-off one) adds at most 15 ms.  Exit status 0 when met, 1 when not.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup_bench import compile_bytecode, machine_info, pwshlike_command  # noqa: E402

TARGET_MS = 15.0

PROBE = r"""
import json, sys, time
import pwshlike.commands, pwshlike.runtime, pwshlike.commands.cmdlet
start = time.perf_counter()
import pluggy
imported = time.perf_counter()
from pwshlike.plugins.manager import PluginHost
host = PluginHost()
built = time.perf_counter()
print(json.dumps({"pluggy": (imported - start) * 1000, "host": (built - imported) * 1000,
                  "plugins": host.plugin_names()}))
"""


def _env(cache: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ, XDG_CACHE_HOME=cache, **extra)
    for name in ("PWSHLIKE_DISABLE_PLUGIN_AUTOLOAD", "PWSHLIKE_PLUGIN_CACHE", "PWSHLIKE_BLOCK_PLUGINS",
                 "PWSHLIKE_PLUGINS"):
        if name not in extra:
            env.pop(name, None)
    return env


def probe(env: dict[str, str]) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout)


def wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    return (time.perf_counter() - start) * 1000


def median(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f} ms (min {min(values):6.2f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs of each variant (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs of each variant first (default 3)")
    args = parser.parse_args(argv)

    compile_bytecode()

    with tempfile.TemporaryDirectory() as cache:
        variants = {
            "autoload off": _env(cache, PWSHLIKE_DISABLE_PLUGIN_AUTOLOAD="1"),
            "bundled, cached": _env(cache),
            "bundled, no cache": _env(cache, PWSHLIKE_PLUGIN_CACHE="0"),
        }
        plugins = probe(variants["bundled, cached"])["plugins"]  # also fills the cache
        samples: dict[str, dict[str, list[float]]] = {name: {"pluggy": [], "host": []} for name in variants}
        for index in range(args.warmup + args.runs):
            for name, env in variants.items():
                result = probe(env)
                if index >= args.warmup:
                    samples[name]["pluggy"].append(result["pluggy"])
                    samples[name]["host"].append(result["host"])

        command = pwshlike_command() + ["-NoProfile", "-NonInteractive", "-Command", "Write-Output 1"]
        starts = {"autoload off": variants["autoload off"], "bundled, cached": variants["bundled, cached"]}
        totals: dict[str, list[float]] = {name: [] for name in starts}
        for index in range(args.warmup + args.runs):
            for name, env in starts.items():
                took = wall(command, env)
                if index >= args.warmup:
                    totals[name].append(took)

    for line in machine_info():
        print(line)
    print(f"method:  fresh processes, interleaved, {args.warmup} warm-up + {args.runs} timed runs per variant")
    print(f"plugins: {', '.join(plugins)}")
    print()
    print(f"import pluggy (after the runtime and commands layer): {median(samples['bundled, cached']['pluggy'])}")
    for name in variants:
        print(f"plugin host, {name:<17}: {median(samples[name]['host'])}")
    for name in starts:
        print(f"pwshlike -Command 'Write-Output 1', {name:<15}: {median(totals[name])}")
    added_host = statistics.median(samples["bundled, cached"]["host"]) - statistics.median(
        samples["autoload off"]["host"])
    added_start = statistics.median(totals["bundled, cached"]) - statistics.median(totals["autoload off"])
    verdict = "met" if added_host <= TARGET_MS else "MISSED"
    print()
    print(f"discovering the bundled plugins adds {added_host:.2f} ms in-process "
          f"({added_start:+.2f} ms end to end; target <= {TARGET_MS:g} ms: {verdict})")
    return 0 if added_host <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
