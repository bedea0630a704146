"""The classes a module on disk defines, read from its files without
importing it (``(Get-Module M -ListAvailable).GetExportedTypeDefinitions()``):
its nested modules' and its root module's top-level class definitions, a
name the root module defines winning, as when the module is imported."""

from __future__ import annotations

import os

from pwshlike.dotnet.errors import RuntimeException
from pwshlike.language import ast as A
from pwshlike.language import parse_input

from .errors import ModuleError
from .manifest import read_manifest
from .manifest_parts import nested_module_paths

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def file_type_definitions(info: Any) -> list[A.TypeDefinitionAst]:
    """The class definitions of a module that is not imported."""
    base = info.module_base or os.path.dirname(info.path or "")
    manifest_path = os.path.join(base, info.name + ".psd1")
    files: list[str] = []
    if os.path.isfile(manifest_path):
        try:
            files.extend(nested_module_paths(read_manifest(manifest_path), base, lambda _name: None))
        except (ModuleError, RuntimeException, OSError):
            files = []  # a manifest that does not load defines nothing here; Import-Module reports it
    root = os.path.join(base, info.root_module) if info.root_module else info.path or ""
    if root.lower().endswith(".psm1"):
        files.append(root)
    by_name: dict[str, A.TypeDefinitionAst] = {}
    for path in files:
        for definition in _classes_in(path):
            by_name[definition.name.lower()] = definition
    return list(by_name.values())


def _classes_in(path: str) -> list[A.TypeDefinitionAst]:
    if not path.lower().endswith(".psm1") or not os.path.isfile(path):
        return []
    with open(path, encoding="utf-8-sig") as handle:
        ast = parse_input(handle.read(), path).ast
    block = ast.end_block
    return [s for s in (block.statements if block is not None else ())
            if isinstance(s, A.TypeDefinitionAst) and s.type_attributes == "Class"]
