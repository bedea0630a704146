"""New-Object: an instance of a type, with constructor arguments and
properties set from a hashtable."""

from __future__ import annotations

from typing import Any, Iterator

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet import members
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, PSArgumentException, RuntimeException
from pwshlike.dotnet.values import PSCustomObject
from pwshlike.runtime.type_names import resolve_written


@cmdlet("New-Object", default_parameter_set="Net", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096620")
class NewObjectCommand(Cmdlet):
    """Creates an object of a .NET-style type.

    `New-Object PSObject -Property @{...}` makes a custom object, as in pwsh."""

    help_examples = [
        ('Example 1: A .NET object with constructor arguments',
         "$list = New-Object System.Collections.Generic.List[string]\n$sb = New-Object System.Text.StringBuilder -ArgumentList 'start'",
         "-ArgumentList (or the second position) gives the constructor's arguments."),
        ('Example 2: A custom object',
         "New-Object PSObject -Property @{ Name = 'web01'; Cores = 4 }",
         '-Property sets properties after the object is made; [pscustomobject]@{...} is the shorter form.'),
    ]

    type_name = Parameter("String", sets={"Net": {"mandatory": True, "position": 0}},
                          help="The type to create.")
    argument_list = Parameter("Object[]", aliases=("Args",), sets={"Net": {"position": 1}},
                              help="Constructor arguments.")
    property = Parameter("IDictionary", full_type_name="System.Collections.IDictionary",
                         help="Property values to set on the new object.")

    def end_processing(self) -> Iterator[Any]:
        try:
            pstype = resolve_written(self.type_name, getattr(self.invocation, "extent", None))
        except RuntimeException as exc:
            # pwsh's New-Object reports an unknown or ambiguous name as its own error.
            error_id = exc.error_record.fully_qualified_error_id.split(",")[0]
            if error_id == "TypeNotFound":
                exc = PSArgumentException(f"Cannot find type [{self.type_name}]: verify that the assembly "
                                          "containing this type is loaded.")
            self.throw_terminating_error(ErrorRecord(exc, error_id, ErrorCategory.InvalidType, self.type_name))
        if pstype.full_name in ("System.Management.Automation.PSObject", "System.Object") \
                and not self.argument_list:
            obj: Any = PSCustomObject()
        else:
            obj = pstype.new(list(self.argument_list or ()))
        for key, value in (self.property or {}).items():
            if isinstance(obj, PSCustomObject):
                obj.set_property(str(key), value)
            else:
                members.set_member(obj, str(key), value)
        yield obj
