"""Get-Host, Get-Uptime and Get-PSCallStack: facts about the session, the
machine and the code running now."""

from __future__ import annotations

import datetime as _dt
import time
from typing import Any, Iterator

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet


@cmdlet("Get-Host", output_types=("System.Management.Automation.Host.PSHost",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097110")
class GetHostCommand(Cmdlet):
    """Gets the object that represents the current host program.

    The result is the same object as $Host: its Name (ConsoleHost), Version,
    InstanceId, the current cultures, PrivateData (the colours used for
    errors, warnings and the other streams) and UI, whose RawUI gives the
    window size and the console colours."""

    help_examples = [
        ("Show the host's details", "Get-Host", ""),
        ("Get the width of the console window", "(Get-Host).UI.RawUI.WindowSize.Width",
         "When output is not a terminal, this is 80, as pwsh reports on Linux."),
        ("Make warnings stand out", "(Get-Host).PrivateData.WarningForegroundColor = 'Magenta'", ""),
    ]

    def process_record(self) -> Iterator[Any]:
        yield self.context.host


@cmdlet("Get-Uptime", default_parameter_set="Timespan",
        output_types=("System.TimeSpan", "System.DateTime"), help_uri="https://go.microsoft.com/fwlink/?linkid=834862")
class GetUptimeCommand(Cmdlet):
    """Gets the time elapsed since the last boot of the operating system.

    The result is a TimeSpan in whole seconds, read from the system's
    monotonic clock as pwsh does on Linux; with -Since, the date and time of
    that boot instead."""

    since = Parameter("SwitchParameter", sets={"Since": {}},
                      help="Returns the time the system started (a DateTime) rather than how long it has run.")

    help_examples = [
        ("How long has the system been running", "Get-Uptime", ""),
        ("When did the system start", "Get-Uptime -Since", ""),
        ("Restarted in the last day?", "(Get-Uptime).TotalHours -lt 24", ""),
    ]

    def process_record(self) -> Iterator[Any]:
        uptime = _dt.timedelta(seconds=int(time.monotonic()))
        if self.since:
            yield _dt.datetime.now() - uptime
        else:
            yield uptime


@cmdlet("Get-PSCallStack", output_types=("System.Management.Automation.CallStackFrame",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096705")
class GetPSCallStackCommand(Cmdlet):
    """Displays the current call stack.

    One CallStackFrame per running function, script and script block, the
    innermost (where Get-PSCallStack is called) first: the command, the
    arguments it was given and the file and line where it stands now.
    GetFrameVariables() on a frame returns that frame's own variables."""

    help_examples = [
        ("See who called a function",
         "function Inner { Get-PSCallStack }\nfunction Outer { Inner -Verbose }\nOuter",
         "Lists Inner, Outer and the <ScriptBlock> that called Outer, each with its location."),
        ("Log the caller of a function",
         "function Write-Log($Message) {\n    $caller = (Get-PSCallStack)[1]\n"
         "    \"$($caller.Command) ($($caller.Location)): $Message\"\n}", ""),
    ]

    def process_record(self) -> Iterator[Any]:
        from pwshlike.runtime.call_stack import call_stack
        for frame in call_stack(getattr(self.invocation, "extent", None)):
            yield frame
