"""Group-Object: objects grouped by equal property values.

As in pwsh 7, when every key value has the same type the groups come out
sorted by key (a stable sort, so each group keeps input order); with mixed
types they come out in the order their first member arrived.
"""

from __future__ import annotations

from itertools import chain
from typing import Any, Callable, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet.conversions import dotnet_to_string
from pwshlike.dotnet.errors import ArgumentException, DotNetException, ErrorCategory, ErrorRecord
from pwshlike.dotnet.values import Hashtable, PSCustomObject, iter_collection

from .propexpr import MISSING, equality_key, evaluate, parse_keys_for, plain_column, row_comparer, stable_sort

_AS_STRING_NEEDS_HASHTABLE = ("The command cannot be run because the AsString parameter requires that you "
                              "specify the AsHashtable parameter.")
_SINGLE_PROPERTY = ("The command cannot be run because using the AsHashTable parameter with more than one "
                    "property requires adding the AsString parameter.")
_DUPLICATE_KEY = ("The objects grouped by this property cannot be expanded because there is a key "
                  "duplication. Provide a valid value for the property, and then try again.")


class GroupInfo:
    """``Microsoft.PowerShell.Commands.GroupInfo``: one group's key values,
    name (the values as text, joined by ", ") and members."""

    __slots__ = ("Values", "Count", "Group", "Name")
    full_name = "Microsoft.PowerShell.Commands.GroupInfo"
    PS_MEMBERS = {"Values": "Values", "Count": "Count", "Group": "Group", "Name": "Name"}

    def __init__(self, values: list[Any], first: Any) -> None:
        self.Values = [None if v is MISSING else v for v in values]
        self.Name = _group_name(self.Values)
        self.Count = 0
        self.Group: list[Any] = []
        self.add(first)

    def add(self, obj: Any) -> None:
        self.Group.append(obj)
        self.Count += 1

    def add_all(self, objects: list[Any]) -> None:
        self.Group.extend(objects)
        self.Count += len(objects)

    def __str__(self) -> str:
        return self.full_name


class GroupInfoNoElement(GroupInfo):
    """What -NoElement gives: the group keeps only its count."""

    __slots__ = ()
    full_name = "Microsoft.PowerShell.Commands.GroupInfoNoElement"

    def add(self, obj: Any) -> None:
        self.Count += 1

    def add_all(self, objects: list[Any]) -> None:
        self.Count += len(objects)


def _group_name(values: list[Any]) -> str:
    parts = []
    for value in values:
        if value is None:
            continue
        items = iter_collection(value) if not isinstance(value, str) else None
        if items is not None:
            parts.append("{" + ", ".join(dotnet_to_string(i) for i in items) + "}")
        else:
            parts.append(dotnet_to_string(value))
    return ", ".join(parts)


@cmdlet("Group-Object", default_parameter_set="Default", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096619")
class GroupObjectCommand(Cmdlet):
    """Groups objects that have the same value for the given properties.

    Outputs GroupInfo objects (Count, Name, Group, Values), or with
    -AsHashTable one hashtable from each key to its group."""

    help_examples = [
        ('Example 1: Count files by extension',
         'Get-ChildItem -File | Group-Object Extension | Sort-Object Count -Descending',
         'Each group shows the extension, how many files have it and the files themselves.'),
        ('Example 2: Look groups up by key',
         "$byExt = Get-ChildItem -File | Group-Object Extension -AsHashTable -AsString\n$byExt['.log']",
         '-AsHashTable returns one hashtable; -AsString makes its keys strings.'),
        ('Example 3: Only the counts',
         'Get-Process | Group-Object ProcessName -NoElement',
         '-NoElement leaves out the Group property, which keeps the output small.'),
    ]

    no_element = Parameter("SwitchParameter", help="Leaves the members out of the groups.")
    as_hash_table = Parameter("SwitchParameter", name="AsHashTable", aliases=("AHT",),
                              sets={"HashTable": {}}, help="Outputs a hashtable of the groups.")
    as_string = Parameter("SwitchParameter", sets={"HashTable": {}}, help="Uses the group names as keys.")
    input_object = Parameter("PSObject", value_from_pipeline=True, help="The objects to group.")
    property = Parameter("Object[]", position=0, help="Names, script blocks or hashtables to group by.")
    case_sensitive = Parameter("SwitchParameter", help="Keys that differ in case form separate groups.")

    def begin_processing(self) -> None:
        self._keys = parse_keys_for(self, self.property, with_order=False)
        self._rows: list[tuple[list[Any], Any]] = []
        # What the one-key input sink took since the last row: key values and objects side by side
        # (no row per object, which keeps the cyclic collector from running over and over).
        self._sunk_keys: list[Any] = []
        self._sunk_objects: list[Any] = []

    def _take_sunk(self) -> None:
        """Turns what the one-key sink took into rows, after the earlier ones."""
        if self._sunk_objects:
            self._rows.extend(([key], obj) for key, obj in zip(self._sunk_keys, self._sunk_objects))
            self._sunk_keys.clear()
            self._sunk_objects.clear()

    def input_sink(self, parameter: str) -> Optional[Callable[[Any], bool]]:
        """Named keys read from the note properties of PSCustomObjects: what
        process_record does, without the generic property lookup (an
        object of another kind, or a computed property, takes the full way)."""
        if parameter != "InputObject" or not self._rows:
            return None  # before the first object, process_record still checks the switches
        names = [k.expression.name for k in self._keys if k.expression.script is None]
        if not names or len(names) != len(self._keys):
            return None
        lowered = [name.lower() for name in names]  # type: ignore[union-attr]
        append = self._rows.append
        if len(lowered) == 1:
            low = lowered[0]
            add_key, add_object = self._sunk_keys.append, self._sunk_objects.append

            def take_one(obj: Any) -> bool:
                if type(obj) is PSCustomObject:
                    value = obj.note_value(low, MISSING)
                    if value is MISSING:  # absent (type data may still define it) or computed
                        return False
                    add_key(value)
                    add_object(obj)
                    return True
                return obj is None
            return take_one

        def take(obj: Any) -> bool:
            if type(obj) is not PSCustomObject:
                return obj is None
            values = []
            for low in lowered:
                value = obj.note_value(low, MISSING)
                if value is MISSING:
                    return False
                values.append(value)
            append((values, obj))
            return True
        return take

    def process_record(self) -> None:
        obj = self.input_object
        if obj is None:
            return
        if not self._rows:
            self._check_switches()
        self._take_sunk()
        self._rows.append((evaluate(obj, self._keys), obj))

    def _check_switches(self) -> None:
        if self.as_string and not self.as_hash_table:
            self.throw_terminating_error(ErrorRecord(ArgumentException(_AS_STRING_NEEDS_HASHTABLE),
                                                     "ArgumentException", ErrorCategory.InvalidArgument,
                                                     self.as_string))
        if self.as_hash_table and not self.as_string and len(self._keys) > 1:
            self.throw_terminating_error(ErrorRecord(ArgumentException(_SINGLE_PROPERTY), "ArgumentException",
                                                     ErrorCategory.InvalidArgument, self.property))

    def end_processing(self) -> Iterator[Any]:
        rows = self._rows
        if not rows:
            return
        case_sensitive = bool(self.case_sensitive)
        ascending = [True] * max(len(rows[0][0]), 1)
        same = row_comparer(ascending, case_sensitive)
        make = GroupInfoNoElement if self.no_element else GroupInfo
        groups: list[GroupInfo] = []
        keys: list[list[Any]] = []
        single = None
        if len(self._keys) <= 1:
            single = _single_key_groups(rows, self._sunk_keys, self._sunk_objects, make, case_sensitive)
        if single is None:
            self._take_sunk()
        mixed = single is None and _mixed_types(rows)
        if single is not None:
            groups = single
        elif not mixed and all(plain_column([values[c] for values, _obj in rows if values[c] is not MISSING])
                             for c in range(len(rows[0][0]))):
            stable_sort(rows, ascending, case_sensitive)
            groups = _plain_groups(rows, make, case_sensitive)
        elif not mixed:
            stable_sort(rows, ascending, case_sensitive)
            for values, obj in rows:
                if keys and same(keys[-1], values) == 0:
                    groups[-1].add(obj)
                else:
                    keys.append(values)
                    groups.append(make(values, obj))
        else:
            for values, obj in rows:
                index = next((i for i, k in enumerate(keys) if same(k, values) == 0), -1)
                if index >= 0:
                    groups[index].add(obj)
                else:
                    keys.append(values)
                    groups.append(make(values, obj))
        if self.as_hash_table:
            yield from self._hashtable(groups)
        else:
            yield from groups

    def _hashtable(self, groups: list[GroupInfo]) -> Iterator[Hashtable]:
        table = Hashtable()
        for group in groups:
            key = group.Name if self.as_string else group.Values[0]
            if not table.add(key, group.Group):
                error = DotNetException(_DUPLICATE_KEY)
                self.write_error(ErrorRecord(error, _DUPLICATE_KEY, ErrorCategory.InvalidArgument, None))
                return
        yield table


def _mixed_types(rows: list[tuple[list[Any], Any]]) -> bool:
    """Whether the key values differ in type in some column ($null and
    missing values fit any type): then groups come out in the order their
    first member arrived instead of sorted."""
    width = len(rows[0][0])
    if any(len(values) != width for values, _obj in rows):
        return True
    for column in range(width):
        kinds = {type(v) for values, _obj in rows if (v := values[column]) is not None and v is not MISSING}
        if len(kinds) > 1:
            return True
    return False


def _single_key_groups(rows: list[tuple[list[Any], Any]], sunk_keys: list[Any], sunk_objects: list[Any], make: Any,
                       case_sensitive: bool) -> Optional[list[GroupInfo]]:
    """Groups by one key whose values are all ints, all floats (no NaN) or
    all strings compared without case (a missing property allowed): each
    value's bucket is found by hashing instead of sorting every object,
    then the buckets are sorted by key.  The same groups as sorting the
    rows stably and grouping equal neighbours, since for these values the
    sort key and equality agree.  The rows come first, then the key values
    and objects the input sink took after them.  None for anything else."""
    buckets: dict[Any, tuple[list[Any], list[Any]]] = {}
    missing: Optional[tuple[list[Any], list[Any]]] = None
    kind: Any = None
    keyed = chain(((values[0], values, obj) for values, obj in rows),
                  ((key, None, obj) for key, obj in zip(sunk_keys, sunk_objects)))
    for value, values, obj in keyed:
        if value is MISSING:
            if missing is None:
                missing = (values or [value], [obj])
            else:
                missing[1].append(obj)
            continue
        value_type = type(value)
        if value_type is not kind:
            if kind is not None or not (value_type is int or value_type is float
                                        or value_type is str and not case_sensitive):
                return None
            kind = value_type
        if value_type is float and value != value:
            return None
        key = value.lower() if value_type is str else value
        bucket = buckets.get(key)
        if bucket is None:
            buckets[key] = (values or [value], [obj])
        else:
            bucket[1].append(obj)
    ordered = [buckets[key] for key in sorted(buckets)]
    if missing is not None:
        ordered.append(missing)
    groups = []
    for values, members in ordered:
        group = make(values, members[0])
        group.add_all(members[1:])
        groups.append(group)
    return groups


def _plain_groups(rows: list[tuple[list[Any], Any]], make: Any, case_sensitive: bool) -> list[GroupInfo]:
    """Sorted rows of plain key values (numbers, strings; see plain_column)
    into groups: equal keys are adjacent, and equal means what the comparer
    says (equality_key), so no comparer call per object."""
    groups: list[GroupInfo] = []
    members: list[Any] = []
    previous: Any = None
    for values, obj in rows:
        key = equality_key(values, case_sensitive)
        if members and key == previous:
            members.append(obj)
            continue
        if members:
            groups[-1].add_all(members[1:])
        groups.append(make(values, obj))
        members = [obj]
        previous = key
    if members:
        groups[-1].add_all(members[1:])
    return groups
