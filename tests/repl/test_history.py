"""The shared history file: PSReadLine's format, the sensitive-line filter,
entries from concurrent shells, no repeated recalls."""

from __future__ import annotations

import asyncio
import os

import pytest

from pwshlike.repl.history import SharedHistory, decode_entries, encode_entry, history_path, is_sensitive
from repl_fixtures import _isolated_environment  # noqa: F401 - pytest fixtures


def recalled(history: SharedHistory) -> list[str]:
    """What Up-arrow offers, newest first (as the buffer loads it at a prompt)."""
    async def collect() -> list[str]:
        return [item async for item in history.load()]
    return asyncio.run(collect())


def test_default_path_is_under_xdg_data_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert history_path() == str(tmp_path / "pwshlike" / "PSReadLine" / "ConsoleHost_history.txt")
    monkeypatch.delenv("XDG_DATA_HOME")
    assert history_path() == os.path.expanduser("~/.local/share/pwshlike/PSReadLine/ConsoleHost_history.txt")


def test_multi_line_entries_use_psreadline_backtick_format(tmp_path):
    path = tmp_path / "h.txt"
    history = SharedHistory(str(path))
    history.append_string("$h = @{\n  a = 1\n}")
    history.append_string("Get-Command")
    assert path.read_text() == "$h = @{`\n  a = 1`\n}\nGet-Command\n"
    assert decode_entries(path.read_text().rstrip("\n")) == ["$h = @{\n  a = 1\n}", "Get-Command"]
    assert encode_entry("a\nb") == "a`\nb\n"


def test_file_is_private_to_the_user(tmp_path):
    path = tmp_path / "new" / "h.txt"
    SharedHistory(str(path)).append_string("Get-Date")
    assert (path.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize("line", [
    "$cred = Get-Credential -Password x",
    "ConvertTo-SecureString 'p' -AsPlainText -Force",
    "$Token = 'abc'",
    "Connect -ApiKey 123",
    "$ClientSecret = 'x'",
    "Invoke-RestMethod $uri -Headers @{Authorization = 'Bearer eyJ0eXAiOiJKV1Qi.eyJhdWQiOiJodHRwcyI.c2ln'}",
])
def test_sensitive_lines_stay_in_memory_only(tmp_path, line):
    assert is_sensitive(line)
    path = tmp_path / "h.txt"
    history = SharedHistory(str(path))
    history.append_string("Get-Date")
    history.append_string(line)
    assert recalled(history)[:2] == [line, "Get-Date"]
    assert path.read_text() == "Get-Date\n"
    assert recalled(SharedHistory(str(path))) == ["Get-Date"]


def test_ordinary_lines_are_not_sensitive():
    assert not is_sensitive("Get-ChildItem -Recurse | Select-Object Name")


def test_concurrent_shells_see_each_others_entries(tmp_path):
    path = str(tmp_path / "h.txt")
    first, second = SharedHistory(path), SharedHistory(path)
    assert recalled(first) == [] and recalled(second) == []
    first.append_string("Get-Date")
    second.append_string("Get-Command")
    first.append_string("Get-Variable")
    # At its next prompt each shell has every entry, in the order they were run.
    assert recalled(first) == ["Get-Variable", "Get-Command", "Get-Date"]
    assert recalled(second) == ["Get-Variable", "Get-Command", "Get-Date"]
    assert recalled(SharedHistory(path)) == ["Get-Variable", "Get-Command", "Get-Date"]


def test_a_repeated_command_is_recalled_once(tmp_path):
    path = tmp_path / "h.txt"
    history = SharedHistory(str(path))
    for entry in ("Get-Date", "Get-Command", "Get-Date"):
        history.append_string(entry)
    assert recalled(history) == ["Get-Date", "Get-Command"]
    assert recalled(SharedHistory(str(path))) == ["Get-Date", "Get-Command"]
    assert path.read_text().splitlines() == ["Get-Date", "Get-Command", "Get-Date"]


def test_a_partly_written_line_is_left_for_later(tmp_path):
    path = tmp_path / "h.txt"
    path.write_text("Get-Date\nGet-Comm")
    history = SharedHistory(str(path))
    assert recalled(history) == ["Get-Date"]
    with open(path, "a") as handle:
        handle.write("and\n")
    assert recalled(history) == ["Get-Command", "Get-Date"]


def test_an_unwritable_history_file_does_not_fail(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    history = SharedHistory(str(blocker / "h.txt"))
    history.append_string("Get-Date")
    assert recalled(history) == ["Get-Date"]
