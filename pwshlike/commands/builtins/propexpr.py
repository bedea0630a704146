"""Property expressions and the object comparer that Sort-Object,
Group-Object, Compare-Object and Measure-Object share (pwsh's
``PSPropertyExpression``, ``MshParameter`` and ``ObjectCommandComparer``).

A ``-Property`` entry is a property name (wildcards allowed), a script
block evaluated with ``$_`` set to the object, or a hashtable whose
``Expression`` key holds either (Sort-Object also takes ``Ascending`` /
``Descending``).  Key names may be abbreviated, as in pwsh.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cmp_to_key
from typing import Any, Callable, Iterable, Optional, Sequence

from pwshlike.dotnet import members
from pwshlike.dotnet.conversions import cast_error, to_bool, to_string
from pwshlike.dotnet.errors import DotNetException, ErrorCategory, PSArgumentException
from pwshlike.dotnet.operators import compare
from pwshlike.dotnet.values import BigInt, Byte, EnumValue, Hashtable, PSCustomObject, UInt16, UInt32, UInt64
from pwshlike.dotnet.wildcard import contains_wildcard, wildcard_match

MISSING: Any = object()
"""The value of a property the object does not have (pwsh's
NonExistingProperty): it sorts after every existing value."""


class PropertyExpression:
    """One property name or script block, evaluated against objects; scripts
    see it as ``[PSPropertyExpression]`` (a parameter of that type takes a
    name or a script block)."""

    __slots__ = ("name", "script")
    full_name = "Microsoft.PowerShell.Commands.PSPropertyExpression"
    PS_MEMBERS = {"Script": "script", "HasWildCardCharacters": "has_wildcards", "GetValues": "get_values",
                  "ResolveNames": "resolve_names", "ToString": "__str__"}

    def __init__(self, name: Optional[str] = None, script: Any = None) -> None:
        self.name = name
        self.script = script

    @property
    def has_wildcards(self) -> bool:
        return self.name is not None and contains_wildcard(self.name)

    def __str__(self) -> str:
        return self.name if self.name is not None else str(self.script)

    def resolve_names(self, obj: Any) -> list["PropertyExpression"]:
        """The expressions this one stands for on ``obj``: a wildcard becomes
        the matching property names; a plain name that ``obj`` lacks gives
        nothing; a script block stands for itself."""
        if self.name is None:
            return [self]
        if self.has_wildcards:
            return [PropertyExpression(n) for n in property_names(obj) if wildcard_match(n, self.name)]
        return [self] if members.has_property(obj, self.name) else []

    def value(self, obj: Any) -> Any:
        """The expression's value on ``obj``; MISSING when a named property
        does not exist.  A script block's output is returned as
        ``InvokeReturnAsIs`` does: one object alone, several as a list."""
        if self.script is not None:
            result = self.script.invoke_with_input(obj)
            if not result:
                return None
            return result[0] if len(result) == 1 else result
        if type(obj) is PSCustomObject:
            # A note property is read once (what has_property and get_member would both find first).
            value = obj.get_property(self.name, MISSING)
            if value is not MISSING:
                return value
        if obj is None or not members.has_property(obj, self.name):
            return MISSING
        return members.get_member(obj, self.name)


    def get_values(self, target: Any, expand: Any = True, eat_exceptions: Any = True) -> list["PropertyExpressionResult"]:
        """pwsh's ``GetValues``: one result per name the expression resolves
        to on ``target`` (a wildcard may match several); a script that
        fails gives a result holding its exception unless ``eat_exceptions``
        is false, which lets the error through."""
        results = []
        for resolved in self.resolve_names(target) if to_bool(expand) else [self]:
            try:
                value = resolved.value(target)
            except DotNetException as exc:
                if not to_bool(eat_exceptions):
                    raise
                results.append(PropertyExpressionResult(None, resolved, exc))
                continue
            results.append(PropertyExpressionResult(None if value is MISSING else value, resolved, None))
        return results


class PropertyExpressionResult:
    """``PSPropertyExpressionResult``: a value, the expression that produced
    it, and the exception when producing it failed."""

    __slots__ = ("result", "resolved_expression", "exception")
    full_name = "Microsoft.PowerShell.Commands.PSPropertyExpressionResult"
    PS_MEMBERS = {"Result": "result", "ResolvedExpression": "resolved_expression", "Exception": "exception"}

    def __init__(self, result: Any, resolved_expression: PropertyExpression, exception: Any) -> None:
        self.result = result
        self.resolved_expression = resolved_expression
        self.exception = exception


def _to_property_expression(value: Any) -> PropertyExpression:
    """A [PSPropertyExpression] cast or parameter: a name or a script block."""
    if isinstance(value, PropertyExpression):
        return value
    if hasattr(value, "invoke_with_input"):
        return PropertyExpression(script=value)
    if isinstance(value, str):
        return PropertyExpression(value)
    raise cast_error(value, PropertyExpression.full_name)


def register_types() -> None:
    """Makes ``[PSPropertyExpression]`` known (the type table's lazy family
    calls this on the first type lookup that misses)."""
    from pwshlike.dotnet.types import register_class
    register_class(PropertyExpression, PropertyExpression.full_name, "PSPropertyExpression",
                   converter=_to_property_expression, constructor=_to_property_expression)
    register_class(PropertyExpressionResult, PropertyExpressionResult.full_name)


def property_names(obj: Any) -> list[str]:
    """The names of an object's properties (a dictionary's keys count)."""
    if isinstance(obj, (Hashtable, dict)):
        return [to_string(k) for k in obj]
    return [p.Name for p in members.property_list(obj)]


class SortKey:
    """One parsed ``-Property`` entry: its expression and, for Sort-Object,
    an ascending override (None when the entry does not say)."""

    __slots__ = ("expression", "ascending")

    def __init__(self, expression: PropertyExpression, ascending: Optional[bool] = None) -> None:
        self.expression = expression
        self.ascending = ascending


def _illegal_key(key: Any) -> PSArgumentException:
    exc = PSArgumentException(f"The {key} key is not valid.", error_id="DictionaryKeyIllegal")
    exc.category = ErrorCategory.InvalidArgument
    return exc


def _match_key(key: Any, allowed: Sequence[str]) -> str:
    """The entry a hashtable key names: pwsh accepts any unambiguous prefix."""
    text = to_string(key).lower()
    found = [name for name in allowed if name.startswith(text)] if text else []
    if len(found) == 1:
        return found[0]
    exact = [name for name in found if name == text]
    if exact:
        return exact[0]
    if len(found) > 1:
        exc = PSArgumentException(f"The {key} key is ambiguous; {found[0]} and {found[1]} conflict.",
                                  error_id="DictionaryKeyAmbiguous")
        exc.category = ErrorCategory.InvalidArgument
        raise exc
    raise _illegal_key(key)


def _expression(value: Any) -> PropertyExpression:
    if hasattr(value, "invoke_with_input"):
        return PropertyExpression(script=value)
    text = to_string(value)
    if not text:
        exc = PSArgumentException("An empty string value is not allowed.", error_id="ExpressionEmptyString1")
        exc.category = ErrorCategory.InvalidArgument
        raise exc
    return PropertyExpression(text)


def parse_keys(specs: Optional[Iterable[Any]], *, with_order: bool) -> list[SortKey]:
    """Parses a ``-Property`` argument.  ``with_order`` allows Sort-Object's
    ``Ascending``/``Descending`` hashtable keys."""
    allowed = ("expression", "ascending", "descending") if with_order else ("expression",)
    keys: list[SortKey] = []
    for spec in specs or ():
        if isinstance(spec, (Hashtable, dict)):
            entries: dict[str, Any] = {}
            for key, value in spec.items():
                entries[_match_key(key, allowed)] = value
            if "expression" not in entries:
                exc = PSArgumentException("A mandatory entry for expression is missing.",
                                          error_id="DictionaryKeyMandatoryEntry")
                exc.category = ErrorCategory.InvalidArgument
                raise exc
            ascending: Optional[bool] = None
            has_asc, has_desc = "ascending" in entries, "descending" in entries
            if has_asc and has_desc:
                asc, desc = to_bool(entries["ascending"]), to_bool(entries["descending"])
                ascending = asc if asc != desc else None
            elif has_asc:
                ascending = to_bool(entries["ascending"])
            elif has_desc:
                ascending = not to_bool(entries["descending"])
            keys.append(SortKey(_expression(entries["expression"]), ascending))
        else:
            keys.append(SortKey(_expression(spec)))
    return keys


def parse_keys_for(cmdlet: Any, specs: Optional[Iterable[Any]], *, with_order: bool) -> list[SortKey]:
    """parse_keys, with an invalid entry reported as the cmdlet's
    terminating error (pwsh's TerminatingErrorContext)."""
    try:
        return parse_keys(specs, with_order=with_order)
    except PSArgumentException as exc:
        cmdlet.throw_terminating_error(exc.error_record)
        raise


def expand_keys(keys: list[SortKey], objects: Iterable[Any]) -> list[SortKey]:
    """Replaces wildcard names with the matching property names of the
    objects (sorted case-insensitively, as pwsh's SortedDictionary does)."""
    expanded: list[SortKey] = []
    sample = list(objects)
    for key in keys:
        if not key.expression.has_wildcards:
            expanded.append(key)
            continue
        names: dict[str, str] = {}
        for obj in sample:
            if obj is None:
                continue
            for resolved in key.expression.resolve_names(obj):
                names.setdefault(resolved.name.lower(), resolved.name)  # type: ignore[union-attr]
        for lowered in sorted(names):
            expanded.append(SortKey(PropertyExpression(names[lowered]), key.ascending))
    return expanded


def evaluate(obj: Any, keys: list[SortKey]) -> list[Any]:
    """The key values of one object (the object itself when there are no keys)."""
    if not keys:
        return [obj]
    return [key.expression.value(obj) for key in keys]


def single_key_reader(key: SortKey) -> Callable[[Any], Any]:
    """The value of one key on an object, as ``evaluate`` finds it: a
    property name is read straight from a custom object's note property
    (the value ``value`` finds first)."""
    expression = key.expression
    if expression.script is not None:
        return expression.value
    lowered = expression.name.lower()  # type: ignore[union-attr]
    slow = expression.value

    def read(obj: Any) -> Any:
        if type(obj) is PSCustomObject:
            value = obj.note_value(lowered, MISSING)
            if value is not MISSING:
                return value
        return slow(obj)
    return read


# --- comparison ---------------------------------------------------------------------------------

def compare_values(a: Any, b: Any, case_sensitive: bool) -> int:
    """pwsh's ObjectCommandComparer for one key: a missing property sorts
    after everything; $null against a value as LanguagePrimitives.Compare
    puts it (below zero and positive numbers and everything else, above
    negative numbers); otherwise LanguagePrimitives' comparison with a string
    comparison as the fallback."""
    if a is MISSING or b is MISSING:
        return (a is MISSING) - (b is MISSING)
    if a is None or b is None:
        if a is b:
            return 0
        return -_above_null(b) if a is None else _above_null(a)
    return compare(a, b, case_sensitive)


# The types LanguagePrimitives.CompareObjectToNull treats as signed numbers.
_SIGNED_NUMBERS = (int, float, Decimal)
_NOT_SIGNED_NUMBERS = (bool, EnumValue, Byte, UInt16, UInt32, UInt64, BigInt)


def _above_null(value: Any) -> int:
    """1 when ``value`` sorts after $null, -1 when before: only a negative
    signed number (Int16/32/64, SByte, Single, Double, Decimal) is below it."""
    if isinstance(value, _SIGNED_NUMBERS) and not isinstance(value, _NOT_SIGNED_NUMBERS) and value < 0:
        return -1
    return 1


def row_comparer(ascending: Sequence[bool], case_sensitive: bool) -> Callable[[list[Any], list[Any]], int]:
    """Compares two key rows column by column; a missing property stays
    last whatever the direction."""
    def compare_rows(left: list[Any], right: list[Any]) -> int:
        for index, asc in enumerate(ascending):
            a = left[index] if index < len(left) else MISSING
            b = right[index] if index < len(right) else MISSING
            if a is MISSING or b is MISSING:
                result = (a is MISSING) - (b is MISSING)
            else:
                result = compare_values(a, b, case_sensitive)
                if not asc:
                    result = -result
            if result:
                return result
        return 0
    return compare_rows


def _same(value: Any) -> Any:
    return value


def _fast_column_key(values: list[Any], case_sensitive: bool) -> Optional[Callable[[Any], Any]]:
    """A Python sort key equivalent to ``compare`` for a column whose values
    are all plain numbers or all plain strings; None otherwise."""
    kinds = {type(v) for v in values}
    if kinds <= {int, float} and kinds:
        return _same
    if kinds == {str}:
        if not case_sensitive:
            return str.lower
        # Equal ignoring case: the first differing letter decides, lower case first.
        return lambda v: (v.lower(), [not c.islower() for c in v])
    return None


def stable_sort(rows: list[tuple[list[Any], Any]], ascending: Sequence[bool], case_sensitive: bool) -> None:
    """Sorts (key values, payload) rows in place, stably, by each column in
    turn from the last (Python's sort keeps the order of equal rows, so
    sorting by the least significant column first gives the full order)."""
    for column in range(len(ascending) - 1, -1, -1):
        asc = ascending[column]
        present = [r for r in rows if column < len(r[0]) and r[0][column] is not MISSING]
        absent = [r for r in rows if not (column < len(r[0]) and r[0][column] is not MISSING)]
        values = [r[0][column] for r in present]
        fast = _fast_column_key(values, case_sensitive)
        if fast is _same:
            present.sort(key=lambda r: r[0][column], reverse=not asc)
        elif fast is str.lower:
            present.sort(key=lambda r: r[0][column].lower(), reverse=not asc)
        elif fast is not None:
            present.sort(key=lambda r: fast(r[0][column]), reverse=not asc)
        else:
            def cmp(left: tuple[list[Any], Any], right: tuple[list[Any], Any], column: int = column) -> int:
                return compare_values(left[0][column], right[0][column], case_sensitive)
            present.sort(key=cmp_to_key(cmp), reverse=not asc)
        rows[:] = present + absent


def plain_column(values: list[Any]) -> bool:
    """Whether pwsh's comparer orders these values as Python's sort does
    with stable_sort's fast key: all plain int/float without NaN, or all
    plain str."""
    if not values:
        return True
    first = type(values[0])
    if first is str:
        return all(type(v) is str for v in values)
    if first is int or first is float:
        return all(type(v) is int or type(v) is float and v == v for v in values)
    return False


def equality_key(values: list[Any], case_sensitive: bool) -> tuple[Any, ...]:
    """What makes two rows of plain values compare equal: numbers by value,
    strings ignoring case unless -CaseSensitive (then only identical
    strings are equal), a missing property only with a missing one."""
    if case_sensitive:
        return tuple(values)
    return tuple(v.lower() if type(v) is str else v for v in values)
