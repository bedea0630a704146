"""Runtime value classes for the PowerShell values Python has no type for.

Python's own types stand in wherever PowerShell's and Python's agree
(``None``, ``bool``, ``int`` for Int32, ``float`` for Double, ``str``,
``list`` for ``object[]``, ``datetime``/``timedelta``/``UUID``).  The
classes here mark the distinctions PowerShell makes that Python does not:
integer widths, ``[single]``, ``[char]``, typed arrays and generic
collections, case-insensitive hashtables, custom objects, secure strings.

They are deliberately behaviour-light containers: conversions live in
``conversions.py``, operators in ``operators.py`` and .NET members in
``members.py``, so that this module imports nothing else of the object model
and every other module can import it.  Classes whose behaviour raises .NET
exceptions or needs conversions sit above ``errors``: secure strings and
credentials in ``credentials.py``, computed members and PSNoteProperty in
``psmembers.py``, the Regex wrapper in ``netregex.py``.
"""

from __future__ import annotations

import _datetime as _dt  # datetime's classes, without running the pure-Python twin datetime.py defines first
from collections.abc import KeysView, MutableMapping, ValuesView
from functools import lru_cache
from reprlib import recursive_repr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable, Iterator, Optional

# --- integers ------------------------------------------------------------------

INT32_MIN = -2147483648
INT32_MAX = 2147483647
INT64_MIN = -9223372036854775808
INT64_MAX = 9223372036854775807


class _IntegerBase(int):
    """An ``int`` that remembers which .NET integer type it is."""

    __slots__ = ()
    full_name = ""
    min_value = 0
    max_value = 0

    def __repr__(self) -> str:
        return f"{type(self).__name__}({int(self)})"


class Int64(_IntegerBase):
    __slots__ = ()
    full_name = "System.Int64"
    min_value = INT64_MIN
    max_value = INT64_MAX


class Byte(_IntegerBase):
    __slots__ = ()
    full_name = "System.Byte"
    min_value = 0
    max_value = 255


class SByte(_IntegerBase):
    __slots__ = ()
    full_name = "System.SByte"
    min_value = -128
    max_value = 127


class Int16(_IntegerBase):
    __slots__ = ()
    full_name = "System.Int16"
    min_value = -32768
    max_value = 32767


class UInt16(_IntegerBase):
    __slots__ = ()
    full_name = "System.UInt16"
    min_value = 0
    max_value = 65535


class UInt32(_IntegerBase):
    __slots__ = ()
    full_name = "System.UInt32"
    min_value = 0
    max_value = 4294967295


class UInt64(_IntegerBase):
    __slots__ = ()
    full_name = "System.UInt64"
    min_value = 0
    max_value = 18446744073709551615


class BigInt(_IntegerBase):
    """``System.Numerics.BigInteger``: unbounded."""

    __slots__ = ()
    full_name = "System.Numerics.BigInteger"
    min_value = None  # type: ignore[assignment]
    max_value = None  # type: ignore[assignment]


INTEGER_CLASSES: tuple[type, ...] = (Int64, Byte, SByte, Int16, UInt16, UInt32, UInt64, BigInt)


def integer_full_name(value: int) -> str:
    """The .NET type name of an integer value (plain ints by range)."""
    cls = type(value)
    if cls is int:
        return "System.Int32" if INT32_MIN <= value <= INT32_MAX else "System.Int64"
    return cls.full_name  # type: ignore[attr-defined]


def make_int(value: int) -> int:
    """The natural PowerShell integer for ``value``: Int32 if it fits, else
    Int64, else BigInteger (as pwsh's number parser chooses)."""
    if INT32_MIN <= value <= INT32_MAX:
        return value
    if INT64_MIN <= value <= INT64_MAX:
        return Int64(value)
    return BigInt(value)


class Single(float):
    """``[single]`` / ``[float]``: a float rounded to 32-bit precision."""

    __slots__ = ()
    full_name = "System.Single"

    def __new__(cls, value: Any = 0.0) -> "Single":
        import struct
        try:
            packed = struct.unpack("f", struct.pack("f", float(value)))[0]
        except OverflowError:
            packed = float("inf") if float(value) > 0 else float("-inf")
        return float.__new__(cls, packed)

    def __repr__(self) -> str:
        return f"Single({float(self)!r})"


class Char(str):
    """``[char]``: a one-character string that PowerShell treats as a number
    in arithmetic and as a distinct type in ``-is`` and ``GetType()``."""

    __slots__ = ()
    full_name = "System.Char"

    def __repr__(self) -> str:
        return f"Char({str(self)!r})"


# --- enums ---------------------------------------------------------------------

class EnumInfo:
    """The definition of a .NET enum type: names to values, and whether it is
    a ``[Flags]`` enum (values combine and print as ``A, B``).  ``underlying``
    names the integral type ``[enum]::GetUnderlyingType`` reports (script
    enums may choose one: ``enum Small : byte {...}``)."""

    __slots__ = ("name", "full_name", "members", "flags", "underlying", "_by_lower", "_by_value", "_values")

    def __init__(self, full_name: str, members: Iterable[tuple[str, int]], flags: bool = False,
                 underlying: str = "System.Int32") -> None:
        self.full_name = full_name
        self.underlying = underlying
        self.name = full_name.rsplit(".", 1)[-1]
        self.members: dict[str, int] = dict(members)
        self.flags = flags
        self._by_lower = {k.lower(): k for k in self.members}
        self._by_value: dict[int, str] = {}
        for k, v in self.members.items():
            self._by_value.setdefault(v, k)
        self._values: dict[int, EnumValue] = {}

    def value(self, number: int) -> "EnumValue":
        """The (cached) enum value for a number."""
        v = self._values.get(number)
        if v is None:
            v = EnumValue(number, self)
            if len(self._values) < 256:
                self._values[number] = v
        return v

    def lookup(self, name: str) -> Optional["EnumValue"]:
        """Case-insensitive lookup of a member name."""
        real = self._by_lower.get(name.strip().lower())
        return None if real is None else self.value(self.members[real])

    def __getitem__(self, name: str) -> "EnumValue":
        return self.value(self.members[name])

    def name_of(self, number: int) -> str:
        """How .NET's ``Enum.ToString()`` prints a value."""
        name = self._by_value.get(number)
        if name is not None:
            return name
        if self.flags and number > 0:
            parts = []
            rest = number
            for k, v in sorted(self.members.items(), key=lambda kv: -kv[1]):
                if v and (rest & v) == v:
                    parts.append(k)
                    rest &= ~v
            if rest == 0:
                return ", ".join(reversed(parts))
        return str(number)

    def __repr__(self) -> str:
        return f"EnumInfo({self.full_name!r})"


class EnumValue(int):
    """A value of a .NET enum: an int that prints as its member name.  (int
    subclasses cannot have slots, so ``enum`` lives in the instance dict.)"""

    def __new__(cls, number: int, enum: EnumInfo) -> "EnumValue":
        self = int.__new__(cls, number)
        self.enum = enum
        return self

    def __str__(self) -> str:
        return self.enum.name_of(int(self))

    def __repr__(self) -> str:
        return f"[{self.enum.full_name}]::{self}"

    def __reduce__(self) -> Any:
        return (EnumValue, (int(self), self.enum))


class MemberCarryingString(str):
    """A string that can carry instance members.  pwsh stores the members
    Add-Member adds to a string on the PSObject wrapping it, and only
    ``-PassThru`` hands that wrapper back; Python strings are shared and
    cannot be referenced weakly, so Add-Member makes one of these (a fresh,
    equal string) instead and passes it on."""

    full_name = "System.String"


class MemberCarryingDateTime(_dt.datetime):
    """A date-time that can carry instance members, made by Add-Member as
    :class:`MemberCarryingString` is (``datetime`` objects cannot be
    referenced weakly); it is still a System.DateTime."""

    @classmethod
    def of(cls, value: _dt.datetime) -> "MemberCarryingDateTime":
        return cls(value.year, value.month, value.day, value.hour, value.minute, value.second,
                   value.microsecond, value.tzinfo, fold=value.fold)


# --- collections ---------------------------------------------------------------

class TypedArray(list):
    """A typed .NET array such as ``int[]`` or ``byte[]``: a fixed-size list
    whose elements have been converted to ``element_type`` (a PSType)."""

    __slots__ = ("element_type",)

    def __init__(self, items: Iterable[Any] = (), element_type: Any = None) -> None:
        super().__init__(items)
        self.element_type = element_type


class PlainObject:
    """``[object]::new()``: an instance of System.Object itself, with no
    members but GetType/ToString/Equals/GetHashCode."""

    __slots__ = ("__weakref__",)

    def __str__(self) -> str:
        return "System.Object"


class GenericList(list):
    """``System.Collections.Generic.List[T]``; ``element_type`` is a PSType."""

    __slots__ = ("element_type",)

    def __init__(self, items: Iterable[Any] = (), element_type: Any = None) -> None:
        super().__init__(items)
        self.element_type = element_type


class ArrayList(list):
    """``System.Collections.ArrayList``: a growable ``object`` list."""

    __slots__ = ()


def _norm_key(key: Any) -> Any:
    """Hash key for a case-insensitive .NET dictionary.  Strings fold case;
    booleans are kept apart from the integers Python considers equal."""
    if type(key) is str:
        return key.lower()
    if isinstance(key, str):
        return str.lower(key)
    if key is True or key is False:
        return (_BOOL_TAG, key)
    if getattr(type(key), "__hash__", None) is None:
        # .NET compares arrays and other reference keys by identity.
        return (_IDENTITY_TAG, id(key))
    return key


_BOOL_TAG = object()
_IDENTITY_TAG = object()


class Hashtable(MutableMapping):
    """``System.Collections.Hashtable`` as PowerShell creates it: string keys
    compare case-insensitively; the first spelling of a key is kept.  Keys
    keep insertion order so output is predictable."""

    __slots__ = ("_keys", "_vals", "__weakref__")
    full_name = "System.Collections.Hashtable"
    # How a key is compared: case-insensitively here; OrderedHashtable
    # compares ordinally and changes nothing else.
    _key_of = staticmethod(_norm_key)

    def __init__(self, items: Any = None) -> None:
        self._keys: dict[Any, Any] = {}
        self._vals: dict[Any, Any] = {}
        if items is not None:
            pairs = items.items() if hasattr(items, "items") else items
            for k, v in pairs:
                self[k] = v

    def __getitem__(self, key: Any) -> Any:
        return self._vals[self._key_of(key)]

    def get(self, key: Any, default: Any = None) -> Any:
        try:
            return self._vals.get(self._key_of(key), default)
        except TypeError:
            return default

    def __setitem__(self, key: Any, value: Any) -> None:
        n = self._key_of(key)
        if n not in self._keys:
            self._keys[n] = key
        self._vals[n] = value

    def add(self, key: Any, value: Any) -> bool:
        """Adds a new key; returns False (and changes nothing) if it exists."""
        n = self._key_of(key)
        if n in self._keys:
            return False
        self._keys[n] = key
        self._vals[n] = value
        return True

    def original_key(self, key: Any) -> Any:
        """The key as first stored (its original spelling)."""
        return self._keys[self._key_of(key)]

    def __delitem__(self, key: Any) -> None:
        n = self._key_of(key)
        del self._vals[n]
        del self._keys[n]

    def __contains__(self, key: Any) -> bool:
        try:
            return self._key_of(key) in self._keys
        except TypeError:
            return False

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self._keys.values()))

    def __len__(self) -> int:
        return len(self._keys)

    def items(self) -> list[tuple[Any, Any]]:  # type: ignore[override]
        vals = self._vals
        return [(k, vals[n]) for n, k in self._keys.items()]

    def clear(self) -> None:
        self._keys.clear()
        self._vals.clear()

    def copy(self) -> "Hashtable":
        new = type(self).__new__(type(self))
        new._keys = dict(self._keys)
        new._vals = dict(self._vals)
        return new

    def key_at(self, index: int) -> Any:
        """The key at an insertion position (OrderedDictionary indexing)."""
        return list(self._keys.values())[index]

    def __eq__(self, other: object) -> bool:
        return self is other

    __hash__ = object.__hash__

    @recursive_repr()
    def __repr__(self) -> str:
        inner = ", ".join(f"{k!r}: {v!r}" for k, v in self.items())
        return f"{type(self).__name__}({{{inner}}})"


class OrderedDictionary(Hashtable):
    """``System.Collections.Specialized.OrderedDictionary`` (``[ordered]``):
    like Hashtable, and an integer index selects by position."""

    __slots__ = ()
    full_name = "System.Collections.Specialized.OrderedDictionary"


def _ordinal_key(key: Any) -> Any:
    """Hash key for a case-sensitive .NET dictionary: like ``_norm_key`` but
    strings compare ordinally."""
    if key is True or key is False:
        return (_BOOL_TAG, key)
    if getattr(type(key), "__hash__", None) is None:
        return (_IDENTITY_TAG, id(key))
    return key


def hashtable_of_normalized(keys: dict[Any, Any], vals: dict[Any, Any]) -> Hashtable:
    """A Hashtable over ``keys`` (normalised key -> key as written) and
    ``vals`` (normalised key -> value), both taken as they are: for a
    caller whose keys are known distinct and normalised (a function call's
    bound parameter names), without passing each through __setitem__ on a
    hot path."""
    table = Hashtable.__new__(Hashtable)
    table._keys = keys
    table._vals = vals
    return table


class OrderedHashtable(Hashtable):
    """``System.Management.Automation.OrderedHashtable``, what ``ConvertFrom-Json
    -AsHashtable`` returns: a Hashtable (so ``-is [hashtable]`` holds) that keeps
    insertion order and, being backed by an OrderedDictionary with the default
    comparer, tells keys apart by case (JSON ``{"a":1,"A":2}`` keeps both)."""

    __slots__ = ()
    full_name = "System.Management.Automation.OrderedHashtable"

    _key_of = staticmethod(_ordinal_key)


class GenericDictionary(dict):
    """``System.Collections.Generic.Dictionary[K,V]``: case-sensitive keys as
    in .NET's default comparer; ``key_type``/``value_type`` are PSTypes."""

    __slots__ = ("key_type", "value_type")

    def __init__(self, key_type: Any = None, value_type: Any = None) -> None:
        super().__init__()
        self.key_type = key_type
        self.value_type = value_type

    def __eq__(self, other: object) -> bool:
        return self is other

    __hash__ = object.__hash__


class StringComparer:
    """``[StringComparer]::OrdinalIgnoreCase`` and its siblings: whether
    strings compare ignoring case (what a HashSet[string] built with one
    uses); the culture-aware ones compare as the ordinal ones here."""

    __slots__ = ("full_name", "ignore_case")
    PS_MEMBERS = {"Equals": "equals", "Compare": "compare", "GetHashCode": "get_hash_code", "ToString": "__str__"}

    def __init__(self, full_name: str, ignore_case: bool) -> None:
        self.full_name = full_name
        self.ignore_case = ignore_case

    def key(self, value: Any) -> Any:
        return value.lower() if self.ignore_case and isinstance(value, str) else value

    def equals(self, a: Any, b: Any = None) -> bool:
        return self.key(a) == self.key(b)

    def compare(self, a: Any, b: Any) -> int:
        if a is None or b is None:
            return (a is not None) - (b is not None)
        x, y = self.key(a), self.key(b)
        return (x > y) - (x < y)

    def get_hash_code(self, value: Any) -> int:
        return hash(self.key(value)) & 0x7FFFFFFF

    def __str__(self) -> str:
        return self.full_name


class KeyFoldingDictionary(GenericDictionary):
    """A Dictionary[K,V] built with a StringComparer that ignores case:
    keys match whatever their case, the first spelling is the one kept."""

    __slots__ = ("comparer", "_spelling")

    def __init__(self, key_type: Any, value_type: Any, comparer: "StringComparer") -> None:
        super().__init__(key_type, value_type)
        self.comparer = comparer
        self._spelling: dict[Any, Any] = {}

    def _stored(self, key: Any) -> Any:
        return self._spelling.get(self.comparer.key(key), key)

    def __getitem__(self, key: Any) -> Any:
        return dict.__getitem__(self, self._stored(key))

    def __setitem__(self, key: Any, value: Any) -> None:
        key = self._spelling.setdefault(self.comparer.key(key), key)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: Any) -> None:
        dict.__delitem__(self, self._spelling.pop(self.comparer.key(key)))

    def __contains__(self, key: object) -> bool:
        try:
            return self.comparer.key(key) in self._spelling
        except TypeError:
            return False

    def get(self, key: Any, default: Any = None) -> Any:
        return dict.get(self, self._stored(key), default)

    def pop(self, key: Any, *default: Any) -> Any:
        stored = self._spelling.pop(self.comparer.key(key), key)
        return dict.pop(self, stored, *default)

    def clear(self) -> None:
        self._spelling.clear()
        dict.clear(self)


class GenericHashSet:
    """``System.Collections.Generic.HashSet[T]``: insertion-ordered, with
    .NET's default (case-sensitive) equality unless built with a
    StringComparer that ignores case."""

    __slots__ = ("_items", "element_type", "comparer")

    def __init__(self, items: Iterable[Any] = (), element_type: Any = None,
                 comparer: Optional[StringComparer] = None) -> None:
        self.comparer = comparer
        self._items: dict[Any, Any] = {}
        for item in items:
            self._items.setdefault(self.key(item), item)
        self.element_type = element_type

    def key(self, item: Any) -> Any:
        """What the set compares an item by (its comparer's key)."""
        return self.comparer.key(item) if self.comparer is not None else item

    def add(self, item: Any) -> bool:
        key = self.key(item)
        if key in self._items:
            return False
        self._items[key] = item
        return True

    def remove(self, item: Any) -> bool:
        key = self.key(item)
        if key in self._items:
            del self._items[key]
            return True
        return False

    def clear(self) -> None:
        self._items.clear()

    def __contains__(self, item: Any) -> bool:
        try:
            return self.key(item) in self._items
        except TypeError:
            return False

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self._items.values()))

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"GenericHashSet({list(self._items.values())!r})"


class _Shape:
    """The property names of a PSCustomObject: ``names`` as written, in
    order, and ``index`` from each lowered name to its position in the
    object's value list.

    Objects built the same way (a ``[pscustomobject]@{...}`` literal in a
    loop, the rows of Import-Csv or ConvertFrom-Json, Select-Object's
    results) share one *shared* shape, so each object carries only its
    values: a 4-property object costs about a third of two dicts.  A shared
    shape never changes; an object that adds a property moves to the shared
    shape one name longer, and one that removes a property, or grows past
    ``_SHARED_LIMIT`` names, takes a private copy it may then edit in place.
    """

    __slots__ = ("names", "index", "shared", "grown")

    def __init__(self, names: list[str], index: dict[str, int], shared: bool) -> None:
        self.names = names
        self.index = index
        self.shared = shared
        self.grown: Optional[dict[str, _Shape]] = None  # added name -> the shared shape one name longer

    def private(self) -> "_Shape":
        """A copy only the caller's object uses, so it may edit it."""
        return _Shape(list(self.names), dict(self.index), False)

    def plus(self, name: str) -> "_Shape":
        """The shared shape with ``name`` (a new property) after these names;
        the caller has looked in ``grown`` first."""
        global _EMPTY, _shapes_grown, _names_held
        index = dict(self.index)
        index[name.lower()] = len(self.names)
        shape = _Shape(self.names + [name], index, True)
        if _shapes_grown >= _SHAPE_CACHE_LIMIT:
            # Start afresh so that distinct names never pile up: the shapes
            # made so far stay with the objects using them.
            _EMPTY = _Shape([], {}, True)
            _BY_NAMES.clear()
            _shapes_grown = _names_held = 0
            return shape
        if self.grown is None:
            self.grown = {}
        self.grown[name] = shape
        _shapes_grown += 1
        return shape

    def __reduce__(self) -> Any:
        # A copy (pickle, deepcopy) leaves ``grown`` behind: it would carry
        # every shape ever grown from this one.
        return (_Shape, (self.names, self.index, self.shared))

    def __repr__(self) -> str:
        return f"_Shape({self.names!r}, shared={self.shared})"


# Shared shapes grow from _EMPTY one added name at a time (``grown``), or
# come whole from a list of names (_BY_NAMES, the ``[pscustomobject]@{...}``
# cast).  Both are bounded: when full they start afresh, which costs
# sharing, never correctness.
_SHAPE_CACHE_LIMIT = 4096
_SHARED_LIMIT = 64
_shapes_grown = 0
_BY_NAMES: dict[tuple[str, ...], Optional[_Shape]] = {}
_NAMES_HELD_LIMIT = 1 << 16  # names in all of _BY_NAMES' keys: wide objects fill it sooner
_names_held = 0
_EMPTY = _Shape([], {}, True)
_CUSTOM_TYPE_NAMES = ("System.Management.Automation.PSCustomObject", "System.Object")


@lru_cache(maxsize=512)
def _prefixed(name: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """``names`` with ``name`` in front, one tuple for every object so named."""
    return (name,) + names


def _shape_of(names: tuple[str, ...]) -> Optional[_Shape]:
    """The shared shape of exactly these names, None when two of them differ
    only in case (the object then builds one property at a time)."""
    try:
        return _BY_NAMES[names]
    except KeyError:
        pass
    shape: Optional[_Shape] = _Shape(list(names), {n.lower(): i for i, n in enumerate(names)}, True)
    if len(shape.index) != len(names):
        shape = None
    global _names_held
    if len(_BY_NAMES) >= _SHAPE_CACHE_LIMIT or _names_held + len(names) > _NAMES_HELD_LIMIT:
        _BY_NAMES.clear()
        _names_held = 0
    _BY_NAMES[names] = shape
    _names_held += len(names)
    return shape


class PSCustomObject:
    """``[pscustomobject]``: ordered note properties with case-insensitive
    names, plus the ``PSTypeNames`` list (most specific first).

    The names live in a :class:`_Shape` that objects built alike share, the
    values in ``_values`` (position ``_shape.index[lowered name]``).
    ``_type_names`` is a tuple shared by every object with the same names
    (PSCustomObject's own, by default) until someone asks for
    :attr:`type_names`, the list scripts edit (``$o.PSTypeNames.Insert(0,
    'X')``), which gives the object a list of its own: one object's edit
    never shows on another.  Readers that do not edit use
    :meth:`type_name_tuple`.

    ``_members`` is None until Add-Member attaches a computed member
    (a ``psmembers.ComputedMember``); computed properties keep their place
    among the names (their value slot holds the member object), methods live
    only in ``_members``."""

    __slots__ = ("_shape", "_values", "_type_names", "_members")
    full_name = "System.Management.Automation.PSCustomObject"

    def __init__(self, properties: Any = None, type_names: Optional[list[str] | tuple[str, ...]] = None) -> None:
        """``type_names``: a list becomes the object's own (the caller's list
        itself); a tuple is shared, copied on the first edit."""
        self._shape = _EMPTY
        self._values: list[Any] = []
        self._members: Optional[dict[str, Any]] = None
        self._type_names: Any = _CUSTOM_TYPE_NAMES if type_names is None else type_names
        if properties is not None:
            pairs = properties.items() if hasattr(properties, "items") else properties
            for k, v in pairs:
                self.set_property(str(k), v)

    @classmethod
    def with_type_names(cls, type_names: Any, properties: Any = None) -> "PSCustomObject":
        """An object whose type names are ``type_names`` (one name or a
        sequence, most specific first) *in front of* PSCustomObject's own,
        as ``$obj.PSTypeNames.Insert(0, 'X')`` leaves them; format views
        keyed on those names apply.  (``PSCustomObject(type_names=...)``
        replaces the list instead, which Select-Object and Import-Csv need.)"""
        names = [type_names] if isinstance(type_names, str) else list(type_names)
        return cls(properties, names + list(_CUSTOM_TYPE_NAMES))

    @classmethod
    def from_names(cls, names: tuple[str, ...], values: list[Any]) -> "PSCustomObject":
        """An object with these properties in this order (``values`` becomes
        the object's own list): one shared shape for every object built from
        the same names, as the ``[pscustomobject]@{...}`` cast builds them."""
        shape = _shape_of(names)
        if shape is None:  # names equal but for case: the later value wins, in the first one's place
            return cls(zip(names, values))
        obj = cls.__new__(cls)
        obj._shape = shape
        obj._values = values
        obj._members = None
        obj._type_names = _CUSTOM_TYPE_NAMES
        return obj

    # --- type names ----------------------------------------------------------------------

    @property
    def type_names(self) -> list[str]:
        """The object's own, editable list of type names."""
        names = self._type_names
        if type(names) is tuple:
            names = self._type_names = list(names)
        return names

    @type_names.setter
    def type_names(self, names: list[str]) -> None:
        self._type_names = names

    def insert_type_name(self, name: str) -> None:
        """Puts ``name`` first among the type names (Add-Member -TypeName, a
        ``PSTypeName`` key, Select-Object's mark): objects that share type
        names and get the same one added go on sharing."""
        names = self._type_names
        if type(names) is tuple:
            self._type_names = _prefixed(name, names)
        else:
            names.insert(0, name)

    def type_name_tuple(self) -> tuple[str, ...]:
        """The type names, most specific first, without giving the object a
        list of its own."""
        names = self._type_names
        return names if type(names) is tuple else tuple(names)

    # --- properties ----------------------------------------------------------------------

    def has_property(self, name: str) -> bool:
        return name.lower() in self._shape.index

    def get_property(self, name: str, default: Any = None) -> Any:
        n = name.lower()
        i = self._shape.index.get(n)
        if i is None:
            return default
        members = self._members
        if members is not None and n in members:
            return members[n].get(self)
        return self._values[i]

    def note_value(self, lowered: str, missing: Any) -> Any:
        """The stored value of the property ``lowered`` (a lower-case name),
        ``missing`` if there is none or it is computed (Add-Member's script
        and alias properties run through :meth:`get_property`)."""
        i = self._shape.index.get(lowered)
        if i is None or (self._members is not None and lowered in self._members):
            return missing
        return self._values[i]

    def set_property(self, name: str, value: Any) -> None:
        """Sets a property, adding it (at the end) if it does not exist; a
        computed property runs its setter."""
        n = name.lower()
        shape = self._shape
        i = shape.index.get(n)
        if i is not None:
            members = self._members
            if members is not None and n in members:
                members[n].set(self, value)
            else:
                self._values[i] = value
            return
        grown = shape.grown  # the common case of _append, inline: objects built alike
        if grown is not None:
            found = grown.get(name)
            if found is not None:
                self._shape = found
                self._values.append(value)
                return
        self._append(shape, n, name, value)

    def _append(self, shape: _Shape, lowered: str, name: str, value: Any) -> None:
        if shape.shared:
            grown = shape.grown
            found = None if grown is None else grown.get(name)
            if found is None and len(shape.names) < _SHARED_LIMIT:
                found = shape.plus(name)
            if found is not None:
                self._shape = found
                self._values.append(value)
                return
            shape = self._shape = shape.private()
        shape.index[lowered] = len(shape.names)
        shape.names.append(name)
        self._values.append(value)

    def remove_property(self, name: str) -> bool:
        n = name.lower()
        shape = self._shape
        i = shape.index.get(n)
        if i is None:
            return False
        if shape.shared:
            shape = self._shape = shape.private()
        del shape.names[i]
        del self._values[i]
        index = shape.index
        del index[n]
        for later, position in index.items():
            if position > i:
                index[later] = position - 1
        if self._members is not None:
            self._members.pop(n, None)
        return True

    def property_names(self) -> list[str]:
        return list(self._shape.names)

    def items(self) -> list[tuple[str, Any]]:
        members = self._members
        if members is None:
            return list(zip(self._shape.names, self._values))
        return [(name, members[name.lower()].get(self) if name.lower() in members else value)
                for name, value in zip(self._shape.names, self._values)]

    # --- computed members (Add-Member) ------------------------------------------------

    def member(self, name: str) -> Any:
        """The computed member (property or method) called ``name``, if any."""
        members = self._members
        return None if members is None else members.get(name.lower())

    def add_member(self, member: Any) -> None:
        """Attaches a computed member; a property goes after the existing
        ones.  The caller has removed any member of the same name."""
        n = member.name.lower()
        if self._members is None:
            self._members = {}
        self._members[n] = member
        if member.is_property:
            shape = self._shape
            i = shape.index.get(n)
            if i is None:
                self._append(shape, n, member.name, member)
            else:  # the caller normally removed it first; as before, the new case shows
                if shape.names[i] != member.name:
                    if shape.shared:
                        shape = self._shape = shape.private()
                    shape.names[i] = member.name
                self._values[i] = member

    def remove_member(self, name: str) -> bool:
        """Removes a property or computed member of that name."""
        n = name.lower()
        if self.remove_property(name):
            return True
        if self._members is not None and n in self._members:
            del self._members[n]
            return True
        return False

    def copy(self) -> "PSCustomObject":
        names = self._type_names
        new = PSCustomObject(type_names=names if type(names) is tuple else list(names))
        shape = self._shape
        shape.shared = True  # both objects now use it: either copies it before an edit
        new._shape = shape
        new._values = list(self._values)
        new._members = dict(self._members) if self._members is not None else None
        return new

    @recursive_repr()
    def __repr__(self) -> str:
        inner = "; ".join(f"{k}={v!r}" for k, v in self.items())
        return f"PSCustomObject(@{{{inner}}})"


class SwitchParameter:
    """``[switch]``: a boolean flag that is truthy when present."""

    __slots__ = ("is_present",)
    full_name = "System.Management.Automation.SwitchParameter"

    def __init__(self, is_present: bool = False) -> None:
        self.is_present = bool(is_present)

    @property
    def IsPresent(self) -> bool:
        return self.is_present

    def ToBool(self) -> bool:
        return self.is_present

    def __bool__(self) -> bool:
        return self.is_present

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SwitchParameter):
            return self.is_present == other.is_present
        if isinstance(other, bool):
            return self.is_present == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.is_present)

    def __repr__(self) -> str:
        return f"SwitchParameter({self.is_present})"


class StringBuilder:
    """``System.Text.StringBuilder``.  Appends collect into a list and join
    lazily, so building a long string stays linear."""

    __slots__ = ("_parts", "capacity")
    full_name = "System.Text.StringBuilder"

    def __init__(self, text: str = "", capacity: int = 16) -> None:
        self._parts: list[str] = [text] if text else []
        self.capacity = capacity

    def text(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    def append(self, text: str) -> "StringBuilder":
        if text:
            self._parts.append(text)
        return self

    def set_text(self, text: str) -> None:
        self._parts = [text] if text else []

    def __len__(self) -> int:
        return len(self.text())

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"StringBuilder({self.text()!r})"


class PSReference:
    """``[ref]``: a box around a value.  The evaluator binds one to a
    variable by passing ``getter``/``setter`` so ``[ref]$x`` writes back."""

    __slots__ = ("_value", "_getter", "_setter")
    full_name = "System.Management.Automation.PSReference"

    def __init__(self, value: Any = None, getter: Any = None, setter: Any = None) -> None:
        self._value = value
        self._getter = getter
        self._setter = setter

    @property
    def Value(self) -> Any:
        return self._getter() if self._getter is not None else self._value

    @Value.setter
    def Value(self, value: Any) -> None:
        if self._setter is not None:
            self._setter(value)
        else:
            self._value = value

    def __repr__(self) -> str:
        return f"PSReference({self.Value!r})"


class KeyCollection:
    """The ``.Keys``/``.Values`` collection of a dictionary: enumerable (it
    unrolls in a pipeline), with ``Count``, unlike the dictionary itself.
    ``type_name`` is what .NET calls it (``System.Collections.Hashtable+KeyCollection``),
    which GetType() and Get-Member show."""

    __slots__ = ("_items", "kind", "type_name")

    def __init__(self, items: list[Any], kind: str = "Keys",
                 type_name: str = "System.Collections.Hashtable+KeyCollection") -> None:
        self._items = items
        self.kind = kind
        self.type_name = type_name

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> Any:
        return self._items[index]

    def __repr__(self) -> str:
        return f"{self.kind}({self._items!r})"


class DictionaryEntry:
    """``System.Collections.DictionaryEntry``: what enumerating a hashtable
    (``$h.GetEnumerator()``) yields; PowerShell adds ``Name`` for ``Key``."""

    __slots__ = ("Key", "Value")
    full_name = "System.Collections.DictionaryEntry"

    def __init__(self, key: Any, value: Any) -> None:
        self.Key = key
        self.Value = value

    @property
    def Name(self) -> Any:
        return self.Key

    def __repr__(self) -> str:
        return f"DictionaryEntry({self.Key!r}, {self.Value!r})"


class KeyValuePair:
    """``System.Collections.Generic.KeyValuePair[K,V]`` from a generic
    dictionary's enumerator."""

    __slots__ = ("Key", "Value")
    full_name = "System.Collections.Generic.KeyValuePair"

    def __init__(self, key: Any, value: Any) -> None:
        self.Key = key
        self.Value = value

    def __repr__(self) -> str:
        return f"KeyValuePair({self.Key!r}, {self.Value!r})"


# --- enumeration -------------------------------------------------------------------

class DotNetTuple:
    """``System.Tuple`N`` (``[Tuple]::Create(1, 'a')``): ``Item1``..``Item7``,
    indexed as pwsh indexes an ITuple (``$t[0]``, ``$t[-1]``, ``$t[0..1]``)
    but one object in a pipeline, not a collection."""

    __slots__ = ("items",)
    PS_MEMBERS = {f"Item{i}": f"Item{i}" for i in range(1, 8)}
    PS_MEMBERS["ToString"] = "__str__"

    def __new__(cls, *items: Any) -> "DotNetTuple":
        """An instance of the class for its arity: a ``Tuple`2`` has only
        Item1 and Item2 (members are looked up per class), so tables and
        Format-List do not show empty Item3..Item7."""
        if cls is DotNetTuple:
            cls = _tuple_class(len(items))
        return object.__new__(cls)

    def __init__(self, *items: Any) -> None:
        self.items = items

    def __getattr__(self, name: str) -> Any:
        """``ItemN``: $null past the tuple's length, as a missing property reads."""
        if name.startswith("Item") and name[4:].isdigit():
            index = int(name[4:]) - 1
            return self.items[index] if 0 <= index < len(self.items) else None
        raise AttributeError(name)

    # Its own ItemN only (not Item1..Item7 whatever its arity), for output and Get-Member.
    def ps_adapted_properties(self) -> list[tuple[str, Any]]:
        return [(f"Item{i}", item) for i, item in enumerate(self.items, 1)]

    def ps_adapted_get(self, name: str) -> tuple[bool, Any]:
        lowered = name.lower()
        if lowered.startswith("item") and lowered[4:].isdigit() and 1 <= int(lowered[4:]) <= len(self.items):
            return True, self.items[int(lowered[4:]) - 1]
        return False, None

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, DotNetTuple) and self.items == other.items

    def __hash__(self) -> int:
        return hash(self.items)

    def __str__(self) -> str:
        return "(" + ", ".join("" if item is None else str(item) for item in self.items) + ")"

    def __repr__(self) -> str:
        return f"DotNetTuple{self.items!r}"


_TUPLE_CLASSES: dict[int, type] = {}


def _tuple_class(arity: int) -> type:
    """The DotNetTuple subclass whose members are Item1..Item<arity>."""
    cls = _TUPLE_CLASSES.get(arity)
    if cls is None:
        members = {f"Item{i}": f"Item{i}" for i in range(1, min(arity, 7) + 1)}
        members["ToString"] = "__str__"
        cls = type(f"DotNetTuple{arity}", (DotNetTuple,), {"__slots__": (), "PS_MEMBERS": members,
                                                            "__module__": __name__})
        _TUPLE_CLASSES[arity] = cls
    return cls


class DBNull:
    """``[System.DBNull]::Value``: a database's missing value.  It is an
    object, not $null (``??`` keeps it), and shows as an empty string."""

    __slots__ = ("__weakref__",)  # the one value carries what Add-Member adds, as in pwsh
    full_name = "System.DBNull"

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return "DBNull.Value"


class NullString:
    """``[NullString]::Value``: how a script passes a null string to .NET
    (``[string]`` turns $null into '').  Like DBNull it is not $null."""

    __slots__ = ("__weakref__",)  # the one value carries what Add-Member adds, as in pwsh
    full_name = "System.Management.Automation.Language.NullString"

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return "NullString.Value"


DB_NULL = DBNull()
NULL_STRING = NullString()

_SCALAR_TYPES = frozenset((type(None), bool, int, float, str, Char, Int64, Single))


def iter_collection(value: Any) -> Optional[Iterable[Any]]:
    """What PowerShell enumerates in a pipeline or ``foreach``: arrays,
    lists, ranges, generators, sets and key/value collections.  Strings,
    dictionaries and scalars are single objects (None is returned)."""
    t = type(value)
    if t is list or t is tuple:
        return value
    if t in _SCALAR_TYPES:
        return None
    if isinstance(value, (list, tuple, range, KeyCollection, GenericHashSet, set, frozenset,
                          KeysView, ValuesView)):
        return value
    if isinstance(value, (str, Hashtable, dict)):
        return None
    if hasattr(t, "__next__") and hasattr(t, "__iter__") or getattr(t, "ps_enumerable", False):
        # ps_enumerable: an engine class that is IEnumerable but not a list (LinkedList[T]).
        return value
    return None
