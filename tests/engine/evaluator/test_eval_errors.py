"""Errors: statement errors, throw, try/catch/finally, trap, $Error, $?,
$ErrorActionPreference."""

from __future__ import annotations


def test_statement_error_reports_and_continues(session):
    assert session.run("'before'; 1/0; 'after'") == ["before", "after"]
    assert session.errors() == ["Attempted to divide by zero."]
    assert session.result.error is None


def test_error_in_function_continues_in_function(session):
    out = session.run("function f { 1/0; 'rest of f' }; f; 'caller'")
    assert out == ["rest of f", "caller"]


def test_throw_terminates_script(session):
    assert session.run("'a'; throw 'boom'; 'b'") == ["a"]
    assert session.errors() == ["boom"]
    assert session.result.error is not None
    record = session.ctx.get_variable_value("Error")[0]
    assert record.fully_qualified_error_id == "boom"


def test_try_catch_finally_ordering(run):
    script = """
    try { 'try'; throw 'x'; 'not here' }
    catch { "catch $_" }
    finally { 'finally' }
    'after'
    """
    assert run(script) == ["try", "catch x", "finally", "after"]


def test_finally_runs_on_return_and_break(run):
    script = """
    function f { try { return 'r' } finally { 'f1' } }
    f
    foreach ($i in 1..3) { try { break } finally { "f$i" } }
    """
    assert run(script) == ["r", "f1", "f1"]


def test_catch_makes_statement_errors_terminating(run):
    script = """
    try { 1/0; 'not reached' } catch { 'caught' }
    function g { 1/0; 'not reached in g' }
    try { g } catch { 'caught from g' }
    """
    assert run(script) == ["caught", "caught from g"]


def test_typed_catch_matches_inner_exception(run):
    script = """
    try { 1/0 } catch [System.DivideByZeroException] { 'dbz' } catch { 'other' }
    try { [int]::Parse('x') } catch [FormatException] { 'format' } catch { 'other' }
    try { throw 'x' } catch [System.IO.IOException] { 'io' } catch { 'general' }
    try { 1/0 } catch [ArithmeticException] { 'base class' }
    """
    assert run(script) == ["dbz", "format", "general", "base class"]


def test_catch_exposes_error_record(run):
    script = """
    try { throw 'msg' } catch {
        $_.Exception.Message
        $_.FullyQualifiedErrorId
        $_.GetType().Name
        $_.TargetObject
    }
    """
    assert run(script) == ["msg", "msg", "ErrorRecord", "msg"]


def test_throw_exception_object_and_error_record(run):
    script = """
    try { throw [System.ArgumentException]::new('bad arg') } catch [ArgumentException] { $_.Exception.Message }
    try { try { throw 'inner' } catch { throw $_ } } catch { "outer: $($_.Exception.Message)" }
    """
    assert run(script) == ["bad arg", "outer: inner"]


def test_bare_throw_rethrows(run):
    script = """
    try {
        try { throw 'original' } catch { 'handling'; throw }
    } catch { "rethrown: $($_.Exception.Message)" }
    """
    assert run(script) == ["handling", "rethrown: original"]


def test_throw_null_is_script_halted(run):
    assert run("try { throw } catch { $_.Exception.Message }") == ["ScriptHalted"]


def test_uncaught_exception_type_still_runs_finally(session):
    out = session.run("try { throw 'x' } catch [System.IO.IOException] { 'io' } finally { 'fin' }; 'after'")
    assert out == ["fin"]
    assert session.errors() == ["x"]


def test_dollar_underscore_restored_after_catch(run):
    assert run("1..2 | ForEach-Object { try { throw 'e' } catch { } ; $_ }") == [1, 2]


def test_trap_continue(session):
    script = """
    trap { "trapped: $_"; continue }
    'one'
    throw 'bad'
    'two'
    """
    assert session.run(script) == ["one", "trapped: bad", "two"]
    assert session.errors() == []


def test_trap_without_continue_reports_and_continues(session):
    out = session.run("trap { 'trap ran' }\n1/0\n'next'")
    assert out == ["trap ran", "next"]
    assert session.errors() == ["Attempted to divide by zero."]


def test_trap_break_terminates(session):
    out = session.run("trap { 'trap ran'; break }\n'a'\nthrow 'fatal'\n'b'")
    assert out == ["a", "trap ran"]
    assert session.errors() == ["fatal"]


def test_trap_continue_resumes_after_enclosing_statement(session):
    script = """
    trap { continue }
    if ($true) {
        throw 1
        "Shouldn't continue here"
    }
    "Should continue here"
    """
    assert session.run(script) == ["Should continue here"]


def test_typed_trap(session):
    script = """
    trap [System.DivideByZeroException] { 'dbz trap'; continue }
    1/0
    'after'
    """
    assert session.run(script) == ["dbz trap", "after"]


def test_trap_in_caller_catches_function_errors(session):
    script = """
    function f { 'f start'; 1/0; 'f end' }
    trap { 'trapped'; continue }
    f
    'done'
    """
    assert session.run(script) == ["f start", "trapped", "done"]


def test_error_variable_collects_newest_first(session):
    session.run("1/0; [int]'x'; try { throw 'caught one' } catch {}", dot_source=True)
    errors = session.ctx.get_variable_value("Error")
    assert len(errors) == 3
    assert str(errors[0]) == "caught one"
    assert str(errors[2]) == "Attempted to divide by zero."


def test_maximum_error_count(session):
    session.run("$MaximumErrorCount = 2; 1/0; 1/0; 1/0", dot_source=True)
    assert len(session.ctx.get_variable_value("Error")) == 2


def test_error_action_preference_stop(session):
    out = session.run("$ErrorActionPreference = 'Stop'; 'a'; 1/0; 'b'")
    assert out == ["a"]
    assert session.result.error is not None


def test_error_action_preference_silently_continue(session):
    out = session.run("$ErrorActionPreference = 'SilentlyContinue'; 1/0; 'b'; $Error.Count")
    assert out == ["b", 1]
    assert session.errors() == []


def test_write_error_non_terminating(session):
    out = session.run("Write-Error 'oops'; 'after'; $Error[0].Exception.Message")
    assert out == ["after", "oops"]
    assert session.errors() == ["oops"]


def test_write_error_with_stop_is_catchable(run):
    script = """
    try { Write-Error 'w' -ErrorAction Stop; 'no' } catch { "caught $($_.Exception.Message) $($_.Exception.GetType().Name)" }
    """
    assert run(script) == ["caught w WriteErrorException"]


def test_write_error_stop_terminates_script(session):
    assert session.run("Write-Error 'w' -ErrorAction Stop; 'no'") == []
    assert session.errors() == ["w"]


def test_command_not_found_is_statement_terminating(session):
    assert session.run("Get-Nothing-Here; 'after'") == ["after"]
    message = session.errors()[0]
    assert message.startswith("The term 'Get-Nothing-Here' is not recognized")
    record = session.ctx.get_variable_value("Error")[0]
    assert record.fully_qualified_error_id == "CommandNotFoundException"


def test_method_exception_in_catch(run):
    script = """
    try { 'abc'.Substring(10) } catch [System.ArgumentOutOfRangeException] { 'range' } catch { $_.Exception.GetType().Name }
    """
    assert run(script) == ["range"]


def test_error_position_message(session):
    session.run("\n  1/0\n")
    record = session.ctx.get_variable_value("Error")[0]
    info = record.invocation_info
    assert info.script_line_number == 2
    assert info.offset_in_line == 3
    assert info.position_message.startswith("At line:2 char:3")


def test_error_in_if_condition_continues(session):
    assert session.run("if (1/0) { 'yes' }; 'after'") == ["after"]
    assert session.errors() == ["Attempted to divide by zero."]


def test_terminating_error_from_command(session):
    assert session.run("Throw-Terminating 'bad'; 'after'") == ["after"]
    assert session.errors() == ["bad"]
