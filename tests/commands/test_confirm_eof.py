"""Confirmation safety: a prompt that reaches the end of the input answers
"No" (says so, changes nothing); a mandatory-parameter prompt there binds
nothing and reports MissingMandatoryParameter; ``-Verbose`` with
ShouldProcess writes pwsh's "Performing the operation" line."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Optional

from helpers.recording import RecordingHost
from helpers.session import Shell

CHOICES = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): '
ENDED = 'The input ended before an answer was given: the answer is "No" and the operation was not performed.'

REMOVE_MANY = '''
    function Remove-Many {
        [CmdletBinding(SupportsShouldProcess, ConfirmImpact = "High")]
        param([Parameter(ValueFromPipeline)]$Name)
        process { if ($PSCmdlet.ShouldProcess($Name, "Remove")) { "removed $Name" } }
    }'''


class EndingHost(RecordingHost):
    """A person at the console who gives ``answers`` and then closes the
    input: ``read_line`` returns None from then on."""

    def __init__(self, answers: list[str]) -> None:
        super().__init__(answers)
        self.non_interactive = False

    def read_line(self) -> Optional[str]:
        return self.answers.pop(0) if self.answers else None


def ending_session(*answers: str) -> Shell:
    session = Shell()
    host = EndingHost(list(answers))
    session.host = session.context.host = host
    return session


def test_a_confirmation_at_end_of_input_is_no_and_says_so():
    session = ending_session()
    session.run(REMOVE_MANY)
    assert session.text("Remove-Many a; 'next'") == ["next"]
    assert session.host.kind("write") == [CHOICES]
    assert session.host.kind("line")[-2:] == ["", ENDED]
    assert session.errors() == []


def test_later_confirmations_of_the_invocation_are_not_asked_again():
    session = ending_session("y")
    session.run(REMOVE_MANY)
    assert session.text("'a', 'b', 'c' | Remove-Many") == ["removed a"]
    assert session.host.kind("write") == [CHOICES, CHOICES]
    assert session.host.kind("line").count(ENDED) == 1


def test_an_empty_answer_is_still_the_default_yes():
    session = ending_session("")
    session.run(REMOVE_MANY)
    assert session.text("Remove-Many a") == ["removed a"]
    assert ENDED not in session.host.kind("line")


def test_should_continue_at_end_of_input_is_no():
    session = ending_session()
    session.run('''
        function Test-Continue {
            [CmdletBinding()] param()
            if ($PSCmdlet.ShouldContinue("Really?", "Check")) { "continued" } else { "stopped" }
        }''')
    assert session.text("Test-Continue") == ["stopped"]
    assert session.host.kind("line")[-1] == ENDED


def test_a_mandatory_prompt_at_end_of_input_binds_nothing():
    session = ending_session()
    session.run('function Get-Thing { param([Parameter(Mandatory)]$Name) "got [$Name]" }')
    assert session.text("Get-Thing; 'next'") == ["next"]
    assert session.error_ids() == ["MissingMandatoryParameter,Get-Thing"]
    assert str(session.errors()[0]) == \
        "Cannot process command because of one or more missing mandatory parameters: Name."


def test_an_array_prompt_cut_short_binds_nothing():
    session = ending_session("a", "b")
    session.run('function Get-Thing { param([Parameter(Mandatory)][string[]]$Tags) "got $($Tags.Count)" }')
    assert session.text("Get-Thing") == []
    assert session.host.kind("write") == ["Tags[0]: ", "Tags[1]: ", "Tags[2]: "]
    assert session.error_ids() == ["MissingMandatoryParameter,Get-Thing"]


def test_answers_given_before_the_end_are_used():
    session = ending_session("Ada")
    session.run('function Get-Thing { param([Parameter(Mandatory)]$Name) "got [$Name]" }')
    assert session.text("Get-Thing") == ["got [Ada]"]


# --- -Verbose and ShouldProcess ------------------------------------------------------------

def test_verbose_writes_the_operation_when_it_goes_ahead(session):
    session.run(REMOVE_MANY.replace('"High"', '"Medium"'))
    assert session.text("Remove-Many a -Verbose") == ["removed a"]
    assert session.verbose() == ['Performing the operation "Remove" on target "a".']


def test_no_verbose_line_without_the_switch_or_when_declined(session):
    session.run(REMOVE_MANY.replace('"High"', '"Medium"'))
    session.text("Remove-Many a; Remove-Many b -Verbose:$false; Remove-Many c -WhatIf -Verbose")
    assert session.verbose() == []
    assert session.host.kind("line") == ['What if: Performing the operation "Remove" on target "c".']
    session.run("$VerbosePreference = 'Continue'")
    assert session.text("Remove-Many d") == ["removed d"]
    assert session.verbose() == [], "pwsh 7.4 writes it for the -Verbose switch only"


def test_an_answered_confirmation_writes_no_verbose_line():
    session = ending_session("y")
    session.run(REMOVE_MANY)
    assert session.text("Remove-Many a -Verbose") == ["removed a"]
    assert session.verbose() == []


def test_a_cmdlet_with_verbose(session, tmp_path):
    target = tmp_path / "note.txt"
    session.run(f"Set-Content -LiteralPath '{target}' -Value x -Verbose")
    assert target.read_text() == "x\n"
    assert session.verbose() == [f'Performing the operation "Set Content" on target "Path: {target}".']


# --- through the real command line ---------------------------------------------------------

def _cli(script: str, stdin: object, tmp_path, *flags: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "NO_COLOR": "1", "XDG_DATA_HOME": str(tmp_path / "data"),
               "XDG_CACHE_HOME": str(tmp_path / "cache")}
    kwargs = {"input": stdin} if isinstance(stdin, str) else {"stdin": stdin}
    return subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", *flags, "-Command", script],
                          capture_output=True, text=True, env=environ, cwd=tmp_path, timeout=120, **kwargs)


def test_closed_standard_input_changes_nothing(tmp_path):
    keep = tmp_path / "keep.txt"
    keep.write_text("precious")
    result = _cli(f"Set-Content -LiteralPath '{keep}' -Value gone -Confirm; 'next'", subprocess.DEVNULL, tmp_path)
    assert keep.read_text() == "precious"
    assert result.stdout.splitlines()[-2:] == [ENDED, "next"]
    assert result.stderr == ""


def test_an_exhausted_pipe_answers_what_it_holds_then_no(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("1")
    second.write_text("2")
    result = _cli(f"Set-Content -LiteralPath '{first}' -Value changed -Confirm; "
                  f"Set-Content -LiteralPath '{second}' -Value changed -Confirm", "y\n", tmp_path)
    assert first.read_text() == "changed\n" and second.read_text() == "2"
    assert result.stdout.count(ENDED) == 1


def test_a_mandatory_prompt_with_closed_input_is_an_error(tmp_path):
    result = _cli('function Get-Thing { param([Parameter(Mandatory)]$Name) "got [$Name]" }; Get-Thing; "next"',
                  subprocess.DEVNULL, tmp_path)
    assert "got" not in result.stdout and result.stdout.rstrip().endswith("next")
    assert result.stderr.strip() == \
        "Get-Thing: Cannot process command because of one or more missing mandatory parameters: Name."


def test_non_interactive_is_unchanged(tmp_path):
    keep = tmp_path / "keep.txt"
    keep.write_text("precious")
    result = _cli(f"Set-Content -LiteralPath '{keep}' -Value gone -Confirm", subprocess.DEVNULL, tmp_path,
                  "-NonInteractive")
    assert keep.read_text() == "precious"
    assert ENDED not in result.stdout
    assert result.stderr.startswith("Set-Content: PowerShell is in NonInteractive mode. Read and Prompt "
                                     "functionality is not available.")
    assert "Are you sure" not in result.stdout  # pwsh's host refuses before it shows the question
