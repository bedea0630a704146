"""Get-Random and Get-SecureRandom: random numbers, random items of the
input, or the input shuffled.

Both follow pwsh's GetRandomCommandBase: bounds that are no number
literals are converted to an int, the numbers are Int32, Int64 or Double
by the bounds' types, items are picked with reservoir sampling and come
out in random order.  Get-SecureRandom always uses the cryptographic
generator; Get-Random does too until -SetSeed gives the session a seeded
one (pwsh keeps one per runspace), which later calls continue, so a seed
repeats the same sequence (not .NET's numbers: pwshlike's generator is
Python's).
"""

from __future__ import annotations

import math
import random
import weakref
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.validation import validate_range
from pwshlike.dotnet.conversions import convert_to_double, parse_number
from pwshlike.dotnet.errors import ArgumentException, ErrorCategory, ErrorRecord
from pwshlike.dotnet.values import Int64

_INT_MAX = 2147483647
_INT64_MAX = (1 << 63) - 1
_DOUBLE_MAX = 1.7976931348623157e308

# Get-Random's generator in each session: cryptographically strong until
# -SetSeed replaces it with a seeded one, which later calls then continue.
_GENERATORS: "weakref.WeakKeyDictionary[Any, random.Random]" = weakref.WeakKeyDictionary()


def _operand(value: Any) -> Any:
    """pwsh's ProcessOperand: a string is read as a number literal (Parser.ScanNumber),
    and what is no literal is converted to an int, whose error stops the cmdlet."""
    if isinstance(value, str):
        number = parse_number(value.strip())
        if number is None:
            from pwshlike.dotnet.conversions import convert_to_integer
            return convert_to_integer(value, "System.Int32")
        return number
    return value


def _is_int(value: Any) -> bool:
    return value is None or (type(value) is int and -_INT_MAX - 1 <= value <= _INT_MAX)


def _is_int64(value: Any) -> bool:
    return value is None or isinstance(value, Int64)


class _RandomCommandBase(Cmdlet):
    """What Get-Random and Get-SecureRandom share (pwsh's GetRandomCommandBase).

    -SetSeed is declared here, first, so that Get-Random lists it where pwsh
    does (a derived class's parameters come first there); Get-SecureRandom
    sets it to None, which leaves it out of its parameters."""

    set_seed = Parameter("Int32", help="Seeds the generator, for a repeatable sequence.")
    maximum = Parameter("Object", sets={"RandomNumberParameterSet": {"position": 0}},
                        help="The exclusive upper bound.")
    minimum = Parameter("Object", sets={"RandomNumberParameterSet": {}}, help="The inclusive lower bound.")
    input_object = Parameter("Object[]", sets={
        "RandomListItemParameterSet": {"position": 0, "mandatory": True, "value_from_pipeline": True},
        "ShuffleParameterSet": {"position": 0, "mandatory": True, "value_from_pipeline": True}},
        allow_null=True, help="The items to choose from.")
    count = Parameter("Int32", sets={"RandomNumberParameterSet": {}, "RandomListItemParameterSet": {}},
                      validators=[validate_range(1, _INT_MAX)], default=1, help="How many to return.")
    shuffle = Parameter("SwitchParameter", sets={"ShuffleParameterSet": {"mandatory": True}},
                        help="Returns all the input in random order.")

    def _generator(self) -> Any:
        """The generator of this cmdlet in this session."""
        return random.SystemRandom()

    def begin_processing(self) -> Optional[Iterator[Any]]:
        self._random = self._generator()
        self._chosen: list[Any] = []
        self._seen = 0
        self._mode = self.parameter_set_name
        # pwsh's EffectiveParameterSet: piped input without bounds means items, not numbers.
        if self.invocation.expecting_input and self.maximum is None and self.minimum is None \
                and self._mode == "RandomNumberParameterSet":
            self._mode = "RandomListItemParameterSet"
        elif self._mode == "RandomNumberParameterSet" and isinstance(self.maximum, (list, tuple)):
            # pwsh: an array given positionally is a list to choose from.
            self.input_object = list(self.maximum)
            self._mode = "RandomListItemParameterSet"
        if self._mode == "RandomNumberParameterSet":
            from pwshlike.dotnet.errors import RuntimeException
            try:
                operands = _operand(self.maximum), _operand(self.minimum)
            except RuntimeException as exc:
                self.throw_terminating_error(exc.error_record)
            return self._numbers(*operands)
        return None

    def _numbers(self, high: Any, low: Any) -> Iterator[Any]:
        rng = self._random
        if _is_int(high) and _is_int(low):
            minimum = low if low is not None else 0
            maximum = high if high is not None else _INT_MAX
            self._check_range(minimum, maximum)
            for _ in range(self.count):
                yield rng.randrange(minimum, maximum)
        elif (_is_int64(high) or _is_int(high)) and (_is_int64(low) or _is_int(low)):
            minimum = int(low) if low is not None else 0
            maximum = int(high) if high is not None else _INT64_MAX
            self._check_range(minimum, maximum)
            for _ in range(self.count):
                yield Int64(rng.randrange(minimum, maximum))
        else:
            minimum_f = convert_to_double(low) if low is not None else 0.0
            maximum_f = convert_to_double(high) if high is not None else _DOUBLE_MAX
            self._check_range(minimum_f, maximum_f)
            for _ in range(self.count):
                yield _random_double(rng, minimum_f, maximum_f)

    def _check_range(self, minimum: Any, maximum: Any) -> None:
        if minimum >= maximum:
            from pwshlike.dotnet.conversions import to_string
            message = (f"The Minimum value ({to_string(minimum)}) cannot be greater than or equal to the Maximum "
                       f"value ({to_string(maximum)}).")
            self.throw_terminating_error(ErrorRecord(ArgumentException(message), "MinGreaterThanOrEqualMax",
                                                     ErrorCategory.InvalidArgument, None))

    def process_record(self) -> None:
        if self._mode == "RandomNumberParameterSet":
            return
        items = self.input_object if self.input_object is not None else [None]
        if self.shuffle:  # the switch's value decides: -Shuffle:$false picks -Count items
            self._chosen.extend(items)
            return
        for item in items:
            if self._seen < self.count:
                self._chosen.append(item)
            elif self._random.randrange(self._seen + 1) < self.count:
                self._chosen[self._random.randrange(len(self._chosen))] = item
            self._seen += 1

    def end_processing(self) -> Iterator[Any]:
        if self._mode == "RandomNumberParameterSet":
            return
        chosen = self._chosen
        for i in range(len(chosen)):
            j = self._random.randrange(i, len(chosen))
            yield chosen[j]
            chosen[j] = chosen[i]



@cmdlet("Get-Random", default_parameter_set="RandomNumberParameterSet",
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097016")
class GetRandomCommand(_RandomCommandBase):
    """Gets a random number in [-Minimum, -Maximum), or random items of the
    input (-Count of them), or the input shuffled.

    Without -SetSeed the numbers are cryptographically random."""

    help_examples = [
        ("Example 1: A random number below 100", "Get-Random -Maximum 100", "Returns an integer from 0 to 99."),
        ("Example 2: Pick items", "Get-ChildItem | Get-Random -Count 3",
         "Returns three of the current folder's items, chosen at random, in random order."),
        ("Example 3: Shuffle", "1..10 | Get-Random -Shuffle", "Returns the numbers 1 to 10 in random order."),
        ("Example 4: A repeatable sequence", "Get-Random -SetSeed 42 -Maximum 10; Get-Random -Maximum 10",
         "Seeding makes the session's generator repeatable: the same two numbers come out every time these "
         "commands run (the numbers differ from pwsh's, which uses .NET's generator)."),
    ]

    def _generator(self) -> Any:
        if self.set_seed is not None:
            _GENERATORS[self.context] = random.Random(self.set_seed)
        return _GENERATORS.get(self.context) or random.SystemRandom()


@cmdlet("Get-SecureRandom", default_parameter_set="RandomNumberParameterSet",
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2235055")
class GetSecureRandomCommand(_RandomCommandBase):
    """Gets a cryptographically secure random number, random items of the
    input, or the input shuffled.

    It takes the same parameters as Get-Random except -SetSeed: its numbers
    always come from the operating system's cryptographic generator, so it
    suits passwords, tokens and keys."""

    help_examples = [
        ("Example 1: A random number below 100", "Get-SecureRandom -Maximum 100",
         "Returns an integer from 0 to 99, drawn from the cryptographic generator."),
        ("Example 2: A random password",
         "-join (Get-SecureRandom -InputObject ([char[]]'abcdefghijkmnpqrstuvwxyz23456789') -Count 16)",
         "Returns 16 different characters of the set, in random order, joined into one string."),
        ("Example 3: Shuffle", "1..10 | Get-SecureRandom -Shuffle", "Returns the numbers 1 to 10 in random order."),
    ]

    set_seed = None  # type: ignore[assignment]  # no -SetSeed: the numbers are never repeatable


def _random_double(rng: Any, minimum: float, maximum: float) -> float:
    """A double in [minimum, maximum) as pwsh's GetRandomDouble draws it:
    a range wider than a double holds (MinValue..MaxValue) is spread as
    ``min + r*max - r*min``; a draw rounding up to the maximum is retried
    with a shrinking range."""
    diff = maximum - minimum
    while True:
        r = rng.random()
        if math.isinf(diff):
            number = minimum + r * maximum - r * minimum
        else:
            number = minimum + r * diff
            diff *= r
        if number < maximum:
            return number
