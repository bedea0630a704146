"""Start-Transcript and Stop-Transcript (pwsh's StartTranscriptCmdlet.cs and
StopTranscriptCmdlet.cs) over the session's transcription
(``pwshlike/runtime/transcript.py``)."""

from __future__ import annotations

import datetime as _dt
import os
from typing import Any, Iterator

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_not_null_or_empty
from pwshlike.dotnet.errors import (ArgumentException, ErrorCategory, ErrorRecord, PSInvalidOperationException,
                                    UnauthorizedAccessException)
from pwshlike.runtime.transcript import header, transcription_of

MSG_STARTED = "Transcript started, output file is {0}"
MSG_STOPPED = "Transcript stopped, output file is {0}"
MSG_CANNOT_START = "Transcription cannot be started due to the error: {0}"
MSG_NO_CLOBBER = "File {0} already exists and {1} was specified."
MSG_READ_ONLY = ('File {0} is read-only. Cannot write to this file. "Start-Transcript -Force" will clear the '
                 'read-only attribute.')
MSG_DIRECTORY = "File path {0} resolves to a directory."
MSG_NOT_TRANSCRIBING = "The host is not currently transcribing."
MSG_ERROR_STOPPING = "An error occurred stopping transcription: {0}"


class _StartFailed(Exception):
    """A reason Start-Transcript cannot start, reported as CannotStartTranscription."""


def documents_folder() -> str:
    """.NET's MyDocuments on Linux: the home folder."""
    return os.environ.get("HOME") or os.path.expanduser("~")


def machine_name() -> str:
    import socket
    return socket.gethostname().split(".")[0]


def transcript_path(base_directory: str = "", include_date: bool = False) -> str:
    """pwsh's GetTranscriptPath: ``PowerShell_transcript.<machine>.<random>.<yyyyMMddHHmmss>.txt``
    in the documents folder (or ``base_directory``, relative to it)."""
    import base64
    import secrets
    documents = documents_folder()
    base = os.path.join(documents, base_directory) if base_directory else documents
    now = _dt.datetime.now()
    if include_date:
        base = os.path.join(base, now.strftime("%Y%m%d"))
    random_part = base64.b64encode(secrets.token_bytes(6)).decode("ascii").replace("/", "_")
    return os.path.join(base, f"PowerShell_transcript.{machine_name()}.{random_part}.{now:%Y%m%d%H%M%S}.txt")


def _os_version() -> str:
    """``[Environment]::OSVersion.VersionString`` on Linux: ``Unix`` and the
    kernel release's numbers (at most four)."""
    import platform
    import re
    numbers = re.findall(r"\d+", platform.release())[:4]
    return "Unix " + ".".join(numbers or ["0"])


def _user() -> str:
    import getpass
    try:
        name = getpass.getuser()
    except Exception:
        name = str(os.getuid())
    return f"{machine_name()}\\{name}"


def _version_lines(context: Any) -> list[str]:
    """``key: value`` for each entry of ``$PSVersionTable`` (arrays joined by ``, ``)."""
    from pwshlike.dotnet.conversions import to_string
    from pwshlike.dotnet.values import iter_collection
    table = context.get_variable_value("PSVersionTable")
    lines = []
    for key in list(table.keys()) if table is not None else []:
        value = table[key]
        if value is None:
            continue
        items = iter_collection(value) if not isinstance(value, str) else None
        text = ", ".join(to_string(item) for item in items) if items is not None else to_string(value)
        lines.append(f"{key}: {text}")
    return lines


def _with_path(text: str, path: str) -> Any:
    """The message with a Path note property, as both cmdlets write it."""
    from pwshlike.dotnet import members
    from pwshlike.dotnet.values import MemberCarryingString
    message = MemberCarryingString(text)
    data = members.instance_members(message, create=True)
    data.names["path"] = "Path"
    data.values["path"] = path
    return message


@cmdlet("Start-Transcript", default_parameter_set="ByPath", supports_should_process=True,
        output_types=("System.String",), help_uri="https://go.microsoft.com/fwlink/?LinkID=2096485")
class StartTranscriptCommand(Cmdlet):
    """Creates a record of all or part of a PowerShell session to a text file.

    From now until Stop-Transcript (or the end of the session), everything
    the console shows is also written to the file: command output, errors,
    warnings, verbose and debug messages, Write-Host text and the command
    lines entered at the prompt, after pwsh's header (start time, user,
    machine, host application, process id and $PSVersionTable). Without a
    path, the file is PowerShell_transcript.<machine>.<random>.<time>.txt in
    the home folder ($Transcript, if set, names it instead). Text typed in
    answer to Read-Host or a credential prompt is not recorded."""

    path = Parameter("String", sets={"ByPath": {"position": 0}}, validators=(validate_not_null_or_empty(),),
                     help="The file to write the transcript to.")
    literal_path = Parameter("String", aliases=("PSPath", "LP"), sets={"ByLiteralPath": {"position": 0}},
                             validators=(validate_not_null_or_empty(),),
                             help="The file to write to, used exactly as written (no wildcards).")
    output_directory = Parameter("String", sets={"ByOutputDirectory": {"position": 0}},
                                 validators=(validate_not_null_or_empty(),),
                                 help="A folder (relative ones are in the home folder) that gets a file with a "
                                      "generated name.")
    append = Parameter("SwitchParameter", help="Adds to the end of an existing file instead of emptying it.")
    force = Parameter("SwitchParameter", help="Writes to a read-only file, clearing its read-only attribute.")
    no_clobber = Parameter("SwitchParameter", aliases=("NoOverwrite",),
                           help="Refuses to overwrite an existing file (unless -Append).")
    include_invocation_header = Parameter("SwitchParameter",
                                          help="Writes the start time of each command before it.")
    use_minimal_header = Parameter("SwitchParameter",
                                   help="Writes only the start time in the header, without the details of the "
                                        "user, machine and version.")

    help_examples = [
        ("Record the session in the home folder", "Start-Transcript",
         "The message names the file; Stop-Transcript ends the record."),
        ("Keep adding to one log", "Start-Transcript -Path ~/logs/admin.txt -Append", ""),
        ("A file per day in a folder", "Start-Transcript -OutputDirectory ~/transcripts -UseMinimalHeader", ""),
    ]

    def begin_processing(self) -> Iterator[Any]:
        literal = self.parameter_set_name == "ByLiteralPath"
        path = self.path if self.parameter_set_name == "ByPath" else self.literal_path
        if path is None and self.parameter_set_name != "ByOutputDirectory":
            variable = self.context.get_variable_value("global:Transcript")
            if variable is not None:
                from pwshlike.dotnet.conversions import to_string
                path = to_string(variable)
        if path is None:
            path = transcript_path(self.output_directory or "")
            literal = True
        try:
            effective = self._resolve(path, literal)
            if not self.should_process(effective):
                return
            self._prepare(effective)
            now = _dt.datetime.now()
            import sys
            lines = header(now, _user(), machine_name(), _os_version(), " ".join(sys.argv), os.getpid(),
                           _version_lines(self.context), bool(self.use_minimal_header))
            transcription_of(self.context).start(effective, lines, bool(self.include_invocation_header))
        except _StartFailed as exc:
            self._cannot_start(str(exc))
        except OSError as exc:
            from pwshlike.commands.builtins.fserrors import dotnet_exception
            self._cannot_start(dotnet_exception(exc, path).message)
        yield _with_path(MSG_STARTED.format(path), path)

    def _resolve(self, path: str, literal: bool) -> str:
        from pwshlike.dotnet.wildcard import unescape_wildcard
        text = path if literal else unescape_wildcard(path)
        return self.context.session.resolve_path(os.path.expanduser(text) if text.startswith("~") else text)

    def _prepare(self, effective: str) -> None:
        """pwsh's checks on an existing file: NoClobber, read-only, emptied unless -Append."""
        if os.path.isdir(effective):
            raise _StartFailed(MSG_DIRECTORY.format(effective))
        if not os.path.exists(effective):
            return
        if self.no_clobber and not self.append:
            self.throw_terminating_error(ErrorRecord(
                UnauthorizedAccessException(MSG_NO_CLOBBER.format(effective, "NoClobber")), "NoClobber",
                ErrorCategory.ResourceExists, effective))
        if not os.access(effective, os.W_OK) or not (os.stat(effective).st_mode & 0o222):
            if self.force:
                os.chmod(effective, os.stat(effective).st_mode | 0o200)
            else:
                self.throw_terminating_error(ErrorRecord(ArgumentException(MSG_READ_ONLY.format(effective)),
                                                         "FileReadOnly", ErrorCategory.InvalidArgument,
                                                         effective))
        if not self.append:
            with open(effective, "w", encoding="utf-8"):
                pass

    def _cannot_start(self, message: str) -> None:
        self.throw_terminating_error(ErrorRecord(PSInvalidOperationException(MSG_CANNOT_START.format(message)),
                                                 "CannotStartTranscription", ErrorCategory.InvalidOperation, None))


@cmdlet("Stop-Transcript", supports_should_process=True, output_types=("System.String",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096798")
class StopTranscriptCommand(Cmdlet):
    """Stops a transcript.

    Ends the transcript that Start-Transcript began most recently: writes
    pwsh's footer with the end time, closes the file and reports its path.
    When transcripts are nested, the one started before it goes on."""

    help_examples = [
        ("End the record of the session", "Stop-Transcript", ""),
        ("Stop a transcript if one is running",
         "try { Stop-Transcript } catch [System.InvalidOperationException] { }", ""),
    ]

    def begin_processing(self) -> Iterator[Any]:
        if not self.should_process(""):
            return
        transcription = transcription_of(self.context)
        if not transcription.active:
            message = MSG_ERROR_STOPPING.format(MSG_NOT_TRANSCRIBING)
            self.throw_terminating_error(ErrorRecord(PSInvalidOperationException(message),
                                                     "InvalidOperation", ErrorCategory.InvalidOperation, None))
        path = transcription.stop()
        if path is not None:
            yield _with_path(MSG_STOPPED.format(path), path)
