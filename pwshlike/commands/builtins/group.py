"""Group-Object: objects grouped by equal property values.

As in pwsh 7, when every key value has the same type the groups come out
sorted by key (a stable sort, so each group keeps input order); with mixed
types they come out in the order their first member arrived.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet.conversions import dotnet_to_string
from pwshlike.dotnet.errors import ArgumentException, DotNetException, ErrorCategory, ErrorRecord
from pwshlike.dotnet.values import Hashtable, iter_collection

from .propexpr import MISSING, evaluate, parse_keys_for, row_comparer, stable_sort

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

    def __str__(self) -> str:
        return self.full_name


class GroupInfoNoElement(GroupInfo):
    """What -NoElement gives: the group keeps only its count."""

    __slots__ = ()
    full_name = "Microsoft.PowerShell.Commands.GroupInfoNoElement"

    def add(self, obj: Any) -> None:
        self.Count += 1


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
        self._types: Optional[list[Any]] = None
        self._mixed = False

    def process_record(self) -> None:
        obj = self.input_object
        if obj is None:
            return
        if not self._rows:
            self._check_switches()
        values = evaluate(obj, self._keys)
        self._rows.append((values, obj))
        if not self._mixed:
            self._note_types(values)

    def _check_switches(self) -> None:
        if self.as_string and not self.as_hash_table:
            self.throw_terminating_error(ErrorRecord(ArgumentException(_AS_STRING_NEEDS_HASHTABLE),
                                                     "ArgumentException", ErrorCategory.InvalidArgument,
                                                     self.as_string))
        if self.as_hash_table and not self.as_string and len(self._keys) > 1:
            self.throw_terminating_error(ErrorRecord(ArgumentException(_SINGLE_PROPERTY), "ArgumentException",
                                                     ErrorCategory.InvalidArgument, self.property))

    def _note_types(self, values: list[Any]) -> None:
        """Tracks whether all key values so far share a type per column
        (nulls and missing values fit any), which decides the grouping order."""
        kinds = [None if v is None or v is MISSING else type(v) for v in values]
        if self._types is None:
            self._types = kinds
            return
        if len(kinds) != len(self._types):
            self._mixed = True
            return
        for index, kind in enumerate(kinds):
            if kind is None:
                continue
            known = self._types[index]
            if known is None:
                self._types[index] = kind
            elif known is not kind:
                self._mixed = True
                return

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
        if not self._mixed:
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
