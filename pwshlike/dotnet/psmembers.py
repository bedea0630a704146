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
