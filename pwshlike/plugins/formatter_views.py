"""Default views from plugins, handed to the formatter's view registry.

Plugins describe views with the plugin API's FormatView/ViewColumn (the
``pwshlike_add_format_views`` hook); the formatter has its own registry.
Each plugin view is registered there once per process.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_registered: set[int] = set()


def _spec(column: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {"label": column.label}
    if column.script:
        spec["script"] = column.script
    else:
        spec["property"] = column.property
    if column.width is not None:
        spec["width"] = column.width
    if column.alignment is not None:
        spec["alignment"] = column.alignment
    return spec


def register_plugin_views(views: Any) -> None:
    """Registers every plugin FormatView not registered yet."""
    from pwshlike.formatting import register_view
    for view in views.all():
        if id(view) in _registered:
            continue
        _registered.add(id(view))
        specs = [_spec(c) for c in view.columns]
        options: dict[str, Any] = {"name": view.name, "group_by": view.group_by or None}
        if view.kind == "table":
            options["columns"] = specs
        elif view.kind == "list":
            options["properties"] = specs
        else:
            options["property"] = specs[0]
        register_view(view.type_names, view.kind, **options)
