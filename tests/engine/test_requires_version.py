"""A script file whose ``#requires -Version`` names a version this shell
(7.4) cannot meet stops before its first statement with pwsh's
ScriptRequiresException; released versions up to 7.4 run."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.mark.parametrize("version", ["3.0", "5.1", "6.2", "7.0", "7.4"])
def test_met_versions_run(tmp_path, version):
    script = tmp_path / "ok.ps1"
    script.write_text(f"#requires -Version {version}\n'ran'\n")
    assert Shell().text(f". '{script}'") == ["ran"]


@pytest.mark.parametrize("version", ["7.5", "8.0", "5.2"])
def test_unmet_version_stops_the_script(tmp_path, version):
    script = tmp_path / "new.ps1"
    script.write_text(f"'never'\n#requires -Version {version}\n")
    shell = Shell()
    out = shell.text(f"try {{ . '{script}' }} catch {{ $_.FullyQualifiedErrorId; "
                     "$_.Exception.GetType().FullName; $_.CategoryInfo.Category; $_.Exception.Message }")
    assert out[:3] == ["ScriptRequiresUnmatchedPSVersion", "System.Management.Automation.ScriptRequiresException",
                       "ResourceUnavailable"]
    assert out[3] == (f"The script 'new.ps1' cannot be run because it contained a \"#requires\" statement for "
                      f"PowerShell {version}. The version of PowerShell that is required by the script does not "
                      "match the currently running version of PowerShell 7.4.6.")


def test_script_block_create_reports_a_bad_requires_line_as_parse_exception():
    shell = Shell()
    out = shell.text('try { [scriptblock]::Create("#requires -version A`n1") } catch { '
                     "$_.FullyQualifiedErrorId; $_.Exception.GetType().Name; "
                     "$_.Exception.InnerException.GetType().Name }")
    assert out == ["ParseException", "MethodInvocationException", "ParseException"]


@pytest.mark.parametrize("uid", [0, 1000])
def test_run_as_administrator_needs_root(tmp_path, monkeypatch, uid):
    monkeypatch.setattr("os.geteuid", lambda: uid)
    script = tmp_path / "admin.ps1"
    script.write_text("#requires -RunAsAdministrator\n'ran'\n")
    shell = Shell()
    out = shell.text(f"try {{ . '{script}' }} catch {{ $_.FullyQualifiedErrorId; $_.Exception.Message }}")
    if uid == 0:
        assert out == ["ran"]
    else:
        assert out == ["ScriptRequiresElevation",
                       "The script 'admin.ps1' cannot be run because it contains a \"#requires\" statement for "
                       "running as Administrator. The current PowerShell session is not running as Administrator. "
                       "Start PowerShell by using the Run as Administrator option, and then try running the "
                       "script again."]
