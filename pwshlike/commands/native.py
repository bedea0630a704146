"""Native (external) programs: lookup on PATH, argument passing, running.

Arguments are passed as pwsh 7.3+ does on Unix
(``$PSNativeCommandArgumentPassing = 'Standard'``, pwsh's
``NativeCommandParameterBinder``): every argument becomes one argv
element, collections are flattened, ``$null`` is dropped and ``''`` kept,
``-Name:value`` stays one element, an unquoted array literal is passed as
written (``a,b``), words after ``--%`` are passed verbatim (``%VAR%``
expanded, split on spaces) and unquoted words are globbed against the file
system and ``~`` expanded, as pwsh does on Unix.

The program runs with the session's current directory.  Its stdout becomes
one string per line, streamed as lines arrive, unless the program is the
last command and its output goes to the console, where (as in pwsh) it
writes to the console itself; pipeline input is written to its stdin, one
line per object (non-strings as the formatter shows them).  Its stderr goes straight to the console
unless the error stream is redirected (``2>&1``, ``2>$null``, ``2> file``),
in which case each line becomes an ErrorRecord like pwsh's
(``NativeCommandError`` for the first line, ``NativeCommandErrorMessage``
after it; such records do not make ``$?`` false).  ``$LASTEXITCODE`` is set
and a non-zero exit makes ``$?`` false; with
``$PSNativeCommandUseErrorActionPreference = $true`` it is also an error
(``ProgramExitedWithNonZeroCode``) subject to ``$ErrorActionPreference``.

``subprocess`` and ``threading`` are imported only when a program runs.
"""

from __future__ import annotations

import os
from typing import Any, Optional

from pwshlike.dotnet.conversions import dotnet_to_string
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, RuntimeException
from pwshlike.runtime.pipeline import NO_INPUT, CommandProcessor
from pwshlike.dotnet.values import iter_collection

from .commandinfo import CommandInfo

_DASHES = "-\u2013\u2014\u2015"
_QUOTES = "'\"\u2018\u2019\u201a\u201b\u201c\u201d\u201e"
_NOT_BARE = "'\"\u2018\u2019\u201a\u201b\u201c\u201d\u201e$@({`"

MSG_NON_ZERO_EXIT = 'Program "{0}" ended with non-zero exit code: {1}.'
MSG_FAILED_TO_RUN = "Program '{0}' failed to run: {1}{2}."
MSG_START_FAILED = "An error occurred trying to start process '{0}' with working directory '{1}'. {2}"


# --- exceptions -------------------------------------------------------------------------

class RemoteException(RuntimeException):
    """What pwsh wraps each stderr line of a native program in."""

    full_name = "System.Management.Automation.RemoteException"
    default_error_id = "RemoteException"


class NativeCommandExitException(RuntimeException):
    """A non-zero exit under ``$PSNativeCommandUseErrorActionPreference``."""

    full_name = "System.Management.Automation.NativeCommandExitException"
    default_error_id = "ProgramExitedWithNonZeroCode"
    PS_MEMBERS = dict(RuntimeException.PS_MEMBERS, ExitCode="exit_code", ProcessId="process_id",
                      Path="path")

    def __init__(self, message: str, path: str, exit_code: int, process_id: int) -> None:
        super().__init__(message, error_id="ProgramExitedWithNonZeroCode",
                         category=ErrorCategory.NotSpecified, target_object=path)
        self.path = path
        self.exit_code = exit_code
        self.process_id = process_id


class ApplicationFailedException(RuntimeException):
    """The program could not be started (not executable, bad format...)."""

    full_name = "System.Management.Automation.ApplicationFailedException"
    default_error_id = "NativeCommandFailed"
    default_category = ErrorCategory.ResourceUnavailable


# --- lookup -------------------------------------------------------------------------------

class ApplicationInfo(CommandInfo):
    """``Get-Command ls``: an executable file; ``name`` is its file name."""

    command_type = "Application"
    full_name = "System.Management.Automation.ApplicationInfo"
    PS_MEMBERS = dict(CommandInfo.PS_MEMBERS, Path="path", Source="path", Extension="extension")

    def __init__(self, name: str, path: str) -> None:
        super().__init__(name)
        self.path = path

    @property
    def definition(self) -> str:
        return self.path

    @property
    def extension(self) -> str:
        return os.path.splitext(self.path)[1]

    def new_processor(self, context: Any, arguments: list, invocation_info: Any) -> "NativeCommandProcessor":
        return NativeCommandProcessor(context, invocation_info, self, arguments)


def _is_executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def find_application(name: str, cwd: Optional[str] = None) -> Optional[ApplicationInfo]:
    """The program ``name`` runs: a path (relative to ``cwd``, the session's
    current location, default the process's; ``~`` expanded) to an
    executable file, or an executable found on PATH.  None when there is none."""
    if not name:
        return None
    if "/" in name or name.startswith("~"):
        path = os.path.join(cwd or os.getcwd(), os.path.expanduser(name))
        path = os.path.normpath(path)
        return ApplicationInfo(os.path.basename(path), path) if _is_executable(path) else None
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        if directory:
            candidate = os.path.join(directory, name)
            if _is_executable(candidate):
                return ApplicationInfo(name, candidate)
    return None


# --- arguments ------------------------------------------------------------------------------

def _source_text(arg: Any) -> str:
    extent = getattr(arg, "extent", None)
    if extent is None:
        return ""
    try:
        return extent.text
    except Exception:
        return ""


def _parameter_text(arg: Any) -> str:
    """The ``-Name`` or ``-Name:`` token as written."""
    text = arg.text or ""
    if text and text[0] in _DASHES:
        if arg.colon:
            colon = text.find(":")
            return text[:colon + 1] if colon >= 0 else text + ":"
        return text
    return "-" + str(arg.name) + (":" if arg.colon else "")


def _literal_array_words(source: str) -> Optional[list[str]]:
    """An unquoted array literal of bare words (``a,b``) is passed as its
    source text split on spaces, as pwsh's binder does; None otherwise."""
    if "," not in source or any(c in _NOT_BARE for c in source):
        return None
    return [word for word in source.split(" ") if word]


def _expand_env(text: str) -> str:
    """``Environment.ExpandEnvironmentVariables``: ``%NAME%`` replaced when
    NAME is set, left as is otherwise."""
    if "%" not in text:
        return text
    out = []
    i = 0
    while i < len(text):
        start = text.find("%", i)
        if start < 0:
            break
        end = text.find("%", start + 1)
        if end < 0:
            break
        value = os.environ.get(text[start + 1:end])
        if value is None:
            out.append(text[i:end])
            i = end
        else:
            out.append(text[i:start] + value)
            i = end + 1
    out.append(text[i:])
    return "".join(out)


def _expand_word(word: str, cwd: str) -> list[str]:
    """pwsh's ``PossiblyGlobArg`` for an unquoted word on Unix."""
    from pwshlike.dotnet.wildcard import contains_wildcard
    if contains_wildcard(word):
        matches = _glob(word, cwd)
        if matches:
            return matches
        return [word]
    if word == "~":
        return [os.path.expanduser("~")]
    if word.startswith("~/"):
        return [os.path.expanduser("~") + word[1:]]
    return [word]


def _glob(pattern: str, cwd: str) -> list[str]:
    """File system paths matching a PowerShell wildcard pattern, hidden
    (dot) files excluded as Get-ChildItem does without -Force; relative
    patterns give paths relative to ``cwd``."""
    from pwshlike.dotnet.wildcard import contains_wildcard, unescape_wildcard, wildcard_regex
    absolute = pattern.startswith("/") or pattern.startswith("~")
    expanded = os.path.expanduser(pattern) if pattern.startswith("~") else pattern
    parts = expanded.split("/")
    current = ["/"] if expanded.startswith("/") else [cwd]
    for index, part in enumerate(parts):
        if part == "":
            continue
        last = index == len(parts) - 1
        following: list[str] = []
        if contains_wildcard(part):
            try:
                regex = wildcard_regex(part)
            except Exception:
                return []
            for base in current:
                try:
                    names = sorted(os.listdir(base))
                except OSError:
                    continue
                for name in names:
                    if name.startswith(".") or not regex.match(name):
                        continue
                    path = os.path.join(base, name)
                    if last or os.path.isdir(path):
                        following.append(path)
        else:
            literal = unescape_wildcard(part)
            for base in current:
                path = os.path.join(base, literal)
                if os.path.lexists(path):
                    following.append(path)
        current = following
        if not current:
            return []
    if absolute:
        return current
    return [os.path.relpath(path, cwd) for path in current]


def native_arguments(arguments: list, cwd: str) -> list[str]:
    """The argv elements (after the program) for a list of CommandArgument."""
    argv: list[str] = []
    verbatim = False
    for arg in arguments:
        if getattr(arg, "end_of_parameters", False):
            argv.append("--")
            continue
        prefix = ""
        if arg.name is not None:
            parameter = _parameter_text(arg)
            if not arg.has_value:
                argv.extend(_expand_word(parameter, cwd))
                continue
            prefix = parameter
        value = arg.value
        if arg.verbatim:
            # The rest of the line after --%, as one argument from the compiler.
            argv.extend(word for word in _expand_env(dotnet_to_string(value)).split(" ") if word)
            continue
        if isinstance(value, str) and value == "--%" and arg.name is None:
            verbatim = True
            continue
        source = _source_text(arg)
        if prefix and source and source[0] in _DASHES:
            source = source.partition(":")[2]
        quoted = bool(source) and source[0] in _QUOTES
        items = iter_collection(value)
        if items is None:
            items = (value,)
        else:
            literal = None if quoted else _literal_array_words(source)
            if literal is not None:
                for word in literal:
                    for expanded in _expand_word(word, cwd):
                        argv.append(prefix + expanded)
                continue
        for item in items:
            if item is None:
                continue
            text = dotnet_to_string(item)
            if verbatim:
                argv.extend(prefix + word for word in _expand_env(text).split(" ") if word)
            elif text and not quoted:
                argv.extend(prefix + word for word in _expand_word(text, cwd))
            else:
                argv.append(prefix + text)
    return argv


# --- running ----------------------------------------------------------------------------------

def working_directory(context: Any) -> str:
    """The session's current location when it is an existing directory
    (pwsh starts programs there), else the process's."""
    location = getattr(context.session, "location", None)
    if isinstance(location, str) and os.path.isdir(location):
        return location
    return os.getcwd()


def _exit_code(returncode: int) -> int:
    """.NET reports a program killed by signal N as exit code 128 + N."""
    return 128 - returncode if returncode < 0 else returncode


class NativeCommandProcessor(CommandProcessor):
    """Runs one program as a pipeline element.

    The process starts when the first input (or the end of input) arrives.
    Without pipeline input and with stderr not captured, stdout is read on
    this thread; otherwise reader threads feed a queue that ``process`` and
    ``end`` drain, so writing input can never deadlock against output.
    ``clean`` (which the pipeline runner always calls) kills a program the
    pipeline abandoned.
    """

    def __init__(self, context: Any, invocation: Any, application: ApplicationInfo, arguments: list) -> None:
        super().__init__(context, invocation)
        self.application = application
        self.arguments = arguments
        self._process: Any = None
        self._queue: Any = None
        self._open_readers = 0
        self._capture_stderr = False
        self._pass_through = False
        self._stdin_open = False
        self._input_format: Any = None
        self._error_count = 0

    # --- lifecycle -------------------------------------------------------------------------

    def process(self, input_object: Any) -> None:
        if self._process is None:
            self._start()
        if input_object is NO_INPUT or not self._stdin_open:
            return
        self._write_input(input_object)
        self._drain(block=False)

    def end(self) -> None:
        if self._process is None:
            self._start()
        self._close_input()
        if self._queue is not None:
            self._drain(block=True)
        elif not self._pass_through:
            self._read_stdout_directly()
        self._finish(_exit_code(self._process.wait()))
        _forget(self._process)

    # --- starting ------------------------------------------------------------------------------

    def _start(self) -> None:
        import subprocess
        context = self.context
        cwd = working_directory(context)
        argv = [self.application.path] + native_arguments(self.arguments, cwd)
        self._capture_stderr = context.streams.error is not None
        stdout = self._console_fd()
        self._pass_through = stdout is not None
        flush = getattr(self.downstream if self._pass_through else context.host, "flush", None)
        if flush is not None:
            flush()
        try:
            self._process = subprocess.Popen(
                argv, cwd=cwd,
                stdin=subprocess.PIPE if self.expecting_input else None,
                stdout=stdout if self._pass_through else subprocess.PIPE,
                stderr=subprocess.PIPE if self._capture_stderr else None,
            )
        except OSError as error:
            raise self._start_failure(error, cwd) from error
        import threading
        _RUNNING.setdefault(threading.get_ident(), set()).add(self._process)
        self._stdin_open = self.expecting_input
        if self.expecting_input or self._capture_stderr:
            import queue
            import threading
            self._queue = queue.Queue()
            streams = [] if self._pass_through else [("out", self._process.stdout)]
            if self._capture_stderr:
                streams.append(("err", self._process.stderr))
            self._open_readers = len(streams)
            for kind, stream in streams:
                threading.Thread(target=_pump, args=(stream, kind, self._queue), daemon=True).start()

    def _console_fd(self) -> Optional[int]:
        """The console's file descriptor when this command's output goes
        straight to the console (the downstream is the host's output, marked
        ``console_output``): then, as in pwsh, the program writes to the
        console itself (keeping its colours and terminal detection), after
        the console output's ``flush`` shows everything written before it."""
        if not getattr(self.downstream, "console_output", False):
            return None
        try:
            return self.context.host.stdout.fileno()
        except (AttributeError, OSError, ValueError):
            return None

    def _start_failure(self, error: OSError, cwd: str) -> ApplicationFailedException:
        reason = MSG_START_FAILED.format(self.application.path, cwd, error.strerror or str(error))
        extent = getattr(self.invocation, "extent", None)
        position = ""
        if extent is not None:
            from pwshlike.dotnet.errors import position_message
            position = position_message(extent)
        message = MSG_FAILED_TO_RUN.format(self.application.name, reason, position)
        return ApplicationFailedException(message, category=ErrorCategory.ResourceUnavailable,
                                          target_object=self.application.path)

    # --- input ---------------------------------------------------------------------------------

    def _write_input(self, obj: Any) -> None:
        lines = self._input_lines(obj)
        data = "".join(line + "\n" for line in lines).encode("utf-8", "replace")
        try:
            self._process.stdin.write(data)
            self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            # The program stopped reading (``head -1``): later input is dropped, as in pwsh.
            self._close_input()

    def _input_lines(self, obj: Any) -> list[str]:
        """Strings go as they are; other objects as the formatter shows
        them, one formatting session for all input (pwsh pipes non-string
        input through ``Out-String -Stream``)."""
        if isinstance(obj, str):
            return [obj]
        if self._input_format is None:
            formatter = self.context.formatter
            new_session = getattr(formatter, "new_session", None)
            self._input_format = new_session() if new_session is not None else formatter
        if hasattr(self._input_format, "add"):
            return self._input_format.add(obj)
        return self._input_format([obj])

    def _close_input(self) -> None:
        if not self._stdin_open:
            return
        self._stdin_open = False
        session = self._input_format
        if session is not None and hasattr(session, "finish"):
            rest = session.finish()
            if rest:
                try:
                    self._process.stdin.write("".join(line + "\n" for line in rest).encode("utf-8", "replace"))
                except (BrokenPipeError, OSError):
                    pass
        try:
            self._process.stdin.close()
        except (BrokenPipeError, OSError):
            pass

    # --- output --------------------------------------------------------------------------------

    def _read_stdout_directly(self) -> None:
        stdout = self._process.stdout
        downstream = self.downstream
        for raw in iter(stdout.readline, b""):
            for line in _decode_lines(raw):
                downstream(line)

    def _drain(self, block: bool) -> None:
        """Passes queued output on; with ``block`` until both pipes close."""
        import queue
        q = self._queue
        while self._open_readers:
            if block:
                kind, line = q.get()
            else:
                try:
                    kind, line = q.get_nowait()
                except queue.Empty:
                    return
            if line is None:
                self._open_readers -= 1
            elif kind == "out":
                self.downstream(line)
            else:
                self._stderr_line(line)

    def _stderr_line(self, line: str) -> None:
        first = self._error_count == 0
        self._error_count += 1
        exception = RemoteException(line)
        if first:
            record = ErrorRecord(exception, "NativeCommandError", ErrorCategory.NotSpecified, line)
        else:
            record = ErrorRecord(exception, "NativeCommandErrorMessage", ErrorCategory.NotSpecified, None)
        record.invocation_info = self.invocation
        exception.error_record = record
        context = self.context
        context.append_error(record)
        context.report_error(record)

    # --- completion ------------------------------------------------------------------------------

    def _finish(self, exit_code: int) -> None:
        context = self.context
        context.last_exit_code = exit_code
        if exit_code == 0:
            return
        context.pipeline_state.failed = True
        context.last_success = False
        if not _is_true(context.get_variable_value("PSNativeCommandUseErrorActionPreference")):
            return
        message = MSG_NON_ZERO_EXIT.format(self.application.name, exit_code)
        exception = NativeCommandExitException(message, self.application.path, exit_code, self._process.pid)
        # pwsh shows this record as "NativeCommandExitException: Program ..." with no
        # position: it carries no InvocationInfo.
        context.write_error(exception.error_record)

    def clean(self) -> None:
        """Kills the program if it still runs (the pipeline failed or was
        stopped before ``end``), as pwsh's processor cleanup does."""
        process = self._process
        if process is None:
            return
        _forget(process)
        self._stdin_open = False
        if process.poll() is None:
            try:
                process.kill()
            except OSError:
                pass
            process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass


# The programs running on each thread (by thread id).  Stopping a thread job
# interrupts its thread only between Python steps, not while it waits for
# a program; killing that thread's programs ends the wait, as pwsh's
# StopProcessing kills the program a stopped pipeline runs.
_RUNNING: dict[int, set[Any]] = {}


def _forget(process: Any) -> None:
    import threading
    running = _RUNNING.get(threading.get_ident())
    if running is not None:
        running.discard(process)
        if not running:
            _RUNNING.pop(threading.get_ident(), None)


def kill_thread_programs(thread_id: int) -> None:
    """Kills the programs a thread (a stopped thread job's) is running."""
    for process in list(_RUNNING.get(thread_id, ())):
        try:
            process.kill()
        except OSError:
            pass


def _is_true(value: Any) -> bool:
    from pwshlike.dotnet.conversions import to_bool
    return to_bool(value)


def _decode_lines(raw: bytes) -> list[str]:
    """The lines in one ``readline`` chunk of program output, as pwsh's
    reader splits them: UTF-8, split at ``\n``, ``\r\n`` and a lone ``\r``."""
    text = raw.decode("utf-8", "replace")
    if text.endswith("\n"):
        text = text[:-1]
    if text.endswith("\r"):
        text = text[:-1]
    return text.split("\r") if "\r" in text else [text]


def _pump(stream: Any, kind: str, q: Any) -> None:
    """Reader thread: queues each line of ``stream``, then ``None`` when it closes."""
    try:
        for raw in iter(stream.readline, b""):
            for line in _decode_lines(raw):
                q.put((kind, line))
    finally:
        stream.close()
        q.put((kind, None))
