"""What Get-PwshlikePlugin lists: one :class:`PluginInfo` per registered plugin.

Everything here comes from what registration already recorded (the
plugin's source, its top module, the modules it declared, the hooks it
implements), so listing plugins imports none of their cmdlet modules and
reads no distribution metadata.
"""

from __future__ import annotations

import os
from types import ModuleType
from typing import Any, Optional

from .discovery import PluginSource


class PluginInfo:
    """``Pwshlike.PluginInfo``: a registered plugin as scripts see it.

    ``Source`` is EntryPoint, UserDirectory, Environment (PWSHLIKE_PLUGINS),
    BuiltIn or Registered (an embedding application's own registration);
    ``Distribution`` and ``Version`` are the installed distribution's for an
    entry point, else the plugin module's ``__version__`` if it has one."""

    full_name = "Pwshlike.PluginInfo"
    PS_MEMBERS = {"Name": "name", "Version": "version", "Distribution": "distribution", "Source": "source",
                  "Modules": "modules", "Location": "location", "Hooks": "hooks", "ToString": "__str__"}

    def __init__(self, name: str, version: Optional[str], distribution: Optional[str], source: str,
                 modules: list[str], location: Optional[str], hooks: list[str]) -> None:
        self.name = name
        self.version = version
        self.distribution = distribution
        self.source = source
        self.modules = modules
        self.location = location
        self.hooks = hooks

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"PluginInfo({self.name!r})"


def plugin_infos(host: Any) -> list[PluginInfo]:
    """Every registered plugin of ``host`` (a PluginHost), in registration order."""
    found = []
    for name in host.plugin_names():
        source = host.sources.get(name)
        if source is not None:
            found.append(_info(host, name, source))
    return found


def _info(host: Any, name: str, source: PluginSource) -> PluginInfo:
    plugin = host.pm.get_plugin(name)
    callers = host.pm.get_hookcallers(plugin) or []
    modules: list[str] = []
    for spec in host.modules:
        if spec.plugin == name and spec.name not in modules:
            modules.append(spec.name)
    if isinstance(plugin, ModuleType):
        version = source.version or _own_version(plugin)
        location = _location(getattr(plugin, "__file__", None))
    else:  # an object registered by an application: where its hook implementations are
        version = source.version
        files = [impl.function.__code__.co_filename for caller in callers for impl in caller.get_hookimpls()
                 if impl.plugin is plugin and hasattr(impl.function, "__code__")]
        location = _location(files[0]) if files else None
    hooks = sorted({caller.name for caller in callers})
    return PluginInfo(name, version or None, source.distribution or None, source.kind, modules, location, hooks)


def _own_version(module: ModuleType) -> str:
    version = getattr(module, "__version__", "")
    return version if isinstance(version, str) else ""


def _location(file: Optional[str]) -> Optional[str]:
    """The plugin's file, or its package's folder."""
    if not file:
        return None
    if os.path.basename(file) == "__init__.py":
        return os.path.dirname(file)
    return file
