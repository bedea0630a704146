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
classes exported here.

Signing in: :func:`identity` is the process's identity service (MSAL over
httpx, one token cache, certificates by thumbprint, browser and device-code
sign-in); :func:`environment` finds the cloud to sign in to;
``CmdletSignInUI(self)`` lets the service talk through the cmdlet's
warning, verbose and debug streams; ``IdentityError`` is what a failed
sign-in raises and :func:`identity_error_record` the error record to write
for it.  ``ClientSecret``, ``ClientCertificate`` and ``decode_token_claims``
come from the same service; they are imported on first use, so a plugin
that merely registers costs nothing.  Help comes from the class docstring (synopsis, then description), each
Parameter's ``help`` and the optional class attributes ``help_examples``
(``(title, code, remarks)`` tuples), ``help_inputs``, ``help_outputs``
and ``help_notes``.

Parameters may also be declared as typed class attributes
(``top: Annotated[int, Range(1, 100)] = 100``, see
:mod:`pwshlike.commands.typed_parameters`); both spellings give the same
metadata.  :func:`new_object` builds an output object with type names in
front of PSCustomObject's own, for format views; :class:`WildcardPattern`
matches names as pwsh's wildcards do.
"""

from __future__ import annotations

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.metadata import ValidationError
from pwshlike.commands.plugin_failure import PluginException
from pwshlike.dotnet.errors import (
    ArgumentException, ArgumentNullException, ArgumentOutOfRangeException, DirectoryNotFoundException,
    DotNetException, ErrorCategory, ErrorDetails, ErrorRecord, FileNotFoundException, FormatException,
    HttpRequestException, InvalidOperationException, IOException, ItemNotFoundException, KeyNotFoundException,
    NotImplementedException, NotSupportedException, OperationCanceledException, PSArgumentException,
    PSArgumentNullException, PSArgumentOutOfRangeException, PSInvalidOperationException, PSNotSupportedException,
    PSSecurityException, RuntimeException, TimeoutException, UnauthorizedAccessException, WildcardPatternException,
)
from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.values import Hashtable, OrderedDictionary, PSCustomObject
from pwshlike.dotnet.credentials import PSCredential, SecureString
from pwshlike.modules.model import CommandSpec, ModuleSpec
from pwshlike.plugins.markers import hookimpl
from pwshlike.plugins.identity import (
    CmdletSignInUI, MsalClientException, MsalServiceException, identity_error_record,
)
from pwshlike.plugins.registries import CloudEnvironment, FormatView, ViewColumn

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional, Sequence, Union

__all__ = [
    "Cmdlet", "Parameter", "cmdlet", "hookimpl", "ModuleSpec", "CommandSpec", "FormatView", "ViewColumn",
    "CloudEnvironment", "ErrorRecord", "ErrorCategory", "ErrorDetails", "HttpRequestException", "ValidationError",
    "ArgumentException",
    "InvalidOperationException", "NotImplementedException", "RuntimeException", "validate_set", "validate_pattern",
    "validate_range", "validate_length", "validate_count", "validate_not_null", "validate_not_null_or_empty",
    "validate_script", "Hashtable", "OrderedDictionary", "PSCustomObject", "to_string", "http_client",
    "http_client_for", "environment", "environments", "DotNetException", "PSCredential", "SecureString", "identity",
    "CmdletSignInUI", "IdentityError", "ClientSecret", "ClientCertificate", "decode_token_claims",
    "TokenResult", "TokenAccount",
    "identity_error_record", "MsalServiceException", "MsalClientException",
    # typed parameters
    "Param", "Alias", "PSType", "SupportsWildcards", "AllowNull", "AllowEmptyString", "AllowEmptyCollection",
    "ValidateSet", "Range", "Length", "Count", "Pattern", "NotNull", "NotNullOrEmpty", "Check", "validate_predicate",
    # output objects and wildcards
    "new_object", "WildcardPattern",
    # exceptions
    "ArgumentNullException", "ArgumentOutOfRangeException", "DirectoryNotFoundException", "FileNotFoundException",
    "FormatException", "IOException", "ItemNotFoundException", "KeyNotFoundException", "NotSupportedException",
    "OperationCanceledException", "PSArgumentException", "PSArgumentNullException", "PSArgumentOutOfRangeException",
    "PSInvalidOperationException", "PSNotSupportedException", "PSSecurityException", "TimeoutException",
    "UnauthorizedAccessException", "PluginException", "WildcardPatternException",
]

if TYPE_CHECKING:  # served lazily by __getattr__ below
    from pwshlike.dotnet.wildcard import WildcardPattern
    from pwshlike.commands.validation import (
        validate_count, validate_length, validate_not_null, validate_not_null_or_empty, validate_pattern,
        validate_predicate, validate_range, validate_script, validate_set,
    )
    from pwshlike.commands.typed_parameters import (
        Alias, AllowEmptyCollection, AllowEmptyString, AllowNull, Check, Count, Length, NotNull, NotNullOrEmpty,
        Param, Pattern, PSType, Range, SupportsWildcards, ValidateSet,
    )
    from pwshlike.identity.errors import IdentityError
    from pwshlike.identity.service import ClientCertificate, ClientSecret
    from pwshlike.identity.tokens import TokenAccount, TokenResult, decode_token_claims

# Names served on first use (see __getattr__): a plugin's top module, which
# every start-up imports, needs none of them; its cmdlet modules do.
_LAZY_EXPORTS = {
    "IdentityError": "pwshlike.identity.errors", "ClientSecret": "pwshlike.identity.service",
    "ClientCertificate": "pwshlike.identity.service", "decode_token_claims": "pwshlike.identity.tokens",
    "TokenResult": "pwshlike.identity.tokens", "TokenAccount": "pwshlike.identity.tokens",
    "WildcardPattern": "pwshlike.dotnet.wildcard",
    **dict.fromkeys(("Alias", "AllowEmptyCollection", "AllowEmptyString", "AllowNull", "Check", "Count", "Length",
                     "NotNull", "NotNullOrEmpty", "Param", "Pattern", "PSType", "Range", "SupportsWildcards",
                     "ValidateSet"), "pwshlike.commands.typed_parameters"),
    **dict.fromkeys(("validate_count", "validate_length", "validate_not_null", "validate_not_null_or_empty",
                     "validate_pattern", "validate_predicate", "validate_range", "validate_script", "validate_set"),
                    "pwshlike.commands.validation"),
}


def __getattr__(name: str) -> Any:
    module = _LAZY_EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pwshlike.plugin' has no attribute '{name}'")
    import importlib
    return getattr(importlib.import_module(module), name)


def new_object(properties: Any = None, type_name: Union[str, Sequence[str], None] = None) -> PSCustomObject:
    """An output object: ``properties`` (a dict, or (name, value) pairs) as
    note properties in their order, and ``type_name`` (one name or several,
    most specific first) *added in front of* its type names, as
    ``$obj.PSTypeNames.Insert(0, 'Greetings.Greeting')`` does, so a
    FormatView for that name formats it and ``PSCustomObject`` and
    ``System.Object`` stay after it."""
    return PSCustomObject.with_type_names(() if type_name is None else type_name, properties)


def _host(owner: Any) -> Any:
    context = getattr(owner, "context", owner)
    host = getattr(context, "plugins", None)
    if host is None:
        raise RuntimeError("this session was not created by pwshlike.plugins.session.install")
    return host


def http_client(owner: Any) -> Any:
    """The ``httpx.Client`` all cmdlets share (created, and httpx imported,
    on first use).  ``owner`` is the cmdlet (or its context)."""
    return _host(owner).http.client()


def http_client_for(owner: Any, cloud: CloudEnvironment, *, timeout: float = 100.0,
                    connect_timeout: float = 10.0) -> Any:
    """A new pooled ``httpx.Client`` for ``cloud``'s API endpoints, built as
    the identity service builds its own: it trusts ``cloud.ca_certificate_path``
    alone when set (the emulator's CA), never proxies loopback, and uses the
    ``pwshlike_http_transport`` hook's transport when a plugin gives one.
    The caller owns it (one per connection, say) and closes it."""
    from pwshlike.identity.http import build_httpx_client
    transport = _host(owner).pm.hook.pwshlike_http_transport()
    return build_httpx_client(ca_certificate_path=cloud.ca_certificate_path, environment_name=cloud.name,
                              transport=transport, timeout=timeout, connect_timeout=min(connect_timeout, timeout))


def environment(owner: Any, family: str, name: str) -> Optional[CloudEnvironment]:
    """A cloud environment plugins declared (``environment(self, "PartnerCenter", "AzureCloud")``)."""
    return _host(owner).environments.get(family, name)


def environments(owner: Any) -> Any:
    """The environment registry itself (``add``, ``get``, ``names``,
    ``remove``), for a cmdlet that registers a cloud at run time, as
    Start-PwshlikeEmulator and Add-MgEnvironment do."""
    return _host(owner).environments


def identity(owner: Any) -> Any:
    """The process's identity service (``pwshlike.identity.service.IdentityService``),
    created, and msal imported, on first use."""
    return _host(owner).identity.service()
