"""The package structure stays as docs/architecture.md writes it down.

The layer order is read from that file's "Layer order" list, so the test
and the document cannot disagree. Every import in pwshlike counts, those
inside functions included (they run too); only imports under
``if TYPE_CHECKING:`` are left out, because they never run.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pwshlike"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
MAX_LOOP = 6
MAX_LINES = 1500


def modules() -> dict[str, Path]:
    """Every module of pwshlike by dotted name (a package by its own name)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a module except what sits under ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in [child, *_runtime_nodes(child)])
            continue
        yield node
        yield from _runtime_nodes(node)


def imports_of(name: str, path: Path, known: dict[str, Path]) -> list[tuple[int, str]]:
    """(line, module) for each pwshlike module ``name`` imports."""
    is_package = path.name == "__init__.py"
    found = []
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                if not is_package:
                    base.pop()
                base = base[:len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            # ``from pkg import mod`` imports the module; ``from mod import name``
            # imports mod (the package around a module is loaded already).
            targets = [f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and target.startswith("pwshlike"):
                found.append((node.lineno, target))
    return found


def layer_order() -> list[list[str]]:
    """The numbered list under "## Layer order" in docs/architecture.md:
    each item names the packages or modules of one layer."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text.split("## Layer order", 1)[1].split("\n## ", 1)[0]
    return [re.findall(r"`(pwshlike[\w.]*)`", line) for line in section.splitlines() if re.match(r"\d+\. ", line)]


def libraries() -> dict[str, list[str]]:
    """The "Libraries" lines of that section: a library and what it may import."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text.split("## Layer order", 1)[1].split("\n## ", 1)[0]
    found = {}
    for line in section.splitlines():
        match = re.match(r"- Library `(pwshlike[\w.]*)` imports only (.*)", line)
        if match:
            found[match.group(1)] = re.findall(r"`(pwshlike[\w.]*)`", match.group(2))
    return found


def owner(module: str, names: list[str]) -> str | None:
    """The longest listed name ``module`` is or lies under (the root package
    ``pwshlike`` owns only its own ``__init__``)."""
    matches = [n for n in names if module == n or n != "pwshlike" and module.startswith(n + ".")]
    return max(matches, key=len) if matches else None


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: {target for _line, target in imports_of(name, path, known)} for name, path in known.items()}


def loops(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_layer_order_is_written_down():
    order = layer_order()
    assert len(order) >= 8 and all(order)
    listed = [name for layer in order for name in layer] + list(libraries())
    unplaced = [m for m in modules() if owner(m, listed) is None]
    assert unplaced == [], "modules no layer in docs/architecture.md names"


def test_every_import_runs_down_the_layers():
    order = layer_order()
    rank = {name: number for number, layer in enumerate(order) for name in layer}
    libs = libraries()
    lowest_user = min(rank[name] for name in ("pwshlike.plugins",))
    listed = list(rank) + list(libs)
    known = modules()
    against = []
    for name, path in sorted(known.items()):
        mine = owner(name, listed)
        for line, target in imports_of(name, path, known):
            theirs = owner(target, listed)
            if mine == theirs:
                continue
            if mine in libs:
                allowed = theirs in libs[mine]
            elif theirs in libs:
                allowed = rank[mine] >= lowest_user
            else:
                allowed = rank[theirs] <= rank[mine]
            if not allowed:
                against.append(f"{path.relative_to(ROOT)}:{line} {name} -> {target}")
    assert against == []


def test_no_import_cycle_between_subpackages():
    package_edges: dict[str, set[str]] = {}
    for source, targets in graph().items():
        top = ".".join(source.split(".")[:2])
        for target in targets:
            other = ".".join(target.split(".")[:2])
            if other != top:
                package_edges.setdefault(top, set()).add(other)
    assert loops(package_edges) == []


def test_no_loop_of_more_than_six_modules():
    assert [loop for loop in loops(graph()) if len(loop) > MAX_LOOP] == []


def test_no_module_over_1500_lines():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_walk_sees_every_import_that_runs(tmp_path):
    """The checks above are only as good as the walk: imports inside
    functions count in every spelling, ``from pkg import mod`` names the
    module, and only what sits under ``if TYPE_CHECKING:`` is left out."""
    sample = tmp_path / "sample.py"
    sample.write_text("from typing import TYPE_CHECKING\n"
                      "if TYPE_CHECKING:\n    from ..runtime import scopes\n"
                      "def f():\n    from ..dotnet import values\n"
                      "def g():\n    import pwshlike.formatting\n"
                      "from . import tokens\n", encoding="utf-8")
    known = {name: Path(name) for name in ("pwshlike", "pwshlike.language", "pwshlike.language.tokens",
                                           "pwshlike.dotnet", "pwshlike.dotnet.values", "pwshlike.runtime",
                                           "pwshlike.runtime.scopes", "pwshlike.formatting")}
    assert imports_of("pwshlike.language.sample", sample, known) == [
        (5, "pwshlike.dotnet.values"), (7, "pwshlike.formatting"), (8, "pwshlike.language.tokens")]
