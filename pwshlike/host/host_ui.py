"""What ``$Host`` shows a script: ``$Host.UI``, ``$Host.UI.RawUI`` and
``$Host.PrivateData``, over the console host.

pwsh's console host on Linux is .NET's managed console: sizes are the
terminal's (80x40, .NET's wrap size, when there is none), the colours are
``[Console]``'s (so setting one through either is seen by both), the window
title is remembered and sent to the terminal as an OSC 0 sequence, the
cursor size is always 100.  Everything here is built on first use of
``$Host.UI``, so a plain script does not pay for it.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Optional

_WRAP_SIZE = (80, 40)  # .NET's fallback when the console reports no size
_SMA_HOST = "System.Management.Automation.Host."


class Size:
    """``System.Management.Automation.Host.Size``: a width and a height."""

    __slots__ = ("Width", "Height")
    full_name = _SMA_HOST + "Size"
    PS_MEMBERS = {"Width": "Width", "Height": "Height", "ToString": "__str__"}

    def __init__(self, width: Any = 0, height: Any = 0) -> None:
        self.Width = int(width)
        self.Height = int(height)

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Size) and (self.Width, self.Height) == (other.Width, other.Height)

    def __hash__(self) -> int:
        return hash((self.Width, self.Height))

    def __str__(self) -> str:
        return f"{self.Width},{self.Height}"


class Coordinates:
    """``System.Management.Automation.Host.Coordinates``: a column (X) and a row (Y)."""

    __slots__ = ("X", "Y")
    full_name = _SMA_HOST + "Coordinates"
    PS_MEMBERS = {"X": "X", "Y": "Y", "ToString": "__str__"}

    def __init__(self, x: Any = 0, y: Any = 0) -> None:
        self.X = int(x)
        self.Y = int(y)

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Coordinates) and (self.X, self.Y) == (other.X, other.Y)

    def __hash__(self) -> int:
        return hash((self.X, self.Y))

    def __str__(self) -> str:
        return f"{self.X},{self.Y}"


class ChoiceDescription:
    """``System.Management.Automation.Host.ChoiceDescription``: one answer
    PromptForChoice offers; ``&`` in the label marks its hot key."""

    __slots__ = ("Label", "HelpMessage")
    full_name = _SMA_HOST + "ChoiceDescription"
    PS_MEMBERS = {"Label": "Label", "HelpMessage": "HelpMessage", "ToString": "__str__"}

    def __init__(self, label: Any, help_message: Any = "") -> None:
        from ..dotnet.conversions import to_string
        self.Label = to_string(label)
        self.HelpMessage = to_string(help_message) if help_message is not None else ""

    def __str__(self) -> str:
        return self.full_name


def _hot_keys(choices: list[ChoiceDescription]) -> list[tuple[str, str]]:
    """pwsh's BuildHotkeysAndPlainLabels: (hot key, label without ``&``)."""
    result = []
    for choice in choices:
        label = choice.Label
        at = label.find("&")
        if at < 0:
            result.append(("", label))
            continue
        key = label[at + 1:at + 2].strip().upper()
        result.append((key, (label[:at] + label[at + 1:]).strip()))
    return result


def _console(name: str) -> Any:
    from ..dotnet.types import resolve_type
    return resolve_type("System.Console").get_static(name)


def _set_console(name: str, value: Any) -> None:
    from ..dotnet.types import resolve_type
    resolve_type("System.Console").set_static(name, value)


class RawUI:
    """``$Host.UI.RawUI`` (pwsh's ConsoleHostRawUserInterface on Unix)."""

    full_name = "System.Management.Automation.Internal.Host.InternalHostRawUserInterface"
    PS_MEMBERS = {"ForegroundColor": "foreground_color", "BackgroundColor": "background_color",
                  "CursorPosition": "cursor_position", "WindowPosition": "window_position",
                  "CursorSize": "cursor_size", "BufferSize": "buffer_size", "WindowSize": "window_size",
                  "MaxWindowSize": "max_window_size", "MaxPhysicalWindowSize": "max_window_size",
                  "KeyAvailable": "key_available", "WindowTitle": "window_title",
                  "FlushInputBuffer": "flush_input_buffer", "LengthInBufferCells": "length_in_buffer_cells",
                  "ToString": "__str__"}

    def __init__(self, host: Any) -> None:
        self._host = host
        self._title = ""

    @property
    def foreground_color(self) -> Any:
        return _console("ForegroundColor")

    @foreground_color.setter
    def foreground_color(self, value: Any) -> None:
        _set_console("ForegroundColor", value)

    @property
    def background_color(self) -> Any:
        return _console("BackgroundColor")

    @background_color.setter
    def background_color(self, value: Any) -> None:
        _set_console("BackgroundColor", value)

    def _terminal_size(self) -> Optional[os.terminal_size]:
        for stream in (self._host.stdout, sys.stdin):
            try:
                size = os.get_terminal_size(stream.fileno())
            except (AttributeError, OSError, ValueError):
                continue
            if size.columns and size.lines:
                return size
        return None

    @property
    def window_size(self) -> Size:
        size = self._terminal_size()
        return Size(size.columns, size.lines) if size is not None else Size(*_WRAP_SIZE)

    @property
    def buffer_size(self) -> Size:
        return self.window_size

    @property
    def max_window_size(self) -> Size:
        return self.window_size

    @property
    def cursor_position(self) -> Coordinates:
        return Coordinates(0, 0)

    @property
    def window_position(self) -> Coordinates:
        return Coordinates(0, 0)

    @property
    def cursor_size(self) -> int:
        return 100

    @property
    def key_available(self) -> bool:
        """Whether a key press waits on a terminal's input (never for redirected input)."""
        stdin = sys.stdin
        try:
            if stdin is None or not stdin.isatty():
                return False
            import select
            return bool(select.select([stdin], [], [], 0)[0])
        except (OSError, ValueError):
            return False

    @property
    def window_title(self) -> str:
        return self._title

    @window_title.setter
    def window_title(self, value: Any) -> None:
        from ..dotnet.conversions import to_string
        title = to_string(value)
        self._title = title
        if _is_tty(self._host.stdout):
            self._host.stdout.write(f"\x1b]0;{title}\x07")
            self._host.flush()

    def flush_input_buffer(self) -> None:
        return None

    def length_in_buffer_cells(self, text: Any, *_: Any) -> int:
        """Columns ``text`` takes (wide characters count two)."""
        from ..dotnet.conversions import to_string
        from ..formatting.text import cell_width
        return cell_width(to_string(text))

    def __str__(self) -> str:
        return self.full_name


class HostUI:
    """``$Host.UI``: line-oriented output and input through the console host."""

    full_name = "System.Management.Automation.Internal.Host.InternalHostUserInterface"
    PS_MEMBERS = {"RawUI": "raw_ui", "SupportsVirtualTerminal": "supports_virtual_terminal",
                  "Write": "write", "WriteLine": "write_line", "WriteErrorLine": "write_error_line",
                  "WriteWarningLine": "write_warning_line", "WriteVerboseLine": "write_verbose_line",
                  "WriteDebugLine": "write_debug_line", "ReadLine": "read_line",
                  "ReadLineAsSecureString": "read_line_as_secure_string", "PromptForChoice": "prompt_for_choice",
                  "ToString": "__str__"}

    def __init__(self, host: Any) -> None:
        self._host = host
        self.raw_ui = RawUI(host)

    @property
    def supports_virtual_terminal(self) -> bool:
        return _is_tty(self._host.stdout) and os.environ.get("TERM") != "dumb"

    def write(self, *args: Any) -> None:
        """``Write(value)`` or ``Write(foreground, background, value)``."""
        foreground, background, value = _colored_arguments(args)
        self._host.write(value, foreground, background)

    def write_line(self, *args: Any) -> None:
        """``WriteLine()``, ``WriteLine(value)`` or ``WriteLine(foreground, background, value)``."""
        foreground, background, value = _colored_arguments(args)
        self._host.write_line(value, foreground, background)

    def write_error_line(self, value: Any = "") -> None:
        self._host.write_error_line(_text(value))

    def write_warning_line(self, value: Any) -> None:
        self._host.write_warning_line(_text(value))

    def write_verbose_line(self, value: Any) -> None:
        self._host.write_verbose_line(_text(value))

    def write_debug_line(self, value: Any) -> None:
        self._host.write_debug_line(_text(value))

    def read_line(self) -> Optional[str]:
        return self._host.read_line()

    def read_line_as_secure_string(self) -> Any:
        from ..dotnet.credentials import SecureString
        return SecureString(self._host.read_line_masked())

    def prompt_for_choice(self, caption: Any, message: Any, choices: Any, default_choice: Any) -> int:
        """pwsh's console PromptForChoice: the caption and message, then
        ``[Y] Yes  [N] No  [?] Help (default is "Y"): `` until an answer
        names a choice by its label or hot key; returns its index."""
        from ..dotnet.conversions import to_string
        from ..dotnet.errors import PSArgumentException, PSArgumentOutOfRangeException
        from ..dotnet.values import iter_collection
        items = iter_collection(choices)
        options = [c if isinstance(c, ChoiceDescription) else ChoiceDescription(c)
                   for c in (items if items is not None else [choices] if choices is not None else [])]
        if not options:
            raise PSArgumentException('"choices" should have at least one element.', param_name="choices")
        default = int(default_choice)
        if default < -1 or default >= len(options):
            raise PSArgumentOutOfRangeException(
                '"defaultChoice" must be a valid index into "choice" or -1 for no default choice.',
                param_name="defaultChoice")
        keys = _hot_keys(options)
        host = self._host
        if to_string(caption):
            host.write_line()
            host.write_line(to_string(caption))
        if to_string(message):
            host.write_line(to_string(message))
        prompt = "".join(f"[{key}] {label}  " for key, label in keys) + "[?] Help "
        if default >= 0:
            prompt += f'(default is "{keys[default][0] or keys[default][1]}"): '
        while True:
            host.write(prompt)
            response = host.read_line()
            if response is None:
                host.write_line()
                return default
            answer = response.strip()
            if not answer:
                if default >= 0:
                    return default
                continue
            if answer == "?":
                for choice, (key, label) in zip(options, keys):
                    host.write_line(f"{key or label} - {choice.HelpMessage}")
                continue
            for index, (_key, label) in enumerate(keys):
                if answer.lower() == label.lower():
                    return index
            for index, (key, _label) in enumerate(keys):
                if key and answer.lower() == key.lower():
                    return index

    def __str__(self) -> str:
        return self.full_name


class ConsoleColors:
    """``$Host.PrivateData`` (pwsh's ConsoleColorProxy): the colours pwsh's
    console uses for each stream; backgrounds are the console's own, which
    .NET on Unix reports as -1 (unknown)."""

    full_name = "Microsoft.PowerShell.ConsoleHost+ConsoleColorProxy"
    NAMES = ("FormatAccentColor", "ErrorAccentColor", "ErrorForegroundColor", "ErrorBackgroundColor",
             "WarningForegroundColor", "WarningBackgroundColor", "DebugForegroundColor", "DebugBackgroundColor",
             "VerboseForegroundColor", "VerboseBackgroundColor", "ProgressForegroundColor",
             "ProgressBackgroundColor")
    _DEFAULTS = {"FormatAccentColor": "Green", "ErrorAccentColor": "Cyan", "ErrorForegroundColor": "Red",
                 "WarningForegroundColor": "Yellow", "DebugForegroundColor": "Yellow",
                 "VerboseForegroundColor": "Yellow", "ProgressForegroundColor": "Black",
                 "ProgressBackgroundColor": "Yellow"}
    PS_MEMBERS = {name: name for name in NAMES}

    def __init__(self) -> None:
        from ..dotnet.engine_enums import CONSOLE_COLOR
        for name in self.NAMES:
            default = self._DEFAULTS.get(name)
            setattr(self, name, CONSOLE_COLOR[default] if default else CONSOLE_COLOR.value(-1))

    def __str__(self) -> str:
        return self.full_name


def _colored_arguments(args: tuple[Any, ...]) -> tuple[Any, Any, str]:
    if len(args) == 3:
        return str(args[0]), str(args[1]), _text(args[2])
    return None, None, _text(args[0]) if args else ""


def _text(value: Any) -> str:
    from ..dotnet.conversions import to_string
    return to_string(value)


def _is_tty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def register_types() -> None:
    from ..dotnet import types
    for cls in (Size, Coordinates, ChoiceDescription, RawUI, HostUI, ConsoleColors):
        if cls in (Size, Coordinates, ChoiceDescription):
            types.register_class(cls, cls.full_name, constructor=cls)
        else:
            types.register_class(cls, cls.full_name)


register_types()
