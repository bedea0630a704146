"""The command layer: metadata, the parameter binder, command lookup and
processors, and the built-in cmdlets.

:func:`install` wires it into an engine ``ExecutionContext``.
"""

from __future__ import annotations

from typing import Any

from .aliases import DEFAULT_ALIASES
from .registry import CommandRegistry
from .resolution import CommandResolver
from .variable_attributes import resolve_variable_attribute


def install(context: Any, registry: CommandRegistry | None = None, *, plugins: Any = None) -> CommandRegistry:
    """Makes ``context`` resolve and run commands: installs the resolver,
    the session's module table with the engine's modules imported (the
    built-in cmdlets, registered through the plugin manager like any
    plugin's), pwsh's default aliases (in the global scope), and runs the
    plugins' start-up hooks.

    ``plugins`` is the :class:`~pwshlike.plugins.manager.PluginHost` to use
    (default: the process's, discovering plugins on first use); a given
    ``registry`` is used as it is, without the engine's modules."""
    from pwshlike.modules.table import ModuleTable
    from pwshlike.plugins.manager import default_host
    host = plugins if plugins is not None else default_host()
    modules = ModuleTable(context, registry if registry is not None else CommandRegistry(host.modules),
                          host.modules, host.types)
    if registry is None:
        registry = modules.registry
        modules.import_engine_modules()
    context.command_resolver = CommandResolver(registry)
    context.attribute_resolver = resolve_variable_attribute
    context.commands = registry
    context.modules = modules
    context.plugins = host
    context.running_functions = []
    session = context.session
    for name, target in DEFAULT_ALIASES.items():
        session.set_alias(name, target, session.global_scope)
    from pwshlike import formatting
    formatting.install(context)
    from .plugin_views import register_plugin_views
    register_plugin_views(host.views)
    host.start_session(context)
    return registry
