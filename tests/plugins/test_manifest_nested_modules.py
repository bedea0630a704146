"""A manifest's ScriptsToProcess (run in the caller's scope first) and
NestedModules (imported into the module's own session state, their
exports passed on as the module's)."""

from __future__ import annotations

from helpers.session import Shell

INNER = 'function Get-Inner { "inner" }\nfunction Hidden-Inner { }\nExport-ModuleMember -Function Get-Inner\n'


def test_scripts_to_process_run_in_the_callers_scope_before_nested_modules(tmp_path):
    (tmp_path / "first.ps1").write_text("$order += 'first'\n")
    (tmp_path / "second.ps1").write_text("$order += 'second'\n")
    shell = Shell(location=str(tmp_path))
    shell.run("New-ModuleManifest inner.psd1 -ScriptsToProcess first.ps1; "
              "New-ModuleManifest outer.psd1 -ScriptsToProcess second.ps1 -NestedModules inner.psd1")
    assert shell.text("$order = @(); Import-Module ./outer.psd1; $order -join ','") == ["second,first"]
    assert shell.text("(Get-Module).Name") == ["outer"]


def test_nested_module_exports_serve_the_root_module_and_are_passed_on(tmp_path):
    (tmp_path / "Inner.psm1").write_text(INNER)
    (tmp_path / "Outer.psm1").write_text('function Get-Outer { "outer+" + (Get-Inner) }\n')
    shell = Shell(location=str(tmp_path))
    shell.run("New-ModuleManifest Outer.psd1 -RootModule Outer.psm1 -NestedModules Inner")
    assert shell.text("$m = Import-Module ./Outer.psd1 -PassThru; $m.ExportedFunctions.Keys | Sort-Object; "
                      "Get-Outer; Get-Inner") == ["Get-Inner", "Get-Outer", "outer+inner", "inner"]
    shell.run("Hidden-Inner")
    shell.run("Remove-Module Outer; Get-Inner")
    assert shell.error_ids() == ["CommandNotFoundException", "CommandNotFoundException"]


def test_a_manifest_of_nested_modules_only(tmp_path):
    (tmp_path / "Inner.psm1").write_text(INNER)
    shell = Shell(location=str(tmp_path))
    shell.run("New-ModuleManifest Bundle.psd1 -NestedModules Inner.psm1")
    assert shell.text("$m = Import-Module ./Bundle.psd1 -PassThru; $m.ModuleType; Get-Inner") == [
        "Manifest", "inner"]


def test_a_missing_nested_module_fails_the_import(tmp_path):
    shell = Shell(location=str(tmp_path))
    shell.run("New-ModuleManifest Broken.psd1 -NestedModules NoSuchModule; Import-Module ./Broken.psd1")
    assert shell.error_ids() == ["Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand"]


def test_import_module_in_a_modules_code_imports_into_that_module(tmp_path):
    (tmp_path / "Helper.psm1").write_text('function Get-Helper { "helper" }\n')
    (tmp_path / "Main.psm1").write_text('Import-Module $PSScriptRoot/Helper.psm1\n'
                                        'function Get-Main { "main+" + (Get-Helper) }\n'
                                        'Export-ModuleMember -Function Get-Main\n')
    (tmp_path / "Loud.psm1").write_text('Import-Module $PSScriptRoot/Helper.psm1 -Global\n')
    shell = Shell(location=str(tmp_path))
    assert shell.text("Import-Module ./Main.psm1; Get-Main") == ["main+helper"]
    shell.run("Get-Helper")
    assert shell.error_ids() == ["CommandNotFoundException"]
    assert shell.text("Import-Module ./Helper.psm1; Get-Helper") == ["helper"], "imported again, globally"
    other = Shell(location=str(tmp_path))
    assert other.text("Import-Module ./Loud.psm1; Get-Helper") == ["helper"]
