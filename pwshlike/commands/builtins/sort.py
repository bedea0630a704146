"""Sort-Object: sorts its input by property values, with pwsh's rules.

Values compare as PowerShell's operators compare them (the right value is
converted to the left one's type; strings ignore case unless
-CaseSensitive); values that cannot be compared compare as strings;
$null sorts first and an object that lacks the property sorts last in
either direction.  The sort is always stable (pwsh's is only with
-Stable/-Top/-Bottom; a stable result is one of the orders it may give).
"""

from __future__ import annotations

from typing import Any, Iterator

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range

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
        stable_sort(rows, ascending, case_sensitive)
        if self.unique:
            rows = _unique(rows, row_comparer(ascending, case_sensitive))
        if self.top:
            rows = rows[:self.top]
        elif self.bottom:
            rows = rows[-self.bottom:]
        for _values, obj in rows:
            yield obj


def _unique(rows: list[tuple[list[Any], Any]], compare_rows: Any) -> list[tuple[list[Any], Any]]:
    """The first of each run of rows that compare equal."""
    kept: list[tuple[list[Any], Any]] = []
    for row in rows:
        if not kept or compare_rows(kept[-1][0], row[0]) != 0:
            kept.append(row)
    return kept
