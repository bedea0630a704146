"""The rules a class definition must meet when its type is built, which
pwsh's TypeDefiner enforces as it emits the type (and reports as errors
when the script runs): what may be a base type, which interfaces a class
must implement, and a base class's constructors the class can reach.

Each rule raises a RuntimeException with pwsh's ErrorId and message.
"""

from __future__ import annotations

from typing import Any, NoReturn

from ..dotnet.errors import ErrorCategory, RuntimeException
from ..dotnet.script_objects import script_class_of, ScriptClass
from ..dotnet.types import PSType
from ..language import ast as A

# Interface -> the methods (name, parameter count, return type or None for void) a class must define.
_INTERFACE_METHODS: dict[str, tuple[tuple[str, int, Any], ...]] = {
    "system.icomparable": (("CompareTo", 1, "System.Int32"),),
    "system.idisposable": (("Dispose", 0, None),),
    "system.icloneable": (("Clone", 0, "System.Object"),),
    "system.iformattable": (("ToString", 2, "System.String"),),
}
_SEALED = frozenset(("system.string",))
# .NET base classes (generic definitions by their `n name) whose every constructor takes arguments.
_NO_DEFAULT_CTOR = frozenset(("system.collections.objectmodel.readonlycollection`1",))
# Abstract .NET class -> its abstract members, in the order .NET reports the
# first one missing: ("get_X", "X") is a property getter, ("M", count) a method.
_ABSTRACT_MEMBERS: dict[str, tuple[tuple[str, Any], ...]] = {
    "system.io.filesysteminfo": (("get_Exists", "Exists"), ("get_Name", "Name"), ("Delete", 0)),
}


def fail(error_id: str, message: str, target: Any = None) -> NoReturn:
    raise RuntimeException(message, error_id=error_id, category=ErrorCategory.InvalidOperation,
                           target_object=target)


def check_base_written(constraint: A.TypeConstraintAst) -> None:
    """An array or an open generic cannot be a base type."""
    type_name = constraint.type_name
    text = type_name.full_name
    if type_name.array_rank:
        fail("SubtypeArray", f"Invalid base type '{text}'. Base type cannot be an array.", text)
    if "`" in text and not type_name.generic_arguments:
        fail("SubtypeUnclosedGeneric",
             f"Invalid base type '{text}'. Base type cannot be a generic with unspecified parameters.", text)


def check_base_type(found: PSType, index: int, is_interface: bool) -> None:
    """The first base may be a class that is not sealed; the others must be interfaces."""
    if index > 0 and not is_interface:
        fail("InterfaceNameExpected", f"'{found.name}': Interface name expected.", found.full_name)
    if index == 0 and not is_interface and (found.is_value_type or found.full_name.lower() in _SEALED):
        fail("SealedBaseClass", f"Cannot inherit from sealed class '{found.name}'.", found.full_name)
    if index == 0 and not is_interface and found.is_abstract and found.base is not None \
            and script_class_of(found) is None:
        _creation_error(found.name, f"Type '{found.full_name}' has abstract members this class does not implement.")


def check_interfaces(cls: ScriptClass) -> None:
    """Every method an implemented interface requires, with its signature."""
    for interface in cls.interfaces:
        for name, count, returns in _INTERFACE_METHODS.get(interface.lower(), ()):
            methods = [m for m in cls.overloads(name.lower(), False) if len(m.param_refs) == count]
            if not any(_returns(m.return_ref, returns) for m in methods):
                _not_implemented(cls, name)


def check_abstract_members(cls: ScriptClass) -> None:
    """A class deriving from an abstract .NET class implements its abstract
    members: a property of the same name stands for a getter."""
    if cls.base is not None:
        return
    for name, member in _ABSTRACT_MEMBERS.get(cls.base_type.full_name.lower(), ()):
        if isinstance(member, str):
            implemented = member.lower() in cls.properties
        else:
            implemented = any(len(m.param_refs) == member for m in cls.overloads(name.lower(), False))
        if not implemented:
            _not_implemented(cls, name)


def _not_implemented(cls: ScriptClass, name: str) -> NoReturn:
    _creation_error(cls.name, f"Method '{name}' in type '{cls.name}' from assembly "
                              f"'PowerShell Class Assembly, Version=1.0.0.1, Culture=neutral, "
                              f"PublicKeyToken=null' does not have an implementation.")


def check_base_constructor(cls: ScriptClass, node: A.TypeDefinitionAst) -> None:
    """A class whose constructors (or implicit default one) call the base
    class's parameterless constructor needs the base class to have one."""
    base = cls.base
    if base is None:
        base_type = cls.base_type
        if (base_type.generic_definition or base_type.full_name).lower() not in _NO_DEFAULT_CTOR:
            return
        name = base_type.name
    elif not base.constructors or any(not c.param_refs for c in base.constructors):
        return
    else:
        name = base.name
    implicit = not cls.constructors or any(_implicit_base_call(m) for m in node.members
                                           if isinstance(m, A.FunctionMemberAst) and m.is_constructor
                                           and not m.is_static)
    if implicit:
        fail("BaseClassNoDefaultCtor", f"Base class '{name}' does not contain a parameterless constructor.", name)


def _implicit_base_call(member: A.FunctionMemberAst) -> bool:
    block = member.body.end_block
    first = block.statements[0] if block is not None and block.statements else None
    call = first.pipeline_elements[0].expression if isinstance(first, A.PipelineAst) else None
    return isinstance(call, A.BaseCtorInvokeMemberExpressionAst) and not call.extent.text


def _returns(ref: Any, expected: Any) -> bool:
    if expected is None:
        return ref is None
    return ref is not None and ref.get().full_name == expected


def _creation_error(name: str, reason: str) -> NoReturn:
    fail("TypeCreationError", f'Error during creation of type "{name}". Error message:\n{reason}', name)
