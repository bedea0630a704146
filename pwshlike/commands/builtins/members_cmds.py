"""Add-Member and Get-Member, and the member kinds Add-Member creates.

Members added to a PSCustomObject live on the object; members added to
any other object that can be referenced weakly are kept by the engine's
instance-member table (pwsh keeps them on the object's PSObject), and a
plain array's entry holds the array.  A string or a date-time gets its members
on a new, equal value that ``-PassThru`` returns (pwsh's PSObject wrapper
around it); numbers cannot carry members in pwshlike, so adding to them
is an error.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.metadata import ValidationError
from pwshlike.commands.validation import validate_not_null_or_empty
from . import member_signatures as signatures
from pwshlike.dotnet import members
from pwshlike.dotnet.conversions import cast_error, convert_to_enum, dotnet_to_string, to_string
from pwshlike.dotnet.errors import (ErrorCategory, ErrorRecord, GetValueException, InvalidOperationException,
                                    PSInvalidCastException, RuntimeException, SetValueException)
from pwshlike.runtime.pipeline import NO_INPUT
from pwshlike.dotnet.types import PSType, resolve_type, type_of
from pwshlike.dotnet.wildcard import wildcard_match
from pwshlike.dotnet.values import EnumInfo, EnumValue, MemberCarryingDateTime, MemberCarryingString, PSCustomObject
from pwshlike.dotnet.psmembers import ComputedMember, PSNoteProperty
from pwshlike.dotnet.script_objects import script_class_of, ScriptObject

PS_MEMBER_TYPES = EnumInfo("System.Management.Automation.PSMemberTypes", (
    ("AliasProperty", 1), ("CodeProperty", 2), ("Property", 4), ("NoteProperty", 8),
    ("ScriptProperty", 16), ("Properties", 31), ("PropertySet", 32), ("Method", 64),
    ("CodeMethod", 128), ("ScriptMethod", 256), ("Methods", 448), ("ParameterizedProperty", 512),
    ("MemberSet", 1024), ("Event", 2048), ("Dynamic", 4096), ("InferredProperty", 8192), ("All", 16383)),
    flags=True)

PS_MEMBER_VIEW_TYPES = EnumInfo("System.Management.Automation.PSMemberViewTypes", (
    ("Extended", 1), ("Adapted", 2), ("Base", 4), ("All", 7)), flags=True)

_ADDABLE = ("AliasProperty", "NoteProperty", "ScriptProperty", "ScriptMethod")
_NOT_ADDABLE = ("CodeMethod", "CodeProperty", "MemberSet", "PropertySet")

# How pwsh names common types in member definitions (its type accelerators).
_SHORT_NAMES = {
    "System.Int32": "int", "System.Int64": "long", "System.Int16": "short", "System.Byte": "byte",
    "System.SByte": "sbyte", "System.UInt16": "ushort", "System.UInt32": "uint", "System.UInt64": "ulong",
    "System.String": "string", "System.Boolean": "bool", "System.Double": "double", "System.Single": "float",
    "System.Decimal": "decimal", "System.Char": "char", "System.DateTime": "datetime",
    "System.TimeSpan": "timespan", "System.Guid": "guid", "System.Collections.Hashtable": "hashtable",
    "System.Management.Automation.ScriptBlock": "scriptblock", "System.Type": "type",
    "System.RuntimeType": "type", "System.Numerics.BigInteger": "bigint",
    "System.Text.RegularExpressions.Regex": "regex", "System.Management.Automation.SwitchParameter": "switch",
    "System.Security.SecureString": "securestring", "System.Management.Automation.PSCredential": "pscredential",
}


class _MemberTypesConverter:
    """Converts a -MemberType argument (names, comma lists, numbers).  Only
    a PSMemberTypes value needs no conversion, so in positional binding a
    name goes to -NotePropertyName unless it names a member type."""

    __slots__ = ()

    def __call__(self, value: Any) -> Any:
        return convert_to_enum(value, PS_MEMBER_TYPES)

    def is_instance(self, value: Any) -> bool:
        return isinstance(value, EnumValue) and value.enum is PS_MEMBER_TYPES


member_types = _MemberTypesConverter()


def display_type(value: Any, drop_namespaces: bool) -> str:
    """pwsh's name for the type of ``value`` in member definitions."""
    if value is None:
        return "object" if drop_namespaces else "System.Object"
    if isinstance(value, PSCustomObject):
        names = value.type_name_tuple()
        return names[0] if names else PSCustomObject.full_name
    full = type_of(value).full_name
    if full.endswith("[]"):
        element = full[:-2]
        return _SHORT_NAMES.get(element, element.rsplit(".", 1)[-1] if drop_namespaces else element) + "[]"
    short = _SHORT_NAMES.get(full)
    if short is not None:
        return short
    return full.rsplit(".", 1)[-1] if drop_namespaces and "[" not in full else full


def _return_as_is(result: list[Any]) -> Any:
    if not result:
        return None
    return result[0] if len(result) == 1 else result


def _run(script: Any, owner: Any, args: list[Any]) -> Any:
    """Runs a member's script block with ``$this`` = owner, binding
    ``args`` to its parameters and ``$args`` as ``.Invoke()`` does."""
    output: list[Any] = []
    variables, rest = script.bind_positionally(args)
    invocation = script.begin_invocation(script._context(), new_scope=True, variables=variables, args=rest,
                                         emit=output.append, this=owner)
    invocation.run(NO_INPUT)
    return _return_as_is(output)


class ScriptProperty(ComputedMember):
    """``PSScriptProperty``: a getter (and optional setter) script block;
    the setter receives the new value as its first argument."""

    __slots__ = ("getter", "setter")
    full_name = "System.Management.Automation.PSScriptProperty"
    member_type = "ScriptProperty"
    PS_MEMBERS = {"Name": "name", "MemberType": "member_type", "GetterScript": "getter",
                  "SetterScript": "setter", "TypeNameOfValue": "type_name_of_value", "ToString": "__str__"}
    type_name_of_value = "System.Object"

    def __init__(self, name: str, getter: Any, setter: Any) -> None:
        super().__init__(name)
        self.getter = getter
        self.setter = setter

    def get(self, owner: Any) -> Any:
        if self.getter is None:
            raise GetValueException(f'Get accessor for property "{self.name}" is unavailable.',
                                    error_id="GetWithoutGetterFromScriptPropertyValue",
                                    category=ErrorCategory.InvalidOperation)
        return _run(self.getter, owner, [])

    def set(self, owner: Any, value: Any) -> None:
        if self.setter is None:
            raise SetValueException(f'Set accessor for property "{self.name}" is unavailable.',
                                    error_id="SetWithoutSetterFromScriptProperty",
                                    category=ErrorCategory.InvalidOperation)
        _run(self.setter, owner, [value])

    def __str__(self) -> str:
        text = f"System.Object {self.name} {{"
        if self.getter is not None:
            text += f"get={self.getter};"
        if self.setter is not None:
            text += f"set={self.setter};"
        return text + "}"


class AliasProperty(ComputedMember):
    """``PSAliasProperty``: another name for a member, optionally converting
    its value to a type."""

    __slots__ = ("target", "conversion")
    full_name = "System.Management.Automation.PSAliasProperty"
    member_type = "AliasProperty"
    PS_MEMBERS = {"Name": "name", "MemberType": "member_type", "ReferencedMemberName": "target",
                  "ConversionType": "conversion", "ToString": "__str__"}

    def __init__(self, name: str, target: str, conversion: Optional[PSType]) -> None:
        super().__init__(name)
        self.target = target
        self.conversion = conversion

    def get(self, owner: Any) -> Any:
        value = members.get_member(owner, self.target)
        return self.conversion.convert(value) if self.conversion is not None else value

    def set(self, owner: Any, value: Any) -> None:
        members.set_member(owner, self.target, value)

    def __str__(self) -> str:
        conversion = f"({self.conversion.full_name})" if self.conversion is not None else ""
        return f"{self.name} = {conversion}{self.target}"


class ScriptMethod(ComputedMember):
    """``PSScriptMethod``: a script block called as a method, with ``$this``
    the object and the arguments bound to its parameters and ``$args``."""

    __slots__ = ("script",)
    full_name = "System.Management.Automation.PSScriptMethod"
    member_type = "ScriptMethod"
    is_property = False
    PS_MEMBERS = {"Name": "name", "MemberType": "member_type", "Script": "script", "ToString": "__str__"}

    def __init__(self, name: str, script: Any) -> None:
        super().__init__(name)
        self.script = script

    def invoke(self, owner: Any, args: list[Any]) -> Any:
        return _run(self.script, owner, args)

    def set(self, owner: Any, value: Any) -> None:
        raise RuntimeException(
            f"The property '{self.name}' cannot be found on this object. Verify that the property exists and "
            f"can be set.", error_id="PropertyNotFound", category=ErrorCategory.InvalidOperation)

    def __str__(self) -> str:
        return f"System.Object {self.name}();"


class MemberSet(ComputedMember):
    """``PSMemberSet``: a named group of note properties, read as
    ``$obj.SetName.Member``; the member's value is the set itself."""

    __slots__ = ("notes",)
    full_name = "System.Management.Automation.PSMemberSet"
    member_type = "MemberSet"
    is_property = False  # listed among the object's members, not its properties
    PS_MEMBERS = {"Name": "name", "MemberType": "member_type", "Members": "notes", "Properties": "notes",
                  "TypeNameOfValue": "type_name_of_value", "Value": "value", "ToString": "__str__"}
    type_name_of_value = "System.Management.Automation.PSMemberSet"

    def __init__(self, name: str, notes: list[PSNoteProperty]) -> None:
        super().__init__(name)
        self.notes = notes

    @property
    def value(self) -> "MemberSet":
        return self

    def ps_adapted_get(self, name: str) -> tuple[bool, Any]:
        """``$set.Member``: a member of the set by name."""
        lowered = name.lower()
        for note in self.notes:
            if note.Name.lower() == lowered:
                return True, note.Value
        return False, None

    def __str__(self) -> str:
        return f"{self.name} {{{', '.join(note.Name for note in self.notes)}}}"


# --- Add-Member ------------------------------------------------------------------------------------

def _add_member_error(error_id: str, message: str, target: Any) -> ErrorRecord:
    return ErrorRecord(InvalidOperationException(message), error_id, ErrorCategory.InvalidOperation, target)


def _names_member_type(value: Any) -> bool:
    """Whether ``value`` (a name or a number) converts to one member type
    Add-Member can add, which makes it bind to -MemberType."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)  # "16" converts to the enum as 16 does
    if isinstance(value, int) and not isinstance(value, bool):
        return value in (int(PS_MEMBER_TYPES[name]) for name in _ADDABLE + _NOT_ADDABLE)
    found = PS_MEMBER_TYPES.lookup(value) if isinstance(value, str) else None
    return found is not None and str(found) in _ADDABLE + _NOT_ADDABLE


def _validate_note_property_name(value: Any) -> None:
    """pwsh's ValidateNotePropertyNameAttribute."""
    if _names_member_type(value):
        raise ValidationError(
            "The parameter NotePropertyName cannot take values that could be converted to the type "
            "System.Management.Automation.PSMemberTypes. To define the name of a member with those values, "
            "use Add-Member, and specify the member type.")


class _NotePropertyNameConverter:
    """pwsh's NotePropertyTransformationAttribute (numbers become strings).
    A name that is also an addable member type does not bind positionally
    here, so that `Add-Member NoteProperty Name Value` binds -MemberType, as
    the validation attribute makes pwsh's binder do."""

    __slots__ = ()

    def __call__(self, value: Any) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return dotnet_to_string(value)
        return to_string(value)

    def is_instance(self, value: Any) -> bool:
        return isinstance(value, (str, int, float)) and not _names_member_type(value)


# TypeNameSet (the default) first: with pipeline input pending, the command layer takes
# the first remaining set once the input object binds.
_SETS = ("TypeNameSet", "MemberSet", "NotePropertySingleMemberSet", "NotePropertyMultiMemberSet")


@cmdlet("Add-Member", default_parameter_set="TypeNameSet", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097109")
class AddMemberCommand(Cmdlet):
    """Adds a note property, script property, alias property, script
    method or member set to an object, or a type name to its PSTypeNames.

    `$obj | Add-Member -NotePropertyName X -NotePropertyValue 1` and
    `Add-Member -InputObject $obj -MemberType ScriptMethod -Name M -Value { ... }`."""

    help_examples = [
        ('Example 1: Add a note property',
         "$server = [pscustomobject]@{ Name = 'web01' }\n$server | Add-Member -NotePropertyName Role -NotePropertyValue 'frontend'\n$server",
         'The object now shows Name and Role.'),
        ('Example 2: Add a computed property',
         '$file = Get-Item ./report.csv\n$file | Add-Member -MemberType ScriptProperty -Name SizeKB -Value { [math]::Round($this.Length / 1KB, 1) }\n$file.SizeKB',
         'A script property is evaluated each time it is read; $this is the object it belongs to.'),
        ('Example 3: Several note properties and the object back',
         '$o = New-Object psobject | Add-Member -NotePropertyMembers @{ A = 1; B = 2 } -PassThru',
         '-NotePropertyMembers adds one note property per key; -PassThru returns the object so it can be '
         'stored.'),
    ]

    input_object = Parameter("PSObject", sets={s: {"mandatory": True, "value_from_pipeline": True} for s in _SETS},
                             help="The object to add the member to.")
    member_type = Parameter("PSMemberTypes", aliases=("Type",), converter=member_types,
                            sets={"MemberSet": {"mandatory": True, "position": 0}},
                            help="NoteProperty, ScriptProperty, AliasProperty, ScriptMethod or MemberSet.")
    name = Parameter("String", sets={"MemberSet": {"mandatory": True, "position": 1}},
                     help="The new member's name.")
    value = Parameter("Object", sets={"MemberSet": {"position": 2}},
                      help="The value, getter script, referenced member, method script or a member set's "
                           "note properties.")
    second_value = Parameter("Object", sets={"MemberSet": {"position": 3}},
                             help="A script property's setter, or an alias property's type.")
    type_name = Parameter("String", sets={"TypeNameSet": {"mandatory": True}, "MemberSet": {},
                                          "NotePropertySingleMemberSet": {}, "NotePropertyMultiMemberSet": {}},
                          validators=[validate_not_null_or_empty()], help="A type name to add to PSTypeNames.")
    force = Parameter("SwitchParameter", sets={s: {} for s in _SETS if s != "TypeNameSet"},
                      help="Replaces a member of the same name.")
    pass_thru = Parameter("SwitchParameter", help="Outputs the object.")
    note_property_name = Parameter("String", sets={"NotePropertySingleMemberSet": {"mandatory": True, "position": 0}},
                                   validators=[validate_not_null_or_empty(), _validate_note_property_name],
                                   converter=_NotePropertyNameConverter(), help="The new note property's name.")
    note_property_value = Parameter("Object", sets={"NotePropertySingleMemberSet": {"mandatory": True, "position": 1}},
                                    allow_null=True, help="The new note property's value.")
    note_property_members = Parameter("IDictionary", full_type_name="System.Collections.IDictionary",
                                      sets={"NotePropertyMultiMemberSet": {"mandatory": True, "position": 0}},
                                      validators=[validate_not_null_or_empty()],
                                      help="Names and values of note properties to add.")

    def process_record(self) -> Iterator[Any]:
        obj = self.input_object
        if type(obj) is str:
            obj = MemberCarryingString(obj)
        elif type(obj) is _dt.datetime:
            obj = MemberCarryingDateTime.of(obj)
        if self.type_name is not None and not self.type_name.strip():
            self.throw_terminating_error(_add_member_error(
                "TypeNameShouldNotBeEmpty",
                "The TypeName parameter should not be null, empty, or contain only white spaces.", self.type_name))
        set_name = self.parameter_set_name
        if set_name == "TypeNameSet":
            self._add_type_name(obj)
            if self.pass_thru:
                yield obj
            return
        if set_name == "NotePropertyMultiMemberSet":
            added = False
            for key, value in self.note_property_members.items():
                name = to_string(key)
                if not name:
                    self.write_error(_add_member_error(
                        "NotePropertyNameShouldNotBeNull",
                        "The name for a NoteProperty member should not be null or an empty string.", name))
                    continue
                added = self._add(obj, name, value) or added
            if added:
                if self.type_name is not None:
                    self._add_type_name(obj)
                if self.pass_thru:
                    yield obj
            return
        if set_name == "NotePropertySingleMemberSet":
            name, member = self.note_property_name, self.note_property_value
        else:
            name, member = self.name, self._new_member()
        if not self._add(obj, name, member):
            return
        if self.type_name is not None:
            self._add_type_name(obj)
        if self.pass_thru:
            yield obj

    # --- building the member ----------------------------------------------------------------

    def _new_member(self) -> Any:
        """The member -MemberType asks for, checking -Value and -SecondValue
        in the order pwsh's GetXxx methods do (so the same error wins)."""
        kind = self.member_type
        if bin(int(kind)).count("1") != 1:
            self._fail("WrongMemberCount", "To add a member, only one member type can be specified. The member "
                       f'types specified are: "{kind}"')
        kind_name = str(kind)
        has_value = "Value" in self.bound_parameters
        has_second = "SecondValue" in self.bound_parameters
        value, second = self.value, self.second_value
        if kind_name == "AliasProperty":
            self._value_not_null(kind_name, value if has_value else None)
            conversion = None
            if has_second:
                if second is None:
                    self._fail("Value2ShouldNotBeNull",
                               f'The SecondValue parameter should not be null for a member of type "{kind_name}". '
                               "Specify a non-null value for the SecondValue parameter when adding members of "
                               "this type.")
                conversion = self._type(second)
            return AliasProperty(self.name, to_string(value), conversion)
        if kind_name == "NoteProperty":
            self._no_second_value(kind_name, has_second)
            return value
        if kind_name in ("CodeProperty", "ScriptProperty"):
            if value is None and (second is None or not has_second):
                self._fail("Value1AndValue2AreNotBothNull",
                           f'Both Value and SecondValue parameters should not be null for a member of type '
                           f'"{kind_name}". Specify a non-null value for one of the two parameters.')
            if kind_name == "CodeProperty":
                self._no_method_info(value if has_value and value is not None else second)
            return ScriptProperty(self.name, self._script(value) if value is not None else None,
                                  self._script(second) if second is not None else None)
        if kind_name in ("ScriptMethod", "MemberSet", "PropertySet"):
            self._no_second_value(kind_name, has_second)
        if kind_name in ("ScriptMethod", "CodeMethod", "PropertySet"):
            self._value_not_null(kind_name, value if has_value else None)
        if kind_name == "CodeMethod":
            self._no_second_value(kind_name, has_second)
            self._no_method_info(value)
        if kind_name == "ScriptMethod":
            return ScriptMethod(self.name, self._script(value))
        if kind_name == "MemberSet":
            return MemberSet(self.name, self._member_set_notes(value if has_value else None))
        self._fail("CannotAddMemberType",
                   f'Cannot add a member with type "{kind_name}". Specify a different type for the '
                   "MemberTypes parameter.")

    def _member_set_notes(self, value: Any) -> list[PSNoteProperty]:
        """A member set's members: none for $null, else note properties (a
        Collection[PSMemberInfo] in pwsh; other member kinds are not kept)."""
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(item, PSNoteProperty) for item in items):
            self._convert_error(value, "System.Collections.ObjectModel.Collection`1"
                                       "[System.Management.Automation.PSMemberInfo]")
        return [PSNoteProperty(item.Name, item.Value) for item in items]

    def _type(self, value: Any) -> PSType:
        """-SecondValue of an alias property: the type its value converts to."""
        if isinstance(value, PSType):
            return value
        try:
            return resolve_type(to_string(value))
        except RuntimeException:
            self._convert_error(value, "System.Type", "InvalidCastFromStringToType")
            raise

    def _no_method_info(self, value: Any) -> None:
        """A code member needs a .NET MethodInfo; pwshlike has no compiled
        methods to point at, so every value fails pwsh's conversion."""
        self._convert_error(value, "System.Reflection.MethodInfo")

    def _convert_error(self, value: Any, type_name: str, error_id: str = "ConvertToFinalInvalidCastException") -> None:
        exc = cast_error(value, type_name, error_id=error_id)
        self.throw_terminating_error(ErrorRecord(exc, error_id, ErrorCategory.InvalidArgument, value))

    def _script(self, value: Any) -> Any:
        try:
            return resolve_type("scriptblock").convert(value)
        except PSInvalidCastException as exc:
            self.throw_terminating_error(ErrorRecord(exc, exc.error_id, ErrorCategory.InvalidArgument, value))

    def _no_second_value(self, kind_name: str, has_second: bool) -> None:
        if has_second:
            self._fail("Value2ShouldNotBeSpecified",
                       f'The SecondValue parameter is not necessary for a member of type "{kind_name}", and '
                       "should not be specified. Do not specify the SecondValue parameter when you add "
                       "members of this type.")

    def _value_not_null(self, kind_name: str, value: Any) -> None:
        if value is None:
            self._fail("Value1ShouldNotBeNull",
                       f'The Value parameter should not be null for a member of type "{kind_name}". Specify a '
                       "non-null value for the Value parameter when adding members of this type.")

    def _fail(self, error_id: str, message: str) -> None:
        self.throw_terminating_error(_add_member_error(error_id, message, None))

    # --- attaching it ------------------------------------------------------------------------

    def _add(self, obj: Any, name: str, member: Any) -> bool:
        """Attaches ``member`` (a ComputedMember, or a note value) as
        ``name``; writes pwsh's error and returns False when a member of
        that name exists and -Force does not allow replacing it."""
        existing = _existing_member_type(obj, name)
        if existing is not None:
            if not self.force:
                self.write_error(_add_member_error(
                    "MemberAlreadyExists",
                    f'Cannot add a member with the name "{name}" because a member with that name already '
                    "exists. To overwrite the member anyway, add the Force parameter to your command.", obj))
                return False
            if existing not in ("NoteProperty", *_ADDABLE):
                self.write_error(_add_member_error(
                    "CannotRemoveTypeDataMember",
                    f'Cannot force the member with name "{name}" and type "{existing}" to be added. A member '
                    "with that name and type already exists, and the existing member is not an instance "
                    "extension.", obj))
                return False
        if isinstance(obj, PSCustomObject):
            obj.remove_member(name)
            if isinstance(member, ComputedMember):
                obj.add_member(member)
            else:
                obj.set_property(name, member)
            return True
        try:
            data = members.instance_members(obj, create=True)
        except TypeError:
            self.write_error(_add_member_error(
                "CannotAddInstanceMember",
                f'Cannot add a member to a value of type "{type_of(obj).full_name}": values of this type '
                "cannot carry instance members.", obj))
            return False
        assert data is not None
        lowered = name.lower()
        data.names.pop(lowered, None)
        data.values.pop(lowered, None)
        if not isinstance(member, ComputedMember) or member.is_property:
            data.names[lowered] = name
        data.values[lowered] = member
        return True

    def _add_type_name(self, obj: Any) -> None:
        name = self.type_name
        try:
            name = resolve_type(name).full_name
        except RuntimeException:
            pass
        if isinstance(obj, PSCustomObject):
            obj.insert_type_name(name)
            return
        try:
            data = members.instance_members(obj, create=True)
        except TypeError:
            self.write_error(_add_member_error(
                "CannotAddInstanceMember",
                f'Cannot add a type name to a value of type "{type_of(obj).full_name}": values of this type '
                "cannot carry instance members.", obj))
            return
        assert data is not None
        data.type_names.insert(0, name)


def _existing_member_type(obj: Any, name: str) -> Optional[str]:
    """The member type of an existing member of ``obj`` called ``name``."""
    for definition in _members(obj, static=False):
        if definition.Name.lower() == name.lower():
            return str(definition.MemberType)
    return None


# --- Get-Member ------------------------------------------------------------------------------------

class MemberDefinition:
    """``Microsoft.PowerShell.Commands.MemberDefinition``: what Get-Member
    writes; its string form is the definition."""

    __slots__ = ("TypeName", "Name", "MemberType", "Definition")
    full_name = "Microsoft.PowerShell.Commands.MemberDefinition"
    PS_MEMBERS = {"TypeName": "TypeName", "Name": "Name", "MemberType": "MemberType", "Definition": "Definition"}

    def __init__(self, type_name: str, name: str, member_type: str, definition: str) -> None:
        self.TypeName = type_name
        self.Name = name
        self.MemberType = PS_MEMBER_TYPES[member_type]
        self.Definition = definition

    def __str__(self) -> str:
        return self.Definition


_OBJECT_METHODS = (("Equals", "bool Equals(System.Object obj)"), ("GetHashCode", "int GetHashCode()"),
                   ("GetType", "type GetType()"), ("ToString", "string ToString()"))


def _method_definition(name: str, func: Any, skip: int) -> str:
    """The overloads a Python method accepts, by argument count: pwshlike's
    methods have no .NET signatures, so only parameter names are shown."""
    code = getattr(func, "__code__", None)
    if code is None:
        return f"{name}(...)"
    names = list(code.co_varnames[skip:code.co_argcount])
    required = len(names) - len(getattr(func, "__defaults__", None) or ())
    overloads = [f"{name}({', '.join(names[:count])})" for count in range(required, len(names) + 1)]
    if code.co_flags & 0x04:
        overloads[-1] = f"{name}({', '.join(names + ['params object[] args'])})"
    return ", ".join(overloads)


def _note_definition(name: str, value: Any) -> str:
    shown = "null" if value is None else dotnet_to_string(value)
    return f"{display_type(value, True)} {name}={shown}"


def _members(obj: Any, static: bool, force: bool = False) -> list[MemberDefinition]:
    """Every member of ``obj`` (or, with ``static``, of its type) as pwsh's
    Get-Member lists them, before filtering and sorting; ``force`` adds a
    script class's hidden members."""
    if static:
        pstype = obj if isinstance(obj, PSType) else type_of(obj)
        script_class = script_class_of(pstype)
        if script_class is not None:
            return [MemberDefinition(pstype.full_name, name, kind, definition)
                    for name, kind, definition in script_class.member_definitions(True, force)]
        result = []
        for member_name, is_method in pstype.static_member_names():
            if is_method:
                definition = signatures.static_definition(pstype.full_name, member_name) or f"static {member_name}()"
                result.append(MemberDefinition(pstype.full_name, member_name, "Method", definition))
            else:
                value = pstype.get_static(member_name)
                result.append(MemberDefinition(pstype.full_name, member_name, "Property",
                                               f"static {display_type(value, False)} {member_name} {{get;}}"))
        return result
    type_names = members._type_names(obj)
    type_name = type_names[0] if type_names else "<null>"
    result = []
    if isinstance(obj, PSCustomObject):
        for name, value in obj.items():
            member = obj.member(name)
            if member is None:
                result.append(MemberDefinition(type_name, name, "NoteProperty", _note_definition(name, value)))
            else:
                result.append(MemberDefinition(type_name, name, member.member_type, str(member)))
        for member in (obj._members or {}).values():
            if not member.is_property:
                result.append(MemberDefinition(type_name, member.name, member.member_type, str(member)))
    else:
        data = members.instance_members(obj)
        if data is not None:
            for lowered, value in data.values.items():
                if isinstance(value, ComputedMember):
                    result.append(MemberDefinition(type_name, value.name, value.member_type, str(value)))
                else:
                    name = data.names[lowered]
                    result.append(MemberDefinition(type_name, name, "NoteProperty", _note_definition(name, value)))
        if isinstance(obj, ScriptObject):
            result.extend(MemberDefinition(type_name, name, kind, definition)
                          for name, kind, definition in obj.ps_class.member_definitions(False, force))
        adapted = members._members_of(obj)
        xml_properties = getattr(obj, "ps_adapted_properties", None)
        if xml_properties is not None:
            # An adapter's own properties stand in for the .NET ones (pwsh's XML adapter).
            for name, value in xml_properties():
                settable = isinstance(value, str) and hasattr(obj, "ps_adapted_set")
                access = "{get;set;}" if settable else "{get;}"
                result.append(MemberDefinition(type_name, name, "Property",
                                               f"{display_type(value, False)} {name} {access}"))
        for net_name, getter in adapted.props.values() if xml_properties is None else ():
            if net_name.lower() in adapted.hidden and not force:
                continue  # pwsh's IsHidden members: only Get-Member -Force lists them
            declared = signatures.property_type(type_names, net_name)
            if declared is None:
                try:
                    declared = display_type(getter(obj), False)
                except Exception:
                    declared = display_type(None, False)
            access = "{get;set;}" if net_name.lower() in adapted.setters else "{get;}"
            result.append(MemberDefinition(type_name, net_name, "Property", f"{declared} {net_name} {access}"))
        for net_name, func in adapted.methods.values():
            definition = signatures.method_definition(type_names, net_name) or _method_definition(net_name, func, 1)
            result.append(MemberDefinition(type_name, net_name, "Method", definition))
    known = {d.Name.lower() for d in result}
    for method_name, definition in _OBJECT_METHODS:
        if method_name.lower() not in known:
            result.append(MemberDefinition(type_name, method_name, "Method", definition))
    return result


@cmdlet("Get-Member", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096704")
class GetMemberCommand(Cmdlet):
    """Lists the properties and methods of objects, once per type name.

    -MemberType filters by kind (Property, NoteProperty, Method, Properties,
    Methods...), -Name by name (wildcards allowed)."""

    help_examples = [
        ('Example 1: What a file object offers',
         'Get-Item ./report.csv | Get-Member',
         'Lists the properties and methods of the FileInfo object, with their types and signatures.'),
        ('Example 2: Only properties',
         'Get-Date | Get-Member -MemberType Property',
         'Shows the properties of a DateTime, such as Day, DayOfWeek and Ticks.'),
        ('Example 3: Static members',
         '[math] | Get-Member -Static -Name Round',
         'Shows the overloads of the static Round method.'),
    ]

    input_object = Parameter("PSObject", value_from_pipeline=True, help="The objects to inspect.")
    name = Parameter("String[]", position=0, validators=[validate_not_null_or_empty()], default=["*"],
                     help="Member names, wildcards allowed.", supports_wildcards=True)
    member_type = Parameter("PSMemberTypes", aliases=("Type",), converter=member_types,
                            help="The kinds of member to list.")
    view = Parameter("PSMemberViewTypes", converter=lambda v: convert_to_enum(v, PS_MEMBER_VIEW_TYPES),
                     default=PS_MEMBER_VIEW_TYPES.value(3),
                     help="Which members to list: Adapted (the type's own and its adapter's), Extended (added "
                          "by type data or Add-Member), Base (the .NET object's own) or All; Adapted and "
                          "Extended by default.")
    static = Parameter("SwitchParameter", help="Lists the type's static members.")
    force = Parameter("SwitchParameter", help="Also lists hidden members.")

    def begin_processing(self) -> None:
        self._seen: set[str] = set()

    def process_record(self) -> Iterator[MemberDefinition]:
        obj = self.input_object
        if obj is None:
            return
        found = _members(obj, bool(self.static), bool(self.force))
        type_name = found[0].TypeName if found else type_of(obj).full_name
        if type_name in self._seen:
            return
        self._seen.add(type_name)
        wanted = int(self.member_type) if self.member_type is not None else 16383
        for pattern in self.name or ["*"]:
            chosen = [d for d in found if int(d.MemberType) & wanted and wildcard_match(d.Name, pattern)
                      and self._in_view(str(d.MemberType))]
            chosen.sort(key=lambda d: (str(d.MemberType).lower(), d.Name.lower()))
            yield from chosen

    def _in_view(self, member_type: str) -> bool:
        """Adapted (and Base) members are the object's own properties and
        methods; the rest were added by type data or Add-Member (Extended)."""
        view = int(self.view) if self.view is not None else 3
        own = member_type in ("Property", "Method", "ParameterizedProperty", "Event")
        return bool(view & (6 if own else 1))

    def end_processing(self) -> None:
        if not self._seen:
            exc = InvalidOperationException("You must specify an object for the Get-Member cmdlet.")
            self.write_error(ErrorRecord(exc, "NoObjectInGetMember", ErrorCategory.CloseError, None))

