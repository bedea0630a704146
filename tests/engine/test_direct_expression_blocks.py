"""A block whose body is one expression statement (``{ $_.V -gt 5 }``) is
judged by Where-Object from the expression's value directly
(compile_support.DirectStatement, ScriptBlock.underbar_loop): these tests run
each script with a list source (the input loop, which takes the direct path)
and with a streaming source (``& { ... }``: a process_record per object,
which runs the whole compiled block), and want the same output, errors,
their ids and positions, ``$?`` and variables from both.  Blocks the direct
path must not take (a trap, several statements, redirections, ``$()``)
are compared the same way."""

from __future__ import annotations

import pytest

from helpers.session import Shell

_SETUP = "$o = 0..9 | ForEach-Object { [pscustomobject]@{ V = $_; L = @(1..($_ % 3)) } }; "
_SOURCES = ("$o      ", "& { $o }")  # a list and a stream, as long as each other
_REPORT = ("; \"status $?\"; \"count $($Error.Count)\"; "
           "foreach ($e in $Error) { $e.FullyQualifiedErrorId; $e.InvocationInfo.PositionMessage }")


def _both(block: str, after: str = "") -> tuple[list[str], list[str]]:
    """The output of ``<source> | Where-Object <block>`` (with what follows
    and the error report) from a list source and from a streaming one."""
    results = []
    for source in _SOURCES:
        shell = Shell()
        lines = shell.text(_SETUP + "$Error.Clear(); " + source + " | Where-Object " + block + after + _REPORT)
        results.append([line.replace(_SOURCES[1], _SOURCES[0]) for line in lines])  # the same positions
    return results[0], results[1]


@pytest.mark.parametrize("block", [
    "{ $_.V -gt 5 }",
    "{ $_.V }",                      # ints: IsTrue of the value
    "{ $_.L }",                      # collections: written unrolled, IsTrue of what was written
    "{ @() }",                       # nothing written: false
    "{ $null }",                     # $null written: false
    "{ ,@() }",                      # an empty array written whole
    "{ ,@(0) }",
    "{ [System.Management.Automation.Internal.AutomationNull]::Value }",
    "{ $(if ($_.V -gt 7) { $true }) }",
    "{ $($_.V; 0) }",
    "{ $_.V -gt 5 -and $_.V -lt 8 }",
    "{ ($_.V -gt 5) }",
    "{ [void]$_.V }",
    "{ $_.V++ }",
    "{ 'x'.Contains('x') }",
    "{ $_.ToString().Length -gt 20 }",
    "{ $_.V % 2 -eq 0 }",
    "{ return $_.V -gt 5 }",
    "{ $(return $true) }",
    "{ trap { 'trapped'; continue } $_.V -gt 5 }",
    "{ $_.V -gt 5; $true }",
    "{ $_.V -gt 5 2>$null }",
])
def test_values_are_judged_as_the_written_output(block):
    fast, general = _both(block)
    assert fast == general


@pytest.mark.parametrize("block", [
    "{ 1 / ($_.V - 3) -gt 0 }",      # a runtime error in one object
    "{ $_.Missing.Deeper -gt 1 }",
    "{ throw \"boom $($_.V)\" }",
    "{ $_.V.NoSuchMethod() }",
    "{ [int]'x' + $_.V }",
])
def test_errors_keep_their_ids_positions_and_status(block):
    fast, general = _both(block, "; 'after'")
    assert fast == general


def test_strict_mode_still_throws_for_a_missing_property():
    fast, general = _both("{ $_.Missing -gt 1 }", "; 'after'")
    assert fast == general
    strict_fast, strict_general = [
        [line.replace(_SOURCES[1], _SOURCES[0])
         for line in Shell().text("Set-StrictMode -Version Latest; " + _SETUP + "$Error.Clear(); " + source
                                  + " | Where-Object { $_.Missing -gt 1 }; 'after'" + _REPORT)]
        for source in _SOURCES]
    assert strict_fast == strict_general
    assert any("PropertyNotFoundStrict" in line for line in strict_fast)


def test_a_trap_in_the_caller_still_catches_an_error_thrown_in_the_block():
    script = (_SETUP + "trap { \"trapped $_\"; continue }; SOURCE | Where-Object { $(throw \"t$($_.V)\") -or $true }; "
              "'after'")
    fast, general = [Shell().text(script.replace("SOURCE", source)) for source in _SOURCES]
    assert fast == general
    assert fast[0].startswith("trapped")


def test_error_action_stop_and_status_after_the_block():
    script = (_SETUP + "$ErrorActionPreference = 'Stop'; "
              "try { SOURCE | Where-Object { 1 / ($_.V - 2) } } catch { \"caught $($_.FullyQualifiedErrorId)\" }; "
              "$o | Where-Object { $_.V -gt 8 } | ForEach-Object { \"status $? $($_.V)\" }")
    fast, general = [Shell().text(script.replace("SOURCE", source)) for source in _SOURCES]
    assert fast == general
    assert fast[2:] == ["caught RuntimeException,Microsoft.PowerShell.Commands.WhereObjectCommand", "status True 9"]


def test_break_and_continue_leave_the_enclosing_loop():
    script = (_SETUP + "foreach ($i in 1..2) { SOURCE | Where-Object { $_.V -gt $(if ($_.V -eq 3) { KEYWORD }; 1) } "
              "| ForEach-Object { \"$i $($_.V)\" } }; 'done'")
    for keyword in ("break", "continue"):
        fast, general = [Shell().text(script.replace("SOURCE", source).replace("KEYWORD", keyword))
                         for source in _SOURCES]
        assert fast == general


def test_what_the_commands_after_it_leave_in_dollar_underbar_stays():
    script = "$_ = 'orig'; SOURCE | Where-Object { $_.V -gt 7 } | ForEach-Object { $_.V }; \"[$_]\"; " \
             "$_ = 'orig'; SOURCE | Where-Object { $_.V -lt 2 } | Set-Variable -Name _; \"[$($_.V)]\""
    fast, general = [Shell().text(_SETUP + script.replace("SOURCE", source)) for source in _SOURCES]
    assert fast == general == ["8", "9", "[orig]", "[0 1]"]


def test_the_expression_in_a_deep_call_still_counts_towards_the_call_depth():
    script = ("$one = @($o[0]); function deep($n) { if ($n -gt 0) { $one | Where-Object { (deep ($n - 1)) -or $true } } "
              "else { 0 } }; try { $null = deep 2000 } catch { $_.FullyQualifiedErrorId }")
    fast = Shell().text(_SETUP + script)
    assert fast == Shell().text(_SETUP + script.replace("$one |", "& { $one } |"))
    assert fast[-1] == "CallDepthOverflow"
