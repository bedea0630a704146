"""The declarative model every command is described by.

Python cmdlets, advanced script functions and simple functions all end up
as a :class:`CommandMetadata`; the binder, help and completion read nothing
else.  This mirrors PowerShell's CommandMetadata / ParameterMetadata /
ParameterSetMetadata split: a parameter has one type and one set of aliases,
and per parameter set its own Mandatory/Position/pipeline flags.
"""

from __future__ import annotations

from .typeconv import converter_for

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Optional, Sequence

ALL_PARAMETER_SETS = "__AllParameterSets"


class ParameterSetSpec:
    """How a parameter behaves in one parameter set ([Parameter()] arguments)."""

    __slots__ = ("mandatory", "position", "value_from_pipeline",
                 "value_from_pipeline_by_property_name", "value_from_remaining_arguments",
                 "help_message")

    def __init__(self, mandatory: bool = False, position: Optional[int] = None,
                 value_from_pipeline: bool = False,
                 value_from_pipeline_by_property_name: bool = False,
                 value_from_remaining_arguments: bool = False,
                 help_message: Optional[str] = None) -> None:
        self.mandatory = mandatory
        self.position = position
        self.value_from_pipeline = value_from_pipeline
        self.value_from_pipeline_by_property_name = value_from_pipeline_by_property_name
        self.value_from_remaining_arguments = value_from_remaining_arguments
        self.help_message = help_message


class ParameterMetadata:
    """One parameter: its type, aliases, validation and per-set behaviour.

    ``type_name`` is the type as PowerShell names it (``String``,
    ``String[]``, ``SwitchParameter``, ``Object``); ``converter`` turns a
    bound argument into that type (raising the engine's cast exception).
    ``validators`` are callables ``(value) -> None`` that raise
    ``ValidationError`` with the text pwsh puts after "Cannot validate
    argument on parameter 'X'.".  ``accepted_values`` (what help and
    completion offer) default to a ValidateSet validator's values.
    ``default_value`` is the value an unbound parameter has and
    ``default_text`` the text help shows for it when that is not the
    value's own text (a script function's default expression).
    """

    __slots__ = ("name", "type_name", "aliases", "sets", "is_switch", "is_array",
                 "converter", "validators", "allow_null", "allow_empty_string",
                 "allow_empty_collection", "dont_show", "help", "is_common",
                 "accepted_values", "default_text", "default_value", "supports_wildcards")

    def __init__(self, name: str, type_name: str = "Object", *,
                 aliases: Sequence[str] = (),
                 sets: Optional[dict[str, ParameterSetSpec]] = None,
                 converter: Optional[Callable[[Any], Any]] = None,
                 validators: Sequence[Callable[[Any], None]] = (),
                 allow_null: bool = False, allow_empty_string: bool = False,
                 allow_empty_collection: bool = False, dont_show: bool = False,
                 help: str = "", is_common: bool = False,
                 accepted_values: Sequence[str] = (), default_text: str = "", default_value: Any = None,
                 supports_wildcards: bool = False) -> None:
        self.name = name
        self.type_name = type_name
        self.aliases = tuple(aliases)
        self.sets = sets if sets is not None else {ALL_PARAMETER_SETS: ParameterSetSpec()}
        self.is_switch = type_name.lower() in ("switchparameter", "switch")
        self.is_array = type_name.endswith("[]")
        self.converter = converter if converter is not None else converter_for(type_name)
        self.validators = tuple(validators)
        self.allow_null = allow_null
        self.allow_empty_string = allow_empty_string
        self.allow_empty_collection = allow_empty_collection
        self.dont_show = dont_show
        self.help = help
        self.is_common = is_common
        if not accepted_values:
            accepted_values = next((v.accepted_values for v in self.validators  # type: ignore[attr-defined]
                                    if getattr(v, "accepted_values", None)), ())
        self.accepted_values = tuple(accepted_values)
        self.default_text = default_text
        self.default_value = default_value
        self.supports_wildcards = supports_wildcards

    @property
    def in_all_sets(self) -> bool:
        return ALL_PARAMETER_SETS in self.sets

    def spec_for(self, set_name: str) -> Optional[ParameterSetSpec]:
        spec = self.sets.get(set_name)
        return spec if spec is not None else self.sets.get(ALL_PARAMETER_SETS)

    def enum_names(self) -> tuple[str, ...]:
        """The member names of the parameter's enum type (of its elements
        for an array) in declaration order; empty when the type is not an
        enum or cannot be resolved.  Resolves the type: for describing a
        command (help, completion), not for start-up."""
        converter = self.converter
        if converter is None or not hasattr(converter, "pstype"):
            return ()
        try:
            pstype = converter.pstype
        except Exception:  # a display-only type name has no members to offer
            return ()
        if self.is_array and getattr(pstype, "element_type", None) is not None:
            pstype = pstype.element_type
        enum = getattr(pstype, "enum", None)
        return tuple(enum.members) if enum is not None else ()

    def __repr__(self) -> str:
        return f"ParameterMetadata({self.name!r}, {self.type_name!r})"


class ValidationError(Exception):
    """Raised by a validator; ``message`` is pwsh's validation text."""

    def __init__(self, message: str, error_id: str = "ParameterArgumentValidationError") -> None:
        super().__init__(message)
        self.message = message
        self.error_id = error_id


class CommandMetadata:
    """A command's parameters, parameter sets and behaviour flags.

    ``parameter_sets`` lists the named sets in declaration order (the
    implicit ``__AllParameterSets`` when none is named).  Lookup tables used
    on every call (lower-cased names and aliases) are computed once here.
    """

    def __init__(self, name: str, parameters: Iterable[ParameterMetadata], *,
                 default_parameter_set: Optional[str] = None,
                 supports_should_process: bool = False, confirm_impact: str = "Medium",
                 positional_binding: bool = True, is_advanced: bool = True,
                 output_types: Sequence[str] = ()) -> None:
        self.name = name
        self.parameters: dict[str, ParameterMetadata] = {}
        for p in parameters:
            self.parameters[p.name.lower()] = p
        self.default_parameter_set = default_parameter_set
        self.supports_should_process = supports_should_process
        self.confirm_impact = confirm_impact
        self.positional_binding = positional_binding
        self.is_advanced = is_advanced
        self.output_types = tuple(output_types)
        sets: list[str] = []
        for p in self.parameters.values():
            for s in p.sets:
                if s != ALL_PARAMETER_SETS and s not in sets:
                    sets.append(s)
        if default_parameter_set and default_parameter_set not in sets:
            sets.append(default_parameter_set)
        self.parameter_sets: list[str] = sets or [ALL_PARAMETER_SETS]
        self._mandatory: dict[str, tuple[ParameterMetadata, ...]] = {}
        self.has_mandatory = any(spec.mandatory for p in self.parameters.values() for spec in p.sets.values())
        # The parameters positional binding looks at, in declaration order: those with a position
        # in some set, and those taking the remaining arguments (most of a cmdlet's have neither).
        self.positional = tuple(p for p in self.parameters.values()
                                if any(spec.position is not None for spec in p.sets.values()))
        self.remaining = tuple(p for p in self.parameters.values()
                               if any(spec.value_from_remaining_arguments for spec in p.sets.values()))
        self._exact: dict[str, ParameterMetadata] = {}
        for p in self.parameters.values():
            self._exact[p.name.lower()] = p
        for p in self.parameters.values():
            for a in p.aliases:
                self._exact.setdefault(a.lower(), p)

    def mandatory_in(self, set_name: str) -> tuple[ParameterMetadata, ...]:
        """The parameters mandatory in a set (cached: checked on every call)."""
        found = self._mandatory.get(set_name)
        if found is None:
            found = tuple(p for p in self.parameters.values()
                          if (spec := p.spec_for(set_name)) is not None and spec.mandatory)
            self._mandatory[set_name] = found
        return found

    def lookup_exact(self, name: str) -> Optional[ParameterMetadata]:
        """A parameter by exact (case-insensitive) name or alias."""
        return self._exact.get(name.lower())

    def lookup_prefix(self, name: str) -> list[ParameterMetadata]:
        """Parameters whose name or an alias starts with ``name``, each once."""
        low = name.lower()
        found: list[ParameterMetadata] = []
        for key, p in self._exact.items():
            if key.startswith(low) and p not in found:
                found.append(p)
        return found

    def set_index(self, set_name: str) -> int:
        return self.parameter_sets.index(set_name)
