"""The language layer is the bottom of pwshlike: it imports nothing from the
other pwshlike packages, not even inside a function (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pwshlike.language

PACKAGE = "pwshlike.language"
ROOT = Path(pwshlike.language.__file__).parent


def _imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in ``path``, at any depth."""
    module = f"{PACKAGE}.{path.stem}" if path.stem != "__init__" else PACKAGE
    package = PACKAGE if path.stem != "__init__" else module
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.append((node.lineno, target))
    return found


def _outside_language(name: str) -> bool:
    return (name == "pwshlike" or name.startswith("pwshlike.")) and not (
        name == PACKAGE or name.startswith(PACKAGE + "."))


def test_language_imports_no_other_pwshlike_package():
    offending = [f"{path.name}:{line}: {name}"
                 for path in sorted(ROOT.glob("*.py"))
                 for line, name in _imported_modules(path) if _outside_language(name)]
    assert offending == []


def test_the_walk_sees_function_level_and_relative_imports(tmp_path):
    """The checker itself: an import of the object model hidden in a
    function, in either spelling, is reported."""
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from ..dotnet import values\n"
                      "def g():\n    import pwshlike.dotnet.values\n", encoding="utf-8")
    names = [name for _, name in _imported_modules(sample)]
    assert names == ["pwshlike.dotnet", "pwshlike.dotnet.values"]
    assert all(_outside_language(name) for name in names)
