"""Command lookup, in PowerShell's order.

An alias, then a function, then a cmdlet, then a script file or program
(a path, or a name on PATH); then the module that exports the name is
imported (autoloading, as ``$PSModuleAutoLoadingPreference`` allows) and
the lookup repeated; as a last resort pwsh retries the name with a
``Get-`` prefix (``Date`` runs ``Get-Date``).  ``Module\\Name`` looks only in
that module, importing it if needed.  Anything else is
CommandNotFoundException with pwsh's message.
"""

from __future__ import annotations

import os

from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.errors import CommandNotFoundException, ErrorCategory, InvocationInfo
from pwshlike.runtime.scriptblock import ScriptBlock

from .commandinfo import CommandInfo, ExternalScriptInfo, FunctionInfo
from .registry import CommandRegistry

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

NOT_FOUND = ("The term '{0}' is not recognized as a name of a cmdlet, function, script file, or executable "
             "program.\nCheck the spelling of the name, or if a path was included, verify that the path is "
             "correct and try again.")

_MAX_ALIAS_DEPTH = 32


def command_not_found(name: str) -> CommandNotFoundException:
    return CommandNotFoundException(NOT_FOUND.format(name), error_id="CommandNotFoundException",
                                    category=ErrorCategory.ObjectNotFound, target_object=name)


class CommandResolver:
    """Installed on the ExecutionContext as ``command_resolver``."""

    def __init__(self, registry: CommandRegistry) -> None:
        self.registry = registry
        self._functions: dict[tuple[str, int], FunctionInfo] = {}

    def __call__(self, context: Any, name_or_value: Any, invocation_operator: Optional[str] = None,
                 extent: Any = None) -> CommandInfo:
        try:
            info = self._resolve_value(context, name_or_value)
        except CommandNotFoundException as exc:
            # ConciseView names the missing command ("Get-Foo: The term ...").
            record = exc.error_record
            if record.invocation_info is None:
                record.invocation_info = InvocationInfo(None, str(record.target_object), extent)
            raise
        if invocation_operator == "." and isinstance(info, FunctionInfo):
            return info.dot_sourced()
        return info

    def _resolve_value(self, context: Any, value: Any) -> CommandInfo:
        if isinstance(value, str):
            name = value
        elif isinstance(value, CommandInfo):
            return value
        elif isinstance(value, ScriptBlock):
            if value.is_script and value.file:
                return ExternalScriptInfo(value.file, value)
            return FunctionInfo("", value, "Script")
        else:
            name = to_string(value)
        found = self.find(context, name)
        if found is None:
            raise command_not_found(name)
        return found

    def find(self, context: Any, name: str, use_get_prefix: bool = True) -> Optional[CommandInfo]:
        """The command ``name`` means, or None."""
        session, scope = context.session, context.scope
        name = _through_aliases(session, scope, name)
        modules = getattr(context, "modules", None)
        module, sep, short = name.rpartition("\\")
        if sep and module and "/" not in name and not name.startswith("."):
            info = modules.qualified(module, short) if modules is not None else self.registry.get(short, module)
            if info is not None:
                return info
        script_block = session.get_function(name, scope)
        if script_block is not None:
            return self._function_info(name, script_block, modules)
        info = self.registry.get(name)
        if info is not None:
            return info
        info = self._find_external(context, name)
        if info is not None:
            return info
        if modules is not None and modules.autoload(name):
            return self.find(context, name, use_get_prefix)
        if use_get_prefix and "-" not in name:
            return self.find(context, "Get-" + name, use_get_prefix=False)
        return None

    def at_site(self, context: Any, name: str, extent: Any) -> tuple[CommandInfo, bool]:
        """What ``name`` resolves to for a compiled call site, and whether
        the site may keep it until a function, alias or cmdlet table changes
        (scopes.COMMAND_GENERATION): a function or cmdlet reached by its
        plain name (through aliases) may be kept; a module-qualified name, a
        script file, a program or the ``Get-`` retry is looked up again at
        every call, since modules, PATH and the file system change
        unannounced."""
        session, scope = context.session, context.scope
        target = _through_aliases(session, scope, name)
        module, sep, _short = target.rpartition("\\")
        if not (sep and module and "/" not in target and not target.startswith(".")):
            script_block = session.get_function(target, scope)
            if script_block is not None:
                return self._function_info(target, script_block, getattr(context, "modules", None)), True
            info = self.registry.get(target)
            if info is not None:
                return info, True
        return self(context, name, None, extent), False

    def _function_info(self, name: str, script_block: Any, modules: Any) -> FunctionInfo:
        """One FunctionInfo per (function name, script block), reused by
        every call: a hot path for scripts that call functions in loops."""
        key = (name, id(script_block))
        cached = self._functions.get(key)
        if cached is not None and cached.script_block is script_block:
            return cached
        owner = modules.owner_of(script_block) if modules is not None else ""
        info = FunctionInfo(name, script_block, "Filter" if script_block.is_filter else "Function", owner)
        self._functions[key] = info
        return info

    def _find_external(self, context: Any, name: str) -> Optional[CommandInfo]:
        location = context.session.location
        is_path = "/" in name or "\\" in name or name.startswith(".") or name.startswith("~") or \
            (":" in name and context.session.drives.fs_path(name) is not None)
        if is_path:
            path = context.session.resolve_path(name)
            if path.lower().endswith(".ps1") and os.path.isfile(path):
                return script_file_info(path)
        elif name.lower().endswith(".ps1"):
            # pwsh does not run scripts from the current directory by bare
            # name, but does find them on PATH.
            for directory in os.environ.get("PATH", "").split(os.pathsep):
                candidate = os.path.join(directory, name)
                if directory and os.path.isfile(candidate):
                    return script_file_info(candidate)
        from .native import find_application
        return find_application(name, cwd=location)


def script_file_info(path: str) -> ExternalScriptInfo:
    """Parses a script file into a runnable command; parse errors raise
    ParseException as pwsh does when a script with syntax errors is run."""
    from pwshlike.dotnet.errors import ParseException
    from pwshlike.runtime.scriptblock import ScriptBlock, ScriptBlockCode
    from pwshlike.language import parse_input
    with open(path, encoding="utf-8-sig") as handle:
        text = handle.read()
    ast = _PARSED.pop((path, text), None)
    if ast is None:
        ast, _tokens, errors = parse_input(text, path)
        if errors:
            raise ParseException(errors=errors)
    _PARSED[(path, text)] = ast
    while len(_PARSED) > _PARSED_LIMIT:
        del _PARSED[next(iter(_PARSED))]
    return ExternalScriptInfo(path, ScriptBlock(ScriptBlockCode(ast), is_script=True))


# (path, text) -> the parsed script, most recently used last: a script file
# whose text has not changed is the same script every time it runs (in any
# session of the process), as pwsh caches it, so the classes it defines are
# the same types.
_PARSED: dict[tuple[str, str], Any] = {}
_PARSED_LIMIT = 64


def _through_aliases(session: Any, scope: Any, name: str) -> str:
    """The name an alias chain starting at ``name`` ends at (``name`` itself
    when it is no alias), following at most _MAX_ALIAS_DEPTH links."""
    seen = 0
    while seen < _MAX_ALIAS_DEPTH:
        target = session.get_alias(name, scope)
        if target is None:
            break
        name = target if isinstance(target, str) else str(target)
        seen += 1
    return name
