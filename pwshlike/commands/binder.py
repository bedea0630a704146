"""PowerShell's parameter binding algorithm.

This follows CmdletParameterBinderController: arguments are re-parsed into
named and positional ones, named arguments bind first and narrow the
candidate parameter sets, positional arguments bind by position within the
sets still possible, remaining arguments go to a ValueFromRemainingArguments
parameter (or ``$args`` for simple functions), then the parameter set is
resolved and mandatory parameters are checked.  Pipeline input is bound per
object afterwards by :meth:`Binding.bind_pipeline_object`.

Every failure raises :class:`ParameterBindingException` with pwsh's error
id, message text and ``<Id>,<command>`` FullyQualifiedErrorId.
"""

from __future__ import annotations

from pwshlike.dotnet.errors import (ErrorCategory, ParameterBindingException, PSInvalidCastException, RuntimeException,
                                    SetValueException)
from pwshlike.runtime.pipeline import CommandArgument, ParameterToken
from pwshlike.runtime.scriptblock import ScriptBlock

from .metadata import ALL_PARAMETER_SETS, CommandMetadata, ParameterMetadata, ValidationError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional

_MESSAGES = {
    "AmbiguousParameterSet": "Parameter set cannot be resolved using the specified named parameters. "
                             "One or more parameters issued cannot be used together or an insufficient "
                             "number of parameters were provided.",
    "NamedParameterNotFound": "A parameter cannot be found that matches parameter name '{0}'.",
    "AmbiguousParameter": "Parameter cannot be processed because the parameter name '{0}' is ambiguous. "
                          "Possible matches include:{1}.",
    "MissingArgument": "Missing an argument for parameter '{0}'. Specify a parameter of type '{1}' "
                       "and try again.",
    "MissingMandatoryParameter": "Cannot process command because of one or more missing mandatory "
                                 "parameters:{0}.",
    "ParameterAlreadyBound": "Cannot bind parameter because parameter '{0}' is specified more than once. "
                             "To provide multiple values to parameters that can accept multiple values, "
                             "use the array syntax. For example, \"-parameter value1,value2,value3\".",
    "PositionalParameterNotFound": "A positional parameter cannot be found that accepts argument '{0}'.",
    "ParameterArgumentValidationError": "Cannot validate argument on parameter '{0}'. {1}",
    "ParameterArgumentTransformationError": "Cannot process argument transformation on parameter '{0}'. {1}",
    "CannotConvertArgumentNoMessage": "Cannot bind parameter '{0}'. {1}",
    "ParameterBindingFailed": "Cannot bind parameter '{0}' to the target. {1}",
    "ParameterArgumentValidationErrorNullNotAllowed": "Cannot bind argument to parameter '{0}' because "
                                                      "it is null.",
    "ParameterArgumentValidationErrorEmptyStringNotAllowed": "Cannot bind argument to parameter '{0}' "
                                                             "because it is an empty string.",
    "ParameterArgumentValidationErrorEmptyArrayNotAllowed": "Cannot bind argument to parameter '{0}' "
                                                            "because it is an empty array.",
    "ParameterNotInParameterSet": "Parameter '{0}' cannot be specified in parameter set '{1}'.",
    "AmbiguousPositionalParameterNoName": "Cannot bind positional parameters because no names were given.",
    "InputObjectNotBound": "The input object cannot be bound to any parameters for the command either "
                           "because the command does not take pipeline input or the input and its "
                           "properties do not match any of the parameters that take pipeline input.",
    "InputObjectMissingMandatory": "The input object cannot be bound because it did not contain the "
                                   "information required to bind all mandatory parameters:{0}",
    "ScriptBlockArgumentNoInput": "Cannot evaluate parameter '{0}' because its argument is specified as a script "
                                  "block and there is no input. A script block cannot be evaluated without input.",
    "ScriptBlockArgumentInvocationFailed": "The input to the script block for parameter '{0}' failed. {1}",
    "ScriptBlockArgumentNoOutput": "Cannot evaluate parameter '{0}' because its argument input did not produce "
                                   "any output.",
}

# Parameter types a script block argument binds to as itself (pwsh's
# IsParameterScriptBlockBindable); any other pipeline parameter delay-binds it.
_TAKES_SCRIPT_BLOCKS = frozenset(("object", "system.object", "psobject", "system.management.automation.psobject",
                                  "scriptblock", "system.management.automation.scriptblock"))


class ParameterBindingValidationException(ParameterBindingException):
    full_name = "System.Management.Automation.ParameterBindingValidationException"


class ParameterBindingArgumentTransformationException(ParameterBindingException):
    full_name = "System.Management.Automation.ParameterBindingArgumentTransformationException"


def binding_error(command_name: str, error_id: str, *args: Any,
                  exception_type: type = ParameterBindingException,
                  category: Any = ErrorCategory.InvalidArgument,
                  inner: Optional[BaseException] = None, extra: str = "") -> ParameterBindingException:
    """A ParameterBindingException whose record carries ``<Id>,<command>``."""
    message = _MESSAGES[error_id].format(*args) + extra
    exc = exception_type(message, inner, error_id=error_id, category=category)
    exc.error_record.set_command_origin(command_name)
    return exc


_PRESENT = object()  # value of a switch given without an argument


def _positioned(exc: ParameterBindingException, extent: Any) -> ParameterBindingException:
    """Marks a binding error with where the offending argument was written
    (pwsh's errorPosition: the parameter name for an unknown or repeated
    parameter, the value for a conversion or validation failure), so the
    error view underlines that argument rather than the command.  Callers
    catch and re-raise around each binding step: a plain try costs nothing
    on the path every call takes, unlike a context manager."""
    if exc.error_extent is None:
        exc.error_extent = extent
    return exc


class Binding:
    """The outcome of binding one invocation's command-line arguments.

    ``bound`` maps canonical parameter names to values in binding order;
    ``unbound_arguments`` holds what a simple function receives in
    ``$args``; ``parameter_set`` is the resolved set (None while pipeline
    input may still decide it).
    """

    __slots__ = ("metadata", "command_name", "bound", "unbound_arguments", "valid_sets",
                 "parameter_set", "_pipeline_bound", "_command_line_bound", "is_script", "_candidates",
                 "expecting_input", "delayed")

    def __init__(self, metadata: CommandMetadata, command_name: str, is_script: bool) -> None:
        self.metadata = metadata
        self.command_name = command_name
        self.bound: dict[str, Any] = {}
        self.unbound_arguments: list[Any] = []
        self.valid_sets: list[str] = list(metadata.parameter_sets)
        self.parameter_set: Optional[str] = None
        self._pipeline_bound: list[str] = []
        self._command_line_bound: dict[str, Any] = {}
        self.is_script = is_script
        # (valid sets, their pipeline candidates): computed once per set list, not per input object.
        self._candidates: Optional[tuple[list[str], list[tuple[ParameterMetadata, bool, bool]]]] = None
        self.expecting_input = False
        # Delay-bind script blocks: parameter name -> the block run for each input object.
        self.delayed: dict[str, Any] = {}

    # --- helpers ------------------------------------------------------------

    def _narrow(self, param: ParameterMetadata) -> None:
        if param.in_all_sets:
            return
        narrowed = [s for s in self.valid_sets if s in param.sets]
        if not narrowed:
            raise binding_error(self.command_name, "AmbiguousParameterSet",
                                extra=self._explain_sets(conflict=param))
        self.valid_sets = narrowed

    def _explain_sets(self, conflict: Optional[ParameterMetadata] = None) -> str:
        """Beyond pwsh: which sets were candidates and what each lacks."""
        md = self.metadata
        if len(md.parameter_sets) < 2:
            return ""
        lines = []
        for set_name in md.parameter_sets:
            problems = []
            not_in = [p.name for p in self._bound_params() if not p.in_all_sets and set_name not in p.sets]
            if conflict is not None and not conflict.in_all_sets and set_name not in conflict.sets:
                not_in.append(conflict.name)
            if not_in:
                problems.append("cannot be used with " + ", ".join("-" + n for n in not_in))
            missing = [p.name for p in md.parameters.values()
                       if p.name not in self.bound and p is not conflict
                       and (spec := p.sets.get(set_name)) is not None
                       and spec.mandatory]
            if missing:
                problems.append("missing mandatory " + ", ".join("-" + n for n in missing))
            lines.append(f"  {set_name}: " + ("; ".join(problems) if problems else "possible"))
        return "\nCandidate parameter sets:\n" + "\n".join(lines)

    def _bound_params(self) -> list[ParameterMetadata]:
        md = self.metadata
        return [md.parameters[n.lower()] for n in self.bound]

    def convert(self, param: ParameterMetadata, value: Any, coerce: bool = True) -> Any:
        """Type conversion then validation, raising pwsh's binding errors."""
        if param.is_switch:
            return _to_switch(value)
        if value is None or value == "" or (isinstance(value, list) and not value):
            self._check_null_empty(param, value)
        if param.converter is not None and (value is not None or _converts_null(param.converter)):
            if type(value) is str and not self.is_script and param.type_name.lower() in _CULTURE_PARSED:
                value = _parse_in_culture(value, _CULTURE_PARSED[param.type_name.lower()])
            try:
                value = param.converter(value)
            except ParameterBindingException:
                raise
            except SetValueException as exc:  # converted, but the command refuses the value
                raise binding_error(self.command_name, "ParameterBindingFailed", param.name, exc.message,
                                    category=ErrorCategory.WriteError, inner=exc) from None
            except Exception as exc:  # the engine's cast errors carry the message
                reason = getattr(exc, "message", None) or str(exc)
                if self.is_script:
                    raise binding_error(self.command_name, "ParameterArgumentTransformationError",
                                        param.name, reason,
                                        exception_type=ParameterBindingArgumentTransformationException,
                                        inner=exc) from None
                raise binding_error(self.command_name, "CannotConvertArgumentNoMessage",
                                    param.name, reason, inner=exc) from None
        for validate in param.validators:
            try:
                validate(value)
            except ValidationError as exc:
                raise binding_error(self.command_name, "ParameterArgumentValidationError",
                                    param.name, exc.message,
                                    exception_type=ParameterBindingValidationException) from None
        return value

    def _check_null_empty(self, param: ParameterMetadata, value: Any) -> None:
        if not self._is_mandatory(param):
            return
        if value is None and not param.allow_null:
            raise binding_error(self.command_name, "ParameterArgumentValidationErrorNullNotAllowed",
                                param.name, exception_type=ParameterBindingValidationException)
        if value == "" and not (param.allow_empty_string or param.allow_null) \
                and param.type_name.lower() in ("string", "string[]"):
            raise binding_error(self.command_name, "ParameterArgumentValidationErrorEmptyStringNotAllowed",
                                param.name, exception_type=ParameterBindingValidationException)
        # pwsh checks for an empty collection only when the parameter's type is
        # a collection: an [object] parameter takes @() as it is.
        if isinstance(value, list) and not value and not param.allow_empty_collection \
                and param.type_name.lower() not in ("object", "psobject"):
            raise binding_error(self.command_name, "ParameterArgumentValidationErrorEmptyArrayNotAllowed",
                                param.name, exception_type=ParameterBindingValidationException)

    def _is_mandatory(self, param: ParameterMetadata) -> bool:
        for s in self.valid_sets:
            spec = param.spec_for(s)
            if spec is not None and spec.mandatory:
                return True
        return False

    def bind_value(self, param: ParameterMetadata, value: Any) -> None:
        if param.name in self.bound:
            raise binding_error(self.command_name, "ParameterAlreadyBound", param.name)
        self._narrow(param)
        if isinstance(value, ScriptBlock) and self._delay_binds(param):
            if not self.expecting_input:
                raise binding_error(self.command_name, "ScriptBlockArgumentNoInput", param.name,
                                    category=ErrorCategory.MetadataError)
            self.delayed[param.name] = value
            self.bound[param.name] = value
            return
        self.bound[param.name] = self.convert(param, value)

    def _delay_binds(self, param: ParameterMetadata) -> bool:
        """pwsh's delay-bind script block: ``-NewName { $_.Name + '.bak' }``
        on a parameter that takes pipeline input in a set still possible and
        is not of a type a script block binds to as itself."""
        element = param.type_name.lower().removesuffix("[]")
        if element in _TAKES_SCRIPT_BLOCKS:
            return False
        return any((spec := param.spec_for(s)) is not None
                   and (spec.value_from_pipeline or spec.value_from_pipeline_by_property_name)
                   for s in self.valid_sets)

    def _bind_delayed(self, evaluate: Callable[[Any], list[Any]]) -> None:
        """Runs each delay-bind block for the current input object and binds
        its output (one object, or the list), coercing as pwsh does."""
        for name, block in self.delayed.items():
            param = self.metadata.parameters[name.lower()]
            try:
                output = evaluate(block)
            except RuntimeException as exc:
                raise binding_error(self.command_name, "ScriptBlockArgumentInvocationFailed", param.name,
                                    exc.message, inner=exc) from None
            if not output:
                raise binding_error(self.command_name, "ScriptBlockArgumentNoOutput", param.name)
            self.bound[name] = self.convert(param, output[0] if len(output) == 1 else output)
            self._pipeline_bound.append(name)

    # --- pipeline -----------------------------------------------------------------

    def takes_pipeline_input(self) -> bool:
        return bool(self._pipeline_candidates())

    def bind_pipeline_object(self, input_object: Any, get_property: Callable[[Any, str], Any],
                             evaluate: Optional[Callable[[Any], list[Any]]] = None) -> bool:
        """Binds one pipeline object (the delay-bind script blocks' output
        first, run by ``evaluate``; then ByValue, then ByPropertyName, each
        first without then with coercion).  Returns False when nothing took it."""
        for name in self._pipeline_bound:
            if name in self._command_line_bound:
                self.bound[name] = self._command_line_bound[name]
            else:
                self.bound.pop(name, None)
        self._pipeline_bound = []
        if not self._command_line_bound and self.bound:
            self._command_line_bound = dict(self.bound)
        bound_any = False
        if self.delayed and evaluate is not None:
            self._bind_delayed(evaluate)
            bound_any = True
        candidates = self._pipeline_candidates()
        # pwsh's four states, each over the parameters still unbound:
        # ByValue then ByPropertyName, first without then with coercion.
        for coerce in (False, True):
            for by_property in (False, True):
                for param, by_value, by_name in candidates:
                    if param.name in self.bound or not (by_name if by_property else by_value):
                        continue
                    value = _property_value(input_object, param, get_property) if by_property else input_object
                    if value is not _MISSING and self._try_pipeline_bind(param, value, coerce):
                        bound_any = True
        return bound_any

    def _pipeline_candidates(self) -> list[tuple[ParameterMetadata, bool, bool]]:
        cached = self._candidates
        if cached is not None and cached[0] == self.valid_sets:
            return cached[1]
        found = self._find_pipeline_candidates()
        self._candidates = (list(self.valid_sets), found)
        return found

    def _find_pipeline_candidates(self) -> list[tuple[ParameterMetadata, bool, bool]]:
        sets = self.valid_sets
        if self.metadata.default_parameter_set in sets:
            sets = [self.metadata.default_parameter_set] + [s for s in sets
                                                             if s != self.metadata.default_parameter_set]
        found: list[tuple[ParameterMetadata, bool, bool]] = []
        seen: set[str] = set()
        for s in sets:
            for p in self.metadata.parameters.values():
                spec = p.spec_for(s)
                if spec is None or p.name in seen:
                    continue
                if spec.value_from_pipeline or spec.value_from_pipeline_by_property_name:
                    found.append((p, spec.value_from_pipeline, spec.value_from_pipeline_by_property_name))
                    seen.add(p.name)
        return found

    def _try_pipeline_bind(self, param: ParameterMetadata, value: Any, coerce: bool) -> bool:
        if not coerce and param.converter is not None and not _already_typed(param, value):
            return False
        if not param.in_all_sets and not any(s in param.sets for s in self.valid_sets):
            return False  # outside the sets still possible: not a candidate
        saved = list(self.valid_sets)
        try:
            self._narrow(param)
            self.bound[param.name] = self.convert(param, value)
        except ParameterBindingValidationException:
            self.valid_sets = saved
            raise  # the value fits the parameter but fails its validation: pwsh reports it
        except ParameterBindingArgumentTransformationException as exc:
            self.valid_sets = saved
            if not isinstance(exc.inner_exception, PSInvalidCastException):
                raise  # a transformation attribute failed, not a cast: pwsh reports it
            return False
        except ParameterBindingException:
            self.valid_sets = saved
            return False  # it does not convert: another parameter or a later state may take it
        self._pipeline_bound.append(param.name)
        return True


_MISSING = object()


# A cmdlet's string argument for these parameter types is read in the current culture: pwsh's
# ParameterBinderBase converts with CultureInfo.CurrentCulture (script parameters are converted before, invariantly).
_CULTURE_PARSED = {"double": "System.Double", "single": "System.Single", "decimal": "System.Decimal",
                   "datetime": "System.DateTime"}


def _parse_in_culture(text: str, type_name: str) -> Any:
    """``[double]::Parse(text, culture)`` and the like under the current
    culture; the text itself when that fails (the converter then reports it)
    or when the culture reads numbers and dates as the invariant one does."""
    from pwshlike.dotnet.cultures import current
    from pwshlike.dotnet.errors import DotNetException
    from pwshlike.dotnet.types import resolve_type
    culture = current()
    if culture.Name in ("", "en-US"):
        return text
    try:
        return resolve_type(type_name).invoke_static("Parse", [text, culture])
    except DotNetException:
        return text


def _converts_null(converter: Any) -> bool:
    """Whether $null goes through the converter: for a value type it
    becomes the type's default (``-Depth $null`` binds 0) or fails as pwsh's
    conversion fails, as LanguagePrimitives.ConvertTo does; a reference type
    takes $null as it is."""
    if getattr(converter, "refuses_null", False):
        return True
    pstype = getattr(converter, "pstype", None)
    return bool(getattr(pstype, "is_value_type", False))


def _property_value(obj: Any, param: ParameterMetadata,
                    get_property: Callable[[Any, str], Any]) -> Any:
    for name in (param.name,) + param.aliases:
        value = get_property(obj, name)
        if value is not _MISSING:
            return value
    return _MISSING


def _already_typed(param: ParameterMetadata, value: Any) -> bool:
    """Whether ``value`` binds without coercion: it has the parameter's
    type, or is one element of an array parameter's element type (pwsh
    wraps a scalar into the array in its no-coercion passes)."""
    checker = getattr(param.converter, "is_instance", None)
    if checker is None or checker(value):
        return True
    element = getattr(getattr(param.converter, "pstype", None), "element_type", None)
    if element is None:
        return False
    if isinstance(value, list):  # an object[] whose every item has the element type (Wait-Job $a, $b)
        return bool(value) and all(element.is_instance(item) for item in value)
    return bool(element.is_instance(value))


def _to_switch(value: Any) -> Any:
    from pwshlike.dotnet.values import SwitchParameter
    if value is _PRESENT:
        return SwitchParameter(True)
    if isinstance(value, SwitchParameter):
        return value
    from pwshlike.dotnet.conversions import to_bool
    return SwitchParameter(to_bool(value))


def resolve_parameter(metadata: CommandMetadata, name: str, command_name: str) -> Optional[ParameterMetadata]:
    """Exact name or alias, else a unique prefix; a lone non-common match
    beats common ones (``-V`` is ``-Version``, not ``-Verbose``)."""
    param = metadata.lookup_exact(name)
    if param is not None:
        return param
    matches = metadata.lookup_prefix(name)
    if not matches:
        return None
    if len(matches) == 1:
        return matches[0]
    non_common = [p for p in matches if not p.is_common]
    if len(non_common) == 1:
        return non_common[0]
    raise binding_error(command_name, "AmbiguousParameter", name,
                        "".join(" -" + p.name for p in matches))


def bind_arguments(metadata: CommandMetadata, arguments: list[CommandArgument], command_name: str, *,
                   is_script: bool, simple_function: bool = False,
                   expecting_input: bool = False,
                   default_values: Optional[dict[str, Any]] = None) -> Binding:
    """Binds command-line arguments; see the module docstring.

    ``default_values`` are the ``$PSDefaultParameterValues`` entries that
    apply to this command (parameter name or alias -> value); they fill
    parameters still unbound after named and positional binding."""
    binding = Binding(metadata, command_name, is_script)
    binding.expecting_input = expecting_input
    if any(a.splatted for a in arguments):
        arguments = [a for a in arguments if not a.splatted] + [a for a in arguments if a.splatted]
    explicit_names: set[str] = set()
    named: list[tuple[Optional[ParameterMetadata], Any, CommandArgument, Any]] = []
    positional: list[Any] = []
    i = 0
    n = len(arguments)
    while i < n:
        arg = arguments[i]
        i += 1
        if arg.end_of_parameters:
            continue
        if arg.name is None:
            positional.append(_Positional(arg.value, arg.literal, arg.extent))
            continue
        try:
            param = resolve_parameter(metadata, arg.name, command_name)
        except ParameterBindingException as exc:
            raise _positioned(exc, arg.extent)
        if param is None:
            # An unknown -name is an argument like any other for a simple function, or where a
            # parameter takes the remaining arguments (pwsh binds its unbound arguments there).
            if simple_function or _remaining_arguments_parameter(binding) is not None:
                text = arg.text or ("-" + arg.name + (":" if arg.colon else ""))
                positional.append(ParameterToken(text))
                if arg.colon:
                    positional.append(_Positional(arg.value, None, arg.extent))
                continue
            # Reported when binding reaches it, as pwsh binds named arguments in order:
            # the ones before it are bound (the error's BoundParameters show them).
            unknown = binding_error(command_name, "NamedParameterNotFound", arg.name,
                                    category=ErrorCategory.InvalidArgument)
            unknown.error_extent = arg.extent
            named.append((None, unknown, arg, None))
            continue
        if arg.splatted and param.name in explicit_names:
            continue  # an explicit argument beats a splatted one
        if not arg.splatted:
            explicit_names.add(param.name)
        value_extent = _value_extent(arg)
        if arg.has_value:
            value = _for_parameter(param, arg.value, arg.literal)
        elif param.is_switch:
            value = _PRESENT
        else:
            if i >= n or _is_parameter_token(arguments[i], metadata):
                raise _positioned(binding_error(command_name, "MissingArgument", param.name,
                                                _full_type_name(param)), arg.extent)
            following = arguments[i]
            value = _for_parameter(param, following.value, following.literal) if following.name is None \
                else (following.text or "-" + following.name)
            value_extent = following.extent
            i += 1
        named.append((param, value, arg, value_extent))

    for param, value, arg, value_extent in named:
        if param is None:
            value.bound_parameters = dict(binding.bound)
            raise value
        extent = arg.extent if param.name in binding.bound else value_extent
        try:
            binding.bind_value(param, value)
        except ParameterBindingException as exc:
            raise _positioned(exc, extent)

    if positional:
        _bind_positional(binding, positional, simple_function)

    if default_values:
        _bind_defaults(binding, default_values)
    resolve_parameter_set(binding, expecting_input)
    return binding


def _bind_defaults(binding: Binding, default_values: dict[str, Any]) -> None:
    """Binds $PSDefaultParameterValues entries to unbound parameters of the
    sets still possible; a script block value is run to get the value
    unless the parameter itself takes a script block."""
    for name, value in default_values.items():
        param = binding.metadata.lookup_exact(name)
        if param is None or param.name in binding.bound:
            continue
        if not param.in_all_sets and not any(s in param.sets for s in binding.valid_sets):
            continue
        if hasattr(value, "invoke_return_as_is") and "scriptblock" not in param.type_name.lower():
            value = value.invoke_return_as_is()
        binding.bind_value(param, value)


def _is_parameter_token(arg: CommandArgument, metadata: CommandMetadata) -> bool:
    """Whether the next argument is itself a parameter (so the previous one
    lacks its value).  An unknown ``-x`` is taken as the value literally."""
    if arg.name is None or arg.end_of_parameters:
        return False
    try:
        return resolve_parameter(metadata, arg.name, "") is not None
    except ParameterBindingException:
        return True


def _check_positions(binding: Binding) -> None:
    """Two unbound parameters of one set at the same position: pwsh cannot
    bind positionally at all (AmbiguousPositionalParameterNoName)."""
    seen: dict[tuple[str, int], str] = {}
    for p in binding.metadata.positional:
        if p.name in binding.bound:
            continue
        for s in binding.valid_sets:
            spec = p.spec_for(s)
            if spec is None or spec.position is None:
                continue
            other = seen.setdefault((s, spec.position), p.name)
            if other != p.name:
                raise binding_error(binding.command_name, "AmbiguousPositionalParameterNoName")


def _bind_positional(binding: Binding, values: list[Any], simple_function: bool) -> None:
    _check_positions(binding)
    remaining: list[Any] = []
    positional_rest: Optional[ParameterMetadata] = None
    first_value: Any = None
    queue = list(values)
    while queue:
        value = queue[0]
        if isinstance(value, ParameterToken):
            remaining.append(value)
            queue.pop(0)
            continue
        entry = value
        value = entry.value
        param = _next_positional(binding, value)
        if param is None:
            break
        queue.pop(0)
        try:
            binding.bind_value(param, _for_parameter(param, value, entry.literal))
        except ParameterBindingException as exc:
            raise _positioned(exc, entry.extent)
        if _is_remaining(binding, param):
            positional_rest, first_value = param, value
    unbound = queue[0] if queue else None
    remaining.extend(v.value if type(v) is _Positional else v for v in queue)
    if not remaining:
        return
    rest = positional_rest or _remaining_arguments_parameter(binding)
    if rest is not None:
        if rest is positional_rest:
            # Bound by position already: pwsh gathers that argument and the
            # rest into one collection (Write-Output 1 2 3).
            del binding.bound[rest.name]
            remaining.insert(0, first_value)
        binding.bind_value(rest, remaining)
        return
    if simple_function:
        binding.unbound_arguments = remaining
        return
    from pwshlike.dotnet.conversions import to_string
    raise _positioned(binding_error(binding.command_name, "PositionalParameterNotFound", to_string(remaining[0])),
                      unbound.extent if type(unbound) is _Positional else None)


def _value_extent(arg: CommandArgument) -> Any:
    """Where a named argument's value was written: after the colon of
    ``-Name:value`` (pwsh underlines just the value), else the argument's
    own extent."""
    extent = arg.extent
    if not arg.colon or extent is None or not hasattr(extent, "source"):
        return extent
    text = extent.text
    colon = text.find(":")
    if colon < 0:
        return extent
    start = colon + 1
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text):
        return extent
    return type(extent)(extent.source, extent.start_offset + start, extent.end_offset)


def _full_type_name(param: ParameterMetadata) -> str:
    """The parameter's .NET type as pwsh's MissingArgument message names it
    (``System.String``), or its name as declared when it is no known type."""
    from pwshlike.dotnet.types import resolve_type
    try:
        return resolve_type(param.type_name).full_name
    except Exception:  # a type the session cannot resolve: name it as declared
        return param.type_name


class _Positional:
    """A positional argument until binding picks its parameter: the value,
    the text a numeric literal was written as (see CommandArgument.literal)
    and where it was written (for the error position)."""

    __slots__ = ("value", "literal", "extent")

    def __init__(self, value: Any, literal: Optional[str], extent: Any) -> None:
        self.value = value
        self.literal = literal
        self.extent = extent


def _for_parameter(param: ParameterMetadata, value: Any, literal: Optional[str]) -> Any:
    """What a parameter binds for an argument: a ``[string]`` or
    ``[string[]]`` parameter takes a numeric literal's text as written (pwsh
    converts the token text, so ``f 0x10`` gives '0x10'), any other
    parameter the number."""
    if literal is not None and param.type_name.lower() in _STRING_TYPES:
        return literal
    return value


_STRING_TYPES = frozenset(("string", "system.string", "string[]", "system.string[]"))


def _next_positional(binding: Binding, value: Any) -> Optional[ParameterMetadata]:
    """The unbound parameter with the lowest position in the valid sets; the
    default set, then a parameter that takes the value without coercion,
    wins a tie between sets (pwsh's four positional passes)."""
    md = binding.metadata
    best_pos: Optional[int] = None
    candidates: list[tuple[ParameterMetadata, str]] = []
    for p in md.positional:
        if p.name in binding.bound or p.is_switch:
            continue
        for s in binding.valid_sets:
            spec = p.spec_for(s)
            if spec is None or spec.position is None:
                continue
            if best_pos is None or spec.position < best_pos:
                best_pos = spec.position
                candidates = [(p, s)]
            elif spec.position == best_pos:
                candidates.append((p, s))
    if not candidates:
        return None
    params = []
    for p, _s in candidates:
        if p not in params:
            params.append(p)
    if len(params) == 1:
        return params[0]
    default = md.default_parameter_set
    ordered = sorted(candidates, key=lambda ps: ps[1] != default)
    for p, _s in ordered:
        if _already_typed(p, value):
            return p
    for p, _s in ordered:  # pwsh's coercion pass: the first whose type the value converts to
        if _converts(p, value):
            return p
    return ordered[0][0]


def _converts(param: ParameterMetadata, value: Any) -> bool:
    """Whether ``value`` converts to the parameter's type (Get-Job $job:
    not to -Id's Int32[], so to -Name's String[])."""
    converter = param.converter
    if converter is None or value is None:
        return True
    try:
        converter(value)
    except Exception:
        return False
    return True


def _is_remaining(binding: Binding, param: ParameterMetadata) -> bool:
    return param in binding.metadata.remaining and any((spec := param.spec_for(s)) is not None and spec.value_from_remaining_arguments
               for s in binding.valid_sets)


def _remaining_arguments_parameter(binding: Binding) -> Optional[ParameterMetadata]:
    for p in binding.metadata.remaining:
        if p.name in binding.bound:
            continue
        for s in binding.valid_sets:
            spec = p.spec_for(s)
            if spec is not None and spec.value_from_remaining_arguments:
                return p
    return None


def resolve_parameter_set(binding: Binding, expecting_input: bool) -> None:
    """pwsh's ValidateParameterSets: pick the one set the bound parameters
    (and, failing that, the default set or the mandatory ones) allow."""
    md = binding.metadata
    valid = binding.valid_sets
    if len(valid) == 1:
        binding.parameter_set = valid[0]
        return
    default = md.default_parameter_set
    if default in valid and not expecting_input:
        binding.parameter_set = default
        return
    if default in valid and expecting_input:
        binding.parameter_set = None  # pipeline input may still decide
        return
    complete = [s for s in valid if not _missing_mandatory(binding, s)]
    if len(complete) == 1:
        binding.parameter_set = complete[0]
        binding.valid_sets = complete
        return
    if expecting_input and binding.takes_pipeline_input():
        binding.parameter_set = None
        return
    if default in valid:
        binding.parameter_set = default
        return
    raise binding_error(binding.command_name, "AmbiguousParameterSet", extra=binding._explain_sets())


def _missing_mandatory(binding: Binding, set_name: str) -> list[ParameterMetadata]:
    bound = binding.bound
    return [p for p in binding.metadata.mandatory_in(set_name) if p.name not in bound]


def missing_mandatory(binding: Binding, pipeline_pending: bool) -> list[ParameterMetadata]:
    """Mandatory parameters still unbound in the chosen set; those that
    will take pipeline input are not missing while input is pending."""
    if not binding.metadata.has_mandatory:
        return []
    if pipeline_pending and binding.parameter_set is None and len(binding.valid_sets) > 1:
        return _missing_before_input(binding)
    set_name = binding.parameter_set or (binding.valid_sets[0] if binding.valid_sets else ALL_PARAMETER_SETS)
    return _not_from_pipeline(binding, set_name) if pipeline_pending else _missing_mandatory(binding, set_name)


def _not_from_pipeline(binding: Binding, set_name: str) -> list[ParameterMetadata]:
    """The unbound mandatory parameters of ``set_name`` no input object can fill."""
    result = []
    for p in _missing_mandatory(binding, set_name):
        spec = p.spec_for(set_name)
        if spec is None or not (spec.value_from_pipeline or spec.value_from_pipeline_by_property_name):
            result.append(p)
    return result


def _missing_before_input(binding: Binding) -> list[ParameterMetadata]:
    """pwsh's GetMissingMandatoryParameters with input coming and the set
    still open: while some valid set lacks only what the pipeline can give,
    the input decides; when every set lacks a parameter only the command
    line can give, pwsh latches onto the default set and asks for its
    missing parameters (``'' | Tee-Object`` asks for -FilePath)."""
    lacking = {s: _not_from_pipeline(binding, s) for s in binding.valid_sets}
    default = binding.metadata.default_parameter_set
    if all(lacking.values()) and default in lacking:
        binding.parameter_set = default
        binding.valid_sets = [default]
        return lacking[default]
    # A parameter mandatory in every set that no input can fill is missing whichever set the
    # input picks: pwsh adds the all-set's non-pipeline mandatory parameters in every case
    # ('' | Select-String -InputObject '' lacks -Pattern).
    common: dict[str, ParameterMetadata] = {}
    for missing in lacking.values():
        for p in missing:
            if p.in_all_sets:
                common.setdefault(p.name, p)
    return list(common.values())


def missing_mandatory_error(binding: Binding, missing: list[ParameterMetadata]) -> ParameterBindingException:
    return binding_error(binding.command_name, "MissingMandatoryParameter",
                         "".join(" " + p.name for p in missing))
