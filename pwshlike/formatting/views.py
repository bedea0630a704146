"""Views: how objects of a type are shown, registered per type name.

This is pwsh's format database (``*.format.ps1xml``).  A view applies to
one or more type names and is a table, list, wide or custom view:

* :class:`TableView` — columns (label, value, width, alignment, format string);
* :class:`ListView` — ``Label : value`` items;
* :class:`WideView` — one value per object, laid out in columns;
* :class:`CustomView` — text, values, new lines and indented frames
  (pwsh's custom control); ``out_of_band`` views (errors, script blocks)
  are shown on their own even in the middle of another type's table.

Any view may group its objects (``group_by``): a new group starts, with a
header, whenever the grouping value changes.

The process's database of views (``REGISTRY``, with pwsh's built-in
views) and the public registration API live in :mod:`.database`, above
this module and the built-in views, which are made of these classes.
"""

from __future__ import annotations

from .expressions import PropertyExpression

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Optional, Sequence, Union
    ExpressionSource = Union[str, Callable[[Any], Any], Any]

LEFT, RIGHT, CENTER = "Left", "Right", "Center"
_ALIGNMENTS = {"left": LEFT, "right": RIGHT, "center": CENTER}


def alignment_of(value: Optional[str]) -> Optional[str]:
    """``"left"``/``"right"``/``"center"`` (any case) as the canonical name; None stays undefined."""
    if value is None:
        return None
    found = _ALIGNMENTS.get(str(value).lower())
    if found is None:
        raise ValueError(f"alignment must be Left, Right or Center, not {value!r}")
    return found


def expression_of(source: ExpressionSource) -> PropertyExpression:
    """A PropertyExpression from a property name, a ScriptBlock, a callable,
    or ``{"script": "text"}`` (script text compiled when first used)."""
    if isinstance(source, PropertyExpression):
        return source
    if isinstance(source, dict) and "script" in source:
        return PropertyExpression(_LazyScript(str(source["script"])), label=str(source["script"]).strip())
    return PropertyExpression(source)


class _LazyScript:
    """Script text in a view, compiled into a ScriptBlock on first use (so
    registering views costs nothing at start-up)."""

    __slots__ = ("text", "_block")

    def __init__(self, text: str) -> None:
        self.text = text
        self._block: Any = None

    def invoke_with_input(self, obj: Any) -> Any:
        if self._block is None:
            from ..runtime.scriptblock import ScriptBlock
            self._block = ScriptBlock.create(self.text)
        return self._block.invoke_with_input(obj)

    def __str__(self) -> str:
        return self.text.strip()


# --- custom control tokens -------------------------------------------------------------------

class Text:
    """Literal text in a custom view."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class NewLine:
    """A line break in a custom view."""

    __slots__ = ()


class Field:
    """A value in a custom view (shown as text; collections as ``{a, b}``)."""

    __slots__ = ("expression", "format_string")

    def __init__(self, source: ExpressionSource, format_string: Optional[str] = None) -> None:
        self.expression = expression_of(source)
        self.format_string = format_string


class Frame:
    """An indented block: ``left``/``right`` indentation, and the first
    line indented by ``first_line`` more (or hanging by ``hanging``)."""

    __slots__ = ("tokens", "left", "right", "first_line")

    def __init__(self, tokens: Sequence[Any], left: int = 0, right: int = 0, first_line: int = 0,
                 hanging: int = 0) -> None:
        self.tokens = list(tokens)
        self.left = left
        self.right = right
        self.first_line = first_line - hanging


# --- views ---------------------------------------------------------------------------------------

class GroupBy:
    """How a view groups objects: the grouping value, and either a label
    (header ``   Label: value``) or a custom control rendering the header."""

    __slots__ = ("expression", "label", "control")

    def __init__(self, source: ExpressionSource, label: Optional[str] = None,
                 control: Optional[Sequence[Any]] = None) -> None:
        self.expression = expression_of(source)
        self.label = label
        self.control = list(control) if control is not None else None


class TableColumn:
    """One column of a table view.  ``label`` None means the property's
    name; ``width`` 0 lets the table size the column.  A callable width is
    measured each time the view is used (a date column as wide as the
    current culture writes dates), so installing the view costs nothing."""

    __slots__ = ("label", "expression", "_width", "alignment", "format_string")

    def __init__(self, source: ExpressionSource, label: Optional[str] = None,
                 width: Union[int, Callable[[], int]] = 0,
                 alignment: Optional[str] = None, format_string: Optional[str] = None) -> None:
        self.expression = expression_of(source)
        self.label = label
        self._width = width if callable(width) else int(width)
        self.alignment = alignment_of(alignment)
        self.format_string = format_string

    @property
    def width(self) -> int:
        width = self._width
        return width() if callable(width) else width


class ListItem:
    """One ``Label : value`` line of a list view."""

    __slots__ = ("label", "expression", "format_string")

    def __init__(self, source: ExpressionSource, label: Optional[str] = None,
                 format_string: Optional[str] = None) -> None:
        self.expression = expression_of(source)
        self.label = label if label is not None else str(self.expression)
        self.format_string = format_string


class View:
    """Base of the view kinds: ``name``, the type names it applies to, grouping."""

    kind = ""
    __slots__ = ("name", "type_names", "group_by", "_lowered")

    def __init__(self, name: str, type_names: Sequence[str], group_by: Optional[GroupBy]) -> None:
        self.name = name
        self.type_names = tuple(type_names)
        self.group_by = group_by
        self._lowered = frozenset(n.lower() for n in self.type_names)

    def applies_to(self, names: Iterable[str]) -> bool:
        """Whether an object with these PSTypeNames may use this view."""
        lowered = self._lowered
        return any(n.lower() in lowered for n in names)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r}, {list(self.type_names)!r})"


class TableView(View):
    kind = "table"
    __slots__ = ("columns", "autosize", "hide_header", "wrap")

    def __init__(self, name: str, type_names: Sequence[str], columns: Sequence[TableColumn],
                 group_by: Optional[GroupBy] = None, autosize: Optional[bool] = None,
                 hide_header: bool = False, wrap: bool = False) -> None:
        super().__init__(name, type_names, group_by)
        self.columns = list(columns)
        self.autosize = autosize
        self.hide_header = hide_header
        self.wrap = wrap


class ListView(View):
    """``entries`` are (type names or None, items): the first entry whose
    type names match the object is used, else the one with None."""

    kind = "list"
    __slots__ = ("entries",)

    def __init__(self, name: str, type_names: Sequence[str],
                 entries: Sequence[tuple[Optional[Sequence[str]], Sequence[ListItem]]],
                 group_by: Optional[GroupBy] = None) -> None:
        super().__init__(name, type_names, group_by)
        self.entries = [(tuple(sel) if sel else None, list(items)) for sel, items in entries]

    def items_for(self, names: Sequence[str]) -> list[ListItem]:
        return _select_entry(self.entries, names)


class WideView(View):
    """``entries`` are (type names or None, expression, format string)."""

    kind = "wide"
    __slots__ = ("entries", "columns", "autosize")

    def __init__(self, name: str, type_names: Sequence[str],
                 entries: Sequence[tuple[Optional[Sequence[str]], ExpressionSource, Optional[str]]],
                 columns: int = 0, group_by: Optional[GroupBy] = None, autosize: Optional[bool] = None) -> None:
        super().__init__(name, type_names, group_by)
        self.entries = [(tuple(sel) if sel else None, (expression_of(src), fmt)) for sel, src, fmt in entries]
        self.columns = columns
        self.autosize = autosize

    def entry_for(self, names: Sequence[str]) -> tuple[PropertyExpression, Optional[str]]:
        return _select_entry(self.entries, names)


class CustomView(View):
    """``tokens`` are Text, Field, NewLine and Frame objects; a Python
    callable ``render(obj) -> str`` may stand in for them."""

    kind = "custom"
    __slots__ = ("tokens", "out_of_band")

    def __init__(self, name: str, type_names: Sequence[str], tokens: Union[Sequence[Any], Callable[[Any], str]],
                 out_of_band: bool = False, group_by: Optional[GroupBy] = None) -> None:
        super().__init__(name, type_names, group_by)
        self.tokens = [Field(tokens)] if callable(tokens) else list(tokens)
        self.out_of_band = out_of_band


def _select_entry(entries: list, names: Sequence[str]) -> Any:
    lowered = [n.lower() for n in names]
    default = None
    best, best_rank = None, len(lowered)
    for selected_by, value in entries:
        if selected_by is None:
            if default is None:
                default = value
            continue
        for rank, n in enumerate(lowered):
            if rank < best_rank and n in {s.lower() for s in selected_by}:
                best, best_rank = value, rank
                break
    return best if best is not None else default


# The type names (lower case) of plain values that no built-in view is for,
# pwsh's as ours (tests/formatting pins it against the built-in views): a
# lookup for an object with only these names needs no built-in view built.
NO_BUILTIN_VIEW = frozenset((
    "system.object", "system.valuetype", "system.string", "system.int32", "system.int64", "system.double",
    "system.boolean", "system.decimal", "system.char", "system.byte", "system.sbyte", "system.int16",
    "system.uint16", "system.uint32", "system.uint64", "system.single", "system.numerics.biginteger",
))


# --- the registry ----------------------------------------------------------------------------------

class ViewRegistry:
    """Views by type name.  Lookups walk the object's type names from the
    most specific; for each name, registered views come before built-in
    ones, and earlier registrations before later ones."""

    def __init__(self, builtins: Optional[Callable[["ViewRegistry"], None]] = None) -> None:
        self._user: list[View] = []
        self._builtin: list[View] = []
        self._files: dict[str, list[View]] = {}
        self._by_type: Optional[dict[str, list[View]]] = None
        self._default_properties: dict[str, tuple[str, ...]] = {}
        self._cache: dict[tuple, Optional[View]] = {}
        # pwsh's own views are registered on the first lookup, not at import:
        # building them costs more than the rest of the formatter's import,
        # and an interactive shell should reach its prompt first.
        self._builtins = builtins

    def add(self, view: View, builtin: bool = False) -> View:
        (self._builtin if builtin else self._user).append(view)
        self._by_type = None
        self._cache.clear()
        return view

    def load_file(self, path: str, views: Sequence[View], prepend: bool = False) -> None:
        """The views of a format file, searched before the other registered
        ones when ``prepend`` (Update-FormatData -PrependPath), else after
        them; a file loaded again replaces its earlier views."""
        self.unload_file(path)
        self._files[path] = list(views)
        self._user = list(views) + self._user if prepend else self._user + list(views)
        self._by_type = None
        self._cache.clear()

    def unload_file(self, path: str) -> bool:
        """Forgets a format file's views; False when it was not loaded."""
        old = self._files.pop(path, None)
        if old is None:
            return False
        self._user = [v for v in self._user if not any(v is o for o in old)]
        self._by_type = None
        self._cache.clear()
        return True

    def all_views(self) -> list[View]:
        """Every view, in search order (registered ones, then pwsh's own)."""
        self._load_builtins()
        return self._user + self._builtin

    def files(self) -> list[str]:
        """The format files loaded, in load order."""
        return list(self._files)

    def _load_builtins(self) -> None:
        loader, self._builtins = self._builtins, None
        if loader is not None:
            loader(self)

    def _index(self) -> dict[str, list[View]]:
        index = self._by_type
        if index is None:
            self._load_builtins()
            index = {}
            for view in self._user + self._builtin:
                for name in view.type_names:
                    index.setdefault(name.lower(), []).append(view)
            self._by_type = index
        return index

    def _user_index(self) -> dict[str, list[View]]:
        """The index of the views there are before the built-in ones are built."""
        index: dict[str, list[View]] = {}
        for view in self._user + self._builtin:
            for name in view.type_names:
                index.setdefault(name.lower(), []).append(view)
        return index

    def find(self, names: Sequence[str], kind: Optional[str] = None, name: Optional[str] = None,
             out_of_band: bool = False) -> Optional[View]:
        """The view for an object with PSTypeNames ``names``: of ``kind``
        when given, called ``name`` when given, only out-of-band custom
        views when ``out_of_band``."""
        key = (tuple(names), kind, name.lower() if name else None, out_of_band)
        if key in self._cache:
            return self._cache[key]
        if self._builtins is not None and all(n.lower() in NO_BUILTIN_VIEW for n in names):
            # pwsh's own views cover none of these names (a plain value's:
            # Write-Output 1), so only the registered views can answer and the
            # built-in ones need not be built yet; the answer is the same.
            index = self._user_index()
        else:
            index = self._index()
        found = None
        for type_name in names:
            for view in index.get(type_name.lower(), ()):
                if kind is not None and view.kind != kind:
                    continue
                if name is not None and view.name.lower() != name.lower():
                    continue
                if out_of_band and not getattr(view, "out_of_band", False):
                    continue
                found = view
                break
            if found is not None:
                break
        if found is None:
            plain = _without_deserialized_prefix(names)
            if plain is not None:
                found = self.find(plain, kind, name, out_of_band)
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[key] = found
        return found

    def views_for(self, names: Sequence[str]) -> list[View]:
        """Every view that applies to these type names (for error messages)."""
        index = self._index()
        seen: list[View] = []
        for type_name in names:
            for view in index.get(type_name.lower(), ()):
                if view not in seen:
                    seen.append(view)
        return seen

    def set_default_properties(self, type_name: str, names: Sequence[str]) -> None:
        self._default_properties[type_name.lower()] = tuple(names)

    def default_properties(self, names: Sequence[str]) -> tuple[str, ...]:
        """The DefaultDisplayPropertySet for these type names, or ()."""
        self._load_builtins()
        table = self._default_properties
        for type_name in names:
            found = table.get(type_name.lower())
            if found is not None:
                return found
        plain = _without_deserialized_prefix(names)
        return () if plain is None else self.default_properties(plain)


def _without_deserialized_prefix(names: Sequence[str]) -> Optional[list[str]]:
    """An object read back from CLIXML (a job's output, Import-Clixml) is
    shown with the views of its original type when none is defined for its
    ``Deserialized.`` names, as pwsh's MaskDeserializationPrefix does; None
    when no name has the prefix."""
    if not any(n.startswith("Deserialized.") for n in names):
        return None
    return [n[len("Deserialized."):] if n.startswith("Deserialized.") else n for n in names]
