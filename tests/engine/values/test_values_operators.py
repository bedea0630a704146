"""Operators (about_Arithmetic_Operators, about_Comparison_Operators,
about_Split, about_Join, about_Format_Operator, about_Type_Operators)."""

import datetime
from decimal import Decimal

import pytest

from pwshlike.dotnet.errors import DivideByZeroException, PSInvalidCastException, RuntimeException
from pwshlike.dotnet.operators import (
    BINARY_OPERATORS as B, UNARY_OPERATORS as U, compare, match, range_bounds,
)
from pwshlike.dotnet.types import resolve_type
from pwshlike.dotnet.values import (
    Char, Hashtable, Int64, OrderedDictionary, PSCustomObject, TypedArray, UInt32,
)


class FakeScriptBlock:
    """Stands in for the evaluator's ScriptBlock (duck-typed ``invoke_with_input``)."""

    def __init__(self, func):
        self.func = func

    def invoke_with_input(self, dollar_under, args=()):
        result = self.func(dollar_under, *args)
        return result if isinstance(result, list) else [result]


@pytest.mark.parametrize("op, left, right, expected, expected_type", [
    ("+", 1, 2, 3, int), ("+", 1, "2", 3, int), ("+", "1", 2, "12", str), ("+", 1, "2.5", 3.5, float),
    ("+", 1, "0x10", 17, int), ("+", 2147483647, 1, 2147483648.0, float), ("-", -2147483648, 1, -2147483649.0, float),
    ("*", 65536, 65536, 4294967296.0, float), ("+", Int64(1), 1, 2, Int64),
    ("+", Int64(9223372036854775807), 1, 9.223372036854776e18, float),
    ("/", 5, 2, 2.5, float), ("/", 4, 2, 2, int), ("/", -7, 2, -3.5, float), ("/", Int64(10), 5, 2, Int64),
    ("%", 7, 3, 1, int), ("%", -7, 3, -1, int), ("%", 7, -3, 1, int), ("%", 5.5, 2, 1.5, float),
    ("+", 1.5, 1, 2.5, float), ("+", Decimal("1.10"), 2, Decimal("3.10"), Decimal),
    ("/", Decimal(10), Decimal(4), Decimal("2.5"), Decimal), ("+", True, 1, 2, int),
    ("*", "ab", 3, "ababab", str), ("+", "a", [1, 2], "a1 2", str), ("+", None, 1, 1, int),
    ("+", None, "x", "x", str), ("-", None, 1, -1, int), ("-", "10", 4, 6, int), ("/", "10", 4, 2.5, float),
    ("+", UInt32(1), UInt32(2), 3, UInt32), ("+", 1.0, 2, 3.0, float),
])
def test_arithmetic(op, left, right, expected, expected_type):
    result = B[op](left, right)
    assert result == expected
    assert type(result) is expected_type


def test_array_arithmetic():
    assert B["+"]([1, 2], 3) == [1, 2, 3]
    assert B["+"]([1], [2, 3]) == [1, 2, 3]
    assert B["*"]([1, 2], 2) == [1, 2, 1, 2]
    assert B["+"](None, [1]) == [1]
    typed = TypedArray([1], resolve_type("int"))
    assert type(B["+"](typed, "x")) is list


def test_array_subtraction_is_method_not_found():
    with pytest.raises(RuntimeException) as info:
        B["-"]([1, 2], 1)
    assert info.value.message == ("Method invocation failed because [System.Object[]] does not contain "
                                  "a method named 'op_Subtraction'.")
    assert info.value.error_id == "MethodNotFound"


def test_hashtable_addition():
    result = B["+"](Hashtable({"a": 1}), Hashtable({"b": 2}))
    assert list(result.items()) == [("a", 1), ("b", 2)]
    with pytest.raises(RuntimeException) as info:
        B["+"](Hashtable({"a": 1}), Hashtable({"A": 2}))
    assert info.value.message == "Item has already been added. Key in dictionary: 'a'  Key being added: 'A'"
    with pytest.raises(RuntimeException) as info:
        B["+"](Hashtable(), 1)
    assert info.value.message == "A hash table can only be added to another hash table."


def test_ordered_addition_stays_ordered():
    assert isinstance(B["+"](OrderedDictionary({"a": 1}), Hashtable({"b": 2})), OrderedDictionary)


@pytest.mark.parametrize("left, right", [(1, 0), (Int64(1), 0), (Decimal(1), 0), (5, "0")])
def test_division_by_zero(left, right):
    with pytest.raises(RuntimeException) as info:
        B["/"](left, right)
    assert info.value.message == "Attempted to divide by zero."
    assert isinstance(info.value.inner_exception, DivideByZeroException)


def test_double_division_by_zero_is_infinity():
    assert B["/"](1.0, 0) == float("inf")
    assert B["/"](-1.0, 0) == float("-inf")


def test_numeric_string_failure():
    with pytest.raises(PSInvalidCastException) as info:
        B["+"](1, "abc")
    assert info.value.message == ('Cannot convert value "abc" to type "System.Int32". '
                                  'Error: "The input string \'abc\' was not in a correct format."')


def test_date_arithmetic():
    day = datetime.datetime(2024, 1, 1)
    assert B["+"](day, datetime.timedelta(days=1)) == datetime.datetime(2024, 1, 2)
    assert B["-"](datetime.datetime(2024, 1, 3), day) == datetime.timedelta(days=2)
    assert B["-"](day, datetime.timedelta(hours=1)) == datetime.datetime(2023, 12, 31, 23)
    assert B["*"](datetime.timedelta(minutes=1), 2) == datetime.timedelta(minutes=2)


@pytest.mark.parametrize("op, left, right, expected", [
    ("-eq", 10, "10", True), ("-eq", "10", 10, True), ("-eq", "abc", "ABC", True), ("-ceq", "abc", "ABC", False),
    ("-ieq", "abc", "ABC", True), ("-ne", "a", "b", True), ("-eq", None, 0, False), ("-eq", 0, None, False),
    ("-eq", None, None, True), ("-eq", 0, "", True), ("-eq", True, "false", True), ("-eq", False, "", True),
    ("-eq", 1, 1.0, True), ("-eq", 1, "1.0", True), ("-eq", "1.0", 1, False), ("-eq", 10, "abc", False),
    ("-eq", Char("a"), "A", True), ("-ceq", Char("a"), "A", False), ("-eq", 97, Char("a"), True),
    ("-gt", 2, 1, True), ("-gt", "b", "A", True), ("-lt", "a", "B", True), ("-clt", "a", "A", True),
    ("-ge", 2, "2", True), ("-le", 1.5, 2, True), ("-lt", None, 1, True), ("-gt", "a", None, True),
    ("-like", "Hello", "h*", True), ("-clike", "Hello", "h*", False), ("-like", "abc", "a?c", True),
    ("-like", "abc", "[a-c]bc", True), ("-like", "a*c", "a`*c", True), ("-like", "abc", "a`*c", False),
    ("-notlike", "abc", "x*", True), ("-like", 123, "1*", True),
    ("-contains", [1, 2, 3], 2, True), ("-contains", ["a"], "A", True), ("-ccontains", ["a"], "A", False),
    ("-contains", [1, 2], "2", True), ("-notcontains", [1, 2], 3, True), ("-contains", 5, 5, True),
    ("-in", 2, [1, 2], True), ("-notin", 3, [1, 2], True), ("-in", "B", ["a", "b"], True),
    ("-xor", True, False, True), ("-xor", 1, 1, False),
])
def test_comparisons(op, left, right, expected):
    assert B[op](left, right) is expected


@pytest.mark.parametrize("op, left, right, expected", [
    ("-eq", [1, 2, 1, 3], 1, [1, 1]), ("-gt", [1, 2, 3], 1, [2, 3]), ("-ne", [1, 2, 3], 2, [1, 3]),
    ("-like", ["apple", "banana", "avocado"], "a*", ["apple", "avocado"]), ("-eq", [], 1, []),
    ("-eq", [1, None], None, [None]), ("-match", ["abc", "xyz"], "b", ["abc"]),
])
def test_collection_left_operand_filters(op, left, right, expected):
    assert B[op](left, right) == expected


def test_ordering_failure_message():
    with pytest.raises(RuntimeException) as info:
        B["-lt"](5, "abc")
    assert info.value.message == ('Could not compare "5" to "abc". Error: "Cannot convert value "abc" to type '
                                  '"System.Int32". Error: "The input string \'abc\' was not in a correct format.""')
    assert info.value.error_id == "ComparisonFailure"


def test_match_sets_matches_table():
    result, table = match("abc", r"(a)(?<n>b)(x)?", False, False)
    assert result is True
    assert table[0] == "ab" and table[1] == "a" and table["n"] == "b"
    assert 2 not in table  # unmatched groups are left out
    assert match("abc", "z", False, False) == (False, None)
    assert match("ABC", "a", True, False) == (False, None)
    assert match("abc", "z", False, True) == (True, None)
    result, table = match("abc", "b", False, True)
    assert result is False and table[0] == "b"


def test_match_on_collection_does_not_set_matches():
    assert match(["a1", "b", "c2"], r"\d", False, False) == (["a1", "c2"], None)
    assert match(["a1", "b"], r"\d", False, True) == (["b"], None)


def test_invalid_regex():
    with pytest.raises(RuntimeException) as info:
        B["-match"]("a", "(")
    assert info.value.message == "The regular expression pattern ( is not valid."
    assert info.value.error_id == "InvalidRegularExpression"


@pytest.mark.parametrize("left, right, expected", [
    ("hello world", [r"(\w+) (\w+)", "$2 $1"], "world hello"),
    ("John Smith", [r"(?<first>\w+) (?<last>\w+)", "${last}, ${first}"], "Smith, John"),
    ("Hello", ["l"], "Heo"), ("Hello", "L", "Heo"), ("abc", ["b", "$$"], "a$c"), ("abc", ["b", "[$&]"], "a[b]c"),
    (["a1", "b2"], [r"\d", "#"], ["a#", "b#"]), ("aaa", ["A", "b"], "bbb"),
])
def test_replace(left, right, expected):
    assert B["-replace"](left, right) == expected


def test_creplace_is_case_sensitive():
    assert B["-creplace"]("aAa", ["a", "x"]) == "xAx"


def test_replace_with_scriptblock():
    block = FakeScriptBlock(lambda m: m.Value.upper())
    assert B["-replace"]("abc", ["[ac]", block]) == "AbC"


def test_replace_too_many_arguments():
    with pytest.raises(RuntimeException) as info:
        B["-replace"]("a", ["a", "b", "c"])
    assert info.value.message == "The -replace operator allows only two elements to follow it, not 3."


@pytest.mark.parametrize("left, right, expected", [
    ("a,b,,c", ",", ["a", "b", "", "c"]), ("a,b,c", [",", 2], ["a", "b,c"]), ("a,b,c", [",", -2], ["a,b", "c"]),
    ("a.b.c", [".", 0, "SimpleMatch"], ["a", "b", "c"]), ("a1b2c", r"\d", ["a", "b", "c"]),
    ("a1b", r"(\d)", ["a", "1", "b"]), ("aXbxc", "x", ["a", "b", "c"]), (["a b", "c d"], " ", ["a", "b", "c", "d"]),
])
def test_split(left, right, expected):
    result = B["-split"](left, right)
    assert result == expected
    assert str(resolve_type("string[]")) == "System.String[]" and isinstance(result, TypedArray)


def test_csplit_and_script_split():
    assert B["-csplit"]("aXbxc", "x") == ["aXb", "c"]
    assert B["-split"]("a1b2c", FakeScriptBlock(lambda c, *_text_and_position: c.isdigit())) == ["a", "b", "c"]


def test_unary_split_and_join():
    assert U["-split"]("  a  b c ") == ["a", "b", "c"]
    assert U["-join"]([1, 2, 3]) == "123"
    assert B["-join"]([1, None, "a", 1.5], ",") == "1,,a,1.5"
    assert B["-join"]("x", ",") == "x"


@pytest.mark.parametrize("fmt, args, expected", [
    ("{0:N2}", [1234.567], "1,234.57"), ("{0,-6}|", ["ab"], "ab    |"), ("{0,6}", ["ab"], "    ab"),
    ("{0:X}", [255], "FF"), ("{0:x4}", [255], "00ff"), ("{0:D3}", [7], "007"), ("{0:P1}", [0.1234], "12.3%"),
    ("{0:yyyy-MM-dd}", [datetime.datetime(2024, 3, 5)], "2024-03-05"), ("{{0}} {0}", ["x"], "{0} x"),
    ("{0} {1}", ["a", "b"], "a b"), ("{0}", [None], ""), ("{0:0.00}", [3.14159], "3.14"),
    ("{0:C}", [1234.5], "$1,234.50"), ("{0:F0}", [2.5], "3"), ("{0}", [[1, 2]], "System.Object[]"),
    ("{0:E2}", [1234.5], "1.23E+003"), ("{0:#,##0}", [1234567], "1,234,567"),
])
def test_format_operator(fmt, args, expected):
    assert B["-f"](fmt, args) == expected


def test_format_scalar_right_operand():
    assert B["-f"]("<{0}>", 5) == "<5>"


def test_format_errors():
    with pytest.raises(RuntimeException) as info:
        B["-f"]("{1}", "a")
    assert info.value.message == ("Error formatting a string: Index (zero based) must be greater than or equal "
                                  "to zero and less than the size of the argument list..")
    assert info.value.error_id == "FormatError"


def test_type_operators():
    assert B["-is"](5, resolve_type("int")) is True
    assert B["-is"](5, "long") is False
    assert B["-is"]("a", resolve_type("object")) is True
    assert B["-is"](None, resolve_type("object")) is False
    assert B["-is"]([], resolve_type("array")) is True
    assert B["-is"](5, resolve_type("ValueType")) is True
    assert B["-is"]("a", resolve_type("System.Collections.IEnumerable")) is True
    assert B["-is"](Hashtable(), resolve_type("System.Collections.IDictionary")) is True
    assert B["-isnot"](5, "string") is True
    assert B["-as"]("5", resolve_type("int")) == 5
    assert B["-as"]("x", resolve_type("int")) is None
    assert B["-is"](DivideByZeroException(), "System.ArithmeticException") is True
    with pytest.raises(RuntimeException) as info:
        B["-is"](5, 7)
    assert info.value.message == "The right operand of '-is' must be a type."


def test_bitwise():
    assert B["-band"](12, 10) == 8
    assert B["-bor"](12, 10) == 14
    assert B["-bxor"](12, 10) == 6
    assert U["-bnot"](5) == -6
    assert B["-shl"](1, 4) == 16
    assert B["-shr"](-16, 2) == -4
    assert B["-shl"](1, 33) == 2
    assert B["-band"](Int64(2 ** 40 + 1), 1) == 1
    options = resolve_type("System.Text.RegularExpressions.RegexOptions")
    combined = B["-bor"](options.convert("IgnoreCase"), options.convert("Multiline"))
    assert str(combined) == "IgnoreCase, Multiline"


def test_ranges():
    assert B[".."](1, 5) == [1, 2, 3, 4, 5]
    assert B[".."](3, -1) == [3, 2, 1, 0, -1]
    assert B[".."]("1", 2.5) == [1, 2]
    assert B[".."]("a", "c") == ["a", "b", "c"]
    assert all(type(c) is Char for c in B[".."]("a", "c"))
    assert range_bounds(1, 10) == (1, 10)
    assert range_bounds("a", "b") is None


def test_unary_operators():
    assert U["-not"]("") is True
    assert U["!"]("x") is False
    assert U["-"]("5") == -5
    assert U["-"](-2147483648) == 2147483648.0
    assert U["+"]("0x10") == 16


def test_compare_is_lenient_for_sorting():
    assert compare(1, 2) < 0
    assert compare("b", "A") > 0
    assert compare(None, 1) < 0
    assert compare(5, "abc") < 0
    assert compare("a", "A", case_sensitive=True) < 0


def test_case_insensitive_operators_share_implementation():
    assert B["-eq"] is B["-ieq"]
    for name in ("-eq", "-ne", "-gt", "-ge", "-lt", "-le", "-like", "-notlike", "-match", "-notmatch",
                 "-contains", "-notcontains", "-in", "-notin", "-replace", "-split"):
        assert name in B and "-c" + name[1:] in B and "-i" + name[1:] in B


def test_pscustomobject_equality_is_identity():
    a = PSCustomObject({"x": 1})
    assert B["-eq"](a, a) is True
    assert B["-eq"](a, PSCustomObject({"x": 1})) is False
