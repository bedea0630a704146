"""The .NET instance members of the built-in value types, as tables that
``members.py`` dispatches through: strings, arrays and lists, dictionaries,
hash sets, dates, time spans, GUIDs, numbers and StringBuilder.

Properties are ``getter(obj)``; methods are ``func(obj, *args)`` whose
parameters give the accepted argument counts (see ``methodcall.py``).
Arguments arrive as PowerShell values and are converted as the .NET
overload would convert them.
"""

from __future__ import annotations

import _datetime as _dt  # datetime's classes, without running the pure-Python twin datetime.py defines first
from decimal import Decimal

from . import conversions as conv
from .errors import (
    ArgumentException, ArgumentNullException, ArgumentOutOfRangeException, IndexOutOfRangeException, MethodException,
    NotSupportedException,
)
from .operators import compare, compare_strings, match_evaluator
from .types import (
    BYTE, CHAR, OBJECT, PSType, register_instance_types, register_static_members, resolve_type, STRING, type_of,
)
from .values import (
    ArrayList, Byte, Char, DictionaryEntry, EnumValue, GenericDictionary, GenericHashSet, GenericList, Hashtable,
    Int64, iter_collection, KeyCollection, KeyValuePair, OrderedDictionary, PSReference, StringBuilder, TypedArray,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional
    import uuid
    Props = dict[str, Callable[[Any], Any]]
    Methods = dict[str, Callable[..., Any]]


def _s(value: Any) -> str:
    return conv.to_string(value)


def _i(value: Any) -> int:
    return conv.convert_to_integer(value)


def _items(value: Any) -> list:
    items = iter_collection(value)
    return list(items) if items is not None else [value]


def _comparison_ignores_case(value: Any) -> bool:
    """A StringComparison argument (or bool ignoreCase) asks for case-insensitivity."""
    if isinstance(value, bool):
        return value
    return int(resolve_type("System.StringComparison").convert(value)) in (1, 3, 5)


# --- strings -----------------------------------------------------------------------------------

def _str_arg(value: Any, name: str) -> str:
    if value is None:
        raise ArgumentNullException(None, param_name=name)
    return _s(value)


def str_substring(s: str, start: Any, length: Any = None) -> str:
    begin = _i(start)
    if begin < 0:
        raise ArgumentOutOfRangeException("StartIndex cannot be less than zero.", param_name="startIndex")
    if begin > len(s):
        raise ArgumentOutOfRangeException("startIndex cannot be larger than length of string.",
                                          param_name="startIndex")
    if length is None:
        return s[begin:]
    count = _i(length)
    if count < 0:
        raise ArgumentOutOfRangeException("Length cannot be less than zero.", param_name="length")
    if begin + count > len(s):
        raise ArgumentOutOfRangeException("Index and length must refer to a location within the string.",
                                          param_name="length")
    return s[begin:begin + count]


def str_contains(s: str, value: Any, comparison: Any = None) -> bool:
    needle = _str_arg(value, "value")
    if comparison is not None and _comparison_ignores_case(comparison):
        return needle.lower() in s.lower()
    return needle in s


def str_starts_with(s: str, value: Any, comparison: Any = None, culture: Any = None) -> bool:
    prefix = _str_arg(value, "value")
    if comparison is not None and _comparison_ignores_case(comparison):
        return s.lower().startswith(prefix.lower())
    return s.startswith(prefix)


def str_ends_with(s: str, value: Any, comparison: Any = None, culture: Any = None) -> bool:
    suffix = _str_arg(value, "value")
    if comparison is not None and _comparison_ignores_case(comparison):
        return s.lower().endswith(suffix.lower())
    return s.endswith(suffix)


def _index_args(s: str, args: tuple) -> tuple[int, int, bool]:
    """(start, end, ignore_case) from IndexOf's optional arguments."""
    start, end, ignore_case = 0, len(s), False
    numbers = []
    for arg in args:
        if isinstance(arg, (EnumValue, str)) and not isinstance(arg, Char):
            ignore_case = _comparison_ignores_case(arg)
        else:
            numbers.append(_i(arg))
    if numbers:
        start = numbers[0]
        if not 0 <= start <= len(s):
            raise ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than or "
                                              "equal to the size of the collection.", param_name="startIndex")
    if len(numbers) > 1:
        end = start + numbers[1]
        if numbers[1] < 0 or end > len(s):
            raise ArgumentOutOfRangeException("Count must be positive and count must refer to a location "
                                              "within the string/array/collection.", param_name="count")
    return start, end, ignore_case


def str_index_of(s: str, value: Any, *args: Any) -> int:
    needle = _str_arg(value, "value")
    start, end, ignore_case = _index_args(s, args)
    if ignore_case:
        return s.lower().find(needle.lower(), start, end)
    return s.find(needle, start, end)


def str_last_index_of(s: str, value: Any, *args: Any) -> int:
    needle = _str_arg(value, "value")
    ignore_case = False
    end = len(s)
    for arg in args:
        if isinstance(arg, (EnumValue, str)) and not isinstance(arg, Char):
            ignore_case = _comparison_ignores_case(arg)
        else:
            end = _i(arg) + 1
    hay, need = (s.lower(), needle.lower()) if ignore_case else (s, needle)
    return hay.rfind(need, 0, end)


def str_index_of_any(s: str, chars: Any, start: Any = 0) -> int:
    wanted = set(_chars(chars))
    for i in range(_i(start), len(s)):
        if s[i] in wanted:
            return i
    return -1


def str_last_index_of_any(s: str, chars: Any) -> int:
    wanted = set(_chars(chars))
    for i in range(len(s) - 1, -1, -1):
        if s[i] in wanted:
            return i
    return -1


def _chars(value: Any) -> list[str]:
    """A char[] argument: a string converts to its characters."""
    if isinstance(value, str):
        return list(value)
    return [conv.convert_to_char(c) for c in _items(value)]


def str_replace(s: str, old: Any, new: Any = None, *rest: Any) -> str:
    old_text = _str_arg(old, "oldValue")
    if old_text == "":
        raise ArgumentException("The value cannot be an empty string.", param_name="oldValue")
    new_text = "" if new is None else _s(new)
    ignore_case = bool(rest) and _comparison_ignores_case(rest[0])
    if ignore_case:
        import re
        return re.sub(re.escape(old_text), lambda m: new_text, s, flags=re.IGNORECASE)
    return s.replace(old_text, new_text)


def str_split(s: str, *args: Any) -> TypedArray:
    """``String.Split`` with pwsh 7's overload choice: a string separator
    splits on the whole string; chars (or several one-char arguments, or a
    char array) split on any of them; an int limits the count;
    StringSplitOptions drop empties / trim."""
    separators: Optional[list[str]] = None
    whole: Optional[str] = None
    count = -1
    options = 0
    positional = list(args)
    if positional and (isinstance(positional[-1], EnumValue) or
                       (isinstance(positional[-1], str) and positional[-1].lower() in
                        ("none", "removeemptyentries", "trimentries", "removeemptyentries, trimentries"))
                       and len(positional) > 1):
        options = int(resolve_type("System.StringSplitOptions").convert(positional.pop()))
    if positional and isinstance(positional[-1], int) and not isinstance(positional[-1], (bool, EnumValue)) \
            and len(positional) > 1:
        count = int(positional.pop())
    if not positional or (len(positional) == 1 and positional[0] is None):
        separators = None
    elif len(positional) == 1:
        sep = positional[0]
        if isinstance(sep, Char):
            separators = [str(sep)]
        elif isinstance(sep, str):
            whole = sep
        else:
            parts = [_s(p) for p in _items(sep)]
            if all(len(p) == 1 for p in parts) and all(isinstance(p, Char) for p in _items(sep)):
                separators = parts
            else:
                separators = [p for p in parts if p] or None
                whole = None
    else:
        separators = [_s(p) for p in positional]
    if whole is not None:
        separators = [whole] if whole else None
    pieces = _split_on(s, separators)
    if options & 2:
        pieces = [p.strip() for p in pieces]
    if options & 1:
        pieces = [p for p in pieces if p]
    if count >= 0:
        if count == 0:
            return TypedArray([], STRING)
        if len(pieces) > count:
            pieces = _split_limited(s, separators, count, options)
    return TypedArray(pieces, STRING)


def _split_on(s: str, separators: Optional[list[str]]) -> list[str]:
    if separators is None:
        import re
        return re.split(r"\s", s)
    if len(separators) == 1:
        return s.split(separators[0])
    import re
    pattern = "|".join(re.escape(sep) for sep in sorted(separators, key=len, reverse=True))
    return re.split(pattern, s)


def _split_limited(s: str, separators: Optional[list[str]], count: int, options: int) -> list[str]:
    import re
    if separators is None:
        pattern = r"\s"
    else:
        pattern = "|".join(re.escape(sep) for sep in sorted(separators, key=len, reverse=True))
    if not options & 1:
        return re.split(pattern, s, maxsplit=count - 1)
    pieces: list[str] = []
    rest = s
    while len(pieces) < count - 1:
        parts = re.split(pattern, rest, maxsplit=1)
        if len(parts) == 1:
            break
        head, rest = parts
        if options & 2:
            head = head.strip()
        if head:
            pieces.append(head)
    tail = rest.strip() if options & 2 else rest
    # .NET drops leading separators of the last piece before keeping the rest whole.
    while tail and re.match(pattern, tail):
        tail = re.sub("^(?:" + pattern + ")", "", tail, count=1)
    if tail:
        pieces.append(tail)
    return pieces


def _trim_chars(args: tuple) -> Optional[str]:
    if not args or (len(args) == 1 and args[0] is None):
        return None
    chars: list[str] = []
    for arg in args:
        chars.extend(_chars(arg))
    return "".join(chars)


_NET_WHITESPACE = " \t\n\v\f\r\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009" \
                  "\u200a\u2028\u2029\u202f\u205f\u3000"


def str_trim(s: str, *chars: Any) -> str:
    trim = _trim_chars(chars)
    return s.strip(_NET_WHITESPACE if trim is None else trim)


def str_trim_start(s: str, *chars: Any) -> str:
    trim = _trim_chars(chars)
    return s.lstrip(_NET_WHITESPACE if trim is None else trim)


def str_trim_end(s: str, *chars: Any) -> str:
    trim = _trim_chars(chars)
    return s.rstrip(_NET_WHITESPACE if trim is None else trim)


def str_pad(left: bool) -> Callable[..., str]:
    def method(s: str, width: Any, char: Any = " ") -> str:
        total = _i(width)
        if total < 0:
            raise ArgumentOutOfRangeException("Non-negative number required.", param_name="totalWidth")
        fill = conv.convert_to_char(char)
        return s.rjust(total, fill) if left else s.ljust(total, fill)
    return method


def str_insert(s: str, index: Any, value: Any) -> str:
    i = _i(index)
    if not 0 <= i <= len(s):
        raise ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than or equal "
                                          "to the size of the collection.", param_name="startIndex")
    return s[:i] + _str_arg(value, "value") + s[i:]


def str_remove(s: str, start: Any, count: Any = None) -> str:
    i = _i(start)
    if i < 0:
        raise ArgumentOutOfRangeException("StartIndex cannot be less than zero.", param_name="startIndex")
    if count is None:
        if i >= len(s) and i != 0:
            raise ArgumentOutOfRangeException("startIndex must be less than length of string.",
                                              param_name="startIndex")
        return s[:i]
    n = _i(count)
    if n < 0:
        raise ArgumentOutOfRangeException("Count cannot be less than zero.", param_name="count")
    if i + n > len(s):
        raise ArgumentOutOfRangeException("Index and count must refer to a location within the string.",
                                          param_name="count")
    return s[:i] + s[i + n:]


def str_to_char_array(s: str, start: Any = None, length: Any = None) -> TypedArray:
    if start is not None:
        s = str_substring(s, start, length)
    return TypedArray([Char(c) for c in s], CHAR)


def str_equals(s: str, other: Any, comparison: Any = None) -> bool:
    if other is None or not isinstance(other, str):
        return False
    if comparison is not None and _comparison_ignores_case(comparison):
        return s.lower() == other.lower()
    return s == other


def str_compare_to(s: str, other: Any) -> int:
    if other is None:
        return 1
    return compare_strings(s, _s(other), True)


def str_chars(s: str, index: Any) -> Char:
    i = _i(index)
    if not 0 <= i < len(s):
        raise IndexOutOfRangeException()
    return Char(s[i])


def str_normalize(s: str, form: Any = "FormC") -> str:
    import unicodedata
    name = _s(form).upper().replace("FORM", "NF")
    return unicodedata.normalize(name if name in ("NFC", "NFD", "NFKC", "NFKD") else "NFC", s)


def _dotnet_string_hash(s: str) -> int:
    import zlib
    value = zlib.crc32(s.encode("utf-16-le"))
    return value - (1 << 32) if value >= 1 << 31 else value


def utf16_length(s: str) -> int:
    """``String.Length`` counts UTF-16 code units: a character outside the
    Basic Multilingual Plane (an emoji) counts twice."""
    n = len(s)
    if s.isascii():
        return n
    return n + sum(1 for c in s if ord(c) > 0xFFFF)


STRING_PROPS: Props = {"Length": utf16_length}
STRING_METHODS: Methods = {
    "Substring": str_substring, "Contains": str_contains, "StartsWith": str_starts_with,
    "EndsWith": str_ends_with, "IndexOf": str_index_of, "LastIndexOf": str_last_index_of,
    "IndexOfAny": str_index_of_any, "LastIndexOfAny": str_last_index_of_any, "Replace": str_replace,
    "Split": str_split, "Trim": str_trim, "TrimStart": str_trim_start, "TrimEnd": str_trim_end,
    "ToUpper": lambda s, culture=None: s.upper(), "ToLower": lambda s, culture=None: s.lower(),
    "ToUpperInvariant": lambda s: s.upper(), "ToLowerInvariant": lambda s: s.lower(),
    "PadLeft": str_pad(True), "PadRight": str_pad(False), "Insert": str_insert, "Remove": str_remove,
    "ToCharArray": str_to_char_array, "Equals": str_equals, "CompareTo": str_compare_to,
    "ToString": lambda s, provider=None: s, "Clone": lambda s: s, "Normalize": str_normalize,
    "IsNormalized": lambda s, form="FormC": str_normalize(s, form) == s,
    "GetHashCode": _dotnet_string_hash, "Chars": str_chars, "get_Chars": str_chars,
    "get_Length": utf16_length, "GetEnumerator": lambda s: [Char(c) for c in s],
}


# --- arrays and lists ------------------------------------------------------------------------------

def _fixed_size() -> NotSupportedException:
    return NotSupportedException("Collection was of a fixed size.")


def _element_convert(lst: Any, value: Any, method: str, arg_name: str = "item") -> Any:
    """Converts an argument to a typed list's element type with pwsh's
    MethodArgumentConversionInvalidCastArgument error."""
    element = getattr(lst, "element_type", None)
    if element is None:
        return value
    try:
        return element.convert(value)
    except conv.PSInvalidCastException as exc:
        raise MethodException(
            f'Cannot convert argument "{arg_name}", with value: "{conv.to_string(value)}", for "{method}" to '
            f'type "{element.full_name}": "{exc.message}"', exc,
            error_id="MethodArgumentConversionInvalidCastArgument") from None


def _index_of(lst: list, value: Any, start: Any = 0, count: Any = None) -> int:
    begin = _i(start)
    end = len(lst) if count is None else begin + _i(count)
    for i in range(begin, min(end, len(lst))):
        if _dotnet_equals(lst[i], value):
            return i
    return -1


def _dotnet_equals(a: Any, b: Any) -> bool:
    """.NET ``Object.Equals``: same type and value (strings case-sensitive)."""
    if a is None or b is None:
        return a is b
    if isinstance(a, str) and isinstance(b, str):
        return str(a) == str(b)
    if type(a) is not type(b) and not (isinstance(a, int) and isinstance(b, int) and
                                       not isinstance(a, bool) and not isinstance(b, bool)):
        if isinstance(a, (int, float, Decimal)) and isinstance(b, (int, float, Decimal)):
            return False
    try:
        return bool(a == b)
    except TypeError:
        return a is b


def object_reference_equals(a: Any, b: Any) -> bool:
    """``[object]::ReferenceEquals(a, b)``: the same instance.  .NET boxes each
    value-type argument separately, so two numbers (or dates...) never are."""
    if a is None or b is None:
        return a is None and b is None
    if type_of(a).is_value_type:
        return False
    return a is b


def object_static_equals(a: Any, b: Any) -> bool:
    """``[object]::Equals(a, b)``: the same instance, or both non-null and
    ``a.Equals(b)``."""
    return a is b or (a is not None and b is not None and _dotnet_equals(a, b))


register_static_members("System.Object", lambda: {
    "referenceequals": ("ReferenceEquals", object_reference_equals, True),
    "equals": ("Equals", object_static_equals, True),
})


def _contains(lst: Any, value: Any) -> bool:
    return any(_dotnet_equals(item, value) for item in lst)


def _check_index(lst: list, index: Any, upper_inclusive: bool = False) -> int:
    i = _i(index)
    limit = len(lst) + (1 if upper_inclusive else 0)
    if not 0 <= i < limit:
        raise ArgumentOutOfRangeException(
            "Index was out of range. Must be non-negative and less than the size of the collection."
            if not upper_inclusive else "Index must be within the bounds of the List.", param_name="index")
    return i


def array_copy_to(arr: list, target: Any, index: Any = 0) -> None:
    start = _i(index)
    if not isinstance(target, list):
        raise ArgumentNullException(None, param_name="destinationArray")
    if start + len(arr) > len(target):
        raise ArgumentException("Destination array was not long enough. Check the destination index, "
                                "length, and the destination array's lower bounds.", param_name="destinationArray")
    target[start:start + len(arr)] = arr


ARRAY_PROPS: Props = {
    "Length": len, "Count": len, "LongLength": lambda a: Int64(len(a)), "Rank": lambda a: 1,
    "IsFixedSize": lambda a: True, "IsReadOnly": lambda a: False, "IsSynchronized": lambda a: False,
    "SyncRoot": lambda a: a,
}
ARRAY_METHODS: Methods = {
    "Contains": _contains, "IndexOf": _index_of,
    "Add": lambda a, v: _raise(_fixed_size()), "Remove": lambda a, v: _raise(_fixed_size()),
    "RemoveAt": lambda a, i: _raise(_fixed_size()), "Insert": lambda a, i, v: _raise(_fixed_size()),
    "Clear": lambda a: array_clear(a),
    "Clone": lambda a: type(a)(a, a.element_type) if isinstance(a, TypedArray) else list(a),
    "CopyTo": array_copy_to, "GetValue": lambda a, i: a[_i(i)],
    "SetValue": lambda a, v, i: a.__setitem__(_i(i), v), "GetLength": lambda a, d: len(a),
    "GetUpperBound": lambda a, d: len(a) - 1, "GetLowerBound": lambda a, d: 0,
    "GetEnumerator": lambda a: ArrayEnumerator(a),
}


class ArrayEnumerator:
    """``$array.GetEnumerator()``: an IEnumerator over a snapshot of the
    array, moved by ``MoveNext()``; a pipeline enumerates what is left, and
    passing it as an argument does not move it."""

    __slots__ = ("_items", "_index")
    full_name = "System.SZArrayEnumerator"
    PS_MEMBERS = {"MoveNext": "move_next", "Current": "current", "Reset": "reset"}

    def __init__(self, items: list) -> None:
        self._items = list(items)
        self._index = -1

    @property
    def current(self) -> Any:
        return self._items[self._index] if 0 <= self._index < len(self._items) else None

    def move_next(self) -> bool:
        if self._index < len(self._items):
            self._index += 1
        return self._index < len(self._items)

    def reset(self) -> None:
        self._index = -1

    def __iter__(self) -> "ArrayEnumerator":
        return self

    def __next__(self) -> Any:
        if not self.move_next():
            raise StopIteration
        return self.current


def array_clear(arr: list) -> None:
    """``IList.Clear()`` on an array resets every element to its default
    (0 for numeric arrays, $null otherwise); the size stays."""
    element = getattr(arr, "element_type", None)
    default = element.new([]) if element is not None and element.is_value_type else None
    arr[:] = [default] * len(arr)


def _raise(exc: BaseException) -> Any:
    raise exc


def list_add(lst: Any, value: Any) -> Any:
    item = _element_convert(lst, value, "Add")
    lst.append(item)
    return len(lst) - 1 if isinstance(lst, ArrayList) else None


def list_add_range(lst: Any, values: Any) -> None:
    if values is None:
        raise ArgumentNullException(None, param_name="collection")
    lst.extend(_element_convert(lst, v, "AddRange", "collection") for v in _items(values))


def list_insert(lst: Any, index: Any, value: Any) -> None:
    i = _check_index(lst, index, upper_inclusive=True)
    lst.insert(i, _element_convert(lst, value, "Insert"))


def list_insert_range(lst: Any, index: Any, values: Any) -> None:
    i = _check_index(lst, index, upper_inclusive=True)
    lst[i:i] = [_element_convert(lst, v, "InsertRange", "collection") for v in _items(values)]


def list_remove(lst: Any, value: Any) -> Any:
    for i, item in enumerate(lst):
        if _dotnet_equals(item, value):
            del lst[i]
            return None if isinstance(lst, ArrayList) else True
    return None if isinstance(lst, ArrayList) else False


def list_remove_at(lst: Any, index: Any) -> None:
    del lst[_check_index(lst, index)]


def list_remove_range(lst: Any, index: Any, count: Any) -> None:
    i, n = _i(index), _i(count)
    if i < 0 or n < 0 or i + n > len(lst):
        raise ArgumentException("Offset and length were out of bounds for the array or count is greater than "
                                "the number of elements from index to the end of the source collection.")
    del lst[i:i + n]


def _predicate(script: Any) -> Callable[[Any], bool]:
    """A script block (or delegate) as the ``Predicate[T]`` List's Find,
    FindAll, RemoveAll... take: pwsh's InvokeAsDelegateHelper passes the
    item as the block's argument (``param($x)`` or ``$args[0]``); ``$_``
    is not set for a one-parameter delegate."""
    if not hasattr(script, "invoke"):
        raise conv.cast_error(script, "System.Predicate")
    return lambda item: conv.to_bool(script.invoke(item))


def list_remove_all(lst: Any, script: Any) -> int:
    keep = _predicate(script)
    before = len(lst)
    lst[:] = [item for item in lst if not keep(item)]
    return before - len(lst)


def list_sort(lst: Any, *args: Any) -> None:
    """Sort(), or Sort(Comparison[T]) with a script block or delegate (the
    two items are its arguments)."""
    import functools
    if args and hasattr(args[0], "invoke"):
        lst.sort(key=functools.cmp_to_key(comparison(args[0])))
        return
    lst.sort(key=functools.cmp_to_key(lambda a, b: compare(a, b, True)))


def comparison(script: Any) -> Callable[[Any, Any], int]:
    """A script block or ``Comparison[T]`` delegate as a compare function:
    pwsh passes both items as the block's arguments (``param($x, $y)``)."""
    def cmp(a: Any, b: Any) -> int:
        result = script.invoke(a, b)
        return conv.convert_to_integer(result[0] if isinstance(result, list) and result else result)
    return cmp


def list_for_each(lst: Any, script: Any) -> None:
    """``List[T].ForEach(Action)``: runs the block per item; its output is
    discarded (the .NET method returns void, and it wins over PowerShell's
    magic ``ForEach``)."""
    if not hasattr(script, "invoke_with_input"):
        raise conv.cast_error(script, "System.Action")
    for item in list(lst):
        script.invoke_with_input(item)


def list_get_range(lst: Any, index: Any, count: Any) -> Any:
    i, n = _i(index), _i(count)
    if i < 0 or n < 0 or i + n > len(lst):
        raise ArgumentException("Offset and length were out of bounds for the array or count is greater than "
                                "the number of elements from index to the end of the source collection.")
    return type(lst)(lst[i:i + n], lst.element_type) if isinstance(lst, GenericList) else ArrayList(lst[i:i + n])


def list_to_array(lst: Any) -> Any:
    element = getattr(lst, "element_type", None)
    if element is None:
        return list(lst)
    return TypedArray(list(lst), element)


LIST_PROPS: Props = {"Count": len, "Capacity": lambda a: max(len(a), 4), "IsReadOnly": lambda a: False,
                     "IsFixedSize": lambda a: False, "IsSynchronized": lambda a: False, "SyncRoot": lambda a: a}
LIST_METHODS: Methods = {
    "Add": list_add, "AddRange": list_add_range, "Insert": list_insert, "InsertRange": list_insert_range,
    "Remove": list_remove, "RemoveAt": list_remove_at, "RemoveRange": list_remove_range,
    "RemoveAll": list_remove_all, "Clear": lambda lst: lst.clear(), "Contains": _contains,
    "IndexOf": _index_of,
    "LastIndexOf": lambda lst, v: max((i for i, x in enumerate(lst) if _dotnet_equals(x, v)), default=-1),
    "Sort": list_sort, "Reverse": lambda lst, *r: lst.reverse(), "ToArray": list_to_array,
    "ForEach": list_for_each, "GetRange": list_get_range, "CopyTo": array_copy_to,
    "Find": lambda lst, sb: next((x for x in lst if _predicate(sb)(x)), None),
    "FindAll": lambda lst, sb: type(lst)([x for x in lst if _predicate(sb)(x)], lst.element_type)
    if isinstance(lst, GenericList) else ArrayList(x for x in lst if _predicate(sb)(x)),
    "FindIndex": lambda lst, sb: next((i for i, x in enumerate(lst) if _predicate(sb)(x)), -1),
    "FindLast": lambda lst, sb: next((x for x in reversed(lst) if _predicate(sb)(x)), None),
    "Exists": lambda lst, sb: any(_predicate(sb)(x) for x in lst),
    "TrueForAll": lambda lst, sb: all(_predicate(sb)(x) for x in lst),
    "Clone": lambda lst: ArrayList(lst) if isinstance(lst, ArrayList) else type(lst)(lst, lst.element_type),
    "GetEnumerator": lambda lst: list(lst), "TrimExcess": lambda lst: None,
    "EnsureCapacity": lambda lst, n: max(len(lst), _i(n)),
}


# --- dictionaries --------------------------------------------------------------------------------------

def _duplicate_key(existing: Any, key: Any) -> ArgumentException:
    return ArgumentException(f"Item has already been added. Key in dictionary: '{_s(existing)}'  "
                             f"Key being added: '{_s(key)}'")


def hashtable_add(h: Hashtable, key: Any, value: Any) -> None:
    if key is None:
        raise ArgumentNullException("Key cannot be null.", param_name="key")
    if not h.add(key, value):
        raise _duplicate_key(h.original_key(key), key)


def hashtable_remove(h: Hashtable, key: Any) -> None:
    if key is None:
        raise ArgumentNullException("Key cannot be null.", param_name="key")
    if key in h:
        del h[key]


def hashtable_contains_value(h: Any, value: Any) -> bool:
    return any(_dotnet_equals(v, value) for v in h.values())


def hashtable_clone(h: Hashtable) -> Hashtable:
    return h.copy()


def hashtable_enumerator(h: Any) -> list:
    return [DictionaryEntry(k, v) for k, v in h.items()]


def ordered_insert(h: OrderedDictionary, index: Any, key: Any, value: Any) -> None:
    i = _i(index)
    items = h.items()
    if not 0 <= i <= len(items):
        raise ArgumentOutOfRangeException("Index must be within the bounds of the List.", param_name="index")
    if key in h:
        raise _duplicate_key(h.original_key(key), key)
    items.insert(i, (key, value))
    h.clear()
    for k, v in items:
        h[k] = v


def ordered_remove_at(h: OrderedDictionary, index: Any) -> None:
    i = _i(index)
    if not 0 <= i < len(h):
        raise ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than the size "
                                          "of the collection.", param_name="index")
    del h[h.key_at(i)]


def _keys(h: Hashtable) -> KeyCollection:
    if isinstance(h, OrderedDictionary):
        return KeyCollection(list(h.keys()), "Keys",
                             "System.Collections.Specialized.OrderedDictionary+OrderedDictionaryKeyValueCollection")
    return KeyCollection(list(h.keys()), "Keys")


def _values(h: Hashtable) -> KeyCollection:
    if isinstance(h, OrderedDictionary):
        return KeyCollection(list(h.values()), "Values",
                             "System.Collections.Specialized.OrderedDictionary+OrderedDictionaryKeyValueCollection")
    return KeyCollection(list(h.values()), "Values", "System.Collections.Hashtable+ValueCollection")


def _key_collection_type(collection: KeyCollection) -> Any:
    """GetType() of a Keys/Values collection: the .NET nested type it stands for."""
    found = _COLLECTION_TYPES.get(collection.type_name)
    if found is None:
        found = _COLLECTION_TYPES[collection.type_name] = PSType(
            collection.type_name, OBJECT, check=lambda v, name=collection.type_name: (
                isinstance(v, KeyCollection) and v.type_name == name),
            interfaces=("System.Collections.ICollection", "System.Collections.IEnumerable"))
    return found


_COLLECTION_TYPES: dict[str, Any] = {}
register_instance_types(KeyCollection, _key_collection_type)


HASHTABLE_PROPS: Props = {
    "Keys": _keys,
    "Values": _values,
    "Count": len, "IsReadOnly": lambda h: False, "IsFixedSize": lambda h: False,
    "IsSynchronized": lambda h: False, "SyncRoot": lambda h: h,
}
HASHTABLE_METHODS: Methods = {
    "Add": hashtable_add, "Remove": hashtable_remove, "Clear": lambda h: h.clear(),
    "ContainsKey": lambda h, k: k is not None and k in h, "Contains": lambda h, k: k is not None and k in h,
    "ContainsValue": hashtable_contains_value, "Clone": hashtable_clone,
    "GetEnumerator": hashtable_enumerator, "get_Item": lambda h, k: h.get(k),
    "set_Item": lambda h, k, v: h.__setitem__(k, v),
    "CopyTo": lambda h, arr, index: array_copy_to(hashtable_enumerator(h), arr, index),
}
ORDERED_METHODS: Methods = dict(HASHTABLE_METHODS, Insert=ordered_insert, RemoveAt=ordered_remove_at,
                                AsReadOnly=lambda h: h)


def _dict_key(d: GenericDictionary, key: Any) -> Any:
    if key is None:
        raise ArgumentNullException(None, param_name="key")
    return d.key_type.convert(key) if d.key_type is not None else key


def dictionary_add(d: GenericDictionary, key: Any, value: Any) -> None:
    k = _dict_key(d, key)
    if k in d:
        raise ArgumentException(f"An item with the same key has already been added. Key: {_s(k)}")
    d[k] = d.value_type.convert(value) if d.value_type is not None else value


def dictionary_try_get_value(d: GenericDictionary, key: Any, ref: Any) -> bool:
    k = _dict_key(d, key)
    found = k in d
    if not isinstance(ref, PSReference):
        raise MethodException("Argument: '2' should be a System.Management.Automation.PSReference. Use [ref].",
                              error_id="NonRefArgumentToRefParameterMsg")
    ref.Value = d[k] if found else None
    return found


def dictionary_remove(d: GenericDictionary, key: Any) -> bool:
    k = _dict_key(d, key)
    if k in d:
        del d[k]
        return True
    return False


DICTIONARY_PROPS: Props = {
    "Keys": lambda d: KeyCollection(list(d.keys()), "Keys", "System.Collections.Generic.Dictionary`2+KeyCollection"),
    "Values": lambda d: KeyCollection(list(d.values()), "Values",
                                      "System.Collections.Generic.Dictionary`2+ValueCollection"), "Count": len,
}
DICTIONARY_METHODS: Methods = {
    "Add": dictionary_add, "Remove": dictionary_remove, "Clear": lambda d: d.clear(),
    "ContainsKey": lambda d, k: _dict_key(d, k) in d, "ContainsValue": hashtable_contains_value,
    "TryGetValue": dictionary_try_get_value,
    "TryAdd": lambda d, k, v: (dictionary_add(d, k, v) or True) if _dict_key(d, k) not in d else False,
    "GetEnumerator": lambda d: [KeyValuePair(k, v) for k, v in d.items()],
    "get_Item": lambda d, k: d.get(_dict_key(d, k)),
}


def hashset_convert(hs: GenericHashSet, value: Any) -> Any:
    return hs.element_type.convert(value) if hs.element_type is not None else value


def _set_items(hs: GenericHashSet, other: Any) -> set:
    """The other collection's items as the set compares them (its comparer's keys)."""
    return {hs.key(hashset_convert(hs, v)) for v in _items(other)}


def _own_keys(hs: GenericHashSet) -> set:
    return {hs.key(v) for v in hs}


def _hashset_replace(hs: GenericHashSet, items: list) -> None:
    hs.clear()
    for item in items:
        hs.add(item)


HASHSET_PROPS: Props = {"Count": len}
HASHSET_METHODS: Methods = {
    "Add": lambda hs, v: hs.add(hashset_convert(hs, v)), "Remove": lambda hs, v: hs.remove(hashset_convert(hs, v)),
    "Contains": lambda hs, v: hashset_convert(hs, v) in hs, "Clear": lambda hs: hs.clear(),
    "UnionWith": lambda hs, other: _hashset_replace(hs, list(hs) + [hashset_convert(hs, x) for x in _items(other)]),
    "IntersectWith": lambda hs, other: _hashset_replace(hs, [v for v in hs if hs.key(v) in _set_items(hs, other)]),
    "ExceptWith": lambda hs, other: _hashset_replace(hs, [v for v in hs if hs.key(v) not in _set_items(hs, other)]),
    "IsSubsetOf": lambda hs, other: _own_keys(hs) <= _set_items(hs, other),
    "IsSupersetOf": lambda hs, other: _own_keys(hs) >= _set_items(hs, other),
    "Overlaps": lambda hs, other: bool(_own_keys(hs) & _set_items(hs, other)),
    "SetEquals": lambda hs, other: _own_keys(hs) == _set_items(hs, other),
    "GetEnumerator": lambda hs: list(hs),
    "CopyTo": lambda hs, arr, index=0: array_copy_to(list(hs), arr, index),
}

KEYS_PROPS: Props = {"Count": len}
KEYS_METHODS: Methods = {"Contains": lambda kc, v: _contains(list(kc), v),
                         "CopyTo": lambda kc, arr, index=0: array_copy_to(list(kc), arr, index),
                         "GetEnumerator": lambda kc: list(kc)}


# --- dates and time spans ---------------------------------------------------------------------------

def _add(unit: str) -> Callable[[Any, Any], Any]:
    def method(d: _dt.datetime, amount: Any) -> _dt.datetime:
        value = conv.convert_to_double(amount)
        try:
            if unit == "ticks":
                return d + conv.timespan_from_ticks(conv.convert_to_integer(amount, "System.Int64"))
            return d + _dt.timedelta(**{unit: value})
        except OverflowError:
            raise ArgumentOutOfRangeException("The added or subtracted value results in an un-representable "
                                              "DateTime.", param_name="value") from None
    return method


def _add_months(d: _dt.datetime, months: Any) -> _dt.datetime:
    import calendar
    n = _i(months)
    total = d.year * 12 + (d.month - 1) + n
    year, month = divmod(total, 12)
    if not 1 <= year <= 9999:
        raise ArgumentOutOfRangeException("The added or subtracted value results in an un-representable "
                                          "DateTime.", param_name="months")
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return d.replace(year=year, month=month + 1, day=day)


def _date_subtract(d: _dt.datetime, other: Any) -> Any:
    if isinstance(other, _dt.datetime):
        return d.replace(tzinfo=None) - other.replace(tzinfo=None)
    return d - conv.convert_to_timespan(other)


def _date_to_string(d: _dt.datetime, fmt: Any = None, provider: Any = None) -> str:
    """``ToString()``, ``ToString(format)``, ``ToString(provider)`` and
    ``ToString(format, provider)``: the current culture unless a provider is given."""
    from .formatting_net import format_datetime
    if fmt is not None and not isinstance(fmt, str):
        fmt, provider = None, fmt
    return format_datetime(d, fmt or "G", provider)


def _to_universal(d: _dt.datetime) -> _dt.datetime:
    if d.tzinfo is not None:
        return d.astimezone(_dt.timezone.utc)
    try:
        return d.astimezone(_dt.timezone.utc)
    except (OverflowError, ValueError, OSError):
        return d.replace(tzinfo=_dt.timezone.utc)


def _to_local(d: _dt.datetime) -> _dt.datetime:
    if d.tzinfo is None:
        return d
    try:
        return d.astimezone().replace(tzinfo=None)
    except (OverflowError, ValueError, OSError):
        return d.replace(tzinfo=None)


def _day_of_week(d: _dt.datetime) -> EnumValue:
    from .typetable import DAY_OF_WEEK
    return DAY_OF_WEEK.value((d.weekday() + 1) % 7)


def _kind(d: _dt.datetime) -> EnumValue:
    from .typetable import DATETIME_KIND
    return DATETIME_KIND.value(1 if d.tzinfo is not None else 2)


def _file_time(d: _dt.datetime) -> Int64:
    utc = _to_universal(d)
    delta = utc - _dt.datetime(1601, 1, 1, tzinfo=_dt.timezone.utc)
    return Int64(conv.timedelta_ticks(delta))


DATETIME_PROPS: Props = {
    "Year": lambda d: d.year, "Month": lambda d: d.month, "Day": lambda d: d.day, "Hour": lambda d: d.hour,
    "Minute": lambda d: d.minute, "Second": lambda d: d.second,
    "Millisecond": lambda d: d.microsecond // 1000, "Microsecond": lambda d: d.microsecond % 1000,
    "Nanosecond": lambda d: 0, "Ticks": lambda d: Int64(conv.datetime_ticks(d)),
    "DayOfWeek": _day_of_week, "DayOfYear": lambda d: d.timetuple().tm_yday,
    "Date": lambda d: d.replace(hour=0, minute=0, second=0, microsecond=0),
    "TimeOfDay": lambda d: _dt.timedelta(hours=d.hour, minutes=d.minute, seconds=d.second,
                                         microseconds=d.microsecond),
    "Kind": _kind,
}
DATETIME_METHODS: Methods = {
    "AddDays": _add("days"), "AddHours": _add("hours"), "AddMinutes": _add("minutes"),
    "AddSeconds": _add("seconds"), "AddMilliseconds": _add("milliseconds"),
    "AddMicroseconds": _add("microseconds"), "AddTicks": _add("ticks"), "AddMonths": _add_months,
    "AddYears": lambda d, n: _add_months(d, _i(n) * 12),
    "Add": lambda d, ts: d + conv.convert_to_timespan(ts), "Subtract": _date_subtract,
    "ToString": _date_to_string,
    "ToShortDateString": lambda d: _date_to_string(d, "d"), "ToLongDateString": lambda d: _date_to_string(d, "D"),
    "ToShortTimeString": lambda d: _date_to_string(d, "t"), "ToLongTimeString": lambda d: _date_to_string(d, "T"),
    "ToUniversalTime": _to_universal, "ToLocalTime": _to_local,
    "ToFileTime": _file_time, "ToFileTimeUtc": _file_time,
    "IsDaylightSavingTime": lambda d: bool(_to_local(d).astimezone().dst()),
    "CompareTo": lambda d, o: (d.replace(tzinfo=None) > conv.convert_to_datetime(o).replace(tzinfo=None))
    - (d.replace(tzinfo=None) < conv.convert_to_datetime(o).replace(tzinfo=None)),
    "Equals": lambda d, o: isinstance(o, _dt.datetime) and d.replace(tzinfo=None) == o.replace(tzinfo=None),
}


def _span_total(unit_seconds: float) -> Callable[[_dt.timedelta], float]:
    return lambda t: conv.timedelta_ticks(t) / (unit_seconds * 10000000)


def _span_part(t: _dt.timedelta, unit_ticks: int, modulo: int) -> int:
    ticks = conv.timedelta_ticks(t)
    value = abs(ticks) // unit_ticks % modulo
    return -value if ticks < 0 else value


# In .NET's declaration order, which Format-List * and ConvertTo-Json follow.
TIMESPAN_PROPS: Props = {
    "Ticks": lambda t: Int64(conv.timedelta_ticks(t)),
    "Days": lambda t: int(conv.timedelta_ticks(t) / 864000000000),
    "Hours": lambda t: _span_part(t, 36000000000, 24), "Milliseconds": lambda t: _span_part(t, 10000, 1000),
    "Microseconds": lambda t: _span_part(t, 10, 1000), "Nanoseconds": lambda t: 0,
    "Minutes": lambda t: _span_part(t, 600000000, 60), "Seconds": lambda t: _span_part(t, 10000000, 60),
    "TotalDays": _span_total(86400), "TotalHours": _span_total(3600), "TotalMilliseconds": _span_total(0.001),
    "TotalMicroseconds": _span_total(0.000001), "TotalNanoseconds": lambda t: float(conv.timedelta_ticks(t) * 100),
    "TotalMinutes": _span_total(60), "TotalSeconds": _span_total(1),
}


def _span_to_string(t: _dt.timedelta, fmt: Any = None, provider: Any = None) -> str:
    """``ToString()`` is the culture-free "c" format; ``ToString(format[, provider])`` may use the culture."""
    from .formatting_net import format_timespan
    if fmt is None or fmt == "":
        return conv.format_timespan(t)
    return format_timespan(t, _s(fmt), provider)


TIMESPAN_METHODS: Methods = {
    "Add": lambda t, o: t + conv.convert_to_timespan(o), "Subtract": lambda t, o: t - conv.convert_to_timespan(o),
    "Negate": lambda t: -t, "Duration": lambda t: abs(t), "ToString": _span_to_string,
    "Multiply": lambda t, f: conv.timespan_from_ticks(round(conv.timedelta_ticks(t) * conv.convert_to_double(f))),
    "Divide": lambda t, f: (t / f) if isinstance(f, _dt.timedelta) else conv.timespan_from_ticks(
        round(conv.timedelta_ticks(t) / conv.convert_to_double(f))),
    "CompareTo": lambda t, o: (t > conv.convert_to_timespan(o)) - (t < conv.convert_to_timespan(o)),
    "Equals": lambda t, o: isinstance(o, _dt.timedelta) and t == o,
}


def _guid_to_string(g: uuid.UUID, fmt: Any = None, provider: Any = None) -> str:
    from .formatting_net import format_guid
    if fmt is None or fmt == "":
        return str(g)
    return format_guid(g, _s(fmt))


def _guid_bytes(g: uuid.UUID) -> TypedArray:
    return TypedArray([Byte(b) for b in g.bytes_le], BYTE)


GUID_METHODS: Methods = {
    "ToString": _guid_to_string, "ToByteArray": _guid_bytes,
    "Equals": lambda g, o: conv.is_guid(o) and g == o,
    "CompareTo": lambda g, o: (g.int > conv.convert_to_guid(o).int) - (g.int < conv.convert_to_guid(o).int),
}


# --- numbers, bools, chars, enums ---------------------------------------------------------------------

def _number_to_string(n: Any, fmt: Any = None, provider: Any = None) -> str:
    """``ToString()``, ``ToString(format)``, ``ToString(provider)`` and
    ``ToString(format, provider)``: the current culture unless a provider is given."""
    from .formatting_net import culture_to_string, format_number
    if fmt is not None and not isinstance(fmt, str):
        fmt, provider = None, fmt
    if not fmt:
        return culture_to_string(n, provider)
    return format_number(n, fmt, provider)


def _number_compare_to(n: Any, other: Any) -> int:
    if other is None:
        return 1
    if type_of(n) is not type_of(other):
        raise ArgumentException(f"Object must be of type {type_of(n).name}.")
    return (n > other) - (n < other)


NUMBER_METHODS: Methods = {
    "ToString": _number_to_string, "CompareTo": _number_compare_to,
    "Equals": lambda n, o: _dotnet_equals(n, o),
}
BOOL_METHODS: Methods = {
    "ToString": lambda b, provider=None: "True" if b else "False",
    "CompareTo": lambda b, o: (b > conv.to_bool(o)) - (b < conv.to_bool(o)),
    "Equals": lambda b, o: isinstance(o, bool) and b == o,
}
CHAR_METHODS: Methods = {
    "ToString": lambda c, provider=None: str.__str__(c), "CompareTo": lambda c, o: (c > _s(o)) - (c < _s(o)),
    "Equals": lambda c, o: isinstance(o, Char) and str(c) == str(o),
}


def _enum_has_flag(e: EnumValue, flag: Any) -> bool:
    f = int(conv.convert_to_enum(flag, e.enum))
    return int(e) & f == f


def _enum_to_string(e: EnumValue, fmt: Any = None) -> str:
    from .formatting_net import format_enum
    if fmt is None or fmt == "":
        return str(e)
    return format_enum(e, _s(fmt))


ENUM_PROPS: Props = {"value__": lambda e: conv.convert_to_integer(int(e), e.enum.underlying)}
ENUM_METHODS: Methods = {
    "HasFlag": _enum_has_flag, "ToString": _enum_to_string,
    "CompareTo": lambda e, o: (int(e) > int(o)) - (int(e) < int(o)),
    "Equals": lambda e, o: isinstance(o, EnumValue) and o.enum is e.enum and int(o) == int(e),
}


# --- StringBuilder --------------------------------------------------------------------------------------

def sb_append(sb: StringBuilder, value: Any = None, *rest: Any) -> StringBuilder:
    """Append's overloads: (value), (char, repeatCount), (string or
    char[], startIndex, count); a char[] appends its characters."""
    if rest:
        if len(rest) == 1:
            return sb.append(conv.convert_to_char(value) * _i(rest[0]))
        text = _sb_text_of(value)
        start, count = _i(rest[0]), _i(rest[1])
        if start < 0 or count < 0 or start + count > len(text):
            raise ArgumentOutOfRangeException("Index and count must refer to a location within the string.",
                                              param_name="count" if start >= 0 else "startIndex")
        return sb.append(text[start:start + count])
    return sb.append(_sb_text_of(value))


def _sb_text_of(value: Any) -> str:
    """The text a value adds: a char[] its characters, as .NET's
    Append(char[]) and Insert(int, char[]) overloads take them."""
    if isinstance(value, TypedArray) and value.element_type is not None \
            and value.element_type.full_name == "System.Char":
        return "".join(str(c) for c in value)
    return "" if value is None else conv.dotnet_to_string(value)


def sb_append_line(sb: StringBuilder, value: Any = None) -> StringBuilder:
    return sb.append(("" if value is None else conv.dotnet_to_string(value)) + "\n")


def sb_append_format(sb: StringBuilder, fmt: Any, *args: Any) -> StringBuilder:
    from .statics import string_format
    return sb.append(string_format(fmt, *args))


def sb_append_join(sb: StringBuilder, separator: Any, *values: Any) -> StringBuilder:
    """``AppendJoin(separator, values)``: one collection or the values
    themselves, joined as String.Join does."""
    items = iter_collection(values[0]) if len(values) == 1 else None
    parts = list(items) if items is not None else list(values)
    return sb.append(_s(separator).join("" if v is None else conv.dotnet_to_string(v) for v in parts))


def sb_insert(sb: StringBuilder, index: Any, value: Any, count: Any = 1) -> StringBuilder:
    """Insert(index, value) and Insert(index, string, count), which
    inserts the text ``count`` times."""
    text = sb.text()
    i, n = _i(index), _i(count)
    if not 0 <= i <= len(text):
        raise ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than or equal "
                                          "to the size of the collection.", param_name="index")
    if n < 0:
        raise ArgumentOutOfRangeException("Non-negative number required.", param_name="count")
    sb.set_text(text[:i] + _sb_text_of(value) * n + text[i:])
    return sb


def sb_remove(sb: StringBuilder, start: Any, length: Any) -> StringBuilder:
    text = sb.text()
    i, n = _i(start), _i(length)
    if i < 0 or n < 0 or i + n > len(text):
        raise ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than or equal "
                                          "to the size of the collection.", param_name="startIndex")
    sb.set_text(text[:i] + text[i + n:])
    return sb


def sb_replace(sb: StringBuilder, old: Any, new: Any, *rest: Any) -> StringBuilder:
    """Replace(old, new) and Replace(old, new, startIndex, count), which
    replaces only inside that range of the text."""
    old_text = _s(old)
    if not old_text:
        raise ArgumentException("The value cannot be an empty string.", param_name="oldValue")
    text = sb.text()
    start, count = (0, len(text)) if len(rest) < 2 else (_i(rest[0]), _i(rest[1]))
    if start < 0 or count < 0 or start + count > len(text):
        raise ArgumentOutOfRangeException("Index and count must refer to a location within the string.",
                                          param_name="count" if start >= 0 else "startIndex")
    end = start + count
    sb.set_text(text[:start] + text[start:end].replace(old_text, _s(new)) + text[end:])
    return sb


def sb_equals(sb: StringBuilder, other: Any) -> bool:
    """Equals(StringBuilder): the same characters (.NET Core compares no
    capacity); any other object is reference equality."""
    if isinstance(other, StringBuilder):
        return other is sb or other.text() == sb.text()
    return False


def sb_copy_to(sb: StringBuilder, source_index: Any, destination: Any, destination_index: Any, count: Any) -> None:
    """CopyTo(sourceIndex, char[] destination, destinationIndex, count)."""
    text = sb.text()
    i, j, n = _i(source_index), _i(destination_index), _i(count)
    if destination is None:
        raise ArgumentNullException(None, param_name="destination")
    if n < 0 or i < 0 or i + n > len(text):
        raise ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than the size "
                                          "of the collection.", param_name="sourceIndex" if i < 0 else "count")
    if j < 0 or j + n > len(destination):
        raise ArgumentException("Destination array was not long enough. Check the destination index, length, "
                                "and the array's lower bounds.", param_name="destinationIndex")
    for k in range(n):
        destination[j + k] = Char(text[i + k])


def sb_ensure_capacity(sb: StringBuilder, capacity: Any) -> int:
    n = _i(capacity)
    if n < 0:
        raise ArgumentOutOfRangeException("Capacity must be positive.", param_name="capacity")
    sb.capacity = max(sb.capacity, len(sb), n)
    return sb.capacity


def sb_set_char(sb: StringBuilder, index: Any, value: Any) -> None:
    """The Chars indexer's setter (``$sb[0] = 'x'``)."""
    text = sb.text()
    i = _i(index)
    if not 0 <= i < len(text):
        raise ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than the size "
                                          "of the collection.", param_name="index")
    sb.set_text(text[:i] + str(conv.convert_to_char(value)) + text[i + 1:])


def sb_to_string(sb: StringBuilder, start: Any = None, length: Any = None) -> str:
    text = sb.text()
    if start is None:
        return text
    return str_substring(text, start, length)


def sb_set_length(sb: StringBuilder, value: Any) -> None:
    n = _i(value)
    if n < 0:
        raise ArgumentOutOfRangeException("Length cannot be less than zero.", param_name="value")
    text = sb.text()
    sb.set_text(text[:n] if n <= len(text) else text + "\0" * (n - len(text)))


def sb_set_capacity(sb: StringBuilder, value: Any) -> None:
    n = _i(value)
    if n < len(sb):
        raise ArgumentOutOfRangeException("capacity was less than the current size.", param_name="value")
    sb.capacity = n


# In .NET's declaration order (Capacity, MaxCapacity, Length), as pwsh's table shows them.
STRINGBUILDER_PROPS: Props = {"Capacity": lambda sb: max(sb.capacity, len(sb)),
                              "MaxCapacity": lambda sb: 2147483647, "Length": len}
STRINGBUILDER_SETTERS: dict[str, Callable[[Any, Any], None]] = {"Length": sb_set_length,
                                                                 "Capacity": sb_set_capacity}
STRINGBUILDER_METHODS: Methods = {
    "Append": sb_append, "AppendLine": sb_append_line, "AppendFormat": sb_append_format,
    "Insert": sb_insert, "Remove": sb_remove, "Replace": sb_replace, "ToString": sb_to_string,
    "Clear": lambda sb: (sb.set_text(""), sb)[1], "EnsureCapacity": sb_ensure_capacity,
    "Chars": lambda sb, i: str_chars(sb.text(), i), "AppendJoin": sb_append_join, "Equals": sb_equals,
    "CopyTo": sb_copy_to,
}


# --- methods of reflected classes that adapt their arguments -------------------------------------

def regex_replace(regex: Any, text: Any, replacement: Any, *rest: Any) -> str:
    """``$regex.Replace(input, evaluator, ...)``: a script block or delegate
    becomes the MatchEvaluator the object model's Regex calls."""
    evaluator = match_evaluator(replacement)
    return regex.Replace(_s(text), evaluator if evaluator is not None else _s(replacement),
                         *(_i(v) for v in rest))


# Methods that replace the reflected ones of an engine class (by its .NET
# name), for arguments the object model below cannot convert itself.
REFLECTED_OVERRIDES: dict[str, Methods] = {
    "System.Text.RegularExpressions.Regex": {"Replace": regex_replace},
}
