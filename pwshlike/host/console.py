"""The console host UI: where output, errors and the other streams appear.

It plays the part of pwsh's ``ConsoleHostUserInterface``: output and the
warning/verbose/debug/information streams go to stdout (pwsh writes them
there, not to stderr), error records go to stderr.  Colours follow pwsh's
``$PSStyle.Formatting`` defaults and are used only when the stream is a
terminal, ``NO_COLOR`` is not set and ``TERM`` is not ``dumb``.

The engine reaches the host through ``ExecutionContext.host``; the methods
here are the contract listed in ``docs/architecture.md``.
"""

from __future__ import annotations

import io
import os
import sys

from ..formatting import DEFAULT_WIDTH
from ..formatting.style import PSStyle

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional

WARNING_COLOR = "\x1b[33;1m"
VERBOSE_COLOR = "\x1b[33;1m"
DEBUG_COLOR = "\x1b[33;1m"
RESET = "\x1b[0m"

# ConsoleColor -> SGR foreground code; background is +10.
_CONSOLE_COLORS = {
    "black": 30, "darkblue": 34, "darkgreen": 32, "darkcyan": 36, "darkred": 31,
    "darkmagenta": 35, "darkyellow": 33, "gray": 37, "darkgray": 90, "blue": 94,
    "green": 92, "cyan": 96, "red": 91, "magenta": 95, "yellow": 93, "white": 97,
}


def _color_allowed(stream: object) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return _is_tty(stream)


class ConsoleHost:
    """The UI of a console session over three text streams.

    ``non_interactive`` makes reads fail as ``pwsh -NonInteractive`` does.
    ``error_view`` is a callable returning the current ``$ErrorView`` (the
    session installs one that reads the variable); without it ConciseView
    is used.
    """

    name = "ConsoleHost"
    full_name = "System.Management.Automation.Internal.Host.InternalHost"
    PS_MEMBERS = {"Name": "name", "Version": "version", "InstanceId": "instance_id", "UI": "ui",
                  "CurrentCulture": "current_culture", "CurrentUICulture": "current_ui_culture",
                  "PrivateData": "private_data", "DebuggerEnabled": "debugger_enabled",
                  "IsRunspacePushed": "is_runspace_pushed", "Runspace": "runspace", "ToString": "__str__"}

    def __init__(self, stdin: object = None, stdout: object = None, stderr: object = None,
                 non_interactive: bool = False) -> None:
        if stdin is None:
            # A process started with stdin closed reads as empty input.
            stdin = sys.stdin if sys.stdin is not None else io.StringIO()
        self.stdin = stdin
        self.stdout = stdout if stdout is not None else sys.stdout
        self.stderr = stderr if stderr is not None else sys.stderr
        self.non_interactive = non_interactive
        self.error_view = None
        # The interactive shell installs a reader (prompt, masked) -> line or
        # None, so that prompts from commands share its terminal UI.
        self.line_reader: Optional[Callable[[str, bool], Optional[str]]] = None
        self._line_tail = ""  # text written since the last newline: the reader's prompt
        self._stdout_color: bool | None = None
        self._stderr_color: bool | None = None
        self._progress: Any = None  # the progress pane, once Write-Progress drew on a terminal
        self._instance_id: Any = None
        # The session's transcripts (runtime/transcript.py), which see
        # everything shown here; installed by the first Start-Transcript.
        self.transcription: Any = None
        self._ui: Any = None
        self._private_data: Any = None

    # --- what $Host shows -------------------------------------------------------------

    @property
    def version(self) -> Any:
        """pwsh's version, as ``$PSVersionTable.PSVersion`` has it."""
        from ..dotnet.netobjects import Version
        from ..runtime.automatic import PS_VERSION
        return Version(*PS_VERSION)

    @property
    def instance_id(self) -> Any:
        if self._instance_id is None:
            import uuid
            self._instance_id = uuid.uuid4()
        return self._instance_id

    @property
    def ui(self) -> Any:
        """``$Host.UI`` (its RawUI within), built on first use."""
        if self._ui is None:
            from .host_ui import HostUI
            self._ui = HostUI(self)
        return self._ui

    @property
    def private_data(self) -> Any:
        if self._private_data is None:
            from .host_ui import ConsoleColors
            self._private_data = ConsoleColors()
        return self._private_data

    @property
    def current_culture(self) -> Any:
        return _static("System.Globalization.CultureInfo", "CurrentCulture")

    @property
    def current_ui_culture(self) -> Any:
        return _static("System.Globalization.CultureInfo", "CurrentUICulture")

    debugger_enabled = True
    is_runspace_pushed = False

    @property
    def runspace(self) -> Any:
        return _static("System.Management.Automation.Runspaces.Runspace", "DefaultRunspace")

    def __str__(self) -> str:
        return self.full_name

    # --- capabilities -------------------------------------------------------------

    @property
    def stdout_color(self) -> bool:
        """Whether text written to stdout may carry ANSI colours: a terminal
        (NO_COLOR unset), as ``$PSStyle.OutputRendering`` allows."""
        if self._stdout_color is None:
            self._stdout_color = _color_allowed(self.stdout)
        return PSStyle.instance.styled_for_host(self._stdout_color)

    @property
    def stderr_color(self) -> bool:
        if self._stderr_color is None:
            self._stderr_color = _color_allowed(self.stderr)
        return PSStyle.instance.styled_for_host(self._stderr_color)

    @property
    def window_width(self) -> int:
        """The console width, or pwsh's 120-column fallback when stdout is
        not a terminal."""
        try:
            return os.get_terminal_size(self.stdout.fileno()).columns or DEFAULT_WIDTH
        except (AttributeError, OSError, ValueError):
            return DEFAULT_WIDTH

    def flush(self) -> None:
        """Flushes both output streams, so a child process that inherits
        them writes after what was already shown."""
        for stream in (self.stdout, self.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass

    # --- output ------------------------------------------------------------------

    def write(self, text: str, foreground: object = None, background: object = None) -> None:
        """Text on stdout; ``foreground``/``background`` are ConsoleColor
        names (``Write-Host -ForegroundColor``), used on a terminal only."""
        self._hide_progress()
        self._line_tail = (self._line_tail + text).rpartition("\n")[2]
        self._transcribe(text, newline=False)
        self.stdout.write(self._colored(text, foreground, background))

    def write_line(self, text: str = "", foreground: object = None, background: object = None) -> None:
        self._hide_progress()
        self._line_tail = ""
        self._transcribe(text)
        self.stdout.write(self._colored(text, foreground, background) + "\n")

    def _transcribe(self, text: str, newline: bool = True) -> None:
        if self.transcription is not None and self.transcription.active:
            self.transcription.result(text, newline)

    def _end_transcript_line(self) -> None:
        """Before a read: the prompt's line ends in the transcript, and what
        the user types is not written there."""
        if self.transcription is not None and self.transcription.active:
            self.transcription.end_line()

    def _colored(self, text: str, foreground: object, background: object) -> str:
        if (foreground is None and background is None) or not text or not self.stdout_color:
            return text
        codes = []
        if foreground is not None and str(foreground).lower() in _CONSOLE_COLORS:
            codes.append(str(_CONSOLE_COLORS[str(foreground).lower()]))
        if background is not None and str(background).lower() in _CONSOLE_COLORS:
            codes.append(str(_CONSOLE_COLORS[str(background).lower()] + 10))
        return f"\x1b[{';'.join(codes)}m{text}{RESET}" if codes else text

    def write_error_line(self, text: str) -> None:
        """One error line on stderr, red on a terminal."""
        self._hide_progress()
        self.stdout.flush()
        self._transcribe(text)
        if self.stderr_color:
            from .errorview import ERROR_COLOR
            text = f"{ERROR_COLOR}{text}{RESET}"
        self.stderr.write(text + "\n")
        self.stderr.flush()

    def write_error_record(self, record: object) -> None:
        """An ErrorRecord as ``$ErrorView`` lays it out, on stderr."""
        view = self.error_view() if self.error_view is not None else "ConciseView"
        from .errorview import format_error  # on first use: a script that writes no error never needs it
        text = format_error(record, view, self.stderr_color, self.window_width)
        self._transcribe(text)
        self._hide_progress()
        self.stdout.flush()
        self.stderr.write(text + "\n")
        self.stderr.flush()

    def write_warning_line(self, message: str) -> None:
        self._write_prefixed("WARNING: ", message, WARNING_COLOR)

    def write_verbose_line(self, message: str) -> None:
        self._write_prefixed("VERBOSE: ", message, VERBOSE_COLOR)

    def write_debug_line(self, message: str) -> None:
        self._write_prefixed("DEBUG: ", message, DEBUG_COLOR)

    def _write_prefixed(self, label: str, message: str, color: str) -> None:
        self._hide_progress()
        self._line_tail = ""
        text = label + str(message)
        self._transcribe(text)
        if self.stdout_color:
            text = f"{color}{text}{RESET}"
        self.stdout.write(text + "\n")

    def write_information(self, record: object) -> None:
        """An InformationRecord: ``Write-Host`` data keeps its colours and
        ``-NoNewline``; anything else prints as its string."""
        data = getattr(record, "message_data", record)
        if hasattr(data, "no_new_line") and hasattr(data, "foreground_color"):
            write = self.write if data.no_new_line else self.write_line
            write(str(data), data.foreground_color, data.background_color)
        else:
            self._hide_progress()
            self._transcribe(str(record))
            self.stdout.write(str(record) + "\n")

    # --- progress ------------------------------------------------------------------

    def write_progress(self, source_id: int, record: object) -> None:
        """A Write-Progress record: drawn at the cursor on a terminal (the
        Minimal view when colours are allowed, else the Classic one),
        ignored when stdout is not a terminal."""
        if not _is_tty(self.stdout):
            return
        if self._progress is None:
            import atexit
            from .progress import ProgressDisplay
            self._progress = ProgressDisplay(self.stdout)
            # A pane still shown when the process ends is erased, as pwsh
            # removes it when its pipeline ends.
            atexit.register(self.reset_progress)
        self._progress.update(source_id, record, self.window_width, classic=not self.stdout_color)

    def reset_progress(self) -> None:
        """Erases the progress pane and forgets its activities (at the end of a run)."""
        if self._progress is not None:
            try:
                self._progress.hide()
                self.stdout.flush()
            except (OSError, ValueError):
                pass
            self._progress = None

    def _hide_progress(self) -> None:
        if self._progress is not None:
            self._progress.hide()

    # --- input -------------------------------------------------------------------

    def read_line(self) -> str | None:
        """A line from the user without its newline (``Read-Host``, prompts);
        None at end of input, as pwsh's console host returns null there, so
        that a prompt tells an empty answer (its default) from input that
        ended.  Raises pwsh's PSInvalidOperationException in NonInteractive
        mode."""
        if self.non_interactive:
            from ..dotnet.errors import host_not_interactive
            raise host_not_interactive()
        return self.read_input_line("")

    def read_line_masked(self) -> str:
        """A line typed without echo (Read-Host -AsSecureString/-MaskInput,
        passwords): the interactive shell's reader shows ``*`` for each
        character, a plain terminal shows nothing, redirected input is read
        as a plain line."""
        if self.non_interactive:
            from ..dotnet.errors import host_not_interactive
            raise host_not_interactive()
        self._hide_progress()
        self._end_transcript_line()
        if self.line_reader is not None:
            line = self.line_reader(self.take_line_tail(), True)
            return "" if line is None else line
        if self.stdin is sys.stdin and _is_tty(self.stdin):
            import getpass
            self.stdout.flush()
            try:
                return getpass.getpass("")
            except EOFError:
                return ""
        line = self.read_input_line("")
        return "" if line is None else line

    def read_input_line(self, prompt: str) -> str | None:
        """The interactive loop's read: shows ``prompt`` and returns the
        line, or None at end of input.  With the interactive shell's reader
        installed it reads the line (after what is already on the line);
        otherwise, on a terminal, this is ``input()`` with GNU readline's
        line editing and history."""
        self._hide_progress()
        self._end_transcript_line()
        if self.line_reader is not None:
            return self.line_reader(self.take_line_tail() + prompt, False)
        self._line_tail = ""
        if self.stdin is sys.stdin and _is_tty(self.stdin) and self.stdout is sys.stdout:
            _enable_line_editing()
            try:
                return input(prompt)
            except EOFError:
                return None
        if prompt:
            self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            return None
        return line[:-1] if line.endswith("\n") else line


    def take_line_tail(self) -> str:
        """The text written since the last newline (``Name: ``, or output
        ended with -NoNewline), which a line editor redrawing the line must
        show again; forgets it."""
        tail, self._line_tail = self._line_tail, ""
        return tail


def _static(type_name: str, member: str) -> Any:
    """``[type]::member``, None when the type is not known."""
    from ..dotnet.types import resolve_type
    try:
        return resolve_type(type_name).get_static(member)
    except Exception:
        return None


def _is_tty(stream: object) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def _enable_line_editing() -> None:
    """Importing ``readline`` gives ``input()`` editing and history; it is
    optional (not every Python has it)."""
    try:
        import readline  # noqa: F401
    except ImportError:
        pass
