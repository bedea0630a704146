"""Set-StrictMode: the coding rules of the current scope and its children.

The version is stored on the caller's scope (pwsh's
SessionStateScope.StrictModeVersion), so a function that turns strict mode
on leaves its caller unchanged.  The checks themselves live where the
values are read (``pwshlike.runtime``): version 1 makes reading an unset
variable an error (outside strings), 2 adds missing properties, unset
variables in strings and ``f(1, 2)`` calls, 3 and later indexes out of
range.
"""

from __future__ import annotations

from typing import Any

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.metadata import ValidationError
from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.netobjects import Version
from pwshlike.dotnet.types import resolve_type
from pwshlike.runtime.automatic import PS_VERSION
from pwshlike.runtime.compile_expressions import enable_strict_checks


def _to_version(value: Any) -> Version:
    """pwsh's ArgumentToPSVersionTransformation: ``Latest`` is the running
    version, a bare number ``n`` is ``n.0``."""
    if isinstance(value, Version):
        return value
    text = to_string(value).strip()
    if text.lower() == "latest":
        return Version(PS_VERSION[0], PS_VERSION[1])
    if text.isdigit():
        return Version(int(text), 0)
    # Anything else (a double like 7.4 included) is read as a [version]
    # string, whose failure names the value and type as binding errors do.
    return resolve_type("System.Version").convert(text)


def _validate_version(version: Any) -> None:
    """pwsh's ValidateVersion: a released PowerShell version up to this one."""
    major, minor = version.Major, version.Minor
    valid = ((1 <= major <= 4 and minor == 0) or (major == 5 and minor in (0, 1))
             or (major == 6 and 0 <= minor <= 2) or (major == PS_VERSION[0] and 0 <= minor <= PS_VERSION[1]))
    if not valid:
        raise ValidationError(f'The "{to_string(version)}" argument does not contain a valid PowerShell version. '
                              "Supply a valid version number and then try the command again.")


@cmdlet("Set-StrictMode", default_parameter_set="Version", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096804")
class SetStrictModeCommand(Cmdlet):
    """Turns on rules that make common scripting mistakes errors, in the current scope and the scopes it creates.

    -Version 1.0 makes reading an uninitialized variable an error; 2.0 adds references to missing properties,
    calling functions like methods (f(1, 2)) and variables without names (${}); 3.0 and Latest also make
    out-of-range array indexes and invalid indexes errors. -Off turns the rules off. The setting lasts until
    the scope ends, so a script can enable it without changing the caller."""

    help_examples = [
        ("Example 1: Catch typos in variable names", "Set-StrictMode -Version Latest\n$total = 5\n$totl + 1",
         "Reading $totl, which was never assigned, is now an error instead of an empty value."),
        ("Example 2: Turn the rules off again", "Set-StrictMode -Off",
         "Uninitialized variables and missing properties read as $null again in this scope."),
    ]

    off = Parameter("SwitchParameter", sets={"Off": {"mandatory": True}},
                    help="Turns strict mode off for the current scope and its children.")
    version = Parameter("Version", aliases=("v",), sets={"Version": {"mandatory": True}},
                        converter=_to_version, validators=(_validate_version,),
                        help="The rules to enforce: 1.0, 2.0, 3.0 or Latest.")

    def end_processing(self) -> None:
        major = 0 if self.off else self.version.Major
        self.context.scope.strict_mode = major
        if major >= 2:
            enable_strict_checks()
