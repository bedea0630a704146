"""Type literals, accelerators, ``-is`` hierarchy and static members as
scripts use them (about_Type_Accelerators, about_Methods)."""

import datetime
import uuid
from decimal import Decimal

import pytest

from pwshlike.dotnet.errors import MethodException, MethodInvocationException, RuntimeException
from pwshlike.dotnet.members import get_member
from pwshlike.dotnet.types import resolve_type, type_of
from pwshlike.dotnet.values import Char, GenericList, Hashtable, Int64, PSCustomObject, PSReference, TypedArray
from pwshlike.dotnet.credentials import PSCredential, SecureString
from pwshlike.language.ast import TypeName


@pytest.mark.parametrize("name, full_name", [
    ("int", "System.Int32"), ("INT32", "System.Int32"), ("long", "System.Int64"), ("string", "System.String"),
    ("System.String", "System.String"), ("double", "System.Double"), ("float", "System.Single"),
    ("decimal", "System.Decimal"), ("bool", "System.Boolean"), ("char", "System.Char"), ("byte", "System.Byte"),
    ("bigint", "System.Numerics.BigInteger"), ("datetime", "System.DateTime"), ("timespan", "System.TimeSpan"),
    ("guid", "System.Guid"), ("hashtable", "System.Collections.Hashtable"),
    ("ordered", "System.Collections.Specialized.OrderedDictionary"), ("array", "System.Array"),
    ("object", "System.Object"), ("psobject", "System.Management.Automation.PSObject"),
    ("pscustomobject", "System.Management.Automation.PSObject"),
    ("scriptblock", "System.Management.Automation.ScriptBlock"),
    ("regex", "System.Text.RegularExpressions.Regex"), ("securestring", "System.Security.SecureString"),
    ("pscredential", "System.Management.Automation.PSCredential"),
    ("switch", "System.Management.Automation.SwitchParameter"), ("void", "System.Void"), ("type", "System.Type"),
    ("math", "System.Math"), ("Convert", "System.Convert"), ("Text.Encoding", "System.Text.Encoding"),
    ("IO.Path", "System.IO.Path"), ("System.IO.File", "System.IO.File"), ("Environment", "System.Environment"),
    ("System.Text.StringBuilder", "System.Text.StringBuilder"), ("uri", "System.Uri"), ("version", "System.Version"),
    ("ref", "System.Management.Automation.PSReference"),
    ("string[]", "System.String[]"), ("int[]", "System.Int32[]"), ("object[]", "System.Object[]"),
    ("System.Collections.Generic.List[string]", "System.Collections.Generic.List`1[System.String]"),
    ("List[int]", "System.Collections.Generic.List`1[System.Int32]"),
    ("System.Collections.Generic.Dictionary[string,int]",
     "System.Collections.Generic.Dictionary`2[System.String,System.Int32]"),
    ("Collections.Generic.HashSet[string]", "System.Collections.Generic.HashSet`1[System.String]"),
    ("System.ArgumentException", "System.ArgumentException"), ("ArgumentException", "System.ArgumentException"),
    ("Exception", "System.Exception"), ("IO.FileNotFoundException", "System.IO.FileNotFoundException"),
    ("Management.Automation.RuntimeException", "System.Management.Automation.RuntimeException"),
    ("System.Net.Http.HttpRequestException", "System.Net.Http.HttpRequestException"),
    ("ConsoleColor", "System.ConsoleColor"), ("System.Collections.ArrayList", "System.Collections.ArrayList"),
])
def test_resolve_type(name, full_name):
    assert resolve_type(name).full_name == full_name
    assert str(resolve_type(name)) == full_name


def test_resolve_language_type_names():
    list_of_string = TypeName("System.Collections.Generic.List", [TypeName("string")])
    assert resolve_type(list_of_string).full_name == "System.Collections.Generic.List`1[System.String]"
    int_array = TypeName("int[]", array_rank=1, element_type=TypeName("int"))
    assert resolve_type(int_array).full_name == "System.Int32[]"


def test_unknown_type():
    with pytest.raises(RuntimeException) as info:
        resolve_type("Foo.Bar")
    assert info.value.message == "Unable to find type [Foo.Bar]."
    assert info.value.error_id == "TypeNotFound"


@pytest.mark.parametrize("name", ["Parameter", "CmdletBinding", "ValidateSet", "Alias", "ValidateNotNullOrEmpty",
                                  "ParameterAttribute", "SuppressMessage", "OutputType", "AllowNull"])
def test_attribute_types(name):
    assert resolve_type(name).is_attribute is True


def test_type_of():
    assert type_of(5).full_name == "System.Int32"
    assert type_of(2 ** 40).full_name == "System.Int64"
    assert type_of(Int64(1)).full_name == "System.Int64"
    assert type_of(1.5).full_name == "System.Double"
    assert type_of("x").full_name == "System.String"
    assert type_of(Char("x")).full_name == "System.Char"
    assert type_of([1]).full_name == "System.Object[]"
    assert type_of(TypedArray([1], resolve_type("int"))).full_name == "System.Int32[]"
    assert type_of(Hashtable()).name == "Hashtable"
    assert type_of(PSCustomObject()).full_name == "System.Management.Automation.PSCustomObject"
    assert type_of(datetime.datetime.now()).full_name == "System.DateTime"
    assert type_of(Decimal(1)).full_name == "System.Decimal"
    assert type_of(True).full_name == "System.Boolean"


def test_type_members():
    t = resolve_type("int")
    assert get_member(t, "Name") == "Int32"
    assert get_member(t, "FullName") == "System.Int32"
    assert str(get_member(t, "BaseType")) == "System.ValueType"
    assert get_member(resolve_type("string[]"), "IsArray") is True
    assert get_member(resolve_type("ConsoleColor"), "IsEnum") is True
    assert str(get_member(resolve_type("System.IO.FileNotFoundException"), "BaseType")) == "System.IO.IOException"


def test_constructors():
    assert resolve_type("System.Text.StringBuilder").new(["ab"]).text() == "ab"
    assert isinstance(resolve_type("System.Collections.Generic.List[string]").new([]), GenericList)
    assert resolve_type("datetime").new([2024, 1, 2]) == datetime.datetime(2024, 1, 2)
    assert resolve_type("timespan").new([1, 2, 3]) == datetime.timedelta(hours=1, minutes=2, seconds=3)
    assert resolve_type("string").new(["a", 3]) == "aaa"
    assert isinstance(resolve_type("pscredential").new(["u", SecureString("p")]), PSCredential)
    exc = resolve_type("ArgumentException").new(["msg", "name"])
    assert exc.message == "msg (Parameter 'name')"
    with pytest.raises(MethodException) as info:
        resolve_type("math").new([])
    assert info.value.message == 'Cannot find an overload for "new" and the argument count: "0".'


@pytest.mark.parametrize("type_name, member, args, expected", [
    ("math", "Round", [2.5], 2.0), ("math", "Round", [3.5], 4.0), ("math", "Round", [-2.5], -2.0),
    ("math", "Round", [2.5, "AwayFromZero"], 3.0), ("math", "Round", [3.14159, 2], 3.14),
    ("math", "Round", [Decimal("2.345"), 2], Decimal("2.34")), ("math", "Floor", [-1.5], -2.0),
    ("math", "Ceiling", [1.2], 2.0), ("math", "Truncate", [-1.7], -1.0), ("math", "Abs", [-3], 3),
    ("math", "Max", [3, 7], 7), ("math", "Min", [3, 1.5], 1.5), ("math", "Pow", [2, 10], 1024.0),
    ("math", "Sqrt", [16], 4.0), ("math", "Sqrt", ["16"], 4.0), ("math", "Sign", [-5], -1),
    ("string", "IsNullOrEmpty", [""], True), ("string", "IsNullOrEmpty", [None], True),
    ("string", "IsNullOrWhiteSpace", ["  "], True), ("string", "Join", [",", [1, 2, 3]], "1,2,3"),
    ("string", "Join", ["-", "a", "b"], "a-b"), ("string", "Format", ["{0}-{1}", "a", "b"], "a-b"),
    ("string", "Concat", ["a", "b", 1], "ab1"), ("string", "Compare", ["a", "B"], -1),
    ("string", "Compare", ["a", "A", True], 0), ("int", "Parse", ["42"], 42), ("double", "Parse", ["1.5"], 1.5),
    ("bool", "Parse", ["true"], True), ("char", "IsDigit", ["5"], True), ("char", "IsLetter", [Char("a")], True),
    ("char", "IsWhiteSpace", [" "], True), ("char", "IsUpper", ["a"], False), ("char", "ToUpper", ["a"], Char("A")),
    ("Convert", "ToInt32", ["ff", 16], 255), ("Convert", "ToInt32", ["0x1F", 16], 31),
    ("Convert", "ToString", [255, 2], "11111111"), ("Convert", "ToString", [255, 16], "ff"),
    ("Convert", "ToInt32", [2.5], 2), ("Convert", "ToBoolean", ["false"], False),
    ("Convert", "ToBase64String", [[104, 105]], "aGk="), ("IO.Path", "Combine", ["/a", "b", "c.txt"], "/a/b/c.txt"),
    ("IO.Path", "Combine", ["/a", "/b"], "/b"), ("IO.Path", "GetFileName", ["/a/b.txt"], "b.txt"),
    ("IO.Path", "GetExtension", ["x.tar.gz"], ".gz"), ("IO.Path", "GetExtension", ["x"], ""),
    ("IO.Path", "GetFileNameWithoutExtension", ["/a/b.txt"], "b"), ("IO.Path", "GetDirectoryName", ["/a/b.txt"], "/a"),
    ("IO.Path", "GetDirectoryName", ["b.txt"], ""), ("IO.Path", "ChangeExtension", ["a.txt", "md"], "a.md"),
    ("regex", "Escape", ["a.b*c"], r"a\.b\*c"), ("regex", "Replace", ["abc", "b", "X"], "aXc"),
    ("regex", "IsMatch", ["abc", "^a"], True), ("regex", "Split", ["a1b2c", r"\d"], ["a", "b", "c"]),
    ("timespan", "FromMinutes", [90], datetime.timedelta(minutes=90)),
    ("timespan", "FromSeconds", [1.5], datetime.timedelta(seconds=1.5)),
    ("guid", "Parse", ["12345678-1234-1234-1234-123456789abc"], uuid.UUID("12345678-1234-1234-1234-123456789abc")),
    ("datetime", "ParseExact", ["2024-03-05 10:20", "yyyy-MM-dd HH:mm", None], datetime.datetime(2024, 3, 5, 10, 20)),
    ("datetime", "DaysInMonth", [2024, 2], 29), ("datetime", "IsLeapYear", [2023], False),
    ("BitConverter", "ToString", [[1, 2, 255]], "01-02-FF"),
    ("Net.WebUtility", "UrlEncode", ["a b&c"], "a+b%26c"), ("Net.WebUtility", "HtmlEncode", ["<a>"], "&lt;a&gt;"),
])
def test_static_methods(type_name, member, args, expected):
    result = resolve_type(type_name).invoke_static(member, args)
    assert result == expected
    assert type(result) is type(expected) or isinstance(expected, list)


@pytest.mark.parametrize("type_name, member, expected", [
    ("math", "PI", 3.141592653589793), ("math", "E", 2.718281828459045), ("string", "Empty", ""),
    ("int", "MaxValue", 2147483647), ("int", "MinValue", -2147483648), ("long", "MaxValue", 9223372036854775807),
    ("byte", "MaxValue", 255), ("guid", "Empty", uuid.UUID(int=0)), ("timespan", "Zero", datetime.timedelta(0)),
    ("datetime", "MinValue", datetime.datetime(1, 1, 1)), ("Environment", "NewLine", "\n"),
    ("IO.Path", "DirectorySeparatorChar", "/"), ("ConsoleColor", "Red", 12), ("math", "Nope", None),
])
def test_static_properties(type_name, member, expected):
    assert resolve_type(type_name).get_static(member) == expected


def test_enum_statics_print_their_names():
    assert str(resolve_type("ConsoleColor").get_static("DarkRed")) == "DarkRed"
    assert resolve_type("System.Enum").invoke_static("GetNames", [resolve_type("DayOfWeek")])[0] == "Sunday"


def test_dynamic_statics():
    assert isinstance(resolve_type("guid").invoke_static("NewGuid", []), uuid.UUID)
    now = resolve_type("datetime").get_static("Now")
    assert isinstance(now, datetime.datetime) and now.tzinfo is None
    assert resolve_type("datetime").get_static("UtcNow").tzinfo is not None
    assert resolve_type("datetime").get_static("Today").hour == 0


def test_encoding_round_trip():
    utf8 = resolve_type("System.Text.Encoding").get_static("UTF8")
    data = utf8.GetBytes("héllo")
    assert list(data) == [104, 195, 169, 108, 108, 111]
    encoded = resolve_type("Convert").invoke_static("ToBase64String", [data])
    decoded = resolve_type("Convert").invoke_static("FromBase64String", [encoded])
    assert utf8.GetString(decoded) == "héllo"
    assert resolve_type("Text.Encoding").get_static("Unicode").GetBytes("A") == [65, 0]


def test_try_parse_writes_the_reference():
    ref = PSReference()
    assert resolve_type("int").invoke_static("TryParse", ["42", ref]) is True and ref.Value == 42
    assert resolve_type("int").invoke_static("TryParse", ["x", ref]) is False and ref.Value == 0
    with pytest.raises(MethodException) as info:
        resolve_type("int").invoke_static("TryParse", ["1", 5])
    assert info.value.message == "Argument: '2' should be a System.Management.Automation.PSReference. Use [ref]."


def test_static_errors():
    with pytest.raises(RuntimeException) as info:
        resolve_type("math").invoke_static("Foo", [])
    assert info.value.message == "Method invocation failed because [System.Math] does not contain a method named 'Foo'."
    assert info.value.error_id == "MethodNotFound"
    with pytest.raises(MethodInvocationException) as info:
        resolve_type("int").invoke_static("Parse", ["abc"])
    assert info.value.message == ('Exception calling "Parse" with "1" argument(s): '
                                  '"The input string \'abc\' was not in a correct format."')
    assert info.value.error_record.fully_qualified_error_id == "FormatException"
    with pytest.raises(MethodException) as info:
        resolve_type("math").invoke_static("Round", [1, 2, 3, 4])
    assert info.value.message == 'Cannot find an overload for "Round" and the argument count: "4".'


def test_file_statics(tmp_path):
    target = str(tmp_path / "a.txt")
    file_type = resolve_type("System.IO.File")
    file_type.invoke_static("WriteAllText", [target, "one\ntwo"])
    assert file_type.invoke_static("Exists", [target]) is True
    assert file_type.invoke_static("ReadAllText", [target]) == "one\ntwo"
    assert file_type.invoke_static("ReadAllLines", [target]) == ["one", "two"]
    missing = str(tmp_path / "missing.txt")
    with pytest.raises(MethodInvocationException) as info:
        file_type.invoke_static("ReadAllText", [missing])
    assert info.value.message == f"Exception calling \"ReadAllText\" with \"1\" argument(s): \"Could not find file '{missing}'.\""
    assert info.value.inner_exception.full_name == "System.IO.FileNotFoundException"


def test_is_instance_hierarchy():
    assert resolve_type("System.Exception").is_instance(resolve_type("DivideByZeroException").new([]))
    assert resolve_type("ArithmeticException").is_instance(resolve_type("DivideByZeroException").new([]))
    assert not resolve_type("IOException").is_instance(resolve_type("DivideByZeroException").new([]))
    assert resolve_type("ValueType").is_instance(1.5)
    assert resolve_type("object[]").is_instance([1])
    assert not resolve_type("int[]").is_instance([1])
    assert resolve_type("ordered").is_instance(resolve_type("ordered").convert(Hashtable()))
    assert not resolve_type("hashtable").is_instance(resolve_type("ordered").convert(Hashtable()))
