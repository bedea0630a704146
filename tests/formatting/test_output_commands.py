"""Out-String, Out-Host, the Format-* command lines, $PSStyle and Write-Progress."""

from __future__ import annotations

import pytest

from pwshlike.formatting.style import PSStyle

from .conftest import Shell


def test_out_string_joins_lines_streams_them_or_drops_newlines(shell: Shell) -> None:
    assert shell.value("1, 'two' | Out-String") == "1\ntwo\n"
    assert shell.value("@(1, 'two' | Out-String -Stream)") == ["1", "two"]
    assert shell.value("[pscustomobject]@{a=1} | Out-String -Stream") == ["", "a", "-", "1", ""]
    assert shell.value("1, 'two' | Out-String -NoNewline") == "1two"
    assert shell.value("$null | Out-String") == ""


def test_out_string_width_applies_to_tables_and_lists(shell: Shell) -> None:
    text = shell.value("[pscustomobject]@{Key='k'; Text='x' * 50} | Out-String -Width 20")
    assert text == "\nKey Text\n--- ----\nk   xxxxxxxxxxxxxxx\u2026\n\n"
    wide = shell.value("[pscustomobject]@{a=1;b=2;c=3;d=4;Text='x' * 30} | Out-String -Width 20")
    assert wide == ("\na    : 1\nb    : 2\nc    : 3\nd    : 4\nText : " + "x" * 13 + "\n       " + "x" * 13 +
                    "\n       xxxx\n\n")
    # Without -Width lists are not wrapped; tables fit the console.
    unwrapped = shell.value("[pscustomobject]@{a=1;b=2;c=3;d=4;Text='x' * 200} | Out-String")
    assert "Text : " + "x" * 200 + "\n" in unwrapped


def test_out_string_width_must_be_at_least_two(shell: Shell) -> None:
    _out, err = shell.run("1 | Out-String -Width 1")
    assert "Cannot validate argument on parameter 'Width'" in err and "minimum allowed range of 2" in err


def test_out_host_and_out_default_write_to_the_console(shell: Shell) -> None:
    assert shell.out("[pscustomobject]@{a=1} | Out-Host; 'after'") == "\na\n-\n1\n\nafter\n"
    assert shell.out("@{k='v'} | Out-Default") == ("\nName                           Value\n"
                                                   "----                           -----\n"
                                                   "k                              v\n\n")


def test_format_output_is_format_objects_that_out_string_renders(shell: Shell) -> None:
    assert shell.value("([pscustomobject]@{a=1} | Format-Table)[0].GetType().FullName") == \
        "Microsoft.PowerShell.Commands.Internal.Format.FormatStartData"
    shell.out("$f = [pscustomobject]@{a=1} | Format-List")
    assert shell.value("$f | Out-String") == "\na : 1\n\n"


def test_format_objects_out_of_order_are_a_terminating_error(shell: Shell) -> None:
    _out, err = shell.run("[pscustomobject]@{a=1} | Format-Table | Sort-Object -Descending | Out-String")
    assert "is not valid or not in the correct sequence" in err
    error_id = shell.value("$Error[0].FullyQualifiedErrorId")
    assert error_id == "ConsoleLineOutputOutOfSequencePacket,Microsoft.PowerShell.Commands.OutStringCommand"


@pytest.mark.parametrize("command, error_id, message", [
    ("Format-Table @{x=1}", "DictionaryKeyIllegal", "The x key is not valid."),
    ("Format-Table @{e='a'; w=0}", "WidthOutOfRange", 'The value "0" for key "w" should be greater than 0.'),
    ("Format-Table @{e='a'; a='middle'}", "AlignmentIllegalValue",
     'The value "middle" for key "a" is not valid; valid values are {left, center, right}.'),
    ("Format-Table @{l='x'}", "DictionaryKeyMandatoryEntry", "A mandatory entry for expression is missing."),
    ("Format-List @{e='a'; width=3}", "DictionaryKeyIllegal", "The width key is not valid."),
    ("Format-Table @{e='a'; f=''}", "FormatStringEmpty", 'Cannot have an empty formatting string for key "f".'),
    ("Format-Table 5", "DictionaryKeyUnknownType",
     "Cannot convert System.Int32 to one of the following types "
     "{System.String, System.Management.Automation.ScriptBlock}."),
    ("Format-Table a -View x", "FormatCannotSpecifyViewAndProperty",
     "Cmdlet parameters View and Property are mutually exclusive."),
    ("Format-Wide -AutoSize -Column 2", "FormatCannotSpecifyAutosizeAndColumns",
     "Cmdlet parameters AutoSize and Column are mutually exclusive."),
    ("Format-Table -View nope", "FormatViewNotFound",
     "The view name nope cannot be found. There are no existing Table views for "
     "System.Management.Automation.PSCustomObject objects."),
])
def test_invalid_format_parameters_are_pwsh_errors(shell: Shell, command: str, error_id: str, message: str) -> None:
    _out, err = shell.run(f"[pscustomobject]@{{a=1}} | {command}")
    assert message in err
    record_id = shell.value("$Error[0].FullyQualifiedErrorId")
    assert record_id.split(",")[0] == error_id


def test_ansi_rendering_styles_captured_text_and_plaintext_strips_strings(shell: Shell) -> None:
    shell.out("$PSStyle.OutputRendering = 'Ansi'")
    assert shell.value("[pscustomobject]@{a=1;b=2;c=3;d=4;e=5} | Out-String -Stream")[1] == "\x1b[32;1ma : \x1b[0m1"
    shell.out("$PSStyle.OutputRendering = 'PlainText'")
    assert shell.value("\"$($PSStyle.Foreground.Red)red$($PSStyle.Reset)\" | Out-String") == "red\n"


def test_psstyle_values_are_checked_and_read_only(shell: Shell) -> None:
    _out, err = shell.run("$PSStyle.OutputRendering = 'bogus'")
    assert 'Cannot convert value "bogus" to type "System.Management.Automation.OutputRendering"' in err
    _out, err = shell.run("$PSStyle.Reset = 'x'")
    assert err
    assert shell.value("$PSStyle.Foreground.BrightBlue") == "\x1b[94m"
    assert shell.value("$PSStyle.Background.FromRgb(1, 2, 3)") == "\x1b[48;2;1;2;3m"


def test_no_color_makes_plain_text_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert str(PSStyle().OutputRendering) == "PlainText"


def test_console_styles_headers_and_labels_only_on_a_terminal() -> None:
    terminal = Shell(terminal=True)
    assert terminal.out("[pscustomobject]@{a=1}") == "\n\x1b[32;1ma\x1b[0m\n\x1b[32;1m-\x1b[0m\n1\n\n"
    redirected = Shell(terminal=False)
    assert redirected.out("[pscustomobject]@{a=1}") == "\na\n-\n1\n\n"
    terminal.out("$PSStyle.OutputRendering = 'PlainText'")
    assert terminal.out("[pscustomobject]@{a=1}") == "\na\n-\n1\n\n"


def test_write_progress_is_silent_when_output_is_not_a_terminal(shell: Shell) -> None:
    assert shell.out("Write-Progress -Activity Copy -Status half -PercentComplete 50; 'done'") == "done\n"


def test_write_progress_draws_a_bar_on_a_terminal_and_erases_it_before_output() -> None:
    terminal = Shell(width=40, terminal=True)
    out = terminal.out("Write-Progress -Activity Copy -Status half -PercentComplete 50; 'done'")
    bar = "\x1b[33;1mCopy [\x1b[7mhalf" + " " * 12 + "\x1b[27m" + " " * 15 + "]\x1b[0m"
    # The bar, the cursor back at its start, then erased before the next output.
    assert out == bar + "\r" + "\r\x1b[J" + "done\n"


def test_write_progress_minimal_line_layout() -> None:
    from pwshlike.commands.builtins.progress import ProgressRecord
    from pwshlike.host.progress import render_minimal
    record = ProgressRecord(0, "Copy", "half")
    record.PercentComplete = 50
    record.SecondsRemaining = 9
    line = render_minimal(record, 0, 40, PSStyle.instance)
    # pwsh's RenderAnsi at 40 cells: a 32-cell bar, half of it reversed, the
    # seconds at its end (the bar text is one cell short when they are shown).
    assert line == ("\x1b[33;1mCopy [\x1b[7mhalf" + " " * 12 + "\x1b[27m" + " " * 13 + "9s]\x1b[0m")


def test_write_progress_preferences_and_missing_activity(shell: Shell) -> None:
    terminal = Shell(terminal=True)
    assert terminal.out("$ProgressPreference = 'SilentlyContinue'; Write-Progress -Activity A; 'x'") == "x\n"
    _out, err = shell.run("Write-Progress -Activity A -ProgressAction Stop")
    assert "ProgressPreference" in err
    _out, err = shell.run("Write-Progress -Status s")
    assert "Missing value for mandatory parameter. (Parameter 'Activity')" in err
    assert shell.value("$Error[0].FullyQualifiedErrorId") == \
        "MissingActivity,Microsoft.PowerShell.Commands.WriteProgressCommand"


def test_failing_expressions_are_empty_or_shown_with_display_error_and_show_error(shell: Shell) -> None:
    assert shell.value("[pscustomobject]@{a=1} | Format-Table a, @{l='B'; e={throw 'no'}} | Out-String") == \
        "\na B\n- -\n1 \n\n"
    assert shell.value("[pscustomobject]@{a=1} | Format-Table a, @{l='B'; e={throw 'no'}} -DisplayError "
                       "| Out-String") == "\na B\n- -\n1 #ERR\n\n"
    shown = shell.value("[pscustomobject]@{a=1} | Format-List @{l='B'; e={throw 'no'}} -ShowError | Out-String")
    assert shown.startswith("\nB : \n\n")
    assert "Failed to evaluate expression \"throw 'no'\"." in shown
