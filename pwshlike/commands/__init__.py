"""The command layer: metadata, the parameter binder, command lookup and
processors, and the built-in cmdlets.

:func:`install` wires it into an engine ``ExecutionContext``; a whole
session (modules and plugins too) is built by
:func:`pwshlike.plugins.session.install`, which calls it.
"""

from __future__ import annotations

import pwshlike.formatting
from pwshlike.language import parse_input
from pwshlike.runtime.scriptblock import ScriptBlock, ScriptBlockCode

from .aliases import DEFAULT_ALIASES
from .registry import CommandRegistry
from .resolution import CommandResolver
from .variable_attributes import resolve_variable_attribute

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


# Clear-Host as pwsh defines it on Linux: whatever the native ``clear`` prints
# (the terminal's clear sequence for $TERM), written to the console.
CLEAR_HOST = """
<#
.SYNOPSIS
Clears the console screen.
.DESCRIPTION
Writes the terminal's clear-screen sequence, as the native clear program gives it for $env:TERM, so the
screen (and, where the terminal supports it, its scroll-back) is emptied and the cursor goes to the top left.
cls is an alias; on Linux, clear is the native program itself.
.EXAMPLE
Clear-Host
Empties the screen before the next prompt.
.LINK
https://go.microsoft.com/fwlink/?LinkID=2096480
#>
[Console]::Write((
    & (Get-Command -CommandType Application clear | Select-Object -First 1).Definition
))
"""

# The functions pwsh defines in every session (InitialSessionState.BuiltInFunctions).
BUILTIN_FUNCTIONS = (("cd..", "Set-Location .."), ("cd\\", "Set-Location \\"), ("cd~", "Set-Location ~"),
                     ("Clear-Host", CLEAR_HOST))


class _ParsedOnFirstUse(ScriptBlockCode):
    """The code of a built-in function, parsed when its AST is first read
    (a call, ``Get-Command``'s definition, ``$function:``): every session
    defines these functions and few scripts use them, so start-up neither
    parses them nor compiles the scanner patterns their text needs."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        super().__init__(None)
        self._text = text

    @property  # type: ignore[override]
    def ast(self) -> Any:
        ast = _AST.__get__(self, ScriptBlockCode)
        if ast is None:
            ast, _tokens, _errors = parse_input(self._text)  # the built-in texts parse without errors
            _AST.__set__(self, ast)
        return ast

    @ast.setter
    def ast(self, value: Any) -> None:
        _AST.__set__(self, value)


_AST = ScriptBlockCode.ast  # the slot _ParsedOnFirstUse.ast fills


def install(context: Any, registry: CommandRegistry) -> None:
    """Makes ``context`` resolve and run the commands of ``registry``:
    installs the resolver, pwsh's default aliases and its ``cd..``,
    ``cd\\``, ``cd~`` and ``Clear-Host`` functions (in the global scope) and the
    formatter.  The layers above add the session's modules and plugins
    (``context.modules``, ``context.plugins``)."""
    context.command_resolver = CommandResolver(registry)
    context.attribute_resolver = resolve_variable_attribute
    context.commands = registry
    context.running_functions = []
    session = context.session
    for name, target in DEFAULT_ALIASES.items():
        session.set_alias(name, target, session.global_scope)
    for name, body in BUILTIN_FUNCTIONS:
        session.set_function(name, ScriptBlock(_ParsedOnFirstUse(body), context), session.global_scope)
    pwshlike.formatting.install(context)
