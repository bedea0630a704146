"""What ``Get-Command -ShowCommandInfo`` writes: a command described with
plain note properties (name, module, type, definition, and its parameter
sets with their parameters and types), the shape pwsh's Show-Command
window reads.  pwsh builds the same PSObjects in GetCommandCommand's
ConvertToShowCommandInfo."""

from __future__ import annotations

from typing import Any

from pwshlike.commands.metadata import ParameterMetadata
from pwshlike.commands.parameter_info import CommandParameterInfo
from pwshlike.dotnet import members
from pwshlike.dotnet.types import PSType, find_type
from pwshlike.dotnet.values import ArrayList, PSCustomObject


def show_command_info(info: Any) -> PSCustomObject:
    """One command as Show-Command's note-property object."""
    module = info.module
    return PSCustomObject([
        ("Name", info.name),
        ("ModuleName", info.module_name),
        ("Module", PSCustomObject([("Name", module.name if module is not None else "")])),
        ("CommandType", members.get_member(info, "CommandType")),
        ("Definition", members.get_member(info, "Definition")),
        ("ParameterSets", [_parameter_set(parameter_set, info) for parameter_set in info.parameter_sets]),
    ])


def _parameter_set(parameter_set: Any, info: Any) -> PSCustomObject:
    metadata = info.described_by()
    return PSCustomObject([
        ("Name", parameter_set.name),
        ("IsDefault", parameter_set.is_default),
        ("Parameters", [_parameter(p, metadata.parameters.get(p.name.lower()) if metadata is not None else None)
                        for p in parameter_set.parameters]),
    ])


def _parameter(parameter: CommandParameterInfo, metadata: ParameterMetadata | None) -> PSCustomObject:
    """A parameter; HasParameterSet and ValidParamSetValues come from its
    ValidateSet, as in pwsh."""
    valid_values: list[str] = []
    if metadata is not None:
        valid_values = list(next((v.accepted_values for v in metadata.validators  # type: ignore[attr-defined]
                                  if getattr(v, "accepted_values", None)), ()))
    return PSCustomObject([
        ("Name", parameter.name),
        ("IsMandatory", parameter.is_mandatory),
        ("ValueFromPipeline", parameter.value_from_pipeline),
        ("Position", parameter.position),
        ("ParameterType", _parameter_type(parameter.parameter_type)),
        ("HasParameterSet", bool(valid_values)),
        ("ValidParamSetValues", valid_values),
    ])


def _parameter_type(pstype: Any) -> PSCustomObject:
    """A parameter's type; an array's element type is described the same
    way.  pwsh asks whether the *Type object* has [Flags] or is a dictionary,
    which it never is, so HasFlagAttribute and ImplementsDictionary are
    always false there too."""
    if not isinstance(pstype, PSType):
        pstype = find_type(str(pstype)) or str(pstype)
    if not isinstance(pstype, PSType):  # a type the engine does not know: only its name
        return _type_object(pstype, False, False, ArrayList(), None)
    enum_values = ArrayList(pstype.get_enum_values()) if pstype.is_enum else ArrayList()
    element = _parameter_type(pstype.element_type) if pstype.is_array else None
    return _type_object(pstype.full_name, pstype.is_enum, pstype.is_array, enum_values, element)


def _type_object(full_name: str, is_enum: bool, is_array: bool, enum_values: ArrayList,
                 element: PSCustomObject | None) -> PSCustomObject:
    return PSCustomObject([
        ("FullName", full_name), ("IsEnum", is_enum), ("IsArray", is_array), ("EnumValues", enum_values),
        ("HasFlagAttribute", False), ("ElementType", element), ("ImplementsDictionary", False),
    ])
