"""The job cmdlets: Start-Job, Start-ThreadJob, Get-Job, Receive-Job,
Wait-Job, Stop-Job and Remove-Job (how jobs run: ``jobs.py``)."""

from __future__ import annotations

import os
import time
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range
from pwshlike.dotnet.errors import (ArgumentException, DirectoryNotFoundException, ErrorCategory, ErrorRecord,
                                    PSInvalidOperationException, PSNotSupportedException, SetValueException)
from pwshlike.dotnet.values import Hashtable

from .jobs import TABLE, Job, PSRemotingJob, ThreadJob, start_process_job, start_thread_job

_NOT_FOUND_ID = "The command cannot find a job with the job ID {0}. Verify the value of the Id parameter and " \
    "then try the command again."
_NOT_FOUND_NAME = "The command cannot find the job because the job name {0} was not found. Verify the value of " \
    "the Name parameter, and then try the command again."
_NOT_FINISHED = "The command cannot remove the job with the job ID {0} because the job is not finished. To " \
    "remove the job, first stop the job, or use the Force parameter."


def _script_parts(cmd: Cmdlet, script: Any, file_path: Optional[str],
                  literal: bool = False) -> tuple[str, dict[str, Any]]:
    """The job's script text (a -FilePath script's content, checked as
    pwsh's GetScriptBlockFromFile checks it) and its ``$using:`` values,
    read here."""
    from .parallel import using_values
    if file_path is not None:
        from pwshlike.dotnet.wildcard import contains_wildcard
        from . import fspaths
        message = None
        if not literal and contains_wildcard(file_path):
            message = "Wildcard characters are not supported for the FilePath parameter. Specify a path without " \
                "wildcard characters."
        elif not file_path.lower().endswith(".ps1"):
            message = "The value of the FilePath parameter must be a PowerShell script file. Enter the path to a " \
                "file with a .ps1 file name extension and try the command again."
        if message is not None:
            cmd.throw_terminating_error(ErrorRecord(ArgumentException(message, param_name="filePath"),
                                                   "System.ArgumentException", ErrorCategory.NotSpecified, None))
        path = cmd.context.session.resolve_path(file_path)
        if not os.path.isfile(path):
            cmd.throw_terminating_error(fspaths.path_not_found(path))
        try:
            with open(path, encoding="utf-8-sig") as handle:
                text = handle.read()
        except OSError as exc:
            cmd.throw_terminating_error(fspaths.io_error(exc, path, "FileOpenFailure", ErrorCategory.OpenError,
                                                         True))
        from pwshlike.runtime.scriptblock import ScriptBlock
        script = ScriptBlock.create(text, cmd.context)
    # The text without the braces is also what pwsh shows as the job's Command.
    return str(script), using_values(cmd.context, script, allow_script_blocks=True)


def _only_version_5_1(value: Any) -> Any:
    """-PSVersion: Start-Job accepts only 5.1 (Windows PowerShell), which
    does not exist here either; any other value fails as pwsh's setter."""
    from pwshlike.commands.typeconv import converter_for
    if isinstance(value, float):  # a number written as 2.0 is read as its text, as pwsh's binder does
        value = repr(value)
    version = converter_for("System.Version")(value)
    message = f"The value {version} is not valid for the PSVersion parameter. The only allowed value is 5.1."
    if not (version.Major == 5 and version.Minor == 1):
        raise SetValueException(f'Exception setting "PSVersion": "{message}"', ArgumentException(message))
    return version


class _StartJobBase(Cmdlet):
    name = Parameter("String", help="A friendly name for the job (default: Job<Id>).")
    initialization_script = Parameter("ScriptBlock", position=1,
                                      help="Commands run before the job's script block, in the same session.")
    argument_list = Parameter("Object[]", aliases=("Args",), help="Arguments for the script block's parameters.")
    input_object = Parameter("PSObject", value_from_pipeline=True, help="Input the job reads as $input.")

    def begin_processing(self) -> None:
        self._inputs: list[Any] = []
        self._has_input = "InputObject" in self.bound_parameters or bool(
            getattr(self.invocation, "expecting_input", False))

    def process_record(self) -> None:
        if self._has_input:
            self._inputs.append(self.input_object)

    def _init_text(self) -> Optional[str]:
        return None if self.initialization_script is None else str(self.initialization_script)


@cmdlet("Start-Job", default_parameter_set="ComputerName", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096796")
class StartJobCommand(_StartJobBase):
    """Starts a background job: a script block run in a separate pwshlike
    process.

    The job's objects come back serialized, as in pwsh: properties are kept
    under type names that start with "Deserialized.", methods are dropped.
    Use Receive-Job to get its output and other streams, Wait-Job to wait
    for it, Get-Job to list jobs. The job starts in the current location
    unless -WorkingDirectory says otherwise; $using: variables carry values
    into it."""

    script_block = Parameter("ScriptBlock", aliases=("Command",), sets={"ComputerName": {
        "mandatory": True, "position": 0}}, help="The commands the job runs.")
    file_path = Parameter("String", sets={"FilePathComputerName": {"mandatory": True, "position": 0}},
                          help="A script file the job runs.")
    literal_path = Parameter("String", aliases=("PSPath", "LP"), sets={"LiteralFilePathComputerName": {
        "mandatory": True}}, help="A script file the job runs, taken exactly as written.")
    working_directory = Parameter("String", help="The folder the job starts in (default: the current location).")
    run_as32 = Parameter("SwitchParameter", help="Not supported: there is no 32-bit pwshlike to run.")
    ps_version = Parameter("Version", name="PSVersion", converter=_only_version_5_1,
                           help="Only 5.1 is accepted, as in pwsh; pwshlike has no Windows PowerShell to run.")

    help_examples = [
        ("Run a command in the background",
         "$job = Start-Job { Get-ChildItem -Recurse /etc | Measure-Object }\n"
         "$job | Receive-Job -Wait -AutoRemoveJob",
         "Receive-Job -Wait waits for the job, writes its output and, with -AutoRemoveJob, removes it."),
        ("Pass values into a job",
         "$limit = 5\nStart-Job { param($n) 1..$n | ForEach-Object { $_ * $using:limit } } -ArgumentList 3",
         "Arguments bind to the script block's parameters; $using: reads a variable of the caller."),
    ]

    def end_processing(self) -> Iterator[Job]:
        if self.run_as32:
            self.throw_terminating_error(ErrorRecord(PSNotSupportedException(
                "Cannot start a 32-bit 'pwsh' process from the 64-bit 'pwsh' installation. Install the 32-bit "
                "'pwsh' if you need to run PowerShell in a 32-bit process."), "RunAs32NotSupported",
                ErrorCategory.InvalidOperation, None))
        script_path = self.file_path if self.file_path is not None else self.literal_path
        text, using = _script_parts(self, self.script_block, script_path, self.literal_path is not None)
        location = self.working_directory if self.working_directory is not None else self.context.session.location
        directory = self.context.session.resolve_path(location)
        if not os.path.isdir(directory):
            self.throw_terminating_error(ErrorRecord(DirectoryNotFoundException(
                f"Cannot find the WorkingDirectory path {location}."), "DirectoryNotFoundException",
                ErrorCategory.InvalidOperation, None))
        job = PSRemotingJob(text, self.name, "BackgroundJob", "localhost")
        job.child_jobs.append(Job(text, None, "", "localhost"))
        spec = Hashtable({"Script": text, "Init": self._init_text(), "Args": list(self.argument_list or []),
                          "Input": self._inputs if self._has_input else None,
                          "Using": Hashtable(using), "Location": directory})
        TABLE.add(job)
        start_process_job(job, spec)
        yield job


@cmdlet("Start-ThreadJob", default_parameter_set="ScriptBlock")
class StartThreadJobCommand(_StartJobBase):
    """Starts a thread job: a script block run on a thread of this process,
    in a session of its own.

    Thread jobs start much faster than Start-Job's process jobs and their
    output objects are the live objects, not copies. At most -ThrottleLimit
    thread jobs run at once (5 unless set); the others wait their turn."""

    script_block = Parameter("ScriptBlock", sets={"ScriptBlock": {"mandatory": True, "position": 0}},
                             help="The commands the job runs.")
    file_path = Parameter("String", sets={"FilePath": {"mandatory": True, "position": 0}},
                          help="A script file the job runs.")
    throttle_limit = Parameter("Int32", validators=[validate_range(1, 2**31 - 1)],
                               help="How many thread jobs may run at once (default 5).")
    streaming_host = Parameter("Object", help="Accepted for pwsh compatibility; the job's host output is "
                                              "kept in its Information stream.")

    help_examples = [
        ("Run script blocks on threads",
         "$jobs = 1..3 | ForEach-Object { Start-ThreadJob { param($i) $i * 10 } -ArgumentList $_ }\n"
         "$jobs | Receive-Job -Wait -AutoRemoveJob",
         "Each job runs on its own thread; their results are 10, 20 and 30."),
    ]

    _throttle = 5

    def end_processing(self) -> Iterator[Job]:
        text, using = _script_parts(self, self.script_block, self.file_path)
        if self.throttle_limit is not None:
            StartThreadJobCommand._throttle = int(self.throttle_limit)
        job = ThreadJob(text, self.name, "ThreadJob", "PowerShell")
        job.child_jobs.append(Job(text, None, "", "PowerShell"))
        TABLE.add(job)
        inputs = self._inputs if self._has_input else None
        start_thread_job(self.context, job, text, list(self.argument_list or []), inputs, using,
                         self._init_text(), StartThreadJobCommand._throttle)
        yield job


class _JobSelector(Cmdlet):
    """Chooses jobs by -Job, -Id, -Name, -InstanceId or -State, with pwsh's
    errors for ids and names that match no job."""

    def _selected(self, error_on_missing: bool = True) -> list[Job]:
        jobs = TABLE.all()
        bound = self.bound_parameters
        if bound.get("Job") is not None:
            return [j for j in bound["Job"] if isinstance(j, Job)]
        if bound.get("Id") is not None:
            found = []
            every = jobs + [child for j in jobs for child in j.child_jobs]  # a child job is found by its id too
            for wanted in bound["Id"]:
                match = [j for j in every if j.id == int(wanted)]
                if not match and error_on_missing:
                    self._not_found(_NOT_FOUND_ID.format(wanted), "JobWithSpecifiedSessionNotFound", wanted, "Id")
                found.extend(match)
            return found
        if bound.get("Name") is not None:
            from pwshlike.dotnet.wildcard import WildcardPattern
            found = []
            for wanted in bound["Name"]:
                pattern = WildcardPattern(str(wanted))
                match = [j for j in jobs if pattern.is_match(j.name)]
                if not match and error_on_missing:
                    self._not_found(_NOT_FOUND_NAME.format(wanted), "JobWithSpecifiedNameNotFound", wanted, "Name")
                found.extend(match)
            return found
        if bound.get("InstanceId") is not None:
            wanted_ids = {str(i) for i in bound["InstanceId"]}
            return [j for j in jobs if str(j.instance_id) in wanted_ids]
        if bound.get("State") is not None:
            return [j for j in jobs if j.state.lower() == str(bound["State"]).lower()]
        return jobs

    def _not_found(self, message: str, error_id: str, target: Any, parameter: str) -> None:
        self.write_error(ErrorRecord(ArgumentException(message, param_name=parameter), error_id,
                                     ErrorCategory.ObjectNotFound, target))


_JOB_SETS = {"Job": {"mandatory": True, "position": 0, "value_from_pipeline": True,
                     "value_from_pipeline_by_property_name": True}}
_ID_SETS = {"SessionIdParameterSet": {"mandatory": True, "position": 0, "value_from_pipeline_by_property_name": True}}
_NAME_SETS = {"NameParameterSet": {"mandatory": True, "position": 0, "value_from_pipeline_by_property_name": True}}
_INSTANCE_SETS = {"InstanceIdParameterSet": {"mandatory": True, "position": 0,
                                             "value_from_pipeline_by_property_name": True}}
_STATE_SETS = {"StateParameterSet": {"mandatory": True, "position": 0, "value_from_pipeline_by_property_name": True}}


def _selector_parameters(purpose: str, *job_sets: str) -> tuple[Parameter, Parameter, Parameter, Parameter]:
    """-Job, -Id, -Name and -InstanceId as Receive-, Wait-, Stop- and
    Remove-Job declare them: only the parameter sets -Job belongs to and
    what the jobs are chosen for (``purpose``, e.g. "to stop") differ."""
    return (Parameter("System.Management.Automation.Job[]", sets={name: _JOB_SETS["Job"] for name in job_sets},
                      help=f"The jobs {purpose}."),
            Parameter("Int32[]", sets=_ID_SETS, help=f"The ids of the jobs {purpose}."),
            Parameter("String[]", sets=_NAME_SETS, help=f"The names of the jobs {purpose}."),
            Parameter("Guid[]", sets=_INSTANCE_SETS, help=f"The instance ids of the jobs {purpose}."))


@cmdlet("Get-Job", default_parameter_set="SessionIdParameterSet",
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096582")
class GetJobCommand(_JobSelector):
    """Gets the jobs of the current session: all of them, or those chosen by
    id, name, instance id, state or command.

    Jobs are listed oldest first with their Id, Name, PSJobTypeName
    (BackgroundJob for Start-Job and the & operator, ThreadJob for
    Start-ThreadJob), State, HasMoreData, Location and Command. A job stays
    in the list until Remove-Job (or Receive-Job -AutoRemoveJob) removes it;
    its child jobs are listed with -IncludeChildJob."""

    id = Parameter("Int32[]", sets={"SessionIdParameterSet": {"position": 0,
                                                              "value_from_pipeline_by_property_name": True}},
                   help="The ids of the jobs to get.")
    name = Parameter("String[]", sets=_NAME_SETS, supports_wildcards=True, help="The names of the jobs to get.")
    instance_id = Parameter("Guid[]", sets=_INSTANCE_SETS, help="The instance ids of the jobs to get.")
    state = Parameter("System.Management.Automation.JobState", sets={"StateParameterSet": {"mandatory": True,
                                                              "value_from_pipeline_by_property_name": True}},
                      help="Gets only the jobs in this state.")
    command = Parameter("String[]", sets={"CommandParameterSet": {"value_from_pipeline_by_property_name": True}},
                        supports_wildcards=True, help="Gets the jobs whose command matches these wildcards.")
    has_more_data = Parameter("Boolean", help="Gets only the jobs that have (or do not have) data to receive.")
    include_child_job = Parameter("SwitchParameter", help="Lists the child jobs too.")
    child_job_state = Parameter("System.Management.Automation.JobState", help="Lists the child jobs in this state.")

    help_examples = [
        ("List the jobs", "Get-Job", "Shows Id, Name, PSJobTypeName, State, HasMoreData, Location and Command."),
        ("Find the jobs still running", "Get-Job -State Running", ""),
    ]

    def end_processing(self) -> Iterator[Job]:
        jobs = self._selected()
        if self.command is not None:
            from pwshlike.dotnet.wildcard import WildcardPattern
            patterns = [WildcardPattern(str(c)) for c in self.command]
            jobs = [j for j in jobs if any(p.is_match(j.command.strip()) for p in patterns)]
        if self.has_more_data is not None:
            jobs = [j for j in jobs if j.has_more_data == bool(self.has_more_data)]
        for job in jobs:
            yield job
            if self.include_child_job or self.child_job_state is not None:
                for child in job.child_jobs:
                    if self.child_job_state is None or child.state.lower() == str(self.child_job_state).lower():
                        yield child


@cmdlet("Receive-Job", default_parameter_set="Location", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096965")
class ReceiveJobCommand(_JobSelector):
    """Gets the results of jobs: their output, and their errors, warnings,
    verbose, debug and information records on the same streams.

    Results are removed from the job as they are received unless -Keep.
    With -Wait the command waits until the jobs have finished, writing
    results as they arrive; -AutoRemoveJob then removes the jobs."""

    job, id, name, instance_id = _selector_parameters("to receive from", "Location", "ComputerName", "Session")
    keep = Parameter("SwitchParameter", help="Keeps the results in the job, so they can be received again.")
    no_recurse = Parameter("SwitchParameter", help="Receives from the parent job only.")
    wait = Parameter("SwitchParameter", help="Waits until the jobs have finished.")
    auto_remove_job = Parameter("SwitchParameter", help="With -Wait, removes the jobs once received.")
    write_events = Parameter("SwitchParameter", help="Accepted for pwsh compatibility.")
    write_job_in_results = Parameter("SwitchParameter", help="Writes the job object before its results.")

    help_examples = [
        ("Wait for a job and get its output",
         "Start-Job { Get-Date } | Receive-Job -Wait -AutoRemoveJob", ""),
        ("Read results without removing them", "Receive-Job -Id 1 -Keep", "A later Receive-Job gets them again."),
    ]

    def begin_processing(self) -> None:
        for switch, name in ((self.auto_remove_job, "AutoRemoveJob"), (self.write_job_in_results, "WriteJobInResults")):
            if switch and not self.wait:
                self.throw_terminating_error(ErrorRecord(PSInvalidOperationException(
                    f"The -{name} parameter cannot be used without the -Wait parameter"), "InvalidOperation",
                    ErrorCategory.InvalidOperation, None))

    def process_record(self) -> Iterator[Any]:
        for job in self._selected():
            if self.write_job_in_results:
                yield job
            yield from self._receive(job)
            if self.wait and self.auto_remove_job and job.finished():
                TABLE.remove(job)

    def _receive(self, job: Job) -> Iterator[Any]:
        while True:
            done = job.finished()
            for stream, record in job.take(bool(self.keep)):
                if stream == "Output":
                    yield record
                else:
                    self._write(stream, record)
            if not self.wait or done:
                return
            job.wait_for_data(0.05)

    def _write(self, stream: str, record: Any) -> None:
        if stream == "Error":
            self.context.write_error(record, self.bound_parameters.get("ErrorAction"))
        elif stream == "Warning":
            self.write_warning(str(record))
        elif stream == "Verbose":
            self.write_verbose(str(record))
        elif stream == "Debug":
            self.write_debug(str(record))
        elif stream == "Information":
            self._information(record)
        elif stream == "Progress":
            self._progress(record)

    def _progress(self, record: Any) -> None:
        """A job's progress record, drawn by this shell's host unless
        $ProgressPreference (or -ProgressAction) says otherwise."""
        from pwshlike.runtime.context import IGNORE, SILENTLY_CONTINUE, action_preference
        override = self.bound_parameters.get("ProgressAction")
        preference = action_preference(override) if override is not None else \
            self.context.preference("ProgressPreference")
        write_progress = getattr(self.context.host, "write_progress", None)
        if preference not in (SILENTLY_CONTINUE, IGNORE) and write_progress is not None:
            write_progress(0, record)

    def _information(self, record: Any) -> None:
        from pwshlike.runtime.streams import InformationRecord
        if isinstance(record, InformationRecord):
            self.write_information_record(record)
        elif hasattr(record, "get"):
            if record.get("Host"):
                self.context.write_host(str(record.get("Message") or ""), bool(record.get("NoNewLine")), None, None)
            else:
                self.write_information(record.get("MessageData"), list(record.get("Tags") or []))


@cmdlet("Wait-Job", default_parameter_set="SessionIdParameterSet",
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096902")
class WaitJobCommand(_JobSelector):
    """Waits until jobs have finished (all of them, or the first with -Any)
    and writes the finished jobs.

    A job has finished when its state is Completed, Failed or Stopped. With
    -Timeout the command returns after that many seconds even if jobs are
    still running, and writes nothing for them; the prompt returns while
    the jobs keep running."""

    job, id, name, instance_id = _selector_parameters("to wait for", "JobParameterSet")
    state = Parameter("System.Management.Automation.JobState", sets=_STATE_SETS, help="Waits for the jobs in this state.")
    any = Parameter("SwitchParameter", help="Returns as soon as any one job has finished.")
    timeout = Parameter("Int32", aliases=("TimeoutSec",), validators=[validate_range(-1, 2**31 - 1)],
                        help="The most seconds to wait (-1: no limit); jobs still running are not written.")
    force = Parameter("SwitchParameter", help="Also stops waiting for suspended or disconnected jobs.")

    help_examples = [
        ("Wait for all jobs", "Get-Job | Wait-Job", ""),
        ("Wait at most ten seconds for any job", "Wait-Job -Id 1, 3 -Any -Timeout 10", ""),
    ]

    def begin_processing(self) -> None:
        self._jobs: list[Job] = []

    def process_record(self) -> None:
        self._jobs.extend(self._selected())

    def end_processing(self) -> Iterator[Job]:
        jobs = list(dict.fromkeys(self._jobs))
        limit = None if self.timeout is None or int(self.timeout) < 0 else time.monotonic() + int(self.timeout)
        while True:
            finished = [j for j in jobs if j.finished()]
            if (self.any and finished) or len(finished) == len(jobs):
                yield from finished[:1] if self.any else finished
                return
            if limit is not None and time.monotonic() >= limit:
                return
            pending = next(j for j in jobs if not j.finished())
            pending.wait(0.05)


@cmdlet("Stop-Job", default_parameter_set="SessionIdParameterSet", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096795")
class StopJobCommand(_JobSelector):
    """Stops running jobs.

    A background job's process is ended; a thread job's thread is
    interrupted at its next instruction. The job's state becomes Stopped,
    results received before stay available to Receive-Job, and what a job
    would still have produced is dropped. A job that already finished is
    left as it is."""

    job, id, name, instance_id = _selector_parameters("to stop", "Job")
    state = Parameter("System.Management.Automation.JobState", sets=_STATE_SETS, help="Stops the jobs in this state.")
    pass_thru = Parameter("SwitchParameter", help="Writes the stopped jobs.")

    help_examples = [("Stop a job", "Stop-Job -Id 1", "The job's state becomes Stopped.")]

    def process_record(self) -> Iterator[Job]:
        for job in self._selected():
            if self.should_process(f"{job.name}", "Stop-Job"):
                job.stop()
                if self.pass_thru:
                    yield job


@cmdlet("Remove-Job", default_parameter_set="SessionIdParameterSet", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096868")
class RemoveJobCommand(_JobSelector):
    """Deletes jobs from the session; a job still running is an error
    unless -Force, which stops it first.

    Results not yet received are lost with the job. Choose the jobs by job
    object (also from the pipeline), id, name, instance id or state."""

    job, id, name, instance_id = _selector_parameters("to remove", "JobParameterSet")
    state = Parameter("System.Management.Automation.JobState", sets=_STATE_SETS, help="Removes the jobs in this state.")
    force = Parameter("SwitchParameter", aliases=("F",), help="Stops and removes jobs that are still running.")

    help_examples = [
        ("Remove finished jobs", "Get-Job -State Completed | Remove-Job", ""),
        ("Remove a running job", "Remove-Job -Id 1 -Force", "Without -Force a running job is not removed."),
    ]

    def process_record(self) -> None:
        for job in self._selected():
            if job not in TABLE.all():
                self.write_error(ErrorRecord(ArgumentException(
                    "The command cannot remove the job because it does not exist or because it is a child job. "
                    "Child jobs can be removed only by removing the parent job."), "CannotRemoveJob",
                    ErrorCategory.InvalidOperation, job))
                continue
            if not job.finished() and not self.force:
                self.write_error(ErrorRecord(ArgumentException(_NOT_FINISHED.format(job.id), param_name="Job"),
                                             "JobObjectNotFinishedCannotBeRemoved", ErrorCategory.InvalidOperation,
                                             job))
                continue
            if self.should_process(f"{job.name}", "Remove-Job"):
                job.stop()
                TABLE.remove(job)
