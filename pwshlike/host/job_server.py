"""The child side of a background job: ``python -m pwshlike -s``.

The shell writes the job as one line of CLIXML on stdin (a hashtable:
Script, Init, Args, Input, Using), and this process writes every record
of the job as one line on stdout, ``<stream> <CLIXML>`` (streams Output,
Error, Warning, Verbose, Debug, Information, and Failed for a terminating
error), serialized at pwsh's job depth of 1.  Only the records use the
real stdout: anything else written to it (a host write) goes to stderr,
which the shell discards.  When stdin closes before the job is done (the
shell stopped or exited) this process ends at once.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Any, BinaryIO


def serve(stdin: BinaryIO) -> int:
    """Runs the one job read from ``stdin``; the exit code is 0."""
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    line = stdin.readline()
    threading.Thread(target=_end_when_closed, args=(stdin,), daemon=True).start()
    from ..dotnet.clixml import deserialize, serialize
    spec = deserialize(line.decode("utf-8"))[0]
    lock = threading.Lock()

    from ..commands.builtins.jobs import pack_error, pack_information, run_script

    def emit(stream: str, record: Any) -> None:
        if stream in ("Error", "Failed"):
            record = pack_error(record)
        elif stream == "Information":
            record = pack_information(record)
        text = serialize([record], depth=1, indent=None)
        with lock:
            protocol.write(f"{stream} {text}\n")
            protocol.flush()

    from ..runtime import ExecutionContext
    from ..plugins.session import install
    from .console import ConsoleHost
    context = ExecutionContext(ConsoleHost(non_interactive=True))
    install(context)
    using = {str(k): v for k, v in (spec.get("Using") or {}).items()}
    inputs = spec.get("Input")
    run_script(context, str(spec.get("Script") or ""), list(spec.get("Args") or []),
               None if inputs is None else list(inputs), using, spec.get("Init"), emit)
    protocol.flush()
    return 0


def _end_when_closed(stdin: BinaryIO) -> None:
    """Ends the process when the shell closes our stdin (Stop-Job, exit)."""
    try:
        stdin.read()
    finally:
        os._exit(0)
