"""Running a script module (``.psm1``) in a scope of its own.

The module's code runs once, in a new session state whose root is a
script scope under the global one; the functions it defines are bound to
that state, so they see the module's private functions and ``$script:``
variables but not their callers' variables, while the script blocks a
caller passes in keep running on the caller's scopes, as pwsh's module
session state does.  Without
``Export-ModuleMember`` a module exports all its functions and aliases.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from pwshlike.dotnet.wildcard import wildcard_match


class ModuleLoad:
    """What ``Export-ModuleMember`` asked for while a module's code ran
    (None: never called for that kind)."""

    __slots__ = ("module", "functions", "aliases", "variables")

    def __init__(self, module: Any) -> None:
        self.module = module
        self.functions: Optional[list[str]] = None
        self.aliases: Optional[list[str]] = None
        self.variables: Optional[list[str]] = None

    def export(self, functions: Optional[list[str]], aliases: Optional[list[str]],
               variables: Optional[list[str]]) -> None:
        """One Export-ModuleMember call: every call adds to the lists, and
        any call means only what is listed is exported."""
        self.functions = (self.functions or []) + list(functions or [])
        self.aliases = (self.aliases or []) + list(aliases or [])
        self.variables = (self.variables or []) + list(variables or [])


def _matches(name: str, patterns: Optional[list[str]]) -> bool:
    return patterns is None or any(wildcard_match(name, p) for p in patterns)


def run_module_script(context: Any, path: str, info: Any, arguments: list[Any],
                      emit: Callable[[Any], None], loading: list[ModuleLoad]) -> ModuleLoad:
    """Runs ``path`` in the module's session state (``info.scope``, made
    here unless a manifest made it for its nested modules); returns the
    Export-ModuleMember requests.  Parse errors raise ParseException."""
    from pwshlike.commands.resolution import script_file_info
    from pwshlike.runtime.scopes import new_session_state
    from pwshlike.runtime.scriptblock import ScriptBlock
    script = script_file_info(path).script_block
    scope = info.scope
    if scope is None:
        scope = info.scope = new_session_state(context.session.global_scope, info)
    load = ModuleLoad(info)
    loading.append(load)
    try:
        block = ScriptBlock(script.code, context, is_script=True, state=scope)
        invocation = block.begin_invocation(context, new_scope=False, args=arguments, emit=emit)
        invocation.run_alone()
    finally:
        loading.pop()
    return load


class ManifestFilters:
    """A manifest's FunctionsToExport, AliasesToExport and VariablesToExport
    (None where the manifest does not say): they narrow what the root
    module exports."""

    __slots__ = ("functions", "aliases", "variables")

    def __init__(self, functions: Optional[list[str]] = None, aliases: Optional[list[str]] = None,
                 variables: Optional[list[str]] = None) -> None:
        self.functions = functions
        self.aliases = aliases
        self.variables = variables


def exported_members(info: Any, load: ModuleLoad, manifest: ManifestFilters
                     ) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(functions name -> a copy of its ScriptBlock (bound to the module's
    session state, as it was defined there), aliases
    name -> definition, variables name -> PSVariable) the module exports."""
    from pwshlike.runtime.scriptblock import ScriptBlock
    scope = info.scope
    functions: dict[str, Any] = {}
    for key, block in (scope.functions or {}).items():
        name = getattr(block, "name", "") or key
        if _matches(name, load.functions) and _matches(name, manifest.functions):
            # A nested module's function stays bound to the nested module's state.
            functions[name] = ScriptBlock(block.code, block.context, state=block.state or scope, name=name)
    aliases = {key: target for key, target in (scope.aliases or {}).items()
               if _matches(key, load.aliases) and _matches(key, manifest.aliases)}
    variables = {}
    if load.variables:
        for key, var in scope.vars.items():
            if _matches(var.name, load.variables) and _matches(var.name, manifest.variables) and key != "args":
                variables[var.name] = var
    return functions, aliases, variables
