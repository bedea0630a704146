"""Extended type data: members and standard members declared per type name
(pwsh's TypeTable, filled by ``*.types.ps1xml`` files and Update-TypeData).

Member lookup (``members.py``) asks this table only when it is not empty,
so objects pay nothing for type data until some is declared; then the cost
is one dict lookup per type name of the object.  Every member remembers
the file it came from (None for Update-TypeData's dynamic form), so that
loading a file again replaces its own members and Remove-TypeData -Path
forgets them.  The table is process-wide, as the format database is.
"""

from __future__ import annotations

from .conversions import dotnet_to_string
from .psmembers import ComputedMember
from .values import Hashtable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable, Optional, Sequence


class TypeNoteProperty(ComputedMember):
    """A NoteProperty declared for a type: the same value on every object."""

    __slots__ = ("value",)
    full_name = "System.Management.Automation.PSNoteProperty"
    member_type = "NoteProperty"
    PS_MEMBERS = {"Name": "name", "Value": "value", "MemberType": "member_type", "ToString": "__str__"}

    def __init__(self, name: str, value: Any) -> None:
        super().__init__(name)
        self.value = value

    def get(self, owner: Any) -> Any:
        return self.value

    def __str__(self) -> str:
        return f"{self.name}={dotnet_to_string(self.value)}"


class PropertySetData:
    """A named list of property names (PropertySet, DefaultDisplayPropertySet...)."""

    __slots__ = ("name", "referenced_properties")
    full_name = "System.Management.Automation.Runspaces.PropertySetData"
    PS_MEMBERS = {"Name": "name", "ReferencedProperties": "referenced_properties",
                  "ReferencedPropertyNames": "referenced_properties"}

    def __init__(self, name: str, properties: Iterable[str]) -> None:
        self.name = name
        self.referenced_properties = list(properties)

    def __str__(self) -> str:
        return "{" + ", ".join(self.referenced_properties) + "}"


class StandardMembers(ComputedMember):
    """``$obj.PSStandardMembers``: the member set holding a type's
    DefaultDisplayPropertySet, DefaultKeyPropertySet and DefaultDisplayProperty."""

    __slots__ = ("data",)
    full_name = "System.Management.Automation.PSMemberSet"
    member_type = "MemberSet"
    is_property = False
    PS_MEMBERS = {"Name": "name", "MemberType": "member_type", "DefaultDisplayPropertySet": "display",
                  "DefaultKeyPropertySet": "key", "DefaultDisplayProperty": "display_property"}

    def __init__(self, data: "TypeData") -> None:
        super().__init__("PSStandardMembers")
        self.data = data

    @property
    def display(self) -> Optional[PropertySetData]:
        return self.data.default_display

    @property
    def key(self) -> Optional[PropertySetData]:
        return self.data.default_key

    @property
    def display_property(self) -> Optional[str]:
        return self.data.default_display_property

    def __str__(self) -> str:
        return "PSStandardMembers {" + ", ".join(
            n for n, v in (("DefaultDisplayPropertySet", self.display), ("DefaultKeyPropertySet", self.key),
                           ("DefaultDisplayProperty", self.display_property)) if v is not None) + "}"


class TypeData:
    """What the table holds for one type name; Get-TypeData returns these."""

    __slots__ = ("type_name", "members", "sources", "default_display", "default_key", "default_display_property",
                 "property_sets", "standard_source")
    full_name = "System.Management.Automation.Runspaces.TypeData"
    PS_MEMBERS = {"TypeName": "type_name", "Members": "members_table",
                  "DefaultDisplayPropertySet": "default_display_set", "DefaultKeyPropertySet": "default_key_set",
                  "DefaultDisplayProperty": "default_display_property", "ToString": "__str__"}

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name
        self.members: dict[str, ComputedMember] = {}
        self.sources: dict[str, Optional[str]] = {}
        self.default_display: Optional[PropertySetData] = None
        self.default_key: Optional[PropertySetData] = None
        self.default_display_property: Optional[str] = None
        self.property_sets: dict[str, PropertySetData] = {}
        self.standard_source: Optional[str] = None

    def set_standard(self, source: Optional[str], display: Optional[Sequence[str]] = None,
                     key: Optional[Sequence[str]] = None, display_property: Optional[str] = None) -> None:
        """Sets the PSStandardMembers given (the others are kept)."""
        if display is not None:
            self.default_display = PropertySetData("DefaultDisplayPropertySet", display)
        if key is not None:
            self.default_key = PropertySetData("DefaultKeyPropertySet", key)
        if display_property is not None:
            self.default_display_property = display_property
        self.standard_source = source

    @property
    def members_table(self) -> Any:
        table = Hashtable()
        for member in self.members.values():
            table[member.name] = member
        for prop_set in self.property_sets.values():
            table[prop_set.name] = prop_set
        return table

    @property
    def default_display_set(self) -> Optional[PropertySetData]:
        return self.default_display

    @property
    def default_key_set(self) -> Optional[PropertySetData]:
        return self.default_key

    def has_standard(self) -> bool:
        return self.default_display is not None or self.default_key is not None \
            or self.default_display_property is not None

    def is_empty(self) -> bool:
        return not (self.members or self.property_sets or self.has_standard())

    def __str__(self) -> str:
        return self.type_name


TABLE: dict[str, TypeData] = {}
"""Lower-cased type name -> TypeData; empty until something is declared."""


class DuplicateMemberError(Exception):
    """A member already declared for a type (by another file, or without -Force)."""

    def __init__(self, type_name: str, member: str) -> None:
        super().__init__(f'Error in TypeData "{type_name}": The member {member} is already present.')
        self.type_name = type_name
        self.member = member


def entry(type_name: str) -> TypeData:
    """The TypeData for ``type_name``, made empty when there is none."""
    key = type_name.lower()
    data = TABLE.get(key)
    if data is None:
        data = TABLE[key] = TypeData(type_name)
    return data


def find(type_name: str) -> Optional[TypeData]:
    return TABLE.get(type_name.lower())


def add_member(type_name: str, member: ComputedMember, source: Optional[str], force: bool = False) -> None:
    """Declares ``member``; one of the same name from another source (or
    any, without ``force``) raises DuplicateMemberError."""
    data = entry(type_name)
    key = member.name.lower()
    if (key in data.members or key in data.property_sets) and not force:
        raise DuplicateMemberError(data.type_name, member.name)
    data.property_sets.pop(key, None)
    data.members[key] = member
    data.sources[key] = source


def add_property_set(type_name: str, name: str, properties: Iterable[str], source: Optional[str],
                     force: bool = False) -> None:
    """Declares a PropertySet; a member of the same name is a duplicate unless ``force``."""
    data = entry(type_name)
    key = name.lower()
    if (key in data.members or key in data.property_sets) and not force:
        raise DuplicateMemberError(data.type_name, name)
    data.members.pop(key, None)
    data.property_sets[key] = PropertySetData(name, properties)
    data.sources[key] = source


def member(names: Sequence[str], lowered: str) -> Optional[ComputedMember]:
    """The member called ``lowered`` declared for the first of these type
    names that has one (the most specific type wins); ``psstandardmembers``
    is the member set of the first type with standard members."""
    for name in names:
        data = TABLE.get(name.lower())
        if data is not None:
            found = data.members.get(lowered)
            if found is not None:
                return found
            if lowered == "psstandardmembers" and data.has_standard():
                return StandardMembers(data)
    return None


def property_set(names: Sequence[str], lowered: str) -> Optional[list[str]]:
    """The properties of the PropertySet called ``lowered`` declared for
    the first of these type names that has one, or None."""
    for name in names:
        data = TABLE.get(name.lower())
        if data is not None:
            found = data.property_sets.get(lowered)
            if found is not None:
                return list(found.referenced_properties)
    return None


def properties(names: Sequence[str]) -> list[ComputedMember]:
    """The property members declared for these type names, most specific
    type first, each name once."""
    seen: set[str] = set()
    result: list[ComputedMember] = []
    for name in names:
        data = TABLE.get(name.lower())
        if data is None:
            continue
        for key, value in data.members.items():
            if value.is_property and key not in seen:
                seen.add(key)
                result.append(value)
    return result


def default_display(names: Sequence[str]) -> tuple[str, ...]:
    """The DefaultDisplayPropertySet for these type names, or ()."""
    for name in names:
        data = TABLE.get(name.lower())
        if data is not None and data.default_display is not None:
            return tuple(data.default_display.referenced_properties)
    return ()


def remove_type(type_name: str) -> bool:
    """Forgets everything declared for ``type_name``; False when there was nothing."""
    return TABLE.pop(type_name.lower(), None) is not None


def remove_source(source: str) -> None:
    """Forgets the members a file declared (and its standard members)."""
    for key in list(TABLE):
        data = TABLE[key]
        for name in [n for n, s in data.sources.items() if s == source]:
            data.members.pop(name, None)
            data.property_sets.pop(name, None)
            del data.sources[name]
        if data.standard_source == source:
            data.default_display = data.default_key = data.default_display_property = None
            data.standard_source = None
        if data.is_empty():
            del TABLE[key]
