"""The API other layers call: execute_script, ScriptBlock invocation,
context stream writers, session state helpers."""

from __future__ import annotations

import pytest

from pwshlike.runtime.context import ExecutionContext
from pwshlike.dotnet.errors import (ActionPreferenceStopException, ErrorCategory, ErrorRecord,
                                    ParseException, RuntimeException)
from pwshlike.runtime.pipeline import NO_INPUT
from pwshlike.runtime.run import execute_script, parse_script
from pwshlike.runtime.scriptblock import ScriptBlock, ScriptBlockCode


def _block(ctx, text):
    return ScriptBlock(ScriptBlockCode(parse_script(text)), ctx)


def test_execute_script_without_commands_layer():
    ctx = ExecutionContext()
    out = []
    result = execute_script(ctx, "param($a) $a * 2; $args", arguments=[21, 'x'], emit=out.append)
    assert out == [42, "x"]
    assert result.exit_code is None and result.error is None and result.success


def test_execute_script_parse_error_raises():
    with pytest.raises(ParseException) as info:
        execute_script(ExecutionContext(), "if (")
    assert info.value.errors


def test_execute_script_dot_source_keeps_definitions(session):
    session.run("function Kept { 'k' }; $kept = 1", dot_source=True)
    assert session.run("Kept; $kept") == ["k", 1]


def test_run_result_after_terminating_error(session):
    session.run("throw 'x'")
    result = session.result
    assert result.error is not None and str(result.error) == "x"
    assert result.success is False and result.exit_code is None


def test_begin_invocation_protocol(session):
    ctx = session.ctx
    block = _block(ctx, "param([int]$n, $m = $n + 1) begin { \"b$n$m\" } process { \"p$_\" } end { \"e$($input.Count)\" }")
    out = []
    run = block.begin_invocation(ctx, new_scope=True, variables={"N": "4", "PSBoundParameters": {}},
                                 args=[], emit=out.append)
    run.begin()
    run.process(1)
    run.process(NO_INPUT)
    run.end()
    assert out == ["b45", "p1", "p1", "e"]
    assert run.scope.vars["n"].value == 4
    assert "psboundparameters" in run.scope.vars
    assert ctx.scope is ctx.session.global_scope


def test_end_block_sees_collected_input(session):
    ctx = session.ctx
    block = _block(ctx, "$all = @($input); $all.Count; $all[1]")
    out = []
    run = block.begin_invocation(ctx, emit=out.append)
    run.begin()
    for item in ("a", "b"):
        run.process(item)
    run.end()
    assert out == [2, "b"]


def test_input_enumerator_members(run):
    assert run("function f { $input.MoveNext(); $input.Current; $input.MoveNext(); $input.Current }; 5, 6 | f") == \
        [True, 5, True, 6]


def test_invoke_with_input_in_callers_scope(session):
    ctx = session.ctx
    block = _block(ctx, "$seen = $_; $_ * 2")
    assert block.invoke_with_input(21) == [42]
    assert ctx.get_variable_value("seen") is None
    assert block.invoke_with_input(5, new_scope=False) == [10]
    assert ctx.get_variable_value("seen") == 5
    assert ctx.get_variable_value("_") is None


def test_script_block_text_and_parameters(session):
    block = session.run("{ param($a, [int]$b) $a }")[0]
    assert str(block) == " param($a, [int]$b) $a "
    assert [p.name.name for p in block.parameters] == ["a", "b"]
    function = session.run("function f($x) { $x }; ${function:f}")[0]
    assert [p.name.name for p in function.parameters] == ["x"]
    assert session.run("filter g { $_ }; ${function:g}.IsFilter")[0] is True


def test_define_function_and_eval_expression(session):
    ctx = session.ctx
    ctx.define_function("Hello", _block(ctx, "'hi'"))
    assert session.run("Hello") == ["hi"]
    ast = parse_script("@('a', 'b')").end_block.statements[0].pipeline_elements[0].expression
    assert ctx.eval_expression(ast) == ["a", "b"]


def test_write_error_preferences(session):
    ctx = session.ctx
    record = ErrorRecord(RuntimeException("bad"), "Bad", ErrorCategory.InvalidData, None)
    ctx.write_error(record)
    assert session.errors() == ["bad"]
    assert ctx.error_list()[0] is record
    ctx.write_error(ErrorRecord(RuntimeException("quiet"), "Q", None, None), "SilentlyContinue")
    assert session.errors() == ["bad"]
    assert str(ctx.error_list()[0]) == "quiet"
    ctx.write_error(ErrorRecord(RuntimeException("ignored"), "I", None, None), "Ignore")
    assert str(ctx.error_list()[0]) == "quiet"
    with pytest.raises(ActionPreferenceStopException) as info:
        ctx.write_error(record, "Stop")
    assert info.value.error_record is record


def test_write_host_and_information(session):
    ctx = session.ctx
    ctx.write_host(["a", "b"], separator=",")
    ctx.write_information("info", ["tag"])
    ctx.write_information("shown", preference="Continue")
    assert session.host.lines == [("information", "a,b"), ("information", "shown")]


def test_last_exit_code_property(session):
    session.ctx.last_exit_code = 3
    assert session.run("$LASTEXITCODE") == [3]


def test_clean_block_runs(session):
    assert session.run("function f { process { $_ } clean { Write-Host 'cleaned' } }; 1, 2 | f") == [1, 2]
    assert session.host.kind("information") == ["cleaned"]


def test_get_new_closure_keeps_values(session):
    out = session.run("$v = 1; $c = { $v }.GetNewClosure(); $v = 2; & $c; $c.Invoke()")
    assert out == [1, 1]


def test_run_result_success_is_last_statement_status(session):
    session.run("Get-Missing-Command; 'recovered'")
    assert session.result.success is True
    session.run("'x'; Get-Missing-Command")
    assert session.result.success is False
    session.run("1/0")
    assert session.result.success is False
