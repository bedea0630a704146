"""Listing, describing and documenting commands reads metadata only: no
command implementation of a plugin at start-up, and neither msal nor httpx
at all until a command needs them.  Checked in a fresh interpreter, since
other tests import httpx."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = r"""
import json, sys
from pwshlike.plugins.session import install
from pwshlike.runtime import ExecutionContext, execute_script

watched = ["pwshlike_partnercenter.cmdlets", "pwshlike_msgraph.signins", "pwshlike_msgraph.models", "httpx", "msal"]
loaded = lambda: [m for m in watched if m in sys.modules]
context = ExecutionContext()
install(context)
at_start = loaded()
out = []
execute_script(context, sys.argv[1], emit=out.append, dot_source=True)
print(json.dumps({"start": at_start, "after": loaded(), "count": len(out)}))
"""


def _probe(script: str, tmp_path) -> dict:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data"),
               PSModulePath=str(tmp_path / "modules"))
    result = subprocess.run([sys.executable, "-c", PROBE, script], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_start_up_imports_no_plugin_command_code(tmp_path):
    assert _probe("", tmp_path)["start"] == []


def test_listing_describing_and_documenting_every_command_imports_neither_msal_nor_httpx(tmp_path):
    report = _probe("Get-Command | ForEach-Object { $_.Name }; Get-Command * -Syntax; "
                    "Get-Module -ListAvailable; Get-Help New-PartnerAccessToken -Full; "
                    "Get-Help New-MgOauth2PermissionGrant -Full", tmp_path)
    assert report["count"] > 50
    assert "httpx" not in report["after"] and "msal" not in report["after"]
    assert "pwshlike_msgraph.signins" in report["after"], "describing loads the command class, nothing more"


def test_a_bundled_command_imports_network_libraries_only_to_sign_in(tmp_path):
    # -WhatIf, and a token that is only decoded, need no network.
    report = _probe("New-MgOauth2PermissionGrant -ClientId c -WhatIf; "
                    "New-PartnerAccessToken -AccessToken not.a.token -ApplicationId a -Scopes s 2>$null", tmp_path)
    assert "httpx" not in report["after"] and "msal" not in report["after"]


def test_nothing_in_the_pwshlike_package_imports_the_bundled_plugins():
    import pwshlike
    root = os.path.dirname(pwshlike.__file__)
    offenders = []
    for directory, _dirs, files in os.walk(root):
        for name in files:
            if name.endswith(".py"):
                with open(os.path.join(directory, name), encoding="utf-8") as handle:
                    text = handle.read()
                if "pwshlike_partnercenter" in text or "pwshlike_msgraph" in text:
                    offenders.append(name)
    assert offenders == []
