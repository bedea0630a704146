"""Drives and providers: New-PSDrive, Get-PSDrive, Remove-PSDrive,
Get-PSProvider, and drive-qualified paths in the cmdlets that take paths,
in scripts and in Set-Location, on a temporary folder."""

from __future__ import annotations

import os
from typing import Any

import pytest

from helpers.session import Shell


@pytest.fixture
def sh(tmp_path) -> Shell:
    (tmp_path / "root").mkdir()
    shell = Shell(location=str(tmp_path))
    shell.run("$null = New-PSDrive -Name TestDrive -PSProvider FileSystem -Root ./root")
    return shell


def only_error(sh: Shell) -> Any:
    errors = sh.errors()
    assert len(errors) == 1, errors
    return errors[0]


# --- the drive table -----------------------------------------------------------------------------

def test_built_in_drives_are_those_of_pwsh_on_linux():
    names = Shell().text("Get-PSDrive | ForEach-Object Name")
    assert names == ["/", "Alias", "Env", "Function", "Temp", "Variable"]


def test_new_psdrive_outputs_the_drive_with_its_full_root(tmp_path):
    (tmp_path / "data").mkdir()
    sh = Shell(location=str(tmp_path))
    drive = sh.one("New-PSDrive Data FileSystem ./data -Description 'my data'")
    assert sh.run("$d = Get-PSDrive data; $d.Name; $d.Root; $d.Provider.Name; $d.Description") == [
        "Data", f"{tmp_path}/data", "FileSystem", "my data"]
    assert str(drive) == "Data"


def test_get_psdrive_table_has_pwsh_columns():
    lines = Shell().text("Get-PSDrive Env, Temp | Out-String -Stream")
    header = [line for line in lines if line.strip()][0]
    assert header.split() == ["Name", "Used", "(GB)", "Free", "(GB)", "Provider", "Root", "CurrentLocation"]
    env = next(line for line in lines if line.startswith("Env "))
    assert env.split() == ["Env", "Environment"]
    temp = next(line for line in lines if line.startswith("Temp "))
    assert temp.split()[3:5] == ["FileSystem", "/tmp/"]


def test_a_drive_that_exists_in_the_same_scope_is_drive_already_exists(sh):
    sh.run("New-PSDrive TestDrive FileSystem /")
    error = only_error(sh)
    assert str(error) == "A drive with the name 'TestDrive' already exists."
    assert error.fully_qualified_error_id == "DriveAlreadyExists,Microsoft.PowerShell.Commands.NewPSDriveCommand"
    assert str(error.category_info.category) == "ResourceExists"


def test_a_missing_root_is_drive_root_error():
    sh = Shell()
    sh.run("New-PSDrive Nope FileSystem /no/such/folder")
    error = only_error(sh)
    assert str(error) == 'The specified drive root "/no/such/folder" either does not exist, or it is not a folder.'
    assert error.fully_qualified_error_id == "DriveRootError,Microsoft.PowerShell.Commands.NewPSDriveCommand"
    assert sh.run("Test-Path Nope:") == [False]


def test_drive_names_with_separators_and_unknown_providers_are_refused():
    sh = Shell()
    sh.run("New-PSDrive a.b FileSystem /")
    assert "following characters that are not valid: ; ~ / \\ . :" in str(only_error(sh))
    sh.run("$Error.Clear(); New-PSDrive X NoSuchProvider /")
    error = only_error(sh)
    assert str(error) == "Cannot find a provider with the name 'NoSuchProvider'."
    assert error.fully_qualified_error_id == "ProviderNotFound,Microsoft.PowerShell.Commands.NewPSDriveCommand"


def test_get_psdrive_of_an_unknown_name_is_drive_not_found_and_wildcards_are_quiet():
    sh = Shell()
    assert sh.run("Get-PSDrive Nothing*") == []
    assert sh.errors() == []
    sh.run("Get-PSDrive Nothing")
    error = only_error(sh)
    assert str(error) == "Cannot find drive. A drive with the name 'Nothing' does not exist."
    assert error.fully_qualified_error_id == "GetDriveNoMatchingDrive,Microsoft.PowerShell.Commands.GetPSDriveCommand"


def test_get_psdrive_filters_by_provider():
    assert Shell().text("Get-PSDrive -PSProvider FileSystem | ForEach-Object Name") == ["/", "Temp"]


def test_remove_psdrive_removes_and_reports_unknown_names(sh):
    sh.run("Remove-PSDrive TestDrive")
    assert sh.run("Get-PSDrive -Name Test* | ForEach-Object Name") == []
    sh.run("Remove-PSDrive TestDrive")
    error = only_error(sh)
    assert error.fully_qualified_error_id == "DriveNotFound,Microsoft.PowerShell.Commands.RemovePSDriveCommand"


def test_removing_the_current_drive_needs_force(sh):
    sh.run("Set-Location TestDrive:; Remove-PSDrive TestDrive")
    error = only_error(sh)
    assert str(error) == "Cannot remove drive 'TestDrive' because it is in use."
    sh.run("Remove-PSDrive TestDrive -Force")
    assert sh.run("(Get-PSDrive Test*).Count") == [0]


def test_a_drive_made_in_a_function_belongs_to_its_scope(tmp_path):
    sh = Shell(location=str(tmp_path))
    sh.run("function f { $null = New-PSDrive Inner FileSystem / ; (Get-PSDrive Inner).Name }")
    assert sh.run("f") == ["Inner"]
    assert sh.run("Get-PSDrive Inner*") == []
    sh.run("function g { $null = New-PSDrive Outer FileSystem / -Scope Global }; g")
    assert sh.run("(Get-PSDrive Outer).Name") == ["Outer"]


def test_get_psprovider_lists_the_providers_with_their_drives():
    sh = Shell()
    assert sh.text("Get-PSProvider | ForEach-Object Name") == [
        "Alias", "Environment", "FileSystem", "Function", "Variable"]
    assert sh.text("(Get-PSProvider FileSystem).Capabilities") == ["Filter, ShouldProcess, Credentials"]
    assert sh.text("(Get-PSProvider Env*).Drives.Name") == ["Env"]
    sh.run("Get-PSProvider Nope")
    assert str(only_error(sh)) == "Cannot find a provider with the name 'Nope'."


# --- drive-qualified paths -----------------------------------------------------------------------

def test_content_cmdlets_take_drive_paths_with_either_separator(tmp_path, sh):
    sh.run("Set-Content TestDrive:\\out.txt 'one'; Add-Content testdrive:/out.txt 'two'")
    assert (tmp_path / "root" / "out.txt").read_text() == "one\ntwo\n"
    assert sh.run("Get-Content TESTDRIVE:\\out.txt") == ["one", "two"]
    sh.run("'three' | Out-File TestDrive:\\more.txt")
    assert (tmp_path / "root" / "more.txt").read_text() == "three\n"


def test_item_cmdlets_and_test_path_take_drive_paths(tmp_path, sh):
    sh.run("$null = New-Item -ItemType Directory TestDrive:\\sub; $null = New-Item TestDrive:\\sub\\a.txt")
    assert (tmp_path / "root" / "sub" / "a.txt").is_file()
    assert sh.run("Test-Path TestDrive:\\sub\\a.txt; Test-Path TestDrive:/sub -PathType Container") == [True, True]
    assert sh.run("(Get-ChildItem TestDrive:\\sub).Name") == ["a.txt"]
    assert sh.run("(Get-Item TestDrive:/sub/a.txt).FullName") == [f"{tmp_path}/root/sub/a.txt"]
    sh.run("Copy-Item TestDrive:\\sub\\a.txt TestDrive:\\b.txt; Remove-Item TestDrive:\\sub -Recurse")
    assert sorted(p.name for p in (tmp_path / "root").iterdir()) == ["b.txt"]


def test_resolve_path_keeps_the_drive_and_convert_path_gives_the_provider_path(tmp_path, sh):
    (tmp_path / "root" / "x.txt").write_text("")
    assert sh.text("Resolve-Path TestDrive:\\x.txt") == ["TestDrive:/x.txt"]
    assert sh.run("(Resolve-Path TestDrive:\\x.txt).ProviderPath") == [f"{tmp_path}/root/x.txt"]
    assert sh.run("Convert-Path TestDrive:\\x.txt") == [f"{tmp_path}/root/x.txt"]
    assert sh.run("Convert-Path TestDrive:") == [f"{tmp_path}/root"]


def test_missing_drive_paths_are_path_not_found_with_the_drive_path(sh):
    sh.run("Resolve-Path TestDrive:\\none.txt")
    assert str(only_error(sh)) == "Cannot find path 'TestDrive:/none.txt' because it does not exist."


def test_an_unknown_drive_is_drive_not_found(sh):
    sh.run("Get-Content nosuch:\\x")
    error = only_error(sh)
    assert str(error) == "Cannot find drive. A drive with the name 'nosuch' does not exist."
    assert error.fully_qualified_error_id == "DriveNotFound,Microsoft.PowerShell.Commands.GetContentCommand"


def test_scripts_on_a_drive_run_and_dot_source(tmp_path, sh):
    (tmp_path / "root" / "s.ps1").write_text("$ran = 'yes'; \"args: $args\"")
    assert sh.run("& 'TestDrive:\\s.ps1' 1 2") == ["args: 1 2"]
    assert sh.run(". TestDrive:/s.ps1; $ran") == ["args: ", "yes"]


def test_split_path_qualifier_and_join_path_keep_drive_text(sh):
    assert sh.run("Split-Path TestDrive:\\a\\b.txt -Qualifier") == ["TestDrive:"]
    assert sh.run("Join-Path TestDrive: a.txt") == ["TestDrive:/a.txt"]


# --- locations -----------------------------------------------------------------------------------

def test_set_location_on_a_drive_shows_the_drive_in_pwd(tmp_path, sh):
    (tmp_path / "root" / "sub").mkdir()
    assert sh.text("Set-Location TestDrive:; $PWD.Path") == ["TestDrive:/"]
    assert sh.text("Set-Location sub; $PWD.Path; (Get-Location).ProviderPath") == [
        "TestDrive:/sub", f"{tmp_path}/root/sub"]
    assert sh.text("(Get-Location).Drive.Name; (Get-Location).Provider.Name") == ["TestDrive", "FileSystem"]
    assert sh.text("Set-Location /; Set-Location TestDrive:; $PWD.Path") == ["TestDrive:/sub"]


def test_push_and_pop_location_return_to_the_drive(tmp_path, sh):
    assert sh.text("Set-Location TestDrive:; Push-Location /; Pop-Location; $PWD.Path") == ["TestDrive:/"]


def test_set_location_to_an_unknown_drive_is_drive_not_found(sh):
    sh.run("Set-Location nowhere:")
    error = only_error(sh)
    assert error.fully_qualified_error_id == "DriveNotFound,Microsoft.PowerShell.Commands.SetLocationCommand"


def test_session_drives_list_and_navigate():
    sh = Shell()
    assert sh.run("function Test-Me { 1 }; (Get-Item Function:\\Test-Me).Name") == ["Test-Me"]
    assert sh.run("(Get-ChildItem Function:Test-M*).Name") == ["Test-Me"]
    assert sh.run("$env:PWSHLIKE_DRIVE_TEST = 'v'; (Get-ChildItem Env:PWSHLIKE_DRIVE_*).Value") == ["v"]
    assert sh.text("Set-Location Function:; $PWD.Path; (Get-Item Test-Me).Name") == ["Function:/", "Test-Me"]
    assert "Test-Me" in sh.run("Get-ChildItem -Name")
    sh.run("Set-Location /")
    sh.run("Get-Item Env:NO_SUCH_VARIABLE_HERE")
    assert sh.error_ids() == ["PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand"]


# --- provider details ----------------------------------------------------------------------------

def test_an_unknown_provider_qualifier_is_provider_not_found():
    sh = Shell()
    sh.run("Get-Item NoSuchProvider::/x")
    error = only_error(sh)
    assert str(error) == "Cannot find a provider with the name 'NoSuchProvider'."
    assert error.fully_qualified_error_id == "ProviderNotFound,Microsoft.PowerShell.Commands.GetItemCommand"


def test_providers_separate_items_with_slash_and_backslash():
    assert Shell().run("$p = Get-PSProvider Variable; $p.ItemSeparator; $p.AltItemSeparator") == ["/", "\\"]


def test_path_not_found_stops_with_the_cmdlets_error_id(sh):
    assert sh.run("try { Convert-Path TestDrive:\\gone -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }") == [
        "PathNotFound,Microsoft.PowerShell.Commands.ConvertPathCommand"]


def test_get_item_of_a_dot_file_needs_force(tmp_path, sh):
    (tmp_path / "root" / ".secret").write_text("")
    assert sh.run("Get-Item TestDrive:\\.secret") == []
    assert str(only_error(sh)) == f"Could not find item {tmp_path}/root/.secret."
    assert sh.run("(Get-Item TestDrive:\\.secret -Force).Name") == [".secret"]


def test_resolve_path_relative_base_path_resolves_from_there(tmp_path, sh):
    (tmp_path / "root" / "x.txt").write_text("")
    assert sh.run(f"(Resolve-Path ./x.txt -RelativeBasePath '{tmp_path}/root').ProviderPath") == [
        f"{tmp_path}/root/x.txt"]
    assert sh.run(f"Resolve-Path ./x.txt -RelativeBasePath '{tmp_path}/root' -Relative") == ["./x.txt"]


def test_resolve_path_relative_keeps_paths_off_the_current_drive_whole(tmp_path, sh):
    (tmp_path / "root" / "x.txt").write_text("")
    assert sh.run(f"Set-Location TestDrive:; Resolve-Path '{tmp_path}' -Relative") == [str(tmp_path)]
    assert sh.run(f"Set-Location '{tmp_path}'; Resolve-Path TestDrive:\\x.txt -Relative") == ["./root/x.txt"]


def test_set_location_history_counts_every_move_even_to_the_same_place(tmp_path):
    sh = Shell(location=str(tmp_path))
    assert sh.text("Set-Location /; Set-Location /; Set-Location -; $PWD.Path") == ["/"]
    assert sh.text("Set-Location -; $PWD.Path") == [str(tmp_path)]


def test_location_and_drive_objects_have_their_pwsh_types(sh):
    assert sh.run("(Set-Location TestDrive: -PassThru) -is [System.Management.Automation.PathInfo]") == [True]
    assert sh.run("(Get-PSDrive TestDrive) -is [System.Management.Automation.PSDriveInfo]") == [True]
    assert sh.run("(Get-PSProvider Alias) -is [System.Management.Automation.ProviderInfo]") == [True]


def test_content_of_session_drive_items_is_their_value():
    sh = Shell()
    assert sh.run("$env:PWSHLIKE_CONTENT_T = 'abc'; Get-Content Env:PWSHLIKE_CONTENT_T") == ["abc"]
    assert sh.run("Set-Content Env:PWSHLIKE_CONTENT_NEW 'x1'; $env:PWSHLIKE_CONTENT_NEW") == ["x1"]
    assert sh.run("$v = 1, 2, 3; Get-Content Variable:v") == [1, 2, 3]
    assert sh.run("Set-Content Variable:w 5, 6; $w.Count") == [2]
    assert sh.run("function f { 42 }; (Get-Content Function:f).GetType().Name") == ["ScriptBlock"]


def test_add_content_on_a_session_drive_cannot_seek():
    sh = Shell()
    assert sh.run("$env:PWSHLIKE_CONTENT_A = 'a'; try { Add-Content Env:PWSHLIKE_CONTENT_A 'b' } "
                  "catch { $_.FullyQualifiedErrorId }; $env:PWSHLIKE_CONTENT_A") == [
        "ProviderSeekError,Microsoft.PowerShell.Commands.AddContentCommand", "a"]


def test_parent_of_a_drive_root_is_the_root(tmp_path, sh):
    (tmp_path / "root" / "a").mkdir()
    assert sh.text("Set-Location TestDrive:; Set-Location ..; $PWD.Path") == ["TestDrive:/"]
    assert sh.text("Set-Location a; Set-Location ../../a; $PWD.Path") == ["TestDrive:/a"]


def test_modules_load_from_drive_paths(tmp_path, sh):
    (tmp_path / "root" / "m.psm1").write_text("function Get-FromDrive { 'from drive' }\n")
    (tmp_path / "root" / "c.psm1").write_text("class OnDrive { [string] Hi() { return 'hi' } }\n")
    assert sh.run("Import-Module TestDrive:\\m.psm1; Get-FromDrive") == ["from drive"]
    assert sh.run("& ([scriptblock]::Create(\"using module TestDrive:\\c.psm1`n[OnDrive]::new().Hi()\"))") == ["hi"]


def test_items_name_their_drive_and_provider(tmp_path, sh):
    (tmp_path / "root" / "x.txt").write_text("")
    assert sh.text("Set-Location TestDrive:; $i = Get-Item x.txt; $i.PSDrive.Name; $i.PSProvider.Name") == [
        "TestDrive", "FileSystem"]


def test_drive_parameters_are_spelled_as_pwsh_spells_them():
    sh = Shell()
    assert "PSProvider" in sh.text("(Get-Command New-PSDrive).Parameters.Keys")
    assert "PSDrive" in sh.text("(Get-Command Get-Location).Parameters.Keys")
    assert sh.text("Get-Location -PSDrive Temp | ForEach-Object Path") == ["Temp:/"]


def test_tail_is_only_for_file_system_content():
    sh = Shell()
    assert sh.run("try { Get-Content Variable:\\PSHOME -Tail 1 -ErrorAction Stop } "
                  "catch { $_.FullyQualifiedErrorId; $_.Exception.Message }") == [
        "TailNotSupported,Microsoft.PowerShell.Commands.GetContentCommand",
        "The Tail parameter currently is supported only for the FileSystem provider."]
    assert sh.run("Push-Location Env:; try { Get-Content PATH -Tail 1 -ErrorAction Stop } "
                  "catch { $_.FullyQualifiedErrorId }; Pop-Location") == [
        "TailNotSupported,Microsoft.PowerShell.Commands.GetContentCommand"]


def test_get_item_of_a_session_drive_root_is_its_values_as_one_object():
    sh = Shell()
    assert sh.run("@(Get-Item Alias:).Count; (Get-Item Alias:).Count -gt 10") == [1, True]


def test_a_drives_name_and_root_are_read_only_its_description_is_not():
    sh = Shell()
    assert sh.run("$d = Get-PSDrive Temp; $d.Description = 'mine'; $d.Description") == ["mine"]
    sh.run("$d.Name = 'Other'")
    assert str(only_error(sh)) == "'Name' is a ReadOnly property."


def test_recursive_search_from_a_drive_qualified_pattern(tmp_path, sh):
    (tmp_path / "root" / "d").mkdir()
    (tmp_path / "root" / "d" / "a.txt").write_text("")
    (tmp_path / "root" / "b.log").write_text("")
    assert sh.run("Get-ChildItem TestDrive:*.txt -Recurse -Name") == ["d/a.txt"]
    assert sh.run("Get-ChildItem TestDrive:\\*.txt -Recurse -Name") == ["d/a.txt"]


def test_location_changed_action_sees_old_and_new_paths_and_its_errors_end_the_command(tmp_path):
    (tmp_path / "sub").mkdir()
    sh = Shell(location=str(tmp_path))
    sh.run("$seen = @(); $ExecutionContext.InvokeCommand.LocationChangedAction = "
           "{ $script:seen += $_.OldPath.Path, $_.NewPath.Path, ($this -eq [runspace]::DefaultRunspace) }")
    sh.run("Set-Location sub")
    assert sh.run("$seen") == [str(tmp_path), f"{tmp_path}/sub", True]
    sh.run("$ExecutionContext.InvokeCommand.LocationChangedAction = { throw 'Boom' }")
    assert sh.text("try { Set-Location .. } catch { \"caught $_\" }; $PWD.Path") == ["caught Boom", str(tmp_path)]


def test_cd_shortcut_functions_of_pwsh(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    sh = Shell(location=str(tmp_path / "a" / "b"))
    assert sh.text("cd..; $PWD.Path") == [f"{tmp_path}/a"]
    assert sh.text("cd\\; $PWD.Path") == ["/"]
    assert sh.text("cd~; $PWD.Path; (Get-Command cd..).Definition") == [os.path.expanduser("~"), "Set-Location .."]
