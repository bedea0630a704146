"""What the item cmdlets (New-, Remove-, Copy-, Move-, Rename-Item) share:
finding each path's provider and items, pwsh's not-found and in-use
errors, -Include/-Exclude/-Filter on item names, and -Credential, which no
provider here accepts (pwsh: only New-PSDrive takes credentials).
"""

from __future__ import annotations

import os
from typing import Any, Iterator, Optional

from pwshlike.commands.binder import binding_error
from pwshlike.commands.cmdlet import Cmdlet, Parameter
from pwshlike.dotnet.errors import ErrorRecord, PSInvalidOperationException, PSNotSupportedException
from pwshlike.dotnet.wildcard import unescape_wildcard
from pwshlike.runtime.scopes import parse_options

from . import fspaths
from .fsprovider import FILE_SYSTEM
from .itemproviders import provider_or_error
from .sessionproviders import FUNCTION


def path_parameters(items: str, *, by_value: bool = False, by_property_name: bool = True,
                    many: bool = True) -> tuple[Parameter, Parameter]:
    """-Path and -LiteralPath as the item cmdlets declare them (two parameter
    sets, PSPath/LP aliases); ``items`` starts both help texts, e.g. "The
    items to clear".  Only the pipeline binding of -Path and whether the
    paths are an array differ between cmdlets."""
    kind = "String[]" if many else "String"
    return (Parameter(kind, sets={"Path": {"mandatory": True, "position": 0}}, value_from_pipeline=by_value,
                      value_from_pipeline_by_property_name=by_property_name, supports_wildcards=True,
                      help=f"{items}; wildcards allowed."),
            Parameter(kind, aliases=("PSPath", "LP"), sets={"LiteralPath": {"mandatory": True}},
                      value_from_pipeline_by_property_name=True, help=f"{items}, taken exactly as typed."))


def filter_parameters() -> tuple[Parameter, Parameter, Parameter]:
    """-Filter, -Include and -Exclude, which the item property cmdlets, Clear-Item, Clear-Content and
    Invoke-Item declare alike."""
    return (Parameter("String", help="Only items whose names match this wildcard.", supports_wildcards=True),
            Parameter("String[]", help="Only items whose names match these wildcards.", supports_wildcards=True),
            Parameter("String[]", help="Leaves out items whose names match these wildcards.",
                      supports_wildcards=True))


def force_parameter(help_text: str) -> Parameter:
    """-Force, declared by each cmdlet where pwsh lists it."""
    return Parameter("SwitchParameter", help=help_text)


def credential_parameter() -> Parameter:
    """-Credential, which every item cmdlet has and no provider here takes."""
    return Parameter("PSCredential", value_from_pipeline_by_property_name=True,
                     help="Not supported by these providers (pwsh takes credentials only in New-PSDrive).")


def options_parameter() -> Parameter:
    """-Options, the Function provider's dynamic parameter of New-Item and
    Set-Item (see :meth:`ItemCmdlet.options_refused`)."""
    return Parameter("ScopedItemOptions", converter=parse_options,
                     help="Function: drive only: the function's options (None, ReadOnly, Constant, Private, "
                          "AllScope); Set-Item without -Value changes an existing function's options.")


class ItemCmdlet(Cmdlet):
    """Base of the item cmdlets: -Credential and path resolution (each
    cmdlet declares -Force and -Credential where pwsh lists them)."""

    def credential_refused(self, provider: Any) -> bool:
        """-Credential given: pwsh's NotSupported error, and nothing done."""
        if self.credential is None:
            return False
        if provider is FILE_SYSTEM:
            message = ("The FileSystem provider supports credentials only on the New-PSDrive cmdlet. Perform the "
                       "operation again without specifying credentials.")
        else:
            message = ("The provider does not support the use of credentials. Perform the operation again without "
                       "specifying credentials.")
        self.write_error(PSNotSupportedException(message).error_record)
        return True

    def options_refused(self, provider: Any) -> None:
        """-Options given for a path off the Function: drive: pwsh has no
        such parameter there (the Alias provider's options are not kept
        here), so binding fails with NamedParameterNotFound."""
        if getattr(self, "options", None) is not None and provider is not FUNCTION:
            exc = binding_error(f"Microsoft.PowerShell.Commands.{type(self).__name__}", "NamedParameterNotFound",
                                "Options")
            self.throw_terminating_error(exc.error_record)

    def items(self, raw: str, literal: bool, filtered: bool = True,
              missing: Optional[str] = None, root: bool = False) -> Iterator[tuple[Any, str]]:
        """``(provider, item path)`` for each item ``raw`` names; a path
        that does not exist is ``PathNotFound`` (or, for -LiteralPath,
        ``missing``'s InvalidOperation message when given, as Move-Item and
        Rename-Item say it); a wildcard's matches are narrowed by
        -Include/-Exclude/-Filter unless ``filtered`` is off (as is a plain
        -Path when -Include or -Exclude is given).  With ``root``
        a session-state drive's root (``Variable:``) is an item too, its one
        container, for the cmdlets pwsh lets reach the provider with it."""
        found = provider_or_error(self, raw)
        if found is None:
            return
        provider, rest = found
        if self.credential_refused(provider):
            return
        if root and provider is not FILE_SYSTEM and not rest.strip("/\\"):
            yield provider, ""
            return
        paths, wildcard = provider.resolve(self, rest, literal, bool(getattr(self, "force", False)))
        # pwsh's ShouldPerformGlobbing: -Include/-Exclude glob a -Path even without wildcards, so its
        # item is filtered by name and a missing one is no error.
        wildcard = wildcard or (filtered and not literal and bool(getattr(self, "include", None)
                                                                  or getattr(self, "exclude", None)))
        if not wildcard and not paths:
            shown = provider.full_path(self, rest if literal else unescape_wildcard(rest)) \
                if provider is FILE_SYSTEM else raw
            if literal and missing is not None:
                exc = PSInvalidOperationException(missing.format(shown))
                self.write_error(ErrorRecord(exc, "InvalidOperation", exc.category, None))
            else:
                self.write_error(fspaths.path_not_found(shown))
            return
        for path in paths:
            if not filtered or not wildcard or self.name_matches(path):
                yield provider, path

    def name_matches(self, path: str) -> bool:
        """-Include, -Exclude and -Filter against the item's name."""
        return fspaths.matches_filters(os.path.basename(path) or path, getattr(self, "include", None),
                                       getattr(self, "exclude", None), getattr(self, "filter", None))

    def in_use(self, provider: Any, path: str, message: str) -> bool:
        """pwsh refuses to remove, move or rename the current location or a
        folder above it ("Cannot remove the item at '...' because it is in use.")."""
        if provider is not FILE_SYSTEM:
            return False
        location = self.context.session.location.rstrip("/") + "/"
        if not location.startswith(path.rstrip("/") + "/"):
            return False
        exc = PSInvalidOperationException(message.format(path))
        self.write_error(ErrorRecord(exc, "InvalidOperation", exc.category, None))
        return True

