"""Benchmark: cold start of ``pwshlike -NoProfile -NonInteractive -Command 'Write-Output 1'``
against ``python3 -c pass`` on the same interpreter, measured side by side.

Usage: ``python bench/startup_bench.py [--runs N] [--warmup N]``

Each run is a fresh process.  With hyperfine on PATH the two commands are
timed by hyperfine (``--shell=none``); otherwise the runs are interleaved
(python, pwshlike, python, pwshlike, ...) and each is timed with
``time.perf_counter`` around ``subprocess.run``, so drift in machine load hits
both sides alike.  The figure that matters is the ratio of the medians; the
target is at most 5x.

Exit status: 0 when the target is met, 1 when it is missed, 2 when pwshlike
cannot run yet.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 5.0
PWSH_ARGS = ["-NoProfile", "-NonInteractive", "-Command", "Write-Output 1"]


def machine_info() -> list[str]:
    """Lines describing the machine, for the benchmark record."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or "unknown"
    return [
        f"date:    {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"cpu:     {model}",
        f"cores:   {os.cpu_count()}",
        f"python:  {platform.python_version()} ({sys.executable})",
        f"system:  {platform.system()} {platform.release()}",
    ]


def pwshlike_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m pwshlike``."""
    script = Path(sys.executable).with_name("pwshlike")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "pwshlike"]


def check_pwshlike(command: list[str], args: list[str], expected: str) -> str | None:
    """None when pwshlike runs ``args`` and prints ``expected``; otherwise why not."""
    try:
        result = subprocess.run(command + args, capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"could not run {' '.join(command)}: {exc}"
    stdout = result.stdout.decode("utf-8", "replace")
    if result.returncode == 0 and stdout == expected:
        return None
    stderr = result.stderr.decode("utf-8", "replace").strip().splitlines()[-10:]
    return (f"{' '.join(command + args)} exited {result.returncode} and printed {stdout!r}, "
            f"expected {expected!r}" + ("\n  stderr: " + "\n          ".join(stderr) if stderr else ""))


def _time_once(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    return time.perf_counter() - start


def measure_interleaved(commands: dict[str, list[str]], runs: int, warmup: int) -> dict[str, list[float]]:
    for _ in range(warmup):
        for argv in commands.values():
            _time_once(argv)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(_time_once(argv))
    return times


def measure_hyperfine(hyperfine: str, commands: dict[str, list[str]], runs: int,
                      warmup: int) -> dict[str, list[float]]:
    import shlex
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "hyperfine.json"
        argv = [hyperfine, "--shell=none", "--style=none", "--runs", str(runs), "--warmup", str(warmup),
                "--export-json", str(export)]
        for name, command in commands.items():
            argv += ["--command-name", name, shlex.join(command)]
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        data = json.loads(export.read_text())
    return {entry["command"]: entry["times"] for entry in data["results"]}


def summarize(name: str, samples: list[float]) -> str:
    ms = [s * 1000 for s in samples]
    spread = statistics.stdev(ms) if len(ms) > 1 else 0.0
    return (f"{name:<10} median {statistics.median(ms):7.1f} ms   mean {statistics.fmean(ms):7.1f} ms   "
            f"min {min(ms):7.1f} ms   stdev {spread:5.1f} ms   ({len(ms)} runs)")


def compile_bytecode() -> None:
    """Compiles pwshlike and the bundled plugins first, as an installed copy
    has them: with ``PYTHONDONTWRITEBYTECODE`` set (as in some sandboxes),
    recently edited modules would otherwise be recompiled in every process
    and the figures would measure the compiler."""
    import compileall
    import pwshlike
    import pwshlike_emulator
    import pwshlike_msgraph
    import pwshlike_partnercenter
    for package in (pwshlike, pwshlike_emulator, pwshlike_msgraph, pwshlike_partnercenter):
        compileall.compile_dir(os.path.dirname(package.__file__), quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs of each command (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs of each command first (default 3)")
    args = parser.parse_args(argv)

    compile_bytecode()
    pwsh = pwshlike_command()
    problem = check_pwshlike(pwsh, PWSH_ARGS, "1\n")
    if problem:
        print("startup_bench: pwshlike is not runnable yet, nothing measured.", file=sys.stderr)
        print("  " + problem, file=sys.stderr)
        return 2

    commands = {"python": [sys.executable, "-c", "pass"], "pwshlike": pwsh + PWSH_ARGS}
    hyperfine = shutil.which("hyperfine")
    if hyperfine:
        method = "hyperfine --shell=none"
        times = measure_hyperfine(hyperfine, commands, args.runs, args.warmup)
    else:
        method = "interleaved subprocess.run timed with time.perf_counter"
        times = measure_interleaved(commands, args.runs, args.warmup)

    for line in machine_info():
        print(line)
    print(f"method:  {method}, {args.warmup} warm-up runs each")
    print(f"pwshlike command: {' '.join(commands['pwshlike'])}")
    print()
    print(summarize("python", times["python"]))
    print(summarize("pwshlike", times["pwshlike"]))
    ratio = statistics.median(times["pwshlike"]) / statistics.median(times["python"])
    verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
    print(f"ratio of medians: {ratio:.2f}x (target <= {TARGET_RATIO:g}x: {verdict})")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
