"""CommandMetadata for script functions and script blocks.

Reads a param block's attributes the way PowerShell's
CompiledCommandParameter does: ``[CmdletBinding()]`` or any
``[Parameter()]`` makes the command advanced (common parameters, strict
binding); ``[Parameter(...)]`` gives per-set behaviour; ``[Alias()]``,
``[Validate*()]`` and ``[Allow*()]`` attach to the parameter; a type
constraint gives its type.  Simple functions get automatic positions in
declaration order.
"""

from __future__ import annotations

from pwshlike.dotnet.errors import ParsingMetadataException
from pwshlike.language import ast as A
from pwshlike.runtime.type_names import script_type

from .common import common_parameters, should_process_parameters
from .metadata import ALL_PARAMETER_SETS, CommandMetadata, ParameterMetadata, ParameterSetSpec
from .typeconv import script_parameter_converter, TypeConverter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional
    Evaluate = Callable[[A.Ast], Any]

_PARAMETER_FLAGS = {
    "mandatory": "mandatory", "valuefrompipeline": "value_from_pipeline",
    "valuefrompipelinebypropertyname": "value_from_pipeline_by_property_name",
    "valuefromremainingarguments": "value_from_remaining_arguments",
}


def _attribute_name(attr: A.Ast) -> str:
    name = attr.type_name.name.lower()
    if name.startswith("system.management.automation."):
        name = name[len("system.management.automation."):]
    return name[:-len("attribute")] if name.endswith("attribute") else name


def _named_args(attr: Any, evaluate: Evaluate) -> dict[str, Any]:
    values = {}
    for named in attr.named_arguments or ():
        values[named.argument_name.lower()] = True if named.expression_omitted else evaluate(named.argument)
    return values


def _positional_args(attr: Any, evaluate: Evaluate) -> list[Any]:
    result: list[Any] = []
    for arg in attr.positional_arguments or ():
        value = evaluate(arg)
        if isinstance(value, list):
            result.extend(value)
        else:
            result.append(value)
    return result


def _truthy(value: Any) -> bool:
    from pwshlike.dotnet.conversions import to_bool
    return to_bool(value)


def _type_display(type_name: Any) -> str:
    """pwsh shows parameter types by short name: ``String``, ``Int32[]``."""
    from pwshlike.dotnet.types import resolve_type
    try:
        return resolve_type(type_name).name
    except Exception:  # an unknown type is reported when the argument converts
        return type_name.full_name


def build_script_metadata(name: str, script_block: Any, evaluate: Evaluate) -> CommandMetadata:
    """Metadata for a function or script block from its parameters."""
    param_block = script_block.param_block
    cmdlet_binding: Optional[dict[str, Any]] = None
    for attr in (param_block.attributes if param_block is not None else ()) or ():
        if isinstance(attr, A.AttributeAst) and _attribute_name(attr) == "cmdletbinding":
            cmdlet_binding = _named_args(attr, evaluate)
    is_advanced = cmdlet_binding is not None
    params: list[ParameterMetadata] = []
    any_explicit_position = False
    for pa in script_block.parameters or ():
        meta, advanced, explicit_position = _parameter(pa, evaluate)
        is_advanced = is_advanced or advanced
        any_explicit_position = any_explicit_position or explicit_position
        params.append(meta)
    if is_advanced:
        for meta in params:
            if isinstance(meta.converter, TypeConverter):
                meta.converter = _with_type(script_parameter_converter(meta.converter.type_name, advanced=True),
                                            meta.converter)
    binding = cmdlet_binding or {}
    positional_binding = _truthy(binding.get("positionalbinding", True))
    if positional_binding and not any_explicit_position:
        _assign_automatic_positions(params)
    supports_should_process = _truthy(binding.get("supportsshouldprocess", False))
    if is_advanced:
        params += common_parameters()
        if supports_should_process:
            params += should_process_parameters()
    default_set = binding.get("defaultparametersetname")
    metadata = CommandMetadata(name, params, default_parameter_set=str(default_set) if default_set else None,
                               supports_should_process=supports_should_process,
                               confirm_impact=str(binding.get("confirmimpact", "Medium")),
                               positional_binding=positional_binding, is_advanced=is_advanced)
    if len(metadata.parameter_sets) > MAX_PARAMETER_SETS:
        raise ParsingMetadataException("Cannot get or run the command. The maximum number of parameter sets for "
                                       "this command has been exceeded.", error_id="ParsingTooManyParameterSets")
    return metadata


MAX_PARAMETER_SETS = 32
"""pwsh numbers a command's parameter sets with the bits of a uint."""


def _assign_automatic_positions(params: list[ParameterMetadata]) -> None:
    """Declaration order, switches excluded, in every set the parameter is in."""
    position = 0
    for p in params:
        if p.is_switch:
            continue
        for spec in p.sets.values():
            spec.position = position
        position += 1


def attribute_validator(attr: Any, kind: str, evaluate: Evaluate) -> Optional[Any]:
    """The validator a [Validate*()] attribute stands for (None for an
    attribute pwshlike does not know, which pwsh would also ignore at
    binding time if it were not a validation attribute)."""
    from .validation import (  # loaded by the first [Validate*()] attribute a script declares
        validate_count, validate_length, validate_not_null, validate_not_null_or_empty, validate_pattern,
        validate_range, validate_script, validate_set,
    )
    args = _positional_args(attr, evaluate)
    named = _named_args(attr, evaluate)
    message = named.get("errormessage")
    error_message = None if message is None else str(message)
    if kind == "validateset":
        ignore_case = _truthy(named.get("ignorecase", True))
        return validate_set([str(v) for v in args], ignore_case, error_message)
    if kind == "validatenotnull":
        return validate_not_null()
    if kind == "validatenotnullorempty":
        return validate_not_null_or_empty()
    if kind == "validaterange":
        return validate_range(*args)
    if kind == "validatepattern":
        return validate_pattern(str(args[0]), named.get("options"), error_message)
    if kind == "validatelength":
        return validate_length(*(int(a) for a in args))
    if kind == "validatecount":
        return validate_count(*(int(a) for a in args))
    if kind == "validatescript":
        return validate_script(args[0], error_message)
    return None


def _with_type(converter: Any, resolved: TypeConverter) -> Any:
    """The advanced function's converter keeps the type already resolved where the parameter is written."""
    if isinstance(converter, TypeConverter):
        converter._type = resolved._type
    return converter


def _parameter(pa: Any, evaluate: Evaluate) -> tuple[ParameterMetadata, bool, bool]:
    """One ParameterAst → (metadata, makes the command advanced, has an explicit Position)."""
    name = pa.name.name
    type_name = "Object"
    converter = None
    aliases: list[str] = []
    sets: dict[str, ParameterSetSpec] = {}
    validators: list[Any] = []
    flags = {"allow_null": False, "allow_empty_string": False, "allow_empty_collection": False}
    dont_show = False
    advanced = False
    explicit_position = False
    accepted: tuple[str, ...] = ()
    default_help: Optional[str] = None
    for attr in pa.attributes or ():
        if isinstance(attr, A.TypeConstraintAst):
            type_name = _type_display(attr.type_name)
            converter = script_parameter_converter(attr.type_name.full_name, advanced=False)
            if isinstance(converter, TypeConverter):
                # A type the script's using statements or classes give (not a
                # type of the session by that name) is resolved where it is written.
                converter._type = script_type(attr.type_name)
            if attr.type_name.name.lower() in ("switch", "switchparameter",
                                               "system.management.automation.switchparameter"):
                type_name = "SwitchParameter"
            continue
        kind = _attribute_name(attr)
        if kind == "parameter":
            advanced = True
            named = _named_args(attr, evaluate)
            set_name = str(named.get("parametersetname", ALL_PARAMETER_SETS))
            spec = ParameterSetSpec(help_message=named.get("helpmessage"))
            for key, field in _PARAMETER_FLAGS.items():
                if key in named:
                    setattr(spec, field, _truthy(named[key]))
            if "position" in named:
                spec.position = int(named["position"])
                explicit_position = True
            if set_name != ALL_PARAMETER_SETS:
                explicit_position = True  # pwsh: named sets turn off automatic positions
            dont_show = dont_show or _truthy(named.get("dontshow", False))
            sets[set_name] = spec
        elif kind == "alias":
            aliases.extend(str(a) for a in _positional_args(attr, evaluate))
        elif kind.startswith("validate"):
            validator = attribute_validator(attr, kind, evaluate)
            if validator is not None:
                validators.append(validator)
                accepted = tuple(getattr(validator, "accepted_values", accepted))
        elif kind == "allownull":
            flags["allow_null"] = True
        elif kind == "allowemptystring":
            flags["allow_empty_string"] = True
        elif kind == "allowemptycollection":
            flags["allow_empty_collection"] = True
        elif kind == "supportswildcards":
            flags["supports_wildcards"] = True
        elif kind == "psdefaultvalue":  # what help shows as the default, instead of the expression
            named = _named_args(attr, evaluate)
            shown = named.get("help") or named.get("value")
            if shown is not None:
                from pwshlike.dotnet.conversions import to_string
                default_help = to_string(shown)
    if not sets:
        sets[ALL_PARAMETER_SETS] = ParameterSetSpec()
    default = default_help if default_help is not None else \
        pa.default_value.extent.text if pa.default_value is not None else ""  # help shows the expression
    meta = ParameterMetadata(name, type_name, aliases=aliases, sets=sets, validators=validators,
                             converter=converter, default_text=default,
                             dont_show=dont_show, accepted_values=accepted, **flags)
    return meta, advanced, explicit_position
