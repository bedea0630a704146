"""The module cmdlets' errors, with pwsh's texts (Modules.resx) and ids."""

from __future__ import annotations

from pwshlike.dotnet.errors import (
    CommandNotFoundException, ErrorCategory, ErrorRecord, FileNotFoundException, InvalidOperationException,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


class ModuleError(Exception):
    """A module operation that failed; ``record`` is the error to write."""

    def __init__(self, record: ErrorRecord) -> None:
        super().__init__(str(record))
        self.record = record


def module_not_found(name: str, required: Any = None, minimum: Any = None, maximum: Any = None) -> ModuleError:
    """ImportModuleCommand's message for a name or path nothing matches."""
    if required is not None:
        message = (f"The specified module '{name}' with version '{required}' was not loaded because no valid "
                   f"module file was found in any module directory.")
    elif minimum is not None and maximum is not None:
        message = (f"The specified module '{name}' with MinimumVersion '{minimum}' and MaximumVersion "
                   f"'{maximum}' was not loaded because no valid module file was found in any module directory.")
    elif minimum is not None:
        message = (f"The specified module '{name}' with version '{minimum}' was not loaded because no valid "
                   f"module file was found in any module directory.")
    elif maximum is not None:
        message = (f"The specified module '{name}' with MaximumVersion '{maximum}' was not loaded because no "
                   f"valid module file was found in any module directory.")
    else:
        message = (f"The specified module '{name}' was not loaded because no valid module file was found in "
                   f"any module directory.")
        return ModuleError(ErrorRecord(FileNotFoundException(message), "Modules_ModuleNotFound",
                                       ErrorCategory.ResourceUnavailable, name))
    return ModuleError(ErrorRecord(FileNotFoundException(message), "Modules_ModuleWithVersionNotFound",
                                   ErrorCategory.ResourceUnavailable, name))


def invalid_extension(path: str, extension: str) -> ModuleError:
    exc = InvalidOperationException(
        f"The extension '{extension}' is not a valid module extension. The supported module extensions are "
        f"'.dll', '.ps1', '.psm1', '.psd1', '.cdxml' and '.xaml'. Correct the extension then try adding the file "
        f"'{path}' again.")
    return ModuleError(ErrorRecord(exc, "Modules_InvalidModuleExtension", ErrorCategory.InvalidArgument, path))


def no_modules_removed() -> ErrorRecord:
    exc = InvalidOperationException("No modules were removed. Verify that the specification of modules to "
                                    "remove is correct and those modules exist in the runspace.")
    return ErrorRecord(exc, "Modules_NoModulesRemoved", ErrorCategory.ResourceUnavailable, None)


def export_outside_module() -> ErrorRecord:
    exc = InvalidOperationException("The Export-ModuleMember cmdlet can only be called from inside a module.")
    return ErrorRecord(exc, "Modules_CanOnlyExecuteExportModuleMemberInsideAModule",
                       ErrorCategory.PermissionDenied, None)


def autoload_failed(command: str, module: str, inner: Optional[BaseException] = None) -> CommandNotFoundException:
    """CommandDiscovery's CouldNotAutoloadMatchingModule."""
    message = (f"The '{command}' command was found in the module '{module}', but the module could not be "
               f"loaded due to the following error: [{getattr(inner, 'message', inner)}]\nFor more "
               f"information, run 'Import-Module {module}'.") if inner is not None else \
        (f"The '{command}' command was found in the module '{module}', but the module could not be loaded. "
         f"For more information, run 'Import-Module {module}'.")
    return CommandNotFoundException(message, error_id="CouldNotAutoloadMatchingModule",
                                    category=ErrorCategory.ObjectNotFound, target_object=command)
