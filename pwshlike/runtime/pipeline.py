"""Pipelines: command processors and the arguments handed to them.

A pipeline is a chain of :class:`CommandProcessor` objects.  Each processor
pushes its output objects to ``downstream``, the next processor's
``process`` (or the pipeline's collector for the last one), so objects
stream one at a time as in pwsh.  The engine knows nothing about how a
command binds its parameters: the commands layer creates processors from
``CommandInfo.new_processor(context, arguments, invocation_info)``.

:func:`run_pipeline` drives a chain of processors (early stop through
``flow.StopUpstreamCommands``); :class:`RedirectedProcessor` gives one
command its own stream routing for ``2>&1``, ``3> file``, ``*>$null``.
"""

from __future__ import annotations

from ..dotnet.conversions import to_string
from .compile_support import emit_value
from .flow import StopUpstreamCommands
from .streams import FileSink, discard

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Optional


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
    * ``verbatim``: the rest of the line after ``--%`` (a positional string
      native commands receive unquoted and unsplit by the engine).
    * ``literal``: for a numeric literal written differently from its value
      (``34uy``, ``0x10``, ``1e2``), the text as written: a ``[string]``
      parameter binds that text, as pwsh binds the token text.
    """

    __slots__ = ("name", "value", "has_value", "colon", "splatted",
                 "end_of_parameters", "extent", "text", "verbatim", "literal")

    def __init__(self, name: Optional[str] = None, value: Any = None, has_value: bool = True,
                 colon: bool = False, splatted: bool = False, end_of_parameters: bool = False,
                 extent: Any = None, text: Optional[str] = None, verbatim: bool = False,
                 literal: Optional[str] = None) -> None:
        self.name = name
        self.value = value
        self.has_value = has_value
        self.colon = colon
        self.splatted = splatted
        self.end_of_parameters = end_of_parameters
        self.extent = extent
        self.text = text
        self.verbatim = verbatim
        self.literal = literal

    def __repr__(self) -> str:
        if self.end_of_parameters:
            return "CommandArgument(--)"
        if self.name is None:
            return f"CommandArgument({self.value!r})"
        return f"CommandArgument(-{self.name}{':' if self.colon else ''} {self.value!r})"


class ParameterToken(str):
    """A ``-Name`` (or ``-Name:``) argument that a simple function received
    unbound.  In ``$args`` it is the plain string ``-Name``; splatting
    ``@args`` passes it on as a parameter again, as pwsh does."""

    __slots__ = ()

    @property
    def parameter_name(self) -> str:
        return self[1:].rstrip(":")

    @property
    def colon(self) -> bool:
        return self.endswith(":")


class CommandProcessor:
    """One command running in a pipeline.

    The runner calls ``begin()`` on every processor first, then feeds
    ``process(obj)`` per input object (``process(NO_INPUT)`` once for the
    first command of a pipeline), then ``end()`` on each in order.  Output
    goes to ``self.downstream(obj)``; the runner sets ``downstream`` before
    ``begin``.  ``expecting_input`` is True when an upstream command feeds
    this one.

    As in pwsh, an upstream ``begin`` that writes output makes the runner
    begin the downstream command early (pwsh's RanBeginAlready): ``began``
    records that, so ``begin`` runs exactly once and always before
    ``process``.
    """

    # The -ErrorVariable/-WarningVariable lists this command's writes reach
    # (``context.collectors`` while its code runs), when the pipeline set one:
    # pwsh keeps those lists on a command's output pipe, so inside a command
    # only the last command of a nested pipeline feeds the enclosing lists.
    collector_view: Optional[dict[int, list[list[Any]]]] = None

    def __init__(self, context: Any, invocation: Any) -> None:
        self.context = context
        self.invocation = invocation
        self.downstream: Callable[[Any], None] = _discard
        self.expecting_input = False
        self.began = False

    def begin(self) -> None:
        """Runs before any input arrives."""

    def process(self, input_object: Any) -> None:
        """Handles one input object (``NO_INPUT`` when there is none)."""

    def end(self) -> None:
        """Runs after the last input object."""

    def process_all(self, objects: Iterable[Any]) -> None:
        """Handles each object of a list or range the pipeline starts from,
        in order: ``process`` for each, unless a processor has a tighter loop
        that does the same."""
        process = self.process
        for item in objects:
            process(item)

    def clean(self) -> None:
        """Runs once after the pipeline finished or failed (pwsh's ``clean``
        block), for every processor whose ``begin`` ran."""


class PipelineState:
    """Per-pipeline bookkeeping: whether a command in it wrote an error
    (which makes ``$?`` False after the pipeline)."""

    __slots__ = ("failed",)

    def __init__(self) -> None:
        self.failed = False


def _discard(_obj: Any) -> None:
    return None


def run_pipeline(ctx: Any, processors: list[CommandProcessor], out: Callable[[Any], None],
                 source: Optional[Iterable[Any]] = None, sets_status: bool = True) -> None:
    """Runs processors as one pipeline: ``begin`` on each, then input
    (``source``'s objects, enumerated lazily, or one ``NO_INPUT``) into the
    first, then ``end`` on each; the last one writes to ``out``.

    A processor raising StopUpstreamCommands stops the input and the
    commands before it; it and the ones after it still get ``end``.
    Afterwards ``$?`` is False if a command in the pipeline wrote an error
    (unless ``sets_status`` is False: a whole script run keeps the status its
    last statement left)."""
    count = len(processors)
    last = count - 1
    processors[last].downstream = out
    for i in range(last):
        processors[i].downstream = _begin_then_process(processors[i + 1])
        processors[i + 1].expecting_input = True
    if source is not None:
        processors[0].expecting_input = True
    collectors = ctx.collectors
    if last and collectors:
        for i in range(last):
            processors[i].collector_view = {}
        processors[last].collector_view = collectors
    state = PipelineState()
    saved_state = ctx.pipeline_state
    ctx.pipeline_state = state
    try:
        try:
            _begin_and_connect(processors)
            first = processors[0]
            if source is None:
                first.process(NO_INPUT)
            elif type(source) in _PLAIN_SOURCES:  # enumerating them runs no script code
                first.process_all(source)
            else:
                process = first.process
                for item in source:
                    process(item)
            for processor in processors:
                processor.end()
        except StopUpstreamCommands as stop:
            _finish_stopped(processors, stop)
    finally:
        ctx.pipeline_state = saved_state
        for processor in processors:
            if processor.began:
                processor.clean()
    if sets_status:
        ctx.last_success = not state.failed


_PLAIN_SOURCES = (list, tuple, range)


def _begin_and_connect(processors: list[CommandProcessor]) -> None:
    """Begins each command not begun yet, then wires each one's output to
    the next one's ``process`` (a SteppablePipeline's commands are wired to
    begin-then-process until this runs)."""
    for processor in processors:
        if not processor.began:
            processor.began = True
            processor.begin()
    for i in range(len(processors) - 1):
        processors[i].downstream = processors[i + 1].process


class SteppablePipeline:
    """``$sb.GetSteppablePipeline()``: a pipeline a proxy command drives one
    step at a time.  ``Begin(expectInput)`` begins every command,
    ``Process(input)`` feeds one object (none unless input was expected) and
    ``End()`` ends them; each returns the output written since the last
    call (Begin's output comes back from the first Process).  ``clean``
    blocks run once: after End, when a step fails, or on ``Clean()``."""

    full_name = "System.Management.Automation.SteppablePipeline"
    PS_MEMBERS = {"Begin": "begin", "Process": "process", "End": "end", "Clean": "clean", "Dispose": "dispose"}

    def __init__(self, ctx: Any, make_processors: Callable[[Any, bool], list[CommandProcessor]]) -> None:
        self.ctx = ctx
        self.make_processors = make_processors
        self.processors: list[CommandProcessor] = []
        self.output: list[Any] = []
        self.expect_input = False
        self.cleaned = False

    def begin(self, expect_input: Any) -> None:
        """``Begin($expectInput)`` or ``Begin($PSCmdlet)`` (whose command expects input or not)."""
        invocation = getattr(expect_input, "my_invocation", None)
        self.expect_input = bool(invocation.expecting_input) if invocation is not None else bool(expect_input)
        processors = self.processors = self.make_processors(self.ctx, self.expect_input)
        last = len(processors) - 1
        processors[last].downstream = self.output.append
        for i in range(last):
            processors[i].downstream = _begin_then_process(processors[i + 1])
            processors[i + 1].expecting_input = True
        processors[0].expecting_input = self.expect_input

        self._step(lambda: _begin_and_connect(processors))

    def process(self, *input_object: Any) -> list[Any]:
        value = input_object[0] if input_object and self.expect_input else NO_INPUT
        first = self.processors[0]
        self._step(lambda: first.process(value))
        return self._take()

    def end(self) -> list[Any]:
        try:
            self._step(lambda: [processor.end() for processor in self.processors])
            return self._take()
        finally:
            self.clean()

    def clean(self) -> None:
        if self.cleaned:
            return
        self.cleaned = True
        for processor in self.processors:
            if processor.began:
                processor.clean()

    def dispose(self) -> None:
        """Nothing is held beyond the processors; ``clean`` has its own rules."""

    def _step(self, step: Callable[[], Any]) -> None:
        ctx = self.ctx
        saved = ctx.pipeline_state
        ctx.pipeline_state = PipelineState()
        try:
            step()
        except StopUpstreamCommands as stop:
            _finish_stopped(self.processors, stop)
        except BaseException:
            self.clean()  # a failed step ends the pipeline, as pwsh's DoCleanup on failure
            raise
        finally:
            ctx.pipeline_state = saved

    def _take(self) -> list[Any]:
        taken, self.output[:] = list(self.output), []
        return taken


def _begin_then_process(processor: CommandProcessor) -> Callable[[Any], None]:
    """The downstream link while commands are beginning: begins the
    receiving command first if an upstream begin block writes output."""
    def feed(obj: Any) -> None:
        if not processor.began:
            processor.began = True
            processor.begin()
        processor.process(obj)
    return feed


def _position(processors: list[CommandProcessor], source: Any) -> int:
    for i, processor in enumerate(processors):
        if processor is source or getattr(processor, "inner", None) is source:
            return i
    return -1


def _finish_stopped(processors: list[CommandProcessor], stop: StopUpstreamCommands) -> None:
    """Ends the processors from the one that asked to stop onwards
    (beginning any that had not begun yet)."""
    while True:
        index = _position(processors, stop.source)
        if index < 0:
            raise stop
        try:
            for processor in processors[index:]:
                if not processor.began:
                    processor.began = True
                    processor.begin()
            for processor in processors[index:]:
                processor.end()
            return
        except StopUpstreamCommands as again:
            stop = again


class ExpressionProcessor(CommandProcessor):
    """An expression standing as a pipeline command, needed when it has
    redirections (``$x > file``): it evaluates once and writes its items."""

    def __init__(self, context: Any, expression: Callable[[Any], Any]) -> None:
        super().__init__(context, None)
        self.expression = expression

    def process(self, input_object: Any) -> None:
        emit_value(self.expression(self.context), self.downstream)


class Redirection:
    """One compiled redirection: ``streams`` it takes (1-6), and either a
    merge into the output (``kind`` 'merge'), ``$null`` ('null') or a file
    whose path ``location(ctx)`` gives ('file', ``append`` for ``>>``)."""

    __slots__ = ("streams", "kind", "location", "append")

    def __init__(self, streams: tuple[int, ...], kind: str,
                 location: Optional[Callable[[Any], Any]] = None, append: bool = False) -> None:
        self.streams = streams
        self.kind = kind
        self.location = location
        self.append = append


class RedirectedProcessor(CommandProcessor):
    """Wraps a command that has redirections.  While the command runs, the
    context's stream routing is the command's own; when it writes output
    downstream, the routing goes back to the pipeline's, so the next command's
    errors are not captured by this command's ``2>&1``."""

    def __init__(self, context: Any, invocation: Any, inner: CommandProcessor,
                 redirections: list[Redirection]) -> None:
        super().__init__(context, invocation)
        self.inner = inner
        self.redirections = redirections
        self.routing: Any = None
        self.outer: Any = None
        self.sinks: list[Any] = []

    def begin(self) -> None:
        ctx = self.context
        self.outer = outer = ctx.streams
        routing = outer.copy()
        output: Callable[[Any], None] = self._forward
        for redirection in self.redirections:
            if redirection.kind == "merge":
                continue
            if redirection.kind == "null":
                target: Callable[[Any], None] = discard
            else:
                path = ctx.session.resolve_path(to_string(redirection.location(ctx)))
                sink = FileSink(path, redirection.append, ctx.formatter)
                self.sinks.append(sink)
                target = sink
            for stream in redirection.streams:
                if stream == 1:
                    output = target
                else:
                    routing.set(stream, target)
        for redirection in self.redirections:
            if redirection.kind == "merge":
                for stream in redirection.streams:
                    routing.set(stream, output)
        self.routing = routing
        self.inner.downstream = output
        self.inner.expecting_input = self.expecting_input
        self._call(self.inner.begin)

    def _forward(self, obj: Any) -> None:
        ctx = self.context
        ctx.streams = self.outer
        try:
            self.downstream(obj)
        finally:
            ctx.streams = self.routing

    def _call(self, method: Callable[..., None], *args: Any) -> None:
        ctx = self.context
        saved = ctx.streams
        ctx.streams = self.routing
        try:
            method(*args)
        finally:
            ctx.streams = saved

    def process(self, input_object: Any) -> None:
        self._call(self.inner.process, input_object)

    def end(self) -> None:
        self._call(self.inner.end)
        self._close()

    def clean(self) -> None:
        try:
            self._call(self.inner.clean)
        finally:
            self._close()

    def _close(self) -> None:
        for sink in self.sinks:
            sink.close()
