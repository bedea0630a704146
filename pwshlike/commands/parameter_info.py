"""pwsh's reflection objects over a command's metadata: what
``(Get-Command X).Parameters``, ``.ParameterSets`` and ``.OutputType`` return.

They are built on request from the :class:`CommandMetadata` the binder
uses, so they always agree with binding and with ``Get-Command -Syntax``.
"""

from __future__ import annotations

from typing import Any, Optional

from pwshlike.dotnet.values import Hashtable

from .metadata import ALL_PARAMETER_SETS, CommandMetadata, ParameterMetadata, ParameterSetSpec
from .syntax import syntax_line

# What pwsh reports as the Position of a parameter that has none.
NO_POSITION = -2147483648


def _type(type_name: str) -> Any:
    """The parameter's type as a type object, or its name when the engine
    does not know the type (a plugin type whose module is not imported)."""
    from pwshlike.dotnet.types import find_type
    found = find_type(type_name)
    return found if found is not None else type_name


class ParameterSetMetadataInfo:
    """``System.Management.Automation.ParameterSetMetadata``: a parameter's
    behaviour in one parameter set."""

    full_name = "System.Management.Automation.ParameterSetMetadata"
    PS_MEMBERS = {"Position": "position", "IsMandatory": "is_mandatory", "ValueFromPipeline": "value_from_pipeline",
                  "ValueFromPipelineByPropertyName": "value_from_pipeline_by_property_name",
                  "ValueFromRemainingArguments": "value_from_remaining_arguments", "HelpMessage": "help_message"}

    def __init__(self, spec: ParameterSetSpec) -> None:
        self.position = NO_POSITION if spec.position is None else spec.position
        self.is_mandatory = spec.mandatory
        self.value_from_pipeline = spec.value_from_pipeline
        self.value_from_pipeline_by_property_name = spec.value_from_pipeline_by_property_name
        self.value_from_remaining_arguments = spec.value_from_remaining_arguments
        self.help_message = spec.help_message


class ParameterMetadataInfo:
    """``System.Management.Automation.ParameterMetadata``: one entry of a
    command's ``Parameters`` dictionary."""

    full_name = "System.Management.Automation.ParameterMetadata"
    PS_MEMBERS = {"Name": "name", "ParameterType": "parameter_type", "ParameterSets": "parameter_sets",
                  "IsDynamic": "is_dynamic", "Aliases": "aliases", "SwitchParameter": "switch_parameter",
                  "ToString": "__str__"}

    def __init__(self, parameter: ParameterMetadata) -> None:
        self._parameter = parameter
        self.name = parameter.name
        self.aliases = list(parameter.aliases)
        self.switch_parameter = parameter.is_switch
        self.is_dynamic = False

    @property
    def parameter_type(self) -> Any:
        return _type(self._parameter.type_name)

    @property
    def parameter_sets(self) -> Hashtable:
        return Hashtable((name, ParameterSetMetadataInfo(spec)) for name, spec in self._parameter.sets.items())

    def __str__(self) -> str:
        return self.name


class CommandParameterInfo:
    """``System.Management.Automation.CommandParameterInfo``: a parameter
    as one parameter set has it."""

    full_name = "System.Management.Automation.CommandParameterInfo"
    PS_MEMBERS = {"Name": "name", "ParameterType": "parameter_type", "IsMandatory": "is_mandatory",
                  "IsDynamic": "is_dynamic", "Position": "position", "ValueFromPipeline": "value_from_pipeline",
                  "ValueFromPipelineByPropertyName": "value_from_pipeline_by_property_name",
                  "ValueFromRemainingArguments": "value_from_remaining_arguments", "HelpMessage": "help_message",
                  "Aliases": "aliases", "ToString": "__str__"}

    def __init__(self, parameter: ParameterMetadata, spec: ParameterSetSpec) -> None:
        self._type_name = parameter.type_name
        self.name = parameter.name
        self.is_mandatory = spec.mandatory
        self.is_dynamic = False
        self.position = NO_POSITION if spec.position is None else spec.position
        self.value_from_pipeline = spec.value_from_pipeline
        self.value_from_pipeline_by_property_name = spec.value_from_pipeline_by_property_name
        self.value_from_remaining_arguments = spec.value_from_remaining_arguments
        self.help_message = spec.help_message
        self.aliases = list(parameter.aliases)

    @property
    def parameter_type(self) -> Any:
        return _type(self._type_name)

    def __str__(self) -> str:
        return self.name


class CommandParameterSetInfo:
    """``System.Management.Automation.CommandParameterSetInfo``: one
    parameter set; ``ToString()`` is its syntax without the command name."""

    full_name = "System.Management.Automation.CommandParameterSetInfo"
    PS_MEMBERS = {"Name": "name", "IsDefault": "is_default", "Parameters": "parameters", "ToString": "__str__"}

    def __init__(self, command: str, metadata: CommandMetadata, name: str, is_default: bool) -> None:
        self._command = command
        self._metadata = metadata
        self.name = name
        self.is_default = is_default

    @property
    def parameters(self) -> list[CommandParameterInfo]:
        found = []
        for parameter in self._metadata.parameters.values():
            spec = parameter.spec_for(self.name)
            if spec is not None:
                found.append(CommandParameterInfo(parameter, spec))
        return found

    def __str__(self) -> str:
        line = syntax_line(self._command, self._metadata, self.name)
        return line[len(self._command):].lstrip(" ")


class PSTypeName:
    """``System.Management.Automation.PSTypeName``: an OutputType entry;
    ``Type`` is null when the engine does not know the type."""

    full_name = "System.Management.Automation.PSTypeName"
    PS_MEMBERS = {"Name": "name", "Type": "type", "ToString": "__str__"}

    def __init__(self, name: str) -> None:
        self.name = name

    @property
    def type(self) -> Optional[Any]:
        from pwshlike.dotnet.types import find_type
        return find_type(self.name)

    def __str__(self) -> str:
        return self.name


def parameters_of(metadata: CommandMetadata) -> Hashtable:
    """``Parameters``: name -> ParameterMetadata, in declaration order (common parameters last)."""
    return Hashtable((p.name, ParameterMetadataInfo(p)) for p in metadata.parameters.values())


def parameter_sets_of(command: str, metadata: CommandMetadata) -> list[CommandParameterSetInfo]:
    """``ParameterSets`` in declaration order, as pwsh lists them (Get-Command
    -Syntax puts the default first; this does not).  A command without named
    sets has the one ``__AllParameterSets``, which pwsh does not mark default."""
    default = metadata.default_parameter_set
    return [CommandParameterSetInfo(command, metadata, name, name != ALL_PARAMETER_SETS and name == default)
            for name in metadata.parameter_sets]


def output_types_of(metadata: CommandMetadata) -> list[PSTypeName]:
    return [PSTypeName(name) for name in metadata.output_types]
