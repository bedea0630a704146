"""Benchmark: the interactive shell's start-up and completion latency.

Usage: ``python bench/repl_bench.py [--runs N] [--commands N]``

* start-up: ``pwshlike -NoProfile -NoLogo`` is started on a pseudo-terminal
  (100x30, ``TERM=xterm-256color``, an empty history) and timed from just
  before the fork until its prompt has been drawn; the benchmark answers
  the terminal's cursor-position requests as a terminal would, then leaves
  with Ctrl+D.  ``python3 -c pass`` and ``pwshlike -Command '$null'``
  started the same way show how loaded the machine is and how much of the
  time is the shell's own start-up.  Target: median at most 250 ms.
* completion: in-process, a session with ``--commands`` (default 5,000)
  extra cmdlets registered (their loaders fail if called, proving that
  completion imports no implementation) answers typical Tab requests
  through the same prompt_toolkit completer the shell uses.  "first Tab"
  includes re-reading PATH, which happens once per prompt.  Target: every
  case's median at most 50 ms.

Exit status: 0 when both targets are met, 1 when one is missed.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup_bench import compile_bytecode, machine_info, pwshlike_command  # noqa: E402

STARTUP_TARGET_MS = 250.0
COMPLETION_TARGET_MS = 50.0
_ANSI = re.compile(rb"\x1b\[[0-9;?]*[a-zA-Z]|\x1b[()][AB012]|\r")
_CPR_REQUEST = b"\x1b[6n"


def time_to_prompt(argv: list[str], marker: bytes | None, env: dict[str, str]) -> float:
    """Seconds from fork to ``marker`` on the terminal (to exit when None)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    seen = b""
    elapsed = None
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                raise RuntimeError(f"no prompt within 10 s; screen so far: {seen[-300:]!r}")
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            if not data:
                if marker is not None:
                    raise RuntimeError(f"exited before the prompt; screen: {seen[-300:]!r}")
                if elapsed is None:  # timing to exit; once the prompt was seen, its time stands
                    elapsed = time.perf_counter() - start
                break
            if _CPR_REQUEST in data:
                os.write(fd, b"\x1b[1;1R")
            seen += data
            if marker is not None and marker in _ANSI.sub(b"", seen):
                elapsed = time.perf_counter() - start
                os.write(fd, b"\x04")
                marker = None
        return elapsed
    finally:
        _drain_and_reap(fd, pid)


def _drain_and_reap(fd: int, pid: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
        finished, _status = os.waitpid(pid, os.WNOHANG)
        if finished:
            break
    else:
        os.kill(pid, 9)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)


def bench_startup(runs: int) -> tuple[list[float], list[float], list[float]]:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, TERM="xterm-256color", XDG_DATA_HOME=home, HOME=home)
        env.pop("NO_COLOR", None)
        cwd = os.getcwd()
        marker = f"PS {cwd}>".encode()
        shell = pwshlike_command() + ["-NoProfile", "-NoLogo"]
        if not os.path.isabs(shell[0]):
            shell[0] = sys.executable
        python = [sys.executable, "-c", "pass"]
        command = shell[:-1] + ["-NonInteractive", "-Command", "$null"]
        time_to_prompt(shell, marker, env)  # warm the file cache
        shells, pythons, commands = [], [], []
        for _ in range(runs):
            pythons.append(time_to_prompt(python, None, env))
            commands.append(time_to_prompt(command, None, env))
            shells.append(time_to_prompt(shell, marker, env))
        return shells, pythons, commands


def bench_completion(command_count: int, runs: int) -> list[tuple[str, list[float]]]:
    from prompt_toolkit.completion import CompleteEvent
    from prompt_toolkit.document import Document

    from pwshlike.commands.commandinfo import CmdletInfo
    from pwshlike.host.console import ConsoleHost
    from pwshlike.host.session import build_session
    from pwshlike.repl.completer import PwshCompleter
    from pwshlike.repl.completion import CompletionEngine

    session = build_session(ConsoleHost())
    verbs = ["Get", "Set", "New", "Remove", "Invoke", "Update", "Test", "Start", "Stop", "Add"]

    def never_loaded() -> type:
        raise AssertionError("completion imported a command implementation")

    for i in range(command_count):
        verb = verbs[i % len(verbs)]
        session.context.commands.add(CmdletInfo(f"{verb}-BenchItem{i:05d}", never_loaded, f"Bench.Module{i % 50}"))
    engine = CompletionEngine(session.context)
    completer = PwshCompleter(engine)
    event = CompleteEvent(completion_requested=True)
    cases = [
        ("command prefix 'Get-Bench' (500 matches)", "Get-Bench", False),
        ("command prefix 'Get-BenchItem0001' (10 matches)", "Get-BenchItem0001", False),
        ("first Tab of a prompt (PATH re-read), 'Get-Bench'", "Get-Bench", True),
        ("module-qualified 'Bench.Module7\\Get-'", "Bench.Module7\\Get-", False),
        ("every command (Ctrl+Space on an empty word)", "", False),
        ("parameters 'Get-Command -'", "Get-Command -", False),
        ("parameter values 'Get-Command -CommandType '", "Get-Command -CommandType ", False),
        ("variables '$P'", "$P", False),
    ]
    results = []
    for label, text, cold in cases:
        document = Document(text, len(text))
        list(completer.get_completions(document, event))  # warm-up
        samples = []
        for _ in range(runs):
            if cold:
                engine.new_prompt()
            start = time.perf_counter()
            list(completer.get_completions(document, event))
            samples.append(time.perf_counter() - start)
        results.append((label, samples))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="timed runs of each measurement (default 20)")
    parser.add_argument("--commands", type=int, default=5000, help="extra commands registered (default 5000)")
    args = parser.parse_args(argv)

    compile_bytecode()
    for line in machine_info():
        print(line)
    print()
    shells, pythons, commands = bench_startup(args.runs)
    shell_ms = statistics.median(shells) * 1000
    print(f"start-up to idle prompt: median {shell_ms:6.1f} ms   min {min(shells) * 1000:6.1f} ms   "
          f"max {max(shells) * 1000:6.1f} ms   ({args.runs} runs)")
    print(f"for comparison, on the same pty: python3 -c pass median {statistics.median(pythons) * 1000:6.1f} ms, "
          f"pwshlike -NoProfile -NonInteractive -Command '$null' (no prompt) median "
          f"{statistics.median(commands) * 1000:6.1f} ms")
    startup_ok = shell_ms <= STARTUP_TARGET_MS
    print(f"target <= {STARTUP_TARGET_MS:g} ms: {'met' if startup_ok else 'MISSED'}")
    print()
    print(f"completion with {args.commands} extra commands registered ({args.runs} runs each):")
    completion_ok = True
    for label, samples in bench_completion(args.commands, args.runs):
        median = statistics.median(samples) * 1000
        completion_ok = completion_ok and median <= COMPLETION_TARGET_MS
        print(f"  {label:<52} median {median:6.2f} ms   max {max(samples) * 1000:6.2f} ms")
    print(f"target <= {COMPLETION_TARGET_MS:g} ms: {'met' if completion_ok else 'MISSED'}")
    return 0 if startup_ok and completion_ok else 1


if __name__ == "__main__":
    sys.exit(main())
