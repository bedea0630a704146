"""Measure-Object: counts, sums, averages, extremes and standard
deviations of objects or their properties, or lines, words and characters
of their text."""

from __future__ import annotations

import math
from functools import reduce
from operator import add
from typing import Any, Callable, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.typeconv import OBJECT_ARRAY
from pwshlike.commands.validation import validate_not_null_or_empty
from pwshlike.dotnet.conversions import convert_to_double, dotnet_to_string, to_string
from pwshlike.dotnet.errors import ErrorCategory, ErrorRecord, PSArgumentException, PSInvalidOperationException
from pwshlike.dotnet.operators import compare
from pwshlike.dotnet.values import PSCustomObject
from pwshlike.runtime.scopes import strict_version

from .propexpr import PropertyExpression, parse_keys_for

_GENERIC = "GenericMeasure"
_TEXT = "TextMeasure"


class GenericMeasureInfo:
    """``Microsoft.PowerShell.Commands.GenericMeasureInfo``: statistics not
    asked for are $null."""

    __slots__ = ("Count", "Average", "Sum", "Maximum", "Minimum", "StandardDeviation", "Property")
    full_name = "Microsoft.PowerShell.Commands.GenericMeasureInfo"
    PS_MEMBERS = {name: name for name in __slots__}

    def __init__(self) -> None:
        self.Count = 0
        self.Average: Optional[float] = None
        self.Sum: Optional[float] = None
        self.Maximum: Any = None
        self.Minimum: Any = None
        self.StandardDeviation: Optional[float] = None
        self.Property: Optional[str] = None

    def __str__(self) -> str:
        return self.full_name


class GenericObjectMeasureInfo(GenericMeasureInfo):
    """What Measure-Object gives when -Maximum/-Minimum found values that
    are not numbers (strings, dates): the extremes keep their type."""

    __slots__ = ()
    full_name = "Microsoft.PowerShell.Commands.GenericObjectMeasureInfo"


class TextMeasureInfo:
    """``Microsoft.PowerShell.Commands.TextMeasureInfo``."""

    __slots__ = ("Lines", "Words", "Characters", "Property")
    full_name = "Microsoft.PowerShell.Commands.TextMeasureInfo"
    PS_MEMBERS = {name: name for name in __slots__}

    def __init__(self) -> None:
        self.Lines: Optional[int] = None
        self.Words: Optional[int] = None
        self.Characters: Optional[int] = None
        self.Property: Optional[str] = None

    def __str__(self) -> str:
        return self.full_name


class _Statistics:
    """Running figures for one property (Welford's method for the variance)."""

    __slots__ = ("count", "sum", "mean", "m2", "numbers", "maximum", "minimum", "lines", "words", "characters")

    def __init__(self) -> None:
        self.count = 0
        self.sum = 0.0
        self.mean = 0.0
        self.m2 = 0.0
        self.numbers = 0
        self.maximum: Any = None
        self.minimum: Any = None
        self.lines = 0
        self.words = 0
        self.characters = 0

    def add_number(self, value: float) -> None:
        self.sum += value
        self.numbers += 1
        delta = value - self.mean
        self.mean += delta / self.numbers
        self.m2 += delta * (value - self.mean)


def _as_double(value: Any) -> Optional[float]:
    try:
        return convert_to_double(value)
    except Exception:
        return None


def _extreme(value: Any, current: Any, minimum: bool) -> Any:
    """pwsh's Measure-Object comparison: numbers compare as doubles, values
    of different types as strings; returns whichever of the two wins."""
    if current is None:
        return value
    a = _as_double(value) if value is not None else None
    a = value if a is None else a
    b = _as_double(current)
    b = current if b is None else b
    if a is not None and type(a) is not type(b):
        a, b = dotnet_to_string(a), dotnet_to_string(b)
    result = compare(b, a, False)
    return value if (result if minimum else -result) > 0 else current


def _batch_extreme(numbers: list[Any], current: Any, minimum: bool) -> Any:
    """_extreme over ``numbers`` in turn: when ``current`` is $null or a
    number, every comparison is numeric, so the smallest (largest) number
    decides; against text they compare as strings, one by one."""
    if current is None or _as_double(current) is not None:
        return _extreme(min(numbers) if minimum else max(numbers), current, minimum)
    for number in numbers:
        current = _extreme(number, current, minimum)
    return current


def _count_words(text: str) -> int:
    return len(text.split())


def _count_lines(text: str) -> int:
    if not text:
        return 0
    return text.count("\n") + (0 if text.endswith("\n") else 1)


@cmdlet("Measure-Object", default_parameter_set=_GENERIC, help_uri="https://go.microsoft.com/fwlink/?LinkID=2096617")
class MeasureObjectCommand(Cmdlet):
    """Calculates statistics of objects or of their property values.

    Without switches it only counts; -Line, -Word and -Character measure
    text instead."""

    help_examples = [
        ('Example 1: Count objects',
         'Get-ChildItem -File | Measure-Object',
         'Count holds the number of files.'),
        ('Example 2: Statistics of a property',
         'Get-ChildItem -File | Measure-Object -Property Length -Sum -Average -Maximum',
         'Returns the total, the average and the largest size.'),
        ('Example 3: Lines, words and characters',
         'Get-Content ./README.md | Measure-Object -Line -Word -Character',
         'Measures the text, like wc.'),
    ]

    input_object = Parameter("PSObject", value_from_pipeline=True, help="The objects to measure.")
    property = Parameter("PSPropertyExpression[]", position=0, validators=[validate_not_null_or_empty()],
                         converter=OBJECT_ARRAY, help="Properties (names, wildcards or script blocks).",
                         supports_wildcards=True)
    standard_deviation = Parameter("SwitchParameter", sets={_GENERIC: {}}, help="The standard deviation.")
    sum = Parameter("SwitchParameter", sets={_GENERIC: {}}, help="The sum.")
    all_stats = Parameter("SwitchParameter", sets={_GENERIC: {}}, help="Every statistic.")
    average = Parameter("SwitchParameter", sets={_GENERIC: {}}, help="The average.")
    maximum = Parameter("SwitchParameter", sets={_GENERIC: {}}, help="The largest value.")
    minimum = Parameter("SwitchParameter", sets={_GENERIC: {}}, help="The smallest value.")
    line = Parameter("SwitchParameter", sets={_TEXT: {}}, help="Counts lines.")
    word = Parameter("SwitchParameter", sets={_TEXT: {}}, help="Counts words.")
    character = Parameter("SwitchParameter", sets={_TEXT: {}}, help="Counts characters.")
    ignore_white_space = Parameter("SwitchParameter", sets={_TEXT: {}},
                                   help="Leaves white space out of the character count.")

    def begin_processing(self) -> None:
        everything = bool(self.all_stats)
        self._sum = everything or bool(self.sum)
        self._average = everything or bool(self.average)
        self._deviation = everything or bool(self.standard_deviation)
        self._max = everything or bool(self.maximum)
        self._min = everything or bool(self.minimum)
        self._text = bool(self.line or self.word or self.character)
        self._expressions: Optional[list[PropertyExpression]] = None
        if self.property is not None:
            self._expressions = [key.expression for key in parse_keys_for(self, self.property, with_order=False)]
        self._stats: dict[str, tuple[str, _Statistics]] = {}
        self._records = 0
        self._non_numeric = False
        # The input sink's numbers not yet added, per property name ("" for the objects themselves).
        self._pending: dict[str, list[Any]] = {}
        self._pending_records = 0
        self._counting: Optional[str] = None  # the pending list whose length is the objects' count, if one is

    def _entry(self, name: str) -> _Statistics:
        found = self._stats.get(name.lower())
        if found is None:
            found = self._stats[name.lower()] = (name, _Statistics())
        return found[1]

    def input_sink(self, parameter: str) -> Optional[Callable[[Any], bool]]:
        """Plain numbers (int, or float but NaN), read from the object itself
        or from note properties named in -Property (no wildcards, no script
        blocks) of PSCustomObjects, wait in a list per property; they are
        added to the figures, in order, before anything else is (see
        _flush).  Any other object flushes them and takes the full way."""
        if parameter != "InputObject" or self._text:
            return None
        pending = self._pending
        if self._expressions is None:
            waiting = pending.setdefault("", [])
            append = waiting.append
            self._counting = ""

            def take_number(obj: Any) -> bool:
                kind = type(obj)
                if kind is int and -2 ** 63 < obj < 2 ** 63 or kind is float and obj == obj:  # Int64: [double] converts
                    append(obj)
                    return True
                if obj is None:
                    return True
                self._flush()
                return False
            return take_number
        names = [e.name for e in self._expressions if e.script is None and not e.has_wildcards]
        lowered = [name.lower() for name in names]  # type: ignore[union-attr]
        if len(names) != len(self._expressions) or len(set(lowered)) != len(lowered):
            return None
        lists = [(low, pending.setdefault(name, []).append)  # type: ignore[arg-type]
                 for low, name in zip(lowered, names)]
        if len(lists) == 1:
            self._counting = names[0]  # one number per object: the list's length counts the objects
            low, add_value = lists[0]

            def take_property(obj: Any) -> bool:
                if type(obj) is PSCustomObject:
                    value = obj.note_value(low, None)
                    kind = type(value)
                    if kind is int and -2 ** 63 < value < 2 ** 63 or kind is float and value == value:
                        add_value(value)
                        return True
                elif obj is None:
                    return True
                self._flush()
                return False
            return take_property

        def take_properties(obj: Any) -> bool:
            if obj is None:
                return True
            if type(obj) is PSCustomObject:
                values = [obj.note_value(low, None) for low, _append in lists]
                if all(type(v) is int and -2 ** 63 < v < 2 ** 63 or type(v) is float and v == v for v in values):
                    for value, (_low, append) in zip(values, lists):
                        append(value)
                    self._pending_records += 1
                    return True
            self._flush()
            return False
        return take_properties

    def _flush(self) -> None:
        """Adds the numbers the input sink kept to the figures, as _analyze
        would have one by one: the same sum (added in order), count and
        extremes, and Welford's steps when -StandardDeviation needs them."""
        self._records += self._pending_records
        self._pending_records = 0
        for name, values in self._pending.items():
            if not values:
                continue
            if name == self._counting:
                self._records += len(values)
            stat = self._entry(name)
            stat.count += len(values)
            if self._sum or self._average or self._deviation:
                if self._deviation:
                    for value in values:
                        stat.add_number(float(value))
                else:
                    stat.sum = reduce(add, map(float, values), stat.sum)
                    stat.numbers += len(values)
            if self._min:
                stat.minimum = _batch_extreme(values, stat.minimum, True)
            if self._max:
                stat.maximum = _batch_extreme(values, stat.maximum, False)
            values.clear()

    def process_record(self) -> None:
        obj = self.input_object
        if obj is None:
            return
        self._records += 1
        if self._expressions is None:
            self._analyze("", obj)
            return
        counted: set[str] = set()
        for expression in self._expressions:
            resolved = expression.resolve_names(obj)
            if not resolved:
                if not expression.has_wildcards:
                    self._entry(str(expression))
                continue
            for each in resolved:
                name = str(each)
                if name.lower() in counted:
                    continue
                counted.add(name.lower())
                self._analyze(name, each.value(obj))

    def _analyze(self, name: str, value: Any) -> None:
        stat = self._entry(name)
        stat.count += 1
        if self._text:
            text = "" if value is None else to_string(value)  # as [string]: an array's items joined by spaces
            if self.character:
                stat.characters += len("".join(text.split())) if self.ignore_white_space else len(text)
            if self.word:
                stat.words += _count_words(text)
            if self.line:
                stat.lines += _count_lines(text)
        if self._sum or self._average or self._deviation:
            number = _as_double(value)
            if number is None:
                self._non_numeric = True
                exc = PSInvalidOperationException(f'Input object "{dotnet_to_string(value)}" is not numeric.')
                self.write_error(ErrorRecord(exc, "NonNumericInputObject", ErrorCategory.InvalidType, value))
                return
            stat.add_number(number)
        if self._min:
            stat.minimum = _extreme(value, stat.minimum, True)
        if self._max:
            stat.maximum = _extreme(value, stat.maximum, False)

    def end_processing(self) -> Iterator[Any]:
        self._flush()
        if self._records == 0 and self._expressions is None:
            self._entry("")
        for name, stat in self._stats.values():
            if stat.count == 0 and self._expressions is not None:
                if strict_version(self.context.scope) >= 2:
                    self._property_not_found(name)
                continue
            info: Any = self._text_info(stat) if self._text else self._generic_info(stat)
            if self._expressions is not None:
                info.Property = name
            yield info

    def _property_not_found(self, name: str) -> None:
        error_id = _TEXT if self._text else _GENERIC
        exc = PSArgumentException(f'The property "{name}" cannot be found in the input for any objects.')
        self.write_error(ErrorRecord(exc, f"{error_id}PropertyNotFound", ErrorCategory.ObjectNotFound, None))

    def _text_info(self, stat: _Statistics) -> TextMeasureInfo:
        info = TextMeasureInfo()
        if self.line:
            info.Lines = stat.lines
        if self.word:
            info.Words = stat.words
        if self.character:
            info.Characters = stat.characters
        return info

    def _generic_info(self, stat: _Statistics) -> GenericMeasureInfo:
        numeric = all(v is None or _as_double(v) is not None for v in (stat.minimum, stat.maximum))
        info = GenericMeasureInfo() if numeric else GenericObjectMeasureInfo()
        info.Count = stat.count
        if not self._non_numeric:
            if self._sum:
                info.Sum = stat.sum
            if self._average and stat.count > 0:
                info.Average = stat.sum / stat.count
            if self._deviation:
                variance = stat.m2 / (stat.numbers - 1) if stat.numbers > 1 else 0.0
                info.StandardDeviation = math.sqrt(variance)
        if self._max and stat.maximum is not None:
            info.Maximum = _as_double(stat.maximum) if numeric else stat.maximum
        if self._min and stat.minimum is not None:
            info.Minimum = _as_double(stat.minimum) if numeric else stat.minimum
        return info
