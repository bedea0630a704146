"""The object model's modules import downward only, in the order
docs/architecture.md writes down ("The object model's modules import downward
only: ...").

The package-level test (tests/test_architecture.py) allows loops of up to six
modules; inside pwshlike/dotnet the only loops are two pairs that are one idea
each, and this test keeps it so: a module imports modules of an earlier
group, or its partner in one of those pairs, imports inside functions included.
"""

from __future__ import annotations

import re

from test_architecture import ARCHITECTURE, graph

DOTNET = "pwshlike.dotnet"
SENTENCE = "The object model's modules import downward only:"
# The modules of one group that may import each other (said in both docstrings).
PAIRS = {frozenset(("conversions", "types")), frozenset(("statics", "statics_system"))}


def _text() -> str:
    return " ".join(ARCHITECTURE.read_text(encoding="utf-8").split())


def dotnet_order() -> list[list[str]]:
    """The groups of the sentence, lowest first: groups are separated by
    ``<``, the modules of one group by commas."""
    text = _text()
    assert SENTENCE in text, "docs/architecture.md no longer states the object model's module order"
    order = text.split(SENTENCE, 1)[1].split(".", 1)[0]
    return [re.findall(r"`(\w+)`", group) for group in order.split("<")]


def test_every_object_model_module_has_a_place_in_the_order():
    placed = [name for group in dotnet_order() for name in group]
    modules = sorted(name.rpartition(".")[2] for name in graph() if name.startswith(DOTNET + "."))
    assert sorted(placed) == modules


def test_object_model_modules_import_only_modules_below_them_or_their_pair():
    level = {name: index for index, group in enumerate(dotnet_order()) for name in group}
    upward = []
    for module, targets in graph().items():
        if not module.startswith(DOTNET + "."):
            continue
        own = module.rpartition(".")[2]
        for target in targets:
            if not target.startswith(DOTNET + "."):
                continue
            other = target.rpartition(".")[2]
            if level[other] >= level[own] and frozenset((own, other)) not in PAIRS:
                upward.append(f"{own} -> {other}")
    assert upward == []


def test_each_pair_that_imports_each_other_is_named_in_the_document_and_in_both_docstrings():
    text = _text()
    for pair in PAIRS:
        first, second = sorted(pair)
        assert f"`{first}` and `{second}`" in text
        for name, partner in ((first, second), (second, first)):
            source = (ARCHITECTURE.parent.parent / "pwshlike" / "dotnet" / f"{name}.py").read_text(encoding="utf-8")
            docstring = source.split('"""', 2)[1]
            assert f"{partner}.py" in " ".join(docstring.split()), f"{name}.py's docstring does not name {partner}.py"
