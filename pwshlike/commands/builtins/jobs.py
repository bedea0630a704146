"""Jobs: the Job objects, the process's job table, and the two ways a job
runs (a child pwshlike process, a thread of this one).

As in pwsh, Start-Job and Start-ThreadJob make a parent job with one child
job; the child holds the results and the parent shows them, so ids go up
by two.  Every stream of a job (output, error, warning, verbose, debug,
information) is buffered until Receive-Job takes it.

A background job (Start-Job, ``cmd &``) runs in ``python -m pwshlike -s``,
the hidden server mode of ``pwshlike.host.job_server``: the job goes to the
child's stdin as one line of CLIXML (script text, arguments, input,
``$using:`` values, location, environment), and every record comes back on
stdout as one line, ``<stream> <CLIXML>``.  Objects therefore come back
deserialized, as in pwsh.  Each Start-Job starts the next child ahead, so
it has loaded the engine when the next job comes.  A child exits when its
stdin closes, so it never outlives the shell; the shell kills what still
runs when it exits.

A thread job runs in a new session of this process (pwsh's runspace) on a
pool of -ThrottleLimit threads; its objects are the live objects.  Stop-Job
raises an exception in the job's thread (which the job's script cannot
catch), marks the job Stopped and drops whatever it still produces.
"""

from __future__ import annotations

import atexit
import collections
import datetime
import itertools
import subprocess
import sys
import threading
import uuid
from typing import Any, Callable, Optional

from pwshlike.commands.native import kill_thread_programs
from pwshlike.dotnet.errors import DotNetException, ErrorCategory, ErrorRecord
from pwshlike.dotnet.values import EnumInfo, Hashtable

JOB_STATE = EnumInfo("System.Management.Automation.JobState", (
    ("NotStarted", 0), ("Running", 1), ("Completed", 2), ("Failed", 3), ("Stopped", 4), ("Blocked", 5),
    ("Suspended", 6), ("Disconnected", 7), ("Suspending", 8), ("Stopping", 9), ("AtBreakpoint", 10)))
FINISHED = frozenset(("Completed", "Failed", "Stopped"))
STREAMS = ("Output", "Error", "Warning", "Verbose", "Debug", "Information", "Progress")
_IDS = itertools.count(1)


class RemoteException(DotNetException):
    """``System.Management.Automation.RemoteException``: an error that
    happened in a job's process, rebuilt from its serialized record."""

    full_name = "System.Management.Automation.RemoteException"


class Job:
    """``System.Management.Automation.Job``: one job (a parent or a child)."""

    full_name = "System.Management.Automation.Job"
    PS_MEMBERS = {
        "Id": "id", "Name": "name", "InstanceId": "instance_id", "PSJobTypeName": "job_type_name",
        "State": "state_value", "HasMoreData": "has_more_data", "Location": "location", "Command": "command",
        "ChildJobs": "child_jobs", "Output": "output", "Error": "error", "Warning": "warning",
        "Verbose": "verbose", "Debug": "debug", "Information": "information", "Progress": "progress",
        "PSBeginTime": "begin_time", "PSEndTime": "end_time", "JobStateInfo": "state_info",
        "StatusMessage": "status_message", "ToString": "__str__"}

    def __init__(self, command: str, name: Optional[str], job_type_name: str, location: str) -> None:
        self.id = next(_IDS)
        self.instance_id = uuid.uuid4()
        self.name = name or f"Job{self.id}"
        self.job_type_name = job_type_name
        self.location = location
        self.command = command
        self.child_jobs: list[Job] = []
        self.state = "NotStarted"
        self.reason: Optional[BaseException] = None
        self.begin_time: Optional[datetime.datetime] = None
        self.end_time: Optional[datetime.datetime] = None
        self.status_message = ""
        self.changed = threading.Condition()
        # Every record not yet received, in the order the job produced it
        # (pwsh's Results): Receive-Job writes them in that order.
        self.results: list[tuple[str, Any]] = []
        self.open_while_running = False
        self.stopper: Optional[Callable[[], None]] = None

    def __str__(self) -> str:
        return self.full_name

    # --- what a script sees ----------------------------------------------------------------------

    def _holder(self) -> "Job":
        return self.child_jobs[0] if self.child_jobs else self

    @property
    def state_value(self) -> Any:
        return JOB_STATE[self.state]

    @property
    def state_info(self) -> Any:
        from pwshlike.dotnet.values import PSCustomObject
        return PSCustomObject.with_type_names("System.Management.Automation.JobStateInfo", {
            "State": self.state_value, "Reason": self.reason})

    @property
    def has_more_data(self) -> bool:
        """Records are waiting; a background job also counts as having more
        while it runs (pwsh's Results collection is open until it ends)."""
        holder = self._holder()
        with holder.changed:
            return bool(holder.results) or (holder.open_while_running and not holder.finished())

    def _stream(self, name: str) -> list[Any]:
        holder = self._holder()
        with holder.changed:
            return [record for stream, record in holder.results if stream == name]

    output = property(lambda self: self._stream("Output"))
    error = property(lambda self: self._stream("Error"))
    warning = property(lambda self: self._stream("Warning"))
    verbose = property(lambda self: self._stream("Verbose"))
    debug = property(lambda self: self._stream("Debug"))
    information = property(lambda self: self._stream("Information"))
    progress = property(lambda self: self._stream("Progress"))

    # --- what the runners do ---------------------------------------------------------------------

    def add(self, stream: str, value: Any) -> None:
        """Buffers one record of a running job (dropped once it was stopped)."""
        holder = self._holder()
        with holder.changed:
            if holder.state == "Stopped":
                return
            holder.results.append((stream, value))
            holder.changed.notify_all()

    def set_state(self, state: str, reason: Optional[BaseException] = None) -> None:
        """Moves the job (and its child) to ``state``; a finished job stays finished."""
        for job in [self] + self.child_jobs:
            with job.changed:
                if job.state in FINISHED:
                    continue
                job.state = state
                if state == "Running":
                    job.begin_time = datetime.datetime.now()
                if state in FINISHED:
                    job.end_time = datetime.datetime.now()
                    job.reason = reason
                job.changed.notify_all()

    def take(self, keep: bool) -> list[tuple[str, Any]]:
        """The records not yet received, in the order they came; emptied
        unless ``keep``."""
        holder = self._holder()
        with holder.changed:
            records = list(holder.results)
            if not keep:
                holder.results.clear()
            return records

    def finished(self) -> bool:
        return self.state in FINISHED

    def wait(self, timeout: Optional[float] = None) -> bool:
        """Waits until the job has finished; False when ``timeout`` ran out."""
        with self.changed:
            return self.changed.wait_for(self.finished, timeout)

    def wait_for_data(self, timeout: float) -> None:
        holder = self._holder()
        with holder.changed:
            holder.changed.wait(timeout)

    def stop(self) -> None:
        if self.finished():
            return
        self.set_state("Stopped")
        if self.stopper is not None:
            self.stopper()


class PSRemotingJob(Job):
    """A Start-Job job (pwsh's type for a job in another process)."""

    full_name = "System.Management.Automation.PSRemotingJob"


class ThreadJob(Job):
    """A Start-Job job's thread counterpart (module ThreadJob)."""

    full_name = "ThreadJob.ThreadJob"


def _register_types() -> None:
    from pwshlike.dotnet.types import enum_type, register_class
    enum_type(JOB_STATE)
    base = register_class(Job, Job.full_name)
    for cls in (PSRemotingJob, ThreadJob):
        register_class(cls, cls.full_name).base = base
    register_class(RemoteException, RemoteException.full_name)


_register_types()


# --- the job table ---------------------------------------------------------------------------------

class JobTable:
    """The jobs of this process, oldest first (pwsh's JobRepository)."""

    def __init__(self) -> None:
        self.jobs: list[Job] = []
        self.lock = threading.Lock()

    def add(self, job: Job) -> None:
        with self.lock:
            self.jobs.append(job)

    def remove(self, job: Job) -> None:
        with self.lock:
            if job in self.jobs:
                self.jobs.remove(job)

    def all(self) -> list[Job]:
        with self.lock:
            return list(self.jobs)


TABLE = JobTable()


def _stop_all_at_exit() -> None:
    """Ends every job still running, and the job process started ahead,
    when the shell exits (no orphans, no zombies)."""
    for job in TABLE.all():
        job.stop()
    with _STANDBY_LOCK:
        waiting = list(_STANDBY)
        _STANDBY.clear()
    for process in waiting:
        process.kill()
        process.wait()


atexit.register(_stop_all_at_exit)


# --- records between processes ---------------------------------------------------------------------

def pack_error(record: ErrorRecord) -> Hashtable:
    """What of an ErrorRecord crosses to the shell (pwsh's
    ToPSObjectForRemoting, in short)."""
    from pwshlike.dotnet.conversions import to_string
    exc = record.exception
    info = record.category_info
    return Hashtable({
        "Message": str(record), "FullyQualifiedErrorId": record.fully_qualified_error_id,
        "Category": int(record.category), "ExceptionType": getattr(exc, "full_name", "System.Exception"),
        "TargetObject": None if record.target_object is None else to_string(record.target_object),
        "Activity": info.activity, "Reason": info.reason, "TargetName": info.target_name,
        "TargetType": info.target_type})


def unpack_error(packed: Any) -> ErrorRecord:
    """The ErrorRecord the shell shows for a packed one."""
    def get(key: str) -> Any:
        return packed.get(key) if hasattr(packed, "get") else None
    exc = RemoteException(str(get("Message") or ""))
    fqid = str(get("FullyQualifiedErrorId") or "")
    record = ErrorRecord(exc, fqid, ErrorCategory.NotSpecified, get("TargetObject"))
    try:
        record.category = int(get("Category") or 0)
    except (TypeError, ValueError):
        pass
    record.fully_qualified_error_id = fqid
    # CategoryInfo as it was in the job (ConciseView names the command from its Activity).
    record.activity_override = str(get("Activity") or "") or None
    record.reason_override = str(get("Reason") or "") or None
    record.target_name_override = str(get("TargetName") or "") or None
    record.target_type_override = str(get("TargetType") or "") or None
    return record


_PROGRESS_FIELDS = ("ActivityId", "ParentActivityId", "Activity", "StatusDescription", "CurrentOperation",
                    "PercentComplete", "SecondsRemaining")


def pack_progress(record: Any) -> Hashtable:
    packed = Hashtable({name: getattr(record, name) for name in _PROGRESS_FIELDS})
    packed["Completed"] = bool(record.completed)
    return packed


def unpack_progress(packed: Any) -> Any:
    """The ProgressRecord the shell's host draws for a packed one."""
    from .progress import COMPLETED, ProgressRecord
    record = ProgressRecord(int(packed.get("ActivityId") or 0), str(packed.get("Activity") or ""),
                            str(packed.get("StatusDescription") or ""))
    for name in ("ParentActivityId", "PercentComplete", "SecondsRemaining"):
        value = packed.get(name)
        if value is not None:
            setattr(record, name, int(value))
    record.CurrentOperation = packed.get("CurrentOperation")
    if packed.get("Completed"):
        record.RecordType = COMPLETED
    return record


def pack_information(record: Any) -> Hashtable:
    from pwshlike.runtime.streams import HostInformationMessage
    data = record.message_data
    if isinstance(data, HostInformationMessage):
        return Hashtable({"Host": True, "Message": data.message, "NoNewLine": bool(data.no_new_line)})
    return Hashtable({"Host": False, "MessageData": data, "Tags": list(record.tags or [])})


# --- running a job's script (in a child process or on a thread) ------------------------------------

def run_script(context: Any, script: str, args: list[Any], input_objects: Optional[list[Any]],
               using: dict[str, Any], init: Optional[str], emit: Callable[[str, Any], None]) -> None:
    """Runs a job's script in ``context`` (a session of its own), handing
    every record to ``emit(stream, record)``; a terminating error is
    emitted as ``("Failed", record)``."""
    from pwshlike.runtime.flow import ExitException
    from pwshlike.runtime.scriptblock import ScriptBlock
    from pwshlike.runtime.streams import StreamRouting
    context.streams = StreamRouting(
        error=lambda record: emit("Error", record), warning=lambda text: emit("Warning", str(text)),
        verbose=lambda text: emit("Verbose", str(text)), debug=lambda text: emit("Debug", str(text)),
        information=lambda record: emit("Information", record))
    context.using_values = using
    try:
        if init:
            ScriptBlock.create(init, context).invoke_with_input(None, new_scope=False,
                                                                emit=lambda obj: emit("Output", obj))
        _run_as_command(context, ScriptBlock.create(script, context), args, input_objects,
                        lambda obj: emit("Output", obj))
    except ExitException:  # `exit` ends the job's script, not the process running it
        return
    except Exception as exc:  # the job's terminating error, reported as pwsh's Failed state
        emit("Failed", context.to_runtime_exception(exc, None).error_record)


def _run_as_command(context: Any, block: Any, args: list[Any], input_objects: Optional[list[Any]],
                    out: Callable[[Any], None]) -> None:
    """``$input | & $block @args``: the job's block runs as a command, as
    pwsh runs it, so its parameters bind, its process block sees each input
    object and ``$MyInvocation`` is set."""
    from pwshlike.dotnet.errors import InvocationInfo
    from pwshlike.dotnet.values import GenericDictionary
    from pwshlike.runtime.pipeline import CommandArgument, run_pipeline
    info = context.command_resolver(context, block, "&", None)
    invocation = InvocationInfo(info, "", None, GenericDictionary(), pipeline_position=1, pipeline_length=1,
                                expecting_input=input_objects is not None)
    processor = info.new_processor(context, [CommandArgument(None, value) for value in args], invocation)
    run_pipeline(context, [processor], out, input_objects)


def start_thread_job(context: Any, job: Job, script: str, args: list[Any], input_objects: Optional[list[Any]],
                     using: dict[str, Any], init: Optional[str], throttle: int) -> None:
    """Queues a thread job on the pool; its session is made here, on the
    calling thread, from the caller's commands and location."""
    from pwshlike.commands import install
    from pwshlike.runtime.context import ExecutionContext
    worker = ExecutionContext(context.host)
    getattr(context, "new_session", install)(worker, context.commands)
    worker.session.location = context.session.location
    worker.host = _ThreadJobHost(context.host, job)  # $Host stays the shell's host
    context.activate()

    def emit(stream: str, record: Any) -> None:
        if stream == "Failed":
            job.add("Error", record)
            job.set_state("Failed", record.exception)
        else:
            job.add(stream, record)

    lock = threading.Lock()
    running = [False]

    def stop() -> None:
        with lock:
            if running[0]:
                _raise_in_thread(ident[0], _StopThreadJob)
                kill_thread_programs(ident[0])

    ident = [0]

    def body() -> None:
        if job.finished():  # stopped while it waited for a thread
            return
        with lock:
            ident[0] = threading.get_ident()
            running[0] = True
        job.stopper = stop
        job.set_state("Running")
        worker.activate()
        try:
            try:
                run_script(worker, script, args, input_objects, using, init, emit)
            finally:
                with lock:
                    running[0] = False
        except _StopThreadJob:
            return
        job.set_state("Completed")

    _THROTTLE.start(body, throttle, f"ThreadJob{job.id}")


class _ThreadJobHost:
    """The host a thread job's session writes to: the shell's, except that
    progress records go to the job's Progress stream, for Receive-Job to
    draw (as pwsh's ThreadJob does)."""

    def __init__(self, host: Any, job: Job) -> None:
        self._host = host
        self._job = job

    def __getattr__(self, name: str) -> Any:
        return getattr(self._host, name)

    def write_progress(self, _source_id: int, record: Any) -> None:
        self._job.add("Progress", record)


class _StopThreadJob(BaseException):
    """Raised inside a thread job's thread by Stop-Job: not an error the
    job's script can catch or report, it only ends the job."""


def _raise_in_thread(ident: int, exc_type: type) -> None:
    """Makes ``exc_type`` raise in thread ``ident`` at its next Python
    instruction (a thread in a blocking call gets it when the call returns;
    Start-Sleep sleeps in short slices)."""
    import ctypes
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(exc_type))


class _Throttle:
    """At most ``limit`` thread jobs run at once, in the order they were
    started (pwsh's ThreadJob module throttles all thread jobs of a
    process together; the last -ThrottleLimit given applies).  Each job has
    a daemon thread of its own, so a job still running never holds up the
    shell's exit (the exit handler stops it)."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.running = 0
        self.limit = 5
        self.waiting: collections.deque[object] = collections.deque()

    def start(self, body: Callable[[], None], limit: int, name: str) -> None:
        ticket = object()
        with self.changed:
            self.limit = limit
            self.waiting.append(ticket)
            self.changed.notify_all()
        threading.Thread(target=self._run, args=(ticket, body), name=name, daemon=True).start()

    def _run(self, ticket: object, body: Callable[[], None]) -> None:
        with self.changed:
            self.changed.wait_for(lambda: self.waiting[0] is ticket and self.running < self.limit)
            self.waiting.popleft()
            self.running += 1
            self.changed.notify_all()
        try:
            body()
        finally:
            with self.changed:
                self.running -= 1
                self.changed.notify_all()


_THROTTLE = _Throttle()


_STANDBY: list[subprocess.Popen] = []
_STANDBY_LOCK = threading.Lock()


def _spawn() -> subprocess.Popen:
    """A job process that loads the engine and then waits for its job.  It
    leads a session (process group) of its own, so Ctrl+C at the terminal
    does not reach it and stopping the job ends the programs it started."""
    return subprocess.Popen([sys.executable, "-m", "pwshlike", "-s", "-NoLogo", "-NoProfile"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def _kill_group(process: subprocess.Popen) -> None:
    """Kills a running job process with the native programs its job
    started (its process group), as stopping a pwsh job stops them."""
    import os
    import signal
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except OSError:  # already gone
        process.kill()


def _job_process() -> subprocess.Popen:
    """A started job process: the one started ahead by the previous
    Start-Job when it is still waiting, else a new one; either way the
    next one is started ahead, so a session's later jobs do not wait for a
    process to load the engine.  (Its location and environment come with
    the job, as they are when the job starts.)"""
    with _STANDBY_LOCK:
        process = _STANDBY.pop() if _STANDBY else None
        _STANDBY.append(_spawn())
    if process is None or process.poll() is not None:
        process = _spawn()
    return process


def start_process_job(job: Job, spec: Hashtable) -> None:
    """Hands a background job to a job process and starts a thread reading
    its records."""
    import os
    from pwshlike.dotnet.clixml import serialize
    spec["Environment"] = Hashtable(dict(os.environ))
    line = serialize([spec], depth=1, indent=None)
    process = _job_process()

    def stop() -> None:
        if process.poll() is None:
            _kill_group(process)
            try:
                process.wait(5)  # reaped here: a stopped job leaves no zombie behind
            except subprocess.TimeoutExpired:
                pass
    job.stopper = stop
    for each in [job] + job.child_jobs:
        each.open_while_running = True
    assert process.stdin is not None
    try:
        process.stdin.write(line.encode("utf-8") + b"\n")
        process.stdin.flush()
    except OSError:  # the process died while waiting; its reader reports the job as failed
        pass
    job.set_state("Running")
    threading.Thread(target=_read_records, args=(job, process), name=f"Job{job.id}", daemon=True).start()


def _read_records(job: Job, process: subprocess.Popen) -> None:
    """Turns the child's lines back into the job's records until it ends."""
    from pwshlike.dotnet.clixml import deserialize
    failed: Optional[ErrorRecord] = None
    assert process.stdout is not None
    for raw in process.stdout:
        stream, _, text = raw.decode("utf-8", "replace").rstrip("\n").partition(" ")
        try:
            values = deserialize(text)
        except Exception:  # a line the child did not write for us
            continue
        value = values[0] if values else None
        if stream == "Progress" and value is not None:
            value = unpack_progress(value)
        if stream in ("Error", "Failed"):
            value = unpack_error(value)
            if stream == "Failed":
                failed = value
                stream = "Error"
        if stream in STREAMS:
            job.add(stream, value)
    try:
        assert process.stdin is not None
        process.stdin.close()
    except OSError:
        pass
    process.wait()
    job.set_state("Failed" if failed is not None else "Completed", failed.exception if failed else None)
