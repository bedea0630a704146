"""New-, Remove-, Rename-, Copy- and Move-ItemProperty: adding and taking
away item properties.

pwsh gives these cmdlets to providers whose items carry a changeable set
of properties (the Windows registry).  None of the providers pwsh has on
Linux does: the FileSystem provider's properties are those of .NET's
FileInfo and DirectoryInfo, and the session-state providers have no
properties at all.  So the cmdlets resolve their paths (a missing one is
PathNotFound, as in pwsh) and then report each operation as pwsh's
NotSupported error ("Cannot use interface. The IDynamicPropertyCmdletProvider
interface is not implemented by this provider.").
"""

from __future__ import annotations

from typing import Any

from pwshlike.commands.cmdlet import Parameter, cmdlet
from pwshlike.dotnet.errors import PSNotSupportedException

from .itembase import ItemCmdlet, credential_parameter, filter_parameters, force_parameter, path_parameters

NOT_A_DYNAMIC_PROPERTY_PROVIDER = ("Cannot use interface. The IDynamicPropertyCmdletProvider interface is not "
                                   "implemented by this provider.")


class DynamicPropertyCmdlet(ItemCmdlet):
    """Resolves the cmdlet's items, then refuses each operation on them."""

    def refuse(self, operations: int = 1) -> None:
        literal = self.parameter_set_name == "LiteralPath"
        raw_paths = self.literal_path if literal else self.path
        if isinstance(raw_paths, str):
            raw_paths = [raw_paths]
        for raw in raw_paths or ():
            for _ in self.items(raw, literal, root=True):
                for _ in range(operations):
                    self.write_error(PSNotSupportedException(NOT_A_DYNAMIC_PROPERTY_PROVIDER).error_record)

    def destination_exists(self) -> bool:
        """Copy/Move: the destination must name an existing item
        (PathNotFound otherwise, and nothing else happens)."""
        return any(True for _ in self.items(self.destination, False, filtered=False))


@cmdlet("New-ItemProperty", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096813")
class NewItemPropertyCommand(DynamicPropertyCmdlet):
    """Adds a new property to items, on providers that allow it.

    The providers pwsh has on Linux (FileSystem, Environment, Variable,
    Function, Alias) do not allow it: every existing item gives a
    NotSupported error."""

    help_examples = [
        ("Example 1: What a file says to a new property", "New-ItemProperty ./notes.txt -Name Owner -Value me",
         "Writes the NotSupported error: files have no changeable set of properties."),
    ]

    path, literal_path = path_parameters("The items whose properties to change", by_property_name=False)
    name = Parameter("String", mandatory=True, position=1, aliases=("PSProperty",),
                     value_from_pipeline_by_property_name=True, help="The new property's name.")
    property_type = Parameter("String", aliases=("Type",), value_from_pipeline_by_property_name=True,
                              help="The new property's type, for providers that have property types.")
    value = Parameter("Object", value_from_pipeline_by_property_name=True, help="The new property's value.")
    force = force_parameter("Creates the property even where the provider would otherwise refuse.")
    filter, include, exclude = filter_parameters()
    credential = credential_parameter()

    def process_record(self) -> Any:
        self.refuse()


@cmdlet("Remove-ItemProperty", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097013")
class RemoveItemPropertyCommand(DynamicPropertyCmdlet):
    """Removes properties from items, on providers that allow it (none of
    pwsh's providers on Linux: each is a NotSupported error).

    The cmdlet exists so scripts written for Windows, where the registry provider supports it, parse and fail
    cleanly: -Name names the properties and -Path or -LiteralPath the items, and each existing item is reported with
    pwsh's NotSupported error; a missing item is PathNotFound."""

    help_examples = [
        ("Example 1: Removing a file property", "Remove-ItemProperty ./notes.txt -Name Length",
         "Writes the NotSupported error: a file's properties cannot be removed."),
    ]

    path, literal_path = path_parameters("The items whose properties to change", by_value=True)
    name = Parameter("String[]", mandatory=True, position=1, aliases=("PSProperty",),
                     value_from_pipeline_by_property_name=True, help="The properties to remove.")
    force = force_parameter("Removes the property even where the provider would otherwise refuse.")
    filter, include, exclude = filter_parameters()
    credential = credential_parameter()

    def process_record(self) -> Any:
        self.refuse(len(self.name or ()))


@cmdlet("Rename-ItemProperty", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097152")
class RenameItemPropertyCommand(DynamicPropertyCmdlet):
    """Renames a property of an item, on providers that allow it (none of
    pwsh's providers on Linux: a NotSupported error).

    The cmdlet exists so scripts written for Windows, where the registry provider supports it, parse and fail
    cleanly: -Name is the property and -NewName its new name; an existing item is reported with pwsh's NotSupported
    error and a missing one with PathNotFound."""

    help_examples = [
        ("Example 1: Renaming a file property", "Rename-ItemProperty ./notes.txt -Name Length -NewName Size",
         "Writes the NotSupported error."),
    ]

    path, literal_path = path_parameters("The items whose properties to change", by_value=True, many=False)
    name = Parameter("String", mandatory=True, position=1, aliases=("PSProperty",),
                     value_from_pipeline_by_property_name=True, help="The property to rename.")
    new_name = Parameter("String", mandatory=True, position=2, value_from_pipeline_by_property_name=True,
                         help="The property's new name.")
    pass_thru = Parameter("SwitchParameter", help="Returns the renamed property.")
    force = force_parameter("Renames the property even where the provider would otherwise refuse.")
    filter, include, exclude = filter_parameters()
    credential = credential_parameter()

    def process_record(self) -> Any:
        self.refuse()


@cmdlet("Copy-ItemProperty", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096589")
class CopyItemPropertyCommand(DynamicPropertyCmdlet):
    """Copies a property from items to another item, on providers that
    allow it (none of pwsh's providers on Linux: a NotSupported error).

    The cmdlet exists so scripts written for Windows, where the registry provider supports it, parse and fail
    cleanly: -Name is the property, -Path the source items and -Destination the target; an existing item is reported
    with pwsh's NotSupported error and a missing one with PathNotFound."""

    help_examples = [
        ("Example 1: Copying a file property", "Copy-ItemProperty ./a.txt -Destination ./b.txt -Name Length",
         "Writes the NotSupported error."),
    ]

    path, literal_path = path_parameters("The items whose properties to change", by_value=True)
    name = Parameter("String", mandatory=True, position=2, aliases=("PSProperty",),
                     value_from_pipeline_by_property_name=True, help="The property to copy.")
    destination = Parameter("String", mandatory=True, position=1, value_from_pipeline_by_property_name=True,
                            help="The item that receives the property.")
    pass_thru = Parameter("SwitchParameter", help="Returns the copied property.")
    force = force_parameter("Copies the property even where the provider would otherwise refuse.")
    filter, include, exclude = filter_parameters()
    credential = credential_parameter()

    def process_record(self) -> Any:
        if self.destination_exists():
            self.refuse()


@cmdlet("Move-ItemProperty", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096817")
class MoveItemPropertyCommand(DynamicPropertyCmdlet):
    """Moves properties from items to another item, on providers that
    allow it (none of pwsh's providers on Linux: a NotSupported error).

    The cmdlet exists so scripts written for Windows, where the registry provider supports it, parse and fail
    cleanly: -Name is the property, -Path the source items and -Destination the target; an existing item is reported
    with pwsh's NotSupported error and a missing one with PathNotFound."""

    help_examples = [
        ("Example 1: Moving a file property", "Move-ItemProperty ./a.txt -Destination ./b.txt -Name Length",
         "Writes the NotSupported error."),
    ]

    path, literal_path = path_parameters("The items whose properties to change", by_value=True)
    name = Parameter("String[]", mandatory=True, position=2, aliases=("PSProperty",),
                     value_from_pipeline_by_property_name=True, help="The properties to move.")
    destination = Parameter("String", mandatory=True, position=1, value_from_pipeline_by_property_name=True,
                            help="The item that receives the properties.")
    pass_thru = Parameter("SwitchParameter", help="Returns the moved properties.")
    force = force_parameter("Moves the properties even where the provider would otherwise refuse.")
    filter, include, exclude = filter_parameters()
    credential = credential_parameter()

    def process_record(self) -> Any:
        if self.destination_exists():
            self.refuse(len(self.name or ()))
