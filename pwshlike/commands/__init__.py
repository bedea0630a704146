"""The command layer: metadata, the parameter binder, command lookup and
processors, and the built-in cmdlets.

:func:`install` wires it into an engine ``ExecutionContext``; a whole
session (modules and plugins too) is built by
:func:`pwshlike.plugins.session.install`, which calls it.
"""

from __future__ import annotations

from typing import Any

import pwshlike.formatting

from .aliases import DEFAULT_ALIASES
from .registry import CommandRegistry
from .resolution import CommandResolver
from .variable_attributes import resolve_variable_attribute


# The functions pwsh defines in every session for cmd.exe habits (InitialSessionState.BuiltInFunctions).
BUILTIN_FUNCTIONS = (("cd..", "Set-Location .."), ("cd\\", "Set-Location \\"), ("cd~", "Set-Location ~"))


def install(context: Any, registry: CommandRegistry) -> None:
    """Makes ``context`` resolve and run the commands of ``registry``:
    installs the resolver, pwsh's default aliases and its ``cd..``,
    ``cd\\`` and ``cd~`` functions (in the global scope) and the
    formatter.  The layers above add the session's modules and plugins
    (``context.modules``, ``context.plugins``)."""
    context.command_resolver = CommandResolver(registry)
    context.attribute_resolver = resolve_variable_attribute
    context.commands = registry
    context.running_functions = []
    session = context.session
    for name, target in DEFAULT_ALIASES.items():
        session.set_alias(name, target, session.global_scope)
    from pwshlike.runtime.scriptblock import ScriptBlock
    for name, body in BUILTIN_FUNCTIONS:
        session.set_function(name, ScriptBlock.create(body, context), session.global_scope)
    pwshlike.formatting.install(context)
