"""A manifest's ScriptsToProcess and NestedModules.

pwsh runs a manifest's ScriptsToProcess in the caller's scope before
anything of the module loads (so they can prepare the caller's session),
then imports the NestedModules into the module's own session state: their
exports become the module's functions, which the root module's code can
call and which the manifest's export lists pass on, as the module's own.
"""

from __future__ import annotations

import os

from .errors import module_not_found
from .manifest import string_list

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional


def run_scripts_to_process(context: Any, manifest: Any, directory: str, emit: Callable[[Any], None]) -> None:
    """Dot-sources each ScriptsToProcess entry (relative to the manifest) in the caller's current scope."""
    from pwshlike.commands.resolution import script_file_info
    for entry in string_list(manifest.get("ScriptsToProcess")):
        path = os.path.normpath(os.path.join(directory, entry.replace("\\", "/")))
        if not os.path.isfile(path):
            raise module_not_found(entry)
        invocation = script_file_info(path).script_block.begin_invocation(context, new_scope=False, emit=emit)
        invocation.run_alone()


def nested_module_paths(manifest: Any, directory: str, find_by_name: Callable[[str], Optional[str]]) -> list[str]:
    """The files of the NestedModules entries: paths relative to the
    manifest (with or without extension, or a module folder), else module
    names looked up in the module path.  A hashtable entry names its module
    by ModuleName."""
    paths: list[str] = []
    entries = manifest.get("NestedModules")
    for entry in entries if isinstance(entries, list) else [entries] if entries is not None else []:
        name = str(entry.get("ModuleName")) if hasattr(entry, "get") else str(entry)
        found = _relative_module(os.path.join(directory, name.replace("\\", "/"))) or find_by_name(name)
        if found is None:
            raise module_not_found(name)
        paths.append(found)
    return paths


def _relative_module(base: str) -> Optional[str]:
    """``base`` as a module file: itself, with .psd1/.psm1 added, or the
    module file named like the folder it names."""
    if os.path.isfile(base):
        return os.path.normpath(base)
    for extension in (".psd1", ".psm1"):
        if os.path.isfile(base + extension):
            return os.path.normpath(base + extension)
    if os.path.isdir(base):
        inner = os.path.join(base, os.path.basename(os.path.normpath(base)))
        for extension in (".psd1", ".psm1"):
            if os.path.isfile(inner + extension):
                return os.path.normpath(inner + extension)
    return None
