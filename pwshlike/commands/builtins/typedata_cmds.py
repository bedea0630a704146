"""Update-TypeData, Get-TypeData, Remove-TypeData, Update-FormatData and
Get-FormatData: the session's extended type data and format views, from
``.ps1xml`` files or (types) declared one member at a time."""

from __future__ import annotations

import os
from typing import Any, Iterator, Optional

from pwshlike.commands.builtins.fspaths import resolve_paths
from pwshlike.commands.builtins.members_cmds import AliasProperty, ScriptMethod, ScriptProperty, member_types
from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_not_null_or_empty
from pwshlike.dotnet import typedata
from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.errors import (ErrorCategory, ErrorRecord, InvalidOperationException, ItemNotFoundException,
                                    RuntimeException)
from pwshlike.dotnet.types import PSType, resolve_type
from pwshlike.dotnet.wildcard import wildcard_match


def _error(error_id: str, message: str, target: Any = None) -> ErrorRecord:
    return ErrorRecord(InvalidOperationException(message), error_id, ErrorCategory.InvalidOperation, target)


def _type_name_empty(target: Any) -> ErrorRecord:
    return _error("TargetTypeNameEmpty",
                  "The target type name should not be null, empty, or contain only white spaces.", target)


def data_files(command: Cmdlet, paths: list[str], error_id: str) -> list[str]:
    """pwsh's Update-Data Glob: each path resolved (wildcards expanded);
    a missing one is ``error_id``, a file not ending in .ps1xml WrongExtension."""
    found: list[str] = []
    session = command.context.session
    for path in paths:
        resolved, wildcard = resolve_paths(session, path, literal=False)
        existing = [p for p in resolved if os.path.exists(p)]
        if not existing and not wildcard:
            exc = ItemNotFoundException(f"Cannot find path '{resolved[0]}' because it does not exist.")
            command.write_error(ErrorRecord(exc, error_id, ErrorCategory.InvalidOperation, path))
            continue
        for item in existing:
            if not item.lower().endswith(".ps1xml"):
                command.write_error(ErrorRecord(InvalidOperationException(
                    f'Cannot read the file "{item}"  because it does not have the file name extension "ps1xml".'),
                    "WrongExtension", ErrorCategory.InvalidArgument, None))
                continue
            found.append(item)
    return found


@cmdlet("Update-TypeData", default_parameter_set="FileSet", supports_should_process=True, confirm_impact="Low",
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097131")
class UpdateTypeDataCommand(Cmdlet):
    """Adds extended type data to the session: the members and standard
    members of *.types.ps1xml files, or one member of a type at a time.

    With -AppendPath or -PrependPath the files' types are loaded (a file
    loaded again replaces what it declared before); without parameters the
    files already loaded are read again. With -TypeName the member given by
    -MemberType, -MemberName and -Value (and -SecondValue) is added to the
    type, or its -DefaultDisplayPropertySet, -DefaultKeyPropertySet or
    -DefaultDisplayProperty set; a member that exists already is an error
    unless -Force. Members are found on every object whose PSTypeNames
    include the type, as members added by Add-Member are on one object."""

    help_examples = [
        ("Example 1: Load a type file", "Update-TypeData -AppendPath ./Items.types.ps1xml",
         "Adds the members the file declares to the types it names."),
        ("Example 2: Add a script property to a type",
         "Update-TypeData -TypeName My.Item -MemberType ScriptProperty -MemberName SizeKB -Value { $this.Size / 1KB }",
         "Every object with the type name My.Item now has a SizeKB property."),
        ("Example 3: Choose the properties shown by default",
         "Update-TypeData -TypeName My.Item -DefaultDisplayPropertySet Name, SizeKB",
         "Format-Table and Format-List show Name and SizeKB for My.Item objects that have no view."),
    ]

    append_path = Parameter("String[]", name="AppendPath", aliases=("PSPath", "Path"),
                            sets={"FileSet": {"position": 0, "value_from_pipeline": True,
                                              "value_from_pipeline_by_property_name": True}},
                            help="Type files to load after those already loaded.")
    prepend_path = Parameter("String[]", name="PrependPath", sets={"FileSet": {}},
                             help="Type files to load before those already loaded.")
    member_type = Parameter("PSMemberTypes", converter=member_types, sets={"DynamicTypeSet": {}},
                            help="NoteProperty, AliasProperty, ScriptProperty or ScriptMethod.")
    member_name = Parameter("String", sets={"DynamicTypeSet": {}}, help="The member's name.")
    value = Parameter("Object", sets={"DynamicTypeSet": {}},
                      help="The note's value, the referenced member, the getter or the method's script.")
    second_value = Parameter("Object", sets={"DynamicTypeSet": {}},
                             help="An alias property's type or a script property's setter.")
    default_display_property = Parameter("String", sets={"DynamicTypeSet": {}},
                                         help="The property shown for objects of the type in a wide view.")
    default_display_property_set = Parameter("String[]", sets={"DynamicTypeSet": {}},
                                             validators=[validate_not_null_or_empty()],
                                             help="The properties Format-Table and Format-List show by default.")
    default_key_property_set = Parameter("String[]", sets={"DynamicTypeSet": {}},
                                         validators=[validate_not_null_or_empty()],
                                         help="The properties that identify an object of the type.")
    type_name = Parameter("String", sets={"DynamicTypeSet": {"mandatory": True,
                                                              "value_from_pipeline_by_property_name": True}},
                          help="The type the data is for (a type name as in PSTypeNames).")
    force = Parameter("SwitchParameter", sets={"DynamicTypeSet": {}},
                      help="Replaces members and standard members the type has already.")

    def process_record(self) -> Iterator[Any]:
        if self.parameter_set_name == "DynamicTypeSet":
            self._dynamic()
        else:
            self._files()
        return iter(())

    # --- files ------------------------------------------------------------------------------------

    def _files(self) -> None:
        from pwshlike.commands.type_files import TypeFileError, load_type_file
        prepend = data_files(self, list(self.prepend_path or []), "TypesPrependPathException")
        append = data_files(self, list(self.append_path or []), "TypesAppendPathException")
        if (self.prepend_path or self.append_path) and not (prepend or append):
            return
        paths = list(reversed(prepend)) + append if prepend or append else loaded_type_files()
        for path in paths:
            if not self.should_process(f"FileName: {path}", "Update TypeData"):
                continue
            try:
                load_type_file(path)
            except TypeFileError as exc:
                for line in exc.errors:
                    text = f"{path}{line}" if line.startswith(", ") else line
                    self.write_error(ErrorRecord(RuntimeException(text), "TypesXmlUpdateException",
                                                 ErrorCategory.InvalidOperation, None))

    # --- one member ---------------------------------------------------------------------------------

    def _dynamic(self) -> None:
        name = self.type_name
        if not name or not name.strip():
            self.throw_terminating_error(_type_name_empty(name))
        member = self._member()
        standard = (self.default_display_property_set, self.default_key_property_set, self.default_display_property)
        if member is None and all(s is None for s in standard):
            self.write_error(_error("TypeDataEmpty", f'No member is specified for the update on type "{name}".'))
            return
        if not self.should_process(f"Type to update: {name}", "Update TypeData"):
            return
        if member is not None:
            try:
                typedata.add_member(name, member, None, force=self.force)
            except typedata.DuplicateMemberError as exc:
                self.write_error(ErrorRecord(RuntimeException(str(exc)), "TypesDynamicUpdateException",
                                             ErrorCategory.InvalidOperation, None))
                return
        if any(s is not None for s in standard):
            data = typedata.entry(name)
            taken = [label for label, value, current in (
                ("DefaultDisplayPropertySet", self.default_display_property_set, data.default_display),
                ("DefaultKeyPropertySet", self.default_key_property_set, data.default_key),
                ("DefaultDisplayProperty", self.default_display_property, data.default_display_property))
                if value is not None and current is not None]
            if taken and not self.force:
                message = f'Error in TypeData "{data.type_name}": The member {taken[0]} is already present.'
                self.write_error(ErrorRecord(RuntimeException(message), "TypesDynamicUpdateException",
                                             ErrorCategory.InvalidOperation, None))
                return
            data.set_standard(None, self.default_display_property_set, self.default_key_property_set,
                              self.default_display_property)

    def _member(self) -> Optional[Any]:
        bound = self.bound_parameters
        if self.member_type is None:
            if self.member_name is not None or "Value" in bound or self.second_value is not None:
                self.throw_terminating_error(_error(
                    "MemberTypeIsMissing",
                    "The MemberName, Value, and SecondValue parameters cannot be specified without the MemberType "
                    "parameter."))
            return None
        kind = str(self.member_type)
        if kind not in ("NoteProperty", "AliasProperty", "ScriptProperty", "ScriptMethod"):
            self.throw_terminating_error(_error(
                "CannotUpdateMemberType",
                f'Cannot update a member with type "{kind}". Specify a different type for the MemberType parameter.'))
        if not self.member_name:
            self._required("MemberName", "MemberNameShouldBeSpecified", kind)
        if "Value" not in bound:
            self._required("Value", "ValueShouldBeSpecified", kind)
        value, second = self.value, self.second_value
        if kind in ("NoteProperty", "ScriptMethod") and second is not None:
            self.throw_terminating_error(_error(
                "SecondValueShouldNotBeSpecified",
                f'The SecondValue parameter is not necessary for a member of type "{kind}", and should not be '
                f'specified. Do not specify the SecondValue parameter when updating this member type.'))
        if kind == "NoteProperty":
            return typedata.TypeNoteProperty(self.member_name, value)
        if kind == "AliasProperty":
            if value is None or value == "":
                self.throw_terminating_error(_error(
                    "ValueShouldBeSpecified",
                    f'The Value parameter should not be null or an empty string for a member of type "{kind}". '
                    f'Specify a non-null value for the Value parameter when updating this member type.'))
            conversion = None
            if second is not None:
                conversion = second if isinstance(second, PSType) else resolve_type(to_string(second))
            return AliasProperty(self.member_name, to_string(value), conversion)
        script = resolve_type("scriptblock")
        if kind == "ScriptMethod":
            return ScriptMethod(self.member_name, script.convert(value))
        if value is None and second is None:
            self.throw_terminating_error(_error(
                "ValueAndSecondValueAreNotBothNull",
                f'The Value and SecondValue parameters should not both be null for a member of type "{kind}". '
                f'Specify a non-null value for one of the two parameters.'))
        return ScriptProperty(self.member_name, script.convert(value) if value is not None else None,
                              script.convert(second) if second is not None else None)

    def _required(self, parameter: str, error_id: str, kind: str) -> None:
        self.throw_terminating_error(_error(
            error_id, f'The {parameter} parameter is required for the type "{kind}". Please specify the '
                      f'{parameter} parameter.'))


def loaded_type_files() -> list[str]:
    """The type files whose members are in the table, in load order."""
    seen: list[str] = []
    for data in typedata.TABLE.values():
        for source in list(data.sources.values()) + [data.standard_source]:
            if source is not None and source not in seen:
                seen.append(source)
    return seen


@cmdlet("Get-TypeData", output_types=("System.Management.Automation.Runspaces.TypeData",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097018")
class GetTypeDataCommand(Cmdlet):
    """Gets the extended type data of the session: for each type, its
    members and its standard members (DefaultDisplayPropertySet...).

    Without -TypeName every type that has extended data is returned; -TypeName takes names with wildcards. Each
    TypeData object lists the type's members (note, alias, script and code properties and methods) and its
    DefaultDisplayPropertySet and other standard members, and can be piped to Remove-TypeData."""

    help_examples = [
        ("Example 1: The members declared for a type", "(Get-TypeData My.Item).Members",
         "Lists the members type files and Update-TypeData declared for My.Item."),
    ]

    type_name = Parameter("String[]", position=0, value_from_pipeline=True,
                          validators=[validate_not_null_or_empty()],
                          help="Type names, wildcards allowed; all types when omitted.", supports_wildcards=True)

    def process_record(self) -> Iterator[Any]:
        patterns = []
        for name in self.type_name or ["*"]:
            if not name.strip():
                self.write_error(_type_name_empty(name))
                continue
            patterns.append(name)
        for data in list(typedata.TABLE.values()):
            if any(wildcard_match(data.type_name, p) for p in patterns):
                yield data


@cmdlet("Remove-TypeData", default_parameter_set="RemoveTypeDataSet", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096622")
class RemoveTypeDataCommand(Cmdlet):
    """Removes extended type data from the session: everything declared for
    a type (-TypeName, or TypeData objects from Get-TypeData), or what type
    files declared (-Path).

    The data removed stops applying at once: objects of the type lose the members and default views it declared.
    Types loaded from files come back the next time those files are loaded."""

    help_examples = [
        ("Example 1: Forget a type's members", "Remove-TypeData -TypeName My.Item",
         "Objects of type My.Item lose the members and standard members declared for it."),
        ("Example 2: Unload a type file", "Remove-TypeData -Path ./Items.types.ps1xml",
         "Removes what the file declared."),
    ]

    type_data = Parameter("Object", name="TypeData",
                          sets={"RemoveTypeDataSet": {"mandatory": True, "value_from_pipeline": True}},
                          help="TypeData objects, as Get-TypeData returns them.")
    type_name = Parameter("String", sets={"RemoveTypeSet": {"mandatory": True, "position": 0,
                                                            "value_from_pipeline": True,
                                                            "value_from_pipeline_by_property_name": True}},
                          help="The type whose data to remove.")
    path = Parameter("String[]", sets={"RemoveFileSet": {"mandatory": True}},
                     validators=[validate_not_null_or_empty()], help="Type files whose data to remove.")

    def process_record(self) -> Iterator[Any]:
        if self.parameter_set_name == "RemoveFileSet":
            loaded = loaded_type_files()
            for path in data_files(self, list(self.path), "TypePathException"):
                if path not in loaded:
                    self.write_error(_error("TypeFileNotExistsInCurrentSession",
                                            f"The file {path} is not imported into the current session."))
                elif self.should_process(path, "Remove type file"):
                    typedata.remove_source(path)
            return iter(())
        if self.parameter_set_name == "RemoveTypeSet":
            name = self.type_name
        else:
            name = getattr(self.type_data, "type_name", None) or to_string(self.type_data)
        if not name or not name.strip():
            self.throw_terminating_error(_type_name_empty(name))
        if self.should_process(f"Name of the type that will be removed: {name}", "Remove TypeData") \
                and not typedata.remove_type(name):
            message = (f'Error in TypeData "{name}": The type "{name}" was not found. The type name value must be '
                       f'the full name of the type. Verify the type name and run the command again.')
            self.write_error(ErrorRecord(RuntimeException(message), "TypesDynamicRemoveException",
                                         ErrorCategory.InvalidOperation, None))
        return iter(())


@cmdlet("Update-FormatData", default_parameter_set="FileSet", supports_should_process=True, confirm_impact="Low",
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097135")
class UpdateFormatDataCommand(Cmdlet):
    """Loads format files (*.format.ps1xml) into the session: their table,
    list, wide and custom views then show objects of the types they name.

    -PrependPath files are searched before the views already loaded (so
    they replace them), -AppendPath files after; a file loaded again
    replaces its earlier views. Without parameters the loaded files are
    read again. A file with errors loads nothing and is reported as
    FormatXmlUpdateException."""

    help_examples = [
        ("Example 1: Prefer your own view of a type", "Update-FormatData -PrependPath ./Items.format.ps1xml",
         "Objects of the types the file names are shown with its views."),
    ]

    append_path = Parameter("String[]", name="AppendPath", aliases=("PSPath", "Path"), position=0,
                            value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                            help="Format files searched after the views already loaded.")
    prepend_path = Parameter("String[]", name="PrependPath",
                             help="Format files searched before the views already loaded.")

    def process_record(self) -> Iterator[Any]:
        from pwshlike.formatting.ps1xml import FormatFileError, read_format_file
        from pwshlike.formatting.database import REGISTRY
        from pwshlike.commands.data_file_errors import format_load_error
        prepend = data_files(self, list(self.prepend_path or []), "FormatPrependPathException")
        append = data_files(self, list(self.append_path or []), "FormatAppendPathException")
        if (self.prepend_path or self.append_path) and not (prepend or append):
            return iter(())
        jobs = [(p, True) for p in prepend] + [(p, False) for p in append] if prepend or append else \
            [(p, False) for p in REGISTRY.files()]
        for path, first in jobs:
            if not self.should_process(f"FileName: {path}", "Update FormatData"):
                continue
            try:
                views = read_format_file(path)
            except FormatFileError as exc:
                error = format_load_error(exc.errors, path)
                self.write_error(ErrorRecord(error, "FormatXmlUpdateException", ErrorCategory.InvalidOperation, None))
                continue
            REGISTRY.load_file(path, views, prepend=first)
        return iter(())


class FormatViewDefinition:
    """One view as Get-FormatData shows it: its name and kind of control."""

    __slots__ = ("name", "control")
    full_name = "System.Management.Automation.FormatViewDefinition"
    PS_MEMBERS = {"Name": "name", "Control": "control", "ToString": "__str__"}

    def __init__(self, name: str, control: str) -> None:
        self.name = name
        self.control = control

    def __str__(self) -> str:
        return self.name


class ExtendedTypeDefinition:
    """The views of one type name (pwsh's ExtendedTypeDefinition)."""

    __slots__ = ("type_name", "views")
    full_name = "System.Management.Automation.ExtendedTypeDefinition"
    PS_MEMBERS = {"TypeName": "type_name", "TypeNames": "type_names", "FormatViewDefinition": "views",
                  "ToString": "__str__"}

    def __init__(self, type_name: str, views: list[FormatViewDefinition]) -> None:
        self.type_name = type_name
        self.views = views

    @property
    def type_names(self) -> list[str]:
        return [self.type_name]

    def __str__(self) -> str:
        return self.type_name


_CONTROLS = {"table": "TableControl", "list": "ListControl", "wide": "WideControl", "custom": "CustomControl"}


@cmdlet("Get-FormatData", output_types=("System.Management.Automation.ExtendedTypeDefinition",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096614")
class GetFormatDataCommand(Cmdlet):
    """Gets the format views of the session, one object per type name with
    the views that apply to it (pwsh's own, plugins' and format files').

    -TypeName takes type names with wildcards. Each result is an ExtendedTypeDefinition with the type name and its
    view definitions; -PowerShellVersion is accepted for compatibility."""

    help_examples = [
        ("Example 1: The views of a type", "Get-FormatData -TypeName My.Item",
         "Lists the table, list, wide and custom views for My.Item objects."),
    ]

    type_name = Parameter("String[]", position=0, help="Type names, wildcards allowed; all types when omitted.",
                          supports_wildcards=True)

    def process_record(self) -> Iterator[Any]:
        from pwshlike.formatting.database import REGISTRY
        patterns = self.type_name or ["*"]
        by_type: dict[str, tuple[str, list[FormatViewDefinition]]] = {}
        for view in REGISTRY.all_views():
            for name in view.type_names:
                if any(wildcard_match(name, p) for p in patterns):
                    entry = by_type.setdefault(name.lower(), (name, []))
                    entry[1].append(FormatViewDefinition(view.name, _CONTROLS.get(view.kind, view.kind)))
        for name, views in by_type.values():
            yield ExtendedTypeDefinition(name, views)
