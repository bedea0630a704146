"""Command objects for the functions and aliases of a module on disk that
is not imported: Get-Command -Module and Get-Module -ListAvailable list them
with the module (and its version) read from the manifest, as pwsh does,
although the session cannot see them until the module is imported."""

from __future__ import annotations

from typing import Any

from pwshlike.commands.commandinfo import AliasInfo, FunctionInfo


class AvailableFunctionInfo(FunctionInfo):
    """A FunctionInfo whose Module is the not-imported module's description."""

    def __init__(self, name: str, module_info: Any) -> None:
        super().__init__(name, None, "Function", module_info.name)
        self._module_info = module_info

    @property
    def module(self) -> Any:
        return self._module_info

    @property
    def definition(self) -> str:
        """Empty: the function's body is not known until the module runs."""
        return ""


class AvailableAliasInfo(AliasInfo):
    """An AliasInfo whose Source and Module are the not-imported module."""

    def __init__(self, name: str, target: str, module_info: Any) -> None:
        super().__init__(name, target)
        self.module_name = module_info.name
        self._module_info = module_info

    @property
    def module(self) -> Any:
        return self._module_info
