"""Script blocks belong to the session state they were created in: a block
a caller hands to a module function runs on the caller's scopes (its
variables and functions), a block made inside a module runs in the
module's, and ``[scriptblock]::Create`` gives a block that runs wherever
it is invoked."""

from __future__ import annotations

import textwrap

import pytest

from helpers.session import Shell

RUNNER = """
    function Invoke-It([scriptblock]$sb) { $v = 'module local'; & $sb }
    function Dot-It([scriptblock]$sb) { . $sb }
    function Each-It([scriptblock]$sb) { 1, 2 | ForEach-Object $sb }
    function Where-It([scriptblock]$sb) { 1..4 | Where-Object $sb }
    function Call-It([scriptblock]$sb) { $sb.Invoke(5) }
    function Get-Block { { "block sees $v" } }
    function Get-Created { [scriptblock]::Create('"created sees $v"') }
    function Run-Text([string]$text) { $v = 'module local'; & ([scriptblock]::Create($text)) }
    function Block-Module([scriptblock]$sb) { $sb.Module }
    function Outer { $local = 'outer local'; Inner }
    function Inner { "inner sees $local" }
    $v = 'module script'
    Export-ModuleMember -Function *-It, Get-Block, Get-Created, Run-Text, Block-Module, Outer
"""


@pytest.fixture
def shell(tmp_path):
    module = tmp_path / "Runner.psm1"
    module.write_text(textwrap.dedent(RUNNER))
    session = Shell()
    session.run(f"Import-Module '{module}'")
    return session


def test_a_callers_block_sees_the_callers_functions_and_variables(shell):
    out = shell.text("function helper { 'hi' }; $v = 'caller'; Invoke-It { helper; \"v=$v\" }")
    assert out == ["hi", "v=caller"]


def test_a_block_from_a_function_sees_that_functions_locals(shell):
    assert shell.text("function test { $v = 'test local'; Invoke-It { \"v=$v\" } }; test") == ["v=test local"]


def test_dot_sourcing_a_callers_block_defines_in_the_callers_scope(shell):
    assert shell.text("Dot-It { $made = 'here' }; \"made=$made\"") == ["made=here"]


def test_foreach_where_and_invoke_run_the_block_in_its_own_state(shell):
    shell.run("$v = 'caller'; $limit = 2")
    assert shell.text("Each-It { \"$_ $v\" }") == ["1 caller", "2 caller"]
    assert shell.text("Where-It { $_ -gt $limit }") == ["3", "4"]
    assert shell.text("Call-It { param($n) \"$n $v\" }") == ["5 caller"]


def test_a_block_made_in_a_module_runs_in_the_module(shell):
    shell.run("$v = 'caller'")
    assert shell.text("& (Get-Block)") == ["block sees module script"]
    assert shell.text("(Get-Block).Module.Name") == ["Runner"]


def test_a_created_block_is_unbound_and_runs_where_it_is_invoked(shell):
    shell.run("$v = 'caller'")
    assert shell.text("& (Get-Created)") == ["created sees caller"]
    assert shell.text("Run-Text '\"text sees $v\"'") == ["text sees module local"]
    assert shell.run("(Get-Created).Module") == [None]


def test_a_block_made_in_the_session_has_no_module(shell):
    assert shell.run("Block-Module { }") == [None]


def test_module_functions_call_each_other_with_dynamic_scoping(shell):
    assert shell.text("Outer") == ["inner sees outer local"]


def test_get_new_closure_keeps_the_values_it_captured():
    session = Shell()
    out = session.text("function make($n) { { \"n=$n\" }.GetNewClosure() }; $c = make 3; $n = 9; & $c")
    assert out == ["n=3"]
def test_a_callers_block_can_call_back_into_the_module():
    session = Shell()
    session.run("New-Module -Name Nest { function Wrap($sb) { $depth = 'wrap'; & $sb }; "
                "function Peek { \"peek sees $depth\" } } | Import-Module")
    assert session.text("$depth = 'caller'; Wrap { Peek; \"block sees $depth\" }") == [
        "peek sees wrap", "block sees caller"]




def test_get_new_closure_copies_only_the_current_scope():
    session = Shell()
    out = session.text("$g = 'first'; $c = { \"g=$g\" }.GetNewClosure(); $g = 'second'; & $c; "
                       "function outer { $a = 'outer'; & { { \"a=$a\" }.GetNewClosure() } }; & (outer)")
    assert out == ["g=first", "a="]


def test_pscmdlet_session_state_is_the_callers():
    session = Shell()
    session.run("New-Module -Name Pref { function Get-CallerValue { [CmdletBinding()] param() $marker = 'module'; "
                "$PSCmdlet.SessionState.PSVariable.GetValue('marker'); $PSCmdlet.GetVariableValue('marker') } } "
                "| Out-Null")
    assert session.text("$marker = 'caller'; Get-CallerValue") == ["caller", "caller"]
    out = session.text("function own { [CmdletBinding()] param() $marker = 'own local'; "
                       "$PSCmdlet.GetVariableValue('marker') }; own")
    assert out == ["own local"]
