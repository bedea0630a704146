"""``System.Collections.Generic.LinkedList[T]`` and its nodes: a doubly
linked list scripts build with AddFirst/AddLast and walk through
``First``/``Next``.  It is enumerable (the pipeline unrolls it) but not an
IList, so it has no indexer; values are converted to ``T`` on the way in,
as the .NET binder does for a method argument."""

from __future__ import annotations

from typing import Any, Iterator, Optional, Sequence

from .errors import InvalidOperationException
from .types import OBJECT, PSType, type_not_found

_NAMESPACE = "System.Collections.Generic."


class LinkedListNode:
    """``LinkedListNode[T]``: one value and its neighbours; ``List`` is
    $null once the node has been removed."""

    __slots__ = ("Value", "_list", "_next", "_previous")
    # .NET's ``ref T ValueRef``: read-only through PowerShell, typed ``T&``.
    PS_MEMBERS = {"Value": "Value", "ValueRef": "value_ref", "Next": "next_node", "Previous": "previous_node",
                  "List": "owner"}

    def __init__(self, value: Any, owner: Optional["LinkedList"]) -> None:
        self.Value = value
        self._list = owner
        self._next: Optional[LinkedListNode] = None
        self._previous: Optional[LinkedListNode] = None

    @property
    def value_ref(self) -> Any:
        return self.Value

    @property
    def owner(self) -> Optional["LinkedList"]:
        return self._list

    @property
    def next_node(self) -> Optional["LinkedListNode"]:
        return self._next

    @property
    def previous_node(self) -> Optional["LinkedListNode"]:
        return self._previous

    def property_type_names(self) -> dict[str, str]:
        """Declared types PowerShell shows for properties whose value type
        differs (``ValueRef`` is a by-reference ``T&``)."""
        element = self._list.element_type if self._list is not None else OBJECT
        return {"ValueRef": element.full_name + "&"}


class LinkedList:
    """``LinkedList[T]``: nodes kept in a Python list for order (the
    ``Next``/``Previous`` links are what scripts see)."""

    __slots__ = ("element_type", "_nodes")
    ps_enumerable = True
    PS_MEMBERS = {"Count": "count", "First": "first", "Last": "last", "AddFirst": "add_first",
                  "AddLast": "add_last", "AddBefore": "add_before", "AddAfter": "add_after", "Add": "add",
                  "Remove": "remove", "RemoveFirst": "remove_first", "RemoveLast": "remove_last",
                  "Contains": "contains", "Find": "find", "FindLast": "find_last", "Clear": "clear",
                  "ToString": "__str__"}

    def __init__(self, element_type: PSType, items: Any = None) -> None:
        self.element_type = element_type
        self._nodes: list[LinkedListNode] = []
        for item in items or ():
            self.add_last(item)

    @property
    def count(self) -> int:
        return len(self._nodes)

    @property
    def first(self) -> Optional[LinkedListNode]:
        return self._nodes[0] if self._nodes else None

    @property
    def last(self) -> Optional[LinkedListNode]:
        return self._nodes[-1] if self._nodes else None

    def add_first(self, value: Any) -> LinkedListNode:
        return self._insert(0, value)

    def add_last(self, value: Any) -> LinkedListNode:
        return self._insert(len(self._nodes), value)

    def add(self, value: Any) -> None:
        """ICollection[T].Add: appends and returns nothing."""
        self.add_last(value)

    def add_before(self, node: Any, value: Any) -> LinkedListNode:
        return self._insert(self._index(node), value)

    def add_after(self, node: Any, value: Any) -> LinkedListNode:
        return self._insert(self._index(node) + 1, value)

    def remove(self, item: Any) -> Any:
        """Remove(node) returns nothing; Remove(value) says whether a node
        held the value."""
        if isinstance(item, LinkedListNode):
            self._unlink(self._index(item))
            return None
        node = self.find(item)
        if node is None:
            return False
        self._unlink(self._nodes.index(node))
        return True

    def remove_first(self) -> None:
        self._unlink(self._require(0))

    def remove_last(self) -> None:
        self._unlink(self._require(-1))

    def contains(self, value: Any) -> bool:
        return self.find(value) is not None

    def find(self, value: Any) -> Optional[LinkedListNode]:
        wanted = self.element_type.convert(value)
        return next((n for n in self._nodes if n.Value == wanted), None)

    def find_last(self, value: Any) -> Optional[LinkedListNode]:
        wanted = self.element_type.convert(value)
        return next((n for n in reversed(self._nodes) if n.Value == wanted), None)

    def clear(self) -> None:
        for node in self._nodes:
            node._list = node._next = node._previous = None
        self._nodes.clear()

    def _insert(self, index: int, value: Any) -> LinkedListNode:
        node = LinkedListNode(self.element_type.convert(value), self)
        self._nodes.insert(index, node)
        self._relink(index - 1, index + 2)
        return node

    def _unlink(self, index: int) -> None:
        node = self._nodes.pop(index % len(self._nodes))
        node._list = node._next = node._previous = None
        self._relink(index - 1, index + 1)

    def _relink(self, start: int, stop: int) -> None:
        nodes = self._nodes
        for i in range(max(start, 0), min(stop, len(nodes))):
            nodes[i]._previous = nodes[i - 1] if i > 0 else None
            nodes[i]._next = nodes[i + 1] if i + 1 < len(nodes) else None

    def _index(self, node: Any) -> int:
        if not isinstance(node, LinkedListNode) or node._list is not self:
            raise InvalidOperationException("The LinkedList node does not belong to current LinkedList.")
        return self._nodes.index(node)

    def _require(self, index: int) -> int:
        if not self._nodes:
            raise InvalidOperationException("The LinkedList is empty.")
        return index % len(self._nodes)

    def __iter__(self) -> Iterator[Any]:
        return iter([n.Value for n in self._nodes])

    def __len__(self) -> int:
        return len(self._nodes)

    def __str__(self) -> str:
        return f"{_NAMESPACE}LinkedList`1[{self.element_type.full_name}]"


_LIST_TYPES: dict[int, PSType] = {}
_NODE_TYPES: dict[int, PSType] = {}


def linked_list_type(args: Sequence[PSType]) -> PSType:
    """``[LinkedList[T]]`` (the generic family's builder)."""
    if len(args) != 1:
        name = f"{_NAMESPACE}LinkedList[{','.join(a.full_name for a in args)}]"
        raise type_not_found(name)
    element = args[0]
    t = _LIST_TYPES.get(id(element))
    if t is None:
        t = PSType(f"{_NAMESPACE}LinkedList`1[{element.full_name}]", OBJECT,
                   check=lambda v: isinstance(v, LinkedList) and v.element_type is element,
                   constructor=lambda items=None: LinkedList(element, items), pyclass=LinkedList)
        t.generic_definition = f"{_NAMESPACE}LinkedList`1"
        t.generic_arguments = (element,)
        t.name = "LinkedList`1"
        _LIST_TYPES[id(element)] = t
    return t


def node_type(node: LinkedListNode) -> PSType:
    """``GetType()`` of a node: ``LinkedListNode[T]`` of its list's T."""
    element = node._list.element_type if node._list is not None else OBJECT
    t = _NODE_TYPES.get(id(element))
    if t is None:
        t = PSType(f"{_NAMESPACE}LinkedListNode`1[{element.full_name}]", OBJECT,
                   check=lambda v: isinstance(v, LinkedListNode), pyclass=LinkedListNode)
        t.name = "LinkedListNode`1"
        _NODE_TYPES[id(element)] = t
    return t
