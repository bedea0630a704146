"""Remove-Item: files, folders, wildcards, filters, hidden items, the
question about a folder with children, and the session drives."""

from __future__ import annotations

import os
from typing import Any

import pytest

from helpers.session import Shell


def make_tree(root) -> None:
    (root / "d" / "e").mkdir(parents=True)
    (root / "d" / "e" / "f.txt").write_text("f")
    (root / "d" / "g.txt").write_text("g")
    (root / "d" / "h.log").write_text("h")
    (root / "top.txt").write_text("t")


@pytest.fixture
def sh(tmp_path) -> Shell:
    make_tree(tmp_path)
    return Shell(location=str(tmp_path))


def only_error(sh: Shell) -> Any:
    errors = sh.errors()
    assert len(errors) == 1, errors
    return errors[0]


def test_removes_a_file_and_a_folder_with_recurse(tmp_path, sh):
    assert sh.run("Remove-Item top.txt; Remove-Item d -Recurse") == []
    assert sorted(os.listdir(tmp_path)) == []


def test_missing_path_is_path_not_found(tmp_path, sh):
    sh.run("Remove-Item nope.txt")
    error = only_error(sh)
    assert str(error) == f"Cannot find path '{tmp_path}/nope.txt' because it does not exist."
    assert error.fully_qualified_error_id == "PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand"
    assert error.exception.full_name == "System.Management.Automation.ItemNotFoundException"
    sh.run("$Error.Clear(); Remove-Item nothing*.txt")
    assert sh.errors() == []


def test_wildcards_include_exclude_and_literal_path(tmp_path, sh):
    sh.run("Remove-Item d/* -Include *.txt")
    assert sorted(os.listdir(tmp_path / "d")) == ["e", "h.log"]
    (tmp_path / "d" / "[x].txt").write_text("x")
    sh.run("Remove-Item -LiteralPath 'd/[x].txt'")
    assert not (tmp_path / "d" / "[x].txt").exists()
    sh.run("Remove-Item d/* -Exclude e")
    assert sorted(os.listdir(tmp_path / "d")) == ["e"]


def test_include_with_recurse_reaches_subfolders(tmp_path, sh):
    sh.run("Remove-Item d -Recurse -Include *.txt")
    assert sorted(os.listdir(tmp_path / "d")) == ["e", "h.log"]
    assert os.listdir(tmp_path / "d" / "e") == []


def test_hidden_and_read_only_items_need_force(tmp_path, sh):
    (tmp_path / ".secret").write_text("s")
    sh.run("Remove-Item .secret")
    error = only_error(sh)
    assert str(error) == (f"Cannot remove item {tmp_path}/.secret: You do not have sufficient access rights to "
                          "perform this operation or the item is hidden, system, or read only.")
    assert error.fully_qualified_error_id == \
        "RemoveFileSystemItemUnAuthorizedAccess,Microsoft.PowerShell.Commands.RemoveItemCommand"
    assert str(error.category_info.category) == "PermissionDenied"
    sh.run("Remove-Item .secret -Force")
    assert not (tmp_path / ".secret").exists()


def test_hidden_child_keeps_the_folder_without_force(tmp_path, sh):
    (tmp_path / "d" / ".keep").write_text("k")
    sh.run("Remove-Item d -Recurse")
    assert sh.error_ids() == [
        "RemoveFileSystemItemUnAuthorizedAccess,Microsoft.PowerShell.Commands.RemoveItemCommand",
        "DirectoryNotEmpty,Microsoft.PowerShell.Commands.RemoveItemCommand"]
    assert str(sh.errors()[0]) == f"Directory {tmp_path}/d cannot be removed because it is not empty."
    assert os.listdir(tmp_path / "d") == [".keep"]
    sh.run("Remove-Item d -Recurse -Force")
    assert not (tmp_path / "d").exists()


def test_folder_with_children_asks_first(tmp_path):
    make_tree(tmp_path)
    sh = Shell(answers=["n"], location=str(tmp_path))
    sh.run("Remove-Item d")
    assert (tmp_path / "d").exists()
    lines = sh.host.kind("line")
    assert lines[1] == "Confirm"
    assert lines[2] == (f"The item at {tmp_path}/d has children and the Recurse parameter was not specified. If you "
                        "continue, all children will be removed with the item. Are you sure you want to continue?")
    yes = Shell(answers=["y"], location=str(tmp_path))
    yes.run("Remove-Item d -Confirm:$false")
    assert not (tmp_path / "d").exists()


def test_folder_with_children_in_a_non_interactive_host_is_an_error(tmp_path, sh):
    sh.run("Remove-Item d")
    assert str(only_error(sh)) == ("PowerShell is in NonInteractive mode. Read and Prompt functionality is not "
                                   "available.")
    assert (tmp_path / "d").exists()


def test_empty_folder_goes_without_asking(tmp_path, sh):
    (tmp_path / "empty").mkdir()
    sh.run("Remove-Item empty")
    assert not (tmp_path / "empty").exists()


def test_what_if_lists_the_root_only(tmp_path, sh):
    sh.run("Remove-Item d -Recurse -WhatIf; Remove-Item top.txt -WhatIf")
    assert sh.host.kind("line") == [f'What if: Performing the operation "Remove Directory" on target "{tmp_path}/d".',
                                    f'What if: Performing the operation "Remove File" on target "{tmp_path}/top.txt".']
    assert (tmp_path / "d").exists() and (tmp_path / "top.txt").exists()


def test_current_location_is_in_use(tmp_path, sh):
    sh.run(f"Set-Location d; Remove-Item '{tmp_path}/d' -Recurse")
    error = only_error(sh)
    assert str(error) == f"Cannot remove the item at '{tmp_path}/d' because it is in use."
    assert (tmp_path / "d").exists()


def test_removing_a_link_to_a_folder_keeps_the_folder(tmp_path, sh):
    os.symlink(tmp_path / "d", tmp_path / "link")
    sh.run("Remove-Item link")
    assert not os.path.lexists(tmp_path / "link")
    assert (tmp_path / "d" / "g.txt").exists()


def test_session_drive_items(sh):
    assert sh.run("$gone = 1; Remove-Item variable:gone; Test-Path variable:gone") == [False]
    assert sh.run("function fx { 1 }; Remove-Item function:fx; Test-Path function:fx") == [False]
    assert sh.run("Set-Alias ax Get-Date; Remove-Item alias:ax; Test-Path alias:ax") == [False]
    assert sh.run("$env:PWSHLIKE_RM = 'x'; Remove-Item env:PWSHLIKE_RM; $null -eq $env:PWSHLIKE_RM") == [True]
    assert sh.run("$w1 = 1; $w2 = 2; Remove-Item variable:w?; Test-Path variable:w1") == [False]
    sh.run("Remove-Item variable:never_there")
    error = only_error(sh)
    assert str(error) == "Cannot find path 'variable:never_there' because it does not exist."
    assert error.fully_qualified_error_id == "PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand"


def test_read_only_variable_needs_force(sh):
    sh.run("Set-Variable ro 1 -Option ReadOnly; Remove-Item variable:ro")
    assert sh.error_ids() == ["VariableNotRemovable,Microsoft.PowerShell.Commands.RemoveItemCommand"]
    assert sh.run("Remove-Item variable:ro -Force; Test-Path variable:ro") == [False]


def test_pipeline_input_from_get_child_item(tmp_path, sh):
    sh.run("Get-ChildItem d -Filter *.txt | Remove-Item")
    assert sorted(os.listdir(tmp_path / "d")) == ["e", "h.log"]
