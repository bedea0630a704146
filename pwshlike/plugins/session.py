"""Building a session: the command layer, the session's module table and
the plugin host, wired into an engine ``ExecutionContext``.

This is the top of the layers below the host: commands know neither
modules nor plugins, so what they need from them at run time (autoloading
a module, the plugin of a failing cmdlet, a fresh session for
ForEach-Object -Parallel) is installed on the context here.
"""

from __future__ import annotations

from pwshlike.commands import install as install_commands
from pwshlike.commands.registry import CommandRegistry
from pwshlike.dotnet.types import register_lazy_family
from pwshlike.modules.table import ModuleTable

from .formatter_views import register_plugin_views
from .manager import PluginHost, default_host

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


def install(context: Any, registry: Optional[CommandRegistry] = None, *,
            plugins: Optional[PluginHost] = None) -> CommandRegistry:
    """Makes ``context`` a session: installs the command layer, the
    session's module table with the engine's modules imported (the
    built-in cmdlets, registered through the plugin manager like any
    plugin's), pwsh's default aliases, and runs the plugins' start-up hooks.

    ``plugins`` is the :class:`~pwshlike.plugins.manager.PluginHost` to use
    (default: the process's, discovering plugins on first use); a given
    ``registry`` is used as it is, without the engine's modules."""
    host = plugins if plugins is not None else default_host()
    modules = ModuleTable(context, registry if registry is not None else CommandRegistry(host.modules),
                          host.modules, host.types)
    if registry is None:
        registry = modules.registry
        modules.import_engine_modules()
    context.modules = modules
    install_using_module()
    context.plugins = host
    context.new_session = _new_session
    install_commands(context, registry)
    register_plugin_views(host.views)
    host.start_session(context)
    return registry


def install_using_module() -> None:
    """Makes ``using module`` import through the module table, and the
    parser check that the module it names exists.  The hooks import
    modules.using_module on first use: most scripts have no ``using module``."""
    from pwshlike.language.parser import register_module_lookup
    from pwshlike.runtime.type_names import register_module_importer
    register_module_importer(_import_for_using)
    register_module_lookup(_module_exists)


def _import_for_using(context: Any, specification: Any, folder: Optional[str]) -> tuple[str, list[Any]]:
    from pwshlike.modules.using_module import import_for_using
    return import_for_using(context, specification, folder)


def _module_exists(name: str) -> bool:
    from pwshlike.modules.using_module import module_exists
    return module_exists(name)


def _new_session(context: Any, registry: Optional[CommandRegistry]) -> None:
    """What ForEach-Object -Parallel calls to make a worker context a
    session sharing ``registry``, and a runspace (``registry`` None) to
    make its context a session of its own (the process's plugin host, as
    before)."""
    install(context, registry)


def _register_hosting() -> None:
    """``[powershell]``, ``[runspacefactory]`` and the other hosting types
    load with the type table's lazy families: most runs never name them."""
    from .hosting import register
    register()


register_lazy_family(_register_hosting)


def _register_process_types() -> None:
    """``[System.Diagnostics.Process]``, ``ProcessModule`` and
    ``FileVersionInfo`` are known before a process cmdlet runs (their
    psutil itself stays unimported)."""
    from pwshlike.commands.builtins.process_object import register_types
    register_types()


register_lazy_family(_register_process_types)


def _register_file_system_types() -> None:
    """``[System.IO.FileSystemInfo]``, ``FileInfo`` and ``DirectoryInfo``
    are known before the file system is first listed (a class may derive
    from ``FileSystemInfo``)."""
    import importlib
    importlib.import_module("pwshlike.commands.builtins.fsitems")  # registers the types on import


register_lazy_family(_register_file_system_types)


def _register_property_expression_type() -> None:
    """``[PSPropertyExpression]``, which scripts use as a parameter type."""
    from pwshlike.commands.builtins.propexpr import register_types
    register_types()


register_lazy_family(_register_property_expression_type)
