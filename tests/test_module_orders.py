"""Inside a package, modules import downward only, in the order
docs/architecture.md writes down for it.

Three packages state their module order in one sentence each ("The
runtime's modules import downward only: `flow`, ... < `scopes` < ...").
Groups are separated by ``<``; the modules of one group by commas.  The
import graph is tests/test_architecture.py's, so every import counts, those
inside functions included.  The runtime's and the object model's groups are
modules that do not import each other (the object model allows two named
pairs that are one idea each); the emulator's groups are layers whose
members may use one another, without a loop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from test_architecture import ARCHITECTURE, ROOT, graph, loops


@dataclass(frozen=True)
class Order:
    package: str
    sentence: str
    within_group: bool = False
    pairs: frozenset[frozenset[str]] = frozenset()


ORDERS = [
    Order("pwshlike.runtime", "The runtime's modules import downward only:"),
    Order("pwshlike.dotnet", "The object model's modules import downward only:",
          pairs=frozenset({frozenset(("conversions", "types")), frozenset(("statics", "statics_system"))})),
    Order("pwshlike.emulator", "The emulator's modules import downward only:", within_group=True),
]


def _text() -> str:
    return " ".join(ARCHITECTURE.read_text(encoding="utf-8").split())


def groups(order: Order, text: str | None = None) -> list[list[str]]:
    """The sentence's groups, lowest first."""
    text = _text() if text is None else text
    assert order.sentence in text, f"docs/architecture.md no longer states {order.package}'s module order"
    sentence = re.split(r"\.(?:\s|$)", text.split(order.sentence, 1)[1], maxsplit=1)[0]
    return [re.findall(r"`(\w+)`", group) for group in sentence.split("<")]


def local_graph(package: str) -> dict[str, set[str]]:
    """The package's own import graph by module stem (``__init__`` for the package)."""
    def local(module: str) -> str | None:
        if module == package:
            return "__init__"
        return module[len(package) + 1:].split(".")[0] if module.startswith(package + ".") else None

    edges: dict[str, set[str]] = {}
    for module, targets in graph().items():
        own = local(module)
        if own is not None:
            edges.setdefault(own, set()).update(t for t in map(local, targets) if t is not None and t != own)
    return edges


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: o.package)
def test_every_module_has_one_place_in_the_order(order: Order) -> None:
    placed = [name for group in groups(order) for name in group]
    assert len(placed) == len(set(placed)), "a module is named twice"
    modules = set(local_graph(order.package))
    if not order.within_group:
        modules.discard("__init__")
    assert sorted(placed) == sorted(modules)


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: o.package)
def test_modules_import_only_modules_below_them(order: Order) -> None:
    level = {name: index for index, group in enumerate(groups(order)) for name in group}
    upward = sorted(f"{own} -> {other}" for own, targets in local_graph(order.package).items()
                    for other in targets if own in level
                    and (level[other] > level[own] or level[other] == level[own] and not order.within_group)
                    and frozenset((own, other)) not in order.pairs)
    assert upward == []


@pytest.mark.parametrize("order", [o for o in ORDERS if not o.pairs], ids=lambda o: o.package)
def test_no_import_loop_inside(order: Order) -> None:
    assert loops(local_graph(order.package)) == []


@pytest.mark.parametrize("order", [o for o in ORDERS if o.pairs], ids=lambda o: o.package)
def test_each_pair_is_named_in_the_document_and_in_both_docstrings(order: Order) -> None:
    text = _text()
    directory = ROOT.joinpath(*order.package.split("."))
    for pair in order.pairs:
        first, second = sorted(pair)
        assert f"`{first}` and `{second}`" in text
        for name, partner in ((first, second), (second, first)):
            docstring = (directory / f"{name}.py").read_text(encoding="utf-8").split('"""', 2)[1]
            assert f"{partner}.py" in " ".join(docstring.split()), f"{name}.py's docstring does not name {partner}.py"


def test_the_sentence_reader_stops_at_the_full_stop() -> None:
    order = Order("p", "The p's modules import downward only:")
    text = f"x {order.sentence} `a`, `b` (the data) < `c`.  `d` is no layer."
    assert groups(order, text) == [["a", "b"], ["c"]]
