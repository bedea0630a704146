"""Objects to format-instruction packets: pwsh's Format-Default and the
inner part of Format-Table, Format-List and Format-Wide.

For each object a :class:`Shaper` decides, as ``InnerFormatShapeCommand``
does:

1. **out of band** — errors, warning/verbose/debug/information records,
   script blocks, scalars (strings, numbers...) and objects without
   properties are shown on their own, wherever they occur;
2. otherwise the **first object picks the view** for the whole sequence: a
   view registered for its type (of the requested shape), or one made from
   its properties — a table for up to four properties, a list for more;
3. later objects the view does not apply to are shown out of band, as a
   list of their properties; objects it applies to become rows/entries,
   grouped when the view groups (a new group each time the grouping value
   changes).
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from ..dotnet.errors import (DotNetException, ErrorCategory, ErrorDetails, ErrorRecord,
                             dotnet_exception_from)
from ..runtime.streams import DebugRecord, InformationRecord, VerboseRecord, WarningRecord
from ..dotnet import typedata
from ..dotnet.typedata import TABLE as _TYPE_DATA
from ..dotnet.values import DictionaryEntry, GenericDictionary, Hashtable, KeyValuePair, iter_collection
from .expressions import (Failure, PropertyExpression, display_name_expression, display_text, is_failure, is_scalar,
                          property_names, property_pairs, scalar_text, type_names)
from .packets import (NEWLINE, ColumnInfo, ComplexEntry, ComplexViewHeaderInfo, ErrorEntry, FormatEndData,
                      FormatEntryData, FormatStartData, FrameTokens, GroupEndData, GroupStartData, ListEntry,
                      ListViewHeaderInfo, RawText, TableHeaderInfo, TableRow, WideEntry, WideViewHeaderInfo,
                      PACKET_TYPES)
from .views import (LEFT, RIGHT, CustomView, Field, Frame, ListView, NewLine, TableView, Text, View,
                    ViewRegistry, WideView)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional, Sequence

    from .parameters import PropertyParameter

DEFAULT_ENUMERATION_LIMIT = 4
TABLE_PROPERTY_LIMIT = 4
"""Objects with more properties than this show as a list (pwsh's PropertyCountForTable)."""
MAX_TABLE_COLUMNS = 10

_RECORD_STREAMS = ((WarningRecord, "warning"), (VerboseRecord, "verbose"), (DebugRecord, "debug"))

_ERROR_RECORD = "System.Management.Automation.ErrorRecord"


class FormatViewNotFound(Exception):
    """``-View name`` names no view of the shape for the object's type."""

    def __init__(self, view_name: str, message: str) -> None:
        super().__init__(message)
        self.view_name = view_name
        self.message = message


class FormatParameters:
    """What a Format-* command line asks for (pwsh's FormattingCommandLineParameters)."""

    __slots__ = ("properties", "group_by", "view", "autosize", "hide_headers", "wrap", "columns", "force",
                 "expand", "repeat_header", "show_error", "display_error")

    def __init__(self, properties: Optional[list[PropertyParameter]] = None,
                 group_by: Optional[PropertyParameter] = None, view: Optional[str] = None,
                 autosize: Optional[bool] = None, hide_headers: Optional[bool] = None,
                 wrap: Optional[bool] = None, columns: Optional[int] = None, force: bool = False,
                 expand: Optional[str] = None, repeat_header: bool = False, show_error: bool = False,
                 display_error: bool = False) -> None:
        self.properties = properties or []
        self.group_by = group_by
        self.view = view
        self.autosize = autosize
        self.hide_headers = hide_headers
        self.wrap = wrap
        self.columns = columns
        self.force = force
        self.expand = expand
        self.repeat_header = repeat_header
        self.show_error = show_error
        self.display_error = display_error


def _default_properties(obj: Any, registry: ViewRegistry, names: Sequence[str]) -> list[PropertyExpression]:
    """The DefaultDisplayPropertySet of ``obj``: from type data
    (types.ps1xml, Update-TypeData), registered for its type, or the
    class's ``DEFAULT_DISPLAY_PROPERTIES``; empty when it has none."""
    declared = (_TYPE_DATA and typedata.default_display(names)) or registry.default_properties(names) \
        or getattr(type(obj), "DEFAULT_DISPLAY_PROPERTIES", ())
    return [PropertyExpression(n) for n in declared]


def _all_properties(obj: Any) -> list[PropertyExpression]:
    return [PropertyExpression(n) for n in property_names(obj)]


def _resolve(params: Sequence[PropertyParameter], obj: Any,
             keep_missing: bool = False) -> list[tuple[PropertyParameter, PropertyExpression]]:
    """pwsh's ``AssociationManager.ExpandParameters``: wildcards become the
    matching properties and names the object lacks are dropped; tables
    (``ExpandTableParameters``, ``keep_missing``) keep such a name as an
    empty column."""
    result = []
    for param in params:
        expression = param.expression
        resolved = expression.resolve_names(obj)
        if not resolved and keep_missing and not expression.is_wildcard:
            resolved = [expression]
        result.extend((param, r) for r in resolved)
    return result


# --- view generators -------------------------------------------------------------------------------------

class _Grouping:
    """Tracks the grouping value (pwsh's GroupingInfoManager)."""

    __slots__ = ("expression", "label", "format_string", "current", "_primed")

    def __init__(self, expression: PropertyExpression, label: Optional[str], format_string: Optional[str]) -> None:
        self.expression = expression
        self.label = label if label is not None else str(expression)
        self.format_string = format_string
        self.current: Any = None
        self._primed = False

    def update(self, obj: Any) -> bool:
        """Reads the value from ``obj``; True when it differs from the last one."""
        value = self.expression.value(obj)
        if is_failure(value):
            value = None
        if not self._primed:
            self._primed = True
            self.current = value
            return True
        if value is None and self.current is None:
            return False
        from ..dotnet.operators import equals
        if value is None or self.current is None or not equals(self.current, value):
            self.current = value
            return True
        return False


class _Generator(ABC):
    """Base of the view generators: grouping and the shared packets."""

    def __init__(self, view: Optional[View], params: Optional[FormatParameters], settings: "ShapeSettings") -> None:
        self.view = view
        self.params = params
        self.settings = settings
        self.grouping: Optional[_Grouping] = None
        if params is not None and params.group_by is not None:
            group = params.group_by
            self.grouping = _Grouping(group.expression, group.label, group.format_string)
        elif view is not None and view.group_by is not None:
            self.grouping = _Grouping(view.group_by.expression, view.group_by.label, None)
        autosize = params.autosize if params is not None else None
        if autosize is None and view is not None:
            autosize = getattr(view, "autosize", None)
        self.autosize = bool(autosize)
        self.errors: list[ErrorRecord] = []

    def _text(self, expression: PropertyExpression, obj: Any, format_string: Optional[str] = None,
              is_table: bool = False) -> str:
        """A value as cell text; a failed expression is empty, ``#ERR`` with
        -DisplayError, and with -ShowError its error follows the entry."""
        value = expression.value(obj)
        if type(value) is Failure:
            params = self.params
            if params is not None and params.show_error:
                self.errors.append(_expression_error(value, expression, obj))
            return "#ERR" if params is not None and params.display_error else ""
        return display_text(value, self.settings.enumeration_limit, format_string, is_table)

    def is_applicable(self, names: Sequence[str]) -> bool:
        return self.view is None or self.view.applies_to(names)

    def group_start(self, first: Any) -> GroupStartData:
        grouping = self.grouping
        if grouping is None:
            return GroupStartData()
        control = None
        from_command_line = self.params is not None and self.params.group_by is not None
        if not from_command_line and self.view is not None and self.view.group_by is not None:
            control = self.view.group_by.control
        if control is not None:
            return GroupStartData(evaluate_tokens(control, first, self.settings.enumeration_limit))
        value = "" if grouping.current is None else display_text(
            grouping.current, self.settings.enumeration_limit, grouping.format_string)
        return GroupStartData([f"   {grouping.label}: ", value])

    @abstractmethod
    def start_data(self, obj: Any) -> FormatStartData:
        """The FormatStartData that opens the sequence (the shape and its header)."""

    @abstractmethod
    def payload(self, obj: Any) -> FormatEntryData:
        """One object's entry."""


class _TableGenerator(_Generator):
    """Rows for a table view, or for columns made from properties."""

    def __init__(self, view: Optional[TableView], params: Optional[FormatParameters], settings: "ShapeSettings",
                 first: Any) -> None:
        super().__init__(view, params, settings)
        self.columns: list[tuple[PropertyExpression, Optional[str], bool]] = []
        self.header: list[ColumnInfo] = []
        if view is not None:
            for column in view.columns:
                label = column.label if column.label is not None else str(column.expression)
                self.header.append(ColumnInfo(label, column.width, column.alignment or LEFT))
                self.columns.append((column.expression, column.format_string, False))
            self.hide_header = view.hide_header
            self.multiline = view.wrap
        else:
            if params is not None and params.properties:
                pairs = _resolve(params.properties, first, keep_missing=True)
            else:
                props = _default_properties(first, settings.registry, type_names(first)) or \
                    _all_properties(first)[:MAX_TABLE_COLUMNS]
                pairs = [(None, p) for p in props]
            for param, expression in pairs:
                label = param.label if param is not None and param.label is not None else str(expression)
                width = param.width if param is not None else 0
                alignment = param.alignment if param is not None and param.alignment else \
                    _default_alignment(expression, first)
                fmt = param.format_string if param is not None else None
                self.header.append(ColumnInfo(label, width, alignment))
                self.columns.append((expression, fmt, fmt is None))
            self.hide_header = False
            self.multiline = False
        if params is not None:
            if params.hide_headers is not None:
                self.hide_header = params.hide_headers
            if params.wrap is not None:
                self.multiline = params.wrap

    def start_data(self, obj: Any) -> FormatStartData:
        repeat = self.params.repeat_header if self.params is not None else False
        return FormatStartData(TableHeaderInfo(self.header, self.hide_header, repeat), self.autosize)

    def payload(self, obj: Any) -> FormatEntryData:
        text = self._text
        values = [text(expression, obj, fmt, is_table) for expression, fmt, is_table in self.columns]
        return FormatEntryData(TableRow(values, None, self.multiline))


def _expression_error(failure: Failure, expression: PropertyExpression, obj: Any) -> ErrorRecord:
    """pwsh's PSPropertyExpressionError record for -ShowError."""
    exception = failure.exception
    if not isinstance(exception, DotNetException):
        exception = dotnet_exception_from(exception)
    record = ErrorRecord(exception, "PSPropertyExpressionError", ErrorCategory.InvalidArgument, obj)
    record.error_details = ErrorDetails(f'Failed to evaluate expression "{expression}".')
    return record


def _default_alignment(expression: PropertyExpression, obj: Any) -> str:
    """Numbers, booleans and other scalars right-aligned, strings and
    objects left (``ComputeDefaultAlignment`` on the first object)."""
    value = expression.value(obj)
    if value is None or is_failure(value) or isinstance(value, str):
        return LEFT
    return RIGHT if is_scalar(value) else LEFT


class _ListGenerator(_Generator):
    """``Label : value`` entries; without a view each object lists its own properties."""

    def start_data(self, obj: Any) -> FormatStartData:
        return FormatStartData(ListViewHeaderInfo(), self.autosize)

    def payload(self, obj: Any) -> FormatEntryData:
        return FormatEntryData(self.entry(obj))

    def entry(self, obj: Any) -> ListEntry:
        labels: list[str] = []
        values: list[str] = []
        view = self.view
        if isinstance(view, ListView):
            for item in view.items_for(type_names(obj)):
                labels.append(item.label)
                values.append(self._text(item.expression, obj, item.format_string))
            return ListEntry(labels, values)
        params = self.params
        if params is not None and params.properties:
            for param, expression in _resolve(params.properties, obj):
                labels.append(param.label if param.label is not None else str(expression))
                values.append(self._text(expression, obj, param.format_string))
            return ListEntry(labels, values)
        props = _default_properties(obj, self.settings.registry, type_names(obj))
        if props:
            for expression in props:
                labels.append(str(expression))
                values.append(self._text(expression, obj))
            return ListEntry(labels, values)
        limit = self.settings.enumeration_limit
        for name, value in property_pairs(obj):
            labels.append(name)
            values.append(display_text(value, limit))
        return ListEntry(labels, values)


class _WideGenerator(_Generator):
    """One value per object: the view's, the first -Property, or the object's display name."""

    def start_data(self, obj: Any) -> FormatStartData:
        columns = 0
        if not self.autosize:
            if self.params is not None and self.params.columns:
                columns = self.params.columns
            elif isinstance(self.view, WideView):
                columns = self.view.columns
        return FormatStartData(WideViewHeaderInfo(columns), self.autosize)

    def payload(self, obj: Any) -> FormatEntryData:
        if isinstance(self.view, WideView):
            expression, fmt = self.view.entry_for(type_names(obj))
            return FormatEntryData(WideEntry(self._text(expression, obj, fmt)))
        params = self.params
        if params is not None and params.properties:
            pairs = _resolve(params.properties[:1], obj)
            if not pairs:
                return FormatEntryData(WideEntry(""))
            param, expression = pairs[0]
            return FormatEntryData(WideEntry(self._text(expression, obj, param.format_string)))
        expression = display_name_expression(obj)
        if expression is None:
            props = _default_properties(obj, self.settings.registry, type_names(obj)) or _all_properties(obj)
            expression = props[0] if props else None
        if expression is None:
            return FormatEntryData(WideEntry(""))
        return FormatEntryData(WideEntry(self._text(expression, obj)))


class _CustomGenerator(_Generator):
    """Text, values and frames of a custom view."""

    def start_data(self, obj: Any) -> FormatStartData:
        return FormatStartData(ComplexViewHeaderInfo(), self.autosize)

    def payload(self, obj: Any) -> FormatEntryData:
        assert isinstance(self.view, CustomView)
        return FormatEntryData(ComplexEntry(evaluate_tokens(self.view.tokens, obj, self.settings.enumeration_limit)))


def evaluate_tokens(tokens: Sequence[Any], obj: Any, limit: int) -> list:
    """A custom control's tokens evaluated against ``obj`` (strings,
    NEWLINE and FrameTokens)."""
    result: list = []
    for token in tokens:
        if isinstance(token, Text):
            result.append(token.text)
        elif isinstance(token, NewLine):
            result.append(NEWLINE)
        elif isinstance(token, Frame):
            result.append(FrameTokens(token.left, token.right, token.first_line,
                                      evaluate_tokens(token.tokens, obj, limit)))
        elif isinstance(token, Field):
            value = token.expression.value(obj)
            if isinstance(value, ComplexEntry):  # a Python view's own text and frames
                result.extend(value.tokens)
                continue
            result.append("" if is_failure(value) or value is None else
                          display_text(value, limit, token.format_string))
        else:
            result.append(str(token))
    return result


# --- the shaper --------------------------------------------------------------------------------------

class ShapeSettings:
    """What shaping needs from the session: ``$FormatEnumerationLimit`` and the views."""

    __slots__ = ("enumeration_limit", "registry")

    def __init__(self, registry: ViewRegistry, enumeration_limit: int = DEFAULT_ENUMERATION_LIMIT) -> None:
        self.registry = registry
        self.enumeration_limit = enumeration_limit


class Shaper:
    """Turns objects into packets; ``shape`` is None for Format-Default
    (Out-Default's choice), else ``"table"``, ``"list"``, ``"wide"`` or
    ``"custom"`` for the Format-* commands."""

    def __init__(self, settings: ShapeSettings, shape: Optional[str] = None,
                 params: Optional[FormatParameters] = None) -> None:
        self.settings = settings
        self.shape = shape
        self.params = params
        self._generator: Optional[_Generator] = None
        self._in_group = False
        self._oob_lists: Optional[_ListGenerator] = None
        self._handle_out_of_band = shape is None or params is None or not params.force

    @property
    def in_document(self) -> bool:
        return self._generator is not None

    # --- entry points -----------------------------------------------------------------------------

    def process(self, obj: Any, out: list) -> None:
        """Appends the packets for one pipeline object to ``out``."""
        if obj is None:
            return
        if isinstance(obj, PACKET_TYPES):
            out.append(obj)
            return
        items = iter_collection(obj) if not isinstance(obj, str) else None
        if items is None and isinstance(obj, (Hashtable, dict)):
            items = _dictionary_entries(obj)
        if items is None:
            self._process_object(obj, out)
            return
        expand = ((self.params.expand if self.params is not None else None) or "EnumOnly").lower()
        if expand == "coreonly":
            self._process_object(obj, out)
            return
        if expand == "both":
            items = list(items)
            self._describe_collection(obj, len(items), out)
        for item in items:
            if item is None:
                continue
            if isinstance(item, PACKET_TYPES):
                out.append(item)
            elif iter_collection(item) is not None and not isinstance(item, str):
                self.process(item, out)
            else:
                self._process_object(item, out)

    def _describe_collection(self, obj: Any, count: int, out: list) -> None:
        """``-Expand Both``: the collection itself, then a note before its items."""
        out.append(FormatEntryData(RawText("The following object supports IEnumerable:"), out_of_band=True))
        entry = self._out_of_band(obj, fallback=True)
        if entry is not None:
            out.append(entry)
        if count == 0:
            note = "The IEnumerable contains no objects."
        elif count == 1:
            note = "The IEnumerable contains the following object:"
        else:
            note = f"The IEnumerable contains the following {count} objects:"
        out.append(FormatEntryData(RawText(note), out_of_band=True))

    def finish(self, out: list) -> None:
        """Closes the open group and document."""
        if self._in_group:
            out.append(GroupEndData())
            self._in_group = False
        if self._generator is not None:
            out.append(FormatEndData())
            self._generator = None

    # --- one object ----------------------------------------------------------------------------------

    def _process_object(self, obj: Any, out: list) -> None:
        if self._handle_out_of_band:
            entry = self._out_of_band(obj, fallback=False)
            if entry is not None:
                out.append(entry)
                return
        generator = self._generator
        if generator is None:
            generator = self._generator = self._select(obj)
            out.append(generator.start_data(obj))
        elif self._handle_out_of_band and not generator.is_applicable(type_names(obj)):
            entry = self._out_of_band(obj, fallback=True)
            if entry is not None:
                out.append(entry)
                return
        grouping = generator.grouping
        if not self._in_group:
            if grouping is not None:
                grouping.update(obj)
            out.append(generator.group_start(obj))
            self._in_group = True
        elif grouping is not None and grouping.update(obj):
            out.append(GroupEndData())
            out.append(generator.group_start(obj))
        out.append(generator.payload(obj))
        if generator.errors:
            out.extend(FormatEntryData(ErrorEntry(record), out_of_band=True) for record in generator.errors)
            generator.errors.clear()

    def _out_of_band(self, obj: Any, fallback: bool) -> Optional[FormatEntryData]:
        """pwsh's OutOfBandFormatViewManager: records, errors and
        out-of-band views, scalars and property-less objects as text; with
        ``fallback``, anything else as a list of its properties."""
        if isinstance(obj, ErrorRecord) and _ERROR_RECORD in type_names(obj):
            # by type name, as pwsh: Get-Error takes the name out so that
            # its detailed view applies instead
            return FormatEntryData(ErrorEntry(obj), out_of_band=True)
        for record_type, stream in _RECORD_STREAMS:
            if isinstance(obj, record_type):
                return FormatEntryData(RawText(obj.message), out_of_band=True, stream=stream)
        if isinstance(obj, InformationRecord):
            return FormatEntryData(RawText(str(obj)), out_of_band=True)
        names = type_names(obj)
        view = self.settings.registry.find(names, kind="custom", out_of_band=True)
        if view is not None:
            limit = self.settings.enumeration_limit
            return FormatEntryData(ComplexEntry(evaluate_tokens(view.tokens, obj, limit)), out_of_band=True)
        if is_scalar(obj) or (self.settings.registry.find(names) is None and not property_names(obj)):
            return FormatEntryData(RawText(scalar_text(obj)), out_of_band=True)
        if not fallback:
            return None
        view = self.settings.registry.find(names, kind="list")
        lists = _ListGenerator(view if isinstance(view, ListView) else None, None, self.settings)
        return FormatEntryData(lists.entry(obj), out_of_band=True)

    def _select(self, obj: Any) -> _Generator:
        """pwsh's FormatViewManager.Initialize: the view for the first object."""
        names = type_names(obj)
        registry = self.settings.registry
        params = self.params
        shape = self.shape
        if shape is None:
            view = registry.find(names)
            if view is not None and not getattr(view, "out_of_band", False):
                return self._generator_for(view.kind, view, obj)
            props = _default_properties(obj, registry, names) or _all_properties(obj)
            return self._generator_for("table" if len(props) <= TABLE_PROPERTY_LIMIT else "list", None, obj)
        if params is not None and params.properties:
            return self._generator_for(shape, None, obj)
        if params is not None and params.view:
            view = registry.find(names, kind=shape, name=params.view)
            if view is None:
                raise FormatViewNotFound(params.view, _unknown_view_message(params.view, shape, names, registry))
            return self._generator_for(shape, view, obj)
        view = registry.find(names, kind=shape)
        return self._generator_for(shape, view, obj)

    def _generator_for(self, kind: str, view: Optional[View], obj: Any) -> _Generator:
        if kind == "table":
            return _TableGenerator(view if isinstance(view, TableView) else None, self.params, self.settings, obj)
        if kind == "list":
            return _ListGenerator(view if isinstance(view, ListView) else None, self.params, self.settings)
        if kind == "wide":
            return _WideGenerator(view if isinstance(view, WideView) else None, self.params, self.settings)
        if isinstance(view, CustomView):
            return _CustomGenerator(view, self.params, self.settings)
        return _ListGenerator(None, self.params, self.settings)


def _dictionary_entries(obj: Any) -> list:
    """A dictionary enumerated as the formatter sees it: its entries."""
    if isinstance(obj, GenericDictionary):
        return [KeyValuePair(k, v) for k, v in obj.items()]
    return [DictionaryEntry(k, v) for k, v in obj.items()]


_SHAPE_TITLES = {"table": "Table", "list": "List", "wide": "Wide", "custom": "Custom"}
_SHAPE_COMMANDS = {"table": "Format-Table", "list": "Format-List", "wide": "Format-Wide", "custom": "Format-Custom"}


def _unknown_view_message(view_name: str, shape: str, names: Sequence[str], registry: ViewRegistry) -> str:
    """pwsh's ProcessUnknownViewName message."""
    title = _SHAPE_TITLES.get(shape, shape)
    views = registry.views_for(names[:1])
    same_kind = [v.name for v in views if v.kind == shape]
    if same_kind:
        return (f"The view name {view_name} cannot be found. Specify one of the following {title} views and "
                f"try again: {', '.join(same_kind)}.")
    others = [_SHAPE_COMMANDS[v.kind] for v in views if v.name.lower() == view_name.lower()]
    if others:
        return (f" The view name {view_name} cannot be found in the {title} formatting. Try using one of these "
                f"other format cmdlets: {', '.join(others)}")
    type_name = names[0] if names else "System.Object"
    return (f"The view name {view_name} cannot be found. There are no existing {title} views for "
            f"{type_name} objects.")
