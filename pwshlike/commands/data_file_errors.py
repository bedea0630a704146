"""The errors pwsh reports when a type or format file does not load, shared
by Update-TypeData and Update-FormatData (here) and Import-Module (the
module layer, for a manifest's TypesToProcess and FormatsToProcess)."""

from __future__ import annotations

from pwshlike.dotnet.errors import ErrorCategory, RuntimeException


def format_load_error(errors: list[str], path: str) -> RuntimeException:
    """pwsh's FormatLoadingErrors text: each problem qualified by the file."""
    lines = "".join(f"{path}, {error}\n" for error in errors)
    return RuntimeException(f"Errors occurred while loading the format data file: \n{lines}",
                            error_id="FormatXmlUpdateException", category=ErrorCategory.InvalidOperation)


def type_load_error(errors: list[str]) -> RuntimeException:
    """pwsh's TypesXmlError text, one problem a line."""
    lines = "".join(f"{error}\n" for error in errors)
    return RuntimeException(f"The following error occurred while loading the extended type data file: \n{lines}",
                            error_id="FormatXmlUpdateException", category=ErrorCategory.InvalidOperation)
