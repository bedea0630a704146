"""Split-Path, Join-Path, Test-Path, Resolve-Path and Convert-Path as pwsh
7.4 on Linux answers them, errors included."""

from __future__ import annotations

import os
import time

import pytest

from helpers.session import Shell


@pytest.fixture
def sh(tmp_path) -> Shell:
    (tmp_path / "dir" / "sub").mkdir(parents=True)
    (tmp_path / "dir" / "file.tar.gz").write_text("x")
    (tmp_path / "old.txt").write_text("old")
    stamp = time.time() - 10 * 86400
    os.utime(tmp_path / "old.txt", (stamp, stamp))
    return Shell(location=str(tmp_path))


def test_split_path_parts(sh):
    assert sh.run("Split-Path /a/b/file.tar.gz -Leaf; Split-Path /a/b/file.tar.gz -LeafBase; "
                  "Split-Path /a/b/file.tar.gz -Extension; Split-Path /a/b/file.tar.gz; Split-Path /a -Parent; "
                  "Split-Path a\\b\\c -Parent") == ["file.tar.gz", "file.tar", ".gz", "/a/b", "/", "a/b"]
    assert sh.run("Split-Path Temp:/x/y -Qualifier; Split-Path Temp:/x/y -NoQualifier; "
                  "Split-Path FileSystem::/x -Qualifier") == ["Temp:", "/x/y", "FileSystem::"]


def test_split_path_is_absolute_follows_pwsh(sh):
    assert sh.run("'/x', './x', 'x', '~/x', 'Env:x', 'nosuch:x', 'FileSystem::/x', ':x' | "
                  "ForEach-Object { Split-Path $_ -IsAbsolute }") == [True, False, False, False, True, True, True,
                                                                       False]


def test_split_path_errors_and_resolve(sh, tmp_path):
    assert sh.run("Split-Path dir/* -Resolve -Leaf") == ["sub", "file.tar.gz"]
    sh.run("Split-Path /a/b -Qualifier")
    sh.run("Split-Path nosuch/x -Resolve")
    assert sh.error_ids() == ["ParsePathFormatError,Microsoft.PowerShell.Commands.SplitPathCommand",
                              "PathNotFound,Microsoft.PowerShell.Commands.SplitPathCommand"]
    assert str(sh.errors()[1]) == "Cannot parse path because path '/a/b' does not have a qualifier specified."


def test_join_path_additional_children_and_resolve(sh, tmp_path):
    assert sh.run("Join-Path a b c d; Join-Path a\\ \\b; Join-Path -Path a,b -ChildPath c; Join-Path Temp: x") == [
        "a/b/c/d", "a/b", "a/c", "b/c", "Temp:/x"]
    assert sh.run("Join-Path dir * -Resolve") == [f"{tmp_path}/dir/sub", f"{tmp_path}/dir/file.tar.gz"]
    sh.run("Join-Path dir nosuch -Resolve")
    assert sh.error_ids() == ["PathNotFound,Microsoft.PowerShell.Commands.JoinPathCommand"]
    assert str(sh.errors()[0]) == f"Cannot find path '{tmp_path}/dir/nosuch' because it does not exist."


def test_test_path_types_times_and_filters(sh):
    assert sh.run("Test-Path dir -PathType Container; Test-Path dir -PathType Leaf; Test-Path old.txt -PathType Leaf; "
                  "Test-Path nosuch; Test-Path ''") == [True, False, True, False, False]
    assert sh.run("Test-Path old.txt -OlderThan (Get-Date).AddDays(-1); "
                  "Test-Path old.txt -NewerThan (Get-Date).AddDays(-1)") == [True, False]
    assert sh.run("Test-Path dir/* -Include *.gz; Test-Path dir/* -Exclude *; Test-Path dir/* -Filter s*") == [
        True, False, True]
    assert sh.run("Test-Path 'a|b?' -IsValid; Test-Path nosuchdrive:/x -IsValid; Test-Path Env:PATH; "
                  "Test-Path Env:NO_SUCH_VARIABLE_X") == [True, False, True, False]


def test_test_path_null_is_an_error(sh):
    sh.run("Test-Path $null")
    assert sh.error_ids() == ["NullPathNotPermitted,Microsoft.PowerShell.Commands.TestPathCommand"]


def test_resolve_and_convert_path(sh, tmp_path):
    assert sh.run("Resolve-Path old.txt -Relative; Resolve-Path dir/sub -Relative; "
                  "Resolve-Path sub -RelativeBasePath dir -Relative") == ["./old.txt", "./dir/sub", "./sub"]
    assert sh.run("(Resolve-Path dir/*).Path") == [f"{tmp_path}/dir/sub", f"{tmp_path}/dir/file.tar.gz"]
    temp = os.path.realpath(os.environ.get("TMPDIR", "/tmp"))
    if str(tmp_path).startswith(temp + "/"):
        assert sh.run(f"Convert-Path Temp:/{str(tmp_path)[len(temp) + 1:]}/dir") == [f"{tmp_path}/dir"]
    sh.run("Resolve-Path nosuch; Convert-Path nosuch")
    assert sh.error_ids() == ["PathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand",
                              "PathNotFound,Microsoft.PowerShell.Commands.ConvertPathCommand"]


def test_test_path_on_session_drives_knows_the_root_is_the_container(sh):
    assert sh.run("Test-Path Env: -PathType Container; Test-Path Env: -PathType Leaf; "
                  "Test-Path Env:PATH -PathType Leaf; Test-Path Env:PATH -PathType Container; "
                  "Test-Path Alias:\\gci; Test-Path Variable:NoSuchVariableHere") == [
        True, False, True, False, True, False]
