"""Format files (``*.format.ps1xml``, pwsh's schema) read into views.

A file's ``Configuration/ViewDefinitions/View`` elements become the same
TableView, ListView, WideView and CustomView objects plugins register,
so the formatter has one kind of view whatever declared it.  Problems are
collected with pwsh's wording (``Error at XPath ... in file ...: ...``)
and raised together as FormatFileError; a file with any problem loads no
view, as Import-Module and Update-FormatData revert a failed update.
"""

from __future__ import annotations

from typing import Any, Optional

from .views import (CustomView, Field, Frame, GroupBy, ListItem, ListView, NewLine, TableColumn, TableView, Text,
                    View, WideView, alignment_of)
from .xmlnodes import XmlNode, XmlSyntaxError, read_xml_file

_CONTROLS = ("TableControl", "ListControl", "WideControl", "CustomControl")


class FormatFileError(Exception):
    """The problems found in one format file, one line each."""

    def __init__(self, path: str, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.path = path
        self.errors = errors


def read_format_file(path: str) -> list[View]:
    """The views a format file declares; raises FormatFileError (a
    missing file, bad XML or a view pwsh would reject)."""
    try:
        root = read_xml_file(path)
    except OSError:
        raise FormatFileError(path, [f"{path}: The file was not found."]) from None
    except XmlSyntaxError as exc:
        raise FormatFileError(path, [f"Error in file {path}: {exc}"]) from None
    return _FormatReader(path).read(root)


class _FormatReader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[str] = []
        self.selection_sets: dict[str, list[str]] = {}

    def error(self, node: XmlNode, message: str) -> None:
        self.errors.append(f"Error at XPath {node.xpath()} in file {self.path}: {message}")

    def read(self, root: XmlNode) -> list[View]:
        if root.name != "Configuration":
            self.error(root, f"{root.name} is an unknown node.")
            raise FormatFileError(self.path, self.errors)
        sets = root.child("SelectionSets")
        for selection in sets.all("SelectionSet") if sets is not None else ():
            name = selection.child_text("Name")
            types = selection.child("Types")
            if not name or types is None:
                self.error(selection, "Node Name is missing." if not name else "Node Types is missing.")
                continue
            self.selection_sets[name.lower()] = [t.text.strip() for t in types.all("TypeName")]
        views: list[View] = []
        definitions = root.child("ViewDefinitions")
        for node in definitions.all("View") if definitions is not None else ():
            view = self.view(node)
            if view is not None:
                views.append(view)
        if self.errors:
            raise FormatFileError(self.path, self.errors)
        return views

    # --- shared pieces ------------------------------------------------------------------------------

    def selected_types(self, node: XmlNode) -> list[str]:
        """TypeName and SelectionSetName children, as type names."""
        names = [t.text.strip() for t in node.all("TypeName")]
        for selection in node.all("SelectionSetName"):
            found = self.selection_sets.get(selection.text.strip().lower())
            if found is None:
                self.error(selection, f"The {selection.text.strip()} value is not valid.")
            else:
                names.extend(found)
        return names

    def entry_types(self, entry: XmlNode) -> Optional[list[str]]:
        selected = entry.child("EntrySelectedBy")
        return self.selected_types(selected) if selected is not None else None

    def expression(self, node: XmlNode, required: bool = True) -> Any:
        """A PropertyName or ScriptBlock child as a view expression."""
        prop, script = node.child("PropertyName"), node.child("ScriptBlock")
        if prop is not None and script is not None:
            self.error(node, "PropertyName and ScriptBlock are mutually exclusive.")
            return None
        if prop is not None:
            return prop.text.strip()
        if script is not None:
            from pwshlike.language import parse_input
            text = script.text
            if parse_input(text, self.path).errors:
                self.error(script, f'Script block "{text.strip()}" is not valid.')
                return None
            return {"script": text}
        if required:
            self.error(node, "An expression is expected.")
        return None

    def number(self, node: Optional[XmlNode], positive: bool) -> int:
        if node is None:
            return 0
        text = node.text.strip()
        if not text.isdigit() or (positive and int(text) == 0):
            self.error(node, "A positive integer is expected." if positive else "A non-negative integer is expected.")
            return 0
        return int(text)

    def alignment(self, node: Optional[XmlNode]) -> Optional[str]:
        if node is None:
            return None
        try:
            return alignment_of(node.text.strip())
        except ValueError:
            self.error(node, f'"{node.text.strip()}" is not a valid alignment value.')
            return None

    def group_by(self, node: Optional[XmlNode]) -> Optional[GroupBy]:
        if node is None:
            return None
        source = self.expression(node)
        return GroupBy(source, node.child_text("Label")) if source is not None else None

    # --- views -------------------------------------------------------------------------------------------

    def view(self, node: XmlNode) -> Optional[View]:
        name = node.child_text("Name")
        if not name:
            self.error(node, "Node Name is missing.")
            return None
        selected = node.child("ViewSelectedBy")
        types = self.selected_types(selected) if selected is not None else []
        if not types:
            self.error(node, "No type or condition is specified for applying the view.")
            return None
        controls = [c for c in node.children if c.name in _CONTROLS]
        if len(controls) != 1:
            self.error(node, "Node TableControl is missing." if not controls else "A duplicate node exists.")
            return None
        group = self.group_by(node.child("GroupBy"))
        control = controls[0]
        reader = {"TableControl": self.table_view, "ListControl": self.list_view, "WideControl": self.wide_view,
                  "CustomControl": self.custom_view}[control.name]
        return reader(name, types, control, group)

    def table_view(self, name: str, types: list[str], control: XmlNode, group: Optional[GroupBy]) -> Optional[View]:
        headers_node = control.child("TableHeaders")
        headers = headers_node.all("TableColumnHeader") if headers_node is not None else []
        rows = control.child("TableRowEntries")
        entries = rows.all("TableRowEntry") if rows is not None else []
        default = [e for e in entries if e.child("EntrySelectedBy") is None]
        if not default:
            self.error(rows or control, "There must be at least one default TableRowEntry.")
            return None
        row = default[0]
        items_node = row.child("TableColumnItems")
        items = items_node.all("TableColumnItem") if items_node is not None else []
        if headers and len(headers) != len(items):
            self.error(headers_node or control, f"The header item count = {len(headers)} does not match default "
                                                f"row item count = {len(items)}.")
            return None
        columns = []
        for index, item in enumerate(items):
            source = self.expression(item)
            header = headers[index] if headers else None
            label = header.child_text("Label") if header is not None else None
            width = self.number(header.child("Width"), True) if header is not None else 0
            alignment = self.alignment(item.child("Alignment")) or \
                (self.alignment(header.child("Alignment")) if header is not None else None)
            if source is not None:
                columns.append(TableColumn(source, label, width, alignment, item.child_text("FormatString")))
        autosize = True if control.child("AutoSize") is not None else None
        return TableView(name, types, columns, group_by=group, autosize=autosize,
                         hide_header=control.child("HideTableHeaders") is not None,
                         wrap=row.child("Wrap") is not None)

    def list_view(self, name: str, types: list[str], control: XmlNode, group: Optional[GroupBy]) -> Optional[View]:
        entries_node = control.child("ListEntries")
        entries = []
        for entry in entries_node.all("ListEntry") if entries_node is not None else ():
            items_node = entry.child("ListItems")
            items = []
            for item in items_node.all("ListItem") if items_node is not None else ():
                source = self.expression(item)
                label = item.child_text("Label")
                if source is None:
                    continue
                if label is None and isinstance(source, dict):
                    label = source["script"].strip()
                items.append(ListItem(source, label, item.child_text("FormatString")))
            if not items:
                self.error(entry, "At least one list view item must be specified.")
            entries.append((self.entry_types(entry), items))
        if not any(selected is None for selected, _ in entries):
            self.error(entries_node or control, "There must be at least one default ListEntry.")
            return None
        return ListView(name, types, entries, group_by=group)

    def wide_view(self, name: str, types: list[str], control: XmlNode, group: Optional[GroupBy]) -> Optional[View]:
        entries_node = control.child("WideEntries")
        entries = []
        for entry in entries_node.all("WideEntry") if entries_node is not None else ():
            item = entry.child("WideItem")
            if item is None:
                self.error(entry, "Node WideItem is missing.")
                continue
            source = self.expression(item)
            if source is not None:
                entries.append((self.entry_types(entry), source, item.child_text("FormatString")))
        if not any(selected is None for selected, _, _ in entries):
            self.error(entries_node or control, "There must be at least one default WideEntry.")
            return None
        autosize = True if control.child("AutoSize") is not None else None
        return WideView(name, types, entries, columns=self.number(control.child("ColumnNumber"), True),
                        group_by=group, autosize=autosize)

    def custom_view(self, name: str, types: list[str], control: XmlNode, group: Optional[GroupBy]) -> Optional[View]:
        entries_node = control.child("CustomEntries")
        entries = entries_node.all("CustomEntry") if entries_node is not None else []
        default = [e for e in entries if e.child("EntrySelectedBy") is None]
        if not default:
            self.error(entries_node or control, "There must be at least one default CustomEntry.")
            return None
        item = default[0].child("CustomItem")
        return CustomView(name, types, self.tokens(item) if item is not None else [], group_by=group)

    def tokens(self, item: XmlNode) -> list[Any]:
        """The Text, NewLine, ExpressionBinding and Frame children of a CustomItem."""
        tokens: list[Any] = []
        for node in item:
            if node.name == "Text":
                tokens.append(Text(node.text))
            elif node.name == "NewLine":
                tokens.append(NewLine())
            elif node.name == "ExpressionBinding":
                source = self.expression(node)
                if source is not None:
                    tokens.append(Field(source, node.child_text("FormatString")))
            elif node.name == "Frame":
                inner = node.child("CustomItem")
                tokens.append(Frame(self.tokens(inner) if inner is not None else [],
                                    left=self.number(node.child("LeftIndent"), False),
                                    right=self.number(node.child("RightIndent"), False),
                                    first_line=self.number(node.child("FirstLineIndent"), False),
                                    hanging=self.number(node.child("FirstLineHanging"), False)))
            else:
                self.error(node, f"{node.name} is an unknown node.")
        return tokens
