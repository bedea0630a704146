"""The six PowerShell streams, their records, and where records go.

Stream numbers are pwsh's: 1 output, 2 error, 3 warning, 4 verbose,
5 debug, 6 information.  Output objects travel through pipelines
(``CommandProcessor.downstream``); the other five carry records that the
writers on ``ExecutionContext`` route through the current
:class:`StreamRouting`: a stream whose route is None shows on the host,
otherwise the route (a callable taking the record) receives it, which is
how ``2>&1``, ``3> file`` and ``2>$null`` work.
"""

from __future__ import annotations

import _datetime as _dt  # datetime's classes, without running the pure-Python twin datetime.py defines first
import os
import _thread

from ..dotnet.conversions import to_string
from ..dotnet.types import register_class
from ..dotnet.errors import (
    DirectoryNotFoundException, dotnet_exception_from, ErrorCategory, ErrorRecord, RuntimeException,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional
    Route = Optional[Callable[[Any], None]]

OUTPUT, ERROR, WARNING, VERBOSE, DEBUG, INFORMATION = 1, 2, 3, 4, 5, 6

STREAM_NAMES = {"output": OUTPUT, "error": ERROR, "warning": WARNING, "verbose": VERBOSE,
                "debug": DEBUG, "information": INFORMATION}
"""The ``from_stream`` names the parser uses for redirections."""


class InformationalRecord:
    """Base of warning, verbose and debug records: a message, shown as is."""

    __slots__ = ("message", "invocation_info")
    full_name = "System.Management.Automation.InformationalRecord"
    PS_MEMBERS = {"Message": "message", "InvocationInfo": "invocation_info", "ToString": "__str__"}

    def __init__(self, message: str, invocation_info: Any = None) -> None:
        self.message = message
        self.invocation_info = invocation_info

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class WarningRecord(InformationalRecord):
    __slots__ = ()
    full_name = "System.Management.Automation.WarningRecord"


class VerboseRecord(InformationalRecord):
    __slots__ = ()
    full_name = "System.Management.Automation.VerboseRecord"


class DebugRecord(InformationalRecord):
    __slots__ = ()
    full_name = "System.Management.Automation.DebugRecord"


class HostInformationMessage:
    """What ``Write-Host`` puts in an InformationRecord's MessageData."""

    __slots__ = ("message", "no_new_line", "foreground_color", "background_color")
    full_name = "System.Management.Automation.HostInformationMessage"
    PS_MEMBERS = {"Message": "message", "NoNewLine": "no_new_line",
                  "ForegroundColor": "foreground_color", "BackgroundColor": "background_color",
                  "ToString": "__str__"}

    def __init__(self, message: str, no_new_line: bool = False, foreground_color: Any = None,
                 background_color: Any = None) -> None:
        self.message = message
        self.no_new_line = no_new_line
        self.foreground_color = foreground_color
        self.background_color = background_color

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"HostInformationMessage({self.message!r})"


_USER_NAMES: dict[int, str] = {}


def _user_name() -> str:
    """``Environment.UserName`` on Unix: the effective user's login name
    (what ``whoami`` prints), whatever $USER says; looked up once per user,
    since every Write-Host makes a record."""
    uid = os.geteuid()
    name = _USER_NAMES.get(uid)
    if name is None:
        import pwd
        try:
            name = pwd.getpwuid(uid).pw_name
        except KeyError:
            name = os.environ.get("USER", "")
        _USER_NAMES[uid] = name
    return name


class InformationRecord:
    """``Write-Information``/``Write-Host`` output; ``str()`` is the message data's."""

    __slots__ = ("message_data", "tags", "source", "time_generated", "user", "computer",
                 "process_id", "native_thread_id", "managed_thread_id")
    full_name = "System.Management.Automation.InformationRecord"
    PS_MEMBERS = {"MessageData": "message_data", "Tags": "tags", "Source": "source",
                  "TimeGenerated": "time_generated", "User": "user", "Computer": "computer",
                  "ProcessId": "process_id", "NativeThreadId": "native_thread_id",
                  "ManagedThreadId": "managed_thread_id", "ToString": "__str__"}

    def __init__(self, message_data: Any, source: str = "", tags: Optional[list[str]] = None) -> None:
        self.message_data = message_data
        self.source = source
        self.tags = list(tags) if tags else []
        self.time_generated = _dt.datetime.now()
        self.user = _user_name()
        self.computer = os.uname().nodename
        self.process_id = os.getpid()
        self.native_thread_id = _thread.get_native_id()  # threading.get_native_id itself
        self.managed_thread_id = 0

    def __str__(self) -> str:
        data = self.message_data
        if data is None:
            return ""
        if isinstance(data, str):
            return data
        return to_string(data)

    def __repr__(self) -> str:
        return f"InformationRecord({str(self)!r})"


# `$record -is [System.Management.Automation.InformationRecord]` and Get-Member name the type.
register_class(InformationRecord, InformationRecord.full_name)


class StreamRouting:
    """Where each non-output stream goes at the moment.  None means the host
    shows the record; a callable receives it.  ``DISCARD`` drops it."""

    __slots__ = ("error", "warning", "verbose", "debug", "information")

    def __init__(self, error: Route = None, warning: Route = None, verbose: Route = None,
                 debug: Route = None, information: Route = None) -> None:
        self.error = error
        self.warning = warning
        self.verbose = verbose
        self.debug = debug
        self.information = information

    def copy(self) -> "StreamRouting":
        return StreamRouting(self.error, self.warning, self.verbose, self.debug, self.information)

    def set(self, stream: int, route: Route) -> None:
        """Routes one stream (2..6) to ``route``."""
        setattr(self, _ATTRS[stream], route)


_ATTRS = {ERROR: "error", WARNING: "warning", VERBOSE: "verbose", DEBUG: "debug",
          INFORMATION: "information"}


def discard(_record: Any) -> None:
    """The route of ``n>$null``."""
    return None


def _open_failure(path: str, exc: OSError) -> RuntimeException:
    """pwsh redirects through Out-File: a file it cannot open is Out-File's
    FileOpenFailure (a missing folder is .NET's DirectoryNotFoundException)."""
    inner = DirectoryNotFoundException(f"Could not find a part of the path '{path}'.") \
        if isinstance(exc, FileNotFoundError) else dotnet_exception_from(exc)
    record = ErrorRecord(inner, "FileOpenFailure", ErrorCategory.OpenError, path)
    record.set_command_origin("Microsoft.PowerShell.Commands.OutFileCommand")
    return RuntimeException(inner.message, inner, error_record=record)


class FileSink:
    """The target of ``n> path`` / ``n>> path``: objects are collected and,
    when the redirected command finishes, written as the formatter's lines,
    UTF-8 without BOM, ``\\n`` line ends (pwsh's defaults on Unix).  Collecting
    first lets the formatter lay out tables over all objects as Out-File does.
    The file is created (or truncated) as soon as the redirection starts."""

    __slots__ = ("path", "append", "items", "_formatter")

    def __init__(self, path: str, append: bool, formatter: Callable[[list[Any]], list[str]]) -> None:
        self.path = path
        self.append = append
        self.items: list[Any] = []
        self._formatter = formatter
        try:
            with open(path, "a" if append else "w", encoding="utf-8"):
                pass
        except OSError as exc:
            raise _open_failure(path, exc) from None

    def __call__(self, obj: Any) -> None:
        self.items.append(obj)

    def close(self) -> None:
        """Writes what was collected; safe to call more than once."""
        items, self.items = self.items, []
        if not items:
            return
        lines = self._formatter(items)
        with open(self.path, "a", encoding="utf-8", newline="\n") as f:
            for line in lines:
                f.write(line)
                f.write("\n")
