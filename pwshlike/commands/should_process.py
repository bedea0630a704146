"""ShouldProcess: -WhatIf and -Confirm, as MshCommandRuntime does them.

-WhatIf (or ``$WhatIfPreference``) prints the "What if:" line and declines;
otherwise the command's ConfirmImpact is compared with
``$ConfirmPreference`` (``-Confirm`` lowers it to Low) and, when it is at
least as high, the host asks.  "Yes to All"/"No to All" are remembered for
the rest of the invocation.  When no question is needed and ``-Verbose``
was given, the "Performing the operation" line is written to the verbose
stream, as pwsh's DoShouldProcess does.

A question that reaches the end of the input (standard input exhausted or
closed) is answered "No to All": nothing is changed, one line says so, and
the invocation asks no more.  Taking the default "Yes" there would make a
ConfirmImpact High change nobody agreed to.
"""

from __future__ import annotations

from typing import Any, Optional

_IMPACT = {"none": 0, "low": 1, "medium": 2, "high": 3}

END_OF_INPUT_MESSAGE = "The input ended before an answer was given: the answer is \"No\" and the operation was not performed."

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
    from pwshlike.dotnet.conversions import to_bool
    if to_bool(_preference(context, overrides, "WhatIfPreference", False)):
        context.host.write_line(f"What if: {description}")
        return False
    remembered = getattr(processor, "confirm_all", None)
    if remembered is not None:
        return remembered
    preference = str(_preference(context, overrides, "ConfirmPreference", "High")).lower()
    impact = _IMPACT.get(metadata.confirm_impact.lower(), 2)
    if preference == "none" or impact == 0 or impact < _IMPACT.get(preference, 3):
        if to_bool(processor.binding.bound.get("Verbose", False)):
            context.write_verbose(description, overrides.get("VerbosePreference"))
        return True
    return _ask(context, processor, ["Confirm", "Are you sure you want to perform this action?", description],
                "confirm_all")


def should_continue(context: Any, processor: Any, query: str, caption: Optional[str] = None) -> bool:
    """ShouldContinue with "Yes to All"/"No to All" (the overload taking
    ``ref yesToAll, ref noToAll``): always asks, whatever -Confirm or
    $ConfirmPreference say, as Remove-Item does before it removes a folder
    with children without -Recurse; an "All" answer holds for the rest of
    the invocation."""
    return _ask(context, processor, [caption or "Confirm", query], "continue_all")


def _ask(context: Any, processor: Any, lines: list[str], remember: str) -> bool:
    """Shows ``lines`` and pwsh's choices; ``remember`` names the processor
    attribute that keeps an "All" answer."""
    remembered = getattr(processor, remember, None)
    if remembered is not None:
        return remembered
    host = context.host
    refusal = getattr(host, "prompt_refusal", None)  # a host with no UI at all (a runspace's)
    if refusal is not None:
        error = refusal("\n".join(lines[1:]))
        error.error_record.invocation_info = processor.invocation
        raise error
    if getattr(host, "non_interactive", False):  # pwsh's host refuses before it shows the question
        from pwshlike.dotnet.errors import host_not_interactive
        error = host_not_interactive()
        error.error_record.invocation_info = processor.invocation
        raise error
    host.write_line("")
    for line in lines:
        host.write_line(line)
    while True:
        host.write(_CHOICES + " ")
        line = host.read_line()
        if line is None:
            host.write_line("")
            host.write_line(END_OF_INPUT_MESSAGE)
            setattr(processor, remember, False)
            return False
        answer = line.strip().lower()
        if answer in ("", "y"):
            return True
        if answer == "a":
            setattr(processor, remember, True)
            return True
        if answer == "n":
            return False
        if answer == "l":
            setattr(processor, remember, False)
            return False
        if answer == "s":
            from pwshlike.dotnet.errors import PipelineStoppedException
            raise PipelineStoppedException("The pipeline has been stopped.")
        if answer == "?":
            host.write_line("Y - Continue with only the next step of the operation.")
            host.write_line("A - Continue with all the steps of the operation.")
            host.write_line("N - Skip this operation and proceed with the next operation.")
            host.write_line("L - Skip this operation and all subsequent operations.")
            host.write_line("S - Pause the current pipeline and return to the command prompt. "
                            "Type \"exit\" to resume the pipeline.")
