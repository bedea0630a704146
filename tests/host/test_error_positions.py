"""Where an error view points: pwsh's errorPosition for binding errors (the
unknown parameter's name, the value that failed to convert) and the command
name for CommandNotFound, in scripts (-File) and in multi-line -Command text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _run(args: list[str], cwd: Path) -> str:
    env = dict(os.environ, TERM="dumb", NO_COLOR="1")
    done = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", *args], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=60)
    return done.stderr


SCRIPT = ("Write-Output 1\n"
          "\n"
          "    Get-Item -Path a -Bogus 1\n"
          "Start-Sleep -Seconds abc\n"
          "nosuchcmd arg\n"
          "Get-Item a b c d\n"
          "Write-Output -InputObject 1 -InputObject 2\n"
          "Start-Sleep -Seconds\n"
          "Start-Sleep -Seconds: abc\n")


def test_concise_view_underlines_the_offending_argument_in_a_script(tmp_path: Path) -> None:
    script = tmp_path / "x.ps1"
    script.write_text(SCRIPT)
    errors = _run(["-File", str(script)], tmp_path)
    assert (f"Get-Item: {script}:3\n"
            "Line |\n"
            "   3 |      Get-Item -Path a -Bogus 1\n"
            "     |                       ~~~~~~\n"
            "     | A parameter cannot be found that matches parameter name 'Bogus'.\n") in errors
    assert ("   4 |  Start-Sleep -Seconds abc\n"
            "     |                       ~~~\n"
            "     | Cannot bind parameter 'Seconds'. Cannot convert value \"abc\" to type \"System.Double\".") in errors
    assert (f"nosuchcmd: {script}:5\n"
            "Line |\n"
            "   5 |  nosuchcmd arg\n"
            "     |  ~~~~~~~~~\n"
            "     | The term 'nosuchcmd' is not recognized") in errors
    assert ("   6 |  Get-Item a b c d\n"
            "     |             ~\n"
            "     | A positional parameter cannot be found that accepts argument 'b'.\n") in errors
    assert ("   7 |  Write-Output -InputObject 1 -InputObject 2\n"
            "     |                              ~~~~~~~~~~~~\n") in errors
    assert ("   8 |  Start-Sleep -Seconds\n"
            "     |              ~~~~~~~~\n"
            "     | Missing an argument for parameter 'Seconds'. Specify a parameter of type 'System.Double' and try "
            "again.\n") in errors
    assert ("   9 |  Start-Sleep -Seconds: abc\n"
            "     |                        ~~~\n") in errors


def test_normal_view_gives_the_argument_column(tmp_path: Path) -> None:
    script = tmp_path / "x.ps1"
    script.write_text(SCRIPT)
    errors = _run(["-Command", f"$ErrorView = 'NormalView'; & '{script}'"], tmp_path)
    assert ("Get-Item : A parameter cannot be found that matches parameter name 'Bogus'.\n"
            f"At {script}:3 char:22\n"
            "+     Get-Item -Path a -Bogus 1\n"
            "+                      ~~~~~~\n") in errors
    assert (f"At {script}:5 char:1\n"
            "+ nosuchcmd arg\n"
            "+ ~~~~~~~~~\n") in errors


def test_multi_line_command_text_shows_the_position_without_a_file_name(tmp_path: Path) -> None:
    errors = _run(["-Command", "Write-Output 1\nStart-Sleep -Seconds:1 nope\n"], tmp_path)
    assert errors == ("Start-Sleep: \n"
                      "Line |\n"
                      "   2 |  Start-Sleep -Seconds:1 nope\n"
                      "     |                         ~~~~\n"
                      "     | A positional parameter cannot be found that accepts argument 'nope'.\n")


def test_one_line_command_names_the_command_only(tmp_path: Path) -> None:
    assert _run(["-Command", "Get-Item -Bogus 1"], tmp_path) == (
        "Get-Item: A parameter cannot be found that matches parameter name 'Bogus'.\n")
