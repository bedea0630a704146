"""Copy-Item, Move-Item and Rename-Item on a temporary directory and on
the session drives, with pwsh's errors."""

from __future__ import annotations

import os
from typing import Any

import pytest

from helpers.session import Shell


def listing(root) -> list[str]:
    return sorted(os.path.relpath(os.path.join(d, n), root) for d, dirs, files in os.walk(root)
                  for n in dirs + files)


@pytest.fixture
def sh(tmp_path) -> Shell:
    (tmp_path / "src" / "sub").mkdir(parents=True)
    (tmp_path / "src" / "a.txt").write_text("a")
    (tmp_path / "src" / "sub" / "b.log").write_text("b")
    (tmp_path / "one.txt").write_text("1")
    return Shell(location=str(tmp_path))


def only_error(sh: Shell) -> Any:
    errors = sh.errors()
    assert len(errors) == 1, errors
    return errors[0]


# --- Copy-Item ---------------------------------------------------------------------------------

def test_copy_file_outputs_nothing_unless_pass_thru(tmp_path, sh):
    assert sh.run("Copy-Item one.txt two.txt") == []
    assert (tmp_path / "two.txt").read_text() == "1"
    assert sh.run("(Copy-Item one.txt src -PassThru).FullName") == [f"{tmp_path}/src/one.txt"]


def test_copy_overwrites_an_existing_file_without_force(tmp_path, sh):
    (tmp_path / "two.txt").write_text("old")
    sh.run("Copy-Item one.txt two.txt")
    assert sh.errors() == []
    assert (tmp_path / "two.txt").read_text() == "1"


def test_copy_folder_recurse_into_new_and_existing_folders(tmp_path, sh):
    sh.run("Copy-Item src dst -Recurse")
    assert listing(tmp_path / "dst") == ["a.txt", "sub", "sub/b.log"]
    sh.run("Copy-Item src dst -Recurse")
    assert "src/sub/b.log" in listing(tmp_path / "dst")


def test_copy_folder_without_recurse_copies_only_the_folder(tmp_path, sh):
    sh.run("Copy-Item src bare")
    assert listing(tmp_path / "bare") == []


def test_copy_folder_flat_with_container_false(tmp_path, sh):
    (tmp_path / "flat").mkdir()
    sh.run("Copy-Item src flat -Recurse -Container:$false")
    assert listing(tmp_path / "flat") == ["a.txt", "b.log"]
    sh.run("Copy-Item src flat -Container:$false")
    assert sh.error_ids() == [
        "CopyContainerToContainerWithoutRecurseOrContainer,Microsoft.PowerShell.Commands.CopyItemCommand"]


def test_copy_folder_onto_a_file_is_refused(tmp_path, sh):
    sh.run("Copy-Item src one.txt -Recurse")
    error = only_error(sh)
    assert str(error) == "Container cannot be copied onto existing leaf item."
    assert error.fully_qualified_error_id == "CopyContainerItemToLeafError,Microsoft.PowerShell.Commands.CopyItemCommand"


def test_copy_onto_itself_and_missing_source(tmp_path, sh):
    sh.run("Copy-Item one.txt one.txt")
    error = only_error(sh)
    assert str(error) == f"Cannot overwrite the item {tmp_path}/one.txt with itself."
    assert error.fully_qualified_error_id == "CopyError,Microsoft.PowerShell.Commands.CopyItemCommand"
    sh.run("$Error.Clear(); Copy-Item none.txt x.txt")
    assert sh.error_ids() == ["PathNotFound,Microsoft.PowerShell.Commands.CopyItemCommand"]


def test_copy_wildcard_with_filters_and_what_if(tmp_path, sh):
    (tmp_path / "out").mkdir()
    sh.run("Copy-Item src/* out -Exclude sub")
    assert listing(tmp_path / "out") == ["a.txt"]
    sh.run("Copy-Item one.txt w.txt -WhatIf")
    assert sh.host.kind("line") == [f'What if: Performing the operation "Copy File" on target "Item: {tmp_path}/one.txt '
                                    f'Destination: {tmp_path}/w.txt".']
    assert not (tmp_path / "w.txt").exists()


def test_copy_session_items(sh):
    assert sh.run("$cv = 7; Copy-Item variable:cv variable:cw; $cw") == [7]
    assert sh.run("function cf { 'f' }; Copy-Item function:cf function:cg; cg") == ["f"]
    sh.run("Copy-Item variable:cv ./file")
    assert sh.error_ids() == [
        "CopyItemSourceAndDestinationNotSameProvider,Microsoft.PowerShell.Commands.CopyItemCommand"]


# --- Move-Item ---------------------------------------------------------------------------------

def test_move_into_a_folder_and_to_a_new_name(tmp_path, sh):
    assert sh.run("(Move-Item one.txt src -PassThru).FullName") == [f"{tmp_path}/src/one.txt"]
    sh.run("Move-Item src/one.txt back.txt")
    assert (tmp_path / "back.txt").read_text() == "1"
    sh.run("Move-Item src moved")
    assert listing(tmp_path / "moved") == ["a.txt", "sub", "sub/b.log"]


def test_move_does_not_overwrite_without_force(tmp_path, sh):
    (tmp_path / "two.txt").write_text("2")
    sh.run("Move-Item one.txt two.txt")
    error = only_error(sh)
    assert str(error) == f"The file '{tmp_path}/two.txt' already exists."
    assert error.fully_qualified_error_id == "MoveFileInfoItemIOError,Microsoft.PowerShell.Commands.MoveItemCommand"
    sh.run("Move-Item one.txt two.txt -Force")
    assert (tmp_path / "two.txt").read_text() == "1" and not (tmp_path / "one.txt").exists()


def test_move_errors(tmp_path, sh):
    sh.run("Move-Item -LiteralPath gone.txt x")
    assert str(only_error(sh)) == f"Cannot move item because the item at '{tmp_path}/gone.txt' does not exist."
    sh.run("$Error.Clear(); Move-Item src src/sub")
    error = only_error(sh)
    assert str(error) == ("Destination path cannot be a subdirectory of the source or the source itself: "
                          f"{tmp_path}/src/sub/src.")
    sh.run("$Error.Clear(); Move-Item src/* lone.txt")
    assert sh.error_ids() == ["MoveItemPathMultipleDestinationNotContainer,Microsoft.PowerShell.Commands.MoveItemCommand"]
    assert sh.run("$Error.Clear(); $mv = 1; try { Move-Item variable:mv variable:mw } catch { 'caught' }") == [
        "caught"]
    error = only_error(sh)
    assert error.fully_qualified_error_id == "GetDynamicParametersException,Microsoft.PowerShell.Commands.MoveItemCommand"
    assert str(error) == ("Cannot retrieve the dynamic parameters for the cmdlet. Provider operation stopped because "
                          "the provider does not support this operation.")


def test_move_filtered_wildcard(tmp_path, sh):
    (tmp_path / "to").mkdir()
    sh.run("Move-Item src/* to -Include *.txt")
    assert listing(tmp_path / "to") == ["a.txt"]
    assert listing(tmp_path / "src") == ["sub", "sub/b.log"]


# --- Rename-Item -------------------------------------------------------------------------------

def test_rename_file_and_folder(tmp_path, sh):
    assert sh.run("(Rename-Item one.txt uno.txt -PassThru).Name") == ["uno.txt"]
    sh.run("Rename-Item src source; Rename-Item ./source/a.txt ./b.txt")
    assert listing(tmp_path / "source") == ["b.txt", "sub", "sub/b.log"]


def test_rename_to_a_path_is_terminating(tmp_path, sh):
    assert sh.run("try { Rename-Item one.txt src/x.txt; 'no' } catch { 'caught' }") == ["caught"]
    error = only_error(sh)
    assert str(error) == "Cannot rename the specified target, because it represents a path or device name."
    assert error.fully_qualified_error_id == "Argument,Microsoft.PowerShell.Commands.RenameItemCommand"


def test_rename_onto_an_existing_item_and_missing_items(tmp_path, sh):
    (tmp_path / "two.txt").write_text("2")
    sh.run("Rename-Item one.txt two.txt")
    error = only_error(sh)
    assert str(error) == f"The file '{tmp_path}/two.txt' already exists."
    assert error.fully_qualified_error_id == "RenameItemIOError,Microsoft.PowerShell.Commands.RenameItemCommand"
    sh.run("$Error.Clear(); Rename-Item nothing x")
    assert sh.error_ids() == ["PathNotFound,Microsoft.PowerShell.Commands.RenameItemCommand"]
    sh.run("$Error.Clear(); Rename-Item -LiteralPath nothing x")
    assert str(only_error(sh)) == f"Cannot rename because item at '{tmp_path}/nothing' does not exist."


def test_rename_what_if_and_session_items(tmp_path, sh):
    sh.run("Rename-Item one.txt x.txt -WhatIf")
    assert sh.host.kind("line") == [f'What if: Performing the operation "Rename File" on target "Item: '
                                    f'{tmp_path}/one.txt Destination: {tmp_path}/x.txt".']
    assert sh.run("$rv = 5; Rename-Item variable:rv rw; $rw; Test-Path variable:rv") == [5, False]
    assert sh.run("function rf { 'r' }; Rename-Item function:rf rg; rg") == ["r"]
    sh.run("$taken1 = 1; $taken2 = 2; Rename-Item variable:taken1 taken2")
    assert str(sh.errors()[0]) == "The item at path 'taken2' already exists."


def test_renaming_read_only_variables():
    sh = Shell()
    script = """
    Set-Variable rv 1 -Option ReadOnly -Description kept
    Rename-Item Variable:rv rv2 2>$null; Test-Path Variable:rv
    Rename-Item Variable:rv rv2 -Force; Test-Path Variable:rv; (Get-Variable rv2).Options; (Get-Variable rv2).Description
    Set-Variable cv 1 -Option Constant; Rename-Item Variable:cv cv2 -Force 2>$null; $cv
    """
    assert sh.text(script) == ["True", "False", "ReadOnly", "kept", "1"]
    assert sh.error_ids() == ["CannotRenameVariable,Microsoft.PowerShell.Commands.RenameItemCommand",
                              "CannotRenameVariable,Microsoft.PowerShell.Commands.RenameItemCommand"]
