"""Member objects of PowerShell's extended type system.

``ComputedMember`` is the protocol every computed member follows (Add-Member's
script and alias properties and script methods, type data's note properties
and member sets); ``PSNoteProperty`` is an item of ``$obj.PSObject.Properties``.
Both need conversions and types (a read-only member refuses assignment with
pwsh's error, a property names its value's type), so they sit above them,
while ``values.PSCustomObject`` only stores the members it is given.
"""

from __future__ import annotations

from .conversions import dotnet_to_string
from .errors import ErrorCategory, SetValueException
from .methodcall import method_not_found
from .types import type_of
from .values import PSCustomObject

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


class ComputedMember:
    """A member that Add-Member attaches and that is computed rather than
    stored: a script property, an alias property, a script method.  The
    concrete kinds live in the commands layer; the engine only calls this
    protocol.  ``is_property`` is False for methods, which are not listed
    among an object's properties."""

    __slots__ = ("name",)
    member_type = "Member"
    is_property = True

    def __init__(self, name: str) -> None:
        self.name = name

    def get(self, owner: Any) -> Any:
        """The member's value on ``owner``: a method reads as itself, as a
        PSMethod does in pwsh; properties override this."""
        return self

    def set(self, owner: Any, value: Any) -> None:
        """Assigns the member on ``owner``; kinds without a setter are
        read-only, with pwsh's message."""
        raise SetValueException(f"'{self.name}' is a ReadOnly property.", error_id="PropertyAssignmentException",
                                category=ErrorCategory.InvalidOperation)

    def invoke(self, owner: Any, args: list[Any]) -> Any:
        """Calls the member on ``owner``; only methods can be called."""
        raise method_not_found(type_of(owner).full_name, self.name)


class PSNoteProperty:
    """A property of a PSObject as ``$obj.PSObject.Properties`` lists it
    (``PSNoteProperty``/``PSProperty``): writing ``Value`` writes through
    to the object when it is bound to one."""

    __slots__ = ("Name", "_value", "_owner", "MemberType", "_type_name")
    full_name = "System.Management.Automation.PSNoteProperty"

    def __init__(self, name: str, value: Any = None, owner: Any = None,
                 member_type: str = "NoteProperty", type_name: Optional[str] = None) -> None:
        self.Name = name
        self._value = value
        self._owner = owner
        self.MemberType = member_type
        # A .NET property's declared type when it is not the value's (a by-ref ``T&``).
        self._type_name = type_name

    @property
    def Value(self) -> Any:
        if isinstance(self._owner, PSCustomObject):
            return self._owner.get_property(self.Name)
        return self._value

    @Value.setter
    def Value(self, value: Any) -> None:
        if isinstance(self._owner, PSCustomObject):
            self._owner.set_property(self.Name, value)
        self._value = value

    @property
    def TypeNameOfValue(self) -> str:
        if self._type_name is not None:
            return self._type_name
        value = self.Value
        return "System.Object" if value is None else type_of(value).full_name

    @property
    def IsSettable(self) -> bool:
        return self.MemberType == "NoteProperty"

    @property
    def IsGettable(self) -> bool:
        return True

    @property
    def IsInstance(self) -> bool:
        return True

    def __str__(self) -> str:
        return f"{self.TypeNameOfValue.rsplit('.', 1)[-1]} {self.Name}={dotnet_to_string(self.Value)}"

    def __repr__(self) -> str:
        return f"PSNoteProperty({self.Name!r})"


MISSING = object()
"""What a member lookup gives for a member that is not there (None is a value)."""


# --- instance members (Add-Member on objects other than PSCustomObject) -------------------------------

class InstanceMembers:
    """The members Add-Member attached to one object that is not a
    PSCustomObject (pwsh keeps them on the object's PSObject): note values
    and computed members by lower-cased name, in the order added, plus type
    names inserted with ``-TypeName``; ``hidden_type_names`` are names its
    type gives that were taken out (pwsh's ``TypeNames.Remove``, as Get-Error
    does so that only its detailed view applies), lower-cased."""

    __slots__ = ("names", "values", "type_names", "hidden_type_names")

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.values: dict[str, Any] = {}
        self.type_names: list[str] = []
        self.hidden_type_names: set[str] = set()

    def lookup(self, owner: Any, lowered: str) -> Any:
        """The value of a property (a method's member object), or MISSING."""
        value = self.values.get(lowered, MISSING)
        if isinstance(value, ComputedMember) and value.is_property:
            return value.get(owner)
        return value

    def properties(self, owner: Any) -> list[tuple[str, Any, str]]:
        """(name, value, member type) of each property, in order."""
        result = []
        for lowered, name in self.names.items():
            value = self.values[lowered]
            if isinstance(value, ComputedMember):
                if value.is_property:
                    result.append((name, value.get(owner), value.member_type))
            else:
                result.append((name, value, "NoteProperty"))
        return result


# id(object) -> (weak reference to it, its members); entries leave with their object.
INSTANCE_MEMBERS: dict[int, tuple[Any, InstanceMembers]] = {}


def has_instance_members() -> bool:
    """Whether any object carries instance members, so that callers walking
    many values can skip looking them up one by one."""
    return bool(INSTANCE_MEMBERS)


def instance_members(obj: Any, create: bool = False) -> Optional[InstanceMembers]:
    """The instance members attached to ``obj`` (None when it has none).
    With ``create``, makes the (empty) set; raises TypeError when ``obj``
    cannot carry members (values such as strings and numbers, which pwsh
    would wrap in a new PSObject)."""
    if not INSTANCE_MEMBERS and not create:
        return None
    key = id(obj)
    entry = INSTANCE_MEMBERS.get(key)
    if entry is not None and entry[0]() is obj:
        return entry[1]
    if not create:
        return None
    if type(obj) is list:
        # A plain array cannot be referenced weakly: its entry holds it, so
        # the members stay with that same array (as on pwsh's PSObject).
        held = InstanceMembers()
        INSTANCE_MEMBERS[key] = (lambda obj=obj: obj, held)
        return held
    import weakref  # (loaded by the first member Add-Member attaches to such an object)
    ref = weakref.ref(obj, lambda _ref, key=key: INSTANCE_MEMBERS.pop(key, None))
    data = InstanceMembers()
    INSTANCE_MEMBERS[key] = (ref, data)
    return data
