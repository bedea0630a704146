"""A manifest's FormatsToProcess and TypesToProcess: the ``.ps1xml`` files
Import-Module loads before the root module runs, and Remove-Module
unloads, with pwsh's errors for a missing or malformed file."""

from __future__ import annotations

import os
from typing import Any

from pwshlike.dotnet.errors import ArgumentException, ErrorCategory, ErrorRecord, RuntimeException

from pwshlike.commands.data_file_errors import format_load_error, type_load_error

from .errors import ModuleError
from .manifest import string_list


def manifest_files(manifest: Any, key: str, directory: str, manifest_path: str) -> list[str]:
    """The full paths a manifest field lists (relative to the module folder);
    a file that does not exist is pwsh's Modules_InvalidManifest error."""
    paths = []
    for name in string_list(manifest.get(key)):
        path = os.path.normpath(os.path.join(directory, name))
        if not os.path.splitext(path)[1]:
            path += ".ps1xml"
        if not os.path.isfile(path):
            message = (f"The member '{key}' in the module manifest is not valid: Cannot find path '{path}' because "
                       f"it does not exist.. Verify that a valid value is specified for this field in the "
                       f"'{manifest_path}' file.")
            raise ModuleError(ErrorRecord(ArgumentException(message), "Modules_InvalidManifest",
                                          ErrorCategory.ResourceUnavailable, manifest_path))
        paths.append(path)
    return paths


def load_module_data(info: Any, type_files: list[str], format_files: list[str]) -> None:
    """Loads a module's type then format files; on a problem unloads what
    this call loaded and raises ModuleError (FormatXmlUpdateException)."""
    from pwshlike.formatting.ps1xml import FormatFileError, read_format_file
    from pwshlike.formatting.database import REGISTRY

    from pwshlike.commands.type_files import TypeFileError, load_type_file
    loaded_types: list[str] = []
    try:
        for path in type_files:
            load_type_file(path)
            loaded_types.append(path)
        views = {path: read_format_file(path) for path in format_files}
    except TypeFileError as exc:
        unload_module_data(loaded_types, [])
        raise _as_module_error(type_load_error(exc.errors)) from None
    except FormatFileError as exc:
        unload_module_data(loaded_types, [])
        raise _as_module_error(format_load_error(exc.errors, exc.path)) from None
    for path, file_views in views.items():
        REGISTRY.load_file(path, file_views)
    info.type_files = list(type_files)
    info.format_files = list(format_files)


def unload_module_data(type_files: list[str], format_files: list[str]) -> None:
    """Forgets the members and views these files declared."""
    from pwshlike.dotnet import typedata
    from pwshlike.formatting.database import REGISTRY
    for path in type_files:
        typedata.remove_source(path)
    for path in format_files:
        REGISTRY.unload_file(path)


def _as_module_error(exc: RuntimeException) -> ModuleError:
    return ModuleError(ErrorRecord(exc, "FormatXmlUpdateException", ErrorCategory.InvalidOperation, None))
