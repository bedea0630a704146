"""``$sb.GetSteppablePipeline()``: Begin/Process/End step the block's one
pipeline and return the output written since the last step (Begin's comes
back from the first Process); clean blocks run once, after End, after a
failed step or on Clean(); a block that is not one command pipeline is
refused with pwsh's message."""

from __future__ import annotations

from helpers.session import Shell


def test_steps_return_their_output_and_begin_output_comes_with_process():
    shell = Shell()
    script = """
    function f { begin { 'B' } process { "P$_" } end { 'E' } }
    $step = { f | ForEach-Object { "<$_>" } }.GetSteppablePipeline()
    $step.Begin($true)
    ($step.Process(1) -join ',')
    ($step.Process(2) -join ',')
    ($step.End() -join ',')
    """
    assert shell.text(script) == ["<B>,<P1>", "<P2>", "<E>"]


def test_without_expected_input_process_runs_once_with_no_input():
    shell = Shell()
    script = """
    $step = { & { process { "got [$_]" } } }.GetSteppablePipeline()
    $step.Begin($false)
    $step.Process('ignored')
    $step.End().Count
    """
    assert shell.text(script) == ["got []", "0"]


def test_clean_runs_once_after_end_or_a_failure():
    shell = Shell()
    script = """
    $script:cleaned = 0
    $ok = { & { end { 'E' } clean { $script:cleaned++ } } }.GetSteppablePipeline()
    $ok.Begin($false); $null = $ok.End(); $ok.Clean(); $ok.Dispose()
    $script:cleaned
    $bad = { & { begin { throw 'begin-error' } clean { $script:cleaned++ } } }.GetSteppablePipeline()
    try { $bad.Begin($false) } catch { $_.Exception.Message }
    $bad.Clean()
    $script:cleaned
    """
    assert shell.text(script) == ["1", "begin-error", "2"]


def test_explicit_clean_after_begin():
    shell = Shell()
    script = """
    $step = { & { begin { 'begun' | Out-Host } clean { 'cleaned' | Out-Host } } }.GetSteppablePipeline()
    $step.Begin($false)
    $step.Clean()
    """
    shell.run(script)
    assert [text for _kind, text in shell.host.lines if text in ("begun", "cleaned")] == ["begun", "cleaned"]


def test_a_block_with_two_statements_is_refused():
    shell = Shell()
    script = """
    try { { 1; 2 }.GetSteppablePipeline() } catch { $_.Exception.InnerException.GetType().Name; $_.Exception.InnerException.Message }
    try { { 1 | Write-Output }.GetSteppablePipeline() } catch { $_.Exception.InnerException.Message }
    """
    assert shell.text(script) == [
        "PSInvalidOperationException",
        "Only a script block that contains exactly one pipeline or command can be converted. Expressions or "
        "control structures are not permitted. Verify that the script block contains exactly one pipeline or "
        "command.",
        "An empty script block cannot be converted. Verify that the script block contains exactly one pipeline "
        "or command."]
