"""Get/Set/Add-Content, Test/Join/Split/Resolve-Path, Get-ChildItem,
Get-Item and the location cmdlets, on a temporary directory."""

from __future__ import annotations

import os
from typing import Any

import pytest

from helpers.session import Shell


@pytest.fixture
def sh(tmp_path) -> Shell:
    (tmp_path / "a.txt").write_bytes(b"one\ntwo\r\nthree\rfour\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.log").write_text("log\n")
    (tmp_path / "sub" / "deep").mkdir()
    (tmp_path / "sub" / "deep" / "c.log").write_text("c\n")
    (tmp_path / ".hidden").write_text("h\n")
    return Shell(location=str(tmp_path))


def only_error(sh: Shell) -> Any:
    errors = sh.errors()
    assert len(errors) == 1, errors
    return errors[0]


# --- Get-Content ----------------------------------------------------------------------------

def test_get_content_splits_lines_on_any_newline_without_a_trailing_empty_line(sh):
    assert sh.run("Get-Content a.txt") == ["one", "two", "three", "four"]
    assert sh.run("@(Get-Content empty.txt).Count; @(Get-Content empty.txt -Raw).Count") == [0, 0]


def test_get_content_raw_total_count_tail_and_read_count(sh):
    assert sh.run("Get-Content a.txt -Raw") == ["one\ntwo\r\nthree\rfour\n"]
    assert sh.run("Get-Content a.txt -TotalCount 2") == ["one", "two"]
    assert sh.run("Get-Content a.txt -Head 1; Get-Content a.txt -First 1") == ["one", "one"]
    assert sh.run("Get-Content a.txt -Tail 2") == ["three", "four"]
    assert sh.run("Get-Content a.txt -ReadCount 3") == [["one", "two", "three"], ["four"]]
    assert sh.run("Get-Content a.txt -ReadCount 0") == [["one", "two", "three", "four"]]


def test_get_content_delimiter_drops_the_delimiter(tmp_path, sh):
    (tmp_path / "d.txt").write_text("Hello,llllWorlld\n")
    assert sh.run("Get-Content d.txt -Delimiter ll") == ["He", "o,", "", "Wor", "d\n"]


def test_get_content_streams_so_select_first_stops_reading(tmp_path, sh):
    (tmp_path / "big.txt").write_text("".join(f"line{i}\n" for i in range(200000)))
    assert sh.run("Get-Content big.txt | Select-Object -First 2") == ["line0", "line1"]


def test_get_content_missing_file_is_path_not_found(tmp_path, sh):
    assert sh.run("Get-Content nope.txt; 'after'") == ["after"]
    error = only_error(sh)
    assert str(error) == f"Cannot find path '{tmp_path}/nope.txt' because it does not exist."
    assert error.fully_qualified_error_id == "PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand"
    assert str(error.category_info.category) == "ObjectNotFound"
    assert error.exception.full_name == "System.Management.Automation.ItemNotFoundException"


def test_get_content_directory_and_unmatched_wildcard_errors(tmp_path, sh):
    sh.run("Get-Content sub")
    error = only_error(sh)
    assert str(error) == (f"Unable to get content because it is a directory: '{tmp_path}/sub'. "
                          "Please use 'Get-ChildItem' instead.")
    assert error.fully_qualified_error_id == "GetContainerContentException,Microsoft.PowerShell.Commands.GetContentCommand"
    sh.run("$Error.Clear(); Get-Content zz*.txt")
    error = only_error(sh)
    assert error.fully_qualified_error_id == "ItemNotFound,Microsoft.PowerShell.Commands.GetContentCommand"
    assert str(error) == ("An object at the specified path zz*.txt does not exist, or has been filtered by the "
                          "-Include or -Exclude parameter.")


def test_get_content_parameter_conflicts(sh):
    sh.run("Get-Content a.txt -Tail 1 -TotalCount 1")
    error = only_error(sh)
    assert error.fully_qualified_error_id == "TailAndHeadCannotCoexist,Microsoft.PowerShell.Commands.GetContentCommand"
    assert str(error) == "The parameters TotalCount and Tail cannot be used together. Please specify only one parameter."
    sh.run("$Error.Clear(); Get-Content a.txt -Raw -Tail 1")
    assert str(only_error(sh)) == "The 'Raw' and 'Tail' parameters cannot be specified in the same command."
    sh.run("$Error.Clear(); Get-Content a.txt -TotalCount -2")
    assert only_error(sh).fully_qualified_error_id == \
        "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetContentCommand"


def test_get_content_wildcards_literal_path_and_pipeline_by_item(tmp_path, sh):
    (tmp_path / "[x].txt").write_text("bracket\n")
    assert sh.run("Get-Content *.txt -Exclude a.txt") == ["bracket"]
    assert sh.run("Get-Content -LiteralPath '[x].txt'") == ["bracket"]
    assert sh.run("Get-ChildItem sub -File | Get-Content") == ["log"]


def test_get_content_encodings_and_byte_stream(tmp_path, sh):
    (tmp_path / "u16.txt").write_bytes("\ufeffhé\n".encode("utf-16-le"))
    assert sh.run("Get-Content u16.txt") == ["hé"]
    (tmp_path / "latin.txt").write_bytes("hé".encode("utf-16-be"))
    assert sh.run("Get-Content latin.txt -Encoding BigEndianUnicode") == ["hé"]
    assert [int(b) for b in sh.run("Get-Content a.txt -AsByteStream -TotalCount 3")] == [111, 110, 101]


# --- Set-Content / Add-Content --------------------------------------------------------------

def test_set_and_add_content(tmp_path, sh):
    assert sh.run("'a','b' | Set-Content out.txt; Add-Content out.txt 'c' -PassThru") == ["c"]
    assert (tmp_path / "out.txt").read_bytes() == b"a\nb\nc\n"
    sh.run("Set-Content out.txt x -NoNewline; Add-Content out.txt 1,2 -NoNewline")
    assert (tmp_path / "out.txt").read_bytes() == b"x12"
    sh.run("Set-Content bom.txt 'é' -Encoding utf8BOM; Add-Content bom.txt 'z'")
    assert (tmp_path / "bom.txt").read_bytes() == b"\xef\xbb\xbf\xc3\xa9\nz\n"
    sh.run("Set-Content u.txt hi -Encoding Unicode")
    assert (tmp_path / "u.txt").read_bytes() == b"\xff\xfeh\x00i\x00\n\x00"


def test_set_content_whatif_and_missing_directory(tmp_path, sh):
    sh.run("Set-Content w.txt x -WhatIf")
    assert not (tmp_path / "w.txt").exists()
    assert ("line", f'What if: Performing the operation "Set Content" on target "Path: {tmp_path}/w.txt".') \
        in sh.host.lines
    sh.run("Set-Content nodir/x.txt 1")
    error = only_error(sh)
    assert str(error) == f"Could not find a part of the path '{tmp_path}/nodir/x.txt'."
    assert error.fully_qualified_error_id == \
        "GetContentWriterDirectoryNotFoundError,Microsoft.PowerShell.Commands.SetContentCommand"


def test_set_content_rejects_unknown_encoding(sh):
    sh.run("Set-Content x.txt 1 -Encoding bogus")
    assert "'bogus' is not a supported encoding name." in str(only_error(sh))


# --- Test-Path / Join-Path / Split-Path / Resolve-Path --------------------------------------

def test_test_path(sh):
    assert sh.run("Test-Path a.txt, nope, '', '  '") == [True, False, False, False]
    assert sh.run("Test-Path sub -PathType Container; Test-Path sub -PathType Leaf; "
                  "Test-Path a.txt -PathType Leaf; Test-Path s*; Test-Path -LiteralPath s*") == \
        [True, False, True, True, False]
    assert sh.run("Test-Path '/x/y' -IsValid; Test-Path 'nodrive:/x' -IsValid") == [True, False]
    assert sh.run("$env:PWSHLIKE_T = 1; Test-Path env:PWSHLIKE_T; Test-Path env:PWSHLIKE_NOPE; "
                  "Test-Path variable:PWD; Test-Path function:nope") == [True, False, True, False]


def test_test_path_null_is_a_non_terminating_error(sh):
    assert sh.run("Test-Path $null; 'next'") == ["next"]
    error = only_error(sh)
    assert error.fully_qualified_error_id == "NullPathNotPermitted,Microsoft.PowerShell.Commands.TestPathCommand"
    assert str(error) == "Value cannot be null. (Parameter 'The provided Path argument was null or an empty collection.')"


def test_join_path(tmp_path, sh):
    assert sh.run("Join-Path a b c d; Join-Path /x/ /y; Join-Path a\\b c") == \
        ["a/b/c/d", "/x/y", "a/b/c"]
    assert sh.run("Join-Path . sub -Resolve") == [f"{tmp_path}/sub"]
    assert sorted(sh.run("Join-Path sub *.log -Resolve")) == [f"{tmp_path}/sub/b.log"]
    sh.run("Join-Path Bogus Path -Resolve")
    error = only_error(sh)
    assert error.fully_qualified_error_id == "PathNotFound,Microsoft.PowerShell.Commands.JoinPathCommand"
    assert str(error) == f"Cannot find path '{tmp_path}/Bogus/Path' because it does not exist."


@pytest.mark.parametrize("args, expected", [
    ("/usr/bin", "/usr"), ("/usr", "/"), ("/", ""), ("usr/local/bin", "usr/local"), ("bin", ""),
    ("/usr/bin/", "/usr"), ("C:\\Temp\\Folder1", "C:/Temp"), ("C:\\", ""),
    ("\\\\server1\\share1\\folder", "//server1/share1"),
])
def test_split_path_parent(sh, args, expected):
    assert sh.run(f"Split-Path '{args}'") == [expected]


def test_split_path_switches(sh):
    assert sh.run("Split-Path /usr/bin -Leaf; Split-Path a/b.tar.gz -LeafBase; Split-Path a/b.txt -Extension; "
                  "Split-Path env:PATH -Qualifier; Split-Path env:PATH -NoQualifier; "
                  "Split-Path /usr -IsAbsolute; Split-Path ./x -IsAbsolute; 'usr/bin' | Split-Path") == \
        ["bin", "b.tar", ".txt", "env:", "PATH", True, False, "usr"]
    sh.run("Split-Path /Users -Qualifier")
    error = only_error(sh)
    assert error.fully_qualified_error_id == "ParsePathFormatError,Microsoft.PowerShell.Commands.SplitPathCommand"
    assert str(error) == "Cannot parse path because path '/Users' does not have a qualifier specified."


def test_resolve_path(tmp_path, sh):
    paths = sh.run("Resolve-Path *.txt")
    assert [p.path for p in paths] == [f"{tmp_path}/a.txt", f"{tmp_path}/empty.txt"]
    assert paths[0].__class__.full_name == "System.Management.Automation.PathInfo"
    assert sh.text("Resolve-Path a.txt") == [f"{tmp_path}/a.txt"]
    assert sh.run("Resolve-Path a.txt -Relative; Set-Location sub; Resolve-Path ../a.txt -Relative") == \
        ["./a.txt", "../a.txt"]
    sh.run("Resolve-Path nope")
    error = only_error(sh)
    assert error.fully_qualified_error_id == "PathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand"


# --- Get-ChildItem / Get-Item ---------------------------------------------------------------

def test_get_child_item_lists_items_without_hidden_ones(sh):
    # pwsh lists a folder's folders first, then its files.
    assert sh.run("Get-ChildItem -Name") == ["sub", "a.txt", "empty.txt"]
    assert sh.run("Get-ChildItem -Name -Force")[1] == ".hidden"
    assert sh.run("Get-ChildItem -Name -File") == ["a.txt", "empty.txt"]
    assert sh.run("Get-ChildItem -Name -Directory") == ["sub"]
    assert sh.run("Get-ChildItem -Name -Hidden") == [".hidden"]
    assert sh.run("Get-ChildItem -Filter *.txt -Exclude a* -Name") == ["empty.txt"]


def test_get_child_item_recurse_depth_and_pattern(sh):
    assert sh.run("Get-ChildItem sub -Recurse -Name") == ["deep", "b.log", "deep/c.log"]
    assert sh.run("Get-ChildItem sub -Depth 0 -Name") == ["deep", "b.log"]
    # With a pattern pwsh walks the tree itself: a folder's items come right after the folder,
    # before the files next to it.
    assert sh.run("Get-ChildItem *.log -Recurse | ForEach-Object Name") == ["c.log", "b.log"]


def test_file_and_directory_items(tmp_path, sh):
    item = sh.run("Get-Item a.txt")[0]
    assert sh.run("$i = Get-Item a.txt; $i.Name; $i.BaseName; $i.Extension; $i.Length; $i.FullName; "
                  "$i.DirectoryName; $i.Mode; $i.PSIsContainer; $i -is [System.IO.FileInfo]; "
                  "$i -is [System.IO.FileSystemInfo]; $i.Directory.Name; \"$i\"") == \
        ["a.txt", "a", ".txt", 20, f"{tmp_path}/a.txt", str(tmp_path), "-----", False, True, True,
         tmp_path.name, f"{tmp_path}/a.txt"]
    assert item.__class__.__name__ == "FileInfo"
    assert sh.run("$d = Get-Item sub; $d.Mode; $d.PSIsContainer; $d.Parent.FullName; $d.PSParentPath") == \
        ["d----", True, str(tmp_path), f"Microsoft.PowerShell.Core\\FileSystem::{tmp_path}"]
    assert sh.run("(Get-Item -Force .hidden).Mode; (Get-Item a.txt).LastWriteTime.GetType().FullName") == \
        ["---h-", "System.DateTime"]
    assert sh.run("(Get-Item a.txt).PSObject.TypeNames") == \
        ["System.IO.FileInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object"]


def test_get_item_and_get_child_item_missing_path(tmp_path, sh):
    sh.run("Get-ChildItem nope")
    assert only_error(sh).fully_qualified_error_id == "PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand"
    sh.run("$Error.Clear(); Get-Item nope; Get-Item zz*")
    error = only_error(sh)
    assert error.fully_qualified_error_id == "PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand"
    assert str(error) == f"Cannot find path '{tmp_path}/nope' because it does not exist."


# --- locations ------------------------------------------------------------------------------

def test_set_location_changes_location_pwd_and_relative_resolution(tmp_path, sh):
    assert sh.run("Set-Location sub; $PWD.Path; (Get-Location).Path; Get-Content b.log") == \
        [f"{tmp_path}/sub", f"{tmp_path}/sub", "log"]
    assert sh.context.session.location == f"{tmp_path}/sub"
    assert sh.run("cd ..; cd -; $PWD.Path; cd +; $PWD.Path") == [f"{tmp_path}/sub", str(tmp_path)]
    assert sh.run("Set-Location sub -PassThru | ForEach-Object Path") == [f"{tmp_path}/sub"]
    assert sh.run("Set-Location; $PWD.Path") == [os.path.expanduser("~")]


def test_set_location_errors(tmp_path, sh):
    sh.run("Set-Location nope")
    error = only_error(sh)
    assert error.fully_qualified_error_id == "PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand"
    assert str(error) == f"Cannot find path '{tmp_path}/nope' because it does not exist."
    assert sh.context.session.location == str(tmp_path)
    # The failed move is on the history (pwsh records before it resolves): '-' stays; with
    # the history empty, a second '-' is a terminating error (try/catch sees it).
    assert sh.run("$Error.Clear(); Set-Location -; try { Set-Location - } catch { 'caught' }") == ["caught"]
    error = only_error(sh)
    assert error.fully_qualified_error_id == \
        "System.InvalidOperationException,Microsoft.PowerShell.Commands.SetLocationCommand"
    assert str(error) == "There is no location history left to navigate backwards."


def test_push_and_pop_location_with_named_stacks(tmp_path, sh):
    assert sh.run("Push-Location sub; $PWD.Path; Push-Location deep -StackName s2; $PWD.Path; "
                  "(Get-Location -StackName s2).Path; Pop-Location -StackName s2; $PWD.Path; "
                  "Pop-Location -PassThru | ForEach-Object Path") == \
        [f"{tmp_path}/sub", f"{tmp_path}/sub/deep", f"{tmp_path}/sub", f"{tmp_path}/sub", str(tmp_path)]
    assert sh.run("Pop-Location; $PWD.Path") == [str(tmp_path)]
    assert sh.errors() == []
    sh.run("Pop-Location -StackName nope")
    error = only_error(sh)
    assert error.fully_qualified_error_id == "Argument,Microsoft.PowerShell.Commands.PopLocationCommand"
    assert str(error) == "Cannot find location stack 'nope'. It does not exist or it is not a container."


def test_set_content_on_a_directory_is_write_container_content(tmp_path, sh):
    sh.run("Set-Content sub 'x'")
    error = only_error(sh)
    assert str(error) == f"Unable to write content because it is a directory: '{tmp_path}/sub'."
    assert error.fully_qualified_error_id == \
        "WriteContainerContentException,Microsoft.PowerShell.Commands.SetContentCommand"
    assert str(error.category_info.category) == "InvalidOperation"


def test_set_content_into_a_missing_folder_is_reported_in_dotnet_words(tmp_path):
    shell = Shell(location=str(tmp_path))
    shell.run("Set-Content ./nowhere/a.txt -Value 1")
    assert str(shell.errors()[0]) == f"Could not find a part of the path '{tmp_path}/nowhere/a.txt'."
