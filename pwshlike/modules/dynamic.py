"""Dynamic modules: ``New-Module -ScriptBlock`` and a module's
``AsCustomObject()``.

A dynamic module is a script module without a file: its script block runs
once in a new session state (as a .psm1's code does), and what it exports
follows pwsh's NewModuleCommand: the Export-ModuleMember lists when the
block called it, else every function (narrowed by New-Module -Function)
and no variables or aliases.
"""

from __future__ import annotations

import uuid
from typing import Any, Callable, Optional

from pwshlike.dotnet.psmembers import ComputedMember
from pwshlike.dotnet.values import PSCustomObject

from .info import PSModuleInfo
from .script import ManifestFilters, ModuleLoad, exported_members

DYNAMIC_PREFIX = "__DynamicModule_"
"""pwsh's PSModuleInfo.DynamicModulePrefixString: the name of a module New-Module was given none for."""


def new_dynamic_module(context: Any, name: Optional[str], block: Any, arguments: list[Any],
                       functions: Optional[list[str]], emit: Callable[[Any], None],
                       loading: list[ModuleLoad]) -> tuple[PSModuleInfo, dict, dict, dict]:
    """Runs ``block`` as a new module's code; returns the module and the
    functions, aliases and variables it exports (see
    :func:`script.exported_members`).  Output of the block goes to ``emit``."""
    from pwshlike.dotnet.netobjects import Version
    from pwshlike.runtime.scopes import new_session_state
    guid = str(uuid.uuid4())
    info = PSModuleInfo(name or DYNAMIC_PREFIX + guid, Version.parse("0.0"), "Script", guid)
    root = new_session_state(context.session.global_scope, info)
    info.scope = root
    load = ModuleLoad(info)
    loading.append(load)
    try:
        invocation = block.bound_to(root).begin_invocation(context, new_scope=False, args=arguments, emit=emit)
        invocation.run_alone()
    finally:
        loading.pop()
    if load.functions is None and load.aliases is None and load.variables is None:
        load.functions = functions if functions is not None else ["*"]
        load.aliases = []
    exported_functions, aliases, variables = exported_members(info, load, ManifestFilters())
    return info, exported_functions, aliases, variables


class VariableProperty(ComputedMember):
    """pwsh's PSVariableProperty: a note property that reads and writes a
    module's variable, so the custom object and the module share it."""

    __slots__ = ("variable",)
    full_name = "System.Management.Automation.PSVariableProperty"
    member_type = "NoteProperty"
    PS_MEMBERS = {"Name": "name", "MemberType": "member_type", "Value": "value",
                  "TypeNameOfValue": "type_name_of_value", "ToString": "__str__"}

    def __init__(self, variable: Any) -> None:
        super().__init__(variable.name)
        self.variable = variable

    @property
    def value(self) -> Any:
        return self.variable.value

    @property
    def type_name_of_value(self) -> str:
        from pwshlike.dotnet.types import type_of
        return "System.Object" if self.variable.value is None else type_of(self.variable.value).full_name

    def get(self, owner: Any) -> Any:
        return self.variable.value

    def set(self, owner: Any, value: Any) -> None:
        self.variable.assign(value)

    def __str__(self) -> str:
        return f"{self.type_name_of_value} {self.name}={self.variable.value}"


def as_custom_object(functions: dict[str, Any], variables: dict[str, Any]) -> PSCustomObject:
    """``$module.AsCustomObject()``: a ScriptMethod per exported function
    (its script block, still bound to the module) and a variable-backed
    note property per exported variable."""
    from pwshlike.commands.builtins.members_cmds import ScriptMethod
    obj = PSCustomObject()
    for name, block in functions.items():
        obj.add_member(ScriptMethod(name, block))
    for var in variables.values():
        obj.add_member(VariableProperty(var))
    return obj
