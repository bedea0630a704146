"""A Python bug in a plugin's cmdlet, shown as pwsh shows an exception
escaping a cmdlet.

pwsh wraps an exception thrown by a cmdlet's ProcessRecord in a
terminating error whose FullyQualifiedErrorId is
``<exception type>,<command type>`` with category NotSpecified; the
console then shows ``Command-Name: message``.  Here the exception is a
Python one, so the record keeps its type and message
(``Send-Greeting: ZeroDivisionError: division by zero``), its traceback
(``$_.Exception.StackTrace``, which Get-Error shows), and names the plugin
to report the bug to in ``ErrorDetails.RecommendedAction``.

Only plugins other than the built-in one are treated so: the built-in
cmdlets raise ``OSError`` and friends on purpose, for the engine to map to
the .NET exceptions pwsh's own cmdlets throw.
"""

from __future__ import annotations

import os
import sys
from types import TracebackType

from pwshlike.dotnet.errors import (ActionPreferenceStopException, DotNetException, ErrorCategory, ErrorDetails,
                                    ErrorRecord, PipelineStoppedException, RuntimeException, ScriptCallDepthException)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

# Set on a Python exception once it has left the command that raised it, so
# that an upstream command whose code it passes through (its write_object
# called the downstream command) does not claim it.
_LEFT_COMMAND = "_pwshlike_left_command"


class PluginException(DotNetException):
    """A Python exception raised by a plugin cmdlet's own code.

    Its .NET type name is ``Pwshlike.PluginException`` for every Python
    type: one name a script can catch (``catch [Pwshlike.PluginException]``)
    whatever the bug, while the Python type stays visible where a user
    looks — the message, the FullyQualifiedErrorId and ``PythonType``.
    ``python_exception`` is the original exception (``pwshlike.testing``'s
    strict mode re-raises it)."""

    full_name = "Pwshlike.PluginException"
    PS_MEMBERS = dict(DotNetException.PS_MEMBERS, PythonType="python_type", Plugin="plugin")

    def __init__(self, python_exception: BaseException, plugin: str, stack_trace: str) -> None:
        super().__init__(python_message(python_exception))
        self.python_exception = python_exception
        self.python_type = python_type_name(python_exception)
        self.plugin = plugin
        self.stack_trace = stack_trace
        self.source = plugin


def python_type_name(exc: BaseException) -> str:
    """``ZeroDivisionError`` for a builtin, ``package.module.Class`` otherwise."""
    cls = type(exc)
    if cls.__module__ == "builtins":
        return cls.__qualname__
    return f"{cls.__module__}.{cls.__qualname__}"


def python_message(exc: BaseException) -> str:
    """``Type: message`` as Python prints the last traceback line."""
    text = str(exc)
    name = python_type_name(exc)
    return f"{name}: {text}" if text else name


def mark_left_command(exc: BaseException) -> None:
    """Records that ``exc`` has left the command that raised it."""
    try:
        setattr(exc, _LEFT_COMMAND, True)
    except (AttributeError, TypeError):
        pass


def plugin_failure(exc: Exception, info: Any, invocation: Any, context: Any) -> Optional[RuntimeException]:
    """The terminating error for ``exc`` raised by the code of the cmdlet
    ``info`` (a CmdletInfo), or None to let it go on as it is: exceptions
    that came from a later command of the pipeline, the built-in cmdlets',
    and errors that already carry a record (RuntimeException and its
    family), which are only given this command's invocation when they have
    none, so that ConciseView names the cmdlet as pwsh's does.  A .NET
    exception the code raised on purpose gets pwsh's record for it
    (``System.TimeoutException,<command type>``, NotSpecified); a Python
    one becomes a :class:`PluginException`."""
    if getattr(exc, _LEFT_COMMAND, False):
        return None
    if isinstance(exc, RuntimeException):
        record = exc.error_record
        if isinstance(exc, (PipelineStoppedException, ActionPreferenceStopException, ScriptCallDepthException)):
            return None
        if record.invocation_info is None and _plugin_of(info, context) is not None:
            record.invocation_info = invocation
            record.set_command_origin(info.implementing_type)
        elif _from_script_statement(exc):
            # Script code the cmdlet ran (Invoke-Expression, ForEach-Object's blocks) failed: pwsh
            # wraps that in a CmdletInvocationException whose record names the cmdlet.
            record.invocation_info = invocation
            record.set_command_origin(info.implementing_type)
        return None
    if getattr(exc, "error_record", None) is not None:
        return None
    if isinstance(exc, DotNetException):  # any cmdlet's, as pwsh wraps what escapes a cmdlet
        record = ErrorRecord(exc, exc.full_name, ErrorCategory.NotSpecified, None, invocation)
        record.set_command_origin(info.implementing_type)
        mark_left_command(exc)
        return RuntimeException(exc.message, exc, error_record=record)
    plugin = _plugin_of(info, context)
    if plugin is None:
        return None
    stack_trace = _stack_trace(exc)
    if os.environ.get("PWSHLIKE_DEBUG") == "1":
        sys.stderr.write(f"{info.name}: a Python exception in plugin '{plugin}':\n{stack_trace}")
        sys.stderr.flush()
    failure = PluginException(exc, plugin, stack_trace.rstrip("\n"))
    record = ErrorRecord(failure, failure.python_type, ErrorCategory.NotSpecified, None, invocation)
    record.set_command_origin(info.implementing_type)
    record.error_details = ErrorDetails(failure.message, _recommended_action(info, plugin))
    mark_left_command(exc)
    return RuntimeException(failure.message, failure, error_record=record)


def _from_script_statement(exc: RuntimeException) -> bool:
    """An error a script statement raised (positioned by the statement, no
    command of its own), not a ``throw``, which pwsh never rewraps."""
    info = exc.error_record.invocation_info
    return info is not None and info.my_command is None and not exc.was_thrown_from_throw_statement


def _plugin_of(info: Any, context: Any) -> Optional[str]:
    """The plugin that declared the module of ``info``, asked of the plugin
    host the session was built with (the layer above installs it as
    ``context.plugins``); None without one."""
    host = getattr(context, "plugins", None)
    return None if host is None else host.plugin_declaring(info)


def _stack_trace(exc: BaseException) -> str:
    """The Python traceback from the first frame outside the engine's
    command processors (the plugin's own code first)."""
    import traceback
    tb: Optional[TracebackType] = exc.__traceback__
    here = os.path.dirname(os.path.abspath(__file__))
    while tb is not None and tb.tb_next is not None \
            and os.path.dirname(os.path.abspath(tb.tb_frame.f_code.co_filename)) == here:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb))


def _recommended_action(info: Any, plugin: str) -> str:
    """Where to report the bug: the plugin, with its distribution and
    version when it was installed from one."""
    where = f"the plugin '{plugin}'"
    distribution = _distribution_of(info)
    if distribution:
        where += f" ({distribution})"
    return f"This is a bug in {where}, which provides '{info.name}': report it to the plugin's authors " \
           f"with the stack trace (Get-Error shows it)."


def _distribution_of(info: Any) -> str:
    """``name version`` of the installed distribution holding the cmdlet's
    Python package, or empty (a plugin in the user plugin directory)."""
    top = info.implementation().__module__.partition(".")[0]
    from importlib import metadata
    try:
        names = metadata.packages_distributions().get(top, [])
        if names:
            return f"{names[0]} {metadata.version(names[0])}"
    except Exception:  # a broken distribution's metadata only costs the detail
        return ""
    return ""


def _register_type() -> None:
    """Makes ``[Pwshlike.PluginException]`` resolvable (catch, -is)."""
    from pwshlike.dotnet.types import exception_pstype
    exception_pstype(PluginException)


_register_type()
