"""No start-up regression: listing commands, modules and plugins, and
completing command names, import no cmdlet module of any bundled plugin;
describing one command imports that command's module alone.  Each case
runs in a fresh interpreter, where ``sys.modules`` shows what was imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PROBE = r"""
import json, sys
from pwshlike.plugins.session import install
from pwshlike.runtime import ExecutionContext, execute_script
from pwshlike.repl.completion import CompletionEngine

request = json.loads(sys.argv[1])
context = ExecutionContext()
install(context)
host = context.plugins
bundled = {"partnercenter", "msgraph", "emulator"}
command_modules = sorted({command.target.partition(":")[0] for spec in host.modules if spec.plugin in bundled
                          for command in spec.commands})
loaded = lambda: [m for m in command_modules if m in sys.modules]
at_start = loaded()
out = []
execute_script(context, request["script"], emit=out.append, dot_source=True)
completer = CompletionEngine(context)
completed = [item.text for word in request.get("complete", ()) for item in completer.complete(word).items]
print(json.dumps({"modules": command_modules, "start": at_start, "after": loaded(), "count": len(out),
                  "completed": completed}))
"""


def _probe(tmp_path, script: str, complete: tuple[str, ...] = ()) -> dict:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data"),
               PSModulePath=str(tmp_path / "modules"))
    env.pop("PWSHLIKE_PLUGINS", None)
    result = subprocess.run([sys.executable, "-c", PROBE, json.dumps({"script": script, "complete": complete})],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


LISTING = {
    "Get-Command": "Get-Command | Out-String",
    "Get-Command -Module": "Get-Command -Module PartnerCenter, Microsoft.Graph.*, Pwshlike.Emulator | Out-String",
    "Get-Module -ListAvailable": "Get-Module -ListAvailable | Format-List * | Out-String",
    "Get-PwshlikePlugin": "Get-PwshlikePlugin | Format-List * | Out-String",
    "Version and Module of commands": "Get-Command -Module PartnerCenter, Microsoft.Graph.* | "
                                      "ForEach-Object { $_.Version; $_.Module.Name } | Out-String",
}


@pytest.mark.parametrize("script", list(LISTING.values()), ids=list(LISTING))
def test_listing_imports_no_plugin_cmdlet_module(tmp_path, script):
    report = _probe(tmp_path, script)
    assert {"pwshlike_partnercenter.cmdlets", "pwshlike_msgraph.signins"} <= set(report["modules"])
    assert report["start"] == [], "start-up imports no command code"
    assert report["count"] > 0
    assert report["after"] == []


def test_completing_command_names_imports_no_plugin_cmdlet_module(tmp_path):
    report = _probe(tmp_path, "", complete=("New-Par", "Get-Mg", "Start-Pwshlike"))
    assert "New-PartnerAccessToken" in report["completed"] and "Get-MgUser" in report["completed"]
    assert report["after"] == []


def test_describing_a_command_imports_that_commands_module_only(tmp_path):
    report = _probe(tmp_path, "Get-Command New-PartnerAccessToken -Syntax; Get-Help New-PartnerAccessToken")
    assert report["after"] == ["pwshlike_partnercenter.cmdlets"]
