"""docs/plugins.md's reference section lists every public name of
pwshlike.plugin and pwshlike.testing as the code declares it."""

from __future__ import annotations

import os

from pwshlike import plugin, plugin_reference, testing

DOC = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "plugins.md")


def test_the_committed_reference_is_current():
    with open(DOC, encoding="utf-8") as handle:
        committed = handle.read()
    assert plugin_reference.update(committed) == committed, "run: python -m pwshlike.plugin_reference"


def test_every_public_name_has_a_row_with_its_signature():
    section = plugin_reference.section()
    for name in plugin.__all__ + testing.__all__:
        assert f"| `{name}` |" in section, name
    assert "`run(script: str, *, input: Optional[Iterable[Any]] = None, strict: bool = False) -> Result`" in section
    assert "`ValidateSet(*values: str, ignore_case: bool = True)`" in section
    assert "| `ItemNotFoundException` | exception | `ItemNotFoundException(message)`<br>.NET " \
           "`System.Management.Automation.ItemNotFoundException`." in section
