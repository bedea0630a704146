"""Sort-Object: sorts its input by property values, with pwsh's rules.

Values compare as PowerShell's operators compare them (the right value is
converted to the left one's type; strings ignore case unless
-CaseSensitive); values that cannot be compared compare as strings;
$null sorts first and an object that lacks the property sorts last in
either direction.  With -Stable, -Top or -Bottom equal objects keep their
input order; otherwise pwsh sorts with .NET's unstable List.Sort, so when
some objects compare equal they are sorted again with that algorithm
(``introsort``) to leave them in pwsh's order.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range

from .introsort import introsort, introsort_ranks
from .propexpr import (MISSING, equality_key, evaluate, expand_keys, parse_keys_for, plain_column, row_comparer,
                       single_key_reader, stable_sort)

_INT_MAX = 2147483647


@cmdlet("Sort-Object", default_parameter_set="Default", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097038")
class SortObjectCommand(Cmdlet):
    """Sorts objects by property values.

    Each -Property entry is a name, a script block, or a hashtable with
    Expression and Ascending/Descending keys."""

    help_examples = [
        ('Example 1: Largest files first',
         'Get-ChildItem -File | Sort-Object Length -Descending',
         'Sorts the files by size, biggest first.'),
        ('Example 2: Several keys',
         "Get-ChildItem -File | Sort-Object Extension, @{ Expression = 'Length'; Descending = $true }",
         'Sorts by extension, then by size descending within each extension.'),
        ('Example 3: Distinct values',
         "'b', 'a', 'b', 'c' | Sort-Object -Unique",
         'Returns a, b and c.'),
    ]

    stable = Parameter("SwitchParameter", sets={"Default": {}}, help="Keeps equal objects in input order.")
    descending = Parameter("SwitchParameter", help="Sorts in descending order.")
    unique = Parameter("SwitchParameter", help="Drops objects that compare equal to an earlier one.")
    top = Parameter("Int32", sets={"Top": {"mandatory": True}}, validators=[validate_range(1, _INT_MAX)],
                    help="Only the first N objects of the sorted order.")
    bottom = Parameter("Int32", sets={"Bottom": {"mandatory": True}}, validators=[validate_range(1, _INT_MAX)],
                       help="Only the last N objects of the sorted order.")
    input_object = Parameter("PSObject", value_from_pipeline=True, help="The objects to sort.")
    property = Parameter("Object[]", position=0, help="Names, script blocks or hashtables to sort by.")
    case_sensitive = Parameter("SwitchParameter", help="Upper and lower case sort apart.")

    def begin_processing(self) -> None:
        self._keys = parse_keys_for(self, self.property, with_order=True)
        self._objects: list[Any] = []

    def process_record(self) -> None:
        if self.input_object is not None:
            self._objects.append(self.input_object)

    def input_sink(self, parameter: str) -> Optional[Callable[[Any], bool]]:
        if parameter != "InputObject":
            return None
        append = self._objects.append

        def take(obj: Any) -> bool:
            if obj is not None:
                append(obj)
            return True
        return take

    def end_processing(self) -> Optional[list[Any]]:
        objects = self._objects
        if not objects:
            return None
        keys = expand_keys(self._keys, objects)
        default = not self.descending
        ascending = [default if k.ascending is None else k.ascending for k in keys] or [default]
        case_sensitive = bool(self.case_sensitive)
        in_input_order = bool(self.stable or self.top or self.bottom)
        # Each object's key values, read once (a script block key runs once per object).
        unique = bool(self.unique)
        if len(keys) <= 1:
            single = list(map(single_key_reader(keys[0]), objects)) if keys else objects
            sorted_objects = _plain_single_order(objects, single, ascending[0], case_sensitive, in_input_order,
                                                 unique)
            values = [[value] for value in single] if sorted_objects is None else []
        else:
            values = [evaluate(obj, keys) for obj in objects]
            sorted_objects = _plain_order(objects, values, ascending, case_sensitive, in_input_order, unique)
        if sorted_objects is None:
            sorted_objects = _compared_order(objects, values, ascending, case_sensitive, in_input_order, unique)
        if self.top:
            sorted_objects = sorted_objects[:self.top]
        elif self.bottom:
            sorted_objects = sorted_objects[-self.bottom:]
        return sorted_objects


def _compared_order(objects: list[Any], key_values: list[list[Any]], ascending: list[bool], case_sensitive: bool,
                    in_input_order: bool, unique: bool) -> list[Any]:
    """The general order: keys compared by pwsh's comparer, whatever their types."""
    rows = list(zip(key_values, objects))
    unsorted = list(rows)
    stable_sort(rows, ascending, case_sensitive)
    compare_rows = row_comparer(ascending, case_sensitive)
    if not in_input_order and _has_ties(rows, compare_rows):
        rows = unsorted
        introsort(rows, lambda left, right: compare_rows(left[0], right[0]))
    if unique:
        rows = _unique(rows, compare_rows)
    return [obj for _values, obj in rows]


def _plain_order(objects: list[Any], key_values: list[list[Any]], ascending: list[bool], case_sensitive: bool,
                 in_input_order: bool, unique: bool) -> Optional[list[Any]]:
    """The order by several keys when every key value is a plain number (no
    NaN) or every one a plain string, column by column (a missing property
    allowed): then the comparer is a total order that Python's sort
    reproduces with a key, so key values are never compared through the
    comparer.  Equal rows are ranked alike, and the ranks go through .NET's
    introsort so equal objects land where pwsh puts them.  None when a
    column holds anything else ($null, dates, mixed types...)."""
    for column in range(len(ascending)):
        if not plain_column([values[column] for values in key_values if values[column] is not MISSING]):
            return None
    rows = list(zip(key_values, range(len(objects))))
    ordered = list(rows)
    stable_sort(ordered, ascending, case_sensitive)
    if in_input_order and not unique:
        return [objects[index] for _values, index in ordered]
    ranks = [0] * len(rows)
    rank = 0
    previous: Any = None
    previous_obj: Any = None
    distinct = True
    single = len(ascending) == 1
    for values, index in ordered:
        if single:  # equality_key without its tuple
            key = values[0]
            if not case_sensitive and type(key) is str:
                key = key.lower()
        else:
            key = equality_key(values, case_sensitive)
        obj = objects[index]
        if previous is not None:
            if key != previous:
                rank += 1
            elif distinct and not (type(obj) is type(previous_obj) and type(obj) in _PLAIN_VALUES
                                   and obj == previous_obj):
                distinct = False  # two equal rows a user can tell apart: their order is .NET's
        previous, previous_obj = key, obj
        ranks[index] = rank
    return _ranked_result(objects, [index for _values, index in ordered], ranks, distinct or in_input_order,
                          unique)


def _plain_single_order(objects: list[Any], values: list[Any], ascending: bool, case_sensitive: bool,
                        in_input_order: bool, unique: bool) -> Optional[list[Any]]:
    """_plain_order for one key (``values`` is ``objects`` when the objects
    are their own keys), on a flat list of key values: positions are sorted
    instead of a row (a list and a tuple) per object, which keeps the
    cyclic collector from running over and over on large inputs."""
    if values is objects and objects and type(objects[0]) in (int, float) and plain_column(objects) \
            and all(type(obj) is type(objects[0]) for obj in objects):
        # Equal numbers of one type look the same in either order: Python's sort gives pwsh's output.
        result = sorted(objects, reverse=not ascending)
        return _first_of_runs(result) if unique else result
    present = [index for index, value in enumerate(values) if value is not MISSING]
    absent = [index for index, value in enumerate(values) if value is MISSING] if len(present) < len(values) else []
    if not plain_column([values[index] for index in present]):
        return None
    text = bool(present) and type(values[present[0]]) is str
    if text and not case_sensitive:
        lowered = [value.lower() if value is not MISSING else value for value in values]
        order = sorted(present, key=lowered.__getitem__, reverse=not ascending) + absent
        equal_as: list[Any] = lowered
    else:
        if text:  # as stable_sort's key for case-sensitive strings: by letters, then lower case first
            order = sorted(present, key=lambda index: (values[index].lower(),
                                                       [not c.islower() for c in values[index]]),
                           reverse=not ascending)
        else:
            order = sorted(present, key=values.__getitem__, reverse=not ascending)
        order += absent
        equal_as = values
    if in_input_order and not unique:
        return [objects[index] for index in order]
    ranks = [0] * len(values)
    rank = 0
    distinct = True
    previous = order[0]
    for index in order[1:]:
        if equal_as[index] != equal_as[previous]:  # MISSING equals only itself
            rank += 1
        elif distinct:
            obj, previous_obj = objects[index], objects[previous]
            if not (type(obj) is type(previous_obj) and type(obj) in _PLAIN_VALUES and obj == previous_obj):
                distinct = False  # two equal objects a user can tell apart: their order is .NET's
        ranks[index] = rank
        previous = index
    return _ranked_result(objects, order, ranks, distinct or in_input_order, unique)


def _ranked_result(objects: list[Any], order: list[int], ranks: list[int], keep_order: bool,
                   unique: bool) -> list[Any]:
    """The objects of a plain order: in ``order`` (positions sorted by key)
    when equal keys cannot be told apart or the input order is kept,
    otherwise the ranks put through .NET's introsort so equal objects land
    where pwsh puts them; with -Unique, the first object of each rank."""
    if not keep_order:
        order = introsort_ranks(ranks)
    if not unique:
        return [objects[index] for index in order]
    kept: list[Any] = []
    last_rank = -1
    for index in order:
        if ranks[index] != last_rank:
            kept.append(objects[index])
            last_rank = ranks[index]
    return kept


def _first_of_runs(numbers: list[Any]) -> list[Any]:
    """-Unique over sorted numbers: the first of each run of equal ones."""
    kept: list[Any] = []
    for number in numbers:
        if not kept or number != kept[-1]:
            kept.append(number)
    return kept


_PLAIN_VALUES = (int, float, str, bool)


def _has_ties(rows: list[tuple[list[Any], Any]], compare_rows: Any) -> bool:
    """Whether two sorted objects compare equal and can be told apart:
    only then does the sort algorithm decide something a user sees (two
    equal numbers or identical strings look the same in either order)."""
    kind = type(rows[0][1])
    if kind in (int, float) and all(type(obj) is kind and len(keys) == 1 and keys[0] is obj for keys, obj in rows):
        return False  # numbers sorted by themselves: equal means identical (the common case, checked fast)
    for (left_keys, left), (right_keys, right) in zip(rows, rows[1:]):
        if compare_rows(left_keys, right_keys) == 0 and not (
                type(left) is type(right) and type(left) in _PLAIN_VALUES and left == right):
            return True
    return False


def _unique(rows: list[tuple[list[Any], Any]], compare_rows: Any) -> list[tuple[list[Any], Any]]:
    """The first of each run of rows that compare equal."""
    kept: list[tuple[list[Any], Any]] = []
    for row in rows:
        if not kept or compare_rows(kept[-1][0], row[0]) != 0:
            kept.append(row)
    return kept
