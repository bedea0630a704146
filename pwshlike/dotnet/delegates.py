"""Delegate types and delegates: ``[System.Action]``, ``System.Action`1``
to ``System.Action`8``, ``System.Func`1`` to ``System.Func`9``,
``System.Predicate`1``, ``System.Comparison`1`` and
``[Text.RegularExpressions.MatchEvaluator]``, and the script blocks
converted to them.

A script converts a script block to a delegate type with a cast or ``-as``
(``[Func[int]]{ 42 }``, ``{ $args } -as $type``) to hand it to .NET code
or to call it as .NET would: ``Invoke(...)`` and ``DynamicInvoke(args)``
run the block with the delegate's arguments (bound to its ``param()``,
the rest in ``$args``), and a ``Func``'s output becomes its return type
as pwsh's ScriptBlock.InvokeAsDelegateHelper converts it.

The object model never imports the runtime: a script block is recognised
by its type name and called through its ``invoke`` method.
"""

from __future__ import annotations

from . import conversions as conv
from .errors import ErrorCategory, RuntimeException
from .types import BOOLEAN, INT32, OBJECT, PSType, register_instance_types, STRING, type_of
from .values import iter_collection

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional, Sequence

_SCRIPT_BLOCK = "System.Management.Automation.ScriptBlock"
# Type arguments each family takes: an Action's are its parameters (none for
# the plain System.Action), a Func's last one is its return type.
_ACTION_ARITIES = range(0, 9)
_FUNC_ARITIES = range(1, 10)


class Delegate:
    """A script block behind a delegate type (``System.Func`2[int,string]``)."""

    __slots__ = ("delegate_type", "target", "return_type")
    PS_MEMBERS = {"Invoke": "invoke", "DynamicInvoke": "dynamic_invoke", "ToString": "__str__"}

    def __init__(self, delegate_type: PSType, target: Any, return_type: Optional[PSType]) -> None:
        self.delegate_type = delegate_type
        self.target = target
        self.return_type = return_type

    def invoke(self, *args: Any) -> Any:
        output = self.target.invoke(*args)
        if self.return_type is None:
            return None
        result = None if not output else output[0] if len(output) == 1 else list(output)
        return self.return_type.convert(result)

    def dynamic_invoke(self, args: Any = None) -> Any:
        """``DynamicInvoke(object[])``: the arguments as one array."""
        items = iter_collection(args)
        values = [] if args is None else list(items) if items is not None else [args]
        return self.invoke(*values)

    def __str__(self) -> str:
        return self.delegate_type.full_name


def _delegate_type(full_name: str, parameters: Sequence[PSType], return_type: Optional[PSType]) -> PSType:
    t = PSType(full_name, OBJECT, check=lambda v: isinstance(v, Delegate) and v.delegate_type is t)

    def convert(value: Any) -> Any:
        if value is None or (isinstance(value, Delegate) and value.delegate_type is t):
            return value
        if type_of(value).full_name == _SCRIPT_BLOCK:
            return Delegate(t, value, return_type)
        raise conv.cast_error(value, full_name)

    t._converter = convert
    t.generic_arguments = tuple(parameters) + ((return_type,) if return_type is not None else ())
    return t


class _Family:
    """``Action`` or ``Func``: builds (once per argument list) the delegate
    type of a list of type arguments."""

    def __init__(self, name: str, arities: range, returns: bool) -> None:
        self.name = name
        self.arities = arities
        self.returns = returns
        self._built: dict[tuple[int, ...], PSType] = {}

    def definition(self, arity: int) -> str:
        return f"System.{self.name}`{arity}"

    def __call__(self, args: Sequence[PSType]) -> PSType:
        key = tuple(id(a) for a in args)
        t = self._built.get(key)
        if t is not None:
            return t
        if len(args) not in self.arities or not args:
            shown = ",".join(a.full_name for a in args)
            raise RuntimeException(f"Unable to find type [System.{self.name}[{shown}]].", error_id="TypeNotFound",
                                   category=ErrorCategory.InvalidOperation)
        definition = self.definition(len(args))
        parameters, return_type = (args[:-1], args[-1]) if self.returns else (args, None)
        t = _delegate_type(f"{definition}[{','.join(a.full_name for a in args)}]", parameters, return_type)
        t.generic_definition = definition
        t.name = definition.rsplit(".", 1)[-1]
        self._built[key] = t
        return t


class _OneTypeFamily(_Family):
    """A delegate of one type argument ``T`` whose return type is fixed
    rather than a type argument: ``Predicate[T]`` (T -> bool: List's Find,
    FindAll, RemoveAll, Exists, TrueForAll) and ``Comparison[T]`` (T, T ->
    int: List.Sort, Array.Sort)."""

    def __init__(self, name: str, parameter_count: int, return_type: PSType) -> None:
        super().__init__(name, range(1, 2), returns=True)
        self.parameter_count = parameter_count
        self.return_type = return_type

    def __call__(self, args: Sequence[PSType]) -> PSType:
        key = tuple(id(a) for a in args)
        t = self._built.get(key)
        if t is not None:
            return t
        if len(args) != 1:
            shown = ",".join(a.full_name for a in args)
            raise RuntimeException(f"Unable to find type [System.{self.name}[{shown}]].", error_id="TypeNotFound",
                                   category=ErrorCategory.InvalidOperation)
        definition = self.definition(1)
        t = _delegate_type(f"{definition}[{args[0].full_name}]", tuple(args) * self.parameter_count,
                           self.return_type)
        t.generic_arguments = tuple(args)
        t.generic_definition = definition
        t.name = definition.rsplit(".", 1)[-1]
        self._built[key] = t
        return t


ACTION = _Family("Action", _ACTION_ARITIES, returns=False)
FUNC = _Family("Func", _FUNC_ARITIES, returns=True)
PREDICATE = _OneTypeFamily("Predicate", 1, BOOLEAN)
COMPARISON = _OneTypeFamily("Comparison", 2, INT32)


def register_delegate_types(register: Callable[..., PSType],
                            register_generic_family: Callable[[str, Callable[[Sequence[PSType]], PSType]], None]
                            ) -> None:
    """Registers ``[System.Action]``, the open definitions
    (``[object].Assembly.GetType('System.Func`3')``) and the two families
    for ``[Action[...]]``/``[Func[...]]`` and ``MakeGenericType``."""
    register_instance_types(Delegate, lambda d: d.delegate_type)
    register(_delegate_type("System.Action", (), None))
    # -replace's callback: a Match in, the replacement text out.
    register(_delegate_type("System.Text.RegularExpressions.MatchEvaluator", (), STRING))
    for family in (ACTION, FUNC, PREDICATE, COMPARISON):
        register_generic_family(family.name, family)
        for arity in family.arities:
            if arity:
                register(PSType(family.definition(arity), OBJECT, check=lambda v: False, abstract=True))
