"""Get-Process, and the matching every process cmdlet shares (pwsh's
ProcessBaseCommand): processes by -Name (wildcards), -Id or -InputObject,
each once, sorted by name then id; a name or id that matches nothing is a
non-terminating NoProcessFoundForGivenName / NoProcessFoundForGivenId
error (a name made of digits suggests -Id, as pwsh's does).

-IncludeUserName gives each process a UserName and the type name
``System.Diagnostics.Process#IncludeUserName``, which picks pwsh's other
table view.
"""

from __future__ import annotations

from typing import Any, Iterator

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_not_null_or_empty
from pwshlike.dotnet import members
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, SystemException
from pwshlike.dotnet.wildcard import contains_wildcard, wildcard_match

from .process_object import Process, all_processes, read_process, user_name

_WITH_USER_NAME = "System.Diagnostics.Process#IncludeUserName"


class ProcessCommandException(SystemException):
    full_name = "Microsoft.PowerShell.Commands.ProcessCommandException"


def process_error(name: str, pid: int, target: Any, template: str, error_id: str, category: str,
                  reason: str = "") -> ErrorRecord:
    """pwsh's WriteNonTerminatingError: ``template`` filled with the name,
    the id and the system's reason."""
    message = template.replace("{0}", name).replace("{1}", str(pid)).replace("{2}", reason)
    return ErrorRecord(ProcessCommandException(message), error_id, category, target)


class ProcessMatcher(Cmdlet):
    """The matching of pwsh's ProcessBaseCommand; subclasses declare the
    parameters (``name``, ``id``, ``input_object``) with their own sets."""

    name: Any = None
    id: Any = None
    input_object: Any = None

    def matching_processes(self) -> list[Process]:
        mode = self.parameter_set_name
        if mode.startswith("Id"):
            found = self._by_id()
        elif mode.startswith("InputObject"):
            found = [p for p in (self.input_object or ()) if isinstance(p, Process)]
            for process in found:
                process.refresh()
        else:
            found = self._by_name()
        unique: dict[tuple[str, int], Process] = {}
        for process in found:
            unique.setdefault((process.ProcessName.lower(), process.Id), process)
        return sorted(unique.values(), key=lambda p: (p.ProcessName.lower(), p.Id))

    def _by_name(self) -> list[Process]:
        processes = all_processes()
        if not self.name:
            return processes
        found = []
        for pattern in (str(n) for n in self.name):
            matched = [p for p in processes if wildcard_match(p.ProcessName, pattern)]
            if not matched and not contains_wildcard(pattern):
                if pattern.isdigit():
                    self.write_error(process_error(
                        pattern, 0, pattern, 'Cannot find a process with the name "{0}". Try running with -Id to '
                        "search by Id of processes.", "RecommendIdTagForGivenName", ErrorCategory.ObjectNotFound))
                else:
                    self.write_error(process_error(
                        pattern, 0, pattern, 'Cannot find a process with the name "{0}". Verify the process name '
                        "and call the cmdlet again.", "NoProcessFoundForGivenName", ErrorCategory.ObjectNotFound))
            found += matched
        return found

    def _by_id(self) -> list[Process]:
        found = []
        for pid in self.id or ():
            process = read_process(int(pid))
            if process is None:
                self.write_error(process_error("", int(pid), int(pid), "Cannot find a process with the process "
                                               "identifier {1}.", "NoProcessFoundForGivenId",
                                               ErrorCategory.ObjectNotFound))
            else:
                found.append(process)
        return found


_NAME_SETS = ("Name", "NameWithUserName")
_ID_SETS = ("Id", "IdWithUserName")
_INPUT_SETS = ("InputObject", "InputObjectWithUserName")


@cmdlet("Get-Process", default_parameter_set="Name", output_types=("System.Diagnostics.Process",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096814")
class GetProcessCommand(ProcessMatcher):
    """Lists the processes running on this computer, or those with the given names or ids.

    Without parameters every process is listed in pwsh's table (NPM, PM, WS, CPU, Id, SI and ProcessName). -Name
    takes wildcards, -Id takes process ids such as $PID, and Process objects can be piped in. -IncludeUserName adds
    the owner of each process."""

    help_examples = [
        ('Example 1: All processes',
         'Get-Process',
         'Lists every running process.'),
        ('Example 2: Processes by name',
         'Get-Process -Name ssh*',
         'Lists the processes whose names start with ssh.'),
        ('Example 3: The shell itself',
         'Get-Process -Id $PID | Format-List Id, ProcessName, StartTime, WorkingSet64',
         '$PID is the id of the current shell process.'),
        ('Example 4: Who runs what',
         'Get-Process -IncludeUserName | Sort-Object CPU -Descending | Select-Object -First 5',
         'Shows the five processes that used the most processor time, with their owners.'),
    ]

    name = Parameter("String[]", aliases=("ProcessName",), sets={s: {
        "position": 0, "value_from_pipeline_by_property_name": True} for s in _NAME_SETS},
        supports_wildcards=True, validators=[validate_not_null_or_empty()],
        help="Process names; wildcards are permitted.")
    id = Parameter("Int32[]", aliases=("PID",), sets={s: {
        "mandatory": True, "value_from_pipeline_by_property_name": True} for s in _ID_SETS},
        help="Process ids.")
    input_object = Parameter("Process[]", name="InputObject", full_type_name="System.Diagnostics.Process[]", sets={s: {
        "mandatory": True, "value_from_pipeline": True} for s in _INPUT_SETS},
        help="Process objects, such as Get-Process returns.")
    include_user_name = Parameter("SwitchParameter", sets={s: {"mandatory": True} for s in (
        "NameWithUserName", "IdWithUserName", "InputObjectWithUserName")},
        help="Adds each process's owner (UserName) and shows the table with it.")
    module = Parameter("SwitchParameter", sets={s: {} for s in ("Name", "Id", "InputObject")},
                       help="Returns the modules (program and shared libraries) each process has loaded.")
    file_version_info = Parameter("SwitchParameter", aliases=("FV", "FVI"), sets={
        s: {} for s in ("Name", "Id", "InputObject")}, help="Returns the version information of each "
        "process's program file (of each module, with -Module).")

    def process_record(self) -> Iterator[Any]:
        for process in self.matching_processes():
            if self.module or self.file_version_info:
                yield from self._modules(process)
                continue
            if self.include_user_name:
                _add_user_name(process)
            yield process

    def _modules(self, process: Process) -> Iterator[Any]:
        """-Module, -FileVersionInfo or both.  As .NET on Linux, a process
        whose maps cannot be read (another user's) has no modules, and one
        without a main module gives no version information: no error."""
        if self.module:
            for module in process.modules:
                yield module.version_info if self.file_version_info else module
            return
        main = process.main_module
        if main is not None:
            yield main.version_info


def _add_user_name(process: Process) -> None:
    data = members.instance_members(process, create=True)
    assert data is not None
    data.names["username"] = "UserName"
    data.values["username"] = user_name(process)
    if _WITH_USER_NAME not in data.type_names:
        data.type_names.insert(0, _WITH_USER_NAME)
