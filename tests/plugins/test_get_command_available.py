"""Get-Command -Module lists a module's commands before it is imported, as
pwsh does (from the manifest's FunctionsToExport or the .psm1's
functions), and leaves the module unimported."""

from __future__ import annotations

import textwrap


def _write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


def _module(root, name: str = "Tools", exports: str = "@('Get-Thing', 'Set-Thing')") -> None:
    _write(root / name / f"{name}.psm1", """
        function Get-Thing { 'thing' }
        function Set-Thing { 'set' }
        function Get-Helper { 'private' }
    """)
    _write(root / name / f"{name}.psd1",
           f"@{{ RootModule = '{name}.psm1'; ModuleVersion = '1.2.3'; FunctionsToExport = {exports} }}")


def test_get_command_module_lists_an_available_module_without_importing_it(env, tmp_path):
    _module(tmp_path / "modules")
    session = env.session()
    table = session.one("Get-Command -Module Tools | Out-String")
    lines = [line.rstrip() for line in table.splitlines() if line.strip()]
    assert lines == [
        "CommandType     Name                                               Version    Source",
        "-----------     ----                                               -------    ------",
        "Function        Get-Thing                                          1.2.3      Tools",
        "Function        Set-Thing                                          1.2.3      Tools"]
    assert session.run("Get-Module Tools") == [], "listing does not import"
    assert session.text("(Get-Command -Module Tools).Source") == ["Tools", "Tools"]
    assert session.text("(Get-Command -Module Tools)[0].Module.Name") == ["Tools"]


def test_name_and_module_wildcards_filter_the_listing(env, tmp_path):
    _module(tmp_path / "modules")
    _module(tmp_path / "modules", "Other", "'Get-Thing'")
    session = env.session()
    assert session.text("Get-Command -Module Tools -Name Set* | ForEach-Object Name") == ["Set-Thing"]
    assert session.text("Get-Command -Module Too* -Verb Get | ForEach-Object Name") == ["Get-Thing"]
    assert session.text("Get-Command -Module Other | ForEach-Object { $_.Name + ' ' + $_.Source }") == [
        "Get-Thing Other"]
    assert session.run("Get-Module") == []


def test_a_psm1_without_manifest_lists_its_exported_functions(env, tmp_path):
    _write(tmp_path / "modules" / "Plain" / "Plain.psm1", """
        function Get-One { 1 }
        function Get-Two { 2 }
        Export-ModuleMember -Function Get-One
    """)
    session = env.session()
    assert session.text("Get-Command -Module Plain | ForEach-Object Name") == ["Get-One"]
    assert session.run("Get-Module Plain") == []


def test_a_listed_command_still_autoloads_and_is_listed_once(env, tmp_path):
    _module(tmp_path / "modules")
    session = env.session()
    session.run("Get-Command -Module Tools")
    assert session.text("Set-Thing") == ["set"]
    assert session.text("(Get-Module).Name") == ["Tools"]
    assert session.text("Get-Command -Module Tools | ForEach-Object Name") == ["Get-Thing", "Set-Thing"]


def test_a_plugin_module_is_listed_without_importing_it(bundled):
    names = bundled.text("Get-Command -Module PartnerCenter -Name New-PartnerAccess* | "
                         "ForEach-Object { $_.Name + ' ' + $_.Source }")
    assert names == ["New-PartnerAccessToken PartnerCenter"]
    assert bundled.run("Get-Module PartnerCenter") == []


def test_get_command_lists_available_functions_unless_list_imported(env, tmp_path):
    _module(tmp_path / "modules")
    session = env.session()
    assert session.text("Get-Command -Noun Thing | ForEach-Object Name") == ["Get-Thing", "Set-Thing"]
    assert session.text("Get-Command *-Thing | ForEach-Object Name") == ["Get-Thing", "Set-Thing"]
    assert session.run("Get-Command -Noun Thing -ListImported") == []
    assert session.run("Get-Command -Module PartnerCenter -ListImported") == [], "plugin modules not imported either"
    session.run("Import-Module Tools")
    assert session.text("Get-Command -Noun Thing -ListImported | ForEach-Object Name") == ["Get-Thing", "Set-Thing"]


PROBE = r"""
import json, sys
from pwshlike.plugins.session import install
from pwshlike.runtime import ExecutionContext, execute_script

context = ExecutionContext()
install(context)
out = []
execute_script(context, sys.argv[1], emit=out.append, dot_source=True)
watched = ["pwshlike_partnercenter.cmdlets", "pwshlike_msgraph.signins", "pwshlike_msgraph.users"]
print(json.dumps({"names": [str(o) for o in out], "loaded": [m for m in watched if m in sys.modules]}))
"""


def test_listing_plugin_modules_imports_none_of_their_command_code(tmp_path):
    import json
    import os
    import subprocess
    import sys
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data"),
               PSModulePath=str(tmp_path / "modules"))
    script = "(Get-Command -Module PartnerCenter, Microsoft.Graph.* -Name *).Name"
    result = subprocess.run([sys.executable, "-c", PROBE, script], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "New-PartnerAccessToken" in report["names"] and "New-MgOauth2PermissionGrant" in report["names"]
    assert report["loaded"] == []


def test_aliases_are_listed_before_and_after_the_import(env, tmp_path):
    _write(tmp_path / "modules" / "Short" / "Short.psm1", """
        function Get-Thing { 'thing' }
        New-Alias -Name gth -Value Get-Thing
        Set-Alias sth Get-Thing -Force
        New-Alias -Name private -Value Get-Thing
    """)
    _write(tmp_path / "modules" / "Short" / "Short.psd1",
           "@{ RootModule = 'Short.psm1'; ModuleVersion = '2.0'; FunctionsToExport = 'Get-Thing'; "
           "AliasesToExport = 'gth', 'sth' }")
    _write(tmp_path / "modules" / "Quiet" / "Quiet.psm1", """
        function Get-Quiet { 'quiet' }
        New-Alias -Name gq -Value Get-Quiet
        Export-ModuleMember -Function Get-Quiet
    """)
    session = env.session()
    listing = "Get-Command -Module Short, Quiet | ForEach-Object { \"$($_.CommandType) $($_.Name) $($_.Source)\" }"
    expected = ["Function Get-Quiet Quiet", "Function Get-Thing Short", "Alias gth Short", "Alias sth Short"]
    assert session.text(listing) == expected
    assert session.text("(Get-Command -Module Short -Name g*).Definition") == ["", "Get-Thing"]
    assert session.run("Get-Module") == []
    session.run("Import-Module Short, Quiet")
    assert session.text(listing) == expected
    assert session.text("gth; (Get-Command sth).Source") == ["thing", "Short"]


def test_an_exported_alias_autoloads_its_module(env, tmp_path):
    _write(tmp_path / "modules" / "Short" / "Short.psm1", """
        function Get-Thing { 'thing' }
        New-Alias -Name gth -Value Get-Thing
    """)
    session = env.session()
    assert session.text("gth; (Get-Module).Name") == ["thing", "Short"]
