"""What a plugin declares about the PowerShell modules it provides.

A :class:`ModuleSpec` is the metadata of one module (name, version, the
commands it exports and where their classes live); it names every command
implementation by an import path (``"package.module:Class"``) so that
declaring a module imports nothing.  The classes load when a command is
first described or run.
"""

from __future__ import annotations

from collections.abc import Mapping

from pwshlike.dotnet.netobjects import Version

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Optional, Union
    import uuid
    CommandsArgument = Union[Mapping[str, str], Iterable["CommandSpec"]]


def parse_version(value: Union[str, Version]) -> Version:
    """``"3.0.11"`` as a ``System.Version``; a single number means ``N.0``."""
    if isinstance(value, Version):
        return value
    text = str(value).strip()
    if text.isdigit():
        text += ".0"
    return Version.parse(text)


def import_target(target: str) -> Any:
    """The object ``"package.module:attribute"`` names (dots after the colon
    walk attributes)."""
    import importlib
    module_name, _, attribute = target.partition(":")
    obj: Any = importlib.import_module(module_name)
    for part in attribute.split(".") if attribute else ():
        obj = getattr(obj, part)
    return obj


def _check_target(target: str) -> str:
    module_name, sep, attribute = target.partition(":")
    if not sep or not module_name or not attribute:
        raise ValueError(f"'{target}' is not an import path of the form 'package.module:Class'")
    return target


class CommandSpec:
    """One exported cmdlet: its name, the class that implements it, the
    .NET type name pwsh would show in FullyQualifiedErrorIds (defaults to
    the class name) and its online help address (``help_uri``, the
    command's HelpUri; the class's ``@cmdlet(help_uri=...)`` when empty)."""

    __slots__ = ("name", "target", "implementing_type", "help_uri")

    def __init__(self, name: str, target: str, implementing_type: str = "", help_uri: str = "") -> None:
        self.name = name
        self.target = _check_target(target)
        self.implementing_type = implementing_type or target.rpartition(":")[2].rpartition(".")[2]
        self.help_uri = help_uri

    def __repr__(self) -> str:
        return f"CommandSpec({self.name!r}, {self.target!r})"


class ModuleSpec:
    """A PowerShell module a plugin provides.

    ``commands`` maps cmdlet names to import paths (or is a list of
    :class:`CommandSpec`); ``aliases`` maps alias names to the commands they
    stand for and are exported with the module.  ``builtin`` marks the
    engine's own modules, which every session has imported from the start.
    ``required_modules`` names modules (of any plugin) that Import-Module
    imports first, as a manifest's RequiredModules does: the Graph modules
    all need Microsoft.Graph.Authentication's Connect-MgGraph.
    ``plugin`` is filled in with the name of the plugin that declared it.
    """

    __slots__ = ("name", "version", "commands", "aliases", "description", "author", "company_name",
                 "copyright", "guid", "project_uri", "help_info_uri", "builtin", "required_modules", "plugin", "_base")

    def __init__(self, name: str, version: Union[str, Version], *, commands: CommandsArgument = (),
                 aliases: Optional[Mapping[str, str]] = None, description: str = "", author: str = "",
                 company_name: str = "", copyright: str = "", guid: Union[str, uuid.UUID, None] = None,
                 project_uri: str = "", help_info_uri: str = "", builtin: bool = False,
                 required_modules: Iterable[str] = ()) -> None:
        if not name or any(c in name for c in "\\/*?"):
            raise ValueError(f"'{name}' is not a valid module name")
        self.name = name
        self.version = parse_version(version)
        if isinstance(commands, Mapping):
            specs = [CommandSpec(n, t) for n, t in commands.items()]
        else:
            specs = list(commands)
        self.commands: tuple[CommandSpec, ...] = tuple(specs)
        self.aliases: dict[str, str] = dict(aliases or {})
        self.description = description
        self.author = author
        self.company_name = company_name
        self.copyright = copyright
        if guid:
            import uuid  # a plain script's start-up does not import uuid (conversions.is_guid)
            self.guid: Optional[uuid.UUID] = uuid.UUID(str(guid))
        else:
            self.guid = None
        self.project_uri = project_uri
        self.help_info_uri = help_info_uri
        self.builtin = builtin
        self.required_modules: tuple[str, ...] = tuple(required_modules)
        self.plugin = ""
        self._base: Optional[str] = None

    @property
    def key(self) -> str:
        return self.name.lower()

    @property
    def module_base(self) -> str:
        """The directory of the Python package implementing the module (what
        Get-Module shows as ModuleBase and Path), found without importing it."""
        if self._base is None:
            self._base = ""
            if self.commands:
                import importlib.util
                import os
                top = self.commands[0].target.partition(":")[0]
                try:
                    found = importlib.util.find_spec(top)
                except (ImportError, ValueError):
                    found = None
                if found is not None and found.origin:
                    self._base = os.path.dirname(found.origin)
        return self._base

    def command(self, name: str) -> Optional[CommandSpec]:
        low = name.lower()
        for spec in self.commands:
            if spec.name.lower() == low:
                return spec
        return None

    def __repr__(self) -> str:
        return f"ModuleSpec({self.name!r}, {str(self.version)!r})"


def command_loader(command: CommandSpec, module: ModuleSpec,
                   before: Optional[Callable[[], None]] = None) -> Callable[[], type]:
    """A loader for CmdletInfo: runs ``before`` (which registers the module's
    types) and imports the class.  A plugin whose code fails to import
    gives a PowerShell error naming the command, module and plugin, not a
    Python traceback."""

    def load() -> type:
        try:
            if before is not None:
                before()
            return import_target(command.target)
        except Exception as exc:
            raise plugin_load_error(command.name, module, exc) from exc

    return load


def plugin_load_error(command: str, module: ModuleSpec, exc: BaseException) -> Exception:
    from pwshlike.dotnet.errors import ErrorCategory, RuntimeException
    plugin = f" (plugin '{module.plugin}')" if module.plugin else ""
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return RuntimeException(f"The command '{command}' of module '{module.name}'{plugin} could not be loaded: "
                            f"{detail}", exc, error_id="PluginCommandLoadFailed",
                            category=ErrorCategory.ResourceUnavailable, target_object=command)
