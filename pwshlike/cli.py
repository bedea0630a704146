"""The ``pwshlike`` program: pwsh's command line, exit codes and console.

``main`` parses pwsh's parameters (``host/cmdline.py``), builds a session,
loads the profiles, then runs ``-Command`` text, a ``-File`` script, a
script read from redirected stdin, or the interactive loop.  Exit codes
follow pwsh: 64 for a bad command line; ``exit N`` gives N; otherwise
``-Command`` exits 0 when the last pipeline succeeded and 1 when not,
``-File`` exits 1 after a terminating error and 0 otherwise; a parse error
exits 1.

Nothing escapes as a Python traceback: any internal failure is shown as a
PowerShell error (the traceback too with ``PWSHLIKE_DEBUG=1``).  This
module is on every run's start-up path, so it imports only what the chosen
mode needs.
"""

from __future__ import annotations

import gc
import os
import sys

from . import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .host.cmdline import CommandLine
    from .host.console import ConsoleHost
    from .host.session import Outcome, Session

VERSION_TEXT = f"pwshlike {__version__} (PowerShell 7.4 compatible)"


def main(argv: list[str] | None = None) -> int:
    """Runs pwshlike with ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    args = sys.argv[1:] if argv is None else list(argv)
    collecting = gc.isenabled()
    # Start-up creates some 40,000 objects that live as long as the process
    # (modules, classes, the type table, the command table) and almost no
    # garbage: the cyclic collector would walk them again and again while
    # they are created (about a tenth of a plain script's start-up), so it
    # waits until the session is built (_collect_from_now_on).
    gc.disable()
    try:
        return _main(args, collecting)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        return 1
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except BaseException as exc:  # noqa: BLE001 - the last line of defence
        return _internal_error(exc)
    finally:
        if collecting:
            gc.enable()


def _collect_from_now_on(collecting: bool) -> None:
    """Turns the cyclic collector back on (when it was on) before any script
    runs.  What start-up built is frozen first: it is kept for the whole
    run, and later collections then skip it instead of walking it each
    time (``gc.freeze``); only once a process, so that a program calling
    ``main`` again does not keep the garbage of its earlier runs."""
    if collecting:
        if not gc.get_freeze_count():
            gc.freeze()
        gc.enable()


def _main(args: list[str], collecting: bool) -> int:
    if args[:1] == ["-s"]:  # a background job's process (Start-Job), as pwsh's -s server mode
        from .host.job_server import serve
        _collect_from_now_on(collecting)
        return serve(sys.stdin.buffer)
    from .host.cmdline import parse_command_line
    stdin_redirected = not _isatty(sys.stdin)
    command_line = parse_command_line(args, stdin_redirected)
    if command_line.error is not None:
        _write_stderr(command_line.error)
        if command_line.show_help:
            _show_help(extended=False)
        return command_line.exit_code
    if command_line.show_help:
        _show_help(extended=command_line.show_extended_help)
        return 0
    if command_line.show_version:
        sys.stdout.write(VERSION_TEXT + "\n")
        return 0
    if command_line.working_directory is not None:
        try:
            os.chdir(os.path.expanduser(command_line.working_directory))
        except OSError:
            _write_stderr(f"Set-Location: Cannot find path '{command_line.working_directory}' "
                          "because it does not exist.")

    interactive = not command_line.runs_script and not stdin_redirected
    if interactive and _quick_shell_possible(command_line):
        return _quick_shell(command_line, collecting)
    session = _new_session(command_line, interactive or command_line.no_exit, collecting)
    host = session.host
    if not command_line.no_profile:
        from .host import profile
        code = profile.load_profiles(session)
        if code is not None:
            return _finish(host, code)

    code = _run(session, command_line, stdin_redirected)
    return _finish(host, code)


def _new_session(command_line: CommandLine, interactive: bool, collecting: bool) -> Session:
    """The console session with ``$PROFILE`` set (profiles not loaded yet)
    and the cyclic collector back on."""
    from .host import profile
    from .host.console import ConsoleHost
    from .host.session import build_session
    host = ConsoleHost(non_interactive=command_line.non_interactive)
    session = build_session(host, interactive=interactive)
    _collect_from_now_on(collecting)
    profile.set_profile_variable(session)
    return session


def _quick_shell_possible(command_line: CommandLine) -> bool:
    """Whether the interactive shell may draw its first prompt before the
    engine is loaded: no profile runs first (``-NoProfile``, or no profile
    file), so that prompt is pwsh's default, and the shell can run on this
    terminal."""
    if not command_line.no_profile:
        from .host.profile import profile_paths
        if any(os.path.isfile(path) for path in profile_paths()):
            return False
    from .repl import terminal_available
    return terminal_available()


def _quick_shell(command_line: CommandLine, collecting: bool) -> int:
    """The interactive shell started before the engine (``repl.run_starting``):
    the banner, the first prompt, then the session built under it.  The
    plain loop takes over if the terminal UI fails, as in ``_interactive``."""
    from .repl import run_starting
    if not command_line.no_logo:
        sys.stdout.write(VERSION_TEXT + "\n\n")
        sys.stdout.flush()
    code, session = run_starting(lambda: _new_session(command_line, True, collecting))
    if code is None:
        from .host.interactive import run_interactive
        code = run_interactive(session)
    return _finish(session.host, code)


def _interactive(session: Session) -> int:
    """The interactive shell: the host's loop, handed the REPL as its front
    end (the host never imports the REPL, which is built on it)."""
    from .host.interactive import run_interactive
    from .repl import front_end
    return run_interactive(session, front_end)


def _run(session: Session, command_line: CommandLine, stdin_redirected: bool) -> int:
    if command_line.command is not None:
        outcome = session.run(command_line.command)
        code = outcome.command_exit_code()
        if outcome.exit_code is None and command_line.no_exit:
            return _interactive(session)
        return code
    if command_line.file is not None:
        try:
            outcome = _run_file(session, command_line)
        except KeyboardInterrupt:
            return 0  # pwsh -File exits 0 when interrupted with Ctrl+C
        if outcome.exit_code is not None:
            return outcome.exit_code
        code = 1 if outcome.parse_failed or outcome.terminated else 0
        if command_line.no_exit:
            return _interactive(session)
        return code
    if command_line.command_from_stdin or command_line.file_from_stdin or stdin_redirected:
        from .host.interactive import run_stdin_script
        return run_stdin_script(session)
    if not command_line.no_logo:
        session.host.write_line(VERSION_TEXT)
        session.host.write_line()
    return _interactive(session)


def _run_file(session: Session, command_line: CommandLine) -> Outcome:
    from .runtime.pipeline import CommandArgument
    path = command_line.file
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            text = handle.read()
    except OSError as error:
        from .host.session import Outcome
        _write_stderr(f"Cannot read the script file '{path}': {error.strerror}.")
        return Outcome(terminated=True, success=False)
    arguments = [CommandArgument(a.name, a.value, a.has_value, a.colon, text=a.text)
                 for a in command_line.file_args]
    return session.run(text, file=path, arguments=arguments, dot_source=False)


def _finish(host: ConsoleHost, code: int) -> int:
    host.flush()
    try:
        return int(code) & 0xFF
    except (TypeError, ValueError):
        return 1


def _show_help(extended: bool) -> None:
    from .host.usage import EXTENDED, USAGE
    sys.stdout.write("\n" + USAGE + (EXTENDED if extended else "") + "\n")


def _isatty(stream: object) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def _write_stderr(text: str) -> None:
    if _isatty(sys.stderr) and not os.environ.get("NO_COLOR"):
        text = f"\x1b[31;1m{text}\x1b[0m"
    sys.stdout.flush()
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _silence_stdout() -> None:
    """After the reader of stdout went away, keep Python's exit flush quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _internal_error(exc: BaseException) -> int:
    """An engine bug: shown as a PowerShell error, never a bare traceback."""
    if os.environ.get("PWSHLIKE_DEBUG") == "1":
        import traceback
        traceback.print_exception(exc, file=sys.stderr)
    try:
        from .dotnet.errors import to_error_record
        from .host.errorview import format_error
        text = format_error(to_error_record(exc))
    except BaseException:  # noqa: BLE001 - formatting must not fail either
        text = f"{type(exc).__name__}: {exc}"
    _write_stderr(text)
    return 1
