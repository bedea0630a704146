"""``#requires -Modules``: a script's required modules are imported before
it runs; a missing one stops it with ScriptRequiresMissingModules."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.fixture
def shell(tmp_path, monkeypatch):
    monkeypatch.setenv("PSModulePath", str(tmp_path / "Modules"))
    (tmp_path / "Modules" / "Banana").mkdir(parents=True)
    (tmp_path / "Modules" / "Banana" / "Banana.psm1").write_text("function Get-Banana { 'banana' }\n")
    session = Shell(location=str(tmp_path))
    session.run("New-ModuleManifest ./Modules/Banana/Banana.psd1 -RootModule Banana.psm1 -ModuleVersion 0.12.1")
    return session


def _script(tmp_path, requirement: str):
    path = tmp_path / "script.ps1"
    path.write_text(f"#requires -Modules {requirement}\n\nGet-Banana\n")
    return path


@pytest.mark.parametrize("requirement", ["Banana", "@{ ModuleName = 'Banana'; ModuleVersion = '0.1' }",
                                         "@{ ModuleName = 'Banana'; RequiredVersion = '0.12.1' }"])
def test_the_required_module_is_imported_first(shell, tmp_path, requirement):
    script = _script(tmp_path, requirement)
    assert shell.text(f"& '{script}'; (Get-Module).Name") == ["banana", "Banana"]


@pytest.mark.parametrize("requirement, detail", [
    ("NoSuchModule", "The module 'NoSuchModule' cannot be found."),
    ("@{ ModuleName = 'Banana'; ModuleVersion = '1.0' }", "The module 'Banana' cannot be found with ModuleVersion '1.0'."),
    ("@{ ModuleName = 'Banana'; MaximumVersion = '0.1' }",
     "The module 'Banana' cannot be found with MaximumVersion '0.1'."),
])
def test_a_missing_module_stops_the_script(shell, tmp_path, requirement, detail):
    script = _script(tmp_path, requirement)
    assert shell.run(f"& '{script}'") == []
    assert shell.error_ids() == ["ScriptRequiresMissingModules"]
    assert str(shell.errors()[0]) == ("The script 'script.ps1' cannot be run because the following modules that are "
                                      f"specified by the \"#requires\" statements of the script are missing: {detail}.")
