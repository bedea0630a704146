"""``[ExperimentAction]`` and ``[Experimental]`` (ExperimentalAttribute):
the types pwsh's experimental-feature switch is declared with.  A script can build the attribute (its constructor checks
its arguments as pwsh's does); the engine has no experimental features, so
no attribute ever hides or shows anything."""

from __future__ import annotations

from typing import Any

from .conversions import to_string
from .errors import PSArgumentException, PSArgumentNullException
from .values import EnumInfo

EXPERIMENT_ACTION = EnumInfo("System.Management.Automation.ExperimentAction", (
    ("None", 0), ("Hide", 1), ("Show", 2)))


class ExperimentalAttribute:
    """``[Experimental('Feature', 'Hide')]``: a feature name and the
    action (Hide or Show) taken when that feature is enabled."""

    __slots__ = ("ExperimentName", "ExperimentAction")
    full_name = "System.Management.Automation.ExperimentalAttribute"

    def __init__(self, name: Any, action: Any) -> None:
        text = to_string(name) if name is not None else ""
        if not text:
            raise PSArgumentNullException(
                "The argument value for the parameter 'experimentName' cannot be null or an empty string.",
                param_name="experimentName")
        from .types import enum_type
        value = enum_type(EXPERIMENT_ACTION).convert(action)
        if int(value) == 0:
            raise PSArgumentException(
                "The Enum member 'None' is not a valid value for the parameter 'experimentAction'. Specify one "
                "of the following members and try again: Hide, Show.", param_name="experimentAction")
        self.ExperimentName = text
        self.ExperimentAction = value

    def __str__(self) -> str:
        return self.full_name

