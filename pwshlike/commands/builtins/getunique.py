"""Get-Unique: drops each input object that equals the one just before it.

As in pwsh, only neighbours are compared (the input is expected to be
sorted), and the comparison is by value with the same comparer Sort-Object
uses, by text with -AsString, or by the first type name with -OnType.
"""

from __future__ import annotations

from typing import Any, Iterator

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet import members
from pwshlike.dotnet.conversions import to_string

from .propexpr import compare_values

_NOTHING: Any = object()


@cmdlet("Get-Unique", default_parameter_set="AsString", help_uri="https://go.microsoft.com/fwlink/?LinkID=2097028")
class GetUniqueCommand(Cmdlet):
    """Returns the input objects, leaving out each one that equals the object
    before it.

    Get-Unique compares every object only with the previous one it passed on,
    so it removes duplicates from sorted input (Sort-Object first, or use
    Sort-Object -Unique).  Objects are compared as Sort-Object compares them;
    -AsString compares their text instead and -OnType their type.  Text
    comparisons are case-sensitive unless -CaseInsensitive is given."""

    help_examples = [
        ("Example 1: The distinct words of a text",
         "-split 'b a c a b' | Sort-Object | Get-Unique", "Returns a, b and c."),
        ("Example 2: One object of each type", "1, 2, 'a', 'b', 3 | Get-Unique -OnType",
         "Returns 1, 'a' and 3: a new object is passed on each time the type changes."),
        ("Example 3: Ignore case", "'A', 'a', 'B' | Get-Unique -AsString -CaseInsensitive", "Returns A and B."),
    ]

    input_object = Parameter("PSObject", value_from_pipeline=True, allow_null=True,
                             help="The objects to filter; usually piped, already sorted.")
    as_string = Parameter("SwitchParameter", sets={"AsString": {}},
                          help="Compares the objects as text, which is faster for many objects.")
    on_type = Parameter("SwitchParameter", sets={"UniqueByType": {}},
                        help="Passes on an object only when its type differs from the previous one's.")
    case_insensitive = Parameter("SwitchParameter", help="Ignores case when comparing text.")

    def begin_processing(self) -> None:
        self._last: Any = _NOTHING
        self._last_text: Any = None

    def process_record(self) -> Iterator[Any]:
        if "InputObject" not in self.bound_parameters:
            return
        obj = self.input_object
        if self._last is not _NOTHING and not self._differs(obj):
            return
        self._last = obj
        yield obj

    def _differs(self, obj: Any) -> bool:
        if self.on_type:
            return members._type_names(obj)[:1] != members._type_names(self._last)[:1]
        if self.as_string:
            text = to_string(obj)
            if self._last_text is None:
                self._last_text = to_string(self._last)
            if self.case_insensitive:
                same = text.lower() == self._last_text.lower()
            else:
                same = text == self._last_text
            if not same:
                self._last_text = text
            return not same
        return compare_values(obj, self._last, not self.case_insensitive) != 0
