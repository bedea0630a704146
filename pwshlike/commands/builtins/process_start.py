"""Start-Process: starts a program as pwsh 7.4 does on Linux.

The program is looked up as a command (PATH, or a path from the current
location); -ArgumentList is joined with spaces and split again by .NET's
rules (spaces separate, double quotes group, ``\\"`` is a quote), so
``-ArgumentList '"a b"', c`` gives two arguments.  The child shares the
console unless its streams are redirected: -RedirectStandardOutput and
-RedirectStandardError write its lines to files (empty lines dropped, as
pwsh's line handlers do), -RedirectStandardInput feeds it a file's text.
-Environment adds or (with $null) removes variables; -UseNewEnvironment
starts from an empty environment.  -PassThru returns the process (with its
ExitCode once it ends); -Wait waits for it.
"""

from __future__ import annotations

import os
import subprocess
import threading
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.native import find_application
from pwshlike.commands.validation import validate_not_null_or_empty
from pwshlike.dotnet.errors import (DirectoryNotFoundException, ErrorCategory, ErrorRecord, FileNotFoundException,
                                    InvalidOperationException, NotSupportedException)

from .fserrors import dotnet_exception
from .process_object import Process, read_process

_DEFAULT = {"Default": {}}


def _invalid_input(what: str) -> str:
    return (f'This command cannot be run because either the parameter "{what}" has a value that is not valid or '
            "cannot be used with this command. Give a valid input and Run your command again.")


@cmdlet("Start-Process", default_parameter_set="Default", supports_should_process=True,
        output_types=("System.Diagnostics.Process",), help_uri="https://go.microsoft.com/fwlink/?LinkID=2097141")
class StartProcessCommand(Cmdlet):
    """Runs a program as a new process, optionally waiting for it or redirecting its streams.

    The program named by -FilePath runs with -ArgumentList as its arguments, in -WorkingDirectory if given. On Linux
    it shares the console unless its output is redirected; -Wait waits for it to end and -PassThru returns its
    Process object. -RedirectStandardOutput, -RedirectStandardError and -RedirectStandardInput connect its streams
    to files, and -Environment adds or removes environment variables for it."""

    help_examples = [
        ('Example 1: Run a program and wait',
         "Start-Process -FilePath tar -ArgumentList '-czf', 'backup.tgz', './data' -Wait",
         'Creates the archive and returns when tar has finished.'),
        ('Example 2: Capture the output in files',
         "Start-Process ls -ArgumentList '-l' -RedirectStandardOutput ./out.txt -RedirectStandardError ./err.txt -Wait",
         'What the program writes goes to out.txt and err.txt instead of the console.'),
        ('Example 3: Keep the process object',
         '$p = Start-Process sleep -ArgumentList 30 -PassThru\n$p.Id',
         '-PassThru returns the process, so it can be waited for or stopped later.'),
    ]

    file_path = Parameter("String", aliases=("PSPath", "Path"), mandatory=True, position=0,
                          help="The program (or a file) to start.")
    argument_list = Parameter("String[]", aliases=("Args",), position=1,
                              help="Arguments, joined with spaces and split again as .NET splits them.")
    credential = Parameter("PSCredential", aliases=("RunAs",), sets=_DEFAULT,
                           help="Another account to run as (needs the right to switch users).")
    working_directory = Parameter("String", validators=[validate_not_null_or_empty()],
                                  help="The directory the program starts in.")
    load_user_profile = Parameter("SwitchParameter", aliases=("Lup",), sets=_DEFAULT, help="Windows only.")
    no_new_window = Parameter("SwitchParameter", aliases=("nnw",), sets=_DEFAULT,
                              help="Runs the program in this console (what Linux always does).")
    pass_thru = Parameter("SwitchParameter", help="Returns the process started.")
    redirect_standard_error = Parameter("String", aliases=("RSE",), sets=_DEFAULT,
                                        validators=[validate_not_null_or_empty()],
                                        help="A file for the program's error lines.")
    redirect_standard_input = Parameter("String", aliases=("RSI",), sets=_DEFAULT,
                                        validators=[validate_not_null_or_empty()],
                                        help="A file whose text is the program's input.")
    redirect_standard_output = Parameter("String", aliases=("RSO",), sets=_DEFAULT,
                                         validators=[validate_not_null_or_empty()],
                                         help="A file for the program's output lines.")
    verb = Parameter("String", sets={"UseShellExecute": {}}, validators=[validate_not_null_or_empty()],
                     help="Windows only.")
    window_style = Parameter("String", accepted_values=("Normal", "Hidden", "Minimized", "Maximized"),
                             help="Windows only.")
    wait = Parameter("SwitchParameter", help="Waits for the program to end.")
    use_new_environment = Parameter("SwitchParameter", sets=_DEFAULT,
                                    help="Starts the program with an empty environment.")
    environment = Parameter("Hashtable", help="Variables to set for the program ($null removes one).")

    def begin_processing(self) -> Iterator[Any]:
        unsupported = "-Verb" if self.parameter_set_name == "UseShellExecute" else \
            "-WindowStyle" if "WindowStyle" in self.bound_parameters else None
        if unsupported:
            self.throw_terminating_error(ErrorRecord(NotSupportedException(
                f"The parameter '{unsupported}' is not supported for the cmdlet 'Start-Process' on this edition "
                "of PowerShell."), "NotSupportedException", ErrorCategory.NotImplemented, None))
        session = self.context.session
        application = find_application(self.file_path, session.resolve_path("."))
        program = application.path if application is not None else self.file_path
        arguments = " ".join(str(a) for a in self.argument_list) if self.argument_list else ""
        directory = self._working_directory()
        if directory is None:
            return
        streams = self._redirections()
        if streams is None or not self.should_process(f"{program} {arguments.strip()}"):
            return
        writers = self._open_writers(streams[1], streams[2])
        try:
            popen = subprocess.Popen(
                [program, *split_arguments(arguments)], cwd=directory, env=self._environment(),
                stdin=subprocess.PIPE if streams[0] else None, stdout=subprocess.PIPE if streams[1] else None,
                stderr=subprocess.PIPE if streams[2] else None, user=self._user())
        except (OSError, ValueError, subprocess.SubprocessError) as error:
            for writer in writers:
                if writer is not None:
                    writer.close()
            self.throw_terminating_error(ErrorRecord(InvalidOperationException(
                f"This command cannot be run due to the error: An error occurred trying to start process "
                f"'{program}' with working directory '{directory}'. {getattr(error, 'strerror', None) or error}"),
                "InvalidOperationException", ErrorCategory.InvalidOperation, None))
            return
        pumps = _connect(popen, streams[0], *writers)
        process = read_process(popen.pid, popen) or Process(popen.pid, os.path.basename(program), popen)
        if self.pass_thru:
            yield process
        if self.wait:
            popen.wait()
            for pump in pumps:
                pump.join()

    def _working_directory(self) -> Optional[str]:
        if self.working_directory is None:
            return self.context.session.resolve_path(".")
        directory = self.context.session.resolve_path(self.working_directory)
        if not os.path.isdir(directory):
            self.write_error(ErrorRecord(DirectoryNotFoundException(_invalid_input("WorkingDirectory")),
                                         "DirectoryNotFoundException", ErrorCategory.InvalidOperation, None))
            return None
        return directory

    def _redirections(self) -> Optional[tuple[Optional[str], Optional[str], Optional[str]]]:
        """The (input, output, error) files, resolved; None after an error
        (a missing input file, or one file named twice)."""
        resolve = self.context.session.resolve_path
        names = (self.redirect_standard_input, self.redirect_standard_output, self.redirect_standard_error)
        paths = tuple(resolve(n) if n else None for n in names)
        if paths[0] is not None and not os.path.isfile(paths[0]):
            self.write_error(ErrorRecord(FileNotFoundException(_invalid_input(
                f"RedirectStandardInput '{self.redirect_standard_input}'")), "FileNotFoundException",
                ErrorCategory.InvalidOperation, None))
            return None
        labels = ("RedirectStandardInput", "RedirectStandardOutput", "RedirectStandardError")
        for first, second in ((0, 1), (0, 2), (1, 2)):
            if paths[first] is not None and paths[second] is not None and \
                    paths[first].lower() == paths[second].lower():
                self.write_error(ErrorRecord(InvalidOperationException(
                    f'This command cannot be run because "{labels[first]}" and "{labels[second]}" are same. Give '
                    "different inputs and Run your command again."), "InvalidOperationException",
                    ErrorCategory.InvalidOperation, None))
                return None
        return paths

    def _open_writers(self, *paths: Optional[str]) -> list[Any]:
        """The -RedirectStandardOutput/-Error files, created (or emptied)
        before the program starts, as pwsh's FileStream(path, Create) does;
        a file that cannot be created is .NET's exception, terminating."""
        writers: list[Any] = []
        for path in paths:
            if path is None:
                writers.append(None)
                continue
            try:
                writers.append(open(path, "w", encoding="utf-8", newline="\n"))
            except OSError as exc:
                for writer in writers:
                    if writer is not None:
                        writer.close()
                error = dotnet_exception(exc, path)
                self.throw_terminating_error(ErrorRecord(error, error.full_name, ErrorCategory.NotSpecified, None))
        return writers

    def _user(self) -> Optional[str]:
        """The account of -Credential (its domain dropped, as on Unix)."""
        if self.credential is None:
            return None
        return str(self.credential.UserName).rsplit("\\", 1)[-1]

    def _environment(self) -> Optional[dict[str, str]]:
        if not self.use_new_environment and not self.environment:
            return None
        env = {} if self.use_new_environment else dict(os.environ)
        for key, value in (self.environment or {}).items():
            name, equals, head = str(key).partition("=")
            if not name:
                continue  # no program can look up a variable without a name
            env.pop(name, None)
            if value is not None:
                # .NET joins name and value with '=': a name holding one makes the value start after it.
                env[name] = head + equals + str(value) if equals else str(value)
        return env


def _connect(popen: Any, stdin: Optional[str], stdout: Any, stderr: Any) -> list[Any]:
    """Threads feeding and draining the redirected streams (``stdout`` and
    ``stderr`` are the open files), so the program never blocks on a full
    pipe whether or not we wait for it."""
    pumps = []
    if stdin:
        pumps.append(threading.Thread(target=_feed, args=(popen.stdin, stdin), daemon=True))
    for pipe, writer in ((popen.stdout, stdout), (popen.stderr, stderr)):
        if writer is not None:
            pumps.append(threading.Thread(target=_drain, args=(pipe, writer), daemon=True))
    for pump in pumps:
        pump.start()
    return pumps


def _feed(pipe: Any, path: str) -> None:
    """pwsh's WriteToStandardInput: the file's whole text and a newline."""
    try:
        with open(path, "rb") as f:
            pipe.write(f.read() + b"\n")
        pipe.close()
    except OSError:
        pass


def _drain(pipe: Any, out: Any) -> None:
    """pwsh's output handlers: each non-empty line, written as it comes."""
    with out:
        for raw in pipe:
            line = raw.decode("utf-8", "replace").rstrip("\n").rstrip("\r")
            if line:
                out.write(line + "\n")
                out.flush()


def split_arguments(text: str) -> list[str]:
    """.NET's ParseArgumentsIntoList: spaces separate arguments, double
    quotes group, backslashes escape a quote (2n+1 of them: n and a quote)."""
    args: list[str] = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i] in " \t":
            i += 1
        if i == n:
            break
        buf: list[str] = []
        quoted = False
        while i < n and (quoted or text[i] not in " \t"):
            c = text[i]
            if c == "\\":
                start = i
                while i < n and text[i] == "\\":
                    i += 1
                count = i - start
                if i < n and text[i] == '"':
                    buf.append("\\" * (count // 2))
                    if count % 2:
                        buf.append('"')
                        i += 1
                else:
                    buf.append("\\" * count)
            elif c == '"':
                if quoted and i + 1 < n and text[i + 1] == '"':
                    buf.append('"')
                    i += 2
                else:
                    quoted = not quoted
                    i += 1
            else:
                buf.append(c)
                i += 1
        args.append("".join(buf))
    return args
