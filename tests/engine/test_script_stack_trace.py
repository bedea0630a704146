"""``$_.ScriptStackTrace``: one ``at <name>, <file>: line <n>`` line per
script frame the error passed through, innermost first; functions are
named, scripts and blocks are ``<ScriptBlock>``.  A do/while or do/until
condition is a position of its own, on its own line."""

from __future__ import annotations

from pathlib import Path

from helpers.session import Shell


def test_function_frames_name_the_function_and_the_call_line(tmp_path: Path):
    script = tmp_path / "frames.ps1"
    script.write_text("function inner { $null[0] }\nfunction outer {\n  inner\n}\nouter\n")
    shell = Shell()
    text = shell.text(f"try {{ & '{script}' }} catch {{ $_.ScriptStackTrace }}")
    assert text[0].splitlines()[:3] == [
        f"at inner, {script}: line 1",
        f"at outer, {script}: line 3",
        f"at <ScriptBlock>, {script}: line 5",
    ]


def test_do_until_condition_reports_its_own_line(tmp_path: Path):
    script = tmp_path / "loop.ps1"
    script.write_text("$n = 1\ndo { }\nuntil ($null[0])\n")
    shell = Shell()
    text = shell.text(f"try {{ & '{script}' }} catch {{ $_.ScriptStackTrace; $_.InvocationInfo.ScriptLineNumber }}")
    assert text[0].splitlines()[0] == f"at <ScriptBlock>, {script}: line 3"
    assert text[1] == "3"


def test_non_terminating_error_has_a_trace():
    shell = Shell()
    text = shell.text("function f { [CmdletBinding()] param() Write-Error 'x' }\n"
                      "f -ErrorVariable ev 2>$null\n$ev[0].ScriptStackTrace")
    assert text[0].splitlines()[0] == "at f, <No file>: line 1"
