"""Get-Module -FullyQualifiedName: module specifications by name or path
with GUID and version bounds."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.fixture
def shell(tmp_path, monkeypatch):
    monkeypatch.setenv("PSModulePath", str(tmp_path / "Modules"))
    for folder in ("Foo/1.1", "Foo/2.0", "Bar"):
        (tmp_path / "Modules" / folder).mkdir(parents=True)
    session = Shell(location=str(tmp_path))
    session.run("New-ModuleManifest ./Modules/Foo/1.1/Foo.psd1 -ModuleVersion 1.1; "
                "New-ModuleManifest ./Modules/Foo/2.0/Foo.psd1 -ModuleVersion 2.0; "
                "New-ModuleManifest ./Modules/Bar/Bar.psd1 -Guid 11111111-2222-3333-4444-555555555555")
    return session


def _listed(shell, spec: str) -> list[str]:
    return shell.text(f"Get-Module -FullyQualifiedName {spec} -ListAvailable | "
                      "ForEach-Object { \"$($_.Name) $($_.Version)\" }")


def test_version_bounds(shell):
    assert _listed(shell, "@{ModuleName='foo'; ModuleVersion='2.0'}") == ["Foo 2.0"]
    assert _listed(shell, "@{ModuleName='Foo'; RequiredVersion='1.1'}") == ["Foo 1.1"]
    assert _listed(shell, "@{ModuleName='Foo'; MaximumVersion='1.*'}") == ["Foo 1.1"]


def test_paths_and_guids(shell):
    assert _listed(shell, "@{ModuleName=\"$PWD/Modules\\Foo\"; RequiredVersion='2.0'}") == ["Foo 2.0"]
    assert _listed(shell, "./Modules/Foo/1.1/Foo.psd1") == ["Foo 1.1"]
    assert _listed(shell, "@{ModuleName='Bar'; GUID='11111111-2222-3333-4444-555555555555'; ModuleVersion='0.0.1'}") \
        == ["Bar 0.0.1"]
    assert _listed(shell, "@{ModuleName='Bar'; GUID='99999999-2222-3333-4444-555555555555'; ModuleVersion='0.0.1'}") \
        == []


def test_imported_modules_and_a_bad_key(shell):
    assert shell.text("Import-Module Bar; (Get-Module -FullyQualifiedName Bar).Name") == ["Bar"]
    assert shell.run("Get-Module -FullyQualifiedName @{ModuleName='Bar'; ModuleVersion='9.0'}") == []
    shell.run("Get-Module -FullyQualifiedName @{Name='Bar'}")
    assert "which is not valid in a module specification" in str(shell.errors()[0])


def test_list_available_by_path_outside_the_module_path(shell, tmp_path):
    for version in ("1.2.3", "4.8.3"):
        (tmp_path / "Elsewhere" / "Mod" / version).mkdir(parents=True)
        shell.run(f"New-ModuleManifest ./Elsewhere/Mod/{version}/Mod.psd1 -ModuleVersion {version}")
    assert shell.text("Get-Module -ListAvailable ./Elsewhere/Mod | ForEach-Object { \"$($_.Version)\" }") == [
        "1.2.3", "4.8.3"]
    assert _listed(shell, "@{ModuleName=\"$PWD/Elsewhere/Mod\"; ModuleVersion='2.0'}") == ["Mod 4.8.3"]
    assert _listed(shell, "@{ModuleName=\"$PWD/Elsewhere/Mod\"; MaximumVersion='2.0'}") == ["Mod 1.2.3"]
    assert shell.text("Get-Module -ListAvailable \"$PWD\\Modules\\*\" | ForEach-Object { $_.Name }") == [
        "Bar", "Foo", "Foo"]


def test_ps_edition_lists_modules_that_name_it(shell, tmp_path):
    for name, editions in (("DeskOnly", "Desktop"), ("CoreOnly", "Core"), ("Both", "Core, Desktop")):
        (tmp_path / "Modules" / name).mkdir()
        shell.run(f"New-ModuleManifest ./Modules/{name}/{name}.psd1 -CompatiblePSEditions {editions}")
    assert shell.text("(Get-Module -PSEdition Core -ListAvailable).Name -join ','") == ["Both,CoreOnly"]
    assert shell.text("(Get-Module -PSEdition Desktop -ListAvailable -Refresh).Name -join ','") == ["Both,DeskOnly"]
    assert shell.text("(Get-Module -ListAvailable Both).CompatiblePSEditions -join '+'") == ["Core+Desktop"]


def test_import_a_module_folder_of_version_folders(shell):
    assert shell.text("(Import-Module ./Modules/Foo/ -PassThru).Version.ToString()") == ["2.0"]
    assert shell.text("(Import-Module ./Modules/Foo -RequiredVersion 1.1 -Force -PassThru).Version.ToString()") \
        == ["1.1"]
