"""``$PSStyle``: the ANSI styles pwsh's formatter and host use, and when to use them.

As in pwsh there is one instance per process (``PSStyle.instance``); the
``$PSStyle`` variable refers to it, so ``$PSStyle.Formatting.TableHeader =
$PSStyle.Foreground.Red`` changes what every later table looks like.

``OutputRendering`` decides whether escape sequences reach the output:

* ``Host`` (the default): styled on a terminal, plain when output is
  redirected or captured (``Out-File``, ``>``, a native command's input);
* ``PlainText``: never styled; escape sequences in strings are removed;
* ``Ansi``: always styled.

When ``NO_COLOR`` is set or ``TERM`` is ``dumb`` the initial value is
``PlainText``, as in pwsh.
"""

from __future__ import annotations

import os

from ..dotnet.conversions import to_string
from ..dotnet.errors import ArgumentException, PSInvalidCastException
from ..dotnet.values import EnumInfo, EnumValue, Hashtable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

OUTPUT_RENDERING = EnumInfo("System.Management.Automation.OutputRendering",
                            (("Ansi", 1), ("PlainText", 2), ("Host", 3)))
PROGRESS_VIEW = EnumInfo("System.Management.Automation.ProgressView", (("Minimal", 0), ("Classic", 1)))

ANSI = OUTPUT_RENDERING["Ansi"]
PLAIN_TEXT = OUTPUT_RENDERING["PlainText"]
HOST = OUTPUT_RENDERING["Host"]


def _enum_value(info: EnumInfo, value: Any, property_name: str) -> EnumValue:
    """A value assigned to an enum-typed style property, converted as pwsh
    converts a string or number to the enum."""
    if isinstance(value, EnumValue) and value.enum is info:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and int(value) in info.members.values():
        return info.value(int(value))
    found = info.lookup(to_string(value)) if isinstance(value, str) else None
    if found is None:
        names = ", ".join(f'"{n}"' for n in info.members)
        raise PSInvalidCastException(
            f'Cannot convert value "{to_string(value)}" to type "{info.full_name}". Error: "Unable to match '
            f'the identifier name {to_string(value)} to a valid enumerator name. Specify one of the following '
            f'enumerator names and try again:\n{names.replace(chr(34), "")}"')
    return found


def _style_text(value: Any, property_name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ArgumentException(f"The value of {property_name} must be a string.")
    return value


_COLOR_NAMES = ("Black", "Red", "Green", "Yellow", "Blue", "Magenta", "Cyan", "White")


def _members(*names: str) -> dict[str, str]:
    """A ``PS_MEMBERS`` table exposing attributes under their own names."""
    return {name: name for name in names}


class _Palette:
    """Read-only colour strings (``$PSStyle.Foreground``/``Background``)."""

    full_name = "System.Management.Automation.PSStyle+ForegroundColor"
    PS_MEMBERS = _members(*(n for c in _COLOR_NAMES for n in (c, "Bright" + c)), "FromRgb")
    _BASE = 30

    def __init__(self) -> None:
        base = self._BASE
        for offset, name in enumerate(_COLOR_NAMES):
            object.__setattr__(self, name, f"\x1b[{base + offset}m")
            object.__setattr__(self, "Bright" + name, f"\x1b[{base + 60 + offset}m")

    def FromRgb(self, red: Any, green: Any = None, blue: Any = None) -> str:
        """``FromRgb(r, g, b)`` or ``FromRgb(0xRRGGBB)``."""
        if green is None or blue is None:
            rgb = int(red)
            red, green, blue = (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF
        return f"\x1b[{self._BASE + 8};2;{int(red)};{int(green)};{int(blue)}m"

    def __setattr__(self, name: str, value: Any) -> None:
        raise ArgumentException(f"'{name}' is a ReadOnly property.")


class ForegroundColor(_Palette):
    full_name = "System.Management.Automation.PSStyle+ForegroundColor"
    _BASE = 30


class BackgroundColor(_Palette):
    full_name = "System.Management.Automation.PSStyle+BackgroundColor"
    _BASE = 40


class FormattingData:
    """``$PSStyle.Formatting``: the styles of table headers, list labels
    and the warning/verbose/debug/error streams."""

    full_name = "System.Management.Automation.PSStyle+FormattingData"
    _NAMES = ("FormatAccent", "ErrorAccent", "Error", "Warning", "Verbose", "Debug", "TableHeader",
              "CustomTableHeaderLabel", "FeedbackName", "FeedbackText", "FeedbackAction")
    PS_MEMBERS = _members(*_NAMES)

    def __init__(self) -> None:
        defaults = {"FormatAccent": "\x1b[32;1m", "ErrorAccent": "\x1b[36;1m", "Error": "\x1b[31;1m",
                    "Warning": "\x1b[33;1m", "Verbose": "\x1b[33;1m", "Debug": "\x1b[33;1m",
                    "TableHeader": "\x1b[32;1m", "CustomTableHeaderLabel": "\x1b[32;1;3m",
                    "FeedbackName": "\x1b[33m", "FeedbackText": "\x1b[96m", "FeedbackAction": "\x1b[97m"}
        for name in self._NAMES:
            object.__setattr__(self, name, defaults[name])

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, _style_text(value, name))


class ProgressConfiguration:
    """``$PSStyle.Progress``: how Write-Progress bars are drawn."""

    full_name = "System.Management.Automation.PSStyle+ProgressConfiguration"
    PS_MEMBERS = _members("Style", "MaxWidth", "View", "UseOSCIndicator")

    def __init__(self) -> None:
        object.__setattr__(self, "Style", "\x1b[33;1m")
        object.__setattr__(self, "MaxWidth", 120)
        object.__setattr__(self, "View", PROGRESS_VIEW["Minimal"])
        object.__setattr__(self, "UseOSCIndicator", False)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "View":
            value = _enum_value(PROGRESS_VIEW, value, name)
        elif name == "MaxWidth":
            value = int(value)
        elif name == "UseOSCIndicator":
            value = bool(value)
        else:
            value = _style_text(value, name)
        object.__setattr__(self, name, value)


class FileInfoFormatting:
    """``$PSStyle.FileInfo``: colours of directory listings by kind and extension."""

    full_name = "System.Management.Automation.PSStyle+FileInfoFormatting"
    PS_MEMBERS = _members("Directory", "SymbolicLink", "Executable", "Extension")

    def __init__(self) -> None:
        object.__setattr__(self, "Directory", "\x1b[44;1m")
        object.__setattr__(self, "SymbolicLink", "\x1b[36;1m")
        object.__setattr__(self, "Executable", "\x1b[32;1m")
        extensions = Hashtable()
        for ext in (".zip", ".tgz", ".gz", ".tar", ".nupkg", ".cab", ".7z"):
            extensions[ext] = "\x1b[31;1m"
        for ext in (".ps1", ".psd1", ".psm1", ".ps1xml"):
            extensions[ext] = "\x1b[33;1m"
        object.__setattr__(self, "Extension", extensions)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "Extension":
            raise ArgumentException("'Extension' is a ReadOnly property.")
        object.__setattr__(self, name, _style_text(value, name))


class PSStyle:
    """``System.Management.Automation.PSStyle``; see the module docstring."""

    full_name = "System.Management.Automation.PSStyle"
    instance: "PSStyle"

    _TEXT = {"Reset": "\x1b[0m", "BlinkOff": "\x1b[25m", "Blink": "\x1b[5m", "BoldOff": "\x1b[22m",
             "Bold": "\x1b[1m", "DimOff": "\x1b[22m", "Dim": "\x1b[2m", "Hidden": "\x1b[8m",
             "HiddenOff": "\x1b[28m", "Reverse": "\x1b[7m", "ReverseOff": "\x1b[27m",
             "ItalicOff": "\x1b[23m", "Italic": "\x1b[3m", "UnderlineOff": "\x1b[24m",
             "Underline": "\x1b[4m", "StrikethroughOff": "\x1b[29m", "Strikethrough": "\x1b[9m"}
    PS_MEMBERS = _members(*_TEXT, "OutputRendering", "Formatting", "Progress", "FileInfo", "Foreground",
                          "Background", "FormatHyperlink")

    def __init__(self) -> None:
        for name, code in self._TEXT.items():
            object.__setattr__(self, name, code)
        plain = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
        object.__setattr__(self, "OutputRendering", PLAIN_TEXT if plain else HOST)
        object.__setattr__(self, "Formatting", FormattingData())
        object.__setattr__(self, "Progress", ProgressConfiguration())
        object.__setattr__(self, "FileInfo", FileInfoFormatting())
        object.__setattr__(self, "Foreground", ForegroundColor())
        object.__setattr__(self, "Background", BackgroundColor())

    def FormatHyperlink(self, text: Any, link: Any) -> str:
        return f"\x1b]8;;{to_string(link)}\x1b\\{to_string(text)}\x1b]8;;\x1b\\"

    def __setattr__(self, name: str, value: Any) -> None:
        if name != "OutputRendering":
            raise ArgumentException(f"'{name}' is a ReadOnly property.")
        object.__setattr__(self, name, _enum_value(OUTPUT_RENDERING, value, name))

    # --- decisions -------------------------------------------------------------------------

    def styled_for_host(self, host_is_terminal: bool) -> bool:
        """Whether output shown on the console may carry styles."""
        rendering = self.OutputRendering
        if rendering == ANSI:
            return True
        return rendering == HOST and host_is_terminal

    def styled_for_capture(self) -> bool:
        """Whether text captured by Out-String, Out-File or redirection keeps styles."""
        return self.OutputRendering == ANSI

    def strips_strings(self, to_host_terminal: bool) -> bool:
        """Whether escape sequences inside output strings are removed."""
        rendering = self.OutputRendering
        if rendering == PLAIN_TEXT:
            return True
        return rendering == HOST and not to_host_terminal


PSStyle.instance = PSStyle()
