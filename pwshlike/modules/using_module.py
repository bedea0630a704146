"""``using module``: what a script's using statement imports, and the
classes the module defines, which become types of that script (and only of
the scripts that ``using module`` it, as in pwsh).  The runtime asks when
the script compiles, through the importer plugins.session installs (which
imports this module on a script's first ``using module``).
"""

from __future__ import annotations

import os
from typing import Any, Optional

from pwshlike.dotnet.errors import RuntimeException
from pwshlike.dotnet.netobjects import Version
from pwshlike.runtime import active

from .errors import ModuleError
from .paths import find_modules, is_module_path, module_paths
from .table import ImportOptions, best_disk_module


def import_for_using(context: Any, specification: Any, folder: Optional[str]) -> tuple[str, list[Any]]:
    """Imports the module a using statement names (a name, a path relative
    to the script's folder, or a module specification) and gives its name
    and classes."""
    table = context.modules
    if isinstance(specification, dict):
        keys = {str(k).lower(): v for k, v in specification.items()}
        options = ImportOptions(minimum=_version(keys.get("moduleversion")),
                                maximum=_version(keys.get("maximumversion")),
                                required=_version(keys.get("requiredversion")))
        name = str(keys.get("modulename", ""))
    else:
        options = ImportOptions()
        name = str(specification)
    written = name.replace("\\", "/")
    try:
        if is_module_path(written) or written.lower().endswith((".psm1", ".psd1", ".ps1")):
            base = folder or context.session.resolve_path(".")
            on_drive = context.session.drives.fs_path(written) if ":" in written else None
            if on_drive is not None:
                path = on_drive
            else:
                path = written if os.path.isabs(written) else os.path.normpath(os.path.join(base, written))
            if not os.path.exists(path):
                raise RuntimeException(f"Could not find the module '{name}'.", error_id="ModuleNotFoundDuringParse")
            info = table.import_path(path, name, options)
        else:
            disk = best_disk_module(name, options)
            if disk is None and _imported_from_a_path(table, name):
                # pwsh looks a bare name up on PSModulePath: a module
                # loaded from a folder elsewhere does not answer to it.
                raise options.not_found(name)
            info = table.import_path(disk.path, name, options) if disk is not None else \
                table.import_name(name, options)
    except ModuleError as exc:
        error_id = exc.record.fully_qualified_error_id
        if error_id.startswith("Modules_ModuleNotFound") or error_id.startswith("Modules_ModuleWithVersionNotFound"):
            error_id = "ModuleNotFoundDuringParse"
        raise RuntimeException(str(exc), error_id=error_id) from exc
    return info.name, info.defined_types()


def _imported_from_a_path(table: Any, name: str) -> bool:
    """Whether the module imported under ``name`` is a file module (not
    the engine's, not a plugin's)."""
    info = table.find_imported(name)
    return info is not None and info.spec is None and bool(info.path) and info.name.lower() == name.lower()


def _version(value: Any) -> Optional[Version]:
    return Version.parse(str(value)) if value is not None else None


def module_exists(name: str) -> bool:
    """Whether a module of that name is imported, is the engine's or a
    plugin's, or is in the module path (what the parser asks of ``using module``)."""
    context = active.context
    table = getattr(context, "modules", None) if context is not None else None
    if table is not None and (table.find_imported(name) is not None or table.catalog.find(name)):
        return True
    return bool(find_modules(name, module_paths()))

