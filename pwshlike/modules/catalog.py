"""The modules installed plugins provide: what ``Get-Module -ListAvailable``
lists and what autoloading and ``Import-Module <name>`` find.

One catalog serves every session of a process; a session's imported
modules live in its :class:`~pwshlike.modules.table.ModuleTable`.
"""

from __future__ import annotations

from pwshlike.commands.commandinfo import CmdletInfo

from .model import CommandSpec, ModuleSpec, command_loader

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterator, Optional, Union

    from .model import CommandsArgument


class DeclaredCmdletInfo(CmdletInfo):
    """A cmdlet a ModuleSpec declares: when its module is not imported in
    the session, its Module is the PSModuleInfo the spec describes (as
    Get-Command shows a module it has not imported)."""

    @property
    def module(self) -> Any:
        found = super().module
        if found is None and self.spec is not None:
            from .info import PSModuleInfo
            found = PSModuleInfo.from_spec(self.spec)
        return found


class ModuleCatalog:
    """The argument of the ``pwshlike_add_modules`` hook.

    ``add`` declares a module; the same name may be added in several
    versions (Import-Module picks the highest that satisfies its version
    parameters).  A second declaration of the same name and version is
    ignored, so the first plugin to provide a module keeps it.
    """

    def __init__(self, before_load: Optional[Callable[[ModuleSpec], None]] = None) -> None:
        self._specs: list[ModuleSpec] = []
        self._by_command: dict[str, list[tuple[ModuleSpec, CommandSpec]]] = {}
        self._infos: dict[tuple[int, str], Any] = {}
        self._before_load = before_load
        self.current_plugin = ""

    def add(self, module: Union[ModuleSpec, str], version: Optional[str] = None, *,
            commands: CommandsArgument = (), **metadata: Any) -> ModuleSpec:
        """``add(ModuleSpec(...))`` or ``add("Name", "1.0.0", commands={...}, description=...)``."""
        if isinstance(module, ModuleSpec):
            spec = module
        else:
            if version is None:
                raise TypeError("add() needs the module's version")
            spec = ModuleSpec(module, version, commands=commands, **metadata)
        for existing in self._specs:
            if existing.key == spec.key and existing.version == spec.version:
                return existing
        spec.plugin = spec.plugin or self.current_plugin
        self._specs.append(spec)
        for command in spec.commands:
            self._by_command.setdefault(command.name.lower(), []).append((spec, command))
        return spec

    def discard_plugin(self, plugin: str) -> None:
        """Forgets what a plugin declared (it failed to register)."""
        self._specs = [s for s in self._specs if s.plugin != plugin]
        for key in list(self._by_command):
            kept = [entry for entry in self._by_command[key] if entry[0].plugin != plugin]
            if kept:
                self._by_command[key] = kept
            else:
                del self._by_command[key]

    def __iter__(self) -> Iterator[ModuleSpec]:
        return iter(list(self._specs))

    def find(self, name: str) -> list[ModuleSpec]:
        """Every version of module ``name``, highest first."""
        low = name.lower()
        found = [s for s in self._specs if s.key == low]
        found.sort(key=lambda s: s.version, reverse=True)
        return found

    def providers(self, command_name: str) -> list[tuple[ModuleSpec, CommandSpec]]:
        """The modules exporting a command, in declaration order."""
        return list(self._by_command.get(command_name.lower(), ()))

    def cmdlet_info(self, spec: ModuleSpec, command: CommandSpec, name: Optional[str] = None) -> Any:
        """A CmdletInfo for ``command`` (``name`` when imported with a
        prefix); the unprefixed ones are shared by all sessions."""
        shown = name or command.name
        key = (id(spec), shown.lower())
        info = self._infos.get(key)
        if info is None:
            before = None if self._before_load is None else (lambda: self._before_load(spec))
            info = DeclaredCmdletInfo(shown, command_loader(command, spec, before), spec.name,
                                      command.implementing_type, spec, command.help_uri)
            self._infos[key] = info
        return info

    def available_commands(self) -> Iterator[Any]:
        """CmdletInfo objects for the commands of non-engine modules, the
        highest version of each module only."""
        seen: set[str] = set()
        for spec in sorted(self._specs, key=lambda s: s.version, reverse=True):
            if spec.builtin or spec.key in seen:
                continue
            seen.add(spec.key)
            for command in spec.commands:
                yield self.cmdlet_info(spec, command)
