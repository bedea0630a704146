"""PowerShell's operators (about_Operators, about_Arithmetic_Operators,
about_Comparison_Operators, about_Split, about_Join, about_Format).

Rules implemented here:

* the left operand decides: ``'1' + 2`` is ``'12'``, ``1 + '2'`` is 3;
* comparisons are case-insensitive unless the ``-c`` form is used;
* a collection on the left of a comparison filters it (``1,2,3 -gt 1``);
* Int32 arithmetic that overflows widens to Double (IntOps in pwsh), Int64
  likewise; integer division is exact or becomes Double (``5/2`` is 2.5);
* integer division by zero is RuntimeException wrapping
  DivideByZeroException ('Attempted to divide by zero.').

``BINARY_OPERATORS``/``UNARY_OPERATORS`` map the canonical operator names of
``language/ast.py`` to functions; ``match`` also returns the ``$Matches``
table; ``compare``/``equals`` are reusable by Sort-Object and friends.
"""

from __future__ import annotations

import _datetime as _dt  # datetime's classes, without running the pure-Python twin datetime.py defines first
import math
from decimal import Decimal, DivisionByZero, InvalidOperation, Overflow

from . import conversions as conv
from .errors import (
    ArgumentException, ArgumentOutOfRangeException, DivideByZeroException, DotNetException, ErrorCategory,
    OutOfMemoryException, OverflowException, PSInvalidCastException, RuntimeException,
)
from .delegates import Delegate
from .methodcall import method_not_found
from .script_objects import ScriptObject
from .types import PSType, resolve_type_text, StaticMethod, STRING, type_of
from .values import (
    BigInt, Byte, Char, EnumValue, Hashtable, Int16, Int64, INT32_MAX, INT32_MIN, INT64_MAX,
    INT64_MIN, KeyCollection, OrderedDictionary, SByte, Single, SwitchParameter, TypedArray, UInt16, UInt32,
    UInt64, iter_collection,
)
from .wildcard import wildcard_match

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional

# --- numeric classification ---------------------------------------------------------------------

_INT, _UINT, _LONG, _ULONG, _BIGINT, _DOUBLE, _DECIMAL = range(7)

_KIND_BY_CLASS: dict[type, int] = {
    bool: _INT, Byte: _INT, SByte: _INT, Int16: _INT, UInt16: _INT, UInt32: _UINT, Int64: _LONG,
    UInt64: _ULONG, BigInt: _BIGINT, float: _DOUBLE, Single: _DOUBLE, Decimal: _DECIMAL,
}


def _kind(value: Any) -> int:
    cls = type(value)
    if cls is int:
        return _INT if INT32_MIN <= value <= INT32_MAX else _LONG
    kind = _KIND_BY_CLASS.get(cls)
    if kind is not None:
        return kind
    if isinstance(value, EnumValue):
        return _INT if INT32_MIN <= value <= INT32_MAX else _LONG
    if isinstance(value, int):
        return _LONG
    if isinstance(value, float):
        return _DOUBLE
    return -1


def _type_name(value: Any) -> str:
    return type_of(value).full_name


def _operand_number(value: Any, left: Any) -> Any:
    """A right (or left) operand as a number for arithmetic with ``left``."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, (bool, Char)):
        return value
    return conv.to_number(value, _type_name(left) if _kind(left) >= 0 else "System.Int32")


def _common_kind(a: int, b: int) -> int:
    if a == b:
        return a
    # BigInteger wins even over Double (its operators convert the other
    # operand, truncating a double), as pwsh's binder picks them.
    if _BIGINT in (a, b):
        return _BIGINT
    if _DOUBLE in (a, b):
        return _DOUBLE
    if _DECIMAL in (a, b):
        return _DECIMAL
    if _ULONG in (a, b):
        return _ULONG
    return _LONG


def _divide_by_zero() -> RuntimeException:
    inner = DivideByZeroException()
    return RuntimeException(inner.message, inner)


def _wrap_integer(result: int, kind: int) -> Any:
    """An integer result in its operand type, or Double if it overflowed."""
    if kind == _INT:
        return result if INT32_MIN <= result <= INT32_MAX else float(result)
    if kind == _LONG:
        return Int64(result) if INT64_MIN <= result <= INT64_MAX else float(result)
    if kind == _UINT:
        return UInt32(result) if 0 <= result <= UInt32.max_value else float(result)
    if kind == _ULONG:
        return UInt64(result) if 0 <= result <= UInt64.max_value else float(result)
    return BigInt(result)


def _to_decimal(value: Any) -> Decimal:
    try:
        return conv.convert_to_decimal(value)
    except PSInvalidCastException as exc:
        inner = OverflowException("Value was either too large or too small for a Decimal.")
        raise RuntimeException(inner.message, inner) from exc


def _check_decimal(value: Decimal) -> Decimal:
    if abs(value) > conv.DECIMAL_MAX:
        inner = OverflowException("Value was either too large or too small for a Decimal.")
        raise RuntimeException(inner.message, inner)
    return value


def _arith(op: str, left: Any, right: Any) -> Any:
    """Numeric arithmetic with pwsh's type promotion."""
    kind = _common_kind(_kind(left), _kind(right))
    if kind == _DOUBLE:
        return _double_op(op, float(left), float(right))
    if kind == _DECIMAL:
        return _decimal_op(op, _to_decimal(left), _to_decimal(right))
    if kind == _BIGINT:
        return _bigint_op(op, _to_bigint(left), _to_bigint(right))
    a, b = int(left), int(right)
    if op == "+":
        return _wrap_integer(a + b, kind)
    if op == "-":
        return _wrap_integer(a - b, kind)
    if op == "*":
        return _wrap_integer(a * b, kind)
    if b == 0:
        raise _divide_by_zero()
    if op == "/":
        if a % b == 0:
            return _wrap_integer(a // b, kind)
        return a / b
    # '%': the remainder takes the sign of the dividend, as in C#.
    remainder = abs(a) % abs(b)
    return _wrap_integer(-remainder if a < 0 else remainder, kind)


def _finite(value: Any) -> bool:
    return value == value and value not in (float("inf"), float("-inf"))


def _to_bigint(value: Any) -> int:
    """An operand as a BigInteger (a double truncates; NaN/infinity cannot)."""
    if isinstance(value, (float, Decimal)) and not _finite(value):
        inner = OverflowException("Value was either too large or too small for a BigInteger.")
        raise RuntimeException(inner.message, inner)
    return int(value)


def _bigint_op(op: str, a: int, b: int) -> BigInt:
    """BigInteger arithmetic: exact, and division truncates toward zero
    (a double operand was truncated to an integer first)."""
    if op == "+":
        return BigInt(a + b)
    if op == "-":
        return BigInt(a - b)
    if op == "*":
        return BigInt(a * b)
    if b == 0:
        raise _divide_by_zero()
    quotient = abs(a) // abs(b)
    if op == "/":
        return BigInt(quotient if (a < 0) == (b < 0) else -quotient)
    remainder = abs(a) % abs(b)
    return BigInt(-remainder if a < 0 else remainder)


def _double_op(op: str, a: float, b: float) -> float:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        if b == 0:
            if a == 0 or a != a:
                return float("nan")
            negative = (a < 0) != (math.copysign(1.0, b) < 0)
            return float("-inf") if negative else float("inf")
        return a / b
    if b == 0 or a in (float("inf"), float("-inf")):
        return float("nan")
    return math.fmod(a, b)


def _decimal_op(op: str, a: Decimal, b: Decimal) -> Decimal:
    try:
        if op == "+":
            return _check_decimal(a + b)
        if op == "-":
            return _check_decimal(a - b)
        if op == "*":
            return _check_decimal(a * b)
        if b == 0:
            raise _divide_by_zero()
        if op == "/":
            return _check_decimal(_trim_decimal(a / b))
        return a % b
    except (Overflow, InvalidOperation, DivisionByZero):
        inner = OverflowException("Value was either too large or too small for a Decimal.")
        raise RuntimeException(inner.message, inner) from None


def _trim_decimal(value: Decimal) -> Decimal:
    """.NET decimal division gives the shortest exact scale (10/4 is 2.5)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _op_not_found(left: Any, op_method: str) -> RuntimeException:
    return method_not_found(_type_name(left), op_method)


_OP_METHODS = {"+": "op_Addition", "-": "op_Subtraction", "*": "op_Multiply", "/": "op_Division",
               "%": "op_Modulus"}


def _arithmetic(op: str, left: Any, right: Any) -> Any:
    """The general case of + - * / % (after the fast paths)."""
    if left is None:
        if op == "+":
            if right is None:
                return None
            items = iter_collection(right)
            if items is not None:
                return list(items)
            if isinstance(right, (str, Hashtable)):
                return right.copy() if isinstance(right, Hashtable) else right
            return _arith("+", 0, _operand_number(right, 0))
        if right is None:
            return None if op != "*" else None
        return _arith(op, 0, _operand_number(right, 0))
    if isinstance(left, str) and not isinstance(left, Char):
        if op == "+":
            return left + conv.to_string(right)
        if op == "*":
            count = conv.convert_to_integer(right)
            if count < 0:
                raise _invalid_argument_count(right)
            _check_repeat(len(left), count, _MAX_STRING_LENGTH)
            return left * count
        number = conv.to_number(left)
        return _arith(op, number, _operand_number(right, number))
    if op == "+" and isinstance(left, Char):
        # pwsh's BinaryAdd turns a char on the left into a one-character string and concatenates
        # ([char]'a' + 1 is 'a1'); a char on the right of a number still adds as a number.
        return str(left) + conv.to_string(right)
    items = iter_collection(left)
    if items is not None and not isinstance(left, KeyCollection) or isinstance(left, (list, tuple)):
        return _collection_arith(op, left, right)
    if isinstance(left, Hashtable):
        if op == "+":
            return _add_hashtables(left, right)
        raise _op_not_found(left, _OP_METHODS[op])
    if isinstance(left, _dt.datetime):
        return _datetime_arith(op, left, right)
    if isinstance(left, _dt.timedelta):
        return _timespan_arith(op, left, right)
    if isinstance(left, EnumValue):
        return _arith(op, int(left), _operand_number(right, int(left)))
    if isinstance(left, (int, float, Decimal)) or isinstance(left, (Char, SwitchParameter)):
        number = conv.to_number(left)
        if right is None:
            return _arith(op, number, 0)
        if isinstance(right, (list, tuple)) or isinstance(right, Hashtable):
            raise _op_not_found(left, _OP_METHODS[op]) if not isinstance(right, (list, tuple)) else \
                _array_to_number_error(right, number)
        return _arith(op, number, _operand_number(right, number))
    raise _op_not_found(left, _OP_METHODS[op])


def _invalid_argument_count(right: Any) -> RuntimeException:
    return conv.cast_error(right, "System.Int32")


def _array_to_number_error(right: Any, left: Any) -> PSInvalidCastException:
    return conv.cast_error(right, _type_name(left))


_MAX_ARRAY_LENGTH = 0x7FFFFFC7
_MAX_STRING_LENGTH = 0x3FFFFFDF


def _check_repeat(length: int, count: int, limit: int) -> None:
    """.NET cannot build arrays or strings past its size limits."""
    if length * count > limit:
        inner = OutOfMemoryException("Array dimensions exceeded supported range." if limit == _MAX_ARRAY_LENGTH
                                     else None)
        raise RuntimeException(inner.message, inner)


def _collection_arith(op: str, left: Any, right: Any) -> Any:
    if op == "+":
        result = list(left)
        items = iter_collection(right)
        if items is not None:
            result.extend(items)
        else:
            result.append(right)
        return result
    if op == "*":
        count = max(conv.convert_to_integer(right), 0)
        items = list(left)
        _check_repeat(len(items), count, _MAX_ARRAY_LENGTH)
        return items * count
    raise _op_not_found(left, _OP_METHODS[op])


def _add_hashtables(left: Hashtable, right: Any) -> Hashtable:
    if not isinstance(right, (Hashtable, dict)):
        raise RuntimeException("A hash table can only be added to another hash table.",
                               error_id="AddHashTableToNonHashTable", category=ErrorCategory.InvalidOperation)
    result = left.copy() if not isinstance(left, OrderedDictionary) else OrderedDictionary(left)
    for key, value in right.items():
        if key in result:
            inner = ArgumentException(
                f"Item has already been added. Key in dictionary: '{conv.to_string(result.original_key(key))}'  "
                f"Key being added: '{conv.to_string(key)}'")
            raise RuntimeException(inner.message, inner, error_id="DuplicateKeyInHashLiteral",
                                   category=ErrorCategory.InvalidOperation)
        result[key] = value
    return result


def _datetime_arith(op: str, left: _dt.datetime, right: Any) -> Any:
    try:
        if isinstance(right, _dt.timedelta):
            if op == "+":
                return left + right
            if op == "-":
                return left - right
        elif isinstance(right, _dt.datetime) and op == "-":
            return _naive(left) - _naive(right)
        elif op in "+-" and isinstance(right, (int, float, str)) and not isinstance(right, bool):
            ticks = conv.convert_to_integer(right, "System.Int64")
            delta = conv.timespan_from_ticks(ticks)
            return left + delta if op == "+" else left - delta
    except OverflowError:
        inner = ArgumentOutOfRangeException(
            "The added or subtracted value results in an un-representable DateTime.", param_name="value")
        raise RuntimeException(inner.message, inner) from None
    raise _op_not_found(left, _OP_METHODS[op])


def _naive(value: _dt.datetime) -> _dt.datetime:
    return value.replace(tzinfo=None)


def _timespan_arith(op: str, left: _dt.timedelta, right: Any) -> Any:
    if isinstance(right, _dt.timedelta):
        if op == "+":
            return left + right
        if op == "-":
            return left - right
        if op == "/":
            if not right:
                raise _divide_by_zero()
            return left / right
    elif isinstance(right, (int, float, Decimal)) and not isinstance(right, bool) and op in "*/":
        factor = float(right)
        if op == "/":
            if factor == 0:
                inner = OverflowException("TimeSpan overflowed because the duration is too long.")
                raise RuntimeException(inner.message, inner)
            factor = 1 / factor
        try:
            return conv.timespan_from_ticks(round(conv.timedelta_ticks(left) * factor))
        except (OverflowError, ValueError):
            inner = OverflowException("TimeSpan overflowed because the duration is too long.")
            raise RuntimeException(inner.message, inner) from None
    raise _op_not_found(left, _OP_METHODS[op])


def op_add(left: Any, right: Any) -> Any:
    """``+``."""
    tl, tr = type(left), type(right)
    if tl is int and tr is int:
        result = left + right
        if INT32_MIN <= result <= INT32_MAX and INT32_MIN <= left <= INT32_MAX and INT32_MIN <= right <= INT32_MAX:
            return result
        return _arith("+", left, right)
    if tl is float and (tr is float or tr is int):
        return left + right
    if tl is str:
        if tr is str:
            return left + right
        return left + conv.to_string(right)
    if tl is list:
        result = list(left)
        items = iter_collection(right)
        if items is not None:
            result.extend(items)
        else:
            result.append(right)
        return result
    return _arithmetic("+", left, right)


def op_subtract(left: Any, right: Any) -> Any:
    """``-``."""
    if type(left) is int and type(right) is int:
        result = left - right
        if INT32_MIN <= result <= INT32_MAX and INT32_MIN <= left <= INT32_MAX and INT32_MIN <= right <= INT32_MAX:
            return result
        return _arith("-", left, right)
    if type(left) is float and type(right) in (float, int):
        return left - right
    return _arithmetic("-", left, right)


def op_multiply(left: Any, right: Any) -> Any:
    """``*``."""
    if type(left) is int and type(right) is int:
        result = left * right
        if INT32_MIN <= result <= INT32_MAX and INT32_MIN <= left <= INT32_MAX and INT32_MIN <= right <= INT32_MAX:
            return result
        return _arith("*", left, right)
    if type(left) is float and type(right) in (float, int):
        return left * right
    return _arithmetic("*", left, right)


def op_divide(left: Any, right: Any) -> Any:
    """``/``: integers divide exactly or produce a Double."""
    if type(left) is int and type(right) is int and right != 0 and left % right == 0 \
            and INT32_MIN <= left <= INT32_MAX and INT32_MIN <= right <= INT32_MAX:
        return _wrap_integer(left // right, _INT)
    return _arithmetic("/", left, right)


def op_remainder(left: Any, right: Any) -> Any:
    """``%``: the remainder has the sign of the dividend."""
    return _arithmetic("%", left, right)


# --- equality and ordering -------------------------------------------------------------------------

def compare_strings(a: str, b: str, case_sensitive: bool) -> int:
    """Culture-like string comparison: letters compare alphabetically
    regardless of case; with case sensitivity, lower case sorts first
    among otherwise equal strings (as ICU's en-US collation does)."""
    la, lb = a.lower(), b.lower()
    if la != lb:
        return -1 if la < lb else 1
    if not case_sensitive or a == b:
        return 0
    for x, y in zip(a, b):
        if x != y:
            return -1 if x.islower() else 1
    return (len(a) > len(b)) - (len(a) < len(b))


class _NotComparable(Exception):
    """Raised internally when the right operand cannot be converted."""


def _convert_right(left: Any, right: Any) -> Any:
    """The right operand converted to the left operand's type for a
    comparison; raises _NotComparable if it cannot be."""
    try:
        if isinstance(left, (int, float, Decimal)) and not isinstance(left, (bool, EnumValue)):
            if isinstance(right, (int, float, Decimal)) and not isinstance(right, bool):
                return right
            if isinstance(right, bool):
                return int(right)
            if isinstance(right, Char):
                return ord(right)
            if isinstance(right, str):
                return conv.to_number(right, _type_name(left))
            if isinstance(right, SwitchParameter):
                return int(right.is_present)
            raise _NotComparable(conv.cast_error(right, _type_name(left)))
        return type_of(left).convert(right)
    except PSInvalidCastException as exc:
        raise _NotComparable(exc) from None


def equals(left: Any, right: Any, case_sensitive: bool = False) -> bool:
    """``left -eq right`` for a scalar left operand."""
    tl = type(left)
    if tl is str:
        if type(right) is str:
            return left == right or (not case_sensitive and left.lower() == right.lower())
        if right is None:
            return False
        r = conv.to_string(right)
        return left == r or (not case_sensitive and left.lower() == r.lower())
    if tl is int:
        if type(right) is int:
            return left == right
    if left is None:
        return right is None
    if right is None:
        return False
    if tl is bool or isinstance(left, SwitchParameter):
        return bool(left) == conv.to_bool(right)
    if isinstance(left, Char):
        if isinstance(right, str):
            if len(right) != 1:
                return False
            return left == right or (not case_sensitive and left.upper() == right.upper())
        if isinstance(right, int) and not isinstance(right, bool):
            return ord(left) == right
        return False
    if isinstance(left, str):
        return equals(str.__str__(left), right, case_sensitive)
    if isinstance(left, EnumValue):
        if isinstance(right, str):
            try:
                return int(left) == int(conv.convert_to_enum(right, left.enum))
            except PSInvalidCastException:
                return False
        if isinstance(right, (int, float)):
            return int(left) == right
        return False
    try:
        converted = _convert_right(left, right)
    except _NotComparable:
        return False
    if isinstance(left, _dt.datetime) and isinstance(converted, _dt.datetime):
        return _naive(left) == _naive(converted)
    try:
        return bool(left == converted)
    except TypeError:
        return False


def _ordered(left: Any, right: Any, case_sensitive: bool) -> int:
    """Three-way comparison for -lt/-gt/-le/-ge; raises pwsh's
    ComparisonFailure error when the operands cannot be compared."""
    if left is None:
        return 0 if right is None else -1
    if right is None:
        return 1
    if isinstance(left, str) and not isinstance(left, Char):
        return compare_strings(left, conv.to_string(right), case_sensitive)
    if isinstance(left, Char) and isinstance(right, str):
        r = right if len(right) == 1 else None
        if r is not None:
            a, b = (left, r) if case_sensitive else (left.upper(), r.upper())
            return (a > b) - (a < b)
    if isinstance(left, (bool, SwitchParameter)):
        a, b = bool(left), conv.to_bool(right)
        return (a > b) - (a < b)
    if isinstance(left, float) and isinstance(right, Decimal) or isinstance(left, Decimal) and isinstance(right, float):
        # pwsh compares a double and a decimal as doubles when one is not a finite decimal.
        x, y = float(left), float(right)
        return (x > y) - (x < y)
    if isinstance(left, ScriptObject):
        # A script class implementing IComparable compares with its CompareTo.
        order = left.compare_to(right)
        if order is not None:
            return (order > 0) - (order < 0)
    try:
        converted = _convert_right(left, right)
    except _NotComparable as exc:
        inner = exc.args[0]
        raise RuntimeException(
            f'Could not compare "{conv.to_string(left)}" to "{conv.to_string(right)}". '
            f'Error: "{getattr(inner, "message", str(inner))}"', inner,
            error_id="ComparisonFailure", category=ErrorCategory.InvalidOperation) from None
    a: Any = left
    if isinstance(left, Char):
        a, converted = ord(left), ord(converted) if isinstance(converted, str) else converted
    elif isinstance(left, _dt.datetime):
        a, converted = _naive(left), _naive(converted)
    try:
        return (a > converted) - (a < converted)
    except TypeError:
        raise RuntimeException(
            f'Cannot compare "{conv.to_string(left)}" because it is not IComparable.',
            error_id="NotIcomparable", category=ErrorCategory.InvalidOperation) from None


def compare(left: Any, right: Any, case_sensitive: bool = False) -> int:
    """Three-way comparison as Sort-Object and ``[array]::Sort`` need it:
    like the operators, but values that cannot be converted compare as
    strings instead of failing; $null sorts first."""
    try:
        return _ordered(left, right, case_sensitive)
    except RuntimeException:
        return compare_strings(conv.to_string(left), conv.to_string(right), case_sensitive)


def _filter(left: Any, predicate: Callable[[Any], bool]) -> Any:
    """Applies a comparison to a collection left operand (it filters) or a
    scalar (it answers)."""
    items = iter_collection(left)
    if items is None:
        return predicate(left)
    return [item for item in items if predicate(item)]


def _make_comparison(test: Callable[[Any, Any, bool], bool], case_sensitive: bool) -> Callable[[Any, Any], Any]:
    def operator(left: Any, right: Any) -> Any:
        if type(left) is int and type(right) is int:
            return test(left, right, case_sensitive)
        items = iter_collection(left)
        if items is None:
            return test(left, right, case_sensitive)
        return [item for item in items if test(item, right, case_sensitive)]
    return operator


def _eq(a: Any, b: Any, cs: bool) -> bool:
    return equals(a, b, cs)


def _ne(a: Any, b: Any, cs: bool) -> bool:
    return not equals(a, b, cs)


def _gt(a: Any, b: Any, cs: bool) -> bool:
    if type(a) is int and type(b) is int:
        return a > b
    return _ordered(a, b, cs) > 0


def _ge(a: Any, b: Any, cs: bool) -> bool:
    if type(a) is int and type(b) is int:
        return a >= b
    return _ordered(a, b, cs) >= 0


def _lt(a: Any, b: Any, cs: bool) -> bool:
    if type(a) is int and type(b) is int:
        return a < b
    return _ordered(a, b, cs) < 0


def _le(a: Any, b: Any, cs: bool) -> bool:
    if type(a) is int and type(b) is int:
        return a <= b
    return _ordered(a, b, cs) <= 0


# --- containment -------------------------------------------------------------------------------------

def contains(collection: Any, value: Any, case_sensitive: bool = False) -> bool:
    """``collection -contains value`` (a scalar is a one-element collection)."""
    items = iter_collection(collection)
    if items is None:
        return equals(collection, value, case_sensitive)
    for item in items:
        if equals(item, value, case_sensitive):
            return True
    return False


# --- wildcard and regex operators ---------------------------------------------------------------------

def _like(a: Any, b: Any, cs: bool) -> bool:
    return wildcard_match(conv.to_string(a), conv.to_string(b), cs)


def _notlike(a: Any, b: Any, cs: bool) -> bool:
    return not _like(a, b, cs)


def matches_table(m: Any) -> Hashtable:
    """The ``$Matches`` hashtable for a successful match: successful groups
    only, numbered groups under int keys and named groups under names."""
    from .netregex import dotnet_groups
    table = Hashtable()
    entries = []
    for name, py in dotnet_groups(m.re):
        if m.start(py) >= 0:
            entries.append((int(name) if name.isdigit() else name, m.group(py)))
    for key, value in reversed(entries):
        table[key] = value
    return table


def match(left: Any, right: Any, case_sensitive: bool, negate: bool) -> tuple[Any, Optional[Hashtable]]:
    """``-match``/``-notmatch`` (and -c/-i forms): returns (result, matches),
    where ``matches`` is the new ``$Matches`` table, or None when
    ``$Matches`` must not change (no match, or a collection left operand,
    which filters instead)."""
    from .netregex import regex_for_operator
    regex = regex_for_operator(conv.to_string(right), case_sensitive)
    items = iter_collection(left)
    if items is not None:
        return [item for item in items
                if (regex.search(conv.to_string(item)) is not None) != negate], None
    m = regex.search(conv.to_string(left))
    if m is None:
        return negate, None
    return (not negate), matches_table(m)


def _match_op(case_sensitive: bool, negate: bool) -> Callable[[Any, Any], Any]:
    return lambda left, right: match(left, right, case_sensitive, negate)[0]


def replace(left: Any, right: Any, case_sensitive: bool = False) -> Any:
    """``-replace``: right is a pattern or ``pattern, replacement`` where the
    replacement is a string (``$1``, ``${name}``) or a script block."""
    from .netregex import RegexMatch, expand_replacement, regex_for_operator
    items = iter_collection(right)
    if items is not None:
        parts = list(items)
        if len(parts) > 2:
            raise RuntimeException(
                f"The -replace operator allows only two elements to follow it, not {len(parts)}.",
                error_id="BadReplaceArgument", category=ErrorCategory.InvalidOperation, target_object=right)
        pattern = parts[0] if parts else ""
        substitute = parts[1] if len(parts) > 1 else ""
    else:
        pattern, substitute = right, ""
    regex = regex_for_operator(conv.to_string(pattern), case_sensitive)
    if hasattr(substitute, "invoke_with_input"):
        def repl(m: Any) -> str:
            return conv.to_string(substitute.invoke_with_input(RegexMatch(m)))
    elif isinstance(substitute, (StaticMethod, Delegate)):
        # A MatchEvaluator delegate, or a static method (``[R]::Replace``), which is one too.
        def repl(m: Any) -> str:
            return conv.to_string(substitute.invoke(RegexMatch(m)))
    else:
        template = conv.to_string(substitute)
        if "$" not in template:
            def repl(m: Any) -> str:
                return template
        else:
            def repl(m: Any) -> str:
                return expand_replacement(template, m)

    def one(value: Any) -> str:
        return regex.sub(repl, conv.to_string(value))

    left_items = iter_collection(left)
    if left_items is not None:
        return [one(v) for v in left_items]
    return one(left)


def match_evaluator(value: Any) -> Optional[Callable[[Any], str]]:
    """A script block or delegate handed to a Regex method as its
    MatchEvaluator, as a function of a Match: pwsh converts the block to
    the delegate, whose InvokeAsDelegateHelper passes the Match as the
    block's argument (``param($m)``, ``$args[0]``; ``$_`` is not set,
    unlike ``-replace``) and the output to a string.  None for a
    replacement text."""
    if hasattr(value, "invoke_with_input") or isinstance(value, (StaticMethod, Delegate)):
        def evaluate(match: Any) -> str:
            return conv.to_string(value.invoke(match))
        return evaluate
    return None


_SPLIT_OPTIONS = {"simplematch": 1, "regexmatch": 2, "cultureinvariant": 4, "ignorepatternwhitespace": 8,
                  "multiline": 16, "singleline": 32, "ignorecase": 64, "explicitcapture": 128}


def _split_options(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    total = 0
    names = iter_collection(value)
    for name in (list(names) if names is not None else conv.to_string(value).split(",")):
        key = conv.to_string(name).strip().lower()
        if not key:
            continue
        if key not in _SPLIT_OPTIONS:
            raise conv.cast_error(name, "System.Management.Automation.SplitOptions",
                                  f"Unable to match the identifier name {conv.to_string(name).strip()} to a valid "
                                  f"enumerator name. Specify one of the following enumerator names and try again:\n"
                                  f"SimpleMatch, RegexMatch, CultureInvariant, IgnorePatternWhitespace, Multiline, "
                                  f"Singleline, IgnoreCase, ExplicitCapture")
        total |= _SPLIT_OPTIONS[key]
    return total


def split(left: Any, right: Any, case_sensitive: bool = False) -> Any:
    """``-split``: right is a delimiter, or ``delimiter, max[, options]``, or
    a script block deciding per character."""
    import re
    from .netregex import regex_for_operator, split as regex_split
    items = iter_collection(right)
    parts = list(items) if items is not None else [right]
    delimiter = parts[0] if parts else ""
    max_count = conv.convert_to_integer(parts[1]) if len(parts) > 1 else 0
    options = _split_options(parts[2]) if len(parts) > 2 else 0
    if len(parts) > 3:
        raise RuntimeException(f"The -split operator allows only three elements to follow it, not {len(parts)}.",
                               error_id="BadOperatorArgument", category=ErrorCategory.InvalidOperation)
    if options & 1 and options & ~(1 | 64):
        raise RuntimeException("Cannot use RegexMatch or regular expression options with SimpleMatch.",
                               error_id="InvalidSplitOptionCombination", category=ErrorCategory.InvalidOperation)
    if options & 64:
        case_sensitive = False
    inputs = iter_collection(left)
    values = list(inputs) if inputs is not None else [left]
    result: list[str] = []
    if hasattr(delimiter, "invoke_with_input"):
        for value in values:
            result.extend(_split_by_script(conv.to_string(value), delimiter, max_count))
        return TypedArray(result, STRING)
    pattern = conv.to_string(delimiter)
    if options & 1:
        compiled = re.compile(re.escape(pattern), 0 if case_sensitive else re.IGNORECASE)
    else:
        flags = (re.MULTILINE if options & 16 else 0) | (re.DOTALL if options & 32 else 0) | \
                (re.VERBOSE if options & 8 else 0)
        compiled = regex_for_operator(pattern, case_sensitive, 4 if options & 128 else 0)  # ExplicitCapture
        if flags:
            compiled = re.compile(compiled.pattern, compiled.flags | flags)
    for value in values:
        text = conv.to_string(value)
        if max_count < 0:
            result.extend(_split_from_right(compiled, text, -max_count))
        else:
            result.extend(regex_split(compiled, text, max_count))
    return TypedArray(result, STRING)


def _split_from_right(compiled: Any, text: str, count: int) -> list[str]:
    """Negative max-substrings split from the end (pwsh 7)."""
    matches = [m for m in compiled.finditer(text) if m.end() > m.start() or m.start() not in (0, len(text))]
    if count == 1 or not matches:
        return [text]
    chosen = matches[-(count - 1):]
    pieces = []
    start = 0
    head_end = chosen[0].start()
    pieces.append(text[start:head_end])
    for i, m in enumerate(chosen):
        end = chosen[i + 1].start() if i + 1 < len(chosen) else len(text)
        pieces.append(text[m.end():end])
    return pieces


def _split_by_script(text: str, script: Any, max_count: int) -> list[str]:
    """``-split { predicate }``: as pwsh, ``$_`` is each character as a string
    and ``$args`` the text and the position; a negative count splits from the
    right, keeping the pieces in order."""
    if max_count in (1, -1):
        return [text]
    from_right = max_count < 0
    limit = abs(max_count)
    pieces: list[str] = []
    length = len(text)
    positions = range(length - 1, -1, -1) if from_right else range(length)
    piece_end = length  # from the right: where the current piece ends
    piece_start = 0  # from the left: where the current piece starts
    stopped_at = None
    for cursor in positions:
        if not conv.to_bool(script.invoke_with_input(text[cursor], (text, cursor))):
            continue
        if from_right:
            pieces.append(text[cursor + 1:piece_end])
            piece_end = cursor
        else:
            pieces.append(text[piece_start:cursor])
            piece_start = cursor + 1
        if limit == len(pieces) + 1:
            stopped_at = cursor
            break
    if from_right:
        pieces.append(text[:piece_end if stopped_at is None else stopped_at])
        pieces.reverse()
    else:
        pieces.append(text[piece_start if stopped_at is None else stopped_at + 1:])
    return pieces


def unary_split(value: Any) -> Any:
    """``-split 'a b'``: splits on runs of whitespace, dropping empty items."""
    items = iter_collection(value)
    values = list(items) if items is not None else [value]
    result: list[str] = []
    for v in values:
        result.extend(conv.to_string(v).split())
    return TypedArray(result, STRING)


def join(left: Any, right: Any) -> str:
    """``collection -join separator``."""
    separator = conv.to_string(right)
    items = iter_collection(left)
    if items is None:
        return conv.dotnet_to_string(left)
    return separator.join([conv.dotnet_to_string(item) for item in items])


def unary_join(value: Any) -> str:
    return join(value, "")


def format_operator(left: Any, right: Any) -> str:
    """``'{0:N2}' -f $x``: .NET composite formatting."""
    from .formatting_net import composite_format
    items = iter_collection(right)
    args = list(items) if items is not None else [right]
    try:
        return composite_format(conv.to_string(left), args)
    except DotNetException as exc:
        raise RuntimeException(f"Error formatting a string: {exc.message}.", exc, error_id="FormatError",
                               category=ErrorCategory.InvalidOperation, target_object=left) from None


# --- type operators --------------------------------------------------------------------------------------

def _type_operand(right: Any, op: str) -> Any:
    if isinstance(right, PSType):
        return right
    if isinstance(right, str):
        try:
            return resolve_type_text(right)
        except RuntimeException as exc:
            # pwsh converts the text to a Type and rethrows the failed cast as a plain RuntimeException.
            raise RuntimeException(f'Cannot convert the "{right}" value of type "System.String" to type '
                                   f'"System.Type".', exc) from None
    raise RuntimeException(f"The right operand of '{op}' must be a type.",
                           error_id="IsOperatorRequiresType" if op != "-as" else "AsOperatorRequiresType",
                           category=ErrorCategory.InvalidOperation)


def is_type(left: Any, right: Any) -> bool:
    return _type_operand(right, "-is").is_instance(left)


def is_not_type(left: Any, right: Any) -> bool:
    return not is_type(left, right)


def as_type(left: Any, right: Any) -> Any:
    """``-as``: the conversion, or $null when it fails."""
    t = _type_operand(right, "-as")
    try:
        return t.convert(left)
    except (PSInvalidCastException, RuntimeException):
        return None
    except Exception as exc:  # conversion code must never leak a Python error into -as
        if isinstance(exc, DotNetException):
            return None
        raise


# --- bitwise -------------------------------------------------------------------------------------------

def _bit_operand(value: Any) -> tuple[int, int]:
    """(integer value, kind) of a bitwise operand; doubles round to integers."""
    if isinstance(value, EnumValue):
        return int(value), _INT if INT32_MIN <= value <= INT32_MAX else _LONG
    if isinstance(value, str) or value is None or isinstance(value, (bool, Char, SwitchParameter)):
        value = conv.to_number(value)
    kind = _kind(value)
    if kind in (_DOUBLE, _DECIMAL):
        if not _finite(value):
            raise conv.cast_error(value, "System.UInt64", conv.overflow_message("System.UInt64"))
        number = conv.round_half_even(Decimal(value) if isinstance(value, float) else value)
        if not INT64_MIN <= number <= UInt64.max_value:
            raise conv.cast_error(value, "System.UInt64", conv.overflow_message("System.UInt64"))
        return number, _INT if INT32_MIN <= number <= INT32_MAX else _LONG
    if kind < 0:
        raise conv.cast_error(value, "System.Int32")
    return int(value), kind


def _bitwise(func: Callable[[int, int], int], name: str) -> Callable[[Any, Any], Any]:
    def operator(left: Any, right: Any) -> Any:
        if type(left) is int and type(right) is int and INT32_MIN <= left <= INT32_MAX \
                and INT32_MIN <= right <= INT32_MAX:
            return func(left, right)
        a, ka = _bit_operand(left)
        b, kb = _bit_operand(right)
        result = func(a, b)
        if isinstance(left, EnumValue) and (not isinstance(right, EnumValue) or right.enum is left.enum):
            return left.enum.value(result)
        kind = _common_kind(ka, kb)
        if kind == _INT:
            return _to_signed(result, 32)
        if kind == _UINT:
            return UInt32(result & 0xFFFFFFFF)
        if kind == _ULONG:
            return UInt64(result & 0xFFFFFFFFFFFFFFFF)
        return Int64(_to_signed(result, 64))
    operator.__name__ = name
    return operator


def _to_signed(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >= 1 << (bits - 1) else value


def _shift(left_shift: bool) -> Callable[[Any, Any], Any]:
    def operator(left: Any, right: Any) -> Any:
        a, kind = _bit_operand(left)
        count, _ = _bit_operand(right)
        bits = 32 if kind in (_INT, _UINT) else 64
        count &= bits - 1
        if left_shift:
            result = a << count
        else:
            result = a >> count
        if kind == _INT:
            return _to_signed(result, 32)
        if kind == _UINT:
            return UInt32(result & 0xFFFFFFFF)
        if kind == _ULONG:
            return UInt64(result & 0xFFFFFFFFFFFFFFFF)
        return Int64(_to_signed(result, 64))
    return operator


def bnot(value: Any) -> Any:
    """``-bnot``."""
    if isinstance(value, EnumValue):
        return value.enum.value(~int(value))
    a, kind = _bit_operand(value)
    if kind == _INT:
        return ~a
    if kind == _UINT:
        return UInt32(~a & 0xFFFFFFFF)
    if kind == _ULONG:
        return UInt64(~a & 0xFFFFFFFFFFFFFFFF)
    return Int64(~a)


# --- range and logic -------------------------------------------------------------------------------------

def _range_bound(value: Any) -> Any:
    if isinstance(value, Char):
        return value
    if isinstance(value, str) and len(value) == 1 and not value.isdigit():
        return Char(value)
    return conv.convert_to_integer(value)


def range_op(left: Any, right: Any) -> list:
    """``a..b``: inclusive, ascending or descending; integers (strings and
    doubles convert) or characters (``'a'..'e'``)."""
    lo, hi = _range_bound(left), _range_bound(right)
    if isinstance(lo, Char) or isinstance(hi, Char):
        if not (isinstance(lo, Char) and isinstance(hi, Char)):
            a = ord(lo) if isinstance(lo, Char) else lo
            b = ord(hi) if isinstance(hi, Char) else hi
            step = 1 if b >= a else -1
            return list(range(a, b + step, step))
        a, b = ord(lo), ord(hi)
        step = 1 if b >= a else -1
        return [Char(chr(c)) for c in range(a, b + step, step)]
    step = 1 if hi >= lo else -1
    return list(range(lo, hi + step, step))


def range_bounds(left: Any, right: Any) -> Optional[tuple[int, int]]:
    """The integer bounds of ``a..b`` without building the list (None for
    character ranges), so the compiler can iterate lazily."""
    lo, hi = _range_bound(left), _range_bound(right)
    if isinstance(lo, Char) or isinstance(hi, Char):
        return None
    return lo, hi


def op_xor(left: Any, right: Any) -> bool:
    return conv.to_bool(left) != conv.to_bool(right)


def op_not(value: Any) -> bool:
    return not conv.to_bool(value)


def negate(value: Any) -> Any:
    """Unary ``-``."""
    if type(value) is int:
        return -value if value != INT32_MIN else float(-value)
    if type(value) is float:
        return -value
    if isinstance(value, _dt.timedelta):
        return -value
    return op_subtract(0, _operand_number(value, 0)) if not isinstance(value, (Decimal,)) else -value


def unary_plus(value: Any) -> Any:
    """Unary ``+``: the operand as a number."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, (bool, Char)):
        return value
    items = iter_collection(value)
    if items is not None:
        raise _op_not_found(value, "op_UnaryPlus")
    return conv.to_number(value)


# --- operator tables ------------------------------------------------------------------------------------

def _variants(name: str, factory: Callable[[bool], Callable[[Any, Any], Any]],
              table: dict[str, Callable[[Any, Any], Any]]) -> None:
    """Registers ``-name``, ``-iname`` (case-insensitive) and ``-cname``."""
    insensitive = factory(False)
    table["-" + name] = insensitive
    table["-i" + name] = insensitive
    table["-c" + name] = factory(True)


def _contains_op(negate_result: bool, reverse: bool) -> Callable[[bool], Callable[[Any, Any], Any]]:
    def factory(cs: bool) -> Callable[[Any, Any], Any]:
        def operator(left: Any, right: Any) -> bool:
            collection, value = (right, left) if reverse else (left, right)
            return contains(collection, value, cs) != negate_result
        return operator
    return factory


BINARY_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "+": op_add, "-": op_subtract, "*": op_multiply, "/": op_divide, "%": op_remainder,
    "-join": join, "-f": format_operator,
    "-band": _bitwise(lambda a, b: a & b, "band"), "-bor": _bitwise(lambda a, b: a | b, "bor"),
    "-bxor": _bitwise(lambda a, b: a ^ b, "bxor"),
    "-shl": _shift(True), "-shr": _shift(False),
    "-is": is_type, "-isnot": is_not_type, "-as": as_type,
    "..": range_op, "-xor": op_xor,
}
_variants("eq", lambda cs: _make_comparison(_eq, cs), BINARY_OPERATORS)
_variants("ne", lambda cs: _make_comparison(_ne, cs), BINARY_OPERATORS)
_variants("gt", lambda cs: _make_comparison(_gt, cs), BINARY_OPERATORS)
_variants("ge", lambda cs: _make_comparison(_ge, cs), BINARY_OPERATORS)
_variants("lt", lambda cs: _make_comparison(_lt, cs), BINARY_OPERATORS)
_variants("le", lambda cs: _make_comparison(_le, cs), BINARY_OPERATORS)
_variants("like", lambda cs: _make_comparison(_like, cs), BINARY_OPERATORS)
_variants("notlike", lambda cs: _make_comparison(_notlike, cs), BINARY_OPERATORS)
_variants("match", lambda cs: _match_op(cs, False), BINARY_OPERATORS)
_variants("notmatch", lambda cs: _match_op(cs, True), BINARY_OPERATORS)
_variants("contains", _contains_op(False, False), BINARY_OPERATORS)
_variants("notcontains", _contains_op(True, False), BINARY_OPERATORS)
_variants("in", _contains_op(False, True), BINARY_OPERATORS)
_variants("notin", _contains_op(True, True), BINARY_OPERATORS)
_variants("replace", lambda cs: lambda left, right: replace(left, right, cs), BINARY_OPERATORS)
_variants("split", lambda cs: lambda left, right: split(left, right, cs), BINARY_OPERATORS)

UNARY_OPERATORS: dict[str, Callable[[Any], Any]] = {
    "-not": op_not, "!": op_not, "-bnot": bnot, "-": negate, "+": unary_plus,
    "-split": unary_split, "-join": unary_join,
}
