"""CommandInfo objects: what ``Get-Command`` returns and what runs.

Each kind knows how to describe itself (name, type, metadata) and how to
start a processor for one invocation.  Cmdlet implementations are loaded
on first use, so listing or describing commands imports nothing heavy.
pwsh's reflection members (``Parameters``, ``ParameterSets``,
``OutputType``, ``HelpUri``) need the metadata, so reading them loads a
cmdlet's class, as pwsh does; ``Name``, ``Module`` or ``Version`` do not.
"""

from __future__ import annotations

from .metadata import CommandMetadata

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional


def _session() -> Any:
    from pwshlike.runtime import active
    return active.context


class CommandInfo:
    """Base: ``name``, ``command_type`` and ``module_name`` as pwsh shows them,
    and the members pwsh's CommandInfo has."""

    command_type = "Cmdlet"
    full_name = "System.Management.Automation.CommandInfo"
    PS_MEMBERS = {"Name": "name", "CommandType": "command_type", "ModuleName": "module_name",
                  "Source": "module_name", "Definition": "definition", "Module": "module", "Version": "version",
                  "Parameters": "parameters", "ParameterSets": "parameter_sets", "OutputType": "output_type",
                  "HelpUri": "help_uri"}

    def __init__(self, name: str, module_name: str = "") -> None:
        self.name = name
        self.module_name = module_name

    @property
    def definition(self) -> str:
        return self.name

    def described_by(self) -> Optional[CommandMetadata]:
        """The metadata the reflection members read (None when unknown)."""
        return None

    @property
    def module(self) -> Any:
        """The PSModuleInfo of the module the command comes from: the
        imported one when the session has imported it, else null."""
        context = _session()
        modules = getattr(context, "modules", None)
        if not self.module_name or modules is None:
            return None
        found = modules.find_imported(self.module_name)
        if found is None:
            low = self.module_name.lower()
            found = next((m for m in modules.engine_modules() if m.name.lower() == low), None)
        return found

    @property
    def version(self) -> Any:
        module = self.module
        return module.version if module is not None else None

    @property
    def parameters(self) -> Any:
        metadata = self.described_by()
        if metadata is None:
            return None
        from .parameter_info import parameters_of
        return parameters_of(metadata)

    @property
    def parameter_sets(self) -> list[Any]:
        metadata = self.described_by()
        if metadata is None:
            return []
        from .parameter_info import parameter_sets_of
        return parameter_sets_of(self.name, metadata)

    @property
    def output_type(self) -> list[Any]:
        metadata = self.described_by()
        if metadata is None:
            return []
        from .parameter_info import output_types_of
        return output_types_of(metadata)

    @property
    def help_uri(self) -> str:
        return ""

    @property
    def verb(self) -> str:
        verb, dash, _noun = self.name.partition("-")
        return verb if dash else ""

    @property
    def noun(self) -> str:
        _verb, dash, noun = self.name.partition("-")
        return noun if dash else ""

    @property
    def default_parameter_set(self) -> Optional[str]:
        metadata = self.described_by()
        return metadata.default_parameter_set if metadata is not None else None

    def call_plan(self, context: Any, shape: tuple) -> Any:
        """How a compiled call site with arguments of ``shape`` may call this
        command without a processor (see call_plan), or None: only plain
        functions have one."""
        return None

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"


_COMMAND_MEMBERS = {"Verb": "verb", "Noun": "noun", "DefaultParameterSet": "default_parameter_set"}


class CmdletInfo(CommandInfo):
    """A Python cmdlet; ``loader`` returns its class when it first runs.
    ``spec`` is the plugin's ModuleSpec (its version without importing
    anything; the module layer's subclass also describes its module from
    it) and ``help_uri`` the CommandSpec's."""

    full_name = "System.Management.Automation.CmdletInfo"
    PS_MEMBERS = dict(CommandInfo.PS_MEMBERS, ImplementingType="implementing_type", **_COMMAND_MEMBERS)

    def __init__(self, name: str, loader: Callable[[], type], module_name: str = "",
                 implementing_type: str = "", spec: Any = None, help_uri: str = "") -> None:
        super().__init__(name, module_name)
        self._loader = loader
        self._class: Optional[type] = None
        self.implementing_type = implementing_type or name
        self.spec = spec
        self._help_uri = help_uri

    def described_by(self) -> Optional[CommandMetadata]:
        return self.metadata()

    @property
    def version(self) -> Any:
        return self.spec.version if self.spec is not None else super().version

    @property
    def help_uri(self) -> str:
        return self._help_uri or getattr(self.implementation(), "help_uri", "") or ""

    def implementation(self) -> type:
        if self._class is None:
            self._class = self._loader()
        return self._class

    def metadata(self, context: Any = None) -> CommandMetadata:
        return self.implementation().metadata

    def new_processor(self, context: Any, arguments: list, invocation: Any) -> Any:
        from .cmdlet import Cmdlet
        from .processors import CmdletProcessor, CollectingCmdletProcessor
        if getattr(self.implementation(), "input_sink", Cmdlet.input_sink) is not Cmdlet.input_sink:
            return CollectingCmdletProcessor(context, invocation, self, arguments)
        return CmdletProcessor(context, invocation, self, arguments)


_script_metadata_cache: dict[int, tuple[Any, CommandMetadata]] = {}
_pscmdlet_cache: dict[int, tuple[Any, bool]] = {}


class FunctionInfo(CommandInfo):
    """A function or filter defined by a script (or a script block run with
    ``&``/``.``); ``dot_source`` runs it in the caller's scope.  A function
    of a module that is available but not imported has no script block
    yet (Get-Command -Module lists it): its Parameters are null."""

    full_name = "System.Management.Automation.FunctionInfo"
    PS_MEMBERS = dict(CommandInfo.PS_MEMBERS, ScriptBlock="script_block", Options="options",
                      **_COMMAND_MEMBERS)

    def __init__(self, name: str, script_block: Any, command_type: str = "Function",
                 module_name: str = "") -> None:
        super().__init__(name, module_name)
        self.script_block = script_block
        self.command_type = command_type
        self.dot_source = False

    @property
    def options(self) -> str:
        """The function's ScopedItemOptions (``None``, ``ReadOnly, AllScope``),
        read from the session: Set-Item -Options changes them after the
        FunctionInfo was made."""
        from pwshlike.runtime.scopes import options_text
        context = _session()
        if context is None:
            return "None"
        return options_text(context.session.function_options(self.name, context.scope))

    @property
    def definition(self) -> str:
        return str(self.script_block)

    @property
    def implementing_type(self) -> str:
        """Functions put their own name in FullyQualifiedErrorIds."""
        return self.name

    def described_by(self) -> Optional[CommandMetadata]:
        context = _session()
        if self.script_block is None or context is None:
            return None
        return self.metadata(context)

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

    def call_plan(self, context: Any, shape: tuple) -> Any:
        if type(self) is not FunctionInfo:  # a script file runs as a script (its own scope, exit)
            return None
        from .call_plan import plan_call
        return plan_call(self, context, shape)

    def dot_sourced(self) -> "FunctionInfo":
        # copy.copy(self) for these plain (no __slots__, no copy hooks)
        # classes, without the copy module: every -Command text is
        # dot-sourced, and importing copy looks for Jython's org.python.core
        # on every sys.path entry.
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.dot_source = True
        return clone

    def new_processor(self, context: Any, arguments: list, invocation: Any) -> Any:
        from .processors import ScriptCommandProcessor
        return ScriptCommandProcessor(context, invocation, self, arguments, dot_source=self.dot_source)


class ExternalScriptInfo(FunctionInfo):
    """A ``.ps1`` file run by path; parsed when it runs."""

    full_name = "System.Management.Automation.ExternalScriptInfo"
    PS_MEMBERS = dict(FunctionInfo.PS_MEMBERS, Path="path", Source="path")

    def __init__(self, path: str, script_block: Any) -> None:
        import os
        super().__init__(os.path.basename(path), script_block, "ExternalScript")
        self.path = path

    @property
    def definition(self) -> str:
        return self.path


class AliasInfo(CommandInfo):
    """``Get-Alias`` entries: a name that stands for another command.  As in
    pwsh, its Parameters and ParameterSets are those of the command it
    resolves to (``ResolvedCommand``, null when there is none)."""

    command_type = "Alias"
    full_name = "System.Management.Automation.AliasInfo"
    PS_MEMBERS = dict(CommandInfo.PS_MEMBERS, ResolvedCommand="resolved_command",
                      ReferencedCommand="resolved_command", Options="options", Description="description")

    def __init__(self, name: str, target: str) -> None:
        super().__init__(name)
        self.target = target

    @property
    def options(self) -> str:
        """The alias's ScopedItemOptions (``None``, ``ReadOnly``), read from the session."""
        from pwshlike.runtime.scopes import options_text
        context = _session()
        return "None" if context is None else options_text(context.session.alias_meta(self.name, context.scope)[0])

    @property
    def description(self) -> str:
        context = _session()
        return "" if context is None else context.session.alias_meta(self.name, context.scope)[1]

    @property
    def definition(self) -> str:
        return self.target

    @property
    def resolved_command(self) -> Optional[CommandInfo]:
        context = _session()
        resolver = getattr(context, "command_resolver", None)
        if resolver is None:
            return None
        found = resolver.find(context, self.target)
        return found if found is not self else None

    def described_by(self) -> Optional[CommandMetadata]:
        target = self.resolved_command
        return target.described_by() if target is not None else None

    @property
    def parameter_sets(self) -> list[Any]:
        target = self.resolved_command
        return target.parameter_sets if target is not None else []
