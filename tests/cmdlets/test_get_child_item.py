"""Get-ChildItem's switches on the file system and the session drives, and
the members of the items it writes (the views: tests/formatting/test_file_system_views.py)."""

from __future__ import annotations

import os
import pwd
from typing import Any

import pytest

from helpers.session import Shell


@pytest.fixture
def tree(tmp_path) -> Any:
    """``tmp/``: folders Beta (with a file and a subfolder) and alpha, files
    c.txt, B.log, run.sh (executable), .secret, a hidden folder .cache and
    a link to c.txt."""
    (tmp_path / "Beta" / "inner").mkdir(parents=True)
    (tmp_path / "Beta" / "b1.txt").write_text("b1")
    (tmp_path / "Beta" / "inner" / "deep.txt").write_text("deep")
    (tmp_path / "alpha").mkdir()
    (tmp_path / "c.txt").write_text("hello")
    os.chmod(tmp_path / "c.txt", 0o644)
    (tmp_path / "B.log").write_text("log")
    (tmp_path / "run.sh").write_text("#!/bin/sh\n")
    os.chmod(tmp_path / "run.sh", 0o755)
    (tmp_path / ".secret").write_text("s")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("x")
    os.symlink("c.txt", tmp_path / "link")
    return tmp_path


@pytest.fixture
def sh(tree) -> Shell:
    return Shell(location=str(tree))


# --- order and the switches -------------------------------------------------------------------

def test_folders_come_first_then_files_each_by_name_without_case(sh):
    assert sh.run("Get-ChildItem -Name") == ["alpha", "Beta", "B.log", "c.txt", "link", "run.sh"]


def test_recurse_lists_a_folder_then_its_subfolders_in_turn(sh):
    assert sh.run("Get-ChildItem -Recurse -Name") == [
        "alpha", "Beta", "B.log", "c.txt", "link", "run.sh", "Beta/inner", "Beta/b1.txt", "Beta/inner/deep.txt"]
    assert sh.run("Get-ChildItem -Recurse | ForEach-Object Name") == [
        "alpha", "Beta", "B.log", "c.txt", "link", "run.sh", "inner", "b1.txt", "deep.txt"]


def test_depth_limits_recursion_and_implies_it(sh):
    assert sh.run("Get-ChildItem Beta -Depth 0 -Name") == ["inner", "b1.txt"]
    assert sh.run("Get-ChildItem -Depth 1 | ForEach-Object Name")[-2:] == ["inner", "b1.txt"]


def test_force_and_hidden_show_dot_items(sh):
    assert sh.run("Get-ChildItem -Force -Name") == [".cache", "alpha", "Beta", ".secret", "B.log", "c.txt",
                                                   "link", "run.sh"]
    assert sh.run("Get-ChildItem -Hidden -Name") == [".cache", ".secret"]
    assert "x.txt" in sh.run("Get-ChildItem -Recurse -Force | ForEach-Object Name")
    assert "x.txt" not in sh.run("Get-ChildItem -Recurse | ForEach-Object Name")


def test_file_directory_and_attribute_expressions(sh):
    assert sh.run("Get-ChildItem -File -Name") == ["B.log", "c.txt", "link", "run.sh"]
    assert sh.run("Get-ChildItem -Directory -Name") == ["alpha", "Beta"]
    assert sh.run("Get-ChildItem -Attributes ReparsePoint -Name") == ["link"]
    assert sh.run("Get-ChildItem -Attributes Directory,ReparsePoint -Name") == ["alpha", "Beta", "link"]
    assert sh.run("Get-ChildItem -Attributes '!Directory+!ReparsePoint' -Name -Force") == [
        ".secret", "B.log", "c.txt", "run.sh"]
    assert sh.run("Get-ChildItem -Attributes Hidden+Directory -Name") == [".cache"]


def test_an_unknown_attribute_is_a_binding_error(sh):
    sh.run("Get-ChildItem -Attributes Shiny")
    error = sh.errors()[0]
    assert error.fully_qualified_error_id == "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands." \
                                            "GetChildItemCommand"
    assert "Unable to match the identifier name Shiny to a valid enumerator name" in str(error)


def test_filter_is_case_insensitive_and_include_exclude_narrow(sh):
    assert sh.run("Get-ChildItem -Filter *.TXT -Name") == ["c.txt"]
    assert sh.run("Get-ChildItem -Filter b* -Name") == ["Beta", "B.log"]
    assert sh.run("Get-ChildItem -Include *.txt,*.log -Exclude c* -Name") == ["B.log"]
    # The engine's own walk: a folder's items right after the folder, before the files beside it.
    assert sh.run("Get-ChildItem -Recurse -Include *.txt | ForEach-Object Name") == ["deep.txt", "b1.txt", "c.txt"]


def test_a_pattern_with_recurse_searches_every_folder(sh):
    assert sh.run("Get-ChildItem *.txt -Recurse | ForEach-Object Name") == ["deep.txt", "b1.txt", "c.txt"]
    assert sh.run("Get-ChildItem b1.txt -Recurse | ForEach-Object FullName") == [
        str(sh.context.session.location) + "/Beta/b1.txt"]


def test_a_wildcard_path_lists_the_matching_items_themselves(sh):
    assert sh.run("Get-ChildItem B* | ForEach-Object Name") == ["Beta", "B.log"]


def test_links_to_folders_are_followed_only_with_follow_symlink(sh, tree):
    os.symlink(str(tree / "Beta"), tree / "alpha" / "to-beta")
    os.symlink("..", tree / "Beta" / "inner" / "up")
    names = sh.run("Get-ChildItem alpha -Recurse -Name")
    assert names == ["to-beta"]
    followed = sh.run("Get-ChildItem alpha -Recurse -FollowSymlink | ForEach-Object Name")
    assert followed == ["to-beta", "inner", "b1.txt", "up", "deep.txt"]
    assert sh.warnings() == [f"Skip already-visited directory {tree}/alpha/to-beta/inner/up."]


def test_missing_path_and_hidden_file_errors(sh, tree):
    sh.run("Get-ChildItem nosuch")
    sh.run("Get-ChildItem .secret")
    assert sh.error_ids() == ["PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand",
                              "ItemNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand"]
    assert str(sh.errors()[1]) == f"Cannot find path '{tree}/nosuch' because it does not exist."
    assert sh.run("Get-ChildItem .secret -Force -Name") == [".secret"]
    assert sh.run("Get-ChildItem .secret -Name; Get-ChildItem c.txt -Name -Directory") == []
    assert len(sh.errors()) == 2  # -Name leaves a hidden file out without an error


def test_an_unreadable_folder_is_dir_unauthorized_access(sh, tree):
    if os.geteuid() == 0:
        pytest.skip("root reads every folder")
    locked = tree / "locked"
    locked.mkdir()
    os.chmod(locked, 0)
    try:
        sh.run("Get-ChildItem locked")
        assert sh.error_ids() == ["DirUnauthorizedAccessError,Microsoft.PowerShell.Commands.GetChildItemCommand"]
    finally:
        os.chmod(locked, 0o755)


def test_session_drives_and_temp(sh, tree, monkeypatch):
    monkeypatch.setenv("GCI_TEST_VALUE", "42")
    assert sh.run("(Get-ChildItem Env:GCI_TEST_*).Value") == ["42"]
    assert sh.run("Get-ChildItem Env: -Name") == sorted(os.environ, key=str.lower)
    assert "gci" in sh.run("Get-ChildItem Alias: -Name")
    assert sh.run("(Get-ChildItem Variable:PSHOME).Name") == ["PSHOME"]
    aliases = sh.run("Get-ChildItem Alias:gc* -Exclude gcm -Name")
    assert "gci" in aliases and "gcm" not in aliases
    temp = os.path.realpath(os.environ.get("TMPDIR", "/tmp"))
    if str(tree).startswith(temp + "/"):
        relative = str(tree)[len(temp) + 1:]
        assert sh.run(f"Get-ChildItem Temp:/{relative} -Name") == sh.run("Get-ChildItem -Name")


# --- members ----------------------------------------------------------------------------------

def test_unix_members_scripts_read(sh, tree):
    user = pwd.getpwuid(os.getuid()).pw_name
    assert sh.run("$f = Get-Item c.txt; $f.UnixMode; $f.User; $f.Size; $f.Length; $f.BaseName; $f.Extension; "
                  "$f.PSChildName; $f.PSIsContainer; $f.PSDrive.Name; $f.PSProvider.Name") == [
        "-rw-r--r--", user, 5, 5, "c", ".txt", "c.txt", False, "/", "FileSystem"]
    assert sh.run("$l = Get-Item link; $l.UnixMode[0]; $l.LinkTarget; $l.Target; $l.LinkType; $l.Size; "
                  "$l.ResolvedTarget; $l.Mode") == ["l", "c.txt", "c.txt", "SymbolicLink", 5, f"{tree}/c.txt",
                                                     "l----"]
    assert sh.run("(Get-Item Beta).PSParentPath") == [f"Microsoft.PowerShell.Core\\FileSystem::{tree}"]


def test_name_string_colours_by_psstyle(sh):
    style = "$PSStyle.FileInfo"
    reset = "\x1b[0m"
    assert sh.run("(Get-Item Beta).NameString; (Get-Item link).NameString; (Get-Item run.sh).NameString; "
                  "(Get-Item c.txt).NameString") == [
        f"\x1b[44;1mBeta{reset}", f"\x1b[36;1mlink{reset} -> c.txt", f"\x1b[32;1mrun.sh{reset}", "c.txt"]
    try:  # $PSStyle is the process's: put it back
        assert sh.run(f"{style}.Extension['.txt'] = $PSStyle.Foreground.Red; (Get-Item c.txt).NameString") == [
            f"\x1b[31mc.txt{reset}"]
    finally:
        sh.run(f"{style}.Extension.Remove('.txt')")


def test_file_and_folder_methods_scripts_call(sh, tree):
    assert sh.run(f"$c = (Get-Item c.txt).CopyTo('{tree}/copy.txt'); $c.Name; $c.Length") == ["copy.txt", 5]
    assert sh.run(f"try {{ (Get-Item c.txt).CopyTo('{tree}/copy.txt') }} catch {{ $_.Exception.Message }}") == [
        f"Exception calling \"CopyTo\" with \"1\" argument(s): \"The file '{tree}/copy.txt' already exists.\""]
    assert sh.run(f"$m = Get-Item copy.txt; $m.MoveTo('{tree}/moved.txt'); $m.Name; $m.Delete(); $m.Exists") == [
        "moved.txt", False]
    assert not (tree / "moved.txt").exists()
    assert sh.run("(Get-Item alpha).CreateSubdirectory('x/y').FullName") == [f"{tree}/alpha/x/y"]
    assert sh.run("try { (Get-Item alpha).Delete() } catch { $_.Exception.Message }") == [
        f"Exception calling \"Delete\" with \"0\" argument(s): \"Directory not empty : '{tree}/alpha'\""]
    sh.run("(Get-Item alpha).Delete($true)")
    assert not (tree / "alpha").exists()
    assert sh.run(f"$n = [System.IO.DirectoryInfo]::new('{tree}/made'); $n.Exists; $n.Create(); $n.Exists") == [
        False, True]


def test_filter_is_the_file_systems_alone(sh):
    assert sh.run("Get-ChildItem Env: -Filter P*; Get-Item Alias:gci -Filter g*") == []
    assert sh.error_ids() == ["NotSupported,Microsoft.PowerShell.Commands.GetChildItemCommand",
                              "NotSupported,Microsoft.PowerShell.Commands.GetItemCommand"]
    assert str(sh.errors()[0]) == "Cannot call method. The provider does not support the use of filters."


def test_attributes_are_a_file_attributes_value(sh):
    assert sh.text("(Get-Item c.txt).Attributes; (Get-Item .cache -Force).Attributes; (Get-Item link).Attributes") == [
        "Normal", "Hidden, Directory", "ReparsePoint"]
    assert sh.run("(Get-Item .cache -Force).Attributes.GetType().FullName; "
                  "Get-ChildItem -Force | Where-Object { $_.Attributes -band [IO.FileAttributes]::Hidden } | "
                  "ForEach-Object Name") == ["System.IO.FileAttributes", ".cache", ".secret"]


def test_unix_file_mode_is_dotnets_enum(sh):
    assert sh.text("(Get-Item c.txt).UnixFileMode; (Get-Item run.sh).UnixFileMode -band [IO.UnixFileMode]::UserExecute"
                   ) == ["OtherRead, GroupRead, UserWrite, UserRead", "UserExecute"]
    assert sh.run("(Get-Item c.txt).UnixFileMode.GetType().FullName") == ["System.IO.UnixFileMode"]


def test_hard_links_show_in_mode_and_link_type(sh, tree):
    os.link(tree / "c.txt", tree / "twin.txt")
    assert sh.run("$t = Get-Item twin.txt; $t.Mode; $t.ModeWithoutHardLink; $t.LinkType; (Get-Item B.log).LinkType"
                  ) == ["l----", "-----", "HardLink", None]


def test_accented_names_sort_next_to_their_letters(tmp_path):
    for name in ("zeta", "éclair", "eagle", "Émile", "apple"):
        (tmp_path / name).write_text("")
    sh = Shell(location=str(tmp_path))
    assert sh.run("Get-ChildItem -Name") == ["apple", "eagle", "éclair", "Émile", "zeta"]
    assert sh.run("Get-ChildItem * | ForEach-Object Name")[-1] == "zeta"
