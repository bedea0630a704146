"""Script modules on disk: ``$env:PSModulePath`` and what its folders hold.

A module folder is ``<root>/<Name>/<Name>.psd1`` (or ``.psm1``), or, with
side-by-side versions, ``<root>/<Name>/<Version>/<Name>.psd1``.  Without
``$env:PSModulePath`` the search path is pwsh's default on Linux: the
user's ``$XDG_DATA_HOME/powershell/Modules`` then
``/usr/local/share/powershell/Modules``.
"""

from __future__ import annotations

import os

from pwshlike.dotnet.wildcard import wildcard_match

from .errors import ModuleError
from .manifest import manifest_version, read_manifest, string_list
from .model import parse_version

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Mapping, Optional

SHARED_MODULES = "/usr/local/share/powershell/Modules"
MODULE_EXTENSIONS = (".psd1", ".psm1")


def module_paths(environ: Optional[Mapping[str, str]] = None) -> list[str]:
    env = os.environ if environ is None else environ
    value = env.get("PSModulePath", "")
    if value:
        # A backslash separates folders on Unix too, as pwsh's FileSystem provider reads paths.
        return [p.replace("\\", "/") for p in value.split(os.pathsep) if p]
    data = env.get("XDG_DATA_HOME", "")
    if not data or not os.path.isabs(data):
        data = os.path.join(os.path.expanduser("~"), ".local", "share")
    return [os.path.join(data, "powershell", "Modules"), SHARED_MODULES]


def is_module_path(name: str) -> bool:
    """Import-Module was given a path rather than a module name."""
    return "/" in name or "\\" in name or name.lower().endswith(MODULE_EXTENSIONS + (".ps1", ".dll")) \
        or name in (".", "..") or name.startswith("~")


class DiskModule:
    """A module file found on disk: ``path`` is the .psd1 or .psm1 file."""

    __slots__ = ("name", "path", "root", "_manifest", "_version")

    def __init__(self, name: str, path: str, root: str = "") -> None:
        self.name = name
        self.path = path
        self.root = root
        self._manifest: Any = None
        self._version: Any = None

    @property
    def directory(self) -> str:
        return os.path.dirname(self.path)

    @property
    def is_manifest(self) -> bool:
        return self.path.lower().endswith(".psd1")

    def manifest(self) -> Any:
        if self._manifest is None and self.is_manifest:
            self._manifest = read_manifest(self.path)
        return self._manifest

    @property
    def version(self) -> Any:
        if self._version is None:
            if self.is_manifest:
                self._version = manifest_version(self.path, self.manifest())
            else:
                self._version = parse_version("0.0")
        return self._version

    def root_module_path(self) -> str:
        """The script the module runs ('' for a manifest without RootModule)."""
        if not self.is_manifest:
            return self.path
        root = self.manifest().get("RootModule") or self.manifest().get("ModuleToProcess")
        if not root:
            return ""
        return os.path.normpath(os.path.join(self.directory, str(root)))

    def exported_names(self) -> list[str]:
        """Function names the module exports, as far as can be told without
        running it: a manifest's FunctionsToExport (when it lists names), else
        the top-level functions of the root .psm1, filtered by literal
        Export-ModuleMember -Function arguments."""
        patterns: Optional[list[str]] = None
        if self.is_manifest:
            listed = string_list(self.manifest().get("FunctionsToExport"))
            if listed and not any(any(c in p for c in "*?[") for p in listed):
                return listed
            patterns = listed or None
        exports = self._script_exports()
        if exports is None:
            return []
        return _filtered(_filtered(exports.functions, exports.function_patterns), patterns)

    def exported_aliases(self) -> dict[str, str]:
        """Aliases (name -> target) the module exports, as far as can be told
        without running it: those the root .psm1 defines with literal
        New-Alias/Set-Alias calls, filtered by Export-ModuleMember -Alias and
        the manifest's AliasesToExport."""
        exports = self._script_exports()
        if exports is None:
            return {}
        names = _filtered(list(exports.aliases), exports.alias_patterns)
        if self.is_manifest and "AliasesToExport" in self.manifest():
            names = _filtered(names, string_list(self.manifest().get("AliasesToExport")))
        return {name: exports.aliases[name] for name in names}

    def _script_exports(self) -> Any:
        """The analysis of the root .psm1 (None when the module has none)."""
        from .analysis import analyze_script
        script = self.root_module_path() if self.is_manifest else self.path
        return analyze_script(script) if script.lower().endswith(".psm1") else None

    def __repr__(self) -> str:
        return f"DiskModule({self.name!r}, {self.path!r})"


def _filtered(names: list[str], patterns: Optional[list[str]]) -> list[str]:
    if patterns is None:
        return names
    return [n for n in names if any(wildcard_match(n, p) for p in patterns)]


def _module_files(folder: str, name: str) -> list[str]:
    """``<folder>/<name>.psd1`` or ``.psm1`` (case-insensitively)."""
    try:
        entries = {e.lower(): e for e in os.listdir(folder)}
    except OSError:
        return []
    for ext in MODULE_EXTENSIONS:
        found = entries.get((name + ext).lower())
        if found is not None:
            return [os.path.join(folder, found)]
    return []


def modules_in_folder(folder: str, name: str, root: str = "") -> list[DiskModule]:
    """The module files of module folder ``folder`` named ``name``: the
    unversioned one, then each version subfolder's."""
    found = [DiskModule(name, f, root) for f in _module_files(folder, name)]
    try:
        subfolders = sorted(e.name for e in os.scandir(folder) if e.is_dir())
    except OSError:
        return found
    for sub in subfolders:
        if sub[:1].isdigit():
            found += [DiskModule(name, f, root) for f in _module_files(os.path.join(folder, sub), name)]
    return found


def find_modules(name: str, paths: list[str]) -> list[DiskModule]:
    """Modules called ``name`` in the module path, in path order."""
    found: list[DiskModule] = []
    low = name.lower()
    for root in paths:
        try:
            folders = [e for e in os.scandir(root) if e.is_dir() and e.name.lower() == low]
        except OSError:
            continue
        for folder in folders:
            found += modules_in_folder(folder.path, folder.name, root)
    return found


def all_modules(paths: list[str]) -> list[DiskModule]:
    """Every module in the module path (folder name order within a root)."""
    found: list[DiskModule] = []
    for root in paths:
        try:
            folders = sorted((e for e in os.scandir(root) if e.is_dir()), key=lambda e: e.name.lower())
        except OSError:
            continue
        for folder in folders:
            found += modules_in_folder(folder.path, folder.name, root)
    return found


def readable(module: DiskModule) -> bool:
    """False for a module whose manifest cannot be read (skipped by listings)."""
    try:
        module.version
    except ModuleError:
        return False
    return True
