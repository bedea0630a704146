"""pwsh 7's ConciseView / NormalView layouts (PowerShellCore_format_ps1xml.cs)."""

from pwshlike.dotnet.errors import (CommandNotFoundException, ErrorCategory, InvocationInfo,
                                    RuntimeException)
from pwshlike.host.errorview import format_error, format_parse_errors
from pwshlike.language.ast import Extent, SourceText


class FakeParseError:
    def __init__(self, error_id, message, extent):
        self.error_id = error_id
        self.message = message
        self.extent = extent
        self.incomplete_input = False


def _extent(text, start, end, file=None):
    return Extent(SourceText(text, file), start, end)


def test_parse_error_layout_for_command_text():
    error = FakeParseError("MissingEndParenthesisInExpression", "Missing closing ')' in expression.",
                           _extent("if (", 4, 4))
    assert format_parse_errors([error]) == (
        "ParserError: \n"
        "Line |\n"
        "   1 |  if (\n"
        "     |      ~\n"
        "     | Missing closing ')' in expression.")


def test_parse_error_layout_for_a_file_shows_path_and_line():
    text = "$a = 1\n$b = (2 +\n"
    error = FakeParseError("ExpectedValueExpression",
                           "You must provide a value expression following the '+' operator.",
                           _extent(text, 15, 16, "/tmp/s.ps1"))
    assert format_parse_errors([error]) == (
        "ParserError: /tmp/s.ps1:2\n"
        "Line |\n"
        "   2 |  $b = (2 +\n"
        "     |          ~\n"
        "     | You must provide a value expression following the '+' operator.")


def test_only_the_first_parse_error_is_shown_concisely_but_all_in_normal_view():
    text = "a)\nb)"
    first = FakeParseError("UnexpectedToken", "Unexpected token ')' in expression or statement.", _extent(text, 1, 2))
    second = FakeParseError("UnexpectedToken", "Unexpected token ')' in expression or statement.", _extent(text, 4, 5))
    concise = format_parse_errors([first, second])
    assert concise.count("Unexpected token") == 1
    normal = format_parse_errors([first, second], view="NormalView")
    assert normal == (
        "At line:1 char:2\n+ a)\n+  ~\nUnexpected token ')' in expression or statement.\n\n"
        "At line:2 char:2\n+ b)\n+  ~\nUnexpected token ')' in expression or statement.\n"
        "+ CategoryInfo          : ParserError: (:) [], ParseException\n"
        "+ FullyQualifiedErrorId : UnexpectedToken")


def _command_not_found(extent):
    exc = CommandNotFoundException(
        "The term 'Get-Foo' is not recognized as a name of a cmdlet, function, script file, or executable "
        "program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct "
        "and try again.", category=ErrorCategory.ObjectNotFound, target_object="Get-Foo")
    record = exc.error_record
    record.invocation_info = InvocationInfo(None, "Get-Foo", extent)
    return record


def test_concise_view_of_a_one_line_command_error_has_no_position():
    record = _command_not_found(_extent("Get-Foo", 0, 7))
    assert format_error(record) == (
        "Get-Foo: The term 'Get-Foo' is not recognized as a name of a cmdlet, function, script file, or "
        "executable program.\nCheck the spelling of the name, or if a path was included, verify that the path "
        "is correct and try again.")


def test_concise_view_in_a_script_file_shows_the_line_block_and_joins_message_lines():
    record = _command_not_found(_extent("\n  Get-Foo -x\n", 3, 10, "/tmp/t.ps1"))
    assert format_error(record) == (
        "Get-Foo: /tmp/t.ps1:2\n"
        "Line |\n"
        "   2 |    Get-Foo -x\n"
        "     |    ~~~~~~~\n"
        "     | The term 'Get-Foo' is not recognized as a name of a cmdlet, function, script file, or executable "
        "program. Check\n"
        "     | the spelling of the name, or if a path was included, verify that the path is correct and try "
        "again.")


def test_throw_is_reported_as_exception():
    exc = RuntimeException("boom")
    exc.was_thrown_from_throw_statement = True
    exc.error_record.invocation_info = InvocationInfo(extent=_extent('throw "boom"', 0, 12))
    assert format_error(exc.error_record) == "Exception: boom"


def test_reason_falls_back_to_exception_type_for_not_specified_category():
    exc = RuntimeException("Attempted to divide by zero.")
    exc.error_record.invocation_info = InvocationInfo(extent=_extent("$x\n1/0", 3, 6, "/tmp/d.ps1"))
    assert format_error(exc.error_record).splitlines()[0] == "RuntimeException: /tmp/d.ps1:2"


def test_long_messages_wrap_at_the_window_width():
    exc = RuntimeException(" ".join(["word"] * 30))
    exc.was_thrown_from_throw_statement = True
    exc.error_record.invocation_info = InvocationInfo(extent=_extent("throw 'x'", 0, 9, "/s.ps1"))
    lines = format_error(exc.error_record, width=40).splitlines()
    # Each line is cut at the last space within 40 columns, the prefix included.
    assert lines[4:] == ["     | word word word word word word"] * 5


def test_normal_view():
    record = _command_not_found(_extent("Get-Foo", 0, 7))
    assert format_error(record, "NormalView") == (
        "Get-Foo : The term 'Get-Foo' is not recognized as a name of a cmdlet, function, script file, or "
        "executable program.\nCheck the spelling of the name, or if a path was included, verify that the path "
        "is correct and try again.\n"
        "At line:1 char:1\n+ Get-Foo\n+ ~~~~~~~\n"
        "+ CategoryInfo          : ObjectNotFound: (Get-Foo:String) [], CommandNotFoundException\n"
        "+ FullyQualifiedErrorId : CommandNotFoundException")


def test_category_view():
    record = _command_not_found(_extent("Get-Foo", 0, 7))
    assert format_error(record, "CategoryView") == \
        "ObjectNotFound: (Get-Foo:String) [], CommandNotFoundException"


def test_colors_use_pwsh_error_and_accent_styles():
    error = FakeParseError("X", "Bad.", _extent("a b", 2, 3))
    text = format_parse_errors([error], color=True)
    assert text.startswith("\x1b[31;1mParserError: ")
    assert "\x1b[36;1mLine |" in text
    assert "\x1b[36;1mb\x1b[0m" in text  # the error span is accented inside the line
    assert text.endswith("Bad.\x1b[0m")


def test_native_stderr_records_show_only_the_message():
    from pwshlike.commands.native import RemoteException
    from pwshlike.dotnet.errors import ErrorRecord
    record = ErrorRecord(RemoteException("ls: cannot access"), "NativeCommandError", ErrorCategory.NotSpecified,
                         "ls: cannot access")
    assert format_error(record) == "ls: cannot access"
