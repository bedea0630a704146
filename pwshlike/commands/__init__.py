"""The command layer: metadata, the parameter binder, command lookup and
processors, and the built-in cmdlets.

:func:`install` wires it into an engine ``ExecutionContext``.
"""

from __future__ import annotations

from typing import Any

from .aliases import DEFAULT_ALIASES
from .builtins import register_builtins
from .registry import CommandRegistry
from .resolution import CommandResolver
from .variable_attributes import resolve_variable_attribute


def install(context: Any, registry: CommandRegistry | None = None) -> CommandRegistry:
    """Makes ``context`` resolve and run commands: installs the resolver,
    the built-in cmdlets and pwsh's default aliases (in the global scope)."""
    if registry is None:
        registry = CommandRegistry()
        register_builtins(registry)
    context.command_resolver = CommandResolver(registry)
    context.attribute_resolver = resolve_variable_attribute
    context.commands = registry
    context.running_functions = []
    session = context.session
    for name, target in DEFAULT_ALIASES.items():
        session.set_alias(name, target, session.global_scope)
    return registry
