"""Pipelines: command processors and the arguments handed to them.

A pipeline is a chain of :class:`CommandProcessor` objects.  Each processor
pushes its output objects to ``downstream``, the next processor's
``process`` (or the pipeline's collector for the last one), so objects
stream one at a time as in pwsh.  The engine knows nothing about how a
command binds its parameters: the commands layer creates processors from
``CommandInfo.new_processor(context, arguments, invocation_info)``.
"""

from __future__ import annotations

from typing import Any, Callable, Optional


class _NoInput:
    """Sentinel passed to ``process`` when a command has no pipeline input."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_INPUT"


NO_INPUT: Any = _NoInput()


class CommandArgument:
    """One evaluated argument of a command invocation.

    * ``name``: the parameter name without the dash (``-Name``/``-Name:v``),
      or None for a positional value.
    * ``value``/``has_value``: a lone ``-Switch`` has ``has_value`` False;
      ``-Name:value`` has the value attached (``colon`` True).
    * ``splatted``: came from ``@splat``.
    * ``end_of_parameters``: the unquoted ``--`` marker.
    * ``text``: the argument as written, for error messages.
    """

    __slots__ = ("name", "value", "has_value", "colon", "splatted",
                 "end_of_parameters", "extent", "text")

    def __init__(self, name: Optional[str] = None, value: Any = None, has_value: bool = True,
                 colon: bool = False, splatted: bool = False, end_of_parameters: bool = False,
                 extent: Any = None, text: Optional[str] = None) -> None:
        self.name = name
        self.value = value
        self.has_value = has_value
        self.colon = colon
        self.splatted = splatted
        self.end_of_parameters = end_of_parameters
        self.extent = extent
        self.text = text

    def __repr__(self) -> str:
        if self.end_of_parameters:
            return "CommandArgument(--)"
        if self.name is None:
            return f"CommandArgument({self.value!r})"
        return f"CommandArgument(-{self.name}{':' if self.colon else ''} {self.value!r})"


class CommandProcessor:
    """One command running in a pipeline.

    The runner calls ``begin()`` on every processor first, then feeds
    ``process(obj)`` per input object (``process(NO_INPUT)`` once for the
    first command of a pipeline), then ``end()`` on each in order.  Output
    goes to ``self.downstream(obj)``; the runner sets ``downstream`` before
    ``begin``.  ``expecting_input`` is True when an upstream command feeds
    this one.
    """

    def __init__(self, context: Any, invocation: Any) -> None:
        self.context = context
        self.invocation = invocation
        self.downstream: Callable[[Any], None] = _discard
        self.expecting_input = False

    def begin(self) -> None:
        """Runs before any input arrives."""

    def process(self, input_object: Any) -> None:
        """Handles one input object (``NO_INPUT`` when there is none)."""

    def end(self) -> None:
        """Runs after the last input object."""


def _discard(_obj: Any) -> None:
    return None
