"""``[Environment]`` as .NET 8 reports it on Linux: OSVersion (Unix and the
kernel release's numbers), special folders, and environment variables by
target (only the process has them on Unix)."""

from __future__ import annotations

import os

from helpers.session import Shell


def test_os_version():
    shell = Shell()
    release = os.uname().release
    import re
    numbers = [int(n) for n in re.findall(r"\d+", release)[:4]] + [0, 0, 0, 0]
    version = ".".join(str(n) for n in numbers[:4])
    script = """
    $os = [Environment]::OSVersion
    $os.Platform; $os.VersionString; "$os"; $os.Version.ToString(); $os.GetType().FullName
    $os.Platform -eq [PlatformID]::Unix
    """
    assert shell.text(script) == ["Unix", f"Unix {version}", f"Unix {version}", version, "System.OperatingSystem",
                                  "True"]


def test_special_folders(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", "/data/xdg")
    shell = Shell()
    script = """
    [Environment]::GetFolderPath('UserProfile')
    [Environment]::GetFolderPath([Environment+SpecialFolder]::ApplicationData)
    [Environment]::GetFolderPath('LocalApplicationData')
    [Environment]::GetFolderPath('MyMusic')
    [Environment]::GetFolderPath('CommonApplicationData')
    [Environment]::GetFolderPath('Windows') -eq ''
    """
    assert shell.text(script) == [str(tmp_path), f"{tmp_path}/.config", "/data/xdg", f"{tmp_path}/Music",
                                  "/usr/share", "True"]


def test_environment_variables_by_target(monkeypatch):
    monkeypatch.setenv("H7_PROBE", "one")
    shell = Shell()
    script = """
    [Environment]::GetEnvironmentVariable('H7_PROBE')
    [Environment]::GetEnvironmentVariable('H7_PROBE', 'Process')
    $null -eq [Environment]::GetEnvironmentVariable('H7_PROBE', [EnvironmentVariableTarget]::User)
    [Environment]::SetEnvironmentVariable('H7_PROBE', 'two', 'Machine'); $env:H7_PROBE
    [Environment]::SetEnvironmentVariable('H7_PROBE', 'three'); $env:H7_PROBE
    [Environment]::SetEnvironmentVariable('H7_PROBE', ''); $null -eq $env:H7_PROBE
    ([Environment]::GetEnvironmentVariables('User')).Count
    """
    try:
        assert shell.text(script) == ["one", "one", "True", "one", "three", "True", "0"]
    finally:
        os.environ.pop("H7_PROBE", None)
