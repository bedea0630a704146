"""Call plans: a function call whose binding cannot depend on the values.

A compiled call site (``f 1``, ``f -A 1 -B 2``) asks, once per command it
resolves, for a plan: which parameter each argument binds to.  When the
function's metadata makes that static -- one parameter set, nothing
mandatory, the arguments reaching untyped, unvalidated parameters that take
no pipeline input, no common parameter, no ``$PSCmdlet``, no ``clean`` or
``dynamicparam`` block -- the binder would store each value as it is, so the
plan binds them directly and runs the script block as
:class:`~pwshlike.commands.processors.ScriptCommandProcessor` inside
``run_pipeline`` would, without building a processor, a Binding or a
pipeline.  Anything else has no plan and takes the general path; so does a
call of an advanced function while ``$PSDefaultParameterValues`` has
entries for it.  A function with only an end block and untyped parameters
(most functions) goes further: the plan creates its scope and variables
itself and runs the end block, without a ScriptBlockInvocation.

Every observable of the general path is kept: ``$MyInvocation`` (the same
InvocationInfo), ``$PSBoundParameters`` in binding order, ``$args``, the
running-function stack Write-Error reads, the pipeline state that decides
``$?``, and exceptions marked as having left the command.
"""

from __future__ import annotations

from pwshlike.dotnet.errors import InvocationInfo, ParameterBindingException
from pwshlike.dotnet.values import ArrayList, Hashtable, hashtable_of_normalized
from pwshlike.runtime.pipeline import NO_INPUT, PipelineState
from pwshlike.runtime.scopes import PSVariable, Scope, state_scope
from pwshlike.runtime.scriptblock import InputEnumerator, ScriptBlockInvocation, run_in_scope

from .binder import resolve_parameter
from .common import COMMON_NAMES
from .metadata import ParameterMetadata
from .plugin_failure import mark_left_command
from .processors import default_values_for

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

POSITIONAL = "pos"
"""A shape entry for a positional value."""
SWITCH = "switch"
"""A shape entry for ``-Name`` written alone (the binder takes the next positional value for a non-switch)."""
COLON = "colon"
"""A shape entry for ``-Name:value``."""


class CallPlan:
    """How one call shape binds to one function: ``binds`` pairs each bound
    parameter (in binding order) with the index of its value among the
    call's values; ``extra`` are the indexes of the values ``$args`` gets.
    ``lean`` is set when the function has only an end block and untyped
    parameters: then the call creates the scope and its variables itself
    (see _run_lean) instead of through a ScriptBlockInvocation."""

    __slots__ = ("binds", "extra", "advanced", "lean", "_keys", "_at")

    def __init__(self, binds: tuple[tuple[str, int], ...], extra: tuple[int, ...], advanced: bool,
                 lean: Optional[_Lean] = None) -> None:
        self.binds = binds
        self.extra = extra
        self.advanced = advanced
        self.lean = lean
        # $PSBoundParameters' keys as a Hashtable holds them (lower-cased name -> name), and
        # each key with the index of its value.
        self._keys = {name.lower(): name for name, _ in binds}
        self._at = tuple((name.lower(), index) for name, index in binds)

    def call(self, ctx: Any, info: Any, values: list[Any], invocation_name: str, extent: Any,
             out: Any) -> bool:
        """Runs the call as the only command of a pipeline writing to
        ``out``; False (having done nothing) when it must take the general
        path after all."""
        if self.advanced and default_values_for(ctx, info.name) is not None:
            return False
        bound = hashtable_of_normalized(dict(self._keys), {key: values[index] for key, index in self._at})
        extra = [values[i] for i in self.extra] if self.extra else []
        invocation = InvocationInfo(info, invocation_name, extent, bound, list(extra), 1, 1, False)
        lean = self.lean
        if lean is None:
            variables: dict[str, Any] = {name: values[index] for name, index in self.binds}
            variables["PSBoundParameters"] = bound
            variables["MyInvocation"] = invocation
            run = ScriptBlockInvocation(info.script_block, ctx, True, variables, extra, out, None, None)
            if self.advanced:
                run.advanced_input = ArrayList()
        state = PipelineState()
        saved_state = ctx.pipeline_state
        ctx.pipeline_state = state
        running = ctx.running_functions
        try:
            running.append(info.name)
            try:
                if lean is None:
                    run.begin()
                    run.process(NO_INPUT)
                    run.end()
                else:
                    self._run_lean(ctx, info.script_block, lean, values, bound, invocation, extra, out)
            except Exception as exc:
                mark_left_command(exc)
                raise
            finally:
                running.pop()
        finally:
            ctx.pipeline_state = saved_state
        ctx.last_success = not state.failed
        return True

    def _run_lean(self, ctx: Any, sb: Any, lean: _Lean, values: list[Any], bound: Hashtable, invocation: Any,
                  extra: list[Any], out: Any) -> None:
        """What ScriptBlockInvocation's begin, process and end do for a
        function with only an end block and untyped parameters: the same
        variables, created in the same order (parameters, defaults evaluated
        in the new scope, ``$PSBoundParameters``, ``$MyInvocation``,
        ``$args``, ``$input``), then the end block run in that scope."""
        scope = Scope(state_scope(ctx, sb.state))
        variables = scope.vars
        saved = ctx.scope
        ctx.scope = scope  # where a default is evaluated
        try:
            for key, name, index, default in lean.params:
                variables[key] = PSVariable(name, values[index] if index >= 0
                                            else None if default is None else default(ctx))
        finally:
            ctx.scope = saved
        variables["psboundparameters"] = PSVariable("PSBoundParameters", bound)
        variables["myinvocation"] = PSVariable("MyInvocation", invocation)
        variables["args"] = PSVariable("args", extra)
        # An advanced function's end block gets its input as an object[]; a simple one's, an enumerator.
        variables["input"] = PSVariable("input", [] if self.advanced else InputEnumerator([]))
        run_in_scope(ctx, scope, lean.end, out, sb, invocation)


class _Lean:
    """A function's parameters for CallPlan._run_lean, in declaration order:
    (variable key, name, index of the bound value or -1, default closure or
    None), and its end block."""

    __slots__ = ("params", "end")

    def __init__(self, params: tuple[tuple[str, str, int, Any], ...], end: Any) -> None:
        self.params = params
        self.end = end


_AUTOMATIC_KEYS = frozenset(("psboundparameters", "myinvocation", "args", "input", "_", "this"))
"""Variables an invocation sets itself: a parameter of such a name takes the general path."""


def _lean(compiled: Any, script_block: Any, binds: list[tuple[str, int]]) -> Optional[_Lean]:
    """The lean recipe for a function whose script block compiled to
    ``compiled``, called with ``binds``, or None when it must run through
    a ScriptBlockInvocation (a begin or process block, a typed parameter,
    a script block that catches ``exit``, a parameter named like an
    automatic variable)."""
    if compiled.begin is not None or compiled.process is not None or compiled.end is None \
            or script_block.catches_exit:
        return None
    at = {name.lower(): index for name, index in binds}
    params = []
    for param in compiled.params:
        if param.typed or param.key in _AUTOMATIC_KEYS or param.key != param.name.lower():
            return None
        params.append((param.key, param.name, at.pop(param.key, -1), param.default))
    if at:  # a bound name no declared parameter has
        return None
    return _Lean(tuple(params), compiled.end)


def plan_call(info: Any, context: Any, shape: tuple[tuple[str, Optional[str]], ...]) -> Optional[CallPlan]:
    """The plan for calling the function ``info`` with arguments of
    ``shape`` (one ``(kind, parameter name)`` per argument element: see
    POSITIONAL, SWITCH, COLON), or None when the general path must bind."""
    script_block = info.script_block
    if info.dot_source or script_block is None or script_block.is_script:
        return None
    try:
        compiled = script_block.code.compiled()
        metadata = info.metadata(context)
    except Exception:  # the general path reports it, at the place it always has
        return None
    if compiled.clean is not None or compiled.dynamicparam is not None:
        return None
    if len(metadata.parameter_sets) != 1 or metadata.has_mandatory:
        return None
    advanced = metadata.is_advanced
    if advanced and info.uses_pscmdlet():
        return None
    set_name = metadata.parameter_sets[0]
    binds: list[tuple[str, int]] = []
    positional: list[int] = []
    index = 0
    i = 0
    while i < len(shape):
        kind, name = shape[i]
        i += 1
        if kind == POSITIONAL:
            positional.append(index)
            index += 1
            continue
        try:
            param = resolve_parameter(metadata, name or "", info.name)
        except ParameterBindingException:
            return None
        if param is None or not _plain(param, set_name, advanced) or any(b[0] == param.name for b in binds):
            return None
        if kind == SWITCH:
            if i >= len(shape) or shape[i][0] != POSITIONAL:
                return None
            i += 1
        binds.append((param.name, index))
        index += 1
    taken = {b[0] for b in binds}
    slots: dict[int, ParameterMetadata] = {}
    for param in metadata.parameters.values():
        if param.name in taken:
            continue
        spec = param.spec_for(set_name)
        if spec is None or spec.position is None:
            continue
        if spec.position in slots:
            return None  # pwsh's AmbiguousPositionalParameterNoName
        slots[spec.position] = param
    order = [slots[p] for p in sorted(slots) if not slots[p].is_switch]
    for position, value_index in enumerate(positional):
        if position >= len(order):
            if advanced:
                return None  # PositionalParameterNotFound, or a remaining-arguments parameter
            return CallPlan(tuple(binds), tuple(positional[position:]), advanced,
                            _lean(compiled, script_block, binds))
        param = order[position]
        if not _plain(param, set_name, advanced):
            return None
        binds.append((param.name, value_index))
    return CallPlan(tuple(binds), (), advanced, _lean(compiled, script_block, binds))


def _plain(param: ParameterMetadata, set_name: str, advanced: bool) -> bool:
    """Whether binding stores any value in ``param`` as it is: no type
    conversion, validation, switch, common parameter, pipeline or
    remaining-arguments role (nor a delay-bind script block)."""
    if param.converter is not None or param.validators or param.is_switch or param.is_common:
        return False
    if advanced and param.name in COMMON_NAMES:
        return False
    for name, spec in param.sets.items():
        if spec.value_from_pipeline or spec.value_from_pipeline_by_property_name \
                or spec.value_from_remaining_arguments:
            return False
    return param.spec_for(set_name) is not None
