"""The out-of-tree example plugin (examples/plugins), installed with pip
into a fresh virtual environment, used through the shell, then uninstalled.

The new environment sees pwshlike (and setuptools, for building without
network access) through a .pth file adding this environment's
site-packages; the plugin itself is built and installed into the new
environment only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import time

import pytest

EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "plugins")


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    root = tmp_path_factory.mktemp("example-plugin")
    target = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(target)], check=True, timeout=120)
    python = target / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    ours = sysconfig.get_paths()["purelib"]
    with open(os.path.join(site, "_pwshlike_under_test.pth"), "w") as handle:
        handle.write(f"import site; site.addsitedir({ours!r})\n")
    source = root / "source"
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    env = dict(os.environ, XDG_CACHE_HOME=str(root / "cache"), XDG_DATA_HOME=str(root / "data"),
               PSModulePath=str(root / "modules"), PIP_DISABLE_PIP_VERSION_CHECK="1")
    return python, source, env


def _pip(venv, *args: str) -> None:
    python, _source, env = venv
    result = subprocess.run([str(python), "-m", "pip", *args], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def _shell(venv, script: str) -> subprocess.CompletedProcess:
    python, _source, env = venv
    return subprocess.run([str(python), "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-Command", script],
                          capture_output=True, text=True, env=env, timeout=120)


def test_install_use_and_uninstall_the_example_plugin(venv):
    python, source, _env = venv
    started = time.perf_counter()
    _pip(venv, "install", "--no-index", "--no-deps", "--no-build-isolation", str(source))

    result = _shell(venv, "Send-Greeting Ada, Grace; 'Linus', 'Barbara' | Send-Greeting -Greeting Welcome; "
                          "Send-Greeting Alan -WhatIf; (Get-Module Greetings).Version.ToString()")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Hello, Ada!", "Hello, Grace!", "Welcome, Linus!", "Welcome, Barbara!",
        'What if: Performing the operation "Send greeting" on target "Alan".', "1.0.0"]

    syntax = _shell(venv, "Get-Command Send-Greeting -Syntax")
    assert syntax.stdout.strip() == "Send-Greeting [-Name] <string[]> [-Greeting <string>] [-WhatIf] [-Confirm] " \
                                    "[<CommonParameters>]"
    bad = _shell(venv, "Send-Greeting Ada -Greeting Yo")
    assert bad.returncode == 1
    assert "does not belong to the set \"Hello,Hi,Welcome\"" in bad.stderr
    assert "Traceback" not in bad.stderr

    _pip(venv, "uninstall", "--yes", "pwshlike-greetings")
    gone = _shell(venv, "Send-Greeting Ada")
    assert gone.stdout == ""
    assert "The term 'Send-Greeting' is not recognized" in gone.stderr
    assert time.perf_counter() - started < 60
