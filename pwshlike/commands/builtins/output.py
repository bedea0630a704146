"""The Write-* cmdlets: one per stream, as in Microsoft.PowerShell.Utility."""

from __future__ import annotations

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet.errors import ErrorRecord, WriteErrorException, to_category


@cmdlet("Write-Output", output_types=("System.Management.Automation.PSObject",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097117")
class WriteOutputCommand(Cmdlet):
    """Writes objects to the pipeline.

    Collections are enumerated (each element goes down the pipeline on its
    own) unless -NoEnumerate is given."""

    help_examples = [
        ('Example 1: Return values from a function',
         'function Get-Total { param([int[]]$n) Write-Output ($n | Measure-Object -Sum).Sum }',
         'Write-Output sends the sum down the pipeline, exactly as leaving the value alone on a line would.'),
        ('Example 2: Keep a collection together',
         'Write-Output -NoEnumerate @(1, 2, 3) | Measure-Object',
         'The array travels as one object, so Count is 1.'),
    ]

    input_object = Parameter("PSObject", position=0, mandatory=True, value_from_pipeline=True,
                             value_from_remaining_arguments=True, allow_null=True,
                             allow_empty_collection=True,
                             help="The objects to send down the pipeline.")
    no_enumerate = Parameter("SwitchParameter", help="Sends a collection as one object.")

    def process_record(self) -> None:
        self.write_object(self.input_object, enumerate_collection=not self.no_enumerate)


@cmdlet("Write-Host", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097137")
class WriteHostCommand(Cmdlet):
    """Writes text to the host (the console), not to the pipeline.

    The text also goes to the information stream tagged PSHOST, so it can
    be captured with 6>&1."""

    help_examples = [
        ('Example 1: A coloured status line',
         "Write-Host 'Deploy finished' -ForegroundColor Green",
         'Shows the text in green; nothing is sent down the pipeline.'),
        ('Example 2: Several values on one line',
         "Write-Host 'Step' 3 'of' 5 -Separator ' '",
         "Shows 'Step 3 of 5'."),
        ('Example 3: Build a line in pieces',
         "Write-Host 'Checking... ' -NoNewline; Write-Host 'ok'",
         '-NoNewline leaves the cursor on the same line.'),
    ]

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


@cmdlet("Write-Error", default_parameter_set="NoException", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097039")
class WriteErrorCommand(Cmdlet):
    """Writes an error record to the error stream.

    A non-terminating error: the script goes on unless $ErrorActionPreference
    or -ErrorAction says Stop."""

    help_examples = [
        ("Example 1: Report a problem and go on", "Write-Error -Message \"Config file not found: $path\"",
         "Writes the message as an error record; the script continues with its next statement."),
        ("Example 2: An error with its own id and category",
         "Write-Error -Message 'Disk almost full' -Category ResourceUnavailable -ErrorId DiskFull -TargetObject '/var'",
         "The record's FullyQualifiedErrorId starts with DiskFull; its CategoryInfo names ResourceUnavailable "
         "and /var."),
        ("Example 3: Pass on a caught exception",
         "try { Get-Content ./missing.txt -ErrorAction Stop } catch { Write-Error -ErrorRecord $_ }",
         "Writes the caught error record again as a non-terminating error."),
    ]

    exception = Parameter("Exception", sets={"WithException": {"mandatory": True}},
                          help="The exception the error record wraps; its message is the error's message.")
    message = Parameter("String", aliases=("Msg",), sets={
        "NoException": {"mandatory": True, "position": 0, "value_from_pipeline": True},
        "WithException": {}}, allow_null=True, allow_empty_string=True,
        help="The error message (with -Exception it replaces the exception's message in the view).")
    error_record = Parameter("ErrorRecord", sets={"ErrorRecord": {"mandatory": True}},
                             full_type_name="System.Management.Automation.ErrorRecord",
                             help="A complete error record to write, such as $_ in a catch block.")
    category = Parameter("ErrorCategory", sets={"NoException": {}, "WithException": {}},
                         full_type_name="System.Management.Automation.ErrorCategory",
                         help="The error's category (NotSpecified unless given).")
    error_id = Parameter("String", sets={"NoException": {}, "WithException": {}},
                         help="An id for the error, the first part of its FullyQualifiedErrorId.")
    target_object = Parameter("Object", sets={"NoException": {}, "WithException": {}},
                              help="The object that was being processed when the error happened.")
    recommended_action = Parameter("String", help="What the user should do about the error.")
    category_activity = Parameter("String", aliases=("Activity",),
                                  help="Replaces the activity (the command name) shown in CategoryInfo.")
    category_reason = Parameter("String", aliases=("Reason",),
                                help="Replaces the reason (the exception type) shown in CategoryInfo.")
    category_target_name = Parameter("String", aliases=("TargetName",),
                                     help="Replaces the target name shown in CategoryInfo.")
    category_target_type = Parameter("String", aliases=("TargetType",),
                                     help="Replaces the target type shown in CategoryInfo.")

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


def _message_cmdlet(name: str, stream: str, doc: str, examples: list[tuple[str, str, str]], help_uri: str) -> type:
    """Write-Warning/-Verbose/-Debug differ only in their stream (and their help)."""

    class _Command(Cmdlet):
        message = Parameter("String", position=0, mandatory=True, value_from_pipeline=True,
                            aliases=("Msg",), allow_empty_string=True, help="The message text.")

        def process_record(self) -> None:
            self._runtime.write_stream(stream, self.message)

    _Command.__doc__ = doc
    _Command.help_examples = examples
    _Command.__name__ = _Command.__qualname__ = name.replace("-", "") + "Command"
    return cmdlet(name, help_uri=help_uri)(_Command)


WriteWarningCommand = _message_cmdlet(
    "Write-Warning", "warning",
    "Writes a warning message.\n\nShown as 'WARNING: text' unless $WarningPreference hides it.",
    [("Example 1: Warn and go on", "Write-Warning \"Only $free GB left on /var\"",
      "Shows the text after 'WARNING: '; the script continues."),
     ("Example 2: Silence warnings of one command", "Write-Warning 'noisy' -WarningAction SilentlyContinue",
      "Nothing is shown; -WarningAction overrides $WarningPreference for this call.")],
    "https://go.microsoft.com/fwlink/?LinkID=2097044")
WriteVerboseCommand = _message_cmdlet(
    "Write-Verbose", "verbose",
    "Writes a verbose message.\n\nShown only when $VerbosePreference is Continue or -Verbose is used.",
    [("Example 1: Details a user can ask for",
      "function Sync-Data { [CmdletBinding()] param() Write-Verbose 'Connecting to the server' }\nSync-Data -Verbose",
      "The message appears as 'VERBOSE: Connecting to the server' only because -Verbose was given.")],
    "https://go.microsoft.com/fwlink/?LinkID=2097043")
WriteDebugCommand = _message_cmdlet(
    "Write-Debug", "debug",
    "Writes a debug message.\n\nShown only when $DebugPreference is Continue or -Debug is used.",
    [("Example 1: Show internal values while debugging",
      "$DebugPreference = 'Continue'\nWrite-Debug \"Retry count is $retries\"",
      "Shown as 'DEBUG: Retry count is ...'; with the default preference nothing appears.")],
    "https://go.microsoft.com/fwlink/?LinkID=2097132")


@cmdlet("Write-Information", help_uri="https://go.microsoft.com/fwlink/?LinkId=2097040")
class WriteInformationCommand(Cmdlet):
    """Writes to the information stream.

    Shown only when $InformationPreference is Continue or
    -InformationAction Continue is used."""

    help_examples = [
        ('Example 1: A message that can be captured',
         "Write-Information 'Backup started' -InformationAction Continue",
         'Shows the message; without -InformationAction (or $InformationPreference) it is recorded but not '
         'shown.'),
        ('Example 2: Collect information records',
         "Write-Information 'step 1' -Tags Progress -InformationVariable info\n$info.Tags",
         'The record lands in $info with its tags, time stamp and source.'),
    ]

    message_data = Parameter("Object", position=0, mandatory=True, value_from_pipeline=True, allow_null=True,
                             aliases=("Msg", "Message"), help="The information to write.")
    tags = Parameter("String[]", position=1, help="Tags for filtering.")

    def process_record(self) -> None:
        self.write_information(self.message_data, self.tags)


COMMANDS: tuple[type, ...] = (WriteOutputCommand, WriteHostCommand, WriteErrorCommand,
                              WriteWarningCommand, WriteVerboseCommand, WriteDebugCommand,
                              WriteInformationCommand)
