"""The hooks a pwshlike plugin may implement.

A plugin is a module (or any object) with functions marked
``@pwshlike.plugin.hookimpl`` and named like the specifications below; it
may implement any subset, and each implementation may accept any subset of
the specification's arguments, by name.  An implementation whose name is
not listed here is an error: the plugin is skipped with a warning.

Registration hooks (``pwshlike_add_*``) are *historic*: they run once per
process for every plugin, including one registered after start-up, and
receive a registry to fill.  They must only declare things (names, import
paths, data); importing implementation code there slows every start.

Calling order follows pluggy: ``tryfirst`` implementations, then the
others from the most recently registered plugin to the first (the built-in
commands register first, so they run last), then ``trylast`` ones.  For a
plugin registered after a historic hook was called, its implementation runs
when it registers.
"""

from __future__ import annotations


from .markers import hookspec

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional
    from pwshlike.modules.catalog import ModuleCatalog
    from pwshlike.plugins.registries import EnvironmentRegistry, FormatViewRegistry, TypeRegistry


@hookspec(historic=True)
def pwshlike_add_modules(modules: "ModuleCatalog") -> None:
    """Declare the PowerShell modules this plugin provides and their commands.

    ``modules.add("Name", "1.2.0", commands={"Verb-Noun": "package.module:Class"}, description=...)``
    (or ``modules.add(ModuleSpec(...))``).  Command classes are imported the
    first time a command is described or run; the module is imported into a
    session by ``Import-Module`` or by autoloading on first use.
    """


@hookspec(historic=True)
def pwshlike_add_types(types: "TypeRegistry") -> None:
    """Declare the .NET types the plugin's commands take and return.

    ``types.add_enum(full_name, ["A", "B"], module="Name")`` and
    ``types.add_class(full_name, "package.module:Class", interfaces=[...], module="Name")``.
    A type declared with ``module`` appears in the type table when that
    module is imported (or one of its commands first loads); parameters of
    that type then convert through it, and scripts can write ``[FullName]``.
    A class converts other values through its ``convert_from(value)``
    classmethod.
    """


@hookspec(historic=True)
def pwshlike_add_format_views(views: "FormatViewRegistry") -> None:
    """Declare default formatting views for the types the plugin outputs.

    ``views.add(FormatView("Name", ["Full.Type.Name"], "table", [ViewColumn("Id", "Id", width=36), ...]))``.
    The output layer picks the first view registered for the most derived
    of an object's PSTypeNames, as pwsh does with Format.ps1xml files.
    """


@hookspec(historic=True)
def pwshlike_add_environments(environments: "EnvironmentRegistry") -> None:
    """Declare the clouds the plugin's commands can target.

    ``environments.add(CloudEnvironment("PartnerCenter", "AzureCloud", {"ActiveDirectoryAuthority": ...}))``;
    the identity service reads them by family and name.
    """


@hookspec
def pwshlike_session_start(context: Any) -> None:
    """A session was created and its commands layer installed: define
    variables or aliases, read configuration.  ``context`` is the engine's
    ExecutionContext.  An exception is reported as a warning naming the
    plugin; the session starts anyway."""


@hookspec
def pwshlike_session_end(context: Any) -> None:
    """The session is ending (the process exits, or an embedding application
    calls ``PluginHost.end_session``): release what the plugin holds.
    Exceptions are reported as warnings."""


@hookspec(firstresult=True)
def pwshlike_http_transport() -> Optional[Any]:
    """The ``httpx`` transport the shared HTTP client should use, or None
    for httpx's default.  The first plugin returning a transport wins: a
    test or a corporate proxy plugin can route every request pwshlike
    makes.  Called once, when a cmdlet first asks for the client."""
