"""The emulator's modules import downward only, in the order docs/architecture.md writes down.

Every import counts, the ones inside functions too (they still tie two modules
together; they only move the cost).  ``from . import x`` reads the package's
namespace, so it counts as importing the package itself (the facade on top),
as the project's import-graph tools count it: a lower module names the module
it uses (``from .errors import AadError``).  Third-party imports do not count.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "pwshlike.emulator"
PACKAGE_DIR = ROOT / "pwshlike" / "emulator"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
ORDER_SENTENCE = "The emulator's modules import downward only:"


def documented_layers(text: str) -> list[list[str]]:
    """The layers of the order sentence, lowest first: backquoted module names
    separated by ``<`` up to the sentence's full stop."""
    start = text.index(ORDER_SENTENCE) + len(ORDER_SENTENCE)
    sentence = re.split(r"\.(?:\s|$)", text[start:], maxsplit=1)[0]
    return [re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)`", part) for part in sentence.split("<")]


def module_name(path: Path) -> str:
    return path.stem


def imported_modules(source: str, importer: str, package: str, modules: set[str]) -> set[str]:
    """The package's modules ``importer`` imports, anywhere in its code.

    Names are the module's file stem (``__init__`` for the package itself).
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            targets = [_absolute(node, package)]
        else:
            continue
        for target in targets:
            name = _local(target, package, modules)
            if name is not None and name != importer:
                found.add(name)
    return found


def _absolute(node: ast.ImportFrom, package: str) -> str:
    """The module an ImportFrom reads names from; for ``from . import x``
    that is the package, whose namespace ``x`` is looked up in."""
    if not node.level:
        return node.module or ""
    base = package.split(".")   # the package both its __init__ and its modules sit in
    base = base[: len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _local(target: str, package: str, modules: set[str]) -> Optional[str]:
    if target == package:
        return "__init__"
    if target.startswith(package + "."):
        head = target[len(package) + 1:].split(".")[0]
        return head if head in modules else None
    return None


def import_graph(directory: Path, package: str) -> dict[str, set[str]]:
    sources = {module_name(path): path.read_text(encoding="utf-8") for path in directory.glob("*.py")}
    return {name: imported_modules(text, name, package, set(sources)) for name, text in sources.items()}


def order_violations(graph: dict[str, set[str]], layers: list[list[str]]) -> list[str]:
    level = {name: index for index, layer in enumerate(layers) for name in layer}
    return sorted(f"{importer} imports {imported} (a higher layer)"
                  for importer, imports in graph.items() for imported in imports
                  if level[imported] > level[importer])


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import loop, each once (as found by a depth-first walk)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(name: str) -> None:
        state[name] = 1
        path.append(name)
        for imported in sorted(graph.get(name, ())):
            if state.get(imported) == 1:
                found.append(path[path.index(imported):] + [imported])
            elif imported not in state:
                visit(imported)
        path.pop()
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
    return found


@pytest.fixture(scope="module")
def layers() -> list[list[str]]:
    return documented_layers(ARCHITECTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(PACKAGE_DIR, PACKAGE)


def test_every_module_has_one_documented_layer(layers: list[list[str]], graph: dict[str, set[str]]) -> None:
    named = [name for layer in layers for name in layer]
    assert len(named) == len(set(named)), f"named twice: {sorted({n for n in named if named.count(n) > 1})}"
    assert set(named) == set(graph), (f"not in the order of docs/architecture.md: {sorted(set(graph) - set(named))}; "
                                      f"no such module: {sorted(set(named) - set(graph))}")


def test_modules_import_only_their_own_or_lower_layers(layers: list[list[str]], graph: dict[str, set[str]]) -> None:
    assert order_violations(graph, layers) == []


def test_no_import_loops(graph: dict[str, set[str]]) -> None:
    assert cycles(graph) == []


def test_the_emulator_uses_no_pwshlike_package_but_the_identity_library() -> None:
    outside = set()
    for path in PACKAGE_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                target = _absolute(node, PACKAGE)
            elif isinstance(node, ast.Import):
                target = node.names[0].name
            else:
                continue
            if target.startswith("pwshlike") and not target.startswith((PACKAGE, "pwshlike.identity")):
                outside.add(f"{path.name}: {target}")
    assert outside == set()


def test_the_walk_sees_imports_in_functions_and_package_reads(tmp_path: Path) -> None:
    """The checks above are only as good as the walk: a back-edge hidden in a
    function and a ``from . import`` of a lower module are both caught."""
    (tmp_path / "__init__.py").write_text("from .top import Top\n")
    (tmp_path / "low.py").write_text("def later():\n    from .top import Top\n    return Top\n")
    (tmp_path / "mid.py").write_text("from . import low\n")
    (tmp_path / "top.py").write_text("import json\nfrom pkg.low import later\nclass Top: ...\n")
    graph = import_graph(tmp_path, "pkg")
    assert graph == {"__init__": {"top"}, "low": {"top"}, "mid": {"__init__"}, "top": {"low"}}
    assert order_violations(graph, [["low"], ["mid"], ["top"], ["__init__"]]) == [
        "low imports top (a higher layer)", "mid imports __init__ (a higher layer)"]
    assert cycles(graph) == [["top", "low", "top"]]
    assert documented_layers(f"x\n{ORDER_SENTENCE} `a`, `b` (the data) < `c`.  `d` is no layer.\n") == [
        ["a", "b"], ["c"]]
