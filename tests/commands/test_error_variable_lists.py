"""What -ErrorVariable collects, as pwsh's command runtime decides it: the
ActionPreferenceStopException when -ErrorAction Stop ends the command, an
error a try/catch inside the command caught, and, from a pipeline nested
in the command, only what its last command writes (pwsh keeps the lists on
a command's output pipe)."""

from __future__ import annotations

from helpers.session import Shell


def test_stop_puts_the_stopping_exception_in_the_variable():
    shell = Shell()
    script = """
    try { Get-Item /no/such/item.txt -ErrorAction Stop -ErrorVariable ev } catch { }
    $ev.Count
    $ev[0].GetType().Name
    $ev[0].ErrorRecord.Exception.GetType().Name
    """
    assert shell.text(script) == ["1", "ActionPreferenceStopException", "ItemNotFoundException"]


def test_an_error_caught_inside_the_command_is_collected_once():
    shell = Shell()
    script = """
    function f { [CmdletBinding()] param()
        Write-Error 'written'
        try { if ($true) { throw 'thrown' } } catch { }
    }
    f -ErrorVariable ev 2> $null
    $ev | ForEach-Object { "$_" }
    """
    assert shell.text(script) == ["written", "thrown"]


def test_nested_pipeline_feeds_the_outer_list_from_its_last_command_only():
    shell = Shell()
    script = """
    function inner { [CmdletBinding()] param([Parameter(ValueFromPipeline)][string] $x)
        process { $x; Write-Error "inner-$x" } }
    function outer { [CmdletBinding()] param()
        Write-Error 'outer'
        'a' | inner -ErrorVariable script:first | inner -ErrorVariable script:second
    }
    outer -ErrorVariable script:all 2>&1 > $null
    "$script:all"
    "$script:first"
    "$script:second"
    """
    assert shell.text(script) == ["outer inner-a", "inner-a", "inner-a"]
