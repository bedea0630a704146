"""New-Object: an instance of a type, with constructor arguments and
properties set from a hashtable."""

from __future__ import annotations

from typing import Any, Iterator

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet import members
from pwshlike.dotnet.types import resolve_type
from pwshlike.dotnet.values import PSCustomObject


@cmdlet("New-Object", default_parameter_set="Net")
class NewObjectCommand(Cmdlet):
    """Creates an object of a .NET-style type.

    `New-Object PSObject -Property @{...}` makes a custom object, as in pwsh."""

    type_name = Parameter("String", sets={"Net": {"mandatory": True, "position": 0}},
                          help="The type to create.")
    argument_list = Parameter("Object[]", aliases=("Args",), sets={"Net": {"position": 1}},
                              help="Constructor arguments.")
    property = Parameter("IDictionary", full_type_name="System.Collections.IDictionary",
                         help="Property values to set on the new object.")

    def end_processing(self) -> Iterator[Any]:
        pstype = resolve_type(self.type_name)
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
