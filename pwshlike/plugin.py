"""The public API for writing pwshlike plugins.

Everything a plugin needs is importable from here; the rest of the
``pwshlike`` package is internal.  See docs/plugins.md for a tutorial.

Declaring what a plugin provides (the hooks are in
:mod:`pwshlike.plugins.hookspecs`)::

    from pwshlike.plugin import hookimpl

    @hookimpl
    def pwshlike_add_modules(modules):
        modules.add("Greetings", "1.0.0", commands={"Get-Greeting": "greetings.cmdlets:GetGreeting"})

Writing a cmdlet: a class with :class:`Parameter` attributes, decorated
with :func:`cmdlet`; ``process_record`` (and ``begin_processing`` /
``end_processing``) return nothing or yield output objects.  A cmdlet
instance offers ``write_object``, ``write_error``, ``write_warning``,
``write_verbose``, ``write_debug``, ``write_information``,
``throw_terminating_error`` and ``should_process``; ``self.context`` is
the session (``session`` state, ``host`` UI, ``get_variable_value``...).
Values are Python objects where PowerShell's and Python's agree (str, int,
bool, list...) and the classes exported here where they differ
(``Hashtable``, ``PSCustomObject``); ``to_string`` is PowerShell's string
conversion.  Errors are :class:`ErrorRecord` objects around one of the .NET exception
classes exported here.  Help comes from the class docstring (synopsis, then description), each
Parameter's ``help`` and the optional class attributes ``help_examples``
(``(title, code, remarks)`` tuples), ``help_inputs``, ``help_outputs``
and ``help_notes``.
"""

from __future__ import annotations

from typing import Any, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.metadata import ValidationError
from pwshlike.commands.validation import (
    validate_count, validate_length, validate_not_null, validate_not_null_or_empty, validate_pattern,
    validate_range, validate_script, validate_set,
)
from pwshlike.engine.errors import (
    ArgumentException, ErrorCategory, ErrorRecord, InvalidOperationException, NotImplementedException,
    RuntimeException,
)
from pwshlike.engine.conversions import to_string
from pwshlike.engine.values import Hashtable, OrderedDictionary, PSCustomObject
from pwshlike.modules.model import CommandSpec, ModuleSpec
from pwshlike.plugins.markers import hookimpl
from pwshlike.plugins.registries import CloudEnvironment, FormatView, ViewColumn

__all__ = [
    "Cmdlet", "Parameter", "cmdlet", "hookimpl", "ModuleSpec", "CommandSpec", "FormatView", "ViewColumn",
    "CloudEnvironment", "ErrorRecord", "ErrorCategory", "ValidationError", "ArgumentException",
    "InvalidOperationException", "NotImplementedException", "RuntimeException", "validate_set", "validate_pattern",
    "validate_range", "validate_length", "validate_count", "validate_not_null", "validate_not_null_or_empty",
    "validate_script", "Hashtable", "OrderedDictionary", "PSCustomObject", "to_string", "http_client",
    "environment",
]


def _host(owner: Any) -> Any:
    context = getattr(owner, "context", owner)
    host = getattr(context, "plugins", None)
    if host is None:
        raise RuntimeError("this session was not created by pwshlike.commands.install")
    return host


def http_client(owner: Any) -> Any:
    """The ``httpx.Client`` all cmdlets share (created, and httpx imported,
    on first use).  ``owner`` is the cmdlet (or its context)."""
    return _host(owner).http.client()


def environment(owner: Any, family: str, name: str) -> Optional[CloudEnvironment]:
    """A cloud environment plugins declared (``environment(self, "PartnerCenter", "AzureCloud")``)."""
    return _host(owner).environments.get(family, name)
