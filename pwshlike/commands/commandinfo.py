"""CommandInfo objects: what ``Get-Command`` returns and what runs.

Each kind knows how to describe itself (name, type, metadata) and how to
start a processor for one invocation.  Cmdlet implementations are loaded
on first use, so listing or describing commands imports nothing heavy.
"""

from __future__ import annotations

import copy
from typing import Any, Callable, Optional

from .metadata import CommandMetadata


class CommandInfo:
    """Base: ``name``, ``command_type`` and ``module_name`` as pwsh shows them."""

    command_type = "Cmdlet"
    full_name = "System.Management.Automation.CommandInfo"
    PS_MEMBERS = {"Name": "name", "CommandType": "command_type", "ModuleName": "module_name",
                  "Source": "module_name", "Definition": "definition"}

    def __init__(self, name: str, module_name: str = "") -> None:
        self.name = name
        self.module_name = module_name

    @property
    def definition(self) -> str:
        return self.name

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"


class CmdletInfo(CommandInfo):
    """A Python cmdlet; ``loader`` returns its class when it first runs."""

    full_name = "System.Management.Automation.CmdletInfo"

    def __init__(self, name: str, loader: Callable[[], type], module_name: str = "",
                 implementing_type: str = "") -> None:
        super().__init__(name, module_name)
        self._loader = loader
        self._class: Optional[type] = None
        self.implementing_type = implementing_type or name

    def implementation(self) -> type:
        if self._class is None:
            self._class = self._loader()
        return self._class

    def metadata(self, context: Any = None) -> CommandMetadata:
        return self.implementation().metadata

    def new_processor(self, context: Any, arguments: list, invocation: Any) -> Any:
        from .processors import CmdletProcessor
        return CmdletProcessor(context, invocation, self, arguments)


_script_metadata_cache: dict[int, tuple[Any, CommandMetadata]] = {}
_pscmdlet_cache: dict[int, tuple[Any, bool]] = {}


class FunctionInfo(CommandInfo):
    """A function or filter defined by a script (or a script block run with
    ``&``/``.``); ``dot_source`` runs it in the caller's scope."""

    full_name = "System.Management.Automation.FunctionInfo"

    def __init__(self, name: str, script_block: Any, command_type: str = "Function",
                 module_name: str = "") -> None:
        super().__init__(name, module_name)
        self.script_block = script_block
        self.command_type = command_type
        self.dot_source = False

    @property
    def definition(self) -> str:
        return str(self.script_block)

    @property
    def implementing_type(self) -> str:
        """Functions put their own name in FullyQualifiedErrorIds."""
        return self.name

    def metadata(self, context: Any) -> CommandMetadata:
        """Built once per script block AST (attribute arguments are
        evaluated in the context of the first call)."""
        key = id(self.script_block.ast)
        cached = _script_metadata_cache.get(key)
        if cached is not None and cached[0] is self.script_block.ast:
            return cached[1]
        from .script_metadata import build_script_metadata
        metadata = build_script_metadata(self.name, self.script_block, context.eval_expression)
        _script_metadata_cache[key] = (self.script_block.ast, metadata)
        return metadata

    def uses_pscmdlet(self) -> bool:
        """Whether the body mentions ``$PSCmdlet`` (found once per script
        block AST), so calls of functions that don't can skip creating it."""
        ast = self.script_block.ast
        key = id(ast)
        cached = _pscmdlet_cache.get(key)
        if cached is None or cached[0] is not ast:
            from pwshlike.language.ast import VariableExpressionAst
            uses = any(isinstance(node, VariableExpressionAst) and node.name.lower() == "pscmdlet"
                       for node in ast.walk())
            cached = _pscmdlet_cache[key] = (ast, uses)
        return cached[1]

    def dot_sourced(self) -> "FunctionInfo":
        clone = copy.copy(self)
        clone.dot_source = True
        return clone

    def new_processor(self, context: Any, arguments: list, invocation: Any) -> Any:
        from .processors import ScriptCommandProcessor
        return ScriptCommandProcessor(context, invocation, self, arguments, dot_source=self.dot_source)


class ExternalScriptInfo(FunctionInfo):
    """A ``.ps1`` file run by path; parsed when it runs."""

    full_name = "System.Management.Automation.ExternalScriptInfo"

    def __init__(self, path: str, script_block: Any) -> None:
        import os
        super().__init__(os.path.basename(path), script_block, "ExternalScript")
        self.path = path

    @property
    def definition(self) -> str:
        return self.path


class AliasInfo(CommandInfo):
    """``Get-Alias`` entries: a name that stands for another command."""

    command_type = "Alias"
    full_name = "System.Management.Automation.AliasInfo"

    def __init__(self, name: str, target: str) -> None:
        super().__init__(name)
        self.target = target

    @property
    def definition(self) -> str:
        return self.target
