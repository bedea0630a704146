"""Start-Sleep: pausing a script or the session.

The wait is taken in short slices so that Ctrl+C (a KeyboardInterrupt in
the main thread) stops it at once, as pwsh's StopProcessing wakes the
cmdlet's wait handle.
"""

from __future__ import annotations

import datetime
import time

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, PSArgumentException

_INT_MAX = 2**31 - 1
_SLICE_SECONDS = 0.05
MSG_MAXIMUM_DURATION = "The Duration parameter value must not exceed '{0}', provided value was '{1}'."


@cmdlet("Start-Sleep", default_parameter_set="Seconds", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097041")
class StartSleepCommand(Cmdlet):
    """Pauses the script or the session for a while.

    The wait is given in seconds (fractions allowed), in milliseconds, or as a TimeSpan with -Duration.
    Ctrl+C ends it at once."""

    help_examples = [
        ("Example 1: Wait a second and a half", "Start-Sleep -Seconds 1.5",
         "The next statement runs after 1.5 seconds."),
        ("Example 2: Poll until a file appears",
         "while (-not (Test-Path ./ready.flag)) { Start-Sleep -Milliseconds 500 }",
         "Checks twice a second until ready.flag exists."),
        ("Example 3: A TimeSpan", "Start-Sleep -Duration (New-TimeSpan -Minutes 2)",
         "Waits two minutes."),
    ]

    seconds = Parameter("Double", sets={"Seconds": {"position": 0, "mandatory": True, "value_from_pipeline": True,
                                                    "value_from_pipeline_by_property_name": True}},
                        validators=(validate_range(0.0, float(_INT_MAX // 1000)),),
                        help="How long to sleep, in seconds.")
    milliseconds = Parameter("Int32", aliases=("ms",), sets={"Milliseconds": {
        "mandatory": True, "value_from_pipeline_by_property_name": True}},
                             validators=(validate_range(0, _INT_MAX),), help="How long to sleep, in milliseconds.")
    duration = Parameter("TimeSpan", aliases=("ts",), sets={"FromTimeSpan": {
        "position": 0, "mandatory": True, "value_from_pipeline": True,
        "value_from_pipeline_by_property_name": True}},
                         validators=(validate_range("NonNegative"),), help="How long to sleep, as a TimeSpan.")

    def process_record(self) -> None:
        if self.parameter_set_name == "Milliseconds":
            milliseconds = int(self.milliseconds)
        elif self.parameter_set_name == "FromTimeSpan":
            milliseconds = self._duration_milliseconds()
        else:
            milliseconds = int(float(self.seconds) * 1000)
        _sleep(milliseconds / 1000)

    def _duration_milliseconds(self) -> int:
        total = self.duration / datetime.timedelta(milliseconds=1)
        if total > _INT_MAX:
            from pwshlike.dotnet.conversions import to_string
            limit = to_string(datetime.timedelta(milliseconds=_INT_MAX))
            exc = PSArgumentException(MSG_MAXIMUM_DURATION.format(limit, to_string(self.duration)))
            self.throw_terminating_error(ErrorRecord(exc, "MaximumDurationExceeded",
                                                     ErrorCategory.InvalidArgument, None))
        return int(total)


def _sleep(seconds: float) -> None:
    """Sleeps ``seconds`` in slices, so a pending Ctrl+C lands promptly."""
    deadline = time.monotonic() + seconds
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(left, _SLICE_SECONDS))
