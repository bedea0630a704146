"""PSType and the type table: type literals, casts, ``-is``, ``::`` statics.

A ``PSType`` stands for a .NET type as scripts see it: ``[int]`` is the
PSType named ``System.Int32``.  It knows how to convert a value to itself
(``convert``), whether a value is an instance (``is_instance``, following
base types and interfaces), its static members (loaded lazily from
``statics.py``) and its constructor (``new``).  ``resolve_type`` maps the
names scripts write (accelerators, full names, names without ``System.``,
generics ``List[string]``, arrays ``int[]``) to PSTypes; ``type_of`` gives a
value's type (``GetType()``).

This module and ``conversions.py`` are one idea, LanguagePrimitives over
the type table, and import each other.  The table's content that needs more
of the object model (``statics.py``, ``typetable.py``) sits above and is
installed through ``install_table_content`` by the package.
"""

from __future__ import annotations

import _datetime as _dt  # datetime's classes, without running the pure-Python twin datetime.py defines first
import _thread
from decimal import Decimal

from . import conversions as conv
from .credentials import NetworkCredential, PSCredential, SecureString
from .errors import (
    ArgumentException, ArgumentOutOfRangeException, DotNetException, ErrorCategory, exception_type,
    InvalidOperationException, OverflowException, RuntimeException,
)
from .methodcall import call, method_not_found, overload_not_found
from .values import (
    ArrayList, BigInt, Byte, Char, EnumInfo, EnumValue, GenericDictionary, GenericHashSet, GenericList, Hashtable,
    Int16, INT32_MAX, INT32_MIN, Int64, iter_collection, KeyCollection, KeyFoldingDictionary, MemberCarryingString,
    OrderedDictionary, OrderedHashtable,
    PlainObject, PSCustomObject, PSReference, SByte, Single, StringBuilder, StringComparer, SwitchParameter,
    TypedArray, UInt16, UInt32, UInt64,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional, Sequence
    import uuid
    StaticTable = dict[str, tuple[str, Any, bool]]


def _identity(value: Any) -> Any:
    return value


class PSType:
    """A .NET type as PowerShell scripts use it."""

    __slots__ = ("name", "full_name", "base", "interfaces", "_converter", "_constructor",
                 "_check", "is_value_type", "is_attribute", "enum", "element_type",
                 "generic_definition", "generic_arguments", "pyclass", "_statics", "is_abstract")

    PS_MEMBERS = {"Name": "name", "FullName": "full_name", "Namespace": "namespace",
                  "BaseType": "base", "IsArray": "is_array", "IsEnum": "is_enum",
                  "IsValueType": "is_value_type", "IsGenericType": "is_generic_type",
                  "IsClass": "is_class", "IsAbstract": "is_abstract", "IsPublic": "is_public",
                  "IsInterface": "is_interface", "UnderlyingSystemType": "underlying_system_type",
                  "AssemblyQualifiedName": "full_name",
                  "GenericTypeArguments": "generic_type_arguments",
                  "GetElementType": "get_element_type", "GetEnumNames": "get_enum_names",
                  "GetEnumValues": "get_enum_values", "GetGenericArguments": "get_generic_arguments",
                  "IsAssignableFrom": "is_assignable_from", "IsInstanceOfType": "is_instance",
                  "IsSubclassOf": "is_subclass_of", "ToString": "__str__", "Equals": "__eq__",
                  "MakeArrayType": "make_array_type", "MakeGenericType": "make_generic_type",
                  "Assembly": "assembly"}

    def __init__(self, full_name: str, base: Optional["PSType"] = None,
                 converter: Optional[Callable[[Any], Any]] = None,
                 check: Optional[Callable[[Any], bool]] = None,
                 constructor: Optional[Callable[..., Any]] = None,
                 interfaces: Sequence[str] = (), value_type: bool = False,
                 pyclass: Optional[type] = None, attribute: bool = False,
                 abstract: bool = False) -> None:
        self.full_name = full_name
        self.name = _short_name(full_name)
        self.base = base
        self.interfaces = frozenset(i.lower() for i in interfaces)
        self._converter = converter
        self._constructor = constructor
        self._check = check
        self.is_value_type = value_type
        self.is_attribute = attribute
        self.is_abstract = abstract
        self.enum: Optional[EnumInfo] = None
        self.element_type: Optional[PSType] = None
        self.generic_definition: Optional[str] = None
        self.generic_arguments: tuple[PSType, ...] = ()
        self.pyclass = pyclass
        self._statics: Optional[dict[str, tuple[str, Any, bool]]] = None

    # --- .NET reflection-ish properties -------------------------------------------------

    @property
    def namespace(self) -> str:
        base_name = self.full_name.split("[", 1)[0]
        return base_name.rsplit(".", 1)[0] if "." in base_name else ""

    @property
    def is_array(self) -> bool:
        return self.element_type is not None

    @property
    def is_enum(self) -> bool:
        return self.enum is not None

    @property
    def is_generic_type(self) -> bool:
        return self.generic_definition is not None

    @property
    def is_class(self) -> bool:
        return not self.is_value_type

    @property
    def is_public(self) -> bool:
        return True

    @property
    def is_interface(self) -> bool:
        return False

    @property
    def underlying_system_type(self) -> "PSType":
        return self

    @property
    def generic_type_arguments(self) -> list:
        return list(self.generic_arguments)

    def get_generic_arguments(self) -> list:
        return list(self.generic_arguments)

    def get_element_type(self) -> Optional["PSType"]:
        return self.element_type

    def get_enum_names(self) -> list:
        return list(self._require_enum().members)

    def get_enum_values(self) -> list:
        info = self._require_enum()
        return [info.value(v) for v in info.members.values()]

    def _require_enum(self) -> EnumInfo:
        if self.enum is None:
            raise ArgumentException("Type provided must be an Enum.", param_name="enumType")
        return self.enum

    def make_array_type(self) -> "PSType":
        return array_type(self)

    def make_generic_type(self, *type_arguments: Any) -> "PSType":
        """``[object].Assembly.GetType('System.Func`2').MakeGenericType($types)``."""
        args: list[Any] = []
        for arg in type_arguments:
            items = iter_collection(arg)
            args.extend(items if items is not None else [arg])
        types = [resolve_type(a) for a in args]
        arity = self.full_name.rpartition("`")[2]
        if self.generic_definition is None and arity.isdigit() and int(arity) == len(types):
            definition = _generic_definition(self.full_name)
            if definition is not None:
                return generic_type(definition, types)
            family = _generic_family(self.full_name)
            if family is not None:
                return family(types)
        raise InvalidOperationException(
            f"{self.full_name} is not a GenericTypeDefinition. MakeGenericType may only be called on a type for "
            f"which Type.IsGenericTypeDefinition is true.")

    @property
    def assembly(self) -> "Assembly":
        return ASSEMBLY

    # --- conversion and instance checks ----------------------------------------------------

    def convert(self, value: Any) -> Any:
        """``[T]value`` (LanguagePrimitives.ConvertTo)."""
        if self._converter is not None:
            return self._converter(value)
        if value is None or self.is_instance(value):
            return value
        if self._constructor is not None:
            try:
                return call(self.name, self._constructor, [value])
            except RuntimeException as exc:
                raise conv.cast_error(value, self.full_name, _inner_message(exc)) from None
        raise conv.cast_error(value, self.full_name)

    def is_instance(self, value: Any) -> bool:
        """``value -is [T]``."""
        if value is None:
            return False
        if self._check is not None:
            return self._check(value)
        return type_of(value).is_subtype_of(self)

    def is_subtype_of(self, other: "PSType") -> bool:
        t: Optional[PSType] = self
        while t is not None:
            if t is other or t.full_name == other.full_name:
                return True
            if other.full_name.lower() in t.interfaces:
                return True
            t = t.base
        return False

    is_subclass_of = is_subtype_of

    def is_assignable_from(self, other: "PSType") -> bool:
        return other.is_subtype_of(self)

    # --- statics and construction ---------------------------------------------------------

    def _static_table(self) -> dict[str, tuple[str, Any, bool]]:
        if self._statics is None:
            builder = _STATIC_BUILDERS.get(self.full_name)
            if builder is not None:
                self._statics = builder()
            else:
                self._statics = _TABLE_CONTENT.static_members(self)
        return self._statics

    def static_member_names(self) -> list[tuple[str, bool]]:
        """(name, is_method) for each static member (for Get-Member -Static)."""
        return [(name, is_method) for name, _, is_method in self._static_table().values()]

    def get_static(self, name: str) -> Any:
        """``[T]::Name``: a property value, or a method object for a method
        name without parentheses; $null for an unknown name (as pwsh)."""
        entry = self._static_table().get(name.lower())
        if entry is None:
            return None
        real_name, member, is_method = entry
        if is_method:
            return StaticMethod(self, real_name, member)
        return member() if callable(member) else member

    def has_static(self, name: str) -> bool:
        return name.lower() in self._static_table()

    def set_static(self, name: str, value: Any) -> None:
        entry = self._static_table().get(name.lower())
        if entry is None or entry[2]:
            raise RuntimeException(
                f"The property '{name}' cannot be found on this object. Verify that the property "
                f"exists and can be set.", error_id="PropertyAssignmentException",
                category=ErrorCategory.InvalidOperation)
        setter = getattr(entry[1], "setter", None)
        if setter is None:
            raise RuntimeException(f"'{entry[0]}' is a ReadOnly property.",
                                   error_id="PropertyAssignmentException",
                                   category=ErrorCategory.InvalidOperation)
        setter(value)

    def invoke_static(self, name: str, args: Sequence[Any]) -> Any:
        """``[T]::Name(args)``; ``new`` constructs."""
        if name.lower() == "new":
            return self.new(args)
        entry = self._static_table().get(name.lower())
        if entry is None or not entry[2]:
            raise method_not_found(self.full_name, name)
        return call(entry[0], entry[1], list(args))

    def new(self, args: Sequence[Any]) -> Any:
        """``[T]::new(args)`` / ``New-Object T args``."""
        if self._constructor is None:
            if self.is_value_type and not args:
                return self.convert(None) if self.enum is None else self.enum.value(0)
            raise overload_not_found("new", len(args))
        return call("new", self._constructor, list(args))

    @property
    def has_constructor(self) -> bool:
        return self._constructor is not None

    def __str__(self) -> str:
        return self.full_name

    def __repr__(self) -> str:
        return f"[{self.full_name}]"

    def __eq__(self, other: object) -> bool:
        # Accelerators may have their own PSType ([pscustomobject] casts
        # differently from [psobject]) but name the same .NET type.
        return self is other or (isinstance(other, PSType) and other.full_name == self.full_name)

    def __hash__(self) -> int:
        return hash(self.full_name)


class StaticMethod:
    """A static method named without calling it (``[math]::Round``), which
    can still be invoked (``.Invoke(...)``) and displays its name."""

    __slots__ = ("owner", "name", "func")
    full_name = "System.Management.Automation.PSMethod"
    PS_MEMBERS = {"Name": "name", "Invoke": "invoke", "TypeNameOfValue": "full_name"}

    def __init__(self, owner: PSType, name: str, func: Callable[..., Any]) -> None:
        self.owner = owner
        self.name = name
        self.func = func

    def invoke(self, *args: Any) -> Any:
        return call(self.name, self.func, list(args))

    def __str__(self) -> str:
        return f"static {self.owner.full_name}::{self.name}"


def _inner_message(exc: BaseException) -> str:
    inner = getattr(exc, "inner_exception", None)
    target = inner if inner is not None else exc
    return getattr(target, "message", str(target))


def _short_name(full_name: str) -> str:
    base, bracket, rest = full_name.partition("[")
    short = base.rsplit(".", 1)[-1]
    return short + bracket + rest if bracket else short


# --- registry -------------------------------------------------------------------------------

_BY_NAME: dict[str, PSType] = {}
_BY_PYCLASS: dict[type, PSType] = {}
# The type accelerators (``[int]``, ``[hashtable]``...), by lower-cased name:
# the name as registered and its type (pwsh's TypeAccelerators).
_ACCELERATORS: dict[str, tuple[str, PSType]] = {}


def type_accelerators() -> dict[str, PSType]:
    """``[TypeAccelerators]::Get``: every accelerator and its type."""
    _load_lazy_types()
    return {name: t for name, t in _ACCELERATORS.values()}


def add_type_accelerator(name: str, t: PSType) -> None:
    """``[TypeAccelerators]::Add``: ``[name]`` is ``t`` from now on."""
    _BY_NAME[name.lower()] = t
    _ACCELERATORS[name.lower()] = (name, t)


def remove_type_accelerator(name: str) -> bool:
    """``[TypeAccelerators]::Remove``: True when there was one by that name."""
    entry = _ACCELERATORS.pop(name.lower(), None)
    if entry is None:
        return False
    if _BY_NAME.get(name.lower()) is entry[1] and entry[1].full_name.lower() != name.lower():
        del _BY_NAME[name.lower()]
    return True
_ARRAY_TYPES: dict[int, PSType] = {}
_GENERIC_TYPES: dict[tuple, PSType] = {}


def _register(t: PSType, *aliases: str) -> PSType:
    key = t.full_name.lower()
    _BY_NAME[key] = t
    if key.startswith("system."):
        _BY_NAME.setdefault(key[7:], t)
    for alias in aliases:
        _BY_NAME[alias.lower()] = t
        _ACCELERATORS[alias.lower()] = (alias, t)
    if t.pyclass is not None:
        _BY_PYCLASS.setdefault(t.pyclass, t)
    return t


def _check_class(*classes: type) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, classes)


OBJECT = _register(PSType("System.Object", converter=_identity, check=lambda v: v is not None,
                          constructor=lambda: PlainObject(), pyclass=PlainObject), "object")
VALUE_TYPE = _register(PSType("System.ValueType", OBJECT, abstract=True))
ENUM_BASE = _register(PSType("System.Enum", VALUE_TYPE, abstract=True,
                             check=lambda v: isinstance(v, EnumValue)))
_NUMBER_IFACES = ("System.IComparable", "System.IFormattable", "System.IConvertible")


def _integer_type(full: str, pyclass: Optional[type], *aliases: str) -> PSType:
    cls_for_check = pyclass

    if pyclass is None:
        def check(v: Any) -> bool:
            return type(v) is int and INT32_MIN <= v <= INT32_MAX
    elif pyclass is Int64:
        def check(v: Any) -> bool:
            return type(v) is Int64 or (type(v) is int and not INT32_MIN <= v <= INT32_MAX)
    else:
        def check(v: Any) -> bool:
            return type(v) is cls_for_check

    return _register(PSType(full, VALUE_TYPE, converter=lambda v: conv.convert_to_integer(v, full),
                            check=check, interfaces=_NUMBER_IFACES, value_type=True, pyclass=pyclass),
                     *aliases)


INT32 = _integer_type("System.Int32", None, "int", "int32")
INT64 = _integer_type("System.Int64", Int64, "long", "int64")
BYTE = _integer_type("System.Byte", Byte, "byte")
SBYTE = _integer_type("System.SByte", SByte, "sbyte")
INT16 = _integer_type("System.Int16", Int16, "int16", "short")
UINT16 = _integer_type("System.UInt16", UInt16, "uint16", "ushort")
UINT32 = _integer_type("System.UInt32", UInt32, "uint32", "uint")
UINT64 = _integer_type("System.UInt64", UInt64, "uint64", "ulong")
BIGINT = _register(PSType("System.Numerics.BigInteger", VALUE_TYPE, converter=conv.convert_to_bigint,
                          check=lambda v: type(v) is BigInt, interfaces=_NUMBER_IFACES,
                          value_type=True, pyclass=BigInt), "bigint")
DOUBLE = _register(PSType("System.Double", VALUE_TYPE, converter=conv.convert_to_double,
                          check=lambda v: type(v) is float, interfaces=_NUMBER_IFACES,
                          value_type=True, pyclass=float), "double")
SINGLE = _register(PSType("System.Single", VALUE_TYPE,
                          converter=lambda v: conv.convert_to_double(v, single=True),
                          check=lambda v: type(v) is Single, interfaces=_NUMBER_IFACES,
                          value_type=True, pyclass=Single), "float", "single")
DECIMAL = _register(PSType("System.Decimal", VALUE_TYPE, converter=conv.convert_to_decimal,
                           check=_check_class(Decimal), interfaces=_NUMBER_IFACES,
                           value_type=True, pyclass=Decimal), "decimal")
BOOLEAN = _register(PSType("System.Boolean", VALUE_TYPE, converter=conv.to_bool,
                           check=lambda v: type(v) is bool, interfaces=("System.IComparable",),
                           value_type=True, pyclass=bool), "bool", "boolean")
CHAR = _register(PSType("System.Char", VALUE_TYPE, converter=conv.convert_to_char,
                        check=lambda v: type(v) is Char, interfaces=("System.IComparable",),
                        value_type=True, pyclass=Char), "char")
STRING = _register(PSType("System.String", OBJECT, converter=conv.convert_to_string,
                          check=lambda v: type(v) is str or type(v) is MemberCarryingString,
                          constructor=lambda *a: _new_string(*a),
                          interfaces=("System.IComparable", "System.Collections.IEnumerable",
                                      "System.ICloneable", "System.IConvertible"),
                          pyclass=str), "string")
_BY_PYCLASS[MemberCarryingString] = STRING
DATETIME = _register(PSType("System.DateTime", VALUE_TYPE, converter=conv.convert_to_datetime,
                            check=_check_class(_dt.datetime), value_type=True,
                            constructor=lambda *a: _new_datetime(*a),
                            interfaces=("System.IComparable", "System.IFormattable"),
                            pyclass=_dt.datetime), "datetime")
TIMESPAN = _register(PSType("System.TimeSpan", VALUE_TYPE, converter=conv.convert_to_timespan,
                            check=_check_class(_dt.timedelta), value_type=True,
                            constructor=lambda *a: _new_timespan(*a),
                            interfaces=("System.IComparable",), pyclass=_dt.timedelta), "timespan")

_ENUMERABLE = ("System.Collections.IEnumerable", "System.Collections.ICollection")
_LIST_IFACES = _ENUMERABLE + ("System.Collections.IList",)
_DICT_IFACES = _ENUMERABLE + ("System.Collections.IDictionary",)

HASHTABLE = _register(PSType("System.Collections.Hashtable", OBJECT, converter=conv.convert_to_hashtable,
                             check=lambda v: isinstance(v, Hashtable) and not isinstance(v, OrderedDictionary),
                             constructor=lambda *a: Hashtable(),
                             interfaces=_DICT_IFACES + ("System.ICloneable",), pyclass=Hashtable),
                      "hashtable")
ORDERED = _register(PSType("System.Collections.Specialized.OrderedDictionary", OBJECT,
                           converter=conv.convert_to_ordered, check=_check_class(OrderedDictionary),
                           constructor=lambda *a: OrderedDictionary(),
                           interfaces=_DICT_IFACES + ("System.Collections.Specialized.IOrderedDictionary",),
                           pyclass=OrderedDictionary), "ordered")
ORDERED_HASHTABLE = _register(PSType("System.Management.Automation.OrderedHashtable", HASHTABLE,
                                     check=_check_class(OrderedHashtable), constructor=lambda *a: OrderedHashtable(),
                                     interfaces=_DICT_IFACES + ("System.ICloneable",), pyclass=OrderedHashtable))
ARRAY = _register(PSType("System.Array", OBJECT, converter=conv.convert_to_array,
                         check=lambda v: isinstance(v, (list, tuple)) and not isinstance(
                             v, (GenericList, ArrayList)),
                         interfaces=_LIST_IFACES + ("System.ICloneable",), abstract=True), "array")
ARRAYLIST = _register(PSType("System.Collections.ArrayList", OBJECT,
                             converter=lambda v: ArrayList(conv.convert_to_array(v) or []),
                             check=_check_class(ArrayList), constructor=lambda *a: _new_arraylist(*a),
                             interfaces=_LIST_IFACES + ("System.ICloneable",), pyclass=ArrayList),
                      "arraylist")
PSOBJECT = _register(PSType("System.Management.Automation.PSObject", OBJECT, converter=_identity,
                            check=_check_class(PSCustomObject), constructor=lambda *a: _new_psobject(*a)),
                     "psobject")
PSCUSTOMOBJECT = _register(PSType("System.Management.Automation.PSCustomObject", OBJECT,
                                  converter=conv.convert_to_pscustomobject,
                                  check=_check_class(PSCustomObject), pyclass=PSCustomObject))
# [pscustomobject] names PSObject (as in pwsh) but casts a dictionary to a new custom object.
_BY_NAME["pscustomobject"] = PSType("System.Management.Automation.PSObject", OBJECT,
                                    converter=conv.convert_to_pscustomobject, check=_check_class(PSCustomObject))
SWITCH = _register(PSType("System.Management.Automation.SwitchParameter", VALUE_TYPE,
                          converter=conv.convert_to_switch, check=_check_class(SwitchParameter),
                          value_type=True, constructor=lambda v=False: SwitchParameter(conv.to_bool(v)),
                          pyclass=SwitchParameter), "switch")
VOID = _register(PSType("System.Void", VALUE_TYPE, converter=lambda v: None, check=lambda v: False,
                        value_type=True), "void")
SECURESTRING = _register(PSType("System.Security.SecureString", OBJECT,
                                converter=conv.convert_to_securestring, check=_check_class(SecureString),
                                constructor=lambda: SecureString(), pyclass=SecureString),
                         "securestring")
PSCREDENTIAL = _register(PSType("System.Management.Automation.PSCredential", OBJECT,
                                check=_check_class(PSCredential),
                                constructor=lambda user, password: _new_credential(user, password),
                                pyclass=PSCredential), "pscredential")
NETWORKCREDENTIAL = _register(PSType("System.Net.NetworkCredential", OBJECT, check=_check_class(NetworkCredential),
                                     constructor=lambda *a: _new_network_credential(*a), pyclass=NetworkCredential))
STRINGBUILDER = _register(PSType("System.Text.StringBuilder", OBJECT, check=_check_class(StringBuilder),
                                 constructor=lambda *a: _new_stringbuilder(*a), pyclass=StringBuilder))
REFERENCE = _register(PSType("System.Management.Automation.PSReference", OBJECT,
                             converter=lambda v: v if isinstance(v, PSReference) else PSReference(v),
                             check=_check_class(PSReference), constructor=lambda v: PSReference(v),
                             pyclass=PSReference), "ref")
TYPE = _register(PSType("System.Type", OBJECT, check=_check_class(PSType), abstract=True,
                        converter=lambda v: _convert_to_type(v)), "type")
RUNTIME_TYPE = _register(PSType("System.RuntimeType", TYPE, check=_check_class(PSType), pyclass=PSType))
ENUMERABLE_IFACE = _register(PSType("System.Collections.IEnumerable", None, abstract=True,
                                    check=lambda v: _is_enumerable(v)))
DICTIONARY_IFACE = _register(PSType("System.Collections.IDictionary", None, abstract=True,
                                    check=_check_class(Hashtable, dict)))
LIST_IFACE = _register(PSType("System.Collections.IList", None, abstract=True,
                              check=lambda v: isinstance(v, (list, tuple)) or _declares(v, "system.collections.ilist")))
COLLECTION_IFACE = _register(PSType("System.Collections.ICollection", None, abstract=True,
                                    check=lambda v: isinstance(v, (list, tuple, Hashtable, dict, GenericHashSet,
                                                                   KeyCollection))
                                    or _declares(v, "system.collections.icollection")))

# Interfaces scripts name (``-is [IComparable]``, a class implementing IDisposable):
# a value has one when its type or a base lists it.
for _interface in ("System.IComparable", "System.IDisposable", "System.IFormattable", "System.ICloneable",
                   "System.IConvertible"):
    _register(PSType(_interface, None, abstract=True))


def _declares(value: Any, interface: str) -> bool:
    """Whether an engine collection's own generic type lists the interface
    (``ReadOnlyCollection[T]`` is an IList): only ``ps_enumerable`` classes
    are asked, so ``-is`` on other values stays a plain class test."""
    return getattr(type(value), "ps_enumerable", False) and interface in type_of(value).interfaces


def _is_enumerable(value: Any) -> bool:
    return isinstance(value, (str, Hashtable, dict)) or iter_collection(value) is not None


def _convert_to_type(value: Any) -> PSType:
    if isinstance(value, PSType):
        return value
    if isinstance(value, str):
        return resolve_type_text(value)
    raise conv.cast_error(value, "System.Type")


# --- constructors ------------------------------------------------------------------------------

def _new_string(value: Any, count: Any = None) -> str:
    """``[string]::new('x', 3)`` and ``[string]::new([char[]]...)``."""
    if count is not None:
        return conv.convert_to_char(value) * conv.convert_to_integer(count)
    items = iter_collection(value)
    if items is not None:
        return "".join(conv.convert_to_char(c) for c in items)
    return conv.to_string(value)


def _new_datetime(*args: Any) -> _dt.datetime:
    if len(args) == 1:
        return conv.datetime_from_ticks(conv.convert_to_integer(args[0], "System.Int64"))
    kind = None
    if len(args) == 8 or len(args) == 7 and isinstance(args[-1], EnumValue) and \
            args[-1].enum.full_name == "System.DateTimeKind":
        # The (..., DateTimeKind) overloads: Utc makes a UTC date-time; Local
        # and Unspecified are both plain date-times in pwshlike.
        kind, args = int(resolve_type("System.DateTimeKind").convert(args[-1])), args[:-1]
    if len(args) not in (3, 6, 7):
        raise overload_not_found("new", len(args) + (kind is not None))
    parts = [conv.convert_to_integer(a) for a in args]
    try:
        if len(parts) == 7:
            value = _dt.datetime(*parts[:6], parts[6] * 1000)
        else:
            value = _dt.datetime(*parts)
    except ValueError:
        raise ArgumentOutOfRangeException("Year, Month, and Day parameters describe an un-representable DateTime.") from None
    return value.replace(tzinfo=_dt.timezone.utc) if kind == 1 else value


def _new_timespan(*args: Any) -> _dt.timedelta:
    parts = [conv.convert_to_integer(a, "System.Int64") for a in args]
    if len(parts) == 1:
        return conv.timespan_from_ticks(parts[0])
    if len(parts) == 3:
        return _dt.timedelta(hours=parts[0], minutes=parts[1], seconds=parts[2])
    if len(parts) == 4:
        return _dt.timedelta(days=parts[0], hours=parts[1], minutes=parts[2], seconds=parts[3])
    if len(parts) == 5:
        return _dt.timedelta(days=parts[0], hours=parts[1], minutes=parts[2], seconds=parts[3],
                             milliseconds=parts[4])
    raise overload_not_found("new", len(args))


def _new_guid(value: Any = None) -> uuid.UUID:
    import uuid
    if value is None:
        return uuid.UUID(int=0)
    return conv.convert_to_guid(value)


def _new_arraylist(capacity_or_items: Any = None) -> ArrayList:
    items = iter_collection(capacity_or_items)
    return ArrayList(items) if items is not None else ArrayList()


def _new_psobject(value: Any = None) -> Any:
    return PSCustomObject() if value is None else value


def _new_credential(user: Any, password: Any) -> PSCredential:
    if not isinstance(password, SecureString):
        raise conv.cast_error(password, "System.Security.SecureString")
    return PSCredential(conv.to_string(user), password)


def _new_network_credential(user: Any = "", password: Any = None, domain: Any = "") -> NetworkCredential:
    """.NET's constructors: (), (user, password) and (user, password,
    domain), the password a string or a SecureString."""
    secure = password.Copy() if isinstance(password, SecureString) else \
        SecureString("" if password is None else conv.to_string(password))
    return NetworkCredential(conv.to_string(user), secure, conv.to_string(domain))


def _new_stringbuilder(value: Any = None, capacity: Any = None) -> StringBuilder:
    if isinstance(value, int) and not isinstance(value, bool) and capacity is None:
        return StringBuilder("", int(value))
    return StringBuilder(conv.to_string(value))


# --- regex, uri, version ----------------------------------------------------------------------

def _regex_type() -> PSType:
    """``[regex]``, and the Group and Match its matches are (a method may
    declare a parameter of those types)."""
    from .netregex import Regex, RegexGroup, RegexMatch
    group = _register(PSType("System.Text.RegularExpressions.Group", OBJECT, check=_check_class(RegexGroup),
                             pyclass=RegexGroup))
    _register(PSType("System.Text.RegularExpressions.Match", group, check=_check_class(RegexMatch),
                     pyclass=RegexMatch))

    def construct(pattern: Any, options: Any = 0, timeout: Any = None) -> Regex:
        return Regex(conv.to_string(pattern), int(_enum_value(options, "System.Text.RegularExpressions.RegexOptions")),
                     conv.convert_to_timespan(timeout) if timeout is not None else None)

    return _register(PSType("System.Text.RegularExpressions.Regex", OBJECT, check=_check_class(Regex),
                            constructor=construct, pyclass=Regex), "regex")


def _enum_value(value: Any, enum_name: str) -> EnumValue:
    return resolve_type(enum_name).convert(value)


# --- enums ---------------------------------------------------------------------------------------

def enum_type(info: EnumInfo) -> PSType:
    """The PSType for an enum definition (registered on first use)."""
    existing = _BY_NAME.get(info.full_name.lower())
    if existing is not None and existing.enum is info:
        return existing
    t = PSType(info.full_name, ENUM_BASE, converter=lambda v: conv.convert_to_enum(v, info),
               check=lambda v: isinstance(v, EnumValue) and v.enum is info, value_type=True)
    t.enum = info
    return _register(t)


# --- arrays and generics -----------------------------------------------------------------------

def array_type(element: PSType) -> PSType:
    """``T[]``."""
    t = _ARRAY_TYPES.get(id(element))
    if t is not None:
        return t
    def construct(length: Any) -> list:
        """``[T[]]::new(n)``: n default values (0 for numbers, $null for objects)."""
        count = conv.convert_to_integer(length)
        if count < 0:
            raise OverflowException()
        default = element.new([]) if element.is_value_type else None
        return [default] * count if element is OBJECT else TypedArray([default] * count, element)

    if element is OBJECT:
        t = PSType("System.Object[]", ARRAY, converter=lambda v: conv.convert_to_array(v),
                   check=lambda v: type(v) is list or type(v) is tuple or (
                       isinstance(v, TypedArray) and v.element_type is OBJECT),
                   constructor=construct, interfaces=_LIST_IFACES)
    else:
        t = PSType(element.full_name + "[]", ARRAY, converter=lambda v: conv.convert_to_array(v, element),
                   check=lambda v: isinstance(v, TypedArray) and v.element_type is element,
                   constructor=construct, interfaces=_LIST_IFACES)
    t.element_type = element
    _ARRAY_TYPES[id(element)] = t
    _BY_NAME[t.full_name.lower()] = t
    return t


def generic_type(definition: str, args: Sequence[PSType]) -> PSType:
    """``List[T]``, ``Dictionary[K,V]``, ``HashSet[T]`` and friends."""
    key = (definition, tuple(id(a) for a in args))
    t = _GENERIC_TYPES.get(key)
    if t is not None:
        return t
    arg_names = ",".join(a.full_name for a in args)
    full = f"{definition}[{arg_names}]"
    if definition == "System.Collections.Generic.List`1":
        element = args[0]
        t = PSType(full, OBJECT, converter=lambda v: _convert_generic_list(v, element),
                   check=lambda v: isinstance(v, GenericList) and v.element_type is element,
                   constructor=lambda items=None: _new_generic_list(items, element),
                   interfaces=_LIST_IFACES)
    elif definition == "System.Collections.Generic.HashSet`1":
        element = args[0]
        t = PSType(full, OBJECT, converter=lambda v: _convert_hashset(v, element),
                   check=lambda v: isinstance(v, GenericHashSet) and v.element_type is element,
                   constructor=lambda *a: _new_hashset(element, *a), interfaces=_ENUMERABLE)
    elif definition == "System.Collections.Generic.Dictionary`2":
        key_type, value_type = args
        t = PSType(full, OBJECT,
                   converter=lambda v: _convert_dictionary(v, key_type, value_type),
                   check=lambda v: isinstance(v, GenericDictionary) and v.key_type is key_type
                   and v.value_type is value_type,
                   constructor=lambda *a: _new_dictionary(key_type, value_type, *a), interfaces=_DICT_IFACES)
    else:
        raise type_not_found(full)
    t.generic_definition = definition
    t.generic_arguments = tuple(args)
    t.name = definition.rsplit(".", 1)[-1]
    _GENERIC_TYPES[key] = t
    return t


def _convert_generic_list(value: Any, element: PSType) -> GenericList:
    if isinstance(value, GenericList) and value.element_type is element:
        return value
    return conv.convert_to_generic_list(value, element)


def _new_generic_list(items: Any, element: PSType) -> GenericList:
    if items is None or (isinstance(items, int) and not isinstance(items, bool)):
        return GenericList((), element)
    return conv.convert_to_generic_list(items, element)


def _convert_hashset(value: Any, element: PSType) -> GenericHashSet:
    if isinstance(value, GenericHashSet) and value.element_type is element:
        return value
    return conv.convert_to_hashset(value, element)


def _new_hashset(element: PSType, items: Any = None, comparer: Any = None) -> GenericHashSet:
    """The constructors: (), (capacity), (comparer), (items) and (items, comparer)."""
    if isinstance(items, StringComparer):
        items, comparer = None, items
    if items is None or isinstance(items, int) and not isinstance(items, bool):
        return GenericHashSet((), element, comparer if isinstance(comparer, StringComparer) else None)
    result = conv.convert_to_hashset(items, element)
    if isinstance(comparer, StringComparer):
        result = GenericHashSet(list(result), element, comparer)
    return result


def _new_dictionary(key_type: PSType, value_type: PSType, *args: Any) -> GenericDictionary:
    """The constructors: (), (capacity), (comparer), (dictionary) and
    (dictionary or capacity, comparer); a comparer that ignores case gives
    a dictionary whose keys match in any case."""
    comparer = next((a for a in args if isinstance(a, StringComparer)), None)
    source = next((a for a in args if isinstance(a, (dict, Hashtable))), None)
    result = KeyFoldingDictionary(key_type, value_type, comparer) if comparer is not None and comparer.ignore_case \
        else GenericDictionary(key_type, value_type)
    if source is not None:
        for key, value in source.items():
            result[key_type.convert(key)] = value_type.convert(value)
    return result


def _convert_dictionary(value: Any, key_type: PSType, value_type: PSType) -> GenericDictionary:
    if isinstance(value, GenericDictionary) and value.key_type is key_type and value.value_type is value_type:
        return value
    return conv.convert_to_dictionary(value, key_type, value_type)


_GENERIC_DEFINITIONS = {
    "list": "System.Collections.Generic.List`1",
    "hashset": "System.Collections.Generic.HashSet`1",
    "dictionary": "System.Collections.Generic.Dictionary`2",
}


def _generic_definition(name: str) -> Optional[str]:
    lowered = name.lower()
    for prefix in ("system.collections.generic.", "collections.generic.", "generic.", ""):
        if lowered.startswith(prefix):
            short = lowered[len(prefix):].split("`", 1)[0]
            if short in _GENERIC_DEFINITIONS and (prefix or "." not in short):
                return _GENERIC_DEFINITIONS[short]
    return None


# --- lazily registered families ------------------------------------------------------------------

_LAZY_LOADED = False
_LAZY_LOADING = False
_LAZY_LOCK = _thread.RLock()  # what threading.RLock() gives, without importing threading at start-up
# Families a higher layer adds (the runtime's parser API): registered with the rest.
_LAZY_FAMILIES: list[Callable[[], None]] = []


def register_lazy_family(register: Callable[[], None]) -> None:
    """Lets a higher layer have its types registered on the first lookup
    that misses, like the built-in lazy families, instead of at start-up."""
    if _LAZY_LOADED:
        register()
    else:
        _LAZY_FAMILIES.append(register)


def ensure_lazy_types() -> None:
    """Registers the lazy families now (for code handing out objects of
    those types before any type lookup has missed)."""
    _load_lazy_types()


def _load_lazy_types() -> None:
    """Registers the types whose definitions import more modules (regex,
    enums, attributes, exceptions, utility classes) on first lookup.

    Another thread (ForEach-Object -Parallel) waits until the registration
    is complete; a lookup made by the registration itself returns at once."""
    global _LAZY_LOADED, _LAZY_LOADING
    if _LAZY_LOADED:
        return
    with _LAZY_LOCK:
        if _LAZY_LOADED or _LAZY_LOADING:
            return
        _LAZY_LOADING = True
        try:
            _regex_type()
            _guid_type()
            _TABLE_CONTENT.extra_types(_register, enum_type)
            for family in _LAZY_FAMILIES:
                family()
        finally:
            _LAZY_LOADING = False
        _LAZY_LOADED = True


def _guid_type() -> None:
    """``[guid]`` (``uuid.UUID``) joins the lazy types: importing uuid (and
    the platform module it imports) cost every plain script's start-up
    several milliseconds.  A UUID can only exist once uuid is imported, and
    its first ``GetType()`` misses and loads the lazy types, as ``[guid]``
    does (``conversions.is_guid`` tests values without importing it)."""
    import uuid
    _register(PSType("System.Guid", VALUE_TYPE, converter=conv.convert_to_guid,
                     check=_check_class(uuid.UUID), value_type=True,
                     constructor=lambda *a: _new_guid(*a),
                     interfaces=("System.IComparable", "System.IFormattable"),
                     pyclass=uuid.UUID), "guid")


# Generic families a module above this one defines (delegates.py: Action`n,
# Func`n), by short lower-case name; registered with the lazy types.
_GENERIC_FAMILIES: dict[str, Callable[[Sequence[PSType]], PSType]] = {}


def register_generic_family(short_name: str, build: Callable[[Sequence[PSType]], PSType]) -> None:
    """``[Name[T1,T2]]`` (and ``MakeGenericType`` on ``Name`n``) builds its
    type with ``build([T1, T2])``, which raises TypeNotFound for an arity
    the family does not have."""
    _GENERIC_FAMILIES[short_name.lower()] = build


def _generic_family(name: str) -> Optional[Callable[[Sequence[PSType]], PSType]]:
    _load_lazy_types()
    short = name.strip().lower().split("`", 1)[0]
    return _GENERIC_FAMILIES.get(short[7:] if short.startswith("system.") else short)


class Assembly:
    """What ``[T].Assembly`` gives: one assembly standing for every type
    the engine knows, so ``GetType('System.Action`1')`` finds open generic
    definitions and other types by full name ($null when unknown)."""

    __slots__ = ()
    full_name = "System.Reflection.RuntimeAssembly"
    PS_MEMBERS = {"GetType": "get_type", "FullName": "name", "ToString": "__str__"}

    @property
    def name(self) -> str:
        return "System.Private.CoreLib, Version=8.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e"

    def get_type(self, name: Any, throw_on_error: Any = False, ignore_case: Any = False) -> Optional[PSType]:
        found = find_type(conv.to_string(name))
        if found is None and conv.to_bool(throw_on_error):
            raise type_not_found(conv.to_string(name))
        return found

    def __str__(self) -> str:
        return self.name


ASSEMBLY = Assembly()


def type_not_found(name: str) -> RuntimeException:
    return RuntimeException(f"Unable to find type [{name}].", error_id="TypeNotFound",
                            category=ErrorCategory.InvalidOperation, target_object=name)


def _lookup_name(name: str) -> Optional[PSType]:
    key = name.strip().lower()
    t = _BY_NAME.get(key)
    if t is not None:
        return t
    _load_lazy_types()
    t = _BY_NAME.get(key)
    if t is not None:
        return t
    if not key.startswith("system."):
        t = _BY_NAME.get("system." + key)
        if t is not None:
            return t
    exc_cls = exception_type(key)
    if exc_cls is not None:
        return exception_pstype(exc_cls)
    if key.endswith("attribute"):
        return _BY_NAME.get(key[:-9])
    return None


def exception_pstype(cls: type) -> PSType:
    """The PSType of a DotNetException class (registered on first use)."""
    t = _BY_PYCLASS.get(cls)
    if t is not None:
        return t
    base_cls = cls.__mro__[1]
    base = exception_pstype(base_cls) if issubclass(base_cls, DotNetException) else OBJECT

    def construct(message: Any = None, inner: Any = None) -> DotNetException:
        msg = None if message is None else conv.to_string(message)
        if inner is not None and not isinstance(inner, BaseException):
            if issubclass(cls, ArgumentException):
                return cls(msg, None, param_name=conv.to_string(inner))  # type: ignore[call-arg]
            raise conv.cast_error(inner, "System.Exception")
        return cls(msg, inner)

    t = PSType(cls.full_name, base, check=_check_class(cls), constructor=construct,  # type: ignore[attr-defined]
               interfaces=("System.Runtime.Serialization.ISerializable",), pyclass=cls)
    return _register(t)


def _split_generic_args(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return [p[1:-1] if p.startswith("[") and p.endswith("]") else p for p in parts]


def resolve_type(name: Any) -> PSType:
    """A type from a name as written in a type literal (case-insensitive):
    accelerators (``int``), full names (``System.Int32``), names without
    ``System.``, ``List[string]``, ``Dictionary[string,int]``, ``int[]``.
    Accepts a language ``TypeName``.  Unknown: RuntimeException
    ``Unable to find type [X].`` (TypeNotFound)."""
    if isinstance(name, PSType):
        return name
    if not isinstance(name, str):
        return _resolve_type_name(name)
    text = name.strip()
    if text.startswith("[") and text.endswith("]") and not text.endswith("[]"):
        text = text[1:-1].strip()
    t = _lookup_name(text)
    if t is not None:
        return t
    if text.endswith("]"):
        open_at = _matching_open(text)
        if open_at > 0:
            inner = text[open_at + 1:-1]
            base = text[:open_at]
            if inner.strip(", ") == "":
                return array_type(resolve_type(base))
            definition = _generic_definition(base)
            if definition is not None:
                args = [resolve_type(a) for a in _split_generic_args(inner)]
                expected = 2 if definition.endswith("`2") else 1
                if len(args) == expected:
                    return generic_type(definition, args)
            family = _generic_family(base)
            if family is not None:
                return family([resolve_type(a) for a in _split_generic_args(inner)])
    raise type_not_found(text)


def _resolve_text_default(name: str) -> PSType:
    return resolve_type(name)


_text_resolver: Callable[[str], PSType] = _resolve_text_default


def resolve_type_text(name: str) -> PSType:
    """A type named by text at run time (``[type]'Foo'``, ``'Foo' -as
    [type]``, ``-is 'Foo'``): pwsh resolves it with the running scope's
    TypeResolutionState, which the runtime knows (it installs the lookup
    with ``register_text_resolver``); ``resolve_type`` until it does."""
    return _text_resolver(name)


def register_text_resolver(resolver: Callable[[str], PSType]) -> None:
    """Installs how run-time type names are looked up (the runtime's scopes)."""
    global _text_resolver
    _text_resolver = resolver


def _matching_open(text: str) -> int:
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == "]":
            depth += 1
        elif text[i] == "[":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _resolve_type_name(type_name: Any) -> PSType:
    """Resolves an ``ast.TypeName``."""
    if type_name.array_rank:
        return array_type(_resolve_type_name(type_name.element_type))
    if type_name.generic_arguments:
        definition = _generic_definition(type_name.name)
        if definition is None:
            family = _generic_family(type_name.name)
            if family is None:
                raise type_not_found(type_name.full_name)
            return family([_resolve_type_name(a) for a in type_name.generic_arguments])
        return generic_type(definition, [_resolve_type_name(a) for a in type_name.generic_arguments])
    return resolve_type(type_name.name)


def find_type(name: Any) -> Optional[PSType]:
    """Like ``resolve_type`` but None when the type does not exist."""
    try:
        return resolve_type(name)
    except RuntimeException:
        return None


class PSTypeName:
    """``[System.Management.Automation.PSTypeName]'Name'``: a type name that
    scripts test with ``.Type`` ($null when no such type exists, no error)."""

    __slots__ = ("Name", "_type")
    full_name = "System.Management.Automation.PSTypeName"
    PS_MEMBERS = {"Name": "Name", "Type": "type", "TypeDefinitionAst": "type_definition_ast", "ToString": "__str__"}

    def __init__(self, name: Any) -> None:
        if isinstance(name, PSType):
            self.Name, self._type = name.full_name, name
        else:
            self.Name, self._type = conv.to_string(name), None

    @property
    def type(self) -> Optional[PSType]:
        return self._type if self._type is not None else find_type(self.Name)

    @property
    def type_definition_ast(self) -> None:
        return None

    def __str__(self) -> str:
        return self.Name


_register(PSType(PSTypeName.full_name, OBJECT, check=lambda v: isinstance(v, PSTypeName), constructor=PSTypeName,
                 converter=lambda v: v if v is None or isinstance(v, PSTypeName) else PSTypeName(v),
                 pyclass=PSTypeName))


# --- type_of ------------------------------------------------------------------------------------

def type_of(value: Any) -> PSType:
    """``$value.GetType()``."""
    cls = type(value)
    if cls is int:
        return INT32 if INT32_MIN <= value <= INT32_MAX else INT64
    t = _BY_PYCLASS.get(cls)
    if t is not None:
        return t
    instance_type = _INSTANCE_TYPES.get(cls)
    if instance_type is not None:
        return instance_type(value)
    if cls is list or cls is tuple:
        return array_type(OBJECT)
    if isinstance(value, EnumValue):
        return enum_type(value.enum)
    if isinstance(value, TypedArray):
        return array_type(value.element_type or OBJECT)
    if isinstance(value, GenericList):
        return generic_type("System.Collections.Generic.List`1", [value.element_type or OBJECT])
    if isinstance(value, GenericHashSet):
        return generic_type("System.Collections.Generic.HashSet`1", [value.element_type or OBJECT])
    if isinstance(value, GenericDictionary):
        return generic_type("System.Collections.Generic.Dictionary`2",
                            [value.key_type or OBJECT, value.value_type or OBJECT])
    if isinstance(value, DotNetException):
        return exception_pstype(cls)
    _load_lazy_types()
    t = _BY_PYCLASS.get(cls)
    if t is not None:
        return t
    for klass in cls.__mro__[1:]:
        instance_type = _INSTANCE_TYPES.get(klass)
        if instance_type is not None:  # a per-arity Tuple class
            return instance_type(value)
        t = _BY_PYCLASS.get(klass)
        if t is not None and klass is not object:
            return t
    return _synthesized_type(cls)


# Classes whose instances each name their own type (a delegate's type is
# the delegate type it was converted to): class -> the type of an instance.
_INSTANCE_TYPES: dict[type, Callable[[Any], PSType]] = {}


def register_instance_types(cls: type, type_of_instance: Callable[[Any], PSType]) -> None:
    """``GetType()`` of a ``cls`` instance is ``type_of_instance(value)``."""
    _INSTANCE_TYPES[cls] = type_of_instance


def _synthesized_type(cls: type) -> PSType:
    """A PSType for a Python class with no registered type: named by its
    ``full_name`` attribute when it has one (engine classes do)."""
    full_name = getattr(cls, "full_name", None)
    if not isinstance(full_name, str):
        full_name = "System.Object" if cls is object else f"Python.{cls.__module__}.{cls.__qualname__}"
    t = PSType(full_name, OBJECT, check=_check_class(cls), pyclass=cls)
    _BY_PYCLASS[cls] = t
    return t


class _TableContent:
    """Where the type table's content comes from: ``statics.py`` (the
    static members of the built-in types) and ``typetable.py`` (the type
    families registered on first lookup).  Both import this module, so the
    package installs them (``pwshlike/dotnet/__init__.py``) rather than this
    module importing them."""

    static_members: Callable[[PSType], StaticTable]
    extra_types: Callable[[Callable[..., PSType], Callable[..., PSType]], None]


_TABLE_CONTENT = _TableContent()


def install_table_content(static_members: Callable[[PSType], StaticTable],
                          extra_types: Callable[[Callable[..., PSType], Callable[..., PSType]], None]) -> None:
    """Installs the builder of a built-in type's static members (called on
    a type's first ``::`` access) and the registration of the lazily loaded
    type families (called with ``_register`` and ``enum_type`` on the
    first lookup that misses)."""
    _TABLE_CONTENT.static_members = static_members
    _TABLE_CONTENT.extra_types = extra_types


# Static member tables of types a higher layer defines (the runtime's
# ``[scriptblock]::Create``), built on first use: see register_static_members.
_STATIC_BUILDERS: dict[str, Callable[[], dict[str, tuple[str, Any, bool]]]] = {}


def register_static_members(full_name: str, builder: Callable[[], dict[str, tuple[str, Any, bool]]]) -> None:
    """Gives a type registered from a higher layer its static members: the
    object model never imports the runtime, so the runtime hands them in."""
    _STATIC_BUILDERS[full_name] = builder


def register_type(t: PSType) -> PSType:
    """Makes a type a higher module built known by its name, replacing an
    earlier type of that name (a script class defined again)."""
    return _register(t)


def register_class(pyclass: type, full_name: str, *accelerators: str,
                   converter: Optional[Callable[[Any], Any]] = None,
                   constructor: Optional[Callable[..., Any]] = None) -> PSType:
    """Lets higher layers and other engine modules (ScriptBlock, CommandInfo,
    FileInfo...) register the .NET type their Python class stands for."""
    t = PSType(full_name, OBJECT, converter=converter, check=_check_class(pyclass),
               constructor=constructor, pyclass=pyclass)
    _BY_PYCLASS[pyclass] = t
    return _register(t, *accelerators)
