"""Get-Module, Import-Module, Remove-Module, module-qualified names and
autoloading, over the bundled plugin modules."""

from __future__ import annotations

import pytest

IMPORT = "Microsoft.PowerShell.Commands.ImportModuleCommand"
REMOVE = "Microsoft.PowerShell.Commands.RemoveModuleCommand"
SIGNINS = "Microsoft.Graph.Identity.SignIns"
AUTHENTICATION = "Microsoft.Graph.Authentication"  # every Graph module requires it
WHAT_IF_GRANT = "New-MgOauth2PermissionGrant -ClientId c -WhatIf"


def test_a_new_session_has_no_modules_imported(bundled):
    assert bundled.run("Get-Module") == []
    assert bundled.text("Get-Module -All | ForEach-Object Name") == [
        "Microsoft.PowerShell.Host", "Microsoft.PowerShell.Management", "Microsoft.PowerShell.Security",
        "Microsoft.PowerShell.Utility"]


def test_first_use_autoloads_the_module_and_the_modules_it_requires(bundled):
    bundled.run(WHAT_IF_GRANT)
    assert bundled.text("Get-Module | ForEach-Object { $_.Name + ' ' + $_.Version + ' ' + $_.ModuleType }") == [
        "Microsoft.Graph.Authentication 2.25.0 Binary", f"{SIGNINS} 2.25.0 Binary"]
    assert bundled.text(f"(Get-Module {SIGNINS}).RequiredModules.Name") == ["Microsoft.Graph.Authentication"]


def test_listing_commands_shows_modules_that_are_not_imported(bundled):
    assert bundled.text("Get-Command New-*Token, New-MgOauth2* | ForEach-Object { $_.Name + ' ' + $_.Source }") == [
        "New-PartnerAccessToken PartnerCenter", f"New-MgOauth2PermissionGrant {SIGNINS}"]
    assert bundled.run("Get-Module") == []


def test_list_available(bundled):
    names = bundled.text("Get-Module -ListAvailable | ForEach-Object Name")
    assert {"PartnerCenter", SIGNINS, "Microsoft.PowerShell.Utility"} <= set(names)
    assert "Microsoft.PowerShell.Core" not in names
    assert bundled.text("(Get-Module -ListAvailable Partner*).ExportedCommands.Keys") == ["New-PartnerAccessToken"]


def test_import_module_pass_thru_returns_the_module_once(bundled):
    out = bundled.run(f"Import-Module {SIGNINS} -PassThru; Import-Module {SIGNINS} -PassThru; "
                      f"Import-Module {SIGNINS}")
    assert len(out) == 2 and out[0] is out[1]
    assert bundled.text(f"(Get-Module).Name; (Get-Module {SIGNINS}).Path -like '*pwshlike_msgraph'") == [
        AUTHENTICATION, SIGNINS, "True"]


def test_force_imports_again(bundled):
    first, second = bundled.run("Import-Module PartnerCenter -PassThru; Import-Module PartnerCenter -Force -PassThru")
    assert first is not second
    assert bundled.text("(Get-Module).Count") == ["1"]


def test_import_module_verbose_messages(bundled):
    [loading, importing] = bundled.result("Import-Module PartnerCenter -Verbose").verbose
    assert loading.startswith("Loading module from path '") and loading.endswith("pwshlike_partnercenter'.")
    assert importing == "Importing cmdlet 'New-PartnerAccessToken'."


@pytest.mark.parametrize("arguments, ok", [
    ("-MinimumVersion 3.0", True), ("-MinimumVersion 3.0.11", True), ("-RequiredVersion 3.0.11", True),
    ("-MaximumVersion 3.*", True), ("-MaximumVersion 3.0.10", False), ("-MinimumVersion 4.0", False),
    ("-RequiredVersion 3.0", False), ("-Version 3.1", False),
])
def test_version_constraints(bundled, arguments, ok):
    out = bundled.run(f"Import-Module PartnerCenter {arguments} -PassThru")
    assert len(out) == (1 if ok else 0)
    assert bundled.error_ids() == ([] if ok else [f"Modules_ModuleWithVersionNotFound,{IMPORT}"])


def test_version_error_text(bundled):
    bundled.run("Import-Module PartnerCenter -RequiredVersion 9.9")
    [record] = bundled.errors()
    assert str(record) == ("The specified module 'PartnerCenter' with version '9.9' was not loaded because no valid "
                           "module file was found in any module directory.")


def test_module_not_found(bundled):
    bundled.run("Import-Module NoSuchModule")
    [record] = bundled.errors()
    assert record.fully_qualified_error_id == f"Modules_ModuleNotFound,{IMPORT}"
    assert str(record) == ("The specified module 'NoSuchModule' was not loaded because no valid module file was "
                           "found in any module directory.")
    assert str(record.category_info.category) == "ResourceUnavailable"
    assert record.exception.full_name == "System.IO.FileNotFoundException"
    assert record.target_object == "NoSuchModule"


def test_prefix_renames_the_imported_commands(bundled):
    out = bundled.text("Import-Module PartnerCenter -Prefix Contoso; "
                       "Get-Command -Module PartnerCenter | ForEach-Object Name; (Get-Module PartnerCenter).Prefix")
    assert out == ["New-ContosoPartnerAccessToken", "Contoso"]
    [syntax] = bundled.text("Get-Command New-ContosoPartnerAccessToken -Syntax")
    assert syntax.split("\n")[1].startswith("New-ContosoPartnerAccessToken -AccessToken <string>")
    bundled.run("New-ContosoPartnerAccessToken -AccessToken not.a.token -ApplicationId a -Scopes s")
    assert bundled.error_ids() == [
        "InvalidToken,Microsoft.Store.PartnerCenter.PowerShell.Commands.NewPartnerAccessToken"]


def test_remove_module_takes_the_commands_away(bundled):
    bundled.run(f"Import-Module {SIGNINS}; Remove-Module {SIGNINS}; "
                "$PSModuleAutoLoadingPreference = 'None'; " + WHAT_IF_GRANT)
    assert bundled.text("(Get-Module).Name") == [AUTHENTICATION]  # as in pwsh, a required module stays
    assert bundled.error_ids() == ["CommandNotFoundException"]


def test_remove_module_by_module_info_and_wildcards(bundled):
    bundled.run(f"Import-Module PartnerCenter, {SIGNINS}; Get-Module Partner* | Remove-Module")
    assert bundled.text("(Get-Module).Name") == [AUTHENTICATION, SIGNINS]
    bundled.run("Remove-Module Microsoft.*")
    assert bundled.run("Get-Module") == [] and bundled.errors() == []


def test_remove_module_of_a_module_not_imported(bundled):
    bundled.run("Remove-Module PartnerCenter")
    [record] = bundled.errors()
    assert record.fully_qualified_error_id == f"Modules_NoModulesRemoved,{REMOVE}"
    assert str(record) == ("No modules were removed. Verify that the specification of modules to remove is correct "
                           "and those modules exist in the runspace.")
    bundled.run("Remove-Module NoSuch*")
    assert len(bundled.errors()) == 1, "a wildcard that matches nothing is not an error"


def test_remove_module_what_if(bundled):
    [line] = bundled.result("Import-Module PartnerCenter; Remove-Module PartnerCenter -WhatIf").text.splitlines()
    assert line.startswith('What if: Performing the operation "Remove-Module" on target "PartnerCenter (Path: \'')
    assert bundled.text("(Get-Module).Name") == ["PartnerCenter"]


def test_module_qualified_names(bundled):
    [line] = bundled.result(f"{SIGNINS}\\New-MgOauth2PermissionGrant -ClientId c -WhatIf").text.splitlines()
    assert line.startswith('What if: Performing the operation "New-MgOauth2PermissionGrant_CreateExpanded"')
    assert bundled.text("(Get-Module).Name") == [AUTHENTICATION, SIGNINS]
    bundled.run("PartnerCenter\\New-MgOauth2PermissionGrant -WhatIf")
    assert bundled.error_ids() == ["CommandNotFoundException"]
    assert bundled.text("Microsoft.PowerShell.Utility\\Write-Output ok") == ["ok"]


@pytest.mark.parametrize("preference, plain, qualified", [
    ("All", True, True), ("ModuleQualified", False, True), ("None", False, False)])
def test_autoloading_preference(bundled, preference, plain, qualified):
    shown = bundled.result(f"$PSModuleAutoLoadingPreference = '{preference}'; {WHAT_IF_GRANT}").text
    assert shown.count("What if: ") == (1 if plain else 0)
    shown = bundled.result(f"{SIGNINS}\\New-MgOauth2PermissionGrant -ClientId c -WhatIf").text
    assert shown.count("What if: ") == (1 if qualified else 0)


def test_explicit_import_works_when_autoloading_is_off(bundled):
    [line] = bundled.result(f"$PSModuleAutoLoadingPreference = 'None'; Import-Module {SIGNINS}; "
                            f"{WHAT_IF_GRANT}").text.splitlines()
    assert line.startswith("What if: ")


def test_module_info_members(bundled):
    out = bundled.text("$m = Import-Module PartnerCenter -PassThru; $m.Description; $m.Author; "
                       "$m.ExportedCmdlets.Keys; $m.ModuleType.GetType().FullName; $m.GetType().FullName; "
                       "\"$m\"; $m -is [psmoduleinfo]")
    assert out == ["Partner Center cmdlets: acquiring access tokens for Partner Center and other APIs.",
                   "pwshlike", "New-PartnerAccessToken", "System.Management.Automation.ModuleType",
                   "System.Management.Automation.PSModuleInfo", "PartnerCenter", "True"]


def test_import_module_by_module_info_from_list_available(bundled):
    bundled.run("Get-Module -ListAvailable PartnerCenter | Import-Module")
    assert bundled.text("(Get-Module).Name") == ["PartnerCenter"]


def test_an_engine_module_named_by_import_module_is_listed_until_removed(bundled):
    security = "Microsoft.PowerShell.Security"
    bundled.run(f"Import-Module {security}")
    assert bundled.text("Get-Module | ForEach-Object Name") == [security]
    assert bundled.run(f"(Import-Module {security} -PassThru) -eq (Get-Module {security})") == [True]
    bundled.run(f"Import-Module -ModuleInfo (Get-Module -ListAvailable {security})[0]")
    assert bundled.text("Get-Module | ForEach-Object Name") == [security]
    bundled.run(f"Remove-Module {security}")
    assert bundled.run("Get-Module") == []
    # Its cmdlets stay: the engine's modules are always loaded.
    assert bundled.text("Get-Command ConvertTo-SecureString | ForEach-Object Source") == [security]
    assert len(bundled.run("Get-Module -All")) == 4
