"""Compare-Object: the differences between two sets of objects.

pwsh's matching algorithm: difference objects are taken in order and
matched against the reference object at the same position first, then
against unmatched objects of the other side seen within -SyncWindow
positions.  Each result carries a SideIndicator: ``<=`` only in the
reference set, ``=>`` only in the difference set, ``==`` in both.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range
from pwshlike.dotnet import members
from pwshlike.dotnet.values import PSCustomObject

from .propexpr import MISSING, SortKey, evaluate, expand_keys, parse_keys_for, row_comparer

_INT_MAX = 2147483647
_MATCH, _REFERENCE, _DIFFERENCE = "==", "<=", "=>"

Entry = tuple[list[Any], Any]


@cmdlet("Compare-Object", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096605")
class CompareObjectCommand(Cmdlet):
    """Compares a reference set of objects with a difference set.

    Objects compare by value (or by the given properties) with
    PowerShell's comparison rules."""

    help_examples = [
        ('Example 1: Lines that differ between two files',
         'Compare-Object (Get-Content ./old.txt) (Get-Content ./new.txt)',
         "Each difference is an object with the line (InputObject) and a SideIndicator: '<=' only in the "
         "reference set, '=>' only in the difference set."),
        ('Example 2: Compare by a property',
         'Compare-Object $before $after -Property Name -IncludeEqual',
         "Objects match when their Name values are equal; -IncludeEqual also lists the matches with '=='."),
    ]

    reference_object = Parameter("PSObject[]", position=0, mandatory=True, allow_empty_collection=True,
                                 help="The objects to compare with.")
    difference_object = Parameter("PSObject[]", position=1, mandatory=True, value_from_pipeline=True,
                                  allow_empty_collection=True, help="The objects compared.")
    sync_window = Parameter("Int32", validators=[validate_range(0, _INT_MAX)], default=_INT_MAX,
                            help="How far apart matching objects may be.")
    property = Parameter("Object[]", help="Properties (names, script blocks or hashtables) to compare.")
    exclude_different = Parameter("SwitchParameter", help="Outputs only the objects found in both sets.")
    include_equal = Parameter("SwitchParameter", help="Also outputs the objects found in both sets.")
    pass_thru = Parameter("SwitchParameter", help="Outputs the objects themselves, with a SideIndicator.")
    case_sensitive = Parameter("SwitchParameter", help="Strings that differ in case are different.")

    def begin_processing(self) -> None:
        self._include_equal = bool(self.include_equal)
        if self.exclude_different and not ("IncludeEqual" in self.bound_parameters and not self.include_equal):
            self._include_equal = True
        self._parsed = parse_keys_for(self, self.property, with_order=False)
        self._keys: Optional[list[SortKey]] = None
        self._reference: Optional[list[Entry]] = None
        self._next_reference = 0
        self._reference_backlog: list[Entry] = []
        self._difference_backlog: list[Entry] = []
        self._same = row_comparer([True] * max(len(self._parsed), 1), bool(self.case_sensitive))

    def _entries(self, objects: list[Any]) -> list[Entry]:
        if self._keys is None:
            self._keys = expand_keys(self._parsed, self.reference_object or objects)
            self._same = row_comparer([True] * max(len(self._keys), 1), bool(self.case_sensitive))
        return [(evaluate(obj, self._keys), obj) for obj in objects if obj is not None]

    def process_record(self) -> Iterator[Any]:
        reference = list(self.reference_object or ())
        difference = list(self.difference_object or ())
        if not reference:
            for entry in self._entries(difference):
                yield from self._emit(entry, _DIFFERENCE)
            return
        if self._reference is None:
            self._reference = self._entries(reference)
        if not difference:
            yield from self._step(None)
            return
        for entry in self._entries(difference):
            yield from self._step(entry)

    def end_processing(self) -> Iterator[Any]:
        if self._reference is not None:
            while self._next_reference < len(self._reference):
                yield from self._step(None)
        for entry in self._difference_backlog:
            yield from self._emit(entry, _DIFFERENCE)
        for entry in self._reference_backlog:
            yield from self._emit(entry, _REFERENCE)
        self._difference_backlog.clear()
        self._reference_backlog.clear()

    def _step(self, difference: Optional[Entry]) -> Iterator[Any]:
        """One step of pwsh's matching algorithm for one difference object."""
        assert self._reference is not None
        reference: Optional[Entry] = None
        if self._next_reference < len(self._reference):
            reference = self._reference[self._next_reference]
            self._next_reference += 1
        if reference is not None and difference is not None and self._same(reference[0], difference[0]) == 0:
            yield from self._emit(reference, _MATCH)
            return
        matched = self._take_match(difference, self._reference_backlog)
        if matched is not None:
            yield from self._emit(matched, _MATCH)
            difference = None
        if self._take_match(reference, self._difference_backlog) is not None:
            assert reference is not None
            yield from self._emit(reference, _MATCH)
            reference = None
        window = self.sync_window
        if difference is not None:
            if window > 0:
                while len(self._difference_backlog) >= window:
                    yield from self._emit(self._difference_backlog.pop(0), _DIFFERENCE)
                self._difference_backlog.append(difference)
            else:
                yield from self._emit(difference, _DIFFERENCE)
        if reference is not None:
            if window > 0:
                while len(self._reference_backlog) >= window:
                    yield from self._emit(self._reference_backlog.pop(0), _REFERENCE)
                self._reference_backlog.append(reference)
            else:
                yield from self._emit(reference, _REFERENCE)

    def _take_match(self, entry: Optional[Entry], backlog: list[Entry]) -> Optional[Entry]:
        if entry is None:
            return None
        for index, candidate in enumerate(backlog):
            if self._same(entry[0], candidate[0]) == 0:
                return backlog.pop(index)
        return None

    def _emit(self, entry: Entry, side: str) -> Iterator[Any]:
        if side == _MATCH and not self._include_equal:
            return
        if side != _MATCH and self.exclude_different:
            return
        values, obj = entry
        if self.pass_thru:
            yield _with_side_indicator(obj, side)
            return
        result = PSCustomObject()
        if not self._keys:
            result.set_property("InputObject", obj)
        else:
            for key, value in zip(self._keys, values):
                name = str(key.expression)
                if not result.has_property(name):
                    result.set_property(name, None if value is MISSING else value)
        result.set_property("SideIndicator", side)
        yield result


def _with_side_indicator(obj: Any, side: str) -> Any:
    """-PassThru: the object itself with a SideIndicator note property.  A
    value that cannot carry instance members (a string, a number) is passed
    on without it."""
    if isinstance(obj, PSCustomObject):
        obj.remove_member("SideIndicator")
        obj.set_property("SideIndicator", side)
        return obj
    try:
        data = members.instance_members(obj, create=True)
    except TypeError:
        return obj
    assert data is not None
    data.names["sideindicator"] = "SideIndicator"
    data.values["sideindicator"] = side
    return obj
