"""Invoke-Item starts executables and hands documents and folders to the
desktop opener (a fake xdg-open on PATH here, so nothing real opens)."""

from __future__ import annotations

import os
import time

from helpers.session import Shell


def _wait_for_lines(log, count: int) -> list[str]:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if log.exists() and len(log.read_text().splitlines()) >= count:
            break
        time.sleep(0.05)
    return sorted(log.read_text().splitlines()) if log.exists() else []


def _setup(tmp_path, monkeypatch, with_opener: bool = True):
    log = tmp_path / "log"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    if with_opener:
        opener = bin_dir / "xdg-open"
        opener.write_text(f'#!/bin/sh\necho "opened $1" >> {log}\n')
        opener.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    run = tmp_path / "run.sh"
    run.write_text(f'#!/bin/sh\necho "ran $0" >> {log}\n')
    run.chmod(0o755)
    (tmp_path / "doc.txt").write_text("doc")
    (tmp_path / "folder").mkdir()
    return log, Shell(location=str(tmp_path))


def test_invoke_item_runs_programs_and_opens_documents_and_folders(tmp_path, monkeypatch):
    log, shell = _setup(tmp_path, monkeypatch)
    assert shell.run("Invoke-Item run.sh, doc.txt; ii folder") == []
    assert _wait_for_lines(log, 3) == [f"opened {tmp_path}/doc.txt", f"opened {tmp_path}/folder",
                                       f"ran {tmp_path}/run.sh"]


def test_invoke_item_what_if_and_errors(tmp_path, monkeypatch):
    log, shell = _setup(tmp_path, monkeypatch)
    shell.run("Invoke-Item *.txt, run.sh -WhatIf")
    assert shell.host.kind("line") == [
        f'What if: Performing the operation "Invoke Item" on target "Item: {tmp_path}/doc.txt".',
        f'What if: Performing the operation "Invoke Item" on target "Item: {tmp_path}/run.sh".']
    shell.run("Invoke-Item Variable:PWD, nothere 2>$null")
    assert shell.error_ids() == ["NotSupported,Microsoft.PowerShell.Commands.InvokeItemCommand",
                                 "PathNotFound,Microsoft.PowerShell.Commands.InvokeItemCommand"]
    time.sleep(0.2)
    assert not log.exists()


def test_invoke_item_without_an_opener(tmp_path, monkeypatch):
    log, shell = _setup(tmp_path, monkeypatch, with_opener=False)
    if any(os.path.exists(os.path.join(d, n)) for d in ("/usr/bin", "/bin")
           for n in ("xdg-open", "gnome-open", "kfmclient")):
        monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    out = shell.text("try { Invoke-Item doc.txt } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }")
    assert out == ["InvokeDefaultActionProviderException,Microsoft.PowerShell.Commands.InvokeItemCommand",
                   f"Attempting to perform the InvokeDefaultAction operation on the 'FileSystem' provider failed for "
                   f"path '{tmp_path}/doc.txt'. An error occurred trying to start process '{tmp_path}/doc.txt' with "
                   f"working directory '{tmp_path}'. Permission denied"]
