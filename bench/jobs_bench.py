"""Benchmark: job round trips in one session.

Usage: ``python bench/jobs_bench.py [--runs N] [--pause SECONDS]``

Measures, in a session built as the CLI builds it (timed with
``time.perf_counter`` around ``session.run``; median of N after one warm-up):

- ``Start-Job { 1 } | Receive-Job -Wait -AutoRemoveJob`` (a child
  ``python -m pwshlike -s`` process; after the warm-up run it is the one
  the previous job started ahead), runs ``--pause`` seconds apart so that
  process has loaded: target < 400 ms; and the same back to back, where a
  job may wait for its process to finish loading;
- the first Start-Job of a session, whose process starts then (one run of
  a new process running the shell), for reference;
- ``$j = Start-ThreadJob { 1 }`` (starting a thread job): target < 5 ms;
- ``Start-ThreadJob { 1 } | Receive-Job -Wait -AutoRemoveJob`` (the whole
  thread job round trip), for reference;
- the number of pwshlike modules a job's child process imports, against a
  plain script (``-Command 'Write-Output 1'``): the child must import only
  what a plain script imports (and the job server).

Exit status: 0 when both targets are met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import time
from typing import Any

from startup_bench import machine_info

PROCESS_TARGET_MS = 400.0
THREAD_TARGET_MS = 5.0


def session() -> Any:
    from pwshlike.host.console import ConsoleHost
    from pwshlike.host.session import build_session
    host = ConsoleHost(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), non_interactive=True)
    return build_session(host)


def timed(run: Any, script: str, runs: int, pause: float = 0.0) -> float:
    """Median milliseconds of ``runs`` runs of ``script`` after one warm-up,
    ``pause`` seconds apart (untimed)."""
    run(script)
    times = []
    for _ in range(runs):
        time.sleep(pause)
        start = time.perf_counter()
        run(script)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def imported_modules(args: list[str], job: bytes = b"") -> set[str]:
    """The pwshlike modules a ``python -X importtime -m pwshlike`` process
    imports; with ``job``, a job process given that job (its stdin stays
    open until the job's output is read, as the shell keeps it)."""
    process = subprocess.Popen([sys.executable, "-X", "importtime", "-m", "pwshlike", *args],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdin is not None and process.stdout is not None
    if job:
        process.stdin.write(job)
        process.stdin.flush()
        process.stdout.readline()
    _, stderr = process.communicate(timeout=60)
    names = set()
    for line in stderr.decode("utf-8", "replace").splitlines():
        name = line.rsplit("|", 1)[-1].strip()
        if line.startswith("import time:") and name.startswith("pwshlike"):
            names.add(name)
    return names


def job_line() -> bytes:
    from pwshlike.dotnet.clixml import serialize
    from pwshlike.dotnet.values import Hashtable
    spec = Hashtable({"Script": " 1 ", "Init": None, "Args": [], "Input": None, "Using": Hashtable(),
                      "Location": "/"})
    return serialize([spec], depth=1, indent=None).encode("utf-8") + b"\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--pause", type=float, default=2.0,
                        help="seconds between Start-Job runs, time for the process started ahead to load")
    args = parser.parse_args()
    s = session()
    run = s.run
    process_ms = timed(run, "Start-Job { 1 } | Receive-Job -Wait -AutoRemoveJob", args.runs, args.pause)
    back_to_back_ms = timed(run, "Start-Job { 1 } | Receive-Job -Wait -AutoRemoveJob", args.runs)
    thread_start_ms = timed(run, "$j = Start-ThreadJob { 1 }", args.runs * 4)
    run("Get-Job | Wait-Job | Remove-Job")
    thread_round_ms = timed(run, "Start-ThreadJob { 1 } | Receive-Job -Wait -AutoRemoveJob", args.runs * 4)
    first = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-Command",
                            "$t = Measure-Command { Start-Job { 1 } | Receive-Job -Wait -AutoRemoveJob }; "
                            "$t.TotalMilliseconds"], capture_output=True, text=True, timeout=120)
    first_ms = float(first.stdout.strip() or "nan")
    plain = imported_modules(["-NoProfile", "-NonInteractive", "-Command", "Write-Output 1"])
    child = imported_modules(["-s", "-NoLogo", "-NoProfile"], job_line())
    extra = sorted(child - plain)
    for line in machine_info():
        print(line)
    print(f"Start-Job round trip ({args.pause:g} s apart, median of {args.runs}): {process_ms:8.1f} ms  "
          f"(target < {PROCESS_TARGET_MS:.0f})")
    print(f"Start-Job round trip, back to back:              {back_to_back_ms:8.1f} ms")
    print(f"first Start-Job of a session (one run):         {first_ms:8.1f} ms")
    print(f"Start-ThreadJob start (median of {args.runs * 4}):       {thread_start_ms:8.2f} ms  "
          f"(target < {THREAD_TARGET_MS:.0f})")
    print(f"Start-ThreadJob round trip (median of {args.runs * 4}):  {thread_round_ms:8.2f} ms")
    print(f"pwshlike modules: plain script {len(plain)}, job process {len(child)}; "
          f"only in the job process: {', '.join(extra) or 'none'}")
    return 0 if process_ms < PROCESS_TARGET_MS and thread_start_ms < THREAD_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
