"""Test-PwshlikePlugin's checks: import everything a plugin declared and
validate its metadata, collecting every problem instead of stopping at the
first (the cmdlet turns each into a non-terminating error record).

Registration imports nothing but a plugin's top module, so a misspelt
import path, a class without ``@cmdlet`` or two parameters sharing a
position would otherwise only show when a user first runs the command.
"""

from __future__ import annotations

import os
import traceback
from typing import Any, Optional

from pwshlike.commands.common import COMMON_NAMES
from pwshlike.commands.metadata import ALL_PARAMETER_SETS, CommandMetadata
from pwshlike.commands.verbs import is_approved_verb
from pwshlike.modules.model import CommandSpec, ModuleSpec, import_target

# ErrorCategory names, per problem kind.
_IMPORT = "ResourceUnavailable"
_METADATA = "MetadataError"
_TYPE = "InvalidType"
_PARSE = "ParserError"

_COMMON_LOWER = frozenset(name.lower() for name in COMMON_NAMES)
_PWSHLIKE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Problem:
    """One thing wrong with a plugin: pwsh-style ``error_id`` and
    ``category``, the ``message``, and ``target`` (``plugin\\item``)."""

    __slots__ = ("error_id", "category", "message", "target")

    def __init__(self, error_id: str, category: str, message: str, target: str) -> None:
        self.error_id = error_id
        self.category = category
        self.message = message
        self.target = target

    def __repr__(self) -> str:
        return f"Problem({self.error_id!r}, {self.target!r})"


class PluginCheck:
    """The outcome for one plugin: how many commands, types and views were
    checked, the problems found, and the warnings (what pwsh accepts but
    is likely a mistake: unapproved verbs, a default parameter set no
    parameter names, several ValueFromPipeline parameters in one set)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.commands = 0
        self.types = 0
        self.views = 0
        self.problems: list[Problem] = []
        self.warnings: list[str] = []
        self.output_types: set[str] = set()

    def problem(self, error_id: str, category: str, item: str, message: str) -> None:
        self.problems.append(Problem(error_id, category, message, f"{self.name}\\{item}"))


def check_plugin(host: Any, name: str) -> PluginCheck:
    """Imports and validates every command, type and view plugin ``name`` declared."""
    check = PluginCheck(name)
    for spec in host.modules:
        if spec.plugin == name:
            for command in spec.commands:
                check.commands += 1
                kept = len(check.warnings)
                _check_command(check, spec, command)
                if spec.builtin:  # pwsh's own modules keep their names and sets: no advice for them
                    del check.warnings[kept:]
    for declaration in host.types.declared_by(name):
        check.types += 1
        if declaration.target:
            _check_type(check, declaration.full_name, declaration.target)
    known = host.types.declared_names() | {t.lower() for t in check.output_types}
    for view in host.views.all():
        if view.plugin == name:
            check.views += 1
            _check_view(check, view, known)
    return check


# --- commands ---------------------------------------------------------------------------

def _check_command(check: PluginCheck, spec: ModuleSpec, command: CommandSpec) -> None:
    what = f"The command '{command.name}' of module '{spec.name}'"
    try:
        cls = import_target(command.target)
    except Exception as exc:
        where = _declaration_site(exc)
        if where is not None:
            check.problem("CmdletDeclarationInvalid", _METADATA, command.name,
                          f"{what} has an invalid declaration ({where}): {_describe(exc)}")
        else:
            check.problem("CmdletClassImportFailed", _IMPORT, command.name,
                          f"{what} could not be imported from '{command.target}': {_describe(exc)}")
        return
    from pwshlike.commands.cmdlet import Cmdlet
    if not isinstance(cls, type) or not issubclass(cls, Cmdlet):
        check.problem("NotACmdletClass", _TYPE, command.name,
                      f"{what} names '{command.target}', which is not a subclass of pwshlike.plugin.Cmdlet.")
        return
    metadata = cls.metadata if "metadata" in cls.__dict__ else None  # (built on first read)
    if "command_name" not in cls.__dict__ or not isinstance(metadata, CommandMetadata):
        check.problem("CmdletDecoratorMissing", _METADATA, command.name,
                      f"{what} names the class '{command.target}', which has no @cmdlet decorator, so it "
                      f"declares no parameters or name.")
        return
    if cls.command_name.lower() != command.name.lower():
        check.problem("CommandNameMismatch", _METADATA, command.name,
                      f"{what} is implemented by '{command.target}', whose @cmdlet names it "
                      f"'{cls.command_name}'; the two names must be the same.")
    check.output_types.update(metadata.output_types)
    _check_parameters(check, command.name, cls, metadata)
    verb, dash, _noun = command.name.partition("-")
    if dash and not spec.builtin and not is_approved_verb(verb):
        check.warnings.append(f"{what} (plugin '{check.name}') uses the unapproved verb '{verb}', which might "
                              f"make it difficult to find. For a list of approved verbs, type Get-Verb.")


def _declaration_site(exc: BaseException) -> Optional[str]:
    """``file:line`` of the plugin code whose declaration pwshlike rejected
    (a @cmdlet or parameter declaration raising while its module ran), or
    None when the exception did not come from pwshlike's declaration code."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames or not _inside_pwshlike(frames[-1].filename) or not isinstance(exc, (TypeError, ValueError)):
        return None
    for frame in reversed(frames):
        if not _inside_pwshlike(frame.filename) and not frame.filename.startswith("<frozen"):
            return f"{frame.filename}:{frame.lineno}"
    return None


def _inside_pwshlike(filename: str) -> bool:
    return os.path.abspath(filename).startswith(_PWSHLIKE_DIR + os.sep)


def _check_parameters(check: PluginCheck, command: str, cls: type, metadata: CommandMetadata) -> None:
    declared = [getattr(p, "name", None) or "" for p in getattr(cls, "_declared_parameters", ())]
    seen: set[str] = set()
    for name in declared:
        low = name.lower()
        if low in seen:
            check.problem("DuplicateParameterName", _METADATA, command,
                          f"A parameter with the name '{name}' was defined multiple times for the command "
                          f"'{command}'.")
        elif low in _COMMON_LOWER:
            check.problem("DuplicateParameterName", _METADATA, command,
                          f"The parameter '{name}' of the command '{command}' has the name of a common "
                          f"parameter.")
        seen.add(low)
    owners = {p.name.lower(): p.name for p in metadata.parameters.values()}
    for parameter in metadata.parameters.values():
        for alias in parameter.aliases:
            owner = owners.get(alias.lower())
            if owner is not None and owner != parameter.name:
                check.problem("DuplicateParameterAlias", _METADATA, command,
                              f"The alias '{alias}' of the parameter '{parameter.name}' of the command "
                              f"'{command}' is already the name or an alias of the parameter '{owner}'.")
            owners.setdefault(alias.lower(), parameter.name)
    for set_name in metadata.parameter_sets:
        _check_set(check, command, metadata, set_name)
    default = metadata.default_parameter_set
    named = {s.lower() for p in metadata.parameters.values() for s in p.sets if s != ALL_PARAMETER_SETS}
    if default and named and default.lower() not in named:
        # pwsh accepts it (a set of the parameters in all sets: Get-Module's
        # "Loaded"), but it is more often a misspelt set name.
        check.warnings.append(f"The default parameter set '{default}' of the command '{command}' is not a set "
                              f"any of its parameters names; it holds only the parameters of all sets.")


def _check_set(check: PluginCheck, command: str, metadata: CommandMetadata, set_name: str) -> None:
    positions: dict[int, str] = {}
    pipeline: list[str] = []
    for parameter in metadata.parameters.values():
        spec = parameter.spec_for(set_name)
        if spec is None:
            continue
        if spec.position is not None:
            other = positions.setdefault(spec.position, parameter.name)
            if other != parameter.name:
                check.problem("DuplicatePosition", _METADATA, command,
                              f"The parameters '{other}' and '{parameter.name}' of the command '{command}' both "
                              f"have position {spec.position} in the parameter set '{set_name}'.")
        if spec.value_from_pipeline:
            pipeline.append(parameter.name)
    if len(pipeline) > 1:
        # pwsh allows it (binding tries each parameter's type in turn, as the
        # Graph SDK's -BodyParameter and -Headers), but an input object of a
        # type several accept binds to the first only.
        check.warnings.append(f"The parameters {', '.join(repr(n) for n in pipeline)} of the command '{command}' "
                              f"all take ValueFromPipeline in the parameter set '{set_name}'; an object that "
                              f"converts to more than one of their types binds to the first.")


# --- types and views --------------------------------------------------------------------

def _check_type(check: PluginCheck, full_name: str, target: str) -> None:
    try:
        cls = import_target(target)
    except Exception as exc:
        check.problem("TypeClassImportFailed", _IMPORT, full_name,
                      f"The type '{full_name}' could not be imported from '{target}': {_describe(exc)}")
        return
    if not isinstance(cls, type):
        check.problem("TypeTargetNotAClass", _TYPE, full_name,
                      f"The type '{full_name}' names '{target}', which is not a class.")


def _check_view(check: PluginCheck, view: Any, known: set[str]) -> None:
    from pwshlike.dotnet.types import find_type
    from pwshlike.language import parse_input
    if not any(t.lower() in known or find_type(t) is not None for t in view.type_names):
        check.problem("ViewTypeUnknown", _METADATA, view.name,
                      f"The view '{view.name}' is for {_names(view.type_names)}, which no command of the plugin "
                      f"declares as an output type and no plugin declares as a type.")
    for column in view.columns:
        if column.script:
            errors = parse_input(column.script).errors
            if errors:
                check.problem("ViewScriptInvalid", _PARSE, view.name,
                              f"The column '{column.label}' of the view '{view.name}' has a script that does not "
                              f"parse: {errors[0].message}")


def _names(type_names: tuple[str, ...]) -> str:
    return ", ".join(f"'{t}'" for t in type_names) or "no type"


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
