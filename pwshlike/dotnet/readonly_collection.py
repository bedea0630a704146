"""``System.Collections.ObjectModel.ReadOnlyCollection[T]``: a read-only
view over a list.  .NET builds it only from an ``IList[T]`` (it has no
parameterless constructor, which is why a class deriving from it without
calling ``base($list)`` cannot be built); a ``List[T]`` or ``T[]`` passed in
stays shared, so later changes to it show through the view, while any other
collection is converted to ``T`` values first, as the .NET binder converts
the argument.  It is enumerable and indexable, with Count, Contains,
IndexOf and CopyTo."""

from __future__ import annotations

from typing import Any, Iterator, Sequence

from . import conversions as conv
from .errors import ArgumentException, ArgumentNullException
from .types import OBJECT, PSType, type_not_found
from .values import GenericList, TypedArray

NAMESPACE = "System.Collections.ObjectModel."
DEFINITION = NAMESPACE + "ReadOnlyCollection`1"


class ReadOnlyCollection:
    """The view: ``_items`` is the wrapped list itself, never a copy of a
    list of the right element type."""

    __slots__ = ("element_type", "_items")
    ps_enumerable = True
    PS_MEMBERS = {"Count": "count", "Contains": "contains", "IndexOf": "index_of", "CopyTo": "copy_to",
                  "GetEnumerator": "get_enumerator", "ToString": "__str__"}

    def __init__(self, element_type: PSType, items: Any) -> None:
        if items is None:
            raise ArgumentNullException(None, param_name="list")
        self.element_type = element_type
        if isinstance(items, (GenericList, TypedArray)) and items.element_type is element_type:
            self._items: Sequence[Any] = items
        else:
            self._items = conv.convert_to_array(items, element_type)

    @property
    def count(self) -> int:
        return len(self._items)

    def contains(self, value: Any) -> bool:
        return self.index_of(value) >= 0

    def index_of(self, value: Any) -> int:
        wanted = self.element_type.convert(value)
        return next((i for i, item in enumerate(self._items) if item == wanted), -1)

    def copy_to(self, array: Any, index: Any = 0) -> None:
        """Copies into ``array`` from ``index`` on; the array must have room."""
        if array is None:
            raise ArgumentNullException(None, param_name="array")
        start = conv.convert_to_integer(index)
        if start < 0 or start + len(self._items) > len(array):
            raise ArgumentException("Destination array was not long enough. Check the destination index, "
                                    "length, and the array's lower bounds.", param_name="destinationArray")
        array[start:start + len(self._items)] = list(self._items)

    def get_enumerator(self) -> list[Any]:
        return list(self._items)

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> Any:
        return self._items[index]

    def __str__(self) -> str:
        return f"{DEFINITION}[{self.element_type.full_name}]"


_TYPES: dict[int, PSType] = {}


def readonly_collection_type(args: Sequence[PSType]) -> PSType:
    """``[System.Collections.ObjectModel.ReadOnlyCollection[T]]`` (the
    generic family's builder); its only constructor takes the list."""
    if len(args) != 1:
        name = f"{NAMESPACE}ReadOnlyCollection[{','.join(a.full_name for a in args)}]"
        raise type_not_found(name)
    element = args[0]
    t = _TYPES.get(id(element))
    if t is None:
        t = PSType(f"{DEFINITION}[{element.full_name}]", OBJECT,
                   check=lambda v: isinstance(v, ReadOnlyCollection) and v.element_type is element,
                   constructor=lambda items: ReadOnlyCollection(element, items), pyclass=ReadOnlyCollection,
                   interfaces=("System.Collections.IEnumerable", "System.Collections.ICollection",
                               "System.Collections.IList"))
        t.generic_definition = DEFINITION
        t.generic_arguments = (element,)
        t.name = "ReadOnlyCollection`1"
        _TYPES[id(element)] = t
    return t


def type_of_instance(value: ReadOnlyCollection) -> PSType:
    return readonly_collection_type((value.element_type,))
