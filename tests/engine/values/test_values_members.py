"""Instance members, member enumeration and indexing (about_Properties,
about_Methods, about_Member-Access_Enumeration, about_Arrays,
about_Hash_Tables, about_Intrinsic_Members)."""

import datetime
import uuid

import pytest

from pwshlike.dotnet.errors import (
    MethodException, MethodInvocationException, RuntimeException, SetValueInvocationException,
)
from pwshlike.dotnet.members import get_index, get_member, invoke_method, set_index, set_member
from pwshlike.dotnet.types import resolve_type
from pwshlike.dotnet.values import (
    ArrayList, Char, GenericList, Hashtable, OrderedDictionary, PSCustomObject, PSReference, StringBuilder, TypedArray,
)
from pwshlike.dotnet.credentials import SecureString


class FakeScriptBlock:
    def __init__(self, func):
        self.func = func

    def invoke_with_input(self, dollar_under, args=()):
        result = self.func(dollar_under, *args)
        return result if isinstance(result, list) else [result]


# --- properties -------------------------------------------------------------------------------

def test_count_and_length_intrinsics():
    assert get_member([1, 2, 3], "Count") == 3
    assert get_member([1, 2, 3], "Length") == 3
    assert get_member(5, "Count") == 1
    assert get_member("abc", "Count") == 1
    assert get_member("abc", "Length") == 3
    assert get_member(None, "Count") == 0
    assert get_member(None, "Length") == 0
    assert get_member(PSCustomObject({"a": 1}), "Count") == 1


def test_missing_property_is_null():
    assert get_member(5, "Nope") is None
    assert get_member(None, "Nope") is None
    assert get_member(PSCustomObject({"a": 1}), "b") is None


def test_member_enumeration():
    items = [PSCustomObject({"a": 1}), PSCustomObject({"a": 2}), 7]
    assert get_member(items, "a") == [1, 2]
    # The array's own Length wins over member enumeration.
    assert get_member([1, "ab"], "Length") == 2
    assert get_member([datetime.datetime(2020, 1, 1), datetime.datetime(2021, 1, 1)], "Year") == [2020, 2021]
    assert get_member([PSCustomObject({"a": [1, 2]}), PSCustomObject({"a": 3})], "a") == [1, 2, 3]
    assert get_member([PSCustomObject({"a": 5})], "a") == 5


def test_hashtable_keys_read_as_properties():
    table = Hashtable({"Name": "x", "Count": 99})
    assert get_member(table, "name") == "x"
    assert get_member(table, "Count") == 99  # a key wins over the property, as in pwsh
    assert get_member(Hashtable({"a": 1}), "Count") == 1
    assert list(get_member(Hashtable({"a": 1, "b": 2}), "Keys")) == ["a", "b"]
    assert list(get_member(Hashtable({"a": 1, "b": 2}), "Values")) == [1, 2]


def test_set_member():
    obj = PSCustomObject({"a": 1})
    set_member(obj, "A", 5)
    assert obj.get_property("a") == 5
    table = Hashtable()
    set_member(table, "k", 1)
    assert table["K"] == 1
    builder = StringBuilder("abcd")
    set_member(builder, "Length", 2)
    assert str(builder) == "ab"


@pytest.mark.parametrize("target", [5, PSCustomObject({"a": 1}), None])
def test_set_missing_property(target):
    with pytest.raises(RuntimeException) as info:
        set_member(target, "x", 1)
    assert info.value.message == ("The property 'x' cannot be found on this object. "
                                  "Verify that the property exists and can be set.")
    assert info.value.error_id == "PropertyNotFound"


def test_set_read_only_property():
    with pytest.raises(RuntimeException) as info:
        set_member("abc", "Length", 1)
    assert info.value.message == "'Length' is a ReadOnly property."


def test_set_member_on_collection_sets_each_element():
    items = [PSCustomObject({"a": 1}), PSCustomObject({"a": 2})]
    set_member(items, "a", 0)
    assert [o.get_property("a") for o in items] == [0, 0]


# --- string methods ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, method, args, expected", [
    ("hello", "ToUpper", [], "HELLO"), ("HeLLo", "ToLower", [], "hello"), ("  x  ", "Trim", [], "x"),
    ("xxaxx", "Trim", ["x"], "a"), ("abc", "TrimEnd", ["c", "b"], "a"), ("--a", "TrimStart", ["-"], "a"),
    ("hello", "Substring", [1], "ello"), ("hello", "Substring", [1, 2], "el"),
    ("Hello", "Contains", ["ell"], True), ("Hello", "Contains", ["hello"], False),
    ("Hello", "StartsWith", ["He"], True), ("Hello", "StartsWith", ["he"], False),
    ("Hello", "EndsWith", ["LO", "OrdinalIgnoreCase"], True),
    ("hello", "IndexOf", ["l"], 2), ("hello", "LastIndexOf", ["l"], 3), ("hello", "IndexOf", ["z"], -1),
    ("hello", "IndexOf", [Char("o")], 4), ("aXa", "Replace", ["a", "b"], "bXb"),
    ("5", "PadLeft", [3, "0"], "005"), ("ab", "PadRight", [4], "ab  "), ("abc", "Insert", [1, "X"], "aXbc"),
    ("abcdef", "Remove", [2], "ab"), ("abcdef", "Remove", [1, 2], "adef"),
    ("a,b,,c", "Split", [","], ["a", "b", "", "c"]), ("a,b,,c", "Split", [",", "RemoveEmptyEntries"], ["a", "b", "c"]),
    ("a,b;c", "Split", [Char(","), Char(";")], ["a", "b", "c"]), ("1ab2ab3", "Split", ["ab"], ["1", "2", "3"]),
    ("a b", "Split", [], ["a", "b"]), ("a,b,c", "Split", [",", 2], ["a", "b,c"]),
    ("abc", "Equals", ["abc"], True), ("abc", "Equals", ["ABC"], False), ("abc", "CompareTo", ["abd"], -1),
    ("abc", "ToString", [], "abc"), ("abc", "Chars", [1], "b"),
])
def test_string_methods(text, method, args, expected):
    assert invoke_method(text, method, args) == expected


def test_string_method_names_are_case_insensitive():
    assert invoke_method("abc", "toupper", []) == "ABC"


def test_to_char_array():
    chars = invoke_method("ab", "ToCharArray", [])
    assert chars == ["a", "b"] and all(type(c) is Char for c in chars)
    assert isinstance(chars, TypedArray)


def test_method_invocation_exception():
    with pytest.raises(MethodInvocationException) as info:
        invoke_method("abc", "Substring", [5])
    assert info.value.message == ('Exception calling "Substring" with "1" argument(s): "startIndex cannot be '
                                  'larger than length of string. (Parameter \'startIndex\')"')
    assert info.value.error_record.fully_qualified_error_id == "ArgumentOutOfRangeException"
    assert info.value.inner_exception.full_name == "System.ArgumentOutOfRangeException"


def test_method_not_found():
    with pytest.raises(RuntimeException) as info:
        invoke_method("abc", "Foo", [])
    assert info.value.message == "Method invocation failed because [System.String] does not contain a method named 'Foo'."
    assert info.value.error_id == "MethodNotFound"
    assert str(info.value.error_record.category_info) == "InvalidOperation: (:) [], RuntimeException"


def test_wrong_argument_count():
    with pytest.raises(MethodException) as info:
        invoke_method("abc", "Substring", [1, 2, 3])
    assert info.value.message == 'Cannot find an overload for "Substring" and the argument count: "3".'
    assert info.value.error_id == "MethodCountCouldNotFindBest"


def test_method_on_null():
    with pytest.raises(RuntimeException) as info:
        invoke_method(None, "Trim", [])
    assert info.value.message == "You cannot call a method on a null-valued expression."
    assert info.value.error_id == "InvokeMethodOnNull"


# --- collections --------------------------------------------------------------------------------

def test_array_add_is_fixed_size():
    with pytest.raises(MethodInvocationException) as info:
        invoke_method([1, 2], "Add", [3])
    assert info.value.message == 'Exception calling "Add" with "1" argument(s): "Collection was of a fixed size."'


def test_array_methods():
    assert invoke_method([1, 2, 3], "Contains", [2]) is True
    assert invoke_method([1, 2, 3], "IndexOf", [3]) == 2
    assert invoke_method(["a"], "Contains", ["A"]) is False


def test_generic_list():
    lst = resolve_type("System.Collections.Generic.List[int]").new([])
    assert invoke_method(lst, "Add", ["5"]) is None
    invoke_method(lst, "AddRange", [[1, 2]])
    assert lst == [5, 1, 2]
    assert get_member(lst, "Count") == 3
    invoke_method(lst, "Sort", [])
    assert lst == [1, 2, 5]
    assert invoke_method(lst, "Remove", [2]) is True
    assert invoke_method(lst, "Contains", [5]) is True
    assert isinstance(invoke_method(lst, "ToArray", []), TypedArray)
    with pytest.raises(MethodException) as info:
        invoke_method(lst, "Add", ["x"])
    assert info.value.message == ('Cannot convert argument "item", with value: "x", for "Add" to type '
                                  '"System.Int32": "Cannot convert value "x" to type "System.Int32". '
                                  'Error: "The input string \'x\' was not in a correct format.""')


def test_array_list_add_returns_index():
    lst = ArrayList()
    assert invoke_method(lst, "Add", ["a"]) == 0
    assert invoke_method(lst, "Add", ["b"]) == 1


def test_hashtable_methods():
    table = Hashtable({"a": 1})
    invoke_method(table, "Add", ["b", 2])
    assert invoke_method(table, "ContainsKey", ["A"]) is True
    assert invoke_method(table, "ContainsValue", [2]) is True
    invoke_method(table, "Remove", ["a"])
    assert list(table.keys()) == ["b"]
    clone = invoke_method(table, "Clone", [])
    assert clone is not table and clone["b"] == 2
    entries = invoke_method(table, "GetEnumerator", [])
    assert entries[0].Key == "b" and entries[0].Value == 2 and entries[0].Name == "b"
    with pytest.raises(MethodInvocationException) as info:
        invoke_method(Hashtable({"a": 1}), "Add", ["a", 2])
    assert info.value.message == ('Exception calling "Add" with "2" argument(s): "Item has already been added. '
                                  'Key in dictionary: \'a\'  Key being added: \'a\'"')


def test_generic_dictionary():
    d = resolve_type("System.Collections.Generic.Dictionary[string,int]").new([])
    invoke_method(d, "Add", ["a", "1"])
    ref = PSReference()
    assert invoke_method(d, "TryGetValue", ["a", ref]) is True and ref.Value == 1
    assert get_index(d, "a") == 1
    assert get_index(d, "A") is None  # case-sensitive keys by default
    with pytest.raises(MethodInvocationException):
        invoke_method(d, "Add", ["a", 2])


def test_hashset():
    hs = resolve_type("System.Collections.Generic.HashSet[string]").new([])
    assert invoke_method(hs, "Add", ["a"]) is True
    assert invoke_method(hs, "Add", ["a"]) is False
    assert get_member(hs, "Count") == 1


# --- dates, numbers, misc --------------------------------------------------------------------------

def test_datetime_members():
    day = datetime.datetime(2024, 3, 5, 14, 5, 6)
    assert str(get_member(day, "DayOfWeek")) == "Tuesday"
    assert get_member(day, "Year") == 2024
    assert get_member(day, "Date") == datetime.datetime(2024, 3, 5)
    assert invoke_method(day, "AddDays", [1.5]) == datetime.datetime(2024, 3, 7, 2, 5, 6)
    assert invoke_method(day, "AddMonths", [11]) == datetime.datetime(2025, 2, 5, 14, 5, 6)
    assert invoke_method(day, "ToString", ["yyyy-MM-dd HH:mm:ss"]) == "2024-03-05 14:05:06"
    assert invoke_method(day, "ToString", ["dddd d MMMM yy h:mm tt"]) == "Tuesday 5 March 24 2:05 PM"
    assert invoke_method(day, "ToString", []) == "3/5/2024 2:05:06 PM"
    assert invoke_method(day, "ToString", ["s"]) == "2024-03-05T14:05:06"


def test_timespan_members():
    span = datetime.timedelta(days=1, hours=2, minutes=30)
    assert get_member(span, "TotalHours") == 26.5
    assert get_member(span, "Hours") == 2
    assert get_member(span, "Days") == 1
    assert invoke_method(span, "ToString", [r"hh\:mm"]) == "02:30"


def test_guid_and_number_formatting():
    g = uuid.UUID("12345678-1234-1234-1234-123456789abc")
    assert invoke_method(g, "ToString", ["N"]) == "12345678123412341234123456789abc"
    assert invoke_method(1234.5, "ToString", ["N2"]) == "1,234.50"
    assert invoke_method(255, "ToString", ["X4"]) == "00FF"
    assert invoke_method(0.5, "ToString", []) == "0.5"


def test_string_builder():
    sb = StringBuilder()
    assert invoke_method(sb, "Append", ["a"]) is sb
    invoke_method(sb, "AppendLine", ["b"])
    invoke_method(sb, "AppendFormat", ["{0}-{1}", 1, 2])
    assert invoke_method(sb, "ToString", []) == "ab\n1-2"
    assert get_member(sb, "Length") == 6


def test_get_type():
    t = invoke_method(5, "GetType", [])
    assert get_member(t, "FullName") == "System.Int32"
    assert get_member(t, "Name") == "Int32"
    assert str(invoke_method([1], "GetType", [])) == "System.Object[]"
    assert str(invoke_method(Hashtable(), "GetType", [])) == "System.Collections.Hashtable"
    assert str(invoke_method(PSCustomObject(), "GetType", [])) == "System.Management.Automation.PSCustomObject"


def test_exception_members():
    exc = resolve_type("System.ArgumentException").new(["bad"])
    assert get_member(exc, "Message") == "bad"
    assert get_member(exc, "InnerException") is None
    assert str(invoke_method(exc, "GetType", [])) == "System.ArgumentException"


def test_credential_members():
    cred = resolve_type("pscredential").new(["bob", SecureString("pw")])
    assert get_member(cred, "UserName") == "bob"
    assert str(get_member(cred, "Password")) == "System.Security.SecureString"
    assert get_member(invoke_method(cred, "GetNetworkCredential", []), "Password") == "pw"


def test_psobject_properties():
    obj = PSCustomObject({"a": 1, "b": 2})
    props = get_member(get_member(obj, "PSObject"), "Properties")
    assert [(p.Name, p.Value) for p in props] == [("a", 1), ("b", 2)]
    assert get_member(props, "Name") == ["a", "b"]
    props[0].Value = 10
    assert obj.get_property("a") == 10
    assert get_member(obj, "PSTypeNames")[0] == "System.Management.Automation.PSCustomObject"


# --- ForEach / Where ------------------------------------------------------------------------------

def test_magic_foreach_and_where():
    double = FakeScriptBlock(lambda x: x * 2)
    assert invoke_method([1, 2, 3], "ForEach", [double]) == [2, 4, 6]
    assert invoke_method(5, "ForEach", [double]) == [10]
    assert invoke_method(["a", "bb"], "ForEach", ["Length"]) == [1, 2]
    assert invoke_method(["a", "b"], "ForEach", ["ToUpper"]) == ["A", "B"]
    assert invoke_method(["1", "2"], "ForEach", [resolve_type("int")]) == [1, 2]
    odd = FakeScriptBlock(lambda x: x % 2 == 1)
    assert invoke_method([1, 2, 3, 4, 5], "Where", [odd]) == [1, 3, 5]
    assert invoke_method([1, 2, 3, 4, 5], "Where", [odd, "First"]) == [1]
    assert invoke_method([1, 2, 3, 4, 5], "Where", [odd, "Last", 2]) == [3, 5]
    assert invoke_method([1, 2, 3, 4, 5], "Where", [odd, "Split"]) == [[1, 3, 5], [2, 4]]
    big = FakeScriptBlock(lambda x: x > 2)
    assert invoke_method([1, 2, 3, 4], "Where", [big, "SkipUntil"]) == [3, 4]
    assert invoke_method([1, 2, 3, 4], "Where", [big, "Until"]) == [1, 2]


def test_list_foreach_is_the_dotnet_method():
    seen = []
    lst = GenericList([1, 2], resolve_type("int"))
    assert invoke_method(lst, "ForEach", [FakeScriptBlock(lambda x: seen.append(x))]) is None
    assert seen == [1, 2]


# --- indexing -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("target, index, expected", [
    ([1, 2, 3], 0, 1), ([1, 2, 3], -1, 3), ([1, 2, 3], 5, None), ([1, 2, 3], -5, None),
    ([1, 2, 3], [0, 2], [1, 3]), ([1, 2, 3, 4], [1, 2, 3], [2, 3, 4]), ([1, 2, 3], [0, 9], [1]),
    ([1, 2, 3], "1", 2), ("abc", 1, "b"), ("abc", -1, "c"), ("abc", 9, None), ("abc", [0, 2], ["a", "c"]),
    (Hashtable({"a": 1}), "A", 1), (Hashtable({"a": 1}), "zz", None), (Hashtable({"a": 1, "b": 2}), ["a", "b"], [1, 2]),
    (OrderedDictionary({"x": "first", "y": "second"}), 1, "second"), (5, 0, 5),
])
def test_get_index(target, index, expected):
    assert get_index(target, index) == expected


def test_string_index_gives_char():
    assert type(get_index("abc", 0)) is Char


def test_index_into_null():
    with pytest.raises(RuntimeException) as info:
        get_index(None, 0)
    assert info.value.message == "Cannot index into a null array."
    assert info.value.error_id == "NullArray"


def test_set_index():
    items = [1, 2, 3]
    set_index(items, -1, 9)
    assert items == [1, 2, 9]
    typed = TypedArray([1, 2], resolve_type("int"))
    set_index(typed, 0, "7")
    assert typed[0] == 7
    table = Hashtable()
    set_index(table, "K", 1)
    assert table["k"] == 1


def test_set_index_out_of_range():
    with pytest.raises(RuntimeException) as info:
        set_index([1, 2], 5, 1)
    assert info.value.message == "Index was outside the bounds of the array."
    assert info.value.error_id == "IndexOutOfRange"
    assert info.value.inner_exception.full_name == "System.IndexOutOfRangeException"
    with pytest.raises(SetValueInvocationException):
        set_index(GenericList([1], None), 3, 1)


def test_cannot_index_string_assignment():
    with pytest.raises(RuntimeException) as info:
        set_index("abc", 0, "x")
    assert info.value.message == "Unable to index into an object of type System.String."


def test_subclass_with_its_own_members_is_not_shadowed_by_a_cached_base():
    from pwshlike.dotnet.errors import DotNetException
    from pwshlike.dotnet.members import get_member

    class ResponseError(DotNetException):
        full_name = "Test.ResponseError"
        PS_MEMBERS = dict(DotNetException.PS_MEMBERS, Response="response")

        def __init__(self) -> None:
            super().__init__("failed")
            self.response = "the response"

    assert get_member(DotNetException("base first"), "Message") == "base first"
    assert get_member(ResponseError(), "Response") == "the response"
    assert get_member(ResponseError(), "Message") == "failed"
