"""pwsh's own views are built on the first lookup that could find one: a
plain value (``Write-Output 1``) has none, so formatting it builds none, and
what it finds is the same as with them built."""

from __future__ import annotations

import decimal

from pwshlike.formatting.builtin_views import install_builtin_views
from pwshlike.formatting.expressions import type_names
from pwshlike.formatting.views import NO_BUILTIN_VIEW, CustomView, Field, TableColumn, TableView, ViewRegistry


def _loaded() -> ViewRegistry:
    registry = ViewRegistry()
    install_builtin_views(registry)
    return registry


def test_no_builtin_view_is_for_a_name_the_lookup_skips_them_for():
    names = {name.lower() for view in _loaded().all_views() for name in view.type_names}
    assert not names & NO_BUILTIN_VIEW


def test_the_names_of_plain_values_are_all_skipped():
    for value in (1, "s", 1.5, True, decimal.Decimal(1), 1 << 70):
        assert all(name.lower() in NO_BUILTIN_VIEW for name in type_names(value))


def test_a_plain_value_builds_no_builtin_view_and_finds_a_registered_one():
    calls: list[int] = []

    def builtins(registry: ViewRegistry) -> None:
        calls.append(1)
        install_builtin_views(registry)

    registry = ViewRegistry(builtins)
    assert registry.find(type_names(1)) is None
    assert registry.find(type_names("s"), kind="custom", out_of_band=True) is None
    assert calls == []
    view = registry.add(TableView("Int", ("System.Int32",), [TableColumn("Length")]))
    oob = registry.add(CustomView("Text", ("System.String",), [Field("Length")]))
    oob.out_of_band = True
    assert registry.find(type_names(1)) is view
    assert registry.find(type_names("s"), kind="custom", out_of_band=True) is oob
    assert calls == []
    # a name pwsh has views for builds them, and the earlier answers stand
    assert registry.find(("System.TimeSpan", "System.ValueType", "System.Object")) is not None
    assert calls == [1]
    assert registry.find(type_names(1)) is view
    assert registry.find(("Deserialized.System.TimeSpan", "Deserialized.System.ValueType",
                          "Deserialized.System.Object")) is not None
