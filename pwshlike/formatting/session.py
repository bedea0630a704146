"""Formatting sessions and the ``formatter`` hook of an ExecutionContext.

A :class:`FormatSession` is one Out-Default / Out-String / Out-File run:
objects (or Format-* packets) go in one at a time, lines come out as soon
as they are known.  :class:`Formatter` makes sessions for the three
destinations pwsh distinguishes:

* the console (``console_session``): fitted to the window, warning /
  verbose / debug records labelled, styled per ``$PSStyle.OutputRendering``;
* captured text (``capture_session``, Out-String and a native command's
  input): unlimited width unless ``-Width`` is given (tables still fit the
  console), plain unless OutputRendering is Ansi;
* files (calling the formatter, Out-File and ``>``): the console's width
  unless ``-Width`` is given, plain unless Ansi.
"""

from __future__ import annotations

from ..dotnet.errors import ErrorRecord
from .database import REGISTRY
from .output import UNLIMITED, OutputStyle, Outputter
from .packets import PACKET_TYPES
from .shape import DEFAULT_ENUMERATION_LIMIT, Shaper, ShapeSettings
from .style import PLAIN_TEXT, PSStyle
from .views import ViewRegistry

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Optional
    ErrorTextRenderer = Callable[[ErrorRecord, str, bool, int], str]

DEFAULT_WIDTH = 120
"""The width used when there is no console to measure (pwsh's fallback)."""


class FormatSession:
    """Objects in, lines out, with one view per sequence as Out-Default keeps
    it.  ``style`` gives the current OutputStyle; it is asked again for every
    object, so changing ``$PSStyle`` in the middle of a script takes effect
    for what follows, as in pwsh."""

    __slots__ = ("settings", "outputter", "style", "_shaper", "_packets")

    def __init__(self, settings: ShapeSettings, outputter: Outputter,
                 style: Optional[Callable[[], OutputStyle]] = None) -> None:
        self.settings = settings
        self.outputter = outputter
        self.style = style
        self._shaper = Shaper(settings)
        self._packets: list = []

    def add(self, obj: Any) -> list[str]:
        """Formats one object; returns the lines that are ready (a table's
        rows may be held back until its columns are sized).  Format-*
        packets out of order raise output.sequence_error's RuntimeException."""
        outputter = self.outputter
        if self.style is not None:
            outputter.style = self.style()
        if isinstance(obj, PACKET_TYPES):
            if self._shaper.in_document:
                self._close_shaper()
            outputter.process(obj)
            return outputter.take()
        packets = self._packets
        self._shaper.process(obj, packets)
        if packets:
            for packet in packets:
                outputter.process(packet)
            packets.clear()
        return outputter.take()

    def add_all(self, objects: Iterable[Any]) -> list[str]:
        lines: list[str] = []
        for obj in objects:
            lines.extend(self.add(obj))
        return lines

    def finish(self) -> list[str]:
        """Closes the open sequence and returns the remaining lines."""
        if self.style is not None:
            self.outputter.style = self.style()
        self._close_shaper()
        self.outputter.finish()
        return self.outputter.take()

    def _close_shaper(self) -> None:
        packets: list = []
        self._shaper.finish(packets)
        for packet in packets:
            self.outputter.process(packet)
        self.outputter.finish()
        self._shaper = Shaper(self.settings)


_STYLES: dict[tuple, OutputStyle] = {}


def _output_style(styled: bool, strip: bool) -> OutputStyle:
    """The OutputStyle for the current ``$PSStyle`` (cached while it is unchanged)."""
    psstyle = PSStyle.instance
    if not styled:
        key: tuple = (False, strip)
    else:
        formatting = psstyle.Formatting
        key = (True, formatting.TableHeader, formatting.FormatAccent, psstyle.Reset, formatting.Warning,
               formatting.Verbose, formatting.Debug)
    style = _STYLES.get(key)
    if style is None:
        if styled:
            style = OutputStyle(key[1], key[2], key[3], {"warning": key[4], "verbose": key[5], "debug": key[6]})
        else:
            style = OutputStyle(strip=strip)
        if len(_STYLES) > 64:
            _STYLES.clear()
        _STYLES[key] = style
    return style


def console_style(terminal: bool) -> OutputStyle:
    """Styles for the console: by OutputRendering and whether it is a terminal."""
    psstyle = PSStyle.instance
    return _output_style(psstyle.styled_for_host(terminal), psstyle.strips_strings(terminal))


def capture_style() -> OutputStyle:
    """Styles for captured text: only with OutputRendering Ansi; PlainText removes them from strings too."""
    psstyle = PSStyle.instance
    return _output_style(psstyle.styled_for_capture(), psstyle.OutputRendering == PLAIN_TEXT)


def file_style() -> OutputStyle:
    """Styles for files: only with OutputRendering Ansi."""
    psstyle = PSStyle.instance
    return _output_style(psstyle.styled_for_capture(), psstyle.strips_strings(False))


def _plain_error_text(record: ErrorRecord, view: str, color: bool, width: int) -> str:
    return record.message


class Formatter:
    """The ``formatter`` hook; see the module docstring.

    ``width`` and ``error_view`` are callables read when a session starts
    (the console width, ``$ErrorView``); ``error_renderer(record, view,
    color, width)`` lays out errors (the host installs its ErrorView
    layouts); ``context`` supplies ``$FormatEnumerationLimit`` (the engine's
    current context when None)."""

    def __init__(self, width: Optional[Callable[[], int]] = None, error_view: Optional[Callable[[], str]] = None,
                 registry: ViewRegistry = REGISTRY, error_renderer: Optional[ErrorTextRenderer] = None,
                 context: Any = None, height: Optional[Callable[[], Optional[int]]] = None) -> None:
        self.width = width
        self.height = height
        self.error_view = error_view
        self.registry = registry
        self.error_renderer: ErrorTextRenderer = error_renderer or _plain_error_text
        self.context = context

    # --- settings read when a session starts -----------------------------------------------------

    def console_width(self) -> int:
        width = self.width() if callable(self.width) else None
        return width if isinstance(width, int) and width > 0 else DEFAULT_WIDTH

    def _error_view(self) -> str:
        view = self.error_view() if callable(self.error_view) else None
        return view or "ConciseView"

    def enumeration_limit(self, context: Any = None) -> int:
        """``$global:FormatEnumerationLimit`` (pwsh reads the global one) of
        ``context`` (default: this formatter's, else the engine's current one)."""
        context = context if context is not None else self.context
        if context is None:
            from ..runtime import active
            context = active.context
        if context is None:
            return DEFAULT_ENUMERATION_LIMIT
        value = context.get_variable_value("global:FormatEnumerationLimit")
        return int(value) if isinstance(value, int) and not isinstance(value, bool) else DEFAULT_ENUMERATION_LIMIT

    def _session(self, columns: int, style: Callable[[], OutputStyle], label_streams: bool) -> FormatSession:
        renderer = self.error_renderer

        def render_error(record: ErrorRecord, color: bool, width: int) -> str:
            return renderer(record, self._error_view(), color, width)

        current = style()
        rows = self.height() if callable(self.height) else None
        outputter = Outputter(columns, self.console_width(), current, label_streams, render_error,
                              screen_rows=rows)
        return FormatSession(ShapeSettings(self.registry, self.enumeration_limit()), outputter, style)

    # --- the three destinations -----------------------------------------------------------------------

    def console_session(self, terminal: bool) -> FormatSession:
        """Lines for the console; ``terminal`` says whether it may show colours."""
        return self._session(self.console_width(), lambda: console_style(terminal), True)

    def capture_session(self, width: Optional[int] = None) -> FormatSession:
        """Lines captured as text (Out-String, a native command's input)."""
        return self._session(width if width else UNLIMITED, capture_style, False)

    def file_session(self, width: Optional[int] = None) -> FormatSession:
        """Lines written to a file (Out-File, ``>``)."""
        return self._session(width if width else self.console_width(), file_style, False)

    def new_session(self, color: Optional[bool] = None, width: Optional[int] = None) -> FormatSession:
        """A console session when ``color`` is given (whether the console
        shows colours), else a capture session (``width`` as Out-String's)."""
        if color is not None:
            return self.console_session(color)
        return self.capture_session(width)

    def __call__(self, objects: Iterable[Any], width: Optional[int] = None) -> list[str]:
        """The lines a file receives for ``objects`` (Out-File and redirection)."""
        session = self.file_session(width)
        lines = session.add_all(objects)
        lines.extend(session.finish())
        return lines


def formatter_of(context: Any) -> Formatter:
    """The session's Formatter, or one with pwsh's defaults when the host
    installed none (an engine-only context)."""
    formatter = getattr(context, "formatter", None)
    if isinstance(formatter, Formatter):
        return formatter
    host = getattr(context, "host", None)
    width = getattr(host, "window_width", None)
    return Formatter(width=(lambda: width) if isinstance(width, int) else None, context=context)


def shape_settings(context: Any) -> ShapeSettings:
    """What Format-* commands need to shape objects: the views and ``$FormatEnumerationLimit``."""
    formatter = formatter_of(context)
    return ShapeSettings(formatter.registry, formatter.enumeration_limit(context))


def host_is_terminal(context: Any) -> bool:
    """Whether the context's console may show colours (a terminal, NO_COLOR unset)."""
    return bool(getattr(getattr(context, "host", None), "stdout_color", False))
