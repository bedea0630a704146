"""Scopes, variables, qualifiers, automatic and preference variables, $env:."""

from __future__ import annotations

import os

from pwshlike.dotnet.values import ArrayList


def test_dynamic_scoping_and_local_copies(run):
    script = """
    $x = 'outer'
    function Show { $x }
    function Change { $x = 'inner'; Show }
    Change
    $x
    """
    assert run(script) == ["inner", "outer"]


def test_global_and_script_qualifiers(run):
    script = """
    function Set-Them { $global:g = 1; $script:s = 2; $local:l = 3 }
    Set-Them
    $g; $s; $null -eq $l
    """
    assert run(script) == [1, 2, True]


def test_private_variable_invisible_to_children(run):
    script = """
    $private:secret = 'hidden'
    function Peek { $null -eq $secret }
    Peek
    $secret
    """
    assert run(script) == [True, "hidden"]


def test_script_scope_of_a_file(session, tmp_path):
    path = tmp_path / "s.ps1"
    path.write_text("$script:v = 'script'\nfunction Get-V { $script:v }\nGet-V\n$PSScriptRoot\n")
    out = session.run(path.read_text(), file=str(path))
    assert out == ["script", str(tmp_path)]
    assert session.ctx.get_variable_value("v") is None


def test_dot_source_runs_in_callers_scope(run):
    script = """
    $sb = { $dotted = 'yes' }
    . $sb
    $dotted
    & $sb
    """
    assert run(script) == ["yes"]


def test_function_defined_in_function_is_local(run):
    script = """
    function Outer { function Inner { 'inner' }; Inner }
    Outer
    Get-Command-Missing 2>$null
    """
    assert run(script) == ["inner"]


def test_typed_variable_converts_later_assignments(session):
    out = session.run("[int]$n = '5'; $n; $n = '7'; $n; $n.GetType().Name")
    assert out == [5, 7, "Int32"]
    out = session.run("[int]$m = 1; $m = 'abc'; $m")
    assert out == [1]
    assert "Cannot convert value" in session.errors()[0]


def test_constants_are_not_writable(session):
    assert session.run("$true = 5; 'after'") == ["after"]
    assert session.errors() == ["Cannot overwrite variable true because it is read-only or constant."]
    record = session.ctx.get_variable_value("Error")[0]
    assert record.fully_qualified_error_id == "VariableNotWritable"


def test_null_assignment_discards(run):
    assert run("$null = 5; $null -eq $null") == [True]


def test_env_variables(run):
    os.environ.pop("PWSHLIKE_T", None)
    assert run("$env:PWSHLIKE_T = 'v'; $env:PWSHLIKE_T") == ["v"]
    assert os.environ["PWSHLIKE_T"] == "v"
    assert run("$env:PWSHLIKE_T = $null; $null -eq $env:PWSHLIKE_T") == [True]
    assert "PWSHLIKE_T" not in os.environ


def test_automatic_variables(run):
    out = run("$PSVersionTable.PSVersion.Major; $PSVersionTable.PSEdition; $IsLinux; $null -eq $HOME; $PID -gt 0")
    assert out == [7, "Core", True, False, True]
    # ActionPreference values, as in pwsh ($ErrorActionPreference -is [ActionPreference])
    assert [str(v) for v in run("$ErrorActionPreference; $VerbosePreference")] == ["Continue", "SilentlyContinue"]
    assert isinstance(run("$Error")[0] if run("$Error") else ArrayList(), ArrayList)


def test_preference_variable_is_type_checked(session):
    session.run("$ErrorActionPreference = 'stop'", dot_source=True)
    assert str(session.ctx.get_variable_value("ErrorActionPreference")) == "Stop"
    session.run("$ErrorActionPreference = 'continue'; $WarningPreference = 'bogus'", dot_source=True)
    assert session.errors()
    assert str(session.ctx.get_variable_value("WarningPreference")) == "Continue"


def test_args_in_functions_and_script_blocks(run):
    assert run("function f { $args.Count; $args[1] }; f a b c") == [3, "b"]
    assert run("& { param($first) $first; $args } 1 2 3") == [1, 2, 3]


def test_parameter_defaults_and_types(run):
    script = """
    function f([int]$a = 2, $b = $a * 10) { $a; $b }
    f
    f 3
    function g([int]$n) { $n }
    g
    """
    assert run(script) == [2, 20, 3, 30, 0]


def test_closure(run):
    script = """
    function Make-Counter($start) { { $start + 1 }.GetNewClosure() }
    $c = Make-Counter 10
    $start = 100
    & $c
    """
    assert run(script) == [11]


def test_dollar_question(run):
    assert run("Write-Error 'x' 2>$null; $?; 'ok'; $?") == [False, "ok", True]


def test_matches_is_set_in_current_scope(run):
    assert run("if ('key=value' -match '(?<k>\\w+)=(?<v>\\w+)') { $Matches.k; $Matches['v'] }") == ["key", "value"]


def test_dollar_question_after_expressions_and_assignments(run):
    assert run("Write-Error 'x' 2>$null; $a = 1; $?") == [True]
    assert run("Write-Error 'x' 2>$null; $a = (Write-Error 'y' 2>$null); $?") == [False]
    assert run("Write-Error 'x' 2>$null; $(Write-Error 'y' 2>$null); $?") == [False]
