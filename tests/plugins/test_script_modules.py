"""Script modules: .psm1 files, Export-ModuleMember, .psd1 manifests, the
module path, and their removal."""

from __future__ import annotations

import textwrap

import pytest

IMPORT = "Microsoft.PowerShell.Commands.ImportModuleCommand"

TOOLS = """
    $script:calls = 0
    function Get-Thing { param([string]$Name = 'x') $script:calls++; "thing $Name $(Get-Helper) $script:calls" }
    function Get-Helper { 'helped' }
    function Set-Thing { 'set' }
    New-Alias -Name gth -Value Get-Thing
    $Shared = 'shared value'
    "loading with $($args -join '+')"
"""


def _write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


@pytest.fixture
def tools(tmp_path):
    return _write(tmp_path / "Tools.psm1", TOOLS)


def test_a_psm1_exports_its_functions_and_aliases(env, tools):
    session = env.session()
    assert session.text(f"Import-Module '{tools}' -ArgumentList a, b") == ["loading with a+b"]
    assert session.text("Get-Thing one; gth two; Set-Thing; Get-Helper") == [
        "thing one helped 1", "thing two helped 2", "set", "helped"]
    assert session.text("(Get-Module Tools).ModuleType; (Get-Command Get-Thing).Source") == ["Script", "Tools"]
    assert session.run("$Shared") == [None], "variables are not exported by default"


def test_module_functions_run_in_the_module_scope(env, tools):
    session = env.session()
    out = session.text(f"Import-Module '{tools}'; $calls = 100; function Get-Helper {{ 'caller' }}; "
                       "Get-Thing; Get-Thing; $calls")
    assert out == ["loading with ", "thing x helped 1", "thing x helped 2", "100"]


def test_export_module_member_chooses_what_is_exported(env, tmp_path):
    module = _write(tmp_path / "Picky.psm1", TOOLS + "\nExport-ModuleMember -Function Get-T* -Variable Shared\n")
    session = env.session()
    session.run(f"Import-Module '{module}'")
    assert session.text("Get-Thing; $Shared") == ["thing x helped 1", "shared value"]
    session.run("Set-Thing; gth")
    assert session.error_ids() == ["CommandNotFoundException", "CommandNotFoundException"]
    assert session.text("(Get-Module Picky).ExportedFunctions.Keys; (Get-Module Picky).ExportedVariables.Keys") == [
        "Get-Thing", "Shared"]


def test_export_module_member_outside_a_module(env):
    session = env.session()
    assert session.text("Export-ModuleMember -Function x; 'next statement'") == ["next statement"]
    [record] = session.errors()
    assert record.fully_qualified_error_id == ("Modules_CanOnlyExecuteExportModuleMemberInsideAModule,"
                                               "Microsoft.PowerShell.Commands.ExportModuleMemberCommand")
    assert str(record) == "The Export-ModuleMember cmdlet can only be called from inside a module."
    assert str(record.category_info.category) == "PermissionDenied"


def test_a_manifest_names_the_root_module_version_and_exports(env, tmp_path, tools):
    manifest = _write(tmp_path / "Tools.psd1", """
        @{
            RootModule = 'Tools.psm1'
            ModuleVersion = '1.2.3'
            FunctionsToExport = @('Get-Thing')
            Description = 'Things, and helpers for them'
            Author = 'Me'
            GUID = '0c6d2b8a-1d2f-4c5b-9a3e-0f0e1d2c3b4a'
        }
    """)
    session = env.session()
    [module] = session.run(f"Import-Module '{manifest}' -PassThru | Where-Object {{ $_ -is [psmoduleinfo] }}")
    assert (module.name, str(module.version), str(module.module_type), module.path) == (
        "Tools", "1.2.3", "Script", str(tools))
    assert (module.description, module.author, str(module.guid)) == (
        "Things, and helpers for them", "Me", "0c6d2b8a-1d2f-4c5b-9a3e-0f0e1d2c3b4a")
    assert session.text("Get-Thing; gth") == ["thing x helped 1", "thing x helped 2"]
    session.run("Set-Thing")
    assert session.error_ids() == ["CommandNotFoundException"]


def test_manifest_export_lists_narrow_what_the_root_module_exports(env, tmp_path, tools):
    manifest = _write(tmp_path / "Tools.psd1", """
        @{ RootModule = 'Tools.psm1'; ModuleVersion = '1.0'; FunctionsToExport = '*'; AliasesToExport = @() }
    """)
    session = env.session()
    session.run(f"Import-Module '{manifest}'")
    assert session.text("Set-Thing") == ["set"]
    session.run("gth")
    assert session.error_ids() == ["CommandNotFoundException"]


@pytest.mark.parametrize("content, message", [
    ("@{ RootModule = 'Tools.psm1' }", "The member 'ModuleVersion' is not present in the module manifest."),
    ("@{ ModuleVersion = (Get-Date) }", "could not be processed because it is not a valid PowerShell module "
                                        "manifest file. Remove the elements that are not permitted"),
    ("Remove-Item /", "could not be processed because it is not a valid PowerShell module manifest file."),
])
def test_invalid_manifests(env, tmp_path, content, message):
    manifest = _write(tmp_path / "Bad.psd1", content)
    session = env.session()
    session.run(f"Import-Module '{manifest}'")
    [record] = session.errors()
    assert record.fully_qualified_error_id == f"Modules_InvalidManifest,{IMPORT}"
    assert message in str(record)


def test_manifest_only_module(env, tmp_path):
    manifest = _write(tmp_path / "Meta.psd1", "@{ ModuleVersion = '0.1'; Description = $null; Tags = 'a', 'b' }")
    session = env.session()
    assert session.text(f"(Import-Module '{manifest}' -PassThru).ModuleType") == ["Manifest"]


def test_modules_in_the_module_path_import_by_name_and_autoload(env, tmp_path):
    root = tmp_path / "modules"
    _write(root / "Tools" / "1.0.0" / "Tools.psm1", TOOLS)
    _write(root / "Tools" / "1.0.0" / "Tools.psd1", "@{ RootModule = 'Tools.psm1'; ModuleVersion = '1.0.0' }")
    _write(root / "Tools" / "2.0.0" / "Tools.psm1", TOOLS.replace("'set'", "'set v2'"))
    _write(root / "Tools" / "2.0.0" / "Tools.psd1", "@{ RootModule = 'Tools.psm1'; ModuleVersion = '2.0.0' }")
    session = env.session()
    assert session.text("Set-Thing; (Get-Module).Version.ToString()") == ["set v2", "2.0.0"], "autoloaded, newest"
    session.run("Remove-Module Tools")
    assert session.text("Import-Module Tools -RequiredVersion 1.0.0; Set-Thing") == ["loading with ", "set"]
    listed = session.text("Get-Module -ListAvailable Tools | ForEach-Object { $_.Version.ToString() }")
    assert sorted(listed) == ["1.0.0", "2.0.0"]


def test_prefix_applies_to_functions_and_aliases(env, tools):
    session = env.session()
    session.run(f"Import-Module '{tools}' -Prefix My")
    assert session.text("Get-MyThing; Mygth") == ["thing x helped 1", "thing x helped 2"]
    session.run("Get-Thing")
    assert session.error_ids() == ["CommandNotFoundException"]


def test_remove_module_removes_functions_aliases_and_variables(env, tmp_path):
    module = _write(tmp_path / "Picky.psm1", TOOLS + "\nExport-ModuleMember -Function Get-Thing -Alias gth "
                                                     "-Variable Shared\n")
    session = env.session()
    session.run(f"Import-Module '{module}'; Remove-Module Picky; Get-Thing; gth")
    assert session.error_ids() == ["CommandNotFoundException", "CommandNotFoundException"]
    assert session.run("$Shared; Get-Module") == [None]


def test_force_runs_the_module_again(env, tools):
    session = env.session()
    out = session.text(f"Import-Module '{tools}'; Get-Thing; Import-Module '{tools}'; Get-Thing; "
                       f"Import-Module '{tools}' -Force; Get-Thing")
    assert out == ["loading with ", "thing x helped 1", "thing x helped 2", "loading with ", "thing x helped 1"]


def test_local_scope_import(env, tools):
    session = env.session()
    out = session.text(f"& {{ Import-Module '{tools}' -Scope Local; Get-Thing }}; "
                       "Get-Command Get-Thing -ErrorAction SilentlyContinue | ForEach-Object Name")
    assert out == ["loading with ", "thing x helped 1"]


def test_a_module_folder_path_and_missing_files(env, tmp_path, tools):
    session = env.session()
    assert session.text(f"(Import-Module '{tmp_path}' -PassThru -ErrorAction SilentlyContinue).Name") == [""]
    [record] = session.errors()
    assert record.fully_qualified_error_id == f"Modules_ModuleNotFound,{IMPORT}"
    folder = tmp_path / "Tools"
    folder.mkdir()
    tools.rename(folder / "Tools.psm1")
    assert session.text(f"(Import-Module '{folder}' -PassThru).Name") == ["Tools"]
    session.run(f"Import-Module '{tmp_path / 'missing.psm1'}'")
    assert session.error_ids()[-1] == f"Modules_ModuleNotFound,{IMPORT}"


def test_an_unsupported_extension(env, tmp_path):
    notes = _write(tmp_path / "notes.txt", "hello")
    session = env.session()
    session.run(f"Import-Module '{notes}'")
    [record] = session.errors()
    assert record.fully_qualified_error_id == f"Modules_InvalidModuleExtension,{IMPORT}"
    assert str(record).startswith("The extension '.txt' is not a valid module extension.")


def test_a_module_path_entry_written_with_backslashes_is_searched(env, tmp_path, monkeypatch):
    _write(tmp_path / "extra" / "Sub" / "CASED" / "CASED.psm1", "function Get-Cased { 'cased' }\n")
    monkeypatch.setenv("PSModulePath", str(tmp_path / "extra") + "\\Sub")
    session = env.session()
    assert session.text("Import-Module cased; Get-Cased; (Get-Module cased).Name") == ["cased", "CASED"]


def test_list_available_all_lists_every_module_file(env, tmp_path, monkeypatch):
    _write(tmp_path / "mods" / "Zoo" / "Zoo.psd1", "@{ ModuleVersion = '1.0' }\n")
    _write(tmp_path / "mods" / "Zoo" / "Zoo.psm1", "")
    _write(tmp_path / "mods" / "Zoo" / "Too" / "Zoo.psm1", "")
    _write(tmp_path / "mods" / "Bar" / "Download" / "Download.psm1", "")
    monkeypatch.setenv("PSModulePath", str(tmp_path / "mods"))
    session = env.session()
    assert session.text("Get-Module zoo, down* -ListAvailable | ForEach-Object Name") == ["Zoo"]
    listed = session.text("Get-Module zoo, down* -ListAvailable -All | Sort-Object Name, Path | "
                          "ForEach-Object { $_.Name + ' ' + $_.ModuleType + ' ' + $_.Path }")
    mods = tmp_path / "mods"
    assert listed == [f"Download Script {mods}/Bar/Download/Download.psm1", f"Zoo Script {mods}/Zoo/Too/Zoo.psm1",
                      f"Zoo Manifest {mods}/Zoo/Zoo.psd1", f"Zoo Script {mods}/Zoo/Zoo.psm1"]
