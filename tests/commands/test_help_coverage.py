"""Every shipped cmdlet has the help a person needs: a description, help on
each of its own parameters and at least one example whose code parses."""

from __future__ import annotations

import importlib

import pytest

from pwshlike.commands.common import COMMON_NAMES
from pwshlike.language import parse_input
from pwshlike.plugins.builtins import BUILTIN_CMDLETS


def _cmdlet_class(module: str, class_name: str) -> type:
    path = module if "." in module else "pwshlike.commands.builtins." + module
    return getattr(importlib.import_module(path), class_name)


CMDLETS = sorted(BUILTIN_CMDLETS.items())


@pytest.mark.parametrize("name, entry", CMDLETS, ids=[name for name, _ in CMDLETS])
def test_a_shipped_cmdlet_has_full_help(name: str, entry: tuple[str, str, str]) -> None:
    cls = _cmdlet_class(entry[0], entry[1])
    assert cls.synopsis and cls.description, f"{name}: a synopsis and a description (the docstring's later paragraphs)"
    missing = [p.name for p in cls.metadata.parameters.values()
               if p.name not in COMMON_NAMES and p.name not in ("WhatIf", "Confirm") and not p.dont_show
               and not p.help]
    assert not missing, f"{name}: parameters without help: {missing}"
    examples = list(getattr(cls, "help_examples", ()))
    assert examples, f"{name}: at least one example"
    for title, code, _remarks in examples:
        assert title and code, f"{name}: an example needs a title and code"
        errors = parse_input(code).errors
        assert not errors, f"{name}: example {title!r} does not parse: {errors[0].message}"


def test_the_help_view_shows_a_cmdlets_description_and_examples(session) -> None:
    text = session.text("Get-Help Get-Content -Full | Out-String")[0]
    assert "DESCRIPTION\n    Text files are read line by line" in text
    title = "Example 2: Follow the end of a log"
    dashes = "-" * ((64 - len(title)) // 2)  # shipped help centres titles in 64 columns
    assert f"    {dashes} {title} {dashes}\n\n    Get-Content ./app.log -Tail 20" in text
