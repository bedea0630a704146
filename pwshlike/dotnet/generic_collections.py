"""The rest of ``System.Collections.Generic`` scripts use: ``Queue[T]``,
``Stack[T]``, ``SortedSet[T]`` and ``SortedDictionary[K,V]`` (generic
families built on first use), plus the non-generic ``Queue`` and ``Stack``
of System.Collections.  Items are converted to ``T`` on the way in, as the
.NET binder converts method arguments; an empty queue or stack raises
.NET's InvalidOperationException ("Queue empty.").  Sorted collections
order strings as .NET's default comparer does (case-insensitive first,
lower case before upper case) and everything else by value."""

from __future__ import annotations

from typing import Any, Callable, Iterator, Optional, Sequence

from .conversions import PSInvalidCastException, to_string
from .errors import ArgumentException, InvalidOperationException, MethodException
from .types import OBJECT, PSType, type_not_found
from .values import GenericDictionary, iter_collection, KeyValuePair, TypedArray

_NAMESPACE = "System.Collections.Generic."


def _convert(element: Optional[PSType], value: Any) -> Any:
    return element.convert(value) if element is not None else value


def _argument(element: Optional[PSType], value: Any, method: str, name: str = "item") -> Any:
    """A method argument converted to T, with pwsh's
    MethodArgumentConversionInvalidCastArgument error when it cannot be."""
    try:
        return _convert(element, value)
    except PSInvalidCastException as exc:
        assert element is not None
        raise MethodException(
            f'Cannot convert argument "{name}", with value: "{to_string(value)}", for "{method}" to type '
            f'"{element.full_name}": "{exc.message}"', exc,
            error_id="MethodArgumentConversionInvalidCastArgument") from None


def sort_key(value: Any) -> Any:
    """.NET's default ordering: strings by culture (case folded first,
    lower case first on ties), other values by themselves."""
    if isinstance(value, str):
        return (0, value.casefold(), value.swapcase())
    return (1, value)


class _Sequence:
    """What Queue and Stack share: items in a list, enumerable, typed."""

    __slots__ = ("_items", "element_type")
    ps_enumerable = True
    empty_message = ""

    def __init__(self, element_type: Optional[PSType], items: Any = None) -> None:
        self.element_type = element_type
        self._items: list[Any] = []
        source = iter_collection(items) if items is not None and not isinstance(items, int) else None
        for item in source or ():
            self._push(_convert(element_type, item))

    def _push(self, item: Any) -> None:
        self._items.append(item)

    @property
    def count(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        self._items.clear()

    def contains(self, value: Any) -> bool:
        try:
            wanted = _convert(self.element_type, value)
        except Exception:
            return False
        return wanted in self._items

    def to_array(self) -> TypedArray:
        return TypedArray(list(self), self.element_type or OBJECT)

    def _require(self) -> None:
        if not self._items:
            raise InvalidOperationException(self.empty_message)

    def __len__(self) -> int:
        return len(self._items)

    def __str__(self) -> str:
        return type_name(self)


class Queue(_Sequence):
    """``Queue[T]``: first in, first out."""

    __slots__ = ()
    empty_message = "Queue empty."
    PS_MEMBERS = {"Count": "count", "Enqueue": "enqueue", "Dequeue": "dequeue", "Peek": "peek",
                  "TryDequeue": "try_dequeue", "TryPeek": "try_peek", "Clear": "clear", "Contains": "contains",
                  "ToArray": "to_array", "TrimExcess": "trim_excess", "ToString": "__str__"}

    def enqueue(self, value: Any) -> None:
        self._items.append(_argument(self.element_type, value, "Enqueue"))

    def dequeue(self) -> Any:
        self._require()
        return self._items.pop(0)

    def peek(self) -> Any:
        self._require()
        return self._items[0]

    def try_dequeue(self, ref: Any) -> bool:
        return _try(self.dequeue, ref, bool(self._items))

    def try_peek(self, ref: Any) -> bool:
        return _try(self.peek, ref, bool(self._items))

    def trim_excess(self) -> None:
        return None

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self._items))


class Stack(_Sequence):
    """``Stack[T]``: last in, first out; enumerates from the top."""

    __slots__ = ()
    empty_message = "Stack empty."
    PS_MEMBERS = {"Count": "count", "Push": "push", "Pop": "pop", "Peek": "peek", "TryPop": "try_pop",
                  "TryPeek": "try_peek", "Clear": "clear", "Contains": "contains", "ToArray": "to_array",
                  "TrimExcess": "trim_excess", "ToString": "__str__"}

    def push(self, value: Any) -> None:
        self._items.append(_argument(self.element_type, value, "Push"))

    def pop(self) -> Any:
        self._require()
        return self._items.pop()

    def peek(self) -> Any:
        self._require()
        return self._items[-1]

    def try_pop(self, ref: Any) -> bool:
        return _try(self.pop, ref, bool(self._items))

    def try_peek(self, ref: Any) -> bool:
        return _try(self.peek, ref, bool(self._items))

    def trim_excess(self) -> None:
        return None

    def __iter__(self) -> Iterator[Any]:
        return iter(list(reversed(self._items)))


def _try(take: Callable[[], Any], ref: Any, available: bool) -> bool:
    value = take() if available else None
    if hasattr(ref, "Value"):
        ref.Value = value
    return available


class SortedSet:
    """``SortedSet[T]``: distinct items kept in order; Add says whether
    the item was new."""

    __slots__ = ("_items", "element_type")
    ps_enumerable = True
    PS_MEMBERS = {"Count": "count", "Min": "min", "Max": "max", "Add": "add", "Remove": "remove",
                  "Contains": "contains", "Clear": "clear", "UnionWith": "union_with",
                  "IntersectWith": "intersect_with", "ExceptWith": "except_with", "IsSubsetOf": "is_subset_of",
                  "IsSupersetOf": "is_superset_of", "Overlaps": "overlaps", "SetEquals": "set_equals",
                  "GetViewBetween": "get_view_between", "Reverse": "reverse", "ToString": "__str__"}

    def __init__(self, element_type: Optional[PSType], items: Any = None) -> None:
        self.element_type = element_type
        self._items: dict[Any, Any] = {}
        for item in iter_collection(items) or () if items is not None else ():
            self.add(item)

    def _other(self, other: Any) -> list[Any]:
        return [_convert(self.element_type, v) for v in (iter_collection(other) or [other])]

    @property
    def count(self) -> int:
        return len(self._items)

    @property
    def min(self) -> Any:
        return next(iter(self), None)

    @property
    def max(self) -> Any:
        items = list(self)
        return items[-1] if items else None

    def add(self, value: Any) -> bool:
        item = _argument(self.element_type, value, "Add")
        if item in self._items:
            return False
        self._items[item] = None
        return True

    def remove(self, value: Any) -> bool:
        return self._items.pop(_convert(self.element_type, value), 0) is None

    def contains(self, value: Any) -> bool:
        return _convert(self.element_type, value) in self._items

    def clear(self) -> None:
        self._items.clear()

    def union_with(self, other: Any) -> None:
        for item in self._other(other):
            self._items.setdefault(item, None)

    def intersect_with(self, other: Any) -> None:
        keep = set(self._other(other))
        self._items = {k: None for k in self._items if k in keep}

    def except_with(self, other: Any) -> None:
        for item in self._other(other):
            self._items.pop(item, None)

    def is_subset_of(self, other: Any) -> bool:
        return set(self._items) <= set(self._other(other))

    def is_superset_of(self, other: Any) -> bool:
        return set(self._items) >= set(self._other(other))

    def overlaps(self, other: Any) -> bool:
        return bool(set(self._items) & set(self._other(other)))

    def set_equals(self, other: Any) -> bool:
        return set(self._items) == set(self._other(other))

    def get_view_between(self, low: Any, high: Any) -> "SortedSet":
        lower, upper = sort_key(_convert(self.element_type, low)), sort_key(_convert(self.element_type, high))
        if lower > upper:
            raise ArgumentException("Must be less than or equal to upperValue.", param_name="lowerValue")
        return SortedSet(self.element_type, [v for v in self if lower <= sort_key(v) <= upper])

    def reverse(self) -> list:
        return list(reversed(list(self)))

    def __iter__(self) -> Iterator[Any]:
        return iter(sorted(self._items, key=sort_key))

    def __len__(self) -> int:
        return len(self._items)

    def __str__(self) -> str:
        return type_name(self)


class SortedDictionary(GenericDictionary):
    """``SortedDictionary[K,V]``: a Dictionary[K,V] (same members and
    key conversion) that enumerates in key order."""

    __slots__ = ()

    def __iter__(self) -> Iterator[Any]:
        return iter(sorted(dict.keys(self), key=sort_key))

    def keys(self) -> list:  # type: ignore[override]
        return list(self.__iter__())

    def values(self) -> list:  # type: ignore[override]
        return [dict.__getitem__(self, k) for k in self.__iter__()]

    def items(self) -> list:  # type: ignore[override]
        return [(k, dict.__getitem__(self, k)) for k in self.__iter__()]


def _call(factory: Any, *args: Any) -> Any:
    """A value factory: a delegate or a script block called with the arguments
    (a script block's single output is its value)."""
    if isinstance(factory, (str, int, float)) or not hasattr(factory, "invoke"):
        return factory
    output = factory.invoke(*args)
    if isinstance(output, list):
        return None if not output else output[0] if len(output) == 1 else output
    return output


class ConcurrentDictionary(GenericDictionary):
    """``System.Collections.Concurrent.ConcurrentDictionary[K,V]``: a
    Dictionary[K,V] whose operations hold a lock (ForEach-Object -Parallel
    and thread jobs share one), with the Try*/GetOrAdd/AddOrUpdate methods."""

    __slots__ = ("_lock",)
    PS_MEMBERS = {"Count": "count", "Keys": "key_list", "Values": "value_list", "IsEmpty": "is_empty",
                  "ContainsKey": "contains_key", "TryAdd": "try_add", "TryGetValue": "try_get_value",
                  "TryRemove": "try_remove", "TryUpdate": "try_update", "GetOrAdd": "get_or_add",
                  "AddOrUpdate": "add_or_update", "Clear": "clear", "ToArray": "to_array",
                  "ToString": "__str__"}

    def __init__(self, key_type: Any, value_type: Any) -> None:
        import threading
        super().__init__(key_type, value_type)
        self._lock = threading.RLock()

    def _key(self, key: Any) -> Any:
        if key is None:
            from .errors import ArgumentNullException
            raise ArgumentNullException(None, param_name="key")
        return _convert(self.key_type, key)

    def _value(self, value: Any) -> Any:
        return _convert(self.value_type, value)

    @property
    def count(self) -> int:
        return len(self)

    @property
    def key_list(self) -> list:
        with self._lock:
            return list(dict.keys(self))

    @property
    def value_list(self) -> list:
        with self._lock:
            return list(dict.values(self))

    @property
    def is_empty(self) -> bool:
        return not self

    def contains_key(self, key: Any) -> bool:
        return self._key(key) in self

    def try_add(self, key: Any, value: Any) -> bool:
        k = self._key(key)
        with self._lock:
            if k in self:
                return False
            self[k] = self._value(value)
            return True

    def try_get_value(self, key: Any, ref: Any) -> bool:
        k = self._key(key)
        with self._lock:
            found = k in self
            _try(lambda: self[k], ref, found)
            return found

    def try_remove(self, key: Any, ref: Any = None) -> bool:
        k = self._key(key)
        with self._lock:
            found = k in self
            _try(lambda: self.pop(k), ref, found)
            return found

    def try_update(self, key: Any, new_value: Any, comparison: Any) -> bool:
        k = self._key(key)
        with self._lock:
            if k in self and self[k] == self._value(comparison):
                self[k] = self._value(new_value)
                return True
            return False

    def get_or_add(self, key: Any, value_or_factory: Any) -> Any:
        k = self._key(key)
        with self._lock:
            if k not in self:
                self[k] = self._value(_call(value_or_factory, k))
            return self[k]

    def add_or_update(self, key: Any, add_value: Any, update: Any) -> Any:
        k = self._key(key)
        with self._lock:
            if k in self:
                self[k] = self._value(_call(update, k, self[k]))
            else:
                self[k] = self._value(_call(add_value, k))
            return self[k]

    def to_array(self) -> list:
        with self._lock:
            return [KeyValuePair(k, v) for k, v in dict.items(self)]

    def __str__(self) -> str:
        return type_name(self)


_FAMILIES: dict[str, tuple[int, type]] = {"Queue": (1, Queue), "Stack": (1, Stack), "SortedSet": (1, SortedSet),
                                          "SortedDictionary": (2, SortedDictionary),
                                          "ConcurrentDictionary": (2, ConcurrentDictionary)}
_NAMESPACES = {"ConcurrentDictionary": "System.Collections.Concurrent."}
_TYPES: dict[tuple[str, tuple[int, ...]], PSType] = {}


def _build(name: str, args: Sequence[PSType]) -> PSType:
    arity, cls = _FAMILIES[name]
    if len(args) != arity:
        raise type_not_found(f"{_NAMESPACE}{name}[{','.join(a.full_name for a in args)}]")
    key = (name, tuple(id(a) for a in args))
    t = _TYPES.get(key)
    if t is None:
        namespace = _NAMESPACES.get(name, _NAMESPACE)
        full = f"{namespace}{name}`{arity}[{','.join(a.full_name for a in args)}]"
        if cls in (SortedDictionary, ConcurrentDictionary):
            key_type, value_type = args

            def construct(*_: Any) -> Any:
                return cls(key_type, value_type)
            check = (lambda v: isinstance(v, cls) and v.key_type is key_type and v.value_type is value_type)
        else:
            element = args[0]

            def construct(items: Any = None, *_: Any) -> Any:
                return cls(element, items)
            check = (lambda v: isinstance(v, cls) and v.element_type is element)
        t = PSType(full, OBJECT, check=check, constructor=construct, pyclass=cls,
                   interfaces=("System.Collections.IEnumerable",))
        t.generic_definition = f"{namespace}{name}`{arity}"
        t.generic_arguments = tuple(args)
        t.name = f"{name}`{arity}"
        _TYPES[key] = t
    return t


def family_builders() -> dict[str, Callable[[Sequence[PSType]], PSType]]:
    """The generic families by the short name ``register_generic_family`` takes."""
    return {_NAMESPACES.get(name, _NAMESPACE)[7:].lower() + name.lower(): (lambda args, n=name: _build(n, args))
            for name in _FAMILIES}


def type_of_instance(value: Any) -> PSType:
    """GetType() of a collection of this module."""
    if getattr(value, "element_type", None) is None and isinstance(value, (Queue, Stack)):
        return NON_GENERIC[type(value)]
    name = next(n for n, (_, cls) in _FAMILIES.items() if cls is type(value))
    args = (value.key_type, value.value_type) if isinstance(value, GenericDictionary) else (value.element_type,)
    return _build(name, [a or OBJECT for a in args])


def type_name(value: Any) -> str:
    return type_of_instance(value).full_name


# System.Collections.Queue and Stack: the same classes holding objects.
NON_GENERIC: dict[type, PSType] = {
    Queue: PSType("System.Collections.Queue", OBJECT, check=lambda v: isinstance(v, Queue) and v.element_type is None,
                  constructor=lambda items=None, *_: Queue(None, items), interfaces=("System.Collections.IEnumerable",)),
    Stack: PSType("System.Collections.Stack", OBJECT, check=lambda v: isinstance(v, Stack) and v.element_type is None,
                  constructor=lambda items=None, *_: Stack(None, items), interfaces=("System.Collections.IEnumerable",)),
}
