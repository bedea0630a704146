"""Native commands: PATH lookup, pwsh 7.3+ 'Standard' argument passing, running."""

import json
import os
import sys

import pytest

from pwshlike.commands.native import (ApplicationInfo, NativeCommandExitException, find_application,
                                      native_arguments)
from pwshlike.runtime.pipeline import NO_INPUT, CommandArgument

ARGV_SCRIPT = "import json, sys; print(json.dumps(sys.argv[1:]))"


class Source:
    """Stands in for an argument's extent: only its text is read."""

    def __init__(self, text):
        self.text = text


def arg(value, source=None, **kwargs):
    return CommandArgument(value=value, extent=Source(source) if source is not None else None, **kwargs)


def test_find_application_on_path_and_by_path(tmp_path):
    found = find_application("sh")
    assert isinstance(found, ApplicationInfo)
    assert found.name == "sh" and os.path.isabs(found.path) and found.command_type == "Application"
    assert find_application("/bin/sh").path == "/bin/sh"
    assert find_application("no-such-program-xyz") is None
    plain = tmp_path / "data.txt"
    plain.write_text("x")
    assert find_application(str(plain)) is None  # not executable
    tool = tmp_path / "tool"
    tool.write_text("#!/bin/sh\n")
    tool.chmod(0o755)
    assert find_application("./tool", cwd=str(tmp_path)).path == str(tool)


def test_each_argument_is_one_argv_element_and_collections_are_flattened():
    argv = native_arguments([arg("a b", "'a b'"), arg([1, 2, None, ""], "$x"), arg(True, "$true"),
                             arg(2.5, "2.5")], "/")
    assert argv == ["a b", "1", "2", "", "True", "2.5"]


def test_null_is_dropped_and_empty_string_kept():
    assert native_arguments([arg(None, "$null"), arg("", "''")], "/") == [""]


def test_parameter_tokens():
    argv = native_arguments([
        CommandArgument(name="foo", value="bar", colon=True, text="-foo:"),
        CommandArgument(name="x", has_value=False, text="-x"),
        CommandArgument(end_of_parameters=True),
        CommandArgument(name="n", value=[1, 2], colon=True, text="-n:", extent=Source("-n:1,2")),
    ], "/")
    assert argv == ["-foo:bar", "-x", "--", "-n:1,2"]


def test_unquoted_array_literal_is_passed_as_written():
    assert native_arguments([arg(["a", "b"], "a,b")], "/") == ["a,b"]
    assert native_arguments([arg(["a", "b"], "a, b")], "/") == ["a,", "b"]
    assert native_arguments([arg(["a b", "c"], "'a b',c")], "/") == ["a b", "c"]


def test_verbatim_arguments_after_stop_parsing_token(monkeypatch):
    monkeypatch.setenv("PWSHLIKE_T", "val")
    verbatim = CommandArgument(value="x  %PWSHLIKE_T% %NOPE_Q% 'y' *", verbatim=True, text="--%")
    assert native_arguments([arg("a", "a"), verbatim], "/") == ["a", "x", "val", "%NOPE_Q%", "'y'", "*"]


def test_a_quoted_stop_parsing_value_also_starts_verbatim_words(monkeypatch):
    # pwsh compares argument values with "--%", so '--%' works like the token.
    monkeypatch.setenv("PWSHLIKE_T", "val")
    argv = native_arguments([arg("--%", "'--%'"), arg("x  %PWSHLIKE_T%", "'x  %PWSHLIKE_T%'")], "/")
    assert argv == ["x", "val"]


def test_unquoted_wildcards_are_globbed_and_tilde_expanded(tmp_path):
    for name in ("b.txt", "a.txt", ".hidden.txt", "c.log"):
        (tmp_path / name).write_text("")
    cwd = str(tmp_path)
    assert native_arguments([arg("*.txt", "*.txt")], cwd) == ["a.txt", "b.txt"]
    assert native_arguments([arg("*.txt", "'*.txt'")], cwd) == ["*.txt"]
    assert native_arguments([arg("*.none", "*.none")], cwd) == ["*.none"]
    assert native_arguments([arg(str(tmp_path) + "/?.log", "x")], cwd) == [str(tmp_path / "c.log")]
    home = os.path.expanduser("~")
    assert native_arguments([arg("~", "~"), arg("~/x", "~/x"), arg("~/x", '"~/x"')], cwd) == \
        [home, home + "/x", "~/x"]


class _Streams:
    error = None


class _State:
    failed = False


class _Session:
    def __init__(self, location):
        self.location = location


class FakeContext:
    """The parts of ExecutionContext a native processor uses."""

    def __init__(self, location="/"):
        self.streams = _Streams()
        self.session = _Session(location)
        self.host = None
        self.formatter = lambda objects: [str(o) for o in objects]
        self.pipeline_state = _State()
        self.last_success = True
        self.last_exit_code = None
        self.errors = []
        self.reported = []
        self.written = []
        self.variables = {}

    def append_error(self, record):
        self.errors.append(record)

    def report_error(self, record):
        self.reported.append(record)

    def write_error(self, record):
        self.written.append(record)

    def get_variable_value(self, name, default=None):
        return self.variables.get(name, default)


def run(context, program, arguments, inputs=None):
    processor = find_application(program).new_processor(context, arguments, None)
    output = []
    processor.downstream = output.append
    processor.expecting_input = inputs is not None
    processor.begin()
    try:
        for item in (inputs if inputs is not None else [NO_INPUT]):
            processor.process(item)
        processor.end()
    finally:
        processor.clean()
    return output


def test_python_sees_exactly_the_argv_elements():
    context = FakeContext()
    out = run(context, sys.executable, [arg("-c"), arg(ARGV_SCRIPT), arg('a "b" c', "'a \"b\" c'"),
                                        arg(""), arg([1, 2], "$x")])
    assert json.loads(out[0]) == ['a "b" c', "", "1", "2"]
    assert context.last_exit_code == 0 and not context.pipeline_state.failed


def test_stdout_lines_become_strings_and_exit_code_is_recorded():
    context = FakeContext()
    assert run(context, "printf", [arg("a\\r\\nb\\nc")]) == ["a", "b", "c"]
    out = run(context, "sh", [arg("-c"), arg("echo one; exit 3")])
    assert out == ["one"]
    assert context.last_exit_code == 3
    assert context.pipeline_state.failed and not context.last_success
    assert context.written == []


def test_pipeline_input_is_written_as_lines():
    context = FakeContext()
    assert run(context, "cat", [], inputs=["x", 2, "z"]) == ["x", "2", "z"]


def test_program_that_stops_reading_early_is_fine():
    context = FakeContext()
    assert run(context, "head", [arg("-n1")], inputs=[str(i) for i in range(20000)]) == ["0"]


def test_redirected_stderr_becomes_native_error_records():
    context = FakeContext()
    context.streams.error = lambda record: None
    out = run(context, "sh", [arg("-c"), arg("echo e1 >&2; echo e2 >&2; echo out")])
    assert out == ["out"]
    ids = [r.fully_qualified_error_id for r in context.reported]
    assert ids == ["NativeCommandError", "NativeCommandErrorMessage"]
    assert [r.exception.message for r in context.reported] == ["e1", "e2"]
    assert context.reported[0].target_object == "e1"
    assert not context.pipeline_state.failed


def test_use_error_action_preference_reports_non_zero_exit():
    context = FakeContext()
    context.variables["PSNativeCommandUseErrorActionPreference"] = True
    run(context, "sh", [arg("-c"), arg("exit 2")])
    (record,) = context.written
    assert record.fully_qualified_error_id == "ProgramExitedWithNonZeroCode"
    assert isinstance(record.exception, NativeCommandExitException)
    assert record.exception.message == 'Program "sh" ended with non-zero exit code: 2.'
    assert record.exception.exit_code == 2


def test_program_runs_in_the_session_location(tmp_path):
    context = FakeContext(str(tmp_path))
    assert run(context, "pwd", []) == [str(tmp_path)]


def test_a_program_that_cannot_start_raises_application_failed(tmp_path):
    bad = tmp_path / "bad"
    bad.write_bytes(b"\x00\x01 not a program")
    bad.chmod(0o755)
    from pwshlike.commands.native import ApplicationFailedException
    with pytest.raises(ApplicationFailedException) as info:
        run(FakeContext(), str(bad), [])
    assert info.value.message.startswith(f"Program 'bad' failed to run: An error occurred trying to start "
                                         f"process '{bad}' with working directory '/'. Exec format error")
    assert info.value.error_record.fully_qualified_error_id == "NativeCommandFailed"
