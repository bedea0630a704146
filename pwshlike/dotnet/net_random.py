"""``System.Random``: a seeded generator gives .NET's own sequence (the
subtractive generator .NET still uses whenever a seed is given), so
``[System.Random]::new(42).Next()`` matches pwsh; an unseeded one draws
from Python's generator, as .NET's unseeded one is unpredictable anyway."""

from __future__ import annotations

import random as _py_random
from typing import Any, Optional

from .conversions import convert_to_integer
from .errors import ArgumentNullException, ArgumentOutOfRangeException
from .values import Byte, Int64, iter_collection

_MBIG = 2**31 - 1
_MSEED = 161803398


class _SeededSource:
    """.NET's Net5CompatSeedImpl (Knuth's subtractive generator)."""

    __slots__ = ("seeds", "inext", "inextp")

    def __init__(self, seed: int) -> None:
        subtraction = _MBIG if seed == -2**31 else abs(seed)
        mj = _MSEED - subtraction
        seeds = [0] * 56
        seeds[55] = mj
        mk = 1
        for i in range(1, 55):
            ii = (21 * i) % 55
            seeds[ii] = mk
            mk = mj - mk
            if mk < 0:
                mk += _MBIG
            mj = seeds[ii]
        for _ in range(1, 5):
            for i in range(1, 56):
                n = i + 30
                if n >= 55:
                    n -= 55
                seeds[i] = _wrap32(seeds[i] - seeds[1 + n])
                if seeds[i] < 0:
                    seeds[i] += _MBIG
        self.seeds = seeds
        self.inext = 0
        self.inextp = 21

    def sample_int(self) -> int:
        inext = self.inext + 1 if self.inext + 1 < 56 else 1
        inextp = self.inextp + 1 if self.inextp + 1 < 56 else 1
        value = self.seeds[inext] - self.seeds[inextp]
        if value == _MBIG:
            value -= 1
        if value < 0:
            value += _MBIG
        self.seeds[inext] = value
        self.inext, self.inextp = inext, inextp
        return value

    def sample(self) -> float:
        return self.sample_int() * (1.0 / _MBIG)

    def large_range_sample(self) -> float:
        result = self.sample_int()
        if self.sample_int() % 2 == 0:
            result = -result
        return (result + (_MBIG - 1.0)) / (2.0 * _MBIG - 1)


def _wrap32(value: int) -> int:
    value &= 0xFFFFFFFF
    return value - 2**32 if value >= 2**31 else value


class _UnseededSource:
    __slots__ = ("rng",)

    def __init__(self) -> None:
        self.rng = _py_random.Random()

    def sample_int(self) -> int:
        return self.rng.randrange(_MBIG)

    def sample(self) -> float:
        return self.rng.random()

    def large_range_sample(self) -> float:
        return self.rng.random()


def _out_of_range(name: str, message: str) -> ArgumentOutOfRangeException:
    return ArgumentOutOfRangeException(message, param_name=name)


_SWAPPED = "'minValue' cannot be greater than maxValue."


class NetRandom:
    """``[System.Random]``: Next, NextDouble, NextBytes, NextInt64, NextSingle."""

    __slots__ = ("_source",)
    full_name = "System.Random"
    PS_MEMBERS = {"Next": "next", "NextDouble": "next_double", "NextBytes": "next_bytes",
                  "NextInt64": "next_int64", "NextSingle": "next_double", "ToString": "__str__"}

    def __init__(self, seed: Optional[Any] = None) -> None:
        self._source: Any = _SeededSource(convert_to_integer(seed)) if seed is not None else _UnseededSource()

    def next(self, *bounds: Any) -> int:
        if not bounds:
            return self._source.sample_int()
        if len(bounds) == 1:
            high = convert_to_integer(bounds[0])
            if high < 0:
                raise _out_of_range("maxValue", f"maxValue ('{high}') must be a non-negative value.")
            return int(self._source.sample() * high)
        low, high = convert_to_integer(bounds[0]), convert_to_integer(bounds[1])
        if low > high:
            raise _out_of_range("minValue", _SWAPPED)
        span = high - low
        if span <= _MBIG:
            return int(self._source.sample() * span) + low
        return int(self._source.large_range_sample() * span) + low

    def next_int64(self, *bounds: Any) -> Int64:
        if not bounds:
            return Int64(int(self._source.sample() * (2**63 - 1)))
        low, high = (0, convert_to_integer(bounds[0])) if len(bounds) == 1 else \
            (convert_to_integer(bounds[0]), convert_to_integer(bounds[1]))
        if low > high:
            raise _out_of_range("minValue", _SWAPPED)
        return Int64(low + int(self._source.sample() * (high - low)))

    def next_double(self) -> float:
        return self._source.sample()

    def next_bytes(self, buffer: Any) -> None:
        """Fills a byte array in place (it is a reference, as in .NET)."""
        if buffer is None:
            raise ArgumentNullException(None, param_name="buffer")
        items = iter_collection(buffer)
        if items is None or not isinstance(buffer, list):
            raise ArgumentNullException(None, param_name="buffer")
        for i in range(len(buffer)):
            buffer[i] = Byte(self._source.sample_int() % 256)

    def __str__(self) -> str:
        return self.full_name


SHARED = NetRandom()
