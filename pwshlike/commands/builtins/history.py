"""Get-History, Add-History, Clear-History and Invoke-History over the
session's history (``pwshlike/runtime/history.py``).

The selection rules are pwsh's (History.cs): ``-Id N -Count C`` means the
C entries up to and including N, ``-Count C`` alone the newest C (oldest
first), and Clear-History takes the oldest unless ``-Newest``; cleared
entries are skipped, never renumbered.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_not_null_or_empty, validate_range
from pwshlike.dotnet.errors import (ArgumentException, ArgumentOutOfRangeException, ErrorCategory, ErrorRecord,
                                    IndexOutOfRangeException, InvalidDataException, InvalidOperationException)
from pwshlike.runtime.history import PIPELINE_STATE, History, HistoryInfo, capacity

_INT16_MAX = 32767
_INT_MAX = 2**31 - 1
_LONG_MAX = 2**63 - 1

MSG_NO_HISTORY_FOR_ID = "Cannot locate the history for Id {0}."
MSG_NO_COUNT_WITH_MULTIPLE_IDS = "The count cannot be combined with multiple Ids."
MSG_NO_COUNT_WITH_MULTIPLE_COMMAND_LINES = "The count cannot be combined with multiple CommandLine parameters."
MSG_NO_HISTORY_FOR_COMMAND_LINE = "Cannot locate the history for command line {0}."
MSG_NO_LAST_ENTRY = "Cannot locate most recent history."
MSG_INVALID_ID = ("The identifier {0} is not a valid value for a History identifier. Specify a positive number, "
                  "and then try again.")
MSG_LOOP = "The Invoke-History cmdlet is called repeatedly, in a loop."
MSG_MULTIPLE_COMMANDS = ("Cannot process multiple history commands. You can only run a single command by using "
                         "Invoke-History.")
MSG_ADD_INVALID_INPUT = "Cannot add history because the input object has a format that is not valid."
MSG_CLEAR_ALL = "This command will clear all the entries from the session history."


def _up_to(entries: list[HistoryInfo], entry_id: int, count: int) -> list[HistoryInfo]:
    """The last ``count`` entries whose id is at most ``entry_id``, oldest first."""
    older = [entry for entry in entries if entry.Id <= entry_id]
    return older[-count:] if count else []


def _from(entries: list[HistoryInfo], entry_id: int, count: int) -> list[HistoryInfo]:
    """The first ``count`` entries whose id is at least ``entry_id``."""
    return [entry for entry in entries if entry.Id >= entry_id][:count]


def _no_history_for_id(entry_id: int, error_id: str) -> ErrorRecord:
    return ErrorRecord(ArgumentException(MSG_NO_HISTORY_FOR_ID.format(entry_id)), error_id,
                       ErrorCategory.ObjectNotFound, entry_id)


def _entries_of_ids(command: Cmdlet, history: History, ids: list[int]) -> Iterator[HistoryInfo]:
    """The entries of ``ids`` in their order (-Id without -Count, in Get- and
    Clear-History alike); a missing id is a non-terminating error and the
    rest are still taken."""
    for entry_id in ids:
        entry = history.get(int(entry_id))
        if entry is not None:
            yield entry
        else:
            command.write_error(_no_history_for_id(int(entry_id), "GetHistoryNoHistoryForId"))


def _single_id(command: Cmdlet, ids: list[int], count: int) -> int:
    """The one id that -Count counts back (or on) from: with several ids
    pwsh stops the command, in Get- and Clear-History alike."""
    if len(ids) > 1:
        command.throw_terminating_error(ErrorRecord(
            ArgumentException(MSG_NO_COUNT_WITH_MULTIPLE_IDS), "GetHistoryNoCountWithMultipleIds",
            ErrorCategory.InvalidArgument, count))
    if not ids:  # pwsh reads _id[0] of an empty -Id @() too
        raise IndexOutOfRangeException()
    return int(ids[0])


@cmdlet("Get-History", output_types=("Microsoft.PowerShell.Commands.HistoryInfo",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096788")
class GetHistoryCommand(Cmdlet):
    """Gets the commands entered in the current session.

    Each entry is a HistoryInfo object with its Id, the CommandLine as typed,
    its ExecutionStatus, and when it started and ended (Duration is the
    difference).  Only lines the interactive shell (or a hosting application
    asking for it) ran are recorded; a line appears once it has finished, so
    the running one is not listed.  The session keeps the newest
    $MaximumHistoryCount entries; this is not the editor's file of typed lines
    that Up-arrow recalls."""

    id = Parameter("Int64[]", position=0, value_from_pipeline=True, validators=(validate_range(1, _LONG_MAX),),
                   help="The ids of the entries to get. With -Count, a single id: the entries up to and "
                        "including it.")
    count = Parameter("Int32", position=1, validators=(validate_range(0, _INT16_MAX),),
                      help="How many entries to get: the newest ones, or those ending at -Id.")

    help_examples = [
        ("Get the session's history", "Get-History",
         "Lists every entry still kept, oldest first, with its id and how long it ran."),
        ("Get the last five commands", "Get-History -Count 5", ""),
        ("Get the commands that ran before entry 20", "Get-History -Id 20 -Count 3",
         "Gets entries 18, 19 and 20 (fewer when some were cleared)."),
        ("Find commands by text", "Get-History | Where-Object CommandLine -like '*Service*'", ""),
    ]

    def process_record(self) -> Iterator[HistoryInfo]:
        history: History = self.context.history
        count_given = "Count" in self.bound_parameters
        if self.id is not None:
            if not count_given:
                yield from _entries_of_ids(self, history, self.id)
                return
            for entry in _up_to(history.entries(), _single_id(self, self.id, self.count), int(self.count)):
                yield entry.Clone()
            return
        entries = history.entries()
        count = int(self.count) if count_given else capacity(self.context)
        for entry in entries[len(entries) - count:] if count else []:
            yield entry.Clone()


@cmdlet("Add-History", output_types=("Microsoft.PowerShell.Commands.HistoryInfo",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096479")
class AddHistoryCommand(Cmdlet):
    """Appends entries to the session history.

    Each input object must have the properties of a HistoryInfo object
    (CommandLine, ExecutionStatus, StartExecutionTime, EndExecutionTime), as
    Get-History's output has, also after a trip through Export-Csv or
    Export-Clixml; the entries get new ids after the line that runs
    Add-History itself, which is recorded first."""

    input_object = Parameter("PSObject[]", position=0, value_from_pipeline=True,
                             help="The entries to add: HistoryInfo objects or objects with their properties.")
    passthru = Parameter("SwitchParameter", help="Writes the new entries to the pipeline.")

    help_examples = [
        ("Carry history over to another session",
         "Get-History | Export-Csv ~/history.csv\n# later, in a new session:\nImport-Csv ~/history.csv | "
         "Add-History", "The imported commands can be run again with Invoke-History."),
        ("Add entries and see their new ids", "Get-History -Id 2, 3 | Add-History -PassThru", ""),
    ]

    def begin_processing(self) -> None:
        self.context.history.add_running(capacity(self.context))

    def process_record(self) -> Iterator[HistoryInfo]:
        history: History = self.context.history
        for item in self.input_object or ():
            entry = self._entry(item)
            if entry is None:
                self.write_error(ErrorRecord(InvalidDataException(MSG_ADD_INVALID_INPUT), "AddHistoryInvalidInput",
                                             ErrorCategory.InvalidData, item))
                continue
            new_id = history.add(entry.CommandLine, entry.ExecutionStatus, entry.StartExecutionTime,
                                 entry.EndExecutionTime, capacity(self.context))
            if self.passthru:
                added = history.get(new_id)
                if added is not None:
                    yield added

    @staticmethod
    def _entry(item: Any) -> Optional[HistoryInfo]:
        """The HistoryInfo an input object describes, None when a property
        is missing or does not convert."""
        from pwshlike.dotnet import conversions, members
        from pwshlike.dotnet.values import EnumValue
        if item is None:
            return None
        command_line = members.get_member(item, "CommandLine")
        if not isinstance(command_line, str):
            return None
        status = members.get_member(item, "ExecutionStatus")
        if isinstance(status, EnumValue) and status.enum is PIPELINE_STATE:
            state = status
        elif isinstance(status, (str, int)) and not isinstance(status, bool):
            state = (PIPELINE_STATE.lookup(status) if isinstance(status, str)
                     else PIPELINE_STATE.value(status) if status in PIPELINE_STATE.members.values() else None)
        else:
            state = PIPELINE_STATE.lookup(str(status)) if status is not None else None
        if state is None:
            return None
        try:
            start = conversions.convert_to_datetime(members.get_member(item, "StartExecutionTime"))
            end = conversions.convert_to_datetime(members.get_member(item, "EndExecutionTime"))
        except Exception:
            return None
        return HistoryInfo(command_line, state, start, end)


@cmdlet("Clear-History", default_parameter_set="IDParameter", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096691")
class ClearHistoryCommand(Cmdlet):
    """Deletes entries from the session history.

    Without parameters every entry is deleted (after -Confirm, if asked).
    -Id deletes those entries, or with -Count that many ending at the id;
    -Count alone deletes the oldest entries (the newest with -Newest);
    -CommandLine deletes the oldest entry with that text, or every entry
    matching a wildcard pattern.  Ids of the remaining entries do not change."""

    id = Parameter("Int32[]", sets={"IDParameter": {"position": 0}}, validators=(validate_range(1, _INT_MAX),),
                   help="The ids of the entries to delete.")
    command_line = Parameter("String[]", sets={"CommandLineParameter": {}},
                             validators=(validate_not_null_or_empty(),),
                             help="Deletes entries with this command line; wildcards match several.")
    count = Parameter("Int32", position=1, validators=(validate_range(1, _INT_MAX),), default=32,
                      help="How many entries to delete, starting with the oldest (or from -Id).")
    newest = Parameter("SwitchParameter", help="Deletes the newest entries instead of the oldest.")

    help_examples = [
        ("Delete the whole history", "Clear-History", ""),
        ("Delete two entries by id", "Clear-History -Id 4, 7", ""),
        ("Delete the five newest entries", "Clear-History -Count 5 -Newest", ""),
        ("Delete every entry that mentions a password",
         "Clear-History -CommandLine *password*", "A pattern with wildcards deletes all matching entries."),
    ]

    def process_record(self) -> None:
        history: History = self.context.history
        count_given = "Count" in self.bound_parameters
        if self.parameter_set_name == "CommandLineParameter":
            self._by_command_line(history, count_given)
            return
        if self.id is not None:
            if not count_given:
                for entry in _entries_of_ids(self, history, self.id):  # lazily: -Id 3,3 finds 3 gone the second time
                    history.clear(entry.Id)
                return
            entry_id = _single_id(self, self.id, self.count)
            if history.get(entry_id) is None:
                self.write_error(_no_history_for_id(entry_id, "GetHistoryNoHistoryForId"))
            pick = _from if self.newest else _up_to
            self._clear(history, pick(history.entries(), entry_id, int(self.count)))
            return
        entries = history.entries()
        if not count_given:
            if self.should_process(MSG_CLEAR_ALL):
                self._clear(history, entries)
            return
        count = int(self.count)
        self._clear(history, entries[len(entries) - count:] if self.newest else entries[:count])

    def _by_command_line(self, history: History, count_given: bool) -> None:
        from pwshlike.dotnet.wildcard import contains_wildcard, wildcard_match
        lines = list(self.command_line)
        if count_given and len(lines) > 1:
            self.throw_terminating_error(ErrorRecord(
                ArgumentException(MSG_NO_COUNT_WITH_MULTIPLE_COMMAND_LINES), "NoCountWithMultipleCmdLine ",
                ErrorCategory.InvalidArgument, lines))
        for pattern in lines:
            count: Optional[int] = int(self.count) if count_given else 1
            if not count_given and contains_wildcard(pattern):
                count = None  # every match
            matches = [entry for entry in history.entries() if wildcard_match(entry.CommandLine.strip(), pattern)]
            if self.newest:
                matches.reverse()
            self._clear(history, matches if count is None else matches[:count])

    @staticmethod
    def _clear(history: History, entries: list[HistoryInfo]) -> None:
        for entry in entries:
            history.clear(entry.Id)


@cmdlet("Invoke-History", supports_should_process=True, help_uri="https://go.microsoft.com/fwlink/?LinkID=2096586")
class InvokeHistoryCommand(Cmdlet):
    """Runs a command from the session history again.

    Without -Id the last entry runs; a number picks the entry with that id,
    any other text the newest entry whose command line starts with it.  The
    command is shown first, then runs in the current scope as if typed, and
    is what the history records for this line (rather than Invoke-History)."""

    id = Parameter("String", position=0, value_from_pipeline_by_property_name=True,
                   help="The id of the entry to run, or the start of its command line.")

    help_examples = [
        ("Run the last command again", "r", "r is an alias of Invoke-History."),
        ("Run entry 12", "Invoke-History -Id 12", ""),
        ("Run the last command that started with Get-Pro", "Invoke-History Get-Pro", ""),
    ]

    def begin_processing(self) -> None:
        self._ids: list[str] = []

    def process_record(self) -> None:
        if self.id is not None:
            self._ids.append(self.id)

    def end_processing(self) -> None:
        if len(self._ids) > 1:
            self.throw_terminating_error(ErrorRecord(ArgumentException(MSG_MULTIPLE_COMMANDS),
                                                     "InvokeHistoryMultipleCommandsError",
                                                     ErrorCategory.InvalidArgument, None))
        history: History = self.context.history
        entry = self._entry(history, self._ids[0] if self._ids else None)
        command = entry.CommandLine
        if not self.should_process(command):
            return
        if entry.Id in history.invoking:
            self.throw_terminating_error(ErrorRecord(InvalidOperationException(MSG_LOOP),
                                                     "InvokeHistoryLoopDetected", ErrorCategory.InvalidOperation,
                                                     None))
        history.invoking.add(entry.Id)
        history.replace_running(command)
        try:
            self.context.host.write_line(command)
            from pwshlike.runtime.scriptblock import ScriptBlock

            from .invoke import run_script
            run_script(self.context, ScriptBlock.create(command, self.context), new_scope=False, args=[],
                       emit=self.write_object)
        finally:
            history.invoking.discard(entry.Id)

    def _entry(self, history: History, text: Optional[str]) -> HistoryInfo:
        entries = history.entries()
        if text is None:
            if not entries:
                self.throw_terminating_error(ErrorRecord(InvalidOperationException(MSG_NO_LAST_ENTRY),
                                                         "InvokeHistoryNoLastHistoryEntryFound",
                                                         ErrorCategory.InvalidOperation, None))
            return entries[-1].Clone()
        number = _as_id(text)
        if number is None:
            for entry in reversed(entries):
                if entry.CommandLine.startswith(text):
                    return entry.Clone()
            self.throw_terminating_error(ErrorRecord(ArgumentException(MSG_NO_HISTORY_FOR_COMMAND_LINE.format(text)),
                                                     "InvokeHistoryNoHistoryForCommandline",
                                                     ErrorCategory.ObjectNotFound, text))
        if number <= 0:
            self.throw_terminating_error(ErrorRecord(
                ArgumentOutOfRangeException(MSG_INVALID_ID.format(number), param_name="Id"),
                "InvokeHistoryInvalidIdGetHistory", ErrorCategory.InvalidArgument, number))
        entry = history.get(number)
        if entry is None:
            self.throw_terminating_error(_no_history_for_id(number, "InvokeHistoryNoHistoryForId"))
        return entry


def _as_id(text: str) -> Optional[int]:
    """The id a text converts to as ``[long]`` would, None for a command line."""
    from pwshlike.dotnet import conversions
    try:
        return int(conversions.convert_to_integer(text, "System.Int64"))
    except Exception:
        return None
