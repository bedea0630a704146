"""Write-Progress and the ProgressRecord it sends to the host.

The host draws progress bars on a terminal and shows nothing otherwise
(``ConsoleHost.write_progress``).  ``$ProgressPreference`` (or
``-ProgressAction``) decides first: SilentlyContinue and Ignore drop the
record, Stop ends the command as pwsh does.
"""

from __future__ import annotations

from typing import Any, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_not_null_or_empty, validate_range
from pwshlike.dotnet.errors import ActionPreferenceStopException, ArgumentException, ErrorCategory, ErrorRecord
from pwshlike.dotnet.values import EnumInfo

PROGRESS_RECORD_TYPE = EnumInfo("System.Management.Automation.ProgressRecordType",
                                (("Processing", 0), ("Completed", 1)))
PROCESSING = PROGRESS_RECORD_TYPE["Processing"]
COMPLETED = PROGRESS_RECORD_TYPE["Completed"]


class ProgressRecord:
    """``System.Management.Automation.ProgressRecord``."""

    __slots__ = ("ActivityId", "ParentActivityId", "Activity", "StatusDescription", "CurrentOperation",
                 "PercentComplete", "SecondsRemaining", "RecordType")
    full_name = "System.Management.Automation.ProgressRecord"

    def __init__(self, activity_id: int, activity: str, status: str) -> None:
        self.ActivityId = activity_id
        self.ParentActivityId = -1
        self.Activity = activity
        self.StatusDescription = status
        self.CurrentOperation: Optional[str] = None
        self.PercentComplete = -1
        self.SecondsRemaining = -1
        self.RecordType = PROCESSING

    @property
    def completed(self) -> bool:
        return self.RecordType == COMPLETED

    def __str__(self) -> str:
        return (f"parent = {self.ParentActivityId} id = {self.ActivityId} act = {self.Activity} "
                f"stat = {self.StatusDescription} cur = {self.CurrentOperation or ''} pct = {self.PercentComplete} "
                f"sec = {self.SecondsRemaining} type = {self.RecordType}")


@cmdlet("Write-Progress", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097036")
class WriteProgressCommand(Cmdlet):
    """Shows or updates a progress bar for a long-running operation.

    Each -Id is one activity; -ParentId nests it under another; -Completed
    removes it.  Nothing is shown when output is not a terminal."""

    help_examples = [
        ('Example 1: Progress of a loop',
         "$files = Get-ChildItem -File\nfor ($i = 0; $i -lt $files.Count; $i++) {\n    Write-Progress -Activity 'Hashing' -Status $files[$i].Name -PercentComplete ($i * 100 / $files.Count)\n    Get-FileHash $files[$i] | Out-Null\n}\nWrite-Progress -Activity 'Hashing' -Completed",
         'Shows a bar that fills as the files are processed; -Completed removes it.'),
        ('Example 2: A nested activity',
         "Write-Progress -Id 1 -Activity 'Deploy' -PercentComplete 50\nWrite-Progress -Id 2 -ParentId 1 -Activity 'Copying files' -PercentComplete 20",
         'The second bar is shown under the first.'),
    ]

    activity = Parameter("String", position=0, help="The activity the progress is reported for.")
    status = Parameter("String", position=1, validators=[validate_not_null_or_empty()], default="Processing",
                       help="The current state of the activity.")
    id = Parameter("Int32", position=2, validators=[validate_range(0, 2147483647)], default=0,
                   help="Identifies this activity among others.")
    percent_complete = Parameter("Int32", validators=[validate_range(-1, 100)], default=-1,
                                 help="How much of the activity is done, in percent.")
    seconds_remaining = Parameter("Int32", default=-1, help="The estimated time left.")
    current_operation = Parameter("String", help="The operation in progress, shown under the bar.")
    parent_id = Parameter("Int32", validators=[validate_range(-1, 2147483647)], default=-1,
                          help="The activity this one is part of.")
    completed = Parameter("SwitchParameter", help="Removes the activity's bar.")
    source_id = Parameter("Int32", default=0, help="Identifies the source of the record.")

    def process_record(self) -> None:
        if not self.activity:
            if not self.completed:
                exc = ArgumentException("Missing value for mandatory parameter.", param_name="Activity")
                self.throw_terminating_error(ErrorRecord(exc, "MissingActivity", ErrorCategory.InvalidArgument,
                                                         self.activity))
                return
            record = ProgressRecord(self.id, "", self.status)
        else:
            record = ProgressRecord(self.id, self.activity, self.status)
        record.ParentActivityId = self.parent_id
        record.PercentComplete = self.percent_complete
        record.SecondsRemaining = self.seconds_remaining
        record.CurrentOperation = self.current_operation
        record.RecordType = COMPLETED if self.completed else PROCESSING
        self._write_progress(record)

    def _write_progress(self, record: ProgressRecord) -> None:
        from pwshlike.runtime.context import IGNORE, SILENTLY_CONTINUE, STOP, action_preference, stop_message
        overrides: dict[str, Any] = getattr(self._runtime.processor, "overrides", {})
        override = overrides.get("ProgressPreference")
        preference = action_preference(override) if override is not None else \
            self.context.preference("ProgressPreference")
        if preference in (SILENTLY_CONTINUE, IGNORE):
            return
        if preference == STOP:
            raise ActionPreferenceStopException(stop_message("ProgressPreference", str(record)))
        write_progress = getattr(self.context.host, "write_progress", None)
        if write_progress is not None:
            write_progress(self.source_id, record)
