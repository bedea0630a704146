"""Stop-Process and Wait-Process, over the processes ProcessMatcher finds.

Stop-Process asks ShouldProcess with the target "name (id)", kills with
SIGKILL (.NET's Kill on Unix), and leaves stopping this shell itself for
last, as pwsh does; a kill the system refuses is CouldNotStopProcess.
Wait-Process waits for all (or with -Any, one) of the processes, at most
-Timeout seconds, after which each one still running is a
ProcessNotTerminated error; it refuses to wait on the shell itself or on
process 0.
"""

from __future__ import annotations

import os
import time
from typing import Any, Iterator

from pwshlike.commands.cmdlet import Parameter, cmdlet
from pwshlike.commands.validation import validate_not_null_or_empty, validate_range
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, TimeoutException

from .process import ProcessMatcher, process_error
from .process_object import Process

_INPUT_HELP = "Process objects, such as Get-Process returns."


@cmdlet("Stop-Process", default_parameter_set="Id", supports_should_process=True,
        output_types=("System.Diagnostics.Process",), help_uri="https://go.microsoft.com/fwlink/?LinkID=2097058")
class StopProcessCommand(ProcessMatcher):
    """Ends running processes, chosen by id, by name or piped in.

    Processes are chosen by -Id, by -Name (wildcards allowed) or piped in from Get-Process. On Linux the process is
    sent SIGKILL, as pwsh does. -WhatIf shows what would be stopped, -PassThru returns the stopped processes."""

    help_examples = [
        ('Example 1: Stop a process by id',
         'Stop-Process -Id 4242',
         'Ends the process with id 4242.'),
        ('Example 2: Check first',
         "Get-Process -Name 'worker*' | Stop-Process -WhatIf",
         'Lists the processes that would be stopped without stopping them.'),
    ]

    name = Parameter("String[]", aliases=("ProcessName",), sets={"Name": {
        "mandatory": True, "value_from_pipeline_by_property_name": True}}, help="Process names.")
    id = Parameter("Int32[]", sets={"Id": {
        "position": 0, "mandatory": True, "value_from_pipeline_by_property_name": True}}, help="Process ids.")
    input_object = Parameter("Process[]", name="InputObject", full_type_name="System.Diagnostics.Process[]",
                             sets={"InputObject": {"position": 0, "mandatory": True, "value_from_pipeline": True}},
                             help=_INPUT_HELP)
    pass_thru = Parameter("SwitchParameter", help="Returns the processes stopped.")
    force = Parameter("SwitchParameter", help="Stops processes without asking (pwsh asks only on Windows).")

    def begin_processing(self) -> None:
        self._stop_self = False

    def process_record(self) -> Iterator[Any]:
        for process in self.matching_processes():
            if not self.should_process(f"{process.ProcessName} ({process.Id})"):
                continue
            if process.Id == os.getpid():
                self._stop_self = True
                continue
            if self._kill(process) and self.pass_thru:
                yield process

    def end_processing(self) -> None:
        if self._stop_self:
            os.kill(os.getpid(), 9)

    def _kill(self, process: Process) -> bool:
        try:
            process.kill()
        except PermissionError as error:
            if not process.has_exited:
                self.write_error(process_error(
                    process.ProcessName, process.Id, process,
                    'Cannot stop process "{0} ({1})" because of the following error: {2}',
                    "CouldNotStopProcess", ErrorCategory.CloseError, error.strerror or ""))
                return False
        return True


@cmdlet("Wait-Process", default_parameter_set="Name", output_types=("System.Diagnostics.Process",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097146")
class WaitProcessCommand(ProcessMatcher):
    """Waits until the given processes have ended.

    The processes are chosen by -Id, -Name or piped in. Without -Timeout it waits as long as it takes; with -Timeout
    (seconds) a process still running then is reported as an error. -Any returns as soon as one of them has stopped."""

    help_examples = [
        ('Example 1: Wait for a program to finish',
         '$p = Start-Process sleep -ArgumentList 5 -PassThru\nWait-Process -Id $p.Id',
         'Returns once the sleep process has ended.'),
        ('Example 2: Give up after a while',
         'Wait-Process -Name backup -Timeout 60',
         'Waits at most a minute for every backup process to end.'),
    ]

    id = Parameter("Int32[]", aliases=("PID", "ProcessId"), sets={"Id": {
        "position": 0, "mandatory": True, "value_from_pipeline_by_property_name": True}},
        validators=[validate_not_null_or_empty()], help="Process ids.")
    name = Parameter("String[]", aliases=("ProcessName",), sets={"Name": {
        "position": 0, "mandatory": True, "value_from_pipeline_by_property_name": True}},
        help="Process names.")
    input_object = Parameter("Process[]", name="InputObject", full_type_name="System.Diagnostics.Process[]",
                             sets={"InputObject": {"mandatory": True, "value_from_pipeline": True}},
                             help=_INPUT_HELP)
    timeout = Parameter("Int32", aliases=("TimeoutSec",), position=1, validators=[validate_range(0, 32767)],
                        help="Seconds to wait at most; then the processes still running are errors.")
    any = Parameter("SwitchParameter", help="Returns when the first of the processes stops.")
    pass_thru = Parameter("SwitchParameter", help="Returns the processes waited for.")

    def begin_processing(self) -> None:
        self._waiting: list[Process] = []

    def process_record(self) -> None:
        for process in self.matching_processes():
            if process.Id == 0:
                self.write_error(process_error(
                    process.ProcessName, 0, process, "This command stopped operation because it cannot wait on "
                    "'System Idle' process. Specify another process and Run your command again.",
                    "WaitOnIdleProcess", ErrorCategory.ObjectNotFound))
            elif process.Id == os.getpid():
                self.write_error(process_error(
                    process.ProcessName, process.Id, process, "This command stopped operation because it cannot "
                    "wait on itself. Specify another process and Run your command again.", "WaitOnItself",
                    ErrorCategory.ObjectNotFound))
            else:
                self._waiting.append(process)

    def end_processing(self) -> Iterator[Any]:
        deadline = time.monotonic() + self.timeout if "Timeout" in self.bound_parameters else None
        while not self._done():
            if deadline is not None and time.monotonic() >= deadline:
                break
            time.sleep(0.05)
        if not self._done():
            for process in self._waiting:
                if not process.has_exited:
                    message = (f'This command stopped operation because process "{process.ProcessName} '
                               f'({process.Id})" is not stopped in the specified time-out.')
                    self.write_error(ErrorRecord(TimeoutException(message), "ProcessNotTerminated",
                                                 ErrorCategory.CloseError, process))
        if self.pass_thru:
            yield from self._waiting

    def _done(self) -> bool:
        if not self._waiting:
            return True
        exited = [p.has_exited for p in self._waiting]
        return any(exited) if self.any else all(exited)
