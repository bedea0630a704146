"""Finding plugins: entry points, the user plugin directory, and the
environment variables that steer both.

* Installed distributions declare plugins as entry points in the group
  ``pwshlike`` (``name = "package.module"``).
* ``$XDG_DATA_HOME/pwshlike/plugins`` (``~/.local/share/pwshlike/plugins``)
  holds the user's own plugins: each ``*.py`` file or package directory in
  it is one plugin, named after it.
* ``PWSHLIKE_DISABLE_PLUGIN_AUTOLOAD=1`` turns both off; ``PWSHLIKE_PLUGINS``
  (comma-separated module names) loads plugins explicitly even then;
  ``PWSHLIKE_BLOCK_PLUGINS`` (comma-separated plugin names) skips those.

Reading entry points with ``importlib.metadata`` costs more than the rest
of plugin start-up together (importing it alone takes several
milliseconds), so the result is cached in
``$XDG_CACHE_HOME/pwshlike/entry-points-<id>.txt``, checked against a
fingerprint of the installed distributions: the ``*.dist-info``/``*.egg-info``
directories on ``sys.path`` and the modification times of their
``entry_points.txt``.  Installing, upgrading or removing a distribution
changes the fingerprint; ``PWSHLIKE_PLUGIN_CACHE=0`` disables the cache.
Only the ``sys.path`` entries that hold distributions count: ``sys.path[0]``
is the script's folder or the working directory, which differs from run to
run and almost never holds one, and would otherwise make every start after
a start from elsewhere miss the cache (importlib.metadata finds nothing in
such a folder either).  ``<id>`` names the interpreter and those folders, so
starts with different distribution folders (a ``PYTHONPATH`` with its own
distributions) keep a cache each instead of overwriting one another's.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable, Mapping, Optional

ENTRY_POINT_GROUP = "pwshlike"
DISABLE_AUTOLOAD = "PWSHLIKE_DISABLE_PLUGIN_AUTOLOAD"
BLOCK = "PWSHLIKE_BLOCK_PLUGINS"
EXPLICIT = "PWSHLIKE_PLUGINS"
CACHE_SWITCH = "PWSHLIKE_PLUGIN_CACHE"

_CACHE_HEADER = "pwshlike-entry-points 2"
_DIST_SUFFIXES = (".dist-info", ".egg-info")


# What Get-PwshlikePlugin shows as a plugin's Source.
ENTRY_POINT = "EntryPoint"
USER_DIRECTORY = "UserDirectory"
ENVIRONMENT = "Environment"


class PluginSource:
    """Where one plugin comes from: ``name`` (what blocking and warnings
    use), ``module`` to import (``package.module`` or
    ``package.module:attribute``), ``origin`` for messages, ``kind`` (one of
    the Source names above) and, for an entry point, the ``distribution``
    that declares it and its ``version`` (what Get-PwshlikePlugin lists)."""

    __slots__ = ("name", "module", "origin", "path", "kind", "distribution", "version")

    def __init__(self, name: str, module: str, origin: str, path: str = "", *, kind: str = ENVIRONMENT,
                 distribution: str = "", version: str = "") -> None:
        self.name = name
        self.module = module
        self.origin = origin
        self.path = path
        self.kind = kind
        self.distribution = distribution
        self.version = version

    def load(self) -> Any:
        """Imports the plugin object (a module, or the named attribute)."""
        if self.path and self.path not in sys.path:
            sys.path.append(self.path)
        from pwshlike.modules.model import import_target
        return import_target(self.module)

    def __repr__(self) -> str:
        return f"PluginSource({self.name!r}, {self.module!r})"


def _names(value: Optional[str]) -> list[str]:
    return [part.strip() for part in (value or "").replace(";", ",").split(",") if part.strip()]


def autoload_enabled(environ: Mapping[str, str]) -> bool:
    return environ.get(DISABLE_AUTOLOAD, "").strip().lower() not in ("1", "true", "yes", "on")


def blocked_names(environ: Mapping[str, str]) -> set[str]:
    return set(_names(environ.get(BLOCK)))


def explicit_sources(environ: Mapping[str, str]) -> list[PluginSource]:
    return [PluginSource(name, name, f"{EXPLICIT}", kind=ENVIRONMENT) for name in _names(environ.get(EXPLICIT))]


def xdg_dir(environ: Mapping[str, str], variable: str, default: str) -> str:
    value = environ.get(variable, "")
    if value and os.path.isabs(value):
        return value
    return os.path.join(os.path.expanduser("~"), default)


def user_plugin_dir(environ: Mapping[str, str]) -> str:
    return os.path.join(xdg_dir(environ, "XDG_DATA_HOME", os.path.join(".local", "share")), "pwshlike", "plugins")


def user_dir_sources(directory: str) -> list[PluginSource]:
    """``*.py`` files and package directories, sorted by name."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError:
        return []
    sources = []
    for entry in entries:
        name = entry.name
        if name.startswith((".", "_")):
            continue
        if entry.is_file() and name.endswith(".py"):
            stem = name[:-3]
        elif entry.is_dir() and os.path.isfile(os.path.join(entry.path, "__init__.py")):
            stem = name
        else:
            continue
        sources.append(PluginSource(stem, stem, f"user plugin directory {directory}", directory, kind=USER_DIRECTORY))
    return sources


# --- entry points ------------------------------------------------------------------------

def distributions_fingerprint(path: Iterable[str]) -> str:
    """What changes whenever a distribution on ``path`` is installed,
    upgraded or removed (see the module docstring); folders that hold no
    distribution add nothing."""
    return "|".join(part for entry in path for part in _entry_fingerprint(entry))


def _entry_fingerprint(entry: str) -> list[str]:
    """One ``sys.path`` entry's share of the fingerprint: a folder's name and
    its distributions with the stamps of their ``entry_points.txt``; an
    archive (a zip file, an egg) with its own stamp; nothing for a folder
    without distributions or an entry that does not exist."""
    directory = entry or os.getcwd()
    egg = directory.endswith(".egg")
    try:
        with os.scandir(directory) as it:
            names = sorted(e.name for e in it if e.name.endswith(_DIST_SUFFIXES) or (egg and e.name == "EGG-INFO"))
    except NotADirectoryError:
        try:
            return [f"{directory}@{os.stat(directory).st_mtime_ns}"]
        except OSError:
            return []
    except OSError:
        return []
    if not names:
        return []
    parts = [directory]
    for name in names:
        try:
            stamp = os.stat(os.path.join(directory, name, "entry_points.txt")).st_mtime_ns
        except OSError:
            stamp = -1
        parts.append(f"{name}@{stamp}")
    return parts


_Entry = tuple[str, str, str, str]  # entry point name, value, distribution name, distribution version
_FIELDS = 4


def _scan_entry_points() -> list[_Entry]:
    """The group's entry points via importlib.metadata ('' for a
    distribution it cannot name)."""
    from importlib.metadata import entry_points
    found = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(ep, "dist", None)
        name, version = (dist.name or "", dist.version or "") if dist is not None else ("", "")
        found.append((ep.name, ep.value, name, version))
    return found


def _cache_file(environ: Mapping[str, str], fingerprint: str) -> str:
    """The cache file for this interpreter and these distribution folders
    (the fingerprint's folder names, not its stamps: an upgrade rewrites
    the same file)."""
    cache_home = xdg_dir(environ, "XDG_CACHE_HOME", ".cache")
    folders = "\0".join(part for part in fingerprint.split("|") if "@" not in part)
    ident = _fnv1a(f"{sys.prefix}\0{sys.executable}\0{folders}".encode("utf-8", "surrogateescape"))
    return os.path.join(cache_home, "pwshlike", f"entry-points-{ident:08x}.txt")


def _fnv1a(data: bytes) -> int:
    """A 32-bit FNV-1a hash: a stable name for the cache file, computed
    without loading zlib (an extension module) at every start."""
    value = 0x811C9DC5
    for byte in data:
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def _read_cache(file: str, fingerprint: str) -> Optional[list[_Entry]]:
    try:
        with open(file, encoding="utf-8") as handle:
            lines = handle.read().split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    if len(lines) < 2 or lines[0] != _CACHE_HEADER or lines[1] != fingerprint:
        return None
    entries = []
    for line in lines[2:]:
        if line:
            fields = line.split("\t")
            if len(fields) != _FIELDS:
                return None
            entries.append((fields[0], fields[1], fields[2], fields[3]))
    return entries


def _write_cache(file: str, fingerprint: str, entries: list[_Entry]) -> None:
    """Best effort: an unwritable cache directory only costs speed."""
    if any("\t" in f or "\n" in f for entry in entries for f in entry) or "\n" in fingerprint:
        return
    text = "\n".join([_CACHE_HEADER, fingerprint] + ["\t".join(e) for e in entries]) + "\n"
    temporary = f"{file}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(file), exist_ok=True)
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, file)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def entry_point_sources(environ: Mapping[str, str]) -> list[PluginSource]:
    """The ``pwshlike`` entry points of the installed distributions."""
    use_cache = environ.get(CACHE_SWITCH, "1").strip() not in ("0", "false", "no", "off")
    entries = None
    if use_cache:
        fingerprint = distributions_fingerprint(sys.path)
        file = _cache_file(environ, fingerprint)
        entries = _read_cache(file, fingerprint)
    if entries is None:
        entries = _scan_entry_points()
        if use_cache:
            _write_cache(file, fingerprint, entries)
    return [PluginSource(name, value, f"entry point '{name} = {value}' of {_distribution_text(dist, version)}",
                         kind=ENTRY_POINT, distribution=dist, version=version)
            for name, value, dist, version in entries]


def _distribution_text(name: str, version: str) -> str:
    return f"{name} {version}".strip() if name else "an unknown distribution"


def plugin_sources(environ: Mapping[str, str]) -> list[PluginSource]:
    """Every plugin to load, in load order: entry points, the user plugin
    directory, then ``PWSHLIKE_PLUGINS`` (only these without autoload)."""
    sources: list[PluginSource] = []
    if autoload_enabled(environ):
        sources += entry_point_sources(environ)
        sources += user_dir_sources(user_plugin_dir(environ))
    sources += explicit_sources(environ)
    return sources
