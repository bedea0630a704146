"""``python -m pwshlike.emulator``: the emulator as a process of its own.

Benchmarks that compare clients run against this process, so the server
does not share the client's interpreter.  It prints one JSON line (the
info() keys, credentials in clear: they are the emulator's own test
secrets), serves until SIGINT or SIGTERM, then removes emulator.json and
saves the state.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from typing import Optional, Sequence

from .server import EmulatorServer


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pwshlike.emulator",
                                     description="Azure AD v2.0 emulator on loopback HTTPS.")
    parser.add_argument("--port", type=int, default=0, help="port to listen on (0: a free one)")
    parser.add_argument("--state", metavar="FILE", help="load the state from FILE and save it there on exit")
    parser.add_argument("--users", type=int, default=0, metavar="N", help="seed N extra users in the partner tenant")
    parser.add_argument("--auto-sign-in", action="store_true",
                        help="approve device codes and /authorize as the partner admin, without pages")
    arguments = parser.parse_args(argv)
    stop = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stop.set())
    server = EmulatorServer(port=arguments.port, state_path=arguments.state, user_count=arguments.users,
                            auto_sign_in=arguments.auto_sign_in)
    try:
        server.start()
    except (OSError, RuntimeError, ValueError) as failure:
        print(f"pwshlike.emulator: {failure}", file=sys.stderr)
        return 1
    print(json.dumps(server.info()), flush=True)
    try:
        while not stop.wait(0.5):
            if not server.running:
                print("pwshlike.emulator: the server stopped unexpectedly", file=sys.stderr)
                return 1
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
