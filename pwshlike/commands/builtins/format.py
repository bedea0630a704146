"""Format-Table, Format-List, Format-Wide and Out-Host.

As in pwsh, the Format-* commands do not produce text: they write
format-instruction objects (FormatStartData, GroupStartData,
FormatEntryData..., see ``pwshlike.formatting.packets``) that Out-Default,
Out-Host, Out-String and Out-File turn into lines.  So
``Get-Thing | Format-Table Name | Out-String -Width 60`` works, and piping
Format-Table's output anywhere else gives those objects, not the data.
"""

from __future__ import annotations

from typing import Any, ClassVar, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range, validate_set
from pwshlike.dotnet.errors import (ErrorCategory, ErrorDetails, ErrorRecord, NotSupportedException,
                                    InvalidDataException, PipelineStoppedException, RuntimeException)
from pwshlike.formatting.output import SEQUENCE_ERROR_ID
from pwshlike.formatting.parameters import (GROUP_KEYS, LIST_KEYS, TABLE_KEYS, WIDE_KEYS, FormatParameterError,
                                            process_parameters)
from pwshlike.formatting.session import formatter_of, host_is_terminal, shape_settings
from pwshlike.formatting.shape import FormatParameters, FormatViewNotFound, Shaper


def _error(exception: BaseException, error_id: str, category: Any, message: str, target: Any = None) -> ErrorRecord:
    record = ErrorRecord(exception, error_id, category, target)
    record.error_details = ErrorDetails(message)
    return record


class _FormatCommand(Cmdlet):
    """What Format-Table, Format-List and Format-Wide share: parameters,
    then one shaper that turns the input into packets."""

    shape = ""
    property_keys: ClassVar[tuple[str, ...]] = ()

    group_by = Parameter("Object", help="Starts a new group each time this property's value changes.")
    view = Parameter("String", help="The name of a view to use.")
    show_error = Parameter("SwitchParameter", help="Shows the errors of failing expressions after their entries.")
    display_error = Parameter("SwitchParameter", help="Shows #ERR in place of values whose expression failed.")
    force = Parameter("SwitchParameter", help="Formats objects that are normally shown on their own.")
    expand = Parameter("String", validators=[validate_set(["CoreOnly", "EnumOnly", "Both"])],
                       help="How collections are formatted: CoreOnly, EnumOnly or Both.")
    input_object = Parameter("PSObject", value_from_pipeline=True, help="The objects to format.")

    def begin_processing(self) -> None:
        params = self._parameters()
        self._shaper = Shaper(shape_settings(self.context), self.shape, params)

    def process_record(self) -> Iterator[Any]:
        out: list[Any] = []
        try:
            self._shaper.process(self.input_object, out)
        except FormatViewNotFound as exc:
            self._view_not_found(exc)
        yield from out

    def _view_not_found(self, exc: FormatViewNotFound) -> None:
        """pwsh reports an unknown -View with a PipelineStoppedException in
        the record; raising that exception itself would stop the pipeline
        silently, so the record travels in a RuntimeException."""
        record = _error(PipelineStoppedException(exc.message), "FormatViewNotFound", ErrorCategory.ObjectNotFound,
                        exc.message, exc.view_name)
        try:
            self.throw_terminating_error(record)
        except PipelineStoppedException:
            raise RuntimeException(exc.message, record.exception, error_record=record) from None

    def end_processing(self) -> Iterator[Any]:
        out: list[Any] = []
        self._shaper.finish(out)
        yield from out

    # --- parameters --------------------------------------------------------------------------------

    def _properties(self) -> Optional[list[Any]]:
        return self.property

    def _parameters(self) -> FormatParameters:
        values = self._properties()
        try:
            properties = process_parameters(values, self.property_keys)
            group = process_parameters([self.group_by], GROUP_KEYS) if self.group_by is not None else []
        except FormatParameterError as exc:
            self.throw_terminating_error(_error(NotSupportedException(exc.message), exc.error_id,
                                                ErrorCategory.InvalidArgument, exc.message))
            raise AssertionError("unreachable")
        if self.view and properties:
            message = "Cmdlet parameters View and Property are mutually exclusive."
            self.throw_terminating_error(_error(InvalidDataException(message), "FormatCannotSpecifyViewAndProperty",
                                                ErrorCategory.InvalidArgument, message))
        return FormatParameters(properties=properties, group_by=group[0] if group else None, view=self.view,
                                force=bool(self.force), expand=self.expand, show_error=bool(self.show_error),
                                display_error=bool(self.display_error))


@cmdlet("Format-Table", output_types=("Microsoft.PowerShell.Commands.Internal.Format.FormatStartData",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096703")
class FormatTableCommand(_FormatCommand):
    """Formats the output as a table.

    Columns come from the type's table view or the first object's
    properties; -Property chooses them (names, wildcards, script blocks or
    hashtables with Expression, Label, Width, Alignment and FormatString)."""

    help_examples = [
        ('Example 1: Choose the columns',
         'Get-ChildItem -File | Format-Table Name, Length, LastWriteTime',
         'Shows the three properties as columns.'),
        ('Example 2: Fit the columns to the data',
         'Get-Process | Select-Object -First 5 | Format-Table -AutoSize',
         '-AutoSize sizes each column to its widest value.'),
        ('Example 3: A computed column',
         "Get-ChildItem -File | Format-Table Name, @{ Label = 'KB'; Expression = { $_.Length / 1KB }; FormatString = 'N1'; Alignment = 'Right' }",
         'The hashtable names the column, computes its value and formats it with one decimal.'),
        ('Example 4: One table per group',
         'Get-ChildItem -Recurse -File | Sort-Object Directory | Format-Table Name, Length -GroupBy Directory',
         'A new table starts each time the Directory value changes; sort first so each folder appears once.'),
    ]

    shape = "table"
    property_keys = TABLE_KEYS

    auto_size = Parameter("SwitchParameter", name="AutoSize", help="Sizes columns to all of the data.")
    repeat_header = Parameter("SwitchParameter", help="Repeats the header every screen.")
    hide_table_headers = Parameter("SwitchParameter", help="Omits the column headings.")
    wrap = Parameter("SwitchParameter", help="Wraps long values onto following lines instead of cutting them.")
    property = Parameter("Object[]", position=0, help="The properties or calculated properties to show.")

    def _parameters(self) -> FormatParameters:
        params = super()._parameters()
        bound = self.bound_parameters
        if "AutoSize" in bound:
            params.autosize = bool(self.auto_size)
        if "HideTableHeaders" in bound:
            params.hide_headers = bool(self.hide_table_headers)
        if "Wrap" in bound:
            params.wrap = bool(self.wrap)
        params.repeat_header = bool(self.repeat_header)
        return params


@cmdlet("Format-List", output_types=("Microsoft.PowerShell.Commands.Internal.Format.FormatStartData",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096928")
class FormatListCommand(_FormatCommand):
    """Formats the output as a list of properties, each on its own line.

    -Property * shows every property; hashtables may give Expression,
    Label and FormatString."""

    help_examples = [
        ('Example 1: Every property of an object',
         'Get-Item ./report.csv | Format-List *',
         'Shows all the properties, not only those the default view picks.'),
        ('Example 2: Chosen properties',
         'Get-Process -Id $PID | Format-List Id, ProcessName, StartTime',
         'One line per property, with the names aligned.'),
    ]

    shape = "list"
    property_keys = LIST_KEYS

    property = Parameter("Object[]", position=0, help="The properties or calculated properties to show.")


@cmdlet("Format-Wide", output_types=("Microsoft.PowerShell.Commands.Internal.Format.FormatStartData",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096930")
class FormatWideCommand(_FormatCommand):
    """Formats objects as a wide table showing one property of each.

    Two columns unless -Column says how many or -AutoSize fits as many as
    the widest value allows."""

    help_examples = [
        ('Example 1: File names in columns',
         'Get-ChildItem | Format-Wide -Column 4',
         'Shows the names of the items in four columns.'),
        ('Example 2: Another property',
         'Get-Command -Verb Get | Format-Wide Name -AutoSize',
         'Shows the command names in as many columns as fit.'),
    ]

    shape = "wide"
    property_keys = WIDE_KEYS

    property = Parameter("Object", position=0, help="The property to show.")
    auto_size = Parameter("SwitchParameter", name="AutoSize", help="Fits as many columns as the data allows.")
    column = Parameter("Int32", validators=[validate_range(1, 2147483647)], help="The number of columns.")

    def _properties(self) -> Optional[list[Any]]:
        return None if self.property is None else [self.property]

    def _parameters(self) -> FormatParameters:
        bound = self.bound_parameters
        if self.auto_size and "Column" in bound:
            message = "Cmdlet parameters AutoSize and Column are mutually exclusive."
            self.throw_terminating_error(_error(InvalidDataException(message),
                                                "FormatCannotSpecifyAutosizeAndColumns",
                                                ErrorCategory.InvalidArgument, message))
        params = super()._parameters()
        if "AutoSize" in bound:
            params.autosize = bool(self.auto_size)
        if "Column" in bound:
            params.columns = self.column
        return params


class ConsoleSinkCommand(Cmdlet):
    """Out-Default and Out-Host: objects formatted as they arrive and
    written to the host, all in one formatting session (so a table's rows
    share its columns).  A Format-* packet out of sequence is pwsh's
    terminating ConsoleLineOutputOutOfSequencePacket error."""

    input_object = Parameter("PSObject", value_from_pipeline=True, help="The objects to show.")

    def begin_processing(self) -> None:
        context = self.context
        self._session = formatter_of(context).console_session(host_is_terminal(context))

    def process_record(self) -> None:
        self._step(lambda: self._session.add(self.input_object))

    def end_processing(self) -> None:
        self._step(self._session.finish)

    def _step(self, produce: Any) -> None:
        try:
            lines = produce()
        except RuntimeException as exc:
            if exc.error_record.error_id != SEQUENCE_ERROR_ID:
                raise
            self.throw_terminating_error(exc.error_record)
            return
        write_line = self.context.host.write_line
        for line in lines:
            write_line(line)


@cmdlet("Out-Host", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096863")
class OutHostCommand(ConsoleSinkCommand):
    """Sends output to the console, formatted as pwsh shows it.

    Output reaches the host anyway at the end of a pipeline; Out-Host is useful inside a script or function to show
    objects right away instead of returning them, and with -Paging to show long output one screen at a time."""

    help_examples = [
        ('Example 1: Show output without returning it',
         "function Show-Logs { Get-ChildItem ./logs | Out-Host; 'done' }",
         "The listing is printed while the function returns only 'done'."),
        ('Example 2: Page through long output',
         'Get-Command | Out-Host -Paging',
         'Shows one screen of commands at a time.'),
    ]

    paging = Parameter("SwitchParameter", help="Accepted for compatibility; pwshlike does not page output.")
