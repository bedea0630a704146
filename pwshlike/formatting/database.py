"""The process's format database and its public registration API.

``REGISTRY`` holds pwsh's built-in views (:mod:`.builtin_views`, loaded on
first lookup so start-up does not build them) and whatever format files,
plugins and the host add.  Plugins and the host register views with
:func:`register_view`; they are searched before the built-in ones, so a
plugin can replace pwsh's default view of a type.
:func:`register_default_properties` declares the properties an object of a
type shows when it has no view (pwsh's ``DefaultDisplayPropertySet``).
"""

from __future__ import annotations

from .views import CustomView, GroupBy, ListItem, ListView, TableColumn, TableView, View, ViewRegistry, WideView

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional, Sequence, Union


def _install_builtin_views(registry: ViewRegistry) -> None:
    from .builtin_views import install_builtin_views
    install_builtin_views(registry)


REGISTRY = ViewRegistry(_install_builtin_views)
"""The process-wide format database (pwsh's is per runspace; pwshlike has one)."""


# --- the public registration API --------------------------------------------------------------------

def _column(spec: Any) -> TableColumn:
    if isinstance(spec, TableColumn):
        return spec
    if isinstance(spec, dict):
        source = spec.get("property") or spec.get("expression") or ({"script": spec["script"]}
                                                                     if "script" in spec else None)
        if source is None:
            raise ValueError(f"column {spec!r} needs 'property', 'expression' or 'script'")
        return TableColumn(source, spec.get("label"), spec.get("width", 0), spec.get("alignment"),
                           spec.get("format"))
    return TableColumn(spec)


def _item(spec: Any) -> ListItem:
    if isinstance(spec, ListItem):
        return spec
    if isinstance(spec, dict):
        source = spec.get("property") or spec.get("expression") or ({"script": spec["script"]}
                                                                     if "script" in spec else None)
        if source is None:
            raise ValueError(f"list item {spec!r} needs 'property', 'expression' or 'script'")
        label = spec.get("label")
        if label is None and "script" in spec and "property" not in spec:
            raise ValueError(f"list item {spec!r} with a script needs a 'label'")
        return ListItem(source, label, spec.get("format"))
    return ListItem(spec)


def _group(spec: Any) -> Optional[GroupBy]:
    if spec is None or isinstance(spec, GroupBy):
        return spec
    if isinstance(spec, dict):
        source = spec.get("property") or spec.get("expression") or ({"script": spec["script"]}
                                                                     if "script" in spec else None)
        return GroupBy(source, spec.get("label"), spec.get("control"))
    return GroupBy(spec)


def register_view(type_names: Union[str, Sequence[str]], kind: str, *, name: Optional[str] = None,
                  columns: Optional[Sequence[Any]] = None, properties: Optional[Sequence[Any]] = None,
                  property: Optional[Any] = None, body: Optional[Any] = None, group_by: Optional[Any] = None,
                  autosize: Optional[bool] = None, hide_header: bool = False, wrap: bool = False,
                  column_count: int = 0, out_of_band: bool = False,
                  registry: Optional[ViewRegistry] = None) -> View:
    """Registers a view for objects whose PSTypeNames include ``type_names``.

    ``kind`` is ``"table"`` (``columns``), ``"list"`` (``properties``),
    ``"wide"`` (``property``, ``column_count``) or ``"custom"`` (``body``:
    Text/Field/NewLine/Frame tokens or a callable ``obj -> str``).
    Columns, list properties and ``group_by`` are property names, script
    blocks, callables, or dicts with ``property``/``expression``/``script``
    (script text) and, for columns, ``label``, ``width``, ``alignment``
    (Left/Right/Center) and ``format`` (a .NET format string).
    Returns the view."""
    names = [type_names] if isinstance(type_names, str) else list(type_names)
    if not names:
        raise ValueError("a view needs at least one type name")
    view_name = name or names[0]
    grouping = _group(group_by)
    kind = kind.lower()
    view: View
    if kind == "table":
        if not columns:
            raise ValueError("a table view needs columns")
        view = TableView(view_name, names, [_column(c) for c in columns], grouping, autosize, hide_header, wrap)
    elif kind == "list":
        if not properties:
            raise ValueError("a list view needs properties")
        view = ListView(view_name, names, [(None, [_item(p) for p in properties])], grouping)
    elif kind == "wide":
        if property is None:
            raise ValueError("a wide view needs a property")
        spec = property
        fmt = None
        if isinstance(spec, dict):
            fmt = spec.get("format")
            spec = spec.get("property") or spec.get("expression") or {"script": spec["script"]}
        view = WideView(view_name, names, [(None, spec, fmt)], column_count, grouping, autosize)
    elif kind == "custom":
        if body is None:
            raise ValueError("a custom view needs a body")
        view = CustomView(view_name, names, body, out_of_band, grouping)
    else:
        raise ValueError(f"unknown view kind {kind!r}: use table, list, wide or custom")
    return (registry or REGISTRY).add(view)


def register_default_properties(type_name: str, names: Sequence[str],
                                registry: Optional[ViewRegistry] = None) -> None:
    """Declares the properties objects of ``type_name`` show when no view
    applies (a table for up to four, else a list)."""
    (registry or REGISTRY).set_default_properties(type_name, names)
