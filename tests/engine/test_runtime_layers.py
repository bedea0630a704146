"""The runtime's modules import downward only, in the order docs/architecture.md
writes down ("The runtime's modules import downward only: ...").

The package-level test (tests/test_architecture.py) allows loops of up to six
modules inside a package; the runtime has none, and this test keeps it so: a
module may import only modules of an earlier group, imports inside functions
included.
"""

from __future__ import annotations

import re

from test_architecture import ARCHITECTURE, graph

RUNTIME = "pwshlike.runtime"
SENTENCE = "The runtime's modules import downward only:"


def runtime_order() -> list[list[str]]:
    """The groups of the sentence, lowest first: groups are separated by
    ``<``, the modules of one group (which do not import each other) by commas."""
    text = " ".join(ARCHITECTURE.read_text(encoding="utf-8").split())
    assert SENTENCE in text, "docs/architecture.md no longer states the runtime's module order"
    order = text.split(SENTENCE, 1)[1].split(".", 1)[0]
    return [re.findall(r"`(\w+)`", group) for group in order.split("<")]


def test_every_runtime_module_has_a_place_in_the_order():
    placed = [name for group in runtime_order() for name in group]
    modules = sorted(name.rpartition(".")[2] for name in graph() if name.startswith(RUNTIME + "."))
    assert sorted(placed) == modules


def test_runtime_modules_import_only_modules_below_them():
    level = {name: index for index, group in enumerate(runtime_order()) for name in group}
    upward = []
    for module, targets in graph().items():
        if not module.startswith(RUNTIME + "."):
            continue
        own = module.rpartition(".")[2]
        for target in targets:
            if target.startswith(RUNTIME + "."):
                other = target.rpartition(".")[2]
                if level[other] >= level[own]:
                    upward.append(f"{own} -> {other}")
    assert upward == []
