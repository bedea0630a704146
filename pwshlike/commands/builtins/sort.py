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

from typing import Any, Iterator

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range

from .introsort import introsort
from .propexpr import evaluate, expand_keys, parse_keys_for, row_comparer, stable_sort

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

    def end_processing(self) -> Iterator[Any]:
        objects = self._objects
        if not objects:
            return
        keys = expand_keys(self._keys, objects)
        default = not self.descending
        ascending = [default if k.ascending is None else k.ascending for k in keys] or [default]
        case_sensitive = bool(self.case_sensitive)
        rows = [(evaluate(obj, keys), obj) for obj in objects]
        unsorted = list(rows)
        stable_sort(rows, ascending, case_sensitive)
        compare_rows = row_comparer(ascending, case_sensitive)
        if not (self.stable or self.top or self.bottom) and _has_ties(rows, compare_rows):
            rows = unsorted
            introsort(rows, lambda left, right: compare_rows(left[0], right[0]))
        if self.unique:
            rows = _unique(rows, compare_rows)
        if self.top:
            rows = rows[:self.top]
        elif self.bottom:
            rows = rows[-self.bottom:]
        for _values, obj in rows:
            yield obj


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
