"""The child side of a background job: ``python -m pwshlike -s``.

The process first builds its session (so a process started ahead of its
job has the engine loaded when the job comes), then reads the job as one
line of CLIXML on stdin: a hashtable of Script, Init, Args, Input, Using,
Location and Environment (the shell's, as it is when the job starts).  It
writes every record of the job as one line on stdout, ``<stream> <CLIXML>``
(streams Output, Error, Warning, Verbose, Debug, Information, Progress,
and Failed for a terminating error), serialized at pwsh's job depth of 1.  Only the
records use the real stdout: anything else written to it (a host write)
goes to stderr, which the shell discards.  When stdin closes before the job
is done (the shell stopped the job or exited) the process ends at once.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Any, BinaryIO


def serve(stdin: BinaryIO) -> int:
    """Runs the one job read from ``stdin``, then ends the process (exit
    code 0)."""
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    from ..commands.builtins.jobs import pack_error, pack_information, pack_progress, run_script
    from ..dotnet.clixml import deserialize, serialize
    from ..plugins.session import install
    from ..runtime import ExecutionContext
    from .console import ConsoleHost
    context = ExecutionContext(ConsoleHost(non_interactive=True))
    install(context)

    line = stdin.readline()
    if not line:
        return 0
    threading.Thread(target=_end_when_closed, args=(stdin,), daemon=True).start()
    spec = deserialize(line.decode("utf-8"))[0]
    _take_environment(spec.get("Environment"))
    location = str(spec.get("Location") or os.getcwd())
    os.chdir(location)
    context.session.location = location
    lock = threading.Lock()

    def emit(stream: str, record: Any) -> None:
        if stream in ("Error", "Failed"):
            record = pack_error(record)
        elif stream == "Information":
            record = pack_information(record)
        elif stream == "Progress":
            record = pack_progress(record)
        text = serialize([record], depth=1, indent=None)
        with lock:
            protocol.write(f"{stream} {text}\n")
            protocol.flush()

    # Write-Progress goes to the host: here, to the job's Progress stream.
    context.host.write_progress = lambda _source_id, record: emit("Progress", record)
    using = {str(k): v for k, v in (spec.get("Using") or {}).items()}
    inputs = spec.get("Input")
    run_script(context, str(spec.get("Script") or ""), list(spec.get("Args") or []),
               None if inputs is None else list(inputs), using, spec.get("Init"), emit)
    protocol.flush()
    # The job is done and nothing of this process needs saving.  A normal
    # exit would wait a second at teardown for stdin's lock, which the
    # watcher thread holds while it reads.
    os._exit(0)


def _take_environment(environment: Any) -> None:
    """The shell's environment variables, as they were when the job started."""
    if not environment:
        return
    os.environ.clear()
    os.environ.update({str(k): str(v) for k, v in environment.items()})


def _end_when_closed(stdin: BinaryIO) -> None:
    """Ends the process when the shell closes our stdin (Stop-Job, exit)."""
    try:
        stdin.read()
    finally:
        os._exit(0)
