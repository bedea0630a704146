"""Set-Item: gives an item a value, on the providers whose items are
values (``Function:``, ``Variable:``, ``Alias:``, ``Env:``); a missing
item is created, as pwsh's SessionStateProviderBase.SetItem does.  Without
-Value the item is cleared (a variable keeps the name with $null; a
function, alias or environment variable goes away).  The FileSystem
provider has no item values: pwsh's NotSupported error.

-Options is the Function provider's dynamic parameter: the function's
ScopedItemOptions (with no -Value, the existing function's options
change).  pwsh offers it only for paths on Function: (and Alias:, whose
options pwshlike does not keep), so on other drives it is the binder's
NamedParameterNotFound.
"""

from __future__ import annotations

from typing import Any, Iterator

from pwshlike.commands.cmdlet import Parameter, cmdlet
from pwshlike.dotnet.conversions import dotnet_to_string
from pwshlike.dotnet.errors import PSArgumentException, PSNotSupportedException, RuntimeException
from pwshlike.dotnet.wildcard import contains_wildcard

from .fsprovider import FILE_SYSTEM
from .itembase import ItemCmdlet, credential_parameter, force_parameter, options_parameter, path_parameters
from .itemproviders import provider_or_error


@cmdlet("Set-Item", default_parameter_set="Path", supports_should_process=True,
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097055")
class SetItemCommand(ItemCmdlet):
    """Changes the value of a function, variable, alias or environment variable.

    A missing item is created.  Without -Value the item is cleared: a
    variable keeps its name with the value $null, while a function, alias
    or environment variable is removed.  On the Function: drive -Options
    sets the function's options (ReadOnly, Constant, Private, AllScope); a
    read-only item is changed only with -Force.  Files and folders have no
    value to set (use Set-Content for a file's content)."""

    help_examples = [
        ("Example 1: Define a function", "Set-Item -Path Function:Get-Greeting -Value { 'Hello' }",
         "Creates (or replaces) the function Get-Greeting."),
        ("Example 2: Set an environment variable for this session", "Set-Item Env:APP_MODE production",
         "Works like $env:APP_MODE = 'production'."),
        ("Example 3: Protect a function", "Set-Item Function:Get-Greeting -Options ReadOnly",
         "Makes the existing function read-only: changing or removing it now needs -Force."),
    ]

    path, literal_path = path_parameters("The items to set")
    value = Parameter("Object", position=1, value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                      help="The new value (a script block for a function).")
    force = force_parameter("Also changes read-only functions.")
    pass_thru = Parameter("SwitchParameter", help="Outputs the item that was set.")
    credential = credential_parameter()
    options = options_parameter()

    def process_record(self) -> Iterator[Any]:
        literal = self.parameter_set_name == "LiteralPath"
        for raw in (self.literal_path if literal else self.path) or ():
            found = provider_or_error(self, raw)
            if found is None:
                continue
            provider, rest = found
            if self.credential_refused(provider):
                continue
            self.options_refused(provider)
            if provider is FILE_SYSTEM:
                self.write_error(PSNotSupportedException(
                    "Provider operation stopped because the provider does not support this operation.").error_record)
                continue
            names, _ = provider.resolve(self, rest, literal, bool(self.force))
            if not names and (literal or not contains_wildcard(rest)):
                names = [rest]
            for name in names:
                if not self.should_process(f"Item: {name} Value: {dotnet_to_string(self.value)}", "Set Item"):
                    continue
                try:
                    item = self._set(provider, name)
                except (RuntimeException, PSArgumentException) as exc:  # read-only, a bad function body...
                    self.write_error(exc.error_record)
                    continue
                if self.pass_thru and item is not None:
                    yield item

    def _set(self, provider: Any, name: str) -> Any:
        """pwsh's SetSessionStateItem: a value is written; no value with
        -Options changes an existing function's options; no value at all
        clears the item.  Returns the item for -PassThru (None when none)."""
        if self.value is not None:
            return provider.write(self, name, self.value)
        context = self.context
        if self.options is not None:
            if provider.find(self, name) is not None:
                context.session.set_function_options(name, self.options, context.scope, bool(self.force))
            hit = provider.find(self, name)
            return None if hit is None else hit[1]
        provider.clear(self, name)
        hit = provider.find(self, name)
        return None if hit is None else hit[1]
