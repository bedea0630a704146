"""New-Item: files, folders, links and the session drives, with pwsh's
errors, on a temporary directory."""

from __future__ import annotations

import os
from typing import Any

import pytest

from helpers.session import Shell


@pytest.fixture
def sh(tmp_path) -> Shell:
    return Shell(location=str(tmp_path))


def only_error(sh: Shell) -> Any:
    errors = sh.errors()
    assert len(errors) == 1, errors
    return errors[0]


def test_new_file_is_a_fileinfo_with_the_value_as_content(tmp_path, sh):
    assert sh.run("$f = New-Item notes.txt -Value 'hello'; $f.GetType().FullName; $f.Name; $f.Length") == [
        "System.IO.FileInfo", "notes.txt", 5]
    assert (tmp_path / "notes.txt").read_bytes() == b"hello"


def test_new_file_without_value_is_empty_and_item_type_takes_a_prefix(tmp_path, sh):
    sh.run("New-Item -ItemType fi empty.txt; New-Item -Type dir folder")
    assert (tmp_path / "empty.txt").read_bytes() == b""
    assert (tmp_path / "folder").is_dir()


def test_existing_file_is_new_item_io_error_and_force_overwrites(tmp_path, sh):
    (tmp_path / "a.txt").write_text("old")
    sh.run("New-Item a.txt")
    error = only_error(sh)
    assert str(error) == f"The file '{tmp_path}/a.txt' already exists."
    assert error.fully_qualified_error_id == "NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand"
    assert str(error.category_info.category) == "WriteError"
    assert error.exception.full_name == "System.IO.IOException"
    sh.run("New-Item a.txt -Force -Value new")
    assert (tmp_path / "a.txt").read_text() == "new"


def test_new_directory_creates_parents_and_existing_one_is_directory_exist(tmp_path, sh):
    assert sh.run("(New-Item -ItemType Directory one/two/three).FullName") == [f"{tmp_path}/one/two/three"]
    assert sh.run("New-Item -ItemType Directory one; 'after'") == ["after"]
    error = only_error(sh)
    assert str(error) == f"An item with the specified name {tmp_path}/one already exists."
    assert error.fully_qualified_error_id == "DirectoryExist,Microsoft.PowerShell.Commands.NewItemCommand"
    assert str(error.category_info.category) == "ResourceExists"
    assert sh.run("(New-Item -ItemType Directory one -Force).GetType().FullName") == ["System.IO.DirectoryInfo"]


def test_file_in_a_missing_folder_needs_force(tmp_path, sh):
    sh.run("New-Item x/y/z.txt")
    error = only_error(sh)
    assert str(error) == f"Could not find a part of the path '{tmp_path}/x/y/z.txt'."
    assert error.exception.full_name == "System.IO.DirectoryNotFoundException"
    assert "No such file" not in str(error)
    sh.run("New-Item x/y/z.txt -Force -Value 1")
    assert (tmp_path / "x" / "y" / "z.txt").read_text() == "1"


def test_path_and_name_combine(tmp_path, sh):
    (tmp_path / "box").mkdir()
    assert sh.run("(New-Item -Path box -Name inner.txt).FullName") == [f"{tmp_path}/box/inner.txt"]
    assert sh.run("(New-Item -Name here.txt).FullName") == [f"{tmp_path}/here.txt"]


def test_name_with_a_wildcard_path_goes_into_each_matching_folder(tmp_path, sh):
    (tmp_path / "box1").mkdir()
    (tmp_path / "box2").mkdir()
    assert sh.run("New-Item -Path box* -Name n.txt | ForEach-Object FullName") == [
        f"{tmp_path}/box1/n.txt", f"{tmp_path}/box2/n.txt"]
    assert sh.run("New-Item -Path nothing* -Name n.txt") == []
    assert sh.errors() == []


def test_symbolic_and_hard_links(tmp_path, sh):
    (tmp_path / "target.txt").write_text("t")
    (tmp_path / "dir").mkdir()
    assert sh.run("(New-Item -ItemType SymbolicLink -Path link.txt -Target target.txt).LinkType") == [
        "SymbolicLink"]
    assert os.readlink(tmp_path / "link.txt") == "target.txt"
    sh.run("New-Item -ItemType SymbolicLink dirlink -Value dir")
    assert (tmp_path / "dirlink").is_symlink() and (tmp_path / "dirlink").is_dir()
    sh.run("New-Item -ItemType HardLink hard.txt -Value target.txt")
    assert os.stat(tmp_path / "hard.txt").st_ino == os.stat(tmp_path / "target.txt").st_ino
    sh.run("New-Item -ItemType SymbolicLink link.txt -Value target.txt")
    error = only_error(sh)
    assert str(error) == f"Cannot create link because the path already exists: {tmp_path}/link.txt."
    assert error.fully_qualified_error_id == "SymLinkExists,Microsoft.PowerShell.Commands.NewItemCommand"


def test_link_without_a_target_is_terminating(tmp_path, sh):
    assert sh.run("try { New-Item -ItemType SymbolicLink l1; 'no' } catch { 'caught' }") == ["caught"]
    error = only_error(sh)
    assert str(error) == f"Link '{tmp_path}/l1' cannot be created because the target Value was not specified."
    assert error.fully_qualified_error_id == "ArgumentNull,Microsoft.PowerShell.Commands.NewItemCommand"


def test_hard_link_to_a_folder_or_nothing_is_refused(tmp_path, sh):
    (tmp_path / "dir").mkdir()
    sh.run("New-Item -ItemType HardLink h1 -Value dir")
    assert sh.error_ids() == ["ItemNotFile,Microsoft.PowerShell.Commands.NewItemCommand"]
    sh.run("$Error.Clear(); New-Item -ItemType HardLink h2 -Value missing")
    error = only_error(sh)
    assert str(error) == f"Could not find item {tmp_path}/missing."


def test_unknown_item_type_is_terminating(tmp_path, sh):
    assert sh.run("try { New-Item x -ItemType Bogus; 'not reached' } catch { 'caught' }") == ["caught"]
    error = only_error(sh)
    assert str(error).startswith("The type is not a known type for the file system.")
    assert error.fully_qualified_error_id == "Argument,Microsoft.PowerShell.Commands.NewItemCommand"
    assert not (tmp_path / "x").exists()


def test_what_if_creates_nothing(tmp_path, sh):
    sh.run("New-Item w.txt -WhatIf; New-Item -ItemType Directory wd -WhatIf")
    assert sh.host.kind("line") == ['What if: Performing the operation "Create File" on target "Destination: '
                                    f'{tmp_path}/w.txt".',
                                    'What if: Performing the operation "Create Directory" on target "Destination: '
                                    f'{tmp_path}/wd".']
    assert not (tmp_path / "w.txt").exists() and not (tmp_path / "wd").exists()


def test_session_drives(sh):
    assert sh.run("New-Item -Path Variable: -Name nv -Value 12 | ForEach-Object Name; $nv") == ["nv", 12]
    assert sh.run("(New-Item function:greet -Value { 'hi' }).Name; greet") == ["greet", "hi"]
    assert sh.run("New-Item function:shout -Value \"'HI'\" | Out-Null; shout") == ["HI"]
    assert sh.run("(New-Item alias:gg -Value greet).Definition; gg") == ["greet", "hi"]
    assert sh.run("(New-Item env:PWSHLIKE_NEW_ITEM -Value abc).Value; $env:PWSHLIKE_NEW_ITEM") == ["abc", "abc"]
    sh.run("Remove-Item env:PWSHLIKE_NEW_ITEM")


def test_environment_name_with_an_equal_sign_is_refused(sh):
    sh.run("New-Item 'env:A=B' -Value 1")
    error = only_error(sh)
    assert str(error) == "Environment variable name cannot contain equal character."
    assert error.fully_qualified_error_id == "Argument,Microsoft.PowerShell.Commands.NewItemCommand"


def test_existing_session_item_needs_force(sh):
    sh.run("$taken = 1; New-Item variable:taken -Value 2")
    error = only_error(sh)
    assert str(error) == "The item at path 'taken' already exists."
    assert error.fully_qualified_error_id == "Argument,Microsoft.PowerShell.Commands.NewItemCommand"
    assert sh.run("New-Item variable:taken -Value 2 -Force | Out-Null; $taken") == [2]


def test_session_item_needs_a_name_and_a_value(sh):
    sh.run("New-Item variable: -Value 1")
    assert sh.error_ids() == ["NewItemNullPath,Microsoft.PowerShell.Commands.NewItemCommand"]
    sh.run("$Error.Clear(); New-Item variable:novalue")
    error = only_error(sh)
    assert error.fully_qualified_error_id == "NewItemValueNotSpecified,Microsoft.PowerShell.Commands.NewItemCommand"
    assert str(error) == "Value cannot be null. (Parameter 'value')"


def test_unknown_drive_is_drive_not_found(sh):
    sh.run("New-Item nodrive:thing")
    error = only_error(sh)
    assert str(error) == "Cannot find drive. A drive with the name 'nodrive' does not exist."
    assert error.fully_qualified_error_id == "DriveNotFound,Microsoft.PowerShell.Commands.NewItemCommand"


def test_credential_is_not_supported(tmp_path, sh):
    sh.run("$c = [pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force)); "
           "New-Item c.txt -Credential $c")
    error = only_error(sh)
    assert str(error).startswith("The FileSystem provider supports credentials only on the New-PSDrive cmdlet.")
    assert not (tmp_path / "c.txt").exists()
