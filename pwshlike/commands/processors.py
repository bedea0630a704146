"""Command processors: how a bound command runs inside a pipeline.

:class:`CmdletProcessor` drives a Python :class:`Cmdlet`;
:class:`ScriptCommandProcessor` drives a function, filter, script block or
script file through the engine's ``ScriptBlock.begin_invocation``.  Both
bind command-line arguments when created (so binding errors stop the
pipeline before anything runs, as in pwsh), bind pipeline input per object,
and apply the common parameters.
"""

from __future__ import annotations

from abc import ABCMeta, abstractmethod

from pwshlike.dotnet.errors import ErrorRecord, InvocationInfo, ParameterBindingException
from pwshlike.runtime.pipeline import NO_INPUT, CommandArgument, CommandProcessor
from pwshlike.runtime.scopes import PSVariable
from pwshlike.dotnet.values import Hashtable, iter_collection

from .binder import (_MISSING, Binding, bind_arguments, binding_error, missing_mandatory,
                     missing_mandatory_error, resolve_parameter_set)
from .common import COMMON_NAMES, preference_overrides
from .metadata import CommandMetadata
from .plugin_failure import mark_left_command, plugin_failure

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Optional


_NOTHING: Any = object()


def _get_property(obj: Any, name: str) -> Any:
    """ByPropertyName lookup: a property or hashtable key, else missing."""
    from pwshlike.dotnet.values import PSCustomObject
    if isinstance(obj, PSCustomObject):
        return obj.get_property(name, _MISSING) if hasattr(obj, "get_property") else _MISSING
    if isinstance(obj, dict) or hasattr(obj, "keys") and hasattr(obj, "__getitem__"):
        return _MISSING
    from pwshlike.dotnet.members import get_member
    try:
        value = get_member(obj, name)
    except Exception:
        return _MISSING
    return _MISSING if value is None else value


class _CommandRun(CommandProcessor, metaclass=ABCMeta):
    """What cmdlet and script processors share: binding and mandatory checks."""

    binding: Binding

    def _bind(self, metadata: CommandMetadata, arguments: list[CommandArgument], error_name: str, *,
              is_script: bool) -> None:
        try:
            self._bind_command_line(metadata, arguments, error_name, is_script)
        except ParameterBindingException as exc:
            # The error belongs to this invocation: ConciseView names the command and,
            # as pwsh's InvocationInfo(command, errorPosition), points at the argument.
            bound = getattr(exc, "bound_parameters", None)
            if bound:  # the named arguments bound before the failing one, as pwsh's record shows them
                self.invocation.bound_parameters = Hashtable(bound)
            if exc.error_record.invocation_info is None:
                exc.error_record.invocation_info = _at_argument(self.invocation, exc.error_extent)
            raise

    def _bind_command_line(self, metadata: CommandMetadata, arguments: list[CommandArgument], error_name: str,
                           is_script: bool) -> None:
        defaults = default_values_for(self.context, self.info.name) if metadata.is_advanced else None
        self.binding = bind_arguments(metadata, arguments, error_name, is_script=is_script,
                                      simple_function=not metadata.is_advanced,
                                      expecting_input=self.invocation.expecting_input,
                                      default_values=defaults)
        self.overrides = preference_overrides(self.binding.bound) if metadata.is_advanced else {}
        self._collectors: list[tuple[int, list[Any]]] = []
        self._out_variable: Optional[list[Any]] = None
        self._pipeline_variable: Optional[str] = None
        if metadata.is_advanced:
            self._common_variables()
        self._check_mandatory(pipeline_pending=self.invocation.expecting_input)

    # --- common parameters that capture output ------------------------------------

    def _common_variables(self) -> None:
        """-ErrorVariable/-WarningVariable/-InformationVariable/-OutVariable
        create (or, with a ``+`` prefix, extend) a list variable in the
        caller's scope; -PipelineVariable names a variable set to each object
        this command outputs."""
        bound = self.binding.bound
        for name, stream in _STREAM_VARIABLES.items():
            if name in bound:
                self._collectors.append((stream, self._variable_list(bound[name])))
        if "OutVariable" in bound:
            self._out_variable = self._variable_list(bound["OutVariable"])
        if "PipelineVariable" in bound:
            self._pipeline_variable = str(bound["PipelineVariable"])

    def _variable_list(self, spec: Any) -> list[Any]:
        from pwshlike.dotnet.values import ArrayList
        name = str(spec)
        target = ArrayList()
        if name.startswith("+"):
            name = name[1:]
            existing = self.context.get_variable_value(name)
            items = iter_collection(existing)
            if items is not None:
                target.extend(items)
            elif existing is not None:
                target.append(existing)
        self.context.set_variable_value(name, target)
        return target

    # --- lifecycle: what runs while this command's code runs -------------------------

    def emit(self, obj: Any) -> None:
        """The output path of this command's own code.  The pipeline runner
        rewires ``downstream`` between begin and process, so it is read at
        each call."""
        self.downstream(obj)

    def output(self) -> Any:
        """Where this command's output goes while its input is processed (a
        loop over many objects takes it once): ``downstream`` itself, which
        is rewired only between begin and process, unless -OutVariable,
        -PipelineVariable or stream collectors wrap it (see ``_capturing``)."""
        return self.__dict__.get("emit") or self.downstream

    def begin(self) -> None:
        if self._out_variable is not None or self._pipeline_variable or self._collectors:
            self.emit = self._capturing()  # type: ignore[method-assign]
        self._enter()
        try:
            self._begin()
        except Exception as exc:
            mark_left_command(exc)
            raise
        finally:
            self._leave()

    def process(self, input_object: Any) -> None:
        self._enter()
        try:
            self._process(input_object)
        except Exception as exc:
            mark_left_command(exc)
            raise
        finally:
            self._leave()

    def end(self) -> None:
        self._enter()
        try:
            self._end()
        except Exception as exc:
            mark_left_command(exc)
            raise
        finally:
            self._leave()

    @abstractmethod
    def _begin(self) -> None:
        """Starts the command's own code."""

    @abstractmethod
    def _process(self, input_object: Any) -> None:
        """Runs the command's code for one input object."""

    @abstractmethod
    def _end(self) -> None:
        """Finishes the command's own code."""

    def _enter(self) -> None:
        view = self.collector_view
        if view is not None:
            self._outer_collectors = self.context.collectors
            self.context.collectors = view
        if self._collectors:
            collectors = self.context.collectors
            for stream, target in self._collectors:
                collectors.setdefault(stream, []).append(target)

    def _leave(self) -> None:
        if self._collectors:
            collectors = self.context.collectors
            for stream, target in self._collectors:
                collectors[stream].remove(target)
        if self.collector_view is not None:
            self.context.collectors = self._outer_collectors

    def _capturing(self) -> Any:
        """Wraps the output path: -OutVariable keeps each object,
        -PipelineVariable exposes it, and this command's stream collectors
        are suspended while the next command handles it."""
        out_variable, pipeline_variable = self._out_variable, self._pipeline_variable
        context = self.context

        def emit(obj: Any) -> None:
            if out_variable is not None:
                out_variable.append(obj)
            if pipeline_variable:
                context.set_variable_value(pipeline_variable, obj)
            self._leave()
            try:
                self.downstream(obj)
            finally:
                self._enter()

        return emit

    def _check_mandatory(self, pipeline_pending: bool) -> None:
        missing = missing_mandatory(self.binding, pipeline_pending)
        if not missing:
            return
        from .prompting import can_prompt, prompt_for_missing
        if not can_prompt(self.context.host):
            raise missing_mandatory_error(self.binding, missing)
        binding = self.binding
        set_name = binding.parameter_set or binding.valid_sets[0]
        answers = prompt_for_missing(self.context.host, self.info.name,
                                     self.invocation.pipeline_position or 1, missing, set_name)
        if answers is None:  # the input ended: nothing bound, as when the host cannot prompt
            raise missing_mandatory_error(binding, missing)
        for param in missing:
            binding.bind_value(param, answers[param.name])

    def _bind_input(self, input_object: Any) -> bool:
        """Binds one pipeline object; writes InputObjectNotBound and returns
        False when no parameter takes it."""
        binding = self.binding
        if not binding.metadata.is_advanced:
            return True
        if not binding.takes_pipeline_input():
            self._input_not_bound(input_object)
            return False
        try:
            bound = binding.bind_pipeline_object(input_object, _get_property,
                                                 lambda block: block.invoke_with_input(input_object))
        except ParameterBindingException as exc:
            self._input_error(exc, input_object)
            return False
        if not bound:
            self._input_not_bound(input_object)
            return False
        if binding.parameter_set is None:
            resolve_parameter_set(binding, expecting_input=False)
        missing = missing_mandatory(binding, pipeline_pending=False)
        if missing:  # pwsh checks, but never prompts, for each input object
            self._input_error(binding_error(binding.command_name, "InputObjectMissingMandatory",
                                            "".join(" " + p.name for p in missing)), input_object)
            return False
        return True

    def _input_not_bound(self, input_object: Any) -> None:
        self._input_error(binding_error(self.binding.command_name, "InputObjectNotBound"), input_object)

    def _input_error(self, exc: ParameterBindingException, input_object: Any) -> None:
        """A pipeline object this command could not take: a non-terminating
        error naming the command, with the object as its target."""
        record = exc.error_record
        record.target_object = input_object
        if record.invocation_info is None:
            record.invocation_info = self.invocation
        self.context.write_error(record, self.overrides.get("ErrorActionPreference"))


def _at_argument(invocation: InvocationInfo, extent: Any) -> InvocationInfo:
    """This invocation, positioned at the argument a binding error is about."""
    if extent is None or invocation.extent is None:
        return invocation
    import copy  # not at start-up: its import looks for Jython's org.python.core on every sys.path entry
    positioned = copy.copy(invocation)
    positioned.extent = extent
    return positioned


def _may_be_refused(as_is: tuple[str, str, bool], input_object: Any) -> bool:
    """Whether an object must take the full binding although binding is
    cached: a mandatory pipeline parameter refuses $null, empty strings and
    empty arrays, so those objects (and any string or list) are checked."""
    return as_is[2] and (input_object is None or isinstance(input_object, (str, list)))


_STREAM_VARIABLES = {"ErrorVariable": 2, "WarningVariable": 3, "InformationVariable": 6}


def default_values_for(context: Any, command_name: str) -> Optional[dict[str, Any]]:
    """The ``$PSDefaultParameterValues`` entries (``'Command:Parameter'`` keys,
    wildcards allowed in the command part) that apply to ``command_name``,
    unless the table's ``Disabled`` key is true."""
    variable = context.session.lookup("psdefaultparametervalues", context.scope)
    table = variable.value if variable is not None else None
    if not table or not hasattr(table, "items"):
        return None
    from pwshlike.dotnet.conversions import to_bool
    from pwshlike.dotnet.wildcard import wildcard_match
    found: dict[str, Any] = {}
    for key, value in table.items():
        command, sep, parameter = str(key).partition(":")
        if not sep:
            if command.lower() == "disabled" and to_bool(value):
                return None
            continue
        if wildcard_match(command_name, command.strip()):
            found.setdefault(parameter.strip(), value)
    return found or None


class CmdletRuntime:
    """The services a Python cmdlet instance calls (``write_object`` and
    friends), applying the invocation's common parameters."""

    def __init__(self, processor: "CmdletProcessor") -> None:
        self.processor = processor
        self.context = processor.context
        self.invocation = processor.invocation
        self.parameter_set_name = ""
        self.bound_parameters: dict[str, Any] = {}

    def write_object(self, obj: Any, enumerate_collection: bool = False) -> None:
        emit = self.processor.emit
        if enumerate_collection:
            items = iter_collection(obj)
            if items is not None:
                for item in items:
                    emit(item)
                return
        emit(obj)

    def write_error(self, record: ErrorRecord, from_write_error: bool = False) -> None:
        if from_write_error:
            caller = getattr(self.context, "running_functions", None)
            if caller:
                record.set_command_origin(caller[-1])
        else:
            record.set_command_origin(self.processor.info.implementing_type)
        if record.invocation_info is None:
            record.invocation_info = self.invocation
        self.context.write_error(record, self.processor.overrides.get("ErrorActionPreference"))

    def write_stream(self, stream: str, message: str) -> None:
        overrides = self.processor.overrides
        if stream == "warning":
            self.context.write_warning(message, overrides.get("WarningPreference"))
        elif stream == "verbose":
            self.context.write_verbose(message, overrides.get("VerbosePreference"))
        else:
            self.context.write_debug(message, overrides.get("DebugPreference"))

    def stream_enabled(self, stream: str) -> bool:
        variable = "VerbosePreference" if stream == "verbose" else "DebugPreference"
        return self.context.shows(variable, self.processor.overrides.get(variable))

    def write_information(self, message_data: Any, tags: Optional[list[str]]) -> None:
        self.context.write_information(message_data, tags, self.processor.overrides.get("InformationPreference"),
                                       source=self.processor.info.name)

    def write_host(self, obj: Any, no_newline: bool, foreground: Any, background: Any,
                   separator: Any) -> None:
        from pwshlike.dotnet.conversions import to_string
        self.context.write_host(obj, no_newline, foreground, background, to_string(separator),
                                self.processor.overrides.get("InformationPreference"))

    def throw_terminating_error(self, record: ErrorRecord) -> None:
        from pwshlike.dotnet.errors import RuntimeException
        record.set_command_origin(self.processor.info.implementing_type)
        if record.invocation_info is None:
            record.invocation_info = self.invocation
        exc = record.exception
        if isinstance(exc, RuntimeException):
            exc.error_record = record
            raise exc
        raise RuntimeException(str(record), exc, error_record=record)

    def should_process(self, target: Optional[str], action: Optional[str],
                       description: Optional[str] = None) -> bool:
        from .should_process import should_process
        return should_process(self.context, self.processor, target, action, description)

    def should_continue(self, query: str, caption: Optional[str] = None) -> bool:
        from .should_process import should_continue
        return should_continue(self.context, self.processor, query, caption)


class CmdletProcessor(_CommandRun):
    """Runs a Python cmdlet: bound values become instance attributes; each
    lifecycle method may return nothing or yield output objects."""

    def __init__(self, context: Any, invocation: Any, info: Any, arguments: list[CommandArgument]) -> None:
        super().__init__(context, invocation)
        self.info = info
        self.cls = info.implementation()
        self._bind(self.cls.metadata, arguments, info.implementing_type, is_script=False)
        self.runtime = CmdletRuntime(self)
        self.instance: Any = None
        # Names pipeline binding set for the previous input object (None
        # before the first full application of the bound values).
        self._pipeline_applied: Optional[list[str]] = None
        self._declared_by_name = {p.name.lower(): p for p in self.cls._declared_parameters}
        # (parameter name, instance attribute, whether it is mandatory) once an input object
        # proved that every object binds to that one parameter as it is (see _identity_binding).
        self._input_as_is: Optional[tuple[str, str, bool]] = None

    def _begin(self) -> None:
        try:
            self.instance = self.cls(self.runtime)
            self._apply_bound()
            self._run(self.instance.begin_processing())
        except Exception as exc:
            self._raise_plugin_failure(exc)
            raise

    def _apply_bound(self) -> None:
        """Sets the bound values as instance attributes and
        ``bound_parameters``.  For each pipeline object after the first only
        the parameters pipeline binding changed are set again, which keeps
        the per-object cost of a cmdlet with many parameters low."""
        binding = self.binding
        instance = self.instance
        previous = self._pipeline_applied
        if previous is None:
            # A delay-bind script block is no value yet: each input object binds one (pwsh never sets
            # the parameter from the command line), so until then the parameter keeps its default.
            delayed = binding.delayed
            values = {name: value for name, value in binding.bound.items()
                      if not delayed or delayed.get(name) is not value}
            for declared in self.cls._declared_parameters:
                setattr(instance, declared.attribute, values.get(declared.name, declared.default))
            bound = Hashtable()
            for name, value in values.items():
                bound[name] = value
            self.runtime.bound_parameters = bound
            instance.bound_parameters = bound
            self.invocation.bound_parameters = bound
        else:
            bound = self.runtime.bound_parameters
            by_name = self._declared_by_name
            current = binding._pipeline_bound
            for name in current if previous == current else dict.fromkeys(previous + current):
                declared = by_name.get(name.lower())
                value = binding.bound.get(name, _MISSING)
                if value is _MISSING:
                    bound.pop(name, None)
                    if declared is not None:
                        setattr(instance, declared.attribute, declared.default)
                else:
                    bound[name] = value
                    if declared is not None:
                        setattr(instance, declared.attribute, value)
        self._pipeline_applied = list(binding._pipeline_bound)
        self.runtime.parameter_set_name = binding.parameter_set or binding.valid_sets[0]
        instance.parameter_set_name = self.runtime.parameter_set_name

    def process(self, input_object: Any) -> None:
        """``_CommandRun.process`` without its per-object calls in the common
        case: the object binds as it is (see _identity_binding) and no stream
        collector is switched around this command's code."""
        as_is = self._input_as_is
        if as_is is None or input_object is NO_INPUT or self.collector_view is not None or self._collectors \
                or _may_be_refused(as_is, input_object):
            _CommandRun.process(self, input_object)
            return
        try:
            self._bind_as_is(input_object)
            try:
                result = self.instance.process_record()
                if result is not None:
                    emit = self.emit
                    for obj in result:
                        emit(obj)
            except Exception as exc:
                self._raise_plugin_failure(exc)
                raise
        except Exception as exc:
            mark_left_command(exc)
            raise

    def process_all(self, objects: Iterable[Any]) -> None:
        """A list or range of input objects: after the first one proved that
        each binds as it is, a cmdlet with its own input loop
        (``Cmdlet.input_loop``) takes the rest in one call.  The binding
        (the bound value, the cmdlet's attribute and ``bound_parameters``,
        which nothing reads while the loop runs: the loop's code does not,
        and an error leaving it is given this command's invocation only
        after they are settled) takes the last object the loop took when it
        ends or fails, as if each had been bound in turn."""
        process = self.process
        items = iter(objects)
        for item in items:
            process(item)
            if self._input_as_is is not None:
                break
        else:
            return
        as_is = self._input_as_is
        loop = None
        if not as_is[2] and self.collector_view is None and not self._collectors:
            loop = self.instance.input_loop()
        if loop is None:
            for item in items:
                process(item)
            return
        try:
            try:
                loop(items, self._bind_as_is)
            except Exception as exc:
                self._raise_plugin_failure(exc)
                raise
        except Exception as exc:
            mark_left_command(exc)
            raise

    def _process(self, input_object: Any) -> None:
        if input_object is not NO_INPUT:
            as_is = self._input_as_is
            if as_is is not None and not _may_be_refused(as_is, input_object):
                self._bind_as_is(input_object)
            else:
                if not self._bind_input(input_object):
                    return
                self._apply_bound()
                if as_is is None:
                    self._input_as_is = self._identity_binding()
        try:
            self._run(self.instance.process_record())
        except Exception as exc:
            self._raise_plugin_failure(exc)
            raise

    def _bind_as_is(self, input_object: Any) -> None:
        """What the binder and _apply_bound do for an object that binds as
        it is (see _identity_binding), without their search: the bound value,
        ``bound_parameters`` and the cmdlet's attribute."""
        name, attribute, _mandatory = self._input_as_is  # type: ignore[misc]
        self.binding.bound[name] = input_object
        self.runtime.bound_parameters[name] = input_object
        setattr(self.instance, attribute, input_object)

    def _identity_binding(self) -> Optional[tuple[str, str, bool]]:
        """Pipeline binding cached per command, as PowerShell PR #10153
        proposed, in the case where it cannot depend on the object: the one
        parameter that takes pipeline input in the resolved set takes it by
        value, untyped ([object]/[psobject]: no conversion), unvalidated, and
        no delay-bind script block runs per object.  Every later object then
        binds to it as it is, with the same parameter set and the same
        mandatory parameters bound, so the binder's four-pass search is
        skipped.  The objects a mandatory parameter may refuse ($null, strings
        and arrays: pwsh's null and empty checks) take the full path when the
        third element says the parameter is mandatory."""
        binding = self.binding
        if binding.delayed or binding.parameter_set is None or len(binding._pipeline_bound) != 1:
            return None
        candidates = binding._pipeline_candidates()
        if len(candidates) != 1:
            return None
        param, by_value, _by_name = candidates[0]
        if not by_value or param.name != binding._pipeline_bound[0] or param.converter is not None \
                or param.validators or param.is_switch or self._pipeline_applied != [param.name]:
            return None
        declared = self._declared_by_name.get(param.name.lower())
        if declared is None:
            return None
        return param.name, declared.attribute, binding._is_mandatory(param)

    def _end(self) -> None:
        try:
            self._run(self.instance.end_processing())
        except Exception as exc:
            self._raise_plugin_failure(exc)
            raise

    def _raise_plugin_failure(self, exc: Exception) -> None:
        """A plugin's Python bug becomes pwsh's error for an exception
        escaping a cmdlet (see plugin_failure); anything else goes on as is."""
        failure = plugin_failure(exc, self.info, self.invocation, self.context)
        if failure is not None:
            raise failure from exc

    def _run(self, result: Optional[Iterable[Any]]) -> None:
        """Streams what a generator lifecycle method yields."""
        if result is None:
            return
        emit = self.emit
        for obj in result:
            emit(obj)


class CollectingCmdletProcessor(CmdletProcessor):
    """Runs a cmdlet that offers an input sink (``Cmdlet.input_sink``):
    Sort-Object, Group-Object, Measure-Object... take whole input
    collections, so once pipeline binding is cached each object goes
    straight to the sink, without rebinding, collector switching or the
    process_record generator."""

    def __init__(self, context: Any, invocation: Any, info: Any, arguments: list[CommandArgument]) -> None:
        super().__init__(context, invocation, info, arguments)
        self._sink: Optional[Callable[[Any], bool]] = None
        self._sink_pending = True
        self._sunk: Any = _NOTHING  # the last object the sink took, until settled

    def process(self, input_object: Any) -> None:
        sink = self._sink
        if sink is not None and input_object is not NO_INPUT:
            try:
                try:
                    if sink(input_object):
                        self._sunk = input_object
                        return
                except Exception as exc:
                    self._raise_plugin_failure(exc)
                    raise
            except Exception as exc:
                mark_left_command(exc)
                raise
            self._sunk = _NOTHING  # the full way binds this object
        CmdletProcessor.process(self, input_object)
        as_is = self._input_as_is
        if self._sink_pending and as_is is not None:
            self._sink_pending = False
            # A mandatory parameter checks each object; collectors switch around each call: no sink.
            if not as_is[2] and not self._collectors and self.collector_view is None:
                self._sink = self.instance.input_sink(as_is[0])

    def _end(self) -> None:
        last = self._sunk
        if last is not _NOTHING and self._input_as_is is not None:
            # The pipeline parameter as the full way leaves it: bound to the last object.
            self._sunk = _NOTHING
            self._bind_as_is(last)
        super()._end()


class ScriptCommandProcessor(_CommandRun):
    """Runs a function, filter, script block or script file.

    Bound parameters become variables of the command's new scope (the
    caller's scope when dot-sourced); unbound arguments of a simple
    function become ``$args``; an advanced function's common parameters set
    its local preference variables, as pwsh does."""

    def __init__(self, context: Any, invocation: Any, info: Any, arguments: list[CommandArgument],
                 dot_source: bool = False) -> None:
        super().__init__(context, invocation)
        self.info = info
        self.script_block = info.script_block
        self.dot_source = dot_source
        metadata = info.metadata(context)
        self._bind(metadata, arguments, info.name, is_script=True)
        self.run: Any = None

    def _variables(self) -> dict[str, Any]:
        binding = self.binding
        bound = Hashtable()
        variables: dict[str, Any] = {}
        # A simple function has no common parameters, so a parameter of its own may be named like one.
        common = COMMON_NAMES if binding.metadata.is_advanced else ()
        for name, value in binding.bound.items():
            bound[name] = value
            if name not in common:
                variables[name] = value
        self.invocation.bound_parameters = bound
        self.invocation.unbound_arguments = list(binding.unbound_arguments)
        variables["PSBoundParameters"] = bound
        variables["MyInvocation"] = self.invocation
        if binding.metadata.is_advanced and self.info.uses_pscmdlet():
            from .script_cmdlet import PSScriptCmdlet
            variables["PSCmdlet"] = PSScriptCmdlet(CmdletRuntime(self), self)
        variables.update(self.overrides)
        return variables

    def _begin(self) -> None:
        self.run = self.script_block.begin_invocation(
            self.context, new_scope=not self.dot_source, variables=self._variables(),
            args=list(self.binding.unbound_arguments), emit=self.emit,
            advanced=self.binding.metadata.is_advanced)
        self.run.begin()

    def _process(self, input_object: Any) -> None:
        if input_object is not NO_INPUT and self.binding.metadata.is_advanced \
                and self.binding.takes_pipeline_input():
            if not self._bind_input(input_object):
                return
            scope_vars = self.run.scope.vars
            bound_parameters = self.invocation.bound_parameters
            for name in self.binding._pipeline_bound:
                value = self.binding.bound[name]
                bound_parameters[name] = value
                var = scope_vars.get(name.lower())
                if var is None:
                    scope_vars[name.lower()] = PSVariable(name, value)
                else:
                    var.value = value
        self.run.process(input_object)

    def _end(self) -> None:
        self.run.end()

    def clean(self) -> None:
        """The script's ``clean`` block, with the command's stream settings
        (``-WarningVariable`` and the like capture what it writes)."""
        if self.run is None or self.run.compiled.clean is None:
            return
        self._enter()
        try:
            self.run.clean()
        finally:
            self._leave()

    def _enter(self) -> None:
        super()._enter()
        self.context.running_functions.append(self.info.name)

    def _leave(self) -> None:
        self.context.running_functions.pop()
        super()._leave()
