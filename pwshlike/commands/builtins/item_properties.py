"""Get-ItemProperty, Get-ItemPropertyValue, Set-ItemProperty and
Clear-ItemProperty: the properties of items, on every provider.

Paths resolve as for the other item cmdlets (wildcards, -LiteralPath,
PathNotFound, -Include/-Exclude/-Filter).  Of the providers here only the
FileSystem provider has item properties (``fsproperties``); on ``Env:``,
``Variable:``, ``Function:`` and ``Alias:`` pwsh's session-state providers
do not implement the property interface, so each existing item there is
pwsh's NotSupported error ("Cannot use interface. The
IPropertyCmdletProvider interface is not supported by this provider.").
"""

from __future__ import annotations

from typing import Any, Iterator

from pwshlike.commands.cmdlet import Parameter, cmdlet
from pwshlike.dotnet.errors import PSNotSupportedException
from pwshlike.dotnet.members import get_member, has_property, property_list

from . import fsproperties
from .fsprovider import FILE_SYSTEM
from .itembase import ItemCmdlet, credential_parameter, filter_parameters, force_parameter, path_parameters

NOT_A_PROPERTY_PROVIDER = ("Cannot use interface. The IPropertyCmdletProvider interface is not supported by this "
                           "provider.")


class PropertyCmdlet(ItemCmdlet):
    """What the item property cmdlets share: the items their paths name,
    each on a provider that has properties."""

    def targets(self) -> Iterator[str]:
        """The FileSystem paths the cmdlet's -Path or -LiteralPath name; an
        item on a provider without properties is NotSupported."""
        literal = "literal" in (self.parameter_set_name or "").lower()
        raw_paths = self.literal_path if literal else self.path
        if isinstance(raw_paths, str):
            raw_paths = [raw_paths]
        for raw in raw_paths or ():
            for provider, path in self.items(raw, literal, root=True):
                if provider is FILE_SYSTEM:
                    yield path
                else:
                    self.write_error(PSNotSupportedException(NOT_A_PROPERTY_PROVIDER).error_record)


@cmdlet("Get-ItemProperty", default_parameter_set="Path", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096493")
class GetItemPropertyCommand(PropertyCmdlet):
    """Gets the properties of items, such as a file's times and attributes.

    Without -Name the item itself is returned (a file or folder object);
    with -Name, one object with just those properties and the provider's
    PSPath, PSParentPath, PSChildName, PSDrive and PSProvider notes."""

    help_examples = [
        ("Example 1: The properties of a folder", "Get-ItemProperty -Path ~",
         "Returns the home folder's DirectoryInfo object."),
        ("Example 2: Chosen properties of a file", "Get-ItemProperty ./notes.txt -Name LastWriteTime, Length",
         "Returns an object with the file's LastWriteTime and Length and the PS* notes naming the file."),
    ]

    path, literal_path = path_parameters("The items whose properties to get", by_value=True)
    name = Parameter("String[]", position=1, aliases=("PSProperty",),
                     help="The properties to get; all of them (the item itself) when omitted.")
    filter, include, exclude = filter_parameters()
    credential = credential_parameter()

    def process_record(self) -> Iterator[Any]:
        for path in self.targets():
            result = fsproperties.get_property(self, path, self.name)
            if result is not None:
                yield result


@cmdlet("Get-ItemPropertyValue", default_parameter_set="Path",
        help_uri="https://go.microsoft.com/fwlink/?LinkId=2096906")
class GetItemPropertyValueCommand(PropertyCmdlet):
    """Gets the values of named properties of items, without the object
    around them.

    For each item, the value of each -Name property is returned on its
    own (a missing property is an error, a $null value gives nothing).
    Without -Path the current location is used."""

    help_examples = [
        ("Example 1: When was a file last written", "Get-ItemPropertyValue ./notes.txt -Name LastWriteTime",
         "Returns the file's LastWriteTime as a DateTime."),
        ("Example 2: Several values", "Get-ItemPropertyValue . -Name FullName, Attributes",
         "Returns the current folder's full path, then its attributes."),
    ]

    path = Parameter("String[]", sets={"Path": {"position": 0}}, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, supports_wildcards=True, allow_null=False,
                     help="The items to read; the current location when omitted. Wildcards allowed.")
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True,
                             help="The items to read, taken exactly as typed.")
    name = Parameter("String[]", position=1, mandatory=True, aliases=("PSProperty",),
                     help="The properties whose values to return.")
    filter, include, exclude = filter_parameters()
    credential = credential_parameter()

    def process_record(self) -> Iterator[Any]:
        if self.parameter_set_name == "Path" and not self.path:
            self.path = ["."]
        for path in self.targets():
            result = fsproperties.get_property(self, path, self.name)
            if result is None:
                continue
            for name in self.name or ():
                if has_property(result, name):
                    value = get_member(result, name)
                    if value is not None:
                        yield value


_VALUE_SETS = ("propertyValuePathSet", "propertyValueLiteralPathSet")
_OBJECT_SETS = ("propertyPSObjectPathSet", "propertyPSObjectLiteralPathSet")


@cmdlet("Set-ItemProperty", default_parameter_set="propertyValuePathSet", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097147")
class SetItemPropertyCommand(PropertyCmdlet):
    """Changes a property of items, such as a file's LastWriteTime or
    ReadOnly attribute.

    On files and folders the times (LastWriteTime, LastAccessTime,
    CreationTime and their Utc forms), Attributes (ReadOnly takes away
    every write permission, anything else gives the owner write
    permission back) and a file's IsReadOnly can be set.  -InputObject
    sets every property of an object at once."""

    help_examples = [
        ("Example 1: Change a file's modification time",
         "Set-ItemProperty ./report.txt -Name LastWriteTime -Value (Get-Date '2024-01-31 08:00')",
         "The file now shows 31 January 2024, 08:00 as its LastWriteTime."),
        ("Example 2: Make a file read-only", "Set-ItemProperty ./report.txt -Name IsReadOnly -Value $true -PassThru",
         "Removes the file's write permissions and returns the property that was set."),
    ]

    path = Parameter("String[]", sets={"propertyPSObjectPathSet": {"mandatory": True, "position": 0},
                                       "propertyValuePathSet": {"mandatory": True, "position": 0}},
                     value_from_pipeline_by_property_name=True, supports_wildcards=True,
                     help="The items to change; wildcards allowed.")
    literal_path = Parameter("String[]", aliases=("PSPath", "LP"),
                             sets={"propertyValueLiteralPathSet": {"mandatory": True},
                                   "propertyPSObjectLiteralPathSet": {"mandatory": True}},
                             value_from_pipeline_by_property_name=True,
                             help="The items to change, taken exactly as typed.")
    name = Parameter("String", aliases=("PSProperty",),
                     sets={"propertyValuePathSet": {"mandatory": True, "position": 1},
                           "propertyValueLiteralPathSet": {"mandatory": True, "position": 1}},
                     value_from_pipeline_by_property_name=True, help="The property to set.")
    value = Parameter("Object", allow_null=True,
                      sets={"propertyValuePathSet": {"mandatory": True, "position": 2},
                            "propertyValueLiteralPathSet": {"mandatory": True, "position": 2}},
                      value_from_pipeline_by_property_name=True, help="The property's new value.")
    input_object = Parameter("PSObject", sets={"propertyPSObjectPathSet": {"mandatory": True},
                                               "propertyPSObjectLiteralPathSet": {"mandatory": True}},
                             value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                             help="An object whose properties (names and values) are all set on the items.")
    pass_thru = Parameter("SwitchParameter", help="Returns an object with the properties that were set.")
    force = force_parameter("Accepted for compatibility; the FileSystem provider changes read-only files "
                            "anyway.")
    filter, include, exclude = filter_parameters()
    credential = credential_parameter()

    def process_record(self) -> Iterator[Any]:
        if self.parameter_set_name in _OBJECT_SETS:
            pairs = [(p.Name, p.Value) for p in property_list(self.input_object)]
        else:
            pairs = [(self.name, self.value)]
        for path in self.targets():
            result = fsproperties.set_property(self, path, pairs)
            if result is not None and self.pass_thru:
                yield result


@cmdlet("Clear-ItemProperty", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096903")
class ClearItemPropertyCommand(PropertyCmdlet):
    """Clears a property of items; on files and folders only Attributes,
    which become Normal (the owner may write again).

    -Name names the property and -Path (wildcards allowed) or -LiteralPath the items. On the other drives of pwsh on
    Linux (Env:, Variable:, Function:, Alias:) items have no properties to clear, so each is a NotSupported error.
    -PassThru returns the changed items' properties."""

    help_examples = [
        ("Example 1: Make a read-only file writable again", "Clear-ItemProperty ./report.txt -Name Attributes",
         "The file's ReadOnly attribute is cleared."),
    ]

    path, literal_path = path_parameters("The items to change", by_value=True)
    name = Parameter("String", position=1, mandatory=True, value_from_pipeline_by_property_name=True,
                     help="The property to clear (Attributes).")
    pass_thru = Parameter("SwitchParameter", help="Returns an object with the property that was cleared.")
    force = force_parameter("Accepted for compatibility; it changes nothing on these providers.")
    filter, include, exclude = filter_parameters()
    credential = credential_parameter()

    def process_record(self) -> Iterator[Any]:
        for path in self.targets():
            result = fsproperties.clear_property(self, path, self.name)
            if result is not None and self.pass_thru:
                yield result
