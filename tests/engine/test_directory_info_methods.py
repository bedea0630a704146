"""``System.IO.DirectoryInfo``'s enumeration methods (EnumerateFiles,
EnumerateDirectories, EnumerateFileSystemInfos, GetFiles, GetDirectories)
with a search pattern and SearchOption, and the path constructor/cast."""

from __future__ import annotations

from pathlib import Path

from helpers.session import Shell


def _tree(root: Path) -> str:
    (root / "sub" / "deep").mkdir(parents=True)
    for name in ("a.txt", "b.log", "sub/c.txt", "sub/deep/d.txt"):
        (root / name).write_text("x")
    return str(root)


def test_enumerate_files_after_null_conditional(tmp_path):
    root = _tree(tmp_path)
    script = f"""
    (Get-Item '{root}')?.EnumerateFiles()?.Name | Sort-Object
    (Get-Item '{root}').EnumerateDirectories().Name
    @((Get-Item '{root}').EnumerateFileSystemInfos()).Count
    """
    assert Shell().text(script) == ["a.txt", "b.log", "sub", "3"]


def test_pattern_and_search_option(tmp_path):
    root = _tree(tmp_path)
    script = f"""
    $d = [System.IO.DirectoryInfo]'{root}'
    $d.EnumerateFiles('*.txt', 'AllDirectories').Name | Sort-Object
    $d.GetDirectories('*', [System.IO.SearchOption]::AllDirectories).Name -join ','
    $d.GetFiles('*.*').Count
    $d.GetFiles('A*').Count
    """
    assert Shell().text(script) == ["a.txt", "c.txt", "d.txt", "sub,deep", "2", "0"]


def test_get_methods_return_typed_arrays(tmp_path):
    root = _tree(tmp_path)
    script = f"""
    $d = [System.IO.DirectoryInfo]::new('{root}')
    $d.GetFiles().GetType().FullName
    $d.GetDirectories()[0].GetType().FullName
    """
    assert Shell().text(script) == ["System.IO.FileInfo[]", "System.IO.DirectoryInfo"]


def test_missing_directory_and_null_pattern(tmp_path):
    script = f"""
    try {{ ([System.IO.DirectoryInfo]'{tmp_path}/nope').GetFiles() }} catch {{ $_.FullyQualifiedErrorId }}
    try {{ ([System.IO.DirectoryInfo]'{tmp_path}').GetFiles($null) }} catch {{ $_.FullyQualifiedErrorId }}
    """
    assert Shell().text(script) == ["DirectoryNotFoundException", "ArgumentNullException"]
