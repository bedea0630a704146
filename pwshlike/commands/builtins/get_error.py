"""Get-Error: the newest errors of the session (or the records and
exceptions piped in) with all their details, as pwsh's Get-Error.

Each object written is the record (or exception) with the
``#PSExtendedError`` type name in place of its own, which selects the
detailed view (pwshlike.formatting.extended_error); showing it there puts
the type names back, as pwsh's view does.  With more than one,
``PSErrorIndex`` numbers them.  pwsh changes the type names on a wrapper of
its own; pwshlike, whose objects carry no such wrapper, writes a shallow
copy, so the error in ``$Error`` is left as it was.
"""

from __future__ import annotations

from typing import Any, Iterable

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range
from pwshlike.dotnet.errors import ErrorRecord
from pwshlike.formatting.extended_error import ERROR_INDEX, EXTENDED_ERROR_RECORD, EXTENDED_EXCEPTION

_INT_MAX = 2**31 - 1


@cmdlet("Get-Error", default_parameter_set="Newest", help_uri="https://go.microsoft.com/fwlink/?linkid=2241804",
        output_types=(EXTENDED_ERROR_RECORD, EXTENDED_EXCEPTION))
class GetErrorCommand(Cmdlet):
    """Shows the newest errors of the session in full detail.

    Without parameters it shows the newest error in $Error in detail: the exception with its inner exceptions, the
    target object, the category and the invocation that failed. -Newest shows that many of the most recent errors;
    an ErrorRecord or exception piped in is shown instead of those in $Error."""

    help_examples = [
        ('Example 1: Details of the last error',
         'Get-Item ./missing.txt\nGet-Error',
         'Shows the full record of the PathNotFound error, nested exceptions included.'),
        ('Example 2: The three newest errors',
         'Get-Error -Newest 3',
         'Shows the three most recent errors, newest first.'),
    ]

    input_object = Parameter("PSObject", sets={"Error": {"position": 0, "value_from_pipeline": True}},
                             help="An error record or exception to show in detail.")
    newest = Parameter("Int32", aliases=("Last",), sets={"Newest": {}}, default=1,
                       validators=(validate_range(1, _INT_MAX),),
                       help="How many of the newest errors of $Error to show (1 unless given).")

    def begin_processing(self) -> None:
        self._found: list[Any] = []

    def process_record(self) -> None:
        if self.parameter_set_name == "Error":
            if isinstance(self.input_object, (ErrorRecord, BaseException)):
                self._found.append(self.input_object)
        else:
            errors = self.context.get_variable_value("Error") or []
            self._found.extend(list(errors)[:int(self.newest)])

    def end_processing(self) -> Iterable[Any]:
        numbered = len(self._found) > 1
        for index, error in enumerate(self._found):
            yield extended(error, index if numbered else None)


def extended(error: Any, index: Any = None) -> Any:
    """A copy of ``error`` whose type names are the extended one instead of
    ``ErrorRecord``/``Exception`` (pwsh's TypeNames.Insert and Remove)."""
    import copy

    from pwshlike.dotnet import members
    record = isinstance(error, ErrorRecord)
    shown = copy.copy(error)
    data = members.instance_members(shown, create=True)
    data.type_names.insert(0, EXTENDED_ERROR_RECORD if record else EXTENDED_EXCEPTION)
    data.hidden_type_names.add("system.management.automation.errorrecord" if record else "system.exception")
    if index is not None:
        data.names[ERROR_INDEX.lower()] = ERROR_INDEX
        data.values[ERROR_INDEX.lower()] = index
    return shown
