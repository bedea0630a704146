"""On Unix pwsh's FileSystem provider reads a backslash as a directory
separator; a redirection target resolves the same way: ``> "$dir\\out.txt"``
writes ``$dir/out.txt``."""

from __future__ import annotations

from pathlib import Path

from helpers.session import Shell


def test_redirection_and_test_path_with_backslashes(tmp_path: Path):
    shell = Shell()
    script = f"""
    'x' > "{tmp_path}\\\\out.txt"
    Test-Path "{tmp_path}/out.txt"
    Get-Content "{tmp_path}\\\\out.txt"
    """
    assert shell.text(script) == ["True", "x"]
    assert (tmp_path / "out.txt").read_text() == "x\n"


def test_redirection_into_a_missing_folder_is_out_files_open_failure(tmp_path: Path):
    shell = Shell()
    script = f"""
    try {{ 'x' > "{tmp_path}/missing/out.txt" }} catch {{ $_.FullyQualifiedErrorId; $_.CategoryInfo.Category;
        $_.Exception.GetType().Name }}
    """
    assert shell.text(script) == ["FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand", "OpenError",
                                  "DirectoryNotFoundException"]
