"""Instance members: ``$x.Name``, ``$x.Name = v``, ``$x.Method(args)``,
``$x[i]`` and ``$x[i] = v`` with PowerShell's rules.

* Missing properties read as $null (non-strict mode); ``.Count``/``.Length``
  of a scalar are 1 and of $null 0.
* Member enumeration: a property a collection lacks is read from each
  element (``(1,'ab').Length``); hashtable keys read as properties.
* Method failures become MethodInvocationException
  (``Exception calling "X" with "N" argument(s): "..."``); unknown methods
  are MethodNotFound; indexing follows pwsh (negative indices, slices,
  out-of-range reads give $null, writes fail with IndexOutOfRange).

Member lookup goes through type tables (``member_tables.py``) for the
built-in value types, and for other engine classes through their
``PS_MEMBERS`` table (.NET name -> Python attribute) or, failing that, their
public PascalCase attributes.
"""

from __future__ import annotations

import _datetime as _dt  # datetime's classes, without running the pure-Python twin datetime.py defines first
import sys
from decimal import Decimal

from . import conversions as conv
from . import member_tables as mt
from . import typedata as _typedata
from .errors import (
    ArgumentOutOfRangeException, dotnet_exception_from, DotNetException, ErrorCategory, ExtendedTypeSystemException,
    GetValueInvocationException, IndexOutOfRangeException, RuntimeException, SetValueInvocationException,
)
from .methodcall import call, call_generic, method_not_found, overload_not_found
from .psmembers import INSTANCE_MEMBERS as _INSTANCE
from .psmembers import MISSING as _MISSING
from .psmembers import ComputedMember, PSNoteProperty, instance_members
from .script_objects import ScriptObject
from .typedata import TABLE as _TYPE_DATA
from .types import PSType, type_of
from .values import (
    ArrayList, Char, DotNetTuple, EnumValue, GenericDictionary, GenericHashSet, GenericList, Hashtable,
    KeyCollection, MemberCarryingString, OrderedDictionary, PSCustomObject, StringBuilder, TypedArray, iter_collection,
)
from .wildcard import wildcard_match

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional, Sequence


class _Members:
    """The members of one Python class: lower name -> (.NET name, getter)
    for properties, lower name -> (.NET name, func) for methods, plus
    setters; ``hidden`` (lower names) are properties that can be read but
    are not listed, as pwsh's members marked IsHidden (a class names them
    in ``PS_HIDDEN``)."""

    __slots__ = ("props", "methods", "setters", "hidden")

    def __init__(self, props: Optional[dict[str, Callable[[Any], Any]]] = None,
                 methods: Optional[dict[str, Callable[..., Any]]] = None,
                 setters: Optional[dict[str, Callable[[Any, Any], None]]] = None,
                 hidden: frozenset = frozenset()) -> None:
        self.props = {k.lower(): (k, v) for k, v in (props or {}).items()}
        self.methods = {k.lower(): (k, v) for k, v in (methods or {}).items()}
        self.setters = {k.lower(): (k, v) for k, v in (setters or {}).items()}
        self.hidden = hidden


_STRING = _Members(mt.STRING_PROPS, mt.STRING_METHODS)
_ARRAY = _Members(mt.ARRAY_PROPS, mt.ARRAY_METHODS)
_LIST = _Members(mt.LIST_PROPS, mt.LIST_METHODS)
_HASHTABLE = _Members(mt.HASHTABLE_PROPS, mt.HASHTABLE_METHODS)
_ORDERED = _Members(mt.HASHTABLE_PROPS, mt.ORDERED_METHODS)
_DICTIONARY = _Members(mt.DICTIONARY_PROPS, mt.DICTIONARY_METHODS)
_HASHSET = _Members(mt.HASHSET_PROPS, mt.HASHSET_METHODS)
_KEYS = _Members(mt.KEYS_PROPS, mt.KEYS_METHODS)
_DATETIME = _Members(mt.DATETIME_PROPS, mt.DATETIME_METHODS)
_TIMESPAN = _Members(mt.TIMESPAN_PROPS, mt.TIMESPAN_METHODS)
_GUID = _Members({}, mt.GUID_METHODS)
_NUMBER = _Members({}, mt.NUMBER_METHODS)
_BOOL = _Members({}, mt.BOOL_METHODS)
_CHAR = _Members({}, mt.CHAR_METHODS)
_ENUM = _Members(mt.ENUM_PROPS, mt.ENUM_METHODS)
_STRINGBUILDER = _Members(mt.STRINGBUILDER_PROPS, mt.STRINGBUILDER_METHODS, mt.STRINGBUILDER_SETTERS)
_EMPTY = _Members()

_BY_CLASS: dict[type, _Members] = {
    str: _STRING, list: _ARRAY, tuple: _ARRAY, TypedArray: _ARRAY, GenericList: _LIST, ArrayList: _LIST,
    Hashtable: _HASHTABLE, OrderedDictionary: _ORDERED, GenericDictionary: _DICTIONARY,
    GenericHashSet: _HASHSET, KeyCollection: _KEYS, _dt.datetime: _DATETIME, _dt.timedelta: _TIMESPAN,
    int: _NUMBER, float: _NUMBER, Decimal: _NUMBER, bool: _BOOL, Char: _CHAR,
    EnumValue: _ENUM, StringBuilder: _STRINGBUILDER,
}


def _reflected(cls: type) -> _Members:
    """Members of an engine class from ``PS_MEMBERS`` or its PascalCase
    attributes (properties and methods)."""
    table = getattr(cls, "PS_MEMBERS", None)
    names: dict[str, str] = dict(table) if isinstance(table, dict) else {}
    if not names:
        for klass in reversed(cls.__mro__):
            for attr in vars(klass):
                if attr[:1].isupper():
                    names[attr] = attr
    props: dict[str, Callable[[Any], Any]] = {}
    methods: dict[str, Callable[..., Any]] = {}
    setters: dict[str, Callable[[Any, Any], None]] = {}
    for net_name, attr in names.items():
        raw = _class_attr(cls, attr)
        if isinstance(raw, property) or raw is None or not callable(raw) or isinstance(raw, type):
            props[net_name] = _attr_getter(attr)
            if not isinstance(raw, property) or raw.fset is not None:
                setters[net_name] = _attr_setter(attr)
        else:
            methods[net_name] = _method_caller(attr, raw)
    methods.update(mt.REFLECTED_OVERRIDES.get(getattr(cls, "full_name", ""), {}))
    hidden = frozenset(n.lower() for n in getattr(cls, "PS_HIDDEN", ()))
    return _Members(props, methods, setters, hidden)


def _class_attr(cls: type, attr: str) -> Any:
    for klass in cls.__mro__:
        if attr in vars(klass):
            return vars(klass)[attr]
    return None


def _attr_getter(attr: str) -> Callable[[Any], Any]:
    return lambda obj: getattr(obj, attr)


def _attr_setter(attr: str) -> Callable[[Any, Any], None]:
    return lambda obj, value: setattr(obj, attr, value)


def _method_caller(attr: str, raw: Any) -> Callable[..., Any]:
    """The function to call for a reflected method: the plain function
    itself when it is one (so ``methodcall`` can check its arity), else a
    wrapper calling the attribute."""
    if hasattr(raw, "__code__"):
        return raw

    def method(obj: Any, *args: Any) -> Any:
        return getattr(obj, attr)(*args)
    return method


def _members_of(obj: Any) -> _Members:
    cls = type(obj)
    members = _BY_CLASS.get(cls)
    if members is not None:
        return members
    uuid = sys.modules.get("uuid")  # imported where a Guid is made, not at start-up (conversions.is_guid)
    if uuid is not None and uuid.UUID not in _BY_CLASS:
        _BY_CLASS[uuid.UUID] = _GUID
        if cls is uuid.UUID:
            return _GUID
    own_table = getattr(cls, "PS_MEMBERS", None)
    for klass in cls.__mro__[1:]:
        members = _BY_CLASS.get(klass)
        if members is not None and klass is not object:
            if own_table is not getattr(klass, "PS_MEMBERS", None):
                break  # a subclass with members of its own (HttpResponseException.Response)
            _BY_CLASS[cls] = members
            return members
    members = _reflected(cls) if cls.__module__.startswith("pwshlike") or hasattr(cls, "PS_MEMBERS") else _EMPTY
    _BY_CLASS[cls] = members
    return members


def register_members(cls: type, props: Optional[dict[str, Callable[[Any], Any]]] = None,
                     methods: Optional[dict[str, Callable[..., Any]]] = None,
                     setters: Optional[dict[str, Callable[[Any, Any], None]]] = None) -> None:
    """Lets other layers declare the .NET members of their classes
    (FileInfo, Process...) with explicit getters and methods."""
    _BY_CLASS[cls] = _Members(props, methods, setters)


# --- intrinsic members -------------------------------------------------------------------------------

def _type_names(obj: Any) -> list[str]:
    """The object's type names, most specific first, to read: editing the
    list changes nothing (``$o.PSTypeNames`` is :func:`_editable_type_names`)."""
    if isinstance(obj, PSCustomObject):
        return list(obj.type_name_tuple())
    return _instance_type_names(obj)


def _editable_type_names(obj: Any) -> list[str]:
    """``$o.PSTypeNames``: a custom object's own list, which scripts edit;
    for other objects a list built afresh."""
    if isinstance(obj, PSCustomObject):
        names = obj.type_names
        if not isinstance(names, ArrayList):
            # pwsh's TypeNames is a growable collection scripts edit
            # ($o.PSObject.TypeNames.Insert(0, 'My.Type') picks a view).
            names = obj.type_names = ArrayList(names)
        return names
    return _instance_type_names(obj)


def _instance_type_names(obj: Any) -> list[str]:
    """Any other object's type names: those Add-Member -TypeName put in front
    of its type and base types."""
    names = []
    data = instance_members(obj)
    if data is not None:
        names.extend(data.type_names)
    t = type_of(obj)
    while t is not None:
        if data is None or t.full_name.lower() not in data.hidden_type_names:
            names.append(t.full_name)
        t = t.base
    return names


class PSObjectView:
    """``$x.PSObject``: the adapter view scripts use to list and edit
    properties (``.Properties``), read ``TypeNames`` or ``BaseObject``."""

    __slots__ = ("_obj",)
    full_name = "System.Management.Automation.PSObject"
    PS_MEMBERS = {"Properties": "properties", "TypeNames": "type_names", "BaseObject": "base_object",
                  "ImmediateBaseObject": "base_object", "Members": "properties", "Methods": "methods",
                  "Copy": "copy"}

    def __init__(self, obj: Any) -> None:
        self._obj = obj

    @property
    def base_object(self) -> Any:
        return self._obj

    @property
    def type_names(self) -> list[str]:
        return _editable_type_names(self._obj)

    @property
    def properties(self) -> "PropertyCollection":
        return PropertyCollection(self._obj)

    @property
    def methods(self) -> list[str]:
        return [name for name, _ in _members_of(self._obj).methods.values()]

    def copy(self) -> Any:
        obj = self._obj
        if isinstance(obj, PSCustomObject):
            return obj.copy()
        if isinstance(obj, Hashtable):
            return obj.copy()
        if isinstance(obj, list):
            return type(obj)(obj) if type(obj) is list else obj.copy()
        return obj

    def __str__(self) -> str:
        return conv.dotnet_to_string(self._obj)


class PropertyCollection(list):
    """``PSObject.Properties``: a list of PSNoteProperty objects that can be
    indexed by name, and can ``Add``/``Remove``/``Match`` like pwsh's."""

    __slots__ = ("_owner",)

    def __init__(self, owner: Any) -> None:
        super().__init__(property_list(owner))
        self._owner = owner

    def lookup(self, name: str) -> Optional[PSNoteProperty]:
        lowered = name.lower()
        return next((p for p in self if p.Name.lower() == lowered), None)

    def Add(self, prop: Any, *rest: Any) -> None:
        if not isinstance(prop, PSNoteProperty):
            raise conv.cast_error(prop, "System.Management.Automation.PSPropertyInfo")
        if not isinstance(self._owner, PSCustomObject):
            raise RuntimeException("Cannot add a property to this object.", error_id="CannotAddProperty")
        if self._owner.has_property(prop.Name):
            raise ExtendedTypeSystemException(f'The member "{prop.Name}" is already present.',
                                              error_id="MemberAlreadyPresent")
        self._owner.set_property(prop.Name, prop.Value)
        self.append(PSNoteProperty(prop.Name, prop.Value, self._owner))

    def Remove(self, name: Any) -> None:
        if isinstance(self._owner, PSCustomObject):
            self._owner.remove_property(conv.to_string(name))
        found = self.lookup(conv.to_string(name))
        if found is not None:
            super().remove(found)

    def Match(self, pattern: Any, *rest: Any) -> list:
        text = conv.to_string(pattern)
        return [p for p in self if wildcard_match(p.Name, text)]

    def Item(self, name: Any) -> Optional[PSNoteProperty]:
        return self.lookup(conv.to_string(name))

    def GetEnumerator(self) -> list:
        return list(self)


# pwsh's PSMemberInfoCollection: its own methods, the count, and member enumeration over the
# properties for anything else (``.Properties.Name``); not an array's fixed-size Add/Remove.
_BY_CLASS[PropertyCollection] = _Members(
    {"Count": len},
    {name: getattr(PropertyCollection, name) for name in ("Add", "Remove", "Match", "Item", "GetEnumerator")})


def property_list(obj: Any) -> list[PSNoteProperty]:
    """The properties of an object as PSNoteProperty items, in order (what
    ``Get-Member -MemberType Property`` and ``Select-Object *`` see)."""
    if obj is None:
        return []
    if isinstance(obj, PSCustomObject):
        if obj._members is None:
            own = [PSNoteProperty(name, value, obj) for name, value in obj.items()]
        else:
            own = [PSNoteProperty(name, value, obj, _member_type(obj.member(name))) for name, value in obj.items()]
        return own + _declared_properties(obj, own) if _TYPE_DATA else own
    members = _members_of(obj)
    result = []
    data = instance_members(obj)
    if data is not None:
        result.extend(PSNoteProperty(name, value, None, member_type)
                      for name, value, member_type in data.properties(obj))
    if _TYPE_DATA:
        result.extend(_declared_properties(obj, result))
    if isinstance(obj, ScriptObject):
        result.extend(PSNoteProperty(p.name, obj.get(p), None, "Property")
                      for p in obj.ps_class.instance_properties() if not p.hidden)
    adapted = getattr(obj, "ps_adapted_properties", None)
    if adapted is not None:  # an adapter lists its own properties only (pwsh's PropertyOnlyAdapter)
        result.extend(PSNoteProperty(name, value, None, "Property") for name, value in adapted())
        return result
    declared = obj.property_type_names() if hasattr(obj, "property_type_names") else {}
    hidden = members.hidden
    for lowered, (net_name, getter) in members.props.items():
        if lowered in hidden:
            continue
        try:
            value = getter(obj)
        except Exception:
            value = None
        result.append(PSNoteProperty(net_name, value, None, "Property", declared.get(net_name)))
    return result


def _declared_properties(obj: Any, before: list[PSNoteProperty]) -> list[PSNoteProperty]:
    """The type-data properties of ``obj`` that its own members do not hide."""
    taken = {p.Name.lower() for p in before}
    result = []
    for member in _typedata.properties(_type_names(obj)):
        if member.name.lower() not in taken:
            try:
                value = member.get(obj)
            except RuntimeException:
                value = None
            result.append(PSNoteProperty(member.name, value, None, member.member_type))
    return result


def _member_type(member: Optional[ComputedMember]) -> str:
    return "NoteProperty" if member is None else member.member_type


def has_property(obj: Any, name: str) -> bool:
    """Whether ``obj`` has a property (or dictionary key) called ``name``,
    as opposed to a missing one that reads as $null."""
    return obj is not None and _scalar_property(obj, name, intrinsic=False) is not _MISSING


# --- property get/set ------------------------------------------------------------------------------

def _getter_error(name: str, exc: BaseException) -> GetValueInvocationException:
    inner = dotnet_exception_from(exc)
    return GetValueInvocationException(f'Exception getting "{name}": "{inner.message}"', inner,
                                       error_id="ExceptionWhenGetting")


def _read(getter: Callable[[Any], Any], obj: Any, name: str) -> Any:
    try:
        return getter(obj)
    except RuntimeException:
        raise
    except (DotNetException, ArithmeticError, ValueError, LookupError, OSError, TypeError) as exc:
        raise _getter_error(name, exc) from exc


def _scalar_property(obj: Any, name: str, intrinsic: bool = True) -> Any:
    """A property of a non-collection object, or _MISSING.  ``intrinsic``
    False leaves out the Count and Length of 1 that member access gives any
    scalar: they are not properties of the object (Measure-Object and
    Select-Object do not find them)."""
    lowered = name.lower()
    if _INSTANCE and not isinstance(obj, PSCustomObject):
        data = instance_members(obj)
        if data is not None:
            value = data.lookup(obj, lowered)
            if value is not _MISSING:
                return value
    if isinstance(obj, (Hashtable, GenericDictionary)):
        try:
            if isinstance(obj, GenericDictionary):
                key: Any = obj.key_type.convert(name) if obj.key_type is not None else name
                if key in obj:
                    return obj[key]
            elif name in obj:
                return obj[name]
        except (conv.PSInvalidCastException, TypeError):
            pass
    elif isinstance(obj, PSCustomObject):
        if obj.has_property(name):
            return obj.get_property(name)
        member = obj.member(name)
        if member is not None:
            return member
    if isinstance(obj, ScriptObject):
        prop = obj.ps_class.find_property(lowered)
        if prop is not None:
            return obj.get(prop)
    if _TYPE_DATA:
        declared = _typedata.member(_type_names(obj), lowered)
        if declared is not None:
            return declared.get(obj)
    adapted = getattr(obj, "ps_adapted_get", None)
    if adapted is not None:  # an adapter's properties (XML: attributes and child nodes) come first
        found, value = adapted(name)
        if found:
            return value
    members = _members_of(obj)
    entry = members.props.get(lowered)
    if entry is not None:
        return _read(entry[1], obj, entry[0])
    if lowered == "psobject":
        return PSObjectView(obj)
    if lowered == "pstypenames":
        return _editable_type_names(obj)
    if intrinsic and lowered in ("count", "length") and not isinstance(obj, (Hashtable, GenericDictionary)):
        return 1
    return _MISSING


def get_member(obj: Any, name: str) -> Any:
    """``$obj.Name``: $null for a missing property (non-strict mode)."""
    cls = type(obj)
    if cls is PSCustomObject:
        index = obj._shape.index.get(name.lower())
        if index is not None and obj._members is None:
            return obj._values[index]
    elif cls is Hashtable:
        value = obj.get(name, _MISSING)
        if value is not _MISSING:
            return value
    elif cls is list:
        lowered = name.lower()
        if lowered == "count" or lowered == "length":
            return len(obj)
    if obj is None:
        return 0 if name.lower() in ("count", "length") else None
    if type(obj) is str:
        return mt.utf16_length(obj) if name.lower() == "length" else _string_member(obj, name)
    if isinstance(obj, ScriptObject):
        prop = obj.ps_class.find_property(name.lower())
        if prop is not None:
            return obj.get(prop)
    if _INSTANCE and (type(obj) is list or type(obj) is MemberCarryingString):
        data = instance_members(obj)
        value = data.lookup(obj, name.lower()) if data is not None else _MISSING
        if value is not _MISSING:
            return value
        if type(obj) is MemberCarryingString:
            return mt.utf16_length(obj) if name.lower() == "length" else _string_member(obj, name)
    items = iter_collection(obj)
    if items is None or isinstance(obj, (Hashtable, dict)):
        value = _scalar_property(obj, name)
        return None if value is _MISSING else value
    if _TYPE_DATA:
        declared = _typedata.member(_type_names(obj), name.lower())
        if declared is not None:
            return declared.get(obj)
    members = _members_of(obj)
    entry = members.props.get(name.lower())
    if entry is not None:
        return _read(entry[1], obj, entry[0])
    lowered = name.lower()
    if lowered == "psobject":
        return PSObjectView(obj)
    if lowered == "pstypenames":
        return _editable_type_names(obj)
    return _enumerate_member(items, name)


def _string_member(obj: str, name: str) -> Any:
    value = _scalar_property(obj, name)
    return None if value is _MISSING else value


def _enumerate_member(items: Any, name: str) -> Any:
    """Member enumeration: the property of each element; elements without
    it are skipped; collections in the results are unrolled."""
    results: list[Any] = []
    for item in items:
        if item is None:
            continue
        if iter_collection(item) is not None and not isinstance(item, (Hashtable, dict)):
            value = get_member(item, name)
            if value is None:
                continue
        else:
            value = _scalar_property(item, name)
            if value is _MISSING:
                continue
        inner = iter_collection(value)
        if inner is not None and not isinstance(value, (Hashtable, dict)):
            results.extend(inner)
        else:
            results.append(value)
    if not results:
        return None
    return results[0] if len(results) == 1 else results


def strict_property_exists(obj: Any, name: str) -> bool:
    """Whether ``$obj.Name`` names something (a property, a key of a
    hashtable, ``Count``/``Length``...), for Set-StrictMode 2, where reading
    a missing one is PropertyNotFoundStrict; ``$null.Name`` is not checked.
    A collection has it when it does or every element does."""
    if obj is None:
        return True
    lowered = name.lower()
    if type(obj) is str:
        return lowered == "length" or _scalar_property(obj, name) is not _MISSING
    if isinstance(obj, PSCustomObject):
        return obj.has_property(name) or obj.member(name) is not None or \
            _scalar_property(obj, name) is not _MISSING
    items = iter_collection(obj)
    if items is None or isinstance(obj, (Hashtable, dict)):
        return _scalar_property(obj, name) is not _MISSING
    if _TYPE_DATA and _typedata.member(_type_names(obj), lowered) is not None:
        return True
    if lowered in ("count", "length", "psobject", "pstypenames") or _members_of(obj).props.get(lowered):
        return True
    elements = [item for item in items if item is not None]
    return bool(elements) and all(strict_property_exists(item, name) for item in elements)


def property_not_found_strict(name: str) -> RuntimeException:
    """Set-StrictMode 2's error for reading a property that does not exist."""
    return RuntimeException(f"The property '{name}' cannot be found on this object. Verify that the property "
                            "exists.", error_id="PropertyNotFoundStrict", category=ErrorCategory.InvalidOperation)


def index_out_of_range(obj: Any, index: Any) -> bool:
    """Whether ``$obj[index]`` reads past the end of an array or string
    (Set-StrictMode 3 makes that an IndexOutOfRangeException)."""
    if not isinstance(obj, (list, tuple, str)) or isinstance(index, bool) or not isinstance(index, int):
        return False
    n = len(obj)
    return not -n <= index < n


def _property_not_found(name: str) -> RuntimeException:
    return RuntimeException(
        f"The property '{name}' cannot be found on this object. Verify that the property exists and can be set.",
        error_id="PropertyNotFound", category=ErrorCategory.InvalidOperation)


def set_member(obj: Any, name: str, value: Any) -> None:
    """``$obj.Name = value``."""
    if obj is None:
        raise _property_not_found(name)
    if isinstance(obj, Hashtable):
        obj[name] = value
        return
    if isinstance(obj, GenericDictionary):
        key = obj.key_type.convert(name) if obj.key_type is not None else name
        obj[key] = obj.value_type.convert(value) if obj.value_type is not None else value
        return
    if isinstance(obj, PSCustomObject):
        if obj.has_property(name):
            obj.set_property(name, value)
            return
        declared = _typedata.member(_type_names(obj), name.lower()) if _TYPE_DATA else None
        if declared is not None:
            declared.set(obj, value)
            return
        raise _property_not_found(name)
    lowered = name.lower()
    data = instance_members(obj)
    if data is not None and lowered in data.values:
        current = data.values[lowered]
        if isinstance(current, ComputedMember):
            current.set(obj, value)
        else:
            data.values[lowered] = value
        return
    if isinstance(obj, ScriptObject):
        prop = obj.ps_class.find_property(lowered)
        if prop is not None:
            obj.set(prop, value)
            return
    if _TYPE_DATA:
        declared = _typedata.member(_type_names(obj), lowered)
        if declared is not None:
            declared.set(obj, value)
            return
    adapted_set = getattr(obj, "ps_adapted_set", None)
    if adapted_set is not None and adapted_set(name, value):
        return
    members = _members_of(obj)
    setter = members.setters.get(lowered)
    if setter is not None:
        try:
            setter[1](obj, value)
        except RuntimeException:
            raise
        except (DotNetException, ArithmeticError, ValueError, LookupError, TypeError, AttributeError) as exc:
            inner = dotnet_exception_from(exc)
            raise SetValueInvocationException(f'Exception setting "{setter[0]}": "{inner.message}"', inner,
                                              error_id="ExceptionWhenSetting") from exc
        return
    if lowered in members.props:
        raise RuntimeException(f"'{members.props[lowered][0]}' is a ReadOnly property.",
                               error_id="PropertyAssignmentException", category=ErrorCategory.InvalidOperation)
    items = iter_collection(obj)
    if items is not None and not isinstance(obj, str):
        elements = list(items)
        if elements:
            for item in elements:
                set_member(item, name, value)
            return
    raise _property_not_found(name)


# --- methods ------------------------------------------------------------------------------------------

def _method_on_null() -> RuntimeException:
    return RuntimeException("You cannot call a method on a null-valued expression.",
                            error_id="InvokeMethodOnNull", category=ErrorCategory.InvalidOperation)


def invoke_method(obj: Any, name: str, args: Sequence[Any], own_methods: bool = True) -> Any:
    """``$obj.Name(args)``; ``own_methods`` False skips a script class's own
    methods (``([List[int]]$this).Add(1)`` calls the .NET base's)."""
    if obj is None:
        raise _method_on_null()
    lowered = name.lower()
    if isinstance(obj, PSCustomObject):
        member = obj.member(name)
    else:
        data = instance_members(obj)
        member = data.values.get(lowered) if data is not None else None
    if member is None and _TYPE_DATA:
        member = _typedata.member(_type_names(obj), lowered)
    if isinstance(member, ComputedMember) and not member.is_property:
        return member.invoke(obj, list(args))
    if own_methods and isinstance(obj, ScriptObject) and obj.has_method(name):
        return obj.invoke(name, args)
    members = _members_of(obj)
    entry = members.methods.get(lowered)
    if entry is not None:
        return call(entry[0], entry[1], list(args), skip=1, prefix=(obj,))
    if lowered == "foreach":
        return magic_foreach(obj, list(args))
    if lowered == "where":
        return magic_where(obj, list(args))
    common = _COMMON_METHODS.get(lowered)
    if common is not None:
        return call(common[0], common[1], list(args), skip=1, prefix=(obj,))
    items = iter_collection(obj)
    if items is not None and not isinstance(obj, (Hashtable, dict)):
        return _enumerate_method(obj, list(items), name, args)
    raise method_not_found(type_of(obj).full_name, name)


def invoke_generic_method(obj: Any, name: str, type_args: Sequence[Any], args: Sequence[Any]) -> Any:
    """``$obj.Name[T](args)``: a generic method of the object's type."""
    if obj is None:
        raise _method_on_null()
    entry = _members_of(obj).methods.get(name.lower())
    if entry is None:
        raise method_not_found(type_of(obj).full_name, name)
    return call_generic(entry[0], entry[1], type_args, list(args), prefix=(obj,))


def invoke_generic_static(pstype: PSType, name: str, type_args: Sequence[Any], args: Sequence[Any]) -> Any:
    """``[Type]::Name[T](args)``: a generic static method."""
    entry = pstype._static_table().get(name.lower())
    if entry is None or not entry[2]:
        raise method_not_found(pstype.full_name, name)
    return call_generic(entry[0], entry[1], type_args, list(args))


def _enumerate_method(obj: Any, items: list, name: str, args: Sequence[Any]) -> Any:
    """Method enumeration: ``('a','b').ToUpper()`` calls the method on each
    element; results are collected like member enumeration's."""
    if not items:
        raise method_not_found(type_of(obj).full_name, name)
    results: list[Any] = []
    for item in items:
        if item is None:
            continue
        value = invoke_method(item, name, args)
        inner = iter_collection(value)
        if inner is not None and not isinstance(value, (Hashtable, dict)):
            results.extend(inner)
        elif value is not None:
            results.append(value)
    if not results:
        return None
    return results[0] if len(results) == 1 else results


def _get_type(obj: Any) -> Any:
    return type_of(obj)


def _object_equals(obj: Any, other: Any) -> bool:
    return mt._dotnet_equals(obj, other)


def _hash_code(obj: Any) -> int:
    try:
        value = hash(obj)
    except TypeError:
        value = id(obj)
    return ((value + (1 << 31)) % (1 << 32)) - (1 << 31)


_COMMON_METHODS: dict[str, tuple[str, Callable[..., Any]]] = {
    "gettype": ("GetType", _get_type),
    "tostring": ("ToString", lambda obj, *fmt: conv.dotnet_to_string(obj)),
    "equals": ("Equals", _object_equals),
    "gethashcode": ("GetHashCode", _hash_code),
}


def _items_for_magic(obj: Any) -> list:
    items = iter_collection(obj)
    if items is None or isinstance(obj, (Hashtable, dict)):
        return [obj]
    return list(items)


def magic_foreach(obj: Any, args: list) -> list:
    """The ``.ForEach()`` intrinsic: a script block per item (``$_``), a
    type to convert to, a property name, or a method name with arguments."""
    if not args:
        raise overload_not_found("ForEach", 0)
    selector, extra = args[0], args[1:]
    results: list[Any] = []
    items = _items_for_magic(obj)
    if hasattr(selector, "invoke_with_input"):
        foreach = getattr(selector, "intrinsic_foreach", None)
        if foreach is not None:  # the runtime's ScriptBlock: begin, process and end as pwsh runs them
            return foreach(items, tuple(extra))
        for item in items:
            results.extend(selector.invoke_with_input(item, tuple(extra)))
        return results
    if isinstance(selector, PSType):
        return [selector.convert(item) for item in items]
    name = conv.to_string(selector)
    for item in items:
        if extra or _has_method(item, name) and not _has_property(item, name):
            value = invoke_method(item, name, extra)
        else:
            value = get_member(item, name)
        inner = iter_collection(value)
        if inner is not None and not isinstance(value, (Hashtable, dict)):
            results.extend(inner)
        elif value is not None or not extra:
            results.append(value)
    return results


def _has_method(obj: Any, name: str) -> bool:
    """Whether ``obj`` has a method ``name``: its class's, or one every
    object has (GetType, GetHashCode, Equals, ToString)."""
    lowered = name.lower()
    return obj is not None and (lowered in _members_of(obj).methods or lowered in _COMMON_METHODS)


def _has_property(obj: Any, name: str) -> bool:
    return obj is not None and _scalar_property(obj, name) is not _MISSING


_WHERE_MODES = ("default", "first", "last", "skipuntil", "until", "split")


def magic_where(obj: Any, args: list) -> list:
    """The ``.Where({...}, mode, count)`` intrinsic."""
    if not args or not hasattr(args[0], "invoke_with_input"):
        raise overload_not_found("Where", len(args))
    script = args[0]
    mode = conv.to_string(args[1]).lower() if len(args) > 1 and args[1] is not None else "default"
    if mode not in _WHERE_MODES:
        raise conv.cast_error(args[1], "System.Management.Automation.WhereOperatorSelectionMode",
                              f"Unable to match the identifier name {conv.to_string(args[1])} to a valid "
                              f"enumerator name. Specify one of the following enumerator names and try again:\n"
                              f"Default, First, Last, SkipUntil, Until, Split")
    count = conv.convert_to_integer(args[2]) if len(args) > 2 else 0
    items = _items_for_magic(obj)
    prepare = getattr(script, "item_invoker", None)  # the runtime's ScriptBlock: prepared once
    invoke = prepare(()) if prepare is not None else lambda item: script.invoke_with_input(item, ())

    def test(item: Any) -> bool:
        return conv.to_bool(invoke(item))

    if mode == "default":
        result = []
        for item in items:
            if test(item):
                result.append(item)
                if count and len(result) >= count:
                    break
        return result
    if mode == "first":
        result = []
        for item in items:
            if test(item):
                result.append(item)
                if len(result) >= max(count, 1):
                    break
        return result
    if mode == "last":
        matched = [item for item in items if test(item)]
        return matched[-max(count, 1):] if matched else []
    if mode == "skipuntil":
        for i, item in enumerate(items):
            if test(item):
                rest = items[i:]
                return rest[:count] if count else rest
        return []
    if mode == "until":
        result = []
        for item in items:
            if test(item):
                break
            result.append(item)
        return result[:count] if count else result
    matched, unmatched = [], []
    for item in items:
        if (not count or len(matched) < count) and test(item):
            matched.append(item)
        else:
            unmatched.append(item)
    return [matched, unmatched]


# --- indexing -------------------------------------------------------------------------------------------

def _null_array() -> RuntimeException:
    return RuntimeException("Cannot index into a null array.", error_id="NullArray",
                            category=ErrorCategory.InvalidOperation)


def _cannot_index(obj: Any) -> RuntimeException:
    return RuntimeException(f"Unable to index into an object of type {type_of(obj).full_name}.",
                            error_id="CannotIndex", category=ErrorCategory.InvalidOperation)


def _int_index(index: Any) -> Optional[int]:
    if type(index) is int:
        return index
    try:
        return conv.convert_to_integer(index)
    except conv.PSInvalidCastException:
        return None


def _list_item(seq: Any, index: Any) -> Any:
    i = _int_index(index)
    if i is None:
        return None
    n = len(seq)
    if i < 0:
        i += n
    if 0 <= i < n:
        return seq[i]
    return None


def get_index(obj: Any, index: Any) -> Any:
    """``$obj[index]``: arrays (negative indices, slices ``$a[0,2]``,
    ``$a[1..3]``; out of range is $null), strings (a Char), dictionaries
    by key (several keys give several values).  A lone ``$null`` index is
    pwsh's NullArrayIndex error whatever is indexed (one inside a slice is
    not: ``$a[$null, 0]``)."""
    if index is None and obj is not None:
        raise _null_index()
    return _get_index(obj, index)


def _null_index() -> RuntimeException:
    return RuntimeException("Index operation failed; the array index evaluated to null.",
                            error_id="NullArrayIndex", category=ErrorCategory.InvalidOperation)


def _get_index(obj: Any, index: Any) -> Any:
    t = type(obj)
    if t is list or t is tuple or isinstance(obj, (list, tuple)):
        if type(index) is int:
            n = len(obj)
            if -n <= index < n:
                return obj[index]
            return None
        if t is not list and isinstance(index, str):
            lookup = getattr(obj, "lookup", None)  # .psobject.Properties['Name'], $m.Groups['name']
            if lookup is not None:
                return lookup(index)
        keys = iter_collection(index)
        if keys is not None:
            return [v for v in (_list_item(obj, k) for k in keys) if v is not None]
        return _list_item(obj, index)
    if obj is None:
        raise _null_array()
    if isinstance(obj, str):
        keys = iter_collection(index)
        if keys is not None:
            return [Char(v) for v in (_list_item(obj, k) for k in keys) if v is not None]
        ch = _list_item(obj, index)
        return Char(ch) if ch is not None else None
    if isinstance(obj, Hashtable):
        keys = iter_collection(index)
        if keys is not None:
            return [obj.get(k) for k in keys if k in obj]
        if isinstance(obj, OrderedDictionary) and isinstance(index, int) and not isinstance(index, bool) \
                and index not in obj:
            return _list_item([v for _, v in obj.items()], index)
        return obj.get(index)
    if isinstance(obj, GenericDictionary):
        keys = iter_collection(index)
        if keys is not None:
            return [_get_index(obj, k) for k in keys]
        try:
            key = obj.key_type.convert(index) if obj.key_type is not None else index
        except conv.PSInvalidCastException:
            return None
        return obj.get(key)
    if isinstance(obj, KeyCollection):
        return _get_index(list(obj), index)
    if isinstance(obj, DotNetTuple):  # pwsh indexes an ITuple like an array
        return _get_index(list(obj.items), index)
    if isinstance(obj, StringBuilder):  # its default member, the Chars indexer
        return mt.str_chars(obj.text(), index)
    lookup = getattr(obj, "lookup", None)
    if lookup is not None and isinstance(index, str):
        return lookup(index)
    if isinstance(obj, (GenericHashSet,)) or iter_collection(obj) is not None:
        items = iter_collection(obj)
        return _get_index(list(items) if items is not None else [], index)
    i = _int_index(index)
    if i in (0, -1):
        return obj
    if isinstance(obj, PSCustomObject) or i is not None:
        return None
    raise _cannot_index(obj)


def _index_out_of_range() -> RuntimeException:
    inner = IndexOutOfRangeException()
    return RuntimeException(inner.message, inner, error_id="IndexOutOfRange",
                            category=ErrorCategory.InvalidOperation)


def set_index(obj: Any, index: Any, value: Any) -> None:
    """``$obj[index] = value``."""
    if obj is None:
        raise _null_array()
    if index is None:
        raise _null_index()
    if isinstance(obj, Hashtable):
        obj[index] = value
        return
    if isinstance(obj, GenericDictionary):
        key = obj.key_type.convert(index) if obj.key_type is not None else index
        obj[key] = obj.value_type.convert(value) if obj.value_type is not None else value
        return
    if isinstance(obj, list):
        i = _int_index(index)
        if i is None:
            raise conv.cast_error(index, "System.Int32")
        n = len(obj)
        position = i + n if i < 0 else i
        if not 0 <= position < n:
            if isinstance(obj, (GenericList, ArrayList)):
                inner = ArgumentOutOfRangeException(
                    "Index was out of range. Must be non-negative and less than the size of the collection.",
                    param_name="index")
                raise SetValueInvocationException(f'Exception setting "Item": "{inner.message}"', inner,
                                                  error_id="ExceptionWhenSetting")
            raise _index_out_of_range()
        element = getattr(obj, "element_type", None)
        obj[position] = element.convert(value) if element is not None else value
        return
    if isinstance(obj, StringBuilder):
        mt.sb_set_char(obj, index, value)
        return
    raise _cannot_index(obj)
