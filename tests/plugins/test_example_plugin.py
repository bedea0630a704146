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
from pathlib import Path

import pytest

from helpers.terminal import Pane

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


def test_install_use_and_uninstall_the_example_plugin(venv, tmp_path):
    python, source, env = venv
    _pip(venv, "install", "--no-index", "--no-deps", "--no-build-isolation", str(source))

    # The plugin's own tests, written with pwshlike.testing and its pytest fixture, pass where it is installed.
    tests = subprocess.run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], cwd=source,
                           capture_output=True, text=True, env=env, timeout=300)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "8 passed" in tests.stdout

    result = _shell(venv, "Get-Greeting H* -First 2; Send-Greeting Ada, Grace; "
                          "[pscustomobject]@{ Name = 'Linus'; Greeting = 'Bonjour' } | Send-Greeting; "
                          "Send-Greeting Alan -WhatIf; (Get-Module Greetings).Version.ToString()")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "", "Name         Language   Formal", "----         --------   ------", "Hello        English    yes",
        "Hi           English    no", "Hello, Ada!", "Hello, Grace!", "Bonjour, Linus!",
        'What if: Performing the operation "Send greeting" on target "Alan".', "1.1.0", ""]

    syntax = _shell(venv, "Get-Command Get-Greeting -Syntax")
    assert syntax.stdout.strip() == "Get-Greeting [[-Name] <string[]>] [-Language <string[]>] [-First <int>] " \
                                    "[<CommonParameters>]"
    bad = _shell(venv, "Get-Greeting -First 500")
    assert bad.returncode == 1
    assert "Get-Greeting: Cannot validate argument on parameter 'First'. The 500 argument is greater than the " \
           "maximum allowed range of 100." in bad.stderr

    # A Python bug names the command and the plugin, never shows a traceback unless asked to.
    bug = _shell(venv, "@() | Measure-Greeting")
    assert bug.stderr.startswith("Measure-Greeting: ZeroDivisionError: division by zero")
    assert "Traceback" not in bug.stderr
    details = _shell(venv, "try { @() | Measure-Greeting } catch { $_.ErrorDetails.RecommendedAction; "
                           "$_.Exception.StackTrace }")
    assert "This is a bug in the plugin 'greetings' (pwshlike-greetings 1.1.0)" in details.stdout
    assert "return sum(self.lengths) / len(self.lengths)" in details.stdout or \
           "yield sum(self.lengths) / len(self.lengths)" in details.stdout

    # ConfirmImpact High: with standard input at its end the question is answered No and nothing changes.
    history = _history_file(env)
    before = history.read_text()
    confirm = subprocess.run([str(python), "-m", "pwshlike", "-NoProfile", "-Command", "Clear-GreetingHistory"],
                             stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=120)
    assert "Are you sure you want to perform this action?" in confirm.stdout
    assert history.read_text() == before

    _completes_in_the_repl(venv, tmp_path)

    _pip(venv, "uninstall", "--yes", "pwshlike-greetings")
    gone = _shell(venv, "Get-Greeting")
    assert gone.stdout == ""
    assert "The term 'Get-Greeting' is not recognized" in gone.stderr


def _history_file(env: dict[str, str]) -> Path:
    return Path(env["XDG_DATA_HOME"]) / "pwshlike-greetings" / "history.txt"


def _completes_in_the_repl(venv, tmp_path) -> None:
    """ValidateSet values complete at the interactive prompt."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (.ci/run installs it): no terminal to drive")
    python, _source, env = venv
    terminal = {**{name: env[name] for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "PSModulePath")},
                "HOME": str(tmp_path), "TERM": "xterm-256color", "PATH": os.environ.get("PATH", ""),
                "NO_COLOR": "1"}
    pane = Pane([str(python), "-m", "pwshlike", "-NoProfile", "-NoLogo"], str(tmp_path), terminal)
    try:
        pane.wait_for_text(f"PS {tmp_path}>")
        pane.keys("Get-Greeting -Language Fr", "Tab")
        pane.wait_for_text("Get-Greeting -Language French")
        pane.keys(" -First 1", "Enter")
        pane.wait_for_text("Bonjour      French     yes")
        pane.keys("Send-Greeting Ada -Greeting Bon", "Tab")
        pane.wait_for_text("Send-Greeting Ada -Greeting Bonjour")
        pane.keys("Enter")
        pane.wait_for_text("\nBonjour, Ada!")
    finally:
        pane.close()
