"""The Write-* cmdlets: one per stream, as in Microsoft.PowerShell.Utility."""

from __future__ import annotations

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet.errors import ErrorRecord, WriteErrorException, to_category


@cmdlet("Write-Output", output_types=("System.Management.Automation.PSObject",))
class WriteOutputCommand(Cmdlet):
    """Writes objects to the pipeline.

    Collections are enumerated (each element goes down the pipeline on its
    own) unless -NoEnumerate is given."""

    input_object = Parameter("PSObject", position=0, mandatory=True, value_from_pipeline=True,
                             value_from_remaining_arguments=True, allow_null=True,
                             allow_empty_collection=True,
                             help="The objects to send down the pipeline.")
    no_enumerate = Parameter("SwitchParameter", help="Sends a collection as one object.")

    def process_record(self) -> None:
        self.write_object(self.input_object, enumerate_collection=not self.no_enumerate)


@cmdlet("Write-Host")
class WriteHostCommand(Cmdlet):
    """Writes text to the host (the console), not to the pipeline.

    The text also goes to the information stream tagged PSHOST, so it can
    be captured with 6>&1."""

    object = Parameter("Object", position=0, value_from_pipeline=True,
                       value_from_remaining_arguments=True, help="Objects to display.")
    no_new_line = Parameter("SwitchParameter", name="NoNewline",
                            help="Does not end the output with a newline.")
    separator = Parameter("Object", help="Text placed between displayed objects.", default=" ")
    foreground_color = Parameter("ConsoleColor", help="Text colour.")
    background_color = Parameter("ConsoleColor", help="Background colour.")

    def process_record(self) -> None:
        self._runtime.write_host(self.object, bool(self.no_new_line), self.foreground_color,
                                 self.background_color, self.separator)


@cmdlet("Write-Error", default_parameter_set="NoException")
class WriteErrorCommand(Cmdlet):
    """Writes an error record to the error stream.

    A non-terminating error: the script goes on unless $ErrorActionPreference
    or -ErrorAction says Stop."""

    exception = Parameter("Exception", sets={"WithException": {"mandatory": True}})
    message = Parameter("String", aliases=("Msg",), sets={
        "NoException": {"mandatory": True, "position": 0, "value_from_pipeline": True},
        "WithException": {}}, allow_null=True, allow_empty_string=True)
    error_record = Parameter("ErrorRecord", sets={"ErrorRecord": {"mandatory": True}},
                             full_type_name="System.Management.Automation.ErrorRecord")
    category = Parameter("ErrorCategory", sets={"NoException": {}, "WithException": {}},
                         full_type_name="System.Management.Automation.ErrorCategory")
    error_id = Parameter("String", sets={"NoException": {}, "WithException": {}})
    target_object = Parameter("Object", sets={"NoException": {}, "WithException": {}})
    recommended_action = Parameter("String")
    category_activity = Parameter("String", aliases=("Activity",))
    category_reason = Parameter("String", aliases=("Reason",))
    category_target_name = Parameter("String", aliases=("TargetName",))
    category_target_type = Parameter("String", aliases=("TargetType",))

    def process_record(self) -> None:
        if self.error_record is not None:
            record = self.error_record
        else:
            exc = self.exception
            if exc is None:
                exc = WriteErrorException(self.message or None)
            message_given = self.message is not None and self.exception is not None
            error_id = self.error_id or ("Microsoft.PowerShell.Commands.WriteErrorException"
                                         if self.exception is None else type(exc).__name__)
            record = ErrorRecord(exc, error_id, to_category(self.category), self.target_object)
            if message_given:
                from pwshlike.dotnet.errors import ErrorDetails
                record.error_details = ErrorDetails(self.message)
        if self.category_activity:
            record.activity_override = self.category_activity
        if self.category_reason:
            record.reason_override = self.category_reason
        if self.category_target_name:
            record.target_name_override = self.category_target_name
        if self.category_target_type:
            record.target_type_override = self.category_target_type
        if self.recommended_action and record.error_details is not None:
            record.error_details.recommended_action = self.recommended_action
        self._runtime.write_error(record, from_write_error=True)


def _message_cmdlet(name: str, stream: str, doc: str) -> type:
    """Write-Warning/-Verbose/-Debug differ only in their stream."""

    class _Command(Cmdlet):
        message = Parameter("String", position=0, mandatory=True, value_from_pipeline=True,
                            aliases=("Msg",), allow_empty_string=True, help="The message text.")

        def process_record(self) -> None:
            self._runtime.write_stream(stream, self.message)

    _Command.__doc__ = doc
    _Command.__name__ = _Command.__qualname__ = name.replace("-", "") + "Command"
    return cmdlet(name)(_Command)


WriteWarningCommand = _message_cmdlet(
    "Write-Warning", "warning",
    "Writes a warning message.\n\nShown as 'WARNING: text' unless $WarningPreference hides it.")
WriteVerboseCommand = _message_cmdlet(
    "Write-Verbose", "verbose",
    "Writes a verbose message.\n\nShown only when $VerbosePreference is Continue or -Verbose is used.")
WriteDebugCommand = _message_cmdlet(
    "Write-Debug", "debug",
    "Writes a debug message.\n\nShown only when $DebugPreference is Continue or -Debug is used.")


@cmdlet("Write-Information")
class WriteInformationCommand(Cmdlet):
    """Writes to the information stream.

    Shown only when $InformationPreference is Continue or
    -InformationAction Continue is used."""

    message_data = Parameter("Object", position=0, mandatory=True, aliases=("Msg", "Message"),
                             help="The information to write.")
    tags = Parameter("String[]", position=1, help="Tags for filtering.")

    def process_record(self) -> None:
        self.write_information(self.message_data, self.tags)


COMMANDS: tuple[type, ...] = (WriteOutputCommand, WriteHostCommand, WriteErrorCommand,
                              WriteWarningCommand, WriteVerboseCommand, WriteDebugCommand,
                              WriteInformationCommand)
