"""On Unix pwsh's FileSystem provider reads a backslash in a path as a
separator, so Windows-style paths, with ``.`` and ``..`` and wildcards,
name the same items."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "dir1" / "dir2").mkdir(parents=True)
    for name in ("testdirfile1.txt", "testdirfile2.txt"):
        (tmp_path / "dir1" / "dir2" / name).write_text("")
    return tmp_path


@pytest.mark.parametrize("path", [
    r"dir1\dir2",
    r"dir1\.\.\.\..\dir1\.\dir2\..\..\dir1\.\dir2",
    r"dir1/./.\.\../dir1/.\dir2\../..\dir1\.\dir2",
    r"dir1\dir2\*.txt",
    r"dir1\dir2\testdirfile[1-2].txt",
])
def test_backslashes_separate_path_parts(tree, path):
    shell = Shell(location=str(tree))
    assert shell.text(f"(Get-ChildItem {path}).Name") == ["testdirfile1.txt", "testdirfile2.txt"]


def test_test_path_and_literal_paths(tree):
    shell = Shell(location=str(tree))
    assert shell.text(r"Test-Path dir1\dir2\testdirfile1.txt; (Get-Item -LiteralPath dir1\dir2).Name") == \
        ["True", "dir2"]
