"""The prompt driven through prompt_toolkit's pipe input: Enter on complete
and incomplete input, pastes, completion keys, history search, Ctrl+C/D."""

from __future__ import annotations

import threading
import time

import pytest
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.output import DummyOutput

from pwshlike.repl.app import Repl
from pwshlike.repl.history import SharedHistory
from repl_fixtures import _isolated_environment, pipe, repl, session  # noqa: F401 - pytest fixtures

ENTER = "\r"
TAB = "\t"
UP = "\x1b[A"
CTRL_C = "\x03"
CTRL_D = "\x04"
CTRL_R = "\x12"
CTRL_SPACE = "\x00"


def read(repl: Repl, pipe, keys: str) -> str:
    pipe.send_text(keys)
    return repl.read()


def typed(repl: Repl, pipe, *chunks: str) -> str:
    """Reads while ``chunks`` arrive one after the other with a pause, as
    a person types (the prompt is up and its history loaded by then)."""
    def send() -> None:
        for chunk in chunks:
            time.sleep(0.05)
            pipe.send_text(chunk)
    sender = threading.Thread(target=send)
    sender.start()
    try:
        return repl.read()
    finally:
        sender.join()


def test_enter_on_complete_input_returns_it(repl, pipe):
    assert read(repl, pipe, "Write-Output 1" + ENTER) == "Write-Output 1"


@pytest.mark.parametrize("first_line, rest", [
    ("$h = @{", ["clientId = 'x'", "}"]),
    ("if ($true) {", ["'yes'", "}"]),
    ("Get-Command |", ["Select-Object -First 1"]),
    ("Write-Output `", ["1"]),
    ("'open string", ["closed'"]),
    ("1 +", ["2"]),
])
def test_enter_on_incomplete_input_continues(repl, pipe, first_line, rest):
    typed = ENTER.join([first_line] + rest) + ENTER
    assert read(repl, pipe, typed) == "\n".join([first_line] + rest)


def test_incomplete_input_is_not_run_early_one_line_at_a_time(repl, pipe):
    # Each key arrives on its own, as a person types: the "{" line still continues.
    pipe.send_text("@{" + ENTER)
    pipe.send_text("a = 1" + ENTER)
    pipe.send_text("}" + ENTER)
    assert repl.read() == "@{\na = 1\n}"


def test_bracketed_paste_is_one_unit_and_waits_for_enter(repl, pipe):
    pasted = "\x1b[200~Write-Output 1\r\nWrite-Output 2\n\x1b[201~"
    assert read(repl, pipe, pasted + ENTER) == "Write-Output 1\nWrite-Output 2"


def test_paste_without_bracketed_paste_runs_as_one_unit(repl, pipe):
    # Lines arriving together (typeahead) join instead of running one by one.
    assert read(repl, pipe, "Write-Output 1" + ENTER + "Write-Output 2" + ENTER) == \
        "Write-Output 1\nWrite-Output 2"


def test_alt_enter_always_inserts_a_new_line(repl, pipe):
    pipe.send_text("Write-Output 1\x1b\r")
    pipe.send_text("Write-Output 2" + ENTER)
    assert repl.read() == "Write-Output 1\nWrite-Output 2"


def test_tab_inserts_a_single_completion(repl, pipe):
    pipe.send_text("Get-Comm" + TAB)
    pipe.send_text(" -Na" + TAB)
    pipe.send_text(ENTER)
    assert repl.read() == "Get-Command -Name"


def test_tab_inserts_the_common_part_of_several_completions(repl, pipe):
    pipe.send_text("Write-Verb" + TAB)  # Write-Verbose only
    pipe.send_text(ENTER)
    assert repl.read() == "Write-Verbose"
    pipe.send_text("Get-Varia" + TAB)  # Get-Variable only
    pipe.send_text(ENTER)
    assert repl.read() == "Get-Variable"


def test_tab_cycles_through_the_menu_and_enter_takes_the_selection(repl, pipe):
    pipe.send_text("Write-" + TAB)  # several, nothing in common: the menu opens
    pipe.send_text(TAB)  # first entry selected
    pipe.send_text(ENTER)  # takes it, does not run
    pipe.send_text(ENTER)
    assert repl.read() == "Write-Debug"


def test_ctrl_space_opens_the_menu(repl, pipe):
    pipe.send_text("Get-Command -Sy" + CTRL_SPACE)
    pipe.send_text(TAB)
    pipe.send_text(ENTER + ENTER)
    assert repl.read() == "Get-Command -Syntax"


def test_tab_at_the_start_of_a_line_indents(repl, pipe):
    pipe.send_text("if ($true) {" + ENTER + TAB + "1" + ENTER + "}" + ENTER)
    assert repl.read() == "if ($true) {\n    1\n}"


def test_up_arrow_searches_history_by_prefix(session, pipe, tmp_path):
    history = SharedHistory(str(tmp_path / "history.txt"))
    for entry in ("Write-Output first", "Get-Variable", "Write-Output second", "Get-Command"):
        history.append_string(entry)
    repl = Repl(session, input=pipe, output=DummyOutput(), history=history)
    assert typed(repl, pipe, "Write", UP, ENTER) == "Write-Output second"
    # Running it again does not make it come up twice.
    assert typed(repl, pipe, "Write", UP, UP, ENTER) == "Write-Output first"
    assert typed(repl, pipe, UP, ENTER) == "Write-Output first"


def test_ctrl_r_searches_history_backwards(session, pipe):
    history = InMemoryHistory()
    for entry in ("Get-Variable -Name alpha", "Write-Output beta", "Get-Command"):
        history.append_string(entry)
    repl = Repl(session, input=pipe, output=DummyOutput(), history=history)
    assert typed(repl, pipe, CTRL_R, "alph", ENTER, ENTER) == "Get-Variable -Name alpha"


def test_ctrl_c_discards_the_line_and_ctrl_d_leaves(repl, pipe):
    pipe.send_text("Write-Output never" + CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        repl.read()
    pipe.send_text(CTRL_D)
    with pytest.raises(EOFError):
        repl.read()


def test_vi_mode_from_the_environment(repl, pipe, monkeypatch):
    monkeypatch.setenv("PWSHLIKE_EDIT_MODE", "vi")
    pipe.send_text("Write-Output abc\x1b")
    pipe.send_text("bcwxyz" + ENTER)
    assert repl.read() == "Write-Output xyz"


def test_emacs_mode_is_the_default(repl, pipe):
    pipe.send_text("Write-Output abc\x01#" + ENTER)  # Ctrl+A moves to the start
    assert repl.read() == "#Write-Output abc"
