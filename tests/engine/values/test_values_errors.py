"""The exception hierarchy, ErrorRecord, ErrorCategoryInfo and
InvocationInfo (about_Try_Catch_Finally, about_Automatic_Variables $Error)."""

import subprocess
import sys

import pytest

from pwshlike.dotnet import errors as e
from pwshlike.language.ast import Extent, SourceText


@pytest.mark.parametrize("name, cls", [
    ("System.Exception", e.DotNetException), ("Exception", e.DotNetException),
    ("System.ArgumentException", e.ArgumentException), ("argumentexception", e.ArgumentException),
    ("System.IO.IOException", e.IOException), ("IO.IOException", e.IOException), ("IOException", e.IOException),
    ("System.Collections.Generic.KeyNotFoundException", e.KeyNotFoundException),
    ("System.Management.Automation.RuntimeException", e.RuntimeException),
    ("Management.Automation.RuntimeException", e.RuntimeException), ("RuntimeException", e.RuntimeException),
    ("System.Management.Automation.PSInvalidCastException", e.PSInvalidCastException),
    ("System.Net.Http.HttpRequestException", e.HttpRequestException),
    ("Microsoft.PowerShell.Commands.WriteErrorException", e.WriteErrorException),
])
def test_exception_type_lookup(name, cls):
    assert e.exception_type(name) is cls


def test_unknown_exception_type():
    assert e.exception_type("System.NoSuchException") is None


def test_hierarchy_mirrors_dotnet_and_powershell():
    assert issubclass(e.DivideByZeroException, e.ArithmeticException)
    assert issubclass(e.ArgumentNullException, e.ArgumentException)
    assert issubclass(e.FileNotFoundException, e.IOException)
    assert issubclass(e.PSInvalidCastException, e.RuntimeException)
    assert issubclass(e.MethodInvocationException, e.MethodException)
    assert issubclass(e.ItemNotFoundException, e.SessionStateException)
    assert issubclass(e.RuntimeException, e.SystemException)
    assert issubclass(e.PSArgumentException, e.ArgumentException)


@pytest.mark.parametrize("cls, message", [
    (e.DotNetException, "Exception of type 'System.Exception' was thrown."),
    (e.ArgumentException, "Value does not fall within the expected range."),
    (e.DivideByZeroException, "Attempted to divide by zero."),
    (e.IndexOutOfRangeException, "Index was outside the bounds of the array."),
    (e.InvalidOperationException, "Operation is not valid due to the current state of the object."),
    (e.HttpRequestException, "Exception of type 'System.Net.Http.HttpRequestException' was thrown."),
])
def test_default_messages(cls, message):
    assert cls().message == message
    assert str(cls()) == message


def test_argument_exception_parameter_suffix():
    assert e.ArgumentException("Bad value", param_name="path").message == "Bad value (Parameter 'path')"
    assert e.ArgumentNullException(None, param_name="x").message == "Value cannot be null. (Parameter 'x')"


def test_inner_exception_and_to_string():
    inner = e.FormatException("bad format")
    outer = e.RuntimeException("wrapper", inner)
    assert outer.inner_exception is inner
    assert outer.get_base_exception() is inner
    assert outer.to_string() == ("System.Management.Automation.RuntimeException: wrapper\n"
                                 " ---> System.FormatException: bad format")


def test_runtime_exception_error_record():
    exc = e.RuntimeException("boom", error_id="MyId", category=e.ErrorCategory.InvalidData, target_object="t")
    record = exc.error_record
    assert record.exception is exc
    assert record.fully_qualified_error_id == "MyId"
    assert str(record) == "boom"
    assert str(record.category_info) == "InvalidData: (t:String) [], RuntimeException"
    assert record.target_object == "t"


def test_error_category_enum():
    assert int(e.ErrorCategory.NotSpecified) == 0
    assert int(e.ErrorCategory.InvalidArgument) == 5
    assert int(e.ErrorCategory.NotEnabled) == 31
    assert str(e.ErrorCategory.ObjectNotFound) == "ObjectNotFound"
    assert e.to_category("invalidoperation") is e.ErrorCategory.InvalidOperation
    assert e.to_category(13) is e.ErrorCategory.ObjectNotFound


class _Command:
    name = "Write-Error"
    command_type = "Cmdlet"


def test_category_info_with_activity_and_ellipsis():
    record = e.ErrorRecord(e.WriteErrorException("x"), "Microsoft.PowerShell.Commands.WriteErrorException",
                           e.ErrorCategory.NotSpecified, None,
                           e.InvocationInfo(my_command=_Command(), invocation_name="Write-Error"))
    assert str(record.category_info) == "NotSpecified: (:) [Write-Error], WriteErrorException"
    record.target_object = "a" * 50
    assert record.category_info.target_name == "a" * 50
    assert str(record.category_info) == ("NotSpecified: (" + "a" * 19 + "\u2026" + "a" * 19 +
                                         ":String) [Write-Error], WriteErrorException")
    record.category_info.reason = "Custom"
    record.category_info.activity = "Doing"
    assert str(record.category_info).endswith("[Doing], Custom")


def test_category_info_names_its_target_by_powershell_rules_whatever_is_imported_first():
    # errors sits below conversions and types; the rules are installed when
    # the package loads, so even a program importing only errors gets them.
    code = ("from pwshlike.dotnet.errors import DotNetException, ErrorRecord\n"
            "info = ErrorRecord(DotNetException('x'), 'id', 'NotSpecified', [1, 2.5, True]).category_info\n"
            "print(info.target_name, '|', info.target_type, '|', info)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "1 2.5 True | Object[] | NotSpecified: (1 2.5 True:Object[]) [], Exception\n"


def test_deadlock_category_template():
    record = e.ErrorRecord(e.DotNetException("x"), "id", "DeadlockDetected", None)
    assert str(record.category_info) == "Deadlock detected: (:) [], Exception"


def test_error_details_replace_the_message():
    record = e.ErrorRecord(e.DotNetException("original"), "id", "NotSpecified", None)
    record.error_details = e.ErrorDetails("replacement")
    assert str(record) == "replacement"


def test_to_error_record_for_python_errors():
    record = e.to_error_record(ZeroDivisionError("x"))
    assert isinstance(record.exception, e.DivideByZeroException)
    assert record.fully_qualified_error_id == "DivideByZeroException"
    missing = e.dotnet_exception_from(FileNotFoundError(2, "No such file or directory", "/nope"))
    assert isinstance(missing, e.FileNotFoundException)
    assert missing.message == "Could not find file '/nope'."


def test_invocation_info_position_message():
    source = SourceText("$x = 1\nthrow 'boom'\n", "/tmp/s.ps1")
    info = e.InvocationInfo(extent=Extent(source, 7, 19))
    assert info.script_line_number == 2
    assert info.offset_in_line == 1
    assert info.line == "throw 'boom'\n"
    assert info.script_name == "/tmp/s.ps1"
    assert info.position_message == "At /tmp/s.ps1:2 char:1\n+ throw 'boom'\n+ ~~~~~~~~~~~~"


def test_position_message_without_file():
    source = SourceText("  1 + $x")
    assert e.position_message(Extent(source, 6, 8)) == "At line:1 char:7\n+   1 + $x\n+       ~~"
