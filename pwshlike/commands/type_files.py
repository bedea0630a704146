"""Type files (``*.types.ps1xml``, pwsh's schema) read into the engine's
type-data table.

``Types/Type`` elements name a type and its ``Members``: NoteProperty,
AliasProperty, ScriptProperty, ScriptMethod, PropertySet and the
``PSStandardMembers`` member set (DefaultDisplayPropertySet,
DefaultKeyPropertySet, DefaultDisplayProperty).  CodeProperty,
CodeMethod, TypeConverter and TypeAdapter name .NET code pwshlike cannot
load and are skipped.  Problems are reported with pwsh's wording
(``<file>(<line>) : Error: ...``); a file with any problem loads nothing.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from pwshlike.dotnet import typedata
from pwshlike.formatting.xmlnodes import XmlNode, XmlSyntaxError, read_xml_file

_MEMBER_KINDS = ("NoteProperty", "AliasProperty", "ScriptProperty", "CodeProperty", "ScriptMethod", "CodeMethod",
                 "PropertySet", "MemberSet")
_SKIPPED = ("CodeProperty", "CodeMethod")
_STANDARD_NOTES = ("SerializationMethod", "SerializationDepth", "StringSerializationSource",
                   "TargetTypeForDeserialization", "InheritPropertySerializationSet", "DefaultDisplayProperty")


class TypeFileError(Exception):
    """The problems found in one type file, one line each."""

    def __init__(self, path: str, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.path = path
        self.errors = errors


Declaration = Callable[[Optional[str]], None]


def load_type_file(path: str) -> None:
    """Reads ``path`` and puts its members into the type-data table,
    replacing what an earlier load of the same file declared; raises
    TypeFileError and then leaves the table as it was."""
    try:
        root = read_xml_file(path)
    except OSError:
        raise TypeFileError(path, [f", {path}: The file was not found."]) from None
    except XmlSyntaxError as exc:
        raise TypeFileError(path, [f", {path} : Exception: {exc}"]) from None
    reader = _TypeReader(path)
    declarations = reader.read(root)
    if reader.errors:
        raise TypeFileError(path, reader.errors)
    saved = {key: _copy(data) for key, data in typedata.TABLE.items()}
    typedata.remove_source(path)
    try:
        for declare in declarations:
            declare(path)
    except typedata.DuplicateMemberError as exc:
        typedata.TABLE.clear()
        typedata.TABLE.update(saved)
        raise TypeFileError(path, [str(exc)]) from None


def _copy(data: typedata.TypeData) -> typedata.TypeData:
    copy = typedata.TypeData(data.type_name)
    copy.members = dict(data.members)
    copy.sources = dict(data.sources)
    copy.property_sets = dict(data.property_sets)
    copy.default_display, copy.default_key = data.default_display, data.default_key
    copy.default_display_property, copy.standard_source = data.default_display_property, data.standard_source
    return copy


class _TypeReader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[str] = []

    def error(self, node: XmlNode, message: str, type_name: str = "") -> None:
        if type_name:
            self.errors.append(f', {self.path}({node.line}) : Error in type "{type_name}": {message}')
        else:
            self.errors.append(f", {self.path}({node.line}) : Error: {message}")

    def read(self, root: XmlNode) -> list[Declaration]:
        if root.name != "Types":
            self.error(root, f"The node {root.name} is not allowed. The following nodes are allowed: Types.")
            return []
        declarations: list[Declaration] = []
        for node in root:
            if node.name != "Type":
                self.error(node, f"The node {node.name} is not allowed. The following nodes are allowed: Type.")
                continue
            declarations.extend(self.type_node(node))
        return declarations

    def type_node(self, node: XmlNode) -> list[Declaration]:
        name = node.child_text("Name")
        if not name:
            self.error(node, 'Node "Name" was not found. It should occur only once under "Type". '
                             'The parent node, "Type", will be ignored.')
            return []
        allowed = ("Name", "Members", "TypeConverter", "TypeAdapter")
        for child in node:
            if child.name not in allowed:
                self.error(child, f"The node {child.name} is not allowed. The following nodes are allowed: "
                                  f"{', '.join(allowed)}.")
                return []
        members = node.child("Members")
        if members is None:
            if node.child("TypeConverter") is None and node.child("TypeAdapter") is None:
                self.error(node, 'The "Type" node must have "Members", "TypeConverters", or "TypeAdapters".', name)
            return []
        declarations: list[Declaration] = []
        for member in members:
            declaration = self.member(name, member)
            if declaration is not None:
                declarations.append(declaration)
        return declarations

    def text(self, node: XmlNode, child: str, type_name: str) -> Optional[str]:
        found = node.child(child)
        if found is None or not found.text.strip():
            self.error(node, f'Node "{child}" was not found. It should occur only once under "{node.name}". '
                             f'The parent node, "{node.name}", will be ignored.', type_name)
            return None
        return found.text.strip()

    def script(self, node: XmlNode, type_name: str) -> Any:
        from pwshlike.dotnet.errors import ParseException
        from pwshlike.runtime.scriptblock import ScriptBlock
        try:
            return ScriptBlock.create(node.text, file=self.path)
        except ParseException as exc:
            self.error(node, exc.message, type_name)
            return None

    def member(self, type_name: str, node: XmlNode) -> Optional[Declaration]:
        from pwshlike.commands.builtins.members_cmds import AliasProperty, ScriptMethod, ScriptProperty
        kind = node.name
        if kind not in _MEMBER_KINDS:
            self.error(node, f"The node {kind} is not allowed. The following nodes are allowed: "
                             f"{', '.join(_MEMBER_KINDS)}.", type_name)
            return None
        if kind in _SKIPPED:
            return None
        name = self.text(node, "Name", type_name)
        if name is None:
            return None
        if kind == "MemberSet":
            return self.member_set(type_name, name, node)
        if kind == "PropertySet":
            properties = self.referenced(node, type_name)
            return None if properties is None else \
                (lambda source: typedata.add_property_set(type_name, name, properties, source))
        made: Any = None
        if kind == "NoteProperty":
            value = node.child_text("Value")
            made = typedata.TypeNoteProperty(name, value)
        elif kind == "AliasProperty":
            target = self.text(node, "ReferencedMemberName", type_name)
            if target is None:
                return None
            made = AliasProperty(name, target, self.conversion(node, type_name))
        elif kind == "ScriptProperty":
            getter, setter = node.child("GetScriptBlock"), node.child("SetScriptBlock")
            if getter is None and setter is None:
                self.error(node, "The ScriptProperty should have a getter or setter.", type_name)
                return None
            made = ScriptProperty(name, self.script(getter, type_name) if getter is not None else None,
                                  self.script(setter, type_name) if setter is not None else None)
        else:
            script = node.child("Script")
            if script is None:
                self.text(node, "Script", type_name)
                return None
            made = ScriptMethod(name, self.script(script, type_name))
        return lambda source: typedata.add_member(type_name, made, source)

    def conversion(self, node: XmlNode, type_name: str) -> Any:
        converted = node.child_text("TypeName")
        if not converted:
            return None
        from pwshlike.dotnet.errors import RuntimeException
        from pwshlike.dotnet.types import resolve_type
        try:
            return resolve_type(converted)
        except RuntimeException:
            self.error(node, f'The type "{converted}" was not found. The type name value must be the full name of '
                             f'the type. Verify the type name and run the command again.', type_name)
            return None

    def referenced(self, node: XmlNode, type_name: str) -> Optional[list[str]]:
        names = node.child("ReferencedProperties")
        if names is None:
            self.text(node, "ReferencedProperties", type_name)
            return None
        return [n.text.strip() for n in names.all("Name")]

    def member_set(self, type_name: str, name: str, node: XmlNode) -> Optional[Declaration]:
        """PSStandardMembers: its property sets and notes become the type's
        standard members; other member sets are not supported."""
        if name.lower() != "psstandardmembers":
            self.error(node, f"The member set {name} is not supported; only PSStandardMembers is.", type_name)
            return None
        members = node.child("Members")
        display: Optional[list[str]] = None
        key: Optional[list[str]] = None
        display_property: Optional[str] = None
        for member in members if members is not None else ():
            member_name = member.child_text("Name") or ""
            if member.name == "PropertySet" and member_name in ("DefaultDisplayPropertySet", "DefaultKeyPropertySet"):
                properties = self.referenced(member, type_name)
                if member_name == "DefaultDisplayPropertySet":
                    display = properties
                else:
                    key = properties
            elif member.name == "NoteProperty" and member_name in _STANDARD_NOTES:
                if member_name == "DefaultDisplayProperty":
                    display_property = member.child_text("Value")
            else:
                self.error(member, f'"{member_name}" is not a standard member and will be ignored.', type_name)

        def declare(source: Optional[str]) -> None:
            typedata.entry(type_name).set_standard(source, display, key, display_property)
        return declare
