"""The per-object fast paths of pipelines (issue 14) keep pwsh's semantics.

A cmdlet whose one pipeline parameter is untyped binds every object after
the first without the binder's search (CmdletProcessor._identity_binding);
ForEach-Object and Where-Object run their blocks through a runner prepared
once (ScriptBlock.underbar_runner).  These tests pin what both must still
do, and the cases that must take the general path: a mandatory parameter
refusing $null, a block with parameters, a block from another session state,
several process blocks, ``return``/``break``/``continue``/``exit``, errors,
traps, -PipelineVariable/-OutVariable, stopping upstream."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.fixture
def shell() -> Shell:
    return Shell()


def test_dollar_underbar_is_each_object_and_is_restored_afterwards(shell):
    assert shell.text("$_ = 'outer'; 1..3 | ForEach-Object { $_ * 2 }; $_") == ["2", "4", "6", "outer"]
    assert shell.text("1..3 | ForEach-Object { $PSItem + 1 }") == ["2", "3", "4"]


def test_the_block_runs_in_the_callers_scope(shell):
    assert shell.text("1..3 | ForEach-Object { $last = $_ }; $last") == ["3"]
    assert shell.text("function g { $y = 'local'; 1..2 | ForEach-Object { \"$y $_\" } }; g; \"y=[$y]\"") \
        == ["local 1", "local 2", "y=[]"]
    assert shell.text("function t { \"t:$_\" }; 1..2 | ForEach-Object { t }") == ["t:1", "t:2"]


def test_return_goes_on_with_the_next_object(shell):
    assert shell.text("1..5 | ForEach-Object { if ($_ -eq 3) { return }; $_ }") == ["1", "2", "4", "5"]
    assert shell.text("1..4 | Where-Object { return $_ % 2 }") == ["1", "3"]


def test_break_and_continue_leave_the_enclosing_loop(shell):
    assert shell.text("foreach ($i in 1..3) { 1..5 | ForEach-Object { if ($_ -eq 2) { break }; \"$i $_\" } }; 'after'") \
        == ["1 1", "after"]
    assert shell.text("foreach ($i in 1..2) { 1..3 | ForEach-Object { if ($_ -eq 2) { continue }; \"$i $_\" } }") \
        == ["1 1", "2 1"]


def test_exit_leaves_the_script(shell):
    assert shell.text("1..3 | ForEach-Object { if ($_ -eq 2) { exit 5 }; $_ }; 'not reached'") == ["1"]
    assert shell.text("$LASTEXITCODE") == ["5"]


def test_errors_in_the_block(shell):
    assert shell.text("1..3 | ForEach-Object { 1/($_-2) }; \"status $?\"") == ["-1", "1", "status False"]
    assert shell.error_ids() == ["RuntimeException"]
    assert shell.text("1..2 | ForEach-Object { Write-Error \"e$_\" } 2>&1 | "
                      "ForEach-Object { \"$($_.InvocationInfo.MyCommand.Name) $_\" }") \
        == ["Write-Error e1", "Write-Error e2"]
    assert shell.text("1..3 | ForEach-Object { if ($_ -eq 2) { throw \"x$_\" }; $_ }; 'not reached'") == ["1"]
    assert str(shell.errors()[0]) == "x2"
    assert shell.text("trap { \"trapped $_\"; continue }; "
                      "1..3 | ForEach-Object { if ($_ -eq 2) { throw 'boom' }; $_ }; 'after'") \
        == ["1", "trapped boom", "after"]
    assert shell.text("$ErrorActionPreference = 'Stop'; "
                      "try { 1..3 | ForEach-Object { Write-Error \"stop$_\"; \"after$_\" } } catch { \"caught $_\" }") \
        == ["caught stop1"]


def test_strict_mode_applies_per_object(shell):
    shell.run("Set-StrictMode -Version Latest; 1..2 | ForEach-Object { $undefined }")
    assert shell.error_ids() == ["VariableIsUndefined", "VariableIsUndefined"]


def test_begin_process_end_and_remaining_scripts(shell):
    assert shell.text("1..3 | ForEach-Object -Begin { $s = 0 } -Process { $s += $_ } -End { $s }") == ["6"]
    assert shell.text("1..2 | ForEach-Object { 'b' } { \"p1 $_\" } { \"p2 $_\" } { 'e' }") \
        == ["b", "p1 1", "p2 1", "p1 2", "p2 2", "e"]
    assert shell.text("1..2 | ForEach-Object { $_ } -End { \"end [$_]\" }") == ["1", "2", "end []"]
    # A block with its own named blocks runs them all for each object.
    assert shell.text("1..2 | ForEach-Object { begin { 'B' } process { \"P$_\" } end { 'E' } }") \
        == ["B", "P1", "E", "B", "P2", "E"]


def test_blocks_that_take_the_general_path(shell):
    # Parameters: the block is invoked with none bound.
    assert shell.text("1..2 | ForEach-Object { param($p) \"p=$p $_\" }") == ["p= 1", "p= 2"]
    # A clean block.
    assert shell.text("1..2 | ForEach-Object { \"v$_\" ; clean { 'c' } }") == ["v1", "v2"]
    # A block bound to a module's session state sees the module's variables.
    assert shell.text("New-Module -Name fastpathmod { $x = 'mod'; function mkblock { { \"$x $_\" } } } | "
                      "Import-Module; $x = 'glob'; 1..2 | ForEach-Object (mkblock)") == ["mod 1", "mod 2"]


def test_member_name_forms(shell):
    assert shell.text("'a','bb' | ForEach-Object Length") == ["1", "2"]
    assert shell.text("'a-b' | ForEach-Object -MemberName Split -ArgumentList '-'") == ["a", "b"]
    # From a list or range: the member loop (ForEachObjectCommand._member_loop).
    assert shell.text("'a-b','c-d' | ForEach-Object -MemberName Split -ArgumentList '-'") == ["a", "b", "c", "d"]
    assert shell.text("1..10 | ForEach-Object ToString | Select-Object -First 2") == ["1", "2"]
    assert shell.text("1..3 | ForEach-Object -MemberName Substring -ArgumentList 5; 'next'") == ["next"]
    assert shell.error_ids() == ["MethodNotFound"]


def test_where_object_forms(shell):
    shell.run("$o = 1..6 | ForEach-Object { [pscustomobject]@{V=$_; N=\"n$_\"} }")
    assert shell.text("($o | Where-Object { $_.V -gt 4 }).N") == ["n5", "n6"]
    assert shell.text("($o | Where-Object V -gt 4).N") == ["n5", "n6"]
    assert shell.text("($o | Where-Object N -like '*2').V") == ["2"]
    assert shell.text("($o | Where-Object V -In 2,3).N") == ["n2", "n3"]
    assert shell.text("$sb = { $_ * 5 }; 1..3 | Where-Object $sb") == ["1", "2", "3"]
    assert shell.text("($o | Where-Object -Not V).Count; ($o | Where-Object V).Count") == ["0", "6"]
    assert shell.text("$null, 1, 'a' | Where-Object Length -gt 0; 'abc', 'de' | Where-Object Length -eq 3") \
        == ["1", "a", "abc"]
    assert shell.text("($o | Where-Object V -is [int]).Count; ($o | Where-Object N -CLike 'N*').Count") == ["6", "0"]


def test_pipeline_and_out_variables(shell):
    assert shell.text("1..3 | ForEach-Object -PipelineVariable p { $_ * 10 } | ForEach-Object { \"$p $_\" }") \
        == ["10 10", "20 20", "30 30"]
    assert shell.text("1..3 | ForEach-Object -OutVariable ov { $_ } | Out-Null; $ov") == ["1", "2", "3"]
    assert shell.text("1..3 | Where-Object { $_ -ne 2 } -OutVariable wv | Out-Null; $wv") == ["1", "3"]


def test_stopping_upstream_stops_the_range_early(shell):
    assert shell.text("1..10 | ForEach-Object { \"v$_\" } | Select-Object -First 2") == ["v1", "v2"]
    assert shell.text("1..1e9 | ForEach-Object { $_ } | Where-Object { $_ -gt 1 } | Select-Object -First 2") \
        == ["2", "3"]


def test_every_object_binds_as_it_is(shell):
    assert shell.text("@(1,2), 3, $null | ForEach-Object { \"$_\" }") == ["1 2", "3", ""]
    assert shell.text("1, 'a', $null, @(), 2.5 | Measure-Object | ForEach-Object Count") == ["4"]
    shell.run("$h = [pscustomobject]@{InputObject = 'prop'}")
    assert shell.text("$h, 'x' | ForEach-Object { $_.GetType().Name }") == ["PSCustomObject", "String"]


def test_a_mandatory_input_parameter_still_refuses_null_after_the_first_object(shell):
    assert shell.text("[pscustomobject]@{a=1}, $null, [pscustomobject]@{a=2} | ConvertTo-Csv") \
        == ['"a"', '"1"', '"2"']
    assert shell.error_ids() == ["ParameterArgumentValidationErrorNullNotAllowed,"
                                 "Microsoft.PowerShell.Commands.ConvertToCsvCommand"]


def test_input_object_bound_on_the_command_line_refuses_pipeline_input(shell):
    assert shell.text("1..2 | ForEach-Object -InputObject 5 { $_ }") == []
    assert shell.error_ids() == ["InputObjectNotBound,Microsoft.PowerShell.Commands.ForEachObjectCommand"] * 2


def test_a_list_or_range_source_feeds_the_same_way(shell):
    # run_pipeline hands a list or range to the first command's process_all (Cmdlet.input_loop).
    shell.run("$l = @(5, 'a', $null, @(1,2), 7)")
    assert shell.text("$l | ForEach-Object { \"[$_]\" }") == ["[5]", "[a]", "[]", "[1 2]", "[7]"]
    assert shell.text("$l | Where-Object { $_ }") == ["5", "a", "1 2", "7"]
    assert shell.text("$l | ForEach-Object { if ($_ -eq 'a') { return }; \"$_\" } -End { 'end' }") \
        == ["5", "", "1 2", "7", "end"]
    assert shell.text("$r = [pscustomobject]@{a=1}, $null, [pscustomobject]@{a=2}; $r | ConvertTo-Csv") \
        == ['"a"', '"1"', '"2"']
    assert shell.error_ids() == ["ParameterArgumentValidationErrorNullNotAllowed,"
                                 "Microsoft.PowerShell.Commands.ConvertToCsvCommand"]


def test_a_range_source_with_error_variables_and_nested_pipelines(shell):
    assert shell.text("1..3 | ForEach-Object -ErrorVariable ev { Write-Error \"e$_\"; $_ } 2>$null; $ev.Count") \
        == ["1", "2", "3", "3"]
    assert shell.text("1..3 | ForEach-Object { 1..$_ | Where-Object { $_ -gt 1 } } -ErrorVariable ev2") \
        == ["2", "2", "3"]
    assert shell.text("@(1, 2, 3) | Where-Object { $_ -ne 2 } -OutVariable wv2 | ForEach-Object { $_ * 2 }; $wv2.Count") \
        == ["2", "6", "2"]
    assert shell.text("(1..5 | ForEach-Object { $_ } | Measure-Object -Sum).Sum") == ["15"]


def test_an_error_leaving_the_loop_names_the_command_and_its_current_input(shell):
    # An error without a record's invocation gets the cmdlet's, whose BoundParameters hold the current object.
    assert shell.text("try { @(1,2,3,4) | Where-Object { if ($_ -eq 3) { [int]'abc' }; $true } } catch { "
                      "\"$($_.InvocationInfo.MyCommand) [$($_.InvocationInfo.BoundParameters['InputObject'])] "
                      "$($_.FullyQualifiedErrorId)\" }") \
        == ["1", "2", "Where-Object [3] InvalidCastFromStringToInteger,Microsoft.PowerShell.Commands.WhereObjectCommand"]


def test_each_object_has_its_own_underbar_variable_when_one_is_kept(shell):
    # The loop reuses the previous $_ variable only when nothing else refers to it.
    assert shell.text("$vs = 1..3 | ForEach-Object { Get-Variable _ }; $vs.Value") == ["1", "2", "3"]
    assert shell.text("$k = [System.Collections.ArrayList]::new(); "
                      "1..3 | ForEach-Object { if ($_ -eq 2) { [void]$k.Add((Get-Variable _)) } }; $k[0].Value") == ["2"]
    assert shell.text("1..3 | ForEach-Object { if ($_ -eq 1) { Set-Variable _ -Value 'x' -Option ReadOnly -Force }; "
                      "$_ }") == ["x", "2", "3"]
    assert shell.text("1..3 | ForEach-Object { $_ = $_ * 10; $_ }") == ["10", "20", "30"]


def test_foreach_and_where_intrinsics(shell):
    # .ForEach{}/.Where{} prepare the block once for the collection (ScriptBlock.item_invoker).
    assert shell.text("(1..5).ForEach({ $_ * 2 }); (1..5).Where({ $_ -gt 2 })") \
        == ["2", "4", "6", "8", "10", "3", "4", "5"]
    assert shell.text("(1..4).ForEach({ if ($_ -eq 2) { return }; $_ }); (1..4).Where({ return $_ % 2 })") \
        == ["1", "3", "4", "1", "3"]
    assert shell.text("try { (1..3).ForEach({ if ($_ -eq 2) { throw 'boom' }; $_ }) } catch { \"caught $_\" }") \
        == ["caught boom"]
    # pwsh's MiscOps.ForEach: begin once, process per item, end once (tests/engine/test_intrinsic_scope.py).
    assert shell.text("(1..2).ForEach({ begin { 'B' } process { \"P$_\" } end { 'E' } })") \
        == ["B", "P1", "P2", "E"]
    assert shell.text("(1..6).Where({ $_ -gt 2 }, 'First', 2); (1..6).Where({ $_ -gt 3 }, 'Until')") \
        == ["3", "4", "1", "2", "3"]
    assert shell.text("(1..2).ForEach({ \"$_ [$args]\" }, 'y')") == ["1 [y]", "2 [y]"]
    assert shell.text("New-Module -Name fastpathmod2 { $x = 'mod'; function mk { { \"$x $_\" } } } | Import-Module; "
                      "$x = 'glob'; (1..2).ForEach((mk))") == ["mod 1", "mod 2"]
    shell.run("Set-StrictMode -Version Latest; (1..2).ForEach({ $zzz })")
    assert shell.error_ids()[-2:] == ["VariableIsUndefined", "VariableIsUndefined"]
