"""The common parameters every advanced command takes.

They are ordinary :class:`ParameterMetadata` flagged ``is_common`` so the
binder's prefix rule (a lone non-common match beats common ones) and help's
``[<CommonParameters>]`` can tell them apart.  Their effect is applied by
:func:`preference_overrides` when a command runs.
"""

from __future__ import annotations

from ..dotnet.errors import NotSupportedException, PSInvalidCastException, SetValueException
from .metadata import ParameterMetadata
from .typeconv import converter_for, TypeConverter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

ACTION_PREFERENCES = ("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break")


class _ActionParameterConverter(TypeConverter):
    """An ``-XxxAction`` argument: an ActionPreference other than Suspend.

    pwsh's command runtime refuses Suspend when the binder sets the
    property, so the binder reports the failed set (ParameterBindingFailed),
    not a failed conversion."""

    __slots__ = ("parameter",)
    # $null (or AutomationNull) is no ActionPreference: setting the property fails (ParameterBindingFailed).
    refuses_null = True

    def __init__(self, parameter: str) -> None:
        super().__init__("System.Management.Automation.ActionPreference")
        self.parameter = parameter

    def __call__(self, value: Any) -> Any:
        if value is None:
            reason: Any = PSInvalidCastException(
                'Cannot convert null to type "System.Management.Automation.ActionPreference".')
            raise SetValueException(f'Exception setting "{self.parameter}": "{reason.message}"', reason)
        result = super().__call__(value)
        if str(result) == "Suspend":
            reason = NotSupportedException(SUSPEND_RESERVED)
            raise SetValueException(f'Exception setting "{self.parameter}": "{reason.message}"', reason)
        return result


# ErrorPackage.ActionPreferenceReservedForFutureUseError, with its value.
SUSPEND_RESERVED = ("The Suspend ActionPreference value is reserved for future use and is not supported at this "
                    "time. For more information about preference variables, see the Help topic, "
                    "\"about_Preference_Variables.\"")


def _common(name: str, type_name: str, *aliases: str, accepted: tuple[str, ...] = ()) -> ParameterMetadata:
    converter: Any = None
    if type_name == "ActionPreference":
        converter = _ActionParameterConverter(name)
    elif accepted:
        converter = converter_for("System.Management.Automation." + type_name)
    return ParameterMetadata(name, type_name, aliases=aliases, is_common=True, accepted_values=accepted,
                             converter=converter)


def common_parameters() -> list[ParameterMetadata]:
    """Fresh metadata objects (a command's converters get attached per use)."""
    return [
        _common("Verbose", "SwitchParameter", "vb"),
        _common("Debug", "SwitchParameter", "db"),
        _common("ErrorAction", "ActionPreference", "ea", accepted=ACTION_PREFERENCES),
        _common("WarningAction", "ActionPreference", "wa", accepted=ACTION_PREFERENCES),
        _common("InformationAction", "ActionPreference", "infa", accepted=ACTION_PREFERENCES),
        _common("ProgressAction", "ActionPreference", "proga", accepted=ACTION_PREFERENCES),
        _common("ErrorVariable", "String", "ev"),
        _common("WarningVariable", "String", "wv"),
        _common("InformationVariable", "String", "iv"),
        _common("OutVariable", "String", "ov"),
        _common("OutBuffer", "Int32", "ob"),
        _common("PipelineVariable", "String", "pv"),
    ]


def should_process_parameters() -> list[ParameterMetadata]:
    return [
        _common("WhatIf", "SwitchParameter", "wi"),
        _common("Confirm", "SwitchParameter", "cf"),
    ]


COMMON_NAMES = frozenset(p.name for p in common_parameters() + should_process_parameters())

_ACTION_VARIABLES = {
    "ErrorAction": "ErrorActionPreference",
    "WarningAction": "WarningPreference",
    "InformationAction": "InformationPreference",
    "ProgressAction": "ProgressPreference",
}


def preference_overrides(bound: dict[str, Any]) -> dict[str, Any]:
    """Preference variables a command's common parameters set for its run:
    ``-Verbose`` sets $VerbosePreference to Continue, ``-ErrorAction Stop``
    sets $ErrorActionPreference, ``-WhatIf`` sets $WhatIfPreference..."""
    overrides: dict[str, Any] = {}
    for name, value in bound.items():
        if name in _ACTION_VARIABLES:
            overrides[_ACTION_VARIABLES[name]] = action_preference(value)
        elif name == "Verbose":
            overrides["VerbosePreference"] = "Continue" if value else "SilentlyContinue"
        elif name == "Debug":
            overrides["DebugPreference"] = "Continue" if value else "SilentlyContinue"
        elif name == "WhatIf":
            overrides["WhatIfPreference"] = bool(value)
        elif name == "Confirm":
            overrides["ConfirmPreference"] = "Low" if value else "None"
    return overrides


def action_preference(value: Any) -> str:
    """The canonical ActionPreference name for a bound value."""
    text = str(value)
    for name in ACTION_PREFERENCES:
        if name.lower() == text.lower():
            return name
    return text
