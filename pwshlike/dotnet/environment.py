"""What ``[Environment]`` reports about the system as .NET 8 reports it on
Linux: ``OSVersion`` (an OperatingSystem: PlatformID Unix and the kernel
release's first four numbers), the special folders .NET maps to XDG
directories, and environment variables by EnvironmentVariableTarget
(only the process has a block on Unix: User and Machine read as $null and
ignore writes, as .NET does there)."""

from __future__ import annotations

import os
import re
from typing import Any, Optional

from .conversions import convert_to_enum, to_string
from .engine_enums import PLATFORM_ID
from .errors import ArgumentException, ArgumentNullException
from .netobjects import Version
from .values import EnumInfo, Hashtable

ENVIRONMENT_VARIABLE_TARGET = EnumInfo("System.EnvironmentVariableTarget", (
    ("Process", 0), ("User", 1), ("Machine", 2)))

SPECIAL_FOLDER = EnumInfo("System.Environment+SpecialFolder", (
    ("Desktop", 0), ("Programs", 2), ("MyDocuments", 5), ("Personal", 5), ("Favorites", 6), ("Startup", 7),
    ("Recent", 8), ("SendTo", 9), ("StartMenu", 11), ("MyMusic", 13), ("MyVideos", 14),
    ("DesktopDirectory", 16), ("MyComputer", 17), ("NetworkShortcuts", 19), ("Fonts", 20), ("Templates", 21),
    ("CommonStartMenu", 22), ("CommonPrograms", 23), ("CommonStartup", 24), ("CommonDesktopDirectory", 25),
    ("ApplicationData", 26), ("PrinterShortcuts", 27), ("LocalApplicationData", 28), ("InternetCache", 32),
    ("Cookies", 33), ("History", 34), ("CommonApplicationData", 35), ("Windows", 36), ("System", 37),
    ("ProgramFiles", 38), ("MyPictures", 39), ("UserProfile", 40), ("SystemX86", 41), ("ProgramFilesX86", 42),
    ("CommonProgramFiles", 43), ("CommonProgramFilesX86", 44), ("CommonTemplates", 45), ("CommonDocuments", 46),
    ("CommonAdminTools", 47), ("AdminTools", 48), ("CommonMusic", 53), ("CommonPictures", 54),
    ("CommonVideos", 55), ("Resources", 56), ("LocalizedResources", 57), ("CommonOemLinks", 58),
    ("CDBurning", 59)))

# .NET's Unix mapping: (XDG variable or None, fallback under $HOME or an absolute path).
_XDG_USER_DIRS = {
    "Desktop": ("XDG_DESKTOP_DIR", "Desktop"), "DesktopDirectory": ("XDG_DESKTOP_DIR", "Desktop"),
    "MyDocuments": ("XDG_DOCUMENTS_DIR", "Documents"), "MyMusic": ("XDG_MUSIC_DIR", "Music"),
    "MyPictures": ("XDG_PICTURES_DIR", "Pictures"), "MyVideos": ("XDG_VIDEOS_DIR", "Videos"),
    "Templates": ("XDG_TEMPLATES_DIR", "Templates"),
}


class OperatingSystem:
    """``System.OperatingSystem`` (what ``[Environment]::OSVersion`` is)."""

    __slots__ = ("platform", "version")
    full_name = "System.OperatingSystem"
    PS_MEMBERS = {"Platform": "platform", "ServicePack": "service_pack", "Version": "version",
                  "VersionString": "version_string", "ToString": "__str__", "Clone": "clone"}

    def __init__(self, platform: Any, version: Version) -> None:
        self.platform = platform
        self.version = version

    @property
    def service_pack(self) -> str:
        return ""

    @property
    def version_string(self) -> str:
        return f"{self.platform} {self.version}"

    def clone(self) -> "OperatingSystem":
        return OperatingSystem(self.platform, self.version)

    def __str__(self) -> str:
        return self.version_string


def os_version(release: Optional[str] = None) -> OperatingSystem:
    """The first four numbers of the kernel release, as .NET parses
    ``uname -r`` (``6.8.0-45-generic`` is 6.8.0.45)."""
    text = os.uname().release if release is None else release
    numbers = [int(n) for n in re.findall(r"\d+", text)[:4]]
    numbers += [0] * (4 - len(numbers))
    return OperatingSystem(PLATFORM_ID.value(PLATFORM_ID.members["Unix"]), Version(*numbers))


def _home() -> str:
    return os.environ.get("HOME") or os.path.expanduser("~")


def _xdg_user_dir(variable: str, fallback: str) -> str:
    """A directory from ``$XDG_CONFIG_HOME/user-dirs.dirs`` (what
    xdg-user-dirs writes), else ``$HOME/<fallback>``."""
    home = _home()
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
    try:
        with open(os.path.join(config, "user-dirs.dirs"), encoding="utf-8") as handle:
            for line in handle:
                match = re.match(rf'\s*{variable}\s*=\s*"(.*)"\s*$', line)
                if match:
                    return match.group(1).replace("$HOME", home)
    except OSError:
        pass
    return os.path.join(home, fallback)


def _xdg(variable: str, fallback: str) -> str:
    value = os.environ.get(variable, "")
    return value if value.startswith("/") else os.path.join(_home(), fallback)


def folder_path(folder: Any, option: Any = None) -> str:
    """``GetFolderPath``: the folders .NET maps on Linux, '' for the rest."""
    if folder is None:
        raise ArgumentNullException(None, param_name="folder")
    value = convert_to_enum(folder, SPECIAL_FOLDER)
    name = str(value)
    if name.lstrip("-").isdigit():
        raise ArgumentException(f"Illegal enum value: {name}.", param_name="folder")
    if name == "Personal":
        name = "MyDocuments"
    if name == "UserProfile":
        return _home()
    if name in _XDG_USER_DIRS:
        return _xdg_user_dir(*_XDG_USER_DIRS[name])
    simple = {
        "ApplicationData": lambda: _xdg("XDG_CONFIG_HOME", ".config"),
        "LocalApplicationData": lambda: _xdg("XDG_DATA_HOME", os.path.join(".local", "share")),
        "CommonApplicationData": lambda: "/usr/share",
        "CommonTemplates": lambda: "/usr/share/templates",
        "Fonts": lambda: os.path.join(_home(), ".fonts"),
    }
    maker = simple.get(name)
    return maker() if maker is not None else ""


def _target(target: Any) -> int:
    if target is None:
        return 0
    value = int(convert_to_enum(target, ENVIRONMENT_VARIABLE_TARGET))
    if value not in (0, 1, 2):
        raise ArgumentException(f"Illegal enum value: {value}.", param_name="target")
    return value


def get_variable(name: Any, target: Any = None) -> Optional[str]:
    if name is None:
        raise ArgumentNullException(None, param_name="variable")
    if _target(target) != 0:
        return None
    return os.environ.get(to_string(name))


def set_variable(name: Any, value: Any, target: Any = None) -> None:
    """An empty or $null value removes the variable, as .NET does."""
    if name is None:
        raise ArgumentNullException(None, param_name="variable")
    key = to_string(name)
    if key == "" or "=" in key or "\0" in key:
        message = "String cannot be of zero length." if key == "" else \
            "Environment variable name or value is too long." if "\0" in key else \
            "Environment variable name cannot contain equal character."
        raise ArgumentException(message, param_name="variable")
    if _target(target) != 0:
        return
    if value is None or to_string(value) == "":
        os.environ.pop(key, None)
    else:
        os.environ[key] = to_string(value)


def all_variables(target: Any = None) -> Hashtable:
    if _target(target) != 0:
        return Hashtable()
    return Hashtable(sorted(os.environ.items()))
