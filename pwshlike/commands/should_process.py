"""ShouldProcess: -WhatIf and -Confirm, as MshCommandRuntime does them.

-WhatIf (or ``$WhatIfPreference``) prints the "What if:" line and declines;
otherwise the command's ConfirmImpact is compared with
``$ConfirmPreference`` (``-Confirm`` lowers it to Low) and, when it is at
least as high, the host asks.  "Yes to All"/"No to All" are remembered for
the rest of the invocation.
"""

from __future__ import annotations

from typing import Any, Optional

_IMPACT = {"none": 0, "low": 1, "medium": 2, "high": 3}

_CHOICES = "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"):"


def _preference(context: Any, overrides: dict[str, Any], name: str, default: Any) -> Any:
    if name in overrides:
        return overrides[name]
    return context.get_variable_value(name, default)


def should_process(context: Any, processor: Any, target: Optional[str], action: Optional[str],
                   description: Optional[str] = None) -> bool:
    """``description`` replaces the "Performing the operation" text (the
    three-argument ShouldProcess overload)."""
    metadata = processor.binding.metadata
    overrides = processor.overrides
    operation = action or processor.info.name
    if description is None:
        description = f'Performing the operation "{operation}" on target "{target}".'
    from pwshlike.engine.conversions import to_bool
    if to_bool(_preference(context, overrides, "WhatIfPreference", False)):
        context.host.write_line(f"What if: {description}")
        return False
    remembered = getattr(processor, "confirm_all", None)
    if remembered is not None:
        return remembered
    preference = str(_preference(context, overrides, "ConfirmPreference", "High")).lower()
    impact = _IMPACT.get(metadata.confirm_impact.lower(), 2)
    if preference == "none" or impact == 0 or impact < _IMPACT.get(preference, 3):
        return True
    return _ask(context, processor, description)


def _ask(context: Any, processor: Any, description: str) -> bool:
    host = context.host
    host.write_line("")
    host.write_line("Confirm")
    host.write_line("Are you sure you want to perform this action?")
    host.write_line(description)
    while True:
        host.write(_CHOICES + " ")
        answer = host.read_line().strip().lower()
        if answer in ("", "y"):
            return True
        if answer == "a":
            processor.confirm_all = True
            return True
        if answer == "n":
            return False
        if answer == "l":
            processor.confirm_all = False
            return False
        if answer == "s":
            from pwshlike.engine.errors import PipelineStoppedException
            raise PipelineStoppedException("The pipeline has been stopped.")
        if answer == "?":
            host.write_line("Y - Continue with only the next step of the operation.")
            host.write_line("A - Continue with all the steps of the operation.")
            host.write_line("N - Skip this operation and proceed with the next operation.")
            host.write_line("L - Skip this operation and all subsequent operations.")
            host.write_line("S - Pause the current pipeline and return to the command prompt. "
                            "Type \"exit\" to resume the pipeline.")
