"""The bundled plugins are written against the public plugin API only: from
pwshlike they import ``pwshlike.plugin`` (and ``pwshlike.testing`` in
tests), nothing internal.  The emulator plugin also imports
``pwshlike.emulator``, the library it fronts.  Every import statement
counts, including those inside functions."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"
PUBLIC = ("pwshlike.plugin",)
TESTS_ONLY = ("pwshlike.testing",)
EXTRA = {"emulator": ("pwshlike.emulator",)}


def pwshlike_imports(source: str) -> list[tuple[int, str]]:
    """(line, module) of every absolute import of pwshlike or a submodule;
    ``from pwshlike import x`` counts as importing ``pwshlike.x``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "pwshlike":
                found += [(node.lineno, f"pwshlike.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
    return sorted((line, name) for line, name in found if name == "pwshlike" or name.startswith("pwshlike."))


def _allowed(name: str, allowed: tuple[str, ...]) -> bool:
    return any(name == a or name.startswith(a + ".") for a in allowed)


def _is_test(path: Path) -> bool:
    return "tests" in path.parts or path.name.startswith("test_") or path.name == "conftest.py"


@pytest.mark.parametrize("plugin", ["partnercenter", "msgraph", "emulator"])
def test_a_bundled_plugin_imports_only_the_public_api(plugin):
    root = PLUGINS / plugin
    files = sorted(root.rglob("*.py"))
    assert files, f"no Python files under {root}"
    offenders = []
    for path in files:
        allowed = PUBLIC + EXTRA.get(plugin, ()) + (TESTS_ONLY if _is_test(path) else ())
        for line, name in pwshlike_imports(path.read_text(encoding="utf-8")):
            if not _allowed(name, allowed):
                offenders.append(f"{os.path.relpath(path, PLUGINS)}:{line}: {name}")
    assert offenders == []


def test_the_walk_sees_imports_inside_functions_and_every_spelling():
    source = ("import pwshlike.plugin\nfrom pwshlike import engine\n"
              "def f():\n    from pwshlike.commands.cmdlet import Cmdlet\n    import pwshlike.modules.model as m\n"
              "from . import sibling\nimport pwshlike_partnercenter\n")
    assert pwshlike_imports(source) == [(1, "pwshlike.plugin"), (2, "pwshlike.engine"),
                                        (4, "pwshlike.commands.cmdlet"), (5, "pwshlike.modules.model")]
    assert not _allowed("pwshlike.plugins.registries", PUBLIC), "pwshlike.plugins is not pwshlike.plugin"
