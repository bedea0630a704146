"""``clean { }`` blocks (pwsh 7.3+): run once after the other blocks, also
when the pipeline stops early or fails, only if another block ran; their
success output is discarded, their other streams are not."""

from __future__ import annotations

from helpers.session import Shell


def test_clean_runs_after_end_and_its_output_is_discarded():
    shell = Shell()
    out = shell.text("function g { begin {'b'} process {'p'} end {'e'} clean {'c'; Write-Warning 'w'} }; g")
    assert out == ["b", "p", "e"]
    assert shell.warnings() == ["w"]


def test_clean_is_skipped_when_no_other_block_ran():
    shell = Shell()
    script = """
    function only-clean { clean { Write-Warning 'only' } }
    function proc { process { "got $_" } clean { Write-Warning 'proc' } }
    only-clean
    @() | proc
    """
    assert shell.text(script) == []
    assert shell.warnings() == []


def test_clean_runs_when_a_downstream_command_stops_the_pipeline():
    shell = Shell()
    out = shell.text("function p { process { $_ } clean { Write-Warning 'cleaned' } }; "
                     "1..10 | p | Select-Object -First 2")
    assert out == ["1", "2"]
    assert shell.warnings() == ["cleaned"]


def test_clean_runs_after_a_terminating_error_and_streams_are_captured():
    shell = Shell()
    script = """
    function f { [CmdletBinding()] param() end { throw 'failure' } clean { Write-Warning 'clean-warning' } }
    try { f -WarningVariable wv 3>$null } catch { "caught $_" }
    "wv=$wv"
    """
    assert shell.text(script) == ["caught failure", "wv=clean-warning"]


def test_blocks_run_in_order_with_clean_last():
    shell = Shell()
    script = "(& { clean { Write-Warning 'cw' } process { 'P' } begin { 'B' } end { 'E' } } 3>&1) -join ','"
    assert shell.text(script) == ["B,P,E,cw"]


def test_exit_in_clean_only_ends_the_clean_block():
    shell = Shell()
    assert shell.text("function t { end { 'e' } clean { Write-Warning 'x'; exit; Write-Warning 'y' } }; "
                      "t; 'after'") == ["e", "after"]
    assert shell.warnings() == ["x"]


def test_script_block_invoke_runs_clean():
    shell = Shell()
    assert shell.text("{ end { 'e' } clean { Write-Warning 'sb' } }.Invoke()") == ["e"]
    assert shell.warnings() == ["sb"]
